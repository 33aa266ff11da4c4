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
use crate::intel::enrich;
use crate::poll::parse::parse_feed;
use crate::store::{FeedSettings, FeedUpdate, Store, StoreError};

/// One built-in feed: its address, its content type and its bytes.
struct DemoFeed {
    url: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

/// The demo feeds, in the order they are loaded.
const FEEDS: &[DemoFeed] = &[
    DemoFeed {
        url: "https://alwaha.example/feed.xml",
        content_type: "application/rss+xml",
        bytes: include_bytes!("../../demo/feeds/al-waha.xml"),
    },
    DemoFeed {
        url: "https://gulfledger.example/atom.xml",
        content_type: "application/atom+xml",
        bytes: include_bytes!("../../demo/feeds/gulf-ledger.atom"),
    },
    DemoFeed {
        url: "https://bridge.example/feed.json",
        content_type: "application/feed+json",
        bytes: include_bytes!("../../demo/feeds/bridge-news.json"),
    },
    DemoFeed {
        url: "https://sahil.example/rss.rdf",
        content_type: "application/rdf+xml",
        bytes: include_bytes!("../../demo/feeds/sahil-brief.xml"),
    },
    DemoFeed {
        url: "https://lpnotes.example/rss.xml",
        content_type: "application/rss+xml",
        bytes: include_bytes!("../../demo/feeds/hebrew-persian.xml"),
    },
    DemoFeed {
        url: "https://wire.example/rss.xml",
        content_type: "application/rss+xml",
        bytes: include_bytes!("../../demo/feeds/ticker.xml"),
    },
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
        let id = match store.add_feed(feed.url, &FeedSettings::default(), &[]) {
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
    Ok(())
}
