use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::chunk::{BuildView, CodeMissing};
use crate::components::hooks::slow_after_a_while;
use crate::domain::i18n::main::MainMsg;
use crate::i18n::t;

/// Where fetching a piece of code stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fetch {
    /// Not asked for yet.
    Idle,
    Loading,
    /// It did not arrive (network, a server error, a page instead of code).
    Missing,
    /// The user stopped waiting (the fetch may still finish; Try again then has it at once).
    Cancelled,
}

/// The wait for some code, as [`LazyStatus`] shows it.
#[derive(Debug, Clone, Copy)]
pub struct Wait {
    fetch: RwSignal<Fetch>,
    /// Waiting has lasted long enough to offer Cancel.
    slow: ReadSignal<bool>,
}

impl Wait {
    pub fn fetch(self) -> Fetch {
        self.fetch.get()
    }
}

/// A piece of UI whose code arrives later ([`split_code!`](crate::browser::chunk::split_code)):
/// prefetched on intent, fetched when needed, with the same wait everywhere ([`LazyStatus`]).
pub struct LazyCode<T: Send + Sync + 'static> {
    code: RwSignal<Option<T>>,
    wait: Wait,
}

impl<T: Send + Sync + 'static> Clone for LazyCode<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for LazyCode<T> {}

impl<T: Copy + Send + Sync + 'static> LazyCode<T> {
    /// `here`: the code, when an earlier fetch brought it already.
    pub fn new(here: Option<T>) -> Self {
        let fetch = RwSignal::new(Fetch::Idle);
        let slow = slow_after_a_while(Signal::derive(move || fetch.get() == Fetch::Loading));
        Self {
            code: RwSignal::new(here),
            wait: Wait { fetch, slow },
        }
    }

    /// The code, once here (tracked).
    pub fn code(self) -> Option<T> {
        self.code.get()
    }

    /// The code, if here, untracked.
    pub fn here(self) -> Option<T> {
        self.code.get_untracked()
    }

    pub fn wait(self) -> Wait {
        self.wait
    }

    /// Starts fetching the code, unless it is here: for the pointer or focus reaching what needs
    /// it. A failure is not the user's business yet: opening retries and explains it.
    pub fn prefetch<E: 'static>(self, preload: impl Future<Output = Result<(), E>> + 'static) {
        if self.code.with_untracked(Option::is_none) {
            spawn_local(async move {
                let _ = preload.await;
            });
        }
    }

    /// Fetches the code (at once if it is here already) and says so while waiting. Code that
    /// arrives after a Cancel is kept, but the wait stays cancelled until the next `open`.
    pub fn open(self, load: impl Future<Output = Result<T, CodeMissing>> + 'static) {
        let fetch = self.wait.fetch;
        fetch.set(Fetch::Loading);
        spawn_local(async move {
            let result = load.await;
            let waiting = fetch.try_get_untracked() == Some(Fetch::Loading);
            match result {
                Ok(code) => {
                    if waiting {
                        fetch.try_set(Fetch::Idle);
                    }
                    self.code.try_set(Some(code));
                }
                Err(CodeMissing) if waiting => {
                    fetch.try_set(Fetch::Missing);
                }
                Err(CodeMissing) => {}
            }
        });
    }
}

/// The wait for some code: while it is on its way a status, with Cancel once it is slow; if it
/// did not arrive, why, with Try again; after a Cancel, `stopped` (if given) with Try again,
/// focused, since the Cancel that had focus is gone.
#[component]
pub fn LazyStatus(
    /// The wait to show.
    wait: Wait,
    /// The class of the status while waiting (its place on the page).
    class: &'static str,
    /// The class of its text.
    note_class: &'static str,
    /// Said while waiting.
    loading: &'static str,
    /// Said when the code did not arrive.
    missing: &'static str,
    /// Said after the user's Cancel; nothing if `None`.
    #[prop(default = None)]
    stopped: Option<&'static str>,
    /// Opens again.
    on_retry: Callback<()>,
    /// Called after Cancel stopped the wait.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let notice = move |text: &'static str, focus: bool| {
        let retry = NodeRef::<leptos::html::Button>::new();
        if focus {
            retry.on_load(|button| {
                let _ = button.focus();
            });
        }
        view! {
            <div class="notice notice--error" role="alert">
                <p class="notice__text">{text}</p>
                <button
                    type="button"
                    class="button"
                    node_ref=retry
                    on:click=move |_| on_retry.run(())
                >
                    {t(MainMsg::TryAgain)}
                </button>
            </div>
        }
        .into_any()
    };
    move || match wait.fetch.get() {
        Fetch::Idle => ().into_any(),
        Fetch::Loading => view! {
            <div class=class>
                <p class=note_class role="status">
                    {loading}
                </p>
                {move || {
                    wait.slow
                        .get()
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="button button--small"
                                    on:click=move |_| {
                                        wait.fetch.set(Fetch::Cancelled);
                                        if let Some(cancelled) = on_cancel {
                                            cancelled.run(());
                                        }
                                    }
                                >
                                    {t(MainMsg::Cancel)}
                                </button>
                            }
                        })
                }}
            </div>
        }
        .into_any(),
        Fetch::Missing => notice(missing, false),
        Fetch::Cancelled => match stopped {
            Some(text) => notice(text, true),
            None => ().into_any(),
        },
    }
}

/// A piece of UI whose code arrives later, shown once it is here, with the wait before it
/// ([`LazyStatus`]). Built once: not again as the wait ends.
#[component]
pub fn LazyView(
    /// The code; the caller opens it.
    code: LazyCode<BuildView>,
    /// The class of the status while waiting.
    class: &'static str,
    /// The class of its text.
    note_class: &'static str,
    /// Said while waiting.
    loading: &'static str,
    /// Said when the code did not arrive.
    missing: &'static str,
    /// Said after the user's Cancel; nothing if `None`.
    #[prop(default = None)]
    stopped: Option<&'static str>,
    /// Opens again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let shown =
        Memo::new(move |_| code.wait().fetch() != Fetch::Cancelled && code.code().is_some());
    view! {
        {move || shown.get().then(|| code.here().map(|build| build()))}
        <LazyStatus wait=code.wait() class note_class loading missing stopped on_retry />
    }
}
