//! Readability-style article extraction on a decoded HTML string.
//!
//! The page is parsed once with `scraper`, flattened into an index-based
//! arena (bounded in size and depth, so hostile pages cost bounded work),
//! then:
//! 1. obvious non-content is dropped: scripts, forms, `nav`/`aside`/`footer`,
//!    AMP widgets, hidden elements, and elements whose class/id says menu,
//!    sidebar, comments, share, related, ad, cookie, breadcrumbs...;
//! 2. short blocks that read like boilerplate ("اقرأ أيضاً", "آخر تحديث",
//!    "last updated", "شروط النشر", comment counts...) are dropped;
//! 3. paragraphs are scored (length, commas including the Arabic `،` and
//!    `؛`, words starting with the conjunction «و» which Arabic uses where
//!    English uses commas, and a strong bonus when the paragraph is part of
//!    the page's JSON-LD `articleBody`), and the scores flow to their
//!    parents; the best container, weighted by its class/id and its link
//!    density, wins, and its siblings that look like more of the article
//!    join it;
//! 4. inside the winner, link lists and link-heavy boxes are dropped.
//!
//! If that yields almost nothing, the pass is repeated without the class/id
//! rules, and the JSON-LD `articleBody` is the last resort.

use std::sync::LazyLock;

use scraper::node::Element;
use scraper::{Html, Node};

use crate::model::Direction;
use crate::text::direction::direction_of_lang;
use crate::text::fold::fold;
use crate::text::sanitize::strip_controls;

/// Pages larger than this (in bytes) are cut before parsing: no news
/// article needs more, and it bounds the work on hostile input.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;
/// Nodes nested deeper than this are ignored.
const MAX_DEPTH: usize = 256;
/// At most this many DOM nodes are looked at.
const MAX_NODES: usize = 400_000;
/// Below this many characters an extraction is considered failed and the
/// next, more lenient pass is tried.
const MIN_ARTICLE_CHARS: usize = 250;
/// Blocks up to this long are checked against the boilerplate phrases.
const PHRASE_BLOCK_MAX: usize = 200;

/// What the extractor found on a page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extracted {
    /// The article's headline (JSON-LD, `og:title`, `<h1>` or `<title>`).
    pub title: Option<String>,
    /// The cleaned article as an HTML fragment (only structural tags,
    /// `href`, `dir` and `lang` attributes are kept).
    pub html: String,
    /// The article as clean text in the contract's format.
    pub text: String,
    /// Language tag of the article, from `lang` on the article or its
    /// ancestors, else the page's metadata.
    pub lang: Option<String>,
    /// Direction from `dir` on the article or its ancestors, else from the
    /// language tag.
    pub direction: Option<Direction>,
}

/// Why no article could be extracted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The page has no block of text that looks like an article.
    #[error("no article text found on the page")]
    NoArticle,
}

/// Extracts the article of a news page. `url` (the page's final URL) is
/// used to resolve relative links. Pure: no I/O, never panics.
pub fn extract_article(html: &str, url: Option<&str>) -> Result<Extracted, ExtractError> {
    let html = cap_input(html);
    let doc = Html::parse_document(html);
    let arena = Arena::build(&doc);
    let meta = Meta::collect(&arena);

    let mut best: Option<(Vec<usize>, String, String, Page)> = None;
    for strip_unlikely in [true, false] {
        let mut page = Page::new(&arena, strip_unlikely, meta.ld_body.as_deref());
        let Some(chosen) = page.choose() else {
            continue;
        };
        page.clean_content(&chosen, meta.title_key());
        let fragment = page.serialize(&chosen);
        let text = clean_text(&fragment, url);
        let better = best
            .as_ref()
            .is_none_or(|(_, _, t, _)| text.chars().count() > t.chars().count());
        let long_enough = text.chars().count() >= MIN_ARTICLE_CHARS;
        if better {
            best = Some((chosen, fragment, text, page));
        }
        if long_enough {
            break;
        }
    }

    let (lang, direction) = match &best {
        Some((chosen, _, _, page)) => page.lang_and_direction(chosen.first().copied(), &meta),
        None => page_lang_and_direction(&arena, &meta),
    };
    let (html_out, text) = match best {
        Some((_, fragment, text, _)) if !ld_body_is_better(meta.ld_body.as_deref(), &text) => {
            (fragment, text)
        }
        _ => match meta.ld_body.as_deref() {
            Some(body) if !body.trim().is_empty() => {
                let fragment = ld_body_fragment(body);
                let text = clean_text(&fragment, url);
                (fragment, text)
            }
            _ => return Err(ExtractError::NoArticle),
        },
    };
    if text.trim().is_empty() {
        return Err(ExtractError::NoArticle);
    }
    Ok(Extracted {
        title: meta.best_title(),
        html: html_out,
        text,
        lang,
        direction,
    })
}

/// Cuts the input to `MAX_INPUT_BYTES` on a character boundary.
fn cap_input(html: &str) -> &str {
    if html.len() <= MAX_INPUT_BYTES {
        return html;
    }
    let mut end = MAX_INPUT_BYTES;
    while end > 0 && !html.is_char_boundary(end) {
        end -= 1;
    }
    &html[..end]
}

