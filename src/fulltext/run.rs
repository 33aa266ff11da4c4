//! Fetching full texts for stored articles: the pending ones of feeds with
//! `full_text` on (after a poll), or one article on demand (`fetch-text`,
//! `f` in the reader). Pages are fetched by a few threads, one request at a
//! time per host; the results are written by the calling thread.

use std::collections::BTreeMap;
use std::sync::mpsc;

use chrono::Utc;

use super::fetch::{FullTextError, fetch_article_text};
use crate::model::ArticleId;
use crate::poll::http::{FetchOptions, Fetcher};
use crate::store::{FullTextJob, Store, StoreError};

/// Pending articles taken per call of [`fetch_pending`].
const MAX_PENDING: usize = 500;

/// What a full-text run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FullTextReport {
    /// Articles whose full text was stored.
    pub ok: usize,
    /// Articles whose page could not be fetched or had no article, with
    /// the link and the reason.
    pub failed: Vec<(ArticleId, String, String)>,
}

/// Fetches the full text of one article now (whatever its feed's setting)
/// and stores it, or records and returns the failure.
pub fn fetch_one(store: &Store, id: ArticleId) -> Result<usize, FullTextRunError> {
    let article = store
        .article(id)?
        .ok_or(StoreError::ArticleNotFound(vec![id]))?;
    let link = article.summary.link.ok_or(FullTextRunError::NoLink(id))?;
    let fetcher = Fetcher::new(FetchOptions::default());
    match fetch_article_text(&fetcher, &link) {
        Ok(page) => {
            store.set_full_text(id, &page.text, &page.html, Utc::now())?;
            Ok(page.text.chars().count())
        }
        Err(e) => {
            store.record_full_text_error(id, &e.to_string(), Utc::now())?;
            Err(FullTextRunError::Fetch(link, e))
        }
    }
}

/// Fetches and stores the full text of every pending article (feeds with
/// `full_text` on), `jobs` hosts at a time; `progress(done, total)` after
/// each article.
pub fn fetch_pending(
    store: &Store,
    jobs: usize,
    progress: &dyn Fn(usize, usize),
) -> Result<FullTextReport, StoreError> {
    let pending = store.full_text_pending(MAX_PENDING)?;
    let total = pending.len();
    let mut report = FullTextReport::default();
    if total == 0 {
        return Ok(report);
    }
    let mut by_host: BTreeMap<String, Vec<FullTextJob>> = BTreeMap::new();
    for job in pending {
        let host = url::Url::parse(&job.link)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_default();
        by_host.entry(host).or_default().push(job);
    }
    let hosts: Vec<Vec<FullTextJob>> = by_host.into_values().collect();
    let threads = jobs.clamp(1, hosts.len().max(1));
    let fetcher = Fetcher::new(FetchOptions::default());
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|s| {
        for part in 0..threads {
            let tx = tx.clone();
            let fetcher = &fetcher;
            let hosts = &hosts;
            s.spawn(move || {
                for host in hosts.iter().skip(part).step_by(threads) {
                    for job in host {
                        let result = fetch_article_text(fetcher, &job.link);
                        if tx.send((job.clone(), result)).is_err() {
                            return;
                        }
                    }
                }
            });
        }
        drop(tx);
        let mut done = 0;
        for (job, result) in rx {
            done += 1;
            match result {
                Ok(page) => {
                    store.set_full_text(job.id, &page.text, &page.html, Utc::now())?;
                    report.ok += 1;
                }
                Err(e) => {
                    let msg = e.to_string();
                    store.record_full_text_error(job.id, &msg, Utc::now())?;
                    report.failed.push((job.id, job.link, msg));
                }
            }
            progress(done, total);
        }
        Ok(report)
    })
}

/// Why fetching one article's full text failed.
#[derive(Debug, thiserror::Error)]
pub enum FullTextRunError {
    /// The store could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The article has no link to fetch.
    #[error("article {} has no link to fetch", .0.0)]
    NoLink(ArticleId),
    /// The page could not be fetched or held no article.
    #[error("{0}: {1}")]
    Fetch(String, FullTextError),
}
