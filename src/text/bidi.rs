//! The bidi step of the layout: UAX #9 levels for a paragraph (rules P2–I2,
//! done by `unicode-bidi`), then per screen line L1 and the L2 reordering of
//! display units (grapheme clusters).
//!
//! It is public so that `tests/bidi_conformance.rs` runs exactly the code the
//! layout runs. L1 is done here on the line's own bytes (not with
//! `BidiInfo::reordered_levels`, which copies the whole paragraph's levels
//! for every line) and never panics.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, Level};

use crate::model::Direction;

/// One paragraph with its resolved embedding levels (before L1).
#[derive(Debug, Clone)]
pub struct ResolvedParagraph {
    /// The paragraph embedding level (0 = LTR, 1 = RTL).
    pub para_level: Level,
    /// The resolved level of every byte of the text.
    pub levels: Vec<Level>,
    /// The original bidi class of every byte of the text.
    classes: Vec<BidiClass>,
}

impl ResolvedParagraph {
    /// Resolves the levels of `text`, taken as one paragraph. `direction`
    /// forces the paragraph direction; `None` takes it from the first strong
    /// character (P2/P3), LTR when there is none.
    pub fn new(text: &str, direction: Option<Direction>) -> ResolvedParagraph {
        let forced = direction.map(|d| match d {
            Direction::Ltr => Level::ltr(),
            Direction::Rtl => Level::rtl(),
        });
        let info = BidiInfo::new(text, forced);
        let para_level = info
            .paragraphs
            .first()
            .map(|p| p.level)
            .or(forced)
            .unwrap_or_else(Level::ltr);
        ResolvedParagraph {
            para_level,
            levels: info.levels,
            classes: info.original_classes,
        }
    }

    /// True when the paragraph direction is right-to-left.
    pub fn is_rtl(&self) -> bool {
        self.para_level.is_rtl()
    }

    /// Rule L1 for one line (a byte range of `text`): the levels of the
    /// line's bytes, with segment/paragraph separators, the whitespace and
    /// isolate controls before them and at the end of the line reset to the
    /// paragraph level. Characters removed by X9 take the previous level.
    pub fn line_levels(&self, text: &str, line: Range<usize>) -> Vec<Level> {
        let start = line.start.min(self.levels.len());
        let end = line.end.clamp(start, self.levels.len());
        let mut out: Vec<Level> = self.levels[start..end].to_vec();
        let Some(slice) = text.get(start..end) else {
            return out;
        };
        let para = self.para_level;
        let mut reset_from: Option<usize> = Some(0);
        let mut prev_level = para;
        for (i, c) in slice.char_indices() {
            let len = c.len_utf8();
            let class = self.classes.get(start + i).copied().unwrap_or(BidiClass::L);
            let mut reset_to = None;
            match class {
                BidiClass::B | BidiClass::S => {
                    reset_to = Some(i + len);
                    reset_from.get_or_insert(i);
                }
                BidiClass::WS
                | BidiClass::FSI
                | BidiClass::LRI
                | BidiClass::RLI
                | BidiClass::PDI => {
                    reset_from.get_or_insert(i);
                }
                BidiClass::RLE
                | BidiClass::LRE
                | BidiClass::RLO
                | BidiClass::LRO
                | BidiClass::PDF
                | BidiClass::BN => {
                    reset_from.get_or_insert(i);
                    for level in out.iter_mut().skip(i).take(len) {
                        *level = prev_level;
                    }
                }
                _ => reset_from = None,
            }
            if let (Some(from), Some(to)) = (reset_from, reset_to) {
                for level in out.iter_mut().take(to).skip(from) {
                    *level = para;
                }
                reset_from = None;
            }
            prev_level = out.get(i).copied().unwrap_or(para);
        }
        if let Some(from) = reset_from {
            for level in out.iter_mut().skip(from) {
                *level = para;
            }
        }
        out
    }

    /// L1 + L2 for one line made of display units: `units` are consecutive
    /// byte ranges of `text` in logical order (one grapheme cluster each, so
    /// combining marks stay after their base: L3). Returns the unit indices in
    /// visual order, left to right, each with its level (the level of the
    /// unit's first character); odd levels need L4 mirroring.
    pub fn reorder_units(&self, text: &str, units: &[Range<usize>]) -> Vec<(usize, Level)> {
        let (Some(first), Some(last)) = (units.first(), units.last()) else {
            return Vec::new();
        };
        let line = first.start..last.end;
        let levels = self.line_levels(text, line.clone());
        let unit_levels: Vec<Level> = units
            .iter()
            .map(|u| {
                levels
                    .get(u.start.saturating_sub(line.start))
                    .copied()
                    .unwrap_or(self.para_level)
            })
            .collect();
        visual_order(&unit_levels)
            .into_iter()
            .map(|i| (i, unit_levels[i]))
            .collect()
    }
}

/// Rule L2: from the highest level down to the lowest odd level, reverse
/// every run at that level or higher. Returns logical indices in visual order.
pub fn visual_order(levels: &[Level]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(max) = levels.iter().map(|l| l.number()).max() else {
        return order;
    };
    let min_odd = levels
        .iter()
        .map(|l| l.number())
        .filter(|n| n % 2 == 1)
        .min();
    let Some(min_odd) = min_odd else {
        return order;
    };
    let mut level = max;
    while level >= min_odd {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]].number() >= level {
                let start = i;
                while i < order.len() && levels[order[i]].number() >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
    order
}
/// `s` as a first-strong bidi isolate (FSI … PDI): laid out in its own
/// direction inside a line, without reordering its neighbours. The layout
/// drops the two controls from what it prints.
pub fn isolate(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}
