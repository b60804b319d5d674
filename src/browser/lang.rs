//! Where the language choice lives in the browser: `localStorage` and `<html lang>` (which
//! `public/boot.js` sets before the page's code starts, from the stored choice or the browser's
//! languages).

use crate::domain::i18n::{Lang, STORAGE_KEY};

/// Remembers the choice; a full or disabled storage only means it is not remembered.
pub fn store(lang: Lang) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
}

/// `<html lang>` as the page was loaded with.
pub fn document_lang() -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")
}

/// `<html lang>`, which screen readers and fonts follow.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}
