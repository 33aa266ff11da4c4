//! Screen layout of paragraphs for terminals that do no bidi and no shaping.
//!
//! Per paragraph (never per screen line): pick the base direction, shape
//! Arabic in logical order (`text::shape`), resolve the bidi levels of the
//! whole paragraph (`text::bidi`), wrap by display width measured after
//! shaping, drop the spaces at the breaks, then per line apply L1, reorder
//! grapheme clusters (L2, marks stay after their base: L3) and mirror
//! brackets at odd levels (L4). The result is a list of [`ScreenLine`]s in
//! visual order that the UI prints cell by cell, left to right.
//!
//! Nothing that moves the cursor reaches the output: C0/C1 controls, escape
//! sequences and bidi controls are removed (bidi controls still take part in
//! the bidi algorithm before they go).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::bidi::ResolvedParagraph;
use super::sanitize::{self, is_bidi_control};
use super::shape;
use crate::model::{Direction, DirectionSetting};

/// Who does the bidi work: terminals differ (see `docs/rtl-in-terminals.md`),
/// so the user chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BidiMode {
    /// akhbar shapes and reorders: for terminals that do neither (most).
    #[default]
    App,
    /// Logical order, unshaped, left-aligned: for terminals that run the bidi
    /// algorithm themselves (VTE, mintty, Konsole...).
    Terminal,
    /// No bidi handling at all: logical order, unshaped, left-aligned.
    Off,
}

/// Everything that changes the layout of a text; part of the cache key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// Screen width in cells. Lines never get wider than this.
    pub width: usize,
    /// Paragraph direction: detected per paragraph from the first strong
    /// character (P2/P3, the same rule as `text::direction::detect_direction`),
    /// or forced.
    pub direction: DirectionSetting,
    /// Who does the bidi work.
    pub mode: BidiMode,
    /// Keep Arabic harakat (as combining marks) or drop them (App mode; the
    /// other modes pass the text through).
    pub keep_harakat: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            width: 80,
            direction: DirectionSetting::Auto,
            mode: BidiMode::App,
            keep_harakat: true,
        }
    }
}

/// One visual grapheme on screen, mapped back to the logical text so styles
/// (search hits, links) can follow the reordering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Byte range of this grapheme in [`ScreenLine::text`].
    pub bytes: Range<usize>,
    /// Index of the logical grapheme in the paragraph (graphemes of the
    /// paragraph after control stripping, bidi controls included). A lam-alef
    /// ligature maps to the lam.
    pub logical: usize,
    /// Display width in cells (0 for a lone combining mark).
    pub width: usize,
}

/// One screen line, ready to print left to right.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScreenLine {
    /// The text in visual order, sanitised, without padding.
    pub text: String,
    /// Display width of `text` in cells.
    pub width: usize,
    /// True when the line belongs to a right-to-left paragraph laid out by
    /// the app (it is then right-aligned).
    pub rtl: bool,
    /// The graphemes of `text`, left to right.
    pub cells: Vec<Cell>,
}

impl ScreenLine {
    /// The line as printed in `width` cells: RTL lines get spaces on the left
    /// to right-align them; LTR lines are returned as they are. Never ends
    /// with a space.
    pub fn padded(&self, width: usize) -> String {
        let body = self.text.trim_end_matches(' ');
        let trailing = self.text.len() - body.len();
        let used = self.width.saturating_sub(trailing);
        if self.rtl && used < width && !body.is_empty() {
            let mut out = " ".repeat(width - used);
            out.push_str(body);
            out
        } else {
            body.to_string()
        }
    }
}

/// The ellipsis that marks a truncated single line.
const ELLIPSIS: char = '…';

/// What an over-wide grapheme (a 2-cell character on a 1-cell screen) shows.
const TOO_WIDE: &str = "?";

/// One display unit in logical order: the shaped characters of one logical
/// grapheme (a lam-alef ligature holds two).
#[derive(Debug, Clone)]
struct Unit {
    bytes: Range<usize>,
    logical: usize,
    width: usize,
    space: bool,
}

/// A paragraph after sanitising and shaping, before wrapping.
#[derive(Debug)]
struct Prepared {
    /// The paragraph after `strip_controls` (logical, unshaped).
    clean: String,
    /// The shaped text (App mode) or `clean` (other modes).
    text: String,
    units: Vec<Unit>,
}

/// Spaces where a line may break; no-break spaces are not among them.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// Line and paragraph separators inside a paragraph are spaces to the
/// layout (a U+2029 must not split the bidi paragraph).
fn separator_to_space(c: char) -> char {
    match c {
        '\n' | '\u{2028}' | '\u{2029}' => ' ',
        c => c,
    }
}

