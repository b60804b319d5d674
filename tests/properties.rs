//! Property tests: no input from a user, a file or the server makes a parser panic (the release
//! build aborts on a panic, which would stop the whole page), and the round trips hold for every
//! generated binding. Native only (`cargo test --test properties`). Cases per property: the
//! `CASES` below, or `PROPTEST_CASES` when set.

#![cfg(not(target_arch = "wasm32"))]

use account_settings::api::types::{
    AccessToken, HotkeyMap, HotkeysPayload, JwtSettings, Membership, Organization, StoredHotkey,
    User,
};
use account_settings::api::{strip_python_list, ApiError, SitePrefix};
use account_settings::domain::avatar::{self, FileFacts, ImageKind};
use account_settings::domain::hotkeys::keys::{self, KeyCombo, KeyPress, Platform, Recorded};
use account_settings::domain::hotkeys::{self, project_keys, transfer, validation, Binding};
use account_settings::domain::i18n::hotkeys::{HotkeyWords, EN};
use account_settings::domain::release::{ReleaseNumber, ServerRelease};
use account_settings::domain::{jwt, profile, snippets, time, user};
use proptest::prelude::*;
use serde_json::Value;

/// The photo editor's words in English.
fn english(msg: account_settings::domain::i18n::avatar::AvatarMsg) -> &'static str {
    account_settings::domain::i18n::Catalog::english(msg)
}

/// Cases per property (25 properties): the whole file runs in about 20 s on two cores.
const CASES: u32 = 1_000;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        // Failures are reported with the shrunk input; no files written into the repository.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Field names the decoders look for, mixed with random ones, so generated objects reach the
/// interesting branches.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "id", "email", "first_name", "last_name", "username", "phone", "avatar",
            "custom_hotkeys", "allow_newsletters", "active_organization", "date_joined",
            "permissions", "key", "active", "description", "hotkeys", "detail", "details",
            "validation_errors", "release", "exp", "iat", "token_type", "token", "access",
            "refresh", "created_at", "expires_at", "api_tokens_enabled",
            "legacy_api_tokens_enabled", "created_projects", "contributed_to_projects",
            "annotations_count", "title", "section", "element", "label", "version",
            "exportedAt", "settings", "non_field_errors", "user_id", "map", "draft",
        ])
        .prop_map(str::to_string),
        1 => "[a-z_]{0,10}",
    ]
}

/// Any JSON value, a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
        keys_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(field_name(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text that looks like a key string: modifiers, names, separators and junk.
fn keys_text() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        prop::sample::select(vec![
            "ctrl",
            "control",
            "shift",
            "alt",
            "option",
            "command",
            "cmd",
            "meta",
            "mod",
            "⌘",
            "a",
            "Z",
            "1",
            "!",
            "(",
            "+",
            "plus",
            "minus",
            "-",
            ",",
            "space",
            " ",
            "enter",
            "arrowleft",
            "left",
            "f5",
            "F13",
            "escape",
            "tab",
            "pageup",
            "home",
            "é",
            "",
        ])
        .prop_map(str::to_string),
        ".{0,3}",
    ];
    prop::collection::vec(part, 0..5).prop_map(|parts| parts.join("+"))
}

/// Keys the recorder produces (canonical spellings).
fn canonical_key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::char::range('a', 'z').prop_map(String::from),
        prop::char::range('0', '9').prop_map(String::from),
        prop::sample::select(vec![
            ",",
            ".",
            "/",
            "`",
            ";",
            "'",
            "[",
            "]",
            "\\",
            "=",
            "-",
            "space",
            "enter",
            "tab",
            "escape",
            "backspace",
            "delete",
            "left",
            "right",
            "up",
            "down",
            "home",
            "end",
            "pageup",
            "pagedown",
        ])
        .prop_map(str::to_string),
        (1u8..=12).prop_map(|n| format!("f{n}")),
    ]
}

fn combo() -> impl Strategy<Value = KeyCombo> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        canonical_key(),
    )
        .prop_map(|(ctrl, shift, alt, command, key)| KeyCombo {
            ctrl,
            shift,
            alt,
            command,
            key,
        })
}

