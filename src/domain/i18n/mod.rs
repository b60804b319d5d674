//! Languages and the page's words. Each part of the page (the shell with Personal info, the photo
//! editor, the smaller sections, hotkeys) has its own catalog: an enum with one variant per
//! string, its English in [`catalog!`] beside it, and its Chinese in `zh.rs` as one exhaustive
//! `match`, so a string missing from either language does not compile. A part's catalog is
//! linked into the wasm chunk of the code that uses it; the Chinese tables each have a chunk of
//! their own, fetched only when Chinese is chosen (`src/i18n.rs`).
//!
//! Templates name their placeholders (`{count}`), filled by [`fill`]; English plurals are two
//! entries (`…One`, `…Many`) picked by [`plural`], and Chinese gives both the same text.

pub mod avatar;
pub mod boot;
pub mod hotkeys;
pub mod keyboard_map;
pub mod main;
pub mod sections;
pub mod zh;
pub mod zh_hotkeys;

/// Label Studio's newest frontend keeps the choice here, with the same values.
pub const STORAGE_KEY: &str = "label-studio.lang";

/// The page's languages. Which one a visit speaks is decided before the page's code starts, by
/// `public/boot.js` (a stored choice, else the first of the browser's languages that the page
/// has: English of any region, or Simplified Chinese as `zh`, `zh-CN`, `zh-SG`, `zh-Hans…`;
/// English when none matches). `Pseudo` is for tests only: English made longer and accented, so
/// a string that does not come from a catalog stands out. It is chosen from storage, never
/// offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
    Pseudo,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhCn, Lang::Pseudo];

    /// The stored value and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
            Lang::Pseudo => "en-XA",
        }
    }

    /// What the switch offers: the language the page does not speak (the test language offers
    /// English).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::ZhCn,
            Lang::ZhCn | Lang::Pseudo => Lang::En,
        }
    }

    /// The language's name in itself, as the switch shows it whatever the page speaks.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En | Lang::Pseudo => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// A stored value; anything else is not a choice.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }
}

/// One part's catalog: the English of each of its strings.
pub trait Catalog: Copy + Send + Sync + 'static {
    fn english(self) -> &'static str;
}

/// `catalog!(Name { Variant => "English", … })`: the enum, its [`Catalog`] and, for tests, `ALL`.
macro_rules! catalog {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $english:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            #[cfg(test)]
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
        }

        impl $crate::domain::i18n::Catalog for $name {
            fn english(self) -> &'static str {
                match self {
                    $($name::$variant => $english,)*
                }
            }
        }
    };
}
pub(crate) use catalog;

/// `template` with each `{name}` replaced by its value; an unknown name is left as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            Some((
                close,
                args.iter().find(|(name, _)| *name == &after[..close])?,
            ))
        }) {
            Some((close, (_, value))) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// English's two forms: `one` for exactly 1, `many` otherwise.
pub fn plural<M>(count: usize, one: M, many: M) -> M {
    if count == 1 {
        one
    } else {
        many
    }
}

/// A count in words: English's `one` or `many` form with `{count}` filled (Chinese's one form
/// names `{count}` too, so both are filled alike).
pub fn counted<M>(words: fn(M) -> &'static str, count: usize, one: M, many: M) -> String {
    fill(
        words(plural(count, one, many)),
        &[("count", &count.to_string())],
    )
}

/// The placeholders a template names, in order (for the catalogs' tests).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

/// The test language: letters accented, about 40 % longer, in brackets, placeholders untouched.
/// A text on the page that is not in brackets did not come from a catalog.
pub fn pseudo(english: &str) -> String {
    const FROM: &str = "aceinouyACEINOUY";
    const TO: [char; 16] = [
        'å', 'ç', 'é', 'î', 'ñ', 'ö', 'ü', 'ý', 'Å', 'Ç', 'É', 'Î', 'Ñ', 'Ö', 'Ü', 'Ý',
    ];
    let mut out = String::with_capacity(english.len() * 2 + 4);
    out.push('[');
    let mut in_placeholder = false;
    let mut letters = 0;
    for c in english.chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            _ => {}
        }
        match FROM.find(c).filter(|_| !in_placeholder) {
            Some(at) => out.push(TO[at]),
            None => out.push(c),
        }
        letters += usize::from(c.is_alphanumeric() && !in_placeholder);
    }
    out.extend(std::iter::repeat_n('~', (letters * 2).div_ceil(5)));
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in [Lang::En, Lang::ZhCn, Lang::Pseudo] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("zh"), None);
        assert_eq!(Lang::En.other(), Lang::ZhCn);
        assert_eq!(Lang::ZhCn.other(), Lang::En);
        assert_eq!(Lang::Pseudo.other(), Lang::En);
    }

    #[test]
    fn fill_replaces_named_placeholders_and_leaves_the_rest() {
        assert_eq!(
            fill("{n} of {total}", &[("n", "2"), ("total", "5")]),
            "2 of 5"
        );
        assert_eq!(fill("a {x} b", &[]), "a {x} b");
        assert_eq!(fill("{ unclosed", &[("unclosed", "x")]), "{ unclosed");
        assert_eq!(fill("{a}{a}", &[("a", "{a}")]), "{a}{a}");
        assert_eq!(fill("无{n}个", &[("n", "3")]), "无3个");
    }

    #[test]
    fn placeholders_are_listed_in_order() {
        assert_eq!(placeholders("{a} and {b}, {a}"), ["a", "b", "a"]);
        assert!(placeholders("none").is_empty());
    }

    #[test]
    fn plural_picks_one_only_for_one() {
        assert_eq!(plural(1, "one", "many"), "one");
        assert_eq!(plural(0, "one", "many"), "many");
        assert_eq!(plural(2, "one", "many"), "many");
    }

    #[test]
    fn pseudo_is_bracketed_accented_longer_and_keeps_placeholders() {
        let text = pseudo("Save {count} changes");
        assert!(text.starts_with("[Såvé {count} çhåñgés"), "{text}");
        assert!(text.ends_with("~]"), "{text}");
        assert!(text.chars().count() as f64 >= "Save {count} changes".len() as f64 * 1.3);
        assert_eq!(placeholders(&text), ["count"]);
    }
}
