"""Trunk post_build hook (release only): short names ("a", "b", …) for the main module's imports
from the wasm-bindgen glue, in the module and in the glue alike. wasm-bindgen names each one
`__wbg_<function>_<16 hex digits>`, nearly incompressible: about 7.6 KB gzip on every page
(docs/PERFORMANCE.md). No option of wasm-bindgen or wasm-opt does
it (wasm-opt's --minify-imports renames only imports from "env"). Runs after
place-wasm-chunks.py, before minify-js.py (which updates the glue's integrity hash); updates the
module's. The chunks import only the loader's table and memory: they are not touched."""
import base64
import hashlib
import importlib.util
import os
import pathlib
import re

if os.environ.get("TRUNK_PROFILE") != "release":
    raise SystemExit(0)
here = pathlib.Path(__file__).parent
spec = importlib.util.spec_from_file_location("wasm_rename", here / "wasm-rename.py")
wasm_rename = importlib.util.module_from_spec(spec)
spec.loader.exec_module(wasm_rename)

staging = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
index = staging / "index.html"
html = index.read_text(encoding="utf-8")
# The main module and its glue, as index.html names them.
[module_path] = [p for p in staging.glob("*_bg.wasm") if p.name in html]
glue = staging / module_path.name.replace("_bg.wasm", ".js")
data = module_path.read_bytes()
# The glue's module name: wasm-bindgen's `./<crate>_bg.js`.
[from_glue] = [m for m in wasm_rename.import_modules(data) if m.endswith("_bg.js")]
data, given = wasm_rename.shorten_imports(data, from_glue)

text = glue.read_text(encoding="utf-8")
for old, new in given.items():
    # Each is a key of the glue's imports object, `name: function(…)`, and nothing else.
    text, count = re.subn(r"(?<![\w$])" + re.escape(old) + r"(?=:)", new, text)
    if count != 1:
        raise SystemExit(f"short-imports: {old} is {count} times a key in {glue.name}, not once")
glue.write_text(text, encoding="utf-8")
module_path.write_bytes(data)

digest = base64.b64encode(hashlib.sha384(data).digest()).decode()
tag = re.compile(r'(<link[^>]*?href="?[^"\s>]*/' + re.escape(module_path.name) + r'"?[^>]*?integrity="?)sha384-[A-Za-z0-9+/=]+')
html, count = tag.subn(lambda m: m.group(1) + "sha384-" + digest, html)
if count != 1:
    raise SystemExit(f"short-imports: expected one integrity for {module_path.name}, found {count}")
index.write_text(html, encoding="utf-8")
print(f"short-imports: {len(given)} imports of {module_path.name} renamed")
