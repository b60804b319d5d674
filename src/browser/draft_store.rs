//! Keeping a non-secret form draft across a sign-in round trip (per tab: sessionStorage).
//! Never used for tokens or passwords (docs/SECURITY.md).

use serde::de::DeserializeOwned;
use serde::Serialize;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Stores `value` under `key`; false if the browser refused (private mode, quota).
pub fn save<T: Serialize>(key: &str, value: &T) -> bool {
    let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(value)) else {
        return false;
    };
    storage.set_item(key, &json).is_ok()
}

/// Takes the value stored under `key` (removing it), if any and readable.
pub fn take<T: DeserializeOwned>(key: &str) -> Option<T> {
    let storage = storage()?;
    let json = storage.get_item(key).ok().flatten()?;
    let _ = storage.remove_item(key);
    serde_json::from_str(&json).ok()
}

/// Whether something is stored under `key` (left in place).
pub fn has(key: &str) -> bool {
    storage().is_some_and(|s| s.get_item(key).ok().flatten().is_some())
}

/// Forgets whatever is stored under `key`.
pub fn discard(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}
