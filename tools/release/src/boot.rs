//! The facts `public/boot.js` needs, taken from the app's own constants and catalogs and written
//! into it at build time, so that none is written twice by hand.

use account_settings::api::paths;
use account_settings::domain::i18n::boot::BootMsg;
use account_settings::domain::i18n::{self, zh, Catalog, Lang};
use account_settings::domain::sections::Section;
use account_settings::domain::theme::{self, ThemeChoice};
use serde_json::{json, Value};

/// Where `boot.js` wants the facts: the string `"__BOOT_FACTS__"` (in any of JavaScript's quotes:
/// trunk's minifier writes it in backquotes), replaced by them as a JSON object.
const MARKS: [&str; 3] = ["\"__BOOT_FACTS__\"", "'__BOOT_FACTS__'", "`__BOOT_FACTS__`"];

/// The facts, as `boot.js` reads them.
pub fn facts() -> Value {
    let theme_values: serde_json::Map<String, Value> = [ThemeChoice::Light, ThemeChoice::Dark]
        .into_iter()
        .filter_map(|c| Some((c.as_str().to_string(), json!(c.attribute()?))))
        .collect();
    let stopped: serde_json::Map<String, Value> = [Lang::En, Lang::ZhCn]
        .into_iter()
        .map(|lang| {
            let words = |msg: BootMsg| match lang {
                Lang::ZhCn => zh::boot(msg),
                Lang::En | Lang::Pseudo => msg.english(),
            };
            (
                lang.code().to_string(),
                json!({ "text": words(BootMsg::Stopped), "reload": words(BootMsg::Reload) }),
            )
        })
        .collect();
    json!({
        "themeKey": theme::STORAGE_KEY,
        "themes": theme_values,
        "langKey": i18n::STORAGE_KEY,
        "langs": Lang::ALL.map(Lang::code),
        "english": Lang::En.code(),
        "chinese": Lang::ZhCn.code(),
        "stopped": stopped,
        "hotkeysPage": Section::Hotkeys.path(),
        "whoami": paths::WHOAMI,
        "hotkeys": paths::HOTKEYS,
        "hasHotkeys": account_settings::api::types::HOTKEYS_FIELD,
        "take": account_settings::api::TAKE_EARLY,
        "loader": crate::post_build::LOADER_PREFIX,
    })
}

/// `boot` with its mark replaced by the facts.
pub fn fill(boot: &str) -> crate::Result<String> {
    let found: Vec<&str> = MARKS
        .into_iter()
        .flat_map(|mark| boot.matches(mark))
        .collect();
    match found[..] {
        [mark] => Ok(boot.replacen(mark, &facts().to_string(), 1)),
        _ => Err(crate::fail(format!(
            "boot.js: expected \"__BOOT_FACTS__\" once (where the build writes the app's facts), found it {} times",
            found.len()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facts_are_the_apps() {
        let facts = facts();
        assert_eq!(facts["themeKey"], "preferred-color-scheme");
        assert_eq!(facts["themes"]["Dark"], "dark");
        assert_eq!(facts["langs"], json!(["en", "zh-CN", "en-XA"]));
        assert_eq!(facts["stopped"]["zh-CN"]["reload"], "刷新");
        assert_eq!(facts["hotkeysPage"], "/user/account/hotkeys");
        assert_eq!(facts["whoami"], "/api/current-user/whoami");
        assert_eq!(facts["hasHotkeys"], "custom_hotkeys");
    }

    #[test]
    fn the_mark_is_filled_once_or_the_build_fails() {
        let filled = fill("var F = \"__BOOT_FACTS__\";").expect("filled");
        assert!(filled.starts_with("var F = {"), "{filled}");
        let minified = fill("var F=`__BOOT_FACTS__`;").expect("filled");
        assert!(minified.starts_with("var F={"), "{minified}");
        assert!(fill("var F = {};").is_err());
    }
}
