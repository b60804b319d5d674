//! Where Label Studio lives on this origin. At the root of its host the prefix is empty; behind
//! a proxy that serves it under `/label-studio/` (Label Studio started with
//! `LABEL_STUDIO_HOST=https://host/label-studio`) it is `/label-studio`. The page finds it at
//! run time from its own address, so one build serves both.

use super::paths::{self, ACCOUNT_PAGE as ACCOUNT_PATH};

/// The path prefix of Label Studio's URLs on this origin: `""` or `/a/b` (no trailing slash).
/// `Copy`: it is read once when the page starts and lives as long as the page, so the few bytes
/// of a non-empty prefix are leaked once instead of being counted by every closure that links.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SitePrefix(&'static str);

impl SitePrefix {
    /// A prefix given as text; anything that is not a clean absolute path becomes the root.
    pub fn new(prefix: &str) -> Self {
        let trimmed = prefix.trim_end_matches('/');
        let clean = trimmed.starts_with('/')
            && !trimmed.contains(['?', '#', '\\'])
            && !trimmed
                .split('/')
                .any(|segment| segment == "." || segment == "..");
        match clean && !trimmed.is_empty() {
            true => Self(Box::leak(trimmed.to_owned().into_boxed_str())),
            false => Self(""),
        }
    }

    /// The prefix in front of the account page's own address: `/ls/user/account/hotkeys` →
    /// `/ls`. The last `/user/account` segment counts, so a prefix may itself contain one.
    /// An address without it (a test runner's page) means the root.
    pub fn from_page_path(pathname: &str) -> Self {
        let mut cut = None;
        let mut from = 0;
        while let Some(found) = pathname[from..].find(ACCOUNT_PATH) {
            let at = from + found;
            let end = at + ACCOUNT_PATH.len();
            if matches!(pathname.as_bytes().get(end), None | Some(b'/')) {
                cut = Some(at);
            }
            from = at + 1;
        }
        cut.map_or_else(Self::default, |at| Self::new(&pathname[..at]))
    }

    /// `""` at the root, else `/prefix`.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// A root-relative Label Studio path (`/api/…`, `/user/login/…`) under this prefix.
    pub fn url(self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// Label Studio's sign-out.
    pub fn logout(self) -> String {
        self.url(paths::LOGOUT_PAGE)
    }

    /// Label Studio's login form, back to `next` (the whole address, prefix included) after.
    pub fn login(self, next: &str) -> String {
        self.url(&paths::login(next))
    }

    /// A project's page in Label Studio.
    pub fn project(self, id: u64) -> String {
        self.url(&paths::project_page(id))
    }

    /// The page's address without the prefix, as the app's routes know it; an address outside
    /// the prefix is returned as it is.
    pub fn app_path(self, pathname: &str) -> &str {
        match pathname.strip_prefix(self.0) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
            _ => pathname,
        }
    }

    /// The server's URL for snippets and SDKs: the origin plus the prefix.
    pub fn server_url(self, origin: &str) -> String {
        format!("{}{}", origin.trim_end_matches('/'), self.0)
    }

    /// A URL Label Studio handed out (an avatar): a root-relative one (`/data/avatars/…`, what
    /// it sends without `LABEL_STUDIO_HOST`) is put under the prefix unless it already is;
    /// anything else (absolute, `data:`, `blob:`) stays as it is.
    pub fn media(self, url: &str) -> String {
        let root_relative = url.starts_with('/') && !url.starts_with("//");
        if root_relative && self.app_path(url) == url {
            self.url(url)
        } else {
            url.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_is_what_comes_before_the_account_page() {
        for (path, prefix) in [
            ("/user/account/", ""),
            ("/user/account", ""),
            ("/user/account/hotkeys", ""),
            ("/label-studio/user/account/hotkeys", "/label-studio"),
            ("/a/b/user/account/", "/a/b"),
            ("/label-studio/user/account/hotkeys/", "/label-studio"),
            ("/user/account/x/user/account/hotkeys", "/user/account/x"),
            ("/user/accounts/", ""),
            ("/", ""),
            ("/context.html", ""),
        ] {
            assert_eq!(SitePrefix::from_page_path(path).as_str(), prefix, "{path}");
        }
    }

    #[test]
    fn unclean_prefixes_mean_the_root() {
        assert_eq!(SitePrefix::new("/ls/").as_str(), "/ls");
        assert_eq!(SitePrefix::new("ls").as_str(), "");
        assert_eq!(SitePrefix::new("/a/../b").as_str(), "");
        assert_eq!(SitePrefix::new("/a?b").as_str(), "");
        assert_eq!(SitePrefix::new("").as_str(), "");
    }

    #[test]
    fn paths_go_under_the_prefix_and_back() {
        let root = SitePrefix::default();
        let ls = SitePrefix::new("/ls");
        assert_eq!(root.url("/api/version/"), "/api/version/");
        assert_eq!(ls.url("/api/version/"), "/ls/api/version/");
        assert_eq!(
            ls.app_path("/ls/user/account/hotkeys"),
            "/user/account/hotkeys"
        );
        assert_eq!(ls.app_path("/lsx/user/account"), "/lsx/user/account");
        assert_eq!(root.app_path("/user/account"), "/user/account");
        assert_eq!(ls.server_url("http://h:8080"), "http://h:8080/ls");
        assert_eq!(ls.url(paths::PROJECTS_PAGE), "/ls/projects/");
        assert_eq!(root.url(paths::ORGANIZATION_PAGE), "/organization/");
        assert_eq!(ls.logout(), "/ls/user/logout/");
        assert_eq!(
            ls.login("/ls/user/account/hotkeys"),
            "/ls/user/login/?next=/ls/user/account/hotkeys"
        );
        assert_eq!(ls.project(3), "/ls/projects/3/");
        assert_eq!(root.project(3), "/projects/3/");
        assert_eq!(root.server_url("http://h:8080/"), "http://h:8080");
    }

    #[test]
    fn media_urls_land_under_the_prefix_once() {
        let ls = SitePrefix::new("/ls");
        assert_eq!(ls.media("/data/avatars/a.png"), "/ls/data/avatars/a.png");
        assert_eq!(ls.media("/ls/data/avatars/a.png"), "/ls/data/avatars/a.png");
        assert_eq!(ls.media("https://cdn/x.png"), "https://cdn/x.png");
        assert_eq!(ls.media("//cdn/x.png"), "//cdn/x.png");
        assert_eq!(
            ls.media("data:image/png;base64,AAAA"),
            "data:image/png;base64,AAAA"
        );
        assert_eq!(ls.media("blob:http://h/1"), "blob:http://h/1");
        assert_eq!(SitePrefix::default().media("/data/a.png"), "/data/a.png");
    }
}
