//! Code splitting by section. With the `split-sections` feature (only the release build turns it
//! on: `scripts/lib/trunk-release`) every section but Personal info is linked into its own
//! WebAssembly chunk, which the browser fetches the first time that section is opened: the first page a user
//! lands on downloads only the shell and Personal info. The release tool (`tools/release`) splits
//! the module at link time and puts the chunks into `dist/`; which piece a section is in, and
//! what a deep link fetches early, is `domain/lazy.rs`.
//!
//! Without the feature (native and browser tests) the same functions are plain `async fn`s.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::browser::chunk::BuildView;
use crate::browser::chunk::{split_code, CodeMissing};
use crate::components::email_preferences::EmailPreferences;
use crate::components::hotkeys::Hotkeys;
use crate::components::legacy_token::LegacyToken;
use crate::components::membership_info::MembershipInfo;
use crate::components::personal_access_token::PersonalAccessToken;
use crate::components::personal_info::PersonalInfo;
use crate::components::token_section::TokenSection;
use crate::domain::sections::Section;

/// Builds a section's view; a function of the section's chunk once that is here.
pub type BuildSection = BuildView;

/// The rest of a section's loading, once its code is here.
type LoadSection = Pin<Box<dyn Future<Output = Result<BuildSection, CodeMissing>>>>;

split_code!(
    email_preferences,
    preload_email_preferences,
    sections,
    BuildSection,
    || view! { <EmailPreferences /> }.into_any()
);
split_code!(
    membership_info,
    preload_membership_info,
    sections,
    BuildSection,
    || view! { <MembershipInfo /> }.into_any()
);
split_code!(
    personal_access_token,
    preload_personal_access_token,
    sections,
    BuildSection,
    || view! {
        <TokenSection section=Section::PersonalAccessToken>
            <PersonalAccessToken />
        </TokenSection>
    }
    .into_any()
);
split_code!(
    legacy_token,
    preload_legacy_token,
    sections,
    BuildSection,
    || view! {
        <TokenSection section=Section::LegacyToken>
            <LegacyToken />
        </TokenSection>
    }
    .into_any()
);
// Hotkeys' words live apart from its code (its Chinese has a chunk of its own): the chunk gives
// a future that fetches them for the page's language, so the section never shows a mix.
split_code!(
    hotkeys,
    preload_hotkeys,
    section_hotkeys,
    LoadSection,
    Box::pin(async {
        crate::i18n::load_hotkey_words().await?;
        let build: BuildSection = || view! { <Hotkeys /> }.into_any();
        Ok(build)
    })
);

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

/// The function that builds a section's view, fetching its code first when it lives in a chunk.
pub async fn load(section: Section) -> Result<BuildSection, CodeMissing> {
    match section {
        Section::PersonalInfo => Ok(|| view! { <PersonalInfo /> }.into_any()),
        Section::EmailPreferences => email_preferences().await,
        Section::MembershipInfo => membership_info().await,
        Section::PersonalAccessToken => personal_access_token().await,
        Section::LegacyToken => legacy_token().await,
        Section::Hotkeys => hotkeys().await?.await,
    }
}
