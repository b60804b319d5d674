fn main() {
    // The panic's message in the console while developing; a release build leaves it out (about
    // 0.5 KB of the first download) and public/boot.js says the page stopped either way.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // The page's language first, so nothing is shown in another one.
    wasm_bindgen_futures::spawn_local(async {
        account_settings::i18n::start().await;
        leptos::mount::mount_to_body(account_settings::App);
    });
}
