//! A project's own label keys: the `hotkey` attributes of its labeling config, and the keys the
//! editor gives by itself to labels, choices and the like that have none, and where they clash
//! with the user's bindings in that project's editor.
//!
//! How Label Studio 1.23.2's editor assigns them (`stores/Annotation/Annotation.js`,
//! `setupHotKeys`): first every tag with a `hotkey` is bound; then Audio tags without one take
//! `shift+space`; then, in the order of the config, every other tag that reacts to a key and has
//! none takes the first of `1234567890qwetasdfgzxcvbyiopjklnm` not bound yet by the config.

use super::keys::KeyCombo;
use super::Binding;
use crate::domain::i18n::hotkeys::{HotkeyWords, HotkeysMsg, Tr};
use crate::domain::i18n::{counted, fill, plural};

/// Configs larger than this are not read (Label Studio's own limit is far above any real one).
pub const MAX_CONFIG_BYTES: usize = 1024 * 1024;
/// At most this many tags are read.
pub const MAX_TAGS: usize = 20_000;

const AUTO_KEYS: &str = "1234567890qwetasdfgzxcvbyiopjklnm";

/// Tags that react to a key of their own (lowercase).
const KEYED: &[&str] = &[
    "label",
    "choice",
    "rating",
    "number",
    "shortcut",
    "filter",
    "timeseries",
];

/// One key of the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelKey {
    /// "Label “Cat”", "Choice “Calm”".
    pub what: String,
    /// As the editor binds it: `1`, `ctrl+h`.
    pub key: String,
    /// Given by the editor, not written in the config.
    pub auto: bool,
}

/// What the config gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectKeys {
    pub keys: Vec<LabelKey>,
    /// The editor sections that are live for this project's data (besides annotation and
    /// regions, which always are).
    pub media: Vec<&'static str>,
}

/// Why a config could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    TooLarge(usize),
    TooManyTags,
    Broken(Unreadable),
}

/// Where a config stops being readable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Comment,
    Cdata,
    Markup,
    StrayLt,
    /// The tag's name.
    TagOpen(String),
    AttributeNoName(String),
    /// The attribute's name.
    NotQuoted(String),
    ValueOpen(String),
}

impl Unreadable {
    fn said(&self, t: Tr) -> String {
        match self {
            Self::Comment => t(HotkeysMsg::CommentOpen).into(),
            Self::Cdata => t(HotkeysMsg::CdataOpen).into(),
            Self::Markup => t(HotkeysMsg::MarkupOpen).into(),
            Self::StrayLt => t(HotkeysMsg::StrayLt).into(),
            Self::TagOpen(tag) => fill(t(HotkeysMsg::TagOpen), &[("tag", tag)]),
            Self::AttributeNoName(tag) => fill(t(HotkeysMsg::AttributeNoName), &[("tag", tag)]),
            Self::NotQuoted(name) => fill(t(HotkeysMsg::ValueNotQuoted), &[("name", name)]),
            Self::ValueOpen(name) => fill(t(HotkeysMsg::ValueOpen), &[("name", name)]),
        }
    }
}

impl ConfigProblem {
    pub fn message(&self, t: Tr) -> String {
        match self {
            Self::TooLarge(bytes) => fill(
                t(HotkeysMsg::ConfigTooLarge),
                &[
                    ("size", &(bytes / 1024).to_string()),
                    ("max", &(MAX_CONFIG_BYTES / 1024).to_string()),
                ],
            ),
            Self::TooManyTags => fill(
                t(HotkeysMsg::ConfigTooManyTags),
                &[("max", &MAX_TAGS.to_string())],
            ),
            Self::Broken(why) => fill(t(HotkeysMsg::ConfigBroken), &[("why", &why.said(t))]),
        }
    }
}

struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The start tags of an XML text, in order (comments, declarations and end tags skipped).
fn start_tags(text: &str) -> Result<Vec<Tag>, ConfigProblem> {
    let mut tags = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let skip_to = |rest: &str, end: &str, what: Unreadable| {
            rest.find(end)
                .map(|i| i + end.len())
                .ok_or(ConfigProblem::Broken(what))
        };
        if rest.starts_with("!--") {
            rest = &rest[skip_to(rest, "-->", Unreadable::Comment)?..];
            continue;
        }
        if rest.starts_with("![CDATA[") {
            rest = &rest[skip_to(rest, "]]>", Unreadable::Cdata)?..];
            continue;
        }
        if rest.starts_with('?') || rest.starts_with('!') || rest.starts_with('/') {
            rest = &rest[skip_to(rest, ">", Unreadable::Markup)?..];
            continue;
        }
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        if name_len == 0 {
            return Err(ConfigProblem::Broken(Unreadable::StrayLt));
        }
        let mut tag = Tag {
            name: rest[..name_len].to_ascii_lowercase(),
            attrs: Vec::new(),
        };
        rest = &rest[name_len..];
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix("/>").or_else(|| rest.strip_prefix('>')) {
                rest = after;
                break;
            }
            let eq = rest
                .find('=')
                .ok_or_else(|| ConfigProblem::Broken(Unreadable::TagOpen(tag.name.clone())))?;
            let name = rest[..eq].trim().to_string();
            if name.is_empty() || name.contains(['<', '>', '"', '\'']) {
                return Err(ConfigProblem::Broken(Unreadable::AttributeNoName(
                    tag.name.clone(),
                )));
            }
            rest = rest[eq + 1..].trim_start();
            let quote = rest
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'')
                .ok_or_else(|| ConfigProblem::Broken(Unreadable::NotQuoted(name.clone())))?;
            rest = &rest[1..];
            let end = rest
                .find(quote)
                .ok_or_else(|| ConfigProblem::Broken(Unreadable::ValueOpen(name.clone())))?;
            tag.attrs.push((name, unescape(&rest[..end])));
            rest = &rest[end + 1..];
        }
        tags.push(tag);
        if tags.len() > MAX_TAGS {
            return Err(ConfigProblem::TooManyTags);
        }
    }
    Ok(tags)
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest
            .find(';')
            .filter(|end| *end <= MAX_REFERENCE)
            .and_then(|end| Some((reference(&rest[1..end])?, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            // Not a reference XML knows: kept as written, as a browser keeps it.
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The longest reference read: `&#x10FFFF;`, `&quot;`.
const MAX_REFERENCE: usize = 9;

/// The character a reference (between `&` and `;`) stands for: XML's five names, and decimal
/// (`#49`) or hexadecimal (`#x31`) character numbers.
fn reference(name: &str) -> Option<char> {
    let number = |digits: &str, radix| {
        u32::from_str_radix(digits, radix)
            .ok()
            .filter(|_| !digits.starts_with(['+', '-']))
            .and_then(char::from_u32)
    };
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "amp" => Some('&'),
        _ => match name.strip_prefix('#')? {
            hex if hex.starts_with(['x', 'X']) => number(&hex[1..], 16),
            decimal => number(decimal, 10),
        },
    }
}

/// The keys `config` gives, in the editor's order of binding.
pub fn read(config: &str, t: Tr) -> Result<ProjectKeys, ConfigProblem> {
    if config.len() > MAX_CONFIG_BYTES {
        return Err(ConfigProblem::TooLarge(config.len()));
    }
    let tags = start_tags(config)?;
    let mut out = ProjectKeys::default();
    for tag in &tags {
        let section = match tag.name.as_str() {
            "image" if tag.attr("valueList").is_some() => Some("image_gallery"),
            "image" => Some("tools"),
            "audio" | "audioplus" => Some("audio"),
            "video" => Some("video"),
            "timeseries" => Some("timeseries"),
            _ => None,
        };
        for section in section
            .into_iter()
            .chain(section.filter(|s| *s == "image_gallery").map(|_| "tools"))
        {
            if !out.media.contains(&section) {
                out.media.push(section);
            }
        }
    }
    let describe = |tag: &Tag| {
        let name = match tag.name.as_str() {
            "label" => HotkeysMsg::TagLabel,
            "choice" => HotkeysMsg::TagChoice,
            "rating" => HotkeysMsg::TagRating,
            "number" => HotkeysMsg::TagNumber,
            "shortcut" => HotkeysMsg::TagShortcut,
            "filter" => HotkeysMsg::TagFilter,
            "timeseries" => HotkeysMsg::TagTimeSeries,
            _ => HotkeysMsg::TagAudio,
        };
        let value = ["value", "alias", "name"]
            .iter()
            .find_map(|a| tag.attr(a))
            .unwrap_or_default();
        fill(t(name), &[("value", value)])
    };
    // A few dozen at most: a list is smaller code than a set.
    let mut taken: Vec<String> = Vec::new();
    let mut explicit = Vec::new();
    for tag in &tags {
        let keyed = KEYED.contains(&tag.name.as_str()) || tag.name.starts_with("audio");
        if let Some(key) = tag.attr("hotkey").filter(|k| keyed && !k.trim().is_empty()) {
            let key = key.trim().to_ascii_lowercase();
            taken.push(key.clone());
            explicit.push(LabelKey {
                what: describe(tag),
                key,
                auto: false,
            });
        }
    }
    out.keys = explicit;
    let mut audios = 0;
    for tag in tags.iter().filter(|t| t.name.starts_with("audio")) {
        if tag.attr("hotkey").is_none() {
            audios += 1;
            let key = if audios == 1 {
                "shift+space".to_string()
            } else {
                format!("shift+space+{audios}")
            };
            out.keys.push(LabelKey {
                what: describe(tag),
                key,
                auto: true,
            });
        }
    }
    let mut auto = AUTO_KEYS.chars().map(String::from);
    for tag in &tags {
        if !KEYED.contains(&tag.name.as_str()) || tag.attr("hotkey").is_some() {
            continue;
        }
        let Some(key) = auto.by_ref().find(|k| !taken.contains(k)) else {
            break;
        };
        taken.push(key.clone());
        out.keys.push(LabelKey {
            what: describe(tag),
            key,
            auto: true,
        });
    }
    Ok(out)
}

/// One of the user's bindings that fires together with a key of the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectClash {
    pub label_key: LabelKey,
    /// The user's row.
    pub binding: String,
    /// "Undo (Annotation Actions)".
    pub binding_label: String,
}

impl ProjectClash {
    /// "Label “Cat” and your Undo (Annotation Actions) are both on 1."
    pub fn sentence(&self, t: Tr) -> String {
        fill(
            t(HotkeysMsg::ClashSentence),
            &[
                ("what", &self.label_key.what),
                ("binding", &self.binding_label),
                ("key", &self.label_key.key),
            ],
        )
    }

    /// What "Keep both" remembers: the project's key and the user's row.
    pub fn kept_as(&self) -> (String, String) {
        (self.label_key.what.clone(), self.binding.clone())
    }
}

/// "Showing 20 of 31 projects; …" when the search found more than it shows.
pub fn more_projects(shown: usize, count: u64, t: Tr) -> Option<String> {
    (count > shown as u64).then(|| {
        fill(
            t(HotkeysMsg::MoreProjects),
            &[("shown", &shown.to_string()), ("count", &count.to_string())],
        )
    })
}

/// The line above a project's keys.
pub fn keys_heading(title: &str, keys: usize, t: Tr) -> String {
    let msg = plural(
        keys,
        HotkeysMsg::KeysHeadingOne,
        HotkeysMsg::KeysHeadingMany,
    );
    fill(t(msg), &[("title", title), ("count", &keys.to_string())])
}

/// The line above the clashes.
pub fn clash_summary(clashes: usize, t: Tr) -> String {
    match clashes {
        0 => t(HotkeysMsg::NoClash).to_string(),
        n => counted(t, n, HotkeysMsg::ClashesOne, HotkeysMsg::ClashesMany),
    }
}

/// The clashes not yet settled with "Keep both".
pub fn unsettled(
    project: &ProjectKeys,
    all: &[Binding],
    kept: &[(String, String)],
    words: HotkeyWords,
) -> Vec<ProjectClash> {
    clashes(project, all, words)
        .into_iter()
        .filter(|c| !kept.contains(&c.kept_as()))
        .collect()
}

/// "Turn mine off": switches the user's row off and says so.
pub fn turn_mine_off(all: &mut [Binding], clash: &ProjectClash, t: Tr) -> String {
    if let Some(b) = all.iter_mut().find(|b| b.id == clash.binding) {
        b.active = false;
    }
    fill(
        t(HotkeysMsg::TurnedOffSave),
        &[("label", &clash.binding_label)],
    )
}

/// The user's active bindings live in this project's editor that share a combination with one
/// of its keys. Data-manager keys are not live while labeling; paragraph keys are not passed
/// to the editor by Label Studio 1.23.2.
pub fn clashes(project: &ProjectKeys, all: &[Binding], words: HotkeyWords) -> Vec<ProjectClash> {
    let live = |section: &str| {
        matches!(section, "annotation" | "regions") || project.media.contains(&section)
    };
    let mut out = Vec::new();
    for label_key in &project.keys {
        let Ok(combo) = KeyCombo::parse(&label_key.key) else {
            continue;
        };
        for b in all
            .iter()
            .filter(|b| b.active && live(b.section()) && b.combo().as_ref() == Some(&combo))
        {
            out.push(ProjectClash {
                label_key: label_key.clone(),
                binding: b.id.clone(),
                binding_label: b.label_in_section(words),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::{HotkeyMap, StoredHotkey};
    use crate::domain::hotkeys::merge;
    use crate::domain::i18n::hotkeys::EN;

    const CONFIG: &str = r#"<View>
  <!-- <Label value="not a label"/> -->
  <Image name="img" value="$image"/>
  <RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels>
  <BrushLabels name="brush" toName="img"><Label value="Fur" hotkey="ctrl+f"/></BrushLabels>
  <Choices name="mood" toName="img"><Choice value="Calm"/><Choice value="Angry &amp; loud" hotkey="2"/></Choices>
</View>"#;

    fn keys(config: &str) -> Vec<(String, String, bool)> {
        read(config, EN)
            .expect("readable")
            .keys
            .into_iter()
            .map(|k| (k.what, k.key, k.auto))
            .collect()
    }

    #[test]
    fn written_keys_first_then_the_editors_own_skipping_taken_ones() {
        assert_eq!(
            keys(CONFIG),
            [
                ("Label “Fur”".to_string(), "ctrl+f".to_string(), false),
                ("Choice “Angry & loud”".into(), "2".into(), false),
                ("Label “Cat”".into(), "1".into(), true),
                ("Choice “Calm”".into(), "3".into(), true),
            ]
        );
        assert!(read(CONFIG, EN).expect("readable").media.contains(&"tools"));
    }

    #[test]
    fn character_references_are_read_as_the_characters_they_stand_for() {
        let config = r#"<View><Image name="img" value="$image"/><Labels name="l" toName="img">
  <Label value="&#49;&#x31;&#X32; &amp; &lt;b&gt;" hotkey="&#x61;"/>
  <Label value="&#39;q&apos;" hotkey="&#49;"/>
  <Label value="AT&amp;T &copy; &#xZZ; &#-1; & &"/></Labels></View>"#;
        assert_eq!(
            keys(config),
            [
                ("Label “112 & <b>”".to_string(), "a".to_string(), false),
                ("Label “'q'”".into(), "1".into(), false),
                // Unknown and broken references stay as written.
                (
                    "Label “AT&T &copy; &#xZZ; &#-1; & &”".into(),
                    "2".into(),
                    true
                ),
            ]
        );
        assert_eq!(unescape("&#x1F600;&#128512;"), "😀😀");
        assert_eq!(unescape("&#xD800;&#1114112;&amp"), "&#xD800;&#1114112;&amp");
    }

    #[test]
    fn the_editor_layers_project_gets_1_to_4() {
        // The layer's config: the editor showed Cat[1], Fur[2], Calm[3], Angry[4].
        let config = r#"<View><Image name="img" value="$image"/>
  <RectangleLabels name="box" toName="img"><Label value="Cat"/></RectangleLabels>
  <BrushLabels name="brush" toName="img"><Label value="Fur"/></BrushLabels>
  <Choices name="mood" toName="img"><Choice value="Calm"/><Choice value="Angry"/></Choices></View>"#;
        let got: Vec<String> = keys(config).into_iter().map(|(_, k, _)| k).collect();
        assert_eq!(got, ["1", "2", "3", "4"]);
    }

    #[test]
    fn after_the_digits_come_letters_and_audio_takes_shift_space() {
        let labels: String = (0..12)
            .map(|i| format!(r#"<Label value="L{i}"/>"#))
            .collect();
        let config =
            format!(r#"<View><Audio name="a" value="$a"/><Labels>{labels}</Labels></View>"#);
        let got: Vec<String> = keys(&config).into_iter().map(|(_, k, _)| k).collect();
        assert_eq!(got[0], "shift+space");
        assert_eq!(
            &got[1..],
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "q", "w"]
        );
    }

    #[test]
    fn broken_and_huge_configs_are_explained() {
        for (config, says) in [
            (r#"<View><Label value="Cat/></View>"#, "not closed"),
            ("<View><!-- open", "a comment is not closed"),
            ("<View>< Label/>", "starts no tag"),
            (r#"<View><Label value=Cat/></View>"#, "not quoted"),
        ] {
            let problem = read(config, EN).expect_err(config);
            assert!(
                problem.message(EN).contains(says),
                "{config}: {}",
                problem.message(EN)
            );
        }
        let huge = "<View>".to_string() + &" ".repeat(MAX_CONFIG_BYTES) + "</View>";
        assert!(matches!(read(&huge, EN), Err(ConfigProblem::TooLarge(_))));
        let many = "<Label value=\"x\"/>".repeat(MAX_TAGS + 1);
        assert_eq!(read(&many, EN), Err(ConfigProblem::TooManyTags));
    }

    #[test]
    fn clashes_are_the_users_live_bindings_on_the_same_keys() {
        let mut stored = HotkeyMap::new();
        stored.insert(
            "annotation:annotation:undo".into(),
            StoredHotkey {
                key: "1".into(),
                active: Some(true),
                description: None,
            },
        );
        stored.insert(
            "data_manager:dm.focus-next".into(),
            StoredHotkey {
                key: "3".into(),
                active: Some(true),
                description: None,
            },
        );
        let all = merge(&stored);
        let project = read(CONFIG, EN).expect("readable");
        let found: Vec<(String, String)> = clashes(&project, &all, HotkeyWords::ENGLISH)
            .into_iter()
            .map(|c| (c.label_key.what, c.binding))
            .collect();
        assert_eq!(
            found,
            [(
                "Label “Cat”".to_string(),
                "annotation:annotation:undo".to_string()
            )],
            "the data manager is not live while labeling"
        );
        // Turned off, kept, and said.
        let mut rows = all.clone();
        let undo = clashes(&project, &rows, HotkeyWords::ENGLISH).remove(0);
        assert_eq!(
            undo.sentence(EN),
            "Label “Cat” and your Undo (Annotation Actions) are both on 1."
        );
        assert_eq!(
            turn_mine_off(&mut rows, &undo, EN),
            "Undo (Annotation Actions) is turned off. Save to keep it."
        );
        assert!(unsettled(&project, &rows, &[], HotkeyWords::ENGLISH).is_empty());
        assert_eq!(
            unsettled(&project, &all, &[undo.kept_as()], HotkeyWords::ENGLISH),
            []
        );
        assert_eq!(
            clash_summary(0, EN),
            "None of your hotkeys fires with them."
        );
        assert_eq!(
            clash_summary(2, EN),
            "2 of your hotkeys fire with them in this project:"
        );
        assert_eq!(
            keys_heading("Cats", 4, EN),
            "Cats: 4 keys from its labeling config."
        );
        assert_eq!(more_projects(20, 20, EN), None);
        assert_eq!(
            more_projects(20, 31, EN).as_deref(),
            Some("Showing 20 of 31 projects; type more of the title.")
        );
        // Without an image, the tools are not live: nothing clashes with B.
        let text = read(r#"<View><Text name="t" value="$t"/><Labels><Label value="B" hotkey="b"/></Labels></View>"#, EN)
            .expect("readable");
        assert!(clashes(&text, &merge(&HotkeyMap::new()), HotkeyWords::ENGLISH).is_empty());
        let image = read(r#"<View><Image name="i" value="$i"/><Labels><Label value="B" hotkey="b"/></Labels></View>"#, EN)
            .expect("readable");
        assert_eq!(
            clashes(&image, &merge(&HotkeyMap::new()), HotkeyWords::ENGLISH)[0].binding,
            "tools:tool:brush"
        );
    }
}
