//! The language switch: the button, and the switch itself in a chunk of its own (few visits
//! use it).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::browser::chunk::{split_code, BuildView, CodeMissing};
use crate::components::lazy_code::{Fetch, LazyCode, LazyView, Wait};
use crate::context::{use_connection, Connection, Reload};
use crate::domain::i18n::main::MainMsg;
use crate::domain::i18n::Lang;
use crate::i18n::{self, t};

/// What a language switch works with.
#[derive(Clone, Copy)]
pub struct Switching {
    pub connection: Connection,
    /// The page's reload, when the app was given one (tests).
    pub reload: Option<Callback<()>>,
    /// The wait the switch is shown by: a Cancel there stops it.
    pub wait: Wait,
}

/// A switch under way; it gives the status to show until the page reloads.
pub type SwitchFuture = Pin<Box<dyn Future<Output = Result<BuildView, CodeMissing>>>>;
type Switcher = fn(Lang, Switching) -> SwitchFuture;

split_code!(
    switcher,
    preload_switcher,
    lang_switch,
    Switcher,
    switch_page
);

/// Switches the page to `lang`: the switch's code arrives first.
async fn switch(lang: Lang, how: Switching) -> Result<BuildView, CodeMissing> {
    let switch_page = switcher().await?;
    switch_page(lang, how).await
}

/// The language switch, beside the theme button: it offers the other language, named in that
/// language (English ⇄ 简体中文). Pressing it fetches what the switch needs (its code and that
/// language's words: Cancel once slow, Try again if they do not arrive), stores the choice where
/// Label Studio's newest frontend keeps it, and reloads the page in it, with every unsaved draft
/// kept in this tab and restored, as after signing in again. (A live switch without the reload
/// made the first download 10 KB larger: docs/I18N.md.)
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let code = LazyCode::new(None);
    let how = Switching {
        connection: use_connection(),
        reload: use_context::<Reload>().map(|Reload(reload)| reload),
        wait: code.wait(),
    };
    let other = i18n::lang().other();
    let open = move || code.open(switch(other, how));
    view! {
        <div class="language-switch">
            <button
                type="button"
                class="language-switch__button"
                data-testid="language-switch"
                on:click=move |_| open()
            >
                <span class="visually-hidden">{t(MainMsg::Language)}</span>
                <span lang=other.code()>{other.native_name()}</span>
            </button>
            <LazyView
                code
                class="language-switch__wait"
                note_class="language-switch__note"
                loading=t(MainMsg::LoadingLanguage)
                missing=t(MainMsg::LanguageMissing)
                on_retry=Callback::new(move |_| open())
            />
        </div>
    }
}

/// The switch itself, in the `lang_switch` chunk: fetches the new language's words (so the
/// reload shows it at once), stores the choice, keeps every draft and reloads. Nothing happens
/// if the user stopped waiting.
fn switch_page(lang: Lang, how: Switching) -> SwitchFuture {
    Box::pin(async move {
        let reloading: BuildView = || {
            view! {
                <p class="language-switch__note" role="status">
                    {t(MainMsg::Reloading)}
                </p>
            }
            .into_any()
        };
        i18n::load(lang).await?;
        if how.wait.fetch() != Fetch::Loading {
            let nothing: BuildView = || ().into_any();
            return Ok(nothing);
        }
        i18n::remember(lang);
        how.connection.leave();
        // The drafts' effects run first; then wait for a photo being read.
        leptos::task::tick().await;
        let connection = how.connection;
        Effect::new(move |_| {
            if connection.drafts_stored() {
                match how.reload {
                    Some(reload) => reload.run(()),
                    None => {
                        let _ = window().location().reload();
                    }
                }
            }
        });
        Ok(reloading)
    })
}
