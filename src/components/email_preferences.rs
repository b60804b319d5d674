use leptos::prelude::*;

use crate::api::types::UserPatch;
use crate::components::hooks::use_save;
use crate::components::status_line::StatusLine;
use crate::context::{use_api, use_current_user};
use crate::domain::i18n::main::MainMsg;
use crate::domain::i18n::sections::SectionsMsg;
use crate::domain::status::Status;
use crate::i18n::{api_error, t, tf};

/// Email Preferences section: one switch for product news, saved as soon as it is flipped.
#[component]
pub fn EmailPreferences() -> impl IntoView {
    let api = use_api();
    let user = use_current_user().0;
    let on = RwSignal::new(user.with_untracked(|u| u.allow_newsletters));
    let status = RwSignal::new(Status::Quiet);

    let save = use_save(
        move |wanted: &bool| {
            let (api, wanted) = (api.clone(), *wanted);
            let id = user.with_untracked(|u| u.id);
            async move {
                let patch = UserPatch {
                    allow_newsletters: Some(wanted),
                    ..Default::default()
                };
                api.update_user(id, &patch)
                    .await
                    .map(|saved| saved.allow_newsletters)
            }
        },
        move |result| match result {
            Ok(stored) => {
                on.set(stored);
                user.update(|u| u.allow_newsletters = stored);
                status.set(Status::Done(t(MainMsg::Saved).into()));
            }
            Err(error) => {
                // Flip back to what the server still has.
                on.set(user.with_untracked(|u| u.allow_newsletters));
                status.set(Status::Failed(tf(
                    SectionsMsg::NotSaved,
                    &[("error", &api_error(&error))],
                )));
            }
        },
    );

    view! {
        <div class="email-preferences">
            <div class="switch-row">
                <input
                    type="checkbox"
                    role="switch"
                    id="allow-newsletters"
                    class="switch"
                    prop:checked=move || on.get()
                    aria-describedby="allow-newsletters-hint"
                    // Not `disabled` while saving: that would drop keyboard focus to the page.
                    aria-busy=move || save.pending().get().to_string()
                    on:change:target=move |ev| {
                        if save.pending().get_untracked() {
                            ev.target().set_checked(on.get_untracked());
                            return;
                        }
                        let wanted = ev.target().checked();
                        on.set(wanted);
                        status.set(Status::Quiet);
                        save.dispatch(wanted);
                    }
                />
                <label for="allow-newsletters" class="switch-row__label">
                    {t(SectionsMsg::NewsSwitch)}
                </label>
            </div>
            <p class="field__hint" id="allow-newsletters-hint">
                {t(SectionsMsg::NewsHint)}
            </p>
            <StatusLine status=Signal::derive(move || {
                if save.pending().get() {
                    Status::Done(t(MainMsg::Saving).into())
                } else {
                    status.get()
                }
            }) />
        </div>
    }
}
