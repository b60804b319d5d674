//! The router and the one place the API client is chosen.

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::api::ApiClient;
use crate::domain::sections::Section;
use crate::pages::account::AccountPage;

/// The production app: talks to Label Studio on the same origin.
#[component]
pub fn App() -> impl IntoView {
    view! { <AccountApp client=ApiClient::browser()/> }
}

/// The app over any client (tests inject a fake one).
#[component]
pub fn AccountApp(
    /// How to reach Label Studio.
    client: ApiClient,
) -> impl IntoView {
    provide_context(client);
    view! {
        <Router>
            <Routes fallback=|| view! { <Redirect path=Section::PersonalInfo.path()/> }>
                <Route path=path!("/user/account/:section") view=AccountPage/>
            </Routes>
        </Router>
    }
}
