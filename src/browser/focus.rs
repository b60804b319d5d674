//! Moving keyboard focus to an element another component owns.

use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector`; false if there is none.
pub fn focus(selector: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

/// Focuses the first element matching `selector` on the next frame: after a change that shows
/// it (a `hidden` row) has reached the page.
pub fn focus_next_frame(selector: String) {
    leptos::prelude::request_animation_frame(move || {
        focus(&selector);
    });
}

/// Whether a `focusout` takes focus out of the element listening for it (to another part of the
/// page, or away from the page), not to one of its own descendants.
pub fn leaves(ev: &web_sys::FocusEvent) -> bool {
    let within = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    let to = ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    match (within, to) {
        (Some(within), Some(to)) => !within.contains(Some(&to)),
        _ => true,
    }
}
