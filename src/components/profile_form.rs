use leptos::prelude::*;

use crate::api::types::UserPatch;
use crate::api::ApiError;
use crate::browser::draft_store;
use crate::components::hooks::{guard_draft, use_save};
use crate::components::status_line::StatusLine;
use crate::components::text_field::TextField;
use crate::context::{use_api, use_current_user};
use crate::domain::i18n::main::MainMsg;
use crate::domain::profile::{self, PendingDraft, ProfileDraft, ProfileField, PENDING_DRAFT_KEY};
use crate::domain::status::Status;
use crate::i18n::{api_error, problem, t, tf};

/// First name, last name and phone, checked in the browser and saved with one PATCH.
/// Email is shown read-only. Edits survive server errors.
#[component]
pub fn ProfileForm() -> impl IntoView {
    let api = use_api();
    let user = use_current_user().0;
    // Edits kept while the user signed in again (after a 401 on Save) come back first.
    let restored =
        user.with_untracked(|u| profile::restorable(draft_store::take(PENDING_DRAFT_KEY), u));
    let start = restored
        .clone()
        .unwrap_or_else(|| user.with_untracked(ProfileDraft::from_user));
    let first_name = RwSignal::new(start.first_name);
    let last_name = RwSignal::new(start.last_name);
    let phone = RwSignal::new(start.phone);
    let draft = Memo::new(move |_| ProfileDraft {
        first_name: first_name.get(),
        last_name: last_name.get(),
        phone: phone.get(),
    });
    let dirty = Memo::new(move |_| user.with(|u| draft.with(|d| profile::is_dirty(d, u))));
    let checked = Memo::new(move |_| draft.with(profile::validate));

    // Errors show once a field was left or a save was attempted.
    let submitted = RwSignal::new(false);
    let server_error = RwSignal::new(None::<ApiError>);
    let status = RwSignal::new(restored.map_or(Status::Quiet, |_| {
        Status::Done(t(MainMsg::RestoredEdits).into())
    }));

    // A field's message (the browser's check once shown, else the server's) and its blur.
    let field = move |field: ProfileField| {
        let touched = RwSignal::new(false);
        let error = Signal::derive(move || {
            let shown = submitted.get() || touched.get();
            let client = checked.with(|c| {
                c.as_ref()
                    .err()
                    .and_then(|e| e.get(field).map(|p| problem(field, p)))
            });
            client.filter(|_| shown).or_else(|| {
                server_error.with(|e| {
                    e.as_ref()
                        .and_then(|e| e.field_messages(field.server_name()))
                })
            })
        });
        (error, Callback::new(move |_| touched.set(true)))
    };
    let (first_name_error, first_name_left) = field(ProfileField::FirstName);
    let (last_name_error, last_name_left) = field(ProfileField::LastName);
    let (phone_error, phone_left) = field(ProfileField::Phone);

    let save = use_save(
        move |patch: &UserPatch| {
            let (api, patch) = (api.clone(), patch.clone());
            let id = user.with_untracked(|u| u.id);
            async move { api.update_user(id, &patch).await }
        },
        move |result| match result {
            Ok(saved) => {
                // The PATCH answer lacks `permissions`; keep the rest of what we know.
                user.update(|u| {
                    u.first_name = saved.first_name.clone();
                    u.last_name = saved.last_name.clone();
                    u.phone = saved.phone.clone();
                });
                first_name.set(saved.first_name);
                last_name.set(saved.last_name);
                phone.set(saved.phone);
                server_error.set(None);
                submitted.set(false);
                status.set(Status::Done(t(MainMsg::Saved).into()));
            }
            Err(error) => {
                status.set(Status::Failed(tf(
                    MainMsg::NotSavedKept,
                    &[("error", &api_error(&error))],
                )));
                server_error.set(Some(error));
            }
        },
    );

    // Edits kept for the sign-in round trip come back above.
    guard_draft(PENDING_DRAFT_KEY, dirty.into(), move || PendingDraft {
        user_id: user.with_untracked(|u| u.id),
        draft: draft.get(),
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !dirty.get_untracked() || save.pending().get_untracked() {
            return;
        }
        submitted.set(true);
        status.set(Status::Quiet);
        match checked.get_untracked() {
            Ok(patch) => {
                server_error.set(None);
                save.dispatch(patch);
            }
            Err(_) => status.set(Status::Failed(t(MainMsg::FixMarkedFields).into())),
        }
    };

    view! {
        <form class="profile-form" on:submit=on_submit novalidate>
            <div class="profile-form__row">
                <TextField
                    id="first-name"
                    label=t(MainMsg::FirstName)
                    value=first_name
                    error=first_name_error
                    on_blur=first_name_left
                    autocomplete="given-name"
                />
                <TextField
                    id="last-name"
                    label=t(MainMsg::LastName)
                    value=last_name
                    error=last_name_error
                    on_blur=last_name_left
                    autocomplete="family-name"
                />
            </div>
            <TextField
                id="phone"
                label=t(MainMsg::Phone)
                value=phone
                input_type="tel"
                autocomplete="tel"
                error=phone_error
                on_blur=phone_left
                hint=t(MainMsg::PhoneHint)
            />
            <div class="field">
                <label class="field__label" for="email">
                    {t(MainMsg::Email)}
                </label>
                <input
                    class="field__input"
                    id="email"
                    type="email"
                    readonly
                    prop:value=move || user.with(|u| u.email.clone())
                    aria-describedby="email-hint"
                />
                <p class="field__hint" id="email-hint">
                    {t(MainMsg::EmailHint)}
                </p>
            </div>
            <div class="form-actions">
                // aria-disabled, not disabled: a disabled button drops keyboard focus to the page
                // the moment Save is pressed.
                <button
                    type="submit"
                    class="button button--primary"
                    aria-disabled=move || (!dirty.get() || save.pending().get()).to_string()
                >
                    {move || t(if save.pending().get() { MainMsg::Saving } else { MainMsg::Save })}
                </button>
                <StatusLine status=status />
            </div>
        </form>
    }
}
