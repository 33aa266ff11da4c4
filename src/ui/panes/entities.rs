//! The entities pane: who, where and which organisations the open article
//! mentions, grouped by kind, most mentioned first. Enter lists every
//! stored article that mentions the selected entity.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Cursor, Pane, block, cell_text, highlight, inner, selection_style};
use crate::intel::enrich;
use crate::model::{ArticleId, Entity, EntityKind};
use crate::store::{Store, StoreError};
use crate::text::layout::LayoutOptions;
use crate::ui::theme::Theme;

/// One row: a kind heading or an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityRow {
    /// A group heading with the number of entities in it.
    Kind(EntityKind, usize),
    /// One entity.
    Item(Entity),
}

/// State of the entities pane.
#[derive(Debug, Clone, Default)]
pub struct EntitiesPane {
    /// The article whose entities are shown.
    pub article: Option<ArticleId>,
    /// Headings and entities, in display order.
    pub rows: Vec<EntityRow>,
    /// Selection (always on an entity row when there is one) and scroll.
    pub cursor: Cursor,
    /// Whether the enrichment stage has processed the article at the
    /// current version (an empty pane then means none were found).
    pub enriched: bool,
}

impl EntitiesPane {
    /// Reads the entities of an article from the store.
    pub fn load(&mut self, store: &Store, id: ArticleId) -> Result<(), StoreError> {
        let mut entities = store.entities_of(id)?;
        entities.sort_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then(b.count.cmp(&a.count))
                .then_with(|| a.display.cmp(&b.display))
        });
        let mut rows = Vec::new();
        for e in entities {
            match rows.iter_mut().rev().find_map(|r| match r {
                EntityRow::Kind(k, n) if *k == e.kind => Some(n),
                _ => None,
            }) {
                Some(n) => *n += 1,
                None => rows.push(EntityRow::Kind(e.kind, 1)),
            }
            rows.push(EntityRow::Item(e));
        }
        if self.article != Some(id) {
            self.cursor = Cursor {
                selected: 1,
                offset: 0,
            };
        }
        self.article = Some(id);
        self.enriched = store.is_enriched(id, enrich::VERSION)?;
        self.rows = rows;
        self.cursor.move_by(0, self.rows.len());
        Ok(())
    }

    /// Moves the selection by `delta` entities, skipping headings.
    pub fn move_by(&mut self, delta: isize) {
        let items: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, EntityRow::Item(_)))
            .map(|(i, _)| i)
            .collect();
        let current = items
            .iter()
            .position(|&i| i >= self.cursor.selected)
            .unwrap_or(0);
        let target = current
            .saturating_add_signed(delta)
            .min(items.len().saturating_sub(1));
        if let Some(&i) = items.get(target) {
            self.cursor.selected = i;
        }
    }

    /// The selected entity.
    pub fn selected(&self) -> Option<&Entity> {
        match self.rows.get(self.cursor.selected) {
            Some(EntityRow::Item(e)) => Some(e),
            _ => None,
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
            block(Pane::Entities.title().to_owned(), focused, theme),
            area,
        );
        let area = inner(area);
        let width = area.width as usize;
        if self.article.is_none() || self.rows.is_empty() {
            let hint = if self.article.is_none() {
                "Open an article to see the people, places and organisations it mentions."
            } else if self.enriched {
                "No people, places or organisations found in this article."
            } else {
                "Not processed yet: the entities appear when the background enrichment reaches this article."
            };
            f.render_widget(
                Paragraph::new(Span::styled(hint, theme.hint)).wrap(Wrap { trim: true }),
                area,
            );
            return;
        }
        let offset = self.cursor.scroll_into_view(area.height as usize);
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(area.height as usize)
            .map(|(i, row)| match row {
                EntityRow::Kind(k, n) => Line::from(Span::styled(
                    format!("{} ({n})", kind_label(*k)),
                    theme.pane_title,
                )),
                EntityRow::Item(e) => {
                    let count = format!("×{}", e.count);
                    let name = cell_text(&e.display, width.saturating_sub(count.len() + 3), opts);
                    let line = Line::from(vec![
                        Span::raw("  "),
                        Span::styled(name, theme.base),
                        Span::raw(" "),
                        Span::styled(count, theme.count),
                    ]);
                    if i == self.cursor.selected {
                        highlight(line, selection_style(focused, theme))
                    } else {
                        line
                    }
                }
            })
            .collect();
        f.render_widget(Paragraph::new(lines), area);
    }
}

/// The heading of an entity group.
pub fn kind_label(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "People",
        EntityKind::Place => "Places",
        EntityKind::Org => "Organisations",
        EntityKind::Misc => "Other",
    }
}
