//! Exact screen cells for hand-written cases, and properties that must hold
//! for any input (proptest): no panic, every grapheme shown once, no line
//! wider than the screen.

use akhbar::model::{Direction, DirectionSetting};
use akhbar::text::direction::detect_direction;
use akhbar::text::layout::{
    BidiMode, LayoutCache, LayoutOptions, layout_paragraph, layout_text, render_plain, single_line,
};
use akhbar::text::sanitize::{is_bidi_control, strip_controls};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fn opts(width: usize) -> LayoutOptions {
    LayoutOptions {
        width,
        ..LayoutOptions::default()
    }
}

/// The lines as printed at `width` (RTL right-aligned).
fn screen(par: &str, width: usize) -> Vec<String> {
    layout_paragraph(par, &opts(width))
        .iter()
        .map(|l| l.padded(width))
        .collect()
}

const PUTIN: &str = "قال بوتين إنه \"سعيد جداً\" للقاء كيم في 2023 (Vostochny)";

#[test]
fn worked_example_at_60_matches_the_doc() {
    // docs/rtl-in-terminals.md, cell for cell (6 spaces of right alignment).
    assert_eq!(
        screen(PUTIN, 60),
        ["      (Vostochny) 2023 ﻲﻓ ﻢﻴﻛ ﺀﺎﻘﻠﻟ \"ﺍًﺪﺟ ﺪﻴﻌﺳ\" ﻪﻧﺇ ﻦﻴﺗﻮﺑ ﻝﺎﻗ"]
    );
    let lines = layout_paragraph(PUTIN, &opts(60));
    let line = &lines[0];
    assert!(line.rtl);
    assert_eq!(line.width, 54);
    // The leftmost cell shows the logical last grapheme (")" mirrored to
    // "("); the rightmost is the first letter ق.
    let count = PUTIN.graphemes(true).count();
    assert_eq!(line.cells.first().map(|c| c.logical), Some(count - 1));
    assert_eq!(&line.text[line.cells[0].bytes.clone()], "(");
    assert_eq!(line.cells.last().map(|c| c.logical), Some(0));
    // The fathatan stays in the alef's cell, after it.
    let alef = line
        .cells
        .iter()
        .find(|c| line.text[c.bytes.clone()].contains('\u{064B}'))
        .map(|c| &line.text[c.bytes.clone()]);
    assert_eq!(alef, Some("\u{FE8D}\u{064B}"));
}

#[test]
fn worked_example_at_26_wraps_before_reordering() {
    // Bidi runs on the whole paragraph: "(Vostochny)" alone on the last line
    // keeps the paragraph's RTL direction and its mirrored brackets.
    assert_eq!(
        screen(PUTIN, 26),
        [
            "  \"ﺍًﺪﺟ ﺪﻴﻌﺳ\" ﻪﻧﺇ ﻦﻴﺗﻮﺑ ﻝﺎﻗ",
            "         2023 ﻲﻓ ﻢﻴﻛ ﺀﺎﻘﻠﻟ",
            "               (Vostochny)",
        ]
    );
}

#[test]
fn persian_with_zwnj() {
    // می‌خواهم: the ZWNJ keeps ی final and م... initial apart, and stays
    // (zero width) in the yeh's cell.
    assert_eq!(screen("می‌خواهم بروم", 20), ["        ﻡﻭﺮﺑ ﻢﻫﺍﻮﺧﯽ\u{200C}ﻣ"]);
    let lines = layout_paragraph("می‌خواهم", &opts(20));
    assert_eq!(lines[0].width, 7);
}

#[test]
fn hebrew_with_niqqud_keeps_marks_after_their_base() {
    assert_eq!(screen("שָׁלוֹם עוֹלָם", 20), ["           םלָוֹע םוֹלשָׁ"]);
    let line = &layout_paragraph("שָׁלוֹם", &opts(20))[0];
    // ש with shin dot and qamats is one cell, logical grapheme 0, rightmost.
    let last = line
        .cells
        .last()
        .map(|c| (&line.text[c.bytes.clone()], c.logical, c.width));
    assert_eq!(last, Some(("שָׁ", 0, 1)));
}

