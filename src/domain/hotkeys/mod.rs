//! Hotkeys: the defaults, merging what the server stores over them, what to save, conflicts,
//! the server's validation mirrored, and export/import in Label Studio's format.

pub mod defaults;
pub mod editing;
pub mod keys;
pub mod project_keys;
pub mod single_key;
pub mod transfer;
pub mod try_key;
pub mod validation;

use std::collections::BTreeMap;

use crate::api::types::{HotkeyMap, StoredHotkey};
use keys::KeyCombo;

use crate::domain::i18n::hotkeys::{HotkeyWords, HotkeysMsg};
use crate::domain::text;

/// A section of hotkeys as the editor groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HotkeySection {
    pub id: &'static str,
    pub title: HotkeysMsg,
    pub description: HotkeysMsg,
}

/// Sections in display order; unknown stored ids go to "Other" at the end.
pub const SECTIONS: &[HotkeySection] = &[
    HotkeySection {
        id: "annotation",
        title: HotkeysMsg::AnnotationTitle,
        description: HotkeysMsg::AnnotationAbout,
    },
    HotkeySection {
        id: "data_manager",
        title: HotkeysMsg::DataManagerTitle,
        description: HotkeysMsg::DataManagerAbout,
    },
    HotkeySection {
        id: "regions",
        title: HotkeysMsg::RegionsTitle,
        description: HotkeysMsg::RegionsAbout,
    },
    HotkeySection {
        id: "tools",
        title: HotkeysMsg::ToolsTitle,
        description: HotkeysMsg::ToolsAbout,
    },
    HotkeySection {
        id: "audio",
        title: HotkeysMsg::AudioTitle,
        description: HotkeysMsg::AudioAbout,
    },
    HotkeySection {
        id: "video",
        title: HotkeysMsg::VideoTitle,
        description: HotkeysMsg::VideoAbout,
    },
    HotkeySection {
        id: "timeseries",
        title: HotkeysMsg::TimeSeriesTitle,
        description: HotkeysMsg::TimeSeriesAbout,
    },
    HotkeySection {
        id: "image_gallery",
        title: HotkeysMsg::GalleryTitle,
        description: HotkeysMsg::GalleryAbout,
    },
    HotkeySection {
        id: "paragraphs",
        title: HotkeysMsg::ParagraphsTitle,
        description: HotkeysMsg::ParagraphsAbout,
    },
];

/// The "Other" group for stored ids this version does not know.
pub const OTHER: HotkeySection = HotkeySection {
    id: "other",
    title: HotkeysMsg::OtherTitle,
    description: HotkeysMsg::OtherAbout,
};

/// One default of the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultHotkey {
    /// Label Studio's numeric id (used in exports).
    pub number: u32,
    /// Server id `section:element`.
    pub id: &'static str,
    pub label: &'static str,
    pub key: &'static str,
    pub description: &'static str,
}

impl DefaultHotkey {
    pub fn section(&self) -> &'static str {
        self.id.split_once(':').map_or("", |(s, _)| s)
    }

    pub fn element(&self) -> &'static str {
        self.id.split_once(':').map_or("", |(_, e)| e)
    }
}

pub fn default_for(id: &str) -> Option<&'static DefaultHotkey> {
    defaults::DEFAULTS.iter().find(|d| d.id == id)
}

/// One row of the page: a default (or an unknown stored entry) with its current state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Server id `section:element`.
    pub id: String,
    pub key: String,
    pub active: bool,
    /// Kept from the stored entry so saving does not drop it.
    pub description: Option<String>,
}

