//! The typed client: one async fn per endpoint of the contract (table B.1).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::error::ApiError;
use super::paths;
use super::site::SitePrefix;
use super::transport::{ApiRequest, Body, Method, RawResponse, Transport};
use super::types::*;

pub type ApiResult<T> = Result<T, ApiError>;

/// Where [`ApiClient::replace_token`] stopped: before the old token was revoked (nothing
/// changed), or after (the old token is gone and no new one was made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplaceFailed {
    pub revoked: bool,
    pub error: ApiError,
}

/// What the client reports about its traffic, so the page can show one waiting indicator and
/// one "session ended" notice for every request instead of each section guessing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Traffic {
    /// Request number `id` was sent (numbers grow in sending order).
    Started { id: u64 },
    Finished {
        id: u64,
        /// What the answer said about the session cookie: `Some(false)` for a 401 (it is gone),
        /// `Some(true)` for a 2xx (it is alive), `None` when the answer says nothing about it.
        session_alive: Option<bool>,
    },
}

type Observer = Arc<dyn Fn(Traffic) + Send + Sync>;

/// Talks to Label Studio. Cheap to clone; provided once through context.
#[derive(Clone)]
pub struct ApiClient {
    transport: Arc<dyn Transport>,
    observer: Option<Observer>,
    sent: Arc<AtomicU64>,
    prefix: SitePrefix,
}

impl ApiClient {
    /// A client over a transport: `FetchTransport` in the browser, a fake in tests. `app.rs`
    /// chooses.
    pub fn with_transport(transport: Arc<dyn Transport>) -> Self {
        Self {
            transport,
            observer: None,
            sent: Arc::new(AtomicU64::new(0)),
            prefix: SitePrefix::default(),
        }
    }

    /// The same client for a Label Studio served under `prefix`: every request goes there.
    pub fn under(self, prefix: SitePrefix) -> Self {
        Self { prefix, ..self }
    }

    /// Where Label Studio lives on this origin; links and snippets use it too.
    pub fn prefix(&self) -> SitePrefix {
        self.prefix
    }

    /// The same client, reporting every request's start and end to `observer`.
    pub fn observed(self, observer: impl Fn(Traffic) + Send + Sync + 'static) -> Self {
        Self {
            observer: Some(Arc::new(observer)),
            ..self
        }
    }

    /// Stops waiting for every request in flight (the user pressed Cancel).
    pub fn cancel_pending(&self) {
        self.transport.cancel_pending();
    }

    // --- server -------------------------------------------------------------------------

    /// `GET /api/version/`: the release the server runs (`release`; answers without signing
    /// in). Read as a `Value`, whose decoder the page has anyway: a typed struct for one field
    /// cost the main module its own decoder.
    pub async fn release(&self) -> ApiResult<String> {
        let body: serde_json::Value = self.get_json(paths::VERSION).await?;
        match body.get("release").and_then(serde_json::Value::as_str) {
            Some(release) => Ok(release.to_string()),
            None => Err(ApiError::Decode("no release in /api/version/".into())),
        }
    }

    // --- current user -------------------------------------------------------------------

    /// `GET /api/current-user/whoami`; 401 when signed out.
    pub async fn whoami(&self) -> ApiResult<User> {
        // The page's first request: at Hotkeys, `public/boot.js` has sent it already.
        let request = ApiRequest::new(Method::Get, paths::WHOAMI).maybe_started_by_page();
        decode(self.send(request).await?)
    }

    /// `PATCH /api/users/{id}/` with only the fields that are set.
    pub async fn update_user(&self, id: u64, patch: &UserPatch) -> ApiResult<User> {
        let request = ApiRequest::new(Method::Patch, paths::user(id)).json(to_json(patch)?);
        decode(self.send(request).await?)
    }

    /// `POST /api/users/{id}/avatar/`, multipart field `avatar`.
    pub async fn upload_avatar(
        &self,
        id: u64,
        file_name: &str,
        blob: web_sys::Blob,
    ) -> ApiResult<()> {
        let mut request = ApiRequest::new(Method::Post, paths::user_avatar(id));
        request.body = Body::File {
            field: "avatar",
            file_name: file_name.to_string(),
            blob,
        };
        self.send(request).await.map(drop)
    }

    /// `DELETE /api/users/{id}/avatar/` (204).
    pub async fn delete_avatar(&self, id: u64) -> ApiResult<()> {
        self.send(ApiRequest::new(Method::Delete, paths::user_avatar(id)))
            .await
            .map(drop)
    }

