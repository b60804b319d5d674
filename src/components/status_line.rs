use leptos::prelude::*;

use crate::domain::status::Status;

/// A one-line live region for a section's results ("Saved.", "Not saved: …").
#[component]
pub fn StatusLine(
    /// What to show; [`Status::Quiet`] shows nothing.
    #[prop(into)]
    status: Signal<Status>,
) -> impl IntoView {
    view! {
        <p
            class="form-status"
            role="status"
            aria-live="polite"
            class=("form-status--error", move || status.with(Status::is_failure))
        >
            {move || status.with(|s| s.text().map(str::to_string))}
        </p>
    }
}
