//! The page's sections, their routes and the rules for which are visible.

use crate::api::types::JwtSettings;
use crate::api::SitePrefix;
use crate::domain::i18n::main::MainMsg;

/// The sections table, in sidebar order; a row is `Name: "slug", chunk;`.
///
/// - `Name`: the section's [`Section`] variant, its title in [`MainMsg`] and its component in
///   `components/`, which builds the whole section;
/// - `"slug"`: its address, `{BASE_PATH}/<slug>`;
/// - `chunk`: the split module its code is linked into in the release build, as
///   [`Piece::module`](crate::domain::lazy::Piece::module) names it. The first row is the first
///   page, in the main module: `main`.
///
/// [`Section`] is written from it here and the sections' code loading in
/// `pages/section_code.rs`, so a new section is its component and a row here.
macro_rules! sections_table {
    ($then:ident) => {
        $then! {
            PersonalInfo: "personal-info", main;
            Hotkeys: "hotkeys", section_hotkeys;
            EmailPreferences: "email-preferences", sections;
            MembershipInfo: "membership-info", sections;
            PersonalAccessToken: "personal-access-token", sections;
            LegacyToken: "legacy-token", sections;
        }
    };
}
pub(crate) use sections_table;

macro_rules! define_sections {
    ($($name:ident: $slug:literal, $chunk:ident;)*) => {
        /// One entry of the sidebar; one route `/user/account/<slug>` ([`sections_table`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Section {
            $($name,)*
        }

        impl Section {
            /// All sections in sidebar order.
            pub const ALL: [Section; [$($slug),*].len()] = [$(Section::$name),*];

            pub fn slug(self) -> &'static str {
                match self {
                    $(Section::$name => $slug,)*
                }
            }

            pub fn title(self) -> MainMsg {
                match self {
                    $(Section::$name => MainMsg::$name,)*
                }
            }

            /// The split module the section's code is linked into (`None`: the main module).
            pub fn chunk(self) -> Option<&'static str> {
                match self {
                    $(Section::$name => Some(stringify!($chunk)),)*
                }
                .filter(|chunk| *chunk != "main")
            }
        }
    };
}

sections_table!(define_sections);

/// Where the page lives; every section is below it.
pub const BASE_PATH: &str = crate::api::paths::ACCOUNT_PAGE;

impl Section {
    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn path(self) -> String {
        format!("{BASE_PATH}/{}", self.slug())
    }

    /// The section's link on a Label Studio served under `site`.
    pub fn href(self, site: SitePrefix) -> String {
        site.url(&self.path())
    }

    /// Whether the address `pathname` shows this section (a trailing slash is the same page).
    pub fn is_at(self, pathname: &str) -> bool {
        pathname
            .trim_end_matches('/')
            .strip_prefix(BASE_PATH)
            .and_then(|rest| rest.strip_prefix('/'))
            == Some(self.slug())
    }

    /// Token sections depend on the organization's switches.
    pub fn is_token_section(self) -> bool {
        matches!(self, Section::PersonalAccessToken | Section::LegacyToken)
    }
}

/// What is known about the organization's token switches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenSwitches {
    /// `GET /api/jwt/settings` has not answered yet.
    Loading,
    Known(JwtSettings),
    /// The call failed: token sections are hidden, everything else works.
    Unavailable,
}

/// The sections shown in the sidebar, in order. Token sections are listed once the switches are
/// known, on or off: an off one says so where it is and offers to switch it on.
pub fn visible_sections(switches: TokenSwitches) -> Vec<Section> {
    Section::ALL
        .into_iter()
        .filter(|section| {
            !section.is_token_section() || matches!(switches, TokenSwitches::Known(_))
        })
        .collect()
}

/// Whether the organization has `section`'s tokens switched off (only token sections can be).
pub fn switched_off(section: Section, switches: TokenSwitches) -> bool {
    match (section, switches) {
        (Section::PersonalAccessToken, TokenSwitches::Known(s)) => !s.api_tokens_enabled,
        (Section::LegacyToken, TokenSwitches::Known(s)) => !s.legacy_api_tokens_enabled,
        _ => false,
    }
}

/// `settings` with `section`'s own switch set to `on`, the other kept as it is.
pub fn with_switch(settings: JwtSettings, section: Section, on: bool) -> JwtSettings {
    match section {
        Section::PersonalAccessToken => JwtSettings {
            api_tokens_enabled: on,
            ..settings
        },
        Section::LegacyToken => JwtSettings {
            legacy_api_tokens_enabled: on,
            ..settings
        },
        _ => settings,
    }
}

