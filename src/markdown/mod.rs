//! Markdown to HTML: CommonMark with tables, footnotes, strikethrough, heading ids and
//! typographic punctuation; `table` and `chart` fenced blocks are found here and replaced by
//! what the caller draws for them.

mod markup;

pub use self::markup::{Resources, to_typst};
use crate::html::{escape, push_escaped};
use std::collections::{HashMap, HashSet};

use pulldown_cmark::{
    Alignment, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd,
};

/// The kinds of fenced block that bilan turns into something else than code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Table,
    Chart,
}

/// A `table` or `chart` fenced block as written in a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FencedBlock {
    pub kind: BlockKind,
    /// The YAML inside the fences.
    pub yaml: String,
    /// 1-based line of the opening fence, counted from the start of the Markdown text.
    pub line: usize,
    /// How many characters stand before the fence on its line (the indent of a list item,
    /// the `> ` of a quote): the YAML's columns are shifted by as much.
    pub indent: usize,
}

pub(super) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

pub(super) fn block_kind(info: &str) -> Option<BlockKind> {
    match info.split_whitespace().next() {
        Some("table") => Some(BlockKind::Table),
        Some("chart") => Some(BlockKind::Chart),
        _ => None,
    }
}

/// The `table` and `chart` blocks of `markdown`, in order.
pub fn find_blocks(markdown: &str) -> Vec<FencedBlock> {
    let mut blocks = Vec::new();
    let mut current: Option<FencedBlock> = None;
    // Lines are counted as the blocks come, never again from the start.
    let (mut line, mut counted) = (1, 0);
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                line += markdown[counted..range.start].matches('\n').count();
                counted = range.start;
                let line_start = markdown[..range.start].rfind('\n').map_or(0, |i| i + 1);
                current = block_kind(&info).map(|kind| FencedBlock {
                    kind,
                    yaml: String::new(),
                    line,
                    indent: markdown[line_start..range.start].chars().count(),
                });
            }
            Event::Text(text) => {
                if let Some(block) = &mut current {
                    block.yaml.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

/// Renders `markdown` to HTML. The n-th `table` or `chart` block is replaced by
/// `draw_block(n)`; each link and image's address is written as `rewrite` gives it (when it
/// gives one); headings get unique ids; footnotes are gathered in a list at the end, under
/// `words.notes`, each with a link back to where it was called.
pub fn render(
    markdown: &str,
    words: Settings<'_>,
    rewrite: &dyn Fn(&str) -> Option<String>,
    mut draw_block: impl FnMut(usize) -> String,
) -> Rendered {
    let mut links = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut notes: Vec<(CowStr, Vec<Event>)> = Vec::new();
    let mut in_note: Option<(CowStr, Vec<Event>)> = None;
    let mut skipping_block = false;
    let mut block_index = 0;
    // The length of the tables and charts drawn, to size the page's HTML once.
    let mut drawn = 0;
    // Text that is not prose keeps its spaces as typed: code, and the address an autolink
    // shows.
    let mut in_code = false;
    let mut in_autolink = false;

    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (written, href) = address(link_type, dest_url, rewrite);
                in_autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                links.push(LinkRef {
                    href: if link_type == LinkType::Email {
                        written.clone()
                    } else {
                        href.to_string()
                    },
                    url: written,
                    offset: range.start,
                });
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: href,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (written, href) = address(link_type, dest_url, rewrite);
                links.push(LinkRef {
                    url: written,
                    href: href.to_string(),
                    offset: range.start,
                });
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: href,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link) => {
                in_autolink = false;
                event
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                event
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                event
            }
            Event::Text(text) if words.french && !in_code && !in_autolink => {
                match crate::locale::french_spacing(&text) {
                    Some(spaced) => Event::Text(spaced.into()),
                    None => Event::Text(text),
                }
            }
            other => other,
        };
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info)))
                if block_kind(info).is_some() =>
            {
                skipping_block = true;
                let html = draw_block(block_index);
                drawn += html.len();
                block_index += 1;
                push(&mut events, &mut in_note, Event::Html(html.into()));
            }
            Event::End(TagEnd::CodeBlock) if skipping_block => skipping_block = false,
            _ if skipping_block => {}
            Event::Start(Tag::FootnoteDefinition(name)) => in_note = Some((name, Vec::new())),
            Event::End(TagEnd::FootnoteDefinition) => notes.extend(in_note.take()),
            Event::Html(html) | Event::InlineHtml(html) if !words.raw_html => {
                push(&mut events, &mut in_note, Event::Text(html));
            }
            event => push(&mut events, &mut in_note, event),
        }
    }

    add_heading_ids(&mut events);
    let events = style_tables(events, words.table_label);
    let order = note_order(&events, &notes);
    let numbers: HashMap<String, usize> = order
        .iter()
        .enumerate()
        .map(|(i, name)| (name.to_string(), i + 1))
        .collect();
    let mut called: HashSet<String> = HashSet::new();
    let events = events.into_iter().map(|event| match event {
        Event::FootnoteReference(name) => {
            let number = numbers.get(name.as_ref()).copied().unwrap_or(0);
            let id = note_id(&name);
            // The note links back to where it is first called; later calls have no id.
            let anchor = if called.insert(name.to_string()) { format!(" id=\"note-ref-{id}\"") } else { String::new() };
            Event::Html(
                format!(
                    "<sup class=\"footnote-ref\"><a href=\"#note-{id}\"{anchor} role=\"doc-noteref\">{number}</a></sup>"
                )
                .into(),
            )
        }
        other => other,
    });

    let mut html = String::with_capacity(markdown.len() * 3 / 2 + drawn);
    pulldown_cmark::html::push_html(&mut html, events);
    if !order.is_empty() {
        push_notes(&mut html, words, &order, notes);
    }
    Rendered { html, links }
}

