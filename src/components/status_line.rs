use leptos::prelude::*;

/// The outcome of the last action, announced politely: `(true, text)` for success,
/// `(false, text)` for a failure.
pub type Status = Option<(bool, String)>;

/// A one-line live region for a section's results ("Saved.", "Not saved: …").
#[component]
pub fn StatusLine(
    /// What to show; `None` shows nothing.
    #[prop(into)]
    status: Signal<Status>,
) -> impl IntoView {
    view! {
        <p class="form-status" role="status" aria-live="polite"
            class:form-status--error=move || status.with(|s| matches!(s, Some((false, _))))>
            {move || status.get().map(|(_, text)| text)}
        </p>
    }
}
