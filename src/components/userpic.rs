use leptos::prelude::*;

use crate::api::types::User;
use crate::context::use_site;
use crate::domain::user::user_initials;

/// The user's avatar image, or their initials when there is none.
#[component]
pub fn Userpic(
    /// Whose picture to show.
    #[prop(into)]
    user: Signal<User>,
    /// Modifier for the size: `"small"` (header) or `"large"` (personal info).
    #[prop(default = "small")]
    size: &'static str,
) -> impl IntoView {
    let site = use_site();
    let avatar = move || {
        user.with(|u| {
            u.avatar
                .as_deref()
                .filter(|a| !a.is_empty())
                .map(|a| site.media(a))
        })
    };
    view! {
        <span class=format!("userpic userpic--{size}") aria-hidden="true">
            {move || match avatar() {
                Some(src) => view! { <img class="userpic__img" src=src alt="" /> }.into_any(),
                None => {
                    view! {
                        <span class="userpic__initials">{move || user.with(user_initials)}</span>
                    }
                        .into_any()
                }
            }}
        </span>
    }
}
