//! trunk's post-build hook (`release-tool post-build`, `Trunk.toml`), on the staging dist trunk
//! names in `TRUNK_STAGING_DIR`. In every build:
//! 1. trunk's inline module loader moves into a hashed file, so the strict
//!    Content-Security-Policy of `deploy/nginx.conf` needs no `'unsafe-inline'`;
//! 2. `boot.js` gets the app's facts (`boot.rs`) and a name by its new content.
//!
//! In a build with chunks (the release build):
//! 3. the chunks `wasm-link` split off are optimised like the main module, named by content hash
//!    and placed beside it; wasm-split's loader goes into the wasm-bindgen glue (one request
//!    fewer on every page), with the early fetches a deep link needs (`domain::lazy`);
//! 4. the main module's imports from the glue get short names in both (wasm-bindgen's
//!    `__wbg_<fn>_<hash>` names are nearly incompressible; no tool option does this);
//! 5. terser minifies the glue (trunk's minifier cannot parse it), and index.html's integrity
//!    values follow every file rewritten.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use account_settings::api::paths;
use account_settings::domain::i18n::Lang;
use account_settings::domain::lazy::Piece;
use account_settings::domain::sections::Section;
use regex::Regex;

use crate::link::{self, TABLE_EXPORT};
use crate::loader::{self, Early};
use crate::wasm::{self, Renames};
use crate::{boot, fail, integrity, io, short_hash, Result};

/// What trunk's loader file is named by: `loader-<hash>.js`.
pub const LOADER_PREFIX: &str = "loader-";

/// wasm-opt's options for the chunks: index.html's `data-wasm-opt="z"` and
/// `data-wasm-opt-params`, as trunk gives them to the main module.
const WASM_OPT: [&str; 4] = [
    "-Oz",
    "--converge",
    "--low-memory-unused",
    "--strip-producers",
];

/// The hook, from trunk's environment.
pub fn run() -> Result<()> {
    let staging = PathBuf::from(
        std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or_else(|| fail("TRUNK_STAGING_DIR is not set: run by trunk's post_build hook"))?,
    );
    let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    let mut public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    if !public_url.ends_with('/') {
        public_url.push('/');
    }
    let index_path = staging.join("index.html");
    let mut html = read(&index_path)?;
    html = externalize_loader(&staging, &html, &public_url)?;
    html = fill_boot(&staging, &html)?;
    if let Some(glue) = place_chunks(&staging, release)? {
        if release {
            html = short_imports(&staging, &html, &glue)?;
            html = minify(&glue, &html)?;
        }
    }
    fs::write(&index_path, html).map_err(io("writing index.html"))
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(io(format!("reading {}", path.display())))
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).map_err(io(format!("writing {}", path.display())))
}

