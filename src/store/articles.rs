//! Articles: the per-feed update (dedup and upsert), lists, counts, flags,
//! tags and pruning.

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use super::error::{Fail, StoreError};
use super::feeds::{clean_tag, require_feed, split_list, tag_id};
use super::{
    Article, ArticleFilter, ArticleSummary, FeedUpdate, PrunePolicy, Store, UpdateStats, from_ts,
};
use crate::model::{ArticleId, Direction, FeedId, NewArticle};
use crate::text::normalize::{fts_query, index_text};
use crate::text::sanitize::strip_controls;

/// The columns [`summary_from_row`] reads, in order, for a query over
/// `articles a JOIN feeds f`. The direction is the feed's forced direction
/// when the user set one, else the article's detected one.
pub(crate) const SUMMARY_COLUMNS: &str = "a.id, a.feed_id,
    coalesce(nullif(trim(f.title), ''), f.url), a.title, a.link, a.sort_at, a.read,
    a.bookmarked,
    (SELECT group_concat(name, char(31)) FROM
        (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
         WHERE at.article_id = a.id ORDER BY t.name)),
    CASE f.direction WHEN 'rtl' THEN 'rtl' WHEN 'ltr' THEN 'ltr' ELSE a.direction END";

/// Reads one list row selected with [`SUMMARY_COLUMNS`].
pub(crate) fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    let direction: String = r.get(9)?;
    Ok(ArticleSummary {
        id: ArticleId(r.get(0)?),
        feed_id: FeedId(r.get(1)?),
        feed_title: r.get(2)?,
        title: r.get(3)?,
        link: r.get(4)?,
        published: from_ts(r.get(5)?),
        read: r.get(6)?,
        bookmarked: r.get(7)?,
        tags: split_list(r.get(8)?),
        direction: Direction::parse(&direction),
    })
}

