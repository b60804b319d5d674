use leptos::prelude::*;

use crate::domain::hotkeys::editing::reset_prompt;
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::{hotkey_words, t};

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
                {reset_prompt(changes, hotkey_words().t)}
            </p>
            <div class="dialog__row">
                <button
                    type="button"
                    class="button button--danger"
                    disabled=changes == 0 || saving
                    on:click=move |_| on_reset.run(())
                >
                    {t(HotkeysMsg::ResetConfirm)}
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    {t(MainMsg::Cancel)}
                </button>
            </div>
        </div>
    }
}
