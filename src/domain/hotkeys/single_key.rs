//! "Turn off single-key shortcuts" (WCAG 2.1.4, character key shortcuts): one switch that turns
//! off every binding without Ctrl, Alt or Command, saved as Label Studio's own `active: false` so
//! the editor honours it, and undone exactly. What the switch turned off is remembered in one
//! extra stored entry, [`MEMORY_ID`], that neither the editor nor the data manager reads (their
//! prefixes are `annotation|timeseries|audio|regions|video|image_gallery|tools:` and
//! `data_manager:`), so turning it back on restores those rows and leaves the ones the user had
//! turned off themselves as they are, on any device.

use std::collections::BTreeSet;

use super::keys::KeyCombo;
use super::{defaults::DEFAULTS, Binding};
use crate::api::types::{HotkeyMap, StoredHotkey};
use crate::domain::i18n::counted;
use crate::domain::i18n::hotkeys::{HotkeysMsg, Tr};

/// The stored entry that says the switch is on, and what it turned off.
pub const MEMORY_ID: &str = "account_settings:single_key_off";

/// The memory's spelling: this prefix, then the rows it turned off as a bit per default, in the
/// order of [`DEFAULTS`], in hexadecimal (the server allows letters, digits and `.` in a key).
const VERSION: &str = "v1.";

/// A key that fires without Ctrl, Alt or Command (Shift alone still counts: Shift+R is typed by
/// speech input and by a slip of the hand alike). Unreadable keys are not single keys.
pub fn is_single_key(key: &str) -> bool {
    KeyCombo::parse(key).is_ok_and(|c| !(c.ctrl || c.alt || c.command))
}

/// Whether the switch is on in `stored`, and which rows it turned off. `None` when it is off (or
/// its entry is unreadable, which then reads as off).
pub fn memory(stored: &HotkeyMap) -> Option<BTreeSet<String>> {
    let hex = stored.get(MEMORY_ID)?.key.strip_prefix(VERSION)?;
    let mut ids = BTreeSet::new();
    for (index, digit) in hex.chars().enumerate() {
        let bits = digit.to_digit(16)?;
        for bit in 0..4 {
            if bits & (1 << bit) != 0 {
                ids.insert(DEFAULTS.get(index * 4 + bit)?.id.to_string());
            }
        }
    }
    Some(ids)
}

/// `map` with the switch's entry set from `memory` (removed when the switch is off).
pub fn with_memory(mut map: HotkeyMap, memory: Option<&BTreeSet<String>>) -> HotkeyMap {
    map.remove(MEMORY_ID);
    if let Some(ids) = memory {
        let mut hex = String::from(VERSION);
        for chunk in DEFAULTS.chunks(4) {
            let bits = chunk
                .iter()
                .enumerate()
                .filter(|(_, d)| ids.contains(d.id))
                .fold(0, |acc, (bit, _)| acc | (1 << bit));
            hex.push(char::from_digit(bits, 16).unwrap_or('0'));
        }
        map.insert(
            MEMORY_ID.to_string(),
            StoredHotkey {
                key: hex,
                active: Some(false),
                description: None,
            },
        );
    }
    map
}

/// What Save stores: the changed rows, and the switch's memory.
pub fn stored_form(draft: &[Binding], memory: Option<&BTreeSet<String>>) -> HotkeyMap {
    with_memory(super::to_stored(draft), memory)
}

/// The save bar's count: the changed rows, or one change when only the switch moved (it turned
/// nothing off, but its state is still to be saved).
pub fn unsaved(rows: usize, stored: &HotkeyMap, memory: Option<&BTreeSet<String>>) -> usize {
    let switch_moved = self::memory(stored).as_ref() != memory;
    rows + usize::from(rows == 0 && switch_moved)
}

/// Turns off every active single-key row of the editor's defaults and returns their ids (rows
/// unknown to this page are kept as they are, as everywhere on it).
pub fn turn_off(all: &mut [Binding]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for b in all.iter_mut() {
        if b.active && b.default_of().is_some() && is_single_key(&b.key) {
            b.active = false;
            ids.insert(b.id.clone());
        }
    }
    ids
}

/// Turns back on exactly the rows in `ids`; returns how many were off.
pub fn turn_back_on(all: &mut [Binding], ids: &BTreeSet<String>) -> usize {
    let mut count = 0;
    for b in all.iter_mut().filter(|b| ids.contains(&b.id)) {
        count += usize::from(!b.active);
        b.active = true;
    }
    count
}

