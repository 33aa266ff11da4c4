//! Versioned schema migrations, applied when a database is opened.
//!
//! `PRAGMA user_version` holds the number of migrations applied. A later
//! version of akhbar appends a new entry to [`MIGRATIONS`]; entries already
//! released are never edited.

use rusqlite::{Connection, TransactionBehavior};

use super::error::{Fail, StoreError};
use crate::text::normalize::index_text;

/// Marks a database as akhbar's (`PRAGMA application_id`, "AKHB").
pub(crate) const APPLICATION_ID: i64 = 0x414B_4842;

/// One schema step: SQL, or code for steps SQL alone cannot do (such as
/// rebuilding the full-text index, whose terms are computed in Rust).
enum Migration {
    Sql(&'static str),
    Code(fn(&Connection) -> rusqlite::Result<()>),
}

impl Migration {
    fn apply(&self, conn: &Connection) -> rusqlite::Result<()> {
        match self {
            Migration::Sql(sql) => conn.execute_batch(sql),
            Migration::Code(step) => step(conn),
        }
    }
}

/// The migrations in order: entry `i` takes the schema from version `i` to
/// version `i + 1`.
const MIGRATIONS: &[Migration] = &[
    // 1: feeds, articles, tags, entities and the full-text index.
    Migration::Sql(
        "
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    site_link TEXT,
    direction TEXT NOT NULL DEFAULT 'auto',
    refresh_minutes INTEGER,
    full_text INTEGER NOT NULL DEFAULT 0,
    etag TEXT,
    last_modified TEXT,
    last_polled INTEGER,
    last_error TEXT,
    error_count INTEGER NOT NULL DEFAULT 0,
    retry_after INTEGER,
    removed INTEGER NOT NULL DEFAULT 0,
    added_at INTEGER NOT NULL
);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE feed_tags (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (feed_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX feed_tags_tag ON feed_tags(tag_id);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid TEXT,
    link TEXT,
    title TEXT NOT NULL,
    author TEXT,
    published INTEGER,
    updated INTEGER,
    first_seen INTEGER NOT NULL,
    sort_at INTEGER NOT NULL,
    summary_html TEXT NOT NULL,
    content_html TEXT,
    text TEXT NOT NULL,
    summary_text TEXT NOT NULL,
    lang TEXT,
    direction TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    bookmarked INTEGER NOT NULL DEFAULT 0,
    fetched_at INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    enriched INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_feed_guid ON articles(feed_id, guid);
CREATE INDEX articles_feed_link ON articles(feed_id, link);
CREATE INDEX articles_feed_hash ON articles(feed_id, content_hash);
CREATE INDEX articles_feed_read ON articles(feed_id, read);
CREATE INDEX articles_feed_sort ON articles(feed_id, sort_at);
CREATE INDEX articles_read_sort ON articles(read, sort_at);
CREATE INDEX articles_sort ON articles(sort_at, id);
CREATE INDEX articles_bookmarked ON articles(bookmarked) WHERE bookmarked = 1;
CREATE INDEX articles_enriched ON articles(enriched);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id);
CREATE TABLE entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    display TEXT NOT NULL,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (article_id, key, kind)
) WITHOUT ROWID;
CREATE INDEX entities_key ON entities(key);
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_fts WHERE rowid = old.id;
END;
",
    ),
    // 2: full text extracted from the article's web page, kept apart from
    // the feed's own text (which stays the summary).
    Migration::Sql(
        "
ALTER TABLE articles ADD COLUMN full_text TEXT;
ALTER TABLE articles ADD COLUMN full_html TEXT;
ALTER TABLE articles ADD COLUMN full_fetched_at INTEGER;
ALTER TABLE articles ADD COLUMN full_error TEXT;
CREATE INDEX articles_full_pending ON articles(feed_id) WHERE full_fetched_at IS NULL;
",
    ),
    // 3: related stories and story clusters.
    Migration::Sql(super::related::MIGRATION_SQL),
    // 4: the search index tokenised by SQLite's `ascii` tokenizer (its
    // terms are already folded words separated by spaces, see
    // `text::normalize`, so Unicode tokenising was pure cost at insert) and
    // without positions (`detail = none`: searches are sets of prefix
    // terms, never phrases, and are ordered by date, not rank).
    Migration::Code(search_index_v4),
    // 5: the script of each related-stories signature.
    Migration::Sql(super::related::MIGRATION_SCRIPT_SQL),
    // 6: the enrichment queue in index order (marker, then newest first),
    // so taking a batch reads that batch and not the enriched rows above
    // it.
    Migration::Sql(
        "DROP INDEX articles_enriched;
         CREATE INDEX articles_enriched ON articles(enriched, sort_at, id);",
    ),
    // 7: fewer indexes keyed by publication time. A first poll of many
    // feeds inserts articles in feed order, at random places in such an
    // index, and each write batch then rewrites nearly every leaf of it: a
    // cost per article that grew with the store. Lists newest first and
    // unread ones share one index that carries the read flag; the
    // enrichment queue follows storage order (most recently stored first,
    // which is newest first for everything a regular poll brings).
    Migration::Sql(
        "DROP INDEX articles_read_sort;
         DROP INDEX articles_sort;
         CREATE INDEX articles_sort ON articles(sort_at, id, read);
         DROP INDEX articles_enriched;
         CREATE INDEX articles_enriched ON articles(enriched, id);",
    ),
];

