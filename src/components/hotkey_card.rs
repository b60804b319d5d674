use std::collections::{BTreeMap, HashMap, HashSet};

use leptos::prelude::*;

use crate::components::hotkey_draft::HotkeyDraft;
use crate::components::hotkey_row::HotkeyRow;
use crate::domain::hotkeys::keys::Platform;
use crate::domain::hotkeys::{Clash, HotkeySection};
use crate::i18n::t;

/// One section of hotkeys (Annotation, Regions, …) as a card of rows; nothing when the section
/// has no rows. Rows are built once (with the first frame, or at the first idle moment: until
/// then the list says it is busy), and a filter only hides them: re-creating 200+ rows on every
/// keystroke would cost far more than a frame.
#[component]
pub fn HotkeyCard(
    /// Which section.
    section: HotkeySection,
    /// All rows being edited.
    draft: HotkeyDraft,
    /// Which row is recording, if any.
    recording: RwSignal<Option<String>>,
    /// Every row's clashes.
    clashes: Memo<BTreeMap<String, Vec<Clash>>>,
    /// Which rows pass the filter.
    rows_shown: RowVisibility,
    /// The section's live region.
    announce: WriteSignal<String>,
    /// Which key labels to draw.
    platform: Platform,
    /// Whether the rows are built with the first frame.
    first: bool,
    /// Whether the other cards' rows are built (at the browser's first idle moment).
    rest_drawn: ReadSignal<bool>,
) -> impl IntoView {
    let drawn = move || first || rest_drawn.get();
    // Which rows, not their bindings: an edit of a row does not wake the cards.
    let ids = Memo::new(move |_| {
        draft.track_ids();
        draft.with_untracked(|d| {
            d.iter()
                .filter(|b| b.section() == section.id)
                .map(|b| b.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let any_shown = Memo::new(move |_| {
        rows_shown
            .shown_ids
            .with(|shown| ids.with(|ids| ids.iter().any(|id| shown.contains(id))))
    });
    // A memo, so that rows coming and going re-render the rows, not the card.
    let has_rows = Memo::new(move |_| !ids.with(Vec::is_empty));
    let heading_id = format!("hotkeys-{}", section.id);
    move || {
        has_rows.get().then(|| {
            view! {
                <section
                    class="hotkey-card"
                    aria-labelledby=heading_id.clone()
                    hidden=move || !any_shown.get()
                >
                    <h2 class="hotkey-card__title" id=heading_id.clone()>
                        {t(section.title)}
                    </h2>
                    <p class="hotkey-card__description">{t(section.description)}</p>
                    <ul class="hotkey-card__rows" aria-busy=move || (!drawn()).then_some("true")>
                        {move || {
                            drawn()
                                .then(|| {
                                    view! {
                                        <For each=move || ids.get() key=|id| id.clone() let:id>
                                            {
                                                let row_id = id.clone();
                                                let row_clashes = Signal::derive(move || {
                                                    clashes
                                                        .with(|c| c.get(&row_id).cloned())
                                                        .unwrap_or_default()
                                                });
                                                let shown = rows_shown.register(&id);
                                                view! {
                                                    <HotkeyRow
                                                        id
                                                        draft
                                                        recording
                                                        clashes=row_clashes
                                                        announce
                                                        platform
                                                        shown
                                                    />
                                                }
                                            }
                                        </For>
                                    }
                                })
                        }}
                    </ul>
                </section>
            }
        })
    }
}

/// Whether each hotkey row passes the filter: one signal per row, set in one pass per change of
/// the shown set, and only where a row's visibility changes. Rows reading the shown set
/// themselves made every key press in the filter quadratic: each of 271 re-runs left and rejoined
/// the subscriber list of one source.
#[derive(Clone, Copy)]
pub struct RowVisibility {
    shown_ids: Memo<HashSet<String>>,
    rows: StoredValue<HashMap<String, RwSignal<bool>>>,
}

impl RowVisibility {
    pub fn new(shown_ids: Memo<HashSet<String>>) -> Self {
        let rows = StoredValue::new(HashMap::<String, RwSignal<bool>>::new());
        Effect::new(move |_| {
            shown_ids.with(|shown| {
                rows.with_value(|rows| {
                    for (id, row) in rows {
                        let now = shown.contains(id);
                        if row.get_untracked() != now {
                            row.set(now);
                        }
                    }
                });
            });
        });
        Self { shown_ids, rows }
    }

    /// The signal for the row `id`, dropped from the pass when the row is removed.
    fn register(self, id: &str) -> RwSignal<bool> {
        let shown = RwSignal::new(self.shown_ids.with_untracked(|s| s.contains(id)));
        self.rows.update_value(|rows| {
            rows.insert(id.to_string(), shown);
        });
        let id = id.to_string();
        let rows = self.rows;
        on_cleanup(move || {
            // Only this row's own signal: a row re-added under the same id may have registered
            // already. The map may be gone with the page.
            rows.try_update_value(|rows| {
                if rows.get(&id) == Some(&shown) {
                    rows.remove(&id);
                }
            });
        });
        shown
    }
}
