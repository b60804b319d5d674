use leptos::prelude::*;

use crate::domain::hotkeys::editing::reset_prompt;

/// Asks before every hotkey goes back to its default, saying how many would change.
#[component]
pub fn HotkeyReset(
    /// Rows the reset would change (none: nothing to do).
    changes: usize,
    /// A save is on its way.
    saving: bool,
    /// Resets.
    on_reset: Callback<()>,
    /// Closes the question.
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="confirm confirm--danger" role="group" aria-labelledby="reset-title">
            <p class="confirm__text" id="reset-title">
                {reset_prompt(changes)}
            </p>
            <div class="dialog__row">
                <button
                    type="button"
                    class="button button--danger"
                    disabled=changes == 0 || saving
                    on:click=move |_| on_reset.run(())
                >
                    "Reset to defaults"
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </div>
    }
}
