use std::collections::HashSet;

use leptos::prelude::*;

use crate::api::types::HotkeyMap;
use crate::browser::{draft_store, platform};
use crate::components::hooks::{guard_draft, use_save};
use crate::components::hotkey_actions::HotkeyActions;
use crate::components::hotkey_card::{HotkeyCard, RowVisibility};
use crate::components::hotkey_draft::HotkeyDraft;
use crate::components::hotkey_filters::{HotkeyFilters, ListFilter};
use crate::components::hotkey_panel::{HotkeyPanel, Panel};
use crate::components::hotkey_save_bar::HotkeySaveBar;
use crate::components::hotkey_single_keys::HotkeySingleKeys;
use crate::components::hotkey_tools::{self, HotkeyTools, ToolSlot, Tools};
use crate::components::hotkey_try::HotkeyTry;
use crate::components::status_line::StatusLine;
use crate::context::{use_api, use_current_user};
use crate::domain::hotkeys::editing::{self, SaveKind};
use crate::domain::hotkeys::single_key::{memory, stored_form, unsaved};
use crate::domain::hotkeys::transfer::diff;
use crate::domain::hotkeys::validation::check_map;
use crate::domain::hotkeys::{
    cards, cards_drawn_first, conflicts, merge, real_conflicts, restorable, same_stored, Filter,
    PendingHotkeys, PENDING_HOTKEYS_KEY,
};
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::domain::status::Status;
use crate::i18n::{api_error, hotkey_words, t};

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