/// True when the JSON-LD body is clearly more complete than what the DOM
/// gave (pages that render the article with JavaScript).
fn ld_body_is_better(ld_body: Option<&str>, text: &str) -> bool {
    ld_body.is_some_and(|b| {
        let ld = b.chars().filter(|c| !c.is_whitespace()).count();
        let got = text.chars().filter(|c| !c.is_whitespace()).count();
        ld >= MIN_ARTICLE_CHARS && got * 2 < ld
    })
}

/// The JSON-LD body as paragraphs of HTML.
fn ld_body_fragment(body: &str) -> String {
    let mut out = String::from("<div>");
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str("<p>");
        escape_into(&mut out, line, false);
        out.push_str("</p>");
    }
    out.push_str("</div>");
    out
}

// ---------------------------------------------------------------------------
// The arena: the DOM flattened into indices.

/// What one arena node is.
enum Kind<'a> {
    Element(&'a Element),
    Text(&'a str),
    Other,
}

/// One DOM node with its parent and children as arena indices.
struct Item<'a> {
    kind: Kind<'a>,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// The document in pre-order: a parent always comes before its children.
struct Arena<'a> {
    items: Vec<Item<'a>>,
}

impl<'a> Arena<'a> {
    /// Flattens the document, ignoring nodes beyond `MAX_DEPTH` and
    /// `MAX_NODES`.
    fn build(doc: &'a Html) -> Arena<'a> {
        let mut items: Vec<Item<'a>> = Vec::new();
        let mut stack = vec![(doc.tree.root(), None, 0usize)];
        while let Some((node, parent, depth)) = stack.pop() {
            if items.len() >= MAX_NODES {
                break;
            }
            let kind = match node.value() {
                Node::Element(e) => Kind::Element(e),
                Node::Text(t) => Kind::Text(&t.text),
                _ => Kind::Other,
            };
            let idx = items.len();
            items.push(Item {
                kind,
                parent,
                children: Vec::new(),
            });
            if let Some(p) = parent
                && let Some(item) = items.get_mut(p)
            {
                item.children.push(idx);
            }
            if depth < MAX_DEPTH {
                for child in node.children().rev() {
                    stack.push((child, Some(idx), depth + 1));
                }
            }
        }
        Arena { items }
    }

    /// The element at `i`, if it is one.
    fn element(&self, i: usize) -> Option<&'a Element> {
        match self.items.get(i).map(|it| &it.kind) {
            Some(Kind::Element(e)) => Some(e),
            _ => None,
        }
    }

    /// The lowercase tag name at `i` ("" for non-elements).
    fn tag(&self, i: usize) -> &'a str {
        self.element(i).map(|e| e.name()).unwrap_or("")
    }

    /// Attribute `name` of the element at `i`.
    fn attr(&self, i: usize, name: &str) -> Option<&'a str> {
        self.element(i).and_then(|e| e.attr(name))
    }

    /// Children of `i`.
    fn children(&self, i: usize) -> &[usize] {
        self.items
            .get(i)
            .map(|it| it.children.as_slice())
            .unwrap_or(&[])
    }

    /// Parent of `i`.
    fn parent(&self, i: usize) -> Option<usize> {
        self.items.get(i).and_then(|it| it.parent)
    }

    /// Indices of the elements named `tag`.
    fn elements_named(&self, tag: &'a str) -> impl Iterator<Item = usize> + '_ {
        (0..self.items.len()).filter(move |&i| self.tag(i) == tag)
    }

    /// All the text under `i` (whitespace collapsed), skipping `dead` nodes.
    fn text_of(&self, i: usize, dead: &[bool]) -> String {
        let mut out = String::new();
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            if dead.get(n).copied().unwrap_or(false) {
                continue;
            }
            if let Some(Item {
                kind: Kind::Text(t),
                ..
            }) = self.items.get(n)
            {
                push_collapsed(&mut out, t);
            }
            stack.extend(self.children(n).iter().rev());
        }
        out.trim().to_string()
    }
}

