//! One section or building block per file; each component is named after its file.

pub mod account_header;
pub mod coming_soon;
pub mod error_notice;
pub mod section_nav;
pub mod signed_out;
pub mod theme_toggle;
pub mod userpic;
