//! The reactive patterns every section shares, written once: a save that reports its result,
//! an unsaved draft kept through a sign-in and guarded against leaving, and a wait that becomes
//! "slow". (Loading a
//! section's data is the [`Loaded`](crate::components::loaded::Loaded) component.)

use std::future::Future;
use std::time::Duration;

use leptos::prelude::*;
use serde::Serialize;

use crate::browser::draft_store;
use crate::browser::leave_guard::{install_beforeunload, UnsavedChanges};
use crate::context::use_connection;

/// An [`Action`] that runs `task` for each dispatch and hands each result to `report` once.
/// `report` runs untracked (what it reads does not run it again) and only while the calling
/// component lives. The result is not kept in the action afterwards: it may hold a secret.
pub fn use_save<I, T, E, Fut>(
    task: impl Fn(&I) -> Fut + 'static,
    report: impl Fn(Result<T, E>) + 'static,
) -> Action<I, Result<T, E>>
where
    I: Send + Sync + 'static,
    T: Send + Sync + 'static,
    E: Send + Sync + 'static,
    Fut: Future<Output = Result<T, E>> + 'static,
{
    let action = Action::new_local(task);
    let value = action.value();
    Effect::new(move |_| {
        if value.with(Option::is_none) {
            return;
        }
        // Taken, not cloned: clearing it runs this once more, on `None`.
        let Some(result) = value.try_update(Option::take).flatten() else {
            return;
        };
        untrack(|| report(result));
    });
    action
}

/// Guards a draft the user has not saved: the layout's leave prompt and the browser's
/// `beforeunload` prompt ask first while `dirty`. Once the session has ended, or the page reloads
/// for a language switch, `pending()` is kept in this tab under `key` for the page's next load
/// (the section restores it then), so that leaving needs no prompt. `pending` is read tracked: edits made while
/// signed out are kept too.
pub fn guard_draft<P: Serialize>(
    key: &'static str,
    dirty: Signal<bool>,
    pending: impl Fn() -> P + 'static,
) {
    if let Some(unsaved) = use_context::<UnsavedChanges>() {
        Effect::new(move |_| unsaved.dirty.set(dirty.get()));
        on_cleanup(move || unsaved.dirty.set(false));
    }
    let keep = use_connection().keep_drafts;
    Effect::new(move |_| {
        if keep.get() && dirty.get() {
            draft_store::save(key, &pending());
        } else {
            // Nothing unsaved, or the session came back without a round trip.
            draft_store::discard(key);
        }
    });
    install_beforeunload(Signal::derive(move || dirty.get() && !keep.get()));
}

/// How long a wait may take before the page says it is still waiting and offers Cancel.
pub const SLOW_AFTER: Duration = Duration::from_millis(1500);

/// True once `busy` has stayed true for [`SLOW_AFTER`]; false again as soon as it is false.
/// Drives both "still waiting" offers: the bar for API calls and a section's code.
pub fn slow_after_a_while(busy: Signal<bool>) -> ReadSignal<bool> {
    let (slow, set_slow) = signal(false);
    // Bumped whenever the wait ends, so a timer from an earlier wait does nothing.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        if !busy.get() {
            generation.update_value(|g| *g += 1);
            set_slow.set(false);
        } else if !slow.get_untracked() {
            let started = generation.get_value();
            set_timeout(
                move || {
                    if generation.try_get_value() == Some(started) {
                        set_slow.try_set(true);
                    }
                },
                SLOW_AFTER,
            );
        }
    });
    slow
}
