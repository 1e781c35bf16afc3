//! Problems in a site's content: what went wrong, where, and how to fix it.
//!
//! Every stage of the pipeline reports what it finds as a [`Problem`] rather than stopping at
//! the first one, so that a writer sees all the problems of a run together, each as
//! `path:line:column: message` with the offending line shown, like a compiler.

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use crate::message::{Catalogue, Message};

/// One problem in the content, located in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as the user would type it (relative to the site's root where possible).
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, counted in characters; 0 when unknown.
    pub column: usize,
    /// How many characters the problem covers from `column` (at least one is underlined).
    pub width: usize,
    /// What is wrong, in lowercase, naming things in backticks.
    pub message: Message,
    /// How to fix it, when we can tell. (Boxed, as the line and the cell are: a `PathBuf`
    /// is larger on Windows, and a problem stays under the size clippy allows an error.)
    pub hint: Option<Box<Message>>,
    /// The text of the offending line, shown under the message.
    pub source_line: Option<Box<SourceLine>>,
    /// For a cell of a workbook, where it is as the spreadsheet program shows it
    /// (`Financeurs!C7`), shown instead of `line:column`.
    pub cell: Option<Box<str>>,
}

/// The line shown under a problem's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    pub text: String,
    /// Where the caret goes when that is not the problem's `column` (a cell of a sheet or
    /// of a CSV, whose line is its row's values).
    pub caret: Option<usize>,
}

impl Problem {
    /// A problem about a whole file (no line to point at).
    pub fn file(path: impl Into<PathBuf>, message: impl Into<Message>) -> Self {
        Problem {
            path: path.into(),
            line: 0,
            column: 0,
            width: 1,
            message: message.into(),
            hint: None,
            source_line: None,
            cell: None,
        }
    }

    /// A problem at `line` and `column` of `source`, the text of the file at `path`.
    pub fn at(
        path: impl Into<PathBuf>,
        source: &str,
        line: usize,
        column: usize,
        message: impl Into<Message>,
    ) -> Self {
        let source_line = line
            .checked_sub(1)
            .and_then(|index| source.lines().nth(index))
            .map(|text| {
                Box::new(SourceLine {
                    text: text.to_owned(),
                    caret: None,
                })
            });
        Problem {
            path: path.into(),
            line,
            column,
            width: 1,
            message: message.into(),
            hint: None,
            source_line,
            cell: None,
        }
    }

    /// A problem in a cell of a spreadsheet or CSV file: at row `line` and field `column`
    /// (as sorted), shown at `cell` when the program names cells so (`Financeurs!C7`),
    /// with the row's values as `snippet` and the caret at its character `caret`.
    pub fn in_cell(
        path: impl Into<PathBuf>,
        (line, column): (usize, usize),
        cell: Option<String>,
        (snippet, caret, width): (String, usize, usize),
        message: impl Into<Message>,
    ) -> Self {
        Problem {
            path: path.into(),
            line,
            column,
            width: width.max(1),
            message: message.into(),
            hint: None,
            source_line: Some(Box::new(SourceLine {
                text: snippet,
                caret: Some(caret),
            })),
            cell: cell.map(String::into_boxed_str),
        }
    }

    /// The same problem, underlining `width` characters.
    pub fn with_width(mut self, width: usize) -> Self {
        self.width = width.max(1);
        self
    }

    /// The same problem with a hint on how to fix it.
    pub fn with_hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(Box::new(hint.into()));
        self
    }

    /// The same problem with a hint: the known name closest to `unknown` ("did you mean
    /// `date`?"), or else `otherwise()` when none is close.
    pub fn with_closest<'a, M: Into<Message>>(
        self,
        unknown: &str,
        known: impl IntoIterator<Item = &'a str>,
        otherwise: impl FnOnce() -> M,
    ) -> Self {
        match closest(unknown, known) {
            Some(close) => self.with_hint(msg!("did-you-mean", name = close)),
            None => self.with_hint(otherwise()),
        }
    }

    /// The hint in English, for tests.
    pub fn hint_english(&self) -> Option<String> {
        self.hint.as_deref().map(Message::english)
    }

    /// The location as `path:line:column` (or just `path` when there is no line).
    pub fn location(&self) -> String {
        let path = self.path.display();
        if let Some(cell) = &self.cell {
            return format!("{path}: {cell}");
        }
        match (self.line, self.column) {
            (0, _) => format!("{path}"),
            (line, 0) => format!("{path}:{line}"),
            (line, column) => format!("{path}:{line}:{column}"),
        }
    }

    /// The problem as a compiler-style report: the location and message on the first line,
    /// then the offending line with a caret under the column, then the hint.
    pub fn render(&self, say: &Catalogue, styled: bool) -> String {
        let title = say.render(&msg!(
            "problem",
            location = self.location(),
            message = self.message.clone()
        ));
        let mut elements = Vec::new();
        if let Some(line) = &self.source_line {
            let text = &line.text;
            let start = byte_offset_of_column(text, line.caret.unwrap_or(self.column));
            let end = text[start..]
                .char_indices()
                .nth(self.width.max(1))
                .map_or(text.len(), |(offset, _)| start + offset);
            elements.push(
                Snippet::source(&**text)
                    .line_start(self.line)
                    .annotation(AnnotationKind::Primary.span(start..end)),
            );
        }
        let mut group = Level::ERROR
            .no_name()
            .primary_title(title)
            .elements(elements);
        let hint = self.hint.as_ref().map(|hint| say.render(hint));
        let help = say.say("problem-help");
        if let Some(hint) = &hint {
            let level = Level::HELP.with_name(help.as_str());
            group = group.element(level.message(hint.as_str()));
        }
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[group])
    }

    /// Shows the path relative to `root`, as the user sees it from the site's folder.
    pub fn relative_to(mut self, root: &Path) -> Self {
        if let Ok(relative) = self.path.strip_prefix(root) {
            self.path = relative.to_path_buf();
        }
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// The byte offset in `text` of the 1-based character `column` (clamped to the text).
fn byte_offset_of_column(text: &str, column: usize) -> usize {
    text.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(offset, _)| offset)
}