fn prepare(par: &str, opts: &LayoutOptions) -> Prepared {
    // Logical grapheme indices are those of `strip_controls(par)`, the text
    // the store and the UI hold.
    let clean = sanitize::strip_controls(par);
    let mut tagged: Vec<(char, usize)> = Vec::with_capacity(clean.len());
    for (index, grapheme) in clean.graphemes(true).enumerate() {
        tagged.extend(grapheme.chars().map(|c| (separator_to_space(c), index)));
    }
    let shaped = if opts.mode == BidiMode::App {
        shape::shape_tagged(&tagged, opts.keep_harakat)
    } else {
        tagged
    };
    let mut text = String::with_capacity(clean.len());
    let mut units: Vec<Unit> = Vec::new();
    for (c, logical) in shaped {
        let start = text.len();
        text.push(c);
        match units.last_mut() {
            Some(unit) if unit.logical == logical => unit.bytes.end = text.len(),
            _ => units.push(Unit {
                bytes: start..text.len(),
                logical,
                width: 0,
                space: false,
            }),
        }
    }
    for unit in &mut units {
        let s = &text[unit.bytes.clone()];
        unit.width = s.width();
        unit.space = s.chars().all(is_break_space);
    }
    Prepared { clean, text, units }
}

/// The width a unit takes on a screen `width` cells wide.
fn unit_width(unit: &Unit, width: usize) -> usize {
    if unit.width > width { 1 } else { unit.width }
}

/// Greedy wrap at break spaces in logical order; the spaces at a break (and
/// at both ends of the paragraph) are dropped. A word wider than the screen
/// is cut by cells. Returns ranges of unit indices.
fn wrap(units: &[Unit], width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut line: Option<(usize, usize, usize)> = None; // start, end, width
    let mut i = 0;
    while i < units.len() {
        let space_start = i;
        while i < units.len() && units[i].space {
            i += 1;
        }
        let space_width: usize = units[space_start..i]
            .iter()
            .map(|u| unit_width(u, width))
            .sum();
        if i == units.len() {
            break;
        }
        let word_start = i;
        while i < units.len() && !units[i].space {
            i += 1;
        }
        let word_width: usize = units[word_start..i]
            .iter()
            .map(|u| unit_width(u, width))
            .sum();
        if let Some((start, end, used)) = line {
            if used + space_width + word_width <= width {
                line = Some((start, i, used + space_width + word_width));
                continue;
            }
            lines.push(start..end);
        }
        if word_width <= width {
            line = Some((word_start, i, word_width));
            continue;
        }
        let mut start = word_start;
        let mut used = 0;
        for (k, unit) in units.iter().enumerate().take(i).skip(word_start) {
            let w = unit_width(unit, width);
            if used + w > width && k > start {
                lines.push(start..k);
                start = k;
                used = 0;
            }
            used += w;
        }
        line = Some((start, i, used));
    }
    if let Some((start, end, _)) = line {
        lines.push(start..end);
    }
    lines
}

/// Rule L4: the mirrored glyph of `c` (for characters at an odd level).
fn mirror(c: char) -> char {
    // Fast path: letters, digits and the Arabic blocks have no mirror.
    if c.is_ascii_alphanumeric()
        || matches!(c, '\u{0600}'..='\u{06FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    {
        return c;
    }
    unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c)
}

fn forced_direction(setting: DirectionSetting) -> Option<Direction> {
    match setting {
        DirectionSetting::Auto => None,
        DirectionSetting::Rtl => Some(Direction::Rtl),
        DirectionSetting::Ltr => Some(Direction::Ltr),
    }
}

/// Builds the screen lines of a prepared paragraph for the given line ranges.
fn render_lines(prep: &Prepared, lines: &[Range<usize>], opts: &LayoutOptions) -> Vec<ScreenLine> {
    let width = opts.width;
    let resolved = (opts.mode == BidiMode::App)
        .then(|| ResolvedParagraph::new(&prep.text, forced_direction(opts.direction)));
    let rtl = resolved.as_ref().is_some_and(ResolvedParagraph::is_rtl);
    let mut out = Vec::with_capacity(lines.len());
    for range in lines {
        let units = prep.units.get(range.clone()).unwrap_or(&[]);
        let order: Vec<(usize, bool)> = match &resolved {
            Some(resolved) => {
                let ranges: Vec<Range<usize>> = units.iter().map(|u| u.bytes.clone()).collect();
                resolved
                    .reorder_units(&prep.text, &ranges)
                    .into_iter()
                    .map(|(k, level)| (k, level.is_rtl()))
                    .collect()
            }
            None => (0..units.len()).map(|k| (k, false)).collect(),
        };
        let mut line = ScreenLine {
            rtl,
            ..ScreenLine::default()
        };
        for (k, odd) in order {
            let Some(unit) = units.get(k) else { continue };
            let start = line.text.len();
            let cell_width = if unit.width > width {
                line.text.push_str(TOO_WIDE);
                1
            } else {
                let s = prep.text.get(unit.bytes.clone()).unwrap_or("");
                for c in s.chars().filter(|&c| !is_bidi_control(c)) {
                    let c = if odd { mirror(c) } else { c };
                    line.text.push(c);
                }
                unit.width
            };
            if line.text.len() > start {
                line.width += cell_width;
                line.cells.push(Cell {
                    bytes: start..line.text.len(),
                    logical: unit.logical,
                    width: cell_width,
                });
            }
        }
        out.push(line);
    }
    if out.is_empty() {
        out.push(ScreenLine {
            rtl,
            ..ScreenLine::default()
        });
    }
    out
}

