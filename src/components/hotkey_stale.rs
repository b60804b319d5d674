use leptos::prelude::*;

use crate::components::hotkey_import::ChangeTable;
use crate::domain::hotkeys::transfer::Change;
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// Shown when a save finds the stored hotkeys changed elsewhere since the page loaded: what
/// saving would overwrite, and the choice.
#[component]
pub fn HotkeyStale(
    /// The rows saving now would overwrite.
    changes: Vec<Change>,
    /// Saves the edits over the other change.
    on_save_mine: Callback<()>,
    /// Takes the stored copy and drops the edits.
    on_load_theirs: Callback<()>,
    /// Closes the panel, keeping the edits unsaved.
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <div
            class="confirm confirm--danger"
            role="alertdialog"
            aria-labelledby="stale-title"
            data-testid="stale-panel"
        >
            <p class="confirm__text" id="stale-title">
                {t(HotkeysMsg::StaleText)}
            </p>
            <ChangeTable changes clashes=vec![] />
            <div class="dialog__row">
                <button
                    type="button"
                    class="button button--danger"
                    on:click=move |_| on_save_mine.run(())
                >
                    {t(HotkeysMsg::SaveMine)}
                </button>
                <button type="button" class="button" on:click=move |_| on_load_theirs.run(())>
                    {t(HotkeysMsg::LoadTheirs)}
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    {t(MainMsg::Cancel)}
                </button>
            </div>
        </div>
    }
}
