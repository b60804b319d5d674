use leptos::prelude::*;

use crate::components::hotkey_clash_notes::HotkeyClashNotes;
use crate::components::hotkey_key_button::HotkeyKeyButton;
use crate::domain::hotkeys::keys::{self, KeyCombo, Platform};
use crate::domain::hotkeys::{editing, has_real_clash, resolve_clash, validation, Binding, Clash};
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::i18n::{hotkey_words, t, tf};

/// One hotkey: label and description, its keys as a recorder button, a special-keys menu,
/// reset to default, and an on/off switch. Writes go straight into `draft`.
#[component]
pub fn HotkeyRow(
    /// Server id `section:element` of this row.
    id: String,
    /// All rows being edited.
    draft: RwSignal<Vec<Binding>>,
    /// Which row is recording, if any (one at a time).
    recording: RwSignal<Option<String>>,
    /// Rows this one clashes with.
    #[prop(into)]
    clashes: Signal<Vec<Clash>>,
    /// The section's live region.
    announce: WriteSignal<String>,
    /// Which key labels to draw.
    platform: Platform,
    /// False while a filter hides this row (it stays mounted).
    #[prop(into)]
    shown: Signal<bool>,
) -> impl IntoView {
    let binding = {
        let id = id.clone();
        Memo::new(move |_| draft.with(|all| all.iter().find(|b| b.id == id).cloned()))
    };
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
    let warning = RwSignal::new(None::<String>);
    // After a recording that clashes: the key this row had before, for Swap.
    let offer = RwSignal::new(None::<String>);
    let update = {
        let id = id.clone();
        move |f: &dyn Fn(&mut Binding)| {
            draft.update(|all| {
                if let Some(b) = all.iter_mut().find(|b| b.id == id) {
                    f(b);
                }
            })
        }
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

    let on_special = {
        let set_key = set_key.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            if let Ok(combo) = KeyCombo::parse(&value) {
                set_key(combo);
            }
            // Back to the prompt so the same special key can be chosen again.
            if let Some(select) = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
            {
                select.set_value("");
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

    view! {
        <li
            class="hotkey-row"
            class=("hotkey-row--off", move || !active())
            class=("hotkey-row--modified", move || modified.get())
            hidden=move || !shown.get()
            data-hotkey=id.clone()
        >
            <div class="hotkey-row__text">
                <span class="hotkey-row__label" id=label_id.clone()>
                    {label.clone()}
                </span>
                <Show when=move || modified.get()>
                    <span
                        class="badge"
                        title=default_keys
                            .map(|k| tf(HotkeysMsg::DefaultKeys, &[("keys", k)]))
                            .unwrap_or_default()
                    >
                        {t(HotkeysMsg::Modified)}
                    </span>
                </Show>
                <span class="hotkey-row__description">{description}</span>
                <HotkeyClashNotes clashes draft offer on_resolve=Callback::new(resolve) />
                <span class="hotkey-row__warning">{move || warning.get()}</span>
                <span class="hotkey-row__error" role="alert">
                    {move || error.get()}
                </span>
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
            />
            <select
                class="hotkey-row__special"
                aria-label=tf(HotkeysMsg::SpecialKeyFor, &[("label", &label)])
                on:change=on_special
            >
                // Text as the `label` attribute: an option without children costs one DOM node
                // instead of three, on every row.
                <option value="" label=t(HotkeysMsg::Special) />
                <option value="escape" label="Esc" />
                <option value="tab" label="Tab" />
                <option value="shift+tab" label="Shift+Tab" />
                <option value="enter" label="Enter" />
                <option value="space" label="Space" />
            </select>
            <button
                type="button"
                class="button button--small"
                disabled=move || !modified.get()
                aria-label=tf(HotkeysMsg::ResetLabel, &[("label", &label)])
                on:click=reset
            >
                {t(HotkeysMsg::Reset)}
            </button>
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