/// The problems of a run, listed together. A build with any of them writes nothing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Problems(Vec<Problem>);

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter()
    }

    /// `Ok(())` when there is nothing to report, the problems sorted by place otherwise.
    pub fn into_result(mut self) -> Result<(), Problems> {
        if self.0.is_empty() {
            Ok(())
        } else {
            self.0.sort_by(|a, b| {
                (&a.path, a.line, a.column, &a.message)
                    .cmp(&(&b.path, b.line, b.column, &b.message))
            });
            self.0.dedup();
            Err(self)
        }
    }
}

impl std::ops::Deref for Problems {
    type Target = [Problem];
    fn deref(&self) -> &[Problem] {
        &self.0
    }
}

impl From<Problem> for Problems {
    fn from(problem: Problem) -> Self {
        Problems(vec![problem])
    }
}

impl FromIterator<Problem> for Problems {
    fn from_iter<I: IntoIterator<Item = Problem>>(problems: I) -> Self {
        Problems(problems.into_iter().collect())
    }
}

impl Extend<Problem> for Problems {
    fn extend<I: IntoIterator<Item = Problem>>(&mut self, problems: I) {
        self.0.extend(problems);
    }
}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Problems {
    /// Every problem as a compiler-style report, one after the other, without colours.
    pub fn render(&self, say: &Catalogue) -> String {
        self.0
            .iter()
            .map(|problem| problem.render(say, false) + "\n")
            .collect()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let english = Catalogue::new(crate::locale::Language::En);
        f.write_str(&self.render(&english))
    }
}

/// How many problems of one file are shown: past that, a file is more likely wrong as a
/// whole (a wrong type for a whole column, a pasted binary) and the rest is counted, not
/// listed. It also keeps a huge broken file from taking long to report.
const MAX_PER_FILE: usize = 50;

/// The problems of one file, listed up to `MAX_PER_FILE` and counted past that: the one
/// place the cap is applied.
#[derive(Debug)]
pub struct Capped {
    path: PathBuf,
    problems: Problems,
    unlisted: usize,
}

impl Capped {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Capped {
            path: path.into(),
            problems: Problems::default(),
            unlisted: 0,
        }
    }

    /// Whether a problem more would only be counted (so that it need not be made).
    pub fn is_full(&self) -> bool {
        self.problems.len() >= MAX_PER_FILE
    }

    /// Lists `problem` while the file has room, counts it otherwise.
    pub fn push(&mut self, problem: Problem) {
        if self.is_full() {
            self.unlisted += 1;
        } else {
            self.problems.push(problem);
        }
    }

    /// Counts a problem that is not listed, as the file is full.
    pub fn count(&mut self) {
        self.unlisted += 1;
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty() && self.unlisted == 0
    }

    /// The problems listed, and one that says how many more there are.
    pub fn finish(self) -> Problems {
        let mut problems = self.problems;
        if self.unlisted > 0 {
            problems.push(more_problems(&self.path, self.unlisted));
        }
        problems
    }
}

impl Extend<Problem> for Capped {
    fn extend<I: IntoIterator<Item = Problem>>(&mut self, problems: I) {
        for problem in problems {
            self.push(problem);
        }
    }
}

/// The problem that stands for the ones of a file that were counted but not listed.
fn more_problems(path: impl Into<PathBuf>, count: usize) -> Problem {
    Problem::file(path, msg!("more-problems", count)).with_hint(msg!("more-problems-hint"))
}

/// Names as a hint lists them: "`site`, `entered`, `forecast`".
pub fn quoted_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The known name closest to `unknown`, if any is close enough to be a likely typo: a letter
/// missed, doubled or two swapped (`dte`, `sumary`, `entred`) for a short name, two of them
/// for a name of eight letters or more. A letter replaced by another counts as two, since it
/// more often makes another word (`titre` is not a typo of `title`), and case is ignored.
pub fn closest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let unknown: Vec<char> = unknown.to_lowercase().chars().collect();
    let allowed = if unknown.len() >= 8 { 2 } else { 1 };
    known
        .into_iter()
        .map(|candidate| {
            let lower: Vec<char> = candidate.to_lowercase().chars().collect();
            (typo_distance(&unknown, &lower), candidate)
        })
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The known name nearest to `unknown`, however far (case ignored).
pub fn nearest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let unknown: Vec<char> = unknown.to_lowercase().chars().collect();
    known.into_iter().min_by_key(|candidate| {
        let lower: Vec<char> = candidate.to_lowercase().chars().collect();
        typo_distance(&unknown, &lower)
    })
}

/// The edits from `a` to `b`: a letter added, removed, or two neighbours swapped count one,
/// a letter replaced counts two (an optimal string alignment distance).
fn typo_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut d: Vec<usize> = vec![0; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let replace = if a[i - 1] == b[j - 1] { 0 } else { 2 };
                let mut best = (d[(i - 1) * width + j] + 1)
                    .min(d[i * width + j - 1] + 1)
                    .min(d[(i - 1) * width + j - 1] + replace);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
#[path = "problem/tests.rs"]
mod tests;
