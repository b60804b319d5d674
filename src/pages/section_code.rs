//! Code splitting by section. With the `split-sections` feature (only the release build turns it
//! on: `scripts/lib/trunk-release`) every section but Personal info is linked into its own
//! WebAssembly chunk, which the browser fetches the first time that section is opened: the first page a user
//! lands on downloads only the shell and Personal info. `scripts/lib/wasm-link` splits the
//! module at link time; `scripts/lib/place-wasm-chunks.py` puts the chunks into `dist/`.
//!
//! Without the feature (native and browser tests) the same functions are plain `async fn`s.

use leptos::prelude::*;

use crate::browser::chunk::CodeMissing;
use crate::components::email_preferences::EmailPreferences;
use crate::components::hotkeys::Hotkeys;
use crate::components::legacy_token::LegacyToken;
use crate::components::membership_info::MembershipInfo;
use crate::components::personal_access_token::PersonalAccessToken;
use crate::components::personal_info::PersonalInfo;
use crate::domain::sections::Section;

/// `split_section!(fn_name, preload_name, chunk_name, Component)`: an async fn that builds the
/// component's view, from its own chunk when splitting is on, and an async fn that only fetches
/// that chunk. A failed fetch is an `Err` (never a panic: `fallible`), and is not cached, so
/// calling again retries.
macro_rules! split_section {
    ($name:ident, $preload:ident, $chunk:ident, $component:ident) => {
        #[cfg(feature = "split-sections")]
        #[leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split, preload($preload))]
        fn $name() -> Result<AnyView, CodeMissing> {
            Ok(view! { <$component/> }.into_any())
        }

        #[cfg(not(feature = "split-sections"))]
        async fn $name() -> Result<AnyView, CodeMissing> {
            Ok(view! { <$component/> }.into_any())
        }

        #[cfg(not(feature = "split-sections"))]
        async fn $preload() {}
    };
}

split_section!(
    email_preferences,
    preload_email_preferences,
    section_email,
    EmailPreferences
);
split_section!(
    membership_info,
    preload_membership_info,
    section_membership,
    MembershipInfo
);
split_section!(
    personal_access_token,
    preload_personal_access_token,
    section_pat,
    PersonalAccessToken
);
split_section!(
    legacy_token,
    preload_legacy_token,
    section_legacy,
    LegacyToken
);
split_section!(hotkeys, preload_hotkeys, section_hotkeys, Hotkeys);

/// Starts fetching a section's code without building it: called for the section in the address
/// at startup (in parallel with the first API calls) and when the pointer or focus reaches a
/// sidebar link.
pub fn prefetch(section: Section) {
    // A failure is not the user's business yet: opening the section retries and explains it.
    leptos::task::spawn_local(async move {
        match section {
            Section::PersonalInfo => {}
            Section::EmailPreferences => {
                let _ = preload_email_preferences().await;
            }
            Section::MembershipInfo => {
                let _ = preload_membership_info().await;
            }
            Section::PersonalAccessToken => {
                let _ = preload_personal_access_token().await;
            }
            Section::LegacyToken => {
                let _ = preload_legacy_token().await;
            }
            Section::Hotkeys => {
                let _ = preload_hotkeys().await;
            }
        }
    });
}

/// Builds a section's view, fetching its code first when it lives in a chunk.
pub async fn load(section: Section) -> Result<AnyView, CodeMissing> {
    match section {
        Section::PersonalInfo => Ok(view! { <PersonalInfo /> }.into_any()),
        Section::EmailPreferences => email_preferences().await,
        Section::MembershipInfo => membership_info().await,
        Section::PersonalAccessToken => personal_access_token().await,
        Section::LegacyToken => legacy_token().await,
        Section::Hotkeys => hotkeys().await,
    }
}
