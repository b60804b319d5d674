//! The browser's key events as the pure recorder's input.

use crate::domain::hotkeys::keys::KeyPress;

/// The browser's keydown as the pure recorder's input.
pub fn key_press(ev: &web_sys::KeyboardEvent) -> KeyPress {
    KeyPress {
        key: ev.key(),
        code: ev.code(),
        ctrl: ev.ctrl_key(),
        shift: ev.shift_key(),
        alt: ev.alt_key(),
        meta: ev.meta_key(),
    }
}
