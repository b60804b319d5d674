//! Pure rules of the page: no web-sys, no I/O, tested natively with `cargo test`.

pub mod sections;
pub mod theme;
pub mod user;