/// Step 1: the one inline `<script type="module">` trunk writes (quoted, or unquoted as its HTML
/// minifier leaves it) into `loader-<hash>.js`.
pub fn externalize_loader(staging: &Path, html: &str, public_url: &str) -> Result<String> {
    let inline =
        Regex::new(r#"(?s)<script type="?module"?(?: nonce=(?:"[^"]*"|[^\s>]*))?>(.*?)</script>"#)
            .map_err(|e| fail(e.to_string()))?;
    let found = inline.captures_iter(html).count();
    if found != 1 {
        return Err(fail(format!(
            "index.html: expected one inline module loader, found {found}"
        )));
    }
    let mut written = Ok(());
    let html = inline.replace(html, |c: &regex::Captures| {
        let code = format!("{}\n", c[1].trim());
        let name = format!("{LOADER_PREFIX}{}.js", short_hash(code.as_bytes()));
        written = write(&staging.join(&name), &code);
        format!(r#"<script type="module" src="{public_url}{name}"></script>"#)
    });
    written.map(|()| html.into_owned())
}

/// Step 2: `boot-<hash>.js` with the app's facts, renamed by its new content; its integrity follows.
fn fill_boot(staging: &Path, html: &str) -> Result<String> {
    let name = Regex::new(r"boot-[0-9a-f]{1,16}\.js").map_err(|e| fail(e.to_string()))?;
    let old = match name.find_iter(html).map(|m| m.as_str()).collect::<Vec<_>>()[..] {
        [one] => one.to_string(),
        _ => return Err(fail("index.html: expected one boot-<hash>.js")),
    };
    let filled = boot::fill(&read(&staging.join(&old))?)?;
    let new = format!("boot-{}.js", short_hash(filled.as_bytes()));
    fs::remove_file(staging.join(&old)).map_err(io(format!("removing {old}")))?;
    write(&staging.join(&new), &filled)?;
    let html = html.replacen(&old, &new, 1);
    set_integrity(&html, &new, filled.as_bytes(), 1)
}

/// The `integrity` of the tag that names `file` (expected `count` times: 0 or 1), set to
/// `bytes`' value. The attributes come in any order (trunk's minifier sorts them).
fn set_integrity(html: &str, file: &str, bytes: &[u8], count: usize) -> Result<String> {
    let tag = Regex::new(r"<(?:link|script)\b[^>]*>").map_err(|e| fail(e.to_string()))?;
    let value = Regex::new(r"sha384-[A-Za-z0-9+/=]+").map_err(|e| fail(e.to_string()))?;
    let names = |t: &str| {
        t.split(|c: char| c.is_whitespace() || c == '"' || c == '=' || c == '>')
            .any(|word| word.rsplit('/').next() == Some(file))
    };
    let mut found = 0;
    let new = integrity(bytes);
    let html = tag.replace_all(html, |c: &regex::Captures| {
        let t = &c[0];
        if names(t) && value.is_match(t) {
            found += 1;
            value.replace(t, new.as_str()).into_owned()
        } else {
            t.to_string()
        }
    });
    if found != count {
        return Err(fail(format!(
            "index.html: expected {count} integrity for {file}, found {found}"
        )));
    }
    Ok(html.into_owned())
}

/// Step 3: The chunks and their loader; the glue's path, or `None` in a build without chunks.
fn place_chunks(staging: &Path, release: bool) -> Result<Option<PathBuf>> {
    let loader_import = Regex::new(r#"from "\./(__wasm_split-[0-9a-f]{16}\.js)""#)
        .map_err(|e| fail(e.to_string()))?;
    let mut found = Vec::new();
    for entry in fs::read_dir(staging).map_err(io("reading the staging dist"))? {
        let path = entry.map_err(io("reading the staging dist"))?.path();
        if path.extension().is_some_and(|e| e == "js") {
            for c in loader_import.captures_iter(&read(&path)?) {
                found.push((c[1].to_string(), path.clone()));
            }
        }
    }
    // The glue imports the loader once per split point, all by one name.
    found.sort();
    found.dedup();
    let (loader_name, glue) = match found.len() {
        0 => return Ok(None),
        1 => found.remove(0),
        n => {
            return Err(fail(format!(
                "expected one glue file importing one chunk loader, found {n}: {found:?}"
            )))
        }
    };
    let profile = if release { "release" } else { "debug" };
    let dir = target_dir()?
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join("wasm-split");
    let mut loader_text = read(&dir.join(&loader_name)).map_err(|e| {
        fail(format!(
            "{e}: the wasm was not linked by the release tool's wasm-link"
        ))
    })?;
    let mut hashed: BTreeMap<String, String> = BTreeMap::new();
    let mut chunks: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(io(format!("reading {}", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    chunks.sort();
    for chunk in chunks {
        let (Some(stem), Some(file)) = (
            chunk.file_stem().and_then(|s| s.to_str()),
            chunk.file_name().and_then(|s| s.to_str()),
        ) else {
            continue;
        };
        let staged = staging.join(file);
        if release {
            let status = Command::new("wasm-opt")
                .args(WASM_OPT)
                .arg(&chunk)
                .arg("-o")
                .arg(&staged)
                .status()
                .map_err(io("running wasm-opt (scripts/release-tools)"))?;
            if !status.success() {
                return Err(fail(format!("wasm-opt failed on {file}")));
            }
        } else {
            fs::copy(&chunk, &staged).map_err(io(format!("copying {file}")))?;
        }
        let bytes = fs::read(&staged).map_err(io(format!("reading {file}")))?;
        let name = format!("{stem}-{}.wasm", short_hash(&bytes));
        fs::rename(&staged, staging.join(&name)).map_err(io(format!("naming {file}")))?;
        loader_text = loader::rename_chunk(&loader_text, file, &name)?;
        hashed.insert(stem.to_string(), name);
    }
    let prefetch: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&read(&dir.join(link::PREFETCH_FILE))?)
            .map_err(|e| fail(format!("{}: {e}", link::PREFETCH_FILE)))?;
    let files: BTreeMap<String, Vec<String>> = prefetch
        .into_iter()
        .map(|(split, stems)| {
            let names = stems
                .iter()
                .filter_map(|s| hashed.get(s).cloned())
                .collect();
            (split, names)
        })
        .collect();
    check_pieces(&files)?;
    let early = early_table(&files);
    let inlined = loader::inline(&loader_text, &early, TABLE_EXPORT)?;
    let glue_text = loader::into_glue(&read(&glue)?, &loader_name, &inlined)?;
    write(&glue, &glue_text)?;
    Ok(Some(glue))
}

/// Every piece of the app's table is a split point of this build, and every split point is in
/// the table.
fn check_pieces(files: &BTreeMap<String, Vec<String>>) -> Result<()> {
    for piece in Piece::ALL {
        if !files.contains_key(piece.module()) {
            return Err(fail(format!(
                "src/domain/lazy.rs names the split module {:?}, which no split_code! line of this build makes (found {:?})",
                piece.module(),
                files.keys().collect::<Vec<_>>()
            )));
        }
    }
    for split in files.keys() {
        if !Piece::ALL.iter().any(|p| p.module() == split) {
            return Err(fail(format!(
                "the split module {split:?} is not in src/domain/lazy.rs: add it to Piece"
            )));
        }
    }
    Ok(())
}

/// What a deep link fetches as the page starts, from the app's table.
fn early_table(files: &BTreeMap<String, Vec<String>>) -> Early<'_> {
    let section = Section::ALL
        .into_iter()
        .filter_map(|s| Some((s.slug(), Piece::of_section(s)?.module())))
        .collect();
    let lang = Lang::ALL
        .into_iter()
        .filter_map(|l| Some((l.code(), Piece::of_lang(l)?.module())))
        .collect();
    let section_lang = Section::ALL
        .into_iter()
        .flat_map(|s| Lang::ALL.map(|l| (s, l)))
        .filter_map(|(s, l)| {
            Some((
                format!("{} {}", s.slug(), l.code()),
                Piece::of_section_words(s, l)?.module(),
            ))
        })
        .collect();
    // `/user/account/<slug>`, with or without a trailing slash, below any prefix.
    let slug_pattern = format!(
        r"/{}\/([a-z-]+)\/?$/",
        paths::ACCOUNT_PAGE.replace('/', r"\/")
    );
    Early {
        files,
        section,
        lang,
        section_lang,
        slug_pattern,
    }
}

/// Where cargo builds (trunk-release gives its own target dir).
fn target_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return Ok(PathBuf::from(dir));
    }
    let output = Command::new("cargo")
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .output()
        .map_err(io("running cargo metadata"))?;
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| fail(format!("cargo metadata: {e}")))?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| fail("cargo metadata names no target directory"))
}

