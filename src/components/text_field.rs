use leptos::prelude::*;

/// A labelled text input with an optional hint and an error tied to it
/// (`aria-invalid`, `aria-describedby`).
#[component]
pub fn TextField(
    /// Element id; also the prefix of the hint and error ids.
    id: &'static str,
    /// Visible label.
    label: &'static str,
    /// The value, written on every keystroke.
    value: RwSignal<String>,
    /// The message to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called when the field loses focus (to start showing its error).
    #[prop(optional, into)]
    on_blur: Option<Callback<()>>,
    /// A line under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Input type (`text`, `tel`, `email`).
    #[prop(default = "text")]
    input_type: &'static str,
    /// `autocomplete` token.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Read-only fields are shown but never edited or sent.
    #[prop(optional)]
    readonly: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class=("field--error", move || error.with(Option::is_some))>
            <label class="field__label" for=id>
                {label}
            </label>
            <input
                class="field__input"
                id=id
                type=input_type
                autocomplete=autocomplete
                readonly=readonly
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
                on:blur=move |_| {
                    if let Some(cb) = on_blur {
                        let _ = cb.try_run(());
                    }
                }
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described_by
            />
            {hint
                .map(|text| {
                    view! {
                        <p class="field__hint" id=hint_id>
                            {text}
                        </p>
                    }
                })}
            <p class="field__error" id=error_id>
                {move || error.get()}
            </p>
        </div>
    }
}
