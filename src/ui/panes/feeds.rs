//! The feeds pane: virtual feeds (All, Unread, Bookmarked, one per tag)
//! followed by every subscribed feed with its unread count.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Cursor, block, cell_text, highlight, inner, selection_style};
use crate::config::Config;
use crate::model::{DirectionSetting, FeedId};
use crate::store::{ArticleFilter, Store, StoreError};
use crate::text::layout::LayoutOptions;
use crate::ui::theme::Theme;

/// What a row of the feeds pane selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedKey {
    /// Every article.
    All,
    /// Unread articles of every feed.
    Unread,
    /// Bookmarked articles.
    Bookmarked,
    /// Articles with this tag.
    Tag(String),
    /// One subscribed feed.
    Feed(FeedId),
}

impl FeedKey {
    /// The article filter that lists this row's articles.
    pub fn filter(&self) -> ArticleFilter {
        let mut f = ArticleFilter::default();
        match self {
            FeedKey::All => {}
            FeedKey::Unread => f.unread = true,
            FeedKey::Bookmarked => f.bookmarked = true,
            FeedKey::Tag(t) => f.tag = Some(t.clone()),
            FeedKey::Feed(id) => f.feed = Some(*id),
        }
        f
    }
}

/// The mark of a feed whose full texts are fetched (a failed poll's `!`
/// takes its place).
pub const FULL_TEXT_MARK: &str = "¶";

/// One row of the feeds pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRow {
    /// What the row selects.
    pub key: FeedKey,
    /// The name shown (raw feed text: laid out when drawn).
    pub title: String,
    /// The number shown on the right (unread articles; for bookmarks and
    /// tags, their article count).
    pub count: u64,
    /// The feed's last poll failed.
    pub error: bool,
    /// Full texts of the feed's articles are fetched from their pages.
    pub full_text: bool,
    /// Text direction of the name.
    pub direction: DirectionSetting,
}

/// What the app needs to know about each feed besides its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedInfo {
    /// Direction setting: the config file's override, else the store's.
    pub direction: DirectionSetting,
    /// The last poll error, sanitised.
    pub last_error: Option<String>,
}

/// State of the feeds pane.
#[derive(Debug, Clone, Default)]
pub struct FeedsPane {
    /// The rows, virtual feeds first.
    pub rows: Vec<FeedRow>,
    /// Selection and scroll.
    pub cursor: Cursor,
    /// Per-feed details keyed by id.
    pub info: HashMap<FeedId, FeedInfo>,
}

impl FeedsPane {
    /// Reads feeds, counts and tags from the store, keeping the selection
    /// on the same row when it still exists.
    pub fn reload(&mut self, store: &Store, config: &Config) -> Result<(), StoreError> {
        let feeds = store.feeds()?;
        let tags = store.tags()?;
        let bookmarked = store.count_articles(&FeedKey::Bookmarked.filter())?;
        let unread: u64 = feeds.iter().map(|f| f.unread).sum();
        let mut rows = vec![
            virtual_row(FeedKey::All, "All", unread),
            virtual_row(FeedKey::Unread, "Unread", unread),
            virtual_row(FeedKey::Bookmarked, "Bookmarked", bookmarked),
        ];
        rows.extend(
            tags.into_iter()
                .map(|(t, n)| virtual_row(FeedKey::Tag(t.clone()), &format!("#{t}"), n)),
        );
        self.info.clear();
        for f in &feeds {
            let direction = config
                .feed_direction(&f.url)
                .unwrap_or(f.settings.direction);
            rows.push(FeedRow {
                key: FeedKey::Feed(f.id),
                title: f.display_title().to_owned(),
                count: f.unread,
                error: f.last_error.is_some(),
                full_text: f.settings.full_text,
                direction,
            });
            self.info.insert(
                f.id,
                FeedInfo {
                    direction,
                    last_error: f
                        .last_error
                        .as_deref()
                        .map(crate::text::sanitize::for_terminal),
                },
            );
        }
        let old = self.selected().cloned();
        self.rows = rows;
        if let Some(pos) = old.and_then(|k| self.rows.iter().position(|r| r.key == k)) {
            self.cursor.selected = pos;
        }
        self.cursor.move_by(0, self.rows.len());
        Ok(())
    }

    /// The key of the selected row.
    pub fn selected(&self) -> Option<&FeedKey> {
        self.rows.get(self.cursor.selected).map(|r| &r.key)
    }

    /// The selected row's display name.
    pub fn selected_title(&self) -> String {
        self.rows
            .get(self.cursor.selected)
            .map(|r| r.title.clone())
            .unwrap_or_default()
    }

    /// The last poll error of the selected feed, if it has one.
    pub fn selected_error(&self) -> Option<&str> {
        match self.selected() {
            Some(FeedKey::Feed(id)) => self.info.get(id).and_then(|i| i.last_error.as_deref()),
            _ => None,
        }
    }

    /// True when the store has no subscriptions.
    pub fn no_feeds(&self) -> bool {
        self.info.is_empty()
    }

    /// Adjusts the counts after articles of `feed` changed read state by
    /// `delta` (without a store round trip).
    pub fn adjust_unread(&mut self, feed: FeedId, delta: i64) {
        for row in &mut self.rows {
            if matches!(row.key, FeedKey::All | FeedKey::Unread) || row.key == FeedKey::Feed(feed) {
                row.count = row.count.saturating_add_signed(delta);
            }
        }
    }

    /// Draws the pane.
    pub fn draw(
        &mut self,
        f: &mut Frame,
        area: Rect,
        focused: bool,
        theme: &Theme,
        opts: &LayoutOptions,
    ) {
        f.render_widget(
            block(super::Pane::Feeds.title().to_owned(), focused, theme),
            area,
        );
        let area = inner(area);
        let width = area.width as usize;
        let offset = self.cursor.scroll_into_view(area.height as usize);
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(area.height as usize)
            .map(|(i, row)| {
                let count = if row.count > 0 {
                    row.count.to_string()
                } else {
                    String::new()
                };
                let mark = if row.error {
                    "!"
                } else if row.full_text {
                    FULL_TEXT_MARK
                } else {
                    " "
                };
                let name_width = width.saturating_sub(count.len() + 2);
                let name_opts = LayoutOptions {
                    direction: row.direction,
                    ..*opts
                };
                let name = cell_text(&row.title, name_width, &name_opts);
                let base =
                    if row.count > 0 && !matches!(row.key, FeedKey::Bookmarked | FeedKey::Tag(_)) {
                        theme.unread
                    } else {
                        theme.read
                    };
                let line = Line::from(vec![
                    Span::styled(mark, theme.marker),
                    Span::styled(name, base),
                    Span::raw(" "),
                    Span::styled(count, theme.count),
                ]);
                if i == self.cursor.selected {
                    highlight(line, selection_style(focused, theme))
                } else {
                    line
                }
            })
            .collect();
        f.render_widget(Paragraph::new(lines), area);
    }
}

fn virtual_row(key: FeedKey, title: &str, count: u64) -> FeedRow {
    FeedRow {
        key,
        title: title.to_owned(),
        count,
        error: false,
        full_text: false,
        direction: DirectionSetting::Auto,
    }
}