/// How a page's Markdown is rendered: the theme's words for footnotes (the list's name,
/// the link back to the text) and for a table's scroll region, whether raw HTML in the
/// Markdown is kept, and whether French spacing applies to its text.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    pub notes: &'a str,
    pub back: &'a str,
    /// The name a screen reader gives a table that scrolls sideways ("Tableau").
    pub table_label: &'a str,
    /// Raw HTML is the writers' own and kept by default; a site can have it shown as text.
    pub raw_html: bool,
    /// No-break spaces before `: ; ! ?`, inside « » and in figures (`locale::french_spacing`).
    pub french: bool,
}

/// A page's HTML, and the links and images written in its Markdown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub links: Vec<LinkRef>,
}

/// A link or image of the Markdown: its address as written (an email autolink with its
/// `mailto:`), the address it leads to from the page (the same, or rewritten), and where it
/// starts (in bytes from the start of the Markdown).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LinkRef {
    pub url: String,
    pub href: String,
    pub offset: usize,
}

/// A link's address as written, and as the page writes it.
fn address<'a>(
    link_type: LinkType,
    dest_url: CowStr<'a>,
    rewrite: &dyn Fn(&str) -> Option<String>,
) -> (String, CowStr<'a>) {
    if link_type == LinkType::Email {
        // The HTML writer adds `mailto:` to an email autolink itself.
        return (format!("mailto:{dest_url}"), dest_url);
    }
    match rewrite(&dest_url) {
        Some(href) => (dest_url.to_string(), href.into()),
        None => (dest_url.to_string(), dest_url),
    }
}

/// Tables written in Markdown get what dataset tables have: a scroll region on a narrow
/// screen, and the figures aligned right. A column whose body cells are all figures is
/// aligned right, unless the table says otherwise (`:---`, `:---:`).
fn style_tables<'a>(events: Vec<Event<'a>>, label: &str) -> Vec<Event<'a>> {
    // The alignments of each table, worked out before the events are moved.
    let mut tables = Vec::new();
    for (start, event) in events.iter().enumerate() {
        let Event::Start(Tag::Table(alignments)) = event else {
            continue;
        };
        let end = events[start..]
            .iter()
            .position(|e| matches!(e, Event::End(TagEnd::Table)))
            .map_or(events.len(), |p| start + p);
        let numeric = numeric_columns(&events[start..end], alignments.len());
        let aligned: Vec<Alignment> = alignments
            .iter()
            .zip(numeric)
            .map(|(align, numeric)| match align {
                Alignment::None if numeric => Alignment::Right,
                other => *other,
            })
            .collect();
        tables.push(aligned);
    }
    if tables.is_empty() {
        return events;
    }
    let mut tables = tables.into_iter();
    let mut styled = Vec::with_capacity(events.len() + 2 * tables.len());
    for event in events {
        match event {
            Event::Start(Tag::Table(_)) => {
                let alignments = tables.next().unwrap_or_default();
                let mut open = String::from(
                    "<div class=\"table-scroll md-table\" tabindex=\"0\" role=\"region\" aria-label=\"",
                );
                push_escaped(&mut open, label);
                open.push_str("\">\n");
                styled.push(Event::Html(open.into()));
                styled.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                styled.push(Event::End(TagEnd::Table));
                styled.push(Event::Html("</div>\n".into()));
            }
            other => styled.push(other),
        }
    }
    styled
}

