//! Hostile suite, item 8 (feed part): proptest fuzzing of feed parsing +
//! normalisation (`poll::parse::parse_feed`) on arbitrary bytes and on
//! mutated valid feeds (RSS 2.0, RSS 1.0, Atom, JSON Feed), and of
//! HTML → text (`poll::html::to_clean_text`) on hostile HTML.
//! (`cargo fuzz` needs nightly, which this project's machines lack, so
//! these are bounded proptest runs; failures are persisted in
//! tests/hostile/proptest-regressions/ and replayed first. Raise the case
//! count with HOSTILE_FUZZ_CASES for a longer run.)
//!
//! Properties (the protections): no panic on any input; every text field
//! of every parsed article is free of ESC, C0 (except '\n'), DEL and C1
//! (ingest sanitising); every link is http(s) (`resolve_http`); the clean
//! text's numbered link list holds only http(s) URLs; error messages are
//! clean too.

mod hostile;

use std::sync::atomic::{AtomicUsize, Ordering};

use akhbar::model::ParsedFeed;
use akhbar::poll::html::to_clean_text;
use akhbar::poll::parse::parse_feed;
use hostile::fuzz::{HOSTILE, hostile_text, runner};
use hostile::hostile_chars;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

const URL: &str = "http://feeds.example.com/feed.xml";

const SEEDS: &[&str] = &[
    r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>http://example.com/</link><description>d</description><language>ar</language><item><guid>1</guid><title>عنوان الخبر</title><link>/a/1</link><author>a@b.c (Ali)</author><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description>&lt;p&gt;نص &lt;a href="/x"&gt;رابط&lt;/a&gt;&lt;/p&gt;</description></item></channel></rss>"#,
    r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="http://example.com/"><title>R</title><link>http://example.com/</link><description>d</description></channel><item rdf:about="http://example.com/1"><title>One</title><link>http://example.com/1</link><description>Body one</description></item></rdf:RDF>"#,
    r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>A</title><link href="http://example.com/"/><id>urn:a</id><updated>2026-03-02T10:00:00Z</updated><entry><id>urn:a:1</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; title</title><link href="http://example.com/1"/><updated>2026-03-02T10:00:00Z</updated><author><name>Sam</name></author><content type="html">&lt;ul&gt;&lt;li&gt;one&lt;/li&gt;&lt;/ul&gt;&lt;blockquote&gt;q&lt;/blockquote&gt;</content></entry></feed>"#,
    r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"http://example.com/","items":[{"id":"1","url":"http://example.com/1","title":"Json \u001b[2J item","content_html":"<p>hi <a href=\"javascript:x\">x</a></p>","authors":[{"name":"N"}]}]}"#,
];

fn check_feed(feed: &ParsedFeed) -> Result<(), TestCaseError> {
    let fields = feed
        .title
        .iter()
        .chain(feed.site_link.iter())
        .chain(feed.lang.iter());
    for s in fields {
        let bad = hostile_chars(s, false, false);
        prop_assert!(bad.is_empty(), "feed field {:?} holds {:?}", s, bad);
    }
    if let Some(link) = &feed.site_link {
        prop_assert!(is_http(link), "site link {:?}", link);
    }
    for a in &feed.articles {
        let mut strings: Vec<&str> = vec![&a.title, &a.text, &a.summary_html];
        strings.extend(a.guid.as_deref());
        strings.extend(a.link.as_deref());
        strings.extend(a.author.as_deref());
        strings.extend(a.content_html.as_deref());
        strings.extend(a.lang.as_deref());
        for s in strings {
            let bad = hostile_chars(s, true, false);
            prop_assert!(bad.is_empty(), "article field {:?} holds {:?}", s, bad);
        }
        if let Some(link) = &a.link {
            prop_assert!(is_http(link), "article link {:?}", link);
        }
        check_link_list(&a.text)?;
    }
    Ok(())
}

