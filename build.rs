//! Embeds the built-in theme (`themes/default/`) in the binary: one table of every file in
//! the folder, so that adding a template or an asset needs no change to the code. And
//! fingerprints the code that draws link previews and makes PDFs, so that a build knows when
//! a preview or a PDF made by an earlier one may be kept (`preview::key`, `pdf::Source::key`).

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
    code_fingerprints();
}

/// Fingerprints (FNV-1a hashes) of the code that decides the bytes of the output's costly
/// files, each written to `OUT_DIR` as a number:
/// - `preview_code.rs`: a preview's painter, the chart's layout, the series' colours, and
///   the versions of the fonts and the PNG encoder (in `Cargo.lock`);
/// - `pdf_code.rs`: what turns a note's Typst markup into a PDF (`src/pdf/`), and the
///   versions of typst and the fonts (in `Cargo.lock`).
fn code_fingerprints() {
    fingerprint(
        "preview_code.rs",
        &["src/preview", "src/chart"],
        &["src/palette.rs", "Cargo.lock"],
    );
    fingerprint("pdf_code.rs", &["src/pdf"], &["Cargo.lock"]);
}

fn fingerprint(name: &str, dirs: &[&str], others: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in dirs {
        let dir = root.join(dir);
        println!("cargo::rerun-if-changed={}", dir.display());
        collect(&dir, &dir, &mut files);
    }
    for file in others {
        files.push(((*file).to_owned(), root.join(file)));
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, path) in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        let bytes = fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        for byte in name.bytes().chain(bytes) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join(name);
    fs::write(out, format!("0x{hash:016x}\n")).unwrap();
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
