//! A dataset file as written: a list of rows, or a mapping with `title`, `columns`, `rows`
//! and `total`; every key and value keeps its place in the file.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use chrono::NaiveDate;

use super::{Column, ColumnType};
use crate::yaml::Scalar;

/// A dataset file: a list of rows, or a table with a schema.
pub(super) enum DatasetFile {
    Rows(Vec<Row>),
    Table(Box<DatasetDoc>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DatasetDoc {
    pub(super) title: Option<String>,
    pub(super) columns: Option<Vec<Spanned<ColumnDoc>>>,
    #[serde(default)]
    pub(super) rows: Vec<Row>,
    pub(super) total: Option<Row>,
    /// A spreadsheet in the same folder that this file describes (it then has no `rows`).
    pub(super) source: Option<Spanned<String>>,
    /// With `source`: the sheet to read, the first visible one by default.
    pub(super) sheet: Option<String>,
    /// With `source`: the cells to read, such as `A3:F12`.
    pub(super) range: Option<Spanned<String>>,
}

impl DatasetDoc {
    pub(super) const KEYS: [&'static str; 7] = [
        "title", "columns", "rows", "total", "source", "sheet", "range",
    ];
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ColumnDoc {
    /// With `source`: the label (or key) of the file's column this one is read from.
    pub(super) from: Option<Spanned<String>>,
    pub(super) key: String,
    pub(super) label: Option<String>,
    #[serde(rename = "type")]
    pub(super) kind: Option<Spanned<String>>,
    pub(super) currency: Option<String>,
    /// For `money`: 0 or 2, the decimals of every figure of the column.
    pub(super) decimals: Option<Spanned<u8>>,
    /// For `percent`: the largest fraction allowed (2 is 200 %).
    pub(super) max: Option<Spanned<f64>>,
}

/// A row as written: its keys and values in order, with their places.
pub(super) struct Row(pub(super) Vec<(Spanned<String>, Spanned<Scalar>)>);

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RowVisitor;
        impl<'de> Visitor<'de> for RowVisitor {
            type Value = Row;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a row written as a mapping, such as `{site: TPM, entered: 67}`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Row, A::Error> {
                let mut cells = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    cells.push((key, map.next_value()?));
                }
                Ok(Row(cells))
            }
        }
        deserializer.deserialize_map(RowVisitor)
    }
}

impl<'de> Deserialize<'de> for DatasetFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FileVisitor;
        impl<'de> Visitor<'de> for FileVisitor {
            type Value = DatasetFile;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of rows, or a mapping with `columns` and `rows`")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DatasetFile, A::Error> {
                let mut rows = Vec::new();
                while let Some(row) = seq.next_element()? {
                    rows.push(row);
                }
                Ok(DatasetFile::Rows(rows))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DatasetFile, A::Error> {
                DatasetDoc::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|doc| DatasetFile::Table(Box::new(doc)))
            }
        }
        deserializer.deserialize_any(FileVisitor)
    }
}

/// Without a schema, the columns are the rows' keys in order of first appearance, each
/// typed by what all its values have in common.
pub(super) fn inferred_columns(rows: &[Row]) -> Vec<Column> {
    let mut keys: Vec<&str> = Vec::new();
    for row in rows {
        for (key, _) in &row.0 {
            if !keys.contains(&key.value.as_str()) {
                keys.push(&key.value);
            }
        }
    }
    keys.into_iter()
        .map(|key| {
            let values = rows.iter().flat_map(|row| {
                row.0
                    .iter()
                    .filter(move |(k, _)| k.value == key)
                    .map(|(_, v)| &v.value)
                    .filter(|v| **v != Scalar::Null)
            });
            Column {
                key: key.to_owned(),
                label: key.to_owned(),
                kind: infer_type(values),
                currency: "EUR".to_owned(),
                ..Column::default()
            }
        })
        .collect()
}

fn infer_type<'a>(values: impl Iterator<Item = &'a Scalar> + Clone) -> ColumnType {
    let all = |test: fn(&Scalar) -> bool| values.clone().all(test);
    if values.clone().next().is_none() {
        ColumnType::Text
    } else if all(|v| matches!(v, Scalar::Integer(_))) {
        ColumnType::Integer
    } else if all(|v| matches!(v, Scalar::Integer(_) | Scalar::Number(_))) {
        ColumnType::Number
    } else if all(|v| matches!(v, Scalar::Text(t) if parse_date(t).is_some())) {
        ColumnType::Date
    } else {
        ColumnType::Text
    }
}

pub(super) fn parse_date(text: &str) -> Option<NaiveDate> {
    crate::locale::parse_iso_date(text)
}
