//! Bytes → [`ParsedFeed`]: decode to UTF-8, vet the XML (no DTDs, bounded
//! depth, well-formed, a feed root), then feed-rs, then map every item to a
//! sanitised [`NewArticle`].

use super::PollError;
use super::charset::decode_feed;
use super::html::{Declared, clean_text_and_declared, to_one_line};
use super::sanitize;
use crate::model::{Direction, NewArticle, ParsedFeed};
use crate::text::direction::{detect_direction, direction_of_lang};
use feed_rs::model::{Entry, Text};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};
use quick_xml::events::Event;
use std::borrow::Cow;
use url::Url;

/// Deepest element nesting accepted in a feed.
pub const MAX_DEPTH: usize = 128;

/// What feed-rs is told when an item has no id: it then cannot invent one
/// (from link + title) and we store `None`, so the store dedups by link.
const NO_ID: &str = "\u{0}akhbar:no-id";

/// Parses a feed (RSS 0.9x/1.0/2.0, Atom or JSON Feed) fetched from `url`.
pub fn parse_feed(
    bytes: &[u8],
    content_type: Option<&str>,
    url: &str,
) -> Result<ParsedFeed, PollError> {
    let text = decode_feed(bytes, content_type);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(PollError::NotAFeed("empty document".into()));
    }
    if !trimmed.starts_with('{') {
        vet_xml(&text, content_type)?;
    }
    let base = Url::parse(url).ok();
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base.as_ref().map(Url::as_str))
        .id_generator(|_, _, _| NO_ID.to_owned())
        .build();
    let feed = parser
        .parse(space_out_addresses(&text).as_bytes())
        .map_err(|e| map_feed_rs_error(e, content_type))?;

    let feed_lang = feed.language.as_deref().and_then(clean_lang);
    let site_link = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .and_then(|l| resolve_http(base.as_ref(), &l.href));
    let articles = feed
        .entries
        .iter()
        .map(|e| map_entry(e, base.as_ref(), feed_lang.as_deref()))
        .collect();
    Ok(ParsedFeed {
        title: feed.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
        site_link,
        lang: feed_lang,
        articles,
    })
}

fn map_entry(entry: &Entry, base: Option<&Url>, feed_lang: Option<&str>) -> NewArticle {
    let guid = Some(entry.id.as_str())
        .filter(|id| *id != NO_ID)
        .map(|id| sanitize(id.trim()))
        .filter(|id| !id.is_empty());
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .and_then(|l| resolve_http(base, &l.href));
    let item_base = link.as_deref().and_then(|l| Url::parse(l).ok());
    let html_base = item_base.as_ref().or(base).map(Url::as_str);
    let summary_html = entry
        .summary
        .as_ref()
        .map(|t| sanitize(&t.content))
        .unwrap_or_default();
    let content_html = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(sanitize)
        .filter(|c| !c.trim().is_empty());
    let body_html = content_html.as_deref().unwrap_or(&summary_html);
    let (text, declared) = if entry
        .summary
        .as_ref()
        .is_some_and(|t| content_html.is_none() && is_plain(t))
    {
        (sanitize(summary_html.trim()), Declared::default())
    } else {
        clean_text_and_declared(body_html, html_base)
    };
    let title = entry.title.as_ref().map(text_of).unwrap_or_default();
    let author = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref())
        .map(|n| sanitize(n.trim()))
        .find(|n| !n.is_empty());
    let lang = entry
        .language
        .as_deref()
        .and_then(clean_lang)
        .or_else(|| feed_lang.map(str::to_owned))
        .or(declared.lang);
    let direction = if lang.as_deref().and_then(direction_of_lang) == Some(Direction::Rtl) {
        Direction::Rtl
    } else {
        declared
            .dir
            .or_else(|| detect_direction(&title))
            .or_else(|| detect_direction(&text))
            .unwrap_or_default()
    };
    NewArticle {
        guid,
        link,
        title,
        author,
        published: entry.published,
        updated: entry.updated,
        summary_html,
        content_html,
        text,
        lang,
        direction,
    }
}

fn is_plain(t: &Text) -> bool {
    t.content_type.essence().to_string() == "text/plain"
}

/// A title-like text: HTML stripped when it is HTML, one line, sanitised.
fn text_of(t: &Text) -> String {
    if is_plain(t) {
        sanitize(&t.content.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        to_one_line(&t.content)
    }
}

fn clean_lang(lang: &str) -> Option<String> {
    let lang = sanitize(lang.trim());
    (!lang.is_empty() && lang.len() <= 35).then_some(lang)
}

/// Longest link kept as a link: longer ones are junk or an attack (they
/// bloat the store and choke terminals' hyperlink handling and browsers).
pub const MAX_LINK_LEN: usize = 8 * 1024;

/// Resolves a link against the feed URL; only http(s) results no longer
/// than [`MAX_LINK_LEN`] are kept.
pub fn resolve_http(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.len() > MAX_LINK_LEN {
        return None;
    }
    let url = match base {
        Some(b) => b.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    (matches!(url.scheme(), "http" | "https") && url.as_str().len() <= MAX_LINK_LEN)
        .then(|| url.to_string())
}

fn map_feed_rs_error(e: ParseFeedError, content_type: Option<&str>) -> PollError {
    match e {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            PollError::NotAFeed(match content_type {
                Some(ct) => format!(
                    "no RSS, Atom or JSON Feed root (content type {})",
                    sanitize(ct)
                ),
                None => "no RSS, Atom or JSON Feed root".into(),
            })
        }
        ParseFeedError::JsonSerde(e) => PollError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        },
        other => PollError::Parse(sanitize(&other.to_string())),
    }
}

