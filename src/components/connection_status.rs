use leptos::prelude::*;

use crate::browser::location;
use crate::components::hooks::slow_after_a_while;
use crate::context::{use_api, use_connection, use_site};
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// One bar for every request: when any request has taken longer than
/// [`SLOW_AFTER`](crate::components::hooks::SLOW_AFTER), says the
/// page is still waiting and offers Cancel, which ends every request in flight. Each section then
/// shows its own "not saved" or "could not load" with its draft kept.
#[component]
pub fn StillWaiting() -> impl IntoView {
    let api = use_api();
    let connection = use_connection();
    let slow = slow_after_a_while(Signal::derive(move || connection.in_flight.get() > 0));

    view! {
        // The live region exists before its text does, so screen readers announce the change.
        <div class="connection" role="status" aria-live="polite">
            {move || {
                slow.get()
                    .then(|| {
                        view! {
                            <div class="connection__bar" data-testid="still-waiting">
                                <span class="connection__text">{t(MainMsg::StillWaiting)}</span>
                                <button
                                    type="button"
                                    class="button button--small"
                                    on:click={
                                        let api = api.clone();
                                        move |_| api.cancel_pending()
                                    }
                                >
                                    {t(MainMsg::Cancel)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// Shown in the signed-in layout once a request found the session gone (401): a sign-in link
/// that comes back to this section. Sections keep their unsaved edits for the round trip; the
/// bar goes away by itself if a later request succeeds.
#[component]
pub fn SessionEnded() -> impl IntoView {
    let session_ended = use_connection().session_ended;
    let site = use_site();
    let sign_in_href = move || site.login(&location::pathname());
    view! {
        <div class="connection" role="alert">
            {move || {
                session_ended
                    .get()
                    .then(|| {
                        view! {
                            <div
                                class="connection__bar connection__bar--alert"
                                data-testid="session-ended"
                            >
                                <span class="connection__text">{t(MainMsg::SessionEndedBar)}</span>
                                // rel=external: Label Studio's login form, then back to this section.
                                <a
                                    class="button button--small button--primary"
                                    rel="external"
                                    href=sign_in_href
                                >
                                    {t(MainMsg::SignInAgain)}
                                </a>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
