use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::chunk::CodeMissing;
use crate::browser::{clipboard, download};
use crate::components::hotkey_draft::HotkeyDraft;
use crate::components::hotkey_tools::{self, HotkeyTools, Tools};
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::domain::status::Status;
use crate::i18n::{hotkey_words, t};

/// The hotkey editor's toolbar: Import…, Export, Copy JSON, Reset to defaults…. Export and Copy
/// take the rows as they are on the page, saved or not.
#[component]
pub fn HotkeyActions(
    /// All rows being edited.
    draft: HotkeyDraft,
    /// Where export and copy report.
    status: RwSignal<Status>,
    /// Opens the import panel.
    on_import: Callback<()>,
    /// Opens the reset question.
    on_reset: Callback<()>,
    /// The tools' code (import, export): prefetched when the pointer or focus reaches the bar.
    tools: Tools,
) -> impl IntoView {
    // The export's code is in the tools' chunk: at once when here (prefetched), else fetched.
    let with_export_text = move |then: fn(RwSignal<Status>, String)| {
        let text = move |tools: HotkeyTools| {
            let now = String::from(js_sys::Date::new_0().to_iso_string());
            draft.with_untracked(|d| (tools.export)(d, &now, hotkey_words()))
        };
        match tools.here() {
            Some(here) => then(status, text(here)),
            None => spawn_local(async move {
                match hotkey_tools::get().await {
                    Ok(here) => then(status, text(here)),
                    Err(CodeMissing) => {
                        status.try_set(Status::Failed(t(HotkeysMsg::ToolsMissing).into()));
                    }
                }
            }),
        }
    };
    let on_export = move |_| {
        with_export_text(|status, text| {
            let ok = download::text_file("hotkeys-export.json", "application/json", &text);
            status.try_set(Status::from_outcome(
                ok,
                t(HotkeysMsg::Exported),
                t(HotkeysMsg::DownloadBlocked),
            ));
        })
    };
    let on_copy = move |_| {
        with_export_text(|status, text| {
            spawn_local(async move {
                let ok = clipboard::copy(&text, None).await;
                status.try_set(Status::from_outcome(
                    ok,
                    t(HotkeysMsg::CopiedJson),
                    t(HotkeysMsg::CopyRefused),
                ));
            });
        })
    };

    view! {
        <div
            class="hotkeys__toolbar"
            role="toolbar"
            aria-label=t(HotkeysMsg::HotkeyActions)
            on:pointerenter=move |_| hotkey_tools::prefetch(tools)
            on:focusin=move |_| hotkey_tools::prefetch(tools)
        >
            <button type="button" class="button" on:click=move |_| on_import.run(())>
                {t(HotkeysMsg::Import)}
            </button>
            <button type="button" class="button" on:click=on_export>
                {t(HotkeysMsg::Export)}
            </button>
            <button type="button" class="button" on:click=on_copy>
                {t(HotkeysMsg::CopyJson)}
            </button>
            <button type="button" class="button button--danger" on:click=move |_| on_reset.run(())>
                {t(HotkeysMsg::ResetToDefaults)}
            </button>
        </div>
    }
}
