//! The browser's key events as the pure recorder's input.

use crate::domain::hotkeys::keys::KeyPress;

/// The browser's keydown as the pure recorder's input.
pub fn key_press(ev: &web_sys::KeyboardEvent) -> KeyPress {
    KeyPress {
        key: ev.key(),
        code: ev.code(),
        ctrl: ev.ctrl_key(),
        shift: ev.shift_key(),
        alt: ev.alt_key(),
        meta: ev.meta_key(),
    }
}

/// What the user's layout prints on each physical key (`KeyboardEvent.code` → its character),
/// from `navigator.keyboard.getLayoutMap()`; `None` where the browser does not have it (Firefox,
/// Safari, or a page not allowed to ask).
pub async fn layout_map() -> Option<std::collections::HashMap<String, String>> {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::JsCast;
    let navigator = web_sys::window()?.navigator();
    let keyboard = Reflect::get(&navigator, &"keyboard".into()).ok()?;
    let get = Reflect::get(&keyboard, &"getLayoutMap".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let promise = get.call0(&keyboard).ok()?.dyn_into::<Promise>().ok()?;
    let map = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let mut out = std::collections::HashMap::new();
    for entry in js_sys::try_iter(&map).ok()??.flatten() {
        let pair: js_sys::Array = entry.unchecked_into();
        if let (Some(code), Some(key)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            out.insert(code, key);
        }
    }
    Some(out)
}
