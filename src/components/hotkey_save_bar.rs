use leptos::prelude::*;

use crate::domain::hotkeys::editing::unsaved_label;

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
            <span>{move || unsaved_label(changes.get())}</span>
            <button
                type="button"
                class="button"
                disabled=move || changes.get() == 0
                on:click=move |_| on_discard.run(())
            >
                "Discard"
            </button>
            // aria-disabled, not disabled: keyboard focus stays on Save while it saves.
            <button
                type="button"
                class="button button--primary"
                aria-disabled=move || (changes.get() == 0 || saving.get()).to_string()
                on:click=move |_| on_save.run(())
            >
                {move || if saving.get() { "Saving…" } else { "Save" }}
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
                                "Undo"
                            </button>
                        }
                    })
            }}
        </div>
    }
}
