use leptos::prelude::*;

use crate::browser::focus::{focus, focus_next_frame};
use crate::components::hotkey_draft::HotkeyDraft;
use crate::components::loaded::Loaded;
use crate::components::text_field::TextField;
use crate::context::use_api;
use crate::domain::hotkeys::project_keys::{
    clash_summary, keys_heading, more_projects, read, turn_mine_off, unsettled, ProjectClash,
};
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::i18n::{hotkey_words, t, tf};

/// "Check a project's label keys": find a project by title, read the keys its labeling config
/// gives to labels and choices (written, or given by the editor), and show where they fire
/// together with the user's bindings as they are on this page, with Turn mine off, Change mine
/// and Keep both. Mounted when "Check a project's label keys" is opened
/// ([`crate::components::hotkey_tools::ProjectKeysSlot`]).
#[component]
pub fn HotkeyProjectKeys(
    /// All rows being edited.
    draft: HotkeyDraft,
    /// Which row is recording (Change mine starts it).
    recording: RwSignal<Option<String>>,
    /// Where changes are announced.
    announce: WriteSignal<String>,
    /// Shows the row `id` if a filter hides it; true if the filter had to go.
    on_reveal: Callback<String, bool>,
) -> impl IntoView {
    let api = use_api();
    let words = hotkey_words();
    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<u64>);
    // Clashes the user chose to keep: (the project's key, the user's row).
    let kept = RwSignal::new(Vec::<(String, String)>::new());
    let found = LocalResource::new({
        let api = api.clone();
        move || {
            let (api, title) = (api.clone(), query.get());
            async move { api.projects_titled(title.trim()).await }
        }
    });
    let project = LocalResource::new(move || {
        let (api, id) = (api.clone(), chosen.get());
        async move {
            match id {
                Some(id) => api.project(id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let turn_off = move |clash: ProjectClash| {
        if let Some(said) = draft.try_update(|all| turn_mine_off(all, &clash, words.t)) {
            announce.set(said);
        }
    };
    let change = move |clash: ProjectClash| {
        let revealed = on_reveal.run(clash.binding.clone());
        recording.set(Some(clash.binding.clone()));
        let key_button = format!("[data-hotkey=\"{}\"] .key-button", clash.binding);
        // A row the filter hid takes focus once it is shown again.
        if revealed {
            focus_next_frame(key_button);
        } else {
            focus(&key_button);
        }
    };

    view! {
        <div class="project-keys__search">
            <TextField
                id="project-search"
                label=t(HotkeysMsg::Project)
                value=query
                error=Signal::derive(|| None::<String>)
                input_type="search"
                hint=t(HotkeysMsg::PartOfTitle)
            />
        </div>
        <Loaded resource=found what=t(HotkeysMsg::YourProjects) let:page>
            {page
                .results
                .is_empty()
                .then(|| view! { <p class="hotkeys__empty">{t(HotkeysMsg::NoProject)}</p> })}
            <ul class="project-keys__list">
                {page
                    .results
                    .iter()
                    .map(|p| {
                        let id = p.id;
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="button"
                                    aria-pressed=move || (chosen.get() == Some(id)).to_string()
                                    on:click=move |_| chosen.set(Some(id))
                                >
                                    {p.title.clone()}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {more_projects(page.results.len(), page.count, words.t)
                .map(|more| view! { <p class="field__hint">{more}</p> })}
        </Loaded>
        <Loaded resource=project what=t(HotkeysMsg::TheProject) let:config>
            {config
                .map(|config| match read(&config.label_config, words.t) {
                    Err(problem) => {
                        view! {
                            <p class="hotkey-row__error" role="alert">
                                {tf(
                                    HotkeysMsg::TitleProblem,
                                    &[
                                        ("title", &config.title),
                                        ("problem", &problem.message(words.t)),
                                    ],
                                )}
                            </p>
                        }
                            .into_any()
                    }
                    Ok(keys) => {
                        let project = keys.clone();
                        let live = Memo::new(move |_| {
                            kept.with(|k| draft.with(|d| unsettled(&project, d, k, words)))
                        });
                        view! {
                            <div class="project-keys__result" data-testid="project-keys">
                                <p>{keys_heading(&config.title, keys.keys.len(), words.t)}</p>
                                <ul class="project-keys__keys">
                                    {keys
                                        .keys
                                        .into_iter()
                                        .map(|k| {
                                            view! {
                                                <li>
                                                    {k.what}" "<code>{k.key}</code>
                                                    {k.auto.then(|| t(HotkeysMsg::GivenByEditor))}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <p role="status" class="project-keys__summary">
                                    {move || clash_summary(live.with(Vec::len), words.t)}
                                </p>
                                <ul class="project-keys__clashes">
                                    {move || {
                                        live.get()
                                            .into_iter()
                                            .map(|c| {
                                                let (off, edit, keep) = (c.clone(), c.clone(), c.clone());
                                                view! {
                                                    <li data-testid="project-clash">
                                                        {c.sentence(words.t)} " "
                                                        <button
                                                            type="button"
                                                            class="button"
                                                            on:click=move |_| turn_off(off.clone())
                                                        >
                                                            {t(HotkeysMsg::TurnMineOff)}
                                                        </button> " "
                                                        <button
                                                            type="button"
                                                            class="button"
                                                            on:click=move |_| change(edit.clone())
                                                        >
                                                            {t(HotkeysMsg::ChangeMine)}
                                                        </button> " "
                                                        <button
                                                            type="button"
                                                            class="button"
                                                            on:click=move |_| {
                                                                kept.update(|k| {
                                                                    k.push(keep.kept_as());
                                                                })
                                                            }
                                                        >
                                                            {t(HotkeysMsg::KeepBoth)}
                                                        </button>
                                                    </li>
                                                }
                                            })
                                            .collect_view()
                                    }}
                                </ul>
                            </div>
                        }
                            .into_any()
                    }
                })}
        </Loaded>
    }
}