#[test]
fn numbers_keep_their_digit_order() {
    assert_eq!(
        screen("في عام 2023 و٢٠٢٣ بين 10-20 بنسبة 50%", 60),
        ["                       %50 ﺔﺒﺴﻨﺑ 20-10 ﻦﻴﺑ ٢٠٢٣ﻭ 2023 ﻡﺎﻋ ﻲﻓ"]
    );
}

#[test]
fn url_inside_arabic_stays_left_to_right() {
    assert_eq!(
        screen("زوروا الموقع https://example.com/a?b=1 اليوم", 60),
        ["                ﻡﻮﻴﻟﺍ https://example.com/a?b=1 ﻊﻗﻮﻤﻟﺍ ﺍﻭﺭﻭﺯ"]
    );
}

#[test]
fn english_sentence_with_one_arabic_name() {
    let lines = layout_paragraph("Yesterday the minister محمد spoke in Paris.", &opts(60));
    assert!(!lines[0].rtl);
    assert_eq!(
        lines[0].padded(60),
        "Yesterday the minister ﺪﻤﺤﻣ spoke in Paris."
    );
}

#[test]
fn brackets_and_guillemets_are_mirrored_quotes_are_not() {
    assert_eq!(
        screen("قال (مرة) «نعم» [هنا]", 40),
        ["                   [ﺎﻨﻫ] «ﻢﻌﻧ» (ﺓﺮﻣ) ﻝﺎﻗ"]
    );
}

#[test]
fn final_punctuation_lands_at_the_far_left() {
    assert_eq!(screen("هل وصلت؟!", 20), ["           !؟ﺖﻠﺻﻭ ﻞﻫ"]);
}

#[test]
fn word_wider_than_the_width_is_cut_by_cells() {
    // Shaped as one word (ط stays initial after ة), then cut every 5 cells.
    assert_eq!(screen("كلمةطويلةجداجدا", 5), ["ﻃﺔﻤﻠﻛ", "ﺟﺔﻠﻳﻮ", "ﺍﺪﺟﺍﺪ"]);
}

#[test]
fn cjk_and_emoji_take_two_cells_and_never_overflow() {
    let lines = layout_paragraph("中文 😀 日本", &opts(4));
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["中文", "😀", "日本"]);
    assert_eq!(lines[1].width, 2);
    // A 2-cell character on a 1-cell screen is replaced, not overflowed.
    let narrow = layout_paragraph("中", &opts(1));
    assert_eq!(narrow[0].text, "?");
    assert_eq!(narrow[0].width, 1);
}

#[test]
fn lam_alef_is_one_cell_mapped_to_the_lam() {
    let line = &layout_paragraph("لا", &opts(10))[0];
    assert_eq!(line.text, "\u{FEFB}");
    assert_eq!(line.cells.len(), 1);
    assert_eq!((line.cells[0].logical, line.cells[0].width), (0, 1));
}

#[test]
fn harakat_can_be_dropped() {
    let o = LayoutOptions {
        keep_harakat: false,
        ..opts(20)
    };
    let line = &layout_paragraph("كَتَبَ", &o)[0];
    assert_eq!(line.text, "ﺐﺘﻛ");
    assert_eq!(line.width, 3);
}

#[test]
fn forced_direction_overrides_detection() {
    // A headline that starts with a Latin brand name is still Arabic.
    let o = LayoutOptions {
        direction: DirectionSetting::Rtl,
        ..opts(20)
    };
    let line = &layout_paragraph("BBC عربي", &o)[0];
    assert!(line.rtl);
    assert_eq!(line.padded(20), "            ﻲﺑﺮﻋ BBC");
    let auto = &layout_paragraph("BBC عربي", &opts(20))[0];
    assert!(!auto.rtl);
    assert_eq!(auto.padded(20), "BBC ﻲﺑﺮﻋ");
}

