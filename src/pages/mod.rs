//! Routed pages; they compose section components and own nothing else.

pub mod account;
pub mod section_code;
