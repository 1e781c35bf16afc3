//! What a `table` or `chart` block says, as written and located in its note: its syntax
//! only. What it means (the dataset it names, the columns, the figures) is `resolve`'s.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::markdown::{BlockKind, FencedBlock};
use crate::problem::Problems;
use crate::yaml::{self, Origin};

/// A `table` or `chart` block, parsed where it was read.
#[derive(Debug)]
pub enum Block {
    Table(Box<TableSpec>),
    Chart(Box<ChartSpec>),
    /// A block whose problems were already reported; it is never rendered.
    Broken,
}

/// A `table` or `chart` block and the line of its opening fence in the file.
#[derive(Debug)]
pub struct PlacedBlock {
    pub line: usize,
    /// The characters before the block's lines (see `FencedBlock::indent`).
    pub indent: usize,
    pub block: Block,
}

impl Block {
    /// The dataset the block names, if it names one.
    pub fn data(&self) -> Option<&str> {
        match self {
            Block::Table(spec) => Some(&spec.data.value),
            Block::Chart(spec) => Some(&spec.data.value),
            Block::Broken => None,
        }
    }

    /// Reads the YAML of `fenced`, whose lines are placed in its file by `origin`.
    pub fn parse(fenced: &FencedBlock, origin: Origin<'_>) -> Result<Block, Problems> {
        Ok(match fenced.kind {
            BlockKind::Table => Block::Table(Box::new(yaml::parse::<TableSpec>(
                &fenced.yaml,
                origin,
                Some(&TableSpec::KEYS),
                msg!("yaml-expected-table"),
            )?)),
            BlockKind::Chart => Block::Chart(Box::new(yaml::parse::<ChartSpec>(
                &fenced.yaml,
                origin,
                Some(&ChartSpec::KEYS),
                msg!("yaml-expected-chart"),
            )?)),
        })
    }
}

/// What a `table` block asks for, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    /// The dataset's name.
    pub data: Spanned<String>,
    /// Which columns, in which order; all of them by default.
    pub columns: Option<Vec<Spanned<String>>>,
    /// The label of a total row, if one is wanted.
    pub total: Option<String>,
    /// A column key to sort by, `-key` for descending order.
    pub sort: Option<Spanned<String>>,
    /// Defaults to the dataset's title.
    pub caption: Option<String>,
    /// `previous`: a change column for each column of figures shown, since the previous
    /// published report that has a dataset of the same name.
    pub compare: Option<Spanned<String>>,
    /// The column that matches rows between notes (the first column by default).
    pub by: Option<Spanned<String>>,
    /// Columns worked out of others, each `LABEL = A / B` (a ratio, as a percent),
    /// `LABEL = A - B` (a difference) or `LABEL = share A` (a row's share of the total).
    pub derive: Option<Vec<Spanned<String>>>,
}

impl TableSpec {
    pub const KEYS: [&'static str; 8] = [
        "data", "columns", "total", "sort", "caption", "compare", "by", "derive",
    ];

    /// The column named by `sort`, and whether the order is descending.
    pub fn sort_key(&self) -> Option<(&str, bool)> {
        self.sort
            .as_ref()
            .map(|sort| match sort.value.strip_prefix('-') {
                Some(key) => (key.trim(), true),
                None => (sort.value.trim(), false),
            })
    }
}

/// What a `chart` block asks for, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    pub data: Spanned<String>,
    /// The column of categories (the first column when not given).
    pub x: Option<Spanned<String>>,
    /// The column or columns of figures (a `progress` chart has `value` and `target`).
    #[serde(default = "no_columns")]
    pub y: Spanned<OneOrMany>,
    pub title: Option<String>,
    /// `reports`: follow the dataset from note to note.
    pub across: Option<Spanned<String>>,
    /// With `across`, the column whose values each get a line.
    pub series: Option<Spanned<String>>,
    /// For a `progress` chart: the column of figures reached.
    pub value: Option<Spanned<String>>,
    /// For a `progress` chart: the column of targets.
    pub target: Option<Spanned<String>>,
    /// For a `progress` chart: the label of a last bar, of the totals.
    pub total: Option<String>,
}

impl ChartSpec {
    pub const KEYS: [&'static str; 10] = [
        "type", "data", "x", "y", "title", "across", "series", "value", "target", "total",
    ];
}

/// `y` when it is not given: no column, placed nowhere (resolve says what is missing).
fn no_columns() -> Spanned<OneOrMany> {
    use serde_saphyr::Location;
    Spanned::new(OneOrMany::default(), Location::UNKNOWN, Location::UNKNOWN)
}

/// One column name, or a list of them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ColumnsVisitor;
        impl<'de> Visitor<'de> for ColumnsVisitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a column name, or a list of them such as `[entered, forecast]`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![v.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(OneOrMany(names))
            }
        }
        deserializer.deserialize_any(ColumnsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_blocks_read_their_options() {
        let spec: ChartSpec = serde_saphyr::from_str(
            "type: bar\ndata: sites\nx: site\ny: [entered, forecast]\ntitle: T\n",
        )
        .unwrap();
        assert_eq!(spec.y.value.0, ["entered", "forecast"]);
        let spec: ChartSpec = serde_saphyr::from_str(
            "type: line\ndata: sites\nacross: reports\nseries: site\ny: entered\n",
        )
        .unwrap();
        assert_eq!(spec.y.value.0, ["entered"]);
        assert_eq!(spec.series.map(|s| s.value), Some("site".to_owned()));
    }
}
