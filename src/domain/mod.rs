//! Pure rules of the page: no web-sys, no I/O, tested natively with `cargo test`.

pub mod avatar;
pub mod hotkeys;
pub mod i18n;
pub mod jwt;
pub mod lazy;
pub mod profile;
pub mod release;
pub mod sections;
pub mod session;
pub mod snippets;
pub mod status;
pub mod text;
pub mod theme;
pub mod time;
pub mod user;
