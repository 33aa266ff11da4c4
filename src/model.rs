//! Plain data shared by the layers: what the poller produces and what the
//! store hands back. No I/O and no SQL here, so every layer can depend on it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Identifies a feed row in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FeedId(pub i64);

/// Identifies an article row in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub i64);

/// Direction of a paragraph or of a whole article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    /// The lowercase name used in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    /// Parses the database / JSON name; anything unknown is LTR.
    pub fn parse(s: &str) -> Direction {
        if s.eq_ignore_ascii_case("rtl") {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }
}

/// A per-feed direction setting: detect from the text, or force one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DirectionSetting {
    #[default]
    Auto,
    Rtl,
    Ltr,
}

/// One article as parsed from a feed, before it has an id.
///
/// All text fields are already sanitised (no control characters) and the
/// clean text uses the layout described in `poll::html`: one paragraph per
/// line, blank lines between blocks, links numbered `[n]` with a list at
/// the end.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewArticle {
    pub guid: Option<String>,
    pub link: Option<String>,
    pub title: String,
    pub author: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    /// The feed's summary as HTML (may be empty).
    pub summary_html: String,
    /// The feed's full content as HTML, when the feed carries one.
    pub content_html: Option<String>,
    /// Clean text of the best body the feed gave (content, else summary).
    pub text: String,
    /// Language tag from the feed or the item (`ar`, `en-US`...), if any.
    pub lang: Option<String>,
    /// Direction detected from metadata, then from the text.
    pub direction: Direction,
}

/// A feed as parsed from bytes: its metadata and its items.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub site_link: Option<String>,
    pub lang: Option<String>,
    pub articles: Vec<NewArticle>,
}

/// The kinds of named entity akhbar extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Org,
    Misc,
}

impl EntityKind {
    /// The lowercase name used in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Org => "org",
            EntityKind::Misc => "misc",
        }
    }

    /// Parses the database / JSON name.
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "person" => Some(EntityKind::Person),
            "place" => Some(EntityKind::Place),
            "org" => Some(EntityKind::Org),
            "misc" => Some(EntityKind::Misc),
            _ => None,
        }
    }
}

/// One entity of one article: normalised key, display form, kind, count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Normalised key shared by every spelling of the same thing (and by the
    /// Arabic and English names when the gazetteer links them).
    pub key: String,
    /// The longest full name seen in the article.
    #[serde(rename = "text")]
    pub display: String,
    pub kind: EntityKind,
    pub count: u32,
}
