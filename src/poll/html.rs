//! HTML → clean text in the contract's format: one paragraph per line, a
//! blank line between blocks, `• ` / `1. ` list items, `│ ` before quoted
//! lines, links as `text[n]` with `[n] URL` lines at the end. Scripts,
//! styles and embedded frames are dropped; entities are decoded by the
//! HTML parser; runs of whitespace collapse to one space.
//!
//! The walk is iterative (an explicit stack), so hostile nesting depth
//! cannot overflow the thread's stack.

use super::sanitize;
use crate::model::Direction;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};
use url::Url;

/// Converts an HTML fragment (a feed's summary or content) to clean text.
pub fn to_clean_text(html: &str, base_url: Option<&str>) -> String {
    if let Some(text) = plain_fast_path(html) {
        return text;
    }
    let doc = Html::parse_fragment(html);
    to_clean_text_from(doc.root_element(), base_url)
}

/// Clean text and declared language/direction from one parse of `html`.
pub fn clean_text_and_declared(html: &str, base_url: Option<&str>) -> (String, Declared) {
    if let Some(text) = plain_fast_path(html) {
        return (text, Declared::default());
    }
    let doc = Html::parse_fragment(html);
    let root = doc.root_element();
    (
        to_clean_text_from(root, base_url),
        declared_lang_dir_from(root),
    )
}

/// Text without markup or entities needs no HTML parser: collapse its
/// whitespace (one paragraph) and sanitise it.
fn plain_fast_path(html: &str) -> Option<String> {
    if html.contains(['<', '&']) {
        return None;
    }
    Some(sanitize(
        &html.split_whitespace().collect::<Vec<_>>().join(" "),
    ))
}

/// Converts one element of an already parsed document (e.g. the article
/// body chosen by a full-text extractor) to clean text.
pub fn to_clean_text_from(element: ElementRef<'_>, base_url: Option<&str>) -> String {
    let base = base_url.and_then(|b| Url::parse(b).ok());
    walk(element, Writer::new(base, true))
}

/// One line of text from an HTML snippet (an Atom `type="html"` title):
/// markup and link numbers dropped, whitespace collapsed, sanitised.
pub fn to_one_line(html: &str) -> String {
    let text = match plain_fast_path(html) {
        Some(text) => text,
        None => walk(
            Html::parse_fragment(html).root_element(),
            Writer::new(None, false),
        ),
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn walk(element: ElementRef<'_>, mut w: Writer) -> String {
    let mut skip = 0usize;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) if skip == 0 => w.text(text),
                Node::Element(el) => {
                    if skip > 0 || is_dropped(el.name()) {
                        skip += 1;
                    } else {
                        w.open(el);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if skip > 0 {
                        skip -= 1;
                    } else {
                        w.close(el);
                    }
                }
            }
        }
    }
    w.finish()
}

/// Language and direction an HTML document or fragment declares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Declared {
    /// The first `lang` (or `xml:lang`) attribute found, in document order.
    pub lang: Option<String>,
    /// The first `dir="rtl"` / `dir="ltr"` attribute found.
    pub dir: Option<Direction>,
}

/// Finds the language and direction declared by the first elements that
/// carry `lang` / `dir` attributes (typically `<html>` or a wrapping `<div>`).
pub fn declared_lang_dir(html: &str) -> Declared {
    declared_lang_dir_from(Html::parse_fragment(html).root_element())
}

/// [`declared_lang_dir`] on an already parsed element and its descendants.
pub fn declared_lang_dir_from(element: ElementRef<'_>) -> Declared {
    let mut found = Declared::default();
    for el in element.descendent_elements() {
        if found.lang.is_none() {
            found.lang = el
                .attr("lang")
                .or_else(|| el.attr("xml:lang"))
                .map(|l| sanitize(l.trim()))
                .filter(|l| !l.is_empty() && l.len() <= 35);
        }
        if found.dir.is_none() {
            found.dir = match el.attr("dir").map(str::trim) {
                Some(d) if d.eq_ignore_ascii_case("rtl") => Some(Direction::Rtl),
                Some(d) if d.eq_ignore_ascii_case("ltr") => Some(Direction::Ltr),
                _ => None,
            };
        }
        if found.lang.is_some() && found.dir.is_some() {
            break;
        }
    }
    found
}

/// Elements whose whole subtree is never text for the reader.
fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "iframe"
            | "frame"
            | "frameset"
            | "noscript"
            | "template"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "head"
            | "title"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "form"
    )
}

/// Elements that form a block of their own (blank line before and after).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "aside"
            | "nav"
            | "figure"
            | "figcaption"
            | "table"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "blockquote"
            | "pre"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "fieldset"
            | "center"
    )
}

/// Elements that start a new line but not a new block.
fn is_line(name: &str) -> bool {
    matches!(name, "li" | "tr" | "dt" | "dd" | "br" | "caption")
}

enum ListKind {
    Bullet,
    Ordered(u32),
}

/// One output line or a block separator.
enum Out {
    Line(String),
    Break,
}

struct Writer {
    base: Option<Url>,
    /// Whether links get `[n]` markers and the URL list (not in titles).
    number_links: bool,
    out: Vec<Out>,
    inline: String,
    links: Vec<String>,
    /// The `<a>` elements currently open: resolved http(s) URL and where
    /// the link text starts in `inline` (None: link not kept).
    open_links: Vec<Option<(String, usize)>>,
    lists: Vec<ListKind>,
    marker: Option<String>,
    quote_depth: usize,
    pre_depth: usize,
}

