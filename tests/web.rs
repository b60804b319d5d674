//! Browser tests (wasm-bindgen-test in headless Chromium): the shell mounted with a fake client.
#![cfg(target_arch = "wasm32")]

mod support;

use account_settings::api::Method;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WHOAMI: &str = include_str!("fixtures/whoami.json");

#[wasm_bindgen_test]
async fn shell_renders_sidebar_header_and_title_from_the_client() {
    let fake = fake_with(
        WHOAMI,
        r#"{"api_tokens_enabled":true,"legacy_api_tokens_enabled":false}"#,
    );
    let app = mount_app_at("/user/account/hotkeys", &fake);

    wait_for(|| app.text(".account-header__email").is_some()).await;
    assert_eq!(
        app.text(".account-header__email").as_deref(),
        Some("demo@example.com")
    );
    wait_for(|| app.all_text(".section-nav__link").len() == 5).await;
    assert_eq!(
        app.all_text(".section-nav__link"),
        [
            "Personal Info",
            "Hotkeys",
            "Email Preferences",
            "Membership Info",
            "Personal Access Token"
        ]
    );
    assert_eq!(
        app.text(".section-nav__link[aria-current=page]").as_deref(),
        Some("Hotkeys")
    );
    assert_eq!(app.text("#section-title").as_deref(), Some("Hotkeys"));
    assert_eq!(document().title(), "Hotkeys | My Account");
}

#[wasm_bindgen_test]
async fn legacy_section_shows_only_when_legacy_tokens_are_enabled() {
    let fake = fake_with(
        WHOAMI,
        r#"{"api_tokens_enabled":false,"legacy_api_tokens_enabled":true}"#,
    );
    let app = mount_app_at("/user/account/legacy-token", &fake);
    wait_for(|| app.all_text(".section-nav__link").len() == 5).await;
    let links = app.all_text(".section-nav__link");
    assert!(links.contains(&"Legacy Token".to_string()), "{links:?}");
    assert!(
        !links.contains(&"Personal Access Token".to_string()),
        "{links:?}"
    );
    assert_eq!(app.text("#section-title").as_deref(), Some("Legacy Token"));
}

#[wasm_bindgen_test]
async fn failed_token_settings_hide_only_the_token_sections_and_say_why() {
    let fake = fake_with(WHOAMI, "");
    fake.on(
        Method::Get,
        "/api/jwt/settings",
        500,
        r#"{"detail":"boom"}"#,
    );
    let app = mount_app_at("/user/account/membership-info", &fake);
    wait_for(|| app.text(".section-nav__notice").is_some()).await;
    assert_eq!(
        app.all_text(".section-nav__link"),
        [
            "Personal Info",
            "Hotkeys",
            "Email Preferences",
            "Membership Info"
        ]
    );
    let notice = app.text(".section-nav__notice").unwrap_or_default();
    assert!(notice.contains("Token sections are hidden"), "{notice}");
    assert_eq!(
        app.text("#section-title").as_deref(),
        Some("Membership Info")
    );
}

#[wasm_bindgen_test]
async fn hidden_token_section_redirects_to_the_first_section() {
    let fake = fake_with(
        WHOAMI,
        r#"{"api_tokens_enabled":true,"legacy_api_tokens_enabled":false}"#,
    );
    let app = mount_app_at("/user/account/legacy-token", &fake);
    wait_for(|| app.text("#section-title").as_deref() == Some("Personal Info")).await;
    assert_eq!(location_path(), "/user/account/personal-info");
}

#[wasm_bindgen_test]
async fn signed_out_user_gets_a_sign_in_link_back_to_the_section() {
    let fake = fake_with(
        r#"{"detail":"Authentication credentials were not provided."}"#,
        "",
    );
    fake.on(
        Method::Get,
        "/api/current-user/whoami",
        401,
        r#"{"detail":"Authentication credentials were not provided."}"#,
    );
    let app = mount_app_at("/user/account/membership-info", &fake);
    wait_for(|| app.text(".signed-out__title").is_some()).await;
    let href = app.attr(".signed-out a", "href");
    assert_eq!(
        href.as_deref(),
        Some("/user/login/?next=/user/account/membership-info")
    );
    assert!(
        app.text(".section-nav").is_none(),
        "no sidebar while signed out"
    );
}