    // --- hotkeys ------------------------------------------------------------------------

    /// `GET /api/current-user/hotkeys/`: the stored overrides only.
    pub async fn hotkeys(&self) -> ApiResult<HotkeyMap> {
        let response = self
            .send(ApiRequest::new(Method::Get, paths::HOTKEYS))
            .await?;
        HotkeysAnswer(response).decode()
    }

    /// The same request, for a page opened at Hotkeys, with its answer not decoded yet
    /// ([`HotkeysAnswer::decode`]): the page sends it from the main module while the decoder
    /// stays in the Hotkeys chunk, and takes the answer `public/boot.js` asked for, if any.
    pub async fn hotkeys_answer(&self) -> ApiResult<HotkeysAnswer> {
        let request = ApiRequest::new(Method::Get, paths::HOTKEYS).maybe_started_by_page();
        Ok(HotkeysAnswer(self.send(request).await?))
    }

    /// `PATCH /api/current-user/hotkeys/`: replaces the whole stored map (`{}` resets).
    pub async fn save_hotkeys(&self, map: &HotkeyMap) -> ApiResult<HotkeyMap> {
        let body = HotkeysPayload {
            custom_hotkeys: map.clone(),
        };
        let request = ApiRequest::new(Method::Patch, paths::HOTKEYS).json(to_json(&body)?);
        let payload: HotkeysPayload = decode(self.send(request).await?)?;
        Ok(payload.custom_hotkeys)
    }

    // --- legacy token -------------------------------------------------------------------

    /// `GET /api/current-user/token`.
    pub async fn legacy_token(&self) -> ApiResult<String> {
        let body: TokenBody = self.get_json(paths::LEGACY_TOKEN).await?;
        Ok(body.token)
    }

    /// `POST /api/current-user/reset-token/` (201): the old token dies at once.
    pub async fn reset_legacy_token(&self) -> ApiResult<String> {
        let body: TokenBody = decode(
            self.send(ApiRequest::new(Method::Post, paths::LEGACY_TOKEN_RESET))
                .await?,
        )?;
        Ok(body.token)
    }

    // --- organization token switches ----------------------------------------------------

    /// `GET /api/jwt/settings`.
    pub async fn jwt_settings(&self) -> ApiResult<JwtSettings> {
        self.get_json(paths::JWT_SETTINGS).await
    }

    /// `POST /api/jwt/settings`, as Label Studio's Organization page sends it. The answer is not
    /// read: the caller asks again with [`Self::jwt_settings`], whose decoding the page has
    /// already (a second decoder of the same type would sit in the main module).
    pub async fn update_jwt_settings(&self, settings: &JwtSettings) -> ApiResult<()> {
        let request = ApiRequest::new(Method::Post, paths::JWT_SETTINGS).json(to_json(settings)?);
        self.send(request).await.map(drop)
    }

    // --- personal access tokens ---------------------------------------------------------

    /// `GET /api/token/`: live PATs, each truncated to `header.payload`.
    pub async fn list_tokens(&self) -> ApiResult<Vec<String>> {
        let list: Vec<TokenBody> = self.get_json(paths::TOKENS).await?;
        Ok(list.into_iter().map(|t| t.token).collect())
    }

    /// `POST /api/token/` (201): the full PAT, returned this once; 409 if one exists.
    pub async fn create_token(&self) -> ApiResult<String> {
        let body: TokenBody = decode(
            self.send(ApiRequest::new(Method::Post, paths::TOKENS))
                .await?,
        )?;
        Ok(body.token)
    }

    /// `POST /api/token/blacklist/` (204); 404 when already revoked.
    pub async fn revoke_token(&self, token: &str) -> ApiResult<()> {
        let body = serde_json::json!({ "refresh": token }).to_string();
        let request = ApiRequest::new(Method::Post, paths::TOKEN_BLACKLIST).json(body);
        self.send(request).await.map(drop)
    }

    /// `POST /api/token/refresh/`: exchanges a PAT for a 5-minute access token.
    pub async fn refresh_token(&self, refresh: &str) -> ApiResult<String> {
        let body = serde_json::json!({ "refresh": refresh }).to_string();
        let request = ApiRequest::new(Method::Post, paths::TOKEN_REFRESH)
            .json(body)
            .about_token();
        let access: AccessToken = decode(self.send(request).await?)?;
        Ok(access.access)
    }