impl Writer {
    fn new(base: Option<Url>, number_links: bool) -> Self {
        Writer {
            base,
            number_links,
            out: Vec::new(),
            inline: String::new(),
            links: Vec::new(),
            open_links: Vec::new(),
            lists: Vec::new(),
            marker: None,
            quote_depth: 0,
            pre_depth: 0,
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                self.inline.push_str(first);
            }
            for line in lines {
                self.flush_raw();
                self.inline.push_str(line);
            }
        } else {
            self.inline.push_str(text);
        }
    }

    fn open(&mut self, el: &scraper::node::Element) {
        let name = el.name();
        match name {
            "a" => {
                let link = el
                    .attr("href")
                    .filter(|_| self.number_links)
                    .and_then(|h| self.resolve(h));
                self.open_links
                    .push(link.map(|url| (url, self.inline.len())));
                return;
            }
            "img" => {
                if let Some(alt) = el.attr("alt").map(str::trim).filter(|a| !a.is_empty()) {
                    self.inline.push(' ');
                    self.inline.push_str(alt);
                    self.inline.push(' ');
                }
                return;
            }
            "td" | "th" => {
                self.inline.push(' ');
                return;
            }
            _ => {}
        }
        let nested_list = matches!(name, "ul" | "ol") && !self.lists.is_empty();
        if is_block(name) && !nested_list {
            self.flush();
            self.out.push(Out::Break);
        } else if is_line(name) || nested_list {
            self.flush();
        }
        match name {
            "ul" => self.lists.push(ListKind::Bullet),
            "ol" => {
                let start = el
                    .attr("start")
                    .and_then(|s| s.trim().parse::<u32>().ok())
                    .unwrap_or(1);
                self.lists.push(ListKind::Ordered(start));
            }
            "li" => {
                let indent = "  ".repeat(self.lists.len().saturating_sub(1));
                let marker = match self.lists.last_mut() {
                    Some(ListKind::Ordered(n)) => {
                        let m = format!("{indent}{n}. ");
                        *n = n.saturating_add(1);
                        m
                    }
                    _ => format!("{indent}• "),
                };
                self.marker = Some(marker);
            }
            "blockquote" => self.quote_depth += 1,
            "pre" => self.pre_depth += 1,
            _ => {}
        }
    }

    fn close(&mut self, el: &scraper::node::Element) {
        let name = el.name();
        match name {
            "a" => {
                if let Some(Some((url, start))) = self.open_links.pop()
                    && self
                        .inline
                        .get(start..)
                        .is_some_and(|t| !t.trim().is_empty())
                {
                    let n = self.link_number(url);
                    self.inline.push_str(&format!("[{n}]"));
                }
                return;
            }
            "ul" | "ol" => {
                self.lists.pop();
            }
            "blockquote" => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            "pre" => {
                self.flush_raw();
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
            _ => {}
        }
        let nested_list = matches!(name, "ul" | "ol") && !self.lists.is_empty();
        if is_block(name) && !nested_list {
            self.flush();
            self.out.push(Out::Break);
        } else if (is_line(name) && name != "br") || nested_list {
            self.flush();
        }
    }

    /// Resolves an href against the base; only http(s) URLs of a sane
    /// length are kept (the same rule as item links).
    fn resolve(&self, href: &str) -> Option<String> {
        super::parse::resolve_http(self.base.as_ref(), href)
    }

    fn link_number(&mut self, url: String) -> usize {
        match self.links.iter().position(|u| *u == url) {
            Some(i) => i + 1,
            None => {
                self.links.push(url);
                self.links.len()
            }
        }
    }

    fn prefix(&self) -> String {
        "│ ".repeat(self.quote_depth)
    }

    /// Ends the current line, collapsing whitespace.
    fn flush(&mut self) {
        if self.pre_depth > 0 {
            self.flush_raw();
            return;
        }
        let mut text = String::with_capacity(self.inline.len());
        for word in self.inline.split_whitespace() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
        }
        self.inline.clear();
        self.push_line(text);
    }

    /// Ends the current line keeping its inner spacing (inside `<pre>`).
    fn flush_raw(&mut self) {
        let text = std::mem::take(&mut self.inline).trim_end().to_owned();
        self.push_line(text);
    }

    fn push_line(&mut self, text: String) {
        if text.trim().is_empty() {
            return;
        }
        let marker = self.marker.take().unwrap_or_default();
        self.out
            .push(Out::Line(format!("{}{marker}{text}", self.prefix())));
    }

    fn finish(mut self) -> String {
        self.flush();
        let mut lines: Vec<String> = Vec::new();
        let mut pending_break = false;
        for item in self.out {
            match item {
                Out::Break => pending_break = !lines.is_empty(),
                Out::Line(line) => {
                    if pending_break {
                        lines.push(String::new());
                        pending_break = false;
                    }
                    lines.push(line);
                }
            }
        }
        if !self.links.is_empty() {
            if !lines.is_empty() {
                lines.push(String::new());
            }
            for (i, url) in self.links.iter().enumerate() {
                lines.push(format!("[{}] {url}", i + 1));
            }
        }
        sanitize(&lines.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let t = to_clean_text("<p>One  two\n three</p><p>Four</p>", None);
        assert_eq!(t, "One two three\n\nFour");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(5_000) + "deep" + &"</div>".repeat(5_000);
        assert_eq!(to_clean_text(&html, None), "deep");
    }
}
