//! Conflicts: rows bound to the same combination where both can fire at once, and settling them.

use std::collections::BTreeMap;

use crate::domain::i18n::hotkeys::HotkeyWords;

use super::keys::KeyCombo;
use super::{same_key, Binding, OTHER};

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

/// How many rows have a clash Label Studio does not ship by default.
pub fn real_conflicts(all: &BTreeMap<String, Vec<Clash>>) -> usize {
    all.values()
        .filter(|c| c.iter().any(|c| !c.shared_by_default))
        .count()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::HotkeyMap;
    use crate::domain::hotkeys::merge;

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
