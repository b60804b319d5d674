use leptos::prelude::*;

use crate::context::use_site;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// Shown when whoami answers 401: a way back in that returns to the same section.
#[component]
pub fn SignedOutPanel(
    /// The address to come back to after signing in (the whole path, prefix included).
    #[prop(into)]
    return_to: String,
) -> impl IntoView {
    let href = use_site().login(&return_to);
    // The page's name, in the page's language (index.html can only say it in English).
    document().set_title(t(MainMsg::MyAccount));
    view! {
        <main class="signed-out" aria-labelledby="signed-out-title">
            <h1 id="signed-out-title" class="signed-out__title">
                {t(MainMsg::SignedOutTitle)}
            </h1>
            <p class="signed-out__text">{t(MainMsg::SignedOutText)}</p>
            // rel=external: the login form is Label Studio's own page, not one of our routes.
            <a class="button button--primary" href=href rel="external">
                {t(MainMsg::SignIn)}
            </a>
        </main>
    }
}
