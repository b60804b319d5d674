//! `release-tool post-build`: trunk's post-build hook (`Trunk.toml`). The release build's linker
//! is the other binary of this package, `wasm-link`.

fn main() {
    let result = match std::env::args().nth(1).as_deref() {
        Some("post-build") => release_tool::post_build::run(),
        _ => Err(release_tool::fail(
            "usage: release-tool post-build (trunk's post_build hook, see Trunk.toml)",
        )),
    };
    if let Err(error) = result {
        eprintln!("release-tool: {error}");
        std::process::exit(1);
    }
}
