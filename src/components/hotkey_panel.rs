use leptos::prelude::*;

use crate::api::types::HotkeyMap;
use crate::components::hotkey_draft::HotkeyDraft;
use crate::components::hotkey_reset::HotkeyReset;
use crate::components::hotkey_stale::HotkeyStale;
use crate::components::hotkey_tools::{Tools, ToolsStatus};
use crate::domain::hotkeys::editing::{self, SaveKind};
use crate::domain::hotkeys::{to_stored, Binding};

/// The panel open above the hotkey list.
#[derive(Debug, Clone, PartialEq)]
pub enum Panel {
    None,
    Import,
    ConfirmReset,
    /// A save found this stored instead of what the page loaded.
    Stale(HotkeyMap),
}

/// Whichever panel is open above the list: import, the reset question, or the choice after a
/// save found newer hotkeys stored. Every save it asks for goes through `on_submit`, the
/// editor's one gate.
#[component]
pub fn HotkeyPanel(
    /// The open panel; set to `Panel::None` to close it.
    panel: RwSignal<Panel>,
    /// The import panel's code (opened with the panel).
    tools: Tools,
    /// All rows being edited.
    draft: HotkeyDraft,
    /// The rows as stored when the page loaded or last saved.
    saved: Memo<Vec<Binding>>,
    /// A save is on its way.
    #[prop(into)]
    saving: Signal<bool>,
    /// Saves this map, unconditionally, as this kind of save.
    on_submit: Callback<(HotkeyMap, SaveKind)>,
    /// Saves the edits over what someone else stored.
    on_save_mine: Callback<()>,
    /// Takes what someone else stored and drops the edits.
    on_load_theirs: Callback<HotkeyMap>,
) -> impl IntoView {
    let close = Callback::new(move |_| panel.set(Panel::None));
    move || match panel.get() {
        Panel::None => ().into_any(),
        Panel::Import => {
            let current = Signal::derive(move || draft.get());
            let on_apply = Callback::new(move |next: Vec<Binding>| {
                on_submit.run((to_stored(&next), SaveKind::Import))
            });
            view! {
                {move || tools.code().map(|tools| (tools.import)(current, on_apply, close))}
                <ToolsStatus code=tools />
            }
            .into_any()
        }
        Panel::ConfirmReset => view! {
            <HotkeyReset
                changes=draft.with_untracked(|d| editing::reset_changes(d))
                saving=saving.get_untracked()
                on_reset=Callback::new(move |_| {
                    on_submit.run((HotkeyMap::new(), SaveKind::Reset))
                })
                on_cancel=close
            />
        }
        .into_any(),
        Panel::Stale(theirs) => view! {
            <HotkeyStale
                changes=saved.with_untracked(|s| editing::overwritten_by_saving(s, &theirs))
                on_save_mine=on_save_mine
                on_load_theirs=Callback::new(move |_| on_load_theirs.run(theirs.clone()))
                on_cancel=close
            />
        }
        .into_any(),
    }
}
