use leptos::prelude::*;

use crate::components::copy_button::CopyButton;
use crate::components::hooks::use_save;
use crate::components::loaded::Loaded;
use crate::components::status_line::StatusLine;
use crate::components::token_section::TokenSection;
use crate::context::{use_api, use_site};
use crate::domain::i18n::main::MainMsg;
use crate::domain::i18n::sections::SectionsMsg;
use crate::domain::sections::Section;
use crate::domain::snippets;
use crate::domain::status::Status;
use crate::i18n::{api_error, t, tf};

/// What must be typed to renew: renewing breaks every script at once, so it is deliberate.
const RENEW_WORD: &str = "RENEW";

/// Legacy Token section: masked token with Show/Copy, a curl example, and Renew behind a typed
/// confirmation.
/// While the organization has legacy tokens off, [`TokenSection`] says so instead and
/// offers to switch them on; nothing is asked of the server until they are on.
#[component]
pub fn LegacyToken() -> impl IntoView {
    view! {
        <TokenSection section=Section::LegacyToken>
            <Legacy />
        </TokenSection>
    }
}

/// The section while legacy tokens are on.
#[component]
fn Legacy() -> impl IntoView {
    let api = use_api();
    let loaded = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.legacy_token().await }
        }
    });
    let token = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(value)) = loaded.get() {
            token.set(Some(value));
        }
    });
    let shown = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let message = RwSignal::new(Status::Quiet);
    let origin = use_site().server_url(&window().location().origin().unwrap_or_default());

    let renew = use_save(
        move |_: &()| {
            let api = api.clone();
            async move { api.reset_legacy_token().await }
        },
        move |result| match result {
            Ok(fresh) => {
                token.set(Some(fresh));
                // Show the new token: the user is about to paste it into their scripts.
                shown.set(true);
                confirming.set(false);
                typed.set(String::new());
                message.set(Status::Done(t(SectionsMsg::Renewed).into()));
            }
            Err(error) => message.set(Status::Failed(tf(
                SectionsMsg::CouldNotRenew,
                &[("error", &api_error(&error))],
            ))),
        },
    );

    let secret = Signal::derive(move || token.get().unwrap_or_default());
    let display = move |value: String| {
        if shown.get() {
            value
        } else {
            "•".repeat(value.chars().count())
        }
    };
    let curl = {
        let origin = origin.clone();
        Signal::derive(move || snippets::legacy_curl(&origin, &secret.get()))
    };
    let curl_display = move || {
        let masked = display(secret.get());
        snippets::legacy_curl(&origin, &masked)
    };

    view! {
        <div class="legacy-token">
            <p class="section-card__description">{t(SectionsMsg::LegacyIntro)}</p>
            <Loaded resource=loaded what=t(SectionsMsg::YourLegacyToken) let:_token>
                <div class="field">
                    <span class="field__label" id="legacy-token-label">
                        {t(SectionsMsg::Token)}
                    </span>
                    <div class="legacy-token__row">
                        <code
                            class="token-card__value"
                            aria-labelledby="legacy-token-label"
                            data-testid="legacy-token-value"
                        >
                            {move || display(secret.get())}
                        </code>
                        <button
                            type="button"
                            class="button button--small"
                            aria-pressed=move || shown.get().to_string()
                            on:click=move |_| shown.update(|s| *s = !*s)
                        >
                            {move || t(
                                if shown.get() { SectionsMsg::Hide } else { SectionsMsg::Show },
                            )}
                        </button>
                        <CopyButton text=secret label=t(SectionsMsg::CopyToken) />
                    </div>
                </div>
                <div class="snippet">
                    <div class="snippet__head">
                        <span class="snippet__title" id="legacy-curl-title">
                            {t(SectionsMsg::ExampleRequest)}
                        </span>
                        <CopyButton text=curl label=t(SectionsMsg::CopyExample) />
                    </div>
                    <pre class="snippet__code" aria-labelledby="legacy-curl-title">
                        <code>{curl_display.clone()}</code>
                    </pre>
                </div>
            </Loaded>
            {move || {
                if confirming.get() {
                    view! {
                        <div
                            class="confirm confirm--danger"
                            role="group"
                            aria-labelledby="renew-title"
                        >
                            <p id="renew-title" class="confirm__text">
                                {t(SectionsMsg::RenewWarning)}
                            </p>
                            <label class="field__label" for="renew-confirm">
                                {tf(SectionsMsg::TypeToConfirm, &[("word", RENEW_WORD)])}
                            </label>
                            <input
                                id="renew-confirm"
                                class="field__input"
                                autocomplete="off"
                                prop:value=move || typed.get()
                                on:input:target=move |ev| typed.set(ev.target().value())
                            />
                            <div class="dialog__row">
                                <button
                                    type="button"
                                    class="button button--danger"
                                    disabled=move || {
                                        typed.get().trim() != RENEW_WORD || renew.pending().get()
                                    }
                                    on:click=move |_| {
                                        renew.dispatch(());
                                    }
                                >
                                    {move || {
                                        t(
                                            if renew.pending().get() {
                                                SectionsMsg::Renewing
                                            } else {
                                                SectionsMsg::RenewToken
                                            },
                                        )
                                    }}
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| {
                                        confirming.set(false);
                                        typed.set(String::new());
                                    }
                                >
                                    {t(MainMsg::Cancel)}
                                </button>
                            </div>
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="button button--danger"
                            disabled=move || token.with(Option::is_none)
                            on:click=move |_| {
                                message.set(Status::Quiet);
                                confirming.set(true);
                            }
                        >
                            {t(SectionsMsg::RenewEllipsis)}
                        </button>
                    }
                        .into_any()
                }
            }}
            <StatusLine status=message />
        </div>
    }
}
