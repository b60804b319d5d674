//! Light/dark theme choice: the system preference unless the user picked one.

/// A colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// localStorage key of an explicit choice (a preference, never a secret).
pub const STORAGE_KEY: &str = "ls-account-theme";

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(value: &str) -> Option<Theme> {
        match value {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// The theme in effect: a stored choice wins over the system preference.
pub fn effective(stored: Option<&str>, system_prefers_dark: bool) -> Theme {
    stored
        .and_then(Theme::parse)
        .unwrap_or(if system_prefers_dark {
            Theme::Dark
        } else {
            Theme::Light
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_choice_overrides_system() {
        assert_eq!(effective(None, true), Theme::Dark);
        assert_eq!(effective(None, false), Theme::Light);
        assert_eq!(effective(Some("light"), true), Theme::Light);
        assert_eq!(effective(Some("garbage"), true), Theme::Dark);
        assert_eq!(Theme::Dark.toggled(), Theme::Light);
    }
}
