//! `add`, `remove`, `feeds`, `import` and `export`: managing subscriptions.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use super::Context;
use super::json::FeedRow;
use crate::model::{DirectionSetting, FeedId};
use crate::opml::FeedEntry;
use crate::store::{FeedSettings, StoreError};
use crate::text::sanitize::for_terminal;

/// Checks that `url` is an absolute http(s) address and returns it trimmed.
pub fn validate_feed_url(url: &str) -> anyhow::Result<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') => {}
        _ => bail!(
            "not a feed address: {:?} (expected http:// or https://)",
            for_terminal(url)
        ),
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        bail!(
            "not a feed address: {:?} contains spaces or control characters",
            for_terminal(url)
        );
    }
    Ok(url.to_string())
}

/// `akhbar add`.
pub fn add(
    ctx: &Context,
    url: &str,
    tags: &[String],
    full_text: bool,
    direction: DirectionSetting,
) -> anyhow::Result<ExitCode> {
    let url = validate_feed_url(url)?;
    let store = ctx.store()?;
    let settings = FeedSettings {
        direction,
        full_text,
        ..FeedSettings::default()
    };
    match store.add_feed(&url, &settings, tags) {
        Ok(id) => {
            println!("added feed {} {url}", id.0);
            Ok(ExitCode::SUCCESS)
        }
        Err(StoreError::AlreadyExists { id, .. }) => {
            bail!("already subscribed to {url} (feed {})", id.0)
        }
        Err(e) => Err(e.into()),
    }
}

/// `akhbar remove`.
pub fn remove(ctx: &Context, feed_id: i64, purge: bool) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let feed = store
        .feed(FeedId(feed_id))?
        .with_context(|| format!("no feed with id {feed_id}"))?;
    store.remove_feed(feed.id, !purge)?;
    println!("removed feed {feed_id} {}", for_terminal(&feed.url));
    Ok(ExitCode::SUCCESS)
}

/// `akhbar feeds`.
pub fn list(ctx: &Context, json: bool) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let feeds = store.feeds()?;
    let mut out = std::io::stdout().lock();
    if json {
        let rows: Vec<FeedRow> = feeds.iter().map(FeedRow::from).collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for f in &feeds {
        writeln!(
            out,
            "{:>4} {:>5}/{:<5} {}  {}",
            f.id.0,
            f.unread,
            f.total,
            for_terminal(f.display_title()),
            for_terminal(&f.url)
        )?;
        if let Some(err) = &f.last_error {
            writeln!(
                out,
                "       error ({}x): {}",
                f.error_count,
                for_terminal(err)
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `akhbar import`: OPML or a newsboat `urls` file.
pub fn import(ctx: &Context, file: &Path) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let parsed =
        crate::opml::import(&bytes).with_context(|| format!("cannot import {}", file.display()))?;
    let store = ctx.store()?;
    let (mut added, mut existing) = (0usize, 0usize);
    for sub in &parsed.feeds {
        match store.add_feed(&sub.url, &FeedSettings::default(), &sub.tags) {
            Ok(_) => added += 1,
            Err(StoreError::AlreadyExists { .. }) => existing += 1,
            Err(e) => return Err(e.into()),
        }
    }
    for skipped in &parsed.skipped {
        eprintln!(
            "skipped {}: {}",
            for_terminal(&skipped.entry),
            for_terminal(&skipped.reason)
        );
    }
    println!(
        "imported {added} feeds ({existing} already subscribed, {} skipped)",
        parsed.skipped.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// `akhbar export`: OPML on stdout.
pub fn export(ctx: &Context) -> anyhow::Result<ExitCode> {
    let feeds = ctx.store()?.feeds()?;
    let entries: Vec<FeedEntry> = feeds
        .iter()
        .map(|f| FeedEntry {
            url: f.url.clone(),
            title: f.title.clone(),
            tags: f.tags.clone(),
        })
        .collect();
    let opml = crate::opml::export_opml(&entries);
    std::io::stdout().lock().write_all(opml.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
