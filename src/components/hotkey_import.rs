use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::domain::hotkeys::editing::import_preview_heading;
use crate::domain::hotkeys::transfer::{self, Change};
use crate::domain::hotkeys::{conflicts, real_clash_ids, Binding};
use crate::domain::i18n::counted;
use crate::domain::i18n::hotkeys::HotkeysMsg;
use crate::i18n::{hotkey_words, t, tf};

/// Import: paste or choose a file, see every problem or a preview of the changes, then apply.
/// Nothing changes until "Apply import".
#[component]
pub fn HotkeyImport(
    /// The rows as they are now (the preview compares against these).
    #[prop(into)]
    current: Signal<Vec<Binding>>,
    /// Called with the complete new list when the user applies.
    on_apply: Callback<Vec<Binding>>,
    /// Called when the panel should close.
    on_close: Callback<()>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let checked = RwSignal::new(None::<Result<Vec<Binding>, Vec<String>>>);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let check = move || {
        let t = hotkey_words().t;
        let result = transfer::import(&text.get_untracked(), t)
            .map_err(|problems| problems.iter().map(|p| p.said(t)).collect());
        checked.set(Some(result));
    };
    let on_file = move |_| {
        let Some(file) = file_input
            .get()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        // A whole number: formatting the browser's f64 would link float formatting (5 KB).
        if let Some(message) = transfer::too_large(file.size() as u64, hotkey_words().t) {
            checked.set(Some(Err(vec![message])));
            return;
        }
        spawn_local(async move {
            match JsFuture::from(file.text()).await {
                Ok(value) => {
                    text.set(value.as_string().unwrap_or_default());
                    check();
                }
                Err(_) => checked.set(Some(Err(vec![t(HotkeysMsg::FileUnreadable).into()]))),
            }
        });
    };

    let preview = move || match checked.get() {
        None => ().into_any(),
        Some(Err(problems)) => view! {
            <div class="notice notice--error" role="alert" data-testid="import-problems">
                <p class="notice__text">
                    {counted(
                        hotkey_words().t,
                        problems.len(),
                        HotkeysMsg::NothingImportedOne,
                        HotkeysMsg::NothingImportedMany,
                    )}
                </p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        Some(Ok(next)) => {
            let changes = transfer::diff(&current.get(), &next);
            let flagged = real_clash_ids(&conflicts(&next));
            let count = changes.len();
            let has_changes = move || count != 0;
            let apply_list = next.clone();
            view! {
                <div class="import-preview" data-testid="import-preview">
                    <p>{import_preview_heading(count, hotkey_words().t)}</p>
                    <Show when=has_changes>
                        <ChangeTable changes=changes.clone() clashes=flagged.clone() />
                    </Show>
                    <div class="dialog__row">
                        <button
                            type="button"
                            class="button button--primary"
                            disabled=count == 0
                            on:click=move |_| on_apply.run(apply_list.clone())
                        >
                            {t(HotkeysMsg::ApplyImport)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
    };

    view! {
        <section class="panel" aria-labelledby="import-title">
            <h2 class="panel__title" id="import-title">
                {t(HotkeysMsg::ImportTitle)}
            </h2>
            <p class="field__hint">{t(HotkeysMsg::ImportHint)}</p>
            <label class="field__label" for="import-text">
                {t(HotkeysMsg::HotkeysJson)}
            </label>
            <textarea
                id="import-text"
                class="token-field"
                rows="6"
                prop:value=move || text.get()
                on:input:target=move |ev| {
                    text.set(ev.target().value());
                    checked.set(None);
                }
            ></textarea>
            <div class="dialog__row">
                <input
                    type="file"
                    accept="application/json,.json"
                    node_ref=file_input
                    on:change=on_file
                    aria-label=t(HotkeysMsg::ChooseFile)
                    data-testid="import-file"
                />
                <button type="button" class="button" on:click=move |_| check()>
                    {t(HotkeysMsg::Check)}
                </button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    {t(HotkeysMsg::Close)}
                </button>
            </div>
            {preview}
        </section>
    }
}

/// A table of changes: action, before → after, conflicts flagged.
#[component]
pub fn ChangeTable(
    /// The rows that change.
    changes: Vec<Change>,
    /// Ids that would clash after the change.
    clashes: Vec<String>,
) -> impl IntoView {
    let describe = |state: &Option<(String, bool)>| match state {
        Some((key, true)) => key.clone(),
        Some((key, false)) => tf(HotkeysMsg::KeysOff, &[("keys", key)]),
        None => "—".into(),
    };
    let words = hotkey_words();
    view! {
        <table class="change-table">
            <thead>
                <tr>
                    <th scope="col">{t(HotkeysMsg::Action)}</th>
                    <th scope="col">{t(HotkeysMsg::Now)}</th>
                    <th scope="col">{t(HotkeysMsg::After)}</th>
                </tr>
            </thead>
            <tbody>
                {changes
                    .into_iter()
                    .map(|c| {
                        let clash = clashes.contains(&c.id);
                        view! {
                            <tr class=("change-table__row--conflict", clash)>
                                <td>
                                    {c.label(words)}
                                    {clash
                                        .then(|| {
                                            view! {
                                                <span class="badge badge--warn">
                                                    {t(HotkeysMsg::Conflict)}
                                                </span>
                                            }
                                        })}
                                </td>
                                <td>
                                    <code>{describe(&c.before)}</code>
                                </td>
                                <td>
                                    <code>{describe(&c.after)}</code>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
