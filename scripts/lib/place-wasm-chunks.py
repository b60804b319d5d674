"""Trunk post_build hook: puts the section chunks that scripts/lib/wasm-link split off the main
module into the staging dist, and their loader into the wasm-bindgen glue. Each chunk is
optimised like the main module (wasm-opt -Oz, release only) and named by a hash of its content;
the glue's name is trunk's hash of its own content, which names the chunks. All names are thus
unique per build, and deploy/nginx.conf caches them for a year. Does nothing when the build has
no split points."""
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess

staging = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
profile = os.environ.get("TRUNK_PROFILE", "debug")

# trunk's wasm-bindgen glue: the one JS file that imports the loader.
LOADER_IMPORT = re.compile(r'from "\./(__wasm_split-[0-9a-f]{16}\.js)"')
imports = {
    match.group(1): path
    for path in staging.glob("*.js")
    for match in LOADER_IMPORT.finditer(path.read_text(encoding="utf-8"))
}
if not imports:
    raise SystemExit(0)
if len(imports) != 1:
    raise SystemExit(f"expected one chunk loader imported by one glue file, found {imports}")
[(loader_name, glue)] = imports.items()

metadata = json.loads(
    subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        check=True, capture_output=True, text=True,
    ).stdout
)
split_dir = pathlib.Path(metadata["target_directory"]) / "wasm32-unknown-unknown" / profile / "wasm-split"
loader_path = split_dir / "__wasm_split.js"
if not loader_path.is_file():
    raise SystemExit(f"{loader_path} is missing: the wasm was not linked by scripts/lib/wasm-link")
loader = loader_path.read_text(encoding="utf-8")


def replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise SystemExit(f"__wasm_split.js: expected one {old!r}")
    return text.replace(old, new)


for chunk in sorted(split_dir.glob("*.wasm")):
    staged = staging / chunk.name
    if profile == "release":
        subprocess.run(["wasm-opt", "-Oz", str(chunk), "-o", str(staged)], check=True)
    else:
        shutil.copyfile(chunk, staged)
    digest = hashlib.sha256(staged.read_bytes()).hexdigest()[:16]
    hashed = f"{chunk.stem}-{digest}.wasm"
    staged.rename(staging / hashed)
    loader = replace_once(loader, f'"./{chunk.name}"', f'"./{hashed}"')

# wasm-link renamed the table's export (wasm-bindgen drops it under its lld name).
loader = replace_once(
    loader, "const { __indirect_function_table,", "const { __wasm_split_table: __indirect_function_table,"
)
# The loader goes into the glue, in place of the glue's imports of it: one request fewer on every
# page. In the glue, `initSync` is the glue's own function; the loader's exports become the
# properties of one object, which the glue hands to the main module under the same module name.
# (scripts/lib/minify-js.py, the next step, updates the glue's integrity hash in index.html.)
body = replace_once(loader, 'import { initSync } from "./main.js";', "")
body = body.replace("export const ", "const ")
names = re.findall(r"^const (__wasm_split_load_\w+) =", body, re.M)
if not names:
    raise SystemExit("__wasm_split.js: no loader exports found")
inline = (
    "const __wasm_split_loader = (() => {\n" + body
    + "\nreturn { " + ", ".join(names) + " };\n})();\n"
)
glue_text = glue.read_text(encoding="utf-8")
glue_import = re.compile(r'^import \* as (\w+) from "\./' + re.escape(loader_name) + r'";?\n', re.M)
if not glue_import.search(glue_text):
    raise SystemExit(f"{glue.name}: no import of {loader_name}")
glue_text = glue_import.sub(lambda m: f"const {m.group(1)} = __wasm_split_loader;\n", glue_text)
glue.write_text(inline + glue_text, encoding="utf-8")