fn is_http(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

fn check_link_list(text: &str) -> Result<(), TestCaseError> {
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix('[')
            && let Some((num, url)) = rest.split_once("] ")
            && !num.is_empty()
            && num.chars().all(|c| c.is_ascii_digit())
            && !url.contains(' ')
            && url.split_once(':').is_some_and(|(scheme, _)| {
                !scheme.is_empty()
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
            })
        {
            prop_assert!(is_http(url), "link list entry {:?}", line);
        }
    }
    Ok(())
}

#[test]
fn fuzz_parse_feed_arbitrary_bytes() {
    let tried = AtomicUsize::new(0);
    let parsed = AtomicUsize::new(0);
    let strategy = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        // Arbitrary bytes behind a plausible prolog, so the XML paths run.
        prop::collection::vec(any::<u8>(), 0..2048).prop_map(|tail| {
            let mut v = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".to_vec();
            v.extend(tail);
            v
        }),
    ];
    runner("hostile_fuzz_parse_bytes", 3000)
        .run(&strategy, |bytes| {
            tried.fetch_add(1, Ordering::Relaxed);
            if let Ok(feed) = parse_feed(&bytes, Some("application/xml"), URL) {
                parsed.fetch_add(1, Ordering::Relaxed);
                check_feed(&feed)?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    println!(
        "fuzz parse_feed (arbitrary bytes): {} inputs, {} parsed as feeds",
        tried.load(Ordering::Relaxed),
        parsed.load(Ordering::Relaxed)
    );
}

/// One mutation of a seed document.
#[derive(Debug, Clone)]
enum Mutation {
    /// Insert a hostile fragment (or an entity / markup piece) at a position.
    Insert(usize, String),
    /// Flip a byte.
    Flip(usize, u8),
    /// Cut the document here.
    Truncate(usize),
    /// Duplicate a slice (repeated items, nested duplicates).
    Duplicate(usize, usize),
    /// Delete a slice.
    Delete(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let pieces = prop_oneof![
        3 => prop::sample::select(HOSTILE).prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "&#27;", "&#x1b;[2J", "&#155;", "&#0;", "&amp;#27;", "&lt;script&gt;", "<![CDATA[\u{1b}]0;x\u{7}]]>",
            "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;", "<item>", "</item>", "<title>", "</title>",
            "<link>javascript:alert(1)</link>", "<link href=\"file:///etc/passwd\"/>",
            "\"url\":\"javascript:x\",", "\\u001b", "\\u0000", "\\u009b", "<a href=\"data:x\">d</a>",
            "\u{feff}", "\u{0}", "\u{ff}",
        ]).prop_map(str::to_owned),
        1 => hostile_text(8),
    ];
    prop_oneof![
        4 => (any::<usize>(), pieces).prop_map(|(p, s)| Mutation::Insert(p, s)),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Mutation::Flip(p, b)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
        1 => (any::<usize>(), 1usize..200).prop_map(|(p, n)| Mutation::Duplicate(p, n)),
        1 => (any::<usize>(), 1usize..50).prop_map(|(p, n)| Mutation::Delete(p, n)),
    ]
}

fn apply(seed: &str, muts: &[Mutation]) -> Vec<u8> {
    let mut v = seed.as_bytes().to_vec();
    for m in muts {
        let len = v.len().max(1);
        match m {
            Mutation::Insert(p, s) => {
                let p = p % (v.len() + 1);
                v.splice(p..p, s.bytes());
            }
            Mutation::Flip(p, b) => {
                if !v.is_empty() {
                    let p = p % len;
                    v[p] ^= b;
                }
            }
            Mutation::Truncate(p) => v.truncate(p % (v.len() + 1)),
            Mutation::Duplicate(p, n) => {
                let p = p % (v.len() + 1);
                let end = (p + n).min(v.len());
                let piece = v[p..end].to_vec();
                v.splice(end..end, piece);
            }
            Mutation::Delete(p, n) => {
                let p = p % (v.len() + 1);
                let end = (p + n).min(v.len());
                v.drain(p..end);
            }
        }
    }
    v
}

#[test]
fn fuzz_parse_feed_mutated_valid_feeds() {
    // Every seed parses unmutated: otherwise the mutations test nothing.
    for seed in SEEDS {
        let feed = parse_feed(seed.as_bytes(), None, URL).expect("seed feed parses");
        assert!(!feed.articles.is_empty(), "seed has an item");
        check_feed(&feed).expect("seed is clean");
    }
    let tried = AtomicUsize::new(0);
    let parsed = AtomicUsize::new(0);
    let strategy = (
        0..SEEDS.len(),
        prop::collection::vec(mutation(), 1..6),
        prop::sample::select(vec![
            None,
            Some("application/rss+xml"),
            Some("text/xml; charset=windows-1256"),
            Some("application/feed+json"),
            Some("text/html; charset=utf-16"),
        ]),
    );
    runner("hostile_fuzz_parse_mutated", 10000)
        .run(&strategy, |(seed, muts, ctype)| {
            tried.fetch_add(1, Ordering::Relaxed);
            let bytes = apply(SEEDS[seed], &muts);
            match parse_feed(&bytes, ctype, URL) {
                Ok(feed) => {
                    parsed.fetch_add(1, Ordering::Relaxed);
                    check_feed(&feed)?;
                }
                Err(e) => {
                    let msg = e.to_string();
                    let bad = hostile_chars(&msg, false, false);
                    prop_assert!(bad.is_empty(), "error message {:?} holds {:?}", msg, bad);
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    println!(
        "fuzz parse_feed (mutated feeds): {} inputs, {} still parsed",
        tried.load(Ordering::Relaxed),
        parsed.load(Ordering::Relaxed)
    );
}

fn hostile_html() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            2 => prop::sample::select(vec![
                "<p>", "</p>", "<br>", "<h2>", "</h2>", "<ul>", "<ol>", "<li>", "</li>", "</ul>", "</ol>",
                "<blockquote>", "</blockquote>", "<pre>", "</pre>", "<table><tr><td>", "</td></tr></table>",
                "<script>alert(1)</script>", "<style>p{}</style>", "<iframe src=\"javascript:x\"></iframe>",
                "<a href=\"javascript:alert(1)\">", "<a href=\"JAVASCRIPT:x\">", "<a href=\"file:///etc/passwd\">",
                "<a href=\"data:text/html,x\">", "<a href=\"/rel\">", "<a href=\"http://e.com/$(touch x)\">",
                "<a href=\"\u{1b}]8;;x\u{1b}\\\">", "</a>", "<img src=x onerror=alert(1)>", "&#27;", "&#x1b;[2J",
                "&#155;", "&#x9b;", "&#0;", "&#7;", "&#8238;", "&amp;", "&lt;", "&nbsp;", "<!-- \u{1b}[2J -->",
                "<svg><title>\u{1b}]0;t\u{7}</title></svg>", "<div dir=\"rtl\" lang=\"ar\">", "</div>",
            ]).prop_map(str::to_owned),
            2 => hostile_text(6),
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

#[test]
fn fuzz_html_to_clean_text() {
    let tried = AtomicUsize::new(0);
    runner("hostile_fuzz_html", 5000)
        .run(&hostile_html(), |html| {
            tried.fetch_add(1, Ordering::Relaxed);
            for base in [None, Some("http://example.com/dir/page.html")] {
                let text = to_clean_text(&html, base);
                let bad = hostile_chars(&text, false, false);
                prop_assert!(bad.is_empty(), "clean text {:?} holds {:?}", text, bad);
                prop_assert!(!text.contains("alert(1)</script>"), "script kept");
                check_link_list(&text)?;
                prop_assert!(
                    !text.to_ascii_lowercase().contains("javascript:"),
                    "javascript: URL in clean text {:?}",
                    text
                );
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    println!(
        "fuzz html→text: {} hostile HTML fragments",
        tried.load(Ordering::Relaxed)
    );
}
