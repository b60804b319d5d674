//! The one error type every endpoint returns, and the decoding of Label Studio's error bodies.
//! It carries what happened and what the server said, never words of ours: `i18n::api_error`
//! puts it into the page's language.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

/// Field name → messages, as the server reports them (`validation_errors` or `details`).
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// Everything that can go wrong talking to Label Studio. A status's `Option<String>` is the
/// server's own message, `None` when its answer said nothing readable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer (server down, offline, CORS).
    Network(String),
    /// The user stopped waiting ([`super::ApiClient::cancel_pending`]); the server may or may
    /// not have acted on it.
    Cancelled,
    /// No answer within the transport's time limit (`api::http::REQUEST_TIMEOUT_MS`).
    TimedOut,
    /// 401: not signed in, or the credentials were refused.
    Unauthorized(Option<String>),
    /// 403: signed in but not allowed.
    Forbidden(Option<String>),
    /// 404: the thing is gone (or, for tokens, already revoked).
    NotFound(Option<String>),
    /// 409: the server refused because of existing state (one PAT per user).
    Conflict(Option<String>),
    /// 400: the server rejected the input; `fields` maps field names to messages.
    Validation {
        message: Option<String>,
        fields: FieldErrors,
    },
    /// Any other non-2xx status, with the server's message.
    Server {
        status: u16,
        message: Option<String>,
    },
    /// A 2xx answer whose body did not have the expected shape.
    Decode(String),
}

impl ApiError {
    /// Maps a non-2xx response to an error, reading whichever of Label Studio's three error
    /// shapes the body has: `{detail, validation_errors}`, `{error, details}` or a bare `{detail}`.
    pub fn from_response(status: u16, body: &str) -> Self {
        let parsed: ErrorBody = serde_json::from_str(body).unwrap_or_default();
        let fields = parsed
            .validation_errors
            .or(parsed.details)
            .map(flatten_fields)
            .unwrap_or_default();
        let message = parsed
            .detail
            .as_ref()
            .map(detail_text)
            .or(parsed.error)
            .map(|m| strip_python_list(&m))
            .filter(|m| !m.is_empty());
        match status {
            400 => ApiError::Validation { message, fields },
            401 => ApiError::Unauthorized(message),
            403 => ApiError::Forbidden(message),
            404 => ApiError::NotFound(message),
            409 => ApiError::Conflict(message),
            _ => ApiError::Server { status, message },
        }
    }

    /// The HTTP status, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Network(_)
            | ApiError::Cancelled
            | ApiError::TimedOut
            | ApiError::Decode(_) => None,
            ApiError::Unauthorized(_) => Some(401),
            ApiError::Forbidden(_) => Some(403),
            ApiError::NotFound(_) => Some(404),
            ApiError::Conflict(_) => Some(409),
            ApiError::Validation { .. } => Some(400),
            ApiError::Server { status, .. } => Some(*status),
        }
    }

    /// What the server said about the whole request, if it said anything readable.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ApiError::Unauthorized(message)
            | ApiError::Forbidden(message)
            | ApiError::NotFound(message)
            | ApiError::Conflict(message)
            | ApiError::Validation { message, .. }
            | ApiError::Server { message, .. } => message.as_deref(),
            ApiError::Network(_)
            | ApiError::Cancelled
            | ApiError::TimedOut
            | ApiError::Decode(_) => None,
        }
    }

    /// The server's messages for one field, if it named that field.
    pub fn field_messages(&self, field: &str) -> Option<String> {
        match self {
            ApiError::Validation { fields, .. } => fields.get(field).map(|m| m.join(" ")),
            _ => None,
        }
    }
}

impl fmt::Display for ApiError {
    /// For logs and tests: what happened, in the server's words where it gave some. What a user
    /// reads is `i18n::api_error`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Network(detail) => write!(f, "network: {detail}"),
            ApiError::Cancelled => f.write_str("cancelled"),
            ApiError::TimedOut => f.write_str("timed out"),
            ApiError::Decode(detail) => write!(f, "unexpected answer: {detail}"),
            other => {
                let status = other.status().unwrap_or_default();
                match other.server_message() {
                    Some(message) => write!(f, "HTTP {status}: {message}"),
                    None => write!(f, "HTTP {status}"),
                }
            }
        }
    }
}

impl std::error::Error for ApiError {}

#[derive(Debug, Default, Deserialize)]
struct ErrorBody {
    #[serde(default)]
    detail: Option<serde_json::Value>,
    #[serde(default)]
    validation_errors: Option<serde_json::Value>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    details: Option<serde_json::Value>,
}

/// `detail` is usually a string, occasionally a list or object (DRF's nested errors).
fn detail_text(detail: &serde_json::Value) -> String {
    match detail {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            items.iter().map(detail_text).collect::<Vec<_>>().join(" ")
        }
        other => other.to_string(),
    }
}

fn flatten_fields(value: serde_json::Value) -> FieldErrors {
    let serde_json::Value::Object(map) = value else {
        return FieldErrors::new();
    };
    map.into_iter()
        .map(|(field, msgs)| {
            let list = match msgs {
                serde_json::Value::Array(items) => items.iter().map(detail_text).collect(),
                other => vec![detail_text(&other)],
            };
            (field, list)
        })
        .collect()
}

/// The avatar endpoint answers validation failures with HTTP 500 and `detail` set to a Python
/// list repr such as `"['Please use an image …']"`; show only the sentences.
pub fn strip_python_list(message: &str) -> String {
    let trimmed = message.trim();
    let Some(inner) = trimmed.strip_prefix('[').and_then(|s| s.strip_suffix(']')) else {
        return trimmed.to_string();
    };
    let mut parts = Vec::new();
    let mut rest = inner.trim();
    while let Some(quote) = rest.chars().next().filter(|c| *c == '\'' || *c == '"') {
        let body = &rest[1..];
        let Some(end) = body.find(quote) else {
            return trimmed.to_string();
        };
        parts.push(body[..end].to_string());
        rest = body[end + 1..]
            .trim_start()
            .trim_start_matches(',')
            .trim_start();
    }
    if parts.is_empty() || !rest.is_empty() {
        return trimmed.to_string();
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_list_repr_is_unwrapped() {
        assert_eq!(
            strip_python_list("['Please use an image that is 1200 x 1200 pixels or smaller.']"),
            "Please use an image that is 1200 x 1200 pixels or smaller."
        );
        assert_eq!(strip_python_list("[\"a\", 'b']"), "a b");
        assert_eq!(strip_python_list("plain message"), "plain message");
        assert_eq!(strip_python_list("[unterminated"), "[unterminated");
    }

    #[test]
    fn unparseable_bodies_keep_only_the_status() {
        assert_eq!(
            ApiError::from_response(502, "<html>Bad gateway</html>"),
            ApiError::Server {
                status: 502,
                message: None
            }
        );
    }
}
