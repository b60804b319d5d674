use leptos::prelude::*;

use crate::browser::keyboard::key_press;
use crate::components::hotkey_draft::HotkeyDraft;
use crate::domain::hotkeys::keys::{self, Platform, Recorded};
use crate::domain::hotkeys::try_key::{try_key, Trial};
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::i18n::{hotkey_words, t};

/// "Try a key": a field that takes key presses and shows what each does with the rows as they
/// are on the page, saved or not: the actions it fires and where, the ones switched off, whether
/// the browser or the system keeps it, and the spelling that is stored. Tab leaves it.
#[component]
pub fn HotkeyTry(
    /// All rows being edited.
    draft: HotkeyDraft,
    /// Where each result is announced.
    announce: WriteSignal<String>,
    /// Which keyboard labels to show.
    platform: Platform,
) -> impl IntoView {
    let trial = RwSignal::new(None::<Trial>);
    let refused = RwSignal::new(None::<String>);
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let press = key_press(&ev);
        if press.moves_focus() {
            return;
        }
        ev.prevent_default();
        let recorded = keys::record(&press);
        let words = hotkey_words();
        if let Some(reason) = recorded.refusal(words.t) {
            announce.set(reason.clone());
            trial.set(None);
            refused.set(Some(reason));
        } else if let Recorded::Combo(combo) = recorded {
            let result = draft.with_untracked(|d| try_key(d, &combo, platform, words));
            announce.set(result.announcement(words.t));
            refused.set(None);
            trial.set(Some(result));
        }
    };

    view! {
        <details class="try-key">
            <summary class="try-key__summary">{t(HotkeysMsg::TryAKey)}</summary>
            <div class="field">
                <label class="field__label" for="try-key">
                    {t(HotkeysMsg::PressKeysHere)}
                </label>
                <input
                    id="try-key"
                    class="field__input try-key__pad"
                    type="text"
                    readonly
                    aria-describedby="try-key-hint"
                    prop:value=move || trial.with(|t| t.as_ref().map(|t| t.label.clone()))
                    on:keydown=on_keydown
                />
                <p class="field__hint" id="try-key-hint">
                    {t(HotkeysMsg::TryHint)}
                </p>
            </div>
            <p class="hotkey-row__error" role="alert">
                {move || refused.get()}
            </p>
            {move || {
                trial
                    .get()
                    .map(|trial| {
                        view! {
                            <dl class="try-key__result" data-testid="try-key-result">
                                <dt>{t(HotkeysMsg::StoredAs)}</dt>
                                <dd>
                                    <code>{trial.spelling}</code>
                                </dd>
                                <dt>{t(HotkeysMsg::Fires)}</dt>
                                {if trial.fires.is_empty() {
                                    view! { <dd>{t(HotkeysMsg::NoAction)}</dd> }.into_any()
                                } else {
                                    trial
                                        .fires
                                        .into_iter()
                                        .map(|r| {
                                            view! { <dd>{r.said(hotkey_words().t)}</dd> }
                                        })
                                        .collect_view()
                                        .into_any()
                                }}
                                {(!trial.switched_off.is_empty())
                                    .then(|| {
                                        view! {
                                            <dt>{t(HotkeysMsg::SwitchedOff)}</dt>
                                            <dd>{trial.switched_off.join(", ")}</dd>
                                        }
                                    })}
                                {trial
                                    .kept
                                    .map(|kept| {
                                        view! {
                                            <dt>{t(HotkeysMsg::KeptByBrowser)}</dt>
                                            <dd>{kept}</dd>
                                        }
                                    })}
                            </dl>
                        }
                    })
            }}
        </details>
    }
}
