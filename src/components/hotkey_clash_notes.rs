use leptos::prelude::*;

use crate::components::hotkey_draft::HotkeyDraft;
use crate::domain::hotkeys::{clash_label, Clash};
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::i18n::{hotkey_words, t, tf};

/// Under a hotkey row: which other actions share its keys (a real conflict, or one the defaults
/// already have), and after a recording that clashes, the choice Swap / Replace / Keep both.
#[component]
pub fn HotkeyClashNotes(
    /// The row's clashes.
    clashes: Signal<Vec<Clash>>,
    /// All rows being edited (to name the others).
    draft: HotkeyDraft,
    /// The row's key before the recording that clashed, while the choice is open.
    offer: RwSignal<Option<String>>,
    /// Swap (`true`: the others take the previous key) or Replace (`false`: they are switched off).
    on_resolve: Callback<bool>,
) -> impl IntoView {
    let names = move |list: &[Clash]| {
        draft.with(|all| {
            list.iter()
                .map(|c| clash_label(all, &c.other, hotkey_words()))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    view! {
        {move || {
            let (shared, real): (Vec<Clash>, Vec<Clash>) = clashes
                .get()
                .into_iter()
                .partition(|c| c.shared_by_default);
            view! {
                {(!real.is_empty())
                    .then(|| {
                        view! {
                            <span class="hotkey-row__conflict" data-testid="row-conflict">
                                {tf(HotkeysMsg::AlsoBoundTo, &[("names", &names(&real))])}
                            </span>
                        }
                    })}
                {(!shared.is_empty())
                    .then(|| {
                        view! {
                            <span class="hotkey-row__shared">
                                {tf(HotkeysMsg::SharedByDefault, &[("names", &names(&shared))])}
                            </span>
                        }
                    })}
            }
        }}
        {move || {
            offer
                .get()
                .is_some()
                .then(|| {
                    view! {
                        <span
                            class="hotkey-row__offer"
                            role="group"
                            aria-label=t(HotkeysMsg::ResolveConflict)
                        >
                            <button
                                type="button"
                                class="button button--small"
                                on:click=move |_| on_resolve.run(true)
                            >
                                {t(HotkeysMsg::Swap)}
                            </button>
                            <button
                                type="button"
                                class="button button--small"
                                on:click=move |_| on_resolve.run(false)
                            >
                                {t(HotkeysMsg::Replace)}
                            </button>
                            <button
                                type="button"
                                class="button button--small"
                                on:click=move |_| offer.set(None)
                            >
                                {t(HotkeysMsg::KeepBoth)}
                            </button>
                        </span>
                    }
                })
        }}
    }
}
