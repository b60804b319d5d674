use leptos::prelude::*;

use crate::api::{ApiError, ReplaceFailed};
use crate::components::hooks::use_save;
use crate::components::loaded::Loaded;
use crate::components::new_token_dialog::NewTokenDialog;
use crate::components::status_line::StatusLine;
use crate::components::timestamp::Timestamp;
use crate::components::token_section::TokenSection;
use crate::context::use_api;
use crate::domain::i18n::main::MainMsg;
use crate::domain::i18n::sections::SectionsMsg;
use crate::domain::jwt::{self, Lifetime};
use crate::domain::sections::Section;
use crate::domain::status::Status;
use crate::i18n::{api_error, t, tf};

/// Personal Access Token section: the current token (as Label Studio lists it) with its dates,
/// create (one per user), revoke, and replace (revoke, then create, in one confirmation).
/// While the organization has personal access tokens off, [`TokenSection`] says so instead and
/// offers to switch them on; nothing is asked of the server until they are on.
#[component]
pub fn PersonalAccessToken() -> impl IntoView {
    view! {
        <TokenSection section=Section::PersonalAccessToken>
            <Tokens />
        </TokenSection>
    }
}

/// The section while personal access tokens are on.
#[component]
fn Tokens() -> impl IntoView {
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
    let confirm_replace = RwSignal::new(None::<String>);
    let create_button = NodeRef::<leptos::html::Button>::new();

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
                Err(ApiError::Conflict(_)) => {
                    message.set(Status::Failed(t(SectionsMsg::AlreadyHaveToken).into()))
                }
                Err(error) => {
                    return message.set(Status::Failed(tf(
                        SectionsMsg::CouldNotCreate,
                        &[("error", &api_error(&error))],
                    )))
                }
            }
            tokens.refetch();
        },
    );

    let revoke = use_save(
        {
            let api = api.clone();
            move |listed: &String| {
                let (api, listed) = (api.clone(), listed.clone());
                async move { api.revoke_token(&listed).await }
            }
        },
        move |result| {
            let done = match result {
                Ok(()) => SectionsMsg::Revoked,
                Err(ApiError::NotFound(_)) => SectionsMsg::AlreadyRevoked,
                Err(error) => {
                    return message.set(Status::Failed(tf(
                        SectionsMsg::CouldNotRevoke,
                        &[("error", &api_error(&error))],
                    )))
                }
            };
            confirm_revoke.set(None);
            message.set(Status::Done(t(done).into()));
            tokens.refetch();
        },
    );

    let replace = use_save(
        move |listed: &String| {
            let (api, listed) = (api.clone(), listed.clone());
            async move { api.replace_token(&listed).await }
        },
        move |result| {
            confirm_replace.set(None);
            match result {
                Ok(token) => {
                    message.set(Status::Done(t(SectionsMsg::Replaced).into()));
                    new_token.set(Some(token));
                }
                Err(ReplaceFailed {
                    revoked: false,
                    error,
                }) => {
                    return message.set(Status::Failed(tf(
                        SectionsMsg::NotReplaced,
                        &[("error", &api_error(&error))],
                    )))
                }
                // Half done: said exactly, and Create is where focus goes; nothing retries.
                Err(ReplaceFailed {
                    revoked: true,
                    error,
                }) => {
                    message.set(Status::Failed(tf(
                        SectionsMsg::RevokedNotCreated,
                        &[("error", &api_error(&error))],
                    )));
                    if let Some(button) = create_button.get_untracked() {
                        let _ = button.focus();
                    }
                }
            }
            tokens.refetch();
        },
    );

    // When the dialog closes, put focus back where it was opened from.
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
    view! {
        <div class="tokens">
            <p class="section-card__description">{t(SectionsMsg::PatIntro)}</p>
            <Loaded
                resource=tokens
                what=t(SectionsMsg::YourTokens)
                loading=t(SectionsMsg::LoadingTokens)
                let:list
            >
                {if list.is_empty() {
                    view! { <p class="tokens__empty">{t(SectionsMsg::NoPat)}</p> }.into_any()
                } else {
                    list.into_iter()
                        .map(|listed| {
                            let claims = jwt::claims(&listed);
                            let (iat, exp) = claims.map_or((None, None), |c| (c.iat, c.exp));
                            let (for_revoke, for_replace) = (listed.clone(), listed.clone());
                            view! {
                                <div class="token-card" data-testid="pat-row">
                                    <div class="token-card__meta">
                                        <span class="token-card__label">
                                            {t(SectionsMsg::PatLabel)}
                                        </span>
                                        <span>
                                            {t(SectionsMsg::CreatedOn)}
                                            {iat
                                                .map_or_else(
                                                    || view! { {t(SectionsMsg::Unknown)} }.into_any(),
                                                    |s| view! { <Timestamp epoch=s /> }.into_any(),
                                                )}
                                        </span>
                                        <span>
                                            {match jwt::lifetime(exp, iat) {
                                                Lifetime::Until(s) => {
                                                    view! {
                                                        {t(SectionsMsg::Expires)}
                                                        <Timestamp epoch=s />
                                                    }
                                                        .into_any()
                                                }
                                                Lifetime::Unlimited => {
                                                    view! { {t(SectionsMsg::DoesNotExpire)} }.into_any()
                                                }
                                            }}
                                        </span>
                                    </div>
                                    <code
                                        class="token-card__value"
                                        title=t(SectionsMsg::PrefixTitle)
                                    >
                                        {listed}
                                    </code>
                                    <div class="token-card__actions">
                                        <button
                                            type="button"
                                            class="button button--danger button--small"
                                            on:click=move |_| {
                                                confirm_replace.set(None);
                                                confirm_revoke.set(Some(for_revoke.clone()))
                                            }
                                        >
                                            {t(SectionsMsg::RevokeEllipsis)}
                                        </button>
                                        <button
                                            type="button"
                                            class="button button--small"
                                            on:click=move |_| {
                                                confirm_revoke.set(None);
                                                confirm_replace.set(Some(for_replace.clone()))
                                            }
                                        >
                                            {t(SectionsMsg::ReplaceEllipsis)}
                                        </button>
                                    </div>
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
                                    {t(SectionsMsg::RevokeQuestion)}
                                </p>
                                <button
                                    type="button"
                                    class="button button--danger"
                                    disabled=move || revoke.pending().get()
                                    on:click=move |_| {
                                        revoke.dispatch(listed.clone());
                                    }
                                >
                                    {t(SectionsMsg::RevokeToken)}
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| confirm_revoke.set(None)
                                >
                                    {t(MainMsg::Cancel)}
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                confirm_replace
                    .get()
                    .map(|listed| {
                        view! {
                            <div class="confirm" role="group" aria-labelledby="replace-title">
                                <p id="replace-title" class="confirm__text">
                                    {t(SectionsMsg::ReplaceQuestion)}
                                </p>
                                <button
                                    type="button"
                                    class="button button--danger"
                                    aria-disabled=move || replace.pending().get().to_string()
                                    on:click=move |_| {
                                        if !replace.pending().get_untracked() {
                                            replace.dispatch(listed.clone());
                                        }
                                    }
                                >
                                    {move || {
                                        t(
                                            if replace.pending().get() {
                                                SectionsMsg::Replacing
                                            } else {
                                                SectionsMsg::ReplaceToken
                                            },
                                        )
                                    }}
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| confirm_replace.set(None)
                                >
                                    {t(MainMsg::Cancel)}
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
                    {move || {
                        t(
                            if create.pending().get() {
                                SectionsMsg::Creating
                            } else {
                                SectionsMsg::CreateToken
                            },
                        )
                    }}
                </button>
                <p class="field__hint" id="create-token-hint">
                    {move || {
                        t(
                            if has_token() {
                                SectionsMsg::OnePerUser
                            } else {
                                SectionsMsg::ShownOnce
                            },
                        )
                    }}
                </p>
            </div>
            <StatusLine status=message />
            <Show when=move || new_token.with(Option::is_some)>
                <NewTokenDialog token=new_token />
            </Show>
        </div>
    }
}
