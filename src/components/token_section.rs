use leptos::prelude::*;

use crate::api::types::JwtSettings;
use crate::api::ApiError;
use crate::components::hooks::use_save;
use crate::components::status_line::StatusLine;
use crate::context::{use_api, OrgTokenSwitches};
use crate::domain::i18n::main::MainMsg;
use crate::domain::i18n::sections::SectionsMsg;
use crate::domain::sections::{self, Section, TokenSwitches};
use crate::domain::status::Status;
use crate::i18n::{api_error, t, tf};

/// A token section's body while the organization has its tokens on. While they are off it says
/// so where the user is, and offers to switch them on for the whole organization behind a
/// confirmation (`POST /api/jwt/settings`, as Label Studio's Organization page sends it); when
/// the server answers 403 the offer goes and only an admin is named. Once on, `children`
/// appear without a reload.
#[component]
pub fn TokenSection(
    /// [`Section::PersonalAccessToken`] or [`Section::LegacyToken`].
    section: Section,
    /// The section's own body.
    children: ChildrenFn,
) -> impl IntoView {
    let api = use_api();
    let org = expect_context::<OrgTokenSwitches>();
    let off = Memo::new(move |_| sections::switched_off(section, org.switches.get()));
    let confirming = RwSignal::new(false);
    let forbidden = RwSignal::new(false);
    let message = RwSignal::new(Status::Quiet);
    let panel = NodeRef::<leptos::html::Div>::new();

    let turn_on = use_save(
        move |wanted: &JwtSettings| {
            let (api, wanted) = (api.clone(), *wanted);
            async move { api.update_jwt_settings(&wanted).await }
        },
        move |result| match result {
            Ok(()) => {
                confirming.set(false);
                message.set(Status::Done(t(SectionsMsg::TurnedOn).into()));
                // Read back from the server: the section appears when it says so.
                org.loaded.refetch();
                // The offer is gone: focus stays in the section, where the body now is.
                if let Some(panel) = panel.get_untracked() {
                    let _ = panel.focus();
                }
            }
            Err(ApiError::Forbidden(_)) => {
                confirming.set(false);
                forbidden.set(true);
                message.set(Status::Quiet);
            }
            Err(error) => message.set(Status::Failed(tf(
                SectionsMsg::CouldNotTurnOn,
                &[("error", &api_error(&error))],
            ))),
        },
    );

    let sentence = move || {
        let pat = section == Section::PersonalAccessToken;
        t(match (pat, forbidden.get()) {
            (true, false) => SectionsMsg::PatOff,
            (true, true) => SectionsMsg::PatOffAdmin,
            (false, false) => SectionsMsg::LegacyOffHere,
            (false, true) => SectionsMsg::LegacyOff,
        })
    };

    view! {
        <div class="token-section" node_ref=panel tabindex="-1">
            <Show when=move || off.get() fallback=move || children()>
                <div class="token-off" data-testid="token-off">
                    <p class="section-card__description">{sentence}</p>
                    <Show when=move || !forbidden.get() && !confirming.get()>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                message.set(Status::Quiet);
                                confirming.set(true);
                            }
                        >
                            {t(SectionsMsg::TurnOnEllipsis)}
                        </button>
                    </Show>
                    <Show when=move || confirming.get()>
                        <div class="confirm" role="group" aria-labelledby="turn-on-title">
                            <p id="turn-on-title" class="confirm__text">
                                {t(SectionsMsg::TurnOnQuestion)}
                            </p>
                            <button
                                type="button"
                                class="button button--primary"
                                aria-disabled=move || turn_on.pending().get().to_string()
                                on:click=move |_| {
                                    if let TokenSwitches::Known(now) = org.switches.get_untracked()
                                    {
                                        if !turn_on.pending().get_untracked() {
                                            turn_on.dispatch(sections::with_switch(now, section, true));
                                        }
                                    }
                                }
                            >
                                {move || {
                                    t(
                                        if turn_on.pending().get() {
                                            SectionsMsg::TurningOn
                                        } else {
                                            SectionsMsg::TurnOn
                                        },
                                    )
                                }}
                            </button>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| confirming.set(false)
                            >
                                {t(MainMsg::Cancel)}
                            </button>
                        </div>
                    </Show>
                </div>
            </Show>
            <StatusLine status=message />
        </div>
    }
}
