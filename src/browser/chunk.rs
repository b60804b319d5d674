//! Code that arrives later. With the `split-sections` feature some components live in their own
//! wasm chunk, fetched the first time they are needed (`pages/section_code.rs` for sections,
//! `components/avatar_slot.rs` for the photo editor).

/// A chunk's code did not arrive (network failure, a server error, or a page instead of code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeMissing;

#[cfg(feature = "split-sections")]
impl From<leptos::wasm_split::SplitLoaderError> for CodeMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}
