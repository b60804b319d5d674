use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::copy_button::CopyButton;
use crate::components::status_line::StatusLine;
use crate::context::{use_api, use_site};
use crate::domain::snippets;
use crate::domain::status::Status;

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
                .map_err(|e| format!("Exchanging the token failed: {}", e.user_message()))?;
            match api.whoami_with_access_token(&access).await {
                Ok(user) => Ok(user.email),
                Err(ApiError::Unauthorized(_)) => Err("The token was exchanged, but Label Studio did not accept the access token. \
                    Personal access tokens may be disabled for this organization (Organization → Settings → Access Token Settings)."
                    .to_string()),
                Err(error) => Err(format!("Calling the API with the token failed: {}", error.user_message())),
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
                "Your new personal access token"
            </h2>
            <p class="notice notice--warn">
                "Copy it now: it will not be shown again. Anyone with this token can act as you, so keep it secret."
            </p>
            <label class="field__label" for="new-token">
                "Token"
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
                <CopyButton text=secret fallback=field label="Copy token" />
                <button
                    type="button"
                    class="button button--small"
                    disabled=move || test.pending().get()
                    on:click=move |_| {
                        test.dispatch(secret.get_untracked());
                    }
                >
                    {move || if test.pending().get() { "Testing…" } else { "Test token" }}
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
                        "Stop waiting"
                    </button>
                </Show>
                <StatusLine status=Signal::derive(move || match test.value().get() {
                    None => Status::Quiet,
                    Some(Ok(email)) => Status::Done(format!("Works: authenticated as {email}.")),
                    Some(Err(message)) => Status::Failed(message),
                }) />
            </div>
            <p class="dialog__text">
                "This is a refresh token: exchange it at /api/token/refresh/ for an access token that lasts 5 minutes, \
                 and send that as \"Authorization: Bearer …\". The Python SDK does this for you."
            </p>
            <Snippet title="curl" id="snippet-curl" text=curl />
            <Snippet title="Python SDK" id="snippet-python" text=python />
            <Snippet title="Environment variables" id="snippet-env" text=env />
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
                    "I have copied it — close"
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
                <CopyButton text label="Copy example" />
            </div>
            <pre class="snippet__code" id=id aria-labelledby=format!("{id}-title")>
                <code>{move || text.get()}</code>
            </pre>
        </div>
    }
}
