//! The release build's steps after rustc, in one tool: the wasm32 linker that splits the module
//! into lazily loaded chunks (`wasm-link`), and trunk's post-build hook (`release-tool
//! post-build`). trunk stays the build; this is what it calls.

pub mod boot;
pub mod fold;
pub mod link;
pub mod loader;
pub mod opt_cache;
pub mod post_build;
pub mod wasm;

use std::fmt;

use sha2::{Digest, Sha256, Sha384};

/// What went wrong, said for the person running the build.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// An error with this message.
pub fn fail(message: impl Into<String>) -> Error {
    Error(message.into())
}

/// An I/O error, with what was being done.
pub fn io(what: impl fmt::Display) -> impl FnOnce(std::io::Error) -> Error {
    move |error| Error(format!("{what}: {error}"))
}

/// The first 16 hex digits of the SHA-256 of `bytes`: the build's file names.
pub fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `sha384-…`: a Subresource Integrity value for `bytes`.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}
