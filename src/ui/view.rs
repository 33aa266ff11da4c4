//! Drawing the whole screen from the app state: which panes fit, where
//! they go, the status bar, and the overlays (help, prompt, welcome).
//!
//! Wide screens (≥ 120 columns) show feeds | articles | reader with the
//! entities and related panes under the reader. Narrower screens show
//! either the lists (feeds | articles, the feeds hidden below 60 columns)
//! or the reader with entities | related under it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::text::layout::LayoutOptions;
use crate::ui::app::{App, Mode};
use crate::ui::keymap::Action;
use crate::ui::panes::{Pane, cell_text};
use crate::ui::prompt::Confirm;

/// Width from which the three-column layout is used.
pub const WIDE: u16 = 120;

/// Where each visible pane goes for a screen area (status bar excluded).
pub fn pane_areas(area: Rect, app: &App) -> Vec<(Pane, Rect)> {
    let strip_height = |h: u16| if h >= 20 { (h / 4).clamp(6, 12) } else { 0 };
    let reader_column = |area: Rect| {
        let strip = strip_height(area.height);
        if strip == 0 {
            return vec![(Pane::Reader, area)];
        }
        let [reader, bottom] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(strip)]).areas(area);
        let [entities, related] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(bottom);
        vec![
            (Pane::Reader, reader),
            (Pane::Entities, entities),
            (Pane::Related, related),
        ]
    };
    if area.width >= WIDE && area.height >= 12 {
        let feeds_width = (area.width / 6).clamp(20, 32);
        let [feeds, articles, right] = Layout::horizontal([
            Constraint::Length(feeds_width),
            Constraint::Percentage(45),
            Constraint::Min(30),
        ])
        .areas(area);
        let mut out = vec![(Pane::Feeds, feeds), (Pane::Articles, articles)];
        out.extend(reader_column(right));
        out
    } else if app.reading {
        reader_column(area)
    } else if area.width >= 60 {
        let feeds_width = (area.width / 4).clamp(18, 26);
        let [feeds, articles] =
            Layout::horizontal([Constraint::Length(feeds_width), Constraint::Min(20)]).areas(area);
        vec![(Pane::Feeds, feeds), (Pane::Articles, articles)]
    } else if app.focus == Pane::Feeds {
        vec![(Pane::Feeds, area)]
    } else {
        vec![(Pane::Articles, area)]
    }
}

/// Draws one frame.
pub fn draw(f: &mut Frame, app: &mut App) {
    let area = f.area();
    f.render_widget(Block::default().style(app.theme.base), area);
    if area.height < 3 || area.width < 10 {
        f.render_widget(Paragraph::new("akhbar: window too small"), area);
        return;
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let opts = app.layout_options();
    if app.welcome() {
        app.areas.clear();
        draw_welcome(f, main, app);
    } else {
        app.areas = pane_areas(main, app);
        if !app.areas.iter().any(|(p, _)| *p == app.focus) {
            app.focus = app.areas.first().map_or(Pane::Articles, |(p, _)| *p);
        }
        app.sync_related();
        let areas = app.areas.clone();
        for (pane, rect) in areas {
            let focused = pane == app.focus;
            match pane {
                Pane::Feeds => app.feeds.draw(f, rect, focused, &app.theme, &opts),
                Pane::Articles => app
                    .articles
                    .draw(f, rect, focused, &app.theme, &opts, &app.feeds),
                Pane::Reader => {
                    app.reader
                        .draw(f, rect, focused, &app.theme, &opts, &mut app.cache)
                }
                Pane::Entities => app.entities.draw(f, rect, focused, &app.theme, &opts),
                Pane::Related => app.related.draw(f, rect, focused, &app.theme, &opts),
            }
        }
    }
    draw_status(f, status, app, &opts);
    if app.mode == Mode::Help {
        draw_help(f, main, app);
    }
}

fn draw_welcome(f: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let add = app.keymap.keys_for(Action::AddFeed);
    let quit = app.keymap.keys_for(Action::Quit);
    let help = app.keymap.keys_for(Action::Help);
    let starter = app.keymap.keys_for(Action::ImportStarter);
    let lines = vec![
        Line::from(Span::styled("Welcome to akhbar", t.heading)),
        Line::from(""),
        Line::from("A news reader that shows Arabic, Persian and Hebrew"),
        Line::from("the right way round, in any terminal."),
        Line::from(""),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled(add, t.marker),
            Span::raw(" to subscribe to a feed by its URL."),
        ]),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled(starter, t.marker),
            Span::raw(" to subscribe to a starter list of Arabic"),
        ]),
        Line::from("and English news outlets (BBC, France 24, DW...)."),
        Line::from(vec![
            Span::raw("Or run "),
            Span::styled("akhbar import FILE.opml", t.marker),
            Span::raw(" to bring your subscriptions."),
        ]),
        Line::from(""),
        Line::from(vec![
            Span::styled(help, t.marker),
            Span::raw(" lists every key; "),
            Span::styled(quit, t.marker),
            Span::raw(" quits."),
        ]),
    ];
    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 60.min(area.width);
    let rect = centered(area, width, height);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(t.border_focused),
        ),
        rect,
    );
}

