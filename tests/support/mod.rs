//! Helpers for the browser tests: mount the app on a route with a fake client, query the DOM,
//! and wait for a condition (never a fixed sleep).
#![allow(dead_code)]

use std::sync::Arc;

use account_settings::api::fake::FakeTransport;
use account_settings::api::Method;
use account_settings::AccountApp;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

pub fn document() -> web_sys::Document {
    web_sys::window()
        .expect("window")
        .document()
        .expect("document")
}

pub fn location_path() -> String {
    web_sys::window()
        .expect("window")
        .location()
        .pathname()
        .unwrap_or_default()
}

/// A fake answering whoami and jwt settings (empty string = no stub).
pub fn fake_with(whoami: &str, jwt: &str) -> Arc<FakeTransport> {
    let fake = FakeTransport::new();
    if !whoami.is_empty() {
        fake.on(Method::Get, "/api/current-user/whoami", 200, whoami);
    }
    if !jwt.is_empty() {
        fake.on(Method::Get, "/api/jwt/settings", 200, jwt);
    }
    fake
}

/// A mounted app; dropping it unmounts.
pub struct Mounted {
    pub root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Mounted {
    pub fn query(&self, selector: &str) -> Option<web_sys::Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    pub fn text(&self, selector: &str) -> Option<String> {
        self.query(selector).and_then(|e| e.text_content())
    }

    pub fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.query(selector).and_then(|e| e.get_attribute(name))
    }

    pub fn all_text(&self, selector: &str) -> Vec<String> {
        let Ok(list) = self.root.query_selector_all(selector) else {
            return vec![];
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.text_content())
            .collect()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Puts the browser on `path` and mounts the whole app there over `fake`.
pub fn mount_app_at(path: &str, fake: &Arc<FakeTransport>) -> Mounted {
    mount_app_with(path, fake, None)
}

/// [`mount_app_at`], with `reload` in place of the browser's reload (which would end the test).
pub fn mount_app_with(
    path: &str,
    fake: &Arc<FakeTransport>,
    reload: Option<Callback<()>>,
) -> Mounted {
    let history = web_sys::window()
        .expect("window")
        .history()
        .expect("history");
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replaceState");
    let root: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let client = fake.client();
    let handle = mount_to(root.clone(), move || match reload {
        Some(reload) => view! { <AccountApp client=client.clone() reload /> }.into_any(),
        None => view! { <AccountApp client=client.clone() /> }.into_any(),
    });
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

/// Yields to the browser (a macrotask) so fetch futures, effects and the DOM settle.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until `condition` holds, up to ~2 s; panics with a clear message otherwise.
pub async fn wait_for(condition: impl Fn() -> bool) {
    for _ in 0..400 {
        if condition() {
            return;
        }
        leptos::task::tick().await;
        next_frame().await;
    }
    panic!("condition not met within the wait budget");
}

/// The button whose text is exactly `label`.
pub fn button(app: &Mounted, label: &str) -> Option<web_sys::HtmlButtonElement> {
    let list = app.root.query_selector_all("button").ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlButtonElement>().ok())
        .find(|b| b.text_content().is_some_and(|t| t.trim() == label))
}

/// Clicks the button labelled `label` (panics if absent).
pub fn click(app: &Mounted, label: &str) {
    button(app, label)
        .unwrap_or_else(|| panic!("no button {label:?}"))
        .click();
}

/// Sets an input's value and fires `input`, as typing does.
pub fn type_into(app: &Mounted, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = app
        .query(selector)
        .expect("input")
        .dyn_into()
        .expect("an input");
    input.set_value(text);
    let event = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
}