/// Migration 4: recreates `article_fts` with the `ascii` tokenizer and
/// indexes every stored article again.
fn search_index_v4(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DROP TRIGGER articles_fts_delete;
         DROP TABLE article_fts;
         CREATE VIRTUAL TABLE article_fts USING fts5(
             title, body,
             content = '', contentless_delete = 1, detail = none,
             tokenize = 'ascii'
         );
         CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
             DELETE FROM article_fts WHERE rowid = old.id;
         END;",
    )?;
    let mut read = conn.prepare("SELECT id, title, coalesce(full_text, text) FROM articles")?;
    let mut write =
        conn.prepare("INSERT INTO article_fts(rowid, title, body) VALUES (?1, ?2, ?3)")?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let title: String = row.get(1)?;
        let body: String = row.get(2)?;
        write.execute(rusqlite::params![id, index_text(&title), index_text(&body)])?;
    }
    Ok(())
}

/// The schema version this build creates and understands.
pub(crate) fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Checks that the open database is akhbar's (or empty) and applies the
/// missing migrations, each in its own immediate transaction together with
/// the new `user_version`.
pub(crate) fn migrate(conn: &Connection, path: &std::path::Path) -> Result<(), Fail> {
    loop {
        let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let version = check_owner(&tx, path)?;
        let Some(step) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            return Ok(());
        };
        step.apply(&tx)?;
        tx.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
            version + 1
        ))?;
        tx.commit()?;
    }
}

/// Reads (never writes) the header fields that say whose database this is:
/// a fresh file, or one with akhbar's application id and a schema version
/// this build knows. Returns the schema version.
pub(crate) fn check_owner(conn: &Connection, path: &std::path::Path) -> Result<i64, Fail> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let objects: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
        [],
        |r| r.get(0),
    )?;
    if app_id != APPLICATION_ID && (app_id != 0 || objects > 0 || version != 0) {
        return Err(StoreError::NotAkhbarDatabase {
            path: path.to_path_buf(),
            detail: "an SQLite database of another program".into(),
        }
        .into());
    }
    if version < 0 {
        return Err(StoreError::NotAkhbarDatabase {
            path: path.to_path_buf(),
            detail: format!("negative schema version {version}"),
        }
        .into());
    }
    if version > latest_version() {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: latest_version(),
        }
        .into());
    }
    Ok(version)
}

/// Reads the first row of every ordinary table, so that a database whose
/// pages are damaged is refused before anything is written to it: the
/// schema alone can fit in the intact first page.
pub(crate) fn probe_tables(conn: &Connection) -> Result<(), Fail> {
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND sql NOT LIKE 'CREATE VIRTUAL%'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for name in names {
        let sql = format!("SELECT 1 FROM \"{}\" LIMIT 1", name.replace('"', "\"\""));
        conn.prepare(&sql)?.exists([])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database left at schema `version` by an earlier akhbar, holding a
    /// feed, an article with read/bookmark state and a tag.
    fn database_at(version: usize) -> Connection {
        let conn = Connection::open_in_memory().expect("in-memory database");
        for step in &MIGRATIONS[..version] {
            step.apply(&conn).expect("earlier migration");
        }
        conn.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {version};"
        ))
        .expect("header");
        if version >= 1 {
            conn.execute_batch(
                "INSERT INTO feeds(id, url, added_at) VALUES (1, 'https://a.test/rss', 0);
                 INSERT INTO articles(id, feed_id, guid, title, first_seen, sort_at,
                   summary_html, text, summary_text, direction, read, bookmarked,
                   fetched_at, content_hash)
                 VALUES (7, 1, 'g', 'عنوان', 0, 0, '', 'نص', 'نص', 'rtl', 1, 1, 0, 'h');
                 INSERT INTO tags(id, name) VALUES (1, 'مهم');
                 INSERT INTO article_tags(article_id, tag_id) VALUES (7, 1);",
            )
            .expect("sample rows");
        }
        conn
    }

    #[test]
    fn every_earlier_version_migrates_to_the_latest_keeping_state() {
        for version in 0..MIGRATIONS.len() {
            let conn = database_at(version);
            migrate(&conn, std::path::Path::new("test.db")).expect("migrate");
            let now: i64 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .expect("version");
            assert_eq!(now, latest_version(), "from version {version}");
            if version >= 1 {
                let (read, bookmarked, tags): (bool, bool, i64) = conn
                    .query_row(
                        "SELECT read, bookmarked,
                         (SELECT count(*) FROM article_tags WHERE article_id = 7)
                         FROM articles WHERE id = 7",
                        [],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .expect("the article survives");
                assert!(read && bookmarked && tags == 1, "from version {version}");
                if version >= 4 {
                    // Indexed by the code that inserts articles, not by a
                    // migration (the sample row here bypasses it).
                    continue;
                }
                let found: i64 = conn
                    .query_row(
                        "SELECT rowid FROM article_fts WHERE article_fts MATCH '\"عنوان\"*'",
                        [],
                        |r| r.get(0),
                    )
                    .expect("the article is in the search index");
                assert_eq!(found, 7, "from version {version}");
            }
        }
    }
}
