//! One poll over the subscriptions: choose the feeds that are due, fetch
//! and parse them on N worker threads (at most `per_host` at once per
//! host), and write each result on the calling thread (see `write`), each
//! feed all or nothing. A failing feed is recorded and reported; it never
//! stops the others.

use super::PollError;
use super::http::{FetchOptions, FetchOutcome, Fetcher, Validators};
use super::parse::parse_feed;
use super::write::{ResultBatch, WorkResult};
use crate::model::FeedId;
use crate::store::{Feed, FeedUpdate, PreparedUpdate, Store};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// How a poll runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollOptions {
    /// Worker threads (feeds in flight at once).
    pub jobs: usize,
    /// Most requests in flight to one host at once.
    pub per_host: usize,
    /// Total time allowed per feed.
    pub timeout: Duration,
    /// Largest feed accepted (before and after decompression).
    pub max_bytes: u64,
    /// Poll only this feed (ignores backoff and refresh intervals).
    pub feed: Option<FeedId>,
    /// Poll every feed now, ignoring Retry-After, backoff and intervals.
    pub force: bool,
}

impl Default for PollOptions {
    fn default() -> Self {
        let fetch = FetchOptions::default();
        PollOptions {
            jobs: 16,
            per_host: 4,
            timeout: fetch.timeout,
            max_bytes: fetch.max_bytes,
            feed: None,
            force: false,
        }
    }
}

/// Reported after each feed is written (for progress bars).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollProgress {
    /// Feeds finished so far, this one included.
    pub done: usize,
    /// Feeds in this poll.
    pub total: usize,
    /// The feed just finished.
    pub feed: FeedId,
    /// Its URL.
    pub url: String,
    /// Whether it succeeded (fetched or not modified).
    pub ok: bool,
}

/// One feed that failed, for the end-of-poll report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedFeed {
    /// The feed.
    pub feed: FeedId,
    /// Its URL.
    pub url: String,
    /// The cause, as recorded on the feed.
    pub message: String,
}

/// What a poll did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PollReport {
    /// Feeds fetched, parsed and stored.
    pub ok: usize,
    /// Feeds that answered 304.
    pub not_modified: usize,
    /// Feeds that failed, with their cause.
    pub failed: Vec<FailedFeed>,
    /// Feeds left alone because they were not due (backoff, Retry-After,
    /// refresh interval).
    pub skipped: usize,
    /// Articles seen for the first time.
    pub new_articles: usize,
    /// Known articles whose content changed.
    pub updated: usize,
    /// Wall-clock time of the poll.
    pub elapsed: Duration,
}

/// Polls the feeds that are due and stores the results.
///
/// Errors only when the poll cannot run at all (the feed list cannot be
/// read, or `opts.feed` names no feed); individual feed failures are in the
/// report and recorded on the feeds.
pub fn poll(
    store: &Store,
    opts: &PollOptions,
    progress: &dyn Fn(&PollProgress),
) -> Result<PollReport, PollError> {
    let start = Instant::now();
    let now = Utc::now();
    let feeds = store.feeds().map_err(|e| PollError::Store(e.to_string()))?;
    let mut report = PollReport::default();
    let mut jobs = VecDeque::new();
    match opts.feed {
        Some(id) => match feeds.into_iter().find(|f| f.id == id) {
            Some(feed) => jobs.push_back(Job::of(feed)),
            None => return Err(PollError::Store(format!("no feed with id {}", id.0))),
        },
        None => {
            for feed in feeds {
                if opts.force || is_due(&feed, now) {
                    jobs.push_back(Job::of(feed));
                } else {
                    report.skipped += 1;
                }
            }
        }
    }
    let total = jobs.len();
    if total == 0 {
        report.elapsed = start.elapsed();
        return Ok(report);
    }
    let fetcher = Fetcher::new(FetchOptions {
        timeout: opts.timeout,
        max_bytes: opts.max_bytes,
        ..FetchOptions::default()
    });
    let queue = Queue {
        state: Mutex::new(QueueState {
            jobs,
            per_host: HashMap::new(),
        }),
        freed: Condvar::new(),
        per_host: opts.per_host.max(1),
    };
    // Bounded and short: when the store is slower than the network,
    // workers wait instead of piling parsed feeds up in memory.
    let workers = opts.jobs.clamp(1, total);
    let (tx, rx) = mpsc::sync_channel::<(Job, WorkResult)>(READY_FEEDS);
    let _checkpoint = store.checkpoint_in_background();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (queue, fetcher) = (&queue, &fetcher);
            scope.spawn(move || worker(queue, fetcher, &tx));
        }
        drop(tx);
        let mut done = 0;
        while let Ok(first) = rx.recv() {
            // Whatever else is ready joins this write, up to a size and a
            // time that keep the write lock short for a reader working at
            // the same time (see `store::WriteBatch`).
            let mut batch = ResultBatch::begin(store);
            batch.write(first);
            while !batch.is_full() {
                match rx.try_recv() {
                    Ok(next) => batch.write(next),
                    Err(_) => break,
                }
            }
            for (job, ok) in batch.finish(&mut report) {
                done += 1;
                progress(&PollProgress {
                    done,
                    total,
                    feed: job.id,
                    url: job.url,
                    ok,
                });
            }
        }
    });
    report.elapsed = start.elapsed();
    Ok(report)
}

