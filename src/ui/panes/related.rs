//! The related-stories pane. Story matching is not part of this build yet,
//! so the pane says so instead of showing anything made up.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Pane, block, inner};
use crate::ui::theme::Theme;

/// What the pane shows while no related-story data exists.
pub const EMPTY: &str = "No related stories: matching coverage of the same story across feeds is not available in this build yet.";

/// Draws the pane.
pub fn draw(f: &mut Frame, area: Rect, focused: bool, theme: &Theme) {
    f.render_widget(
        block(Pane::Related.title().to_owned(), focused, theme),
        area,
    );
    f.render_widget(
        Paragraph::new(Span::styled(EMPTY, theme.hint)).wrap(Wrap { trim: true }),
        inner(area),
    );
}
