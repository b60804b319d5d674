use leptos::prelude::*;

use crate::components::language_switch::LanguageSwitch;
use crate::components::main_menu::MainMenu;
use crate::components::theme_toggle::ThemeToggle;
use crate::components::user_menu::UserMenu;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// Label Studio's top bar: its mark and main menu, the page's name, the language and theme
/// switches, and who is signed in with the user menu, in the places Label Studio puts them.
#[component]
pub fn AccountHeader() -> impl IntoView {
    view! {
        <header class="account-header">
            <MainMenu />
            <span class="account-header__title">{t(MainMsg::MyAccount)}</span>
            <LanguageSwitch />
            <ThemeToggle />
            <UserMenu />
        </header>
    }
}
