use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::File;

use crate::browser::chunk::split_code;
use crate::browser::draft_store;
use crate::components::avatar_editor::{AvatarEditor, FirstStep};
use crate::components::avatar_frame::{AvatarFrame, FrameButton};
use crate::components::lazy_code::{LazyCode, LazyStatus};
use crate::components::userpic::Userpic;
use crate::context::use_current_user;
use crate::domain::avatar::PENDING_AVATAR_KEY;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// Builds the editor's view; a function of the editor's chunk once that has arrived.
type BuildEditor = fn(FirstStep, Option<FrameButton>) -> AnyView;

// The photo editor (checks, resizing, preview, upload) is the largest part of Personal info and
// most visits never use it, so it has its own chunk, like the sections (`pages/section_code.rs`).
split_code!(
    editor_code,
    preload_editor,
    on_demand,
    BuildEditor,
    |first, focus| view! { <AvatarEditor first focus /> }.into_any()
);

thread_local! {
    /// The editor's code, once fetched: later visits to Personal info show the editor at once.
    static EDITOR: Cell<Option<BuildEditor>> = const { Cell::new(None) };
}

/// The photo area of Personal info. It looks and works like the editor from the start (choose
/// or drop a file, Remove photo) and fetches the editor's code when the pointer, a drag or focus
/// reaches it; what the user does before the code is here (the chosen or dropped file, Remove)
/// is handed to the editor when it arrives, with focus where it was. A photo kept across a
/// sign-in fetches the editor at once, which restores it.
#[component]
pub fn AvatarSlot() -> impl IntoView {
    let user = use_current_user().0;
    let code = LazyCode::new(EDITOR.with(Cell::get));
    // What to hand over, kept until the editor takes it (and across a failed fetch).
    let waiting = StoredValue::new_local(None::<(FirstStep, Option<FrameButton>)>);
    let prefetch = move || code.prefetch(preload_editor());
    let open = move || code.open(editor_code());
    let act = move |first: FirstStep, button: FrameButton| {
        let focus = slot_has_focus().then_some(button);
        waiting.set_value(Some((first, focus)));
        open();
    };
    if code.here().is_none() && draft_store::has(PENDING_AVATAR_KEY) {
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
                <LazyStatus
                    wait=code.wait()
                    class="avatar-slot__wait"
                    note_class="avatar-editor__note"
                    loading=t(MainMsg::OpeningPhotoEditor)
                    missing=t(MainMsg::PhotoEditorMissing)
                    on_retry=Callback::new(move |_| open())
                    // Stops waiting and drops the chosen file; if the code arrives later, the
                    // editor takes over in its idle state.
                    on_cancel=Callback::new(move |_| {
                        waiting.set_value(None);
                        focus_choose();
                    })
                />
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
            {move || match code.code() {
                Some(build) => {
                    EDITOR.with(|cell| cell.set(Some(build)));
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
