use leptos::prelude::*;

use crate::components::avatar_stage::Candidate;
use crate::domain::avatar;
use crate::domain::i18n::avatar::AvatarMsg;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// The chosen photo's name, dimensions and size, with Upload and Cancel.
#[component]
pub fn AvatarPreview(
    /// What would be uploaded.
    candidate: Candidate,
    /// The upload is on its way.
    uploading: Signal<bool>,
    /// An upload or a removal is on its way: both buttons wait.
    busy: Signal<bool>,
    /// Uploads the photo.
    on_upload: Callback<Candidate>,
    /// Drops the photo.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let summary = avatar::preview_summary(
        &candidate.name,
        candidate.dimensions,
        candidate.size,
        candidate.resized,
        t,
    );
    view! {
        <div class="avatar-editor__preview" data-testid="avatar-preview">
            <p class="avatar-editor__summary">{summary}</p>
            <button
                type="button"
                class="button button--primary"
                disabled=busy
                on:click=move |_| on_upload.run(candidate.clone())
            >
                {move || t(if uploading.get() { AvatarMsg::Uploading } else { AvatarMsg::Upload })}
            </button>
            <button type="button" class="button" disabled=busy on:click=move |_| on_cancel.run(())>
                {t(MainMsg::Cancel)}
            </button>
        </div>
    }
}
