use leptos::prelude::*;

use crate::domain::hotkeys::editing::unsaved_label;
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::{hotkey_words, t};

/// The hotkey editor's one Save for the page, with the count of unsaved changes, Discard, and
/// Undo after an import or a reset.
#[component]
pub fn HotkeySaveBar(
    /// Rows that differ from what is stored.
    #[prop(into)]
    changes: Signal<usize>,
    /// A save is on its way.
    #[prop(into)]
    saving: Signal<bool>,
    /// The last save can be undone.
    #[prop(into)]
    can_undo: Signal<bool>,
    /// Puts back what is stored.
    on_discard: Callback<()>,
    /// Saves the edits.
    on_save: Callback<()>,
    /// Saves what was stored before the last import or reset.
    on_undo: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="hotkeys__savebar">
            <span>{move || unsaved_label(changes.get(), hotkey_words().t)}</span>
            <button
                type="button"
                class="button"
                disabled=move || changes.get() == 0
                on:click=move |_| on_discard.run(())
            >
                {t(HotkeysMsg::Discard)}
            </button>
            // aria-disabled, not disabled: keyboard focus stays on Save while it saves.
            <button
                type="button"
                class="button button--primary"
                aria-disabled=move || (changes.get() == 0 || saving.get()).to_string()
                on:click=move |_| on_save.run(())
            >
                {move || t(if saving.get() { MainMsg::Saving } else { MainMsg::Save })}
            </button>
            {move || {
                can_undo
                    .get()
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button"
                                disabled=move || saving.get()
                                on:click=move |_| on_undo.run(())
                            >
                                {t(HotkeysMsg::Undo)}
                            </button>
                        }
                    })
            }}
        </div>
    }
}
