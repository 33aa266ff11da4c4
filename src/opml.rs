//! Subscription lists in and out: OPML (nested outlines; folders and the
//! `category` attribute become tags) and newsboat `urls` files
//! (`URL "tag" tag2 "~Title"`). Entries that are not plain http(s) feeds
//! (`javascript:`, `file:`, newsboat `query:`/`exec:`/`filter:`, absurdly
//! long URLs) are skipped with a reason, never followed or executed.

use crate::poll::charset::decode_feed;
use crate::poll::parse::line_col;
use crate::text::sanitize::strip_controls;
use quick_xml::escape::{escape, unescape};
use quick_xml::events::{BytesStart, Event};

/// Longest URL accepted on import.
pub const MAX_URL_LEN: usize = 2048;

/// Deepest outline nesting accepted.
const MAX_DEPTH: usize = 64;

/// One subscription, as imported or to be exported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedEntry {
    /// The feed's URL (always http or https).
    pub url: String,
    /// The title the list gave it, if any.
    pub title: Option<String>,
    /// Tags: enclosing OPML folders, `category` values, newsboat tags.
    pub tags: Vec<String>,
}

/// An entry that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The entry as found (URL or line), sanitised.
    pub entry: String,
    /// Why it was skipped.
    pub reason: String,
}

/// The result of reading a subscription list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Import {
    /// Feeds to subscribe to, in file order, without duplicate URLs.
    pub feeds: Vec<FeedEntry>,
    /// Entries left out, with the reason.
    pub skipped: Vec<Skipped>,
}

/// Why an OPML file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum OpmlError {
    /// Malformed XML.
    #[error("OPML parse error at line {line} column {column}: {message}")]
    Xml {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The document declares a DTD (refused: entity expansion risk).
    #[error("refused OPML with a DOCTYPE/ENTITY declaration")]
    Doctype,
    /// Outlines nested deeper than allowed.
    #[error("OPML outlines nested deeper than {0} levels")]
    TooDeep(usize),
    /// Well-formed XML that is not OPML.
    #[error("not an OPML file: root element <{0}>")]
    NotOpml(String),
}

/// Reads a subscription list: OPML when it starts with `<`, otherwise a
/// newsboat `urls` file.
pub fn import(bytes: &[u8]) -> Result<Import, OpmlError> {
    let text = decode_feed(bytes, None);
    if text.trim_start().starts_with('<') {
        parse_opml(&text)
    } else {
        Ok(parse_urls(&text))
    }
}

/// Parses OPML text.
pub fn parse_opml(text: &str) -> Result<Import, OpmlError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut import = ImportBuilder::default();
    // One entry per open <outline>: the folder name it contributes, if any.
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut root_checked = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            let pos = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            let (line, column) = line_col(text, pos);
            OpmlError::Xml {
                line,
                column,
                message: strip_controls(&e.to_string()),
            }
        })?;
        match event {
            Event::DocType(_) => return Err(OpmlError::Doctype),
            Event::Start(e) | Event::Empty(e) if !root_checked => {
                let name = e.local_name().as_ref().to_owned();
                if !name.eq_ignore_ascii_case("opml") {
                    return Err(OpmlError::NotOpml(strip_controls(&name)));
                }
                root_checked = true;
            }
            Event::Start(e) if e.local_name().as_ref() == "outline" => {
                if folders.len() >= MAX_DEPTH {
                    return Err(OpmlError::TooDeep(MAX_DEPTH));
                }
                let folder = import.outline(&e, &folders);
                folders.push(folder);
            }
            Event::Empty(e) if e.local_name().as_ref() == "outline" => {
                import.outline(&e, &folders);
            }
            Event::End(e) if e.local_name().as_ref() == "outline" => {
                folders.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_checked {
        return Err(OpmlError::NotOpml(String::new()));
    }
    Ok(import.finish())
}

/// Parses a newsboat `urls` file. Never fails: bad lines are skipped.
pub fn parse_urls(text: &str) -> Import {
    let mut import = ImportBuilder::default();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut tokens = split_quoted(line).into_iter();
        let Some(url) = tokens.next() else { continue };
        let lower = url.to_ascii_lowercase();
        if ["query:", "exec:", "filter:"]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            import.skip(&url, "newsboat query/exec/filter feeds are not supported");
            continue;
        }
        let mut title = None;
        let mut tags = Vec::new();
        for token in tokens {
            if token.starts_with('#') {
                break;
            }
            if let Some(t) = token.strip_prefix('~') {
                title = Some(t.to_owned());
            } else if token != "!" {
                tags.push(token);
            }
        }
        import.add(&url, title.as_deref(), tags);
    }
    import.finish()
}

