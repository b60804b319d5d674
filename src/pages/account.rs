//! The account page: loads who is signed in and the organization's token switches, then lays
//! out header, sidebar and the current section. Each section loads its own data.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::api::types::User;
use crate::api::ApiError;
use crate::browser::leave_guard::CurrentPath;
use crate::components::account_header::AccountHeader;
use crate::components::connection_status::SessionEnded;
use crate::components::error_notice::ErrorNotice;
use crate::components::lazy_code::{LazyCode, LazyView};
use crate::components::section_nav::SectionNav;
use crate::components::signed_out::SignedOutPanel;
use crate::context::{use_api, CurrentUser, HotkeysHeadStart, OrgTokenSwitches, Release};
use crate::domain::i18n::main::MainMsg;
use crate::domain::release::ServerRelease;
use crate::domain::sections::{self, Section, TokenSwitches};
use crate::i18n::{api_error, t, tf};
use crate::pages::section_code;

/// `/user/account/:section`: signed-out panel, or the settings layout.
#[component]
pub fn AccountPage() -> impl IntoView {
    let api = use_api();
    let me = LocalResource::new(move || {
        let api = api.clone();
        async move { api.whoami().await }
    });
    let location = use_location();
    // Fetch the addressed section's code while whoami is on its way, not after.
    if let Some(section) = use_params_map()
        .read_untracked()
        .get("section")
        .and_then(|slug| Section::from_slug(&slug))
    {
        section_code::prefetch(section);
    }

    move || match me.get() {
        None => view! {
            <p class="page-status" role="status">
                {t(MainMsg::LoadingAccount)}
            </p>
        }
        .into_any(),
        Some(Ok(user)) => view! { <AccountLayout user /> }.into_any(),
        Some(Err(ApiError::Unauthorized(_))) => {
            view! { <SignedOutPanel return_to=location.pathname.get_untracked() /> }.into_any()
        }
        Some(Err(error)) => view! {
            <main class="page-error">
                <ErrorNotice
                    what=t(MainMsg::WhatYourAccount)
                    error
                    on_retry=move |_| me.refetch()
                />
            </main>
        }
        .into_any(),
    }
}

/// The signed-in layout. Provides [`CurrentUser`] to everything below it.
#[component]
fn AccountLayout(
    /// The user whoami returned.
    user: User,
) -> impl IntoView {
    let api = use_api();
    // Which release the server runs decides what the page offers. Asked once; when the call is
    // blocked (a proxy), whoami's own fields tell. A task and a signal rather than a resource:
    // nothing refetches it, and a resource of its own type cost the first page about 1 KB.
    let release = RwSignal::new(ServerRelease::from_whoami(&user));
    let params = use_params_map();
    // Opened at Hotkeys on a server that has them: the list is asked for now, while the
    // section's code is still on its way, and handed over when it arrives.
    let addressed =
        params.with_untracked(|p| p.get("section").and_then(|s| Section::from_slug(&s)));
    if release.with_untracked(|r| r.hotkeys_asked_early(addressed)) {
        let head_start = HotkeysHeadStart::start(api.clone());
        provide_context(head_start);
        // Left for another section first: a later visit asks afresh.
        Effect::new(move |_| {
            if params.with(|p| p.get("section").as_deref() != Some(Section::Hotkeys.slug())) {
                head_start.take();
            }
        });
    }
    leptos::task::spawn_local({
        let (api, user) = (api.clone(), user.clone());
        async move {
            let answer = api.release().await.ok();
            release.try_set(ServerRelease::from_answer(answer.as_deref(), &user));
        }
    });
    provide_context(Release(release.read_only()));
    provide_context(CurrentUser(RwSignal::new(user)));
    let jwt = LocalResource::new(move || {
        let api = api.clone();
        async move { api.jwt_settings().await }
    });
    let switches = Signal::derive(move || match jwt.get() {
        None => TokenSwitches::Loading,
        Some(Ok(settings)) => TokenSwitches::Known(settings),
        Some(Err(_)) => TokenSwitches::Unavailable,
    });
    provide_context(OrgTokenSwitches {
        switches,
        loaded: jwt,
    });
    let notice = Signal::derive(move || match jwt.get() {
        Some(Err(error)) => Some(tf(
            MainMsg::TokenSectionsHidden,
            &[("error", &api_error(&error))],
        )),
        _ => None,
    });

    // Where to put the address back if the user stays after Back/Forward (sections are
    // addressed by path alone).
    let location = use_location();
    if let Some(here) = use_context::<CurrentPath>() {
        Effect::new(move |_| here.0.set_value(location.pathname.get()));
    }

    let resolved = Memo::new(move |_| {
        let slug = params.read().get("section");
        sections::resolve(slug.as_deref(), switches.get())
    });

    let navigate = use_navigate();
    Effect::new(move |_| match resolved.get() {
        Ok(section) => document().set_title(&tf(
            MainMsg::DocumentTitle,
            &[("section", t(section.title()))],
        )),
        Err(target) => navigate(
            &target.path(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        ),
    });

    view! {
        <div class="account">
            <SessionEnded />
            <AccountHeader />
            <div class="account__body">
                <SectionNav
                    sections=Signal::derive(move || sections::visible_sections(switches.get()))
                    notice
                    busy=Signal::derive(move || switches.get() == TokenSwitches::Loading)
                    on_retry=move |_| jwt.refetch()
                    on_intent=section_code::prefetch
                    release=release.read_only()
                />
                <main class="account__main" id="main">
                    {move || resolved.get().ok().map(|section| view! { <SectionCard section /> })}
                </main>
            </div>
            <footer class="account__footer">
                <span class="account__release" data-testid="server-release">
                    {move || release.read().label()}
                </span>
            </footer>
        </div>
    }
}

/// The card holding one section's title and body.
#[component]
fn SectionCard(
    /// Which section to show.
    section: Section,
) -> impl IntoView {
    view! {
        <section class="section-card" aria-labelledby="section-title">
            <h1 class="section-card__title" id="section-title">
                {t(section.title())}
            </h1>
            <SectionBody section />
        </section>
    }
}

/// A section's body, once its code is here (see [`section_code`]). Personal info is in the main
/// module, as is every section in a build without `split-sections`: they render at once.
/// Otherwise the first visit to another section fetches its chunk.
#[component]
fn SectionBody(
    /// Which section to show.
    section: Section,
) -> impl IntoView {
    let code = LazyCode::new(None);
    let open = move || code.open(section_code::load(section));
    open();
    view! {
        <LazyView
            code
            class="section-loading"
            note_class="page-status"
            loading=t(MainMsg::LoadingSection)
            missing=t(MainMsg::SectionMissing)
            stopped=Some(t(MainMsg::SectionStopped))
            on_retry=Callback::new(move |_| open())
        />
    }
}
