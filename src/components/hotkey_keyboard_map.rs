use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;

use crate::browser::{keyboard, print};
use crate::components::hotkey_board::HotkeyBoard;
use crate::components::hotkey_draft::HotkeyDraft;
use crate::components::hotkey_filters::ListFilter;
use crate::domain::hotkeys::keyboard_map::{self, layer_name, Layer};
use crate::domain::hotkeys::keys::{self, Platform};
use crate::domain::hotkeys::{editing, Clash};
use crate::domain::i18n::keyboard_map::MapMsg;
use crate::domain::i18n::{counted, fill};
use crate::i18n::{hotkey_words, t};

/// The map's own styles (and its print sheet), fetched when it first opens: `style/keyboard-map.css`.
const STYLESHEET: &str = "keyboard-map.css";

/// Your keyboard at a glance: a keyboard in the physical positions of your layout, one tab per
/// set of modifiers in use, each key with the actions bound to it on this page (unsaved edits
/// included, the list's filter applied), clashes and keys the browser keeps marked. Choosing a
/// key filters the list to its rows. Bound keys are buttons named by what they do, which is the
/// map's text alternative. Print cheat sheet prints every layer and every enabled binding on one
/// landscape page.
#[component]
pub fn HotkeyKeyboardMap(
    /// All rows being edited.
    draft: HotkeyDraft,
    /// The clashes the list marks.
    clashes: Memo<BTreeMap<String, Vec<Clash>>>,
    /// The list's filters: followed, and set by choosing a key.
    filters: ListFilter,
    /// Which modifier names to draw.
    platform: Platform,
    /// The section's live region.
    announce: WriteSignal<String>,
) -> impl IntoView {
    print::ensure_stylesheet(STYLESHEET);
    let words = hotkey_words();
    let layers = Memo::new(move |_| draft.with(|d| keyboard_map::layers(d)));
    let chosen = RwSignal::new(Layer::NONE);
    // A layer that lost its last binding falls back to no modifier.
    let layer = Memo::new(move |_| {
        let wanted = chosen.get();
        if layers.with(|l| l.contains(&wanted)) {
            wanted
        } else {
            Layer::NONE
        }
    });
    let printed = RwSignal::new(None::<HashMap<String, String>>);
    leptos::task::spawn_local(async move {
        let codes = keyboard_map::ROWS
            .iter()
            .flat_map(|row| row.iter().map(|cap| cap.code));
        let map = keyboard::layout_map(codes).await;
        printed.try_set(map);
    });
    let filter = Memo::new(move |_| filters.get());
    let keys_of = move |layer: Layer, filtered: bool| {
        filter.with(|f| {
            draft.with(|d| {
                clashes.with(|c| {
                    keyboard_map::layer_keys(d, layer, |b| !filtered || f.matches(b, words), c)
                })
            })
        })
    };
    let shown = Memo::new(move |_| keys_of(layer.get(), true));
    let name = move |layer: Layer| {
        layer_name(layer, platform).unwrap_or_else(|| t(MapMsg::NoModifier).into())
    };

    let choose_key = move |key: &'static str| {
        let combo = layer.get_untracked().combo(key);
        announce.set(editing::showing_bound_to(
            &keys::label(&combo, platform),
            words.t,
        ));
        filters.find(combo);
    };
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let step: isize = match ev.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            _ => return,
        };
        ev.prevent_default();
        let next =
            layers.with_untracked(|all| keyboard_map::step_layer(all, layer.get_untracked(), step));
        if let Some(next) = next {
            chosen.set(next);
            crate::browser::focus::focus_next_frame(
                ".keyboard-map__tab[aria-selected=true]".into(),
            );
        }
    };

    view! {
        <div class="keyboard-map" data-testid="keyboard-map">
            <div
                class="keyboard-map__tabs"
                role="tablist"
                aria-label=t(MapMsg::Layers)
                on:keydown=on_tab_key
            >
                <For each=move || layers.get() key=|layer| *layer let:tab>
                    <button
                        type="button"
                        role="tab"
                        class="keyboard-map__tab"
                        id=format!("keyboard-map-tab-{}", tab_id(tab))
                        aria-controls="keyboard-map-board"
                        aria-selected=move || (layer.get() == tab).to_string()
                        tabindex=move || if layer.get() == tab { "0" } else { "-1" }
                        on:click=move |_| chosen.set(tab)
                    >
                        {name(tab)}
                    </button>
                </For>
            </div>
            <div
                id="keyboard-map-board"
                class="keyboard-map__panel"
                role="tabpanel"
                // A scrolling region on narrow screens: reachable by keyboard.
                tabindex="0"
                aria-labelledby=move || format!("keyboard-map-tab-{}", tab_id(layer.get()))
            >
                <p class="keyboard-map__summary">
                    {move || {
                        let count = shown
                            .with(|k| k.values().filter(|u| !u.ids.is_empty()).count());
                        fill(
                            &counted(t::<MapMsg>, count, MapMsg::BoundOne, MapMsg::BoundMany),
                            &[("layer", &name(layer.get()))],
                        )
                    }}
                </p>
                {move || {
                    let keys = shown.get();
                    let printed = printed.get();
                    view! {
                        <HotkeyBoard keys printed platform on_choose=Callback::new(choose_key) />
                    }
                }}
            </div>
            <ul class="keyboard-map__legend">
                <li class="kcap-sample kcap-sample--clash">{t(MapMsg::LegendClash)}</li>
                <li class="kcap-sample kcap-sample--kept">{t(MapMsg::LegendKept)}</li>
                <li class="kcap-sample kcap-sample--dm">{t(MapMsg::LegendDataManager)}</li>
            </ul>
            <p class="field__hint">
                {move || {
                    t(
                        if printed.with(Option::is_some) {
                            MapMsg::LayoutFromBrowser
                        } else {
                            MapMsg::LayoutUs
                        },
                    )
                }}
            </p>
            <button type="button" class="button" on:click=move |_| print::print()>
                {t(MapMsg::Print)}
            </button>
            // What prints: every layer and every enabled binding (hidden on screen).
            <div class="cheat-sheet" aria-hidden="true">
                <h2 class="cheat-sheet__title">{t(MapMsg::SheetTitle)}</h2>
                <div class="cheat-sheet__layers">
                    {move || {
                        layers
                            .get()
                            .into_iter()
                            .map(|each| {
                                let keys = keys_of(each, false);
                                view! {
                                    <section class="cheat-sheet__layer">
                                        <h3>{name(each)}</h3>
                                        <HotkeyBoard keys printed=printed.get() platform />
                                    </section>
                                }
                            })
                            .collect_view()
                    }}
                </div>
                <h3>{t(MapMsg::SheetList)}</h3>
                <ul class="cheat-sheet__list">
                    {move || {
                        draft
                            .with(|d| {
                                d.iter()
                                    .filter(|b| b.active)
                                    .filter_map(|b| {
                                        let combo = b.combo()?;
                                        Some((b.label(words), keys::label(&combo, platform)))
                                    })
                                    .collect::<Vec<_>>()
                            })
                            .into_iter()
                            .map(|(label, keys)| {
                                view! {
                                    <li>
                                        <kbd>{keys}</kbd>
                                        " "
                                        {label}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </div>
    }
}

/// A stable id part for a layer's tab.
fn tab_id(layer: Layer) -> String {
    keyboard_map::layer_id(layer)
}