/// Refuses DTDs, bounds nesting, finds syntax errors with their position
/// and checks that the root element is a feed's.
fn vet_xml(text: &str, content_type: Option<&str>) -> Result<(), PollError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0usize;
    let mut open: Vec<String> = Vec::new();
    let mut root_seen = false;
    loop {
        match reader.read_event() {
            Ok(Event::DocType(dt)) => {
                let body = dt.as_ref().to_ascii_lowercase();
                if !root_seen && body.trim_start().starts_with("html") {
                    return Err(html_page(content_type));
                }
                return Err(PollError::Doctype);
            }
            Ok(Event::Start(e)) => {
                let name = e.local_name().as_ref().to_owned();
                if !root_seen {
                    check_root(&name, content_type)?;
                    root_seen = true;
                }
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(PollError::TooDeep(MAX_DEPTH));
                }
                open.push(name);
            }
            Ok(Event::Empty(e)) => {
                if !root_seen {
                    let name = e.local_name().as_ref().to_owned();
                    check_root(&name, content_type)?;
                    root_seen = true;
                }
            }
            Ok(Event::End(_)) => {
                depth = depth.saturating_sub(1);
                open.pop();
            }
            Ok(Event::Eof) => {
                if let Some(name) = open.last() {
                    let (line, column) = line_col(text, text.len());
                    return Err(PollError::Xml {
                        line,
                        column,
                        message: format!("document ends inside <{}> (truncated?)", sanitize(name)),
                    });
                }
                if !root_seen {
                    return Err(PollError::NotAFeed("no root element".into()));
                }
                return Ok(());
            }
            Ok(_) => {}
            Err(e) => {
                let pos = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                let (line, column) = line_col(text, pos);
                return Err(PollError::Xml {
                    line,
                    column,
                    message: sanitize(&e.to_string()),
                });
            }
        }
    }
}

fn check_root(name: &str, content_type: Option<&str>) -> Result<(), PollError> {
    match name.to_ascii_lowercase().as_str() {
        "rss" | "feed" | "rdf" | "entry" | "channel" => Ok(()),
        "html" | "body" | "head" => Err(html_page(content_type)),
        other => Err(PollError::NotAFeed(format!(
            "root element <{}> is not RSS or Atom",
            sanitize(other)
        ))),
    }
}

fn html_page(content_type: Option<&str>) -> PollError {
    let ct = content_type
        .and_then(|c| c.split(';').next())
        .map(|c| sanitize(c.trim()))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "text/html".into());
    PollError::NotAFeed(format!("got {ct} page"))
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Puts a space between an e-mail address and a non-ASCII character
/// touching it («ali@site.com»، «x@y.com،»). feed-rs reads a contact
/// («<author>») as name and address by cutting one byte off the side of
/// the address where the name is, which panics when that byte is inside
/// a multi-byte character; with a space there it cuts the space.
fn space_out_addresses(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-';
    let mut cuts = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = b[..at]
            .iter()
            .rposition(|&c| !local(c))
            .map_or(0, |k| k + 1);
        let end = b[at + 1..]
            .iter()
            .position(|&c| !domain(c))
            .map_or(b.len(), |k| at + 1 + k);
        if start == at || end == at + 1 {
            continue;
        }
        if start > 0 && !b[start - 1].is_ascii() {
            cuts.push(start);
        }
        if end < b.len() && !b[end].is_ascii() {
            cuts.push(end);
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + cuts.len());
    let mut from = 0;
    for cut in cuts {
        out.push_str(&text[from..cut]);
        out.push(' ');
        from = cut;
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_touching_other_scripts_do_not_break_contacts() {
        for author in [
            "a@b.hello\u{202e}31mc (Ali)",
            "«ali@site.com»",
            "محمد،ali@site.com، المحرر",
        ] {
            let xml = format!(
                "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title>\
                 <link>http://example.com/a</link><author>{author}</author></item>\
                 </channel></rss>"
            );
            let feed = parse_feed(xml.as_bytes(), None, "http://example.com/feed.xml");
            assert!(feed.is_ok_and(|f| f.articles.len() == 1), "{author}");
        }
        assert_eq!(space_out_addresses("«x@y.com»"), "« x@y.com »");
        assert_eq!(space_out_addresses("x@y.com (Ali)"), "x@y.com (Ali)");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\nسلام", 7), (2, 3));
    }

    #[test]
    fn missing_guid_is_none_and_relative_link_resolved() {
        let xml = r#"<rss version="2.0"><channel><title>T</title>
            <item><title>A</title><link>/a/1</link><description>x</description></item>
            </channel></rss>"#;
        let feed = parse_feed(xml.as_bytes(), None, "http://example.com/feed.xml");
        let feed = match feed {
            Ok(f) => f,
            Err(e) => panic!("parse failed: {e}"),
        };
        assert_eq!(feed.articles[0].guid, None);
        assert_eq!(
            feed.articles[0].link.as_deref(),
            Some("http://example.com/a/1")
        );
    }
}
