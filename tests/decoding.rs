//! Native tests of the typed client: every endpoint decodes bodies captured from a real
//! Label Studio 1.23.2 (tests/fixtures, re-captured by tests/fixtures/capture.sh), and errors map
//! to the right `ApiError`.
#![cfg(not(target_arch = "wasm32"))]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use account_settings::api::fake::FakeTransport;
use account_settings::api::types::{JwtSettings, StoredHotkey, UserPatch, HOTKEYS_FIELD};
use account_settings::api::{ApiError, Method};
use account_settings::i18n;

/// The fake transport answers synchronously, so one poll finishes every call.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("fake transport futures complete immediately"),
    }
}

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/", $name, ".json"))
    };
}

#[test]
fn whoami_decodes_the_real_body() {
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/api/current-user/whoami",
        200,
        fixture!("whoami"),
    );
    let user = block_on(fake.client().whoami()).expect("whoami");
    assert_eq!(user.email, "demo@example.com");
    assert_eq!(user.active_organization, Some(1));
    assert_eq!(
        user.active_organization_meta.map(|m| m.title).as_deref(),
        Some("Label Studio")
    );
    assert!(!user.allow_newsletters, "null reads as off");
    assert_eq!(user.avatar, None);
    assert!(user.permissions.iter().any(|p| p == "users.token.any"));
    // The field boot.js looks for to know the server has hotkeys is the one the app reads.
    let raw: serde_json::Value = serde_json::from_str(fixture!("whoami")).expect("json");
    assert!(raw.get(HOTKEYS_FIELD).is_some());
    assert!(user.custom_hotkeys.is_some());
}

#[test]
fn whoami_401_is_unauthorized() {
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/api/current-user/whoami",
        401,
        fixture!("whoami_401"),
    );
    assert_eq!(
        block_on(fake.client().whoami()),
        Err(ApiError::Unauthorized(Some(
            "Authentication credentials were not provided.".into()
        )))
    );
}

#[test]
fn user_patch_sends_only_set_fields_and_decodes_the_answer() {
    let fake = FakeTransport::new();
    fake.on(Method::Patch, "/api/users/1/", 200, fixture!("user_patch"));
    let patch = UserPatch {
        first_name: Some("Ada".into()),
        phone: Some("+15551234567".into()),
        ..Default::default()
    };
    let user = block_on(fake.client().update_user(1, &patch)).expect("patch");
    assert_eq!(
        (user.first_name.as_str(), user.last_name.as_str()),
        ("Ada", "Lovelace")
    );
    let sent = fake.requests();
    assert_eq!(
        sent[0].body.as_deref(),
        Some(r#"{"first_name":"Ada","phone":"+15551234567"}"#)
    );
}

#[test]
fn validation_errors_keep_their_fields() {
    let fake = FakeTransport::new();
    fake.on(
        Method::Patch,
        "/api/users/1/",
        400,
        fixture!("user_patch_400"),
    );
    let error = block_on(fake.client().update_user(1, &UserPatch::default())).expect_err("400");
    assert_eq!(error.status(), Some(400));
    assert_eq!(
        error.field_messages("first_name").as_deref(),
        Some("Ensure this field has no more than 256 characters.")
    );
    assert_eq!(
        i18n::api_error(&error),
        "first_name: Ensure this field has no more than 256 characters."
    );
}

#[test]
fn avatar_500_shows_the_sentence_without_the_python_list() {
    let error = ApiError::from_response(500, fixture!("avatar_500"));
    assert_eq!(
        error,
        ApiError::Server {
            status: 500,
            message: Some("Please use an image that is 1200 x 1200 pixels or smaller.".into())
        }
    );
}

#[test]
fn hotkeys_decode_and_their_error_shape_is_read() {
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/api/current-user/hotkeys/",
        200,
        fixture!("hotkeys_get"),
    );
    assert!(block_on(fake.client().hotkeys()).expect("get").is_empty());

    fake.on(
        Method::Patch,
        "/api/current-user/hotkeys/",
        200,
        fixture!("hotkeys_patch"),
    );
    let saved = block_on(fake.client().save_hotkeys(&Default::default())).expect("patch");
    assert_eq!(
        saved.get("annotation:annotation:submit"),
        Some(&StoredHotkey {
            key: "ctrl+shift+enter".into(),
            active: Some(true),
            description: None
        })
    );

    fake.on(
        Method::Patch,
        "/api/current-user/hotkeys/",
        400,
        fixture!("hotkeys_patch_400"),
    );
    let error = block_on(fake.client().save_hotkeys(&Default::default())).expect_err("400");
    assert_eq!(
        error.field_messages("custom_hotkeys").as_deref(),
        Some("Key combination 'alt+tab' is not allowed for security reasons")
    );
    assert_eq!(
        i18n::api_error(&error),
        "custom_hotkeys: Key combination 'alt+tab' is not allowed for security reasons"
    );
}