impl Binding {
    pub fn default_of(&self) -> Option<&'static DefaultHotkey> {
        default_for(&self.id)
    }

    /// The section this row is shown in.
    pub fn section(&self) -> &str {
        match self.default_of() {
            Some(d) => d.section(),
            None => OTHER.id,
        }
    }

    /// The action's name in `words`' language; an unknown row's id.
    pub fn label(&self, words: HotkeyWords) -> String {
        self.default_of()
            .map_or_else(|| self.id.clone(), |d| (words.default)(d).0.to_string())
    }

    /// "Redo (Annotation Actions)": the action and its section.
    pub fn label_in_section(&self, words: HotkeyWords) -> String {
        words.fill(
            HotkeysMsg::ActionInSection,
            &[
                ("label", &self.label(words)),
                ("section", section_title(self.section(), words)),
            ],
        )
    }

    pub fn combo(&self) -> Option<KeyCombo> {
        KeyCombo::parse(&self.key).ok()
    }

    /// Differs from the default in key (compared normalised) or in being switched off.
    pub fn is_modified(&self) -> bool {
        match self.default_of() {
            Some(d) => !self.active || !same_key(&self.key, d.key),
            None => true,
        }
    }

    /// Back to the default (unknown entries are left as they are).
    pub fn reset(&mut self) {
        if let Some(d) = self.default_of() {
            self.key = d.key.to_string();
            self.active = true;
        }
    }
}

/// Keys equal after normalising (falls back to exact text for unreadable keys).
pub fn same_key(a: &str, b: &str) -> bool {
    match (keys::normalize(a), keys::normalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The defaults with the stored overrides applied; unknown stored ids are kept at the end.
/// An entry without `active` counts as active (the server's and the editor's reading).
pub fn merge(stored: &HotkeyMap) -> Vec<Binding> {
    let mut bindings: Vec<Binding> = defaults::DEFAULTS
        .iter()
        .map(|d| match stored.get(d.id) {
            Some(s) => Binding {
                id: d.id.to_string(),
                key: s.key.clone(),
                active: s.active.unwrap_or(true),
                description: s.description.clone(),
            },
            None => Binding {
                id: d.id.to_string(),
                key: d.key.to_string(),
                active: true,
                description: None,
            },
        })
        .collect();
    bindings.extend(
        stored
            .iter()
            // The single-key switch's memory is a setting, not a row.
            .filter(|(id, _)| default_for(id).is_none() && *id != single_key::MEMORY_ID)
            .map(|(id, s)| Binding {
                id: id.clone(),
                key: s.key.clone(),
                active: s.active.unwrap_or(true),
                description: s.description.clone(),
            }),
    );
    bindings
}

/// What to store: only entries that differ from the defaults, plus every unknown entry.
pub fn to_stored(bindings: &[Binding]) -> HotkeyMap {
    bindings
        .iter()
        .filter(|b| b.is_modified())
        .map(|b| {
            let entry = StoredHotkey {
                key: b.key.clone(),
                active: Some(b.active),
                description: b.description.clone(),
            };
            (b.id.clone(), entry)
        })
        .collect()
}

/// The copy of the stored map that whoami carries (`custom_hotkeys`), used when the hotkeys
/// endpoint fails. `None` when it is missing or not a valid map.
pub fn from_profile(value: Option<&serde_json::Value>) -> Option<HotkeyMap> {
    serde_json::from_value(value?.clone()).ok()
}

/// Two stored maps mean the same thing (ignoring spellings and an explicit `active: true`).
pub fn same_stored(a: &HotkeyMap, b: &HotkeyMap) -> bool {
    to_stored(&merge(a)) == to_stored(&merge(b))
}

/// Hotkey edits kept while the user signs in again, tied to whose they are.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PendingHotkeys {
    pub user_id: u64,
    /// The edited map in stored form.
    pub map: HotkeyMap,
}

/// Where pending hotkey edits wait (sessionStorage; key bindings are not secrets).
pub const PENDING_HOTKEYS_KEY: &str = "ls-account-hotkeys-draft";

/// The edits to restore for `user_id` over what the server has: only that user's, and only if
/// they differ from it (a save that went through after all leaves nothing to restore).
pub fn restorable(
    pending: Option<PendingHotkeys>,
    user_id: u64,
    stored: &HotkeyMap,
) -> Option<HotkeyMap> {
    pending
        .filter(|p| p.user_id == user_id && !same_stored(&p.map, stored))
        .map(|p| p.map)
}

/// Whether two sections can be live at the same time in the editor. `annotation` and `regions`
/// are always on while labelling; each media section is live only with its own data; the Data
/// Manager is a different page.
fn scopes_overlap(a: &str, b: &str) -> bool {
    const EVERYWHERE_IN_EDITOR: &[&str] = &["annotation", "regions", OTHER.id];
    if a == b {
        return true;
    }
    if a == "data_manager" || b == "data_manager" {
        return false;
    }
    EVERYWHERE_IN_EDITOR.contains(&a) || EVERYWHERE_IN_EDITOR.contains(&b)
}

/// Another row bound to the same combination where both can fire at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// The other row's id.
    pub other: String,
    /// Both rows still have their default keys: Label Studio ships them that way, so this is
    /// shown as "shared by default", not as an error.
    pub shared_by_default: bool,
}

