use leptos::html::Button;
use leptos::prelude::*;

use crate::browser::focus;
use crate::browser::keyboard::key_press;
use crate::components::key_caps::KeyCaps;
use crate::domain::hotkeys::keys::{self, KeyCombo, Platform, Recorded, SPECIAL_KEYS};
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::i18n::{hotkey_words, t, tf};

/// A hotkey's keys as a button that records new ones: click it (or Enter), press the
/// combination. Plain Esc cancels; a combination the editor cannot bind is refused at once with
/// the reason. While it records, the keys a press cannot record (Esc, Tab, …) are offered as
/// buttons right after it, for this row only: Tab reaches them, and focus leaving both ends the
/// recording, so the keyboard is never trapped.
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
    /// Called with each combination recorded or chosen.
    on_key: Callback<KeyCombo>,
    /// The recorder button, for the row to give focus back to.
    button: NodeRef<Button>,
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
    let cancel = move || {
        recording.set(None);
        announce.set(t(HotkeysMsg::RecordingCancelled).into());
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if !is_recording.get_untracked() {
            return;
        }
        // Plain Tab / Shift+Tab move focus as usual (on to the special keys, or out, which
        // ends the recording); with Ctrl, Alt or Meta they are recorded (and checked).
        let press = key_press(&ev);
        if press.moves_focus() {
            return;
        }
        if press.cancels() {
            ev.prevent_default();
            cancel();
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
    // Focus goes back to the recorder first, so that the special keys vanishing takes nothing
    // with it.
    let refocus = move || {
        if let Some(button) = button.get_untracked() {
            _ = button.focus();
        }
    };
    let specials_name = tf(HotkeysMsg::SpecialKeyFor, &[("label", &label)]);
    let specials = move || {
        SPECIAL_KEYS
            .iter()
            .filter_map(|spelling| KeyCombo::parse(spelling).ok())
            .map(|combo| {
                let text = keys::label(&combo, platform);
                view! {
                    <button
                        type="button"
                        class="button button--small"
                        data-key=combo.to_string()
                        // A click keeps focus on the recorder in browsers that would move it.
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| {
                            refocus();
                            recording.set(None);
                            on_key.run(combo.clone());
                        }
                    >
                        {text}
                    </button>
                }
            })
            .collect_view()
    };

    view! {
        <span
            class="recorder"
            on:focusout=move |ev| {
                if is_recording.get_untracked() && focus::leaves(&ev) {
                    recording.set(None);
                }
            }
        >
            <button
                type="button"
                class="key-button"
                class=("key-button--recording", move || is_recording.get())
                node_ref=button
                title=move || tf(HotkeysMsg::ChangeTitle, &[("keys", &key_label())])
                on:click=start
                on:keydown=on_keydown
            >
                // The name starts with what the row is about; the visible caps follow.
                <span class="visually-hidden">
                    {tf(HotkeysMsg::ChangeLabel, &[("label", &label)])}
                </span>
                {move || {
                    if is_recording.get() {
                        view! { <span class="key-button__prompt">{t(HotkeysMsg::PressKeys)}</span> }
                            .into_any()
                    } else {
                        view! { <KeyCaps keys=keys_now platform /> }.into_any()
                    }
                }}
            </button>
            {move || {
                is_recording
                    .get()
                    .then(|| {
                        view! {
                            <span
                                class="recorder__specials"
                                role="group"
                                aria-label=specials_name.clone()
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                    if key_press(&ev).cancels() {
                                        ev.prevent_default();
                                        refocus();
                                        cancel();
                                    }
                                }
                            >
                                {specials()}
                            </span>
                        }
                    })
            }}
        </span>
    }
}
