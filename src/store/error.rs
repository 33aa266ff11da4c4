//! Errors of the store: every message names the database file and the cause.

use std::path::PathBuf;

use crate::model::{ArticleId, FeedId};

/// What can go wrong in the store. Messages name the file so a user with
/// several databases knows which one is meant.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The parent directory of the database could not be created.
    #[error("cannot create the directory for database {path}: {source}")]
    CreateDir {
        /// The database file.
        path: PathBuf,
        /// The I/O cause.
        source: std::io::Error,
    },
    /// The database file could not be read to check what it is.
    #[error("cannot read database {path}: {source}")]
    Io {
        /// The database file.
        path: PathBuf,
        /// The I/O cause.
        source: std::io::Error,
    },
    /// The file exists but is not an akhbar database (not SQLite at all, a
    /// corrupted SQLite file, or another program's SQLite database). It is
    /// never overwritten or repaired.
    #[error("{path} is not an akhbar database or is corrupted ({detail}); it was left untouched")]
    NotAkhbarDatabase {
        /// The database file.
        path: PathBuf,
        /// Why it was refused.
        detail: String,
    },
    /// The database was written by a newer akhbar with a schema this
    /// version does not know.
    #[error(
        "database {path} has schema version {found}, newer than this akhbar supports ({supported}); upgrade akhbar"
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// The version found in the file.
        found: i64,
        /// The latest version this build knows.
        supported: i64,
    },
    /// The database (or its directory) cannot be written.
    #[error("database {path} is read-only; akhbar needs to write to it and to its directory")]
    ReadOnly {
        /// The database file.
        path: PathBuf,
    },
    /// An SQLite error on the database.
    #[error("database {path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The SQLite cause.
        source: rusqlite::Error,
    },
    /// A feed with this URL is already subscribed.
    #[error("feed {url} is already subscribed (id {})", id.0)]
    AlreadyExists {
        /// The existing feed.
        id: FeedId,
        /// Its URL.
        url: String,
    },
    /// No feed has this id.
    #[error("no feed with id {}", .0.0)]
    FeedNotFound(FeedId),
    /// No article has one of these ids.
    #[error("no article with id {}", ids_text(.0))]
    ArticleNotFound(Vec<ArticleId>),
    /// A write failed in a way that rolled back the whole [`WriteBatch`]
    /// it was part of (a full disk, an I/O error): nothing the batch
    /// wrote was saved.
    ///
    /// [`WriteBatch`]: super::WriteBatch
    #[error("database {path}: a write failed and rolled back the batch of feeds it was part of")]
    BatchLost {
        /// The database file.
        path: PathBuf,
    },
    /// An argument was not acceptable (empty URL, empty tag...).
    #[error("invalid input: {0}")]
    Invalid(String),
}

/// Comma-separated ids for messages.
fn ids_text(ids: &[ArticleId]) -> String {
    ids.iter()
        .map(|i| i.0.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Internal error used inside store functions so `?` works on both SQLite
/// calls and store errors; the public methods turn it into [`StoreError`]
/// with the file name attached.
#[derive(Debug)]
pub(crate) enum Fail {
    /// An SQLite error, still without the file name.
    Sql(rusqlite::Error),
    /// A finished store error.
    Store(StoreError),
}

impl From<rusqlite::Error> for Fail {
    fn from(e: rusqlite::Error) -> Self {
        Fail::Sql(e)
    }
}

impl From<StoreError> for Fail {
    fn from(e: StoreError) -> Self {
        Fail::Store(e)
    }
}