    /// Replaces the listed PAT in one step: revokes it (already revoked counts as done), then
    /// creates a new one, returned this once. Nothing is retried. `POST /api/token/rotate/` is
    /// not used: it needs the full current token, which the page never has after its dialog.
    pub async fn replace_token(&self, listed: &str) -> Result<String, ReplaceFailed> {
        match self.revoke_token(listed).await {
            Ok(()) | Err(ApiError::NotFound(_)) => {}
            Err(error) => {
                return Err(ReplaceFailed {
                    revoked: false,
                    error,
                })
            }
        }
        self.create_token().await.map_err(|error| ReplaceFailed {
            revoked: true,
            error,
        })
    }

    /// `GET /api/current-user/whoami` authenticated only by `Bearer <access>` (no cookies).
    pub async fn whoami_with_access_token(&self, access: &str) -> ApiResult<User> {
        let mut request = ApiRequest::new(Method::Get, paths::WHOAMI).about_token();
        request.bearer = Some(access.to_string());
        decode(self.send(request).await?)
    }

    // --- organization -------------------------------------------------------------------

    /// `GET /api/organizations/{org}/memberships/{user}/`, optionally with the project lists.
    pub async fn membership(
        &self,
        org: u64,
        user: u64,
        with_projects: bool,
    ) -> ApiResult<Membership> {
        self.get_json(&paths::membership(org, user, with_projects))
            .await
    }

    /// `GET /api/organizations/{org}`.
    pub async fn organization(&self, org: u64) -> ApiResult<Organization> {
        self.get_json(&paths::organization(org)).await
    }

    // --- projects -----------------------------------------------------------------------

    /// `GET /api/projects/?title=…`: the first page of the projects whose title contains `title`.
    pub async fn projects_titled(&self, title: &str) -> ApiResult<ProjectPage> {
        self.get_json(&paths::projects_titled(title)).await
    }

    /// `GET /api/projects/{id}/`.
    pub async fn project(&self, id: u64) -> ApiResult<ProjectConfig> {
        self.get_json(&paths::project(id)).await
    }

    // --- plumbing -----------------------------------------------------------------------

    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> ApiResult<T> {
        decode(self.send(ApiRequest::new(Method::Get, path)).await?)
    }

    /// Sends and turns every non-2xx status into an [`ApiError`]. A GET answered with a server
    /// error is sent once more: reading twice is harmless, and Label Studio on SQLite answers
    /// 500 ("database is locked") when two requests write at the same moment, which a second
    /// try usually clears. Writes are never repeated.
    async fn send(&self, mut request: ApiRequest) -> ApiResult<RawResponse> {
        request.path = self.prefix.url(&request.path);
        let session_bound = request.session_bound;
        let id = self.sent.fetch_add(1, Ordering::Relaxed) + 1;
        self.report(Traffic::Started { id });
        let again = (request.method == Method::Get).then(|| request.clone());
        let mut result = self.attempt(request).await;
        if let (Err(ApiError::Server { .. }), Some(again)) = (&result, again) {
            result = self.attempt(again).await;
        }
        let session_alive = match &result {
            _ if !session_bound => None,
            Ok(_) => Some(true),
            Err(ApiError::Unauthorized(_)) => Some(false),
            Err(_) => None,
        };
        self.report(Traffic::Finished { id, session_alive });
        result
    }

    /// One round trip; any status but 2xx is an error.
    async fn attempt(&self, request: ApiRequest) -> ApiResult<RawResponse> {
        let response = self.transport.send(request).await?;
        if (200..300).contains(&response.status) {
            Ok(response)
        } else {
            Err(ApiError::from_response(response.status, &response.body))
        }
    }

    fn report(&self, traffic: Traffic) {
        if let Some(observer) = &self.observer {
            observer(traffic);
        }
    }
}

/// A successful answer of `GET /api/current-user/hotkeys/`, not decoded yet.
#[derive(Debug)]
pub struct HotkeysAnswer(RawResponse);

impl HotkeysAnswer {
    /// The stored overrides it carries.
    pub fn decode(self) -> ApiResult<HotkeyMap> {
        decode::<HotkeysPayload>(self.0).map(|payload| payload.custom_hotkeys)
    }
}

fn decode<T: DeserializeOwned>(response: RawResponse) -> ApiResult<T> {
    serde_json::from_str(&response.body).map_err(|e| ApiError::Decode(e.to_string()))
}

fn to_json<T: Serialize>(value: &T) -> ApiResult<String> {
    serde_json::to_string(value).map_err(|e| ApiError::Decode(e.to_string()))
}