/// Step 4: Short names for the main module's imports from the glue, in both.
fn short_imports(staging: &Path, html: &str, glue: &Path) -> Result<String> {
    let glue_name = glue
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let module_name = glue_name.replace(".js", "_bg.wasm");
    let module_path = staging.join(&module_name);
    let module = fs::read(&module_path).map_err(io(format!("reading {module_name}")))?;
    let from_glue = wasm::import_modules(&module)?
        .into_iter()
        .find(|m| m.ends_with("_bg.js"))
        .ok_or_else(|| fail(format!("{module_name} imports nothing from the glue")))?;
    let (module, given) = wasm::rename(
        &module,
        &Renames {
            shorten_imports_from: Some(&from_glue),
            ..Renames::default()
        },
    )?;
    let mut text = read(glue)?;
    for (old, new) in &given {
        // Each is a key of the glue's imports object, `name: function(…)`, and nothing else.
        let key = Regex::new(&format!(r"(^|[^\w$]){}:", regex::escape(old)))
            .map_err(|e| fail(e.to_string()))?;
        let count = key.find_iter(&text).count();
        if count != 1 {
            return Err(fail(format!("{glue_name}: expected `{old}:` once, as wasm-bindgen 0.2.130 writes the imports object, found it {count} times")));
        }
        text = key.replace(&text, format!("${{1}}{new}:")).into_owned();
    }
    write(glue, &text)?;
    fs::write(&module_path, &module).map_err(io(format!("writing {module_name}")))?;
    println!(
        "release-tool: {} imports of {module_name} renamed",
        given.len()
    );
    set_integrity(html, &module_name, &module, 1)
}

/// Step 5: terser on the glue, and its integrity.
fn minify(glue: &Path, html: &str) -> Result<String> {
    let status = Command::new("terser")
        .arg(glue)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(glue)
        .status()
        .map_err(io("running terser (scripts/release-tools)"))?;
    if !status.success() {
        return Err(fail("terser failed on the glue"));
    }
    let name = glue
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let bytes = fs::read(glue).map_err(io(format!("reading {name}")))?;
    set_integrity(html, name, &bytes, 1)
}
