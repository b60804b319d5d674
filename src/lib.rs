//! Label Studio 1.23.2 "Account & Settings" as a Leptos CSR app.
//!
//! Data flows one way: [`api`] (typed HTTP) → [`domain`] (pure rules) → [`components`]
//! (one section per file) → [`pages`] → [`app`] (router).

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod context;
pub mod domain;
pub mod i18n;
pub mod pages;

pub use app::{AccountApp, App};
