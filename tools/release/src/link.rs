//! The release build's wasm32 linker (`wasm-link`, set by `scripts/lib/trunk-release`). Links
//! with Rust's own rust-lld exactly as rustc would, keeping relocations (`--emit-relocs`). When
//! the module has split points (the `split-sections` feature, `src/pages/section_code.rs`), it
//! is then split through `wasm_split_cli_support`: the main module replaces the linked file, so
//! trunk runs wasm-bindgen and wasm-opt on it as usual, and the chunks with their loader go to
//! `<profile dir>/wasm-split/`, where the post-build hook takes them. Any other module (build
//! scripts and the like) is linked and left alone.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use wasm_split_cli_support::{transform, Options};

use crate::wasm::{self, Renames};
use crate::{fail, io, short_hash, Result};
use crate::{fold, loader};

/// The name under which the main module exports its function table to the chunks:
/// wasm-bindgen drops lld's `__indirect_function_table` (unless run with
/// `--keep-lld-exports`, which trunk cannot pass) and keeps any other.
pub const TABLE_EXPORT: &str = "__wasm_split_table";

/// What every split point's import is named by (`leptos::wasm_split`).
const SPLIT_MARK: &[u8] = b"__wasm_split_load_";

/// Where the split modules of the module linked at `out` go: `<profile dir>/wasm-split/`.
pub fn split_dir(out: &Path) -> PathBuf {
    out.parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("."))
        .join("wasm-split")
}

/// Links with rust-lld, then splits the result if it has split points.
pub fn run(args: Vec<OsString>) -> Result<()> {
    let lld = rust_lld()?;
    let status = Command::new(&lld)
        .args(&args)
        .arg("--emit-relocs")
        .status()
        .map_err(io(format!("running {}", lld.display())))?;
    if !status.success() {
        return Err(fail(format!("rust-lld failed ({status})")));
    }
    let Some(out) = args
        .iter()
        .position(|a| a == "-o")
        .and_then(|at| args.get(at + 1))
        .map(PathBuf::from)
    else {
        return Ok(());
    };
    let linked = fs::read(&out).map_err(io(format!("reading {}", out.display())))?;
    if !linked.windows(SPLIT_MARK.len()).any(|w| w == SPLIT_MARK) {
        return Ok(());
    }
    let main = split(&linked, &split_dir(&out))?;
    fs::write(&out, main).map_err(io(format!("writing {}", out.display())))
}

/// Splits `linked` into `dir` (emptied first): the chunks, their loader
/// `__wasm_split-<build id>.js` and `prefetch.json` (each split point's files); returns the main
/// module, which imports the loader by that name and exports its table as [`TABLE_EXPORT`].
///
/// The build id is a hash of the linked module, so the glue wasm-bindgen writes (and trunk
/// names by its content) asks for the loader of its own build, and a page left open across a
/// redeploy never mixes chunks of two builds.
pub fn split(linked: &[u8], dir: &Path) -> Result<Vec<u8>> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(io(format!("emptying {}", dir.display())))?;
    }
    fs::create_dir_all(dir).map_err(io(format!("creating {}", dir.display())))?;
    let link_name = format!("./{}", loader_name(&short_hash(linked)));
    let main_path = dir.join("main.wasm");
    let mut options = Options::new(linked);
    options.output_dir = dir;
    options.main_out_path = &main_path;
    options.link_name = &link_name;
    // The loader's import of the main module's JS; the post-build hook inlines the loader into
    // that JS, where this import is dropped.
    options.main_module = loader::MAIN_MODULE;
    options.target.web();
    let split = transform(options).map_err(|e| fail(format!("wasm-split: {e:#}")))?;
    let mut prefetch_map = split.prefetch_map;
    let folded = fold::fold_chunks(dir, &mut prefetch_map)?;
    if !folded.chunks.is_empty() {
        let path = dir.join(loader_name(&short_hash(linked)));
        let mut text =
            fs::read_to_string(&path).map_err(io(format!("reading {}", path.display())))?;
        for chunk in &folded.chunks {
            text = loader::drop_chunk(&text, chunk)?;
        }
        fs::write(&path, text).map_err(io(format!("writing {}", path.display())))?;
    }
    let prefetch = serde_json::to_string_pretty(&prefetch_map)
        .map_err(|e| fail(format!("prefetch map: {e}")))?;
    fs::write(dir.join(PREFETCH_FILE), prefetch).map_err(io("writing prefetch.json"))?;
    let main = fs::read(&main_path).map_err(io(format!("reading {}", main_path.display())))?;
    fs::remove_file(&main_path).map_err(io(format!("removing {}", main_path.display())))?;
    let main = if folded.for_main.is_empty() {
        main
    } else {
        fold::with_data(&main, &folded.for_main)?
    };
    let (main, _) = wasm::rename(
        &main,
        &Renames {
            exports: &[("__indirect_function_table", TABLE_EXPORT)],
            ..Renames::default()
        },
    )?;
    Ok(main)
}

