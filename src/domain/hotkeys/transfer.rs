//! Export and import in Label Studio's own format, so files move both ways between this page and
//! Label Studio's: `{"hotkeys": [{id, section, element, label, key, description, active}…],
//! "settings": {}, "exportedAt": ISO-8601, "version": "1.0"}` (or a bare array).

use serde_json::{json, Value};

use super::validation::{check_key, MAX_ENTRIES};
use super::{default_for, defaults::DEFAULTS, Binding};
use crate::domain::i18n::fill;
use crate::domain::i18n::hotkeys::{HotkeyWords, HotkeysMsg, Tr, EN};

/// Largest import accepted.
pub const MAX_IMPORT_BYTES: usize = 1_048_576;

/// The export file's text: every hotkey, ids as strings, pretty-printed.
pub fn export(bindings: &[Binding], exported_at: &str, words: HotkeyWords) -> String {
    let hotkeys: Vec<Value> = bindings
        .iter()
        .map(|b| {
            let (section, element) = b.id.split_once(':').unwrap_or((&b.id, ""));
            let d = b.default_of();
            json!({
                "id": d.map_or_else(|| b.id.clone(), |d| d.number.to_string()),
                "section": section,
                "element": element,
                "label": b.label(words),
                "key": b.key,
                "description": b.description.clone().or_else(|| d.map(|d| (words.default)(d).1.to_string())).unwrap_or_default(),
                "active": b.active,
            })
        })
        .collect();
    let file =
        json!({ "hotkeys": hotkeys, "settings": {}, "exportedAt": exported_at, "version": "1.0" });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// One problem in an import, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// Item index in the `hotkeys` array, when the problem is in one item.
    pub index: Option<usize>,
    /// Field name, when one field is at fault.
    pub field: Option<&'static str>,
    pub message: String,
}

impl ImportProblem {
    /// The problem with where it is, in `t`'s language (the message is in it already).
    pub fn said(&self, t: Tr) -> String {
        let item = self.index.map(|i| i.to_string()).unwrap_or_default();
        let (item, problem) = (("item", item.as_str()), ("problem", self.message.as_str()));
        match (self.index, self.field) {
            (Some(_), Some(field)) => fill(
                t(HotkeysMsg::ImportItemField),
                &[item, ("field", field), problem],
            ),
            (Some(_), None) => fill(t(HotkeysMsg::ImportItem), &[item, problem]),
            _ => self.message.clone(),
        }
    }
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said(EN))
    }
}

fn whole(message: impl Into<String>) -> Vec<ImportProblem> {
    vec![ImportProblem {
        index: None,
        field: None,
        message: message.into(),
    }]
}

/// Why a file of `bytes` bytes can't be imported, if it is over the limit: said before it is
/// read.
pub fn too_large(bytes: u64, t: Tr) -> Option<String> {
    (bytes > MAX_IMPORT_BYTES as u64).then(|| {
        fill(
            t(HotkeysMsg::TooLargeFile),
            &[
                ("bytes", &bytes.to_string()),
                ("max", &MAX_IMPORT_BYTES.to_string()),
            ],
        )
    })
}

