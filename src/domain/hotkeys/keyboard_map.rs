//! The keyboard map: a keyboard drawn in physical positions, one layer per set of modifiers in
//! use, each key with the actions bound to it on the page (edits included), where they are
//! heard, and whether they clash or the browser or system keeps the key.

use std::collections::BTreeMap;

use super::keys::{self, KeyCombo, Platform};
use super::validation::{blocked_reason, browser_reserved};
use super::{default_for, Binding, Clash};
use crate::domain::i18n::hotkeys::{HotkeyWords, EN};

/// One key of the drawn keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cap {
    /// `KeyboardEvent.code`: where the key is, whatever the layout prints on it.
    pub code: &'static str,
    /// The key as a combination names it (`a`, `1`, `left`); empty for keys no hotkey binds
    /// (the modifiers themselves, Caps Lock).
    pub key: &'static str,
    /// What US QWERTY prints on it; the user's layout may print something else.
    pub label: &'static str,
    /// Width in quarters of a letter key.
    pub width: u8,
}

const fn cap(code: &'static str, key: &'static str, label: &'static str, width: u8) -> Cap {
    Cap {
        code,
        key,
        label,
        width,
    }
}

/// A letter, digit or punctuation key: one unit wide, named by its US QWERTY label.
const fn one(code: &'static str, key: &'static str) -> Cap {
    cap(code, key, key, 4)
}

/// The keyboard, row by row: a compact US ANSI layout with the navigation keys at the right.
pub const ROWS: [&[Cap]; 6] = [
    &[
        cap("Escape", "escape", "Esc", 6),
        cap("F1", "f1", "F1", 4),
        cap("F2", "f2", "F2", 4),
        cap("F3", "f3", "F3", 4),
        cap("F4", "f4", "F4", 4),
        cap("F5", "f5", "F5", 4),
        cap("F6", "f6", "F6", 4),
        cap("F7", "f7", "F7", 4),
        cap("F8", "f8", "F8", 4),
        cap("F9", "f9", "F9", 4),
        cap("F10", "f10", "F10", 4),
        cap("F11", "f11", "F11", 4),
        cap("F12", "f12", "F12", 4),
        cap("Delete", "delete", "Del", 4),
    ],
    &[
        one("Backquote", "`"),
        one("Digit1", "1"),
        one("Digit2", "2"),
        one("Digit3", "3"),
        one("Digit4", "4"),
        one("Digit5", "5"),
        one("Digit6", "6"),
        one("Digit7", "7"),
        one("Digit8", "8"),
        one("Digit9", "9"),
        one("Digit0", "0"),
        one("Minus", "-"),
        one("Equal", "="),
        cap("Backspace", "backspace", "⌫", 6),
        cap("Home", "home", "Home", 4),
    ],
    &[
        cap("Tab", "tab", "Tab", 6),
        one("KeyQ", "q"),
        one("KeyW", "w"),
        one("KeyE", "e"),
        one("KeyR", "r"),
        one("KeyT", "t"),
        one("KeyY", "y"),
        one("KeyU", "u"),
        one("KeyI", "i"),
        one("KeyO", "o"),
        one("KeyP", "p"),
        one("BracketLeft", "["),
        one("BracketRight", "]"),
        one("Backslash", "\\"),
        cap("PageUp", "pageup", "PgUp", 4),
    ],
    &[
        cap("CapsLock", "", "Caps", 7),
        one("KeyA", "a"),
        one("KeyS", "s"),
        one("KeyD", "d"),
        one("KeyF", "f"),
        one("KeyG", "g"),
        one("KeyH", "h"),
        one("KeyJ", "j"),
        one("KeyK", "k"),
        one("KeyL", "l"),
        one("Semicolon", ";"),
        one("Quote", "'"),
        cap("Enter", "enter", "Enter", 7),
        cap("PageDown", "pagedown", "PgDn", 4),
    ],
    &[
        cap("ShiftLeft", "", "Shift", 9),
        one("KeyZ", "z"),
        one("KeyX", "x"),
        one("KeyC", "c"),
        one("KeyV", "v"),
        one("KeyB", "b"),
        one("KeyN", "n"),
        one("KeyM", "m"),
        one("Comma", ","),
        one("Period", "."),
        one("Slash", "/"),
        cap("ShiftRight", "", "Shift", 5),
        cap("ArrowUp", "up", "↑", 4),
        cap("End", "end", "End", 4),
    ],
    &[
        cap("ControlLeft", "", "Ctrl", 6),
        cap("AltLeft", "", "Alt", 5),
        cap("MetaLeft", "", "Meta", 5),
        cap("Space", "space", "Space", 24),
        cap("MetaRight", "", "Meta", 5),
        cap("AltRight", "", "Alt", 5),
        cap("ArrowLeft", "left", "←", 4),
        cap("ArrowDown", "down", "↓", 4),
        cap("ArrowRight", "right", "→", 4),
    ],
];