/// A keydown as a browser could report it: real `code`s and `key`s, and junk.
fn key_press() -> impl Strategy<Value = KeyPress> {
    let code = prop_oneof![
        prop::char::range('A', 'Z').prop_map(|c| format!("Key{c}")),
        prop::char::range('0', '9').prop_map(|c| format!("Digit{c}")),
        prop::char::range('0', '9').prop_map(|c| format!("Numpad{c}")),
        prop::sample::select(vec![
            "Comma",
            "Period",
            "Slash",
            "Backquote",
            "Semicolon",
            "Quote",
            "BracketLeft",
            "BracketRight",
            "Backslash",
            "IntlBackslash",
            "Equal",
            "Minus",
            "NumpadAdd",
            "NumpadEnter",
            "ArrowLeft",
            "Space",
            "Enter",
            "F5",
            "Insert",
            "ShiftLeft",
            "",
        ])
        .prop_map(str::to_string),
        ".{0,12}",
    ];
    let key = prop_oneof![
        prop::sample::select(vec![
            "a",
            "Q",
            "1",
            "!",
            "(",
            "ArrowLeft",
            "ArrowUp",
            "Enter",
            " ",
            "Escape",
            "Tab",
            "F1",
            "F12",
            "F24",
            "Shift",
            "Control",
            "Alt",
            "Meta",
            "Dead",
            "Unidentified",
            "PageDown",
            "Home",
            "Backspace",
            "Delete",
            "é",
            "ß",
            "",
        ])
        .prop_map(str::to_string),
        ".{0,12}",
    ];
    (
        key,
        code,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(key, code, ctrl, shift, alt, meta)| KeyPress {
            key,
            code,
            ctrl,
            shift,
            alt,
            meta,
        })
}

fn user_from(value: &Value) -> Option<User> {
    serde_json::from_value(value.clone()).ok()
}

