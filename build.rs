//! Embeds the built-in theme (`themes/default/`) in the binary: one table of every file in
//! the folder, so that adding a template or an asset needs no change to the code.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let theme = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("themes")
        .join("default");
    println!("cargo::rerun-if-changed={}", theme.display());
    let mut files = Vec::new();
    collect(&theme, &theme, &mut files);
    files.sort();
    let mut table = String::from(
        "/// Every file of `themes/default/`, by path relative to it.\npub static DEFAULT_THEME: &[(&str, &[u8])] = &[\n",
    );
    for (name, path) in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(
            table,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    table.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("default_theme.rs");
    fs::write(out, table).unwrap();
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            println!("cargo::rerun-if-changed={}", path.display());
            collect(base, &path, files);
        } else {
            let name = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.push((name, path));
        }
    }
}