/// Said when the switch is turned on.
pub fn turned_off_message(count: usize, t: Tr) -> String {
    match count {
        0 => t(HotkeysMsg::NoSingleKey).to_string(),
        n => counted(t, n, HotkeysMsg::TurnedOffOne, HotkeysMsg::TurnedOffMany),
    }
}

/// Said when the switch is turned off again.
pub fn turned_on_message(count: usize, t: Tr) -> String {
    counted(t, count, HotkeysMsg::TurnedOnOne, HotkeysMsg::TurnedOnMany)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hotkeys::{merge, to_stored};

    fn entry(key: &str, active: bool) -> StoredHotkey {
        StoredHotkey {
            key: key.into(),
            active: Some(active),
            description: None,
        }
    }

    #[test]
    fn single_keys_are_those_without_ctrl_alt_or_command() {
        for key in ["h", "shift+r", "[", "escape", "f2", "shift+up", "9"] {
            assert!(is_single_key(key), "{key}");
        }
        for key in ["ctrl+z", "alt+h", "command+k", "ctrl+shift+z", "a+b", ""] {
            assert!(!is_single_key(key), "{key}");
        }
    }

    #[test]
    fn on_then_off_restores_exactly_what_was_on() {
        // The user had turned V (move) off and remapped Undo to a single key.
        let mut stored = HotkeyMap::new();
        stored.insert("tools:tool:move".into(), entry("V", false));
        stored.insert("annotation:annotation:undo".into(), entry("u", true));
        let before = merge(&stored);
        let mut all = before.clone();
        let ids = turn_off(&mut all);
        assert!(ids.contains("tools:tool:pan-image"));
        assert!(ids.contains("annotation:annotation:undo"));
        assert!(
            !ids.contains("tools:tool:move"),
            "already off: not the switch's"
        );
        assert!(
            !ids.contains("annotation:annotation:submit"),
            "ctrl+enter is not a single key"
        );
        assert!(all.iter().all(|b| !b.active || !is_single_key(&b.key)));
        // Saved and loaded again: the memory survives the round trip.
        let saved = with_memory(to_stored(&all), Some(&ids));
        assert_eq!(saved[MEMORY_ID].active, Some(false));
        assert_eq!(memory(&saved).as_ref(), Some(&ids));
        let mut loaded = merge(&saved);
        assert!(
            loaded.iter().all(|b| b.id != MEMORY_ID),
            "not a row of the page"
        );
        assert_eq!(turn_back_on(&mut loaded, &ids), ids.len());
        assert_eq!(loaded, before);
        assert_eq!(memory(&with_memory(to_stored(&loaded), None)), None);
    }

    #[test]
    fn the_switch_alone_is_one_unsaved_change() {
        let off = BTreeSet::new();
        let stored = HotkeyMap::new();
        assert_eq!(unsaved(0, &stored, None), 0);
        assert_eq!(
            unsaved(0, &stored, Some(&off)),
            1,
            "on, nothing was a single key"
        );
        assert_eq!(
            unsaved(3, &stored, Some(&off)),
            3,
            "the rows are the changes"
        );
        let saved = stored_form(&merge(&stored), Some(&off));
        assert_eq!(unsaved(0, &saved, Some(&off)), 0);
        assert_eq!(unsaved(0, &saved, None), 1, "turned off again");
    }

    #[test]
    fn an_unreadable_memory_reads_as_off() {
        for key in ["v1.zz", "v2.ff", "ff", "v1.ffffffffffffffffffffffffffff"] {
            let mut stored = HotkeyMap::new();
            stored.insert(MEMORY_ID.into(), entry(key, false));
            assert_eq!(memory(&stored), None, "{key}");
        }
    }

    #[test]
    fn the_memory_passes_the_servers_rules() {
        let all: BTreeSet<String> = DEFAULTS.iter().map(|d| d.id.to_string()).collect();
        let map = with_memory(HotkeyMap::new(), Some(&all));
        let key = &map[MEMORY_ID].key;
        assert!(key.len() <= crate::domain::hotkeys::validation::MAX_KEY_CHARS);
        assert!(key.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'));
        assert!(crate::domain::hotkeys::validation::check_map(
            &map,
            crate::domain::i18n::hotkeys::EN
        )
        .is_empty());
    }
}
