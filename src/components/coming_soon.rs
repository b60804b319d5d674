use leptos::prelude::*;

use crate::domain::sections::Section;

/// Placeholder for a section whose issue has not landed yet.
#[component]
pub fn ComingSoon(
    /// The section that is not built yet.
    section: Section,
) -> impl IntoView {
    view! {
        <div class="coming-soon" data-testid="coming-soon">
            <p>{format!("{} is coming soon to this page.", section.title())}</p>
            <p>"Until then, use Label Studio's own account page for it."</p>
        </div>
    }
}
