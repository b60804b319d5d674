use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use crate::api::types::User;
use crate::api::ApiError;
use crate::browser::image;
use crate::components::avatar_frame::{AvatarFrame, FrameButton};
use crate::components::avatar_preview::AvatarPreview;
use crate::components::avatar_problems::AvatarProblems;
use crate::components::avatar_stage::{
    examine, keep_pending_for_next_load, restore_pending, Candidate, Picked, Stage,
};
use crate::components::hooks::use_save;
use crate::components::status_line::StatusLine;
use crate::components::userpic::Userpic;
use crate::context::{use_api, use_current_user};
use crate::domain::avatar;
use crate::domain::i18n::avatar::AvatarMsg;
use crate::domain::status::Status;
use crate::i18n::{api_error, image_error, t, tf};

/// What the user did in the avatar slot before the editor's code arrived; the editor carries
/// it on, so nothing the user did is lost to the wait.
#[derive(Clone)]
pub enum FirstStep {
    /// Nothing yet (the code was already here, or a photo is being restored).
    Idle,
    /// Check this chosen or dropped file.
    Inspect(File),
    /// "Remove photo" was pressed: ask for the confirmation.
    ConfirmRemove,
}

/// The avatar: pick (button or drag-and-drop), check in the browser, preview, then Upload or
/// Cancel; "Resize to fit" when only size or dimensions are wrong; Remove after a confirmation.
/// A photo waiting in the preview when the session ends is kept until the user signs in again.
/// With `split-sections` it lives in its own chunk; the avatar slot shows it once it is here.
#[component]
pub fn AvatarEditor(
    /// What to do first.
    first: FirstStep,
    /// The button to focus on arrival (the slot's focus, carried over).
    focus: Option<FrameButton>,
) -> impl IntoView {
    let api = use_api();
    let user = use_current_user().0;
    let restored = restore_pending(user.with_untracked(|u| u.id));
    let status = RwSignal::new(if restored.is_some() {
        Status::Done(t(AvatarMsg::RestoredPhoto).into())
    } else {
        Status::Quiet
    });
    let stage = RwSignal::new_local(restored.map_or(Stage::Idle, Stage::Preview));
    let square = RwSignal::new(true);

    // Preview URLs are revoked whenever the stage moves on, and when the editor goes away.
    let set_stage = move |next: Stage| {
        stage.update(|current| {
            if let Stage::Preview(Candidate { url: Some(url), .. }) = current {
                image::revoke_url(url);
            }
            *current = next;
        });
    };
    on_cleanup(move || {
        if let Some(Stage::Preview(Candidate { url: Some(url), .. })) = stage.try_get_untracked() {
            image::revoke_url(&url);
        }
    });

    let inspect = move |file: File| {
        status.set(Status::Quiet);
        set_stage(Stage::Checking);
        spawn_local(async move {
            set_stage(examine(file).await);
        });
    };

    let resize = move |picked: Picked| {
        set_stage(Stage::Resizing);
        let crop = square.get_untracked();
        spawn_local(async move {
            let output = avatar::resize_output(picked.kind);
            let (w, h) = (picked.bitmap.width(), picked.bitmap.height());
            let attempts = avatar::resize_attempts(w, h, picked.kind, crop);
            match image::shrink_to_fit(&picked.bitmap, output, &attempts).await {
                Ok((blob, dimensions)) => set_stage(Stage::Preview(Candidate {
                    url: image::object_url(&blob),
                    size: blob.size() as u64,
                    name: avatar::upload_name(&picked.name, output),
                    blob,
                    dimensions,
                    resized: true,
                })),
                Err(error) => {
                    set_stage(Stage::Idle);
                    status.set(Status::Failed(image_error(&error)));
                }
            }
        });
    };

    // The photo is stored even if reading it back fails: then say so rather than "failed".
    let finish = move |result: Result<Option<User>, ApiError>,
                       done: AvatarMsg,
                       failed: AvatarMsg| match result {
        Ok(Some(fresh)) => {
            user.update(|u| u.avatar = fresh.avatar);
            set_stage(Stage::Idle);
            status.set(Status::Done(t(done).into()));
        }
        Ok(None) => {
            set_stage(Stage::Idle);
            status.set(Status::Done(tf(
                AvatarMsg::ReloadToSee,
                &[("done", t(done))],
            )));
        }
        Err(error) => status.set(Status::Failed(tf(failed, &[("error", &api_error(&error))]))),
    };
    let upload = use_save(
        {
            let api = api.clone();
            move |candidate: &Candidate| {
                let (api, candidate) = (api.clone(), candidate.clone());
                let id = user.with_untracked(|u| u.id);
                async move {
                    api.upload_avatar(id, &candidate.name, candidate.blob)
                        .await?;
                    Ok(api.whoami().await.ok())
                }
            }
        },
        move |result| finish(result, AvatarMsg::PhotoUpdated, AvatarMsg::UploadFailed),
    );
    let remove = use_save(
        {
            let api = api.clone();
            move |_: &()| {
                let api = api.clone();
                let id = user.with_untracked(|u| u.id);
                async move {
                    api.delete_avatar(id).await?;
                    Ok(api.whoami().await.ok())
                }
            }
        },
        move |result| finish(result, AvatarMsg::PhotoRemoved, AvatarMsg::RemoveFailed),
    );

    keep_pending_for_next_load(stage, status, user.with_untracked(|u| u.id));

    let busy = move || upload.pending().get() || remove.pending().get();
    match first {
        FirstStep::Idle => {}
        FirstStep::Inspect(file) => inspect(file),
        FirstStep::ConfirmRemove => set_stage(Stage::ConfirmRemove),
    }

    let picture = move || match stage.get() {
        Stage::Preview(c) => view! {
            <span class="userpic userpic--large">
                <img
                    class="userpic__img"
                    src=c.url.unwrap_or_default()
                    alt=t(AvatarMsg::PreviewAlt)
                />
            </span>
        }
        .into_any(),
        _ => view! { <Userpic user=user size="large" /> }.into_any(),
    };
    view! {
        <AvatarFrame
            picture=ViewFn::from(picture)
            on_file=Callback::new(inspect)
            on_remove=Callback::new(move |()| set_stage(Stage::ConfirmRemove))
            busy=Signal::derive(busy)
            focus
        >
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Checking => {
                    view! { <p class="avatar-editor__note">{t(AvatarMsg::Checking)}</p> }.into_any()
                }
                Stage::Resizing => {
                    view! { <p class="avatar-editor__note">{t(AvatarMsg::Resizing)}</p> }.into_any()
                }
                Stage::Rejected { problems, resizable } => {
                    view! {
                        <AvatarProblems problems resizable square on_resize=Callback::new(resize) />
                    }
                        .into_any()
                }
                Stage::Preview(candidate) => {
                    view! {
                        <AvatarPreview
                            candidate
                            uploading=upload.pending().into()
                            busy=Signal::derive(busy)
                            on_upload=Callback::new(move |c| {
                                upload.dispatch(c);
                            })
                            on_cancel=Callback::new(move |_| set_stage(Stage::Idle))
                        />
                    }
                        .into_any()
                }
                Stage::ConfirmRemove => {
                    view! {
                        <div
                            class="avatar-editor__confirm"
                            role="group"
                            aria-label=t(AvatarMsg::ConfirmRemoving)
                        >
                            <p>{t(AvatarMsg::RemoveQuestion)}</p>
                            <button
                                type="button"
                                class="button button--danger"
                                disabled=busy
                                on:click=move |_| {
                                    remove.dispatch(());
                                }
                            >
                                {move || {
                                    t(
                                        if remove.pending().get() {
                                            AvatarMsg::Removing
                                        } else {
                                            AvatarMsg::Remove
                                        },
                                    )
                                }}
                            </button>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| set_stage(Stage::Idle)
                            >
                                {t(AvatarMsg::KeepIt)}
                            </button>
                        </div>
                    }
                        .into_any()
                }
            }}
            <StatusLine status=status />
        </AvatarFrame>
    }
}
