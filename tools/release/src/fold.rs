//! Shared chunks that hold only data, folded into the modules that wait for them.
//!
//! wasm-split puts what two split points share and the main module does not into a chunk of its
//! own, data included: read-only text that two languages' words share becomes a module of a few
//! dozen bytes, and a request before either can run. Such a chunk defines no function, so its
//! segments are written instead by every split module that waited for it: active segments at the
//! same constant addresses, with the same bytes (read-only data, so which module writes it first
//! does not matter), and the chunk, its file and its place in the loader go.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{ConstExpr, DataCountSection, DataSection, Module, RawSection};
use wasmparser::{DataKind, Operator, Parser, Payload, TypeRef};

use crate::{fail, io, Result};

/// An active data segment of memory 0 at a constant address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Data {
    pub offset: i32,
    pub bytes: Vec<u8>,
}

fn read_error(e: wasmparser::BinaryReaderError) -> crate::Error {
    fail(format!("reading a wasm module: {e}"))
}

/// The data of a module that defines nothing but data (no function, global, table, memory,
/// element, export or start): `None` for any other module, or for one with a segment that is
/// not active at a constant address of memory 0. Empty segments are left out.
pub fn data_only(module: &[u8]) -> Result<Option<Vec<Data>>> {
    let mut data = Vec::new();
    for payload in Parser::new(0).parse_all(module) {
        match payload.map_err(read_error)? {
            Payload::FunctionSection(r) if r.count() > 0 => return Ok(None),
            Payload::GlobalSection(r) if r.count() > 0 => return Ok(None),
            Payload::TableSection(r) if r.count() > 0 => return Ok(None),
            Payload::MemorySection(r) if r.count() > 0 => return Ok(None),
            Payload::ElementSection(r) if r.count() > 0 => return Ok(None),
            Payload::ExportSection(r) if r.count() > 0 => return Ok(None),
            Payload::StartSection { .. } => return Ok(None),
            Payload::DataSection(reader) => {
                for segment in reader {
                    let segment = segment.map_err(read_error)?;
                    let DataKind::Active {
                        memory_index: 0,
                        offset_expr,
                    } = segment.kind
                    else {
                        return Ok(None);
                    };
                    let mut ops = offset_expr.get_operators_reader();
                    let (Ok(Operator::I32Const { value }), Ok(Operator::End)) =
                        (ops.read(), ops.read())
                    else {
                        return Ok(None);
                    };
                    if !segment.data.is_empty() {
                        data.push(Data {
                            offset: value,
                            bytes: segment.data.to_vec(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    Ok(Some(data))
}

/// `module` with `data` written as active segments of memory 0 after its own segments (the data
/// section and its count re-encoded, every other section copied as it is). The module must have
/// a memory (its own or imported).
pub fn with_data(module: &[u8], data: &[Data]) -> Result<Vec<u8>> {
    let mut out = Module::new();
    let mut has_memory = false;
    let mut written = false;
    let append = |section: &mut DataSection| {
        for d in data {
            section.active(0, &ConstExpr::i32_const(d.offset), d.bytes.iter().copied());
        }
    };
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload.map_err(read_error)?;
        match payload {
            Payload::ImportSection(ref reader) => {
                for import in reader.clone().into_imports() {
                    has_memory |= matches!(import.map_err(read_error)?.ty, TypeRef::Memory(_));
                }
            }
            Payload::MemorySection(ref reader) => has_memory |= reader.count() > 0,
            _ => {}
        }
        match payload {
            Payload::DataCountSection { count, .. } => {
                let count = count + u32::try_from(data.len()).map_err(|_| fail("too many"))?;
                out.section(&DataCountSection { count });
            }
            Payload::DataSection(reader) => {
                let mut section = DataSection::new();
                RoundtripReencoder
                    .parse_data_section(&mut section, reader)
                    .map_err(|e| fail(format!("a data segment: {e}")))?;
                append(&mut section);
                out.section(&section);
                written = true;
            }
            Payload::End(_) => {}
            other => {
                if let Some((id, range)) = other.as_section() {
                    let bytes = usize::try_from(range.start)
                        .ok()
                        .zip(usize::try_from(range.end).ok())
                        .and_then(|(start, end)| module.get(start..end))
                        .ok_or_else(|| fail("a section beyond the module's end"))?;
                    out.section(&RawSection { id, data: bytes });
                }
            }
        }
    }
    if !has_memory {
        return Err(fail("a module without memory cannot take data segments"));
    }
    if !written {
        let mut section = DataSection::new();
        append(&mut section);
        out.section(&section);
    }
    Ok(out.finish())
}

/// Folds every data-only chunk in `dir` (wasm-split's output) into the split modules that wait
/// for it, per `prefetch` (split point → its files, wasm-split's prefetch map), which loses the
/// chunk too; the chunk's file is removed. Returns the chunks folded.
pub fn fold_data_chunks(
    dir: &Path,
    prefetch: &mut HashMap<String, Vec<String>>,
) -> Result<Vec<String>> {
    let mut users: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (split, files) in prefetch.iter() {
        for file in files.iter().filter(|f| f.starts_with("chunk_")) {
            users.entry(file.clone()).or_default().push(split.clone());
        }
    }
    let mut folded = Vec::new();
    for (chunk, splits) in users {
        let path = dir.join(format!("{chunk}.wasm"));
        let bytes = fs::read(&path).map_err(io(format!("reading {}", path.display())))?;
        let Some(data) = data_only(&bytes)? else {
            continue;
        };
        for split in &splits {
            let own = dir.join(format!("split_{split}.wasm"));
            let module = fs::read(&own).map_err(io(format!("reading {}", own.display())))?;
            let module = with_data(&module, &data)
                .map_err(|e| fail(format!("folding {chunk} into {}: {e}", own.display())))?;
            fs::write(&own, module).map_err(io(format!("writing {}", own.display())))?;
            if let Some(files) = prefetch.get_mut(split) {
                files.retain(|f| *f != chunk);
            }
        }
        fs::remove_file(&path).map_err(io(format!("removing {}", path.display())))?;
        folded.push(chunk);
    }
    Ok(folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
        ImportSection, Instruction, MemoryType, TypeSection,
    };

    fn memory_import(imports: &mut ImportSection) {
        imports.import(
            "__wasm_split",
            "memory",
            EntityType::Memory(MemoryType {
                minimum: 1,
                maximum: None,
                memory64: false,
                shared: false,
                page_size_log2: None,
            }),
        );
    }

    /// A chunk as wasm-split leaves shared data: imports, and segments (one empty).
    fn data_chunk() -> Vec<u8> {
        let mut module = Module::new();
        let mut imports = ImportSection::new();
        memory_import(&mut imports);
        module.section(&imports);
        let mut data = DataSection::new();
        data.active(
            0,
            &ConstExpr::i32_const(1024),
            b"shared words".iter().copied(),
        );
        data.active(0, &ConstExpr::i32_const(4096), []);
        module.section(&data);
        module.finish()
    }

    /// A split module: the memory import, a function reading address `read`, its own data.
    fn split_module(with_own_data: bool) -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], [wasm_encoder::ValType::I32]);
        module.section(&types);
        let mut imports = ImportSection::new();
        memory_import(&mut imports);
        module.section(&imports);
        let mut functions = FunctionSection::new();
        functions.function(0);
        module.section(&functions);
        let mut exports = ExportSection::new();
        exports.export("read", ExportKind::Func, 0);
        module.section(&exports);
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instruction(&Instruction::I32Const(1024));
        body.instruction(&Instruction::I32Load8U(wasm_encoder::MemArg {
            offset: 0,
            align: 0,
            memory_index: 0,
        }));
        body.instruction(&Instruction::End);
        code.function(&body);
        module.section(&code);
        if with_own_data {
            let mut data = DataSection::new();
            data.active(0, &ConstExpr::i32_const(2048), b"own".iter().copied());
            module.section(&data);
        }
        module.finish()
    }

    fn segments(module: &[u8]) -> Vec<(i32, Vec<u8>)> {
        let mut out = Vec::new();
        for payload in Parser::new(0).parse_all(module) {
            if let Ok(Payload::DataSection(reader)) = payload {
                for s in reader {
                    let s = s.expect("segment");
                    if let DataKind::Active { offset_expr, .. } = s.kind {
                        if let Ok(Operator::I32Const { value }) =
                            offset_expr.get_operators_reader().read()
                        {
                            out.push((value, s.data.to_vec()));
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn a_chunk_of_data_only_is_read_and_a_chunk_with_code_is_not() {
        let data = data_only(&data_chunk()).expect("read").expect("data only");
        assert_eq!(
            data,
            [Data {
                offset: 1024,
                bytes: b"shared words".to_vec()
            }]
        );
        assert_eq!(data_only(&split_module(true)).expect("read"), None);
    }

    #[test]
    fn the_data_goes_after_a_modules_own_or_in_a_new_section() {
        let data = data_only(&data_chunk()).expect("read").expect("data only");
        for own in [true, false] {
            let folded = with_data(&split_module(own), &data).expect("folded");
            wasmparser::validate(&folded).expect("a valid module");
            let mut expected = Vec::new();
            if own {
                expected.push((2048, b"own".to_vec()));
            }
            expected.push((1024, b"shared words".to_vec()));
            assert_eq!(segments(&folded), expected);
        }
    }

    #[test]
    fn the_chunk_leaves_the_folder_and_the_prefetch_map() {
        let dir = crate::link::tests::scratch("fold");
        fs::create_dir_all(&dir).expect("dir");
        fs::write(dir.join("chunk_1.wasm"), data_chunk()).expect("write");
        fs::write(dir.join("split_a.wasm"), split_module(true)).expect("write");
        fs::write(dir.join("split_b.wasm"), split_module(false)).expect("write");
        let mut prefetch: HashMap<String, Vec<String>> = HashMap::from([
            ("a".into(), vec!["chunk_1".into(), "split_a".into()]),
            ("b".into(), vec!["chunk_1".into(), "split_b".into()]),
        ]);
        let folded = fold_data_chunks(&dir, &mut prefetch).expect("folded");
        assert_eq!(folded, ["chunk_1"]);
        assert!(!dir.join("chunk_1.wasm").exists());
        assert_eq!(prefetch["a"], ["split_a"]);
        assert_eq!(prefetch["b"], ["split_b"]);
        for split in ["split_a", "split_b"] {
            let module = fs::read(dir.join(format!("{split}.wasm"))).expect("read");
            assert!(segments(&module).contains(&(1024, b"shared words".to_vec())));
        }
        let _ = fs::remove_dir_all(&dir);
    }
}
