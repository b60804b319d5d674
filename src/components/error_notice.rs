use leptos::prelude::*;

use crate::api::ApiError;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::{api_error, t, tf};

/// A failed load, explained, with a retry.
#[component]
pub fn ErrorNotice(
    /// What was being loaded, e.g. "your membership".
    what: &'static str,
    /// The failure.
    error: ApiError,
    /// Called when the user asks to try again.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert">
            <p class="notice__text">
                {tf(MainMsg::CouldNotLoad, &[("what", what), ("error", &api_error(&error))])}
            </p>
            {on_retry
                .map(|retry| {
                    view! {
                        <button type="button" class="button" on:click=move |_| retry.run(())>
                            {t(MainMsg::TryAgain)}
                        </button>
                    }
                })}
        </div>
    }
}
