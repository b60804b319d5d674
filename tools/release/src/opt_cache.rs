//! `wasm-opt` as the release build calls it (trunk on the main module, the post-build hook on
//! each chunk), with a cache: the same input and arguments give the last run's output without
//! running binaryen again. Its input is the linked module, so nothing changed means the same
//! bytes; `scripts/test` builds the same app twice (the release build, then `trunk serve` for
//! the dev-proxy pass), and a warm run builds what the run before did. The `wasm-opt` on `PATH`
//! in `scripts/lib/trunk-release`; binaryen's own is `REAL_WASM_OPT`, the cache `WASM_OPT_CACHE`.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::{fail, io, Result};

/// Where `args` write their output: `--output=PATH`, `--output PATH` or `-o PATH`.
fn output_of(args: &[OsString]) -> Option<(usize, PathBuf)> {
    for (i, arg) in args.iter().enumerate() {
        let text = arg.to_string_lossy();
        if let Some(path) = text.strip_prefix("--output=") {
            return Some((i, PathBuf::from(path)));
        }
        if text == "-o" || text == "--output" {
            return args.get(i + 1).map(|path| (i + 1, PathBuf::from(path)));
        }
    }
    None
}

/// The cache key: the real binary (its path, size and time), every argument, and the content of
/// every argument that is a file (the input), the output's path left out.
fn key(real: &Path, args: &[OsString], output_at: usize) -> Result<String> {
    let mut hash = Sha256::new();
    let meta = fs::metadata(real).map_err(io(format!("reading {}", real.display())))?;
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    hash.update(format!("{}\0{}\0{modified}\0", real.display(), meta.len()));
    for (i, arg) in args.iter().enumerate() {
        let text = arg.to_string_lossy();
        if i == output_at || text.starts_with("--output=") {
            hash.update(b"<output>\0");
        } else if Path::new(arg).is_file() {
            let bytes = fs::read(arg).map_err(io(format!("reading {text}")))?;
            hash.update(b"<file>");
            hash.update(Sha256::digest(&bytes));
        } else {
            hash.update(text.as_bytes());
            hash.update(b"\0");
        }
    }
    Ok(hash.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Runs binaryen's `wasm-opt` with `args`, or gives the cached output of the same run.
pub fn run(real: &Path, cache: Option<&Path>, args: Vec<OsString>) -> Result<()> {
    let (Some(cache), Some((output_at, output))) = (cache, output_of(&args)) else {
        // `--version`, or no cache asked for: binaryen as it is.
        return exec(real, &args);
    };
    let cached = cache.join(format!("{}.wasm", key(real, &args, output_at)?));
    if cached.is_file() {
        fs::copy(&cached, &output).map_err(io(format!("copying {}", cached.display())))?;
        return Ok(());
    }
    exec(real, &args)?;
    fs::create_dir_all(cache).map_err(io(format!("creating {}", cache.display())))?;
    // Written whole, then named: a run stopped halfway leaves no entry.
    let partial = cached.with_extension("partial");
    fs::copy(&output, &partial).map_err(io("caching wasm-opt's output"))?;
    fs::rename(&partial, &cached).map_err(io("caching wasm-opt's output"))
}

fn exec(real: &Path, args: &[OsString]) -> Result<()> {
    let status = Command::new(real)
        .args(args)
        .status()
        .map_err(io(format!("running {}", real.display())))?;
    if status.success() {
        Ok(())
    } else {
        Err(fail(format!("{} failed ({status})", real.display())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_input_and_arguments_run_binaryen_once() -> Result<()> {
        let dir = std::env::temp_dir().join(format!("opt-cache-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).map_err(io("test dir"))?;
        // A stand-in for binaryen that copies its input and counts its runs.
        let real = dir.join("fake-wasm-opt");
        let runs = dir.join("runs");
        fs::write(
            &real,
            format!(
                "#!/bin/sh\necho run >> '{}'\nin=$3\nout=${{1#--output=}}\ncp \"$in\" \"$out\"\n",
                runs.display()
            ),
        )
        .map_err(io("fake"))?;
        Command::new("chmod")
            .arg("+x")
            .arg(&real)
            .status()
            .map_err(io("chmod"))?;
        let input = dir.join("in.wasm");
        fs::write(&input, b"\0asm one").map_err(io("input"))?;
        let cache = dir.join("cache");
        let call = |out: &str| {
            let args: Vec<OsString> = vec![
                format!("--output={}", dir.join(out).display()).into(),
                "-Oz".into(),
                input.clone().into(),
            ];
            run(&real, Some(&cache), args)
        };
        let count = || fs::read_to_string(&runs).map_or(0, |t| t.lines().count());
        call("a.wasm")?;
        call("b.wasm")?;
        assert_eq!(count(), 1, "the second run came from the cache");
        assert_eq!(
            fs::read(dir.join("b.wasm")).ok(),
            Some(b"\0asm one".to_vec())
        );
        // Other input bytes: binaryen runs again.
        fs::write(&input, b"\0asm two").map_err(io("input"))?;
        call("c.wasm")?;
        assert_eq!(count(), 2);
        assert_eq!(
            fs::read(dir.join("c.wasm")).ok(),
            Some(b"\0asm two".to_vec())
        );
        let _ = fs::remove_dir_all(&dir);
        Ok(())
    }
}
