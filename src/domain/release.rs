//! Which Label Studio release the page talks to, and what that release offers. The page supports
//! 1.20.0 to 1.23.2; a release it does not know (newer, or a number it cannot read) is treated
//! as the newest it knows.

use crate::api::types::User;
use crate::domain::sections::Section;

/// `major.minor.patch` of a release; PEP 440 suffixes (`.dev0`, `rc1`, `.post1`) are dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReleaseNumber {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl ReleaseNumber {
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        Self {
            major,
            minor,
            patch,
        }
    }

    /// `1.23.2`, `1.24.0.dev0`, `1.22.0rc1`, `v1.21` → the numbers; anything else → `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let text = text.strip_prefix(['v', 'V']).unwrap_or(text);
        let mut parts = text.split('.').map(|part| {
            let digits = part.len() - part.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (digits > 0)
                .then(|| part[..digits].parse::<u32>().ok())
                .flatten()
        });
        let major = parts.next()??;
        let minor = parts.next()??;
        // A missing or non-numeric third part (`1.21`, `1.21.dev0`) is patch 0.
        let patch = parts.next().flatten().unwrap_or(0);
        Some(Self::new(major, minor, patch))
    }
}

/// The first release with per-user hotkeys (`/api/current-user/hotkeys/`).
pub const HOTKEYS_SINCE: ReleaseNumber = ReleaseNumber::new(1, 21, 0);

/// What the page knows about the server's release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerRelease {
    /// `GET /api/version/` has not answered yet.
    Loading,
    /// The server said which release it runs (`number` is `None` when the text is unreadable).
    Reported {
        text: String,
        number: Option<ReleaseNumber>,
    },
    /// The version call failed (a proxy may block it): whoami's fields tell what is there.
    Inferred { has_hotkeys: bool },
}

/// Whether a feature can be used on this server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    Available,
    /// Not known yet: wait before sending anything.
    Pending,
    /// Not on this server, and why.
    Unavailable(Missing),
}

/// Why something is not on this server (put into words by `i18n::missing`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Per-user hotkeys need 1.21.0; `runs` is the server's release when it said.
    Hotkeys { runs: Option<String> },
}

impl ServerRelease {
    /// Before the version call answers. whoami's `custom_hotkeys` came with the hotkeys endpoint
    /// (1.21.0), so when it is there the Hotkeys section need not wait for the release.
    pub fn from_whoami(user: &User) -> Self {
        if user.custom_hotkeys.is_some() {
            Self::Inferred { has_hotkeys: true }
        } else {
            Self::Loading
        }
    }

    /// From the version call's answer (the `release` field) or, when it failed, from whoami.
    pub fn from_answer(release: Option<&str>, user: &User) -> Self {
        match release {
            Some(text) => Self::Reported {
                text: text.trim().to_string(),
                number: ReleaseNumber::parse(text),
            },
            // 1.21.0 added `custom_hotkeys` to whoami along with the endpoint.
            None => Self::Inferred {
                has_hotkeys: user.custom_hotkeys.is_some(),
            },
        }
    }

    /// Per-user hotkeys (the Hotkeys section).
    pub fn hotkeys(&self) -> Availability {
        match self {
            Self::Loading => Availability::Pending,
            Self::Reported {
                text,
                number: Some(number),
            } if *number < HOTKEYS_SINCE => Availability::Unavailable(Missing::Hotkeys {
                runs: Some(text.clone()),
            }),
            Self::Inferred { has_hotkeys: false } => {
                Availability::Unavailable(Missing::Hotkeys { runs: None })
            }
            _ => Availability::Available,
        }
    }

    /// Whether the page, opened at `addressed`, asks for the Hotkeys list before the section's
    /// code is here: only at Hotkeys, and only when this server is known to have them.
    pub fn hotkeys_asked_early(&self, addressed: Option<Section>) -> bool {
        addressed == Some(Section::Hotkeys) && self.hotkeys() == Availability::Available
    }

    /// Whether this server offers `section`.
    pub fn offers(&self, section: Section) -> Availability {
        match section {
            Section::Hotkeys => self.hotkeys(),
            _ => Availability::Available,
        }
    }

