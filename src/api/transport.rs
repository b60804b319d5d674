//! The seam between the typed client and the network: one request in, status + body out.
//! The browser uses [`super::http::FetchTransport`]; tests inject [`super::fake::FakeTransport`].

use std::future::Future;
use std::pin::Pin;

use super::error::ApiError;

/// HTTP methods the contract uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Patch,
    Delete,
}

impl Method {
    /// Unsafe methods carry `X-CSRFToken`.
    pub fn is_unsafe(self) -> bool {
        !matches!(self, Method::Get)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// What goes in the request body.
#[derive(Debug, Clone)]
pub enum Body {
    Empty,
    /// Already-serialised JSON.
    Json(String),
    /// One file part; the browser sets the multipart boundary (never set Content-Type by hand).
    File {
        field: &'static str,
        file_name: String,
        blob: web_sys::Blob,
    },
}

/// One request as the client wants it sent.
#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub method: Method,
    pub path: String,
    pub body: Body,
    /// `Authorization: Bearer …` (testing a PAT) — sent with cookies omitted.
    pub bearer: Option<String>,
    /// Whether a 401 answer means the session cookie is no longer valid. False where the 401
    /// is about a token the user typed or created (exchange, revoke, bearer test).
    pub session_bound: bool,
    /// The page itself may have sent this request before the app started (`public/boot.js`,
    /// at Hotkeys); its answer is taken once instead of asking again.
    pub started_by_page: bool,
}

impl ApiRequest {
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        Self {
            method,
            path: path.into(),
            body: Body::Empty,
            bearer: None,
            session_bound: true,
            started_by_page: false,
        }
    }

    pub fn json(mut self, body: String) -> Self {
        self.body = Body::Json(body);
        self
    }

    /// Marks a request the page may have sent already ([`Self::started_by_page`]).
    pub fn maybe_started_by_page(mut self) -> Self {
        self.started_by_page = true;
        self
    }

    /// Marks a request whose 401 is about a token, not about the session.
    pub fn about_token(mut self) -> Self {
        self.session_bound = false;
        self
    }
}

/// A response as received: any status, body as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawResponse {
    pub status: u16,
    pub body: String,
}

pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Sends requests. `Send + Sync` so the client can live in Leptos context; the futures it
/// returns are local (browser fetch is single-threaded).
pub trait Transport: Send + Sync {
    fn send(&self, request: ApiRequest) -> LocalFuture<Result<RawResponse, ApiError>>;

    /// Stops waiting for every request in flight; each ends with [`ApiError::Cancelled`].
    fn cancel_pending(&self) {}
}
