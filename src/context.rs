//! App-wide singletons shared through context (everything else goes through props).

use leptos::prelude::*;

use crate::api::types::User;
use crate::api::ApiClient;
use crate::domain::sections::TokenSwitches;

/// The signed-in user; sections write the server's answer back after a save so the header and
/// initials update without a reload.
#[derive(Debug, Clone, Copy)]
pub struct CurrentUser(pub RwSignal<User>);

/// The organization's token switches, as the account layout loaded them.
#[derive(Debug, Clone, Copy)]
pub struct OrgTokenSwitches(pub Signal<TokenSwitches>);

/// The API client, provided once by the app (or a fake one by tests).
pub fn use_api() -> ApiClient {
    expect_context::<ApiClient>()
}

/// The signed-in user; only available inside the signed-in layout.
pub fn use_current_user() -> CurrentUser {
    expect_context::<CurrentUser>()
}