/// Writes an OPML 2.0 document: one outline per feed, tags in the
/// `category` attribute (comma-separated), everything escaped.
pub fn export_opml(feeds: &[FeedEntry]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>akhbar subscriptions</title>\n  </head>\n  <body>\n",
    );
    for feed in feeds {
        let title = feed.title.as_deref().unwrap_or(&feed.url);
        let title = escape(strip_controls(title));
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{title}\" title=\"{title}\" xmlUrl=\"{}\"",
            escape(strip_controls(&feed.url))
        ));
        if !feed.tags.is_empty() {
            let tags: Vec<String> = feed
                .tags
                .iter()
                .map(|t| strip_controls(t).replace(',', " "))
                .collect();
            out.push_str(&format!(" category=\"{}\"", escape(tags.join(","))));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[derive(Default)]
struct ImportBuilder {
    import: Import,
}

impl ImportBuilder {
    /// Handles one `<outline>`; returns the folder name it opens (outlines
    /// without `xmlUrl`), used as a tag for the feeds inside.
    fn outline(&mut self, e: &BytesStart<'_>, folders: &[Option<String>]) -> Option<String> {
        let mut text = None;
        let mut title = None;
        let mut xml_url = None;
        let mut category = None;
        for attr in e.attributes().flatten() {
            let value = unescape(&attr.value)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| attr.value.clone().into_owned());
            match attr.key.local_name().as_ref() {
                "text" => text = Some(value),
                "title" => title = Some(value),
                "xmlUrl" | "xmlurl" => xml_url = Some(value),
                "category" => category = Some(value),
                _ => {}
            }
        }
        let label = title
            .or(text)
            .map(|t| strip_controls(t.trim()))
            .filter(|t| !t.is_empty());
        let Some(url) = xml_url else {
            return label;
        };
        let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
        if let Some(category) = category {
            tags.extend(
                category
                    .split(',')
                    .map(|c| c.trim().trim_matches('/').to_owned()),
            );
        }
        self.add(&url, label.as_deref(), tags);
        None
    }

    fn skip(&mut self, entry: &str, reason: &str) {
        let mut entry = strip_controls(entry);
        if entry.len() > 200 {
            let mut cut = 200;
            while !entry.is_char_boundary(cut) {
                cut -= 1;
            }
            entry.truncate(cut);
            entry.push('…');
        }
        self.import.skipped.push(Skipped {
            entry,
            reason: reason.to_owned(),
        });
    }

    fn add(&mut self, url: &str, title: Option<&str>, tags: Vec<String>) {
        let url = url.trim();
        if url.len() > MAX_URL_LEN {
            self.skip(url, "URL longer than 2048 bytes");
            return;
        }
        let parsed = match url::Url::parse(url) {
            Ok(u) => u,
            Err(e) => {
                self.skip(url, &format!("not a URL: {e}"));
                return;
            }
        };
        if !matches!(parsed.scheme(), "http" | "https") {
            self.skip(
                url,
                &format!("scheme {} is not http or https", parsed.scheme()),
            );
            return;
        }
        let url = parsed.to_string();
        if self.import.feeds.iter().any(|f| f.url == url) {
            self.skip(&url, "duplicate");
            return;
        }
        let mut clean_tags: Vec<String> = Vec::new();
        for tag in tags {
            let tag = strip_controls(tag.trim()).replace('\n', " ");
            if !tag.is_empty() && tag.chars().count() <= 100 && !clean_tags.contains(&tag) {
                clean_tags.push(tag);
            }
        }
        self.import.feeds.push(FeedEntry {
            url,
            title: title
                .map(|t| strip_controls(t.trim()).replace('\n', " "))
                .filter(|t| !t.is_empty()),
            tags: clean_tags,
        });
    }

    fn finish(self) -> Import {
        self.import
    }
}

/// Splits a newsboat line into tokens; `"..."` groups spaces.
fn split_quoted(line: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    let mut has_token = false;
    for c in line.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                has_token = true;
            }
            c if c.is_whitespace() && !in_quotes => {
                if has_token {
                    tokens.push(std::mem::take(&mut current));
                    has_token = false;
                }
            }
            c => {
                current.push(c);
                has_token = true;
            }
        }
    }
    if has_token {
        tokens.push(current);
    }
    tokens
}
