//! The photo editor's stages, and how a file moves through them: checked and decoded, kept in
//! this tab across a sign-in, restored afterwards. The editor itself is `avatar_editor.rs`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Blob, File, ImageBitmap};

use crate::browser::{draft_store, image};
use crate::context::use_connection;
use crate::domain::avatar::{
    self, FileFacts, ImageKind, PendingAvatar, Problem, PENDING_AVATAR_KEY,
};
use crate::domain::i18n::avatar::AvatarMsg;
use crate::domain::status::Status;
use crate::i18n::t;

/// A picked file that only needs resizing.
#[derive(Clone)]
pub struct Picked {
    pub name: String,
    pub kind: ImageKind,
    pub bitmap: ImageBitmap,
}

/// What would be uploaded, shown before anything is sent.
#[derive(Clone)]
pub struct Candidate {
    pub blob: Blob,
    pub name: String,
    pub size: u64,
    pub dimensions: (u32, u32),
    pub url: Option<String>,
    pub resized: bool,
}

/// Where the editor is with a photo.
#[derive(Clone, Default)]
pub enum Stage {
    #[default]
    Idle,
    Checking,
    Rejected {
        problems: Vec<Problem>,
        resizable: Option<Picked>,
    },
    Resizing,
    Preview(Candidate),
    ConfirmRemove,
}

/// The photo kept from before a sign-in, if it is this user's and still an image.
pub fn restore_pending(user_id: u64) -> Option<Candidate> {
    let (pending, bytes) =
        avatar::restorable_avatar(draft_store::take(PENDING_AVATAR_KEY), user_id)?;
    let blob = image::blob_from(&bytes, &pending.mime)?;
    Some(Candidate {
        url: image::object_url(&blob),
        size: bytes.len() as u64,
        name: pending.name,
        dimensions: pending.dimensions,
        resized: pending.resized,
        blob,
    })
}

/// While drafts are kept (the session has ended, or a language switch reloads the page) and a
/// photo waits in the preview, keep it in this tab's sessionStorage; forget it as soon as either
/// stops being true. If the browser refuses to keep
/// it (storage full), say so on `status` rather than lose it silently.
pub fn keep_pending_for_next_load(
    stage: RwSignal<Stage, LocalStorage>,
    status: RwSignal<Status>,
    user_id: u64,
) {
    let connection = use_connection();
    let keep = connection.keep_drafts;
    Effect::new(move |_| {
        let waiting = match stage.get() {
            Stage::Preview(candidate) if keep.get() => candidate,
            _ => return draft_store::discard(PENDING_AVATAR_KEY),
        };
        // A reload waits for this (`Connection::storing`).
        connection.storing(true);
        spawn_local(async move {
            let read = image::read_all(&waiting.blob).await;
            // Reading is asynchronous: store only if nothing changed meanwhile.
            let unchanged = keep.try_get_untracked() == Some(true)
                && matches!(stage.try_get_untracked(),
                    Some(Stage::Preview(ref now)) if now.blob == waiting.blob);
            if let (Ok(bytes), true) = (read, unchanged) {
                let pending = PendingAvatar {
                    user_id,
                    mime: waiting.blob.type_(),
                    name: waiting.name,
                    dimensions: waiting.dimensions,
                    resized: waiting.resized,
                    data: avatar::base64_encode(&bytes),
                };
                if !draft_store::save(PENDING_AVATAR_KEY, &pending) {
                    status.try_set(Status::Failed(t(AvatarMsg::StorageFull).into()));
                }
            }
            connection.storing(false);
        });
    });
}

/// Reads, sniffs and decodes the file, then decides: preview, or the reasons it can't be used.
pub async fn examine(file: File) -> Stage {
    let name = file.name();
    let head = image::read_head(&file, 16).await.unwrap_or_default();
    let kind = avatar::sniff(&head);
    let bitmap = match kind {
        Some(_) => image::decode(&file).await.ok(),
        None => None,
    };
    let facts = FileFacts {
        name: name.clone(),
        size: file.size() as u64,
        kind,
        dimensions: bitmap.as_ref().map(|b| (b.width(), b.height())),
    };
    let problems = avatar::check(&facts);
    match (kind, bitmap) {
        (Some(kind), Some(_)) if problems.is_empty() => {
            let blob: Blob = file.unchecked_into();
            Stage::Preview(Candidate {
                url: image::object_url(&blob),
                name: avatar::upload_name(&name, kind),
                size: facts.size,
                dimensions: facts.dimensions.unwrap_or_default(),
                blob,
                resized: false,
            })
        }
        (Some(kind), Some(bitmap)) if avatar::can_resize(&problems) => Stage::Rejected {
            problems,
            resizable: Some(Picked { name, kind, bitmap }),
        },
        _ => Stage::Rejected {
            problems,
            resizable: None,
        },
    }
}
