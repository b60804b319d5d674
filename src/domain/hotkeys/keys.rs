//! Key combinations in the vocabulary the Label Studio editor's key library binds
//! (keymaster plus Label Studio's aliases): modifiers `ctrl`, `shift`, `alt`, `command`, in that
//! order, then one key. Parsing accepts every spelling the defaults, Label Studio's own recorder
//! and exports use, so equal bindings compare equal.

use std::fmt;

use crate::domain::i18n::fill;
use crate::domain::i18n::hotkeys::{HotkeysMsg, Tr, EN};

/// One key combination, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyCombo {
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
    /// The Meta / ⌘ / Windows key.
    pub command: bool,
    /// The non-modifier key, canonical (`a`, `7`, `f5`, `left`, `space`, `-`, `,` …).
    pub key: String,
}

/// Why a key string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    Empty,
    /// Only modifiers, no key.
    NoKey,
    /// More than one non-modifier key (`a+b`).
    TwoKeys(String, String),
    Unknown(String),
    NonAscii(String),
}

impl KeyError {
    /// What is wrong, in `t`'s language (a phrase, to go inside a sentence).
    pub fn message(&self, t: Tr) -> String {
        match self {
            KeyError::Empty => t(HotkeysMsg::NoKeyGiven).to_string(),
            KeyError::NoKey => t(HotkeysMsg::OnlyModifiers).to_string(),
            KeyError::TwoKeys(a, b) => fill(t(HotkeysMsg::TwoKeys), &[("a", a), ("b", b)]),
            KeyError::Unknown(k) => fill(t(HotkeysMsg::NotBindable), &[("key", k)]),
            KeyError::NonAscii(k) => fill(t(HotkeysMsg::NotAscii), &[("key", k)]),
        }
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(EN))
    }
}

/// Named keys and their canonical spelling.
const NAMED: &[(&str, &str)] = &[
    ("space", "space"),
    ("spacebar", "space"),
    (" ", "space"),
    ("enter", "enter"),
    ("return", "enter"),
    ("escape", "escape"),
    ("esc", "escape"),
    ("tab", "tab"),
    ("backspace", "backspace"),
    ("delete", "delete"),
    ("del", "delete"),
    ("left", "left"),
    ("arrowleft", "left"),
    ("up", "up"),
    ("arrowup", "up"),
    ("right", "right"),
    ("arrowright", "right"),
    ("down", "down"),
    ("arrowdown", "down"),
    ("home", "home"),
    ("end", "end"),
    ("pageup", "pageup"),
    ("pagedown", "pagedown"),
    // Stored as the key that types them: the data manager's key library reads `minus` as M and
    // `plus` as P (the editor's maps them to - and =), while both bind - and = (the editor layer
    // pressed them).
    ("plus", "="),
    ("minus", "-"),
];

/// Punctuation keys kept as themselves.
const PUNCTUATION: &[char] = &[',', '.', '/', '`', ';', '\'', '[', ']', '\\', '=', '-'];

/// Shifted US-layout symbols, as Label Studio's own recorder writes them (`shift+!`), mapped to
/// the key that makes them.
const SHIFTED: &[(char, &str)] = &[
    ('!', "1"),
    ('@', "2"),
    ('#', "3"),
    ('$', "4"),
    ('%', "5"),
    ('^', "6"),
    ('&', "7"),
    ('*', "8"),
    ('(', "9"),
    (')', "0"),
    ('_', "-"),
    ('~', "`"),
    ('{', "["),
    ('}', "]"),
    ('|', "\\"),
    (':', ";"),
    ('"', "'"),
    ('<', ","),
    ('>', "."),
    ('?', "/"),
];

fn modifier(token: &str) -> Option<usize> {
    match token {
        "ctrl" | "control" | "⌃" => Some(0),
        "shift" | "⇧" => Some(1),
        "alt" | "option" | "⌥" => Some(2),
        "command" | "cmd" | "meta" | "⌘" | "super" | "win" => Some(3),
        _ => None,
    }
}

/// Canonical key for one non-modifier token (already lowercased).
fn canonical_key(token: &str) -> Result<String, KeyError> {
    if let Some((_, canon)) = NAMED.iter().find(|(alias, _)| *alias == token) {
        return Ok((*canon).to_string());
    }
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || PUNCTUATION.contains(&c) {
            return Ok(c.to_string());
        }
        if let Some((_, key)) = SHIFTED.iter().find(|(s, _)| *s == c) {
            return Ok((*key).to_string());
        }
        if !c.is_ascii() {
            return Err(KeyError::NonAscii(token.to_string()));
        }
    }
    if let Some(n) = token.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        if (1..=19).contains(&n) && !token.starts_with("f0") {
            return Ok(token.to_string());
        }
    }
    if !token.is_ascii() {
        return Err(KeyError::NonAscii(token.to_string()));
    }
    Err(KeyError::Unknown(token.to_string()))
}

