//! The one error type every endpoint returns, and the decoding of Label Studio's error bodies.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::domain::i18n::main::MainMsg;
use crate::i18n::{t, tf};

/// Field name → messages, as the server reports them (`validation_errors` or `details`).
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// Everything that can go wrong talking to Label Studio, already decoded into what a user needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer (server down, offline, CORS).
    Network(String),
    /// The user stopped waiting ([`super::ApiClient::cancel_pending`]); the server may or may
    /// not have acted on it.
    Cancelled,
    /// No answer within [`super::REQUEST_TIMEOUT_MS`].
    TimedOut,
    /// 401: not signed in, or the credentials were refused.
    Unauthorized(String),
    /// 403: signed in but not allowed.
    Forbidden(String),
    /// 404: the thing is gone (or, for tokens, already revoked).
    NotFound(String),
    /// 409: the server refused because of existing state (one PAT per user).
    Conflict(String),
    /// 400: the server rejected the input; `fields` maps field names to messages.
    Validation {
        message: String,
        fields: FieldErrors,
    },
    /// Any other non-2xx status, with the server's message.
    Server { status: u16, message: String },
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
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| default_message(status));
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

    /// The server's messages for one field, if it named that field.
    pub fn field_messages(&self, field: &str) -> Option<String> {
        match self {
            ApiError::Validation { fields, .. } => fields.get(field).map(|m| m.join(" ")),
            _ => None,
        }
    }

    /// One sentence a user can act on.
    pub fn user_message(&self) -> String {
        match self {
            ApiError::Network(_) => t(MainMsg::Unreachable).into(),
            ApiError::Cancelled => t(MainMsg::StoppedWaiting).into(),
            ApiError::TimedOut => tf(
                MainMsg::TimedOut,
                &[("seconds", &(super::REQUEST_TIMEOUT_MS / 1000).to_string())],
            ),
            ApiError::Unauthorized(_) => t(MainMsg::SessionEnded).into(),
            ApiError::Validation { message, fields } if !fields.is_empty() => {
                let details: Vec<String> = fields
                    .iter()
                    .map(|(field, msgs)| format!("{field}: {}", msgs.join(" ")))
                    .collect();
                if message == "Validation error" || message == "Invalid hotkeys configuration" {
                    details.join("; ")
                } else {
                    format!("{message} ({})", details.join("; "))
                }
            }
            ApiError::Validation { message, .. }
            | ApiError::Forbidden(message)
            | ApiError::NotFound(message)
            | ApiError::Conflict(message) => message.clone(),
            ApiError::Server { status, message } => format!("{message} (HTTP {status})"),
            ApiError::Decode(what) => tf(MainMsg::UnexpectedAnswer, &[("what", what)]),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.user_message())
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

/// When Label Studio's answer says nothing itself: our words, in the language of the moment.
fn default_message(status: u16) -> String {
    match status {
        401 => t(MainMsg::NoCredentials).into(),
        403 => t(MainMsg::NoPermission).into(),
        404 => t(MainMsg::NotFound).into(),
        500..=599 => t(MainMsg::InternalError).into(),
        _ => tf(MainMsg::RequestFailed, &[("status", &status.to_string())]),
    }
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
    fn unparseable_bodies_fall_back_to_status_text() {
        assert_eq!(
            ApiError::from_response(502, "<html>Bad gateway</html>"),
            ApiError::Server {
                status: 502,
                message: "Label Studio had an internal error.".into()
            }
        );
    }
}
