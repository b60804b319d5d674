//! What the hotkey editor decides, apart from how it looks: the message after each kind of
//! save, the summary line, the save bar's count, and what a reset or the stored copy changes.

use super::transfer::{diff, Change};
use super::{merge, Binding};
use crate::api::types::HotkeyMap;
use crate::domain::i18n::hotkeys::{HotkeysMsg, Tr};
use crate::domain::i18n::{counted, fill};

/// Why a save is made: decides its message and whether Undo is offered after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    /// The user's edits, with Save.
    Edit,
    /// A previewed import.
    Import,
    /// Reset to defaults.
    Reset,
    /// Undo of the last import or reset.
    Undo,
}

impl SaveKind {
    /// Whether Undo is offered once this save is done (bulk changes only).
    pub fn offers_undo(self) -> bool {
        matches!(self, Self::Import | Self::Reset)
    }

    /// What is announced once it is saved: `changed` rows differ from before, and `conflicts`
    /// rows now share keys with another action.
    pub fn saved_message(self, changed: usize, conflicts: usize, t: Tr) -> String {
        match self {
            Self::Edit if conflicts == 0 => t(HotkeysMsg::HotkeysSaved).to_string(),
            Self::Edit => counted(
                t,
                conflicts,
                HotkeysMsg::SavedConflictsOne,
                HotkeysMsg::SavedConflictsMany,
            ),
            Self::Import => counted(
                t,
                changed,
                HotkeysMsg::ImportedOne,
                HotkeysMsg::ImportedMany,
            ),
            Self::Reset => counted(t, changed, HotkeysMsg::ResetOne, HotkeysMsg::ResetMany),
            Self::Undo => t(HotkeysMsg::Undone).to_string(),
        }
    }
}

/// A save the server refused or that could not reach it; the edits stay on the page.
pub fn save_failed(reason: &str, t: Tr) -> String {
    fill(t(HotkeysMsg::SaveFailed), &[("reason", reason)])
}

/// A save stopped before sending, because the server's own rules would refuse it.
pub fn save_refused(problems: &[String], t: Tr) -> String {
    fill(
        t(HotkeysMsg::SaveRefused),
        &[("problems", &problems.join(" "))],
    )
}

/// Said when the hotkeys could not be loaded and the copy in the profile is shown instead.
pub fn profile_copy_notice(reason: &str, t: Tr) -> String {
    fill(t(HotkeysMsg::ProfileCopy), &[("reason", reason)])
}

/// What "Find by keys" shows and announces for the keys pressed (`keys`, as drawn).
pub fn showing_bound_to(keys: &str, t: Tr) -> String {
    fill(t(HotkeysMsg::ShowingBoundTo), &[("keys", keys)])
}

/// "12 of 271 hotkeys shown · 2 with a conflict (marked below)".
pub fn summary(shown: usize, total: usize, conflicts: usize, t: Tr) -> String {
    let mut line = fill(
        t(HotkeysMsg::SummaryLine),
        &[("shown", &shown.to_string()), ("total", &total.to_string())],
    );
    if conflicts > 0 {
        line.push_str(&counted(
            t,
            conflicts,
            HotkeysMsg::SummaryConflictsOne,
            HotkeysMsg::SummaryConflictsMany,
        ));
    }
    line
}

/// The save bar's count of unsaved changes.
pub fn unsaved_label(changes: usize, t: Tr) -> String {
    match changes {
        0 => t(HotkeysMsg::NoUnsaved).to_string(),
        n => counted(t, n, HotkeysMsg::UnsavedOne, HotkeysMsg::UnsavedMany),
    }
}

/// Said when a recording sets `keys` (as drawn) for the action `label`; when the keys are bound
/// to another action too, it asks what to do.
pub fn key_set_message(keys: &str, label: &str, clashing: bool, t: Tr) -> String {
    let mut said = fill(t(HotkeysMsg::KeySet), &[("keys", keys), ("label", label)]);
    if clashing {
        said.push_str(t(HotkeysMsg::AlsoBoundAsk));
    }
    said
}

/// The line above an import's preview of `changes` rows.
pub fn import_preview_heading(changes: usize, t: Tr) -> String {
    match changes {
        0 => t(HotkeysMsg::ImportSame).to_string(),
        n => counted(
            t,
            n,
            HotkeysMsg::WouldChangeOne,
            HotkeysMsg::WouldChangeMany,
        ),
    }
}

/// How many rows a reset to defaults would change.
pub fn reset_changes(draft: &[Binding]) -> usize {
    diff(draft, &merge(&HotkeyMap::new())).len()
}

/// The question asked before a reset that changes `changes` rows.
pub fn reset_prompt(changes: usize, t: Tr) -> String {
    match changes {
        0 => t(HotkeysMsg::AllDefault).to_string(),
        n => counted(t, n, HotkeysMsg::ResetAskOne, HotkeysMsg::ResetAskMany),
    }
}

