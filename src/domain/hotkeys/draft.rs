//! Hotkey edits kept in the tab while the user signs in again.

use crate::api::types::HotkeyMap;

use super::same_stored;

/// Hotkey edits kept while the user signs in again, tied to whose they are.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PendingHotkeys {
    pub user_id: u64,
    /// The edited map in stored form.
    pub map: HotkeyMap,
}

/// Where pending hotkey edits wait (sessionStorage; key bindings are not secrets).
pub const PENDING_HOTKEYS_KEY: &str = "ls-account-hotkeys-draft";

/// The edits to restore for `user_id` over what the server has: only that user's, and only if
/// they differ from it (a save that went through after all leaves nothing to restore).
pub fn restorable(
    pending: Option<PendingHotkeys>,
    user_id: u64,
    stored: &HotkeyMap,
) -> Option<HotkeyMap> {
    pending
        .filter(|p| p.user_id == user_id && !same_stored(&p.map, stored))
        .map(|p| p.map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::StoredHotkey;

    #[test]
    fn pending_hotkeys_restore_only_for_their_user_and_only_if_unsaved() {
        let mut edited = HotkeyMap::new();
        edited.insert(
            "annotation:annotation:submit".into(),
            StoredHotkey {
                key: "ctrl+shift+k".into(),
                active: None,
                description: None,
            },
        );
        let mine = PendingHotkeys {
            user_id: 7,
            map: edited.clone(),
        };
        let server = HotkeyMap::new();
        assert_eq!(
            restorable(Some(mine.clone()), 7, &server),
            Some(edited.clone())
        );
        assert_eq!(
            restorable(Some(mine.clone()), 8, &server),
            None,
            "someone else's"
        );
        assert_eq!(restorable(Some(mine), 7, &edited), None, "already saved");
        assert_eq!(restorable(None, 7, &server), None);
    }
}
