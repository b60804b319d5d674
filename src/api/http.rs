//! The real transport: `fetch` through gloo-net, same origin, session cookie included.
//! This is the only file in the crate that touches gloo-net.

use std::cell::RefCell;

use gloo_net::http::{Request, RequestBuilder};
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal, FormData, RequestCredentials};

use super::client::REQUEST_TIMEOUT_MS;
use super::csrf;
use super::error::ApiError;
use super::transport::{ApiRequest, Body, LocalFuture, Method, RawResponse, Transport};

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
        gloo_net::Error::JsError(js) if js.name == "AbortError" => ApiError::Cancelled,
        gloo_net::Error::JsError(js) if js.name == "TimeoutError" => ApiError::TimedOut,
        _ => ApiError::Network(error.to_string()),
    }
}

async fn send(request: ApiRequest) -> Result<RawResponse, ApiError> {
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
    let signal = abort_signal();
    let built = attach_body(builder.abort_signal(Some(&signal)), request.body)?;
    let response = built.send().await.map_err(fetch_error)?;
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
