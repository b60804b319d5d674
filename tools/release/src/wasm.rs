//! Edits of a wasm module's names, through wasmparser and wasm-encoder: every section is copied
//! as it is except the import and export sections, which are re-encoded with the new names.

use std::collections::BTreeMap;

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{ExportSection, ImportSection, Module, RawSection};
use wasmparser::{Parser, Payload};

use crate::{fail, Result};

/// What to rename in a module. Every export and import module named must be found.
#[derive(Default)]
pub struct Renames<'a> {
    /// Export name → new name.
    pub exports: &'a [(&'a str, &'a str)],
    /// Module imported from → new module name.
    pub import_modules: &'a [(&'a str, &'a str)],
    /// Every import from this module gets a short name ("a", "b", …), in the order of the
    /// import section.
    pub shorten_imports_from: Option<&'a str>,
}

/// The module with `renames` applied, and the short names given (old → new).
pub fn rename(module: &[u8], renames: &Renames) -> Result<(Vec<u8>, BTreeMap<String, String>)> {
    let mut out = Module::new();
    let mut found: Vec<String> = Vec::new();
    let mut given = BTreeMap::new();
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload.map_err(|e| fail(format!("reading the wasm module: {e}")))?;
        match payload {
            Payload::ImportSection(reader) => {
                let mut section = ImportSection::new();
                for import in reader.into_imports() {
                    let import = import.map_err(|e| fail(format!("an import: {e}")))?;
                    let mut name = import.name.to_string();
                    if renames.shorten_imports_from == Some(import.module) {
                        let next = short_name(given.len());
                        name = given.entry(name).or_insert(next).clone();
                    }
                    let module_name = renamed(
                        renames.import_modules,
                        import.module,
                        "import module",
                        &mut found,
                    );
                    let ty = RoundtripReencoder
                        .entity_type(import.ty)
                        .map_err(|e| fail(format!("an import's type: {e}")))?;
                    section.import(module_name, &name, ty);
                }
                out.section(&section);
            }
            Payload::ExportSection(reader) => {
                let mut section = ExportSection::new();
                for export in reader {
                    let export = export.map_err(|e| fail(format!("an export: {e}")))?;
                    let name = renamed(renames.exports, export.name, "export", &mut found);
                    let kind = RoundtripReencoder
                        .export_kind(export.kind)
                        .map_err(|e| fail(format!("an export's kind: {e}")))?;
                    section.export(name, kind, export.index);
                }
                out.section(&section);
            }
            other => {
                if let Some((id, range)) = other.as_section() {
                    let data = usize::try_from(range.start)
                        .ok()
                        .zip(usize::try_from(range.end).ok())
                        .and_then(|(start, end)| module.get(start..end))
                        .ok_or_else(|| fail("a section beyond the module's end"))?;
                    out.section(&RawSection { id, data });
                }
            }
        }
    }
    let missing: Vec<String> = renames
        .exports
        .iter()
        .map(|(old, _)| format!("export {old}"))
        .chain(
            renames
                .import_modules
                .iter()
                .map(|(old, _)| format!("import module {old}")),
        )
        .filter(|wanted| !found.contains(wanted))
        .collect();
    if !missing.is_empty() {
        return Err(fail(format!(
            "not in the wasm module: {}",
            missing.join(", ")
        )));
    }
    if let Some(from) = renames.shorten_imports_from {
        if given.is_empty() {
            return Err(fail(format!("the wasm module imports nothing from {from}")));
        }
    }
    Ok((out.finish(), given))
}

/// `name` as `pairs` renames it (noting the rename in `found`, as "`what` `name`"), else as is.
fn renamed<'a>(
    pairs: &[(&str, &'a str)],
    name: &'a str,
    what: &str,
    found: &mut Vec<String>,
) -> &'a str {
    match pairs.iter().find(|(old, _)| *old == name) {
        Some((_, new)) => {
            found.push(format!("{what} {name}"));
            new
        }
        None => name,
    }
}

/// The module names a module imports from.
pub fn import_modules(module: &[u8]) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for payload in Parser::new(0).parse_all(module) {
        if let Payload::ImportSection(reader) =
            payload.map_err(|e| fail(format!("reading the wasm module: {e}")))?
        {
            for import in reader.into_imports() {
                let import = import.map_err(|e| fail(format!("an import: {e}")))?;
                if !names.iter().any(|n| n == import.module) {
                    names.push(import.module.to_string());
                }
            }
        }
    }
    Ok(names)
}

