use leptos::prelude::*;

use crate::browser::time;
use crate::domain::time::parse_iso8601;
use crate::i18n;

/// A moment in the browser's locale and zone, with the full timestamp in the tooltip.
/// Unreadable input is shown as given.
#[component]
pub fn Timestamp(
    /// Seconds since the epoch.
    #[prop(optional)]
    epoch: Option<i64>,
    /// Or an ISO-8601 string from the server.
    #[prop(optional, into)]
    iso: Option<String>,
) -> impl IntoView {
    let secs = epoch.or_else(|| iso.as_deref().and_then(parse_iso8601));
    match secs {
        Some(secs) => view! {
            <time datetime=time::iso_utc(secs) title=time::local_full(secs)>
                {time::local_short(secs, i18n::lang())}
            </time>
        }
        .into_any(),
        None => view! { <span>{iso.unwrap_or_else(|| "—".into())}</span> }.into_any(),
    }
}
