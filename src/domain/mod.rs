//! Pure rules of the page: no web-sys, no I/O, tested natively with `cargo test`.

pub mod avatar;
pub mod profile;
pub mod sections;
pub mod theme;
pub mod user;
