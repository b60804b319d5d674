//! Label Studio's server-side hotkey validation, mirrored so that the server never has to say no.

use super::keys::{KeyCombo, KeyError};
use crate::api::types::HotkeyMap;
use crate::domain::i18n::fill;
use crate::domain::i18n::hotkeys::{HotkeysMsg, Tr};

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
pub fn blocked_reason(key: &str, t: Tr) -> Option<String> {
    let lowered = key.trim().to_ascii_lowercase();
    let combo = KeyCombo::parse(key).ok();
    let hit = BLOCKED.iter().any(|blocked| {
        *blocked == lowered || combo.is_some() && KeyCombo::parse(blocked).ok() == combo
    });
    hit.then(|| fill(t(HotkeysMsg::SecurityBlocked), &[("key", key)]))
}

/// A warning when the browser keeps `combo` for itself (close/new tab, reload, address bar…),
/// so the editor may never see it. Not refused: some browsers let pages have some of these.
pub fn browser_reserved(combo: &KeyCombo, t: Tr) -> Option<String> {
    const TAKEN: &[(&str, HotkeysMsg)] = &[
        ("w", HotkeysMsg::ClosesTab),
        ("t", HotkeysMsg::OpensTab),
        ("n", HotkeysMsg::OpensWindow),
        ("r", HotkeysMsg::Reloads),
        ("l", HotkeysMsg::AddressBar),
        ("q", HotkeysMsg::QuitsBrowser),
        ("tab", HotkeysMsg::SwitchesTabs),
        ("pageup", HotkeysMsg::SwitchesTabs),
        ("pagedown", HotkeysMsg::SwitchesTabs),
    ];
    if !(combo.ctrl || combo.command) || combo.alt {
        return None;
    }
    TAKEN
        .iter()
        .find(|(key, _)| *key == combo.key)
        .map(|(_, what)| fill(t(HotkeysMsg::BrowserUses), &[("what", t(*what))]))
}

/// Characters the server accepts in a key string.
fn allowed_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c.is_ascii_whitespace()
        || "+-[]\\;'\".,/`~!@#$%^&*()_={}|:<>?".contains(c)
}

/// Everything wrong with one key string, as the server would say it, or as our vocabulary
/// requires (so the editor can bind it).
pub fn check_key(key: &str, t: Tr) -> Result<KeyCombo, String> {
    if key.trim().is_empty() {
        return Err(t(HotkeysMsg::KeyRequired).into());
    }
    if key.chars().count() > MAX_KEY_CHARS {
        return Err(fill(
            t(HotkeysMsg::KeyTooLong),
            &[("key", key), ("max", &MAX_KEY_CHARS.to_string())],
        ));
    }
    if let Some(bad) = key.chars().find(|c| !allowed_char(*c)) {
        return Err(match KeyCombo::parse(key) {
            Err(e @ KeyError::NonAscii(_)) => fill(
                t(HotkeysMsg::ProblemSentence),
                &[("problem", &e.message(t))],
            ),
            _ => fill(t(HotkeysMsg::CharNotAllowed), &[("char", &bad.to_string())]),
        });
    }
    if let Some(reason) = blocked_reason(key, t) {
        return Err(fill(t(HotkeysMsg::OsUses), &[("reason", &reason)]));
    }
    KeyCombo::parse(key).map_err(|e| {
        fill(
            t(HotkeysMsg::KeyProblem),
            &[("key", key), ("problem", &e.message(t))],
        )
    })
}

/// Problems with a whole map before it is sent.
pub fn check_map(map: &HotkeyMap, t: Tr) -> Vec<String> {
    let mut problems = Vec::new();
    if map.len() > MAX_ENTRIES {
        problems.push(fill(
            t(HotkeysMsg::TooManyStored),
            &[
                ("count", &map.len().to_string()),
                ("max", &MAX_ENTRIES.to_string()),
            ],
        ));
    }
    for (id, entry) in map {
        let well_formed = id.split_once(':').is_some_and(|(section, action)| {
            !section.trim().is_empty() && !action.trim().is_empty()
        });
        if !well_formed || id.chars().count() > 100 {
            problems.push(fill(t(HotkeysMsg::BadId), &[("id", id)]));
        }
        // The single-key switch's memory is not a key; its spelling is checked where it is made.
        if id == super::single_key::MEMORY_ID {
            continue;
        }
        if let Err(message) = check_key(&entry.key, t) {
            problems.push(fill(
                t(HotkeysMsg::IdProblem),
                &[("id", id), ("problem", &message)],
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::StoredHotkey;
    use crate::domain::i18n::hotkeys::EN;

    #[test]
    fn all_eleven_blocked_combinations_are_refused_in_any_spelling() {
        for blocked in BLOCKED {
            let reason = blocked_reason(blocked, EN).unwrap_or_default();
            assert_eq!(
                reason,
                format!("Key combination '{blocked}' is not allowed for security reasons")
            );
            assert!(check_key(blocked, EN).is_err(), "{blocked}");
            assert!(
                check_key(&blocked.to_uppercase(), EN).is_err(),
                "{blocked} upper"
            );
        }
        assert!(
            blocked_reason("command+space", EN).is_some(),
            "our spelling of cmd+space"
        );
        assert!(blocked_reason("meta+tab", EN).is_some());
        assert!(blocked_reason("alt+ctrl+t", EN).is_some());
        assert!(blocked_reason("ctrl+alt+escape", EN).is_some());
        assert!(blocked_reason("ctrl+t", EN).is_none());
        assert!(blocked_reason("shift+tab", EN).is_none());
    }

    #[test]
    fn browser_shortcuts_get_a_warning() {
        let warn = |k: &str| browser_reserved(&KeyCombo::parse(k).expect("combo"), EN);
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
        assert!(check_key("ctrl+shift+k", EN).is_ok());
        assert!(check_key("", EN).unwrap_err_text().contains("switch"));
        assert!(check_key(&format!("ctrl+{}", "a".repeat(49)), EN)
            .unwrap_err_text()
            .contains("50 characters"));
        assert!(check_key("ctrl+ü", EN).unwrap_err_text().contains("ASCII"));
        assert!(check_key("ctrl+\u{1}", EN)
            .unwrap_err_text()
            .contains("not allowed in a key"));
        assert!(check_key("ctrl+insert", EN)
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
        assert!(check_map(&map, EN)[0].contains("201 custom hotkeys"));
        map.clear();
        map.insert("nocolon".into(), entry("a"));
        map.insert(" :x".into(), entry("a"));
        map.insert("s:ok".into(), entry("alt+tab"));
        let problems = check_map(&map, EN);
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
