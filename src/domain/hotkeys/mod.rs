//! Hotkeys: the sections and the defaults, and the bindings: what the server stores merged over
//! the defaults, and what to save. Beside them: conflicts (`conflicts.rs`), the list's filter
//! (`filter.rs`), edits kept through a sign-in (`draft.rs`), the server's validation mirrored,
//! and export/import in Label Studio's format.

mod conflicts;
pub mod defaults;
mod draft;
pub mod editing;
mod filter;
pub mod keyboard_map;
pub mod keys;
pub mod project_keys;
pub mod single_key;
pub mod transfer;
pub mod try_key;
pub mod validation;

pub use conflicts::{
    clash_label, conflicts, has_real_clash, real_clash_ids, real_conflicts, resolve_clash, Clash,
};
pub use draft::{restorable, PendingHotkeys, PENDING_HOTKEYS_KEY};
pub use filter::Filter;

use crate::api::types::{HotkeyMap, StoredHotkey};
use keys::KeyCombo;

use crate::domain::i18n::hotkeys::{HotkeyWords, HotkeysMsg};

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

/// The cards of the hotkey list, top to bottom: the sections, then "Other".
pub fn cards() -> impl Iterator<Item = HotkeySection> {
    SECTIONS.iter().copied().chain([OTHER])
}

/// About a screen of hotkey rows: the list draws the cards holding them in its first frame and
/// the others at the next idle moment, so the time to the first rows does not grow with the list.
pub const FIRST_ROWS: usize = 12;

/// How many cards (`cards()`, from the top) are drawn in the first frame for these rows: the
/// fewest that hold `FIRST_ROWS` rows (all of them if they hold fewer), and at least one.
pub fn cards_drawn_first(rows: &[Binding]) -> usize {
    first_cards(cards().map(|card| rows.iter().filter(|b| b.section() == card.id).count()))
}

fn first_cards(rows_per_card: impl IntoIterator<Item = usize>) -> usize {
    let (mut rows, mut cards) = (0, 0);
    for count in rows_per_card {
        if rows >= FIRST_ROWS {
            break;
        }
        rows += count;
        cards += 1;
    }
    cards.max(1)
}

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
    // Inserted one by one: `collect` into a map sorts first, and that sort's code would be the
    // only one in the Hotkeys chunk (about 4 KB).
    let mut stored = HotkeyMap::new();
    for b in bindings.iter().filter(|b| b.is_modified()) {
        let entry = StoredHotkey {
            key: b.key.clone(),
            active: Some(b.active),
            description: b.description.clone(),
        };
        stored.insert(b.id.clone(), entry);
    }
    stored
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
    fn the_first_frame_draws_the_cards_holding_a_screen_of_rows() {
        assert_eq!(first_cards([4, 6, 10, 8]), 3);
        assert_eq!(first_cards([12, 6]), 1);
        assert_eq!(first_cards([0, 0, 3]), 3);
        assert_eq!(first_cards([]), 1);
        // The defaults: Annotation (4), Data Manager and Region Management reach a screen.
        assert_eq!(cards_drawn_first(&merge(&Default::default())), 3);
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
}
