//! The hotkey editor's tools that most visits never use (import, export and copy, a project's
//! label keys) arrive when first used, prefetched when the pointer or focus reaches one. They
//! share the `on_demand` chunk with the photo editor, the other piece of UI only opened on
//! purpose: that keeps 27 KB off the Hotkeys section's first load at the same requests. A chunk
//! of their own costs four more requests (wasm-split adds a shared chunk per set of chunks that
//! share code); the small sections' chunk would make those pages 51 KB heavier
//! (docs/PERFORMANCE.md).

use leptos::prelude::*;

use crate::browser::chunk::{split_code, CodeMissing};
use crate::components::hotkey_draft::HotkeyDraft;
use std::collections::BTreeMap;

use crate::components::hotkey_filters::ListFilter;
use crate::components::hotkey_import::HotkeyImport;
use crate::components::hotkey_keyboard_map::HotkeyKeyboardMap;
use crate::components::hotkey_project_keys::HotkeyProjectKeys;
use crate::components::lazy_code::{LazyCode, LazyStatus};
use crate::domain::hotkeys::keys::Platform;
use crate::domain::hotkeys::{transfer, Binding, Clash};
use crate::domain::i18n::hotkeys::{HotkeyWords, HotkeysMsg};
use crate::i18n::t;

/// Builds the import panel: the rows now, apply, close.
type BuildImport = fn(Signal<Vec<Binding>>, Callback<Vec<Binding>>, Callback<()>) -> AnyView;

/// Builds a project's label keys: the rows, the recording row, the live region, reveal a row.
type BuildProjectKeys = fn(
    HotkeyDraft,
    RwSignal<Option<String>>,
    WriteSignal<String>,
    Callback<String, bool>,
) -> AnyView;

/// Builds the keyboard map: the rows, their clashes, the list's filters, the platform's key
/// names, the live region.
type BuildKeyboardMap = fn(
    HotkeyDraft,
    Memo<BTreeMap<String, Vec<Clash>>>,
    ListFilter,
    Platform,
    WriteSignal<String>,
) -> AnyView;

/// What the chunk gives.
#[derive(Clone, Copy)]
pub struct HotkeyTools {
    pub import: BuildImport,
    pub project_keys: BuildProjectKeys,
    pub keyboard_map: BuildKeyboardMap,
    /// The export file's text.
    pub export: fn(&[Binding], &str, HotkeyWords) -> String,
}

split_code!(
    tools,
    preload_tools,
    on_demand,
    HotkeyTools,
    HotkeyTools {
        import: |current, on_apply, on_close| {
            view! { <HotkeyImport current on_apply on_close /> }.into_any()
        },
        project_keys: |draft, recording, announce, on_reveal| {
            view! { <HotkeyProjectKeys draft recording announce on_reveal /> }.into_any()
        },
        keyboard_map: |draft, clashes, filters, platform, announce| {
            view! { <HotkeyKeyboardMap draft clashes filters platform announce /> }.into_any()
        },
        export: transfer::export,
    }
);

/// The tools' code as one part of the page waits for it.
pub type Tools = LazyCode<HotkeyTools>;

/// Fetches the tools (at once if here), for `code`'s wait.
pub fn open(code: Tools) {
    code.open(tools());
}

/// Starts fetching the tools on intent.
pub fn prefetch(code: Tools) {
    code.prefetch(preload_tools());
}

/// The tools for a one-off action (export, copy), fetched if need be.
pub async fn get() -> Result<HotkeyTools, CodeMissing> {
    tools().await
}

/// The wait for the tools, with Cancel when slow and Try again when they did not arrive.
#[component]
pub fn ToolsStatus(
    /// The wait.
    code: Tools,
) -> impl IntoView {
    view! {
        <LazyStatus
            wait=code.wait()
            class="hotkeys__tools-wait"
            note_class="page-status"
            loading=t(HotkeysMsg::LoadingTools)
            missing=t(HotkeysMsg::ToolsMissing)
            on_retry=Callback::new(move |_| open(code))
        />
    }
}

/// A disclosure whose body comes from the tools' chunk ("Check a project's label keys", the
/// keyboard map): fetched when first opened, prefetched on intent.
#[component]
pub fn ToolSlot(
    /// The disclosure's class (`<class>__toggle` on its summary).
    class: &'static str,
    /// The summary's words.
    label: HotkeysMsg,
    /// Builds the body from the chunk (a callback, not a generic: one copy of this component).
    #[prop(into)]
    body: Callback<HotkeyTools, AnyView>,
) -> impl IntoView {
    let code = Tools::new(None);
    let opened = RwSignal::new(false);
    view! {
        <details
            class=class
            on:toggle=move |_| {
                if !opened.get_untracked() {
                    opened.set(true);
                    open(code);
                }
            }
        >
            <summary
                class=format!("{class}__toggle")
                on:pointerenter=move |_| prefetch(code)
                on:focus=move |_| prefetch(code)
            >
                {t(label)}
            </summary>
            {move || opened.get().then(|| code.code().map(|tools| body.run(tools)))}
            <ToolsStatus code />
        </details>
    }
}