/// Reads an import and returns the complete new list of bindings (an import replaces everything:
/// hotkeys it leaves out go back to their defaults), or every problem found. Nothing is applied
/// here.
pub fn import(text: &str, t: Tr) -> Result<Vec<Binding>, Vec<ImportProblem>> {
    if text.trim().is_empty() {
        return Err(whole(t(HotkeysMsg::PasteFirst)));
    }
    if let Some(message) = too_large(text.len() as u64, t) {
        return Err(whole(message));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        whole(fill(
            t(HotkeysMsg::NotJson),
            &[
                ("line", &e.line().to_string()),
                ("column", &e.column().to_string()),
                ("error", &e.to_string()),
            ],
        ))
    })?;
    let items = match &value {
        Value::Array(items) => items,
        Value::Object(map) => match map.get("hotkeys") {
            Some(Value::Array(items)) => items,
            Some(_) => return Err(whole(t(HotkeysMsg::HotkeysNotList))),
            None => return Err(whole(t(HotkeysMsg::NotAnExport))),
        },
        _ => return Err(whole(t(HotkeysMsg::NotAnExport))),
    };
    if items.is_empty() {
        return Err(whole(t(HotkeysMsg::NoHotkeysInFile)));
    }
    if items.len() > MAX_ENTRIES {
        return Err(whole(fill(
            t(HotkeysMsg::TooManyInFile),
            &[
                ("count", &items.len().to_string()),
                ("max", &MAX_ENTRIES.to_string()),
            ],
        )));
    }

    let mut problems = Vec::new();
    let mut imported: Vec<Binding> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let mut problem = |field: Option<&'static str>, message: String| {
            problems.push(ImportProblem {
                index: Some(index),
                field,
                message,
            });
        };
        let Value::Object(obj) = item else {
            problem(None, t(HotkeysMsg::MustBeObject).into());
            continue;
        };
        let text_field = |name: &str| {
            obj.get(name)
                .and_then(Value::as_str)
                .map(str::to_string)
                .filter(|s| !s.is_empty())
        };
        let mut missing = false;
        for field in ["id", "section", "element", "label", "key"] {
            let present = match obj.get(field) {
                Some(Value::String(s)) => !s.is_empty(),
                Some(Value::Number(_)) => field == "id",
                _ => false,
            };
            if !present {
                missing = true;
                problem(
                    Some(static_field(field)),
                    t(HotkeysMsg::MissingOrEmpty).into(),
                );
            }
        }
        if missing {
            continue;
        }
        let (Some(section), Some(element), Some(key)) = (
            text_field("section"),
            text_field("element"),
            text_field("key"),
        ) else {
            continue;
        };
        let id = format!("{section}:{element}");
        if default_for(&id).is_none() {
            problem(
                Some("element"),
                fill(t(HotkeysMsg::UnknownHotkey), &[("id", &id)]),
            );
            continue;
        }
        let active = match obj.get("active") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                problem(Some("active"), t(HotkeysMsg::TrueOrFalse).into());
                continue;
            }
        };
        if imported.iter().any(|b| b.id == id) {
            problem(Some("element"), fill(t(HotkeysMsg::Twice), &[("id", &id)]));
            continue;
        }
        match check_key(&key, t) {
            Ok(combo) => imported.push(Binding {
                id,
                key: combo.to_string(),
                active,
                description: None,
            }),
            Err(message) => problem(Some("key"), message),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(DEFAULTS
        .iter()
        .map(|d| {
            imported
                .iter()
                .find(|b| b.id == d.id)
                .cloned()
                .unwrap_or_else(|| Binding {
                    id: d.id.to_string(),
                    key: d.key.to_string(),
                    active: true,
                    description: None,
                })
        })
        .collect())
}

fn static_field(name: &str) -> &'static str {
    match name {
        "id" => "id",
        "section" => "section",
        "element" => "element",
        "label" => "label",
        _ => "key",
    }
}

/// One row that a bulk change (import, reset) would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    pub before: Option<(String, bool)>,
    pub after: Option<(String, bool)>,
}

impl Change {
    /// The action's name in `words`' language; an unknown row's id.
    pub fn label(&self, words: HotkeyWords) -> String {
        default_for(&self.id).map_or_else(|| self.id.clone(), |d| (words.default)(d).0.to_string())
    }
}

