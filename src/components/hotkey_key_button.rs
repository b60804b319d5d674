use leptos::prelude::*;

use crate::browser::keyboard::key_press;
use crate::components::key_caps::KeyCaps;
use crate::domain::hotkeys::keys::{self, KeyCombo, Platform, Recorded};
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::i18n::{hotkey_words, t, tf};

/// A hotkey's keys as a button that records new ones: click it (or Enter), press the
/// combination. Plain Esc cancels and plain Tab moves on, so the keyboard is never trapped;
/// a combination the editor cannot bind is refused at once with the reason.
#[component]
pub fn HotkeyKeyButton(
    /// Server id of the row, as held in `recording`.
    id: String,
    /// The row's label, first in the button's accessible name.
    label: String,
    /// The keys stored now.
    keys_now: Signal<String>,
    /// Which row is recording, if any (one at a time).
    recording: RwSignal<Option<String>>,
    /// The row's error line.
    error: RwSignal<Option<String>>,
    /// The section's live region.
    announce: WriteSignal<String>,
    /// Which key labels to draw.
    platform: Platform,
    /// Called with each combination recorded.
    on_key: Callback<KeyCombo>,
) -> impl IntoView {
    let is_recording = {
        let id = id.clone();
        Memo::new(move |_| recording.with(|r| r.as_deref() == Some(id.as_str())))
    };
    let start = move |_| {
        error.set(None);
        recording.set(Some(id.clone()));
        announce.set(t(HotkeysMsg::Recording).into());
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if !is_recording.get_untracked() {
            return;
        }
        // Plain Esc cancels and plain Tab / Shift+Tab still move focus: the recorder never
        // traps the keyboard. With Ctrl, Alt or Meta they are recorded (and checked).
        let press = key_press(&ev);
        if press.moves_focus() {
            recording.set(None);
            return;
        }
        if press.cancels() {
            ev.prevent_default();
            recording.set(None);
            announce.set(t(HotkeysMsg::RecordingCancelled).into());
            return;
        }
        ev.prevent_default();
        ev.stop_propagation();
        let recorded = keys::record(&press);
        if let Some(message) = recorded.refusal(hotkey_words().t) {
            error.set(Some(message.clone()));
            announce.set(message);
        } else if let Recorded::Combo(combo) = recorded {
            recording.set(None);
            on_key.run(combo);
        }
    };
    let key_label = move || {
        KeyCombo::parse(&keys_now.get())
            .map_or_else(|_| keys_now.get(), |c| keys::label(&c, platform))
    };

    view! {
        <button
            type="button"
            class="key-button"
            class=("key-button--recording", move || is_recording.get())
            title=move || tf(HotkeysMsg::ChangeTitle, &[("keys", &key_label())])
            on:click=start
            on:keydown=on_keydown
            on:blur=move |_| {
                if is_recording.get_untracked() {
                    recording.set(None)
                }
            }
        >
            // The name starts with what the row is about; the visible caps follow.
            <span class="visually-hidden">{tf(HotkeysMsg::ChangeLabel, &[("label", &label)])}</span>
            {move || {
                if is_recording.get() {
                    view! { <span class="key-button__prompt">{t(HotkeysMsg::PressKeys)}</span> }
                        .into_any()
                } else {
                    view! { <KeyCaps keys=keys_now platform /> }.into_any()
                }
            }}
        </button>
    }
}