/// Each split point's files (its own, then the shared chunks it waits for), by split point.
pub const PREFETCH_FILE: &str = "prefetch.json";

/// The loader's file name for a build.
pub fn loader_name(build_id: &str) -> String {
    format!("__wasm_split-{build_id}.js")
}

/// rust-lld of the toolchain that runs this build.
fn rust_lld() -> Result<PathBuf> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let ask = |args: &[&str]| -> Result<String> {
        let output = Command::new(&rustc)
            .args(args)
            .output()
            .map_err(io("running rustc"))?;
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
    };
    let sysroot = ask(&["--print", "sysroot"])?;
    let host = ask(&["-vV"])?
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .ok_or_else(|| fail("rustc -vV names no host"))?;
    Ok(Path::new(&sysroot)
        .join("lib/rustlib")
        .join(host)
        .join("bin/rust-lld"))
}

#[cfg(test)]
pub(crate) mod tests {
    use std::borrow::Cow;

    use wasm_encoder::{
        CodeSection, CustomSection, EntityType, ExportKind, ExportSection, Function,
        FunctionSection, ImportSection, Instruction, LinkingSection, MemorySection, MemoryType,
        Module, RefType, SymbolTable, TableSection, TableType, TypeSection,
    };

    use super::*;

    /// A module as rustc and `leptos::wasm_split` would leave it with one split point `split`:
    /// the split point's import and export pair, a function only the split point reaches, the
    /// function table and memory, and wasm-split's marker section (the form of
    /// `wasm_split_cli_support` 0.2.4's own end-to-end tests).
    pub fn splittable(split: &str) -> Vec<u8> {
        const HASH: &str = "00000000000000000000000000000000";
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut imports = ImportSection::new();
        imports.import(
            "__wasm_split_placeholder__",
            &format!("__wasm_split_00{split}00_import_{HASH}"),
            EntityType::Function(0),
        );
        module.section(&imports);
        // 1 helper, 2 split body, 3 main.
        let mut functions = FunctionSection::new();
        for _ in 1..=3 {
            functions.function(0);
        }
        module.section(&functions);
        let mut tables = TableSection::new();
        tables.table(TableType {
            element_type: RefType::FUNCREF,
            minimum: 1,
            maximum: Some(1),
            table64: false,
            shared: false,
        });
        module.section(&tables);
        let mut memories = MemorySection::new();
        memories.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        module.section(&memories);
        let mut exports = ExportSection::new();
        exports.export(
            &format!("__wasm_split_00{split}00_export_{HASH}"),
            ExportKind::Func,
            2,
        );
        exports.export("main", ExportKind::Func, 3);
        exports.export("__indirect_function_table", ExportKind::Table, 0);
        exports.export("memory", ExportKind::Memory, 0);
        module.section(&exports);
        let mut code = CodeSection::new();
        let mut helper = Function::new([]);
        helper.instruction(&Instruction::End);
        code.function(&helper);
        let mut body = Function::new([]);
        body.instruction(&Instruction::Call(1));
        body.instruction(&Instruction::End);
        code.function(&body);
        let mut main = Function::new([]);
        main.instruction(&Instruction::Call(0));
        main.instruction(&Instruction::End);
        code.function(&main);
        module.section(&code);
        let mut linking = LinkingSection::new();
        let mut symbols = SymbolTable::new();
        symbols.table(
            SymbolTable::WASM_SYM_BINDING_LOCAL,
            0,
            Some("__indirect_function_table"),
        );
        linking.symbol_table(&symbols);
        module.section(&linking);
        module.section(&CustomSection {
            name: Cow::Borrowed("__wasm_split_unstable"),
            data: Cow::Borrowed(&[1u8, 1, 1]),
        });
        module.finish()
    }

    /// A fresh folder under the system's temporary one.
    pub fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("release-tool-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_module_is_split_with_the_loader_named_by_the_build() {
        let linked = splittable("testsplit");
        let dir = scratch("split");
        let main = split(&linked, &dir).expect("split");
        wasmparser::validate(&main).expect("a valid main module");
        let loader = loader_name(&short_hash(&linked));
        assert!(dir.join(&loader).is_file(), "{loader} written");
        let exports: Vec<String> = wasmparser::Parser::new(0)
            .parse_all(&main)
            .filter_map(|p| match p {
                Ok(wasmparser::Payload::ExportSection(r)) => Some(r),
                _ => None,
            })
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.name.to_string()))
            .collect();
        assert!(exports.iter().any(|e| e == TABLE_EXPORT), "{exports:?}");
        assert!(!exports.iter().any(|e| e == "__indirect_function_table"));
        let prefetch: std::collections::BTreeMap<String, Vec<String>> =
            serde_json::from_str(&fs::read_to_string(dir.join(PREFETCH_FILE)).expect("prefetch"))
                .expect("json");
        assert!(prefetch.contains_key("testsplit"), "{prefetch:?}");
        let _ = fs::remove_dir_all(&dir);
    }
}
