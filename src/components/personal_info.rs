use leptos::prelude::*;

use crate::components::avatar_slot::AvatarSlot;
use crate::components::profile_form::ProfileForm;

/// Personal Info section: the photo, then names and phone.
#[component]
pub fn PersonalInfo() -> impl IntoView {
    view! {
        <div class="personal-info">
            <AvatarSlot />
            <ProfileForm />
        </div>
    }
}