/// Lays out one paragraph (a string without '\n') into screen lines of at
/// most `opts.width` cells, in visual order. An empty paragraph (or a width
/// of 0) gives one empty line. Never panics.
pub fn layout_paragraph(par: &str, opts: &LayoutOptions) -> Vec<ScreenLine> {
    if opts.width == 0 {
        return vec![ScreenLine::default()];
    }
    let prep = prepare(par, opts);
    let lines = wrap(&prep.units, opts.width);
    render_lines(&prep, &lines, opts)
}

/// Lays out a text in which every '\n'-separated line is a paragraph; an
/// empty line gives one empty screen line.
pub fn layout_text(text: &str, opts: &LayoutOptions) -> Vec<ScreenLine> {
    text.split('\n')
        .flat_map(|par| layout_paragraph(par, opts))
        .collect()
}

/// Lays out a one-line string (a title in a list) into at most `width`
/// cells: shaped and reordered like a paragraph, never wrapped, cut in
/// logical order with '…' at the logical end when too long.
pub fn single_line(s: &str, width: usize, opts: &LayoutOptions) -> ScreenLine {
    let opts = LayoutOptions { width, ..*opts };
    if width == 0 {
        return ScreenLine::default();
    }
    let prep = prepare(s, &opts);
    let all = wrap(&prep.units, usize::MAX);
    let (Some(first), Some(last)) = (all.first(), all.last()) else {
        return ScreenLine::default();
    };
    let whole = first.start..last.end;
    let total: usize = prep.units[whole.clone()]
        .iter()
        .map(|u| unit_width(u, width))
        .sum();
    if total <= width {
        return render_lines(&prep, &[whole], &opts)
            .into_iter()
            .next()
            .unwrap_or_default();
    }
    // Keep the longest logical prefix that leaves one cell for the ellipsis.
    let mut used = 0;
    let mut cut = whole.start;
    for unit in &prep.units[whole.clone()] {
        let w = unit_width(unit, width);
        if used + w + 1 > width {
            break;
        }
        used += w;
        cut += 1;
    }
    let cut_grapheme = prep.units.get(cut).map_or(0, |u| u.logical);
    let cut_byte = prep
        .clean
        .grapheme_indices(true)
        .nth(cut_grapheme)
        .map_or(prep.clean.len(), |(b, _)| b);
    let mut truncated = prep.clean[..cut_byte].trim_end().to_string();
    truncated.push(ELLIPSIS);
    let prep = prepare(&truncated, &opts);
    let lines = wrap(&prep.units, width);
    let mut line = render_lines(&prep, &lines[..lines.len().min(1)], &opts)
        .into_iter()
        .next()
        .unwrap_or_default();
    // The ellipsis stands for the first grapheme that was cut away.
    let ellipsis_index = prep.units.last().map(|u| u.logical);
    for cell in &mut line.cells {
        if Some(cell.logical) == ellipsis_index {
            cell.logical = cut_grapheme;
        }
    }
    line
}

/// Renders a text the way `akhbar render` prints it: every input line a
/// paragraph, every screen line padded to `opts.width` (RTL right-aligned),
/// no trailing spaces, lines joined by '\n'.
pub fn render_plain(text: &str, opts: &LayoutOptions) -> String {
    layout_text(text, opts)
        .iter()
        .map(|line| line.padded(opts.width))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Cache key: content hash and length, the options, and whether the content
/// was laid out as a text or as a single paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct CacheKey {
    hash: u64,
    len: usize,
    opts: LayoutOptions,
    whole_text: bool,
}

#[derive(Debug)]
struct CacheEntry {
    lines: Arc<[ScreenLine]>,
    last_used: u64,
}