/// Appends `t` to `out` with runs of whitespace turned into one space.
fn push_collapsed(out: &mut String, t: &str) {
    for c in t.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

// ---------------------------------------------------------------------------
// Page metadata.

/// Metadata read once from the whole page.
struct Meta {
    html_lang: Option<String>,
    meta_lang: Option<String>,
    og_title: Option<String>,
    doc_title: Option<String>,
    h1: Option<String>,
    ld_headline: Option<String>,
    ld_body: Option<String>,
}

impl Meta {
    /// Reads `<title>`, `og:title`, the first `<h1>`, language metadata and
    /// JSON-LD `headline`/`articleBody`.
    fn collect(arena: &Arena<'_>) -> Meta {
        let none = vec![false; arena.items.len()];
        let text = |i: usize| Some(arena.text_of(i, &none)).filter(|t| !t.is_empty());
        let mut meta = Meta {
            html_lang: arena
                .elements_named("html")
                .find_map(|i| arena.attr(i, "lang"))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            meta_lang: None,
            og_title: None,
            doc_title: arena.elements_named("title").find_map(text),
            h1: arena.elements_named("h1").find_map(text),
            ld_headline: None,
            ld_body: None,
        };
        for i in arena.elements_named("meta") {
            let key = arena
                .attr(i, "property")
                .or_else(|| arena.attr(i, "name"))
                .or_else(|| arena.attr(i, "http-equiv"))
                .unwrap_or("")
                .to_ascii_lowercase();
            let Some(content) = arena.attr(i, "content").map(str::trim) else {
                continue;
            };
            if content.is_empty() {
                continue;
            }
            match key.as_str() {
                "og:title" | "twitter:title" if meta.og_title.is_none() => {
                    meta.og_title = Some(collapse(content));
                }
                "content-language" | "og:locale" if meta.meta_lang.is_none() => {
                    meta.meta_lang = Some(content.replace('_', "-"));
                }
                _ => {}
            }
        }
        for i in arena.elements_named("script") {
            let is_ld = arena
                .attr(i, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            let raw = arena
                .children(i)
                .iter()
                .filter_map(|&c| match arena.items.get(c).map(|it| &it.kind) {
                    Some(Kind::Text(t)) => Some(*t),
                    _ => None,
                })
                .collect::<String>();
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
                ld_find(&value, 0, &mut meta);
            }
        }
        meta
    }

    /// The folded headline the article body may repeat as its first heading.
    fn title_key(&self) -> Option<String> {
        self.best_title().map(|t| match_key(&t))
    }

    /// The headline: the `<h1>` when the metadata confirms it, else JSON-LD
    /// `headline`, `og:title`, the `<title>` without the site name, `<h1>`.
    fn best_title(&self) -> Option<String> {
        let meta_titles = [&self.ld_headline, &self.og_title, &self.doc_title];
        if let Some(h1) = &self.h1 {
            let key = match_key(h1);
            if !key.is_empty()
                && meta_titles
                    .iter()
                    .any(|t| t.as_deref().is_some_and(|t| match_key(t).contains(&key)))
            {
                return Some(clean_title(h1));
            }
        }
        self.ld_headline
            .as_deref()
            .or(self.og_title.as_deref())
            .map(clean_title)
            .or_else(|| self.doc_title.as_deref().map(strip_site_name))
            .or_else(|| self.h1.as_deref().map(clean_title))
            .filter(|t| !t.is_empty())
    }
}

/// Walks JSON-LD looking for `articleBody` and `headline` (bounded depth).
fn ld_find(v: &serde_json::Value, depth: usize, meta: &mut Meta) {
    if depth > 12 {
        return;
    }
    match v {
        serde_json::Value::Object(map) => {
            if meta.ld_body.is_none()
                && let Some(serde_json::Value::String(body)) = map.get("articleBody")
            {
                meta.ld_body = Some(body.clone());
                if let Some(serde_json::Value::String(h)) = map.get("headline") {
                    meta.ld_headline = Some(collapse(h));
                }
            }
            if meta.ld_headline.is_none()
                && let Some(serde_json::Value::String(h)) = map.get("headline")
            {
                meta.ld_headline = Some(collapse(h));
            }
            for value in map.values() {
                ld_find(value, depth + 1, meta);
            }
        }
        serde_json::Value::Array(items) => {
            for value in items {
                ld_find(value, depth + 1, meta);
            }
        }
        _ => {}
    }
}

/// Whitespace collapsed and trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::new();
    push_collapsed(&mut out, s);
    out.trim().to_string()
}

/// A title without control characters or extra whitespace.
fn clean_title(s: &str) -> String {
    collapse(&strip_controls(s))
}

/// `<title>` usually ends (or starts) with the site's name after a
/// separator; keep the longest part.
fn strip_site_name(s: &str) -> String {
    let t = clean_title(s);
    [" | ", " - ", " – ", " — ", " :: ", " « ", " » "]
        .iter()
        .find(|sep| t.contains(**sep))
        .and_then(|sep| t.split(*sep).max_by_key(|p| p.chars().count()))
        .map(|p| p.trim().to_string())
        .unwrap_or(t)
}

