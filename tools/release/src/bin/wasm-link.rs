//! The release build's wasm32 linker: `release_tool::link`.

fn main() {
    if let Err(error) = release_tool::link::run(std::env::args_os().skip(1).collect()) {
        eprintln!("wasm-link: {error}");
        std::process::exit(1);
    }
}
