"""wasm-rename.py FILE [--export OLD=NEW] [--import-module OLD=NEW]: renames, in place, one export
of a wasm module and/or every import from one module name. Each rename must match. Also a library
for scripts/lib/short-imports.py (`shorten_imports`).

Used by scripts/lib/wasm-link on the main module that wasm-split leaves:
- wasm-bindgen drops the function table's lld export (`__indirect_function_table`) unless run
  with --keep-lld-exports, which trunk cannot pass; the section chunks need that table, and
  under another name wasm-bindgen keeps it.
- the chunk loader's module name gets the build's hash, so the glue wasm-bindgen writes imports
  the loader of its own build (a page left open across a redeploy never mixes builds)."""
import argparse
from typing import Callable


def read_leb(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def leb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def read_name(data: bytes, pos: int) -> tuple[str, int]:
    length, pos = read_leb(data, pos)
    return data[pos:pos + length].decode(), pos + length


def name(text: str) -> bytes:
    encoded = text.encode()
    return leb(len(encoded)) + encoded


def skip_limits(data: bytes, pos: int) -> int:
    flags = data[pos]
    _, pos = read_leb(data, pos + 1)
    if flags & 1:
        _, pos = read_leb(data, pos)
    return pos


def skip_import_desc(data: bytes, pos: int) -> int:
    kind = data[pos]
    pos += 1
    if kind == 0:  # function: type index
        return read_leb(data, pos)[1]
    if kind == 1:  # table: reference type, limits
        return skip_limits(data, pos + 1)
    if kind == 2:  # memory: limits
        return skip_limits(data, pos)
    if kind == 3:  # global: value type, mutability
        return pos + 2
    if kind == 4:  # tag: attribute, type index
        return read_leb(data, pos + 1)[1]
    raise SystemExit(f"wasm-rename: unknown import kind {kind}")


def rename(
    module: bytes,
    exports: dict[str, str],
    import_modules: dict[str, str],
    import_field: Callable[[str, str], str] | None = None,
) -> bytes:
    """Renames exports and the modules imported from, each of which must be found; with
    `import_field`, every import's name becomes `import_field(module, name)`."""
    out = bytearray(module[:8])
    pos = 8
    seen: set[str] = set()
    while pos < len(module):
        section_id = module[pos]
        size, body = read_leb(module, pos + 1)
        end = body + size
        if section_id == 2 and (import_modules or import_field):
            count, p = read_leb(module, body)
            entries = bytearray(leb(count))
            for _ in range(count):
                module_name, p = read_name(module, p)
                field, p = read_name(module, p)
                desc_end = skip_import_desc(module, p)
                if import_field:
                    field = import_field(module_name, field)
                if module_name in import_modules:
                    seen.add(f"import module {module_name}")
                    module_name = import_modules[module_name]
                entries += name(module_name) + name(field) + module[p:desc_end]
                p = desc_end
            out += bytes([2]) + leb(len(entries)) + entries
        elif section_id == 7 and exports:
            count, p = read_leb(module, body)
            entries = bytearray(leb(count))
            for _ in range(count):
                export, p = read_name(module, p)
                _, after = read_leb(module, p + 1)  # kind byte, then index
                if export in exports:
                    seen.add(f"export {export}")
                    export = exports[export]
                entries += name(export) + module[p:after]
                p = after
            out += bytes([7]) + leb(len(entries)) + entries
        else:
            out += module[pos:end]
        pos = end
    wanted = {f"export {e}" for e in exports} | {f"import module {m}" for m in import_modules}
    if wanted - seen:
        raise SystemExit(f"wasm-rename: not found: {', '.join(sorted(wanted - seen))}")
    return bytes(out)


def short_name(index: int) -> str:
    """"a" … "z", "A" … "Z", "aa", "ab", …: the index-th shortest names, in order."""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    index += 1
    while index:
        index -= 1
        text = letters[index % len(letters)] + text
        index //= len(letters)
    return text


def shorten_imports(module: bytes, from_module: str) -> tuple[bytes, dict[str, str]]:
    """Gives every import from `from_module` a short name; returns the module and the names
    given (old -> new)."""
    given: dict[str, str] = {}

    def short(module_name: str, field: str) -> str:
        if module_name != from_module:
            return field
        return given.setdefault(field, short_name(len(given)))

    renamed = rename(module, {}, {}, short)
    if not given:
        raise SystemExit(f"wasm-rename: no imports from {from_module}")
    return renamed, given


def import_modules(module: bytes) -> set[str]:
    """The module names the module imports from."""
    pos = 8
    while pos < len(module):
        size, body = read_leb(module, pos + 1)
        if module[pos] == 2:
            count, p = read_leb(module, body)
            found = set()
            for _ in range(count):
                module_name, p = read_name(module, p)
                _, p = read_name(module, p)
                p = skip_import_desc(module, p)
                found.add(module_name)
            return found
        pos = body + size
    return set()


def pairs(values: list[str]) -> dict[str, str]:
    return dict(value.split("=", 1) for value in values)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--export", action="append", default=[], metavar="OLD=NEW")
    parser.add_argument("--import-module", action="append", default=[], metavar="OLD=NEW")
    args = parser.parse_args()
    with open(args.file, "rb") as f:
        data = f.read()
    renamed = rename(data, pairs(args.export), pairs(args.import_module))
    with open(args.file, "wb") as f:
        f.write(renamed)