/// "a" … "z", "A" … "Z", "aa", "ab", …: the `index`-th shortest names, in order.
pub fn short_name(index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut text = Vec::new();
    let mut index = index + 1;
    while index > 0 {
        index -= 1;
        text.push(LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
    }
    text.reverse();
    String::from_utf8(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, EntityType, ExportKind, Function, FunctionSection, Instruction, TableType,
        TypeSection, ValType,
    };

    /// A module built here: two function imports from "./glue.js", one from "env", a table
    /// exported under lld's name, and a function calling the imports.
    fn module() -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], [ValType::I32]);
        module.section(&types);
        let mut imports = ImportSection::new();
        imports.import(
            "./glue.js",
            "__wbg_log_0123456789abcdef",
            EntityType::Function(0),
        );
        imports.import("env", "memcpy", EntityType::Function(0));
        imports.import(
            "./glue.js",
            "__wbg_fetch_fedcba9876543210",
            EntityType::Function(0),
        );
        imports.import(
            "./__wasm_split.js",
            "__wasm_split_load_x",
            EntityType::Function(0),
        );
        imports.import(
            "env",
            "table",
            EntityType::Table(TableType {
                element_type: wasm_encoder::RefType::FUNCREF,
                minimum: 1,
                maximum: None,
                table64: false,
                shared: false,
            }),
        );
        module.section(&imports);
        let mut functions = FunctionSection::new();
        functions.function(0);
        module.section(&functions);
        let mut exports = ExportSection::new();
        exports.export("__indirect_function_table", ExportKind::Table, 0);
        exports.export("run", ExportKind::Func, 4);
        module.section(&exports);
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instruction(&Instruction::LocalGet(0));
        body.instruction(&Instruction::Call(2));
        body.instruction(&Instruction::End);
        code.function(&body);
        module.section(&code);
        module.finish()
    }

    fn names(module: &[u8]) -> (Vec<(String, String)>, Vec<String>) {
        let mut imports = Vec::new();
        let mut exports = Vec::new();
        for payload in Parser::new(0).parse_all(module) {
            match payload.expect("valid") {
                Payload::ImportSection(r) => {
                    for i in r.into_imports() {
                        let i = i.expect("import");
                        imports.push((i.module.to_string(), i.name.to_string()));
                    }
                }
                Payload::ExportSection(r) => {
                    for e in r {
                        exports.push(e.expect("export").name.to_string());
                    }
                }
                _ => {}
            }
        }
        (imports, exports)
    }

    #[test]
    fn renames_an_export_and_an_import_module_and_keeps_the_rest() {
        let (renamed, given) = rename(
            &module(),
            &Renames {
                exports: &[("__indirect_function_table", "__wasm_split_table")],
                import_modules: &[("./__wasm_split.js", "./__wasm_split-0123.js")],
                shorten_imports_from: None,
            },
        )
        .expect("renamed");
        assert!(given.is_empty());
        wasmparser::validate(&renamed).expect("still a valid module");
        let (imports, exports) = names(&renamed);
        assert_eq!(exports, ["__wasm_split_table", "run"]);
        assert_eq!(imports[3].0, "./__wasm_split-0123.js");
        assert_eq!(
            imports[0],
            ("./glue.js".into(), "__wbg_log_0123456789abcdef".into())
        );
    }

    #[test]
    fn shortens_the_imports_from_one_module_only() {
        let (renamed, given) = rename(
            &module(),
            &Renames {
                shorten_imports_from: Some("./glue.js"),
                ..Renames::default()
            },
        )
        .expect("renamed");
        wasmparser::validate(&renamed).expect("still a valid module");
        let (imports, _) = names(&renamed);
        assert_eq!(imports[0], ("./glue.js".into(), "a".into()));
        assert_eq!(imports[1], ("env".into(), "memcpy".into()));
        assert_eq!(imports[2], ("./glue.js".into(), "b".into()));
        assert_eq!(given["__wbg_fetch_fedcba9876543210"], "b");
        assert_eq!(import_modules(&renamed).expect("read").len(), 3);
    }

    #[test]
    fn a_rename_that_matches_nothing_fails() {
        let error = rename(
            &module(),
            &Renames {
                exports: &[("__nothing", "x")],
                ..Renames::default()
            },
        )
        .expect_err("fails");
        assert!(error.to_string().contains("export __nothing"), "{error}");
    }

    #[test]
    fn short_names_count_like_spreadsheet_columns() {
        assert_eq!(short_name(0), "a");
        assert_eq!(short_name(25), "z");
        assert_eq!(short_name(26), "A");
        assert_eq!(short_name(51), "Z");
        assert_eq!(short_name(52), "aa");
        assert_eq!(short_name(53), "ab");
    }
}
