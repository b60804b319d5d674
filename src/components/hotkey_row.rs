use leptos::prelude::*;

use crate::components::hotkey_card::{filtered, RowVisibility};
use crate::components::hotkey_clash_notes::HotkeyClashNotes;
use crate::components::hotkey_draft::HotkeyDraft;
use crate::components::hotkey_key_button::HotkeyKeyButton;
use crate::domain::hotkeys::keys::{self, KeyCombo, Platform};
use crate::domain::hotkeys::{editing, has_real_clash, resolve_clash, validation, Binding, Clash};
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::i18n::{hotkey_words, t, tf};

/// One hotkey: label and description, its keys as a recorder button, and an on/off switch, as
/// in Label Studio. The rest appears where it is needed: Reset on a modified row, the clash notes
/// on a clashing one, the special keys while recording. Writes go straight into `draft`.
#[component]
pub fn HotkeyRow(
    /// Server id `section:element` of this row.
    id: String,
    /// All rows being edited.
    draft: HotkeyDraft,
    /// Which row is recording, if any (one at a time).
    recording: RwSignal<Option<String>>,
    /// Rows this one clashes with.
    #[prop(into)]
    clashes: Signal<Vec<Clash>>,
    /// The section's live region.
    announce: WriteSignal<String>,
    /// Which key labels to draw.
    platform: Platform,
    /// Which rows pass the filter; it hides this one (which stays mounted).
    rows_shown: RowVisibility,
) -> impl IntoView {
    let binding = draft.row(&id);
    let dom_id = format!(
        "hk-{}",
        id.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let words = hotkey_words();
    let label = binding.with_untracked(|b| b.as_ref().map(|b| b.label(words)).unwrap_or_default());
    let description = binding.with_untracked(|b| {
        b.as_ref()
            .and_then(|b| b.default_of())
            .map(|d| (words.default)(d).1)
            .unwrap_or("")
    });
    let error = RwSignal::new(None::<String>);
    let key_button = NodeRef::<leptos::html::Button>::new();
    let warning = RwSignal::new(None::<String>);
    // After a recording that clashes: the key this row had before, for Swap.
    let offer = RwSignal::new(None::<String>);
    let update = {
        let id = id.clone();
        move |f: &dyn Fn(&mut Binding)| draft.update_row(&id, f)
    };
    let set_key = {
        let (update, label, id) = (update.clone(), label.clone(), id.clone());
        move |combo: KeyCombo| match validation::check_key(&combo.to_string(), words.t) {
            Ok(valid) => {
                error.set(None);
                warning.set(validation::browser_reserved(&valid, words.t));
                let previous = binding
                    .with_untracked(|b| b.as_ref().map(|b| b.key.clone()))
                    .unwrap_or_default();
                let text = valid.to_string();
                update(&|b| b.key = text.clone());
                let clashing = draft.with_untracked(|all| has_real_clash(all, &id));
                offer.set(clashing.then_some(previous));
                announce.set(editing::key_set_message(
                    &keys::label(&valid, platform),
                    &label,
                    clashing,
                    words.t,
                ));
            }
            Err(message) => {
                error.set(Some(message.clone()));
                announce.set(message);
            }
        }
    };

    let reset = {
        let (update, label) = (update.clone(), label.clone());
        move |_| {
            error.set(None);
            warning.set(None);
            offer.set(None);
            update(&|b| b.reset());
            announce.set(tf(HotkeysMsg::BackToDefault, &[("label", &label)]));
            // Reset goes with the edit it undoes: focus back to the keys.
            if let Some(button) = key_button.get_untracked() {
                _ = button.focus();
            }
        }
    };
    // Swap: the others take this row's previous key. Replace: the others are switched off.
    let resolve = {
        let id = id.clone();
        move |swap: bool| {
            let previous = offer.get_untracked().unwrap_or_default();
            draft.update(|all| resolve_clash(all, &id, &previous, swap));
            offer.set(None);
            announce.set(
                t(if swap {
                    HotkeysMsg::Swapped
                } else {
                    HotkeysMsg::OtherSwitchedOff
                })
                .into(),
            );
        }
    };
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        update(&|b| b.active = on);
    };

    let keys_now = Signal::derive(move || {
        binding.with(|b| b.as_ref().map(|b| b.key.clone()).unwrap_or_default())
    });
    let active = move || binding.with(|b| b.as_ref().is_some_and(|b| b.active));
    // A memo: three places read it, and each answer looks up the default and parses two keys.
    let modified =
        Memo::new(move |_| binding.with(|b| b.as_ref().is_some_and(Binding::is_modified)));
    let default_keys =
        binding.with_untracked(|b| b.as_ref().and_then(|b| b.default_of()).map(|d| d.key));
    let label_id = format!("{dom_id}-label");
    let reset_name = tf(HotkeysMsg::ResetLabel, &[("label", &label)]);
    let default_title = default_keys
        .map(|k| tf(HotkeysMsg::DefaultKeys, &[("keys", k)]))
        .unwrap_or_default();
    // Whether the clash notes are drawn: a bool, so that a change in the clashes redraws a row's
    // notes only where they come or go.
    let has_notes =
        Memo::new(move |_| clashes.with(|c| !c.is_empty()) || offer.with(Option::is_some));

    view! {
        <li
            class="hotkey-row"
            class=("hotkey-row--off", move || !active())
            class=("hotkey-row--modified", move || modified.get())
            use:filtered=(rows_shown, id.clone())
            hidden=!rows_shown.shown(&id)
            data-hotkey=id.clone()
        >
            <div class="hotkey-row__text">
                <span class="hotkey-row__label" id=label_id.clone()>
                    {label.clone()}
                </span>
                {move || {
                    modified
                        .get()
                        .then(|| {
                            view! {
                                <span class="badge" title=default_title.clone()>
                                    {t(HotkeysMsg::Modified)}
                                </span>
                                <button
                                    type="button"
                                    class="button button--small hotkey-row__reset"
                                    aria-label=reset_name.clone()
                                    on:click=reset.clone()
                                >
                                    {t(HotkeysMsg::Reset)}
                                </button>
                            }
                        })
                }}
                <span class="hotkey-row__description">{description}</span>
                {move || {
                    has_notes
                        .get()
                        .then(|| {
                            view! {
                                <HotkeyClashNotes
                                    clashes
                                    draft
                                    offer
                                    on_resolve=Callback::new(resolve.clone())
                                />
                            }
                        })
                }}
                {move || row_line(warning.get(), "hotkey-row__warning", false)}
                {move || row_line(error.get(), "hotkey-row__error", true)}
            </div>
            <HotkeyKeyButton
                id=id.clone()
                label=label.clone()
                keys_now
                recording
                error
                announce
                platform
                on_key=Callback::new(set_key.clone())
                button=key_button
            />
            <input
                type="checkbox"
                role="switch"
                class="switch"
                prop:checked=active
                on:change=toggle
                aria-label=tf(HotkeysMsg::EnableLabel, &[("label", &label)])
            />
        </li>
    }
}

/// A line under a row's text (a warning, or an error said at once), nothing without `text`.
fn row_line(text: Option<String>, class: &'static str, alert: bool) -> impl IntoView {
    text.map(|text| {
        view! {
            <span class=class role=alert.then_some("alert")>
                {text}
            </span>
        }
    })
}
