use leptos::prelude::*;

use crate::browser::keyboard::key_press;
use crate::domain::hotkeys::editing;
use crate::domain::hotkeys::keys::{self, KeyCombo, Platform, Recorded};
use crate::domain::hotkeys::Filter;
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::i18n::{hotkey_words, t};

/// What the filters hold: the words typed, "Modified only", and the combination looked for.
#[derive(Debug, Clone, Copy)]
pub struct ListFilter {
    query: RwSignal<String>,
    modified_only: RwSignal<bool>,
    found: RwSignal<Option<KeyCombo>>,
}

impl Default for ListFilter {
    fn default() -> Self {
        Self::new()
    }
}

impl ListFilter {
    pub fn new() -> Self {
        Self {
            query: RwSignal::new(String::new()),
            modified_only: RwSignal::new(false),
            found: RwSignal::new(None),
        }
    }

    /// The filter as the list applies it (tracked).
    pub fn get(self) -> Filter {
        Filter {
            words: self.query.get(),
            modified_only: self.modified_only.get(),
            combo: self.found.get(),
        }
    }

    /// Only the rows bound to `combo` (the words and "Modified only" stay as they are).
    pub fn find(self, combo: KeyCombo) {
        self.found.set(Some(combo));
    }

    /// Every row shown again.
    pub fn clear(self) {
        self.query.set(String::new());
        self.modified_only.set(false);
        self.found.set(None);
    }
}

/// The hotkey list's filters: words, "Find by keys" (press a combination to see what it is
/// bound to), and "Modified only".
#[component]
pub fn HotkeyFilters(
    /// What the filters hold.
    filter: ListFilter,
    /// The section's live region.
    announce: WriteSignal<String>,
    /// Which key labels to draw.
    platform: Platform,
) -> impl IntoView {
    let ListFilter {
        query,
        modified_only,
        found,
    } = filter;
    let finding = RwSignal::new(false);
    let on_find_key = move |ev: leptos::ev::KeyboardEvent| {
        if !finding.get_untracked() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                finding.set(false);
                return;
            }
            "Tab" => {
                finding.set(false);
                return;
            }
            _ => {}
        }
        ev.prevent_default();
        if let Recorded::Combo(combo) = keys::record(&key_press(&ev)) {
            announce.set(editing::showing_bound_to(
                &keys::label(&combo, platform),
                hotkey_words().t,
            ));
            found.set(Some(combo));
            finding.set(false);
        }
    };

    view! {
        <div class="hotkeys__filters">
            <div class="field hotkeys__search">
                <label class="field__label" for="hotkey-filter">
                    {t(HotkeysMsg::Filter)}
                </label>
                <input
                    id="hotkey-filter"
                    class="field__input"
                    type="search"
                    placeholder=t(HotkeysMsg::FilterPlaceholder)
                    prop:value=move || query.get()
                    on:input:target=move |ev| query.set(ev.target().value())
                />
            </div>
            <button
                type="button"
                class="button"
                class=("button--recording", move || finding.get())
                aria-pressed=move || finding.get().to_string()
                on:click=move |_| {
                    found.set(None);
                    finding.set(true);
                }
                on:keydown=on_find_key
                on:blur=move |_| finding.set(false)
            >
                {move || {
                    t(if finding.get() { HotkeysMsg::FindingKeys } else { HotkeysMsg::FindByKeys })
                }}
            </button>
            <label class="checkbox">
                <input type="checkbox" bind:checked=modified_only />
                {t(HotkeysMsg::ModifiedOnly)}
            </label>
        </div>
        {move || {
            found
                .get()
                .map(|combo| {
                    view! {
                        <p class="hotkeys__found">
                            {editing::showing_bound_to(
                                &keys::label(&combo, platform),
                                hotkey_words().t,
                            )} " "
                            <button
                                type="button"
                                class="button button--small"
                                on:click=move |_| found.set(None)
                            >
                                {t(HotkeysMsg::ShowAll)}
                            </button>
                        </p>
                    }
                })
        }}
    }
}
