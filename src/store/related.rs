//! Storage of related stories and story clusters (proposal of the related
//! helper, wired by the lead with `mod related;` in `store/mod.rs` and
//! [`MIGRATION_SQL`] as a migration step).
//!
//! What is stored, per processed article: its signature (`related_sig`:
//! TF-IDF vectors, entity weights, MinHash, script, cluster id), its
//! searchable terms in a contentless FTS5 index (`related_fts`, read one
//! term at a time, newest rows first, a bounded number of rows per term;
//! only the last two weeks stay searchable), and its precomputed top-K list
//! (`related_links`). Document frequencies for the idf are counted
//! incrementally (`related_df`, `related_meta`). Opening an article reads
//! one indexed list (`bench/related.sh`: well under a millisecond at
//! 100,000 articles).
//!
//! Everything hangs off `articles(id)` with ON DELETE CASCADE, so removing a
//! feed removes its articles from clusters and from every related list.
//! Document frequencies are not decremented on deletion (idf drifts
//! slightly towards rarer; harmless for ranking).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::error::Fail;
use super::{Store, StoreError};
use crate::intel::related::features::{
    Script, decode_minhash, decode_sparse, encode_minhash, encode_sparse,
};
use crate::intel::related::{Doc, Link, RelatedIndex, Signature};
use crate::model::{ArticleId, FeedId};

