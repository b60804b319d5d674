use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::hooks::use_save;
use crate::components::loaded::Loaded;
use crate::components::new_token_dialog::NewTokenDialog;
use crate::components::status_line::StatusLine;
use crate::components::timestamp::Timestamp;
use crate::context::{use_api, OrgTokenSwitches};
use crate::domain::jwt;
use crate::domain::sections::TokenSwitches;
use crate::domain::status::Status;

/// Personal Access Token section: the current token (as Label Studio lists it), create (one per
/// user), revoke with a confirmation.
#[component]
pub fn PersonalAccessToken() -> impl IntoView {
    let api = use_api();
    let tokens = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.list_tokens().await }
        }
    });
    let new_token = RwSignal::new(None::<String>);
    let message = RwSignal::new(Status::Quiet);
    let confirm_revoke = RwSignal::new(None::<String>);

    let create = use_save(
        {
            let api = api.clone();
            move |_: &()| {
                let api = api.clone();
                async move { api.create_token().await }
            }
        },
        // The created token is kept only in the dialog (the helper keeps no copy).
        move |result| {
            match result {
                Ok(token) => {
                    message.set(Status::Quiet);
                    new_token.set(Some(token));
                }
                Err(ApiError::Conflict(_)) => message.set(Status::Failed(
                    "You already have a token, and Label Studio allows one per user. Revoke it first."
                        .into(),
                )),
                Err(error) => {
                    return message.set(Status::Failed(format!(
                        "Could not create a token: {}",
                        error.user_message()
                    )))
                }
            }
            tokens.refetch();
        },
    );

    let revoke = use_save(
        move |listed: &String| {
            let (api, listed) = (api.clone(), listed.clone());
            async move { api.revoke_token(&listed).await }
        },
        move |result| {
            let done = match result {
                Ok(()) => "Token revoked. Scripts using it can no longer get access tokens.",
                Err(ApiError::NotFound(_)) => "That token was already revoked.",
                Err(error) => {
                    return message.set(Status::Failed(format!(
                        "Could not revoke: {}",
                        error.user_message()
                    )))
                }
            };
            confirm_revoke.set(None);
            message.set(Status::Done(done.into()));
            tokens.refetch();
        },
    );

    // When the dialog closes, put focus back where it was opened from.
    let create_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |was_open: Option<bool>| {
        let open = new_token.with(Option::is_some);
        if was_open == Some(true) && !open {
            if let Some(button) = create_button.get_untracked() {
                let _ = button.focus();
            }
        }
        open
    });

    let has_token = move || matches!(tokens.get(), Some(Ok(list)) if !list.is_empty());
    let cannot_create = move || has_token() || tokens.get().is_none() || create.pending().get();
    let legacy_off = move || {
        use_context::<OrgTokenSwitches>().is_some_and(
            |s| matches!(s.0.get(), TokenSwitches::Known(k) if !k.legacy_api_tokens_enabled),
        )
    };

    view! {
        <div class="tokens">
            <p class="section-card__description">
                "Use a personal access token for scripts, the Python SDK and integrations. It acts as you."
            </p>
            <Loaded resource=tokens what="your tokens" loading="Loading tokens…" let:list>
                {if list.is_empty() {
                    view! { <p class="tokens__empty">"You have no personal access token."</p> }
                        .into_any()
                } else {
                    list.into_iter()
                        .map(|listed| {
                            let claims = jwt::claims(&listed);
                            let (iat, exp) = claims.map_or((None, None), |c| (c.iat, c.exp));
                            let for_revoke = listed.clone();
                            view! {
                                <div class="token-card" data-testid="pat-row">
                                    <div class="token-card__meta">
                                        <span class="token-card__label">
                                            "Personal access token"
                                        </span>
                                        <span>
                                            "Created "
                                            {iat
                                                .map_or_else(
                                                    || view! { "unknown" }.into_any(),
                                                    |s| view! { <Timestamp epoch=s /> }.into_any(),
                                                )}
                                        </span>
                                        <span>
                                            "Expires "
                                            {exp
                                                .map_or_else(
                                                    || view! { "never" }.into_any(),
                                                    |s| view! { <Timestamp epoch=s /> }.into_any(),
                                                )}
                                        </span>
                                    </div>
                                    <code
                                        class="token-card__value"
                                        title="Label Studio keeps only the first two parts of the token"
                                    >
                                        {listed}
                                    </code>
                                    <button
                                        type="button"
                                        class="button button--danger button--small"
                                        on:click=move |_| {
                                            confirm_revoke.set(Some(for_revoke.clone()))
                                        }
                                    >
                                        "Revoke…"
                                    </button>
                                </div>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </Loaded>
            {move || {
                confirm_revoke
                    .get()
                    .map(|listed| {
                        view! {
                            <div class="confirm" role="group" aria-labelledby="revoke-title">
                                <p id="revoke-title" class="confirm__text">
                                    "Revoke this token? Every script, SDK client and integration using it stops working at once."
                                </p>
                                <button
                                    type="button"
                                    class="button button--danger"
                                    disabled=move || revoke.pending().get()
                                    on:click=move |_| {
                                        revoke.dispatch(listed.clone());
                                    }
                                >
                                    "Revoke token"
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| confirm_revoke.set(None)
                                >
                                    "Cancel"
                                </button>
                            </div>
                        }
                    })
            }}
            <div class="form-actions">
                <button
                    type="button"
                    class="button button--primary"
                    node_ref=create_button
                    aria-describedby="create-token-hint"
                    // aria-disabled, not disabled: the button stays focusable so keyboard and
                    // screen-reader users can reach it and hear why it is unavailable.
                    aria-disabled=move || cannot_create().to_string()
                    on:click=move |_| {
                        if !cannot_create() {
                            create.dispatch(());
                        }
                    }
                >
                    {move || if create.pending().get() { "Creating…" } else { "Create token" }}
                </button>
                <p class="field__hint" id="create-token-hint">
                    {move || {
                        if has_token() {
                            "Label Studio allows one personal access token per user: revoke the current one to create another."
                        } else {
                            "The token is shown once, right after it is created."
                        }
                    }}
                </p>
            </div>
            <StatusLine status=message />
            <Show when=legacy_off>
                <p class="field__hint">
                    "Legacy tokens are off for this organization; an organization admin can enable them."
                </p>
            </Show>
            <Show when=move || new_token.with(Option::is_some)>
                <NewTokenDialog token=new_token />
            </Show>
        </div>
    }
}
