use leptos::prelude::*;

use crate::api::paths;
use crate::components::userpic::Userpic;
use crate::context::{use_current_user, use_site};
use crate::domain::i18n::main::MainMsg;
use crate::domain::user::display_name;
use crate::i18n::t;

/// Who is signed in (picture or initials, name, email), opening Label Studio's user menu:
/// Account & Settings, Log Out. A native popover, like the main menu.
#[component]
pub fn UserMenu() -> impl IntoView {
    let user = use_current_user().0;
    let site = use_site();
    view! {
        <button type="button" class="account-header__user" popovertarget="user-menu">
            <Userpic user=user />
            <span class="account-header__who">
                {move || {
                    let name = user
                        .with(|u| Some(display_name(u)).filter(|name| *name != u.email))?;
                    Some(view! { <span class="account-header__name">{name}</span> })
                }} <span class="account-header__email" data-testid="header-email">
                    {move || user.with(|u| u.email.clone())}
                </span>
            </span>
        </button>
        <nav class="user-menu" id="user-menu" popover="auto" aria-label=t(MainMsg::YourAccount)>
            <a class="main-menu__item" href=site.url(paths::ACCOUNT_HOME) rel="external">
                {t(MainMsg::AccountAndSettings)}
            </a>
            <a class="main-menu__item" href=site.logout() rel="external">
                {t(MainMsg::LogOut)}
            </a>
        </nav>
    }
}
