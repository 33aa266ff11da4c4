//! The article list: date, feed, title and markers of the articles of the
//! selected feed, tag, search or entity. Only a window of rows around the
//! visible page is read from the store (the store may hold 100,000
//! articles; the first frame must not wait for all of them).
//!
//! With story clusters folded, the rows are read from the top page by
//! page as the selection moves down, and each cluster shows once: its
//! newest article among the rows read, with the number of its articles
//! there (`[3]`). Enter on such a row expands the cluster.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Local, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Cursor, block, cell_text, highlight, inner, selection_style};
use crate::model::{ArticleId, Direction, DirectionSetting};
use crate::store::{ArticleFilter, ArticleSummary, ClusterInfo, Store, StoreError};
use crate::text::layout::{LayoutOptions, single_line};
use crate::ui::panes::feeds::FeedsPane;
use crate::ui::theme::Theme;

/// Rows read from the store at once.
pub const PAGE: usize = 200;

/// Most articles listed for an entity.
pub const MENTIONS_LIMIT: usize = 1000;

/// Where the listed articles come from.
#[derive(Debug, Clone)]
pub enum ListSource {
    /// A store filter (feed, tag, unread, bookmarked, search).
    Filter(ArticleFilter),
    /// Every article that mentions an entity.
    Mentions {
        /// The entity's normalised key.
        key: String,
    },
}

/// State of the article list.
#[derive(Debug, Clone)]
pub struct ArticlesPane {
    /// What is listed.
    pub source: ListSource,
    /// What the pane title says about the source (raw text: sanitised when drawn).
    pub title: String,
    /// Number of articles in the source.
    pub total: usize,
    /// Selection and scroll, as indexes into the whole list.
    pub cursor: Cursor,
    /// Index of `rows[0]` in the whole list.
    window_start: usize,
    /// The rows read so far.
    rows: Vec<ArticleSummary>,
    /// Rows visible at the last draw.
    pub height: usize,
    /// Laid-out (feed, title) cells of rows drawn before, so scrolling and
    /// key presses do not shape the same titles again; valid for `memo_widths`.
    memo: HashMap<ArticleId, (String, String)>,
    /// Feed and title column widths the memo was made for.
    memo_widths: (usize, usize),
    /// Story clusters are folded (see the module documentation).
    pub fold: bool,
    /// Folded mode: every row read so far, from the top, before folding.
    raw: Vec<ArticleSummary>,
    /// Folded mode: the cluster of each row read that has one.
    clusters: HashMap<ArticleId, ClusterInfo>,
    /// Folded mode: clusters the user expanded.
    expanded: HashSet<i64>,
    /// Folded mode: articles in the source (rows past `raw` are read later).
    source_total: usize,
    /// Folded mode: the number of articles each folded row stands for.
    pub fold_counts: HashMap<ArticleId, usize>,
}

impl ArticlesPane {
    /// Lists a source: counts it and reads the first page.
    pub fn open(
        store: &Store,
        source: ListSource,
        title: String,
        fold: bool,
    ) -> Result<ArticlesPane, StoreError> {
        let mut pane = ArticlesPane {
            source,
            title,
            total: 0,
            cursor: Cursor::default(),
            window_start: 0,
            rows: Vec::new(),
            height: 20,
            memo: HashMap::new(),
            memo_widths: (0, 0),
            fold,
            raw: Vec::new(),
            clusters: HashMap::new(),
            expanded: HashSet::new(),
            source_total: 0,
            fold_counts: HashMap::new(),
        };
        pane.reload(store)?;
        Ok(pane)
    }

