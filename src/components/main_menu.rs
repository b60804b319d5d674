use leptos::prelude::*;

use crate::api::paths;
use crate::context::{use_release, use_site};
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// Label Studio's mark and main menu, as on its other pages: Projects, Organization, the links
/// out, and the server's release at the bottom. A native popover: it opens from the button,
/// and Escape or a click outside closes it, with no code of ours.
#[component]
pub fn MainMenu() -> impl IntoView {
    let site = use_site();
    let release = use_release();
    view! {
        <button type="button" class="main-menu__trigger" popovertarget="main-menu">
            <span class="main-menu__mark" aria-hidden="true"></span>
            "Label Studio"
            <span class="visually-hidden">{t(MainMsg::Menu)}</span>
            <span class="main-menu__bars" aria-hidden="true"></span>
        </button>
        <nav class="main-menu" id="main-menu" popover="auto" aria-label="Label Studio">
            <a class="main-menu__item" href=site.url(paths::PROJECTS_PAGE) rel="external">
                {t(MainMsg::Projects)}
            </a>
            <a class="main-menu__item" href=site.url(paths::ORGANIZATION_PAGE) rel="external">
                {t(MainMsg::Organization)}
            </a>
            <hr class="main-menu__spacer" />
            // Links out open in a new tab, as Label Studio's do. Written out with literal
            // addresses: as `[T; N].map(..)` views they cost the main module 1.9 KB more, and
            // with the addresses as constants from api/paths.rs about 0.5 KB more.
            <a
                class="main-menu__item"
                href="https://api.labelstud.io/api-reference/introduction/getting-started"
                target="_blank"
                rel="noreferrer"
            >
                "API"
                <span class="visually-hidden">{t(MainMsg::OpensInNewTab)}</span>
            </a>
            <a
                class="main-menu__item"
                href="https://labelstud.io/guide"
                target="_blank"
                rel="noreferrer"
            >
                {t(MainMsg::Docs)}
                <span class="visually-hidden">{t(MainMsg::OpensInNewTab)}</span>
            </a>
            <a
                class="main-menu__item"
                href="https://github.com/HumanSignal/label-studio"
                target="_blank"
                rel="noreferrer"
            >
                "GitHub"
                <span class="visually-hidden">{t(MainMsg::OpensInNewTab)}</span>
            </a>
            <a
                class="main-menu__item"
                href="https://slack.labelstud.io/?source=product-menu"
                target="_blank"
                rel="noreferrer"
            >
                {t(MainMsg::SlackCommunity)}
                <span class="visually-hidden">{t(MainMsg::OpensInNewTab)}</span>
            </a>
            <p class="main-menu__release">{move || release.read().label()}</p>
        </nav>
    }
}