impl KeyCombo {
    /// Reads any accepted spelling: `shift+ctrl+x`, `H`, `arrowleft`, `meta+k`, `cmd+option+esc`,
    /// `ctrl+plus`, `ctrl++`, a literal space, `shift+!` …
    pub fn parse(input: &str) -> Result<KeyCombo, KeyError> {
        if input.is_empty() {
            return Err(KeyError::Empty);
        }
        // A literal space is the space key (also after a "+"); other surrounding blanks are noise.
        let start = input.trim_start();
        let end = start.trim_end();
        let text = if input.trim().is_empty() {
            " "
        } else if end.ends_with('+') && !end.ends_with("++") && end.len() < start.len() {
            // Keep the one blank after the "+", whatever its width in bytes (a no-break space
            // is two).
            let blank = start[end.len()..].chars().next().map_or(0, char::len_utf8);
            &start[..end.len() + blank]
        } else {
            end
        };
        // Key names are ASCII and any other letter is refused, so ASCII case is all there is
        // (and Unicode's case tables stay out of the build: see domain/text.rs).
        let lower = text.to_ascii_lowercase();
        // "+" is the separator, so a trailing "++" (or a lone "+") means the plus key, which is
        // the = key (see NAMED).
        let (rest, plus) = if lower == "+" {
            ("", true)
        } else if let Some(rest) = lower.strip_suffix("++") {
            (rest, true)
        } else {
            (lower.as_str(), false)
        };
        let mut mods = [false; 4];
        let mut key: Option<String> = plus.then(|| "=".to_string());
        for raw in rest.split('+').filter(|t| !t.is_empty()) {
            let token = if raw.trim().is_empty() {
                " "
            } else {
                raw.trim()
            };
            if let Some(index) = modifier(token) {
                mods[index] = true;
                continue;
            }
            let canon = canonical_key(token)?;
            // Label Studio's recorder writes the shifted symbol *and* shift: `shift+!`.
            if let Some(previous) = key.replace(canon.clone()) {
                return Err(KeyError::TwoKeys(previous, canon));
            }
        }
        let key = key.ok_or(if rest.trim().is_empty() {
            KeyError::Empty
        } else {
            KeyError::NoKey
        })?;
        Ok(KeyCombo {
            ctrl: mods[0],
            shift: mods[1],
            alt: mods[2],
            command: mods[3],
            key,
        })
    }

    /// The modifier names in canonical order.
    pub fn modifiers(&self) -> impl Iterator<Item = &'static str> {
        [
            (self.ctrl, "ctrl"),
            (self.shift, "shift"),
            (self.alt, "alt"),
            (self.command, "command"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
    }
}

impl fmt::Display for KeyCombo {
    /// The stored spelling: `ctrl+shift+alt+command+key`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in self.modifiers() {
            write!(f, "{m}+")?;
        }
        f.write_str(&self.key)
    }
}

/// Normalises a key string; unreadable strings are returned unchanged (so they still compare
/// with themselves) along with the error.
pub fn normalize(input: &str) -> Result<String, KeyError> {
    KeyCombo::parse(input).map(|c| c.to_string())
}

/// Keys a press cannot record (plain Esc cancels, plain Tab and Shift+Tab move focus) and the
/// two that are simpler chosen than pressed: the recorder offers them as buttons while it records.
pub const SPECIAL_KEYS: [&str; 5] = ["escape", "tab", "shift+tab", "enter", "space"];

/// A keydown as the browser reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyPress {
    /// `KeyboardEvent.key`.
    pub key: String,
    /// `KeyboardEvent.code` (the physical key).
    pub code: String,
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
    pub meta: bool,
}

impl KeyPress {
    /// Plain Tab or Shift+Tab: moves focus on, so a field that takes key presses lets it go
    /// and never traps the keyboard. With Ctrl, Alt or Meta it is a key like any other.
    pub fn moves_focus(&self) -> bool {
        self.key == "Tab" && !(self.ctrl || self.alt || self.meta)
    }

