use std::collections::{BTreeMap, HashMap, HashSet};

use leptos::prelude::*;
use web_sys::Element;

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
                                                view! {
                                                    <HotkeyRow
                                                        id
                                                        draft
                                                        recording
                                                        clashes=row_clashes
                                                        announce
                                                        platform
                                                        rows_shown
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

/// Whether each hotkey row passes the filter, written straight onto the rows' `hidden` in one
/// pass per change of the shown set, and only where a row's visibility changes. A signal per
/// row cost a render effect per row: clearing the filter woke 271 of them.
#[derive(Clone, Copy)]
pub struct RowVisibility {
    shown_ids: Memo<HashSet<String>>,
    rows: StoredValue<Rows>,
}

/// The rows in the pass: each row's element, whether it was last shown, and the number it
/// registered under.
#[derive(Default)]
struct Rows {
    by_id: HashMap<String, (u32, Element, bool)>,
    next: u32,
}

impl RowVisibility {
    pub fn new(shown_ids: Memo<HashSet<String>>) -> Self {
        let rows = StoredValue::new(Rows::default());
        Effect::new(move |_| {
            shown_ids.with(|shown| {
                rows.update_value(|rows| {
                    for (id, (_, row, was)) in rows.by_id.iter_mut() {
                        let now = shown.contains(id);
                        if *was != now {
                            // The calls tachys writes attributes with.
                            _ = if now {
                                row.remove_attribute("hidden")
                            } else {
                                row.set_attribute("hidden", "")
                            };
                            *was = now;
                        }
                    }
                });
            });
        });
        Self { shown_ids, rows }
    }

    /// Whether the row `id` passes the filter now: its `hidden` when it is built.
    pub fn shown(self, id: &str) -> bool {
        self.shown_ids.with_untracked(|s| s.contains(id))
    }

    /// Puts the row `id`'s element in the pass, until the row is removed.
    fn register(self, id: String, row: Element) {
        let shown = self.shown(&id);
        let Some(serial) = self.rows.try_update_value(|rows| {
            rows.next += 1;
            rows.by_id.insert(id.clone(), (rows.next, row, shown));
            rows.next
        }) else {
            return;
        };
        let rows = self.rows;
        on_cleanup(move || {
            // Only this row's own entry: a row re-added under the same id may have registered
            // already. The map may be gone with the page.
            rows.try_update_value(|rows| {
                if rows.by_id.get(&id).is_some_and(|(n, ..)| *n == serial) {
                    rows.by_id.remove(&id);
                }
            });
        });
    }
}

/// The directive that puts a row in the filter's pass: `use:filtered=(rows_shown, id)` on its
/// element, which is built with `hidden=!rows_shown.shown(&id)`.
pub fn filtered(row: Element, (visibility, id): (RowVisibility, String)) {
    visibility.register(id, row);
}
