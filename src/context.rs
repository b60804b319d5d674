//! App-wide singletons shared through context (everything else goes through props).

use futures_channel::oneshot;
use leptos::prelude::*;

use crate::api::types::{JwtSettings, User};
use crate::api::{ApiClient, ApiResult, HotkeysAnswer, SitePrefix, Traffic};
use crate::domain::release::ServerRelease;
use crate::domain::sections::TokenSwitches;
use crate::domain::session::SessionWatch;

/// The signed-in user; sections write the server's answer back after a save so the header and
/// initials update without a reload.
#[derive(Debug, Clone, Copy)]
pub struct CurrentUser(pub RwSignal<User>);

/// The organization's token switches, as the account layout loaded them.
#[derive(Clone, Copy)]
pub struct OrgTokenSwitches {
    pub switches: Signal<TokenSwitches>,
    /// The loaded answer, asked again after a change made on this page.
    pub loaded: LocalResource<ApiResult<JwtSettings>>,
}

/// The server's release as the account layout learned it (`Loading` until then).
#[derive(Debug, Clone, Copy)]
pub struct Release(pub ReadSignal<ServerRelease>);

/// The Hotkeys list's request, started by the account layout while the section's code is still
/// on its way (the list is what a visitor to that section waits for). The section takes the
/// answer once; every later load asks the server again.
#[derive(Debug, Clone, Copy)]
pub struct HotkeysHeadStart(StoredValue<Option<oneshot::Receiver<ApiResult<HotkeysAnswer>>>>);

impl HotkeysHeadStart {
    /// Sends `GET /api/current-user/hotkeys/` now.
    pub fn start(api: ApiClient) -> Self {
        let (answer, receiver) = oneshot::channel();
        leptos::task::spawn_local(async move {
            // Nobody listening any more (the visitor went elsewhere): nothing to hand over.
            let _ = answer.send(api.hotkeys_answer().await);
        });
        Self(StoredValue::new(Some(receiver)))
    }

    /// The started request's answer, the first time only; `None` when it was taken or dropped.
    pub fn take(self) -> Option<oneshot::Receiver<ApiResult<HotkeysAnswer>>> {
        self.0.try_update_value(Option::take).flatten()
    }
}

/// What the app knows about its line to Label Studio, fed by the client's [`Traffic`] reports.
#[derive(Debug, Clone, Copy)]
pub struct Connection {
    watch: RwSignal<SessionWatch>,
    /// Requests in flight.
    pub in_flight: Memo<usize>,
    /// A request found the session gone, and no later one proved it back.
    pub session_ended: Memo<bool>,
    /// Unsaved drafts are kept in this tab for the page's next load
    /// ([`SessionWatch::keep_drafts`]).
    pub keep_drafts: Memo<bool>,
}

impl Connection {
    pub fn new() -> Self {
        let watch = RwSignal::new(SessionWatch::default());
        Self {
            watch,
            in_flight: Memo::new(move |_| watch.with(|w| w.in_flight)),
            session_ended: Memo::new(move |_| watch.with(SessionWatch::session_ended)),
            keep_drafts: Memo::new(move |_| watch.with(SessionWatch::keep_drafts)),
        }
    }

    /// The page is about to reload on purpose: drafts are kept from now on.
    pub fn leave(self) {
        self.watch.update(|w| w.leaving = true);
    }

    /// A draft starts (`true`) or finishes (`false`) being written for the page's next load.
    pub fn storing(self, started: bool) {
        self.watch.try_update(|w| {
            w.storing = if started {
                w.storing + 1
            } else {
                w.storing.saturating_sub(1)
            }
        });
    }

    /// No draft is being written (tracked).
    pub fn drafts_stored(self) -> bool {
        self.watch.with(|w| w.storing == 0)
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

/// How the page reloads itself (after a language switch); tests provide their own.
#[derive(Debug, Clone, Copy)]
pub struct Reload(pub Callback<()>);

/// Reloads the page: the provided [`Reload`], else the browser's.
pub fn use_reload() -> impl Fn() + Copy {
    let provided = use_context::<Reload>();
    move || match provided {
        Some(Reload(reload)) => reload.run(()),
        None => {
            let _ = window().location().reload();
        }
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
