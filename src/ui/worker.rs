//! Background work: polling and enrichment run on their own threads, each
//! with its own [`Store`] connection on the same file, and report through
//! a channel so the UI never waits for the network or for extraction.

use std::fmt;
use std::path::PathBuf;
use std::sync::mpsc::Sender;

use crate::config::Config;
use crate::model::{ArticleId, FeedId};
use crate::poll::run::{PollOptions, PollProgress, poll};
use crate::store::Store;

/// A report from a worker thread to the UI thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerMsg {
    /// One more feed finished.
    PollProgress {
        /// Feeds finished.
        done: usize,
        /// Feeds in this poll.
        total: usize,
        /// The feed just finished (sanitised when shown).
        url: String,
        /// It succeeded.
        ok: bool,
    },
    /// The poll ended (or could not start).
    PollDone(Result<PollSummary, String>),
    /// The enrichment stage advanced.
    EnrichProgress {
        /// Articles enriched.
        done: u64,
        /// Articles to enrich.
        total: u64,
    },
    /// The enrichment stage ended: articles enriched, or why it stopped.
    EnrichDone(Result<u64, String>),
    /// A full-text fetch ended: characters stored, or the cause of the
    /// failure.
    FullTextDone {
        /// The article.
        id: ArticleId,
        /// Characters of article text stored, or why there are none.
        result: Result<usize, String>,
    },
}

/// What a poll did, for the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PollSummary {
    /// Feeds fetched or not modified.
    pub ok: usize,
    /// Feeds that failed.
    pub failed: usize,
    /// New articles.
    pub new_articles: usize,
}

impl fmt::Display for PollSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "reloaded {} feeds: {} new articles",
            self.ok, self.new_articles
        )?;
        if self.failed > 0 {
            write!(f, ", {} failed (see the feed list)", self.failed)?;
        }
        Ok(())
    }
}

/// Starts a poll on a new thread with its own store connection.
pub fn spawn_poll(
    path: PathBuf,
    config: &Config,
    feed: Option<FeedId>,
    force: bool,
    tx: Sender<WorkerMsg>,
) {
    let opts = PollOptions {
        jobs: config.poll.jobs.max(1),
        per_host: config.poll.per_host.max(1),
        feed,
        force,
        ..PollOptions::default()
    };
    std::thread::spawn(move || {
        let result = Store::open(&path)
            .map_err(|e| e.to_string())
            .and_then(|store| {
                let report = |p: &PollProgress| {
                    let _ = tx.send(WorkerMsg::PollProgress {
                        done: p.done,
                        total: p.total,
                        url: p.url.clone(),
                        ok: p.ok,
                    });
                };
                poll(&store, &opts, &report).map_err(|e| e.to_string())
            })
            .map(|r| PollSummary {
                ok: r.ok + r.not_modified,
                failed: r.failed.len(),
                new_articles: r.new_articles,
            });
        let _ = tx.send(WorkerMsg::PollDone(result));
    });
}

/// Starts the enrichment stage on a new thread with its own store
/// connection (`crate::intel::enrich::run`, the lead's seam).
pub fn spawn_enrich(path: PathBuf, tx: Sender<WorkerMsg>) {
    std::thread::spawn(move || {
        let result = Store::open(&path)
            .map_err(|e| e.to_string())
            .and_then(|store| {
                let report = |p: &crate::intel::enrich::Progress| {
                    let _ = tx.send(WorkerMsg::EnrichProgress {
                        done: p.done,
                        total: p.total,
                    });
                };
                crate::intel::enrich::run(&store, &report).map_err(|e| e.to_string())
            });
        let _ = tx.send(WorkerMsg::EnrichDone(result));
    });
}

/// Fetches the full text of one article on a new thread with its own store
/// connection (`crate::fulltext::run::fetch_one`: timeouts, size caps, the
/// failure recorded on the article).
pub fn spawn_full_text(path: PathBuf, id: ArticleId, tx: Sender<WorkerMsg>) {
    std::thread::spawn(move || {
        let result = Store::open(&path)
            .map_err(|e| e.to_string())
            .and_then(|store| {
                crate::fulltext::run::fetch_one(&store, id).map_err(|e| e.to_string())
            });
        let _ = tx.send(WorkerMsg::FullTextDone { id, result });
    });
}
