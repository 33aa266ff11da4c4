//! The enrichment seam: which articles still need entity extraction, and
//! where the extracted entities are kept.

use rusqlite::params;

use super::articles::{SUMMARY_COLUMNS, require_article, summary_from_row};
use super::{ArticleSummary, EnrichInput, Store, StoreError};
use crate::model::{ArticleId, Entity, EntityKind};

impl Store {
    /// Up to `limit` articles whose enrichment marker is below `version`
    /// (never enriched, enriched by an older extractor, or changed since):
    /// those with the lowest marker, most recently stored first.
    pub fn unenriched(&self, version: i64, limit: usize) -> Result<Vec<EnrichInput>, StoreError> {
        self.run(|conn| {
            // The lowest marker first (one index probe), then that marker's
            // articles most recently stored first straight from the index:
            // a batch costs its own rows however many articles are already
            // enriched.
            let marker: Option<i64> = conn
                .prepare_cached("SELECT min(enriched) FROM articles")?
                .query_row([], |r| r.get(0))?;
            let Some(marker) = marker.filter(|m| *m < version) else {
                return Ok(Vec::new());
            };
            let mut stmt = conn.prepare_cached(
                "SELECT id, title, coalesce(full_text, text), lang FROM articles WHERE enriched = ?1
                 ORDER BY id DESC LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(
                    params![marker, i64::try_from(limit).unwrap_or(i64::MAX)],
                    |r| {
                        Ok(EnrichInput {
                            id: ArticleId(r.get(0)?),
                            title: r.get(1)?,
                            text: r.get(2)?,
                            lang: r.get(3)?,
                        })
                    },
                )?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// Replaces an article's entities and sets its marker to `version`, in
    /// one transaction. Entities repeated with the same key and kind are
    /// merged (counts added).
    pub fn save_enrichment(
        &self,
        id: ArticleId,
        version: i64,
        entities: &[Entity],
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            require_article(tx, id)?;
            write_entities(tx, id, version, entities)
        })
    }

    /// [`Store::save_enrichment`] for a whole batch in one transaction, so
    /// enriching thousands of articles costs few commits. Articles deleted
    /// since they were read (pruned, feed removed) are skipped.
    pub fn save_enrichment_batch(
        &self,
        version: i64,
        batch: &[(ArticleId, Vec<Entity>)],
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            for (id, entities) in batch {
                if require_article(tx, *id).is_ok() {
                    write_entities(tx, *id, version, entities)?;
                }
            }
            Ok(())
        })
    }

    /// How many articles still need enrichment at `version`.
    pub fn pending_enrichment(&self, version: i64) -> Result<u64, StoreError> {
        self.run(|conn| {
            let n: i64 = conn.query_row(
                "SELECT count(*) FROM articles WHERE enriched < ?1",
                [version],
                |r| r.get(0),
            )?;
            Ok(u64::try_from(n).unwrap_or(0))
        })
    }

    /// Whether an article's derived data is up to date at `version` (false
    /// for an unknown id): lets the panes tell "none found" from "not
    /// computed yet".
    pub fn is_enriched(&self, id: ArticleId, version: i64) -> Result<bool, StoreError> {
        self.run(|conn| {
            let mut stmt =
                conn.prepare_cached("SELECT enriched >= ?2 FROM articles WHERE id = ?1")?;
            let mut rows = stmt.query(params![id.0, version])?;
            Ok(match rows.next()? {
                Some(r) => r.get(0)?,
                None => false,
            })
        })
    }

    /// An article's entities, most mentioned first (empty when it has none
    /// or was not enriched yet).
    pub fn entities_of(&self, id: ArticleId) -> Result<Vec<Entity>, StoreError> {
        self.run(|conn| {
            let mut stmt = conn.prepare(
                "SELECT key, display, kind, count FROM entities WHERE article_id = ?1
                 ORDER BY count DESC, key",
            )?;
            let rows = stmt
                .query_map([id.0], |r| {
                    let kind: String = r.get(2)?;
                    let count: i64 = r.get(3)?;
                    Ok(Entity {
                        key: r.get(0)?,
                        display: r.get(1)?,
                        kind: EntityKind::parse(&kind).unwrap_or(EntityKind::Misc),
                        count: u32::try_from(count).unwrap_or(0),
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// Up to `limit` articles that mention the entity `key`, newest first.
    pub fn articles_mentioning(
        &self,
        key: &str,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        self.run(|conn| {
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
                 WHERE a.id IN (SELECT article_id FROM entities WHERE key = ?1)
                 ORDER BY a.sort_at DESC, a.id DESC LIMIT ?2"
            );
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt
                .query_map(
                    params![key, i64::try_from(limit).unwrap_or(i64::MAX)],
                    summary_from_row,
                )?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }
}

/// Replaces one article's entities and sets its enrichment marker.
fn write_entities(
    tx: &rusqlite::Connection,
    id: ArticleId,
    version: i64,
    entities: &[Entity],
) -> Result<(), super::error::Fail> {
    tx.execute("DELETE FROM entities WHERE article_id = ?1", [id.0])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO entities(article_id, key, display, kind, count)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(article_id, key, kind) DO UPDATE SET count = count + excluded.count,
         display = CASE WHEN length(excluded.display) > length(display)
                   THEN excluded.display ELSE display END",
    )?;
    for e in entities {
        stmt.execute(params![id.0, e.key, e.display, e.kind.as_str(), e.count])?;
    }
    tx.execute(
        "UPDATE articles SET enriched = ?2 WHERE id = ?1",
        params![id.0, version],
    )?;
    Ok(())
}
