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
