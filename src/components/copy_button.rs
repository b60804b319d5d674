use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clipboard;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// Copies text; says "Copied" for a moment, or asks for Ctrl+C when the browser refuses.
#[component]
pub fn CopyButton(
    /// What to copy (read when clicked, so secrets are not duplicated into the DOM).
    #[prop(into)]
    text: Signal<String>,
    /// The field to select when the Clipboard API is unavailable.
    #[prop(optional)]
    fallback: Option<NodeRef<leptos::html::Textarea>>,
    /// Accessible name, e.g. "Copy token" ("Copy" when not given).
    #[prop(optional)]
    label: Option<&'static str>,
) -> impl IntoView {
    let state = RwSignal::new(None::<bool>);
    let on_click = move |_| {
        let value = text.get_untracked();
        let field = fallback.and_then(|f| f.get_untracked());
        spawn_local(async move {
            let ok = clipboard::copy(&value, field).await;
            let _ = state.try_set(Some(ok));
        });
    };
    view! {
        <button
            type="button"
            class="button button--small"
            on:click=on_click
            aria-label=label.unwrap_or_else(|| t(MainMsg::Copy))
        >
            {move || {
                t(
                    match state.get() {
                        Some(true) => MainMsg::Copied,
                        Some(false) => MainMsg::PressCtrlC,
                        None => MainMsg::Copy,
                    },
                )
            }}
        </button>
    }
}
