use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::error_notice::ErrorNotice;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// A section's data as it loads: a status while it is on its way, the failure explained with
/// Try again (which loads it again), then `children` with the value.
#[component]
pub fn Loaded<T, V, C>(
    /// The load.
    resource: LocalResource<Result<T, ApiError>>,
    /// What is loaded, as the failure names it ("your tokens").
    what: &'static str,
    /// Said while it loads; "Loading…" if not given.
    #[prop(optional)]
    loading: Option<&'static str>,
    /// The view of the loaded value.
    children: C,
) -> impl IntoView
where
    T: Clone + 'static,
    C: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let loading = loading.unwrap_or_else(|| t(MainMsg::Loading));
    move || match resource.get() {
        None => view! {
            <p class="page-status" role="status">
                {loading}
            </p>
        }
        .into_any(),
        Some(Err(error)) => {
            view! { <ErrorNotice what error on_retry=move |_| resource.refetch() /> }.into_any()
        }
        Some(Ok(value)) => children(value).into_any(),
    }
}
