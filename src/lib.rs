//! Label Studio 1.23.2 "Account & Settings" as a Leptos CSR app.
//!
//! Imports flow one way (docs/ARCHITECTURE.md, checked by `scripts/lib/check-layers`):
//! [`api`] (typed HTTP) ← [`domain`] (pure rules) ← [`browser`] (web-sys wrappers) ← [`i18n`]
//! (words) ← [`context`], [`components`] (one per file) ← [`pages`] ← [`app`] (router).

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod context;
pub mod domain;
pub mod i18n;
pub mod pages;

pub use app::{AccountApp, App};
