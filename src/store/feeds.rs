//! Feeds: subscription, settings, poll state and removal.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::articles::UNMARKED;
use super::error::{Fail, StoreError};
use super::{Feed, FeedFailure, FeedSettings, Store, from_ts};
use crate::model::{DirectionSetting, FeedId};

/// The columns [`feed_from_row`] reads, in order.
const FEED_COLUMNS: &str = "f.id, f.url, f.title, f.site_link, f.direction, f.refresh_minutes,
    f.full_text, f.etag, f.last_modified, f.last_polled, f.last_error, f.error_count,
    f.retry_after,
    (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0),
    (SELECT count(*) FROM articles a WHERE a.feed_id = f.id),
    (SELECT group_concat(name, char(31)) FROM
        (SELECT t.name FROM feed_tags ft JOIN tags t ON t.id = ft.tag_id
         WHERE ft.feed_id = f.id ORDER BY t.name))";

/// The database name of a direction setting.
fn direction_setting_str(d: DirectionSetting) -> &'static str {
    match d {
        DirectionSetting::Auto => "auto",
        DirectionSetting::Rtl => "rtl",
        DirectionSetting::Ltr => "ltr",
    }
}

/// Parses a stored direction setting; unknown values mean auto.
fn parse_direction_setting(s: &str) -> DirectionSetting {
    match s {
        "rtl" => DirectionSetting::Rtl,
        "ltr" => DirectionSetting::Ltr,
        _ => DirectionSetting::Auto,
    }
}

/// Splits a `group_concat(..., char(31))` result into a list.
pub(crate) fn split_list(s: Option<String>) -> Vec<String> {
    s.map(|s| s.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}

/// Reads one feed from a row selected with [`FEED_COLUMNS`].
fn feed_from_row(r: &Row<'_>) -> rusqlite::Result<Feed> {
    let direction: String = r.get(4)?;
    let refresh: Option<i64> = r.get(5)?;
    let error_count: i64 = r.get(11)?;
    let unread: i64 = r.get(13)?;
    let total: i64 = r.get(14)?;
    Ok(Feed {
        id: FeedId(r.get(0)?),
        url: r.get(1)?,
        title: r.get(2)?,
        site_link: r.get(3)?,
        settings: FeedSettings {
            direction: parse_direction_setting(&direction),
            refresh_minutes: refresh.and_then(|m| u32::try_from(m).ok()),
            full_text: r.get(6)?,
        },
        etag: r.get(7)?,
        last_modified: r.get(8)?,
        last_polled: from_ts(r.get(9)?),
        last_error: r.get(10)?,
        error_count: u32::try_from(error_count).unwrap_or(u32::MAX),
        retry_after: from_ts(r.get(12)?),
        unread: u64::try_from(unread).unwrap_or(0),
        total: u64::try_from(total).unwrap_or(0),
        tags: split_list(r.get(15)?),
    })
}

/// Cleans a tag name: trimmed, without control characters; `None` if
/// nothing is left.
pub(crate) fn clean_tag(tag: &str) -> Option<String> {
    let t: String = tag.chars().filter(|c| !c.is_control()).collect();
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The id of tag `name`, created if needed.
pub(crate) fn tag_id(conn: &Connection, name: &str) -> rusqlite::Result<i64> {
    conn.execute("INSERT OR IGNORE INTO tags(name) VALUES (?1)", [name])?;
    conn.query_row("SELECT id FROM tags WHERE name = ?1", [name], |r| r.get(0))
}

/// Fails with [`StoreError::FeedNotFound`] unless the (not removed) feed
/// exists.
pub(crate) fn require_feed(conn: &Connection, id: FeedId) -> Result<(), Fail> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT id FROM feeds WHERE id = ?1 AND removed = 0",
            [id.0],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::FeedNotFound(id).into()),
    }
}

