use leptos::prelude::*;

use crate::domain::theme::{self, Theme};

/// Switches between light and dark; the choice is remembered, otherwise the system's
/// `prefers-color-scheme` applies.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let (current, set_current) = signal(theme::effective(
        stored_choice().as_deref(),
        system_prefers_dark(),
    ));
    let toggle = move |_| {
        let next = current.get_untracked().toggled();
        set_current.set(next);
        apply(next);
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=move || (current.get() == Theme::Dark).to_string()
            on:click=toggle
        >
            "Dark mode"
        </button>
    }
}

fn stored_choice() -> Option<String> {
    let storage = window().local_storage().ok().flatten()?;
    storage.get_item(theme::STORAGE_KEY).ok().flatten()
}

fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Stores the choice and sets `data-theme` on `<html>`, which the CSS keys on.
fn apply(theme: Theme) {
    if let Ok(Some(storage)) = window().local_storage() {
        // A full or disabled storage only means the choice is not remembered.
        let _ = storage.set_item(theme::STORAGE_KEY, theme.as_str());
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
}
