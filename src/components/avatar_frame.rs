use leptos::prelude::*;
use web_sys::File;

use crate::context::use_current_user;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// A button of the frame that can take focus when the frame appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameButton {
    Choose,
    Remove,
}

/// The photo area's fixed parts: the picture (a drop target), "Choose image…" with its hidden
/// file input, "Remove photo" while the user has one, and the hint. The avatar slot (before the
/// editor's code is here) and the editor are both built on it, so the two look and behave alike
/// and the editor can take the slot's place without a jump.
#[component]
pub fn AvatarFrame(
    /// What the drop target shows (the current photo, or a preview).
    picture: ViewFn,
    /// A file was chosen in the file dialog or dropped on the picture.
    on_file: Callback<File>,
    /// "Remove photo" was pressed.
    on_remove: Callback<()>,
    /// While true, both buttons refuse (an upload or removal is under way).
    #[prop(optional, into)]
    busy: Signal<bool>,
    /// The button to focus as soon as the frame is shown (the slot's focus, carried over).
    #[prop(default = None)]
    focus: Option<FrameButton>,
    /// What follows the hint: progress, problems, preview, confirmation, status.
    children: Children,
) -> impl IntoView {
    let user = use_current_user().0;
    let dragging = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let choose = NodeRef::<leptos::html::Button>::new();
    let remove = NodeRef::<leptos::html::Button>::new();
    match focus {
        Some(FrameButton::Choose) => choose.on_load(|b| {
            let _ = b.focus();
        }),
        Some(FrameButton::Remove) => remove.on_load(|b| {
            let _ = b.focus();
        }),
        None => {}
    }
    let has_avatar =
        Memo::new(move |_| user.with(|u| u.avatar.as_deref().is_some_and(|a| !a.is_empty())));

    let on_change = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            on_file.run(file);
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        {
            on_file.run(file);
        }
    };

    view! {
        <div class="avatar-editor">
            <div
                class="avatar-editor__drop"
                class=("avatar-editor__drop--active", move || dragging.get())
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
                data-testid="avatar-drop"
            >
                {move || picture.run()}
            </div>
            <div class="avatar-editor__controls">
                <input
                    type="file"
                    accept="image/png,image/jpeg,image/gif"
                    hidden
                    node_ref=file_input
                    on:change=on_change
                    data-testid="avatar-input"
                />
                <div class="avatar-editor__buttons">
                    <button
                        type="button"
                        class="button"
                        disabled=busy
                        node_ref=choose
                        on:click=move |_| {
                            if let Some(input) = file_input.get() {
                                input.click()
                            }
                        }
                    >
                        {t(MainMsg::ChooseImage)}
                    </button>
                    {move || {
                        has_avatar
                            .get()
                            .then(|| {
                                view! {
                                    <button
                                        type="button"
                                        class="button button--danger"
                                        disabled=busy
                                        node_ref=remove
                                        on:click=move |_| on_remove.run(())
                                    >
                                        {t(MainMsg::RemovePhoto)}
                                    </button>
                                }
                            })
                    }}
                </div>
                <p class="avatar-editor__hint">{t(MainMsg::AvatarHint)}</p>
                {children()}
            </div>
        </div>
    }
}
