//! Canonical paths of every endpoint. Some must NOT end in `/` (a trailing slash gives 404 on
//! `whoami`, `current-user/token`, `jwt/settings` and `organizations/{id}`), so none is built
//! anywhere else.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

pub const WHOAMI: &str = "/api/current-user/whoami";
pub const HOTKEYS: &str = "/api/current-user/hotkeys/";
pub const LEGACY_TOKEN: &str = "/api/current-user/token";
pub const LEGACY_TOKEN_RESET: &str = "/api/current-user/reset-token/";
pub const JWT_SETTINGS: &str = "/api/jwt/settings";
pub const TOKENS: &str = "/api/token/";
pub const TOKEN_BLACKLIST: &str = "/api/token/blacklist/";
pub const TOKEN_REFRESH: &str = "/api/token/refresh/";

/// The project list endpoint (used in the legacy-token example request).
pub const PROJECTS: &str = "/api/projects/";

/// `GET /api/version/`: the server's release; answers without signing in.
pub const VERSION: &str = "/api/version/";

/// Where the account page lives (Label Studio's own account page has the same address).
pub const ACCOUNT_PAGE: &str = "/user/account";

/// Label Studio's own pages the account page links to.
pub const LOGOUT_PAGE: &str = "/user/logout/";
/// The account page's own start, where Label Studio's user menu points.
pub const ACCOUNT_HOME: &str = "/user/account/";

/// Label Studio's main menu: its own pages (under the prefix), then links out.
pub const PROJECTS_PAGE: &str = "/projects/";
pub const ORGANIZATION_PAGE: &str = "/organization/";

pub fn project_page(id: u64) -> String {
    format!("/projects/{id}/")
}

/// `GET /api/projects/`: the first 20 of the user's projects whose title contains `title`.
pub fn projects_titled(title: &str) -> String {
    format!(
        "/api/projects/?page_size=20&title={}",
        encode_query_value(title)
    )
}

/// `GET /api/projects/{id}/`: one project, with its labeling config.
pub fn project(id: u64) -> String {
    format!("/api/projects/{id}/")
}

pub fn user(id: u64) -> String {
    format!("/api/users/{id}/")
}

pub fn user_avatar(id: u64) -> String {
    format!("/api/users/{id}/avatar/")
}

pub fn membership(org: u64, user: u64, with_projects: bool) -> String {
    let query = if with_projects {
        "?contributed_to_projects=1"
    } else {
        ""
    };
    format!("/api/organizations/{org}/memberships/{user}/{query}")
}

pub fn organization(org: u64) -> String {
    format!("/api/organizations/{org}")
}

/// Label Studio's own login form, coming back to `next` afterwards.
pub fn login(next: &str) -> String {
    format!("/user/login/?next={}", encode_query_value(next))
}

/// Everything but RFC 3986's unreserved characters and `/` (a path stays readable).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

fn encode_query_value(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slashless_endpoints_stay_slashless() {
        for path in [WHOAMI, LEGACY_TOKEN, JWT_SETTINGS, &organization(3)] {
            assert!(!path.ends_with('/'), "{path} must not end in /");
        }
        for path in [
            HOTKEYS,
            LEGACY_TOKEN_RESET,
            TOKENS,
            TOKEN_BLACKLIST,
            TOKEN_REFRESH,
        ] {
            assert!(path.ends_with('/'), "{path} is canonical with a slash");
        }
        assert_eq!(user(7), "/api/users/7/");
        assert_eq!(project_page(3), "/projects/3/");
        assert_eq!(project(3), "/api/projects/3/");
        assert_eq!(
            projects_titled("cats & dogs"),
            "/api/projects/?page_size=20&title=cats%20%26%20dogs"
        );
        assert_eq!(user_avatar(7), "/api/users/7/avatar/");
        assert_eq!(
            membership(1, 2, false),
            "/api/organizations/1/memberships/2/"
        );
        assert_eq!(
            membership(1, 2, true),
            "/api/organizations/1/memberships/2/?contributed_to_projects=1"
        );
    }

    #[test]
    fn login_link_keeps_the_section() {
        assert_eq!(
            login("/user/account/hotkeys"),
            "/user/login/?next=/user/account/hotkeys"
        );
        assert_eq!(login("/a?b=c&d"), "/user/login/?next=/a%3Fb%3Dc%26d");
        assert_eq!(login("/ä b#~"), "/user/login/?next=/%C3%A4%20b%23~");
    }
}
