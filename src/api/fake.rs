//! An in-memory transport for tests: canned answers per method + path, and a log of every
//! request. Used by native client tests and by the browser component tests.

use std::sync::{Arc, Mutex, PoisonError};

use super::client::ApiClient;
use super::error::ApiError;
use super::transport::{ApiRequest, Body, LocalFuture, Method, RawResponse, Transport};

/// One request as the fake saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub method: Method,
    pub path: String,
    /// JSON bodies as text; file uploads as `file:<name>`.
    pub body: Option<String>,
    pub bearer: Option<String>,
}

#[derive(Debug, Clone)]
enum Answer {
    Respond(RawResponse),
    NetworkDown,
}

/// Answers from a table; unknown routes get a 404 so a missing stub shows up in the test.
#[derive(Debug, Default)]
pub struct FakeTransport {
    routes: Mutex<Vec<(Method, String, Answer)>>,
    /// Answers used once each, before `routes`, in the order they were added.
    once: Mutex<Vec<(Method, String, RawResponse)>>,
    log: Mutex<Vec<Logged>>,
}

impl FakeTransport {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Answers `method path` with `status` and `body` (the latest stub for a route wins).
    pub fn on(&self, method: Method, path: &str, status: u16, body: &str) -> &Self {
        let answer = Answer::Respond(RawResponse {
            status,
            body: body.to_string(),
        });
        self.push(method, path, answer)
    }

    /// Answers the next `method path` request with `status` and `body`, once; later requests get
    /// the standing answer from [`Self::on`].
    pub fn once(&self, method: Method, path: &str, status: u16, body: &str) -> &Self {
        let response = RawResponse {
            status,
            body: body.to_string(),
        };
        self.once
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((method, path.to_string(), response));
        self
    }

    /// Makes `method path` fail as if the network were down.
    pub fn network_down(&self, method: Method, path: &str) -> &Self {
        self.push(method, path, Answer::NetworkDown)
    }

    /// Every request sent so far.
    pub fn requests(&self) -> Vec<Logged> {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// A client that talks to this fake.
    pub fn client(self: &Arc<Self>) -> ApiClient {
        ApiClient::with_transport(self.clone())
    }

    fn push(&self, method: Method, path: &str, answer: Answer) -> &Self {
        let mut routes = self.routes.lock().unwrap_or_else(PoisonError::into_inner);
        routes.retain(|(m, p, _)| !(*m == method && p == path));
        routes.push((method, path.to_string(), answer));
        self
    }
}

impl Transport for FakeTransport {
    fn send(&self, request: ApiRequest) -> LocalFuture<Result<RawResponse, ApiError>> {
        let body = match &request.body {
            Body::Empty => None,
            Body::Json(json) => Some(json.clone()),
            Body::File { file_name, .. } => Some(format!("file:{file_name}")),
        };
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Logged {
                method: request.method,
                path: request.path.clone(),
                body,
                bearer: request.bearer.clone(),
            });
        let matches = |m: &Method, p: &String| *m == request.method && *p == request.path;
        let answer = {
            let mut once = self.once.lock().unwrap_or_else(PoisonError::into_inner);
            once.iter()
                .position(|(m, p, _)| matches(m, p))
                .map(|at| Answer::Respond(once.remove(at).2))
        }
        .or_else(|| {
            self.routes
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .iter()
                .find(|(m, p, _)| matches(m, p))
                .map(|(_, _, a)| a.clone())
        });
        let result = match answer {
            Some(Answer::Respond(response)) => Ok(response),
            Some(Answer::NetworkDown) => Err(ApiError::Network("fake network down".into())),
            None => Ok(RawResponse {
                status: 404,
                body: format!(
                    r#"{{"detail":"no fake for {} {}"}}"#,
                    request.method.as_str(),
                    request.path
                ),
            }),
        };
        Box::pin(async move { result })
    }
}
