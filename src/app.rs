//! The router and the one place the API client and its transport are chosen.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_navigate;
use leptos_router::{path, NavigateOptions};

use crate::api::{ApiClient, FetchTransport, SitePrefix};
use crate::browser::leave_guard::install_history_guard;
use crate::browser::location;
use crate::components::connection_status::StillWaiting;
use crate::context::{Connection, Reload};
use crate::domain::i18n::main::MainMsg;
use crate::domain::sections::Section;
use crate::i18n::t;
use crate::pages::account::AccountPage;

/// The production app: talks to Label Studio on the same origin with `fetch`, under the prefix
/// the page's own address shows.
#[component]
pub fn App() -> impl IntoView {
    let prefix = SitePrefix::from_page_path(&location::pathname());
    let client = ApiClient::with_transport(Arc::new(FetchTransport)).under(prefix);
    view! { <AccountApp client /> }
}

/// The app over any client (tests inject a fake one).
#[component]
pub fn AccountApp(
    /// How to reach Label Studio.
    client: ApiClient,
    /// Reloads the page (the browser's reload when not given).
    #[prop(optional)]
    reload: Option<Callback<()>>,
) -> impl IntoView {
    if let Some(reload) = reload {
        provide_context(Reload(reload));
    }
    // Before the router: the history guard's listener must run before the router's.
    let (unsaved, here) = install_history_guard(t(MainMsg::LeaveUnsaved));
    provide_context(unsaved);
    provide_context(here);
    let prefix = client.prefix();
    provide_context(prefix);
    let connection = Connection::new();
    provide_context(connection);
    provide_context(client.observed(move |traffic| connection.record(traffic)));
    // One route with no nesting: `FlatRoutes` does the same job as `Routes` without the nested
    // matcher, which costs the main module 11 KB gzip.
    view! {
        <StillWaiting />
        // The routes are written for the root; under a prefix the router matches below it and
        // puts it in front of every navigation.
        <Router base=prefix.as_str()>
            <FlatRoutes fallback=RedirectToFirstSection>
                <Route path=path!("/user/account/:section") view=AccountPage />
            </FlatRoutes>
        </Router>
    }
}

/// `/user/account`, `/user/account/` and anything unknown go to the first section.
#[component]
fn RedirectToFirstSection() -> impl IntoView {
    let navigate = use_navigate();
    // Navigate from an effect, after the router has finished rendering: `<Redirect>` inside the
    // routes' fallback re-enters the router's state lock and aborts.
    Effect::new(move |_| {
        navigate(
            &Section::PersonalInfo.path(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
}
