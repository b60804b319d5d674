//! "Try a key": what one pressed combination does with the rows as they are on the page (saved
//! or not): the actions it fires and where, the ones bound to it but switched off, whether the
//! browser or the operating system keeps it, and the exact spelling that is stored.

use super::keys::{label, KeyCombo, Platform};
use super::validation::{blocked_reason, browser_reserved};
use super::Binding;
use crate::domain::i18n::fill;
use crate::domain::i18n::hotkeys::{HotkeyWords, HotkeysMsg, Tr};

/// Where a section's keys are heard in Label Studio 1.23.2. The editor reads the user's keys for
/// the sections its page template passes on (`annotation|timeseries|audio|regions|video|
/// image_gallery|tools`); the data manager reads its own; paragraphs are passed on to neither.
pub fn scope(section: &str) -> HotkeysMsg {
    match section {
        "data_manager" => HotkeysMsg::ScopeDataManager,
        "annotation" | "regions" => HotkeysMsg::ScopeEveryTask,
        "tools" => HotkeysMsg::ScopeImage,
        "audio" => HotkeysMsg::ScopeAudio,
        "video" => HotkeysMsg::ScopeVideo,
        "timeseries" => HotkeysMsg::ScopeTimeSeries,
        "image_gallery" => HotkeysMsg::ScopeGallery,
        "paragraphs" => HotkeysMsg::ScopeParagraphs,
        _ => HotkeysMsg::ScopeNowhere,
    }
}

/// One action the combination reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reached {
    /// "Submit Annotation (Annotation Actions)".
    pub action: String,
    pub scope: &'static str,
}

impl Reached {
    /// "Undo (Annotation Actions) in the labeling editor, on every task".
    pub fn said(&self, t: Tr) -> String {
        fill(
            t(HotkeysMsg::ActionIn),
            &[("action", &self.action), ("scope", self.scope)],
        )
    }
}

/// What trying one combination shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trial {
    /// How the page writes it: "Ctrl+Shift+K".
    pub label: String,
    /// What is stored, in the editor's spelling: `ctrl+shift+k`.
    pub spelling: String,
    /// The actions it fires, in the order of the page.
    pub fires: Vec<Reached>,
    /// Actions bound to it but switched off.
    pub switched_off: Vec<String>,
    /// Why the browser or the operating system may keep it from the editor.
    pub kept: Option<String>,
}

/// What `combo` does with `all` as they are now.
pub fn try_key(all: &[Binding], combo: &KeyCombo, platform: Platform, words: HotkeyWords) -> Trial {
    let spelling = combo.to_string();
    let mut fires = Vec::new();
    let mut switched_off = Vec::new();
    for b in all.iter().filter(|b| b.combo().as_ref() == Some(combo)) {
        let action = b.label_in_section(words);
        if b.active {
            fires.push(Reached {
                action,
                scope: words.t(scope(b.section())),
            });
        } else {
            switched_off.push(action);
        }
    }
    let kept = blocked_reason(&spelling, words.t)
        .map(|reason| words.fill(HotkeysMsg::OsUses, &[("reason", &reason)]))
        .or_else(|| browser_reserved(combo, words.t));
    Trial {
        label: label(combo, platform),
        spelling,
        fires,
        switched_off,
        kept,
    }
}

impl Trial {
    /// One sentence for screen readers, said when a key is tried.
    pub fn announcement(&self, t: Tr) -> String {
        let keys = ("keys", self.label.as_str());
        let mut said = match self.fires.as_slice() {
            [] => fill(t(HotkeysMsg::TriedNone), &[keys]),
            [only] => fill(t(HotkeysMsg::TriedOne), &[keys, ("action", &only.action)]),
            all => fill(
                t(HotkeysMsg::TriedMany),
                &[
                    keys,
                    ("count", &all.len().to_string()),
                    (
                        "actions",
                        &all.iter()
                            .map(|r| r.action.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ],
            ),
        };
        if let Some(kept) = &self.kept {
            said.push(' ');
            said.push_str(kept);
        }
        said
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::{HotkeyMap, StoredHotkey};
    use crate::domain::hotkeys::merge;
    use crate::domain::i18n::hotkeys::EN;

    fn combo(key: &str) -> KeyCombo {
        KeyCombo::parse(key).expect("a key")
    }

    #[test]
    fn a_default_shared_key_reaches_every_action_with_its_scope() {
        let all = merge(&HotkeyMap::new());
        let trial = try_key(
            &all,
            &combo("alt+left"),
            Platform::Other,
            HotkeyWords::ENGLISH,
        );
        assert_eq!(trial.label, "Alt+←");
        assert_eq!(trial.spelling, "alt+left");
        let actions: Vec<&str> = trial.fires.iter().map(|r| r.action.as_str()).collect();
        assert!(
            actions.contains(&"Step Back (Video Controls)"),
            "{actions:?}"
        );
        assert!(actions.contains(&"Rotate Left (Tools)"), "{actions:?}");
        assert!(trial.fires.iter().any(|r| r.scope.contains("video tasks")));
        assert!(trial.fires.iter().any(|r| r
            .said(EN)
            .ends_with(" in the labeling editor, on video tasks")));
        assert_eq!(trial.kept, None);
    }

    #[test]
    fn unsaved_edits_count_and_switched_off_rows_are_named_apart() {
        let mut stored = HotkeyMap::new();
        stored.insert(
            "annotation:annotation:skip".into(),
            StoredHotkey {
                key: "ctrl+enter".into(),
                active: Some(false),
                description: None,
            },
        );
        let mut all = merge(&stored);
        // An unsaved edit: Undo now on Ctrl+Enter too.
        if let Some(undo) = all
            .iter_mut()
            .find(|b| b.id == "annotation:annotation:undo")
        {
            undo.key = "ctrl+enter".into();
        }
        let trial = try_key(
            &all,
            &combo("Control+Return"),
            Platform::Mac,
            HotkeyWords::ENGLISH,
        );
        assert_eq!(trial.label, "⌃+Return");
        assert_eq!(trial.fires.len(), 2, "{:?}", trial.fires);
        assert_eq!(trial.switched_off, ["Skip Task (Annotation Actions)"]);
        assert!(trial.announcement(EN).starts_with("⌃+Return: 2 actions, "));
    }

    #[test]
    fn what_the_browser_or_the_system_keeps_is_said() {
        let all = merge(&HotkeyMap::new());
        let tab = try_key(
            &all,
            &combo("ctrl+w"),
            Platform::Other,
            HotkeyWords::ENGLISH,
        );
        assert!(tab
            .kept
            .as_deref()
            .is_some_and(|k| k.contains("closes the tab")));
        let system = try_key(
            &all,
            &combo("alt+f4"),
            Platform::Other,
            HotkeyWords::ENGLISH,
        );
        assert!(system
            .kept
            .as_deref()
            .is_some_and(|k| k.contains("operating system")));
        assert!(system.announcement(EN).contains("no action."));
    }

    #[test]
    fn paragraph_keys_are_said_to_reach_nothing_yet() {
        assert!(EN(scope("paragraphs")).starts_with("nowhere yet"));
        assert!(EN(scope("data_manager")).contains("not while labeling"));
    }
}
