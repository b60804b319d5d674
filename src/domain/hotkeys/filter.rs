//! What the hotkey list shows.

use crate::domain::i18n::hotkeys::HotkeyWords;
use crate::domain::text;

use super::keys::KeyCombo;
use super::Binding;

/// What the list shows: words to match (label, description or key), only modified rows, and
/// only rows bound to a pressed combination.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub words: String,
    pub modified_only: bool,
    pub combo: Option<KeyCombo>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.words.trim().is_empty() || self.modified_only || self.combo.is_some()
    }

    /// Whether `b` passes, its label and description read in `language`.
    pub fn matches(&self, b: &Binding, language: HotkeyWords) -> bool {
        let words = text::lower(self.words.trim());
        let text_ok = words.is_empty() || {
            let description = b
                .default_of()
                .map(|d| (language.default)(d).1)
                .unwrap_or_default();
            [b.label(language).as_str(), description, b.key.as_str()]
                .iter()
                .any(|field| text::lower(field).contains(&words))
        };
        let combo_ok = self
            .combo
            .as_ref()
            .is_none_or(|c| b.combo().as_ref() == Some(c));
        text_ok && combo_ok && (!self.modified_only || b.is_modified())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::HotkeyMap;
    use crate::domain::hotkeys::merge;

    #[test]
    fn filter_matches_words_modified_and_pressed_keys() {
        let mut bindings = merge(&HotkeyMap::new());
        bindings[0].key = "ctrl+k".into();
        let count = |f: &Filter| {
            bindings
                .iter()
                .filter(|b| f.matches(b, HotkeyWords::ENGLISH))
                .count()
        };
        assert_eq!(count(&Filter::default()), 71);
        assert!(!Filter::default().is_active());
        assert_eq!(
            count(&Filter {
                words: " ZOOM ".into(),
                ..Default::default()
            }),
            4
        );
        assert_eq!(
            count(&Filter {
                words: "keyframe".into(),
                ..Default::default()
            }),
            2,
            "descriptions count"
        );
        assert_eq!(
            count(&Filter {
                modified_only: true,
                ..Default::default()
            }),
            1
        );
        let alt_left = KeyCombo::parse("left+alt").ok();
        assert_eq!(
            count(&Filter {
                combo: alt_left,
                ..Default::default()
            }),
            4
        );
    }
}
