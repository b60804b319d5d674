use std::time::Duration;

use leptos::prelude::*;

use crate::api::paths;
use crate::context::{use_api, use_connection};

/// How long a request may take before the page says it is still waiting and offers Cancel.
pub(crate) const SLOW_AFTER: Duration = Duration::from_millis(1500);

/// One bar for every request: when any request has taken longer than [`SLOW_AFTER`], says the
/// page is still waiting and offers Cancel, which ends every request in flight. Each section then
/// shows its own "not saved" or "could not load" with its draft kept.
#[component]
pub fn StillWaiting() -> impl IntoView {
    let api = use_api();
    let connection = use_connection();
    let slow = RwSignal::new(false);
    // Bumped whenever the line goes idle, so a timer from an earlier wait does nothing.
    let generation = StoredValue::new(0u64);

    Effect::new(move |_| {
        if connection.in_flight.get() == 0 {
            generation.update_value(|g| *g += 1);
            slow.set(false);
        } else if !slow.get_untracked() {
            let started = generation.get_value();
            set_timeout(
                move || {
                    if generation.try_get_value() == Some(started) {
                        slow.try_set(true);
                    }
                },
                SLOW_AFTER,
            );
        }
    });

    view! {
        // The live region exists before its text does, so screen readers announce the change.
        <div class="connection" role="status" aria-live="polite">
            <Show when=move || slow.get()>
                <div class="connection__bar" data-testid="still-waiting">
                    <span class="connection__text">"Still waiting for Label Studio…"</span>
                    <button type="button" class="button button--small"
                        on:click={
                            let api = api.clone();
                            move |_| api.cancel_pending()
                        }>
                        "Cancel"
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// Shown in the signed-in layout once a request found the session gone (401): a sign-in link
/// that comes back to this section. Sections keep their unsaved edits for the round trip; the
/// bar goes away by itself if a later request succeeds.
#[component]
pub fn SessionEnded() -> impl IntoView {
    let session_ended = use_connection().session_ended;
    let sign_in_href = move || paths::login(&window().location().pathname().unwrap_or_default());
    view! {
        <div class="connection" role="alert">
            <Show when=move || session_ended.get()>
                <div class="connection__bar connection__bar--alert" data-testid="session-ended">
                    <span class="connection__text">
                        "Your Label Studio session has ended. Changes you have not saved are kept in this tab while you sign in again."
                    </span>
                    // rel=external: Label Studio's login form, then back to this section.
                    <a class="button button--small button--primary" rel="external" href=sign_in_href>
                        "Sign in again"
                    </a>
                </div>
            </Show>
        </div>
    }
}
