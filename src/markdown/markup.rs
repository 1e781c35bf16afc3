//! Markdown to Typst markup, over the same events as the HTML writer: headings, lists,
//! quotes, emphasis, code, links (clickable, an outside address shown beside its text),
//! pictures with their alternative text, Markdown tables, and footnotes as real page
//! footnotes. `table` and `chart` blocks are replaced by what the caller draws for them.
//! All text is escaped (`typ`).

use std::collections::HashMap;

use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};

use super::{Settings, block_kind, numeric_columns, options};

/// What the writer asks the caller.
pub struct Resources<'a> {
    /// The address a link leads to from the PDF (absolute, or beside the PDF), or `None`
    /// for one that leads nowhere outside the page (`#section`): its text alone is kept.
    pub link: &'a dyn Fn(&str) -> Option<String>,
    /// The virtual file of a picture of the note (`/image-1.png`), or `None` for one that
    /// the PDF cannot hold (on another site): its alternative text is shown.
    pub image: &'a mut dyn FnMut(&str) -> Option<String>,
}

/// `markdown` as Typst markup; the n-th `table` or `chart` block is `draw_block(n)`.
pub fn to_typst(
    markdown: &str,
    words: Settings<'_>,
    resources: Resources<'_>,
    mut draw_block: impl FnMut(usize) -> String,
) -> String {
    let mut events = Vec::new();
    let mut notes: HashMap<String, Vec<Event>> = HashMap::new();
    let mut in_note: Option<(String, Vec<Event>)> = None;
    let (mut skipping, mut block_index, mut in_code) = (false, 0, false);
    for event in Parser::new_ext(markdown, options()) {
        let event = match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info)))
                if block_kind(info).is_some() =>
            {
                skipping = true;
                let drawn = draw_block(block_index);
                block_index += 1;
                Event::Html(drawn.into())
            }
            Event::End(TagEnd::CodeBlock) if skipping => {
                skipping = false;
                continue;
            }
            _ if skipping => continue,
            Event::Start(Tag::FootnoteDefinition(name)) => {
                in_note = Some((name.to_string(), Vec::new()));
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((name, body)) = in_note.take() {
                    // The first definition of a note counts, as on the page.
                    notes.entry(name).or_insert(body);
                }
                continue;
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                event
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                event
            }
            Event::Text(text) if words.french && !in_code => {
                match crate::locale::french_spacing(&text) {
                    Some(spaced) => Event::Text(spaced.into()),
                    None => Event::Text(text),
                }
            }
            // Raw HTML has no meaning in a PDF: shown as text when the site says so,
            // left out otherwise (a `<br>`, a `<div>` of the writer's).
            Event::Html(html) | Event::InlineHtml(html) => {
                if words.raw_html {
                    continue;
                }
                Event::Text(html)
            }
            other => other,
        };
        match &mut in_note {
            Some((_, body)) => body.push(event),
            None => events.push(event),
        }
    }
    let mut writer = Writer {
        out: String::with_capacity(markdown.len() * 2),
        resources,
        notes,
        labels: HashMap::new(),
        links: Vec::new(),
        image_alt: None,
        code: None,
        list_items: Vec::new(),
    };
    writer.write(&events, 0);
    writer.out
}

/// An open link.
struct Link {
    /// Whether it was written as a `#link` (it leads somewhere from the PDF).
    clickable: bool,
    /// The address to show beside the text: an outside one.
    outside: Option<String>,
    /// Its text so far.
    shown: String,
}

struct Writer<'a, 'e> {
    out: String,
    resources: Resources<'a>,
    notes: HashMap<String, Vec<Event<'e>>>,
    /// The label of each note already placed: a later call points to it.
    labels: HashMap<String, String>,
    links: Vec<Link>,
    /// A picture being read: its virtual file and its alternative text so far.
    image_alt: Option<(Option<String>, String)>,
    /// A code block being read.
    code: Option<String>,
    /// For each open list, whether an item was written (the items are separated by commas).
    list_items: Vec<bool>,
}

