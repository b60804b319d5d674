//! The real transport: `fetch` through gloo-net, same origin, session cookie included.
//! This is the only file in the crate that touches gloo-net.

use gloo_net::http::{Request, RequestBuilder};
use wasm_bindgen::JsCast;
use web_sys::{FormData, RequestCredentials};

use super::csrf;
use super::error::ApiError;
use super::transport::{ApiRequest, Body, LocalFuture, Method, RawResponse, Transport};

/// Sends requests to the page's own origin with `fetch`.
#[derive(Debug, Default, Clone, Copy)]
pub struct FetchTransport;

impl Transport for FetchTransport {
    fn send(&self, request: ApiRequest) -> LocalFuture<Result<RawResponse, ApiError>> {
        Box::pin(send(request))
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
    let built = attach_body(builder, request.body)?;
    let response = built
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
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
