//! Shared chunks folded into the split modules that wait for them.
//!
//! wasm-split puts what two split points share and the main module does not into a chunk of its
//! own: read-only text two languages' words share becomes a module of a few dozen bytes, and a
//! function both the Hotkeys and the small sections call becomes another request before either
//! can run (Hotkeys waited for four). A chunk is folded into every split module that waits for
//! it instead:
//!
//! - its read-only data: active segments at the same constant addresses, with the same bytes,
//!   so whichever module writes it first does not matter;
//! - its writable data (`.data`, `.bss`: statics the code changes, such as a chunk loader's state
//!   or a language's words once loaded): written once, into the main module. A copy in each user
//!   would be written again when the next user loads, undoing what the code stored there;
//! - its functions (a chunk of at most [`SMALL`] bytes): appended to each module with their types,
//!   and put into the same slots of the shared function table by the same element segments, so
//!   every call through the table finds the same code whichever copy was loaded last. A chunk
//!   may only import what its users import (the memory, the table, the stack pointer), by name.
//!
//! The chunk, its file and its place in the loader go. A module loaded after another that had
//! the same chunk fetches those functions again: for the larger chunks that is not worth a
//! request saved, so a chunk over [`SMALL`] stays a chunk.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use wasm_encoder::reencode::{Error as ReencodeError, Reencode, RoundtripReencoder};
use wasm_encoder::{
    CodeSection, ConstExpr, DataCountSection, DataSection, ElementSection, FunctionSection, Module,
    RawSection, TypeSection,
};
use wasmparser::{DataKind, ExternalKind, KnownCustom, Name, Operator, Parser, Payload, TypeRef};