/// The hotkey editor: one card per section, filter and find-by-keys, one Save for the page,
/// import / export / reset with previews and Undo, and protection against overwriting changes
/// made elsewhere.
#[component]
pub fn HotkeyEditor(
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
    let draft = HotkeyDraft::new(merge(restored.as_ref().unwrap_or(&stored)));
    // The single-key switch: on when this holds what it turned off.
    let single_off = RwSignal::new(memory(restored.as_ref().unwrap_or(&stored)));
    let pending_changes = Memo::new(move |_| {
        let rows = saved.with(|s| draft.with(|d| diff(s, d).len()));
        single_off.with(|m| baseline.with(|b| unsaved(rows, b, m.as_ref())))
    });
    let to_save =
        move || single_off.with_untracked(|m| draft.with_untracked(|d| stored_form(d, m.as_ref())));
    let clashes = Memo::new(move |_| draft.with(|d| conflicts(d)));
    let recording = RwSignal::new(None::<String>);
    let (announced, announce) = signal(String::new());
    let words = hotkey_words();
    let status = RwSignal::new(restored.map_or(Status::Quiet, |_| {
        Status::Done(t(HotkeysMsg::RestoredEdits).into())
    }));
    let panel = RwSignal::new(Panel::None);
    // Import and export's code, fetched when first used (components/hotkey_tools.rs).
    let tools = Tools::new(None);
    let undo = RwSignal::new(None::<HotkeyMap>);

    let save = use_save(
        move |request: &SaveRequest| {
            let (api, request) = (api.clone(), request.clone());
            async move {
                if let Some(expected) = &request.expect {
                    let current = api.hotkeys().await?;
                    if !same_stored(&current, expected) {
                        return Ok((request, SaveOutcome::Stale(current)));
                    }
                }
                let stored = api.save_hotkeys(&request.map).await?;
                Ok((request, SaveOutcome::Saved(stored)))
            }
        },
        move |result| match result {
            Ok((request, SaveOutcome::Saved(stored))) => {
                let changed = diff(&saved.get(), &merge(&stored)).len();
                baseline.set(stored.clone());
                draft.set(merge(&stored));
                single_off.set(memory(&stored));
                panel.set(Panel::None);
                let message =
                    request
                        .kind
                        .saved_message(changed, clashes.with(real_conflicts), words.t);
                undo.set(request.kind.offers_undo().then_some(request.previous));
                announce.set(message.clone());
                status.set(Status::Done(message));
            }
            Ok((_, SaveOutcome::Stale(current))) => {
                panel.set(Panel::Stale(current));
                status.set(Status::Failed(t(HotkeysMsg::StaleNotSaved).into()));
            }
            Err(error) => {
                let message = editing::save_failed(&api_error(&error), words.t);
                announce.set(message.clone());
                status.set(Status::Failed(message));
            }
        },
    );

    // One gate for every save: the server's rules are checked here first, so a refused
    // combination never reaches it.
    let submit = move |map: HotkeyMap, kind: SaveKind, expect: Option<HotkeyMap>| {
        let problems = check_map(&map, words.t);
        if !problems.is_empty() {
            status.set(Status::Failed(editing::save_refused(&problems, words.t)));
            return;
        }
        status.set(Status::Quiet);
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
        submit(to_save(), SaveKind::Edit, Some(baseline.get_untracked()));
    };
    let save_mine = move |_| submit(to_save(), SaveKind::Edit, None);
    let load_theirs = move |theirs: HotkeyMap| {
        draft.set(merge(&theirs));
        single_off.set(memory(&theirs));
        baseline.set(theirs);
        panel.set(Panel::None);
        status.set(Status::Done(t(HotkeysMsg::LoadedTheirs).into()));
    };

    guard_draft(
        PENDING_HOTKEYS_KEY,
        Signal::derive(move || pending_changes.get() > 0),
        move || PendingHotkeys {
            user_id,
            map: single_off.with(|m| draft.with(|d| stored_form(d, m.as_ref()))),
        },
    );

    let filters = ListFilter::new();
    let filter = Memo::new(move |_| filters.get());
    // One pass per filter change; rows and cards only look their id up.
    let shown_ids = Memo::new(move |_| {
        filter.with(|f| {
            draft.with(|d| {
                d.iter()
                    .filter(|b| f.matches(b, words))
                    .map(|b| b.id.clone())
                    .collect::<HashSet<_>>()
            })
        })
    });
    let rows_shown = RowVisibility::new(shown_ids);
    // A row that must take focus (Change mine) but is filtered out: the filter goes.
    let reveal = Callback::new(move |id: String| {
        let hidden = !shown_ids.with_untracked(|shown| shown.contains(&id));
        if hidden {
            filters.clear();
        }
        hidden
    });
    let shown_count = move || shown_ids.with(HashSet::len);
    // About a screen of rows comes with the first frame, the rest at the browser's next idle
    // moment. The filter, find by keys and the counts read the draft, not the page, so they see
    // every row either way.
    let drawn_first = draft.with_untracked(|d| cards_drawn_first(d));
    let (rest_drawn, draw_rest) = signal(false);
    request_idle_callback(move || draw_rest.set(true));

    view! {
        <div class="hotkeys">
            <p class="section-card__description">{t(HotkeysMsg::Intro)}</p>
            <HotkeyActions
                draft
                status
                on_import=Callback::new(move |_| {
                    panel.set(Panel::Import);
                    hotkey_tools::open(tools);
                })
                on_reset=Callback::new(move |_| panel.set(Panel::ConfirmReset))
                tools
            />
            <HotkeySingleKeys draft memory=single_off announce />
            <HotkeyTry draft announce platform />
            <ToolSlot
                class="project-keys"
                label=HotkeysMsg::CheckProject
                body=move |tools: HotkeyTools| {
                    (tools.project_keys)(draft, recording, announce, reveal)
                }
            />
            <ToolSlot
                class="keyboard-map-slot"
                label=HotkeysMsg::KeyboardMap
                body=move |tools: HotkeyTools| {
                    (tools.keyboard_map)(draft, clashes, filters, platform, announce)
                }
            />
            <HotkeyPanel
                panel
                tools
                draft
                saved
                saving=save.pending()
                on_submit=Callback::new(move |(map, kind)| submit(map, kind, None))
                on_save_mine=Callback::new(save_mine)
                on_load_theirs=Callback::new(load_theirs)
            />
            <HotkeyFilters filter=filters announce platform />
            <p class="hotkeys__summary" data-testid="hotkey-summary">
                {move || editing::summary(
                    shown_count(),
                    draft.with(Vec::len),
                    clashes.with(real_conflicts),
                    words.t,
                )}
            </p>
            {move || {
                (filter.with(Filter::is_active) && shown_count() == 0)
                    .then(|| view! { <p class="hotkeys__empty">{t(HotkeysMsg::NoMatch)}</p> })
            }}
            {cards()
                .enumerate()
                .map(|(at, section)| {
                    let first = at < drawn_first;
                    view! {
                        <HotkeyCard
                            section
                            draft
                            recording
                            clashes
                            rows_shown
                            announce
                            platform
                            first
                            rest_drawn
                        />
                    }
                })
                .collect_view()}
            <HotkeySaveBar
                changes=pending_changes
                saving=save.pending()
                can_undo=Signal::derive(move || undo.with(Option::is_some))
                on_discard=Callback::new(move |_| {
                    draft.set(saved.get_untracked());
                    status.set(Status::Quiet);
                })
                on_save=Callback::new(save_edits)
                on_undo=Callback::new(move |_| {
                    if let Some(previous) = undo.get_untracked() {
                        submit(previous, SaveKind::Undo, None);
                    }
                })
            />
            <StatusLine status />
            <p class="visually-hidden" aria-live="assertive">
                {move || announced.get()}
            </p>
        </div>
    }
}
