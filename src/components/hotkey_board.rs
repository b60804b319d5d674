use std::collections::{BTreeMap, HashMap};

use leptos::prelude::*;

use crate::domain::hotkeys::keyboard_map::{action_names, cap_label, Heard, KeyNote, KeyUse, ROWS};
use crate::domain::hotkeys::keys::Platform;
use crate::domain::i18n::keyboard_map::MapMsg;
use crate::i18n::{hotkey_words, t, tf};

/// One layer of the keyboard map: every key in its physical place. A key with actions is a
/// button (when `on_choose` is given) named by what it does, where it is heard, and its marks;
/// the others are drawn for orientation only and hidden from screen readers.
#[component]
pub fn HotkeyBoard(
    /// Each drawn key's use in this layer (by `KeyboardEvent.code`).
    keys: BTreeMap<&'static str, KeyUse>,
    /// What the user's layout prints on each key, when the browser says.
    printed: Option<HashMap<String, String>>,
    /// Which modifier names to draw.
    platform: Platform,
    /// Choosing a key with actions (its combination's key).
    #[prop(optional, into)]
    on_choose: Option<Callback<&'static str>>,
) -> impl IntoView {
    let words = hotkey_words();
    let rows = ROWS.iter().map(|row| {
        let caps = row.iter().map(|cap| {
            let label = cap_label(
                cap,
                printed
                    .as_ref()
                    .and_then(|p| p.get(cap.code))
                    .map(String::as_str),
                platform,
            );
            let used = keys.get(cap.code).cloned().unwrap_or_default();
            let names = action_names(&used.ids, words);
            let class = format!(
                "kcap kcap--w{}{}{}{}{}",
                cap.width,
                if names.is_empty() { "" } else { " kcap--bound" },
                if used.clash { " kcap--clash" } else { "" },
                if used.kept { " kcap--kept" } else { "" },
                if used.heard() == Some(Heard::DataManager) {
                    " kcap--dm"
                } else {
                    ""
                },
            );
            // Shown: the first action, and how many more; heard: all of them, where, and the
            // marks (the visible words come first, so the name starts with what is seen).
            let more = (names.len() > 1).then(|| format!(" +{}", names.len() - 1));
            let first = names.first().cloned();
            match (on_choose, first) {
                (Some(choose), Some(first)) => {
                    let mut heard = String::new();
                    if names.len() > 1 {
                        heard.push_str(&tf(
                            MapMsg::AlsoDoes,
                            &[("actions", &names[1..].join(", "))],
                        ));
                    }
                    for note in used.notes() {
                        heard.push_str(t(MapMsg::Separator));
                        heard.push_str(t(match note {
                            KeyNote::InEditor => MapMsg::InEditor,
                            KeyNote::InDataManager => MapMsg::InDataManager,
                            KeyNote::InBoth => MapMsg::InBoth,
                            KeyNote::Clash => MapMsg::Clash,
                            KeyNote::Kept => MapMsg::Kept,
                        }));
                    }
                    let key = cap.key;
                    view! {
                        <button
                            type="button"
                            class=class
                            title=names.join("\n")
                            data-code=cap.code
                            on:click=move |_| choose.run(key)
                        >
                            <span class="kcap__label">{label}</span>
                            <span class="visually-hidden">{t(MapMsg::KeySeparator)}</span>
                            <span class="kcap__actions">{first}{more}</span>
                            <span class="visually-hidden">{heard}</span>
                        </button>
                    }
                    .into_any()
                }
                (_, first) => view! {
                    <div class=class aria-hidden="true" data-code=cap.code>
                        <span class="kcap__label">{label}</span>
                        <span class="kcap__actions">{first}{more}</span>
                    </div>
                }
                .into_any(),
            }
        });
        view! { <div class="keyboard-map__row">{caps.collect_view()}</div> }
    });
    view! { <div class="keyboard-map__board">{rows.collect_view()}</div> }
}