fn draw_status(f: &mut Frame, area: Rect, app: &App, opts: &LayoutOptions) {
    let t = &app.theme;
    let width = area.width as usize;
    match &app.mode {
        Mode::Prompt(p) => {
            let label = p.kind.label();
            let room = width.saturating_sub(label.len() + 1);
            let input = crate::text::layout::single_line(&p.input, room, opts);
            let shown = input.padded(input.width);
            let x = area.x + (label.len() + input.width).min(width.saturating_sub(1)) as u16;
            f.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled(label, t.marker),
                    Span::raw(shown),
                ]))
                .style(t.status),
                area,
            );
            f.set_cursor_position((x, area.y));
            return;
        }
        Mode::Confirm(Confirm::RemoveFeed { title, .. }) => {
            let q = format!(
                "Remove {}? y: yes (keep bookmarked/tagged)  p: purge all  n: no",
                crate::text::sanitize::for_terminal(title)
            );
            f.render_widget(
                Paragraph::new(cell_text(&q, width, opts)).style(t.status_error),
                area,
            );
            return;
        }
        Mode::Normal | Mode::Help => {}
    }
    let mut right = String::new();
    if let Some((done, total)) = app.poll_progress {
        right.push_str(&format!("reloading {done}/{total}  "));
    }
    if app.full_text_fetch.is_some() {
        right.push_str("fetching full text…  ");
    }
    if let Some((done, total)) = app.enrich_progress.filter(|(d, t)| d < t) {
        right.push_str(&format!("enriching {done}/{total}  "));
    }
    right.push_str(&format!("{} help", app.keymap.keys_for(Action::Help)));
    let right_width = unicode_width::UnicodeWidthStr::width(right.as_str()).min(width);
    let left_width = width.saturating_sub(right_width + 1);
    let style = if app.status.error {
        t.status_error
    } else {
        t.status
    };
    let status_opts = LayoutOptions {
        direction: crate::model::DirectionSetting::Ltr,
        ..*opts
    };
    let left = cell_text(
        &crate::text::sanitize::for_terminal(&app.status.text),
        left_width,
        &status_opts,
    );
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, style),
            Span::raw(" "),
            Span::raw(right),
        ]))
        .style(t.status),
        area,
    );
}

/// Key alternatives joined with "/" as far as they fit in `width` cells
/// (at least the first one), so a long list does not push the description
/// out of the help overlay.
fn keys_within(keys: &[String], width: usize) -> String {
    let mut out = String::new();
    for k in keys {
        let sep = usize::from(!out.is_empty());
        let w = unicode_width::UnicodeWidthStr::width(out.as_str())
            + sep
            + unicode_width::UnicodeWidthStr::width(k.as_str());
        if !out.is_empty() && w > width {
            break;
        }
        if sep == 1 {
            out.push('/');
        }
        out.push_str(k);
    }
    out
}

fn draw_help(f: &mut Frame, area: Rect, app: &App) {
    let rows: Vec<(Vec<String>, &str)> = Action::ALL
        .iter()
        .map(|a| (app.keymap.keys_list(*a), a.describe()))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    let inner_height = area.height.saturating_sub(2).max(1) as usize;
    let columns = rows.len().div_ceil(inner_height).max(1);
    let per_column = rows.len().div_ceil(columns).max(1);
    let width_of = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let widest = |keys: &dyn Fn(&[String]) -> String| {
        rows.iter()
            .map(|(k, _)| width_of(&keys(k)))
            .max()
            .unwrap_or(0)
    };
    let keys_full = widest(&|k| k.join("/")).min(12);
    let first_key = widest(&|k| k.first().cloned().unwrap_or_default()).min(keys_full);
    let desc_full = rows.iter().map(|(_, d)| width_of(d)).max().unwrap_or(0);
    // Each column is " keys " then "description ": key alternatives give
    // way to the description first, down to one key per action.
    let per_column_cells = (area.width as usize).saturating_sub(2) / columns;
    let key_width = per_column_cells
        .saturating_sub(desc_full + 3)
        .clamp(first_key, keys_full);
    let desc_width = desc_full.min(per_column_cells.saturating_sub(key_width + 3));
    let col_width = key_width + 3 + desc_width;
    let width = (col_width * columns + 2).min(area.width as usize) as u16;
    let height = (per_column + 2).min(area.height as usize) as u16;
    let rect = centered(area, width, height);
    f.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focused)
        .title(Span::styled(
            " Keys (any key closes) ",
            app.theme.pane_title,
        ))
        .style(app.theme.overlay);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let ltr = LayoutOptions::default();
    let lines: Vec<Line> = (0..per_column)
        .map(|r| {
            let mut spans = Vec::new();
            for c in 0..columns {
                if let Some((k, d)) = rows.get(c * per_column + r) {
                    let k = cell_text(&keys_within(k, key_width), key_width, &ltr);
                    spans.push(Span::styled(format!(" {k} "), app.theme.marker));
                    spans.push(Span::raw(format!("{} ", cell_text(d, desc_width, &ltr))));
                }
            }
            Line::from(spans)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width: width.min(area.width),
        height: height.min(area.height),
    }
}
