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

/// Every section but Personal info (in the main module), each with its `split_code!` line: the
/// function that fetches its code, the one that only starts the fetch, its split module (as
/// `domain/lazy.rs` names it), what the chunk gives (the builder, or a future that finishes
/// loading first) and that value. `prefetch`, `load` and `split_module` follow from this list,
/// and a `Section` left out of it does not compile.
macro_rules! lazy_sections {
    (@built BuildSection, $load:ident) => {
        $load().await
    };
    (@built LoadSection, $load:ident) => {
        $load().await?.await
    };
    ($($section:ident: $load:ident, $preload:ident, $module:ident, $ty:ident, $value:expr;)*) => {
        $(split_code!($load, $preload, $module, $ty, $value);)*

        /// Starts fetching a section's code without building it: called for the section in the
        /// address at startup (in parallel with the first API calls) and when the pointer or
        /// focus reaches a sidebar link.
        pub fn prefetch(section: Section) {
            // A failure is not the user's business yet: opening the section retries and
            // explains it.
            leptos::task::spawn_local(async move {
                match section {
                    Section::PersonalInfo => {}
                    $(Section::$section => {
                        let _ = $preload().await;
                    })*
                }
            });
        }

        /// The function that builds a section's view, fetching its code first when it lives in
        /// a chunk.
        pub async fn load(section: Section) -> Result<BuildSection, CodeMissing> {
            match section {
                Section::PersonalInfo => Ok(|| view! { <PersonalInfo /> }.into_any()),
                $(Section::$section => lazy_sections!(@built $ty, $load),)*
            }
        }

        /// The split module a section's code is linked into (`None`: the main module).
        #[cfg(test)]
        fn split_module(section: Section) -> Option<&'static str> {
            match section {
                Section::PersonalInfo => None,
                $(Section::$section => Some(stringify!($module)),)*
            }
        }
    };
}

lazy_sections! {
    EmailPreferences: email_preferences, preload_email_preferences, sections, BuildSection,
        || view! { <EmailPreferences /> }.into_any();
    MembershipInfo: membership_info, preload_membership_info, sections, BuildSection,
        || view! { <MembershipInfo /> }.into_any();
    PersonalAccessToken: personal_access_token, preload_personal_access_token, sections,
        BuildSection,
        || view! {
            <TokenSection section=Section::PersonalAccessToken>
                <PersonalAccessToken />
            </TokenSection>
        }
        .into_any();
    LegacyToken: legacy_token, preload_legacy_token, sections, BuildSection,
        || view! {
            <TokenSection section=Section::LegacyToken>
                <LegacyToken />
            </TokenSection>
        }
        .into_any();
    // Hotkeys' words live apart from its code (its Chinese has a chunk of its own): the chunk
    // gives a future that fetches them for the page's language, so the section never shows a
    // mix.
    Hotkeys: hotkeys, preload_hotkeys, section_hotkeys, LoadSection,
        Box::pin(async {
            crate::i18n::load_hotkey_words().await?;
            let build: BuildSection = || view! { <Hotkeys /> }.into_any();
            Ok(build)
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lazy::Piece;

    #[test]
    fn each_sections_code_is_in_the_split_module_the_lazy_table_names() {
        for section in Section::ALL {
            assert_eq!(
                split_module(section),
                Piece::of_section(section).map(Piece::module),
                "{section:?}"
            );
        }
    }
}
