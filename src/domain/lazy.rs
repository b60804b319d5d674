//! The pieces of code the release build splits off the main module and fetches when needed,
//! and which of them a deep link fetches as the page starts. The release tool
//! (`tools/release`) reads this table: it checks that every piece is a split point of the build
//! (`split_code!` names each by [`Piece::module`]) and writes the early fetches into the page.

use crate::domain::i18n::Lang;
use crate::domain::sections::Section;

/// One lazily loaded piece: a wasm-split module of the release build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The Hotkeys section (`pages/section_code.rs`).
    Hotkeys,
    /// The four smaller sections, which share one chunk.
    Sections,
    /// Code only opened on purpose: the photo editor and Hotkeys' rarely used tools.
    OnDemand,
    /// The shell's and Personal info's Chinese (`i18n.rs`).
    ZhMain,
    /// Hotkeys' Chinese.
    ZhHotkeys,
    /// The language switch (`components/language_switch.rs`).
    LangSwitch,
    /// The tests' pseudo-language.
    Pseudo,
}

impl Piece {
    pub const ALL: [Piece; 7] = [
        Piece::Hotkeys,
        Piece::Sections,
        Piece::OnDemand,
        Piece::ZhMain,
        Piece::ZhHotkeys,
        Piece::LangSwitch,
        Piece::Pseudo,
    ];

    /// The split module's name, as its `split_code!` lines give it.
    pub fn module(self) -> &'static str {
        match self {
            Piece::Hotkeys => "section_hotkeys",
            Piece::Sections => "sections",
            Piece::OnDemand => "on_demand",
            Piece::ZhMain => "lang_zh_main",
            Piece::ZhHotkeys => "lang_zh_hotkeys",
            Piece::LangSwitch => "lang_switch",
            Piece::Pseudo => "lang_pseudo",
        }
    }

    /// A section's code, when it is not in the main module (the chunk its row of the sections
    /// table names).
    pub fn of_section(section: Section) -> Option<Piece> {
        let chunk = section.chunk()?;
        Piece::ALL.into_iter().find(|piece| piece.module() == chunk)
    }

    /// The words every page needs in `lang`, when they are not in the main module.
    pub fn of_lang(lang: Lang) -> Option<Piece> {
        match lang {
            Lang::En => None,
            Lang::ZhCn => Some(Piece::ZhMain),
            Lang::Pseudo => Some(Piece::Pseudo),
        }
    }

    /// A section's own words in `lang`, when they live apart from its code.
    pub fn of_section_words(section: Section, lang: Lang) -> Option<Piece> {
        (section == Section::Hotkeys && lang == Lang::ZhCn).then_some(Piece::ZhHotkeys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_but_the_first_page_is_in_a_piece_and_names_are_unique() {
        for section in Section::ALL {
            assert_eq!(
                section.chunk().is_none(),
                section == Section::PersonalInfo,
                "{section:?}"
            );
            assert_eq!(
                Piece::of_section(section).map(Piece::module),
                section.chunk(),
                "{section:?}'s chunk is not a piece of this table"
            );
        }
        let mut names: Vec<_> = Piece::ALL.iter().map(|p| p.module()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Piece::ALL.len());
    }
}