/// Whether a feed should be polled now: not before its Retry-After, not
/// before its refresh interval has passed, and after repeated failures
/// only after an exponential backoff (5 min, 10, 20... capped at 12 h).
pub fn is_due(feed: &Feed, now: DateTime<Utc>) -> bool {
    if feed.retry_after.is_some_and(|t| t > now) {
        return false;
    }
    let Some(last) = feed.last_polled else {
        return true;
    };
    if feed.error_count > 0 {
        let exp = feed.error_count.saturating_sub(1).min(8);
        let minutes = (5i64 << exp).min(12 * 60);
        if now < last + chrono::Duration::minutes(minutes) {
            return false;
        }
    }
    match feed.settings.refresh_minutes {
        Some(m) => now >= last + chrono::Duration::minutes(i64::from(m)),
        None => true,
    }
}

/// One feed to poll, with what the store knows about it.
pub(super) struct Job {
    pub(super) id: FeedId,
    pub(super) url: String,
    host: String,
    etag: Option<String>,
    last_modified: Option<String>,
}

impl Job {
    fn of(feed: Feed) -> Job {
        let host = url::Url::parse(&feed.url)
            .ok()
            .map(|u| {
                format!(
                    "{}:{}",
                    u.host_str().unwrap_or(""),
                    u.port_or_known_default().unwrap_or(0)
                )
            })
            .unwrap_or_default();
        Job {
            id: feed.id,
            url: feed.url,
            host,
            etag: feed.etag,
            last_modified: feed.last_modified,
        }
    }
}

/// Parsed feeds waiting for the writer (more only costs memory: when they
/// pile up, the writer is the bottleneck).
const READY_FEEDS: usize = 2;

struct QueueState {
    jobs: VecDeque<Job>,
    per_host: HashMap<String, usize>,
}

/// The shared job queue; a job is handed out only when its host has a
/// free slot.
struct Queue {
    state: Mutex<QueueState>,
    freed: Condvar,
    per_host: usize,
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, QueueState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next job whose host is below the limit; waits while every
    /// remaining job's host is busy; `None` when the queue is empty.
    fn take(&self) -> Option<Job> {
        let mut state = self.lock();
        loop {
            if state.jobs.is_empty() {
                return None;
            }
            let limit = self.per_host;
            let pos = {
                let counts = &state.per_host;
                state
                    .jobs
                    .iter()
                    .position(|j| counts.get(&j.host).copied().unwrap_or(0) < limit)
            };
            if let Some(job) = pos.and_then(|p| state.jobs.remove(p)) {
                *state.per_host.entry(job.host.clone()).or_insert(0) += 1;
                return Some(job);
            }
            state = self
                .freed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn release(&self, host: &str) {
        let mut state = self.lock();
        if let Some(n) = state.per_host.get_mut(host) {
            *n = n.saturating_sub(1);
        }
        drop(state);
        self.freed.notify_all();
    }
}

fn worker(queue: &Queue, fetcher: &Fetcher, tx: &mpsc::SyncSender<(Job, WorkResult)>) {
    while let Some(job) = queue.take() {
        let result = catch_unwind(AssertUnwindSafe(|| fetch_and_parse(fetcher, &job)))
            .unwrap_or_else(|_| {
                WorkResult::Failed(PollError::Parse(
                    "internal error while reading this feed".into(),
                ))
            });
        queue.release(&job.host);
        if tx.send((job, result)).is_err() {
            return;
        }
    }
}

fn fetch_and_parse(fetcher: &Fetcher, job: &Job) -> WorkResult {
    let validators = Validators {
        etag: job.etag.as_deref(),
        last_modified: job.last_modified.as_deref(),
    };
    match fetcher.fetch(&job.url, validators) {
        Ok(FetchOutcome::NotModified) => WorkResult::NotModified,
        Ok(FetchOutcome::Fetched {
            bytes,
            content_type,
            etag,
            last_modified,
            final_url,
        }) => match parse_feed(&bytes, content_type.as_deref(), &final_url) {
            Ok(feed) => WorkResult::Fetched(Box::new(PreparedUpdate::new(FeedUpdate {
                feed,
                etag,
                last_modified,
                fetched_at: Utc::now(),
            }))),
            Err(e) => WorkResult::Failed(e),
        },
        Err(e) => WorkResult::Failed(e),
    }
}
