//! A dataset file as written: a list of rows, or a mapping with `title`, `columns`, `rows`
//! and `total`; every key and value keeps its place in the file.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::yaml::Scalar;

/// A dataset file: a list of rows, or a table with a schema.
pub(super) enum DatasetFile {
    Rows(Vec<Row>),
    Table(DatasetDoc),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DatasetDoc {
    pub(super) title: Option<String>,
    pub(super) columns: Option<Vec<Spanned<ColumnDoc>>>,
    #[serde(default)]
    pub(super) rows: Vec<Row>,
    pub(super) total: Option<Row>,
}

impl DatasetDoc {
    pub(super) const KEYS: [&'static str; 4] = ["title", "columns", "rows", "total"];
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ColumnDoc {
    pub(super) key: String,
    pub(super) label: Option<String>,
    #[serde(rename = "type")]
    pub(super) kind: Option<Spanned<String>>,
    pub(super) currency: Option<String>,
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
                    .map(DatasetFile::Table)
            }
        }
        deserializer.deserialize_any(FileVisitor)
    }
}
