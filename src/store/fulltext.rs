//! Full text fetched from articles' web pages: which articles still need
//! it, and storing the text (searchable, enriched again) or the failure.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::articles::{require_article, write_fts};
use super::{Store, StoreError};
use crate::model::ArticleId;
use crate::text::normalize::index_text;

/// An article whose web page is to be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullTextJob {
    /// The article.
    pub id: ArticleId,
    /// Its link (http or https).
    pub link: String,
}

impl Store {
    /// Up to `limit` articles of feeds with `full_text` on whose page was
    /// never fetched (failures are not retried here; `fetch-text` or `f`
    /// retries one on demand), newest first.
    pub fn full_text_pending(&self, limit: usize) -> Result<Vec<FullTextJob>, StoreError> {
        self.run(|conn| {
            let mut stmt = conn.prepare(
                // Feeds first, then their pending articles through the
                // partial index: walking all articles newest first cost a
                // scan of the whole store on every poll.
                "SELECT a.id, a.link FROM feeds f
                 CROSS JOIN articles a INDEXED BY articles_full_pending ON a.feed_id = f.id
                 WHERE f.full_text = 1 AND f.removed = 0 AND a.full_fetched_at IS NULL
                   AND a.full_error IS NULL AND a.link IS NOT NULL
                 ORDER BY a.sort_at DESC, a.id DESC LIMIT ?1",
            )?;
            let rows = stmt
                .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
                    Ok(FullTextJob {
                        id: ArticleId(r.get(0)?),
                        link: r.get(1)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// Stores the full text of an article's page: it becomes the article's
    /// text (the feed's text stays its summary), is indexed for search, and
    /// the article is enriched again.
    pub fn set_full_text(
        &self,
        id: ArticleId,
        text: &str,
        html: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let body = index_text(text);
        self.write(|tx| {
            require_article(tx, id)?;
            tx.execute(
                "UPDATE articles SET full_text = ?2, full_html = ?3, full_fetched_at = ?4,
                 full_error = NULL, enriched = 0 WHERE id = ?1",
                params![id.0, text, html, at.timestamp()],
            )?;
            let title: String =
                tx.query_row("SELECT title FROM articles WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })?;
            write_fts(tx, id.0, &index_text(&title), &body)?;
            Ok(())
        })
    }

    /// Records why fetching an article's full text failed (the summary
    /// stays the article's text).
    pub fn record_full_text_error(
        &self,
        id: ArticleId,
        message: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            require_article(tx, id)?;
            tx.execute(
                "UPDATE articles SET full_error = ?2, full_fetched_at = NULL WHERE id = ?1",
                params![
                    id.0,
                    format!("{} ({})", message, at.format("%Y-%m-%d %H:%M"))
                ],
            )?;
            Ok(())
        })
    }
}
