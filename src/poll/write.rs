//! The writing side of a poll: the results that are ready are written in
//! one store batch (each feed all or nothing), then counted, recorded on
//! their feeds and reported once the batch is committed.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::PollError;
use super::run::{FailedFeed, Job, PollReport};
use crate::store::{FeedFailure, PreparedUpdate, Store, UpdateStats, WriteBatch};
use crate::text::sanitize::strip_controls;

/// Articles after which a batch takes no more ready feeds.
const BATCH_ARTICLES: usize = 5_000;

/// Time after which a batch takes no more ready feeds: other writers (the
/// TUI marking an article read) wait for the batch to commit.
const BATCH_TIME: Duration = Duration::from_millis(200);

/// What a worker made of one feed.
pub(super) enum WorkResult {
    /// Parsed and prepared for the writer (hashes and index text done on
    /// the worker, so the single writer thread only writes).
    Fetched(Box<PreparedUpdate>),
    /// The server answered 304.
    NotModified,
    /// Fetching or parsing failed.
    Failed(PollError),
}

/// What the writer did with one result, before the batch commits.
enum Written {
    Stored(UpdateStats),
    NotModified,
}

/// Results written into one store batch, waiting for its commit.
pub(super) struct ResultBatch<'s> {
    store: &'s Store,
    /// `None` when the batch could not be opened: each write is then its
    /// own transaction.
    batch: Option<WriteBatch<'s>>,
    started: Instant,
    articles: usize,
    now: DateTime<Utc>,
    written: Vec<(Job, Result<Written, PollError>)>,
}

impl<'s> ResultBatch<'s> {
    /// Opens a batch on `store`.
    pub(super) fn begin(store: &'s Store) -> Self {
        ResultBatch {
            store,
            batch: store.begin_batch().ok(),
            started: Instant::now(),
            articles: 0,
            now: Utc::now(),
            written: Vec::new(),
        }
    }

    /// Writes one feed's result into the batch (the parsed feed is freed
    /// here, not held until the commit).
    pub(super) fn write(&mut self, (job, result): (Job, WorkResult)) {
        let store_err = |e: crate::store::StoreError| PollError::Store(e.to_string());
        let written = match result {
            WorkResult::Fetched(update) => {
                self.articles += update.len();
                self.store
                    .apply_prepared_update(job.id, &update)
                    .map(Written::Stored)
                    .map_err(store_err)
            }
            WorkResult::NotModified => self
                .store
                .record_not_modified(job.id, self.now)
                .map(|()| Written::NotModified)
                .map_err(store_err),
            WorkResult::Failed(e) => Err(e),
        };
        self.written.push((job, written));
    }

    /// Whether the batch should take no more feeds.
    pub(super) fn is_full(&self) -> bool {
        self.articles >= BATCH_ARTICLES
            || self.started.elapsed() >= BATCH_TIME
            || self.batch.as_ref().is_some_and(WriteBatch::is_lost)
    }

    /// Commits the batch, then counts each feed in `report` and records
    /// the failures on their feeds. When the commit fails (or a failed
    /// write rolled the batch back), every feed of the batch fails with
    /// the cause: nothing of it was saved, and the next poll fetches it
    /// again. Returns each job with whether it counts as ok.
    pub(super) fn finish(self, report: &mut PollReport) -> Vec<(Job, bool)> {
        let committed = match self.batch {
            Some(batch) => batch.commit().map_err(|e| e.to_string()),
            None => Ok(()),
        };
        // The store grows as the poll writes (from nothing, on a first poll).
        self.store.fit_cache_to_database();
        let (store, now) = (self.store, self.now);
        self.written
            .into_iter()
            .map(|(job, written)| {
                let outcome = match (written, &committed) {
                    (Ok(Written::Stored(stats)), Ok(())) => {
                        report.ok += 1;
                        report.new_articles += stats.new;
                        report.updated += stats.updated;
                        Ok(())
                    }
                    (Ok(Written::NotModified), Ok(())) => {
                        report.not_modified += 1;
                        Ok(())
                    }
                    (Ok(_), Err(e)) => Err(PollError::Store(e.clone())),
                    (Err(e), _) => Err(e),
                };
                let ok = record_outcome(store, &job, outcome, now, report);
                (job, ok)
            })
            .collect()
    }
}

/// Records a feed's failure (on the feed and in the report); returns
/// whether the feed counts as ok.
fn record_outcome(
    store: &Store,
    job: &Job,
    outcome: Result<(), PollError>,
    now: DateTime<Utc>,
    report: &mut PollReport,
) -> bool {
    match outcome {
        Ok(()) => true,
        Err(e) => {
            let message = strip_controls(&e.to_string());
            let failure = FeedFailure {
                message: message.clone(),
                retry_after: e.retry_after(),
                at: now,
            };
            let message = match store.record_feed_error(job.id, &failure) {
                Ok(()) => message,
                Err(store_err) => format!("{message} (and recording it failed: {store_err})"),
            };
            report.failed.push(FailedFeed {
                feed: job.id,
                url: job.url.clone(),
                message,
            });
            false
        }
    }
}