/// What saving now would overwrite: the rows the stored copy (`theirs`) changed since `saved`
/// was loaded.
pub fn overwritten_by_saving(saved: &[Binding], theirs: &HotkeyMap) -> Vec<Change> {
    diff(saved, &merge(theirs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::StoredHotkey;
    use crate::domain::i18n::hotkeys::EN;

    fn stored(entries: &[(&str, &str)]) -> HotkeyMap {
        entries
            .iter()
            .map(|(id, key)| {
                (
                    id.to_string(),
                    StoredHotkey {
                        key: key.to_string(),
                        active: None,
                        description: None,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn each_kind_of_save_has_its_message() {
        assert_eq!(SaveKind::Edit.saved_message(3, 0, EN), "Hotkeys saved.");
        assert_eq!(
            SaveKind::Edit.saved_message(3, 2, EN),
            "Hotkeys saved. 2 hotkeys share keys with another action (marked below)."
        );
        assert_eq!(
            SaveKind::Import.saved_message(4, 9, EN),
            "Imported: 4 hotkeys changed."
        );
        assert_eq!(
            SaveKind::Reset.saved_message(5, 0, EN),
            "Reset to defaults: 5 hotkeys changed."
        );
        assert_eq!(
            SaveKind::Undo.saved_message(1, 1, EN),
            "Undone: your previous hotkeys are back."
        );
    }

    #[test]
    fn only_bulk_changes_offer_undo() {
        assert!(SaveKind::Import.offers_undo());
        assert!(SaveKind::Reset.offers_undo());
        assert!(!SaveKind::Edit.offers_undo());
        assert!(!SaveKind::Undo.offers_undo());
    }

    #[test]
    fn failures_keep_the_reason_and_say_what_happened() {
        assert_eq!(
            save_failed("Label Studio is not reachable.", EN),
            "Not saved: Label Studio is not reachable. Your changes are still here."
        );
        assert_eq!(
            save_refused(&["A.".to_string(), "B.".to_string()], EN),
            "Not saved: A. B."
        );
    }

    #[test]
    fn the_profile_copy_and_find_by_keys_say_what_is_shown() {
        assert_eq!(
            profile_copy_notice("Label Studio is not reachable.", EN),
            "Could not load your hotkeys (Label Studio is not reachable.); showing the copy from your profile. Saving checks the server again."
        );
        assert_eq!(
            showing_bound_to("Ctrl+Enter", EN),
            "Showing hotkeys bound to Ctrl+Enter."
        );
    }

    #[test]
    fn summary_mentions_conflicts_only_when_there_are_some() {
        assert_eq!(summary(12, 271, 0, EN), "12 of 271 hotkeys shown");
        assert_eq!(
            summary(271, 271, 2, EN),
            "271 of 271 hotkeys shown · 2 with a conflict (marked below)"
        );
    }

    #[test]
    fn a_recorded_key_is_announced_and_a_clash_asks_what_to_do() {
        assert_eq!(
            key_set_message("Ctrl+Z", "Submit Annotation", false, EN),
            "Ctrl+Z set for Submit Annotation."
        );
        assert_eq!(
            key_set_message("Ctrl+Z", "Submit Annotation", true, EN),
            "Ctrl+Z set for Submit Annotation. It is also bound to another action: swap, replace or keep both."
        );
    }

    #[test]
    fn an_import_preview_says_how_many_rows_change() {
        assert_eq!(
            import_preview_heading(0, EN),
            "The file matches your current hotkeys; nothing would change."
        );
        assert_eq!(import_preview_heading(1, EN), "1 hotkey would change:");
        assert_eq!(import_preview_heading(3, EN), "3 hotkeys would change:");
    }

    #[test]
    fn unsaved_label_counts_in_words() {
        assert_eq!(unsaved_label(0, EN), "No unsaved changes");
        assert_eq!(unsaved_label(1, EN), "1 unsaved change");
        assert_eq!(unsaved_label(7, EN), "7 unsaved changes");
    }

    #[test]
    fn reset_counts_the_rows_that_differ_from_the_defaults() {
        assert_eq!(reset_changes(&merge(&HotkeyMap::new())), 0);
        let edited = merge(&stored(&[
            ("annotation:annotation:submit", "alt+s"),
            ("annotation:annotation:undo", "alt+z"),
        ]));
        assert_eq!(reset_changes(&edited), 2);
        assert_eq!(
            reset_prompt(0, EN),
            "All hotkeys already have their default keys."
        );
        assert_eq!(
            reset_prompt(2, EN),
            "Reset all hotkeys to their defaults? 2 hotkeys will change. You can undo this right after."
        );
    }

    #[test]
    fn saving_over_a_changed_copy_lists_what_it_would_overwrite() {
        let saved = merge(&HotkeyMap::new());
        let theirs = stored(&[("annotation:annotation:submit", "alt+s")]);
        let changes = overwritten_by_saving(&saved, &theirs);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].id, "annotation:annotation:submit");
        assert!(overwritten_by_saving(&saved, &HotkeyMap::new()).is_empty());
    }
}
