//! The SQLite store: feeds, articles, tags, entities and the full-text
//! index. This is the only module with SQL in it.
//!
//! Concurrency: the TUI and a `poll` process may share one file. The
//! database runs in WAL mode with a busy timeout, and every write is one
//! short `BEGIN IMMEDIATE` transaction, so writers queue instead of failing
//! with "database is locked". A poll joins the writes of the feeds that are
//! ready into a short [`WriteBatch`], each write still all or nothing.
//!
//! Search ranks matches newest first (by the sort key), like every other
//! list, not by bm25.

mod articles;
mod batch;
mod checkpoint;
mod enrich;
mod error;
mod feeds;
mod fulltext;
mod related;
mod schema;

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use batch::BatchState;
pub use batch::WriteBatch;
use serde::{Deserialize, Serialize};

pub use articles::{PreparedArticle, PreparedUpdate};
pub use checkpoint::BackgroundCheckpoint;
use error::Fail;
pub use error::StoreError;
pub use fulltext::FullTextJob;
pub use related::{ClusterInfo, MIGRATION_SQL, RelatedStory};

use crate::model::{ArticleId, Direction, DirectionSetting, FeedId, ParsedFeed};

/// How long a statement waits for another connection's lock before giving
/// up (the poller and the TUI write the same file).
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The 16-byte header every SQLite 3 database file starts with.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// An open akhbar database. One per thread: the poller's writer thread and
/// the TUI each open their own on the same file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Whether writes join an open [`WriteBatch`].
    batch: Cell<BatchState>,
}

/// Per-feed settings chosen by the user.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedSettings {
    /// Force a direction for this feed's articles, or detect it.
    pub direction: DirectionSetting,
    /// Refresh interval in minutes; `None` uses the global default.
    pub refresh_minutes: Option<u32>,
    /// Fetch the full article page instead of trusting the feed's text.
    pub full_text: bool,
}

/// A subscribed feed with its poll state and article counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feed {
    /// Row id.
    pub id: FeedId,
    /// The feed URL (unique).
    pub url: String,
    /// Title from the feed, once polled.
    pub title: Option<String>,
    /// The site's home page from the feed.
    pub site_link: Option<String>,
    /// The user's settings.
    pub settings: FeedSettings,
    /// The feed's tags (every article of the feed carries them for filters).
    pub tags: Vec<String>,
    /// ETag validator for conditional GET.
    pub etag: Option<String>,
    /// Last-Modified validator for conditional GET.
    pub last_modified: Option<String>,
    /// When the feed was last polled (successfully or not).
    pub last_polled: Option<DateTime<Utc>>,
    /// The last poll error, cleared by a successful poll.
    pub last_error: Option<String>,
    /// Consecutive failed polls.
    pub error_count: u32,
    /// Do not poll before this time (server's Retry-After or backoff).
    pub retry_after: Option<DateTime<Utc>>,
    /// Unread articles.
    pub unread: u64,
    /// All articles.
    pub total: u64,
}

impl Feed {
    /// The name to show: the feed's title, else its URL.
    pub fn display_title(&self) -> &str {
        match &self.title {
            Some(t) if !t.trim().is_empty() => t,
            _ => &self.url,
        }
    }
}

/// The result of one successful fetch, written in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedUpdate {
    /// The parsed feed.
    pub feed: ParsedFeed,
    /// ETag returned by the server.
    pub etag: Option<String>,
    /// Last-Modified returned by the server.
    pub last_modified: Option<String>,
    /// When it was fetched.
    pub fetched_at: DateTime<Utc>,
}

/// What [`Store::apply_feed_update`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct UpdateStats {
    /// Articles seen for the first time.
    pub new: usize,
    /// Known articles whose title, link or text changed.
    pub updated: usize,
}

/// A failed poll, recorded on the feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedFailure {
    /// The cause, shown to the user.
    pub message: String,
    /// Do not retry before this time.
    pub retry_after: Option<DateTime<Utc>>,
    /// When it failed.
    pub at: DateTime<Utc>,
}

