//! Browser tests (wasm-bindgen-test in headless Chromium): the shell mounted with a fake client.
#![cfg(target_arch = "wasm32")]

mod support;

use account_settings::api::Method;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use support::*;

use account_settings::api::fake::FakeTransport;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WHOAMI: &str = include_str!("fixtures/whoami.json");

#[wasm_bindgen_test]
async fn shell_renders_sidebar_header_and_title_from_the_client() {
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    let app = mount_app_at("/user/account/hotkeys", &fake);

    wait_for(|| app.text(".account-header__email").is_some()).await;
    assert_eq!(
        app.text(".account-header__email").as_deref(),
        Some("demo@example.com")
    );
    wait_for(|| {
        app.all_text(".section-nav__item:not([hidden]) .section-nav__link")
            .len()
            == 6
    })
    .await;
    // Token sections are listed once the switches are known, on or off.
    assert_eq!(
        app.all_text(".section-nav__item:not([hidden]) .section-nav__link"),
        [
            "Personal Info",
            "Hotkeys",
            "Email Preferences",
            "Membership Info",
            "Personal Access Token",
            "Legacy Token"
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
async fn an_off_token_section_says_so_and_switches_on_for_the_organization_where_it_is() {
    let fake = fake_with(
        WHOAMI,
        r#"{"api_tokens_enabled":false,"legacy_api_tokens_enabled":true}"#,
    );
    fake.on(Method::Get, "/api/token/", 200, "[]");
    let app = mount_app_at("/user/account/personal-access-token", &fake);
    wait_for(|| app.query("[data-testid=token-off]").is_some()).await;
    let off = app.text("[data-testid=token-off]").unwrap_or_default();
    assert!(
        off.contains("Personal access tokens are off for this organization."),
        "{off}"
    );
    assert!(app.query(".tokens").is_none(), "no token list while off");

    click(&app, "Turn on for everyone…");
    wait_for(|| app.query("#turn-on-title").is_some()).await;
    let question = app.text("#turn-on-title").unwrap_or_default();
    assert!(
        question.contains("everyone in the organization"),
        "{question}"
    );
    let both_on = r#"{"api_tokens_enabled":true,"legacy_api_tokens_enabled":true}"#;
    fake.on(Method::Post, "/api/jwt/settings", 200, both_on);
    // The page reads the switches back after the change.
    fake.on(Method::Get, "/api/jwt/settings", 200, both_on);
    click(&app, "Turn on");
    // The section appears without a reload, and says what happened.
    wait_for(|| app.text(".tokens__empty").is_some()).await;
    assert!(app.query("[data-testid=token-off]").is_none());
    assert_eq!(
        app.text(".token-section > .form-status").as_deref(),
        Some("Turned on for everyone in the organization.")
    );
    let sent: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == Method::Post && r.path == "/api/jwt/settings")
        .filter_map(|r| r.body)
        .collect();
    assert_eq!(
        sent,
        [r#"{"api_tokens_enabled":true,"legacy_api_tokens_enabled":true}"#],
        "the legacy switch is kept as it was"
    );
}

#[wasm_bindgen_test]
async fn a_refused_switch_names_an_admin_and_is_no_longer_offered() {
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    fake.on(
        Method::Post,
        "/api/jwt/settings",
        403,
        r#"{"detail":"You do not have permission to perform this action."}"#,
    );
    let app = mount_app_at("/user/account/legacy-token", &fake);
    wait_for(|| app.query("[data-testid=token-off]").is_some()).await;
    assert_eq!(app.text("#section-title").as_deref(), Some("Legacy Token"));
    click(&app, "Turn on for everyone…");
    wait_for(|| button(&app, "Turn on").is_some()).await;
    click(&app, "Turn on");
    wait_for(|| {
        app.text("[data-testid=token-off]").is_some_and(|t| {
            t.contains("Legacy tokens are off for this organization; an organization admin can enable them.")
        })
    })
    .await;
    assert!(button(&app, "Turn on for everyone…").is_none());
    assert!(button(&app, "Turn on").is_none());
    assert!(app.query("[data-testid=legacy-token-value]").is_none());
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
        app.all_text(".section-nav__item:not([hidden]) .section-nav__link"),
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

const JWT_PAT_ONLY: &str = r#"{"api_tokens_enabled":true,"legacy_api_tokens_enabled":false}"#;
const NEW_PAT: &str = include_str!("fixtures/token_create.json");
const PAT_SIGNATURE: &str = "1p8jbFhOZzDuN39SJdq6B6ijj4iNZBVMHfPiwRVJSck";

fn storage_dump() -> String {
    let window = web_sys::window().expect("window");
    let mut out = String::new();
    for storage in [window.local_storage(), window.session_storage()] {
        if let Ok(Some(storage)) = storage {
            for i in 0..storage.length().unwrap_or(0) {
                if let Ok(Some(key)) = storage.key(i) {
                    out.push_str(&key);
                    out.push_str(&storage.get_item(&key).ok().flatten().unwrap_or_default());
                }
            }
        }
    }
    out
}

#[wasm_bindgen_test]
async fn new_pat_is_shown_once_and_forgotten_on_close() {
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    fake.on(Method::Get, "/api/token/", 200, "[]");
    fake.on(Method::Post, "/api/token/", 201, NEW_PAT);
    let app = mount_app_at("/user/account/personal-access-token", &fake);
    wait_for(|| app.text(".tokens__empty").is_some()).await;

    click(&app, "Create token");
    wait_for(|| app.query("#new-token").is_some()).await;
    let shown = app
        .query("#new-token")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(e).ok())
        .map(|t| t.value())
        .unwrap_or_default();
    assert!(shown.ends_with(PAT_SIGNATURE), "full token shown: {shown}");
    assert!(
        app.root.inner_html().contains(PAT_SIGNATURE),
        "snippets carry it while open"
    );

    // The list now has the token; the server will answer 409 to another create.
    fake.on(
        Method::Get,
        "/api/token/",
        200,
        include_str!("fixtures/token_list.json"),
    );
    click(&app, "I have copied it — close");
    wait_for(|| app.query("#new-token").is_none()).await;
    assert!(
        !app.root.inner_html().contains(PAT_SIGNATURE),
        "gone from the DOM after close"
    );
    assert!(
        !storage_dump().contains(PAT_SIGNATURE),
        "never in web storage"
    );
    assert!(!location_path().contains(PAT_SIGNATURE));
    let creates = fake
        .requests()
        .iter()
        .filter(|r| r.method == Method::Post && r.path == "/api/token/")
        .count();
    assert_eq!(creates, 1);
}

const LISTED_PAT: &str = include_str!("fixtures/token_list.json");

/// Opens Personal Access Token with one listed token and confirms Replace.
async fn replace_listed_token(fake: &Arc<FakeTransport>) -> Mounted {
    fake.on(Method::Get, "/api/token/", 200, LISTED_PAT);
    let app = mount_app_at("/user/account/personal-access-token", fake);
    wait_for(|| app.query("[data-testid=pat-row]").is_some()).await;
    let row = app.text("[data-testid=pat-row]").unwrap_or_default();
    assert!(
        row.contains("Does not expire"),
        "200 years is no expiry: {row}"
    );
    click(&app, "Replace…");
    wait_for(|| app.query("#replace-title").is_some()).await;
    click(&app, "Replace token");
    app
}

#[wasm_bindgen_test]
async fn replace_revokes_the_listed_token_then_shows_the_new_one_once() {
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    fake.on(Method::Post, "/api/token/blacklist/", 204, "");
    fake.on(Method::Post, "/api/token/", 201, NEW_PAT);
    let app = replace_listed_token(&fake).await;
    wait_for(|| app.query("#new-token").is_some()).await;
    let calls: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == Method::Post)
        .map(|r| (r.path, r.body.unwrap_or_default()))
        .collect();
    let listed = LISTED_PAT.split('"').nth(3).unwrap_or_default().to_string();
    assert_eq!(
        calls,
        [
            (
                "/api/token/blacklist/".to_string(),
                format!(r#"{{"refresh":"{listed}"}}"#)
            ),
            ("/api/token/".to_string(), String::new()),
        ],
        "revoke the listed form, then create"
    );
}

#[wasm_bindgen_test]
async fn replace_that_revoked_but_could_not_create_says_so_and_focuses_create() {
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    fake.on(Method::Post, "/api/token/blacklist/", 204, "");
    fake.on(Method::Post, "/api/token/", 500, r#"{"detail":"boom"}"#);
    let app = replace_listed_token(&fake).await;
    // The list now has no token.
    fake.on(Method::Get, "/api/token/", 200, "[]");
    wait_for(|| {
        app.text(".tokens .form-status").is_some_and(|t| {
            t.starts_with("The old token was revoked, but a new one could not be created:")
        })
    })
    .await;
    wait_for(|| app.text(".tokens__empty").is_some()).await;
    let focused = document()
        .active_element()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert_eq!(focused.trim(), "Create token");
    let creates = fake
        .requests()
        .iter()
        .filter(|r| r.method == Method::Post && r.path == "/api/token/")
        .count();
    assert_eq!(creates, 1, "nothing is retried on its own");
    assert!(app.query("#new-token").is_none());
}

#[wasm_bindgen_test]
async fn legacy_renew_is_enabled_only_by_typing_renew() {
    let fake = fake_with(
        WHOAMI,
        r#"{"api_tokens_enabled":true,"legacy_api_tokens_enabled":true}"#,
    );
    fake.on(
        Method::Get,
        "/api/current-user/token",
        200,
        include_str!("fixtures/legacy_token.json"),
    );
    fake.on(
        Method::Post,
        "/api/current-user/reset-token/",
        201,
        include_str!("fixtures/legacy_token_reset.json"),
    );
    let app = mount_app_at("/user/account/legacy-token", &fake);
    wait_for(|| app.query("[data-testid=legacy-token-value]").is_some()).await;
    assert!(app
        .text("[data-testid=legacy-token-value]")
        .unwrap_or_default()
        .chars()
        .all(|c| c == '•'));

    click(&app, "Renew token…");
    wait_for(|| app.query("#renew-confirm").is_some()).await;
    let renew = || button(&app, "Renew token").expect("renew button");
    assert!(renew().disabled());
    type_into(&app, "#renew-confirm", "RENEW please");
    leptos::task::tick().await;
    assert!(renew().disabled(), "only the exact word");
    type_into(&app, "#renew-confirm", "RENEW");
    wait_for(|| !renew().disabled()).await;
    let resets = || {
        fake.requests()
            .iter()
            .filter(|r| r.path == "/api/current-user/reset-token/")
            .count()
    };
    assert_eq!(resets(), 0, "nothing sent before confirming");
    renew().click();
    wait_for(|| {
        app.text(".legacy-token .form-status")
            .is_some_and(|t| t.contains("old one no longer works"))
    })
    .await;
    assert_eq!(resets(), 1);
}

/// Dispatches a real KeyboardEvent (`keydown`) at the element matching `selector`.
fn keydown(app: &Mounted, selector: &str, key: &str, code: &str, mods: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_code(code);
    init.set_ctrl_key(mods.contains('c'));
    init.set_shift_key(mods.contains('s'));
    init.set_alt_key(mods.contains('a'));
    init.set_meta_key(mods.contains('m'));
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    app.query(selector)
        .expect("target")
        .dispatch_event(&event)
        .expect("dispatch");
}

/// Clicks a row's key button and waits for the recording prompt.
async fn start_recording(app: &Mounted, selector: &str) {
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::dyn_into(app.query(selector).expect("button")).expect("element");
    button.click();
    wait_for(|| app.text(selector).is_some_and(|t| t.contains("Press keys"))).await;
    // The recording look is a modifier of the key button's own block.
    assert!(
        button.class_list().contains("key-button--recording"),
        "the recording button is marked"
    );
}

const SUBMIT_KEY: &str = "[data-hotkey='annotation:annotation:submit'] .key-button";

fn caps_of(app: &Mounted, id: &str) -> String {
    app.all_text(&format!("[data-hotkey='{id}'] .key-button kbd"))
        .join("+")
}

async fn hotkeys_app(
    stored: &str,
) -> (
    Mounted,
    std::sync::Arc<account_settings::api::fake::FakeTransport>,
) {
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    fake.on(Method::Get, "/api/current-user/hotkeys/", 200, stored);
    let app = mount_app_at("/user/account/hotkeys", &fake);
    wait_for(|| app.query(SUBMIT_KEY).is_some()).await;
    // The cards below the first draw their rows at the next idle moment.
    wait_for(|| app.query(".hotkey-card__rows[aria-busy]").is_none()).await;
    (app, fake)
}

#[wasm_bindgen_test]
async fn recording_captures_the_physical_key_and_modifiers() {
    let (app, _fake) = hotkeys_app(r#"{"custom_hotkeys":{}}"#).await;
    start_recording(&app, SUBMIT_KEY).await;
    // A modifier alone keeps recording.
    keydown(&app, SUBMIT_KEY, "Shift", "ShiftLeft", "s");
    leptos::task::tick().await;
    assert!(app
        .text(SUBMIT_KEY)
        .unwrap_or_default()
        .contains("Press keys"));
    // Shift+1 on a US layout reports key "!"; the recorder keeps the physical key.
    keydown(&app, SUBMIT_KEY, "!", "Digit1", "cs");
    wait_for(|| caps_of(&app, "annotation:annotation:submit") == "Ctrl+Shift+1").await;
    assert!(app
        .text(".hotkeys__savebar")
        .unwrap_or_default()
        .contains("1 unsaved change"));
}

#[wasm_bindgen_test]
async fn escape_cancels_and_keeps_the_old_keys() {
    let (app, fake) = hotkeys_app(r#"{"custom_hotkeys":{}}"#).await;
    start_recording(&app, SUBMIT_KEY).await;
    keydown(&app, SUBMIT_KEY, "Escape", "Escape", "");
    wait_for(|| caps_of(&app, "annotation:annotation:submit") == "Ctrl+Enter").await;
    assert!(app
        .text(".hotkeys__savebar")
        .unwrap_or_default()
        .contains("No unsaved changes"));
    assert!(
        fake.requests().iter().all(|r| r.method == Method::Get),
        "nothing saved"
    );
}

#[wasm_bindgen_test]
async fn conflicts_are_marked_on_both_rows() {
    // Undo stored as shift+ctrl+z collides with Redo (ctrl+shift+z): same binding.
    let (app, _fake) =
        hotkeys_app(r#"{"custom_hotkeys":{"annotation:annotation:undo":{"key":"shift+ctrl+z"}}}"#)
            .await;
    wait_for(|| {
        app.query("[data-hotkey='annotation:annotation:undo'] [data-testid=row-conflict]")
            .is_some()
    })
    .await;
    assert_eq!(
        app.text("[data-hotkey='annotation:annotation:undo'] [data-testid=row-conflict]")
            .as_deref(),
        Some("Also bound to: Redo (Annotation Actions)")
    );
    assert_eq!(
        app.text("[data-hotkey='annotation:annotation:redo'] [data-testid=row-conflict]")
            .as_deref(),
        Some("Also bound to: Undo (Annotation Actions)")
    );
    assert!(app
        .text("[data-testid=hotkey-summary]")
        .unwrap_or_default()
        .contains("with a conflict"));
}

#[wasm_bindgen_test]
async fn filter_narrows_rows_and_unknown_entries_are_kept() {
    let (app, _fake) = hotkeys_app(r#"{"custom_hotkeys":{"future:thing":{"key":"alt+q"}}}"#).await;
    assert!(
        app.query("[data-hotkey='future:thing']").is_some(),
        "unknown id shown under Other"
    );
    const SHOWN: &str = ".hotkey-row:not([hidden])";
    assert_eq!(app.all_text(SHOWN).len(), 72);
    type_into(&app, "#hotkey-filter", "zoom");
    wait_for(|| app.all_text(SHOWN).len() == 4).await;
    assert_eq!(
        app.all_text(".hotkey-row").len(),
        72,
        "hidden, not unmounted"
    );
    let labels = app.all_text(".hotkey-row:not([hidden]) .hotkey-row__label");
    assert!(labels.iter().all(|l| l.contains("Zoom")), "{labels:?}");
    type_into(&app, "#hotkey-filter", "no such action");
    wait_for(|| app.text(".hotkeys__empty").is_some()).await;
}

#[wasm_bindgen_test]
async fn the_keyboard_map_draws_each_layer_and_a_key_filters_the_list() {
    let (app, _fake) =
        hotkeys_app(r#"{"custom_hotkeys":{"annotation:annotation:redo":{"key":"alt+u"}}}"#).await;
    if let Some(details) = app.query(".keyboard-map-slot") {
        let _ = details.set_attribute("open", "");
    }
    wait_for(|| app.query("[data-testid=keyboard-map]").is_some()).await;
    let tabs = app.all_text(".keyboard-map__tab");
    assert_eq!(
        tabs.first().map(String::as_str),
        Some("No modifier"),
        "{tabs:?}"
    );
    assert!(tabs.contains(&"Alt".to_string()), "{tabs:?}");

    // The Alt layer: U does Redo, as edited; Ctrl+W is kept by the browser in the Ctrl layer.
    let tab = |name: &str| {
        let list = app.root.query_selector_all(".keyboard-map__tab").ok();
        list.and_then(|l| {
            (0..l.length())
                .filter_map(|i| l.item(i))
                .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                .find(|e| e.text_content().as_deref() == Some(name))
        })
    };
    if let Some(alt) = tab("Alt") {
        alt.click();
    }
    wait_for(|| {
        app.text(".keyboard-map__panel [data-code=KeyU]").as_deref()
            == Some("U: Redo, in the editor")
    })
    .await;
    assert_eq!(
        app.attr(".keyboard-map__tab[aria-selected=true]", "id")
            .as_deref(),
        Some("keyboard-map-tab-alt")
    );
    if let Some(ctrl) = tab("Ctrl") {
        ctrl.click();
    }
    wait_for(|| {
        app.text(".keyboard-map__panel [data-code=KeyZ]")
            .is_some_and(|l| l.starts_with("Z: Undo"))
    })
    .await;
    assert!(app
        .attr(".keyboard-map__panel [data-code=KeyW]", "class")
        .is_some_and(|c| c.contains("kcap--kept")));

    // Choosing Ctrl+Z shows its rows only.
    if let Some(z) = app
        .query(".keyboard-map__panel [data-code=KeyZ]")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        z.click();
    }
    const SHOWN: &str = ".hotkey-row:not([hidden]) .hotkey-row__label";
    wait_for(|| app.all_text(SHOWN) == ["Undo"]).await;
}

#[wasm_bindgen_test]
async fn a_clashing_recording_offers_swap_replace_or_keep() {
    let (app, _fake) = hotkeys_app(r#"{"custom_hotkeys":{}}"#).await;
    start_recording(&app, SUBMIT_KEY).await;
    keydown(&app, SUBMIT_KEY, "z", "KeyZ", "c");
    wait_for(|| button(&app, "Swap").is_some()).await;
    assert_eq!(
        app.text("[data-hotkey='annotation:annotation:submit'] [data-testid=row-conflict]")
            .as_deref(),
        Some("Also bound to: Undo (Annotation Actions)")
    );
    click(&app, "Swap");
    wait_for(|| caps_of(&app, "annotation:annotation:undo") == "Ctrl+Enter").await;
    assert_eq!(caps_of(&app, "annotation:annotation:submit"), "Ctrl+Z");
    assert!(
        app.query("[data-testid=row-conflict]").is_none(),
        "resolved"
    );

    // Replace switches the other action off; a browser shortcut gets a warning.
    start_recording(&app, SUBMIT_KEY).await;
    keydown(&app, SUBMIT_KEY, "y", "KeyY", "cs");
    leptos::task::tick().await;
    start_recording(&app, SUBMIT_KEY).await;
    keydown(&app, SUBMIT_KEY, "w", "KeyW", "c");
    wait_for(|| {
        app.text(".hotkey-row__warning")
            .is_some_and(|t| t.contains("closes the tab"))
    })
    .await;
    start_recording(&app, SUBMIT_KEY).await;
    keydown(&app, SUBMIT_KEY, "Z", "KeyZ", "cs");
    wait_for(|| button(&app, "Replace").is_some()).await;
    click(&app, "Replace");
    wait_for(|| {
        app.query("[data-hotkey='annotation:annotation:redo'].hotkey-row--off")
            .is_some()
    })
    .await;
    // Defaults that Label Studio ships shared are not errors.
    assert!(app
        .text("[data-hotkey='video:media:step-backward'] .hotkey-row__shared")
        .is_some());
}

#[wasm_bindgen_test]
async fn hotkeys_fall_back_to_the_profile_copy_when_the_endpoint_fails() {
    let whoami = WHOAMI.replace(
        r#""custom_hotkeys":{}"#,
        r#""custom_hotkeys":{"annotation:annotation:submit":{"key":"ctrl+k","active":true}}"#,
    );
    let fake = fake_with(&whoami, JWT_PAT_ONLY);
    fake.on(
        Method::Get,
        "/api/current-user/hotkeys/",
        500,
        r#"{"error":"Failed to retrieve hotkeys configuration"}"#,
    );
    let app = mount_app_at("/user/account/hotkeys", &fake);
    wait_for(|| app.query(SUBMIT_KEY).is_some()).await;
    assert_eq!(caps_of(&app, "annotation:annotation:submit"), "Ctrl+K");
    let notice = app.text(".notice--warn").unwrap_or_default();
    assert!(
        notice.contains("Failed to retrieve hotkeys configuration")
            && notice.contains("copy from your profile"),
        "{notice}"
    );
}

#[wasm_bindgen_test]
async fn a_session_that_ended_on_save_shows_one_sign_in_bar_and_keeps_the_draft() {
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    fake.on(
        Method::Patch,
        "/api/users/1/",
        401,
        r#"{"detail":"Authentication credentials were not provided."}"#,
    );
    let app = mount_app_at("/user/account/personal-info", &fake);
    wait_for(|| app.query("#first-name").is_some()).await;
    assert!(app.query("[data-testid=session-ended]").is_none());

    type_into(&app, "#first-name", "Grace");
    let save_ready = || {
        button(&app, "Save")
            .is_some_and(|b| b.get_attribute("aria-disabled").as_deref() == Some("false"))
    };
    wait_for(save_ready).await;
    click(&app, "Save");
    wait_for(|| app.query("[data-testid=session-ended]").is_some()).await;
    assert_eq!(
        app.attr("[data-testid=session-ended] a", "href").as_deref(),
        Some("/user/login/?next=/user/account/personal-info")
    );
    let typed: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::dyn_into(app.query("#first-name").expect("field")).expect("input");
    assert_eq!(typed.value(), "Grace", "the edit stays in the form");
    let storage = web_sys::window()
        .expect("window")
        .session_storage()
        .expect("storage")
        .expect("sessionStorage");
    let kept = || storage.get_item("ls-account-profile-draft").ok().flatten();
    assert!(
        kept().is_some_and(|json| json.contains("Grace")),
        "kept for the round trip"
    );

    // The session turns out to be fine: a later save succeeds, the bar goes, nothing is kept.
    fake.on(Method::Patch, "/api/users/1/", 200, WHOAMI);
    wait_for(save_ready).await;
    click(&app, "Save");
    wait_for(|| app.query("[data-testid=session-ended]").is_none()).await;
    wait_for(|| kept().is_none()).await;
}

/// A file dropped on the photo before the editor's code is here (the avatar slot) reaches the
/// editor, which checks it; focus that was in the photo area moves to the editor's own button.
#[wasm_bindgen_test]
async fn a_file_dropped_on_the_photo_slot_is_checked_by_the_editor_with_focus_kept() {
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    let app = mount_app_at("/user/account/personal-info", &fake);
    wait_for(|| {
        app.query(".avatar-slot [data-testid=avatar-drop]")
            .is_some()
    })
    .await;
    let slot_choose = button(&app, "Choose image…").expect("the slot's Choose button");
    slot_choose.focus().expect("focus");

    // Not an image: the editor must say so from the file's content.
    let bits = js_sys::Array::of1(&"hello".into());
    let file = web_sys::File::new_with_str_sequence(&bits, "notes.png").expect("file");
    let transfer = web_sys::DataTransfer::new().expect("data transfer");
    transfer.items().add_with_file(&file).expect("add file");
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer));
    let drop = web_sys::DragEvent::new_with_event_init_dict("drop", &init).expect("drop event");
    app.query("[data-testid=avatar-drop]")
        .expect("drop zone")
        .dispatch_event(&drop)
        .expect("dispatch");

    wait_for(|| app.text("[data-testid=avatar-problems]").is_some()).await;
    let problems = app
        .text("[data-testid=avatar-problems]")
        .unwrap_or_default();
    assert!(problems.contains("not a JPEG, PNG or GIF"), "{problems}");
    assert!(
        !slot_choose.is_connected(),
        "the editor took the slot's place"
    );
    let focused = document()
        .active_element()
        .and_then(|el| el.dyn_into::<web_sys::HtmlButtonElement>().ok());
    let editor_choose = button(&app, "Choose image…").expect("the editor's Choose button");
    assert_eq!(
        focused.as_ref(),
        Some(&editor_choose),
        "focus kept in the photo area"
    );
    assert!(
        fake.requests().iter().all(|r| !r.path.contains("avatar")),
        "nothing uploaded"
    );
}

/// whoami as Label Studio 1.20.0 sends it: no `custom_hotkeys`, no `permissions`.
const WHOAMI_1_20: &str = r#"{"id":1,"first_name":"","last_name":"","username":"","email":"demo@example.com","last_activity":"2026-12-02T12:18:19.108412Z","avatar":null,"initials":"de","phone":"","active_organization":1,"active_organization_meta":{"title":"Label Studio","email":"demo@example.com"},"allow_newsletters":null,"date_joined":"2026-12-02T12:18:19.108458Z"}"#;

#[wasm_bindgen_test]
async fn on_1_20_hotkeys_explain_themselves_and_nothing_is_asked() {
    let fake = fake_with(WHOAMI_1_20, JWT_PAT_ONLY);
    fake.on(
        Method::Get,
        "/api/version/",
        200,
        r#"{"release":"1.20.0","edition":"Community"}"#,
    );
    let app = mount_app_at("/user/account/hotkeys", &fake);
    let why = "Needs Label Studio 1.21.0 or later; this server runs 1.20.0.";
    wait_for(|| app.text("[data-testid=section-unavailable]").is_some()).await;
    assert_eq!(
        app.text("[data-testid=section-unavailable]").as_deref(),
        Some(format!("Hotkeys is not available on this server. {why}").as_str())
    );
    assert_eq!(
        app.text("#nav-note-hotkeys").as_deref(),
        Some(format!("Not available. {why}").as_str())
    );
    assert_eq!(
        app.attr(
            ".section-nav__item:nth-child(2) .section-nav__link",
            "aria-describedby"
        )
        .as_deref(),
        Some("nav-note-hotkeys")
    );
    assert_eq!(
        app.text("[data-testid=server-release]").as_deref(),
        Some("Label Studio 1.20.0")
    );
    let asked: Vec<String> = fake.requests().into_iter().map(|r| r.path).collect();
    assert!(
        !asked.iter().any(|p| p.contains("hotkeys")),
        "no hotkeys request: {asked:?}"
    );
}

/// Opened at Hotkeys on a server whose whoami has `custom_hotkeys`: the list is asked for with
/// the layout, not after the release and the section's code, and only once.
#[wasm_bindgen_test]
async fn hotkeys_opened_first_are_asked_for_once_with_the_layout() {
    let (app, fake) = hotkeys_app(
        r#"{"custom_hotkeys":{"annotation:annotation:submit":{"key":"ctrl+k","active":true}}}"#,
    )
    .await;
    assert_eq!(caps_of(&app, "annotation:annotation:submit"), "Ctrl+K");
    let asked: Vec<String> = fake.requests().into_iter().map(|r| r.path).collect();
    let hotkeys = asked
        .iter()
        .filter(|p| p.contains("current-user/hotkeys"))
        .count();
    assert_eq!(hotkeys, 1, "one hotkeys request: {asked:?}");
}

#[wasm_bindgen_test]
async fn a_blocked_version_call_falls_back_to_whoami_and_says_nothing_alarming() {
    // No /api/version/ stub: the fake answers 404, as a proxy that blocks it would.
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    fake.on(
        Method::Get,
        "/api/current-user/hotkeys/",
        200,
        r#"{"custom_hotkeys":{}}"#,
    );
    let app = mount_app_at("/user/account/hotkeys", &fake);
    wait_for(|| app.query(SUBMIT_KEY).is_some()).await;
    assert!(app.query("[data-testid=section-unavailable]").is_none());
    assert!(app.query(".section-nav__unavailable").is_none());
    assert_eq!(
        app.text("[data-testid=server-release]").as_deref(),
        Some("")
    );
    assert!(app.query(".notice--error").is_none());
}

/// The single-key switch turns off every hotkey without Ctrl, Alt or ⌘, turns back on exactly
/// what it turned off, and saves the rows as `active: false` with its memory.
#[wasm_bindgen_test]
async fn the_single_key_switch_turns_back_on_exactly_what_it_turned_off() {
    // The user had turned the move tool (V) off themselves.
    let (app, fake) =
        hotkeys_app(r#"{"custom_hotkeys":{"tools:tool:move":{"key":"V","active":false}}}"#).await;
    let active = |id: &str| {
        app.query(&format!("[data-hotkey='{id}'] input.switch"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|i| i.checked())
    };
    let flip = || {
        let switch: web_sys::HtmlInputElement = app
            .query("#single-keys-off")
            .expect("the switch")
            .dyn_into()
            .expect("input");
        switch.click();
    };
    let unsaved = || app.text(".hotkeys__savebar").unwrap_or_default();
    assert!(active("tools:tool:pan-image") && active("annotation:annotation:submit"));

    flip();
    wait_for(|| !active("tools:tool:pan-image")).await;
    assert!(
        active("annotation:annotation:submit"),
        "Ctrl+Enter is not a single key"
    );
    assert!(!active("regions:region:delete"), "Backspace is");
    assert!(!unsaved().contains("No unsaved changes"));

    flip();
    wait_for(|| active("tools:tool:pan-image")).await;
    assert!(!active("tools:tool:move"), "the user's own choice stays");
    assert!(active("regions:region:delete"));
    wait_for(|| unsaved().contains("No unsaved changes")).await;

    // Saved: the rows as switched off, and the switch's memory, which leaves V out.
    flip();
    wait_for(|| !active("tools:tool:pan-image")).await;
    fake.on(
        Method::Patch,
        "/api/current-user/hotkeys/",
        200,
        r#"{"custom_hotkeys":{}}"#,
    );
    click(&app, "Save");
    wait_for(|| fake.requests().iter().any(|r| r.method == Method::Patch)).await;
    let sent = fake
        .requests()
        .into_iter()
        .find(|r| r.method == Method::Patch)
        .and_then(|r| r.body)
        .expect("a body");
    let sent: serde_json::Value = serde_json::from_str(&sent).expect("JSON");
    let map = &sent["custom_hotkeys"];
    assert_eq!(map["tools:tool:pan-image"]["active"], false);
    assert_eq!(map["tools:tool:move"]["active"], false);
    assert!(
        map["annotation:annotation:submit"].is_null(),
        "unchanged, not sent"
    );
    let stored: account_settings::api::types::HotkeyMap =
        serde_json::from_value(map.clone()).expect("a map");
    let memory = account_settings::domain::hotkeys::single_key::memory(&stored).expect("on");
    assert!(memory.contains("tools:tool:pan-image") && !memory.contains("tools:tool:move"));
}

/// "Try a key" answers with the rows as they are on the page (an unsaved edit included): what
/// fires and where, the stored spelling, what the browser keeps, and refuses the keypad's +.
#[wasm_bindgen_test]
async fn try_a_key_answers_with_the_edits_on_the_page() {
    let (app, _fake) = hotkeys_app(r#"{"custom_hotkeys":{}}"#).await;
    // Unsaved: Submit recorded on Ctrl+Shift+1.
    start_recording(&app, SUBMIT_KEY).await;
    keydown(&app, SUBMIT_KEY, "!", "Digit1", "cs");
    wait_for(|| caps_of(&app, "annotation:annotation:submit") == "Ctrl+Shift+1").await;

    let result = || app.text("[data-testid=try-key-result]").unwrap_or_default();
    keydown(&app, "#try-key", "!", "Digit1", "cs");
    wait_for(|| result().contains("Submit Annotation (Annotation Actions)")).await;
    assert!(result().contains("ctrl+shift+1"), "{}", result());
    assert!(result().contains("the labeling editor, on every task"));

    keydown(&app, "#try-key", "Enter", "Enter", "c");
    wait_for(|| result().contains("ctrl+enter")).await;
    assert!(result().contains("No action"), "its old key is free now");

    keydown(&app, "#try-key", "w", "KeyW", "c");
    wait_for(|| result().contains("closes the tab")).await;

    keydown(&app, "#try-key", "+", "NumpadAdd", "");
    wait_for(|| {
        app.text(".try-key [role=alert]")
            .is_some_and(|t| t.contains("keypad's “+”"))
    })
    .await;
    assert!(app.query("[data-testid=try-key-result]").is_none());
}

/// Opens "Check a project's label keys" and chooses the project titled `title`.
async fn choose_project(app: &Mounted, title: &str) {
    let summary: web_sys::HtmlElement = app
        .query(".project-keys summary")
        .expect("the disclosure")
        .dyn_into()
        .expect("element");
    summary.click();
    wait_for(|| button(app, title).is_some()).await;
    click(app, title);
}

/// "Change mine" on a row the filter hides: the filter goes, and the row records with focus on
/// its key.
#[wasm_bindgen_test]
async fn change_mine_shows_a_filtered_out_row_and_focuses_it() {
    let (app, fake) = hotkeys_app(r#"{"custom_hotkeys":{}}"#).await;
    fake.on(
        Method::Get,
        "/api/projects/?page_size=20&title=",
        200,
        r#"{"count":1,"results":[{"id":7,"title":"Cats"}]}"#,
    );
    fake.on(
        Method::Get,
        "/api/projects/7/",
        200,
        r#"{"id":7,"title":"Cats","label_config":"<View><Image name=\"i\" value=\"$i\"/><RectangleLabels name=\"r\" toName=\"i\"><Label value=\"Dog\" hotkey=\"b\"/></RectangleLabels></View>"}"#,
    );
    type_into(&app, "#hotkey-filter", "no such action");
    let brush = "[data-hotkey='tools:tool:brush']";
    wait_for(|| {
        app.query(brush)
            .is_some_and(|row| row.has_attribute("hidden"))
    })
    .await;
    choose_project(&app, "Cats").await;
    wait_for(|| button(&app, "Change mine").is_some()).await;
    click(&app, "Change mine");
    wait_for(|| {
        let key_button = app.query(&format!("{brush} .key-button"));
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        key_button.is_some() && key_button == focused
    })
    .await;
    assert!(app
        .query(brush)
        .is_some_and(|row| !row.has_attribute("hidden")));
    let filter: web_sys::HtmlInputElement = app
        .query("#hotkey-filter")
        .expect("the filter")
        .dyn_into()
        .expect("input");
    assert_eq!(filter.value(), "", "the filter was cleared");
    assert!(app.text(brush).is_some_and(|t| t.contains("Press keys")));
}

/// A project's label keys: found by title, read from its labeling config (written and given by
/// the editor), clashes with the user's bindings as they are on the page, Turn mine off; a
/// broken config is said as such.
#[wasm_bindgen_test]
async fn a_projects_label_keys_show_where_they_clash_with_mine() {
    let (app, fake) = hotkeys_app(
        r#"{"custom_hotkeys":{"annotation:annotation:undo":{"key":"1","active":true}}}"#,
    )
    .await;
    fake.on(
        Method::Get,
        "/api/projects/?page_size=20&title=",
        200,
        r#"{"count":2,"results":[{"id":7,"title":"Cats"},{"id":8,"title":"Broken"}]}"#,
    );
    fake.on(
        Method::Get,
        "/api/projects/7/",
        200,
        r#"{"id":7,"title":"Cats","label_config":"<View><Image name=\"i\" value=\"$i\"/><RectangleLabels name=\"r\" toName=\"i\"><Label value=\"Cat\"/><Label value=\"Dog\" hotkey=\"b\"/></RectangleLabels></View>"}"#,
    );
    fake.on(
        Method::Get,
        "/api/projects/8/",
        200,
        r#"{"id":8,"title":"Broken","label_config":"<View><Label value=\"x/></View>"}"#,
    );
    choose_project(&app, "Cats").await;
    let result = || app.text("[data-testid=project-keys]").unwrap_or_default();
    wait_for(|| result().contains("2 keys")).await;
    assert!(
        result().contains("Label “Cat” 1 (given by the editor)"),
        "{}",
        result()
    );
    let clash_text = app.all_text("[data-testid=project-clash]").join("|");
    assert!(
        clash_text.contains("Label “Cat” and your Undo (Annotation Actions) are both on 1."),
        "{clash_text}"
    );
    assert!(
        clash_text.contains("Label “Dog” and your Brush Tool (Tools) are both on b."),
        "{clash_text}"
    );

    // The first clash is the written key: Dog's B and the brush.
    click(&app, "Turn mine off");
    wait_for(|| app.all_text("[data-testid=project-clash]").len() == 1).await;
    let brush_on = app
        .query("[data-hotkey='tools:tool:brush'] input.switch")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked());
    assert!(!brush_on, "the brush was turned off on the page");
    // Keep both: the last one is no longer listed, and nothing else changed.
    click(&app, "Keep both");
    wait_for(|| {
        app.text(".project-keys__summary")
            .is_some_and(|t| t.contains("None of your hotkeys fires with them."))
    })
    .await;

    click(&app, "Broken");
    wait_for(|| {
        app.text(".project-keys [role=alert]")
            .is_some_and(|t| t.contains("Broken: Its labeling config can't be read"))
    })
    .await;
}

/// Presses the header's language switch, as a user does.
fn switch_language(app: &Mounted) {
    let button: web_sys::HtmlElement = app
        .query("[data-testid=language-switch]")
        .expect("the language switch")
        .dyn_into()
        .expect("a button");
    button.click();
}

fn stored_language() -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item("label-studio.lang").ok()?
}

fn set_html_lang(code: &str) {
    document()
        .document_element()
        .expect("html")
        .set_attribute("lang", code)
        .expect("lang");
}

fn html_lang() -> Option<String> {
    document().document_element()?.get_attribute("lang")
}

/// Puts the page back in English for the tests after this one (the language is page-wide).
fn back_to_english() {
    account_settings::i18n::apply(account_settings::domain::i18n::Lang::En);
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.remove_item("label-studio.lang");
    }
}

/// Mounts the app at Personal info with a reload that only says it happened.
fn mount_reloadable(fake: &Arc<FakeTransport>) -> (Mounted, Arc<AtomicBool>) {
    let reloaded = Arc::new(AtomicBool::new(false));
    let flag = reloaded.clone();
    let reload = leptos::prelude::Callback::new(move |()| flag.store(true, Ordering::SeqCst));
    let app = mount_app_with("/user/account/personal-info", fake, Some(reload));
    (app, reloaded)
}

fn input_value(app: &Mounted, selector: &str) -> String {
    let input: web_sys::HtmlInputElement = app
        .query(selector)
        .expect("field")
        .dyn_into()
        .expect("input");
    input.value()
}

#[wasm_bindgen_test]
async fn choosing_chinese_reloads_in_chinese_with_the_typed_draft_kept() {
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    let (app, reloaded) = mount_reloadable(&fake);
    wait_for(|| app.query("#first-name").is_some()).await;
    type_into(&app, "#first-name", "Grace");

    assert_eq!(
        app.text("[data-testid=language-switch] [lang=zh-CN]")
            .as_deref(),
        Some("简体中文")
    );
    switch_language(&app);
    wait_for(|| reloaded.load(Ordering::SeqCst)).await;
    assert_eq!(stored_language().as_deref(), Some("zh-CN"));
    drop(app);

    // The page's next load: public/boot.js puts the stored choice into <html lang>.
    set_html_lang("zh-CN");
    account_settings::i18n::start().await;
    let (app, _) = mount_reloadable(&fake);
    wait_for(|| app.text("#section-title").is_some()).await;
    assert_eq!(app.text("#section-title").as_deref(), Some("个人信息"));
    assert_eq!(
        app.text(".account-header__title").as_deref(),
        Some("我的账户")
    );
    assert_eq!(app.text("label[for=first-name]").as_deref(), Some("名"));
    assert_eq!(
        app.attr(".section-nav", "aria-label").as_deref(),
        Some("账户设置")
    );
    assert_eq!(document().title(), "个人信息 | 我的账户");
    assert_eq!(html_lang().as_deref(), Some("zh-CN"));
    // The switch now offers English, named in English.
    assert_eq!(
        app.text("[data-testid=language-switch] [lang=en]")
            .as_deref(),
        Some("English")
    );
    wait_for(|| input_value(&app, "#first-name") == "Grace").await;
    assert_eq!(
        app.text(".form-status").as_deref(),
        Some("已恢复你尚未保存的修改；请检查后点击“保存”。")
    );
    // A check made in the browser speaks the page's language.
    type_into(&app, "#phone", "555 1234");
    click(&app, "保存");
    wait_for(|| app.text("#phone-error").is_some_and(|t| !t.is_empty())).await;
    assert_eq!(
        app.text("#phone-error").as_deref(),
        Some("请以 + 和国家代码开头，例如 +86 10 12345678。")
    );
    drop(app);
    back_to_english();
}

#[wasm_bindgen_test]
async fn the_language_found_before_start_is_spoken_from_the_start() {
    set_html_lang("zh-CN");
    account_settings::i18n::start().await;
    let fake = fake_with(WHOAMI, JWT_PAT_ONLY);
    let app = mount_app_at("/user/account/personal-info", &fake);
    wait_for(|| app.text("#section-title").is_some()).await;
    // Never English first: the page waits for the words.
    assert_eq!(app.text("#section-title").as_deref(), Some("个人信息"));
    assert_eq!(html_lang().as_deref(), Some("zh-CN"));
    drop(app);
    back_to_english();
}
