"""Trunk post_build hook: puts the section chunks that scripts/lib/wasm-link split off the main
module into the staging dist, with their loader. Each chunk is optimised like the main module
(wasm-opt -Oz, release only) and named by a hash of its content; the loader gets the name the
main module imports it by, which carries the build's id. All names are thus unique per build,
and deploy/nginx.conf caches them for a year. Does nothing when the build has no split points."""
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

loader = replace_once(loader, 'from "./main.js"', f'from "./{glue.name}"')
# wasm-link renamed the table's export (wasm-bindgen drops it under its lld name).
loader = replace_once(
    loader, "const { __indirect_function_table,", "const { __wasm_split_table: __indirect_function_table,"
)
(staging / loader_name).write_text(loader, encoding="utf-8")
