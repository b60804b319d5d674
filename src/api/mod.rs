//! Label Studio's REST API, typed. Components use [`ApiClient`] from context and never build
//! URLs or touch gloo-net themselves.

mod client;
pub mod csrf;
mod error;
pub mod fake;
mod http;
pub mod paths;
mod site;
mod transport;
pub mod types;

pub use client::{ApiClient, ApiResult, HotkeysAnswer, ReplaceFailed, Traffic};
pub use error::{strip_python_list, ApiError, FieldErrors};
pub use http::{FetchTransport, REQUEST_TIMEOUT_MS, TAKE_EARLY};
pub use site::SitePrefix;
pub use transport::{ApiRequest, Body, Method, RawResponse, Transport};