/// The rows whose key (normalised) or on/off state differs between `before` and `after`.
pub fn diff(before: &[Binding], after: &[Binding]) -> Vec<Change> {
    let state = |list: &[Binding], id: &str| {
        list.iter()
            .find(|b| b.id == id)
            .map(|b| (b.key.clone(), b.active))
    };
    let mut ids: Vec<&str> = before.iter().chain(after).map(|b| b.id.as_str()).collect();
    ids.dedup();
    let mut seen = std::collections::BTreeSet::new();
    ids.into_iter()
        .filter(|id| seen.insert(*id))
        .filter_map(|id| {
            let (b, a) = (state(before, id), state(after, id));
            let same = match (&b, &a) {
                (Some((kb, ab)), Some((ka, aa))) => ab == aa && super::same_key(kb, ka),
                (None, None) => true,
                _ => false,
            };
            (!same).then(|| Change {
                id: id.to_string(),
                before: b,
                after: a,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::HotkeyMap;
    use crate::domain::hotkeys::{merge, to_stored};

    fn defaults() -> Vec<Binding> {
        merge(&HotkeyMap::new())
    }

    #[test]
    fn export_then_import_round_trips() {
        let mut bindings = defaults();
        bindings[0].key = "ctrl+shift+enter".into();
        bindings[5].active = false;
        let text = export(&bindings, "2026-11-27T12:00:00.000Z", HotkeyWords::ENGLISH);
        let file: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(file["version"], "1.0");
        assert_eq!(file["settings"], json!({}));
        assert_eq!(file["hotkeys"].as_array().map(Vec::len), Some(71));
        assert_eq!(file["hotkeys"][0]["id"], "100", "ids are strings");
        assert_eq!(file["hotkeys"][0]["section"], "annotation");
        assert_eq!(file["hotkeys"][0]["element"], "annotation:submit");
        assert!(text.contains("\n  \"hotkeys\""), "pretty-printed");
        let back = import(&text, EN).expect("import");
        assert_eq!(to_stored(&back), to_stored(&bindings));
    }

    #[test]
    fn a_chinese_export_names_its_actions_in_chinese_and_imports_back() {
        use crate::domain::i18n::zh_hotkeys;
        let chinese = HotkeyWords {
            t: zh_hotkeys::hotkeys,
            default: |d| zh_hotkeys::hotkey_default(d.number).unwrap_or((d.label, d.description)),
        };
        let mut bindings = defaults();
        bindings[2].key = "ctrl+alt+u".into();
        let text = export(&bindings, "2026-12-06T12:00:00.000Z", chinese);
        let file: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(file["hotkeys"][0]["label"], "提交标注");
        assert_eq!(
            file["hotkeys"][0]["description"],
            "提交标注并进入下一个任务"
        );
        // The words are for people: the ids and keys carry the meaning, in any language.
        let back = import(&text, zh_hotkeys::hotkeys).expect("import");
        assert_eq!(to_stored(&back), to_stored(&bindings));
        let problems = import("[]", zh_hotkeys::hotkeys).expect_err("empty");
        assert_eq!(problems[0].said(zh_hotkeys::hotkeys), "文件中没有快捷键。");
    }

    #[test]
    fn the_bare_array_form_is_accepted_and_missing_rows_reset() {
        let text = r#"[{"id": 5100, "section": "tools", "element": "tool:pan-image", "label": "Pan", "key": "shift+H"}]"#;
        let back = import(text, EN).expect("import");
        assert_eq!(back.len(), 71);
        let stored = to_stored(&back);
        assert_eq!(stored.len(), 1);
        assert_eq!(
            stored["tools:tool:pan-image"].key, "shift+h",
            "stored normalised"
        );
    }

    fn problems(text: &str) -> Vec<String> {
        import(text, EN)
            .err()
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn malformed_imports_are_explained_and_located() {
        let item = |fields: &str| format!(r#"{{"hotkeys": [{{{fields}}}]}}"#);
        let good = r#""id": "100", "section": "annotation", "element": "annotation:submit", "label": "Submit""#;
        let cases: Vec<(String, &str)> = vec![
            ("".into(), "Paste or choose"),
            ("   \n".into(), "Paste or choose"),
            ("{".into(), "line 1, column 1"),
            (
                "{\n  \"hotkeys\": [\n    {,}\n  ]\n}".into(),
                "line 3, column 6",
            ),
            ("42".into(), "Expected a Label Studio hotkeys export"),
            ("\"text\"".into(), "Expected a Label Studio hotkeys export"),
            (
                r#"{"keys": []}"#.into(),
                "Expected a Label Studio hotkeys export",
            ),
            (r#"{"hotkeys": {}}"#.into(), "must be a list"),
            (r#"{"hotkeys": []}"#.into(), "no hotkeys"),
            ("[]".into(), "no hotkeys"),
            (r#"[1]"#.into(), "Item 0: must be an object"),
            (
                item(r#""id": "100""#),
                "Item 0, section: is missing or empty",
            ),
            (
                item(&format!(r#"{good}, "key": """#)),
                "Item 0, key: is missing or empty",
            ),
            (
                item(&format!(r#"{good}, "key": 5"#)),
                "Item 0, key: is missing or empty",
            ),
            (
                item(r#""id": "1", "section": "nope", "element": "x", "label": "X", "key": "a""#),
                "Item 0, element: “nope:x” is not a hotkey",
            ),
            (
                item(&format!(r#"{good}, "key": "alt+tab""#)),
                "Item 0, key: Key combination 'alt+tab' is not allowed",
            ),
            (
                item(&format!(r#"{good}, "key": "cmd+space""#)),
                "not allowed for security reasons",
            ),
            (
                item(&format!(r#"{good}, "key": "ctrl+ü""#)),
                "Item 0, key: “ü” is not an ASCII key",
            ),
            (
                item(&format!(r#"{good}, "key": "ctrl+insert""#)),
                "Item 0, key: “ctrl+insert”: “insert” is not a key",
            ),
            (
                item(&format!(r#"{good}, "key": "{}""#, "a+".repeat(30))),
                "longer than 50 characters",
            ),
            (
                item(&format!(r#"{good}, "key": "a", "active": "yes""#)),
                "Item 0, active: must be true or false",
            ),
            (
                format!("[{{{good}, \"key\": \"a\"}}, {{{good}, \"key\": \"b\"}}]"),
                "Item 1, element: “annotation:annotation:submit” appears more than once",
            ),
            (
                format!(
                    "[{}]",
                    vec![format!("{{{good}, \"key\": \"a\"}}"); 201].join(",")
                ),
                "201 hotkeys; Label Studio stores at most 200",
            ),
            (
                format!("[{}]", " ".repeat(MAX_IMPORT_BYTES)),
                "The file is 1048578 bytes; imports are limited to 1 MiB (1048576 bytes).",
            ),
        ];
        // A chosen file is judged by its size before it is read.
        assert_eq!(too_large(MAX_IMPORT_BYTES as u64, EN), None);
        assert!(too_large(MAX_IMPORT_BYTES as u64 + 1, EN).is_some());
        for (text, expected) in &cases {
            let found = problems(text);
            assert!(
                found.iter().any(|p| p.contains(expected)),
                "{:?} → {found:?}, wanted {expected:?}",
                text.chars().take(80).collect::<String>()
            );
        }
        assert!(cases.len() >= 15);
        // Every bad item is listed, not just the first.
        let two_bad = format!("[{{{good}, \"key\": \"alt+tab\"}}, {{\"id\": \"2\"}}]");
        assert_eq!(problems(&two_bad).len(), 1 + 4);
    }

    #[test]
    fn diff_lists_only_real_changes() {
        let before = defaults();
        let mut after = before.clone();
        after[0].key = "ctrl+shift+enter".into();
        after[1].active = false;
        after[2].key = "CTRL+Z".into(); // same binding, other spelling
        let changes = diff(&before, &after);
        assert_eq!(changes.len(), 2);
        assert_eq!(changes[0].label(HotkeyWords::ENGLISH), "Submit Annotation");
        assert_eq!(changes[0].before, Some(("ctrl+enter".into(), true)));
        assert_eq!(changes[0].after, Some(("ctrl+shift+enter".into(), true)));
        assert_eq!(changes[1].after.as_ref().map(|a| a.1), Some(false));
    }
}