    /// For the page's footer: `Label Studio 1.23.2`, or nothing when the server did not say.
    pub fn label(&self) -> Option<String> {
        match self {
            Self::Reported { text, .. } if !text.is_empty() => Some(format!("Label Studio {text}")),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::main::MainMsg;
    use crate::domain::i18n::{fill, Catalog};

    fn user(custom_hotkeys: Option<serde_json::Value>) -> User {
        let mut user: User = serde_json::from_str(r#"{"id": 1}"#).expect("user");
        user.custom_hotkeys = custom_hotkeys;
        user
    }

    #[test]
    fn release_numbers_are_read_like_pep_440() {
        let n = ReleaseNumber::new;
        for (text, number) in [
            ("1.23.2", Some(n(1, 23, 2))),
            ("1.20.0", Some(n(1, 20, 0))),
            ("1.24.0.dev0", Some(n(1, 24, 0))),
            ("1.22.0rc1", Some(n(1, 22, 0))),
            ("1.21", Some(n(1, 21, 0))),
            ("v1.21.1 ", Some(n(1, 21, 1))),
            ("1.21.post1", Some(n(1, 21, 0))),
            ("2.0.0", Some(n(2, 0, 0))),
            ("", None),
            ("develop", None),
            ("1", None),
            ("x.1.2", None),
        ] {
            assert_eq!(ReleaseNumber::parse(text), number, "{text:?}");
        }
        assert!(n(1, 20, 9) < HOTKEYS_SINCE && n(1, 21, 0) >= HOTKEYS_SINCE);
        // The catalog says the number in words (formatting it cost the first page bytes).
        let needs = format!(
            "Needs Label Studio {}.{}.{} or later",
            HOTKEYS_SINCE.major, HOTKEYS_SINCE.minor, HOTKEYS_SINCE.patch
        );
        for msg in [
            MainMsg::NeedsHotkeysReleaseRuns,
            MainMsg::NeedsHotkeysEarlier,
        ] {
            assert!(msg.english().starts_with(&needs), "{msg:?}");
        }
    }

    #[test]
    fn whoami_with_hotkeys_opens_them_before_the_release_is_known() {
        let early = ServerRelease::from_whoami(&user(Some(serde_json::json!({}))));
        assert_eq!(early.hotkeys(), Availability::Available);
        // Nothing to tell from (1.20.0, or a stored null): wait for the version call.
        assert_eq!(
            ServerRelease::from_whoami(&user(None)),
            ServerRelease::Loading
        );
        assert_eq!(
            ServerRelease::from_whoami(&user(None)).hotkeys(),
            Availability::Pending
        );
        assert_eq!(early.label(), None);
        // Asked for early only at Hotkeys, and only when they are known to be there.
        assert!(early.hotkeys_asked_early(Some(Section::Hotkeys)));
        assert!(!early.hotkeys_asked_early(Some(Section::PersonalInfo)));
        assert!(!early.hotkeys_asked_early(None));
        assert!(!ServerRelease::Loading.hotkeys_asked_early(Some(Section::Hotkeys)));
        let old = ServerRelease::from_answer(Some("1.20.0"), &user(None));
        assert!(!old.hotkeys_asked_early(Some(Section::Hotkeys)));
    }

    #[test]
    fn hotkeys_need_1_21_and_say_why() {
        let me = user(None);
        let on = |text: &str| ServerRelease::from_answer(Some(text), &me).hotkeys();
        assert_eq!(
            on("1.20.0"),
            Availability::Unavailable(Missing::Hotkeys {
                runs: Some("1.20.0".into())
            })
        );
        assert_eq!(on("1.21.0"), Availability::Available);
        assert_eq!(on("1.23.2"), Availability::Available);
        // Newer or unreadable: the newest we know.
        assert_eq!(on("9.0.0"), Availability::Available);
        assert_eq!(on("nightly"), Availability::Available);
        assert_eq!(ServerRelease::Loading.hotkeys(), Availability::Pending);
        let old = ServerRelease::from_answer(Some("1.20.0"), &me);
        assert_eq!(old.offers(Section::PersonalInfo), Availability::Available);
        assert!(matches!(
            old.offers(Section::Hotkeys),
            Availability::Unavailable(_)
        ));
        assert_eq!(
            ServerRelease::from_answer(Some("1.22.0"), &me).offers(Section::Hotkeys),
            Availability::Available
        );
        assert_eq!(
            ServerRelease::Loading.offers(Section::Hotkeys),
            Availability::Pending
        );
    }

    #[test]
    fn without_the_version_call_whoami_tells() {
        let old = ServerRelease::from_answer(None, &user(None));
        assert_eq!(
            old.hotkeys(),
            Availability::Unavailable(Missing::Hotkeys { runs: None })
        );
        assert_eq!(old.label(), None);
        let newer = ServerRelease::from_answer(None, &user(Some(serde_json::json!({}))));
        assert_eq!(newer.hotkeys(), Availability::Available);
    }

    #[test]
    fn a_missing_section_says_what_and_why() {
        let why = "Needs Label Studio 1.21.0 or later; this server runs 1.20.0.";
        assert_eq!(
            fill(
                crate::domain::i18n::hotkeys::HotkeysMsg::NotOnServer.english(),
                &[("section", Section::Hotkeys.title().english()), ("why", why)]
            ),
            "Hotkeys is not available on this server. Needs Label Studio 1.21.0 or later; this server runs 1.20.0."
        );
        assert_eq!(
            fill(MainMsg::NotAvailable.english(), &[("why", why)]),
            "Not available. Needs Label Studio 1.21.0 or later; this server runs 1.20.0."
        );
    }

    #[test]
    fn the_footer_names_the_release_as_reported() {
        let me = user(None);
        assert_eq!(
            ServerRelease::from_answer(Some("1.23.2"), &me)
                .label()
                .as_deref(),
            Some("Label Studio 1.23.2")
        );
        assert_eq!(ServerRelease::Loading.label(), None);
    }
}
