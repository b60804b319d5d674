//! Wire types: exactly what Label Studio 1.23.2 sends and accepts, nothing more.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

/// `GET /api/current-user/whoami` (and, without `permissions`, the PATCH answer).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct User {
    pub id: u64,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub first_name: String,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub last_name: String,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub username: String,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub email: String,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub phone: String,
    /// Absolute, or relative (`/data/avatars/...`) when the server has no `HOST` set.
    #[serde(default)]
    pub avatar: Option<String>,
    #[serde(default)]
    pub initials: Option<String>,
    #[serde(default)]
    pub active_organization: Option<u64>,
    #[serde(default)]
    pub active_organization_meta: Option<OrganizationMeta>,
    /// `null` on read means "never chosen", which is off.
    #[serde(default, deserialize_with = "lenient_bool")]
    pub allow_newsletters: bool,
    #[serde(default)]
    pub date_joined: Option<String>,
    #[serde(default)]
    pub last_activity: Option<String>,
    /// `None` when whoami has no such key (Label Studio 1.20); `Some(Null)` for an explicit null.
    /// Named [`HOTKEYS_FIELD`] in the answer.
    #[serde(default, deserialize_with = "present")]
    pub custom_hotkeys: Option<serde_json::Value>,
    #[serde(default)]
    pub permissions: Vec<String>,
}

/// The two fields of the active organization that whoami embeds.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OrganizationMeta {
    #[serde(default, deserialize_with = "null_as_empty")]
    pub title: String,
    /// The email of the organization's creator ("owner").
    #[serde(default, deserialize_with = "null_as_empty")]
    pub email: String,
}

/// Body of `PATCH /api/users/{id}/`: only the fields that are set are sent (never `email`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UserPatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_newsletters: Option<bool>,
}

/// `GET|POST /api/jwt/settings`: the organization's token switches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct JwtSettings {
    pub api_tokens_enabled: bool,
    pub legacy_api_tokens_enabled: bool,
}

/// One stored hotkey override, keyed by `section:element` in [`HotkeyMap`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredHotkey {
    pub key: String,
    /// Missing means active, for the server and the editor alike.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The field of whoami's answer that holds the user's hotkeys; present from the release that
/// added the hotkeys endpoint (1.21.0) on, so its presence says the server has it.
pub const HOTKEYS_FIELD: &str = "custom_hotkeys";

/// The whole `custom_hotkeys` map; a PATCH replaces it.
pub type HotkeyMap = BTreeMap<String, StoredHotkey>;

/// Body and answer of `/api/current-user/hotkeys/`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HotkeysPayload {
    #[serde(default)]
    pub custom_hotkeys: HotkeyMap,
}

/// `{"token": "..."}`: the legacy token, a new PAT, or one listed (truncated) PAT.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TokenBody {
    pub token: String,
}

/// `POST /api/token/refresh/` answer: a 5-minute access token.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AccessToken {
    pub access: String,
}

/// A project named in the membership answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProjectRef {
    pub id: u64,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub title: String,
}

/// `GET /api/organizations/{org}/memberships/{user}/`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Membership {
    pub user: u64,
    pub organization: u64,
    #[serde(default)]
    pub contributed_projects_count: u64,
    #[serde(default)]
    pub annotations_count: u64,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub created_projects: Option<Vec<ProjectRef>>,
    #[serde(default)]
    pub contributed_to_projects: Option<Vec<ProjectRef>>,
    /// Enterprise only; OSS never sends it.
    #[serde(default)]
    pub role: Option<String>,
}

/// One project in `GET /api/projects/` (the other fields are not read).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProjectSummary {
    pub id: u64,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub title: String,
}

/// `GET /api/projects/`: one page of projects.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProjectPage {
    #[serde(default)]
    pub count: u64,
    pub results: Vec<ProjectSummary>,
}

/// `GET /api/projects/{id}/`: what checking its keys needs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProjectConfig {
    pub id: u64,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub title: String,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub label_config: String,
}

/// `GET /api/organizations/{org}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Organization {
    pub id: u64,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub title: String,
    #[serde(default)]
    pub created_at: Option<String>,
}

/// Keeps a key that is there with `null` apart from a key that is missing.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

fn null_as_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// `allow_newsletters` is stored as bool but written as 0/1 by the stock UI, and reads as `null`
/// until first chosen.
fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Bool(b) => b,
        serde_json::Value::Number(n) => n.as_i64().is_some_and(|n| n != 0),
        _ => false,
    })
}
