//! Hostile suite, item 8 (layout part): proptest fuzzing of the bidi
//! layout with escape sequences and controls mixed into Arabic, Hebrew and
//! Latin text. (`cargo fuzz` needs a nightly toolchain, which this project's
//! machines do not have, so the fuzz targets are bounded proptest runs with
//! their failures kept in tests/hostile/proptest-regressions/.)
//!
//! Protection checked: the layout sanitises what it lays out
//! (`text::layout` calls `text::sanitize`): whatever the input, no screen
//! line holds ESC, C0 (other than none at all: lines have no '\n'), DEL or
//! C1, and in App mode no bidi control either; `render_plain` likewise.
//! Removing the sanitising step from the layout makes this fail at once.

mod hostile;

use std::sync::atomic::{AtomicUsize, Ordering};

use akhbar::model::DirectionSetting;
use akhbar::text::layout::{BidiMode, LayoutOptions, layout_text, render_plain, single_line};
use hostile::fuzz::{hostile_text, runner};
use hostile::hostile_chars;
use proptest::prelude::*;

#[test]
fn fuzz_layout_never_emits_controls() {
    let tried = AtomicUsize::new(0);
    let strategy = (
        hostile_text(60),
        1usize..120,
        prop::sample::select(vec![BidiMode::App, BidiMode::Terminal, BidiMode::Off]),
        prop::sample::select(vec![
            DirectionSetting::Auto,
            DirectionSetting::Rtl,
            DirectionSetting::Ltr,
        ]),
        any::<bool>(),
    );
    runner("hostile_fuzz_layout", 4000)
        .run(&strategy, |(text, width, mode, direction, keep_harakat)| {
            tried.fetch_add(1, Ordering::Relaxed);
            let opts = LayoutOptions {
                width,
                direction,
                mode,
                keep_harakat,
            };
            let bidi = mode == BidiMode::App;
            for line in layout_text(&text, &opts) {
                let bad = hostile_chars(&line.text, false, bidi);
                prop_assert!(
                    bad.is_empty(),
                    "layout line {:?} holds {:?}",
                    line.text,
                    bad
                );
                prop_assert!(!line.text.contains('\n'), "newline inside a screen line");
            }
            let one = single_line(&text, width, &opts);
            let bad = hostile_chars(&one.text, false, bidi);
            prop_assert!(bad.is_empty(), "single_line {:?} holds {:?}", one.text, bad);
            let plain = render_plain(&text, &opts);
            let bad = hostile_chars(&plain, false, bidi);
            prop_assert!(bad.is_empty(), "render_plain holds {:?}", bad);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    println!(
        "fuzz layout: {} hostile inputs laid out",
        tried.load(Ordering::Relaxed)
    );
}
