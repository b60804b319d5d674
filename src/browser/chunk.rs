//! Code that arrives later. In the release build (the `split-sections` feature) some code lives in
//! its own wasm chunk, fetched the first time it is needed: the sections
//! (`pages/section_code.rs`) and the photo editor (`components/avatar_slot.rs`). Every other
//! build has it all in one module. Components wait for it with `components::lazy_code`.

/// Builds a piece of UI: what a chunk gives once it is here (a section, the language switch's
/// status).
pub type BuildView = fn() -> leptos::prelude::AnyView;

/// A chunk's code did not arrive (network failure, a server error, or a page instead of code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeMissing;

#[cfg(feature = "split-sections")]
impl From<leptos::wasm_split::SplitLoaderError> for CodeMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}

/// `split_code!(name, preload, chunk, Type, value)`: `async fn name() -> Result<Type,
/// CodeMissing>` that gives `value`, and `async fn preload()` that only fetches its code, both
/// with the visibility written before `name`, if any. With `split-sections`, `value` (and all
/// it alone uses) is linked into the wasm chunk `chunk`, fetched by the first call of either;
/// functions naming the same chunk share it. A failed fetch is an `Err`, never a panic, and is
/// not remembered: calling again retries. Without the feature both return at once.
// rustfmt indents the attribute below a step deeper on every run.
#[rustfmt::skip]
macro_rules! split_code {
    ($vis:vis $name:ident, $preload:ident, $chunk:ident, $ty:ty, $value:expr) => {
        #[cfg(feature = "split-sections")]
        #[leptos::wasm_split::wasm_split(
            $chunk,
            fallible,
            wasm_split_path = ::leptos::wasm_split,
            preload($preload)
        )]
        $vis fn $name() -> Result<$ty, $crate::browser::chunk::CodeMissing> {
            let value: $ty = $value;
            Ok(value)
        }

        #[cfg(not(feature = "split-sections"))]
        $vis async fn $name() -> Result<$ty, $crate::browser::chunk::CodeMissing> {
            let value: $ty = $value;
            Ok(value)
        }

        // Not every chunk is prefetched.
        #[cfg(not(feature = "split-sections"))]
        #[allow(dead_code)]
        $vis async fn $preload() -> Result<(), $crate::browser::chunk::CodeMissing> {
            Ok(())
        }
    };
}
pub(crate) use split_code;
