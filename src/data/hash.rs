//! What a dataset is made of, as a hash: the render cache of `serve` keys a page's body by
//! the resolved values it is drawn from, and these are what those values hold.
//!
//! Written out by hand only where a float or a cache stands in the way of `#[derive(Hash)]`,
//! each by destructuring the whole value: a field added to one of these types is then a
//! compile error here until it is hashed too.

use std::hash::{Hash, Hasher};

use super::{Column, Dataset, Value};

/// A dataset read from a file hashes as its place and text, which decide everything it
/// holds (`Dataset::fingerprint`, made once); one made by bilan (the figures of a chart
/// across reports) has no text, and hashes as its figures.
impl Hash for Dataset {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let Dataset {
            name,
            path,
            title,
            columns,
            rows,
            declared_totals,
            text,
            source,
            fingerprint: _,
        } = self;
        if text.is_empty() && source.is_none() {
            (name, path, title, columns, rows).hash(state);
            // A dataset made by bilan declares no totals to check.
            declared_totals.len().hash(state);
        } else {
            self.fingerprint().hash(state);
        }
    }
}

impl Hash for Column {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let Column {
            key,
            label,
            kind,
            currency,
            decimals,
            max,
        } = self;
        (key, label, kind, currency, decimals).hash(state);
        max.map(f64::to_bits).hash(state);
    }
}

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Value::Missing => {}
            Value::Text(text) => text.hash(state),
            Value::Integer(number) => number.hash(state),
            // Floats do not hash: their bits do.
            Value::Number(number) => number.to_bits().hash(state),
            Value::Date(date) => date.hash(state),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::hash::DefaultHasher;

    use super::*;

    fn hash_of(value: &impl Hash) -> u64 {
        let mut hasher = DefaultHasher::new();
        value.hash(&mut hasher);
        hasher.finish()
    }

    fn made(figure: f64) -> Dataset {
        let column = Column {
            key: "entered".to_owned(),
            ..Column::default()
        };
        Dataset::derived(
            "sites".to_owned(),
            None,
            vec![column],
            vec![vec![Value::Number(figure)]],
        )
    }

    /// A dataset made by bilan has no text to be told by: its figures tell it, or a chart
    /// across reports would keep its old drawing in `serve`.
    #[test]
    fn a_dataset_made_by_bilan_hashes_as_its_figures() {
        assert_eq!(hash_of(&made(67.0)), hash_of(&made(67.0)));
        assert_ne!(hash_of(&made(67.0)), hash_of(&made(68.0)));
        let mut max = made(0.5);
        max.columns[0].max = Some(2.0);
        assert_ne!(hash_of(&max), hash_of(&made(0.5)));
    }
}
