//! App-wide singletons shared through context (everything else goes through props).

use leptos::prelude::*;

use crate::api::types::User;
use crate::api::{ApiClient, SitePrefix, Traffic};
use crate::domain::release::ServerRelease;
use crate::domain::sections::TokenSwitches;
use crate::domain::session::SessionWatch;

/// The signed-in user; sections write the server's answer back after a save so the header and
/// initials update without a reload.
#[derive(Debug, Clone, Copy)]
pub struct CurrentUser(pub RwSignal<User>);

/// The organization's token switches, as the account layout loaded them.
#[derive(Debug, Clone, Copy)]
pub struct OrgTokenSwitches(pub Signal<TokenSwitches>);

/// The server's release as the account layout learned it (`Loading` until then).
#[derive(Debug, Clone, Copy)]
pub struct Release(pub ReadSignal<ServerRelease>);

/// What the app knows about its line to Label Studio, fed by the client's [`Traffic`] reports.
#[derive(Debug, Clone, Copy)]
pub struct Connection {
    watch: RwSignal<SessionWatch>,
    /// Requests in flight.
    pub in_flight: Memo<usize>,
    /// A request found the session gone, and no later one proved it back.
    pub session_ended: Memo<bool>,
}

impl Connection {
    pub fn new() -> Self {
        let watch = RwSignal::new(SessionWatch::default());
        Self {
            watch,
            in_flight: Memo::new(move |_| watch.with(|w| w.in_flight)),
            session_ended: Memo::new(move |_| watch.with(SessionWatch::session_ended)),
        }
    }

    /// Books one traffic report. `try_update`: a report may arrive after the page is gone.
    pub fn record(self, traffic: Traffic) {
        self.watch.try_update(|w| w.record(traffic));
    }
}

impl Default for Connection {
    fn default() -> Self {
        Self::new()
    }
}

/// The line to Label Studio; a fresh, unobserved one when the app did not provide it.
pub fn use_connection() -> Connection {
    use_context::<Connection>().unwrap_or_default()
}

/// The API client, provided once by the app (or a fake one by tests).
pub fn use_api() -> ApiClient {
    expect_context::<ApiClient>()
}

/// The server's release; only available inside the signed-in layout.
pub fn use_release() -> ReadSignal<ServerRelease> {
    expect_context::<Release>().0
}

/// Where Label Studio lives on this origin (the root when the app did not provide it).
pub fn use_site() -> SitePrefix {
    use_context::<SitePrefix>().unwrap_or_default()
}

/// The signed-in user; only available inside the signed-in layout.
pub fn use_current_user() -> CurrentUser {
    expect_context::<CurrentUser>()
}