/// The key used to compare texts: folded (Arabic letter variants,
/// harakat, case), letters and digits only, single spaces.
pub(crate) fn match_key(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Language and direction when no article container was found.
fn page_lang_and_direction(arena: &Arena<'_>, meta: &Meta) -> (Option<String>, Option<Direction>) {
    let lang = meta.html_lang.clone().or_else(|| meta.meta_lang.clone());
    let dir = ["html", "body"]
        .iter()
        .filter_map(|t| arena.elements_named(t).next())
        .find_map(|i| arena.attr(i, "dir").and_then(parse_dir));
    let direction = dir.or_else(|| lang.as_deref().and_then(direction_of_lang));
    (lang, direction)
}

/// `rtl`/`ltr` from a `dir` attribute (`auto` says nothing).
fn parse_dir(s: &str) -> Option<Direction> {
    match s.trim().to_ascii_lowercase().as_str() {
        "rtl" => Some(Direction::Rtl),
        "ltr" => Some(Direction::Ltr),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Hints.

/// Class/id words that mark boilerplate even next to a positive word.
const NEG_STRONG: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "share",
    "sharing",
    "sharebar",
    "social",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "adslot",
    "dfp",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "related",
    "breadcrumb",
    "breadcrumbs",
    "newsletter",
    "subscribe",
    "subscription",
    "outbrain",
    "taboola",
    "popup",
    "modal",
    "disqus",
    "readalso",
    "trending",
    "popular",
    "widget",
    "terms",
    "replies",
    "reply",
];

/// Class/id words that mark boilerplate unless a positive word is there too.
const NEG_WEAK: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "sidebar",
    "side",
    "aside",
    "footer",
    "foot",
    "header",
    "masthead",
    "banner",
    "tags",
    "tag",
    "tools",
    "toolbar",
    "print",
    "byline",
    "author",
    "meta",
    "date",
    "time",
    "timestamp",
    "dateline",
    "skip",
    "login",
    "pagination",
    "pager",
    "rating",
    "caption",
    "credit",
    "hidden",
    "policy",
    "copyright",
    "bio",
    "topbar",
    "ticker",
    "rail",
    "aux",
];

/// Pairs of class/id words that together mark a boilerplate box.
const NEG_PAIRS: &[(&str, &str)] = &[
    ("read", "also"),
    ("also", "read"),
    ("read", "more"),
    ("most", "read"),
    ("see", "also"),
    ("more", "stories"),
];

/// Class/id words of article containers.
const POSITIVE: &[&str] = &[
    "article",
    "articlebody",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "body",
    "blog",
    "prose",
    "detail",
    "details",
];

/// Boilerplate phrases: a short block starting with one is dropped.
const PHRASES: &[&str] = &[
    "read also",
    "also read",
    "read more",
    "see also",
    "related:",
    "related articles",
    "related stories",
    "related news",
    "more stories",
    "more from",
    "you may also like",
    "you might also like",
    "recommended for you",
    "last updated",
    "updated:",
    "updated on",
    "published:",
    "published on",
    "posted on",
    "share this",
    "share on",
    "share:",
    "follow us",
    "subscribe",
    "sign up",
    "advertisement",
    "sponsored",
    "terms of publication",
    "publishing terms",
    "comment policy",
    "comments policy",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "reading time",
    "min read",
    "اقرأ أيضا",
    "إقرأ أيضا",
    "اقرأ المزيد",
    "اقرا ايضا",
    "طالع أيضا",
    "شاهد أيضا",
    "اقرأ كذلك",
    "مواضيع ذات صلة",
    "أخبار ذات صلة",
    "اخبار ذات صلة",
    "مقالات ذات صلة",
    "ذات صلة",
    "المزيد من",
    "آخر تحديث",
    "تاريخ النشر",
    "تاريخ التحديث",
    "نشر في",
    "نشر بتاريخ",
    "شروط النشر",
    "قواعد النشر",
    "سياسة التعليقات",
    "أضف تعليق",
    "أضف تعليقك",
    "اترك تعليقا",
    "التعليقات",
    "تعليقات",
    "شارك",
    "شارك الخبر",
    "مشاركة",
    "تابعونا",
    "تابعنا",
    "اشترك",
    "إعلان",
    "محتوى مدعوم",
    "وقت القراءة",
    "طباعة",
    "أرسل الخبر",
    "أرسل لصديق",
    "عدد القراءات",
    "عدد المشاهدات",
    "print this",
    "email this",
];

/// Phrases dropped only when the block is about that short (they also
/// start ordinary sentences).
const SHORT_ONLY: &[&str] = &[
    "شارك",
    "مشاركة",
    "اشترك",
    "إعلان",
    "تعليقات",
    "المزيد من",
    "subscribe",
];

/// Words that, in a very short block, make it a comment counter or label.
const COUNTER_WORDS: &[&str] = &[
    "comment",
    "comments",
    "تعليق",
    "تعليقا",
    "تعليقات",
    "views",
    "مشاهدة",
];

/// Class and id of `e` split into lowercase words (also at camelCase).
fn hint_words(e: &Element) -> Vec<String> {
    let mut out = Vec::new();
    for s in [e.attr("class"), e.attr("id")].into_iter().flatten() {
        let mut cur = String::new();
        let mut prev_lower = false;
        for c in s.chars() {
            if c.is_alphanumeric() {
                if c.is_uppercase() && prev_lower && !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                prev_lower = c.is_lowercase() || c.is_ascii_digit();
                cur.extend(c.to_lowercase());
            } else {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                prev_lower = false;
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// What the class/id of an element says.
#[derive(Clone, Copy, Default)]
struct Hints {
    strong_neg: bool,
    weak_neg: bool,
    positive: bool,
}

impl Hints {
    /// Reads the hints of `e`.
    fn of(e: &Element) -> Hints {
        let words = hint_words(e);
        let has = |w: &str| words.iter().any(|x| x == w);
        Hints {
            strong_neg: NEG_STRONG.iter().any(|w| has(w))
                || NEG_PAIRS
                    .iter()
                    .any(|(a, b)| words.windows(2).any(|p| p[0] == *a && p[1] == *b)),
            weak_neg: NEG_WEAK.iter().any(|w| has(w)),
            positive: POSITIVE.iter().any(|w| has(w))
                || e.attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("articleBody")),
        }
    }

    /// Score adjustment for a candidate container.
    fn weight(self) -> f64 {
        let mut w = 0.0;
        if self.strong_neg || self.weak_neg {
            w -= 25.0;
        }
        if self.positive {
            w += 25.0;
        }
        w
    }
}

/// Tags never part of an article's text.
fn is_junk_tag(tag: &str) -> bool {
    matches!(
        tag,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "embed"
            | "form"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "label"
            | "nav"
            | "footer"
            | "aside"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "img"
            | "figure"
            | "figcaption"
            | "dialog"
            | "menu"
    ) || tag.starts_with("amp-")
}

/// Block-level tags (a container holding none of these is a paragraph).
fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "ul"
            | "ol"
            | "dl"
            | "table"
            | "blockquote"
            | "pre"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figure"
            | "form"
            | "li"
            | "hr"
    )
}

/// True for `<h1>`…`<h6>`.
fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// True when the element is hidden by markup.
fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// True when a short block of text reads like boilerplate.
fn is_boiler_text(text: &str) -> bool {
    let key = match_key(text);
    if key.is_empty() {
        return false;
    }
    let len = key.chars().count();
    let folded_raw = fold(text);
    let folded_raw = folded_raw.trim_start();
    for phrase in PHRASE_KEYS.iter() {
        let starts = key.starts_with(&phrase.key)
            || (phrase.colon && folded_raw.starts_with(&phrase.folded));
        if starts && (!phrase.short_only || len <= phrase.key.chars().count() + 25) {
            return true;
        }
    }
    if len <= 40 {
        let words: Vec<&str> = key.split(' ').collect();
        let has_digit = key.chars().any(|c| c.is_ascii_digit());
        let counter = words.iter().any(|w| COUNTER_KEYS.iter().any(|c| c == w));
        if counter && (has_digit || words.len() <= 2) {
            return true;
        }
    }
    false
}

/// A boilerplate phrase prepared for matching.
struct PhraseKey {
    /// `match_key` of the phrase.
    key: String,
    /// The phrase folded, punctuation kept.
    folded: String,
    /// The phrase ends with a colon (matched with its punctuation too).
    colon: bool,
    /// Only short blocks starting with it are boilerplate.
    short_only: bool,
}

/// `PHRASES` prepared once.
static PHRASE_KEYS: LazyLock<Vec<PhraseKey>> = LazyLock::new(|| {
    PHRASES
        .iter()
        .map(|p| PhraseKey {
            key: match_key(p),
            folded: fold(p),
            colon: p.ends_with(':'),
            short_only: SHORT_ONLY.contains(p),
        })
        .collect()
});

/// `COUNTER_WORDS` folded once.
static COUNTER_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| COUNTER_WORDS.iter().map(|w| fold(w)).collect());

// ---------------------------------------------------------------------------
// One extraction pass.

/// Text statistics of a subtree (dead nodes excluded).
#[derive(Clone, Copy, Default)]
struct Stats {
    chars: usize,
    link_chars: usize,
    commas: usize,
    waw_words: usize,
}

/// The state of one extraction pass over the arena.
struct Page<'a, 'b> {
    arena: &'b Arena<'a>,
    /// Removed by this pass (the node itself).
    removed: Vec<bool>,
    /// Removed or inside a removed node.
    dead: Vec<bool>,
    stats: Vec<Stats>,
    ld_key: Option<String>,
}

impl<'a, 'b> Page<'a, 'b> {
    /// Prepares a pass: junk tags, hidden and (if `strip_unlikely`)
    /// class/id-marked boilerplate removed, then short boilerplate blocks.
    fn new(arena: &'b Arena<'a>, strip_unlikely: bool, ld_body: Option<&str>) -> Page<'a, 'b> {
        let n = arena.items.len();
        let mut page = Page {
            arena,
            removed: vec![false; n],
            dead: vec![false; n],
            stats: vec![Stats::default(); n],
            ld_key: ld_body.map(match_key).filter(|k| k.chars().count() >= 50),
        };
        for i in 0..n {
            let Some(e) = arena.element(i) else {
                continue;
            };
            let tag = e.name();
            let protected = matches!(tag, "html" | "body" | "article" | "main");
            let mut remove = is_junk_tag(tag) || is_hidden(e);
            if strip_unlikely && !protected && !remove {
                let h = Hints::of(e);
                remove = h.strong_neg && !is_articlebody(e) || (h.weak_neg && !h.positive);
            }
            page.removed[i] = remove;
        }
        page.refresh();
        let mut changed = false;
        for i in 0..n {
            if page.dead[i] {
                continue;
            }
            let Some(e) = arena.element(i) else {
                continue;
            };
            let tag = e.name();
            let chars = page.stats[i].chars;
            if matches!(tag, "html" | "body" | "article" | "main") {
                continue;
            }
            let small_marked = strip_unlikely && chars <= PHRASE_BLOCK_MAX && {
                let h = Hints::of(e);
                (h.strong_neg || h.weak_neg) && !is_articlebody(e)
            };
            let small_header = tag == "header" && chars < 300;
            let boiler = chars <= PHRASE_BLOCK_MAX
                && chars > 0
                && is_boiler_text(&arena.text_of(i, &page.dead));
            if small_marked || small_header || boiler {
                page.removed[i] = true;
                changed = true;
            }
        }
        if changed {
            page.refresh();
        }
        page
    }

    /// Recomputes `dead` (top-down) and `stats` (bottom-up).
    fn refresh(&mut self) {
        let n = self.arena.items.len();
        for i in 0..n {
            let parent_dead = self
                .arena
                .parent(i)
                .is_some_and(|p| self.dead.get(p).copied().unwrap_or(false));
            self.dead[i] = self.removed[i] || parent_dead;
        }
        for i in (0..n).rev() {
            let mut s = Stats::default();
            if !self.dead[i] {
                match self.arena.items.get(i).map(|it| &it.kind) {
                    Some(Kind::Text(t)) => s = text_stats(t),
                    Some(Kind::Element(e)) => {
                        for &c in self.arena.children(i) {
                            let cs = self.stats[c];
                            s.chars += cs.chars;
                            s.link_chars += cs.link_chars;
                            s.commas += cs.commas;
                            s.waw_words += cs.waw_words;
                        }
                        if e.name() == "a" {
                            s.link_chars = s.chars;
                        }
                    }
                    _ => {}
                }
            }
            self.stats[i] = s;
        }
    }

    /// Link density of the subtree at `i`.
    fn link_density(&self, i: usize) -> f64 {
        let s = self.stats[i];
        if s.chars == 0 {
            0.0
        } else {
            s.link_chars as f64 / s.chars as f64
        }
    }

    /// True when `i` is a paragraph for scoring purposes.
    fn is_paragraph(&self, i: usize) -> bool {
        match self.arena.tag(i) {
            "p" | "pre" | "td" => true,
            "div" | "section" | "article" | "main" | "span" => !self
                .arena
                .children(i)
                .iter()
                .any(|&c| !self.dead[c] && is_block_tag(self.arena.tag(c))),
            _ => false,
        }
    }

    /// Scores the paragraphs and returns the chosen container(s), in
    /// document order.
    fn choose(&mut self) -> Option<Vec<usize>> {
        let n = self.arena.items.len();
        let mut score: Vec<Option<f64>> = vec![None; n];
        for i in 0..n {
            if self.dead[i] || !self.is_paragraph(i) {
                continue;
            }
            let s = self.stats[i];
            if s.chars < 25 || self.link_density(i) > 0.5 {
                continue;
            }
            let mut points = 1.0
                + s.commas as f64
                + s.waw_words as f64 / 3.0
                + (s.chars as f64 / 100.0).min(3.0);
            if let Some(ld) = &self.ld_key {
                let key = match_key(&self.arena.text_of(i, &self.dead));
                let probe: String = key.chars().take(80).collect();
                if probe.chars().count() >= 20 && ld.contains(&probe) {
                    points += 25.0;
                }
            }
            // A container holding text directly (paragraphs separated by
            // `<br>`, legacy table cells) is a candidate itself.
            if !matches!(self.arena.tag(i), "p" | "pre") {
                let base = score[i].unwrap_or_else(|| self.initial_score(i));
                score[i] = Some(base + points);
            }
            let mut ancestor = self.arena.parent(i);
            for level in 0..3 {
                let Some(a) = ancestor else {
                    break;
                };
                if self.arena.element(a).is_none() || self.dead[a] {
                    break;
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => 6.0,
                };
                let base = score[a].unwrap_or_else(|| self.initial_score(a));
                score[a] = Some(base + points / divider);
                ancestor = self.arena.parent(a);
            }
        }
        let mut top: Option<(usize, f64)> = None;
        for (i, s) in score.iter().enumerate() {
            let Some(s) = s else {
                continue;
            };
            let tag = self.arena.tag(i);
            if matches!(tag, "html" | "head") {
                continue;
            }
            let fin = s * (1.0 - self.link_density(i));
            if top.is_none_or(|(_, best)| fin > best) {
                top = Some((i, fin));
            }
        }
        let (mut top, top_score) = top?;
        let mut ancestor = self.arena.parent(top);
        for _ in 0..3 {
            let Some(a) = ancestor else {
                break;
            };
            if self.arena.element(a).is_some_and(is_articlebody) && !self.dead[a] {
                top = a;
                return Some(vec![top]);
            }
            ancestor = self.arena.parent(a);
        }
        if self.arena.tag(top) == "body" {
            return Some(vec![top]);
        }
        Some(self.with_siblings(top, top_score, &score))
    }

    /// Starting score of a container: its tag and its class/id.
    fn initial_score(&self, i: usize) -> f64 {
        let Some(e) = self.arena.element(i) else {
            return 0.0;
        };
        let tag_points = match e.name() {
            "article" => 10.0,
            "div" | "main" => 5.0,
            "section" => 3.0,
            "pre" | "td" | "blockquote" => 3.0,
            "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "th" => -5.0,
            t if is_heading(t) => -5.0,
            _ => 0.0,
        };
        let articlebody = if is_articlebody(e) { 50.0 } else { 0.0 };
        tag_points + articlebody + Hints::of(e).weight()
    }

    /// The top container plus the siblings that look like more of the
    /// article (articles split by ad slots or "read also" boxes).
    fn with_siblings(&self, top: usize, top_score: f64, score: &[Option<f64>]) -> Vec<usize> {
        let Some(parent) = self.arena.parent(top) else {
            return vec![top];
        };
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = self.arena.attr(top, "class").unwrap_or("");
        let siblings: Vec<usize> = self
            .arena
            .children(parent)
            .iter()
            .copied()
            .filter(|&c| !self.dead[c] && self.arena.element(c).is_some())
            .collect();
        let mut keep: Vec<bool> = siblings
            .iter()
            .map(|&c| {
                if c == top {
                    return true;
                }
                let bonus =
                    if !top_class.is_empty() && self.arena.attr(c, "class") == Some(top_class) {
                        top_score * 0.2
                    } else {
                        0.0
                    };
                if let Some(s) = score[c]
                    && s * (1.0 - self.link_density(c)) + bonus >= threshold
                {
                    return true;
                }
                if self.arena.tag(c) == "p" {
                    let st = self.stats[c];
                    let ld = self.link_density(c);
                    if st.chars > 80 && ld < 0.25 {
                        return true;
                    }
                    if st.chars > 0 && ld == 0.0 {
                        let text = self.arena.text_of(c, &self.dead);
                        return text.ends_with(['.', '!', '?', '؟', '»', '"']);
                    }
                }
                false
            })
            .collect();
        for k in 0..siblings.len() {
            let c = siblings[k];
            if !keep[k] && is_heading(self.arena.tag(c)) && self.stats[c].chars < 150 {
                let before = keep[..k].iter().any(|&x| x);
                let after = keep.get(k + 1).copied().unwrap_or(false);
                keep[k] = before && after;
            }
        }
        siblings
            .iter()
            .zip(keep)
            .filter_map(|(&c, k)| k.then_some(c))
            .collect()
    }

    /// Drops link lists, link-heavy boxes, headings introducing a dropped
    /// box, and a first heading repeating the title, inside the chosen
    /// containers.
    fn clean_content(&mut self, chosen: &[usize], title_key: Option<String>) {
        let mut order = Vec::new();
        for &root in chosen {
            let mut stack = vec![root];
            while let Some(n) = stack.pop() {
                if self.dead[n] {
                    continue;
                }
                order.push(n);
                stack.extend(self.arena.children(n).iter().rev());
            }
        }
        let mut title_seen = false;
        for &i in &order {
            if self.removed[i] || chosen.contains(&i) {
                continue;
            }
            let tag = self.arena.tag(i);
            let st = self.stats[i];
            let ld = self.link_density(i);
            let drop = match tag {
                "ul" | "ol" | "dl" => ld > 0.5,
                "div" | "section" | "table" | "header" => st.chars < 500 && ld > 0.5,
                "p" | "li" => st.chars < 200 && ld > 0.8,
                t if is_heading(t) && !title_seen => {
                    title_seen = true;
                    title_key.as_deref().is_some_and(|k| {
                        !k.is_empty() && match_key(&self.arena.text_of(i, &self.dead)) == k
                    })
                }
                _ => false,
            };
            if drop {
                self.removed[i] = true;
            }
        }
        self.refresh();
        for &i in &order {
            if self.dead[i] || !is_heading(self.arena.tag(i)) || self.stats[i].chars >= 80 {
                continue;
            }
            let next = self.next_element_sibling(i);
            if next.is_some_and(|s| self.removed[s]) {
                self.removed[i] = true;
            }
        }
        self.refresh();
    }

    /// The next element sibling of `i` (dead or not), skipping text.
    fn next_element_sibling(&self, i: usize) -> Option<usize> {
        let parent = self.arena.parent(i)?;
        let siblings = self.arena.children(parent);
        let pos = siblings.iter().position(|&c| c == i)?;
        siblings[pos + 1..]
            .iter()
            .copied()
            .find(|&c| self.arena.element(c).is_some())
    }

    /// The language and direction of the article: the nearest `lang`/`dir`
    /// on the container or its ancestors, else page metadata.
    fn lang_and_direction(
        &self,
        top: Option<usize>,
        meta: &Meta,
    ) -> (Option<String>, Option<Direction>) {
        let mut lang = None;
        let mut dir = None;
        let mut cur = top;
        while let Some(i) = cur {
            if lang.is_none() {
                lang = self
                    .arena
                    .attr(i, "lang")
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string);
            }
            if dir.is_none() {
                dir = self.arena.attr(i, "dir").and_then(parse_dir);
            }
            cur = self.arena.parent(i);
        }
        let lang = lang.or_else(|| meta.meta_lang.clone());
        let direction = dir.or_else(|| lang.as_deref().and_then(direction_of_lang));
        (lang, direction)
    }

    /// The chosen containers as one cleaned HTML fragment.
    fn serialize(&self, chosen: &[usize]) -> String {
        let mut out = String::from("<div>");
        for &root in chosen {
            // (node, closing?) pairs, iterative so depth costs no stack.
            let mut stack = vec![(root, false)];
            while let Some((n, closing)) = stack.pop() {
                if self.dead[n] {
                    continue;
                }
                match self.arena.items.get(n).map(|it| &it.kind) {
                    Some(Kind::Text(t)) => escape_into(&mut out, t, false),
                    Some(Kind::Element(e)) => {
                        let tag = e.name();
                        if closing {
                            out.push_str("</");
                            out.push_str(tag);
                            out.push('>');
                            continue;
                        }
                        out.push('<');
                        out.push_str(tag);
                        for name in ["href", "dir", "lang"] {
                            if let Some(v) = e.attr(name) {
                                out.push(' ');
                                out.push_str(name);
                                out.push_str("=\"");
                                escape_into(&mut out, v, true);
                                out.push('"');
                            }
                        }
                        out.push('>');
                        if !matches!(tag, "br" | "hr" | "wbr") {
                            stack.push((n, true));
                            stack.extend(self.arena.children(n).iter().rev().map(|&c| (c, false)));
                        }
                    }
                    _ => {}
                }
            }
        }
        out.push_str("</div>");
        out
    }
}

