//! The related-stories pane: other coverage of the same story (marked
//! `≡`) and the closest background stories for the selected or open
//! article, best first, as precomputed by the enrichment stage. Enter
//! opens the selected story in the reader; the list stays as it is so the
//! user can read one story after the other.

use std::collections::HashMap;

use chrono::Local;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::articles::short_date;
use super::{Cursor, Pane, block, cell_text, highlight, inner, selection_style};
use crate::intel::enrich;
use crate::model::ArticleId;
use crate::store::{RelatedStory, Store, StoreError};
use crate::text::layout::LayoutOptions;
use crate::ui::theme::Theme;

/// How many related stories the pane lists.
pub const LIMIT: usize = 10;

/// Most articles whose related lists are kept in memory at once.
const CACHE_LIMIT: usize = 1000;

/// The marker of a story that is the same event in another source.
pub const SAME_STORY: &str = "≡";

/// State of the related pane.
#[derive(Debug, Clone, Default)]
pub struct RelatedPane {
    /// The article whose related stories are shown.
    pub article: Option<ArticleId>,
    /// Its related stories, best first.
    pub rows: Vec<RelatedStory>,
    /// Selection and scroll.
    pub cursor: Cursor,
    /// Whether the enrichment stage has processed the article at the
    /// current version (an empty pane then means none were found).
    pub enriched: bool,
    /// Related stories already read, by article (one query per article
    /// until the enrichment stage changes them).
    cache: HashMap<ArticleId, Vec<RelatedStory>>,
}

impl RelatedPane {
    /// Shows the related stories of `id` (from the cache when it was shown
    /// before); nothing changes when it is already shown.
    pub fn show(&mut self, store: &Store, id: Option<ArticleId>) -> Result<(), StoreError> {
        if id == self.article {
            return Ok(());
        }
        let rows = match id {
            None => Vec::new(),
            Some(id) => match self.cache.get(&id) {
                Some(rows) => rows.clone(),
                None => {
                    let rows = store.related_of(id, LIMIT)?;
                    if self.cache.len() >= CACHE_LIMIT {
                        self.cache.clear();
                    }
                    self.cache.insert(id, rows.clone());
                    rows
                }
            },
        };
        self.enriched = match id {
            Some(id) => store.is_enriched(id, enrich::VERSION)?,
            None => false,
        };
        self.article = id;
        self.rows = rows;
        self.cursor = Cursor::default();
        Ok(())
    }

    /// Forgets every cached list (the enrichment stage changed links) and
    /// rereads the shown one, keeping the selection where possible.
    pub fn invalidate(&mut self, store: &Store) -> Result<(), StoreError> {
        self.cache.clear();
        let Some(id) = self.article else {
            return Ok(());
        };
        let selected = self.selected().map(|r| r.id);
        self.enriched = store.is_enriched(id, enrich::VERSION)?;
        self.rows = store.related_of(id, LIMIT)?;
        self.cache.insert(id, self.rows.clone());
        self.cursor.selected = selected
            .and_then(|s| self.rows.iter().position(|r| r.id == s))
            .unwrap_or(0);
        Ok(())
    }

    /// Moves the selection by `delta` rows.
    pub fn move_by(&mut self, delta: isize) {
        self.cursor.move_by(delta, self.rows.len());
    }

    /// The selected story.
    pub fn selected(&self) -> Option<&RelatedStory> {
        self.rows.get(self.cursor.selected)
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
        let same = self.rows.iter().filter(|r| r.same_story).count();
        let title = if self.rows.is_empty() {
            Pane::Related.title().to_owned()
        } else {
            format!("{} ({same} same story)", Pane::Related.title())
        };
        f.render_widget(block(title, focused, theme), area);
        let area = inner(area);
        let width = area.width as usize;
        if self.rows.is_empty() {
            let hint = if self.article.is_none() {
                "Select an article to see other coverage of the same story."
            } else if self.enriched {
                "No other stored article is close to this one."
            } else {
                "Not processed yet: related stories appear when the background enrichment reaches this article."
            };
            f.render_widget(
                Paragraph::new(Span::styled(hint, theme.hint)).wrap(Wrap { trim: true }),
                area,
            );
            return;
        }
        // Columns: marker (2), title, feed (a quarter, 6..16, when room), date (6).
        let show_feed = width >= 36;
        let feed_width = if show_feed {
            (width / 4).clamp(6, 16)
        } else {
            0
        };
        let title_width = width.saturating_sub(2 + 7 + if show_feed { feed_width + 1 } else { 0 });
        let offset = self.cursor.scroll_into_view(area.height as usize);
        let now = Local::now();
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(area.height as usize)
            .map(|(i, r)| {
                let marker = if r.same_story { SAME_STORY } else { " " };
                let mut spans = vec![
                    Span::styled(format!("{marker} "), theme.marker),
                    Span::styled(cell_text(&r.title, title_width, opts), theme.base),
                    Span::raw(" "),
                ];
                if show_feed {
                    spans.push(Span::styled(
                        cell_text(&r.feed_title, feed_width, opts),
                        theme.feed,
                    ));
                    spans.push(Span::raw(" "));
                }
                spans.push(Span::styled(
                    format!("{:>6}", short_date(r.published, now)),
                    theme.date,
                ));
                let line = Line::from(spans);
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
