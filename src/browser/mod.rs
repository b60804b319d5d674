//! Thin wrappers over browser APIs that components need (images, clipboard, downloads,
//! page-leave guard, late code). No rules live here: those are in `domain`.

pub mod chunk;
pub mod clipboard;
pub mod download;
pub mod draft_store;
pub mod focus;
pub mod image;
pub mod keyboard;
pub mod lang;
pub mod leave_guard;
pub mod location;
pub mod platform;
pub mod print;
pub mod time;
