//! Datasets read from the spreadsheet a team already keeps: `NAME.csv`, `NAME.xlsx`,
//! `NAME.ods` and `NAME.xls`, typed and checked as YAML datasets are, each problem located
//! at its cell as the spreadsheet program shows it (`budget.xlsx: Financeurs!C7`,
//! `sites.csv:7:3`).
//!
//! A file is read whole into memory only once its size is known to be under `MAX_BYTES`;
//! a workbook's zip and declared dimension are checked before calamine allocates its cells.

mod delimited;
mod describe;
mod grid;
pub mod text;
mod typed;
mod workbook;

use std::path::Path;
use std::sync::OnceLock;

pub(super) use self::describe::described;
use super::Dataset;
use crate::locale::Language;
use crate::problem::{Problem, Problems};

/// The largest spreadsheet file read: more is not a sheet of a report's figures.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;
/// The most rows and columns of a sheet read.
pub const MAX_ROWS: usize = 100_000;
pub const MAX_COLUMNS: usize = 1_000;

/// The extensions of the spreadsheet files read as datasets.
pub const EXTENSIONS: [&str; 4] = ["csv", "xlsx", "ods", "xls"];

/// Whether `path` names a spreadsheet file bilan can read.
pub fn is_spreadsheet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads the sheet `sheet` (the first visible one when `None`) of the spreadsheet at
/// `disk` (shown to the user as `shown`) as the dataset `name`, its text cells read in
/// `language`.
pub fn load_sheet(
    disk: &Path,
    shown: &Path,
    name: &str,
    sheet: Option<&str>,
    language: Language,
) -> Result<Dataset, Problems> {
    let (grid, text) = read_grid(disk, shown, name, sheet)?;
    dataset_of(&grid, text, shown, name, language)
}

/// The dataset `name` that `grid` holds, typed in `language`; `text` is its cells as read,
/// for the fingerprint.
fn dataset_of(
    grid: &grid::Grid,
    text: String,
    shown: &Path,
    name: &str,
    language: Language,
) -> Result<Dataset, Problems> {
    let typed = typed::typed(grid, shown, language, &[])?;
    Ok(Dataset {
        name: name.to_owned(),
        path: shown.to_path_buf(),
        title: None,
        columns: typed.columns,
        rows: typed.rows,
        declared_totals: typed.totals,
        text,
        source: None,
        fingerprint: OnceLock::new(),
    })
}

/// The cells of the sheet, and a text that changes with them (for the dataset's
/// fingerprint).
fn read_grid(
    disk: &Path,
    shown: &Path,
    name: &str,
    sheet: Option<&str>,
) -> Result<(grid::Grid, String), Problems> {
    let size = std::fs::metadata(disk)
        .map_err(|error| Problem::file(shown, msg!("file-unreadable", error = error.to_string())))?
        .len();
    if size > MAX_BYTES {
        return Err(Problem::file(
            shown,
            msg!(
                "sheet-too-large",
                size = (size / 1024 / 1024).to_string(),
                max = (MAX_BYTES / 1024 / 1024).to_string()
            ),
        )
        .with_hint(msg!("sheet-too-large-hint"))
        .into());
    }
    // Read within the cap, should the file grow after its size was taken.
    let mut bytes = Vec::new();
    std::fs::File::open(disk)
        .and_then(|file| {
            std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_BYTES), &mut bytes)
        })
        .map_err(|error| {
            Problem::file(shown, msg!("file-unreadable", error = error.to_string()))
        })?;
    let extension = disk
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    grid_from_bytes(&bytes, &extension, shown, name, sheet)
}

/// The dataset `sites` that the bytes of a spreadsheet of kind `extension` (`csv`, `xlsx`,
/// `ods`, `xls`) hold, for the fuzz target: no bytes may make it panic.
pub fn read_sheet(bytes: &[u8], extension: &str, language: Language) -> Result<Dataset, Problems> {
    let shown = Path::new("sites").with_extension(extension);
    let (grid, text) = grid_from_bytes(bytes, extension, &shown, "sites", None)?;
    dataset_of(&grid, text, &shown, "sites", language)
}

fn grid_from_bytes(
    bytes: &[u8],
    extension: &str,
    shown: &Path,
    name: &str,
    sheet: Option<&str>,
) -> Result<(grid::Grid, String), Problems> {
    Ok(if extension == "csv" {
        if let Some(sheet) = sheet {
            return Err(Problem::file(shown, msg!("csv-no-sheets", sheet))
                .with_hint(msg!(
                    "csv-no-sheets-hint",
                    name = name.split('/').next().unwrap_or(name)
                ))
                .into());
        }
        let text = delimited::decode(bytes);
        (delimited::read(&text, shown)?, text)
    } else {
        let grid = workbook::read(bytes, extension, sheet, shown)?;
        let text = format!("{:?}", grid.rows);
        (grid, text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_bytes_are_problems_never_panics() {
        let inputs: [&[u8]; 8] = [
            b"",
            b"\"",
            b"\0\0\0",
            b"a;b\n\"unclosed;2\n",
            b"PK\x03\x04\x14\x00",
            b"\xD0\xCF\x11\xE0",
            b"Total;1\n",
            b";;;\n;;;\n",
        ];
        for bytes in inputs {
            for extension in ["csv", "xlsx", "ods", "xls"] {
                let _ = read_sheet(bytes, extension, Language::Fr);
                let _ = read_sheet(bytes, extension, Language::En);
            }
        }
    }
}