/// Which articles to list or count. Every field narrows the result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFilter {
    /// Only this feed.
    pub feed: Option<FeedId>,
    /// Only unread articles.
    pub unread: bool,
    /// Only bookmarked articles.
    pub bookmarked: bool,
    /// Only articles carrying this tag themselves or through their feed.
    pub tag: Option<String>,
    /// Full-text search (see [`crate::text::normalize::fts_query`]); blank
    /// means no search, a query with nothing searchable matches nothing.
    pub search: Option<String>,
    /// At most this many rows.
    pub limit: Option<usize>,
    /// Skip this many rows first.
    pub offset: usize,
}

/// One row of an article list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    /// Row id.
    pub id: ArticleId,
    /// Its feed.
    pub feed_id: FeedId,
    /// The feed's display title.
    pub feed_title: String,
    /// Article title.
    pub title: String,
    /// Article link.
    pub link: Option<String>,
    /// Sort date: published, else updated, else first seen.
    pub published: Option<DateTime<Utc>>,
    /// Read flag.
    pub read: bool,
    /// Bookmark flag.
    pub bookmarked: bool,
    /// The article's own tags, sorted.
    pub tags: Vec<String>,
    /// Direction of the article.
    pub direction: Direction,
}

/// A whole article, for the reader view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// The list fields.
    pub summary: ArticleSummary,
    /// Author, if given.
    pub author: Option<String>,
    /// The item's updated date, if given.
    pub updated: Option<DateTime<Utc>>,
    /// The feed's summary HTML.
    pub summary_html: String,
    /// The feed's content HTML.
    pub content_html: Option<String>,
    /// Clean text (see the clean text format in the contract): the full
    /// text extracted from the web page once fetched, else the feed's text.
    pub text: String,
    /// Plain text of the summary.
    pub summary_text: String,
    /// When the full text was fetched from the web page, if it was.
    pub full_text_at: Option<DateTime<Utc>>,
    /// Why the last full-text fetch failed, if it did.
    pub full_text_error: Option<String>,
    /// Language tag.
    pub lang: Option<String>,
    /// When the article was last fetched.
    pub fetched_at: DateTime<Utc>,
}

/// What the entity extractor needs of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrichInput {
    /// Row id.
    pub id: ArticleId,
    /// Title.
    pub title: String,
    /// Clean text.
    pub text: String,
    /// Language tag.
    pub lang: Option<String>,
}

/// Which old articles [`Store::prune`] deletes. Bookmarked and tagged
/// articles are never pruned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrunePolicy {
    /// Keep at most this many articles per feed (the newest).
    pub max_per_feed: Option<usize>,
    /// Delete articles whose sort date is older than this many days.
    pub max_age_days: Option<u32>,
}

/// Unix seconds to a UTC time (`None` when out of range).
fn from_ts(ts: Option<i64>) -> Option<DateTime<Utc>> {
    ts.and_then(|t| DateTime::from_timestamp(t, 0))
}

/// Checks the first bytes of an existing file: an empty file or an SQLite
/// header is fine, anything else is refused before SQLite touches it.
fn check_header(path: &Path) -> Result<(), StoreError> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut head = Vec::with_capacity(16);
    file.by_ref()
        .take(16)
        .read_to_end(&mut head)
        .map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if head.is_empty() || head.as_slice() == SQLITE_HEADER {
        Ok(())
    } else {
        Err(StoreError::NotAkhbarDatabase {
            path: path.to_path_buf(),
            detail: "the file is not an SQLite database".into(),
        })
    }
}

/// How many prepared statements a connection keeps.
const STATEMENT_CACHE: usize = 64;

