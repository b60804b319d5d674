//! Code splitting by section. With the `split-sections` feature (only the release build turns it
//! on: `scripts/lib/trunk-release`) every section but Personal info is linked into a
//! WebAssembly chunk, which the browser fetches the first time that section is opened: the first
//! page a user lands on downloads only the shell and Personal info. The release tool
//! (`tools/release`) splits the module at link time and puts the chunks into `dist/`; which
//! chunk a section is in is its row of the sections table (`domain/sections.rs`), what a deep
//! link fetches early is `domain/lazy.rs`.
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
use crate::domain::sections::{sections_table, Section};

/// Builds a section's view; a function of the section's chunk once that is here.
pub type BuildSection = BuildView;

/// The rest of a section's loading, once its code is here.
type LoadSection = Pin<Box<dyn Future<Output = Result<BuildSection, CodeMissing>>>>;

/// Written from the sections table (`domain/sections.rs`): for each section but the first page,
/// a module named after it holding its `split_code!` line, whose value builds the component of
/// the same name; and `prefetch` and `load` over all of them. The release build fails when a
/// chunk named here is not a piece of `domain/lazy.rs`.
macro_rules! lazy_sections {
    (
        $first:ident: $first_slug:literal, main;
        $($section:ident: $slug:literal, $chunk:ident;)*
    ) => {
        $(
            // The split function is named after the section: wasm-split tells split points
            // apart by their names. Its value loads the section's own words first when they
            // live apart from its code (Hotkeys' Chinese), so the section never shows a mix.
            #[allow(non_snake_case)]
            mod $section {
                use super::*;
                split_code!(
                    pub(super) $section,
                    preload,
                    $chunk,
                    LoadSection,
                    Box::pin(async {
                        crate::i18n::load_section_words(Section::$section).await?;
                        let build: BuildSection = || view! { <super::$section /> }.into_any();
                        Ok(build)
                    })
                );
            }
        )*

        /// Starts fetching a section's code without building it: called for the section in the
        /// address at startup (in parallel with the first API calls) and when the pointer or
        /// focus reaches a sidebar link.
        pub fn prefetch(section: Section) {
            // A failure is not the user's business yet: opening the section retries and
            // explains it.
            leptos::task::spawn_local(async move {
                match section {
                    Section::$first => {}
                    $(Section::$section => {
                        let _ = $section::preload().await;
                    })*
                }
            });
        }

        /// The function that builds a section's view, fetching its code (and its words) first
        /// when it lives in a chunk.
        pub async fn load(section: Section) -> Result<BuildSection, CodeMissing> {
            let rest: LoadSection = match section {
                Section::$first => return Ok(|| view! { <$first /> }.into_any()),
                $(Section::$section => $section::$section().await?,)*
            };
            rest.await
        }
    };
}

sections_table!(lazy_sections);