/// A stable 64-bit FNV-1a hash of title and text, stored as hex, used to
/// recognise an article whose GUID changed but whose content did not.
fn content_hash(title: &str, text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in title.bytes().chain([0u8]).chain(text.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Plain text of the summary: the clean text when the feed gave no
/// separate content (then the text *is* the summary), else the summary
/// HTML's text with whitespace collapsed.
fn summary_text(a: &NewArticle) -> String {
    if a.content_html.is_none() {
        return a.text.clone();
    }
    let doc = scraper::Html::parse_fragment(&a.summary_html);
    let raw: String = doc.root_element().text().collect::<Vec<_>>().join(" ");
    strip_controls(&raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The stored row an incoming article matches, with its content hash and
/// link: same GUID in the feed; else same link when the item has no GUID;
/// else the same content (title and non-empty text) under a new GUID.
fn find_existing(
    conn: &Connection,
    feed: FeedId,
    a: &NewArticle,
    hash: &str,
) -> rusqlite::Result<Option<(i64, String, Option<String>)>> {
    let pick = |sql: &str, key: &str| {
        conn.prepare_cached(sql)?
            .query_row(params![feed.0, key], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()
    };
    if let Some(guid) = a.guid.as_deref() {
        let found = pick(
            "SELECT id, content_hash, link FROM articles WHERE feed_id = ?1 AND guid = ?2
             ORDER BY id LIMIT 1",
            guid,
        )?;
        if found.is_some() {
            return Ok(found);
        }
    } else if let Some(link) = a.link.as_deref() {
        let found = pick(
            "SELECT id, content_hash, link FROM articles WHERE feed_id = ?1 AND link = ?2
             ORDER BY id LIMIT 1",
            link,
        )?;
        if found.is_some() {
            return Ok(found);
        }
    }
    if a.text.trim().is_empty() || a.title.trim().is_empty() {
        return Ok(None);
    }
    pick(
        "SELECT id, content_hash, link FROM articles WHERE feed_id = ?1 AND content_hash = ?2
         ORDER BY id LIMIT 1",
        hash,
    )
}

/// Replaces the full-text row of an article with its normalised title and
/// text.
fn index_article(conn: &Connection, id: i64, p: &PreparedArticle) -> rusqlite::Result<()> {
    let full: Option<String> = conn
        .prepare_cached("SELECT full_text FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    let body = match full {
        Some(full) => index_text(&full),
        None => p.index_body.clone(),
    };
    write_fts(conn, id, &p.index_title, &body)
}

/// Replaces the full-text index row of an article.
pub(crate) fn write_fts(
    conn: &Connection,
    id: i64,
    title: &str,
    body: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM article_fts WHERE rowid = ?1")?
        .execute([id])?;
    insert_fts(conn, id, title, body)
}

/// Adds the full-text index row of an article that has none yet (a new
/// article: deleting first would only write a useless tombstone).
fn insert_fts(conn: &Connection, id: i64, title: &str, body: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT INTO article_fts(rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![id, title, body])?;
    Ok(())
}

/// Everything about an incoming article that can be computed without the
/// database (hash, summary text, normalised index text). Poll workers
/// compute it in parallel so the single writer only writes.
#[derive(Debug, Clone)]
pub struct PreparedArticle {
    article: NewArticle,
    hash: String,
    summary: String,
    index_title: String,
    index_body: String,
}

impl PreparedArticle {
    /// Does the pure work for one article.
    pub fn new(article: NewArticle) -> PreparedArticle {
        PreparedArticle {
            hash: content_hash(&article.title, &article.text),
            summary: summary_text(&article),
            index_title: index_text(&article.title),
            index_body: index_text(&article.text),
            article,
        }
    }
}

/// Inserts or updates one article; returns whether it was new and whether
/// it changed.
fn upsert(
    conn: &Connection,
    feed: FeedId,
    p: &PreparedArticle,
    fetched_at: DateTime<Utc>,
) -> rusqlite::Result<(bool, bool)> {
    let a = &p.article;
    let hash = &p.hash;
    let published = a.published.map(|t| t.timestamp());
    let updated = a.updated.map(|t| t.timestamp());
    let now = fetched_at.timestamp();
    let summary = &p.summary;
    match find_existing(conn, feed, a, hash)? {
        Some((id, old_hash, old_link)) if old_hash == *hash && old_link == a.link => {
            // Seen before and unchanged: only note that it is still there.
            conn.prepare_cached(
                "UPDATE articles SET guid = coalesce(?2, guid), published = ?3, updated = ?4,
                 sort_at = coalesce(?3, ?4, first_seen), fetched_at = ?5 WHERE id = ?1",
            )?
            .execute(params![id, a.guid, published, updated, now])?;
            Ok((false, false))
        }
        Some((id, old_hash, old_link)) => {
            conn.prepare_cached(
                "UPDATE articles SET guid = coalesce(?2, guid), link = ?3, title = ?4,
                 author = ?5, published = ?6, updated = ?7,
                 sort_at = coalesce(?6, ?7, first_seen), summary_html = ?8, content_html = ?9,
                 text = ?10, summary_text = ?11, lang = ?12, direction = ?13, fetched_at = ?14,
                 content_hash = ?15 WHERE id = ?1",
            )?
            .execute(params![
                id,
                a.guid,
                a.link,
                a.title,
                a.author,
                published,
                updated,
                a.summary_html,
                a.content_html,
                a.text,
                summary,
                a.lang,
                a.direction.as_str(),
                now,
                hash
            ])?;
            let content_changed = old_hash != *hash;
            if content_changed {
                index_article(conn, id, p)?;
                conn.prepare_cached("UPDATE articles SET enriched = 0 WHERE id = ?1")?
                    .execute([id])?;
            }
            Ok((false, content_changed || old_link != a.link))
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO articles(feed_id, guid, link, title, author, published, updated,
                 first_seen, sort_at, summary_html, content_html, text, summary_text, lang,
                 direction, fetched_at, content_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(?6, ?7, ?8), ?9, ?10, ?11,
                 ?12, ?13, ?14, ?8, ?15)",
            )?
            .execute(params![
                feed.0,
                a.guid,
                a.link,
                a.title,
                a.author,
                published,
                updated,
                now,
                a.summary_html,
                a.content_html,
                a.text,
                summary,
                a.lang,
                a.direction.as_str(),
                hash
            ])?;
            let id = conn.last_insert_rowid();
            insert_fts(conn, id, &p.index_title, &p.index_body)?;
            Ok((true, false))
        }
    }
}

/// A feed update with its articles prepared ([`PreparedArticle`]): built
/// on any thread, applied by [`Store::apply_prepared_update`].
#[derive(Debug, Clone)]
pub struct PreparedUpdate {
    update: FeedUpdate,
    articles: Vec<PreparedArticle>,
}

impl PreparedUpdate {
    /// How many articles the update carries.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True when the feed had no articles.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Does the pure work of every article of the update.
    pub fn new(mut update: FeedUpdate) -> PreparedUpdate {
        let articles = std::mem::take(&mut update.feed.articles)
            .into_iter()
            .map(PreparedArticle::new)
            .collect();
        PreparedUpdate { update, articles }
    }
}

/// The WHERE clause and parameters for a filter over `articles a`, or
/// `None` when the filter can match nothing (a search with no searchable
/// word).
fn filter_clause(f: &ArticleFilter) -> Option<(String, Vec<Value>)> {
    let mut conds: Vec<&str> = vec!["1"];
    let mut params: Vec<Value> = Vec::new();
    if let Some(feed) = f.feed {
        conds.push("a.feed_id = ?");
        params.push(Value::Integer(feed.0));
    }
    if f.unread {
        conds.push("a.read = 0");
    }
    if f.bookmarked {
        conds.push("a.bookmarked = 1");
    }
    if let Some(tag) = &f.tag {
        conds.push(
            "(a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id
                       WHERE t.name = ?)
              OR a.feed_id IN (SELECT ft.feed_id FROM feed_tags ft JOIN tags t
                       ON t.id = ft.tag_id WHERE t.name = ?))",
        );
        let tag = clean_tag(tag).unwrap_or_default();
        params.push(Value::Text(tag.clone()));
        params.push(Value::Text(tag));
    }
    if let Some(q) = f.search.as_deref().filter(|q| !q.trim().is_empty()) {
        let m = fts_query(q)?;
        conds.push("a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)");
        params.push(Value::Text(m));
    }
    Some((conds.join(" AND "), params))
}

/// Converts a count or limit to SQLite's integer.
fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Ids among `ids` that have no article row.
fn missing_articles(conn: &Connection, ids: &[ArticleId]) -> rusqlite::Result<Vec<ArticleId>> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
    let mut missing = Vec::new();
    for id in ids {
        if !stmt.exists([id.0])? {
            missing.push(*id);
        }
    }
    Ok(missing)
}

/// Fails with [`StoreError::ArticleNotFound`] unless the article exists.
pub(crate) fn require_article(conn: &Connection, id: ArticleId) -> Result<(), Fail> {
    if missing_articles(conn, &[id])?.is_empty() {
        Ok(())
    } else {
        Err(StoreError::ArticleNotFound(vec![id]).into())
    }
}

/// The condition on `articles` rows that are neither bookmarked nor tagged:
/// only those may be pruned or dropped by `remove_feed(keep_marked)`.
pub(crate) const UNMARKED: &str =
    "bookmarked = 0 AND NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = articles.id)";

/// Writes one successful poll of feed `id` inside the caller's transaction:
/// feed title, link and validators, every article, and a cleared error
/// state.
fn write_update(
    tx: &Connection,
    id: FeedId,
    prepared: &PreparedUpdate,
) -> Result<UpdateStats, Fail> {
    let upd = &prepared.update;
    require_feed(tx, id)?;
    tx.prepare_cached(
        "UPDATE feeds SET title = coalesce(?2, title), site_link = coalesce(?3, site_link),
         etag = ?4, last_modified = ?5, last_polled = ?6, last_error = NULL,
         error_count = 0, retry_after = NULL WHERE id = ?1",
    )?
    .execute(params![
        id.0,
        upd.feed.title.as_deref().filter(|t| !t.trim().is_empty()),
        upd.feed.site_link,
        upd.etag,
        upd.last_modified,
        upd.fetched_at.timestamp()
    ])?;
    let mut stats = UpdateStats::default();
    for a in &prepared.articles {
        match upsert(tx, id, a, upd.fetched_at)? {
            (true, _) => stats.new += 1,
            (false, true) => stats.updated += 1,
            (false, false) => {}
        }
    }
    Ok(stats)
}

impl Store {
    /// Writes one successful poll in ONE transaction: feed title and link,
    /// validators, every article (new ones inserted; known ones, matched by
    /// GUID, by link when there is no GUID, or by unchanged content under a
    /// new GUID, updated in place keeping read, bookmark and tags), and
    /// clears the feed's error state.
    pub fn apply_feed_update(
        &self,
        id: FeedId,
        upd: &FeedUpdate,
    ) -> Result<UpdateStats, StoreError> {
        self.apply_prepared_update(id, &PreparedUpdate::new(upd.clone()))
    }

    /// [`Store::apply_feed_update`] for an update whose pure work was done
    /// beforehand (see [`PreparedUpdate`]), so the writer only writes.
    pub fn apply_prepared_update(
        &self,
        id: FeedId,
        prepared: &PreparedUpdate,
    ) -> Result<UpdateStats, StoreError> {
        self.write(|tx| write_update(tx, id, prepared))
    }

    /// Articles matching the filter, newest first (by published, else
    /// updated, else first seen). Searches are ranked the same way.
    pub fn articles(&self, f: &ArticleFilter) -> Result<Vec<ArticleSummary>, StoreError> {
        let Some((clause, mut params)) = filter_clause(f) else {
            return Ok(Vec::new());
        };
        params.push(Value::Integer(f.limit.map_or(-1, to_i64)));
        params.push(Value::Integer(to_i64(f.offset)));
        self.run(|conn| {
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
                 WHERE {clause} ORDER BY a.sort_at DESC, a.id DESC LIMIT ? OFFSET ?"
            );
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt
                .query_map(params_from_iter(params), summary_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// How many articles match the filter (`limit` and `offset` ignored).
    pub fn count_articles(&self, f: &ArticleFilter) -> Result<u64, StoreError> {
        let Some((clause, params)) = filter_clause(f) else {
            return Ok(0);
        };
        self.run(|conn| {
            let sql = format!("SELECT count(*) FROM articles a WHERE {clause}");
            let n: i64 = conn.query_row(&sql, params_from_iter(params), |r| r.get(0))?;
            Ok(u64::try_from(n).unwrap_or(0))
        })
    }

    /// One whole article, `None` if there is no such id.
    pub fn article(&self, id: ArticleId) -> Result<Option<Article>, StoreError> {
        self.run(|conn| {
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS}, a.author, a.updated, a.summary_html, a.content_html,
                 coalesce(a.full_text, a.text), a.summary_text, a.lang, a.fetched_at,
                 a.full_fetched_at, a.full_error
                 FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?1"
            );
            let found = conn
                .query_row(&sql, [id.0], |r| {
                    Ok(Article {
                        summary: summary_from_row(r)?,
                        author: r.get(10)?,
                        updated: from_ts(r.get(11)?),
                        summary_html: r.get(12)?,
                        content_html: r.get(13)?,
                        text: r.get(14)?,
                        summary_text: r.get(15)?,
                        lang: r.get(16)?,
                        fetched_at: from_ts(r.get(17)?).unwrap_or_default(),
                        full_text_at: from_ts(r.get(18)?),
                        full_text_error: r.get(19)?,
                    })
                })
                .optional()?;
            Ok(found)
        })
    }

    /// Sets the read flag of articles; returns how many actually changed.
    /// Unknown ids fail the whole call with an error naming them (nothing
    /// is changed then).
    pub fn set_read(&self, ids: &[ArticleId], read: bool) -> Result<usize, StoreError> {
        self.write(|tx| {
            let missing = missing_articles(tx, ids)?;
            if !missing.is_empty() {
                return Err(StoreError::ArticleNotFound(missing).into());
            }
            let mut stmt =
                tx.prepare_cached("UPDATE articles SET read = ?2 WHERE id = ?1 AND read != ?2")?;
            let mut changed = 0;
            for id in ids {
                changed += stmt.execute(params![id.0, read])?;
            }
            Ok(changed)
        })
    }

    /// Marks every unread article read (of one feed, or all); returns how
    /// many changed.
    pub fn mark_all_read(&self, feed: Option<FeedId>) -> Result<usize, StoreError> {
        self.write(|tx| {
            Ok(tx.execute(
                "UPDATE articles SET read = 1 WHERE read = 0 AND (?1 IS NULL OR feed_id = ?1)",
                [feed.map(|f| f.0)],
            )?)
        })
    }

    /// Sets or clears an article's bookmark.
    pub fn set_bookmarked(&self, id: ArticleId, on: bool) -> Result<(), StoreError> {
        self.write(|tx| {
            require_article(tx, id)?;
            tx.execute(
                "UPDATE articles SET bookmarked = ?2 WHERE id = ?1",
                params![id.0, on],
            )?;
            Ok(())
        })
    }

    /// Adds tags to an article (blank tags are ignored, existing ones kept).
    pub fn add_tags(&self, id: ArticleId, tags: &[String]) -> Result<(), StoreError> {
        self.write(|tx| {
            require_article(tx, id)?;
            for tag in tags.iter().filter_map(|t| clean_tag(t)) {
                let tid = tag_id(tx, &tag)?;
                tx.execute(
                    "INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (?1, ?2)",
                    params![id.0, tid],
                )?;
            }
            Ok(())
        })
    }

    /// Removes tags from an article (tags it does not carry are ignored).
    pub fn remove_tags(&self, id: ArticleId, tags: &[String]) -> Result<(), StoreError> {
        self.write(|tx| {
            require_article(tx, id)?;
            for tag in tags.iter().filter_map(|t| clean_tag(t)) {
                tx.execute(
                    "DELETE FROM article_tags WHERE article_id = ?1
                     AND tag_id = (SELECT id FROM tags WHERE name = ?2)",
                    params![id.0, tag],
                )?;
            }
            Ok(())
        })
    }

    /// Every tag in use with the number of articles carrying it (directly
    /// or through their feed, as the tag filter counts), by name.
    pub fn tags(&self) -> Result<Vec<(String, u64)>, StoreError> {
        self.run(|conn| {
            let mut stmt = conn.prepare(
                "SELECT name, n FROM (SELECT t.name AS name, (SELECT count(*) FROM articles a
                    WHERE a.id IN (SELECT article_id FROM article_tags WHERE tag_id = t.id)
                       OR a.feed_id IN (SELECT feed_id FROM feed_tags WHERE tag_id = t.id)) AS n
                 FROM tags t) WHERE n > 0 ORDER BY name",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    let n: i64 = r.get(1)?;
                    Ok((r.get(0)?, u64::try_from(n).unwrap_or(0)))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// Deletes old articles by the policy, in one transaction, with their
    /// index rows and entities. Bookmarked and tagged articles are never
    /// deleted (they still count towards `max_per_feed`). Returns how many
    /// were deleted.
    pub fn prune(&self, policy: &PrunePolicy) -> Result<usize, StoreError> {
        self.write(|tx| {
            let mut deleted = 0;
            if let Some(days) = policy.max_age_days {
                let cutoff = Utc::now().timestamp() - i64::from(days) * 86_400;
                deleted += tx.execute(
                    &format!("DELETE FROM articles WHERE sort_at < ?1 AND {UNMARKED}"),
                    [cutoff],
                )?;
            }
            if let Some(max) = policy.max_per_feed {
                let feeds: Vec<i64> = tx
                    .prepare("SELECT id FROM feeds")?
                    .query_map([], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for feed in feeds {
                    deleted += tx.execute(
                        &format!(
                            "DELETE FROM articles WHERE feed_id = ?1 AND {UNMARKED}
                             AND id NOT IN (SELECT id FROM articles WHERE feed_id = ?1
                                            ORDER BY sort_at DESC, id DESC LIMIT ?2)"
                        ),
                        params![feed, to_i64(max)],
                    )?;
                }
            }
            tx.execute(
                "DELETE FROM feeds WHERE removed = 1
                 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.feed_id = feeds.id)",
                [],
            )?;
            Ok(deleted)
        })
    }
}
