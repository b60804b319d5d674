//! Asking before unsaved edits are lost: the browser's own prompt on reload/close, and a
//! confirm before in-app navigation.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether some section has edits that are not saved, and the question asked before they are
/// left (in the page's language); provided by the app.
#[derive(Debug, Clone, Copy)]
pub struct UnsavedChanges {
    pub dirty: RwSignal<bool>,
    pub question: &'static str,
}

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
    use_context::<UnsavedChanges>().is_none_or(ask)
}

fn ask(unsaved: UnsavedChanges) -> bool {
    if !unsaved.dirty.get_untracked() {
        return true;
    }
    let ok = window()
        .confirm_with_message(unsaved.question)
        .unwrap_or(true);
    if ok {
        unsaved.dirty.set(false);
    }
    ok
}

/// The path the router last rendered; the account layout keeps it current for the history guard.
#[derive(Debug, Clone, Copy)]
pub struct CurrentPath(pub StoredValue<String>);

/// Asks before the browser's Back or Forward leaves a section with unsaved edits, and returns
/// the two values the guard reads (to provide as context). Call it before the router is
/// created: its `popstate` listener must run before the router's, so that when the user stays
/// the router never hears of it. The URL is then put back to [`CurrentPath`] (one extra history
/// entry, rather than a page that no longer matches its address).
pub fn install_history_guard(question: &'static str) -> (UnsavedChanges, CurrentPath) {
    let unsaved = UnsavedChanges {
        dirty: RwSignal::new(false),
        question,
    };
    let here = CurrentPath(StoredValue::new(String::new()));
    let on_popstate = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if ask(unsaved) {
            return;
        }
        ev.stop_immediate_propagation();
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&here.0.get_value()),
            );
        }
    });
    let added = window()
        .add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref())
        .is_ok();
    if added {
        // The closure is not Send; keep it in local storage and remove it with the app.
        let stored = StoredValue::new_local(on_popstate);
        on_cleanup(move || {
            stored.try_with_value(|cb| {
                let _ = window()
                    .remove_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
            });
        });
    }
    (unsaved, here)
}
