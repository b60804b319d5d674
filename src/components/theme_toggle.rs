use leptos::prelude::*;

use crate::domain::i18n::main::MainMsg;
use crate::domain::theme::{self, ThemeChoice};
use crate::i18n::t;

/// Label Studio's theme button: each click moves Auto → Light → Dark → Auto. The choice is
/// stored under Label Studio's own key, so its pages and this one agree.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let choice = RwSignal::new(ThemeChoice::parse(stored_choice().as_deref()));
    let cycle = move |_| {
        let next = choice.get_untracked().next();
        choice.set(next);
        apply(next);
    };
    view! {
        <button type="button" class="theme-toggle" on:click=cycle>
            <span class="visually-hidden">{t(MainMsg::ThemeLabel)}</span>
            {move || t(choice.get().label())}
        </button>
    }
}

fn stored_choice() -> Option<String> {
    let storage = window().local_storage().ok().flatten()?;
    storage.get_item(theme::STORAGE_KEY).ok().flatten()
}

/// Stores the choice and sets or clears `data-theme` on `<html>`, which the CSS keys on.
fn apply(choice: ThemeChoice) {
    if let Ok(Some(storage)) = window().local_storage() {
        // A full or disabled storage only means the choice is not remembered.
        let _ = storage.set_item(theme::STORAGE_KEY, choice.as_str());
    }
    if let Some(root) = document().document_element() {
        let _ = match choice.attribute() {
            Some(value) => root.set_attribute("data-theme", value),
            None => root.remove_attribute("data-theme"),
        };
    }
}