/// The drawn key a combination's key is on; `None` for keys the map does not draw.
pub fn cap_of(key: &str) -> Option<&'static Cap> {
    ROWS.iter()
        .flat_map(|row| row.iter())
        .find(|cap| !cap.key.is_empty() && cap.key == key)
}

/// What to print on a drawn key: the user's layout where the browser told it (`printed`), else
/// US QWERTY; letters in capitals, the modifiers in the platform's names.
pub fn cap_label(cap: &Cap, printed: Option<&str>, platform: Platform) -> String {
    let mac = platform == Platform::Mac;
    let named = match (cap.code, mac) {
        ("ControlLeft", true) => Some("⌃"),
        ("AltLeft" | "AltRight", true) => Some("⌥"),
        ("MetaLeft" | "MetaRight", true) => Some("⌘"),
        ("MetaLeft" | "MetaRight", false) => Some("Win"),
        ("Enter", true) => Some("Return"),
        _ => None,
    };
    if let Some(named) = named {
        return named.to_string();
    }
    if cap.label.chars().count() > 1 {
        return cap.label.to_string();
    }
    printed
        .filter(|p| !p.trim().is_empty())
        .unwrap_or(cap.label)
        .to_ascii_uppercase()
}

/// A layer's name as its tab shows it ("Ctrl+Shift", "⌃⇧" on macOS); `None` for no modifier.
pub fn layer_name(layer: Layer, platform: Platform) -> Option<String> {
    let mut caps = keys::caps(&layer.combo("x"), platform);
    caps.pop();
    (!caps.is_empty()).then(|| caps.join("+"))
}

/// A layer as a word for ids: `none`, `ctrl-shift`, …
pub fn layer_id(layer: Layer) -> String {
    let combo = layer.combo("x");
    let names: Vec<&str> = combo.modifiers().collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join("-")
    }
}

/// The actions' names in the page's language, in list order.
pub fn action_names(ids: &[String], words: HotkeyWords) -> Vec<String> {
    ids.iter()
        .map(|id| match default_for(id) {
            Some(d) => (words.default)(d).0.to_string(),
            None => id.clone(),
        })
        .collect()
}

/// A set of modifiers: one layer of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Layer {
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
    pub command: bool,
}

impl Layer {
    /// No modifier.
    pub const NONE: Layer = Layer {
        ctrl: false,
        shift: false,
        alt: false,
        command: false,
    };

    pub fn of(combo: &KeyCombo) -> Layer {
        Layer {
            ctrl: combo.ctrl,
            shift: combo.shift,
            alt: combo.alt,
            command: combo.command,
        }
    }

    /// `key` pressed with this layer's modifiers.
    pub fn combo(self, key: &str) -> KeyCombo {
        KeyCombo {
            ctrl: self.ctrl,
            shift: self.shift,
            alt: self.alt,
            command: self.command,
            key: key.to_string(),
        }
    }

    fn count(self) -> usize {
        [self.ctrl, self.shift, self.alt, self.command]
            .iter()
            .filter(|on| **on)
            .count()
    }

    /// Order of the tabs: fewer modifiers first, then Ctrl, Shift, Alt, ⌘ as combinations order
    /// them.
    fn rank(self) -> (usize, [bool; 4]) {
        (
            self.count(),
            [!self.ctrl, !self.shift, !self.alt, !self.command],
        )
    }
}

/// The layers to offer: no modifier always, then every set of modifiers an enabled row uses.
pub fn layers(bindings: &[Binding]) -> Vec<Layer> {
    let mut out: Vec<Layer> = bindings
        .iter()
        .filter(|b| b.active)
        .filter_map(Binding::combo)
        .map(|c| Layer::of(&c))
        .chain([Layer::NONE])
        .collect();
    out.sort_by_key(|layer| layer.rank());
    out.dedup();
    out
}

/// Where a key's actions are heard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    Editor,
    DataManager,
    Both,
}

/// What one key does in one layer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyUse {
    /// The enabled rows bound to it that the list's filter shows, in list order.
    pub ids: Vec<String>,
    /// One of them clashes as the list marks it (not "shared by default").
    pub clash: bool,
    /// The browser or the operating system keeps the combination.
    pub kept: bool,
}