/// The largest chunk (in bytes, as wasm-split writes it) whose functions are folded.
pub const SMALL: usize = 64 * 1024;

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
                    let Some(offset) = constant_address(&segment.kind) else {
                        return Ok(None);
                    };
                    if !segment.data.is_empty() {
                        data.push(Data {
                            offset,
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

/// The indices of `module`'s data segments the program may write to: every segment not named
/// `.rodata…` in the module's name section (one without a name counts as writable).
fn writable(module: &[u8]) -> Result<BTreeSet<u32>> {
    let mut count = 0;
    let mut read_only = BTreeSet::new();
    for payload in Parser::new(0).parse_all(module) {
        match payload.map_err(read_error)? {
            Payload::DataSection(reader) => count = reader.count(),
            Payload::CustomSection(custom) => {
                let KnownCustom::Name(names) = custom.as_known() else {
                    continue;
                };
                for name in names {
                    let Name::Data(map) = name.map_err(read_error)? else {
                        continue;
                    };
                    for naming in map {
                        let naming = naming.map_err(read_error)?;
                        if naming.name.starts_with(".rodata") {
                            read_only.insert(naming.index);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok((0..count).filter(|i| !read_only.contains(i)).collect())
}

/// `chunk` with the data segments `which` left empty (kept, so that indices stay), and what
/// they held. Each must be active in memory 0 at a constant address.
fn take_segments(chunk: &[u8], which: &BTreeSet<u32>) -> Result<(Vec<u8>, Vec<Data>)> {
    if which.is_empty() {
        return Ok((chunk.to_vec(), Vec::new()));
    }
    let mut out = Module::new();
    let mut taken = Vec::new();
    for payload in Parser::new(0).parse_all(chunk) {
        match payload.map_err(read_error)? {
            Payload::DataSection(reader) => {
                let mut section = DataSection::new();
                for (index, segment) in (0u32..).zip(reader) {
                    let segment = segment.map_err(read_error)?;
                    if !which.contains(&index) {
                        RoundtripReencoder
                            .parse_data(&mut section, segment)
                            .map_err(encode_error)?;
                        continue;
                    }
                    let offset = constant_address(&segment.kind).ok_or_else(|| {
                        fail("a writable data segment not at a constant address of memory 0")
                    })?;
                    if !segment.data.is_empty() {
                        taken.push(Data {
                            offset,
                            bytes: segment.data.to_vec(),
                        });
                    }
                    section.active(0, &ConstExpr::i32_const(offset), []);
                }
                out.section(&section);
            }
            other => copy_section(&mut out, chunk, &other)?,
        }
    }
    Ok((out.finish(), taken))
}

/// The address of an active segment of memory 0 given as a lone `i32.const`.
fn constant_address(kind: &DataKind<'_>) -> Option<i32> {
    let DataKind::Active {
        memory_index: 0,
        offset_expr,
    } = kind
    else {
        return None;
    };
    let mut ops = offset_expr.get_operators_reader();
    match (ops.read(), ops.read()) {
        (Ok(Operator::I32Const { value }), Ok(Operator::End)) => Some(value),
        _ => None,
    }
}

/// `payload`'s section written into `out` as it is in `module` (nothing for what is not a
/// section, such as the end).
fn copy_section(out: &mut Module, module: &[u8], payload: &Payload<'_>) -> Result<()> {
    if let Some((id, range)) = payload.as_section() {
        out.section(&RawSection {
            id,
            data: slice(module, range)?,
        });
    }
    Ok(())
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
            other => copy_section(&mut out, module, &other)?,
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

/// What a module imports and defines, by index space.
#[derive(Default)]
struct Shape {
    /// (module, name, kind, index in its kind's space), in import order.
    imports: Vec<(String, String, ExternalKind, u32)>,
    types: u32,
    functions: u32,
    /// Imported functions, globals, tables, memories.
    imported: [u32; 4],
    defines_state: bool,
    elements: u32,
    data: u32,
    has: Vec<u8>,
}

fn kind_slot(kind: ExternalKind) -> Option<usize> {
    match kind {
        ExternalKind::Func => Some(0),
        ExternalKind::Global => Some(1),
        ExternalKind::Table => Some(2),
        ExternalKind::Memory => Some(3),
        _ => None,
    }
}

fn shape(module: &[u8]) -> Result<Shape> {
    let mut shape = Shape::default();
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload.map_err(read_error)?;
        if let Some((id, _)) = payload.as_section() {
            shape.has.push(id);
        }
        match payload {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(read_error)?;
                    let kind = match import.ty {
                        TypeRef::Func(_) => ExternalKind::Func,
                        TypeRef::Global(_) => ExternalKind::Global,
                        TypeRef::Table(_) => ExternalKind::Table,
                        TypeRef::Memory(_) => ExternalKind::Memory,
                        _ => ExternalKind::Tag,
                    };
                    let slot = kind_slot(kind).ok_or_else(|| fail("an import of a tag"))?;
                    shape.imports.push((
                        import.module.to_string(),
                        import.name.to_string(),
                        kind,
                        shape.imported[slot],
                    ));
                    shape.imported[slot] += 1;
                }
            }
            Payload::TypeSection(reader) => {
                for group in reader {
                    shape.types += u32::try_from(group.map_err(read_error)?.types().len())
                        .map_err(|_| fail("too many types"))?;
                }
            }
            Payload::FunctionSection(reader) => shape.functions = reader.count(),
            Payload::ElementSection(reader) => shape.elements = reader.count(),
            Payload::DataSection(reader) => shape.data = reader.count(),
            Payload::GlobalSection(r) if r.count() > 0 => shape.defines_state = true,
            Payload::TableSection(r) if r.count() > 0 => shape.defines_state = true,
            Payload::MemorySection(r) if r.count() > 0 => shape.defines_state = true,
            Payload::ExportSection(r) if r.count() > 0 => shape.defines_state = true,
            Payload::StartSection { .. } | Payload::TagSection(_) => shape.defines_state = true,
            _ => {}
        }
    }
    Ok(shape)
}

/// A chunk's indices as they are in the module it is folded into.
struct Remap {
    types: u32,
    /// The chunk's imports of each kind → the user's index of the same import.
    imported: [Vec<u32>; 4],
    imported_functions: u32,
    /// Where the chunk's own functions start in the user.
    functions: u32,
    elements: u32,
    data: u32,
}

impl Remap {
    fn imported(
        &self,
        slot: usize,
        index: u32,
    ) -> std::result::Result<u32, ReencodeError<crate::Error>> {
        usize::try_from(index)
            .ok()
            .and_then(|i| self.imported[slot].get(i).copied())
            .ok_or_else(|| ReencodeError::UserError(fail("an index past the chunk's imports")))
    }
}

impl Reencode for Remap {
    type Error = crate::Error;

    fn type_index(&mut self, ty: u32) -> std::result::Result<u32, ReencodeError<Self::Error>> {
        Ok(ty + self.types)
    }

    fn function_index(
        &mut self,
        func: u32,
    ) -> std::result::Result<u32, ReencodeError<Self::Error>> {
        if func < self.imported_functions {
            self.imported(0, func)
        } else {
            Ok(self.functions + func - self.imported_functions)
        }
    }

    fn global_index(
        &mut self,
        global: u32,
    ) -> std::result::Result<u32, ReencodeError<Self::Error>> {
        self.imported(1, global)
    }

    fn table_index(&mut self, table: u32) -> std::result::Result<u32, ReencodeError<Self::Error>> {
        self.imported(2, table)
    }

    fn memory_index(
        &mut self,
        memory: u32,
    ) -> std::result::Result<u32, ReencodeError<Self::Error>> {
        self.imported(3, memory)
    }

    fn element_index(
        &mut self,
        element: u32,
    ) -> std::result::Result<u32, ReencodeError<Self::Error>> {
        Ok(element + self.elements)
    }

    fn data_index(&mut self, data: u32) -> std::result::Result<u32, ReencodeError<Self::Error>> {
        Ok(data + self.data)
    }
}

fn encode_error<E: std::fmt::Debug>(e: ReencodeError<E>) -> crate::Error {
    fail(format!("re-encoding: {e:?}"))
}

/// The bytes of `range` in `module`.
fn slice(module: &[u8], range: std::ops::Range<u64>) -> Result<&[u8]> {
    usize::try_from(range.start)
        .ok()
        .zip(usize::try_from(range.end).ok())
        .and_then(|(start, end)| module.get(start..end))
        .ok_or_else(|| fail("a range beyond the module's end"))
}

/// `user` with everything `chunk` defines appended: its types, its functions (and their code),
/// its element and data segments, their indices moved to where they now are and its imports
/// mapped to `user`'s imports of the same name. Fails when `chunk` imports what `user` does not,
/// defines state of its own (a global, table, memory, export or start), or has a section `user`
/// lacks.
pub fn with_functions(user: &[u8], chunk: &[u8]) -> Result<Vec<u8>> {
    let (u, c) = (shape(user)?, shape(chunk)?);
    if c.defines_state {
        return Err(fail("the chunk defines state of its own"));
    }
    let mut imported: [Vec<u32>; 4] = Default::default();
    for (module, name, kind, _) in &c.imports {
        let slot = kind_slot(*kind).ok_or_else(|| fail("an import of a tag"))?;
        let found = u
            .imports
            .iter()
            .find(|(m, n, k, _)| m == module && n == name && k == kind)
            .ok_or_else(|| {
                fail(format!(
                    "the chunk imports {module}::{name}, its user does not"
                ))
            })?;
        imported[slot].push(found.3);
    }
    // Types, functions, code and elements are appended to the user's own sections.
    for id in [1u8, 3, 9, 10] {
        if c.has.contains(&id) && !u.has.contains(&id) {
            return Err(fail(format!(
                "the user has no section {id} to take the chunk's"
            )));
        }
    }
    let mut remap = Remap {
        types: u.types,
        imported,
        imported_functions: c.imported[0],
        functions: u.imported[0] + u.functions,
        elements: u.elements,
        data: u.data,
    };
    let (mut types, mut functions, mut elements, mut data) = (None, None, None, None);
    let mut bodies = Vec::new();
    for payload in Parser::new(0).parse_all(chunk) {
        match payload.map_err(read_error)? {
            Payload::TypeSection(r) => types = Some(r),
            Payload::FunctionSection(r) => functions = Some(r),
            Payload::CodeSectionEntry(body) => bodies.push(body),
            Payload::ElementSection(r) => elements = Some(r),
            Payload::DataSection(r) => data = Some(r),
            _ => {}
        }
    }
    let chunk_data = data.as_ref().map_or(0, |r| r.count());
    // The user's section of a kind, re-encoded as it is, with the chunk's appended.
    macro_rules! both {
        ($section:ident, $parse:ident, $user:expr, $chunk:ident) => {{
            let mut section = $section::new();
            RoundtripReencoder
                .$parse(&mut section, $user)
                .map_err(encode_error)?;
            if let Some(theirs) = $chunk.take() {
                remap.$parse(&mut section, theirs).map_err(encode_error)?;
            }
            section
        }};
    }
    let mut out = Module::new();
    let mut code: Option<(CodeSection, u32)> = None;
    let mut data_written = false;
    for payload in Parser::new(0).parse_all(user) {
        let payload = payload.map_err(read_error)?;
        match payload {
            Payload::TypeSection(r) => {
                out.section(&both!(TypeSection, parse_type_section, r, types));
            }
            Payload::FunctionSection(r) => {
                out.section(&both!(
                    FunctionSection,
                    parse_function_section,
                    r,
                    functions
                ));
            }
            Payload::ElementSection(r) => {
                out.section(&both!(ElementSection, parse_element_section, r, elements));
            }
            Payload::CodeSectionStart { count, .. } => code = Some((CodeSection::new(), count)),
            Payload::CodeSectionEntry(body) => {
                let Some((section, left)) = code.as_mut() else {
                    return Err(fail("a function body outside the code section"));
                };
                section.raw(slice(user, body.range())?);
                *left -= 1;
                if *left == 0 {
                    for body in bodies.drain(..) {
                        remap
                            .parse_function_body(section, body)
                            .map_err(encode_error)?;
                    }
                    out.section(section);
                }
            }
            Payload::DataCountSection { count, .. } => {
                out.section(&DataCountSection {
                    count: count + chunk_data,
                });
            }
            Payload::DataSection(r) => {
                out.section(&both!(DataSection, parse_data_section, r, data));
                data_written = true;
            }
            other => copy_section(&mut out, user, &other)?,
        }
    }
    if !bodies.is_empty() {
        return Err(fail("the user's code section is empty"));
    }
    if let Some(theirs) = data.take().filter(|_| !data_written) {
        let mut section = DataSection::new();
        remap
            .parse_data_section(&mut section, theirs)
            .map_err(encode_error)?;
        out.section(&section);
    }
    Ok(out.finish())
}

/// What [`fold_chunks`] did.
#[derive(Debug, Default)]
pub struct Folded {
    /// The chunks folded (their files are gone).
    pub chunks: Vec<String>,
    /// Their writable data, for the main module ([`with_data`]).
    pub for_main: Vec<Data>,
}

/// Folds the shared chunks in `dir` (wasm-split's output) into the split modules that wait for
/// them, per `prefetch` (split point → its files, wasm-split's prefetch map), which loses them
/// too; their files are removed. A chunk of data alone is always folded; one with functions
/// when it is at most [`SMALL`] bytes and every user can take it. A folded chunk's writable data
/// is returned for the main module instead of copied into its users.
pub fn fold_chunks(dir: &Path, prefetch: &mut HashMap<String, Vec<String>>) -> Result<Folded> {
    let mut users: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (split, files) in prefetch.iter() {
        for file in files.iter().filter(|f| f.starts_with("chunk_")) {
            users.entry(file.clone()).or_default().push(split.clone());
        }
    }
    let mut folded = Folded::default();
    for (chunk, splits) in users {
        let path = dir.join(format!("{chunk}.wasm"));
        let bytes = fs::read(&path).map_err(io(format!("reading {}", path.display())))?;
        let (bytes, for_main) = take_segments(&bytes, &writable(&bytes)?)?;
        let data = data_only(&bytes)?;
        if data.is_none() && bytes.len() > SMALL {
            continue;
        }
        let mut written = Vec::new();
        for split in &splits {
            let own = dir.join(format!("split_{split}.wasm"));
            let module = fs::read(&own).map_err(io(format!("reading {}", own.display())))?;
            let module = match &data {
                Some(data) => with_data(&module, data)
                    .map_err(|e| fail(format!("folding {chunk} into {}: {e}", own.display())))?,
                None => match with_functions(&module, &bytes) {
                    Ok(module) => module,
                    // This chunk stays a chunk.
                    Err(_) => break,
                },
            };
            written.push((own, module));
        }
        if written.len() != splits.len() {
            continue;
        }
        for (own, module) in written {
            fs::write(&own, module).map_err(io(format!("writing {}", own.display())))?;
        }
        for split in &splits {
            if let Some(files) = prefetch.get_mut(split) {
                files.retain(|f| *f != chunk);
            }
        }
        fs::remove_file(&path).map_err(io(format!("removing {}", path.display())))?;
        folded.chunks.push(chunk);
        folded.for_main.extend(for_main);
    }
    Ok(folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        EntityType, ExportKind, ExportSection, Function, ImportSection, Instruction, MemoryType,
        NameMap, NameSection,
    };

    /// The name section wasm-split writes: each data segment's name, by index.
    fn data_names(module: &mut Module, names: &[&str]) {
        let mut map = NameMap::new();
        for (index, name) in (0u32..).zip(names) {
            map.append(index, name);
        }
        let mut section = NameSection::new();
        section.data(&map);
        module.section(&section);
    }

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
        data_names(&mut module, &[".rodata", ".rodata"]);
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
        let folded = fold_chunks(&dir, &mut prefetch).expect("folded");
        assert_eq!(folded.chunks, ["chunk_1"]);
        assert!(folded.for_main.is_empty());
        assert!(!dir.join("chunk_1.wasm").exists());
        assert_eq!(prefetch["a"], ["split_a"]);
        assert_eq!(prefetch["b"], ["split_b"]);
        for split in ["split_a", "split_b"] {
            let module = fs::read(dir.join(format!("{split}.wasm"))).expect("read");
            assert!(segments(&module).contains(&(1024, b"shared words".to_vec())));
        }
        let _ = fs::remove_dir_all(&dir);
    }

    fn table_type() -> wasm_encoder::TableType {
        wasm_encoder::TableType {
            element_type: wasm_encoder::RefType::FUNCREF,
            minimum: 8,
            maximum: None,
            table64: false,
            shared: false,
        }
    }

    fn stack_pointer() -> EntityType {
        EntityType::Global(wasm_encoder::GlobalType {
            val_type: wasm_encoder::ValType::I32,
            mutable: true,
            shared: false,
        })
    }

    /// A split module as wasm-split writes one: the memory, the table and the stack pointer
    /// imported, a function put into table slot 0, its own data.
    fn function_user() -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], [wasm_encoder::ValType::I32]);
        module.section(&types);
        let mut imports = ImportSection::new();
        memory_import(&mut imports);
        imports.import("__wasm_split", "__indirect_function_table", table_type());
        imports.import("__wasm_split", "__wasm_split_shared0", stack_pointer());
        module.section(&imports);
        let mut functions = FunctionSection::new();
        functions.function(0);
        module.section(&functions);
        let mut elements = ElementSection::new();
        elements.active(
            Some(0),
            &ConstExpr::i32_const(0),
            wasm_encoder::Elements::Functions(std::borrow::Cow::Borrowed(&[0])),
        );
        module.section(&elements);
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instruction(&Instruction::I32Const(1));
        body.instruction(&Instruction::End);
        code.function(&body);
        module.section(&code);
        let mut data = DataSection::new();
        data.active(0, &ConstExpr::i32_const(2048), b"own".iter().copied());
        module.section(&data);
        module.finish()
    }

    /// A shared chunk: the same imports in another order (and `extra` if given), two functions
    /// (the second calls the first, and one through the table, and reads the stack pointer), put
    /// into table slots 1 and 2, and data of its own.
    fn function_chunk(extra: Option<&str>) -> Vec<u8> {
        chunk_with_state(extra, false)
    }

    /// [`function_chunk`], with a static the code writes (`.data`) when `state`.
    fn chunk_with_state(extra: Option<&str>, state: bool) -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types
            .ty()
            .function([wasm_encoder::ValType::I32], [wasm_encoder::ValType::I32]);
        types.ty().function([], [wasm_encoder::ValType::I32]);
        module.section(&types);
        let mut imports = ImportSection::new();
        imports.import("__wasm_split", "__wasm_split_shared0", stack_pointer());
        imports.import("__wasm_split", "__indirect_function_table", table_type());
        memory_import(&mut imports);
        if let Some(name) = extra {
            imports.import("__wasm_split", name, EntityType::Function(1));
        }
        module.section(&imports);
        let imported = u32::from(extra.is_some());
        let mut functions = FunctionSection::new();
        functions.function(1);
        functions.function(0);
        module.section(&functions);
        let mut elements = ElementSection::new();
        let slots = [imported, imported + 1];
        elements.active(
            Some(0),
            &ConstExpr::i32_const(1),
            wasm_encoder::Elements::Functions(std::borrow::Cow::Borrowed(&slots)),
        );
        module.section(&elements);
        let mut code = CodeSection::new();
        let mut first = Function::new([]);
        first.instruction(&Instruction::GlobalGet(0));
        first.instruction(&Instruction::End);
        code.function(&first);
        let mut second = Function::new([]);
        second.instruction(&Instruction::Call(imported));
        second.instruction(&Instruction::LocalGet(0));
        second.instruction(&Instruction::CallIndirect {
            type_index: 1,
            table_index: 0,
        });
        second.instruction(&Instruction::I32Add);
        second.instruction(&Instruction::End);
        code.function(&second);
        module.section(&code);
        let mut data = DataSection::new();
        data.active(0, &ConstExpr::i32_const(1024), b"shared".iter().copied());
        let mut names = vec![".rodata"];
        if state {
            data.active(0, &ConstExpr::i32_const(3072), b"state".iter().copied());
            names.push(".data");
        }
        module.section(&data);
        data_names(&mut module, &names);
        module.finish()
    }

    /// Each function's type index and the calls (and global reads) in its body.
    type Functions<'a> = Vec<(u32, Vec<Operator<'a>>)>;
    /// Each element segment's offset and functions.
    type Slots = Vec<(i32, Vec<u32>)>;

    /// A module's functions, in order, and its element segments.
    fn functions_and_slots(module: &[u8]) -> (Functions<'_>, Slots) {
        let mut types = Vec::new();
        let mut bodies = Vec::new();
        let mut slots = Vec::new();
        for payload in Parser::new(0).parse_all(module) {
            match payload.expect("valid") {
                Payload::FunctionSection(r) => {
                    types.extend(r.into_iter().map(|t| t.expect("type")))
                }
                Payload::CodeSectionEntry(body) => {
                    let calls = body
                        .get_operators_reader()
                        .expect("operators")
                        .into_iter()
                        .map(|op| op.expect("operator"))
                        .filter(|op| {
                            matches!(
                                op,
                                Operator::Call { .. }
                                    | Operator::CallIndirect { .. }
                                    | Operator::GlobalGet { .. }
                            )
                        })
                        .collect();
                    bodies.push(calls);
                }
                Payload::ElementSection(r) => {
                    for element in r {
                        let element = element.expect("element");
                        let wasmparser::ElementKind::Active { offset_expr, .. } = element.kind
                        else {
                            continue;
                        };
                        let Ok(Operator::I32Const { value }) =
                            offset_expr.get_operators_reader().read()
                        else {
                            continue;
                        };
                        let wasmparser::ElementItems::Functions(items) = element.items else {
                            continue;
                        };
                        slots.push((
                            value,
                            items.into_iter().map(|f| f.expect("function")).collect(),
                        ));
                    }
                }
                _ => {}
            }
        }
        (types.into_iter().zip(bodies).collect(), slots)
    }

    #[test]
    fn a_chunks_functions_join_the_module_in_the_same_table_slots() {
        let folded = with_functions(&function_user(), &function_chunk(None)).expect("folded");
        wasmparser::validate(&folded).expect("a valid module");
        let (functions, slots) = functions_and_slots(&folded);
        // The user's function, then the chunk's two with their types moved past the user's one.
        assert_eq!(functions.len(), 3);
        assert_eq!(functions[0].0, 0);
        assert_eq!(functions[1].0, 2);
        assert_eq!(functions[2].0, 1);
        // The chunk's calls: to its own first function (now 1), through type 2, the stack
        // pointer (global 0 in both).
        assert_eq!(functions[1].1, [Operator::GlobalGet { global_index: 0 }]);
        assert_eq!(
            functions[2].1,
            [
                Operator::Call { function_index: 1 },
                Operator::CallIndirect {
                    type_index: 2,
                    table_index: 0
                }
            ]
        );
        assert_eq!(slots, [(0, vec![0]), (1, vec![1, 2])]);
        assert_eq!(
            segments(&folded),
            [(2048, b"own".to_vec()), (1024, b"shared".to_vec())]
        );
    }

    #[test]
    fn a_chunk_that_imports_what_its_user_does_not_stays_a_chunk() {
        let error = with_functions(&function_user(), &function_chunk(Some("__other")))
            .expect_err("refused");
        assert!(error.to_string().contains("__other"), "{error}");
        let dir = crate::link::tests::scratch("fold-functions");
        fs::create_dir_all(&dir).expect("dir");
        fs::write(dir.join("chunk_3.wasm"), function_chunk(Some("__other"))).expect("write");
        fs::write(dir.join("chunk_4.wasm"), function_chunk(None)).expect("write");
        fs::write(dir.join("split_a.wasm"), function_user()).expect("write");
        fs::write(dir.join("split_b.wasm"), function_user()).expect("write");
        let mut prefetch: HashMap<String, Vec<String>> = HashMap::from([
            (
                "a".into(),
                vec!["chunk_3".into(), "chunk_4".into(), "split_a".into()],
            ),
            (
                "b".into(),
                vec!["chunk_3".into(), "chunk_4".into(), "split_b".into()],
            ),
        ]);
        let folded = fold_chunks(&dir, &mut prefetch).expect("folded");
        assert_eq!(folded.chunks, ["chunk_4"]);
        assert!(dir.join("chunk_3.wasm").exists());
        assert!(!dir.join("chunk_4.wasm").exists());
        assert_eq!(prefetch["a"], ["chunk_3", "split_a"]);
        for split in ["split_a", "split_b"] {
            let module = fs::read(dir.join(format!("{split}.wasm"))).expect("read");
            wasmparser::validate(&module).expect("a valid module");
            assert_eq!(functions_and_slots(&module).0.len(), 3);
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_chunks_writable_data_goes_to_the_main_module_not_to_each_user() {
        let chunk = chunk_with_state(None, true);
        assert_eq!(writable(&chunk).expect("names"), BTreeSet::from([1]));
        let dir = crate::link::tests::scratch("fold-state");
        fs::create_dir_all(&dir).expect("dir");
        fs::write(dir.join("chunk_5.wasm"), &chunk).expect("write");
        fs::write(dir.join("split_a.wasm"), function_user()).expect("write");
        fs::write(dir.join("split_b.wasm"), function_user()).expect("write");
        let mut prefetch: HashMap<String, Vec<String>> = HashMap::from([
            ("a".into(), vec!["chunk_5".into(), "split_a".into()]),
            ("b".into(), vec!["chunk_5".into(), "split_b".into()]),
        ]);
        let folded = fold_chunks(&dir, &mut prefetch).expect("folded");
        assert_eq!(folded.chunks, ["chunk_5"]);
        // Loading the second user must not write the static again.
        assert_eq!(
            folded.for_main,
            [Data {
                offset: 3072,
                bytes: b"state".to_vec()
            }]
        );
        for split in ["split_a", "split_b"] {
            let module = fs::read(dir.join(format!("{split}.wasm"))).expect("read");
            wasmparser::validate(&module).expect("a valid module");
            let written: Vec<_> = segments(&module)
                .into_iter()
                .filter(|(_, bytes)| !bytes.is_empty())
                .collect();
            assert_eq!(
                written,
                [(2048, b"own".to_vec()), (1024, b"shared".to_vec())]
            );
        }
        let _ = fs::remove_dir_all(&dir);
    }
}