impl Store {
    /// Subscribes to `url` with settings and tags. A URL already subscribed
    /// gives [`StoreError::AlreadyExists`] with its id; a feed removed
    /// earlier (kept only for its marked articles) is subscribed again.
    pub fn add_feed(
        &self,
        url: &str,
        settings: &FeedSettings,
        tags: &[String],
    ) -> Result<FeedId, StoreError> {
        let url = url.trim();
        if url.is_empty() {
            return Err(StoreError::Invalid("the feed URL is empty".into()));
        }
        self.write(|tx| {
            let existing: Option<(i64, bool)> = tx
                .query_row("SELECT id, removed FROM feeds WHERE url = ?1", [url], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            let id = match existing {
                Some((id, false)) => {
                    return Err(StoreError::AlreadyExists {
                        id: FeedId(id),
                        url: url.to_string(),
                    }
                    .into());
                }
                Some((id, true)) => {
                    tx.execute(
                        "UPDATE feeds SET removed = 0, etag = NULL, last_modified = NULL,
                         last_error = NULL, error_count = 0, retry_after = NULL WHERE id = ?1",
                        [id],
                    )?;
                    tx.execute("DELETE FROM feed_tags WHERE feed_id = ?1", [id])?;
                    id
                }
                None => {
                    tx.execute(
                        "INSERT INTO feeds(url, added_at) VALUES (?1, ?2)",
                        params![url, Utc::now().timestamp()],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            write_settings(tx, FeedId(id), settings)?;
            for tag in tags.iter().filter_map(|t| clean_tag(t)) {
                let tid = tag_id(tx, &tag)?;
                tx.execute(
                    "INSERT OR IGNORE INTO feed_tags(feed_id, tag_id) VALUES (?1, ?2)",
                    params![id, tid],
                )?;
            }
            Ok(FeedId(id))
        })
    }

    /// Unsubscribes. With `keep_marked`, bookmarked and tagged articles stay
    /// (listable, under the feed now marked removed) and everything else of
    /// the feed is deleted, with its index rows and entities; without it,
    /// the feed and all its articles go.
    pub fn remove_feed(&self, id: FeedId, keep_marked: bool) -> Result<(), StoreError> {
        self.write(|tx| {
            require_feed(tx, id)?;
            if keep_marked {
                tx.execute(
                    &format!("DELETE FROM articles WHERE feed_id = ?1 AND {UNMARKED}"),
                    [id.0],
                )?;
            } else {
                tx.execute("DELETE FROM articles WHERE feed_id = ?1", [id.0])?;
            }
            let left: i64 = tx.query_row(
                "SELECT count(*) FROM articles WHERE feed_id = ?1",
                [id.0],
                |r| r.get(0),
            )?;
            if left == 0 {
                tx.execute("DELETE FROM feeds WHERE id = ?1", [id.0])?;
            } else {
                tx.execute("UPDATE feeds SET removed = 1 WHERE id = ?1", [id.0])?;
            }
            Ok(())
        })
    }

    /// All subscribed feeds (not removed ones) with unread and total counts,
    /// ordered by display title.
    pub fn feeds(&self) -> Result<Vec<Feed>, StoreError> {
        self.run(|conn| {
            let sql = format!(
                "SELECT {FEED_COLUMNS} FROM feeds f WHERE f.removed = 0
                 ORDER BY lower(coalesce(nullif(trim(f.title), ''), f.url)), f.id"
            );
            let mut stmt = conn.prepare(&sql)?;
            let feeds = stmt
                .query_map([], feed_from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(feeds)
        })
    }

    /// One subscribed feed, `None` if there is none with this id (or it was
    /// removed).
    pub fn feed(&self, id: FeedId) -> Result<Option<Feed>, StoreError> {
        self.run(|conn| {
            let sql =
                format!("SELECT {FEED_COLUMNS} FROM feeds f WHERE f.id = ?1 AND f.removed = 0");
            Ok(conn.query_row(&sql, [id.0], feed_from_row).optional()?)
        })
    }

    /// Replaces a feed's settings.
    pub fn set_feed_settings(&self, id: FeedId, s: &FeedSettings) -> Result<(), StoreError> {
        self.write(|tx| {
            require_feed(tx, id)?;
            write_settings(tx, id, s)
        })
    }

    /// Records a poll answered with 304 Not Modified: the feed is fine.
    pub fn record_not_modified(&self, id: FeedId, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(|tx| {
            require_feed(tx, id)?;
            tx.execute(
                "UPDATE feeds SET last_polled = ?2, last_error = NULL, error_count = 0,
                 retry_after = NULL WHERE id = ?1",
                params![id.0, at.timestamp()],
            )?;
            Ok(())
        })
    }

    /// Records a failed poll: message, one more consecutive error, and the
    /// time before which not to retry.
    pub fn record_feed_error(&self, id: FeedId, err: &FeedFailure) -> Result<(), StoreError> {
        self.write(|tx| {
            require_feed(tx, id)?;
            tx.execute(
                "UPDATE feeds SET last_polled = ?2, last_error = ?3,
                 error_count = error_count + 1, retry_after = ?4 WHERE id = ?1",
                params![
                    id.0,
                    err.at.timestamp(),
                    err.message,
                    err.retry_after.map(|t| t.timestamp())
                ],
            )?;
            Ok(())
        })
    }
}

/// Writes the settings columns of a feed.
fn write_settings(conn: &Connection, id: FeedId, s: &FeedSettings) -> Result<(), Fail> {
    conn.execute(
        "UPDATE feeds SET direction = ?2, refresh_minutes = ?3, full_text = ?4 WHERE id = ?1",
        params![
            id.0,
            direction_setting_str(s.direction),
            s.refresh_minutes,
            s.full_text
        ],
    )?;
    Ok(())
}