    /// Esc with no modifier at all: stops a recording. With any modifier it is recorded (and
    /// checked) like any other key.
    pub fn cancels(&self) -> bool {
        self.key == "Escape" && !(self.ctrl || self.shift || self.alt || self.meta)
    }
}

/// What a keydown means to the recorder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// A modifier on its own: keep waiting.
    ModifierOnly,
    Combo(KeyCombo),
    /// A key the editor cannot bind (e.g. Insert, PrintScreen, a dead key).
    Unsupported(String),
    /// A keypad key the editor does not hear as pressed: an operator (its key library binds the
    /// main keyboard's key codes only), or a digit with a modifier (the editor turns keypad
    /// digits into plain digits and drops the modifier). The editor layer pressed both.
    Keypad(String),
}

impl Recorded {
    /// Why the recorder refuses this key, said at once; `None` when it does not.
    pub fn refusal(&self, t: Tr) -> Option<String> {
        match self {
            Recorded::Unsupported(key) => Some(fill(t(HotkeysMsg::CantUse), &[("key", key)])),
            Recorded::Keypad(key) if key.chars().all(|c| c.is_ascii_digit()) => {
                Some(fill(t(HotkeysMsg::KeypadDigit), &[("key", key)]))
            }
            Recorded::Keypad(key) => Some(fill(t(HotkeysMsg::KeypadOther), &[("key", key)])),
            Recorded::ModifierOnly | Recorded::Combo(_) => None,
        }
    }
}

/// Turns a keydown into a combination. Letters, digits and punctuation come from the physical
/// key (`code`), so Shift+1 is `shift+1` (not `shift+!`) and letters work on any layout; named
/// keys come from `key`.
pub fn record(press: &KeyPress) -> Recorded {
    if matches!(
        press.key.as_str(),
        "Control"
            | "Shift"
            | "Alt"
            | "Meta"
            | "OS"
            | "AltGraph"
            | "CapsLock"
            | "Fn"
            | "Hyper"
            | "Super"
    ) {
        return Recorded::ModifierOnly;
    }
    // With Num Lock off the keypad sends arrows, Home, … which the editor does bind; a bare
    // keypad digit fires as the digit.
    if press.code.starts_with("Numpad") && press.key.chars().count() == 1 {
        let digit = press.key.chars().all(|c| c.is_ascii_digit());
        if !digit || press.ctrl || press.shift || press.alt || press.meta {
            return Recorded::Keypad(press.key.clone());
        }
    }
    // A keypad key that is not a character (Num Lock off: an arrow, Home…) is what it says.
    let named_keypad = press.code.starts_with("Numpad") && press.key.chars().count() > 1;
    let from_code = if named_keypad {
        None
    } else {
        code_key(&press.code)
    };
    let key = from_code.or_else(|| {
        let lower = press.key.to_ascii_lowercase();
        canonical_key(&lower).ok().filter(|k| {
            // `key` is layout-dependent; trust it only for named and function keys.
            k.len() > 1 || lower == " "
        })
    });
    match key {
        Some(key) => Recorded::Combo(KeyCombo {
            ctrl: press.ctrl,
            shift: press.shift,
            alt: press.alt,
            command: press.meta,
            key,
        }),
        None => Recorded::Unsupported(if press.key.is_empty() {
            press.code.clone()
        } else {
            press.key.clone()
        }),
    }
}

fn code_key(code: &str) -> Option<String> {
    if let Some(letter) = code.strip_prefix("Key") {
        return (letter.len() == 1).then(|| letter.to_ascii_lowercase());
    }
    if let Some(digit) = code
        .strip_prefix("Digit")
        .or_else(|| code.strip_prefix("Numpad"))
    {
        if digit.len() == 1 && digit.chars().all(|c| c.is_ascii_digit()) {
            return Some(digit.to_string());
        }
    }
    let punct = match code {
        "Comma" => ",",
        "Period" => ".",
        "Slash" => "/",
        "Backquote" => "`",
        "Semicolon" => ";",
        "Quote" => "'",
        "BracketLeft" => "[",
        "BracketRight" => "]",
        "Backslash" | "IntlBackslash" => "\\",
        "Equal" => "=",
        "Minus" => "-",
        "NumpadEnter" => "enter",
        _ => return None,
    };
    Some(punct.to_string())
}

/// Which keyboard labels to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Mac,
    Other,
}