impl KeyUse {
    /// Where its actions are heard; `None` when it has none.
    pub fn heard(&self) -> Option<Heard> {
        let dm = |id: &String| id.starts_with("data_manager:");
        match (self.ids.iter().any(dm), self.ids.iter().all(dm)) {
            _ if self.ids.is_empty() => None,
            (true, true) => Some(Heard::DataManager),
            (true, false) => Some(Heard::Both),
            _ => Some(Heard::Editor),
        }
    }
}

/// What a bound key's name says after its actions, in order: where they are heard, then its marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyNote {
    InEditor,
    InDataManager,
    InBoth,
    Clash,
    Kept,
}

impl KeyUse {
    /// The notes of a key with actions (none for a key without).
    pub fn notes(&self) -> Vec<KeyNote> {
        let place = match self.heard() {
            None => return Vec::new(),
            Some(Heard::Editor) => KeyNote::InEditor,
            Some(Heard::DataManager) => KeyNote::InDataManager,
            Some(Heard::Both) => KeyNote::InBoth,
        };
        [
            (true, place),
            (self.clash, KeyNote::Clash),
            (self.kept, KeyNote::Kept),
        ]
        .into_iter()
        .filter_map(|(on, note)| on.then_some(note))
        .collect()
    }
}

/// The tab `step` places from `current` (wrapping), as the arrow keys move along the layers.
pub fn step_layer(layers: &[Layer], current: Layer, step: isize) -> Option<Layer> {
    let at = layers.iter().position(|l| *l == current).unwrap_or(0) as isize;
    let count = layers.len() as isize;
    (count > 0).then(|| layers[(at + step).rem_euclid(count) as usize])
}

/// Whether the browser or the system keeps `combo` (the list warns about the same ones).
pub fn kept(combo: &KeyCombo) -> bool {
    browser_reserved(combo, EN).is_some() || blocked_reason(&combo.to_string(), EN).is_some()
}

