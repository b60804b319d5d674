//! Copying text: the Clipboard API, else selecting the given field so the user can press Ctrl+C.

use wasm_bindgen_futures::JsFuture;

/// Copies `text`; on failure selects `fallback` (if any) and returns false.
pub async fn copy(text: &str, fallback: Option<web_sys::HtmlTextAreaElement>) -> bool {
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    if let Some(clipboard) = clipboard {
        if JsFuture::from(clipboard.write_text(text)).await.is_ok() {
            return true;
        }
    }
    if let Some(field) = fallback {
        let _ = field.focus();
        field.select();
    }
    false
}
