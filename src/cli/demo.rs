//! `akhbar demo`: the reader on built-in demo data, with no network.
//!
//! The demo feeds (written for akhbar, in `demo/`) are compiled into the
//! binary and go through the same parse → store → enrich path as polled
//! feeds, into a database of their own, so the demo never touches the
//! user's store and keeps its read/bookmark state between runs.

use std::process::ExitCode;

use anyhow::Context as _;
use chrono::Utc;

use super::Context;
use crate::fulltext::extract::extract_article;
use crate::intel::enrich;
use crate::poll::charset::decode_html;
use crate::poll::parse::parse_feed;
use crate::store::{ArticleFilter, FeedSettings, FeedUpdate, Store, StoreError};

/// One built-in feed: its address, its content type and its bytes.
struct DemoFeed {
    url: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
    /// Whether the feed carries summaries only (its full texts come from
    /// [`PAGES`]).
    full_text: bool,
}

/// The demo feeds, in the order they are loaded.
const FEEDS: &[DemoFeed] = &[
    DemoFeed {
        url: "https://alwaha.example/feed.xml",
        content_type: "application/rss+xml",
        bytes: include_bytes!("../../demo/feeds/al-waha.xml"),
        full_text: false,
    },
    DemoFeed {
        url: "https://gulfledger.example/atom.xml",
        content_type: "application/atom+xml",
        bytes: include_bytes!("../../demo/feeds/gulf-ledger.atom"),
        full_text: false,
    },
    DemoFeed {
        url: "https://bridge.example/feed.json",
        content_type: "application/feed+json",
        bytes: include_bytes!("../../demo/feeds/bridge-news.json"),
        full_text: false,
    },
    DemoFeed {
        url: "https://sahil.example/rss.rdf",
        content_type: "application/rdf+xml",
        bytes: include_bytes!("../../demo/feeds/sahil-brief.xml"),
        full_text: true,
    },
    DemoFeed {
        url: "https://lpnotes.example/rss.xml",
        content_type: "application/rss+xml",
        bytes: include_bytes!("../../demo/feeds/hebrew-persian.xml"),
        full_text: false,
    },
    DemoFeed {
        url: "https://wire.example/rss.xml",
        content_type: "application/rss+xml",
        bytes: include_bytes!("../../demo/feeds/ticker.xml"),
        full_text: false,
    },
];

/// The web pages behind the summary-only demo feed, by link: their full
/// texts are extracted by the same code that extracts fetched pages.
const PAGES: &[(&str, &[u8])] = &[
    (
        "https://sahil.example/article/1.html",
        include_bytes!("../../demo/pages/sahil-1.html"),
    ),
    (
        "https://sahil.example/article/2.html",
        include_bytes!("../../demo/pages/sahil-2.html"),
    ),
    (
        "https://sahil.example/article/3.html",
        include_bytes!("../../demo/pages/sahil-3.html"),
    ),
    (
        "https://sahil.example/article/4.html",
        include_bytes!("../../demo/pages/sahil-4.html"),
    ),
];

/// Loads the demo data (again: state is kept) and opens the reader.
pub fn run(ctx: &Context) -> anyhow::Result<ExitCode> {
    let path = if ctx.db_is_default {
        crate::paths::demo_db()?
    } else {
        ctx.db.clone()
    };
    let store = Store::open(&path)?;
    load(&store)?;
    enrich::run(&store, &|_| {})?;
    crate::ui::run(&path, &ctx.config)?;
    Ok(ExitCode::SUCCESS)
}

/// Stores every demo feed through the normal update path.
pub fn load(store: &Store) -> anyhow::Result<()> {
    for feed in FEEDS {
        let parsed = parse_feed(feed.bytes, Some(feed.content_type), feed.url)
            .with_context(|| format!("demo feed {} does not parse", feed.url))?;
        let settings = FeedSettings {
            full_text: feed.full_text,
            ..FeedSettings::default()
        };
        let id = match store.add_feed(feed.url, &settings, &[]) {
            Ok(id) => id,
            Err(StoreError::AlreadyExists { id, .. }) => id,
            Err(e) => return Err(e.into()),
        };
        let update = FeedUpdate {
            feed: parsed,
            etag: None,
            last_modified: None,
            fetched_at: Utc::now(),
        };
        store.apply_feed_update(id, &update)?;
    }
    load_full_texts(store)
}

/// Gives the summary-only feed's articles the full text of their pages
/// (once: an article that has it already is left alone).
fn load_full_texts(store: &Store) -> anyhow::Result<()> {
    let articles = store.articles(&ArticleFilter::default())?;
    for (link, bytes) in PAGES {
        let Some(a) = articles.iter().find(|a| a.link.as_deref() == Some(link)) else {
            continue;
        };
        if store
            .article(a.id)?
            .is_some_and(|full| full.full_text_at.is_some())
        {
            continue;
        }
        let html = decode_html(bytes, None);
        let page = extract_article(&html, Some(link))
            .with_context(|| format!("demo page {link} has no article"))?;
        store.set_full_text(a.id, &page.text, &page.html, Utc::now())?;
    }
    Ok(())
}
