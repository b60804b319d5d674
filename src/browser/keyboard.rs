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

/// What the user's layout prints on each of `codes` (`KeyboardEvent.code` → its character), from
/// `navigator.keyboard.getLayoutMap()`; `None` where the browser does not have it (Firefox,
/// Safari, or a page not allowed to ask). Reached by name through `Reflect` and read with the
/// map's own `get`: `web_sys`'s bindings for it are unstable, and an iterator would add imports
/// to the main module every page downloads.
pub async fn layout_map(
    codes: impl Iterator<Item = &'static str>,
) -> Option<std::collections::HashMap<String, String>> {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::JsCast;
    let call = |target: &wasm_bindgen::JsValue, name: &str| {
        Reflect::get(target, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    };
    let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).ok()?;
    let keyboard = Reflect::get(&navigator, &"keyboard".into()).ok()?;
    let promise = call(&keyboard, "getLayoutMap")?.call0(&keyboard).ok()?;
    let map = wasm_bindgen_futures::JsFuture::from(Promise::from(promise))
        .await
        .ok()?;
    let get = call(&map, "get")?;
    let out: std::collections::HashMap<String, String> = codes
        .filter_map(|code| {
            let key = get.call1(&map, &code.into()).ok()?.as_string()?;
            Some((code.to_string(), key))
        })
        .collect();
    Some(out)
}