#[test]
fn jwt_settings_decode() {
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/api/jwt/settings",
        200,
        fixture!("jwt_settings"),
    );
    assert_eq!(
        block_on(fake.client().jwt_settings()),
        Ok(JwtSettings {
            api_tokens_enabled: true,
            legacy_api_tokens_enabled: false
        })
    );
}

#[test]
fn personal_access_tokens_list_create_refresh_and_revoke() {
    let fake = FakeTransport::new();
    let client = fake.client();
    fake.on(
        Method::Get,
        "/api/token/",
        200,
        fixture!("token_list_empty"),
    );
    assert!(block_on(client.list_tokens()).expect("list").is_empty());
    fake.on(Method::Get, "/api/token/", 200, fixture!("token_list"));
    let listed = block_on(client.list_tokens()).expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].split('.').count(),
        2,
        "the list holds header.payload only"
    );

    fake.on(Method::Post, "/api/token/", 201, fixture!("token_create"));
    let full = block_on(client.create_token()).expect("create");
    assert_eq!(full.split('.').count(), 3);
    assert!(full.starts_with(&listed[0]));

    fake.on(
        Method::Post,
        "/api/token/",
        409,
        fixture!("token_create_409"),
    );
    assert!(
        matches!(block_on(client.create_token()), Err(ApiError::Conflict(Some(m))) if m.contains("already have a valid token"))
    );

    fake.on(
        Method::Post,
        "/api/token/refresh/",
        200,
        fixture!("token_refresh"),
    );
    assert!(block_on(client.refresh_token(&full))
        .expect("refresh")
        .starts_with("eyJ"));
    fake.on(
        Method::Post,
        "/api/token/refresh/",
        401,
        fixture!("token_refresh_401"),
    );
    assert_eq!(
        block_on(client.refresh_token(&full)),
        Err(ApiError::Unauthorized(Some("Token is blacklisted".into())))
    );

    fake.on(
        Method::Post,
        "/api/token/blacklist/",
        204,
        fixture!("token_blacklist"),
    );
    assert_eq!(block_on(client.revoke_token(&listed[0])), Ok(()));
    fake.on(
        Method::Post,
        "/api/token/blacklist/",
        404,
        fixture!("token_blacklist_404"),
    );
    assert_eq!(
        block_on(client.revoke_token(&listed[0])),
        Err(ApiError::NotFound(Some(
            "Token is invalid or already blacklisted.".into()
        )))
    );
    let revoke = fake
        .requests()
        .into_iter()
        .rfind(|r| r.path == "/api/token/blacklist/")
        .expect("sent");
    assert_eq!(
        revoke.body,
        Some(format!(r#"{{"refresh":"{}"}}"#, listed[0]))
    );
}

#[test]
fn legacy_token_get_and_reset() {
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/api/current-user/token",
        200,
        fixture!("legacy_token"),
    );
    fake.on(
        Method::Post,
        "/api/current-user/reset-token/",
        201,
        fixture!("legacy_token_reset"),
    );
    let old = block_on(fake.client().legacy_token()).expect("get");
    let new = block_on(fake.client().reset_legacy_token()).expect("reset");
    assert_eq!((old.len(), new.len()), (40, 40));
    assert_ne!(old, new);
}

#[test]
fn membership_and_organization_decode() {
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/api/organizations/1/memberships/1/",
        200,
        fixture!("membership"),
    );
    fake.on(
        Method::Get,
        "/api/organizations/1/memberships/1/?contributed_to_projects=1",
        200,
        fixture!("membership_projects"),
    );
    fake.on(
        Method::Get,
        "/api/organizations/1",
        200,
        fixture!("organization"),
    );
    let plain = block_on(fake.client().membership(1, 1, false)).expect("membership");
    assert_eq!(
        (
            plain.annotations_count,
            plain.contributed_projects_count,
            plain.role
        ),
        (0, 0, None)
    );
    assert_eq!(plain.created_projects, None);
    let with_projects = block_on(fake.client().membership(1, 1, true)).expect("membership");
    assert_eq!(with_projects.created_projects, Some(vec![]));
    let org = block_on(fake.client().organization(1)).expect("organization");
    assert_eq!(org.title, "Label Studio");
    assert!(org.created_at.is_some());
}

#[test]
fn network_failure_and_unexpected_bodies_are_distinct() {
    let fake = FakeTransport::new();
    fake.network_down(Method::Get, "/api/current-user/whoami");
    assert!(matches!(
        block_on(fake.client().whoami()),
        Err(ApiError::Network(_))
    ));
    fake.on(
        Method::Get,
        "/api/jwt/settings",
        200,
        "<html>not json</html>",
    );
    assert!(matches!(
        block_on(fake.client().jwt_settings()),
        Err(ApiError::Decode(_))
    ));
}

