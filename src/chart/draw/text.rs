//! Measuring and wrapping text for chart layout, and choosing the ticks of an axis.
//!
//! An SVG is drawn before any font is known, so widths are estimated per character from a
//! wide sans-serif (DejaVu Sans, the widest of the usual system fonts): estimates err on the
//! wide side, so that labels wrap a little early rather than overlap. Characters are counted,
//! never bytes, so "Dracénie" is as wide as "Dracenie".

/// The estimated width of `text` at font size `size` (px).
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(char_width).fold(0.0, |a, b| a + b) * size
}

fn char_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '’' | '|' | '!' | '(' | ')' => 0.34,
        'f' | 't' | 'r' | 'I' | '-' | '/' => 0.44,
        ' ' | '\u{A0}' => 0.34,
        '\u{202F}' => 0.2,
        'm' | 'w' | '%' | '€' => 0.92,
        'M' | 'W' => 0.98,
        c if c.is_ascii_digit() => 0.64,
        c if c.is_uppercase() => 0.74,
        _ => 0.62,
    }
}

/// Splits `text` into lines no wider than `max_width`, at spaces and after hyphens; a word
/// longer than a line is cut between characters (never dropped).
pub fn wrap(text: &str, max_width: f64, size: f64) -> Vec<String> {
    // Widths add up character by character, in the order of the text: the line's width so
    // far (`sum`, before multiplying by the size) grows with each word, never measured again.
    let add = |sum: f64, text: &str| text.chars().map(char_width).fold(sum, |a, b| a + b);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut sum = 0.0;
    for word in words(text) {
        let shown = word.trim_end();
        let candidate_width = if shown.is_empty() {
            add(0.0, current.trim_end())
        } else {
            add(sum, shown)
        } * size;
        if current.is_empty() || candidate_width <= max_width {
            current.push_str(word);
            sum = add(sum, word);
            continue;
        }
        lines.push(current.trim_end().to_owned());
        current = word.to_owned();
        sum = add(0.0, word);
    }
    if !current.trim().is_empty() {
        lines.push(current.trim_end().to_owned());
    }
    lines
        .into_iter()
        .flat_map(|line| cut(line, max_width, size))
        .collect()
}

/// A line that is a single word wider than `max_width`, cut between characters.
fn cut(line: String, max_width: f64, size: f64) -> Vec<String> {
    if text_width(&line, size) <= max_width {
        return vec![line];
    }
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in line.chars() {
        if !piece.is_empty() && text_width(&format!("{piece}{c}"), size) > max_width {
            pieces.push(std::mem::take(&mut piece));
        }
        piece.push(c);
    }
    pieces.push(piece);
    pieces
}

/// The words of `text`, each with the space or hyphen that follows it.
fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == ' ' || c == '-' {
            words.push(&text[start..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        words.push(&text[start..]);
    }
    words
}

/// Round tick values covering `min..max` in about `target` steps of 1, 2 or 5 × 10ⁿ; whole
/// steps only when the figures are whole numbers.
pub fn nice_ticks(min: f64, max: f64, target: usize, whole: bool) -> Vec<f64> {
    let (min, max) = if max > min {
        (min, max)
    } else {
        (min, min + 1.0)
    };
    let raw = (max - min) / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = match raw / magnitude {
        n if n <= 1.0 => 1.0,
        n if n <= 2.0 => 2.0,
        n if n <= 5.0 => 5.0,
        _ => 10.0,
    } * magnitude;
    let step = if whole { step.max(1.0).round() } else { step };
    let first = (min / step).floor() as i64;
    let last = (max / step).ceil() as i64;
    // Rounded, so that 3 × 0.1 is 0.3 and not 0.30000000000000004.
    (first..=last)
        .map(|k| (k as f64 * step * 1e9).round() / 1e9)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_letters_count_once() {
        assert_eq!(text_width("Dracénie", 10.0), text_width("Dracenie", 10.0));
    }

    #[test]
    fn wraps_at_spaces_and_hyphens_and_cuts_only_long_words() {
        assert_eq!(wrap("Provence Verte", 60.0, 12.0), ["Provence", "Verte"]);
        assert_eq!(
            wrap("L'Isle-sur-la-Sorgue", 70.0, 12.0),
            ["L'Isle-sur-", "la-Sorgue"]
        );
        let cut = wrap("Anticonstitutionnellement", 60.0, 12.0);
        assert!(
            cut.len() > 1 && cut.concat() == "Anticonstitutionnellement",
            "{cut:?}"
        );
        for line in &cut {
            assert!(text_width(line, 12.0) <= 60.0, "{line}");
        }
        assert_eq!(wrap("TPM", 100.0, 12.0), ["TPM"]);
    }

    /// `wrap` as first written: every candidate line measured whole.
    fn wrap_measuring_each_line(text: &str, max_width: f64, size: f64) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for word in words(text) {
            let candidate = format!("{current}{word}");
            if current.is_empty() || text_width(candidate.trim_end(), size) <= max_width {
                current = candidate;
                continue;
            }
            lines.push(current.trim_end().to_owned());
            current = word.to_owned();
        }
        if !current.trim().is_empty() {
            lines.push(current.trim_end().to_owned());
        }
        lines
            .into_iter()
            .flat_map(|line| cut(line, max_width, size))
            .collect()
    }

    proptest::proptest! {
        /// Adding up widths word by word gives the lines that measuring each line whole did.
        #[test]
        fn wrapping_word_by_word_gives_the_lines_measuring_each_did(
            text in "[a-zA-Zé€%'.\u{A0}\u{202F} -]{0,80}",
            max_width in 10.0f64..300.0,
        ) {
            proptest::prop_assert_eq!(
                wrap(&text, max_width, 12.0),
                wrap_measuring_each_line(&text, max_width, 12.0)
            );
        }
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 90.0, 5, true),
            [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_ticks(0.0, 3.0, 5, true), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(nice_ticks(0.0, 0.3, 3, false), [0.0, 0.1, 0.2, 0.3]);
        assert_eq!(nice_ticks(-5.0, 5.0, 2, true), [-5.0, 0.0, 5.0]);
    }
}
