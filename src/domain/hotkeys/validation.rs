//! Label Studio's server-side hotkey validation, mirrored so that the server never has to say no.

use super::keys::{KeyCombo, KeyError};
use crate::api::types::HotkeyMap;

/// At most this many stored entries.
pub const MAX_ENTRIES: usize = 200;
/// At most this many characters per key string.
pub const MAX_KEY_CHARS: usize = 50;

/// Combinations the server refuses "for security reasons" (operating-system shortcuts).
pub const BLOCKED: [&str; 11] = [
    "ctrl+alt+delete",
    "cmd+alt+escape",
    "alt+f4",
    "ctrl+alt+esc",
    "cmd+option+esc",
    "ctrl+shift+esc",
    "cmd+shift+q",
    "alt+tab",
    "cmd+tab",
    "ctrl+alt+t",
    "cmd+space",
];

/// The server's reason when `key` is one of the blocked combinations, in any spelling.
pub fn blocked_reason(key: &str) -> Option<String> {
    let lowered = key.trim().to_ascii_lowercase();
    let combo = KeyCombo::parse(key).ok();
    let hit = BLOCKED.iter().any(|blocked| {
        *blocked == lowered || combo.is_some() && KeyCombo::parse(blocked).ok() == combo
    });
    hit.then(|| format!("Key combination '{key}' is not allowed for security reasons"))
}

/// A warning when the browser keeps `combo` for itself (close/new tab, reload, address bar…),
/// so the editor may never see it. Not refused: some browsers let pages have some of these.
pub fn browser_reserved(combo: &KeyCombo) -> Option<String> {
    const TAKEN: &[(&str, &str)] = &[
        ("w", "closes the tab"),
        ("t", "opens a tab"),
        ("n", "opens a window"),
        ("r", "reloads the page"),
        ("l", "focuses the address bar"),
        ("q", "quits the browser"),
        ("tab", "switches tabs"),
        ("pageup", "switches tabs"),
        ("pagedown", "switches tabs"),
    ];
    if !(combo.ctrl || combo.command) || combo.alt {
        return None;
    }
    TAKEN
        .iter()
        .find(|(key, _)| *key == combo.key)
        .map(|(_, what)| {
            format!(
                "The browser uses this combination ({what}), so the editor may never receive it."
            )
        })
}

/// Characters the server accepts in a key string.
fn allowed_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c.is_ascii_whitespace()
        || "+-[]\\;'\".,/`~!@#$%^&*()_={}|:<>?".contains(c)
}

/// Everything wrong with one key string, as the server would say it, or as our vocabulary
/// requires (so the editor can bind it).
pub fn check_key(key: &str) -> Result<KeyCombo, String> {
    if key.trim().is_empty() {
        return Err("A key is required; to turn a hotkey off, use its switch instead.".into());
    }
    if key.chars().count() > MAX_KEY_CHARS {
        return Err(format!(
            "“{key}” is longer than {MAX_KEY_CHARS} characters."
        ));
    }
    if let Some(bad) = key.chars().find(|c| !allowed_char(*c)) {
        return Err(match KeyCombo::parse(key) {
            Err(e @ KeyError::NonAscii(_)) => format!("{e}."),
            _ => format!("“{bad}” is not allowed in a key; use ASCII letters, digits and symbols."),
        });
    }
    if let Some(reason) = blocked_reason(key) {
        return Err(format!("{reason}: the operating system uses it."));
    }
    KeyCombo::parse(key).map_err(|e| format!("“{key}”: {e}."))
}

/// Problems with a whole map before it is sent.
pub fn check_map(map: &HotkeyMap) -> Vec<String> {
    let mut problems = Vec::new();
    if map.len() > MAX_ENTRIES {
        problems.push(format!(
            "{} custom hotkeys; Label Studio stores at most {MAX_ENTRIES}.",
            map.len()
        ));
    }
    for (id, entry) in map {
        let well_formed = id.split_once(':').is_some_and(|(section, action)| {
            !section.trim().is_empty() && !action.trim().is_empty()
        });
        if !well_formed || id.chars().count() > 100 {
            problems.push(format!(
                "“{id}” is not a valid hotkey id (section:action, at most 100 characters)."
            ));
        }
        // The single-key switch's memory is not a key; its spelling is checked where it is made.
        if id == super::single_key::MEMORY_ID {
            continue;
        }
        if let Err(message) = check_key(&entry.key) {
            problems.push(format!("{id}: {message}"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::StoredHotkey;

    #[test]
    fn all_eleven_blocked_combinations_are_refused_in_any_spelling() {
        for blocked in BLOCKED {
            let reason = blocked_reason(blocked).unwrap_or_default();
            assert_eq!(
                reason,
                format!("Key combination '{blocked}' is not allowed for security reasons")
            );
            assert!(check_key(blocked).is_err(), "{blocked}");
            assert!(
                check_key(&blocked.to_uppercase()).is_err(),
                "{blocked} upper"
            );
        }
        assert!(
            blocked_reason("command+space").is_some(),
            "our spelling of cmd+space"
        );
        assert!(blocked_reason("meta+tab").is_some());
        assert!(blocked_reason("alt+ctrl+t").is_some());
        assert!(blocked_reason("ctrl+alt+escape").is_some());
        assert!(blocked_reason("ctrl+t").is_none());
        assert!(blocked_reason("shift+tab").is_none());
    }

    #[test]
    fn browser_shortcuts_get_a_warning() {
        let warn = |k: &str| browser_reserved(&KeyCombo::parse(k).expect("combo"));
        assert!(warn("ctrl+w").is_some_and(|m| m.contains("closes the tab")));
        assert!(warn("command+t").is_some());
        assert!(warn("ctrl+shift+t").is_some());
        assert!(warn("ctrl+tab").is_some());
        assert!(warn("ctrl+k").is_none());
        assert!(warn("alt+w").is_none());
        assert!(warn("w").is_none());
    }

    #[test]
    fn keys_follow_the_server_rules() {
        assert!(check_key("ctrl+shift+k").is_ok());
        assert!(check_key("").unwrap_err_text().contains("switch"));
        assert!(check_key(&format!("ctrl+{}", "a".repeat(49)))
            .unwrap_err_text()
            .contains("50 characters"));
        assert!(check_key("ctrl+ü").unwrap_err_text().contains("ASCII"));
        assert!(check_key("ctrl+\u{1}")
            .unwrap_err_text()
            .contains("not allowed in a key"));
        assert!(check_key("ctrl+insert")
            .unwrap_err_text()
            .contains("not a key the editor can bind"));
    }

    #[test]
    fn maps_are_checked_for_size_ids_and_keys() {
        let entry = |key: &str| StoredHotkey {
            key: key.into(),
            active: Some(true),
            description: None,
        };
        let mut map: HotkeyMap = (0..201).map(|i| (format!("s:a{i}"), entry("a"))).collect();
        assert!(check_map(&map)[0].contains("201 custom hotkeys"));
        map.clear();
        map.insert("nocolon".into(), entry("a"));
        map.insert(" :x".into(), entry("a"));
        map.insert("s:ok".into(), entry("alt+tab"));
        let problems = check_map(&map);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems
            .iter()
            .any(|p| p.starts_with("s:ok: Key combination 'alt+tab'")));
    }

    trait ErrText {
        fn unwrap_err_text(self) -> String;
    }
    impl<T> ErrText for Result<T, String> {
        fn unwrap_err_text(self) -> String {
            self.err().unwrap_or_default()
        }
    }
}
