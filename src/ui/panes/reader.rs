//! The reader: title, feed, date, link and tags of the open article, then
//! its text laid out by `text::layout` (shaped, reordered, wrapped per
//! paragraph, RTL right-aligned) and cached per width. ratatui gets finished
//! lines and never wraps them.

use std::sync::Arc;

use chrono::Local;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Pane, block, inner, screen_line};
use crate::model::DirectionSetting;
use crate::store::Article;
use crate::text::layout::{LayoutCache, LayoutOptions, ScreenLine};
use crate::ui::theme::Theme;

/// State of the reader pane.
#[derive(Debug, Clone, Default)]
pub struct ReaderPane {
    /// The open article.
    pub article: Option<Article>,
    /// Direction setting of the article's feed.
    pub direction: DirectionSetting,
    /// First visible line.
    pub scroll: usize,
    /// Lines visible at the last draw.
    pub height: usize,
    /// Total lines at the last draw.
    pub total_lines: usize,
}

/// A block of laid-out lines in one style.
struct Chunk {
    lines: Arc<[ScreenLine]>,
    style: Style,
}

impl ReaderPane {
    /// Shows an article from its top.
    pub fn open(&mut self, article: Article, direction: DirectionSetting) {
        self.article = Some(article);
        self.direction = direction;
        self.scroll = 0;
    }

    /// Scrolls by `delta` lines, clamped to the text.
    pub fn scroll_by(&mut self, delta: isize) {
        let max = self.total_lines.saturating_sub(self.height);
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    /// Draws the pane.
    pub fn draw(
        &mut self,
        f: &mut Frame,
        area: Rect,
        focused: bool,
        theme: &Theme,
        opts: &LayoutOptions,
        cache: &mut LayoutCache,
    ) {
        f.render_widget(block(Pane::Reader.title().to_owned(), focused, theme), area);
        let area = inner(area);
        let width = area.width as usize;
        self.height = area.height as usize;
        let Some(a) = &self.article else {
            self.total_lines = 0;
            f.render_widget(
                Paragraph::new(Span::styled(
                    "Select an article and press Enter to read it.",
                    theme.hint,
                )),
                area,
            );
            return;
        };
        // The margin keeps RTL text off the border; a width of zero lays out nothing.
        let text_width = width.saturating_sub(1).max(1);
        let body_opts = LayoutOptions {
            width: text_width,
            direction: self.direction,
            ..*opts
        };
        let s = &a.summary;
        let title_dir = match (self.direction, s.direction) {
            (DirectionSetting::Auto, crate::model::Direction::Rtl) => DirectionSetting::Rtl,
            (d, _) => d,
        };
        let title_opts = LayoutOptions {
            direction: title_dir,
            ..body_opts
        };
        let ltr = LayoutOptions {
            direction: DirectionSetting::Ltr,
            ..body_opts
        };
        let date = s
            .published
            .map(|d| d.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        // Date first in an LTR line, so the digits and the feed name never
        // trade places in an RTL paragraph; each name is a bidi isolate, so
        // an Arabic feed name and an Arabic author are not read as one
        // right-to-left run that swaps them.
        let mut meta = format!("{date} · {}", crate::text::bidi::isolate(&s.feed_title));
        if let Some(author) = a.author.as_deref().filter(|x| !x.is_empty()) {
            meta.push_str(" · ");
            meta.push_str(&crate::text::bidi::isolate(author));
        }
        let mut chunks = vec![
            Chunk {
                lines: cache.text(&s.title, &title_opts),
                style: theme.heading,
            },
            Chunk {
                lines: cache.text(&meta, &ltr),
                style: theme.meta,
            },
        ];
        if let Some(link) = &s.link {
            chunks.push(Chunk {
                lines: cache.text(link, &ltr),
                style: theme.link,
            });
        }
        if !s.tags.is_empty() {
            let tags = format!("tags: {}", s.tags.join(", "));
            chunks.push(Chunk {
                lines: cache.text(&tags, &body_opts),
                style: theme.meta,
            });
        }
        if let Some(e) = &a.full_text_error {
            let e = format!(
                "full text failed: {}",
                crate::text::sanitize::for_terminal(e)
            );
            chunks.push(Chunk {
                lines: cache.text(&e, &ltr),
                style: theme.status_error,
            });
        } else if let Some(at) = a.full_text_at {
            let at = format!(
                "full text fetched {}",
                at.with_timezone(&Local).format("%Y-%m-%d %H:%M")
            );
            chunks.push(Chunk {
                lines: cache.text(&at, &ltr),
                style: theme.meta,
            });
        }
        chunks.push(Chunk {
            lines: Arc::from(vec![ScreenLine::default()]),
            style: theme.base,
        });
        chunks.push(Chunk {
            lines: cache.text(&a.text, &body_opts),
            style: theme.base,
        });
        self.total_lines = chunks.iter().map(|c| c.lines.len()).sum();
        self.scroll = self
            .scroll
            .min(self.total_lines.saturating_sub(self.height));
        let lines: Vec<Line> = chunks
            .iter()
            .flat_map(|c| c.lines.iter().map(move |l| (l, c.style)))
            .skip(self.scroll)
            .take(self.height)
            .map(|(l, style)| {
                let style = if is_link_line(&l.text) {
                    theme.link
                } else {
                    style
                };
                screen_line(l, text_width, style)
            })
            .collect();
        f.render_widget(Paragraph::new(lines), area);
    }
}

/// True for the `[n] URL` lines at the end of a clean text.
fn is_link_line(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('[') else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with("] ")
}
