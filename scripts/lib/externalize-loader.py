"""Trunk post_build hook: moves trunk's inline module loader out of index.html into a hashed
file, so the page needs no inline script and runs under `script-src 'self'`."""
import hashlib
import os
import pathlib
import re

staging = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
if not public_url.endswith("/"):
    public_url += "/"
index = staging / "index.html"
html = index.read_text(encoding="utf-8")
# Quoted as trunk writes it, or unquoted as its HTML minifier (release builds) leaves it.
pattern = re.compile(r'<script type="?module"?(?: nonce=(?:"[^"]*"|[^\s>]*))?>(.*?)</script>', re.S)


def externalize(match: re.Match) -> str:
    code = match.group(1).strip() + "\n"
    name = f"loader-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    (staging / name).write_text(code, encoding="utf-8")
    return f'<script type="module" src="{public_url}{name}"></script>'


html, count = pattern.subn(externalize, html)
if count != 1:
    raise SystemExit(f"expected one inline module loader in index.html, found {count}")
index.write_text(html, encoding="utf-8")
