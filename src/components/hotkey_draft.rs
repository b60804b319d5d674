use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::hotkeys::Binding;

/// The hotkeys being edited. What reads them all (the clashes, the filter, the summary, Save)
/// reads one list; a row is read and written by id, through an index beside the list, and an
/// edit of a row wakes that row alone. Changes of the whole list (import, reset, discard, a
/// clash resolved) wake every row, and rows whose binding did not change stop there.
#[derive(Clone, Copy)]
pub struct HotkeyDraft {
    all: RwSignal<Vec<Binding>>,
    /// Each id's place in `all` and the trigger its row listens to; rebuilt (the triggers kept)
    /// when the whole list changes.
    index: StoredValue<HashMap<String, (usize, ArcTrigger)>>,
    /// Notified when the whole list changes (which ids there are, in which order).
    ids: Trigger,
}

impl HotkeyDraft {
    pub fn new(bindings: Vec<Binding>) -> Self {
        let draft = Self {
            all: RwSignal::new(bindings),
            index: StoredValue::new(HashMap::new()),
            ids: Trigger::new(),
        };
        draft.reindex();
        draft
    }

    /// Reads the whole list, tracked.
    pub fn with<U>(&self, f: impl FnOnce(&Vec<Binding>) -> U) -> U {
        self.all.with(f)
    }

    /// Reads the whole list, not tracked.
    pub fn with_untracked<U>(&self, f: impl FnOnce(&Vec<Binding>) -> U) -> U {
        self.all.with_untracked(f)
    }

    /// A copy of the whole list, tracked.
    pub fn get(&self) -> Vec<Binding> {
        self.all.get()
    }

    /// Replaces the whole list.
    pub fn set(&self, bindings: Vec<Binding>) {
        self.all.set(bindings);
        self.reindex();
    }

    /// Changes the whole list.
    pub fn update(&self, f: impl FnOnce(&mut Vec<Binding>)) {
        self.all.update(f);
        self.reindex();
    }

    /// Changes the whole list, and returns what `f` returns.
    pub fn try_update<U>(&self, f: impl FnOnce(&mut Vec<Binding>) -> U) -> Option<U> {
        let out = self.all.try_update(f);
        self.reindex();
        out
    }

    /// After a change of the whole list: the index again, and every row and the ids woken.
    fn reindex(&self) {
        let mut index = self
            .index
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let fresh = self.all.with_untracked(|all| {
            all.iter()
                .enumerate()
                .map(|(at, b)| {
                    let trigger = index.remove(&b.id).map(|(_, t)| t).unwrap_or_default();
                    trigger.notify();
                    (b.id.clone(), (at, trigger))
                })
                .collect()
        });
        self.index.set_value(fresh);
        self.ids.notify();
    }

    /// Tracks which ids the list holds, and their order (not their bindings).
    pub fn track_ids(&self) {
        self.ids.track();
    }

    /// The row `id`, waking only when it changes (or the whole list does).
    pub fn row(&self, id: &str) -> Memo<Option<Binding>> {
        let (draft, id) = (*self, id.to_string());
        Memo::new(move |_| {
            let Some((at, trigger)) = draft.index.with_value(|index| index.get(&id).cloned())
            else {
                draft.ids.track();
                return None;
            };
            trigger.track();
            draft.all.with_untracked(|all| all.get(at).cloned())
        })
    }

    /// Changes the row `id`: the readers of the whole list and that row wake, no other row.
    pub fn update_row(&self, id: &str, f: &dyn Fn(&mut Binding)) {
        let Some((at, trigger)) = self.index.with_value(|index| index.get(id).cloned()) else {
            return;
        };
        self.all.update(|all| {
            if let Some(binding) = all.get_mut(at) {
                f(binding);
            }
        });
        trigger.notify();
    }
}