/// For each active row, the other active rows bound to the same (normalised) combination in a
/// scope that is live at the same time. Rows without clashes are absent.
pub fn conflicts(bindings: &[Binding]) -> BTreeMap<String, Vec<Clash>> {
    let mut by_combo: BTreeMap<KeyCombo, Vec<&Binding>> = BTreeMap::new();
    for b in bindings.iter().filter(|b| b.active) {
        if let Some(combo) = b.combo() {
            by_combo.entry(combo).or_default().push(b);
        }
    }
    let has_default_key = |b: &Binding| b.default_of().is_some_and(|d| same_key(&b.key, d.key));
    let mut out: BTreeMap<String, Vec<Clash>> = BTreeMap::new();
    for group in by_combo.values() {
        for a in group {
            let clashes: Vec<Clash> = group
                .iter()
                .filter(|b| b.id != a.id && scopes_overlap(a.section(), b.section()))
                .map(|b| Clash {
                    other: b.id.clone(),
                    shared_by_default: has_default_key(a) && has_default_key(b),
                })
                .collect();
            if !clashes.is_empty() {
                out.insert(a.id.clone(), clashes);
            }
        }
    }
    out
}

/// Rows with at least one clash that is not shared by default.
/// Whether the row `id` shares its keys with another action in a way the defaults do not.
pub fn has_real_clash(all: &[Binding], id: &str) -> bool {
    conflicts(all)
        .get(id)
        .is_some_and(|c| c.iter().any(|c| !c.shared_by_default))
}

/// "Redo (Annotation Actions)": how a clash names the other row; its id if it is gone.
pub fn clash_label(all: &[Binding], id: &str, words: HotkeyWords) -> String {
    all.iter()
        .find(|b| b.id == id)
        .map(|b| b.label_in_section(words))
        .unwrap_or_else(|| id.to_string())
}

/// The rows with a clash Label Studio does not ship by default (an import's preview flags them).
pub fn real_clash_ids(all: &BTreeMap<String, Vec<Clash>>) -> Vec<String> {
    all.iter()
        .filter(|(_, c)| c.iter().any(|c| !c.shared_by_default))
        .map(|(id, _)| id.clone())
        .collect()
}

pub fn real_conflicts(all: &BTreeMap<String, Vec<Clash>>) -> usize {
    all.values()
        .filter(|c| c.iter().any(|c| !c.shared_by_default))
        .count()
}