const DJANGO_500: &str = "<h1>Server Error (500)</h1>";

#[test]
fn a_read_answered_with_a_server_error_is_tried_once_more() {
    // Label Studio on SQLite: "database is locked" on one request, fine on the next.
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/api/current-user/whoami",
        200,
        fixture!("whoami"),
    )
    .once(Method::Get, "/api/current-user/whoami", 500, DJANGO_500);
    let user = block_on(fake.client().whoami()).expect("the second try");
    assert_eq!(user.email, "demo@example.com");
    assert_eq!(fake.requests().len(), 2);
}

#[test]
fn a_second_server_error_is_reported_and_nothing_else_is_repeated() {
    let fake = FakeTransport::new();
    fake.on(Method::Get, "/api/jwt/settings", 503, DJANGO_500);
    assert!(matches!(
        block_on(fake.client().jwt_settings()),
        Err(ApiError::Server { status: 503, .. })
    ));
    assert_eq!(fake.requests().len(), 2, "one more try, not more");

    // Other failures of a read, and any failure of a write, are answered once.
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/api/current-user/whoami",
        401,
        fixture!("whoami_401"),
    );
    fake.network_down(Method::Get, "/api/jwt/settings");
    fake.on(Method::Patch, "/api/users/1/", 500, DJANGO_500);
    let client = fake.client();
    assert!(block_on(client.whoami()).is_err());
    assert!(block_on(client.jwt_settings()).is_err());
    let patch = UserPatch {
        first_name: Some("Ada".into()),
        ..UserPatch::default()
    };
    assert!(matches!(
        block_on(client.update_user(1, &patch)),
        Err(ApiError::Server { status: 500, .. })
    ));
    let sent: Vec<_> = fake.requests().into_iter().map(|r| r.method).collect();
    assert_eq!(sent, [Method::Get, Method::Get, Method::Patch]);
}

#[test]
fn under_a_prefix_every_request_goes_below_it() {
    use account_settings::api::SitePrefix;
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/label-studio/api/version/",
        200,
        r#"{"release": "1.20.0", "edition": "Community"}"#,
    );
    fake.on(
        Method::Get,
        "/label-studio/api/jwt/settings",
        200,
        r#"{"api_tokens_enabled": true, "legacy_api_tokens_enabled": false}"#,
    );
    let client = fake.client().under(SitePrefix::from_page_path(
        "/label-studio/user/account/hotkeys",
    ));
    assert_eq!(block_on(client.release()).expect("version"), "1.20.0");
    assert!(block_on(client.jwt_settings()).is_ok());
    let paths: Vec<String> = fake.requests().into_iter().map(|l| l.path).collect();
    assert_eq!(
        paths,
        [
            "/label-studio/api/version/",
            "/label-studio/api/jwt/settings"
        ]
    );
}

#[test]
fn whoami_of_1_20_has_no_hotkeys_key_and_null_is_kept_apart() {
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/api/current-user/whoami",
        200,
        r#"{"id": 1, "email": "a@b.c"}"#,
    );
    assert_eq!(
        block_on(fake.client().whoami())
            .expect("whoami")
            .custom_hotkeys,
        None
    );
    fake.on(
        Method::Get,
        "/api/current-user/whoami",
        200,
        r#"{"id": 1, "custom_hotkeys": null}"#,
    );
    assert_eq!(
        block_on(fake.client().whoami())
            .expect("whoami")
            .custom_hotkeys,
        Some(serde_json::Value::Null)
    );
}

#[test]
fn a_version_answer_without_a_release_is_a_decode_error() {
    let fake = FakeTransport::new();
    fake.on(Method::Get, "/api/version/", 200, r#"{"edition": "x"}"#);
    assert!(matches!(
        block_on(fake.client().release()),
        Err(ApiError::Decode(_))
    ));
}

#[test]
fn a_200_with_an_error_body_or_wrong_types_is_a_decode_error() {
    // A proxy or a changed server answering "OK" with an error, or with the wrong types: the
    // page says it could not read the answer instead of showing an empty account.
    for body in [
        r#"{"detail": "Invalid token."}"#,
        r#"{"id": "seven", "email": 7}"#,
    ] {
        let fake = FakeTransport::new();
        fake.on(Method::Get, "/api/current-user/whoami", 200, body);
        let answer = block_on(fake.client().whoami());
        assert!(matches!(answer, Err(ApiError::Decode(_))), "{body}");
    }
    let fake = FakeTransport::new();
    fake.on(
        Method::Get,
        "/api/jwt/settings",
        200,
        r#"{"api_tokens_enabled": "yes"}"#,
    );
    assert!(matches!(
        block_on(fake.client().jwt_settings()),
        Err(ApiError::Decode(_))
    ));
}