#[test]
fn terminal_and_off_modes_keep_logical_order_unshaped() {
    for mode in [BidiMode::Terminal, BidiMode::Off] {
        let o = LayoutOptions { mode, ..opts(8) };
        let lines = layout_paragraph("مرحبا بالعالم (1)", &o);
        let texts: Vec<String> = lines.iter().map(|l| l.padded(8)).collect();
        assert_eq!(texts, ["مرحبا", "بالعالم", "(1)"], "{mode:?}");
        assert!(lines.iter().all(|l| !l.rtl));
    }
}

#[test]
fn bidi_mode_serde_is_lowercase_and_defaults_to_app() {
    assert_eq!(BidiMode::default(), BidiMode::App);
    #[derive(serde::Deserialize)]
    struct Wrap {
        mode: BidiMode,
    }
    let w: Wrap = toml::from_str("mode = \"terminal\"").expect("valid toml");
    assert_eq!(w.mode, BidiMode::Terminal);
    assert_eq!(
        serde_json::to_string(&BidiMode::Off).ok().as_deref(),
        Some("\"off\"")
    );
}

#[test]
fn layout_text_and_render_plain() {
    let text = "مرحبا\n\nhello  \n";
    let lines = layout_text(text, &opts(10));
    assert_eq!(lines.len(), 4);
    assert!(lines[1].text.is_empty());
    assert_eq!(render_plain(text, &opts(10)), "     ﺎﺒﺣﺮﻣ\n\nhello\n");
}

#[test]
fn single_line_cuts_in_logical_order() {
    let line = single_line("عاجل: انفجار في الميناء", 12, &LayoutOptions::default());
    assert!(line.rtl);
    assert!(line.width <= 12);
    // The ellipsis is at the logical end: on the left of an RTL title. The
    // cut word is shaped as it is shown (its last alef final).
    assert_eq!(line.text, "…ﺎﺠﻔﻧﺍ :ﻞﺟﺎﻋ");
    let short = single_line("قصير", 12, &LayoutOptions::default());
    assert_eq!(short.text, "ﺮﻴﺼﻗ");
}

#[test]
fn nothing_that_moves_the_cursor_is_emitted() {
    let par =
        "عنوان\u{1B}[2J\u{1B}[H\u{1B}]52;c;ZXZpbA==\u{07} \u{202E}مقلوب\u{202C}\r\u{8}\u{9B}31m";
    for mode in [BidiMode::App, BidiMode::Terminal, BidiMode::Off] {
        let o = LayoutOptions { mode, ..opts(40) };
        for line in layout_paragraph(par, &o) {
            assert!(
                !line
                    .text
                    .chars()
                    .any(|c| c.is_control() || is_bidi_control(c)),
                "{mode:?}: {:?}",
                line.text
            );
        }
    }
}

#[test]
fn cache_returns_the_same_layout() {
    let mut cache = LayoutCache::new(8);
    let first = cache.text(PUTIN, &opts(26));
    let second = cache.text(PUTIN, &opts(26));
    assert!(std::sync::Arc::ptr_eq(&first, &second));
    assert_eq!(first.to_vec(), layout_text(PUTIN, &opts(26)));
    let wider = cache.text(PUTIN, &opts(60));
    assert_eq!(wider.len(), 1);
}

/// Characters the property tests draw from: Arabic, Persian, Hebrew, marks,
/// joiners, bidi controls, digits, brackets, spaces, controls, wide
/// characters, and anything at all.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('\u{0600}', '\u{06FF}'),
        1 => prop::char::range('\u{0750}', '\u{077F}'),
        1 => prop::char::range('\u{08A0}', '\u{08FF}'),
        1 => prop::char::range('\u{FB50}', '\u{FEFF}'),
        2 => prop::char::range('\u{05B0}', '\u{05EA}'),
        3 => prop::sample::select(vec![
            ' ', ' ', ' ', '\u{A0}', '\t', '\n', '\r', '\u{1B}', '[', ']', '(', ')', '«', '»', '"',
            '-', '%', '.', '!', '1', '2', '٣', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}',
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{061C}', '\u{2029}', '\u{0640}', '\u{0644}', '\u{0627}',
            '\u{064E}', '\u{0301}', '中', '😀', '\u{FE0F}', '\u{85}', '\u{9B}', '\u{7F}',
        ]),
        2 => prop::char::range('a', 'z'),
        2 => any::<char>(),
    ]
}