    /// Re-reads the count and the window (after a poll, a search, a change
    /// of read state), keeping the selected article selected when it is
    /// still within reach.
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        let selected_id = self.selected().map(|a| a.id);
        if self.fold {
            return self.reload_folded(store, selected_id);
        }
        self.raw.clear();
        self.clusters.clear();
        self.fold_counts.clear();
        match &self.source {
            ListSource::Filter(f) => {
                self.total = usize::try_from(store.count_articles(f)?).unwrap_or(usize::MAX);
                self.cursor.move_by(0, self.total);
                self.load_window(store, self.cursor.offset.saturating_sub(PAGE / 4))?;
            }
            ListSource::Mentions { key } => {
                self.rows = store.articles_mentioning(key, MENTIONS_LIMIT)?;
                self.memo.clear();
                self.window_start = 0;
                self.total = self.rows.len();
                self.cursor.move_by(0, self.total);
            }
        }
        if let Some(id) = selected_id
            && let Some(pos) = self.rows.iter().position(|a| a.id == id)
        {
            self.cursor.selected = self.window_start + pos;
        }
        Ok(())
    }

    /// Folds or unfolds story clusters (expanded clusters are folded again).
    pub fn set_fold(&mut self, store: &Store, fold: bool) -> Result<(), StoreError> {
        self.fold = fold;
        self.expanded.clear();
        self.memo.clear();
        self.window_start = 0;
        self.reload(store)
    }

    /// Expands the selected row when it stands for a folded cluster;
    /// false when there is nothing to expand.
    pub fn expand_selected(&mut self) -> bool {
        let Some(id) = self.selected().map(|a| a.id) else {
            return false;
        };
        match self.clusters.get(&id) {
            Some(c) if self.fold_counts.contains_key(&id) => {
                self.expanded.insert(c.cluster_id);
                self.refold();
                true
            }
            _ => false,
        }
    }

    /// Folded mode: reads the rows from the top again (as many as were
    /// read before), keeping the selected article selected.
    fn reload_folded(
        &mut self,
        store: &Store,
        selected_id: Option<ArticleId>,
    ) -> Result<(), StoreError> {
        let want = self.raw.len().max(PAGE);
        self.raw.clear();
        self.clusters.clear();
        match &self.source {
            ListSource::Filter(f) => {
                self.source_total = usize::try_from(store.count_articles(f)?).unwrap_or(usize::MAX);
                let filter = ArticleFilter {
                    limit: Some(want),
                    offset: 0,
                    ..f.clone()
                };
                self.raw = store.articles(&filter)?;
            }
            ListSource::Mentions { key } => {
                self.raw = store.articles_mentioning(key, MENTIONS_LIMIT)?;
                self.source_total = self.raw.len();
            }
        }
        let ids: Vec<ArticleId> = self.raw.iter().map(|a| a.id).collect();
        self.clusters = store.clusters_of(&ids)?;
        self.refold();
        if let Some(pos) = selected_id.and_then(|id| self.rows.iter().position(|a| a.id == id)) {
            self.cursor.selected = pos;
        }
        Ok(())
    }

    /// Folded mode: reads the next page of rows when the selection nears
    /// the end of the rows read.
    fn extend_folded(&mut self, store: &Store) -> Result<(), StoreError> {
        let ListSource::Filter(f) = &self.source else {
            return Ok(());
        };
        if self.cursor.selected + self.height < self.rows.len()
            || self.raw.len() >= self.source_total
        {
            return Ok(());
        }
        let filter = ArticleFilter {
            limit: Some(PAGE),
            offset: self.raw.len(),
            ..f.clone()
        };
        let more = store.articles(&filter)?;
        if more.is_empty() {
            self.source_total = self.raw.len();
            return Ok(());
        }
        let ids: Vec<ArticleId> = more.iter().map(|a| a.id).collect();
        self.clusters.extend(store.clusters_of(&ids)?);
        self.raw.extend(more);
        self.refold();
        Ok(())
    }

    /// Folded mode: the rows shown from the rows read: the first (newest)
    /// article of each cluster unless the cluster is expanded.
    fn refold(&mut self) {
        let mut head_of: HashMap<i64, ArticleId> = HashMap::new();
        let mut counts: HashMap<ArticleId, usize> = HashMap::new();
        let mut rows = Vec::new();
        for a in &self.raw {
            match self.clusters.get(&a.id) {
                Some(c) if !self.expanded.contains(&c.cluster_id) => {
                    match head_of.get(&c.cluster_id) {
                        Some(head) => *counts.entry(*head).or_insert(1) += 1,
                        None => {
                            head_of.insert(c.cluster_id, a.id);
                            rows.push(a.clone());
                        }
                    }
                }
                _ => rows.push(a.clone()),
            }
        }
        self.rows = rows;
        self.fold_counts = counts;
        self.window_start = 0;
        self.total = self.rows.len();
        self.memo.clear();
        self.cursor.move_by(0, self.total);
    }

    fn load_window(&mut self, store: &Store, start: usize) -> Result<(), StoreError> {
        if self.fold {
            return Ok(());
        }
        if let ListSource::Filter(f) = &self.source {
            let filter = ArticleFilter {
                limit: Some(PAGE),
                offset: start,
                ..f.clone()
            };
            self.rows = store.articles(&filter)?;
            self.memo.clear();
            self.window_start = start;
        }
        Ok(())
    }

    /// Makes sure the rows around the selection (the visible page) are read.
    pub fn ensure_loaded(&mut self, store: &Store) -> Result<(), StoreError> {
        if self.fold {
            return self.extend_folded(store);
        }
        let offset = self.cursor.scroll_into_view(self.height);
        let need_end = (offset + self.height).min(self.total);
        let have_end = self.window_start + self.rows.len();
        if offset < self.window_start || need_end > have_end {
            let start = offset.saturating_sub(PAGE / 4);
            self.load_window(store, start)?;
        }
        Ok(())
    }

    /// The row at an index of the whole list, when it is read.
    pub fn get(&self, index: usize) -> Option<&ArticleSummary> {
        index
            .checked_sub(self.window_start)
            .and_then(|i| self.rows.get(i))
    }

    /// The selected article.
    pub fn selected(&self) -> Option<&ArticleSummary> {
        self.get(self.cursor.selected)
    }

    /// Changes a listed article in place (after the store was updated).
    pub fn update(&mut self, id: ArticleId, change: impl Fn(&mut ArticleSummary)) {
        for a in self.rows.iter_mut().chain(self.raw.iter_mut()) {
            if a.id == id {
                change(a);
            }
        }
    }

    /// Index of the next (or previous) unread article after the selection,
    /// reading further pages as needed, up to `PAGE * 25` rows away.
    pub fn find_unread(
        &mut self,
        store: &Store,
        forward: bool,
    ) -> Result<Option<usize>, StoreError> {
        let mut index = self.cursor.selected;
        for _ in 0..PAGE * 25 {
            index = if forward {
                index + 1
            } else {
                match index.checked_sub(1) {
                    Some(i) => i,
                    None => return Ok(None),
                }
            };
            if index >= self.total {
                return Ok(None);
            }
            if self.get(index).is_none() {
                let start = if forward {
                    index
                } else {
                    index.saturating_sub(PAGE - 1)
                };
                self.load_window(store, start)?;
            }
            match self.get(index) {
                Some(a) if !a.read => return Ok(Some(index)),
                Some(_) => {}
                None => return Ok(None),
            }
        }
        Ok(None)
    }

    /// Draws the pane.
    pub fn draw(
        &mut self,
        f: &mut Frame,
        area: Rect,
        focused: bool,
        theme: &Theme,
        opts: &LayoutOptions,
        feeds: &FeedsPane,
    ) {
        let title = format!(
            "{} ({}{})",
            crate::text::sanitize::for_terminal(&self.title),
            self.total,
            if self.fold { ", folded" } else { "" }
        );
        // Unpadded: an RTL feed name must not push the title off the corner.
        let title = single_line(&title, (area.width as usize).saturating_sub(6), opts).text;
        f.render_widget(block(title, focused, theme), area);
        let area = inner(area);
        self.height = area.height as usize;
        let width = area.width as usize;
        let offset = self.cursor.scroll_into_view(self.height);
        if self.total == 0 {
            let hint = if feeds.no_feeds() {
                "No feeds yet: press a to add one."
            } else {
                "No articles here."
            };
            f.render_widget(Paragraph::new(Span::styled(hint, theme.hint)), area);
            return;
        }
        // Columns: markers (3), date (6 + 1), feed (a fifth, 8..18), title.
        let feed_width = (width / 5).clamp(8, 18);
        let show_feed = width >= 40;
        let title_width = width.saturating_sub(3 + 7 + if show_feed { feed_width + 1 } else { 0 });
        let widths = (if show_feed { feed_width } else { 0 }, title_width);
        if self.memo_widths != widths {
            self.memo.clear();
            self.memo_widths = widths;
        }
        let visible = offset..(offset + self.height).min(self.total);
        let start = visible.start.saturating_sub(self.window_start);
        let end = visible
            .end
            .saturating_sub(self.window_start)
            .min(self.rows.len());
        for a in self.rows.get(start..end).unwrap_or_default() {
            if self.memo.contains_key(&a.id) {
                continue;
            }
            let feed_dir = feeds.info.get(&a.feed_id).map(|i| i.direction);
            let title_dir = match feed_dir {
                Some(d) if d != DirectionSetting::Auto => d,
                _ => match a.direction {
                    Direction::Rtl => DirectionSetting::Rtl,
                    Direction::Ltr => DirectionSetting::Auto,
                },
            };
            let feed_opts = LayoutOptions {
                direction: feed_dir.unwrap_or_default(),
                ..*opts
            };
            let title_opts = LayoutOptions {
                direction: title_dir,
                ..*opts
            };
            let feed = if show_feed {
                cell_text(&a.feed_title, feed_width, &feed_opts)
            } else {
                String::new()
            };
            let title = match self.fold_counts.get(&a.id) {
                Some(n) => {
                    let label = format!("[{n}] ");
                    let room = title_width.saturating_sub(label.len());
                    label + &cell_text(&a.title, room, &title_opts)
                }
                None => cell_text(&a.title, title_width, &title_opts),
            };
            self.memo.insert(a.id, (feed, title));
        }
        let now = Local::now();
        let lines: Vec<Line> = visible
            .map(
                |i| match (self.get(i), self.get(i).and_then(|a| self.memo.get(&a.id))) {
                    (Some(a), Some((feed, title))) => {
                        let unread = if a.read { " " } else { "●" };
                        let bookmark = if a.bookmarked { "★ " } else { "  " };
                        let style = if a.read { theme.read } else { theme.unread };
                        let mut spans = vec![
                            Span::styled(unread, theme.marker),
                            Span::styled(bookmark, theme.marker),
                            Span::styled(
                                format!("{:<6} ", short_date(a.published, now)),
                                theme.date,
                            ),
                        ];
                        if show_feed {
                            spans.push(Span::styled(feed.as_str(), theme.feed));
                            spans.push(Span::raw(" "));
                        }
                        spans.push(Span::styled(title.as_str(), style));
                        let line = Line::from(spans);
                        if i == self.cursor.selected {
                            highlight(line, selection_style(focused, theme))
                        } else {
                            line
                        }
                    }
                    _ => Line::from(""),
                },
            )
            .collect();
        f.render_widget(Paragraph::new(lines), area);
    }
}

/// A date in at most 6 cells: the time today, the day this year, else the year.
pub fn short_date(d: Option<DateTime<Utc>>, now: DateTime<Local>) -> String {
    let Some(d) = d else {
        return String::new();
    };
    let d = d.with_timezone(&Local);
    if d.date_naive() == now.date_naive() {
        d.format("%H:%M").to_string()
    } else if d.year() == now.year() {
        d.format("%d %b").to_string()
    } else {
        d.format("%Y").to_string()
    }
}