proptest! {
    #![proptest_config(config(CASES))]

    // ---- Hotkeys: key strings, the recorder, display ----

    #[test]
    fn any_key_string_parses_or_is_refused_and_parsing_is_idempotent(text in prop_oneof![keys_text(), ".{0,30}"]) {
        if let Ok(combo) = KeyCombo::parse(&text) {
            let again = KeyCombo::parse(&combo.to_string());
            prop_assert_eq!(again.as_ref(), Ok(&combo));
            prop_assert!(!keys::label(&combo, Platform::Mac).is_empty());
            prop_assert!(!keys::caps(&combo, Platform::Other).is_empty());
        } else {
            prop_assert!(keys::normalize(&text).is_err());
        }
        let _ = validation::check_key(&text, EN);
        let _ = validation::blocked_reason(&text, EN);
        let _ = hotkeys::same_key(&text, "ctrl+enter");
    }

    #[test]
    fn every_generated_binding_round_trips_through_its_spelling(combo in combo()) {
        let spelled = combo.to_string();
        prop_assert_eq!(KeyCombo::parse(&spelled), Ok(combo.clone()));
        for platform in [Platform::Mac, Platform::Other] {
            prop_assert!(!keys::label(&combo, platform).is_empty());
            prop_assert_eq!(keys::caps(&combo, platform).len(), combo.modifiers().count() + 1);
        }
        let _ = validation::browser_reserved(&combo, EN);
    }

    #[test]
    fn any_keydown_records_to_a_combo_that_reads_back(press in key_press()) {
        let recorded = keys::record(&press);
        match &recorded {
            Recorded::Combo(combo) => {
                prop_assert_eq!(KeyCombo::parse(&combo.to_string()), Ok(combo.clone()));
                prop_assert!(!keys::label(combo, Platform::Other).is_empty());
                prop_assert!(recorded.refusal(EN).is_none());
            }
            Recorded::ModifierOnly => prop_assert!(recorded.refusal(EN).is_none()),
            // A refused key is refused with a reason.
            Recorded::Unsupported(_) | Recorded::Keypad(_) => prop_assert!(recorded.refusal(EN).is_some()),
        }
    }

    // ---- A project's labeling config ----

    #[test]
    fn any_labeling_config_reads_or_is_refused(
        text in prop::collection::vec(
            prop_oneof![
                Just("<View>".to_string()),
                Just("</View>".to_string()),
                Just("<!--".to_string()),
                Just("-->".to_string()),
                Just("<Label value=\"a\" hotkey=\"ctrl+1\"/>".to_string()),
                Just("<Choice value='b'/>".to_string()),
                Just("<Image name=\"i\" valueList=\"$l\"/>".to_string()),
                Just("<Audio name=\"a\"/>".to_string()),
                ".{0,12}",
            ],
            0..30,
        ).prop_map(|parts| parts.concat()),
    ) {
        if let Ok(keys) = project_keys::read(&text, EN) {
            let all = hotkeys::merge(&HotkeyMap::new());
            let _ = project_keys::clashes(&keys, &all, HotkeyWords::ENGLISH);
        }
    }

    // ---- Hotkeys: import, export, stored maps ----

    #[test]
    fn any_text_imports_or_is_refused(text in ".{0,200}") {
        let _ = transfer::import(&text, EN);
    }

    #[test]
    fn any_json_imports_or_is_refused(value in json()) {
        let _ = transfer::import(&value.to_string(), EN);
        let wrapped = serde_json::json!({ "hotkeys": value, "version": "1.0" });
        let _ = transfer::import(&wrapped.to_string(), EN);
    }

    #[test]
    fn any_rows_import_or_are_refused(rows in prop::collection::vec(
        (prop::sample::select(vec!["100", "5100", "x", ""]), "[a-z_:]{0,20}", "[a-z_:-]{0,20}",
         keys_text(), any::<Option<bool>>()), 0..20)) {
        let rows: Vec<Value> = rows
            .into_iter()
            .map(|(id, section, element, key, active)| serde_json::json!({
                "id": id, "section": section, "element": element, "key": key, "active": active,
            }))
            .collect();
        let _ = transfer::import(&Value::Array(rows).to_string(), EN);
    }

    #[test]
    fn export_then_import_gives_back_what_was_exported(
        edits in prop::collection::vec((any::<bool>(), combo(), any::<bool>()), 71)
    ) {
        let mut bindings = hotkeys::merge(&HotkeyMap::new());
        for (binding, (remap, combo, active)) in bindings.iter_mut().zip(edits) {
            let spelled = combo.to_string();
            if remap && validation::check_key(&spelled, EN).is_ok() {
                binding.key = spelled;
            }
            binding.active = active;
        }
        let text = transfer::export(&bindings, "2026-12-02T12:00:00.000Z", HotkeyWords::ENGLISH);
        let back = transfer::import(&text, EN);
        prop_assert!(back.is_ok(), "refused its own export: {:?}", back.err());
        let back: Vec<Binding> = back.unwrap_or_default();
        // The same bindings, key by key (an import stores the canonical spelling: `m` for `M`).
        prop_assert_eq!(back.len(), bindings.len());
        for (before, after) in bindings.iter().zip(&back) {
            prop_assert_eq!(&before.id, &after.id);
            prop_assert!(hotkeys::same_key(&before.key, &after.key), "{} -> {}", before.key, after.key);
            prop_assert_eq!(before.active, after.active);
        }
        let changes = transfer::diff(&bindings, &back);
        prop_assert!(changes.is_empty());
    }

    #[test]
    fn any_stored_map_merges_checks_and_finds_conflicts(value in json()) {
        if let Some(map) = hotkeys::from_profile(Some(&value)) {
            let _ = validation::check_map(&map, EN);
            let bindings = hotkeys::merge(&map);
            let conflicts = hotkeys::conflicts(&bindings);
            let _ = hotkeys::real_conflicts(&conflicts);
            let _ = hotkeys::same_stored(&map, &hotkeys::to_stored(&bindings));
        }
    }

    #[test]
    fn generated_maps_of_stored_entries_never_panic(entries in prop::collection::btree_map(
        prop_oneof![
            prop::sample::select(hotkeys::defaults::DEFAULTS.iter().map(|d| d.id.to_string()).collect::<Vec<_>>()),
            "[a-z_]{0,8}:?[a-z_:]{0,12}",
        ],
        (keys_text(), any::<Option<bool>>(), any::<Option<String>>()),
        0..40,
    )) {
        let map: HotkeyMap = entries
            .into_iter()
            .map(|(id, (key, active, description))| (id, StoredHotkey { key, active, description }))
            .collect();
        let _ = validation::check_map(&map, EN);
        let mut bindings = hotkeys::merge(&map);
        let conflicts = hotkeys::conflicts(&bindings);
        let _ = hotkeys::real_conflicts(&conflicts);
        if let Some((id, clashes)) = conflicts.iter().next() {
            let previous = clashes.first().map(|_| "ctrl+enter").unwrap_or_default().to_string();
            let id = id.clone();
            hotkeys::resolve_clash(&mut bindings, &id, &previous, true);
        }
        let _ = transfer::export(&bindings, "", HotkeyWords::ENGLISH);
    }

    // ---- Profile, users, names ----

    #[test]
    fn any_phone_is_normalised_or_refused(text in prop_oneof![".{0,40}", "[+0-9 ()./-]{0,30}"]) {
        if let Ok(phone) = profile::normalize_phone(&text) {
            prop_assert!(phone.is_empty() || phone.starts_with('+'), "{}", phone);
            prop_assert_eq!(profile::normalize_phone(&phone), Ok(phone.clone()), "idempotent");
        }
    }

    #[test]
    fn any_profile_draft_validates_or_explains(first in ".{0,300}", last in ".{0,300}", phone in ".{0,40}") {
        let draft = profile::ProfileDraft { first_name: first, last_name: last, phone };
        let _ = profile::validate(&draft);
    }

    #[test]
    fn any_names_give_initials_and_a_display_name(first in ".{0,12}", last in ".{0,12}", email in ".{0,20}") {
        let initials = user::initials(&first, &last, &email);
        prop_assert!(initials.chars().count() <= 2, "{:?}", initials);
        let _ = user::role_name(&first, account_settings::domain::i18n::Catalog::english);
    }

    #[test]
    fn any_user_json_decodes_or_is_refused(value in json()) {
        if let Some(user) = user_from(&value) {
            let _ = user::display_name(&user);
            let _ = user::user_initials(&user);
            let _ = profile::ProfileDraft::from_user(&user);
            let _ = ServerRelease::from_answer(None, &user).hotkeys();
        }
        let _ = serde_json::from_value::<Membership>(value.clone());
        let _ = serde_json::from_value::<Organization>(value.clone());
        let _ = serde_json::from_value::<JwtSettings>(value.clone());
        let _ = serde_json::from_value::<HotkeysPayload>(value.clone());
        let _ = serde_json::from_value::<AccessToken>(value.clone());
        let _ = serde_json::from_value::<profile::PendingDraft>(value.clone());
        let _ = serde_json::from_value::<hotkeys::PendingHotkeys>(value.clone());
        let _ = serde_json::from_value::<avatar::PendingAvatar>(value);
    }

    #[test]
    fn any_text_as_a_server_answer_decodes_or_is_refused(text in ".{0,120}") {
        let _ = serde_json::from_str::<User>(&text);
        let _ = serde_json::from_str::<Membership>(&text);
        let _ = serde_json::from_str::<HotkeysPayload>(&text);
    }

    // ---- Server errors and releases ----

    #[test]
    fn any_error_answer_gives_a_message(status in any::<u16>(), body in prop_oneof![
        ".{0,120}".boxed(),
        json().prop_map(|v| v.to_string()).boxed(),
        "<!DOCTYPE html><html><body>.{0,40}</body></html>".boxed(),
    ]) {
        let error = ApiError::from_response(status, &body);
        prop_assert!(!account_settings::i18n::api_error(&error).is_empty());
        let _ = error.field_messages("phone");
        let _ = error.status();
        let _ = strip_python_list(&body);
    }

    #[test]
    fn any_release_text_is_read_or_ignored(text in prop_oneof![".{0,20}", "[0-9.]{0,12}[a-z0-9]{0,4}"], value in json()) {
        let _ = ReleaseNumber::parse(&text);
        if let Some(user) = user_from(&value) {
            let release = ServerRelease::from_answer(Some(&text), &user);
            let _ = release.label();
            let _ = release.hotkeys();
        }
    }

    // ---- Tokens, times, snippets, addresses ----

    #[test]
    fn any_token_text_gives_claims_or_none(text in prop_oneof![
        ".{0,80}".boxed(),
        ("[A-Za-z0-9_=-]{0,20}", "[A-Za-z0-9_=+/-]{0,60}", "[A-Za-z0-9_-]{0,20}")
            .prop_map(|(a, b, c)| format!("{a}.{b}.{c}")).boxed(),
        (json(), any::<bool>()).prop_map(|(payload, pad)| {
            let encoded = avatar::base64_encode(payload.to_string().as_bytes())
                .replace('+', "-").replace('/', "_");
            let encoded = if pad { encoded } else { encoded.trim_end_matches('=').to_string() };
            format!("eyJhbGciOiJIUzI1NiJ9.{encoded}.sig")
        }).boxed(),
    ]) {
        if let Some(claims) = jwt::claims(&text) {
            for secs in [claims.iat, claims.exp].into_iter().flatten() {
                let _ = time::full_timestamp(secs, 0);
            }
        }
    }

    #[test]
    fn any_timestamp_text_is_read_or_refused(text in prop_oneof![
        ".{0,40}".boxed(),
        "-?[0-9]{1,20}-[0-9]{1,3}-[0-9]{1,3}[T ][0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,3}(\\.[0-9]{0,9})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?".boxed(),
    ]) {
        if let Some(secs) = time::parse_iso8601(&text) {
            let _ = time::full_timestamp(secs, 0);
        }
    }

    #[test]
    fn any_instant_and_offset_render(
        secs in prop_oneof![any::<i64>(), Just(i64::MAX), Just(i64::MIN)],
        offset in prop_oneof![any::<i32>(), Just(i32::MAX), Just(i32::MIN)],
    ) {
        let _ = time::full_timestamp(secs, offset);
    }

    #[test]
    fn any_origin_and_token_make_snippets(origin in ".{0,40}", token in ".{0,60}") {
        for snippet in [
            snippets::pat_curl(&origin, &token),
            snippets::pat_python(&origin, &token),
            snippets::env_lines(&origin, &token),
            snippets::legacy_curl(&origin, &token),
        ] {
            prop_assert!(!snippet.is_empty());
        }
        let quoted = snippets::shell_quote(&token);
        prop_assert!(quoted.starts_with('\'') && quoted.ends_with('\''), "{}", quoted);
        let _ = snippets::python_quote(&token);
    }

    #[test]
    fn any_page_address_gives_a_prefix_that_reads_back(path in prop_oneof![
        ".{0,40}".boxed(),
        "(/[a-z.%-]{0,8}){0,3}/user/account(/[a-z-]{0,12})?/?".boxed(),
    ], other in ".{0,40}") {
        let site = SitePrefix::from_page_path(&path);
        let prefix = site.as_str();
        prop_assert!(prefix.is_empty() || (prefix.starts_with('/') && !prefix.ends_with('/')), "{:?}", prefix);
        let address = site.url("/user/account/hotkeys");
        prop_assert_eq!(site.app_path(&address), "/user/account/hotkeys");
        let _ = site.media(&other);
        let _ = site.login(&other);
        let _ = site.server_url(&other);
        let _ = site.app_path(&other);
    }

    // ---- Avatar: file facts, sniffing, resize plans, stored photos ----

    #[test]
    fn any_bytes_are_sniffed_and_any_file_is_checked(
        head in prop::collection::vec(any::<u8>(), 0..64),
        name in ".{0,40}",
        size in any::<u64>(),
        dimensions in any::<Option<(u32, u32)>>(),
    ) {
        let kind = avatar::sniff(&head);
        let facts = FileFacts { name: name.clone(), size, kind, dimensions };
        let problems = avatar::check(&facts);
        for problem in &problems {
            prop_assert!(!problem.message(english).is_empty());
        }
        let _ = avatar::can_resize(&problems);
        let _ = avatar::has_accepted_extension(&name);
        for kind in [ImageKind::Png, ImageKind::Jpeg, ImageKind::Gif] {
            let upload = avatar::upload_name(&name, kind);
            prop_assert!(avatar::has_accepted_extension(&upload), "{:?}", upload);
        }
        let _ = avatar::format_size(size, english);
    }

    #[test]
    fn any_size_gets_a_resize_plan_that_fits_inside_the_image(
        width in any::<u32>(), height in any::<u32>(), max in any::<u32>(), square in any::<bool>(),
    ) {
        let plan = avatar::resize_plan(width, height, max, square);
        let (x, y, w, h) = plan.source;
        prop_assert!(u64::from(x) + u64::from(w) <= u64::from(width));
        prop_assert!(u64::from(y) + u64::from(h) <= u64::from(height));
        prop_assert!(plan.width >= 1 && plan.height >= 1);
        prop_assert!(plan.width <= max.max(1) && plan.height <= max.max(1));
    }

    #[test]
    fn any_size_gets_resize_attempts(width in 1u32..100_000, height in 1u32..100_000, square in any::<bool>()) {
        for kind in [ImageKind::Png, ImageKind::Jpeg, ImageKind::Gif] {
            let attempts = avatar::resize_attempts(width, height, kind, square);
            prop_assert!(!attempts.is_empty());
            for attempt in attempts {
                prop_assert!(attempt.plan.width <= avatar::MAX_SIDE && attempt.plan.height <= avatar::MAX_SIDE);
            }
        }
    }

    #[test]
    fn base64_round_trips_and_any_text_decodes_or_is_refused(
        bytes in prop::collection::vec(any::<u8>(), 0..200), text in ".{0,80}",
    ) {
        prop_assert_eq!(avatar::base64_decode(&avatar::base64_encode(&bytes)), Some(bytes));
        let _ = avatar::base64_decode(&text);
    }
}
