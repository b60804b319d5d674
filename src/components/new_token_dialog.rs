use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::copy_button::CopyButton;
use crate::components::status_line::StatusLine;
use crate::context::{use_api, use_site};
use crate::domain::i18n::sections::SectionsMsg;
use crate::domain::snippets;
use crate::domain::status::Status;
use crate::i18n::{api_error, t, tf};

/// The one time a new personal access token is visible: copy it, test it, see how to use it.
/// The token lives only in `token`; closing sets it to `None`, which removes it from the DOM.
#[component]
pub fn NewTokenDialog(
    /// The full token while the dialog is open.
    token: RwSignal<Option<String>>,
) -> impl IntoView {
    let api = use_api();
    let api_for_cancel = api.clone();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let field = NodeRef::<leptos::html::Textarea>::new();
    let secret = Signal::derive(move || token.get().unwrap_or_default());
    let origin = use_site().server_url(&window().location().origin().unwrap_or_default());

    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });

    let test = Action::new_local(move |refresh: &String| {
        let (api, refresh) = (api.clone(), refresh.clone());
        async move {
            let access = api
                .refresh_token(&refresh)
                .await
                .map_err(|e| tf(SectionsMsg::ExchangeFailed, &[("error", &api_error(&e))]))?;
            match api.whoami_with_access_token(&access).await {
                Ok(user) => Ok(user.email),
                Err(ApiError::Unauthorized(_)) => Err(t(SectionsMsg::NotAccepted).to_string()),
                Err(error) => Err(tf(
                    SectionsMsg::CallFailed,
                    &[("error", &api_error(&error))],
                )),
            }
        }
    });
    let close = move || token.set(None);

    let snippet = move |make: fn(&str, &str) -> String| {
        let origin = origin.clone();
        Signal::derive(move || make(&origin, &secret.get()))
    };
    let curl = snippet(snippets::pat_curl);
    let python = snippet(snippets::pat_python);
    let env = snippet(snippets::env_lines);

    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="new-token-title"
            on:close=move |_| close()
        >
            <h2 id="new-token-title" class="dialog__title">
                {t(SectionsMsg::NewTokenTitle)}
            </h2>
            <p class="notice notice--warn">{t(SectionsMsg::CopyItNow)}</p>
            <label class="field__label" for="new-token">
                {t(SectionsMsg::Token)}
            </label>
            <textarea
                id="new-token"
                node_ref=field
                class="token-field"
                readonly
                rows="4"
                prop:value=secret
            ></textarea>
            <div class="dialog__row">
                <CopyButton text=secret fallback=field label=t(SectionsMsg::CopyToken) />
                <button
                    type="button"
                    class="button button--small"
                    disabled=move || test.pending().get()
                    on:click=move |_| {
                        test.dispatch(secret.get_untracked());
                    }
                >
                    {move || {
                        t(
                            if test.pending().get() {
                                SectionsMsg::Testing
                            } else {
                                SectionsMsg::TestToken
                            },
                        )
                    }}
                </button>
                // The page's own waiting bar is inert behind this modal, so stopping lives here.
                <Show when=move || test.pending().get()>
                    <button
                        type="button"
                        class="button button--small"
                        on:click={
                            let api = api_for_cancel.clone();
                            move |_| api.cancel_pending()
                        }
                    >
                        {t(SectionsMsg::StopWaiting)}
                    </button>
                </Show>
                <StatusLine status=Signal::derive(move || match test.value().get() {
                    None => Status::Quiet,
                    Some(Ok(email)) => Status::Done(tf(SectionsMsg::Works, &[("email", &email)])),
                    Some(Err(message)) => Status::Failed(message),
                }) />
            </div>
            <p class="dialog__text">{t(SectionsMsg::RefreshExplained)}</p>
            <Snippet title="curl" id="snippet-curl" text=curl />
            <Snippet title="Python SDK" id="snippet-python" text=python />
            <Snippet title=t(SectionsMsg::EnvironmentVariables) id="snippet-env" text=env />
            <div class="dialog__actions">
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| {
                        if let Some(d) = dialog.get_untracked() {
                            d.close()
                        }
                        close();
                    }
                >
                    {t(SectionsMsg::CopiedClose)}
                </button>
            </div>
        </dialog>
    }
}

/// A titled, copyable code sample.
#[component]
fn Snippet(
    /// Heading above the sample.
    title: &'static str,
    /// Element id of the code block.
    id: &'static str,
    /// The sample.
    text: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="snippet">
            <div class="snippet__head">
                <span class="snippet__title" id=format!("{id}-title")>
                    {title}
                </span>
                <CopyButton text label=t(SectionsMsg::CopyExample) />
            </div>
            <pre class="snippet__code" id=id aria-labelledby=format!("{id}-title")>
                <code>{move || text.get()}</code>
            </pre>
        </div>
    }
}
