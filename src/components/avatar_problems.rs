use leptos::prelude::*;

use crate::components::avatar_stage::Picked;
use crate::domain::avatar::Problem;
use crate::domain::i18n::avatar::AvatarMsg;
use crate::i18n::t;

/// Why a chosen image can't be used, and, when only its size or dimensions are wrong,
/// "Resize to fit" with the choice to crop it to a centred square.
#[component]
pub fn AvatarProblems(
    /// What is wrong with the image.
    problems: Vec<Problem>,
    /// The decoded image, when resizing would fix every problem.
    resizable: Option<Picked>,
    /// Crop to a centred square while resizing.
    square: RwSignal<bool>,
    /// Resizes this image.
    on_resize: Callback<Picked>,
) -> impl IntoView {
    view! {
        <div class="notice notice--error avatar-editor__problems" data-testid="avatar-problems">
            <p class="notice__text">{t(AvatarMsg::CantUseYet)}</p>
            <ul>{problems.iter().map(|p| view! { <li>{p.message(t)}</li> }).collect_view()}</ul>
            {resizable
                .map(|picked| {
                    view! {
                        <div class="avatar-editor__resize">
                            <label class="checkbox">
                                <input type="checkbox" bind:checked=square />
                                {t(AvatarMsg::CropToSquare)}
                            </label>
                            <button
                                type="button"
                                class="button button--primary"
                                on:click=move |_| on_resize.run(picked.clone())
                            >
                                {t(AvatarMsg::ResizeToFit)}
                            </button>
                        </div>
                    }
                })}
        </div>
    }
}
