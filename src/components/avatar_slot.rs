use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::File;

use crate::browser::chunk::CodeMissing;
use crate::browser::draft_store;
use crate::components::avatar_editor::{AvatarEditor, FirstStep};
use crate::components::avatar_frame::{AvatarFrame, FrameButton};
use crate::components::connection_status::slow_after_a_while;
use crate::components::userpic::Userpic;
use crate::context::use_current_user;
use crate::domain::avatar::PENDING_AVATAR_KEY;

/// Builds the editor's view; a function of the editor's chunk once that has arrived.
type BuildEditor = fn(FirstStep, Option<FrameButton>) -> AnyView;

thread_local! {
    /// The editor's code, once fetched: later visits to Personal info show the editor at once.
    static EDITOR: Cell<Option<BuildEditor>> = const { Cell::new(None) };
}

fn build_editor(first: FirstStep, focus: Option<FrameButton>) -> AnyView {
    view! { <AvatarEditor first focus /> }.into_any()
}

// The photo editor (checks, resizing, preview, upload) is the largest part of Personal info and
// most visits never use it, so it has its own chunk, like the sections (`pages/section_code.rs`).
#[cfg(feature = "split-sections")]
#[leptos::wasm_split::wasm_split(
    avatar_editor,
    fallible,
    wasm_split_path = ::leptos::wasm_split,
    preload(preload_editor)
)]
fn editor_code() -> Result<BuildEditor, CodeMissing> {
    Ok(build_editor)
}

#[cfg(not(feature = "split-sections"))]
async fn editor_code() -> Result<BuildEditor, CodeMissing> {
    Ok(build_editor)
}

#[cfg(not(feature = "split-sections"))]
async fn preload_editor() -> Result<(), CodeMissing> {
    Ok(())
}

/// Where the code stands while the user waits for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fetch {
    Idle,
    Loading,
    Missing,
}

/// The photo area of Personal info. It looks and works like the editor from the start (choose
/// or drop a file, Remove photo) and fetches the editor's code when the pointer, a drag or focus
/// reaches it; what the user does before the code is here (the chosen or dropped file, Remove)
/// is handed to the editor when it arrives, with focus where it was. A photo kept across a
/// sign-in fetches the editor at once, which restores it.
#[component]
pub fn AvatarSlot() -> impl IntoView {
    let user = use_current_user().0;
    let editor = RwSignal::new(EDITOR.with(Cell::get));
    // What to hand over, kept until the editor takes it (and across a failed fetch).
    let waiting = StoredValue::new_local(None::<(FirstStep, Option<FrameButton>)>);
    let fetch = RwSignal::new(Fetch::Idle);
    // A long wait offers Cancel, as for slow API calls and sections.
    let slow = slow_after_a_while(Signal::derive(move || fetch.get() == Fetch::Loading));

    let prefetch = move || {
        if editor.get_untracked().is_none() {
            spawn_local(async {
                // A failure is not the user's business yet: acting retries and explains it.
                let _ = preload_editor().await;
            });
        }
    };
    let open = move || {
        fetch.set(Fetch::Loading);
        spawn_local(async move {
            match editor_code().await {
                Ok(build) => {
                    EDITOR.with(|cell| cell.set(Some(build)));
                    editor.try_set(Some(build));
                }
                Err(CodeMissing) => {
                    fetch.try_set(Fetch::Missing);
                }
            }
        });
    };
    let act = move |first: FirstStep, button: FrameButton| {
        let focus = slot_has_focus().then_some(button);
        waiting.set_value(Some((first, focus)));
        open();
    };
    if editor.get_untracked().is_none() && draft_store::has(PENDING_AVATAR_KEY) {
        waiting.set_value(Some((FirstStep::Idle, None)));
        open();
    }

    let placeholder = move || {
        view! {
            <AvatarFrame
                picture=ViewFn::from(move || view! { <Userpic user=user size="large" /> })
                on_file=Callback::new(move |file: File| act(
                    FirstStep::Inspect(file),
                    FrameButton::Choose,
                ))
                on_remove=Callback::new(move |()| act(
                    FirstStep::ConfirmRemove,
                    FrameButton::Remove,
                ))
            >
                {move || match fetch.get() {
                    Fetch::Idle => ().into_any(),
                    Fetch::Loading => {
                        view! {
                            <p class="avatar-editor__note" role="status">
                                "Opening the photo editor…"
                            </p>
                            {move || {
                                slow.get()
                                    .then(|| {
                                        view! {
                                            // Stops waiting and drops the chosen file; if the code arrives later,
                                            // the editor takes over in its idle state.
                                            <button
                                                type="button"
                                                class="button button--small"
                                                on:click=move |_| {
                                                    waiting.set_value(None);
                                                    fetch.set(Fetch::Idle);
                                                    focus_choose();
                                                }
                                            >
                                                "Cancel"
                                            </button>
                                        }
                                    })
                            }}
                        }
                            .into_any()
                    }
                    Fetch::Missing => {
                        view! {
                            <div class="notice notice--error" role="alert">
                                <p class="notice__text">
                                    "Could not open the photo editor: its code did not arrive from the server. \
                                     Check the connection and try again; if Label Studio was just updated, reload the page."
                                </p>
                                <button type="button" class="button" on:click=move |_| open()>
                                    "Try again"
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                }}
            </AvatarFrame>
        }
    };

    view! {
        <div
            class="avatar-slot"
            on:pointerenter=move |_| prefetch()
            on:focusin=move |_| prefetch()
            on:dragenter=move |_| prefetch()
        >
            {move || match editor.get() {
                Some(build) => {
                    let (first, focus) = waiting
                        .try_update_value(Option::take)
                        .flatten()
                        .unwrap_or((FirstStep::Idle, None));
                    build(first, focus)
                }
                None => placeholder().into_any(),
            }}
        </div>
    }
}

/// After Cancel, whose button is gone, focus goes back to "Choose image…" instead of the page.
fn focus_choose() {
    if let Some(button) = document()
        .query_selector(".avatar-slot .avatar-editor__buttons .button")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}

/// Whether focus is inside the photo area (so the editor should keep it there).
fn slot_has_focus() -> bool {
    document()
        .active_element()
        .and_then(|el| el.closest(".avatar-slot").ok().flatten())
        .is_some()
}