impl<'e> Writer<'_, 'e> {
    fn write(&mut self, events: &[Event<'e>], depth: usize) {
        let mut tables: Vec<Vec<bool>> = Vec::new();
        for (index, event) in events.iter().enumerate() {
            if let Some((_, alt)) = &mut self.image_alt {
                match event {
                    Event::Text(text) | Event::Code(text) => alt.push_str(text),
                    Event::End(TagEnd::Image) => self.end_image(),
                    _ => {}
                }
                continue;
            }
            if let Some(code) = &mut self.code {
                match event {
                    Event::Text(text) => code.push_str(text),
                    _ => {
                        let code = self.code.take().unwrap_or_default();
                        let code = code.strip_suffix('\n').unwrap_or(&code);
                        self.out.push_str("#raw(block: true, ");
                        self.out.push_str(&crate::typ::string(code));
                        self.out.push_str(")\n\n");
                    }
                }
                continue;
            }
            match event {
                Event::Start(tag) => self.start(tag, &events[index..], &mut tables),
                Event::End(tag) => self.end(*tag, &mut tables),
                Event::Text(text) => self.text(text),
                Event::Code(text) => {
                    self.out.push_str("#raw(");
                    self.out.push_str(&crate::typ::string(text));
                    self.out.push(')');
                    if let Some(link) = self.links.last_mut() {
                        link.shown.push_str(text);
                    }
                }
                // A drawn table or chart: markup made by the caller.
                Event::Html(markup) => self.out.push_str(markup),
                Event::SoftBreak => self.out.push(' '),
                Event::HardBreak => self.out.push_str("\\\n"),
                Event::Rule => self.out.push_str("#line(length: 100%)\n\n"),
                Event::FootnoteReference(name) => self.footnote(name, depth),
                Event::TaskListMarker(done) => {
                    self.out.push_str(if *done { "☑ " } else { "☐ " })
                }
                _ => {}
            }
        }
    }

    fn text(&mut self, text: &str) {
        crate::typ::push_text(&mut self.out, text);
        if let Some(link) = self.links.last_mut() {
            link.shown.push_str(text);
        }
    }

    fn start(&mut self, tag: &Tag<'e>, rest: &[Event<'e>], tables: &mut Vec<Vec<bool>>) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, .. } => {
                self.out
                    .push_str(&format!("#heading(level: {})[", *level as usize));
            }
            Tag::BlockQuote(_) => self.out.push_str("#quote(block: true)["),
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::List(first) => {
                match first {
                    Some(start) => self.out.push_str(&format!("#enum(start: {start}, ")),
                    None => self.out.push_str("#list("),
                }
                self.list_items.push(false);
            }
            Tag::Item => {
                if let Some(written) = self.list_items.last_mut() {
                    if *written {
                        self.out.push_str(", ");
                    }
                    *written = true;
                }
                self.out.push('[');
            }
            Tag::Emphasis => self.out.push_str("#emph["),
            Tag::Strong => self.out.push_str("#strong["),
            Tag::Strikethrough => self.out.push_str("#strike["),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.start_link(*link_type, dest_url),
            Tag::Image { dest_url, .. } => {
                let file = (self.resources.image)(dest_url);
                self.image_alt = Some((file, String::new()));
            }
            Tag::Table(alignments) => {
                let end = rest
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Table)))
                    .unwrap_or(rest.len());
                let numeric = numeric_columns(&rest[..end], alignments.len());
                let align: Vec<&str> = alignments
                    .iter()
                    .zip(&numeric)
                    .map(|(align, numeric)| match align {
                        Alignment::Left => "left",
                        Alignment::Center => "center",
                        Alignment::Right => "right",
                        Alignment::None if *numeric => "right",
                        Alignment::None => "left",
                    })
                    .collect();
                self.out.push_str(&format!(
                    "#figure(kind: table, table(columns: {}, align: ({},),\n",
                    alignments.len().max(1),
                    align.join(", ")
                ));
                tables.push(numeric);
            }
            Tag::TableHead => self.out.push_str("table.header("),
            Tag::TableRow => {}
            Tag::TableCell => self.out.push('['),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, tables: &mut Vec<Vec<bool>>) {
        match tag {
            TagEnd::Paragraph => self.out.push_str("\n\n"),
            TagEnd::Heading(_) => self.out.push_str("]\n\n"),
            TagEnd::BlockQuote(_) => self.out.push_str("]\n\n"),
            TagEnd::List(_) => {
                self.list_items.pop();
                self.out.push_str(")\n\n");
            }
            TagEnd::Item => self.out.push(']'),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => self.out.push(']'),
            TagEnd::Link => self.end_link(),
            TagEnd::Table => {
                tables.pop();
                self.out.push_str("))\n\n");
            }
            TagEnd::TableHead => self.out.push_str("),\n"),
            TagEnd::TableRow => self.out.push('\n'),
            TagEnd::TableCell => self.out.push_str("], "),
            _ => {}
        }
    }

    fn start_link(&mut self, link_type: LinkType, dest: &CowStr<'e>) {
        let written = if link_type == LinkType::Email {
            format!("mailto:{dest}")
        } else {
            dest.to_string()
        };
        // A link that leads nowhere from the PDF keeps its text only.
        let Some(target) = (self.resources.link)(&written) else {
            self.links.push(Link {
                clickable: false,
                outside: None,
                shown: String::new(),
            });
            return;
        };
        self.out.push_str("#link(");
        self.out.push_str(&crate::typ::string(&target));
        self.out.push_str(")[");
        let outside = ["http://", "https://", "mailto:"]
            .iter()
            .any(|scheme| written.starts_with(scheme));
        self.links.push(Link {
            clickable: true,
            outside: outside.then_some(written),
            shown: String::new(),
        });
    }

    fn end_link(&mut self) {
        let Some(link) = self.links.pop() else {
            return;
        };
        if !link.clickable {
            return;
        }
        self.out.push(']');
        // On paper an address must be readable: shown beside a text that is not itself.
        if let Some(address) = link.outside {
            let bare = address
                .trim_start_matches("mailto:")
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/');
            if !link.shown.contains(bare) {
                self.out.push_str(" (");
                let shown_address = address.strip_prefix("mailto:").unwrap_or(&address);
                crate::typ::push_text(&mut self.out, shown_address);
                self.out.push(')');
            }
        }
    }

    fn end_image(&mut self) {
        let Some((file, alt)) = self.image_alt.take() else {
            return;
        };
        match file {
            Some(file) => {
                self.out.push_str("#image(");
                self.out.push_str(&crate::typ::string(&file));
                self.out.push_str(", alt: ");
                self.out.push_str(&crate::typ::string(&alt));
                self.out.push_str(", width: 80%)");
            }
            None => self.text(&alt),
        }
    }

    /// A note placed where it is first called, as a page footnote; a later call of the
    /// same note points to it. A note called inside a note is shown by its name.
    fn footnote(&mut self, name: &str, depth: usize) {
        if let Some(label) = self.labels.get(name) {
            self.out.push_str(&format!("#footnote(<{label}>)"));
            return;
        }
        let Some(body) = self.notes.remove(name) else {
            return;
        };
        if depth > 0 {
            self.text(&format!("[{name}]"));
            return;
        }
        let label = format!("bilan-note-{}", self.labels.len() + 1);
        self.labels.insert(name.to_owned(), label.clone());
        self.out.push_str("#footnote[");
        let start = self.out.len();
        self.write(&body, depth + 1);
        // A note's one paragraph ends with a paragraph break that a footnote does not need.
        while self.out.len() > start && self.out.ends_with('\n') {
            self.out.pop();
        }
        // No space before the label: it would be a space in the text, before the full stop.
        self.out.push_str(&format!("]<{label}>"));
    }
}
