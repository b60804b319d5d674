//! The words `public/boot.js` shows when the page's own code has stopped (it cannot ask the app
//! then). Nothing of the app's wasm links them: the release tool writes both languages into
//! `boot.js` at build time.

use super::catalog;

catalog!(
    /// A string of the "page stopped" alert.
    BootMsg {
        Stopped => "This page stopped working and cannot go on. Reload it to continue; edits kept in this tab come back after the reload.",
        Reload => "Reload",
    }
);
