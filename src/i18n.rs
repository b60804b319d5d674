//! The language the page speaks, and the lookup every component uses: `t(msg)` gives a string in
//! that language, `tf(msg, args)` a filled template. English is always here; another language's
//! tables are fetched when it is chosen, each from a wasm chunk of its own ([`split_code!`]).
//! Typed errors of the lower layers (`api`, `browser`) and rules' values are put into words here.
//!
//! The language is fixed for the page's life: the switch (`components/language_switch.rs`)
//! fetches the new tables and reloads, so the page never shows a mix (docs/I18N.md).

use std::cell::{Cell, RefCell};

use crate::api::{ApiError, REQUEST_TIMEOUT_MS};
use crate::browser::chunk::{split_code, CodeMissing};
use crate::browser::image::ImageError;
use crate::browser::lang as storage;
use crate::domain::hotkeys::DefaultHotkey;
use crate::domain::i18n::avatar::AvatarMsg;
use crate::domain::i18n::hotkeys::{HotkeyWords, HotkeysMsg};
use crate::domain::i18n::keyboard_map::MapMsg;
use crate::domain::i18n::main::MainMsg;
use crate::domain::i18n::sections::SectionsMsg;
use crate::domain::i18n::{self, Catalog, Lang};
use crate::domain::lazy::Piece;
use crate::domain::profile::{Problem, ProfileField, MAX_FIELD_CHARS};
use crate::domain::release::Missing;
use crate::domain::sections::Section;

type Table<M> = fn(M) -> &'static str;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
    static ZH_MAIN: Cell<Option<Table<MainMsg>>> = const { Cell::new(None) };
    static PSEUDO: Cell<Option<Table<&'static str>>> = const { Cell::new(None) };
    static ZH_HOTKEYS: Cell<Option<ZhHotkeys>> = const { Cell::new(None) };
}

/// The Hotkeys section's Chinese: its catalog, and the defaults' words by Label Studio's number.
#[derive(Clone, Copy)]
struct ZhHotkeys {
    msg: Table<HotkeysMsg>,
    default: fn(u32) -> Option<(&'static str, &'static str)>,
}

split_code!(
    zh_main_table,
    preload_zh_main,
    lang_zh_main,
    Table<MainMsg>,
    i18n::zh::main
);
split_code!(
    zh_hotkeys_table,
    _preload_zh_hotkeys,
    lang_zh_hotkeys,
    ZhHotkeys,
    ZhHotkeys {
        msg: i18n::zh_hotkeys::hotkeys,
        default: i18n::zh_hotkeys::hotkey_default,
    }
);
split_code!(
    pseudo_table,
    preload_pseudo,
    lang_pseudo,
    Table<&'static str>,
    pseudo_once
);

/// A catalog, with the Chinese table that was fetched for it, if any.
pub trait Words: Catalog {
    fn chinese() -> Option<Table<Self>>;
}

// The editor's and the smaller sections' Chinese are in their chunks already: no fetch.
impl Words for AvatarMsg {
    fn chinese() -> Option<Table<Self>> {
        Some(i18n::zh::avatar)
    }
}

impl Words for MapMsg {
    fn chinese() -> Option<Table<Self>> {
        Some(i18n::zh::keyboard_map)
    }
}

impl Words for SectionsMsg {
    fn chinese() -> Option<Table<Self>> {
        Some(i18n::zh::sections)
    }
}

impl Words for HotkeysMsg {
    fn chinese() -> Option<Table<Self>> {
        ZH_HOTKEYS.with(Cell::get).map(|zh| zh.msg)
    }
}

impl Words for MainMsg {
    fn chinese() -> Option<Table<Self>> {
        ZH_MAIN.with(Cell::get)
    }
}

/// The page's language.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// `msg` in the page's language. Never inlined: each of the hundreds of uses is then a call
/// with a number, not a copy of the lookup.
#[inline(never)]
pub fn t<M: Words>(msg: M) -> &'static str {
    let english = msg.english();
    match lang() {
        Lang::En => english,
        Lang::ZhCn => M::chinese().map_or(english, |zh| zh(msg)),
        Lang::Pseudo => t_pseudo(english),
    }
}

/// A template in the page's language with its placeholders filled.
#[inline(never)]
pub fn tf<M: Words>(msg: M, args: &[(&str, &str)]) -> String {
    i18n::fill(t(msg), args)
}

/// The Hotkeys section's words in the page's language (its Chinese must be here:
/// [`load_section_words`]).
pub fn hotkey_words() -> HotkeyWords {
    HotkeyWords {
        t: t::<HotkeysMsg>,
        default: default_words,
    }
}