/// For each of `columns` columns of a Markdown table (its events, from its start), whether
/// every body cell that is not empty holds a figure, and at least one does.
pub(super) fn numeric_columns(events: &[Event<'_>], columns: usize) -> Vec<bool> {
    let mut figures = vec![0usize; columns];
    let mut other = vec![0usize; columns];
    let (mut in_head, mut column, mut cell) = (false, 0, String::new());
    for event in events {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => column = 0,
            Event::Start(Tag::TableCell) => cell.clear(),
            Event::Text(text) | Event::Code(text) => cell.push_str(text),
            Event::End(TagEnd::TableCell) => {
                if !in_head && column < columns {
                    match cell.trim() {
                        "" | "-" | "–" | "—" => {}
                        text if crate::locale::looks_like_a_figure(text) => figures[column] += 1,
                        _ => other[column] += 1,
                    }
                }
                column += 1;
            }
            _ => {}
        }
    }
    (0..columns)
        .map(|c| figures[c] > 0 && other[c] == 0)
        .collect()
}

fn push<'a>(
    events: &mut Vec<Event<'a>>,
    in_note: &mut Option<(CowStr<'a>, Vec<Event<'a>>)>,
    event: Event<'a>,
) {
    match in_note {
        Some((_, note)) => note.push(event),
        None => events.push(event),
    }
}

/// The names of the notes in the order they are first called, then those never called.
fn note_order<'a>(events: &[Event<'a>], notes: &[(CowStr<'a>, Vec<Event<'a>>)]) -> Vec<CowStr<'a>> {
    let defined: HashSet<&str> = notes.iter().map(|(name, _)| name.as_ref()).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut order: Vec<CowStr> = Vec::new();
    let called = events.iter().chain(notes.iter().flat_map(|(_, body)| body));
    for event in called {
        if let Event::FootnoteReference(name) = event
            && defined.contains(name.as_ref())
            && seen.insert(name.as_ref())
        {
            order.push(name.clone());
        }
    }
    order
}

fn push_notes(
    html: &mut String,
    words: Settings<'_>,
    order: &[CowStr],
    notes: Vec<(CowStr, Vec<Event>)>,
) {
    html.push_str("<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"");
    push_escaped(html, words.notes);
    html.push_str("\">\n<ol>\n");
    // The first definition of a note counts, as in CommonMark's footnotes extension.
    let mut bodies: HashMap<String, Vec<Event>> = HashMap::new();
    for (name, body) in notes {
        bodies.entry(name.to_string()).or_insert(body);
    }
    for name in order {
        let Some(body) = bodies.remove(name.as_ref()) else {
            continue;
        };
        let id = note_id(name);
        html.push_str(&format!("<li id=\"note-{id}\">"));
        pulldown_cmark::html::push_html(html, body.into_iter());
        html.push_str(&format!(
            "<a href=\"#note-ref-{id}\" class=\"footnote-back\" role=\"doc-backlink\" aria-label=\"{}\">↩</a></li>\n",
            escape(words.back)
        ));
    }
    html.push_str("</ol>\n</section>\n");
}

/// A note's name as it may stand in an id.
fn note_id(name: &str) -> String {
    let id = slug::slugify(name);
    if id.is_empty() { "x".to_owned() } else { id }
}

/// Gives every heading without an explicit `{#id}` one made from its text, unique in the page.
fn add_heading_ids(events: &mut [Event]) {
    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    // The theme's skip link goes to `main`.
    used.insert("main".to_owned());
    // The next number to try for each id made from a heading's text.
    let mut next: HashMap<String, usize> = HashMap::new();
    for start in 0..events.len() {
        if !matches!(events[start], Event::Start(Tag::Heading { id: None, .. })) {
            continue;
        }
        let mut text = String::new();
        for event in &events[start + 1..] {
            match event {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                _ => {}
            }
        }
        // Footnotes and charts have ids of their own (`note-…`, `chart-…`).
        let base = match slug::slugify(&text) {
            slug if slug.is_empty() => "section".to_owned(),
            slug if slug.starts_with("note-") || slug.starts_with("chart-") => {
                format!("section-{slug}")
            }
            slug => slug,
        };
        let mut id = base.clone();
        let n = next.entry(base.clone()).or_insert(1);
        while used.contains(&id) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        used.insert(id.clone());
        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[start] {
            *slot = Some(id.into());
        }
    }
}

#[cfg(test)]
mod tests;
