//! Printing, and the styles only a piece of late code needs.

/// Opens the browser's print dialog (its "Save as PDF" included). Called by name through
/// `Reflect`, which the page already uses: a `web_sys` binding would be one more import in the
/// main module, which every page downloads.
pub fn print() {
    use wasm_bindgen::JsCast;
    let window = js_sys::global();
    if let Ok(print) = js_sys::Reflect::get(&window, &"print".into()) {
        if let Ok(print) = print.dyn_into::<js_sys::Function>() {
            let _ = print.call0(&window);
        }
    }
}

/// Adds the stylesheet `file`, which the build puts beside the page's own stylesheet, once:
/// styles only a piece of late code needs, kept off the first page's download. Its address is
/// the page's stylesheet's with the file name changed, so a prefix or a trailing slash in the
/// page's address does not matter.
pub fn ensure_stylesheet(file: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(main) = document
        .query_selector("link[rel=stylesheet]")
        .ok()
        .flatten()
    else {
        return;
    };
    let main_href = js_sys::Reflect::get(&main, &"href".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let Some((folder, _)) = main_href.rsplit_once('/') else {
        return;
    };
    let href = format!("{folder}/{file}");
    let selector = format!("link[href=\"{href}\"]");
    if document.query_selector(&selector).ok().flatten().is_some() {
        return;
    }
    let Ok(link) = document.create_element("link") else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href);
    if let Some(head) = document.query_selector("head").ok().flatten() {
        let _ = head.append_child(&link);
    }
}
