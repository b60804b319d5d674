use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser::leave_guard::confirm_leave;
use crate::context::use_site;
use crate::domain::i18n::main::MainMsg;
use crate::domain::release::{Availability, ServerRelease};
use crate::domain::sections::Section;
use crate::i18n::{self, t, tf};

/// Sidebar: one real link per visible section (the router turns clicks on them into in-app
/// navigation); the current one has `aria-current="page"`. Every section's link is built once
/// and the hidden ones are `hidden`, so a list that grows (token switches loading) keeps its
/// links, and focus on them.
#[component]
pub fn SectionNav(
    /// The sections to list, in order.
    #[prop(into)]
    sections: Signal<Vec<Section>>,
    /// A one-line explanation shown under the list (e.g. why token sections are hidden).
    #[prop(into)]
    notice: Signal<Option<String>>,
    /// True while the list may still grow (token switches loading).
    #[prop(into)]
    busy: Signal<bool>,
    /// Offered as "Try again" next to the notice.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
    /// Called when the pointer or keyboard focus reaches a section's link, before it is opened
    /// (the page starts fetching that section's code).
    #[prop(optional, into)]
    on_intent: Option<Callback<Section>>,
    /// What the server offers: a section it lacks stays listed, with why.
    release: ReadSignal<ServerRelease>,
) -> impl IntoView {
    let intent = move |section: Section| {
        if let Some(on_intent) = on_intent {
            on_intent.run(section);
        }
    };
    let pathname = use_location().pathname;
    let site = use_site();
    view! {
        <nav
            class="section-nav"
            aria-label=t(MainMsg::AccountSettingsNav)
            aria-busy=move || busy.get().to_string()
        >
            <ul class="section-nav__list">
                {Section::ALL
                    .map(|section| {
                        let href = section.href(site);
                        let note_id = format!("nav-note-{}", section.slug());
                        let missing = move || match release.read().offers(section) {
                            Availability::Unavailable(why) => Some(why),
                            _ => None,
                        };
                        let described = {
                            let note_id = note_id.clone();
                            move || missing().map(|_| note_id.clone())
                        };
                        view! {
                            <li
                                class="section-nav__item"
                                hidden=move || !sections.with(|s| s.contains(&section))
                            >
                                <a
                                    href=href
                                    class="section-nav__link"
                                    aria-describedby=described
                                    aria-current=move || {
                                        pathname
                                            .with(|p| section.is_at(site.app_path(p)))
                                            .then_some("page")
                                    }
                                    on:click=move |ev| {
                                        if !confirm_leave() {
                                            ev.prevent_default();
                                        }
                                    }
                                    on:pointerenter=move |_| intent(section)
                                    on:focus=move |_| intent(section)
                                >
                                    {t(section.title())}
                                </a>
                                {move || {
                                    missing()
                                        .map(|why| {
                                            view! {
                                                <span class="section-nav__unavailable" id=note_id.clone()>
                                                    {tf(
                                                        MainMsg::NotAvailable,
                                                        &[("why", &i18n::missing(&why))],
                                                    )}
                                                </span>
                                            }
                                        })
                                }}
                            </li>
                        }
                    })}
            </ul>
            {move || {
                notice
                    .get()
                    .map(|text| {
                        view! {
                            <div class="section-nav__notice" role="status">
                                <p class="notice__text">{text}</p>
                                {on_retry
                                    .map(|retry| {
                                        view! {
                                            <button
                                                type="button"
                                                class="button button--small"
                                                on:click=move |_| retry.run(())
                                            >
                                                {t(MainMsg::TryAgain)}
                                            </button>
                                        }
                                    })}
                            </div>
                        }
                    })
            }}
        </nav>
    }
}
