//! The JSON shapes of `--json` output. Scripts and tests rely on these
//! field names: add fields, never rename them.

use serde::Serialize;

use crate::model::{Entity, FeedId};
use crate::store::{Article, ArticleSummary, Feed};

/// One row of `list`/`search --json`.
#[derive(Debug, Serialize)]
pub struct ArticleRow {
    pub id: i64,
    pub feed_id: FeedId,
    pub feed: String,
    pub title: String,
    pub link: Option<String>,
    /// RFC 3339.
    pub published: Option<String>,
    pub read: bool,
    pub bookmarked: bool,
    pub tags: Vec<String>,
    pub direction: &'static str,
}

impl From<&ArticleSummary> for ArticleRow {
    fn from(a: &ArticleSummary) -> ArticleRow {
        ArticleRow {
            id: a.id.0,
            feed_id: a.feed_id,
            feed: a.feed_title.clone(),
            title: a.title.clone(),
            link: a.link.clone(),
            published: a.published.map(|d| d.to_rfc3339()),
            read: a.read,
            bookmarked: a.bookmarked,
            tags: a.tags.clone(),
            direction: a.direction.as_str(),
        }
    }
}

/// A related story in `show --json` and `related --json`.
#[derive(Debug, Serialize)]
pub struct RelatedRow {
    pub id: i64,
    pub title: String,
    pub feed_id: FeedId,
    pub score: f64,
    pub same_story: bool,
}

/// The object printed by `show --json`.
#[derive(Debug, Serialize)]
pub struct ArticleDetail {
    #[serde(flatten)]
    pub row: ArticleRow,
    pub author: Option<String>,
    pub updated: Option<String>,
    pub lang: Option<String>,
    /// The clean text (the full text once fetched).
    pub text: String,
    /// The feed's own summary as clean text.
    pub summary: String,
    pub entities: Vec<Entity>,
    pub related: Vec<RelatedRow>,
}

impl ArticleDetail {
    /// Builds the detail object from a stored article and its derived data.
    pub fn new(a: &Article, entities: Vec<Entity>, related: Vec<RelatedRow>) -> ArticleDetail {
        ArticleDetail {
            row: ArticleRow::from(&a.summary),
            author: a.author.clone(),
            updated: a.updated.map(|d| d.to_rfc3339()),
            lang: a.lang.clone(),
            text: a.text.clone(),
            summary: a.summary_text.clone(),
            entities,
            related,
        }
    }
}

/// One row of `feeds --json`.
#[derive(Debug, Serialize)]
pub struct FeedRow {
    pub id: FeedId,
    pub url: String,
    pub title: Option<String>,
    pub site_link: Option<String>,
    pub tags: Vec<String>,
    pub unread: u64,
    pub total: u64,
    pub last_polled: Option<String>,
    pub last_error: Option<String>,
    pub error_count: u32,
    pub full_text: bool,
}

impl From<&Feed> for FeedRow {
    fn from(f: &Feed) -> FeedRow {
        FeedRow {
            id: f.id,
            url: f.url.clone(),
            title: f.title.clone(),
            site_link: f.site_link.clone(),
            tags: f.tags.clone(),
            unread: f.unread,
            total: f.total,
            last_polled: f.last_polled.map(|d| d.to_rfc3339()),
            last_error: f.last_error.clone(),
            error_count: f.error_count,
            full_text: f.settings.full_text,
        }
    }
}