/// Tables, indexes and the FTS5 index of related stories (migration 3,
/// applied after the articles and feeds tables exist).
pub const MIGRATION_SQL: &str = "
CREATE TABLE IF NOT EXISTS related_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS related_df (
    term INTEGER PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_clusters (
    id INTEGER PRIMARY KEY AUTOINCREMENT
);
CREATE TABLE IF NOT EXISTS related_sig (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    feed_id    INTEGER NOT NULL,
    published  INTEGER NOT NULL,
    vector     BLOB NOT NULL,
    title      BLOB NOT NULL,
    entities   BLOB NOT NULL,
    minhash    BLOB NOT NULL,
    cluster_id INTEGER REFERENCES story_clusters(id) ON DELETE SET NULL,
    searchable INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS related_sig_searchable ON related_sig(published)
    WHERE searchable = 1;
CREATE INDEX IF NOT EXISTS related_sig_cluster ON related_sig(cluster_id)
    WHERE cluster_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS related_links (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    other_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    score      REAL NOT NULL,
    same_story INTEGER NOT NULL,
    PRIMARY KEY (article_id, other_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS related_links_other ON related_links(other_id);
CREATE VIRTUAL TABLE IF NOT EXISTS related_fts USING fts5(
    terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);
CREATE TRIGGER IF NOT EXISTS related_sig_ad AFTER DELETE ON related_sig BEGIN
    DELETE FROM related_fts WHERE rowid = old.article_id;
END;
";

/// The script of each signature's text (migration 5), so that articles in
/// different scripts are related by their entities; signatures stored
/// before it read as unknown and keep the same-script scoring.
pub const MIGRATION_SCRIPT_SQL: &str = "
ALTER TABLE related_sig ADD COLUMN script INTEGER NOT NULL DEFAULT 0;
";

/// One entry of the related pane: what the UI and `akhbar related` show.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedStory {
    /// The related article.
    pub id: ArticleId,
    /// Its title.
    pub title: String,
    /// Its feed.
    pub feed_id: FeedId,
    /// The feed's display title (title, else URL).
    pub feed_title: String,
    /// Its publication time, when known.
    pub published: Option<DateTime<Utc>>,
    /// Combined score, higher is closer.
    pub score: f64,
    /// True when it reports the same story.
    pub same_story: bool,
}

/// Story-cluster membership of one article, for folding the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClusterInfo {
    /// The cluster id (stable across polls; never reused).
    pub cluster_id: i64,
    /// Number of articles currently in the cluster.
    pub size: u32,
}

impl Store {
    /// The precomputed related list of an article, best first (empty when
    /// it has not been enriched yet).
    pub fn related_of(&self, id: ArticleId, limit: usize) -> Result<Vec<RelatedStory>, StoreError> {
        self.run(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT a.id, a.title, a.feed_id,
                        coalesce(nullif(trim(f.title), ''), f.url), a.sort_at,
                        l.score, l.same_story
                 FROM related_links l
                 JOIN articles a ON a.id = l.other_id
                 JOIN feeds f ON f.id = a.feed_id
                 WHERE l.article_id = ?1
                 ORDER BY l.score DESC, a.id
                 LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![id.0, limit_sql(limit)], |r| {
                let published: Option<i64> = r.get(4)?;
                Ok(RelatedStory {
                    id: ArticleId(r.get(0)?),
                    title: r.get(1)?,
                    feed_id: FeedId(r.get(2)?),
                    feed_title: r.get(3)?,
                    published: published.and_then(|t| DateTime::from_timestamp(t, 0)),
                    score: r.get(5)?,
                    same_story: r.get(6)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }

    /// The story cluster of an article and its current size, if the article
    /// is in one.
    pub fn cluster_of(&self, id: ArticleId) -> Result<Option<ClusterInfo>, StoreError> {
        self.run(|conn| cluster_info(conn, id))
    }

    /// The members of a story cluster, oldest first.
    pub fn cluster_members(&self, cluster_id: i64) -> Result<Vec<ArticleId>, StoreError> {
        self.run(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT article_id FROM related_sig WHERE cluster_id = ?1
                 ORDER BY published, article_id",
            )?;
            let rows = stmt.query_map(params![cluster_id], |r| Ok(ArticleId(r.get(0)?)))?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }

    /// Cluster membership of a page of the article list (ids not in a
    /// cluster are absent), so the list can fold one story into one row.
    pub fn clusters_of(
        &self,
        ids: &[ArticleId],
    ) -> Result<HashMap<ArticleId, ClusterInfo>, StoreError> {
        self.run(|conn| {
            let mut out = HashMap::new();
            for id in ids {
                if let Some(c) = cluster_info(conn, *id)? {
                    out.insert(*id, c);
                }
            }
            Ok(out)
        })
    }
}

/// Cluster id and size of one article.
fn cluster_info(conn: &Connection, id: ArticleId) -> Result<Option<ClusterInfo>, Fail> {
    Ok(conn
        .prepare_cached(
            "SELECT s.cluster_id, (SELECT count(*) FROM related_sig m
                                   WHERE m.cluster_id = s.cluster_id)
             FROM related_sig s WHERE s.article_id = ?1 AND s.cluster_id IS NOT NULL",
        )?
        .query_row(params![id.0], |r| {
            Ok(ClusterInfo {
                cluster_id: r.get(0)?,
                size: r.get(1)?,
            })
        })
        .optional()?)
}

/// SQLite's LIMIT takes an i64; anything larger means "no limit".
/// Pruned articles leave tombstones in the candidate index's segments,
/// and every lookup still walks their postings, so without compaction a
/// lookup would grow with the store's age. Once the articles pruned since
/// the last compaction reach half the live ones, the index is rebuilt
/// into one segment of live postings: work proportional to the (bounded)
/// window, paid once per that many pruned articles.
fn compact_candidate_index(conn: &Connection, pruned: usize) -> Result<(), Fail> {
    let pending: i64 = conn
        .prepare_cached(
            "INSERT INTO related_meta (key, value) VALUES ('pruned_since_compaction', ?1)
             ON CONFLICT(key) DO UPDATE SET value = value + excluded.value
             RETURNING value",
        )?
        .query_row(params![i64::try_from(pruned).unwrap_or(i64::MAX)], |r| {
            r.get(0)
        })?;
    let live: i64 = conn
        .prepare_cached("SELECT count(*) FROM related_sig WHERE searchable = 1")?
        .query_row([], |r| r.get(0))?;
    if pending >= COMPACT_AFTER_PRUNED.max(live / 2) {
        conn.execute(
            "INSERT INTO related_fts (related_fts) VALUES ('optimize')",
            [],
        )?;
        conn.prepare_cached(
            "UPDATE related_meta SET value = 0 WHERE key = 'pruned_since_compaction'",
        )?
        .execute([])?;
    }
    Ok(())
}

/// Fewest pruned articles that make compacting the candidate index worth
/// it (small stores prune little and compact cheaply anyway).
const COMPACT_AFTER_PRUNED: i64 = 500;

fn limit_sql(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

/// Term hashes are stored as SQLite integers (same 64 bits, signed).
fn key_sql(k: u64) -> i64 {
    i64::from_ne_bytes(k.to_ne_bytes())
}

/// A count read back from SQLite; negative (never written) reads as 0.
fn count_from_sql(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// A safe FTS5 query for one term (quoted), `None` when it is empty.
fn fts_term_query(term: &str) -> Option<String> {
    (!term.is_empty()).then(|| format!("\"{}\"", term.replace('"', "\"\"")))
}

/// Relater storage on the SQLite store. A batch runs in one `BEGIN
/// IMMEDIATE` transaction, like every other store write.
impl RelatedIndex for Store {
    type Error = StoreError;

    fn related_transaction<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        F: FnOnce() -> Result<T, StoreError>,
    {
        // The connection runs with the query planner stability guarantee
        // (see `Store::open`), so the relater's thousands of MATCH / LIMIT
        // bindings per batch never recompile a statement.
        self.run(|conn| Ok(conn.execute_batch("BEGIN IMMEDIATE")?))?;
        match f() {
            Ok(v) => self
                .run(|conn| Ok(conn.execute_batch("COMMIT")?))
                .map(|()| v),
            Err(e) => {
                // The original error matters more than a failed rollback,
                // and SQLite rolls back anyway when the connection closes.
                let _ = self.run(|conn| Ok(conn.execute_batch("ROLLBACK")?));
                Err(e)
            }
        }
    }

    fn related_doc(&self, id: ArticleId) -> Result<Option<Doc>, StoreError> {
        let row = self.run(|conn| {
            Ok(conn
                .prepare_cached("SELECT feed_id, sort_at, title, text FROM articles WHERE id = ?1")?
                .query_row(params![id.0], |r| {
                    Ok((
                        FeedId(r.get(0)?),
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                })
                .optional()?)
        })?;
        let Some((feed, published, title, text)) = row else {
            return Ok(None);
        };
        let entities = self.entities_of(id)?;
        Ok(Some(Doc {
            id,
            feed,
            published,
            title,
            text,
            entities,
        }))
    }

    fn related_doc_freqs(&self, keys: &[u64]) -> Result<(u64, Vec<u64>), StoreError> {
        self.run(|conn| {
            let n: Option<i64> = conn
                .prepare_cached("SELECT value FROM related_meta WHERE key = 'doc_count'")?
                .query_row([], |r| r.get(0))
                .optional()?;
            let mut stmt = conn.prepare_cached("SELECT df FROM related_df WHERE term = ?1")?;
            let mut dfs = Vec::with_capacity(keys.len());
            for k in keys {
                let df: Option<i64> = stmt
                    .query_row(params![key_sql(*k)], |r| r.get(0))
                    .optional()?;
                dfs.push(count_from_sql(df.unwrap_or(0)));
            }
            Ok((count_from_sql(n.unwrap_or(0)), dfs))
        })
    }

    fn related_add_doc_freqs(&self, docs: u64, keys: &[(u64, u64)]) -> Result<(), StoreError> {
        self.run(|conn| {
            conn.prepare_cached(
                "INSERT INTO related_meta (key, value) VALUES ('doc_count', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = value + excluded.value",
            )?
            .execute(params![i64::try_from(docs).unwrap_or(i64::MAX)])?;
            let mut stmt = conn.prepare_cached(
                "INSERT INTO related_df (term, df) VALUES (?1, ?2)
                 ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            )?;
            for (k, n) in keys {
                stmt.execute(params![key_sql(*k), i64::try_from(*n).unwrap_or(i64::MAX)])?;
            }
            Ok(())
        })
    }

    fn related_signature(&self, id: ArticleId) -> Result<Option<Signature>, StoreError> {
        self.run(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT feed_id, published, vector, title, entities, minhash, script
                     FROM related_sig WHERE article_id = ?1",
                )?
                .query_row(params![id.0], |r| {
                    let vector: Vec<u8> = r.get(2)?;
                    let title: Vec<u8> = r.get(3)?;
                    let entities: Vec<u8> = r.get(4)?;
                    let minhash: Vec<u8> = r.get(5)?;
                    Ok(Signature {
                        id,
                        feed: FeedId(r.get(0)?),
                        published: r.get(1)?,
                        script: Script::from_code(r.get(6)?),
                        vector: decode_sparse(&vector),
                        title: decode_sparse(&title),
                        entities: decode_sparse(&entities),
                        minhash: decode_minhash(&minhash),
                    })
                })
                .optional()?)
        })
    }

    fn related_save_signature(&self, sig: &Signature, terms: &str) -> Result<(), StoreError> {
        self.run(|conn| {
            let searchable: Option<bool> = conn
                .prepare_cached("SELECT searchable FROM related_sig WHERE article_id = ?1")?
                .query_row(params![sig.id.0], |r| r.get(0))
                .optional()?;
            conn.prepare_cached(
                "INSERT INTO related_sig
                     (article_id, feed_id, published, vector, title, entities, minhash, script)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT(article_id) DO UPDATE SET
                     feed_id = excluded.feed_id, published = excluded.published,
                     vector = excluded.vector, title = excluded.title,
                     entities = excluded.entities, minhash = excluded.minhash,
                     script = excluded.script, searchable = 1",
            )?
            .execute(params![
                sig.id.0,
                sig.feed.0,
                sig.published,
                encode_sparse(&sig.vector),
                encode_sparse(&sig.title),
                encode_sparse(&sig.entities),
                encode_minhash(&sig.minhash),
                sig.script.code(),
            ])?;
            if searchable == Some(true) {
                conn.prepare_cached("DELETE FROM related_fts WHERE rowid = ?1")?
                    .execute(params![sig.id.0])?;
            }
            conn.prepare_cached("INSERT INTO related_fts (rowid, terms) VALUES (?1, ?2)")?
                .execute(params![sig.id.0, terms])?;
            Ok(())
        })
    }

    fn related_postings(&self, term: &str, limit: usize) -> Result<Vec<ArticleId>, StoreError> {
        let Some(query) = fts_term_query(term) else {
            return Ok(Vec::new());
        };
        self.run(|conn| {
            // Newest rowids first, stopped at the limit: a common term costs
            // `limit` rows, not its whole posting list.
            let mut stmt = conn.prepare_cached(
                "SELECT rowid FROM related_fts WHERE related_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![query, limit_sql(limit)], |r| {
                Ok(ArticleId(r.get(0)?))
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }

    fn related_prune(&self, before: i64) -> Result<usize, StoreError> {
        self.run(|conn| {
            conn.prepare_cached(
                "DELETE FROM related_fts WHERE rowid IN
                     (SELECT article_id FROM related_sig WHERE searchable = 1 AND published < ?1)",
            )?
            .execute(params![before])?;
            let pruned = conn
                .prepare_cached(
                    "UPDATE related_sig SET searchable = 0 WHERE searchable = 1 AND published < ?1",
                )?
                .execute(params![before])?;
            if pruned > 0 {
                compact_candidate_index(conn, pruned)?;
            }
            Ok(pruned)
        })
    }

    fn related_links(&self, id: ArticleId) -> Result<Vec<Link>, StoreError> {
        self.run(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT other_id, score, same_story FROM related_links
                 WHERE article_id = ?1 ORDER BY score DESC, other_id",
            )?;
            let rows = stmt.query_map(params![id.0], |r| {
                Ok(Link {
                    other: ArticleId(r.get(0)?),
                    score: r.get(1)?,
                    same_story: r.get(2)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }

    fn related_set_links(&self, id: ArticleId, links: &[Link]) -> Result<(), StoreError> {
        self.run(|conn| {
            conn.prepare_cached("DELETE FROM related_links WHERE article_id = ?1")?
                .execute(params![id.0])?;
            let mut stmt = conn.prepare_cached(
                "INSERT OR REPLACE INTO related_links (article_id, other_id, score, same_story)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for l in links {
                stmt.execute(params![id.0, l.other.0, l.score, l.same_story])?;
            }
            Ok(())
        })
    }

    fn related_cluster(&self, id: ArticleId) -> Result<Option<i64>, StoreError> {
        self.run(|conn| {
            Ok(conn
                .prepare_cached("SELECT cluster_id FROM related_sig WHERE article_id = ?1")?
                .query_row(params![id.0], |r| r.get::<_, Option<i64>>(0))
                .optional()?
                .flatten())
        })
    }

    fn related_new_cluster(&self) -> Result<i64, StoreError> {
        self.run(|conn| {
            conn.prepare_cached("INSERT INTO story_clusters DEFAULT VALUES")?
                .execute([])?;
            Ok(conn.last_insert_rowid())
        })
    }

    fn related_set_cluster(&self, id: ArticleId, cluster: i64) -> Result<(), StoreError> {
        self.run(|conn| {
            conn.prepare_cached("UPDATE related_sig SET cluster_id = ?2 WHERE article_id = ?1")?
                .execute(params![id.0, cluster])?;
            Ok(())
        })
    }

    fn related_merge_clusters(&self, from: i64, into: i64) -> Result<(), StoreError> {
        self.run(|conn| {
            conn.prepare_cached("UPDATE related_sig SET cluster_id = ?2 WHERE cluster_id = ?1")?
                .execute(params![from, into])?;
            Ok(())
        })
    }
}