/// Where a request for `slug` should end up: `Ok(section)` to render it, `Err(section)` to
/// redirect there instead. While the switches load, a token section is kept (no flicker).
pub fn resolve(slug: Option<&str>, switches: TokenSwitches) -> Result<Section, Section> {
    let first = Section::PersonalInfo;
    match slug.and_then(Section::from_slug) {
        None => Err(first),
        Some(section) if !section.is_token_section() => Ok(section),
        Some(section) if switches == TokenSwitches::Loading => Ok(section),
        Some(section) if visible_sections(switches).contains(&section) => Ok(section),
        Some(_) => Err(first),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(pat: bool, legacy: bool) -> TokenSwitches {
        TokenSwitches::Known(JwtSettings {
            api_tokens_enabled: pat,
            legacy_api_tokens_enabled: legacy,
        })
    }

    #[test]
    fn slugs_round_trip() {
        for section in Section::ALL {
            assert_eq!(Section::from_slug(section.slug()), Some(section));
        }
        assert_eq!(Section::from_slug("nope"), None);
    }

    #[test]
    fn a_section_is_at_its_own_path_with_or_without_a_trailing_slash() {
        assert!(Section::Hotkeys.is_at("/user/account/hotkeys"));
        assert!(Section::Hotkeys.is_at("/user/account/hotkeys/"));
        assert!(!Section::Hotkeys.is_at("/user/account/personal-info"));
        assert!(!Section::Hotkeys.is_at("/user/account/hotkeys-old"));
        assert!(!Section::Hotkeys.is_at("/other/user/account/hotkeys"));
        assert!(!Section::PersonalInfo.is_at("/user/account"));
        assert_eq!(Section::Hotkeys.path(), "/user/account/hotkeys");
        assert_eq!(
            Section::Hotkeys.href(SitePrefix::new("/ls")),
            "/ls/user/account/hotkeys"
        );
        use crate::domain::i18n::{fill, Catalog};
        let title = fill(
            MainMsg::DocumentTitle.english(),
            &[("section", Section::Hotkeys.title().english())],
        );
        assert_eq!(title, "Hotkeys | My Account");
    }

    #[test]
    fn token_sections_are_listed_once_the_switches_are_known_on_or_off() {
        use Section::*;
        let base = vec![PersonalInfo, Hotkeys, EmailPreferences, MembershipInfo];
        assert_eq!(visible_sections(TokenSwitches::Unavailable), base);
        assert_eq!(visible_sections(TokenSwitches::Loading), base);
        for (pat, legacy) in [(false, false), (true, false), (false, true), (true, true)] {
            assert_eq!(visible_sections(known(pat, legacy)), Section::ALL.to_vec());
            assert_eq!(switched_off(PersonalAccessToken, known(pat, legacy)), !pat);
            assert_eq!(switched_off(LegacyToken, known(pat, legacy)), !legacy);
            assert!(!switched_off(Hotkeys, known(pat, legacy)));
        }
        assert!(!switched_off(LegacyToken, TokenSwitches::Loading));
        assert!(!switched_off(LegacyToken, TokenSwitches::Unavailable));
    }

    #[test]
    fn switching_one_section_keeps_the_other_switch() {
        let TokenSwitches::Known(both_off) = known(false, false) else {
            unreachable!()
        };
        let legacy_on = with_switch(both_off, Section::LegacyToken, true);
        assert!(legacy_on.legacy_api_tokens_enabled && !legacy_on.api_tokens_enabled);
        let pat_on = with_switch(legacy_on, Section::PersonalAccessToken, true);
        assert!(pat_on.legacy_api_tokens_enabled && pat_on.api_tokens_enabled);
        assert_eq!(with_switch(pat_on, Section::Hotkeys, false), pat_on);
    }

    #[test]
    fn unknown_or_hidden_sections_redirect_to_the_first() {
        assert_eq!(resolve(None, known(true, true)), Err(Section::PersonalInfo));
        assert_eq!(
            resolve(Some("bogus"), known(true, true)),
            Err(Section::PersonalInfo)
        );
        assert_eq!(
            resolve(Some("hotkeys"), TokenSwitches::Unavailable),
            Ok(Section::Hotkeys)
        );
        assert_eq!(
            resolve(Some("legacy-token"), known(true, false)),
            Ok(Section::LegacyToken)
        );
        assert_eq!(
            resolve(Some("legacy-token"), known(true, true)),
            Ok(Section::LegacyToken)
        );
        assert_eq!(
            resolve(Some("legacy-token"), TokenSwitches::Loading),
            Ok(Section::LegacyToken)
        );
        assert_eq!(
            resolve(Some("personal-access-token"), TokenSwitches::Unavailable),
            Err(Section::PersonalInfo)
        );
    }
}