/// Laid-out texts and paragraphs keyed by (content hash, options), so the UI
/// does not redo the layout on every frame; redone only when the text, the
/// width or a setting changes. Holds at most `capacity` entries and drops
/// the least recently used one when full.
#[derive(Debug)]
pub struct LayoutCache {
    entries: HashMap<CacheKey, CacheEntry>,
    capacity: usize,
    clock: u64,
}

impl Default for LayoutCache {
    fn default() -> Self {
        LayoutCache::new(256)
    }
}

impl LayoutCache {
    /// A cache that keeps at most `capacity` laid-out texts (at least one).
    pub fn new(capacity: usize) -> LayoutCache {
        LayoutCache {
            entries: HashMap::new(),
            capacity: capacity.max(1),
            clock: 0,
        }
    }

    /// [`layout_text`], cached.
    pub fn text(&mut self, text: &str, opts: &LayoutOptions) -> Arc<[ScreenLine]> {
        self.get_or_insert(text, opts, true)
    }

    /// [`layout_paragraph`], cached.
    pub fn paragraph(&mut self, par: &str, opts: &LayoutOptions) -> Arc<[ScreenLine]> {
        self.get_or_insert(par, opts, false)
    }

    /// Number of cached layouts.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Forgets every cached layout.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    fn get_or_insert(
        &mut self,
        s: &str,
        opts: &LayoutOptions,
        whole_text: bool,
    ) -> Arc<[ScreenLine]> {
        let mut hasher = DefaultHasher::new();
        s.hash(&mut hasher);
        let key = CacheKey {
            hash: hasher.finish(),
            len: s.len(),
            opts: *opts,
            whole_text,
        };
        self.clock += 1;
        if let Some(entry) = self.entries.get_mut(&key) {
            entry.last_used = self.clock;
            return Arc::clone(&entry.lines);
        }
        let lines: Arc<[ScreenLine]> = if whole_text {
            layout_text(s, opts).into()
        } else {
            layout_paragraph(s, opts).into()
        };
        if self.entries.len() >= self.capacity {
            let oldest = self
                .entries
                .iter()
                .min_by_key(|(_, e)| e.last_used)
                .map(|(k, _)| *k);
            if let Some(oldest) = oldest {
                self.entries.remove(&oldest);
            }
        }
        self.entries.insert(
            key,
            CacheEntry {
                lines: Arc::clone(&lines),
                last_used: self.clock,
            },
        );
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            ..LayoutOptions::default()
        }
    }

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        let s = "a\u{1B}[31mb\u{1B}]0;title\u{07}c\u{1B}P junk\u{1B}\\d\u{7F}e\u{85}f\tg";
        let lines = layout_paragraph(s, &opts(20));
        assert_eq!(lines[0].text, "abcdef g");
        let lines = layout_paragraph("a\u{2029}b\nc", &opts(20));
        assert_eq!(lines[0].text, "a b c");
    }

    #[test]
    fn bidi_controls_steer_but_do_not_show() {
        let lines = layout_paragraph("\u{202B}abc\u{202C}", &opts(10));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "abc");
        assert!(
            lines[0]
                .cells
                .iter()
                .all(|c| c.logical >= 1 && c.logical <= 3)
        );
    }

    #[test]
    fn padded_right_aligns_rtl_only() {
        let rtl = layout_paragraph("سلام", &opts(10));
        assert_eq!(rtl[0].padded(10), "       \u{FEE1}\u{FEFC}\u{FEB3}");
        let ltr = layout_paragraph("hi", &opts(10));
        assert_eq!(ltr[0].padded(10), "hi");
    }

    #[test]
    fn cache_reuses_and_evicts() {
        let mut cache = LayoutCache::new(2);
        let a = cache.text("مرحبا", &opts(20));
        let again = cache.text("مرحبا", &opts(20));
        assert!(Arc::ptr_eq(&a, &again));
        cache.text("مرحبا", &opts(30));
        cache.paragraph("hello", &opts(20));
        assert_eq!(cache.len(), 2);
        let fresh = cache.text("مرحبا", &opts(20));
        assert!(!Arc::ptr_eq(&a, &fresh));
        assert_eq!(a, fresh);
    }

    #[test]
    fn single_line_truncates_with_ellipsis() {
        let line = single_line("hello world", 8, &LayoutOptions::default());
        assert_eq!(line.text, "hello w…");
        assert_eq!(line.width, 8);
        assert_eq!(line.cells.last().map(|c| c.logical), Some(7));
        let rtl = single_line("مرحبا بالعالم", 7, &LayoutOptions::default());
        // "مرحبا " fits with the ellipsis; the space before the cut is dropped.
        assert_eq!(rtl.width, 6);
        assert!(rtl.text.starts_with('…'), "{}", rtl.text);
    }
}