impl Store {
    /// Opens (creating if needed) the database at `path`: creates parent
    /// directories, refuses files that are not akhbar databases without
    /// touching them, turns on WAL, the busy timeout and foreign keys, and
    /// applies pending migrations.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: path.to_path_buf(),
                source,
            })?;
        }
        check_header(path)?;
        let sql_err = |source: rusqlite::Error| classify_open_error(path, source);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql_err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_err)?;
        // Every hot statement is prepared once (rusqlite keeps 16 by default,
        // fewer than the poller, enrichment and reader use together).
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // Plans must not depend on bound values: with it, SQLite re-prepared
        // the dedup lookups on every call (a fifth of the writer's time).
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .map_err(sql_err)?;
        // Reading the schema fails with NOTADB on corrupted headers before
        // anything is written.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(sql_err)?;
        if conn.is_readonly(rusqlite::MAIN_DB).map_err(sql_err)? {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        // Whose database is it? Checked before anything is written (turning
        // on WAL rewrites the header).
        schema::check_owner(&conn, path).map_err(|e| fail_at(path, e))?;
        schema::probe_tables(&conn).map_err(|e| fail_at(path, e))?;
        // A new, empty file gets 8 KB pages (older databases keep theirs;
        // the size is fixed once WAL is on). Article rows are a few KB of
        // text and HTML: 8 KB pages spill less of them to overflow pages,
        // and a cold poll writes a sixth less and spends a third less time
        // in the kernel than with 4 KB pages.
        let pages: i64 = conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .map_err(sql_err)?;
        if pages == 0 {
            conn.execute_batch("PRAGMA page_size = 8192")
                .map_err(sql_err)?;
        }
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )
        .map_err(sql_err)?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
            batch: Cell::new(BatchState::Closed),
        };
        store.run(|conn| schema::migrate(conn, path))?;
        Ok(store)
    }

    /// The database file this store was opened on.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs SQLite's full integrity check: `Ok(())` when the database is
    /// sound, else the problems SQLite reports, one per line.
    pub fn integrity_check(&self) -> Result<Result<(), String>, StoreError> {
        self.run(|conn| {
            let mut stmt = conn.prepare("PRAGMA integrity_check")?;
            let lines = stmt
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            if lines.len() == 1 && lines[0] == "ok" {
                Ok(Ok(()))
            } else {
                Ok(Err(lines.join("\n")))
            }
        })
    }

    /// Runs `f` on the connection and names the file in any SQLite error.
    fn run<T>(&self, f: impl FnOnce(&Connection) -> Result<T, Fail>) -> Result<T, StoreError> {
        f(&self.conn).map_err(|e| self.fail(e))
    }

    /// Runs `f` all or nothing: in one `BEGIN IMMEDIATE` transaction (so
    /// concurrent writers wait for the busy timeout instead of failing)
    /// that it commits, or, while a [`WriteBatch`] is open, in the batch's
    /// transaction. Any error rolls back what `f` wrote.
    fn write<T>(&self, f: impl FnOnce(&Connection) -> Result<T, Fail>) -> Result<T, StoreError> {
        match self.batch.get() {
            BatchState::Closed => self.run(|conn| {
                let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
                let out = f(&tx)?;
                tx.commit()?;
                Ok(out)
            }),
            BatchState::Open => self.run(|conn| batch::in_batch(conn, &self.batch, f)),
            BatchState::Lost => Err(batch::lost_at(self)),
        }
    }

    /// Attaches the file name to an internal error.
    fn fail(&self, e: Fail) -> StoreError {
        fail_at(&self.path, e)
    }
}

/// Turns an internal error into a store error naming `path`.
fn fail_at(path: &Path, e: Fail) -> StoreError {
    match e {
        Fail::Store(e) => e,
        Fail::Sql(source) => classify_open_error(path, source),
    }
}

/// Turns an SQLite error into a store error, recognising "not a database",
/// corruption and read-only files.
fn classify_open_error(path: &Path, source: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::NotAkhbarDatabase {
                path: path.to_path_buf(),
                detail: source.to_string(),
            }
        }
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen) if is_readonly(path) => {
            StoreError::ReadOnly {
                path: path.to_path_buf(),
            }
        }
        _ => StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// True when the file or its directory is not writable by permissions.
fn is_readonly(path: &Path) -> bool {
    let ro = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.permissions().readonly());
    ro(path) || path.parent().is_some_and(ro)
}
