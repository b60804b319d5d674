use leptos::prelude::*;

use crate::api::{ApiError, HotkeysAnswer};
use crate::components::hotkey_editor::HotkeyEditor;
use crate::components::loaded::Loaded;
use crate::context::{use_api, use_current_user, use_release, HotkeysHeadStart};
use crate::domain::hotkeys::editing::profile_copy_notice;
use crate::domain::hotkeys::from_profile;
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::domain::i18n::main::MainMsg;
use crate::domain::release::Availability;
use crate::i18n::{api_error, hotkey_words, missing, t, tf};

/// Hotkeys section. Only on a server that has per-user hotkeys (Label Studio 1.21+): elsewhere
/// it says why, and sends nothing.
#[component]
pub fn Hotkeys() -> impl IntoView {
    let release = use_release();
    // A memo, so that the release arriving mounts the editor once and never again.
    let availability = Memo::new(move |_| release.read().hotkeys());
    move || match availability.get() {
        Availability::Available => view! { <StoredHotkeys /> }.into_any(),
        Availability::Pending => view! {
            <p class="page-status" role="status">
                {t(HotkeysMsg::LoadingHotkeys)}
            </p>
        }
        .into_any(),
        Availability::Unavailable(why) => view! {
            <div class="notice" data-testid="section-unavailable">
                <p class="notice__text">
                    {tf(
                        HotkeysMsg::NotOnServer,
                        &[("section", t(MainMsg::Hotkeys)), ("why", &missing(&why))],
                    )}
                </p>
            </div>
        }
        .into_any(),
    }
}

/// Loads the stored overrides, then hands them to the editor. When they cannot be loaded,
/// falls back like Label Studio to the copy in the profile, and says so.
#[component]
fn StoredHotkeys() -> impl IntoView {
    let api = use_api();
    let user = use_current_user().0;
    let head_start = use_context::<HotkeysHeadStart>();
    let loaded = LocalResource::new(move || {
        let api = api.clone();
        let copy = user.with_untracked(|u| from_profile(u.custom_hotkeys.as_ref()));
        // The first load takes the request the layout started, when there is one.
        let early = head_start.and_then(HotkeysHeadStart::take);
        async move {
            let answer = match early {
                Some(early) => match early.await {
                    Ok(answer) => answer.and_then(HotkeysAnswer::decode),
                    Err(_) => api.hotkeys().await,
                },
                None => api.hotkeys().await,
            };
            match (answer, copy) {
                (Ok(stored), _) => Ok((stored, None)),
                (Err(error), Some(copy)) => Ok((copy, Some(error))),
                (Err(error), None) => Err(error),
            }
        }
    });
    view! {
        <Loaded
            resource=loaded
            what=t(HotkeysMsg::YourHotkeys)
            loading=t(HotkeysMsg::LoadingHotkeys)
            let:((stored, failed))
        >
            {failed.map(|error: ApiError| view! {
                <div class="notice notice--warn" role="alert">
                    <p class="notice__text">{profile_copy_notice(&api_error(&error), hotkey_words().t)}</p>
                    <button type="button" class="button button--small" on:click=move |_| loaded.refetch()>{t(MainMsg::TryAgain)}</button>
                </div>
            })}
            <HotkeyEditor stored/>
        </Loaded>
    }
}