/// What the list shows: words to match (label, description or key), only modified rows, and
/// only rows bound to a pressed combination.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub words: String,
    pub modified_only: bool,
    pub combo: Option<KeyCombo>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.words.trim().is_empty() || self.modified_only || self.combo.is_some()
    }

    /// Whether `b` passes, its label and description read in `language`.
    pub fn matches(&self, b: &Binding, language: HotkeyWords) -> bool {
        let words = text::lower(self.words.trim());
        let text_ok = words.is_empty() || {
            let description = b
                .default_of()
                .map(|d| (language.default)(d).1)
                .unwrap_or_default();
            [b.label(language).as_str(), description, b.key.as_str()]
                .iter()
                .any(|field| text::lower(field).contains(&words))
        };
        let combo_ok = self
            .combo
            .as_ref()
            .is_none_or(|c| b.combo().as_ref() == Some(c));
        text_ok && combo_ok && (!self.modified_only || b.is_modified())
    }
}

/// Settles a clash that `id` just created: with `swap`, the other rows take `previous` (the key
/// `id` had before); otherwise they are switched off. Clashes Label Studio ships are left alone.
pub fn resolve_clash(bindings: &mut [Binding], id: &str, previous: &str, swap: bool) {
    let others: Vec<String> = conflicts(bindings)
        .remove(id)
        .unwrap_or_default()
        .into_iter()
        .filter(|c| !c.shared_by_default)
        .map(|c| c.other)
        .collect();
    for b in bindings.iter_mut().filter(|b| others.contains(&b.id)) {
        if swap {
            b.key = previous.to_string();
        } else {
            b.active = false;
        }
    }
}