/// A default's name and description in the page's language.
fn default_words(default: &'static DefaultHotkey) -> (&'static str, &'static str) {
    let english = (default.label, default.description);
    match lang() {
        Lang::En => english,
        Lang::ZhCn => ZH_HOTKEYS
            .with(Cell::get)
            .and_then(|zh| (zh.default)(default.number))
            .unwrap_or(english),
        Lang::Pseudo => (t_pseudo(default.label), t_pseudo(default.description)),
    }
}

fn t_pseudo(english: &'static str) -> &'static str {
    PSEUDO
        .with(Cell::get)
        .map_or(english, |pseudo| pseudo(english))
}

/// Fetches a section's own words for the page's language, once, when they live apart from its
/// code ([`Piece::of_section_words`]): called with the section's code, so the section never
/// shows a mix.
pub async fn load_section_words(section: Section) -> Result<(), CodeMissing> {
    if Piece::of_section_words(section, lang()) == Some(Piece::ZhHotkeys)
        && ZH_HOTKEYS.with(Cell::get).is_none()
    {
        let table = zh_hotkeys_table().await?;
        ZH_HOTKEYS.with(|cell| cell.set(Some(table)));
    }
    Ok(())
}

/// Why something is not on this server, in words.
pub fn missing(why: &Missing) -> String {
    match why {
        Missing::Hotkeys {
            runs: Some(release),
        } => tf(MainMsg::NeedsHotkeysReleaseRuns, &[("release", release)]),
        Missing::Hotkeys { runs: None } => t(MainMsg::NeedsHotkeysEarlier).into(),
    }
}

/// What is wrong with a field of Personal info, in words.
pub fn problem(field: ProfileField, problem: &Problem) -> String {
    match *problem {
        Problem::TooLong { count } => tf(
            match field {
                ProfileField::LastName => MainMsg::LastNameTooLong,
                _ => MainMsg::FirstNameTooLong,
            },
            &[
                ("max", &MAX_FIELD_CHARS.to_string()),
                ("count", &count.to_string()),
            ],
        ),
        Problem::PhoneWithoutPlus => t(MainMsg::PhoneStartWithPlus).into(),
        Problem::PhoneDigits { count, others: 0 } => {
            tf(MainMsg::PhoneDigits, &[("count", &count.to_string())])
        }
        Problem::PhoneDigits { count, others } => tf(
            MainMsg::PhoneDigitsAndOthers,
            &[
                ("count", &count.to_string()),
                ("others", &others.to_string()),
            ],
        ),
    }
}

/// What went wrong talking to Label Studio, in one sentence a user can act on: the server's own
/// message where it gave one, else ours for what happened.
pub fn api_error(error: &ApiError) -> String {
    let said = error.server_message();
    match error {
        ApiError::Network(_) => t(MainMsg::Unreachable).into(),
        ApiError::Cancelled => t(MainMsg::StoppedWaiting).into(),
        ApiError::TimedOut => tf(
            MainMsg::TimedOut,
            &[("seconds", &(REQUEST_TIMEOUT_MS / 1000).to_string())],
        ),
        ApiError::Unauthorized(_) => t(MainMsg::SessionEnded).into(),
        ApiError::Decode(what) => tf(MainMsg::UnexpectedAnswer, &[("what", what)]),
        ApiError::Validation { fields, .. } if !fields.is_empty() => {
            let details: Vec<String> = fields
                .iter()
                .map(|(field, msgs)| format!("{field}: {}", msgs.join(" ")))
                .collect();
            match said {
                // Label Studio's generic headings say nothing the fields do not.
                None | Some("Validation error" | "Invalid hotkeys configuration") => {
                    details.join("; ")
                }
                Some(message) => format!("{message} ({})", details.join("; ")),
            }
        }
        ApiError::Server { status, .. } => {
            let message = said.map_or_else(|| status_words(*status), str::to_owned);
            format!("{message} (HTTP {status})")
        }
        ApiError::Validation { .. }
        | ApiError::Forbidden(_)
        | ApiError::NotFound(_)
        | ApiError::Conflict(_) => said.map_or_else(
            || status_words(error.status().unwrap_or_default()),
            str::to_owned,
        ),
    }
}

/// Our words for a status whose answer said nothing itself.
fn status_words(status: u16) -> String {
    match status {
        401 => t(MainMsg::NoCredentials).into(),
        403 => t(MainMsg::NoPermission).into(),
        404 => t(MainMsg::NotFound).into(),
        500..=599 => t(MainMsg::InternalError).into(),
        _ => tf(MainMsg::RequestFailed, &[("status", &status.to_string())]),
    }
}

/// Why an image could not be redrawn, in words: the browser's own message, or ours.
pub fn image_error(error: &ImageError) -> String {
    match error {
        ImageError::Browser(message) => message.clone(),
        ImageError::StillTooLarge => t(AvatarMsg::CannotShrink).into(),
    }
}

/// Fetches the tables `lang` needs (none for English).
async fn fetch(lang: Lang) -> Result<(), CodeMissing> {
    match lang {
        Lang::En => {}
        Lang::ZhCn => {
            if ZH_MAIN.with(Cell::get).is_none() {
                let table = zh_main_table().await?;
                ZH_MAIN.with(|cell| cell.set(Some(table)));
            }
        }
        Lang::Pseudo => {
            if PSEUDO.with(Cell::get).is_none() {
                let table = pseudo_table().await?;
                PSEUDO.with(|cell| cell.set(Some(table)));
            }
        }
    }
    Ok(())
}

/// Fetches what `lang` needs, then gives it back.
pub async fn load(lang: Lang) -> Result<Lang, CodeMissing> {
    fetch(lang).await.map(|()| lang)
}

/// Remembers `lang` for the next load of this page (and Label Studio's own).
pub fn remember(lang: Lang) {
    storage::store(lang);
}

/// Speaks `lang` from now on (its tables must be here: [`load`]) and tells `<html lang>`. Text
/// already on the page stays as it is: the page reloads after a switch, or tests mount anew.
pub fn apply(lang: Lang) {
    storage::set_document_lang(lang);
    LANG.with(|cell| cell.set(lang));
}

/// At start, before the app is mounted: the language `public/boot.js` found (a stored choice,
/// else the browser's languages) and wrote into `<html lang>`. English is here at once; another
/// language's tables are fetched first (whoami, preloaded by `index.html`, is on its way
/// meanwhile), and the page stays English if they do not arrive.
pub async fn start() {
    let Some(lang) = storage::document_lang().and_then(|code| Lang::from_code(&code)) else {
        return;
    };
    let spoken = match fetch(lang).await {
        Ok(()) => lang,
        Err(CodeMissing) => Lang::En,
    };
    apply(spoken);
}

/// The test language's text for an English string, made once and kept for the page's life.
fn pseudo_once(english: &'static str) -> &'static str {
    thread_local! {
        static MADE: RefCell<Vec<(usize, &'static str)>> = const { RefCell::new(Vec::new()) };
    }
    let key = english.as_ptr() as usize;
    MADE.with(|made| {
        let mut made = made.borrow_mut();
        match made.binary_search_by_key(&key, |(k, _)| *k) {
            Ok(at) => made[at].1,
            Err(at) => {
                let text: &'static str = Box::leak(i18n::pseudo(english).into_boxed_str());
                made.insert(at, (key, text));
                text
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fields_problem_is_said_in_full() {
        assert_eq!(
            problem(ProfileField::LastName, &Problem::TooLong { count: 257 }),
            "Last name can have at most 256 characters; it has 257."
        );
        assert_eq!(
            problem(ProfileField::FirstName, &Problem::TooLong { count: 300 }),
            "First name can have at most 256 characters; it has 300."
        );
        assert_eq!(
            problem(ProfileField::Phone, &Problem::PhoneWithoutPlus),
            "Start with + and the country code, e.g. +49 30 1234567."
        );
        assert!(problem(
            ProfileField::Phone,
            &Problem::PhoneDigits {
                count: 7,
                others: 0
            }
        )
        .ends_with("this has 7 digits."));
        assert!(problem(
            ProfileField::Phone,
            &Problem::PhoneDigits {
                count: 4,
                others: 6
            }
        )
        .ends_with("this has 4 digits and 6 other characters."));
    }

    #[test]
    fn an_api_error_is_said_in_the_servers_words_or_ours() {
        assert_eq!(
            api_error(&ApiError::from_response(502, "<html>Bad gateway</html>")),
            "Label Studio had an internal error. (HTTP 502)"
        );
        assert_eq!(
            api_error(&ApiError::from_response(403, "{}")),
            "You do not have permission to do this."
        );
        assert_eq!(
            api_error(&ApiError::from_response(
                409,
                r#"{"detail": "You already have a valid token"}"#
            )),
            "You already have a valid token"
        );
        assert_eq!(
            api_error(&ApiError::from_response(
                400,
                r#"{"detail": "Validation error", "validation_errors": {"phone": ["Too long."]}}"#
            )),
            "phone: Too long."
        );
        assert_eq!(
            api_error(&ApiError::TimedOut),
            "Label Studio did not answer within 60 seconds. Try again."
        );
    }

    #[test]
    fn a_missing_feature_says_which_release_it_needs() {
        assert_eq!(
            missing(&Missing::Hotkeys {
                runs: Some("1.20.0".into())
            }),
            "Needs Label Studio 1.21.0 or later; this server runs 1.20.0."
        );
        assert!(missing(&Missing::Hotkeys { runs: None }).contains("earlier release"));
    }
}
