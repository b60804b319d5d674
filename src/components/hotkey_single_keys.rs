use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::components::hotkey_draft::HotkeyDraft;
use crate::domain::hotkeys::single_key::{
    turn_back_on, turn_off, turned_off_message, turned_on_message,
};
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::i18n::{hotkey_words, t};

/// The switch "Turn off single-key shortcuts" (WCAG 2.1.4): turns off every hotkey without
/// Ctrl, Alt or ⌘ in the draft, and turns back on exactly those. Saved with the other edits.
#[component]
pub fn HotkeySingleKeys(
    /// All rows being edited.
    draft: HotkeyDraft,
    /// Whether the switch is on, and which rows it turned off.
    memory: RwSignal<Option<BTreeSet<String>>>,
    /// Where the result is announced.
    announce: WriteSignal<String>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        if event_target_checked(&ev) {
            let ids = draft.try_update(|d| turn_off(d)).unwrap_or_default();
            announce.set(turned_off_message(ids.len(), hotkey_words().t));
            memory.set(Some(ids));
        } else if let Some(ids) = memory.get_untracked() {
            let count = draft.try_update(|d| turn_back_on(d, &ids)).unwrap_or(0);
            announce.set(turned_on_message(count, hotkey_words().t));
            memory.set(None);
        }
    };

    view! {
        <div class="single-keys">
            <div class="switch-row">
                <input
                    type="checkbox"
                    role="switch"
                    id="single-keys-off"
                    class="switch"
                    prop:checked=move || memory.with(Option::is_some)
                    aria-describedby="single-keys-off-hint"
                    on:change=on_change
                />
                <label for="single-keys-off" class="switch-row__label">
                    {t(HotkeysMsg::SingleKeysOff)}
                </label>
            </div>
            <p class="field__hint" id="single-keys-off-hint">
                {t(HotkeysMsg::SingleKeysHint)}
            </p>
        </div>
    }
}
