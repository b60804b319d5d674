//! The colour theme: Label Studio's three choices, stored where Label Studio stores them, so a
//! choice made on either page holds on the other (same origin, same key, same values).

use crate::domain::i18n::main::MainMsg;

/// What the user chose. `Auto` follows the system's `prefers-color-scheme`, live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Light,
    Dark,
}

/// Label Studio's localStorage key for the choice (a preference, never a secret).
pub const STORAGE_KEY: &str = "preferred-color-scheme";

impl ThemeChoice {
    /// The stored value, and the button's label: Label Studio's own spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "Auto",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }

    /// A stored value; anything else (nothing, or a value from some other page) is `Auto`.
    pub fn parse(value: Option<&str>) -> Self {
        match value {
            Some("Light") => Self::Light,
            Some("Dark") => Self::Dark,
            _ => Self::Auto,
        }
    }

    /// What the button shows, in the page's language (the stored value stays Label Studio's).
    pub fn label(self) -> MainMsg {
        match self {
            Self::Auto => MainMsg::ThemeAuto,
            Self::Light => MainMsg::ThemeLight,
            Self::Dark => MainMsg::ThemeDark,
        }
    }

    /// The next choice on a click, in Label Studio's order.
    pub fn next(self) -> Self {
        match self {
            Self::Auto => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::Auto,
        }
    }

    /// `data-theme` on `<html>`, which pins the CSS's `color-scheme`; `None` lets the system decide.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Self::Auto => None,
            Self::Light => Some("light"),
            Self::Dark => Some("dark"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_choices_cycle_in_label_studios_order() {
        let mut seen = vec![ThemeChoice::Auto];
        for _ in 0..3 {
            seen.push(seen[seen.len() - 1].next());
        }
        assert_eq!(
            seen,
            [
                ThemeChoice::Auto,
                ThemeChoice::Light,
                ThemeChoice::Dark,
                ThemeChoice::Auto
            ]
        );
    }

    #[test]
    fn stored_values_round_trip_and_anything_else_is_auto() {
        for choice in [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark] {
            assert_eq!(ThemeChoice::parse(Some(choice.as_str())), choice);
        }
        for other in [None, Some(""), Some("dark"), Some("light"), Some("garbage")] {
            assert_eq!(ThemeChoice::parse(other), ThemeChoice::Auto);
        }
    }

    #[test]
    fn the_button_says_label_studios_words() {
        use crate::domain::i18n::Catalog;
        for choice in [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark] {
            assert_eq!(choice.label().english(), choice.as_str());
        }
    }

    #[test]
    fn only_auto_leaves_the_system_in_charge() {
        assert_eq!(ThemeChoice::Auto.attribute(), None);
        assert_eq!(ThemeChoice::Light.attribute(), Some("light"));
        assert_eq!(ThemeChoice::Dark.attribute(), Some("dark"));
    }
}
