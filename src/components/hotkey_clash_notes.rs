use leptos::prelude::*;

use crate::domain::hotkeys::{clash_label, Binding, Clash};

/// Under a hotkey row: which other actions share its keys (a real conflict, or one the defaults
/// already have), and after a recording that clashes, the choice Swap / Replace / Keep both.
#[component]
pub fn HotkeyClashNotes(
    /// The row's clashes.
    clashes: Signal<Vec<Clash>>,
    /// All rows being edited (to name the others).
    draft: RwSignal<Vec<Binding>>,
    /// The row's key before the recording that clashed, while the choice is open.
    offer: RwSignal<Option<String>>,
    /// Swap (`true`: the others take the previous key) or Replace (`false`: they are switched off).
    on_resolve: Callback<bool>,
) -> impl IntoView {
    let names = move |list: &[Clash]| {
        draft.with(|all| {
            list.iter()
                .map(|c| clash_label(all, &c.other))
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
                                {format!("Also bound to: {}", names(&real))}
                            </span>
                        }
                    })}
                {(!shared.is_empty())
                    .then(|| {
                        view! {
                            <span class="hotkey-row__shared">
                                {format!("Shared by default with: {}", names(&shared))}
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
                            aria-label="Resolve the conflict"
                        >
                            <button
                                type="button"
                                class="button button--small"
                                on:click=move |_| on_resolve.run(true)
                            >
                                "Swap"
                            </button>
                            <button
                                type="button"
                                class="button button--small"
                                on:click=move |_| on_resolve.run(false)
                            >
                                "Replace"
                            </button>
                            <button
                                type="button"
                                class="button button--small"
                                on:click=move |_| offer.set(None)
                            >
                                "Keep both"
                            </button>
                        </span>
                    }
                })
        }}
    }
}
