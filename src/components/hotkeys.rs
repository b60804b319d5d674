use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::types::HotkeyMap;
use crate::api::ApiError;
use crate::browser::leave_guard::{install_beforeunload, UnsavedChanges};
use crate::browser::{clipboard, download, draft_store, platform};
use crate::components::error_notice::ErrorNotice;
use crate::components::hotkey_import::{ChangeTable, HotkeyImport};
use crate::components::hotkey_row::{key_press, HotkeyRow};
use crate::components::status_line::StatusLine;
use crate::context::{use_api, use_connection, use_current_user, use_release};
use crate::domain::hotkeys::keys::{self, KeyCombo, Recorded};
use crate::domain::hotkeys::transfer::{self, diff};
use crate::domain::hotkeys::validation::check_map;
use crate::domain::hotkeys::{
    conflicts, from_profile, merge, real_conflicts, restorable, same_stored, to_stored, Binding,
    Filter, HotkeySection, PendingHotkeys, OTHER, PENDING_HOTKEYS_KEY, SECTIONS,
};
use crate::domain::release::{section_notice, Availability};
use crate::domain::sections::Section;

/// Hotkeys section. Only on a server that has per-user hotkeys (Label Studio 1.21+): elsewhere
/// it says why, and sends nothing.
#[component]
pub fn Hotkeys() -> impl IntoView {
    let release = use_release();
    // A memo, so that the release arriving mounts the editor once and never again.
    let availability = Memo::new(move |_| release.read().hotkeys());
    move || match availability.get() {
        Availability::Available => view! { <StoredHotkeys/> }.into_any(),
        Availability::Pending => {
            view! { <p class="page-status" role="status">"Loading hotkeys…"</p> }.into_any()
        }
        Availability::Unavailable(why) => view! {
            <div class="notice" data-testid="section-unavailable">
                <p class="notice__text">{section_notice(Section::Hotkeys, &why)}</p>
            </div>
        }
        .into_any(),
    }
}

/// Loads the stored overrides, then hands them to the editor.
#[component]
fn StoredHotkeys() -> impl IntoView {
    let api = use_api();
    let user = use_current_user().0;
    let loaded = LocalResource::new(move || {
        let api = api.clone();
        async move { api.hotkeys().await }
    });
    move || {
        match loaded.get() {
        None => view! { <p class="page-status" role="status">"Loading hotkeys…"</p> }.into_any(),
        Some(Err(error)) => match user.with_untracked(|u| from_profile(u.custom_hotkeys.as_ref())) {
            // Like Label Studio, fall back to the copy in the profile, and say so.
            Some(stored) => view! {
                <div class="notice notice--warn" role="alert">
                    <p class="notice__text">{format!(
                        "Could not load your hotkeys ({}); showing the copy from your profile. Saving checks the server again.",
                        error.user_message()
                    )}</p>
                    <button type="button" class="button button--small" on:click=move |_| loaded.refetch()>"Try again"</button>
                </div>
                <HotkeyEditor stored/>
            }.into_any(),
            None => view! { <ErrorNotice what="your hotkeys" error on_retry=move |_| loaded.refetch()/> }.into_any(),
        },
        Some(Ok(stored)) => view! { <HotkeyEditor stored/> }.into_any(),
    }
    }
}

/// Why a save is being made (decides the message and whether Undo is offered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveKind {
    Edit,
    Import,
    Reset,
    Undo,
}

#[derive(Debug, Clone)]
struct SaveRequest {
    map: HotkeyMap,
    kind: SaveKind,
    /// Save only if the server still has this (lost-update protection); `None` to overwrite.
    expect: Option<HotkeyMap>,
    /// What was stored before, for Undo.
    previous: HotkeyMap,
}

#[derive(Debug, Clone)]
enum SaveOutcome {
    Saved(HotkeyMap),
    /// Someone else changed the stored hotkeys since they were loaded.
    Stale(HotkeyMap),
}