/// The key caps to draw for a combination, e.g. `["⌘", "⇧", "K"]` on macOS or
/// `["Ctrl", "Shift", "K"]` elsewhere.
pub fn caps(combo: &KeyCombo, platform: Platform) -> Vec<String> {
    let mac = platform == Platform::Mac;
    let mut out: Vec<String> = combo
        .modifiers()
        .map(|m| {
            match (m, mac) {
                ("ctrl", true) => "⌃",
                ("ctrl", false) => "Ctrl",
                ("shift", true) => "⇧",
                ("shift", false) => "Shift",
                ("alt", true) => "⌥",
                ("alt", false) => "Alt",
                (_, true) => "⌘",
                (_, false) => "Meta",
            }
            .to_string()
        })
        .collect();
    let key = match combo.key.as_str() {
        "left" => "←".to_string(),
        "right" => "→".to_string(),
        "up" => "↑".to_string(),
        "down" => "↓".to_string(),
        "space" => "Space".to_string(),
        "enter" if mac => "Return".to_string(),
        "enter" => "Enter".to_string(),
        "escape" => "Esc".to_string(),
        "tab" => "Tab".to_string(),
        "backspace" if mac => "⌫".to_string(),
        "backspace" => "Backspace".to_string(),
        "delete" if mac => "⌦".to_string(),
        "delete" => "Delete".to_string(),
        "home" => "Home".to_string(),
        "end" => "End".to_string(),
        "pageup" => "PgUp".to_string(),
        "pagedown" => "PgDn".to_string(),
        other => other.to_ascii_uppercase(),
    };
    out.push(key);
    out
}

