//! Which key labels to show.

use crate::domain::hotkeys::keys::Platform;

/// macOS (and iOS) get ⌘ ⌥ ⇧ labels; everything else Ctrl/Alt/Shift.
pub fn current() -> Platform {
    let navigator = web_sys::window().map(|w| w.navigator());
    let hint = navigator
        .map(|n| {
            format!(
                "{} {}",
                n.platform().unwrap_or_default(),
                n.user_agent().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    if hint.contains("Mac") || hint.contains("iPhone") || hint.contains("iPad") {
        Platform::Mac
    } else {
        Platform::Other
    }
}
