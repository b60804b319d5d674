//! binaryen's `wasm-opt` behind a cache: `release_tool::opt_cache`.

fn main() {
    let real = std::env::var_os("REAL_WASM_OPT").map(std::path::PathBuf::from);
    let cache = std::env::var_os("WASM_OPT_CACHE").map(std::path::PathBuf::from);
    let Some(real) = real else {
        eprintln!("wasm-opt: REAL_WASM_OPT is not set (scripts/lib/trunk-release sets it)");
        std::process::exit(1);
    };
    let args = std::env::args_os().skip(1).collect();
    if let Err(error) = release_tool::opt_cache::run(&real, cache.as_deref(), args) {
        eprintln!("wasm-opt: {error}");
        std::process::exit(1);
    }
}