#[derive(Debug, Clone, PartialEq)]
enum Panel {
    None,
    Import,
    ConfirmReset,
    Stale(HotkeyMap),
}

/// The hotkey editor: one card per section, filter and find-by-keys, one Save for the page,
/// import / export / reset with previews and Undo, and protection against overwriting changes
/// made elsewhere.
#[component]
fn HotkeyEditor(
    /// What the server stored when the page loaded.
    stored: HotkeyMap,
) -> impl IntoView {
    let api = use_api();
    let user_id = use_current_user().0.with_untracked(|u| u.id);
    let platform = platform::current();
    // Edits kept while the user signed in again come back over what the server has.
    let restored = restorable(draft_store::take(PENDING_HOTKEYS_KEY), user_id, &stored);
    let baseline = RwSignal::new(stored.clone());
    let saved = Memo::new(move |_| baseline.with(merge));
    let draft = RwSignal::new(merge(restored.as_ref().unwrap_or(&stored)));
    let pending_changes = Memo::new(move |_| saved.with(|s| draft.with(|d| diff(s, d).len())));
    let clashes = Memo::new(move |_| draft.with(|d| conflicts(d)));
    let recording = RwSignal::new(None::<String>);
    let (announced, announce) = signal(String::new());
    let status = RwSignal::new(restored.map(|_| {
        (
            true,
            "Restored the hotkey edits you had not saved yet; check them and Save.".to_string(),
        )
    }));
    let panel = RwSignal::new(Panel::None);
    let undo = RwSignal::new(None::<HotkeyMap>);

    let query = RwSignal::new(String::new());
    let modified_only = RwSignal::new(false);
    let finding = RwSignal::new(false);
    let found = RwSignal::new(None::<KeyCombo>);

    let save = Action::new_local(move |request: &SaveRequest| {
        let (api, request) = (api.clone(), request.clone());
        async move {
            if let Some(expected) = &request.expect {
                let current = api.hotkeys().await?;
                if !same_stored(&current, expected) {
                    return Ok::<_, ApiError>((request, SaveOutcome::Stale(current)));
                }
            }
            let stored = api.save_hotkeys(&request.map).await?;
            Ok((request, SaveOutcome::Saved(stored)))
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok((request, SaveOutcome::Saved(stored)))) => {
            let changed = diff(&saved.get_untracked(), &merge(&stored)).len();
            baseline.set(stored.clone());
            draft.set(merge(&stored));
            panel.set(Panel::None);
            let message = match request.kind {
                SaveKind::Edit => match clashes.with_untracked(real_conflicts) {
                    0 => "Hotkeys saved.".to_string(),
                    n => format!("Hotkeys saved. {n} hotkey(s) share keys with another action (marked below)."),
                },
                SaveKind::Import => format!("Imported: {changed} hotkey(s) changed."),
                SaveKind::Reset => format!("Reset to defaults: {changed} hotkey(s) changed."),
                SaveKind::Undo => "Undone: your previous hotkeys are back.".to_string(),
            };
            undo.set(
                matches!(request.kind, SaveKind::Import | SaveKind::Reset)
                    .then_some(request.previous),
            );
            announce.set(message.clone());
            status.set(Some((true, message)));
        }
        Some(Ok((_, SaveOutcome::Stale(current)))) => {
            panel.set(Panel::Stale(current));
            status.set(Some((
                false,
                "Not saved: your hotkeys were changed elsewhere. Choose below.".into(),
            )));
        }
        Some(Err(error)) => {
            let message = format!(
                "Not saved: {} Your changes are still here.",
                error.user_message()
            );
            announce.set(message.clone());
            status.set(Some((false, message)));
        }
        None => {}
    });

    // One gate for every save: the server's rules are checked here first, so a refused
    // combination never reaches it.
    let submit = move |map: HotkeyMap, kind: SaveKind, expect: Option<HotkeyMap>| {
        let problems = check_map(&map);
        if !problems.is_empty() {
            status.set(Some((false, format!("Not saved: {}", problems.join(" ")))));
            return;
        }
        status.set(None);
        save.dispatch(SaveRequest {
            map,
            kind,
            expect,
            previous: baseline.get_untracked(),
        });
    };
    let save_edits = move |_| {
        if pending_changes.get_untracked() == 0 || save.pending().get_untracked() {
            return;
        }
        let map = draft.with_untracked(|d| to_stored(d));
        submit(map, SaveKind::Edit, Some(baseline.get_untracked()));
    };

    if let Some(unsaved) = use_context::<UnsavedChanges>() {
        Effect::new(move |_| unsaved.0.set(pending_changes.get() > 0));
        on_cleanup(move || unsaved.0.set(false));
    }
    // Once the session has ended the edits wait in this tab for the sign-in round trip, so
    // leaving for the login form needs no prompt.
    let session_ended = use_connection().session_ended;
    Effect::new(move |_| {
        if session_ended.get() && pending_changes.get() > 0 {
            let pending = PendingHotkeys {
                user_id,
                map: draft.with(|d| to_stored(d)),
            };
            draft_store::save(PENDING_HOTKEYS_KEY, &pending);
        } else {
            // Nothing unsaved, or the session came back without a round trip.
            draft_store::discard(PENDING_HOTKEYS_KEY);
        }
    });
    install_beforeunload(Signal::derive(move || {
        pending_changes.get() > 0 && !session_ended.get()
    }));

    let export_text = move || {
        let now = String::from(js_sys::Date::new_0().to_iso_string());
        draft.with_untracked(|d| transfer::export(d, &now))
    };
    let on_export = move |_| {
        let ok = download::text_file("hotkeys-export.json", "application/json", &export_text());
        status.set(Some((
            ok,
            if ok {
                "Exported hotkeys-export.json."
            } else {
                "The browser blocked the download."
            }
            .into(),
        )));
    };
    let on_copy = move |_| {
        let text = export_text();
        spawn_local(async move {
            let ok = clipboard::copy(&text, None).await;
            status.set(Some((
                ok,
                if ok {
                    "Hotkeys copied as JSON."
                } else {
                    "The browser did not allow copying."
                }
                .into(),
            )));
        });
    };

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
            announce.set(format!(
                "Showing hotkeys bound to {}.",
                keys::label(&combo, platform)
            ));
            found.set(Some(combo));
            finding.set(false);
        }
    };

    let filter = Memo::new(move |_| Filter {
        words: query.get(),
        modified_only: modified_only.get(),
        combo: found.get(),
    });
    let visible = move |b: &Binding| filter.with(|f| f.matches(b));
    // One pass per filter change; rows and cards only look their id up.
    let shown_ids = Memo::new(move |_| {
        draft.with(|d| {
            d.iter()
                .filter(|b| visible(b))
                .map(|b| b.id.clone())
                .collect::<HashSet<_>>()
        })
    });
    let row_shown = RowVisibility::new(shown_ids);
    let filtering = move || filter.with(Filter::is_active);
    let shown_count = move || shown_ids.with(|s| s.len());
    let conflict_count = move || clashes.with(real_conflicts);

    // Rows are built once per section and filtering only toggles `hidden`: re-creating 200+
    // rows on every keystroke would cost far more than a frame.
    let card = move |section: HotkeySection| {
        let ids = Memo::new(move |_| {
            draft.with(|d| {
                d.iter()
                    .filter(|b| b.section() == section.id)
                    .map(|b| b.id.clone())
                    .collect::<Vec<_>>()
            })
        });
        let any_shown = Memo::new(move |_| {
            shown_ids.with(|shown| ids.with(|ids| ids.iter().any(|id| shown.contains(id))))
        });
        let heading_id = format!("hotkeys-{}", section.id);
        view! {
            <Show when=move || !ids.with(Vec::is_empty)>
                <section class="hotkey-card" aria-labelledby=heading_id.clone() hidden=move || !any_shown.get()>
                    <h2 class="hotkey-card__title" id=heading_id.clone()>{section.title}</h2>
                    <p class="hotkey-card__description">{section.description}</p>
                    <ul class="hotkey-card__rows">
                        <For each=move || ids.get() key=|id| id.clone() let:id>
                            {
                                let row_id = id.clone();
                                let row_clashes = Signal::derive(move || {
                                    clashes.with(|c| c.get(&row_id).cloned()).unwrap_or_default()
                                });
                                let shown = row_shown.register(&id);
                                view! { <HotkeyRow id draft recording clashes=row_clashes announce platform shown/> }
                            }
                        </For>
                    </ul>
                </section>
            </Show>
        }
    };

    view! {
        <div class="hotkeys">
            <p class="section-card__description">
                "Click a key, or focus it and press Enter, then press the new combination. Keys are saved in the spelling \
                 the Label Studio editor understands, so remapped keys work while labelling."
            </p>
            <div class="hotkeys__toolbar" role="toolbar" aria-label="Hotkey actions">
                <button type="button" class="button" on:click=move |_| panel.set(Panel::Import)>"Import…"</button>
                <button type="button" class="button" on:click=on_export>"Export"</button>
                <button type="button" class="button" on:click=on_copy>"Copy JSON"</button>
                <button type="button" class="button button--danger" on:click=move |_| panel.set(Panel::ConfirmReset)>
                    "Reset to defaults…"
                </button>
            </div>
            {move || match panel.get() {
                Panel::None => ().into_any(),
                Panel::Import => view! {
                    <HotkeyImport
                        current=Signal::derive(move || draft.get())
                        on_apply=Callback::new(move |next: Vec<Binding>| submit(to_stored(&next), SaveKind::Import, None))
                        on_close=Callback::new(move |_| panel.set(Panel::None))
                    />
                }.into_any(),
                Panel::ConfirmReset => {
                    let count = draft.with_untracked(|d| diff(d, &merge(&HotkeyMap::new())).len());
                    view! {
                        <div class="confirm confirm--danger" role="group" aria-labelledby="reset-title">
                            <p class="confirm__text" id="reset-title">{match count {
                                0 => "All hotkeys already have their default keys.".to_string(),
                                n => format!("Reset all hotkeys to their defaults? {n} hotkey(s) will change. You can undo this right after."),
                            }}</p>
                            <div class="dialog__row">
                                <button type="button" class="button button--danger" disabled=count == 0 || save.pending().get_untracked()
                                    on:click=move |_| submit(HotkeyMap::new(), SaveKind::Reset, None)>"Reset to defaults"</button>
                                <button type="button" class="button" on:click=move |_| panel.set(Panel::None)>"Cancel"</button>
                            </div>
                        </div>
                    }.into_any()
                }
                Panel::Stale(current) => {
                    let theirs = merge(&current);
                    let changes = saved.with_untracked(|s| diff(s, &theirs));
                    let keep = current.clone();
                    view! {
                        <div class="confirm confirm--danger" role="alertdialog" aria-labelledby="stale-title" data-testid="stale-panel">
                            <p class="confirm__text" id="stale-title">
                                "Your hotkeys were changed somewhere else (another tab or the editor) after this page loaded. \
                                 Saving now would overwrite these changes:"
                            </p>
                            <ChangeTable changes clashes=vec![]/>
                            <div class="dialog__row">
                                <button type="button" class="button button--danger"
                                    on:click=move |_| {
                                        let map = draft.with_untracked(|d| to_stored(d));
                                        submit(map, SaveKind::Edit, None);
                                    }>"Save mine anyway"</button>
                                <button type="button" class="button"
                                    on:click=move |_| {
                                        baseline.set(keep.clone());
                                        draft.set(merge(&keep));
                                        panel.set(Panel::None);
                                        status.set(Some((true, "Loaded the stored hotkeys; your unsaved edits were discarded.".into())));
                                    }>"Load theirs, discard mine"</button>
                                <button type="button" class="button" on:click=move |_| panel.set(Panel::None)>"Cancel"</button>
                            </div>
                        </div>
                    }.into_any()
                }
            }}
            <div class="hotkeys__filters">
                <div class="field hotkeys__search">
                    <label class="field__label" for="hotkey-filter">"Filter"</label>
                    <input id="hotkey-filter" class="field__input" type="search" placeholder="Action, description or key"
                        prop:value=move || query.get() on:input:target=move |ev| query.set(ev.target().value())/>
                </div>
                <button type="button" class="button" class:key-button--recording=move || finding.get()
                    aria-pressed=move || finding.get().to_string()
                    on:click=move |_| { found.set(None); finding.set(true); }
                    on:keydown=on_find_key on:blur=move |_| finding.set(false)>
                    {move || if finding.get() { "Press keys to find… Esc stops".to_string() } else { "Find by keys".to_string() }}
                </button>
                <label class="checkbox">
                    <input type="checkbox" bind:checked=modified_only/>
                    " Modified only"
                </label>
            </div>
            {move || found.get().map(|combo| view! {
                <p class="hotkeys__found">
                    {format!("Showing hotkeys bound to {}. ", keys::label(&combo, platform))}
                    <button type="button" class="button button--small" on:click=move |_| found.set(None)>"Show all"</button>
                </p>
            })}
            <p class="hotkeys__summary" data-testid="hotkey-summary">
                {move || {
                    let conflicts = conflict_count();
                    let mut parts = vec![format!("{} of {} hotkeys shown", shown_count(), draft.with(Vec::len))];
                    if conflicts > 0 {
                        parts.push(format!("{conflicts} with a conflict (marked below)"));
                    }
                    parts.join(" · ")
                }}
            </p>
            {move || (filtering() && shown_count() == 0).then(|| view! { <p class="hotkeys__empty">"No hotkey matches."</p> })}
            {SECTIONS.iter().copied().chain([OTHER]).map(card).collect_view()}
            <div class="hotkeys__savebar">
                <span>{move || match pending_changes.get() {
                    0 => "No unsaved changes".to_string(),
                    1 => "1 unsaved change".to_string(),
                    n => format!("{n} unsaved changes"),
                }}</span>
                <button type="button" class="button" disabled=move || pending_changes.get() == 0
                    on:click=move |_| { draft.set(saved.get_untracked()); status.set(None); }>"Discard"</button>
                // aria-disabled, not disabled: keyboard focus stays on Save while it saves.
                <button type="button" class="button button--primary"
                    aria-disabled=move || (pending_changes.get() == 0 || save.pending().get()).to_string()
                    on:click=save_edits>
                    {move || if save.pending().get() { "Saving…".to_string() } else { "Save".to_string() }}
                </button>
                <Show when=move || undo.with(Option::is_some)>
                    <button type="button" class="button" disabled=move || save.pending().get()
                        on:click=move |_| {
                            if let Some(previous) = undo.get_untracked() {
                                submit(previous, SaveKind::Undo, None);
                            }
                        }>"Undo"</button>
                </Show>
            </div>
            <StatusLine status=status/>
            <p class="visually-hidden" aria-live="assertive">{move || announced.get()}</p>
        </div>
    }
}

/// Whether each hotkey row passes the filter: one signal per row, set in one pass per change of
/// the shown set, and only where a row's visibility changes. Rows reading the shown set
/// themselves made every key press in the filter quadratic: each of 271 re-runs left and rejoined
/// the subscriber list of one source.
#[derive(Clone, Copy)]
struct RowVisibility {
    shown_ids: Memo<HashSet<String>>,
    rows: StoredValue<HashMap<String, RwSignal<bool>>>,
}

impl RowVisibility {
    fn new(shown_ids: Memo<HashSet<String>>) -> Self {
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
