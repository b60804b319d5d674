//! Asking before unsaved edits are lost: the browser's own prompt on reload/close, and a
//! confirm before in-app navigation.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether some section has edits that are not saved; provided by the account layout.
#[derive(Debug, Clone, Copy)]
pub struct UnsavedChanges(pub RwSignal<bool>);

/// Installs the `beforeunload` prompt for as long as the calling component lives.
pub fn install_beforeunload(dirty: Signal<bool>) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if dirty.get_untracked() {
            ev.prevent_default();
            // Older Chromium needs returnValue set to show the prompt.
            if let Some(ev) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                ev.set_return_value("unsaved");
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// True when it is fine to leave: nothing unsaved, or the user confirmed.
pub fn confirm_leave() -> bool {
    let Some(unsaved) = use_context::<UnsavedChanges>() else {
        return true;
    };
    if !unsaved.0.get_untracked() {
        return true;
    }
    let ok = window()
        .confirm_with_message("You have unsaved changes. Leave this section and discard them?")
        .unwrap_or(true);
    if ok {
        unsaved.0.set(false);
    }
    ok
}
