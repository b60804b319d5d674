"""Trunk post_build hook: puts the section chunks that scripts/lib/wasm-link split off the main
module into the staging dist, and their loader into the wasm-bindgen glue. Each chunk is
optimised like the main module (wasm-opt with index.html's options, release only) and named by
a hash of its content; the glue's name is trunk's hash of its own content, which names the chunks. All names are thus
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
        # index.html's data-wasm-opt="z" and data-wasm-opt-params (0.4 KB less on Hotkeys' chunk).
        opt = ["-Oz", "--converge", "--low-memory-unused", "--strip-producers"]
        subprocess.run(["wasm-opt", *opt, str(chunk), "-o", str(staged)], check=True)
    else:
        shutil.copyfile(chunk, staged)
    digest = hashlib.sha256(staged.read_bytes()).hexdigest()[:16]
    hashed = f"{chunk.stem}-{digest}.wasm"
    staged.rename(staging / hashed)
    loader = replace_once(loader, f'"./{chunk.name}"', f'"./{hashed}"')

# Which files each split point needs: its own and the shared chunks it waits for.
chunk_files = dict(re.findall(r'const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([^"]+)"', loader))
split_files = {}
for name, own, deps in re.findall(
    r'export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([^"]+)".*?\n, \[([^\]]*)\]\)\)', loader, re.S
):
    split_files[name] = [own] + [chunk_files[d.strip()] for d in deps.split(",") if d.strip()]
# The chunks the page in the address needs first are fetched as the page starts, beside the main
# module, instead of after it has started (about 60-90 ms sooner on a cold load of Hotkeys): a
# section's (src/pages/section_code.rs) and its language's words (src/i18n.rs; boot.js has set
# <html lang> by then). The first load of each file takes that response; any later one fetches
# again, so Try again after a failure is a new request. Names checked here: a renamed split point
# fails the build instead of silently fetching nothing.
EARLY = {
    "section": {"hotkeys": "section_hotkeys", "email-preferences": "sections",
                "membership-info": "sections", "personal-access-token": "sections",
                "legacy-token": "sections"},
    "lang": {"zh-CN": "lang_zh_main", "en-XA": "lang_pseudo"},
    "section_lang": {"hotkeys zh-CN": "lang_zh_hotkeys"},
}
for table in EARLY.values():
    for split in table.values():
        if split not in split_files:
            raise SystemExit(f"place-wasm-chunks.py: no split point {split!r} (found {sorted(split_files)})")
# The slugs and languages are the app's own (src/domain/sections.rs, public/boot.js): every
# section but Personal info (in the main module) must be here, and nothing else.
root = pathlib.Path(__file__).resolve().parents[2]
sections_rs = (root / "src/domain/sections.rs").read_text(encoding="utf-8")
slug_fn = re.search(r"pub fn slug\(self\).*?\n    \}", sections_rs, re.S)
slugs = set(re.findall(r'=> "([a-z-]+)"', slug_fn.group(0) if slug_fn else ""))
if set(EARLY["section"]) != slugs - {"personal-info"}:
    raise SystemExit(f"place-wasm-chunks.py: EARLY sections {sorted(EARLY['section'])} are not the split sections of src/domain/sections.rs {sorted(slugs - {'personal-info'})}")
boot_langs = re.search(r"\^\(([^)]*)\)\$", (root / "public/boot.js").read_text(encoding="utf-8"))
langs = set(boot_langs.group(1).split("|")) if boot_langs else set()
early_langs = set(EARLY["lang"]) | {key.split(" ")[1] for key in EARLY["section_lang"]}
early_slugs = {key.split(" ")[0] for key in EARLY["section_lang"]}
if not early_langs <= langs or not early_slugs <= slugs:
    raise SystemExit(f"place-wasm-chunks.py: EARLY names languages {sorted(early_langs)} or sections {sorted(early_slugs)} the app does not have")
early_js = """
const __early = new Map();
function __fetchChunk(url) {
  const early = __early.get(url.href);
  if (early) { __early.delete(url.href); return early; }
  return fetch(url);
}
(() => {
  const files = %s, early = %s;
  const slug = (location.pathname.match(/\\/user\\/account\\/([a-z-]+)\\/?$/) || [])[1];
  const lang = document.documentElement.lang;
  for (const split of [early.section[slug], early.lang[lang], early.section_lang[slug + " " + lang]]) {
    for (const file of files[split] || []) {
      const url = new URL("./" + file, import.meta.url).href;
      if (__early.has(url)) continue;
      const response = fetch(url);
      response.catch(() => {});
      __early.set(url, response);
    }
  }
})();
"""

# wasm-link renamed the table's export (wasm-bindgen drops it under its lld name).
loader = replace_once(
    loader, "const { __indirect_function_table,", "const { __wasm_split_table: __indirect_function_table,"
)
# The loader goes into the glue, in place of the glue's imports of it: one request fewer on every
# page. In the glue, `initSync` is the glue's own function; the loader's exports become the
# properties of one object, which the glue hands to the main module under the same module name.
# (scripts/lib/minify-js.py, the next step, updates the glue's integrity hash in index.html.)
body = replace_once(loader, 'import { initSync } from "./main.js";', "")
fetches = body.count("const src = fetch(new URL(")
if fetches != len(chunk_files) + len(split_files):
    raise SystemExit(f"__wasm_split.js: {fetches} fetches, {len(chunk_files)} chunks, {len(split_files)} split points")
body = body.replace("const src = fetch(new URL(", "const src = __fetchChunk(new URL(")
body = early_js % (json.dumps(split_files), json.dumps(EARLY)) + body
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