/// A spoken/written form for labels: "Ctrl+Shift+K".
pub fn label(combo: &KeyCombo, platform: Platform) -> String {
    caps(combo, platform).join("+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_blank_after_the_plus_is_the_space_key() {
        // Found by tests/properties.rs: this sliced inside the no-break space and panicked.
        assert_eq!(normalize("ctrl+\u{a0}").as_deref(), Ok("ctrl+space"));
        assert_eq!(normalize("ctrl+\u{3000}").as_deref(), Ok("ctrl+space"));
    }

    fn n(s: &str) -> String {
        normalize(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn every_default_key_parses_and_is_stable() {
        for d in super::super::defaults::DEFAULTS {
            let once = n(d.key);
            assert_eq!(n(&once), once, "{} is a fixed point", d.key);
        }
    }

    #[test]
    fn spellings_collapse_to_one_binding() {
        let cases = [
            ("shift+ctrl+x", "ctrl+shift+x"),
            ("ctrl+shift+x", "ctrl+shift+x"),
            ("H", "h"),
            ("shift+R", "shift+r"),
            ("arrowleft", "left"),
            ("ArrowLeft", "left"),
            ("meta+k", "command+k"),
            ("cmd+k", "command+k"),
            ("⌘+k", "command+k"),
            ("option+a", "alt+a"),
            ("esc", "escape"),
            (" ", "space"),
            ("ctrl+ ", "ctrl+space"),
            ("shift+ctrl+alt+left", "ctrl+shift+alt+left"),
            ("ctrl+plus", "ctrl+="),
            ("ctrl++", "ctrl+="),
            ("+", "="),
            ("ctrl+-", "ctrl+-"),
            ("ctrl+minus", "ctrl+-"),
            ("shift+_", "shift+-"),
            ("shift+!", "shift+1"),
            ("shift+?", "shift+/"),
            ("Control+Return", "ctrl+enter"),
            ("F5", "f5"),
            ("shift+f19", "shift+f19"),
            ("[", "["),
            ("shift+.", "shift+."),
            ("alt+\\", "alt+\\"),
            ("pageup", "pageup"),
        ];
        for (input, expected) in cases {
            assert_eq!(n(input), expected, "{input:?}");
        }
    }

    #[test]
    fn bad_strings_are_explained() {
        assert_eq!(KeyCombo::parse(""), Err(KeyError::Empty));
        assert_eq!(KeyCombo::parse("ctrl+shift"), Err(KeyError::NoKey));
        assert_eq!(
            KeyCombo::parse("a+b"),
            Err(KeyError::TwoKeys("a".into(), "b".into()))
        );
        assert_eq!(
            KeyCombo::parse("ctrl+ü"),
            Err(KeyError::NonAscii("ü".into()))
        );
        assert_eq!(
            KeyCombo::parse("ctrl+insert"),
            Err(KeyError::Unknown("insert".into()))
        );
        assert_eq!(KeyCombo::parse("f20"), Err(KeyError::Unknown("f20".into())));
        assert_eq!(KeyCombo::parse("f0"), Err(KeyError::Unknown("f0".into())));
        assert!(KeyError::NoKey.to_string().contains("add a key"));
    }

    fn press(key: &str, code: &str, mods: &str) -> KeyPress {
        KeyPress {
            key: key.into(),
            code: code.into(),
            ctrl: mods.contains('c'),
            shift: mods.contains('s'),
            alt: mods.contains('a'),
            meta: mods.contains('m'),
        }
    }

    fn rec(key: &str, code: &str, mods: &str) -> String {
        match record(&press(key, code, mods)) {
            Recorded::Combo(c) => c.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn the_special_keys_are_stored_spellings() {
        for spelling in SPECIAL_KEYS {
            assert_eq!(normalize(spelling).as_deref(), Ok(spelling));
        }
    }

    #[test]
    fn recording_uses_the_physical_key_for_characters() {
        assert_eq!(rec("!", "Digit1", "s"), "shift+1");
        assert_eq!(rec("k", "KeyK", "m"), "command+k");
        assert_eq!(rec("ArrowLeft", "ArrowLeft", ""), "left");
        assert_eq!(rec(" ", "Space", "c"), "ctrl+space");
        assert_eq!(rec("K", "KeyK", "cs"), "ctrl+shift+k");
        // AZERTY: the key labelled A sits where QWERTY has Q; the editor binds by key code.
        assert_eq!(rec("a", "KeyQ", ""), "q");
        // Cyrillic layout: "ф" on the A key still records as a.
        assert_eq!(rec("ф", "KeyA", "c"), "ctrl+a");
        assert_eq!(rec("Enter", "NumpadEnter", ""), "enter");
        assert_eq!(rec("F7", "F7", "a"), "alt+f7");
        assert_eq!(rec("-", "Minus", "c"), "ctrl+-");
        assert_eq!(rec("+", "Equal", "cs"), "ctrl+shift+=");
        // What the editor hears from the keypad (the editor layer pressed these): a bare digit
        // as the digit; not an operator, nor a digit with a modifier. Num Lock off: arrows.
        assert_eq!(rec("7", "Numpad7", ""), "7");
        assert_eq!(rec("7", "Numpad7", "c"), "Keypad(\"7\")");
        assert_eq!(rec("+", "NumpadAdd", "c"), "Keypad(\"+\")");
        assert_eq!(rec("-", "NumpadSubtract", ""), "Keypad(\"-\")");
        assert_eq!(rec("ArrowLeft", "Numpad4", ""), "left");
        assert!(record(&press("7", "Numpad7", "a"))
            .refusal(EN)
            .is_some_and(|m| m.contains("main keyboard's “7”")));
        assert_eq!(rec("Escape", "Escape", ""), "escape");
        assert_eq!(rec("Shift", "ShiftLeft", "s"), "ModifierOnly");
        assert_eq!(rec("Meta", "MetaLeft", "m"), "ModifierOnly");
        assert_eq!(rec("Insert", "Insert", ""), "Unsupported(\"Insert\")");
        assert_eq!(
            rec("Dead", "BracketLeft", ""),
            "[",
            "dead keys still have a position"
        );
    }

    #[test]
    fn only_plain_tab_and_shift_tab_move_focus() {
        assert!(press("Tab", "Tab", "").moves_focus());
        assert!(press("Tab", "Tab", "s").moves_focus());
        assert!(!press("Tab", "Tab", "c").moves_focus());
        assert!(!press("Tab", "Tab", "a").moves_focus());
        assert!(!press("Tab", "Tab", "m").moves_focus());
        assert!(!press("Escape", "Escape", "").moves_focus());
    }

    #[test]
    fn only_plain_escape_cancels_a_recording() {
        assert!(press("Escape", "Escape", "").cancels());
        for mods in ["s", "c", "a", "m"] {
            assert!(!press("Escape", "Escape", mods).cancels(), "{mods}");
        }
        assert!(!press("Tab", "Tab", "").cancels());
    }

    #[test]
    fn caps_follow_the_platform() {
        let combo = KeyCombo::parse("ctrl+shift+alt+command+left").expect("combo");
        assert_eq!(caps(&combo, Platform::Mac), ["⌃", "⇧", "⌥", "⌘", "←"]);
        assert_eq!(
            caps(&combo, Platform::Other),
            ["Ctrl", "Shift", "Alt", "Meta", "←"]
        );
        assert_eq!(
            label(
                &KeyCombo::parse("ctrl+minus").expect("combo"),
                Platform::Other
            ),
            "Ctrl+-"
        );
    }
}
