//! Dates in the browser's locale (Chinese ones when the page speaks Chinese) and time zone.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::i18n::Lang;
use crate::domain::time::full_timestamp;

/// "Nov 27, 2026, 12:05 PM" (or the locale's equivalent) for `epoch_secs`, on a page that
/// speaks `lang`.
pub fn local_short(epoch_secs: i64, lang: Lang) -> String {
    let date = Date::new(&JsValue::from_f64(epoch_secs as f64 * 1000.0));
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let locale = match lang {
        Lang::ZhCn => "zh-CN",
        Lang::En | Lang::Pseudo => "default",
    };
    date.to_locale_string(locale, &options).into()
}

/// The full timestamp in the browser's UTC offset at that moment (DST-aware).
pub fn local_full(epoch_secs: i64) -> String {
    let date = Date::new(&JsValue::from_f64(epoch_secs as f64 * 1000.0));
    // getTimezoneOffset is minutes *behind* UTC.
    let offset = -(date.get_timezone_offset() as i32);
    full_timestamp(epoch_secs, offset)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for the `datetime` attribute.
pub fn iso_utc(epoch_secs: i64) -> String {
    let full = full_timestamp(epoch_secs, 0);
    format!(
        "{}Z",
        full.trim_end_matches(" UTC+00:00").replacen(' ', "T", 1)
    )
}