fn check_paragraph(par: &str, o: &LayoutOptions) -> Result<(), TestCaseError> {
    let lines = layout_paragraph(par, o);
    prop_assert!(!lines.is_empty());
    if o.mode == BidiMode::App && o.direction == DirectionSetting::Auto {
        let rtl = detect_direction(&strip_controls(par)) == Some(Direction::Rtl);
        prop_assert!(lines.iter().all(|l| l.rtl == rtl), "direction of {:?}", par);
    }
    let clean = strip_controls(par);
    let graphemes: Vec<&str> = clean.graphemes(true).collect();
    let mut seen = vec![0usize; graphemes.len()];
    for line in &lines {
        prop_assert!(
            line.width <= o.width,
            "line {:?} wider than {}",
            line.text,
            o.width
        );
        prop_assert_eq!(
            line.width,
            line.cells.iter().map(|c| c.width).sum::<usize>()
        );
        prop_assert!(
            !line
                .text
                .chars()
                .any(|c| c.is_control() || is_bidi_control(c))
        );
        let mut end = 0;
        for cell in &line.cells {
            prop_assert_eq!(cell.bytes.start, end);
            end = cell.bytes.end;
            let s = &line.text[cell.bytes.clone()];
            prop_assert!(s == "?" || s.width() == cell.width, "cell {:?}", s);
            prop_assert!(cell.logical < graphemes.len());
            seen[cell.logical] += 1;
        }
        prop_assert_eq!(end, line.text.len());
    }
    for (i, g) in graphemes.iter().enumerate() {
        prop_assert!(
            seen[i] <= 1,
            "grapheme {} {:?} shown {} times",
            i,
            g,
            seen[i]
        );
        if seen[i] == 0 {
            // Allowed to vanish: spaces at a break or at the paragraph ends,
            // bidi controls, and (App mode) an alef merged into a lam-alef.
            let space = g
                .chars()
                .all(|c| c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}'));
            let control = g.chars().all(is_bidi_control);
            let alef = o.mode == BidiMode::App
                && g.starts_with(['\u{0622}', '\u{0623}', '\u{0625}', '\u{0627}']);
            prop_assert!(space || control || alef, "grapheme {} {:?} lost", i, g);
        }
    }
    Ok(())
}

/// A case the property test found: a bidi control between lam and alef
/// left the alef's mark a cell of the lam's grapheme of its own, so the
/// lam showed twice at width 1.
#[test]
fn a_control_inside_a_lam_alef_shows_the_lam_once() {
    let o = LayoutOptions {
        width: 1,
        direction: DirectionSetting::Auto,
        mode: BidiMode::App,
        keep_harakat: true,
    };
    if let Err(e) = check_paragraph("ل\u{200E}آ\u{0610}", &o) {
        panic!("{e}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_paragraph_lays_out_without_loss(
        chars in prop::collection::vec(interesting_char(), 0..80),
        width in 1usize..200,
        mode in prop::sample::select(vec![BidiMode::App, BidiMode::Terminal, BidiMode::Off]),
        direction in prop::sample::select(vec![DirectionSetting::Auto, DirectionSetting::Rtl, DirectionSetting::Ltr]),
    ) {
        let par: String = chars.into_iter().collect();
        let o = LayoutOptions { width, direction, mode, keep_harakat: true };
        check_paragraph(&par, &o)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(s in any::<String>(), width in 0usize..200, keep in any::<bool>()) {
        let o = LayoutOptions { width, keep_harakat: keep, ..LayoutOptions::default() };
        let text = layout_text(&s, &o);
        prop_assert!(!text.is_empty());
        let line = single_line(&s, width, &o);
        prop_assert!(line.width <= width);
        let plain = render_plain(&s, &o);
        prop_assert!(plain.lines().all(|l| !l.ends_with(' ')));
    }

    #[test]
    fn narrow_widths_with_wide_text(s in "[\u{0621}-\u{064A} 中😀a-z\u{064B}-\u{0652}]{0,40}", width in 1usize..6) {
        check_paragraph(&s, &opts(width))?;
    }
}
