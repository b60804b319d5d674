use leptos::prelude::*;

use crate::components::theme_toggle::ThemeToggle;
use crate::components::userpic::Userpic;
use crate::context::{use_current_user, use_site};
use crate::domain::user::display_name;

/// Top bar: who is signed in (picture or initials, name, email), the theme switch, sign out.
#[component]
pub fn AccountHeader() -> impl IntoView {
    let user = use_current_user().0;
    let site = use_site();
    view! {
        <header class="account-header">
            <a class="account-header__brand" href=site.home() rel="external">"Label Studio"</a>
            <span class="account-header__title">"My Account"</span>
            <div class="account-header__user">
                <Userpic user=user/>
                <span class="account-header__who">
                    <Show when=move || user.with(|u| display_name(u) != u.email)>
                        <span class="account-header__name">{move || user.with(display_name)}</span>
                    </Show>
                    <span class="account-header__email" data-testid="header-email">
                        {move || user.with(|u| u.email.clone())}
                    </span>
                </span>
            </div>
            <ThemeToggle/>
            <a class="account-header__logout" href=site.logout() rel="external">"Sign out"</a>
        </header>
    }
}