/// True for an element marked `itemprop="articleBody"`.
fn is_articlebody(e: &Element) -> bool {
    e.attr("itemprop").is_some_and(|p| {
        p.split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("articleBody"))
    })
}

/// Statistics of one text node.
fn text_stats(t: &str) -> Stats {
    let mut s = Stats::default();
    let mut prev_space = true;
    let mut word_start = true;
    for c in t.chars() {
        if c.is_whitespace() {
            if !prev_space {
                s.chars += 1;
            }
            prev_space = true;
            word_start = true;
            continue;
        }
        s.chars += 1;
        if matches!(c, ',' | '،' | '؛') {
            s.commas += 1;
        }
        if word_start && c == 'و' {
            s.waw_words += 1;
        }
        prev_space = false;
        word_start = false;
    }
    s
}

/// Escapes text (and, in attributes, quotes) for HTML.
fn escape_into(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// The clean text (contract format) of a cleaned fragment.
fn clean_text(fragment: &str, base: Option<&str>) -> String {
    crate::poll::html::to_clean_text(fragment, base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boiler_phrases_match_arabic_spelling_variants() {
        assert!(is_boiler_text("اقرأ أيضاً: الحكومة تعلن خطة جديدة"));
        assert!(is_boiler_text("إقرأ ايضا"));
        assert!(is_boiler_text("آخر تحديث: 12 مارس 2026"));
        assert!(is_boiler_text("Last updated 3 hours ago"));
        assert!(is_boiler_text("12 تعليقا"));
        assert!(is_boiler_text("Comments (4)"));
        assert!(!is_boiler_text(
            "شارك آلاف المزارعين في المعرض الذي افتتح صباح الأحد في ساحة المدينة القديمة"
        ));
        assert!(!is_boiler_text("The minister read the statement aloud."));
    }

    #[test]
    fn hint_words_split_camel_case_and_separators() {
        let doc =
            Html::parse_fragment(r#"<div class="articleComments share-bar" id="main_col"></div>"#);
        let arena = Arena::build(&doc);
        let el =
            (0..arena.items.len()).find_map(|i| arena.element(i).filter(|e| e.name() == "div"));
        let words = el.map(hint_words).unwrap_or_default();
        assert_eq!(
            words,
            ["article", "comments", "share", "bar", "main", "col"]
        );
    }

    #[test]
    fn site_name_is_stripped_from_the_document_title() {
        assert_eq!(
            strip_site_name("Storm closes the port | Coast Daily"),
            "Storm closes the port"
        );
        assert_eq!(
            strip_site_name("الساحل - عاصفة تغلق الميناء"),
            "عاصفة تغلق الميناء"
        );
    }

    #[test]
    fn input_is_capped_on_a_char_boundary() {
        let s = "ب".repeat(MAX_INPUT_BYTES);
        let capped = cap_input(&s);
        assert!(capped.len() <= MAX_INPUT_BYTES);
        assert!(capped.len() > MAX_INPUT_BYTES - 4);
    }
}
