use leptos::prelude::*;

use crate::domain::hotkeys::keys::{caps, KeyCombo, Platform};

/// A key string drawn as key caps for the platform; unreadable strings are shown as stored.
#[component]
pub fn KeyCaps(
    /// The stored key string.
    #[prop(into)]
    keys: Signal<String>,
    /// Which labels to use.
    platform: Platform,
) -> impl IntoView {
    view! {
        <span class="key-caps">
            {move || match KeyCombo::parse(&keys.get()) {
                Ok(combo) => {
                    caps(&combo, platform)
                        .into_iter()
                        .map(|cap| view! { <kbd class="key-caps__cap">{cap}</kbd> })
                        .collect_view()
                        .into_any()
                }
                Err(_) => {
                    view! { <kbd class="key-caps__cap key-caps__cap--invalid">{keys.get()}</kbd> }
                        .into_any()
                }
            }}
        </span>
    }
}
