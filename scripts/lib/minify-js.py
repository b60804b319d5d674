"""Trunk post_build hook (release only): minifies the wasm-bindgen glue and the chunk loader with
terser (scripts/release-tools/node_modules). trunk's own minifier gives up on the glue (it cannot parse it)
and leaves it whole. The glue's integrity hash in index.html is updated to match; file names stay
(they already change with every build)."""
import base64
import hashlib
import os
import pathlib
import re
import subprocess

if os.environ.get("TRUNK_PROFILE") != "release":
    raise SystemExit(0)
staging = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
index = staging / "index.html"
html = index.read_text(encoding="utf-8")

# The glue (trunk's name) and the chunk loader (scripts/lib/wasm-link's); trunk's loader and
# boot.js are short and minified by trunk. trunk's hash drops leading zeros (14 or 15 digits in
# one build of 16), so the length is not fixed.
targets = [p for p in staging.glob("*.js") if re.fullmatch(r".+-[0-9a-f]{1,16}\.js", p.name)
           and not p.name.startswith(("loader-", "boot-"))]
# The glue must be among them: it is rewritten by the step before, and an integrity hash left
# stale blocks the whole page.
if not any(p.name in html for p in targets):
    raise SystemExit("minify-js: the wasm-bindgen glue named in index.html was not found")
for path in targets:
    subprocess.run(
        ["terser", str(path), "--module", "--compress", "--mangle", "--output", str(path)],
        check=True,
    )
    digest = base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()
    # `href=… integrity=…` on the same tag, quoted (dev) or not (minified).
    tag = re.compile(r'(<link[^>]*?href="?[^"\s>]*/' + re.escape(path.name) + r'"?[^>]*?integrity="?)sha384-[A-Za-z0-9+/=]+')
    html, count = tag.subn(lambda m: m.group(1) + "sha384-" + digest, html)
    # The glue is named in index.html and must carry the new hash; the chunk loader is not.
    expected = 1 if path.name in html else 0
    if count != expected:
        raise SystemExit(f"expected {expected} integrity for {path.name}, found {count}")
index.write_text(html, encoding="utf-8")