/// Every drawn key's use in `layer`: the enabled rows `shown` lets through, bound to that key
/// with exactly those modifiers. Keys with no row and not kept are absent.
pub fn layer_keys(
    bindings: &[Binding],
    layer: Layer,
    shown: impl Fn(&Binding) -> bool,
    clashes: &BTreeMap<String, Vec<Clash>>,
) -> BTreeMap<&'static str, KeyUse> {
    let mut out: BTreeMap<&'static str, KeyUse> = BTreeMap::new();
    for b in bindings.iter().filter(|b| b.active && shown(b)) {
        let Some(combo) = b.combo() else { continue };
        if Layer::of(&combo) != layer {
            continue;
        }
        let Some(cap) = cap_of(&combo.key) else {
            continue;
        };
        let used = out.entry(cap.code).or_default();
        used.ids.push(b.id.clone());
        used.clash |= clashes
            .get(&b.id)
            .is_some_and(|list| list.iter().any(|c| !c.shared_by_default));
    }
    for cap in ROWS.iter().flat_map(|row| row.iter()) {
        if !cap.key.is_empty() && kept(&layer.combo(cap.key)) {
            out.entry(cap.code).or_default().kept = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::HotkeyMap;
    use crate::domain::hotkeys::{conflicts, defaults, merge};

    #[test]
    fn every_default_key_is_drawn_and_every_drawn_key_is_bindable() {
        for d in defaults::DEFAULTS {
            let combo = KeyCombo::parse(d.key).unwrap_or_else(|e| panic!("{}: {e}", d.key));
            assert!(cap_of(&combo.key).is_some(), "{} is not drawn", d.key);
        }
        let mut codes = Vec::new();
        for cap in ROWS.iter().flat_map(|row| row.iter()) {
            codes.push(cap.code);
            if !cap.key.is_empty() {
                let combo = KeyCombo::parse(cap.key).map(|c| c.key);
                assert_eq!(combo.as_deref(), Ok(cap.key), "{}", cap.code);
            }
        }
        let count = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), count, "each physical key once");
    }

    #[test]
    fn the_defaults_give_a_layer_per_modifier_set_fewest_first() {
        let layers = layers(&merge(&HotkeyMap::new()));
        assert_eq!(layers.first(), Some(&Layer::NONE));
        let names: Vec<String> = layers
            .iter()
            .map(|l| {
                let combo = l.combo("x").to_string();
                combo
                    .trim_end_matches('x')
                    .trim_end_matches('+')
                    .to_string()
            })
            .collect();
        assert_eq!(
            names,
            [
                "",
                "ctrl",
                "shift",
                "alt",
                "ctrl+shift",
                "ctrl+alt",
                "shift+alt",
                "ctrl+shift+alt"
            ]
        );
    }

    #[test]
    fn a_remapped_key_moves_layers_and_a_clash_is_marked() {
        let mut rows = merge(&HotkeyMap::new());
        let undo = "annotation:annotation:undo";
        let at = |rows: &[Binding], id: &str| rows.iter().position(|b| b.id == id);
        let Some(i) = at(&rows, undo) else {
            panic!("undo is a default")
        };
        rows[i].key = "alt+u".into();
        let alt = Layer {
            alt: true,
            ..Layer::NONE
        };
        let keys = layer_keys(&rows, alt, |_| true, &conflicts(&rows));
        let u = keys.get("KeyU").cloned().unwrap_or_default();
        assert_eq!(u.ids, [undo]);
        assert!(!u.clash);
        assert_eq!(u.heard(), Some(Heard::Editor));

        // Another editor action on Alt+U: both marked.
        let Some(j) = at(&rows, "annotation:annotation:redo") else {
            panic!("redo is a default")
        };
        rows[j].key = "alt+u".into();
        let keys = layer_keys(&rows, alt, |_| true, &conflicts(&rows));
        let u = keys.get("KeyU").cloned().unwrap_or_default();
        assert_eq!(u.ids.len(), 2);
        assert!(u.clash);

        // Switched off, or filtered out: not on the map.
        rows[j].active = false;
        let keys = layer_keys(&rows, alt, |b| b.id != undo, &conflicts(&rows));
        assert!(!keys.contains_key("KeyU"));
    }

    #[test]
    fn keys_the_browser_keeps_are_marked_even_when_unbound() {
        let ctrl = Layer {
            ctrl: true,
            ..Layer::NONE
        };
        let keys = layer_keys(&[], ctrl, |_| true, &BTreeMap::new());
        assert!(keys.get("KeyW").is_some_and(|k| k.kept && k.ids.is_empty()));
        assert!(keys.get("KeyR").is_some_and(|k| k.kept));
        assert!(!keys.contains_key("KeyU"));
        let keys = layer_keys(&[], Layer::NONE, |_| true, &BTreeMap::new());
        assert!(keys.is_empty(), "{keys:?}");
    }

    #[test]
    fn labels_follow_the_layout_and_the_platform() {
        let q = cap_of("q").copied().unwrap_or(ROWS[0][0]);
        assert_eq!(cap_label(&q, None, Platform::Other), "Q");
        // AZERTY prints A where US QWERTY has Q.
        assert_eq!(cap_label(&q, Some("a"), Platform::Other), "A");
        let esc = ROWS[0][0];
        assert_eq!(cap_label(&esc, Some("\u{1b}"), Platform::Other), "Esc");
        let meta = ROWS[5][2];
        assert_eq!(cap_label(&meta, None, Platform::Mac), "⌘");
        assert_eq!(cap_label(&meta, None, Platform::Other), "Win");
        let layer = Layer {
            ctrl: true,
            shift: true,
            ..Layer::NONE
        };
        assert_eq!(
            layer_name(layer, Platform::Other).as_deref(),
            Some("Ctrl+Shift")
        );
        assert_eq!(layer_name(layer, Platform::Mac).as_deref(), Some("⌃+⇧"));
        assert_eq!(layer_name(Layer::NONE, Platform::Mac), None);
        assert_eq!(
            action_names(
                &["annotation:annotation:undo".into(), "x:y".into()],
                HotkeyWords::ENGLISH
            ),
            ["Undo", "x:y"]
        );
    }

    #[test]
    fn arrow_keys_wrap_along_the_layers_and_notes_follow_the_marks() {
        let alt = Layer {
            alt: true,
            ..Layer::NONE
        };
        let all = [Layer::NONE, alt];
        assert_eq!(step_layer(&all, Layer::NONE, -1), Some(alt));
        assert_eq!(step_layer(&all, alt, 1), Some(Layer::NONE));
        assert_eq!(step_layer(&[], alt, 1), None);
        let used = KeyUse {
            ids: vec!["data_manager:dm.focus-next".into()],
            clash: true,
            kept: true,
        };
        assert_eq!(
            used.notes(),
            [KeyNote::InDataManager, KeyNote::Clash, KeyNote::Kept]
        );
        assert_eq!(KeyUse::default().notes(), []);
    }

    #[test]
    fn where_a_key_is_heard() {
        let used = |ids: &[&str]| KeyUse {
            ids: ids.iter().map(|s| s.to_string()).collect(),
            ..KeyUse::default()
        };
        assert_eq!(used(&[]).heard(), None);
        assert_eq!(
            used(&["data_manager:dm.focus-next"]).heard(),
            Some(Heard::DataManager)
        );
        assert_eq!(
            used(&["data_manager:dm.focus-next", "annotation:annotation:undo"]).heard(),
            Some(Heard::Both)
        );
        assert_eq!(
            used(&["regions:regions:delete"]).heard(),
            Some(Heard::Editor)
        );
    }
}
