//! The real transport: `fetch` through gloo-net, same origin, session cookie included.
//! This is the only file in the crate that touches gloo-net.

use std::cell::RefCell;

use gloo_net::http::{Request, RequestBuilder, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, FormData, RequestCredentials};

use super::csrf;
use super::error::ApiError;
use super::transport::{ApiRequest, Body, LocalFuture, Method, RawResponse, Transport};

/// How long a request may go unanswered before it ends with [`ApiError::TimedOut`]. Long enough
/// for an avatar upload on a slow link; the page offers Cancel well before that.
pub const REQUEST_TIMEOUT_MS: u32 = 60_000;

thread_local! {
    /// Aborting this ends every request in flight; a fresh one replaces it for later requests.
    static CANCEL: RefCell<Option<AbortController>> = RefCell::new(AbortController::new().ok());
}

/// Sends requests to the page's own origin with `fetch`.
#[derive(Debug, Default, Clone, Copy)]
pub struct FetchTransport;

impl Transport for FetchTransport {
    fn send(&self, request: ApiRequest) -> LocalFuture<Result<RawResponse, ApiError>> {
        Box::pin(send(request))
    }

    fn cancel_pending(&self) {
        CANCEL.with(|cell| {
            let fresh = AbortController::new().ok();
            if let Some(old) = cell.replace(fresh) {
                old.abort();
            }
        });
    }
}

/// Ends on Cancel or after [`REQUEST_TIMEOUT_MS`], whichever comes first.
fn abort_signal() -> AbortSignal {
    let timeout = AbortSignal::timeout_with_u32(REQUEST_TIMEOUT_MS);
    match CANCEL.with(|cell| cell.borrow().as_ref().map(AbortController::signal)) {
        Some(cancel) => AbortSignal::any(&js_sys::Array::of2(&cancel, &timeout)),
        None => timeout,
    }
}

/// Tells the user's Cancel and the timeout apart from a real network failure.
fn fetch_error(error: gloo_net::Error) -> ApiError {
    match &error {
        gloo_net::Error::JsError(js) => by_name(&js.name, error.to_string()),
        _ => ApiError::Network(error.to_string()),
    }
}

/// The same for a rejection that did not come through gloo-net: `fetch` rejects with an `Error`
/// (a `DOMException` for Cancel and the timeout); anything else is a network failure.
fn rejection(value: JsValue) -> ApiError {
    match value.dyn_ref::<js_sys::Error>() {
        Some(error) => {
            let name = error.name().as_string().unwrap_or_default();
            let message = error.message().as_string().unwrap_or_default();
            by_name(&name, format!("{name}: {message}"))
        }
        None => ApiError::Network(format!("{value:?}")),
    }
}

fn by_name(name: &str, message: String) -> ApiError {
    match name {
        "AbortError" => ApiError::Cancelled,
        "TimeoutError" => ApiError::TimedOut,
        _ => ApiError::Network(message),
    }
}

/// The global function `public/boot.js` defines on a page opened at Hotkeys (the release tool
/// writes this name into it): given a path and the app's abort signal, the answer it got or is
/// getting for that path, once; null for any other path. Not defined anywhere else (the call
/// then throws). `js_name` below must be this literal (an attribute cannot name a const); the
/// e2e test "opened at Hotkeys, … only once" fails when the two differ.
pub const TAKE_EARLY: &str = "__takeEarly";

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = "__takeEarly")]
    fn take_early(path: &str, signal: &AbortSignal) -> Result<Option<js_sys::Promise>, JsValue>;
}

/// The answer `public/boot.js` got for `path` before the app started, taken once; `None` when
/// the page did not ask (another section, a test page, a server without the endpoint).
async fn started_by_page(path: &str, signal: &AbortSignal) -> Result<Option<Response>, ApiError> {
    let Ok(Some(promise)) = take_early(path, signal) else {
        return Ok(None);
    };
    let answer = JsFuture::from(promise).await.map_err(rejection)?;
    Ok(answer
        .dyn_into::<web_sys::Response>()
        .ok()
        .map(Response::from))
}

async fn send(request: ApiRequest) -> Result<RawResponse, ApiError> {
    let signal = abort_signal();
    if request.started_by_page {
        if let Some(response) = started_by_page(&request.path, &signal).await? {
            return read(response).await;
        }
    }
    let mut builder = match request.method {
        Method::Get => Request::get(&request.path),
        Method::Post => Request::post(&request.path),
        Method::Patch => Request::patch(&request.path),
        Method::Delete => Request::delete(&request.path),
    };
    if request.method.is_unsafe() {
        if let Some(token) = csrf_cookie() {
            builder = builder.header("X-CSRFToken", &token);
        }
    }
    if let Some(access) = &request.bearer {
        // Testing a token must prove the token works on its own, not ride on the session.
        builder = builder
            .header("Authorization", &format!("Bearer {access}"))
            .credentials(RequestCredentials::Omit);
    }
    let built = attach_body(builder.abort_signal(Some(&signal)), request.body)?;
    read(built.send().await.map_err(fetch_error)?).await
}

async fn read(response: Response) -> Result<RawResponse, ApiError> {
    let status = response.status();
    let body = response.text().await.map_err(fetch_error)?;
    Ok(RawResponse { status, body })
}

fn attach_body(builder: RequestBuilder, body: Body) -> Result<Request, ApiError> {
    let built = match body {
        Body::Empty => builder.build(),
        Body::Json(json) => builder
            .header("Content-Type", "application/json")
            .body(json),
        Body::File {
            field,
            file_name,
            blob,
        } => {
            let form = FormData::new().map_err(js_error)?;
            form.append_with_blob_and_filename(field, &blob, &file_name)
                .map_err(js_error)?;
            builder.body(form)
        }
    };
    built.map_err(|e| ApiError::Network(e.to_string()))
}

fn csrf_cookie() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let cookies = document
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()?
        .cookie()
        .ok()?;
    csrf::cookie_value(&cookies, "csrftoken")
}

fn js_error(value: wasm_bindgen::JsValue) -> ApiError {
    ApiError::Network(format!("{value:?}"))
}
