//! The page's own address.

/// The path of the page's address (`/label-studio/user/account/hotkeys`); empty if unreadable.
pub fn pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}
