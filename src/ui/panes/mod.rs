//! One module per pane: its state (what is shown, what is selected) and
//! its view (how it is drawn). Panes never query the network; they read
//! the store through the [`crate::ui::app::App`] that owns them.

pub mod articles;
pub mod entities;
pub mod feeds;
pub mod reader;
pub mod related;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use crate::text::layout::{LayoutOptions, ScreenLine, single_line};
use crate::ui::theme::Theme;

/// The panes of the reader, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// Feeds and virtual feeds (All, Unread, Bookmarked, tags).
    Feeds,
    /// The article list of the selected feed or search.
    Articles,
    /// The open article.
    Reader,
    /// The open article's named entities.
    Entities,
    /// Stories related to the open article.
    Related,
}

impl Pane {
    /// The pane's title as shown in its border.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Feeds => "Feeds",
            Pane::Articles => "Articles",
            Pane::Reader => "Article",
            Pane::Entities => "Entities",
            Pane::Related => "Related",
        }
    }
}

/// Selection and scroll position of a list of `len` rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Index of the selected row.
    pub selected: usize,
    /// Index of the first visible row.
    pub offset: usize,
}

impl Cursor {
    /// Moves the selection by `delta` rows, clamped to `0..len`.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        let max = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(max);
    }

    /// Makes the selection visible in `height` rows and returns the offset.
    pub fn scroll_into_view(&mut self, height: usize) -> usize {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset
    }
}

/// The bordered block of a pane, highlighted when it has the focus.
pub fn block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let border = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(border)
        .title(Span::styled(format!(" {title} "), theme.pane_title))
}

/// The style of a selected row, depending on whether its pane has focus.
pub fn selection_style(focused: bool, theme: &Theme) -> Style {
    if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    }
}

/// A row drawn as selected: the selection style over every span, and over
/// the rest of the row.
pub fn highlight(mut line: Line<'_>, style: Style) -> Line<'_> {
    for span in &mut line.spans {
        span.style = span.style.patch(style);
    }
    line.style(style)
}

/// Lays out one-line text (a title, a feed name) into exactly `width`
/// cells: shaped and reordered, RTL right-aligned, truncated with '…',
/// padded with spaces so the next column starts where it should.
pub fn cell_text(s: &str, width: usize, opts: &LayoutOptions) -> String {
    let line = single_line(s, width, opts);
    fit(&line, width)
}

/// A laid-out line padded to exactly `width` cells (RTL right-aligned).
pub fn fit(line: &ScreenLine, width: usize) -> String {
    let mut text = line.padded(width);
    let used = unicode_width::UnicodeWidthStr::width(text.as_str());
    if used < width {
        text.push_str(&" ".repeat(width - used));
    }
    text
}

/// A finished screen line as a ratatui line in one style (ratatui must
/// never wrap or reorder it: it is already in visual order).
pub fn screen_line(line: &ScreenLine, width: usize, style: Style) -> Line<'static> {
    Line::from(Span::styled(line.padded(width), style))
}

/// The inner area of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}