/// Section title for an id (for messages).
pub fn section_title(section: &str, words: HotkeyWords) -> &'static str {
    SECTIONS
        .iter()
        .find(|s| s.id == section)
        .map_or_else(|| words.t(OTHER.title), |s| words.t(s.title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_hotkeys_restore_only_for_their_user_and_only_if_unsaved() {
        let mut edited = HotkeyMap::new();
        edited.insert(
            "annotation:annotation:submit".into(),
            StoredHotkey {
                key: "ctrl+shift+k".into(),
                active: None,
                description: None,
            },
        );
        let mine = PendingHotkeys {
            user_id: 7,
            map: edited.clone(),
        };
        let server = HotkeyMap::new();
        assert_eq!(
            restorable(Some(mine.clone()), 7, &server),
            Some(edited.clone())
        );
        assert_eq!(
            restorable(Some(mine.clone()), 8, &server),
            None,
            "someone else's"
        );
        assert_eq!(restorable(Some(mine), 7, &edited), None, "already saved");
        assert_eq!(restorable(None, 7, &server), None);
    }

    fn stored(entries: &[(&str, &str, Option<bool>)]) -> HotkeyMap {
        entries
            .iter()
            .map(|(id, key, active)| {
                (
                    id.to_string(),
                    StoredHotkey {
                        key: key.to_string(),
                        active: *active,
                        description: None,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn the_table_has_71_defaults_in_9_sections() {
        assert_eq!(defaults::DEFAULTS.len(), 71);
        for d in defaults::DEFAULTS {
            assert!(SECTIONS.iter().any(|s| s.id == d.section()), "{}", d.id);
        }
        let mut ids: Vec<_> = defaults::DEFAULTS.iter().map(|d| d.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 71, "ids are unique");
        assert_eq!(
            default_for("annotation:annotation:submit").map(|d| d.key),
            Some("ctrl+enter")
        );
        assert_eq!(
            default_for("tools:tool:rect-3point").map(|d| (d.number, d.element())),
            Some((6201, "tool:rect-3point"))
        );
    }

    #[test]
    fn merge_applies_overrides_keeps_unknowns_and_reads_missing_active_as_on() {
        let map = stored(&[
            ("annotation:annotation:submit", "ctrl+shift+enter", None),
            ("regions:region:delete", "backspace", Some(false)),
            ("future:thing", "alt+q", None),
        ]);
        let merged = merge(&map);
        assert_eq!(merged.len(), 72);
        let submit = merged
            .iter()
            .find(|b| b.id == "annotation:annotation:submit")
            .expect("submit");
        assert_eq!(
            (submit.key.as_str(), submit.active),
            ("ctrl+shift+enter", true)
        );
        assert!(
            !merged
                .iter()
                .find(|b| b.id == "regions:region:delete")
                .expect("delete")
                .active
        );
        let other = merged.last().expect("unknown kept");
        assert_eq!(
            (other.id.as_str(), other.section(), other.active),
            ("future:thing", "other", true)
        );
    }

    #[test]
    fn filter_matches_words_modified_and_pressed_keys() {
        let mut bindings = merge(&HotkeyMap::new());
        bindings[0].key = "ctrl+k".into();
        let count = |f: &Filter| {
            bindings
                .iter()
                .filter(|b| f.matches(b, HotkeyWords::ENGLISH))
                .count()
        };
        assert_eq!(count(&Filter::default()), 71);
        assert!(!Filter::default().is_active());
        assert_eq!(
            count(&Filter {
                words: " ZOOM ".into(),
                ..Default::default()
            }),
            4
        );
        assert_eq!(
            count(&Filter {
                words: "keyframe".into(),
                ..Default::default()
            }),
            2,
            "descriptions count"
        );
        assert_eq!(
            count(&Filter {
                modified_only: true,
                ..Default::default()
            }),
            1
        );
        let alt_left = KeyCombo::parse("left+alt").ok();
        assert_eq!(
            count(&Filter {
                combo: alt_left,
                ..Default::default()
            }),
            4
        );
    }

    #[test]
    fn clashes_resolve_by_swap_or_by_switching_the_other_off() {
        let mut bindings = merge(&HotkeyMap::new());
        let pos = |b: &[Binding], id: &str| b.iter().position(|x| x.id == id).expect(id);
        let (submit, undo) = (
            pos(&bindings, "annotation:annotation:submit"),
            pos(&bindings, "annotation:annotation:undo"),
        );
        bindings[submit].key = "ctrl+z".into();
        let mut swapped = bindings.clone();
        resolve_clash(
            &mut swapped,
            "annotation:annotation:submit",
            "ctrl+enter",
            true,
        );
        assert_eq!(swapped[undo].key, "ctrl+enter");
        assert!(
            conflicts(&swapped).is_empty()
                || !conflicts(&swapped).contains_key("annotation:annotation:submit")
        );
        resolve_clash(
            &mut bindings,
            "annotation:annotation:submit",
            "ctrl+enter",
            false,
        );
        assert!(!bindings[undo].active);
        // Shared-by-default clashes are not touched.
        let mut defaults = merge(&HotkeyMap::new());
        resolve_clash(&mut defaults, "video:media:step-backward", "x", false);
        assert!(defaults.iter().all(|b| b.active));
    }

    #[test]
    fn the_profile_copy_is_read_when_valid() {
        let value = serde_json::json!({"regions:region:delete": {"key": "x", "active": false}});
        let map = from_profile(Some(&value)).expect("valid map");
        assert_eq!(map["regions:region:delete"].active, Some(false));
        assert_eq!(
            from_profile(Some(&serde_json::json!({"a:b": {"nokey": 1}}))),
            None
        );
        assert_eq!(from_profile(Some(&serde_json::json!([]))), None);
        assert_eq!(from_profile(None), None);
    }

    #[test]
    fn saving_sends_only_what_differs_from_the_defaults() {
        let mut bindings = merge(&HotkeyMap::new());
        assert!(to_stored(&bindings).is_empty());
        bindings[0].key = "ctrl+shift+enter".into();
        bindings[1].active = false;
        // Same key as the default in another spelling is not a change.
        let pan = bindings
            .iter_mut()
            .find(|b| b.id == "tools:tool:pan-image")
            .expect("pan");
        pan.key = "h".into();
        let map = to_stored(&bindings);
        assert_eq!(map.len(), 2);
        assert_eq!(map["annotation:annotation:submit"].key, "ctrl+shift+enter");
        assert_eq!(map["annotation:annotation:skip"].active, Some(false));
        bindings[0].reset();
        assert_eq!(to_stored(&bindings).len(), 1);
    }

    #[test]
    fn a_real_clash_is_told_from_a_shared_default_and_named_with_its_section() {
        let mut bindings = merge(&HotkeyMap::new());
        // Shared by the defaults only (video): not a real clash.
        assert!(!has_real_clash(&bindings, "video:media:step-backward"));
        bindings
            .iter_mut()
            .find(|b| b.id == "annotation:annotation:undo")
            .expect("undo")
            .key = "ctrl+shift+z".into();
        assert!(has_real_clash(&bindings, "annotation:annotation:undo"));
        assert!(!has_real_clash(&bindings, "annotation:annotation:submit"));
        assert_eq!(
            clash_label(
                &bindings,
                "annotation:annotation:redo",
                HotkeyWords::ENGLISH
            ),
            "Redo (Annotation Actions)"
        );
        assert_eq!(
            clash_label(&bindings, "gone:row", HotkeyWords::ENGLISH),
            "gone:row"
        );
    }

    #[test]
    fn conflicts_are_found_across_spellings_and_respect_scope() {
        let mut bindings = merge(&HotkeyMap::new());
        let set = |bindings: &mut Vec<Binding>, id: &str, key: &str| {
            bindings.iter_mut().find(|b| b.id == id).expect(id).key = key.into();
        };
        // Redo is ctrl+shift+z; write undo as shift+ctrl+z: same binding, same section.
        set(&mut bindings, "annotation:annotation:undo", "shift+ctrl+z");
        let others = |found: &BTreeMap<String, Vec<Clash>>, id: &str| {
            found[id]
                .iter()
                .map(|c| c.other.clone())
                .collect::<Vec<_>>()
        };
        let found = conflicts(&bindings);
        assert_eq!(
            others(&found, "annotation:annotation:undo"),
            ["annotation:annotation:redo"]
        );
        assert!(!found["annotation:annotation:undo"][0].shared_by_default);
        // Switching one off removes the conflict.
        bindings
            .iter_mut()
            .find(|b| b.id == "annotation:annotation:redo")
            .expect("redo")
            .active = false;
        assert!(!conflicts(&bindings).contains_key("annotation:annotation:undo"));
        // Annotation keys clash with media sections; Data Manager keys do not.
        set(&mut bindings, "audio:audio:playpause", "ctrl+enter");
        assert!(conflicts(&bindings).contains_key("audio:audio:playpause"));
        set(&mut bindings, "data_manager:dm.focus-next", "ctrl+enter");
        assert!(!conflicts(&bindings).contains_key("data_manager:dm.focus-next"));
        // Different media sections never run together (video vs time series).
        let defaults_only = conflicts(&merge(&HotkeyMap::new()));
        assert!(!defaults_only.contains_key("timeseries:ts:shrink-left"));
        // …but the defaults do clash inside the video section: shown as shared by default.
        assert_eq!(
            others(&defaults_only, "video:media:step-backward"),
            ["video:video:backward"]
        );
        assert!(defaults_only
            .values()
            .flatten()
            .all(|c| c.shared_by_default));
        assert_eq!(real_conflicts(&defaults_only), 0);
        // Annotation and regions are live together; tools clash with regions, not with audio.
        let mut fresh = merge(&HotkeyMap::new());
        set(&mut fresh, "regions:region:unselect", "ctrl+z");
        assert!(conflicts(&fresh).contains_key("regions:region:unselect"));
        set(&mut fresh, "tools:tool:brush", "ctrl+b");
        assert!(
            !conflicts(&fresh).contains_key("tools:tool:brush"),
            "tools and audio never run together"
        );
        set(&mut fresh, "tools:tool:brush", "backspace");
        assert!(
            conflicts(&fresh).contains_key("tools:tool:brush"),
            "tools and regions do"
        );
    }
}
