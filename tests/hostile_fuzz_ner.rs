//! Hostile suite, item 8 (entity part): proptest fuzzing of entity
//! extraction (`intel::ner::Extractor::extract`) on hostile text: escape
//! sequences, controls, bidi controls, harakat, tatweel, mixed scripts,
//! emoji, mixed with real Arabic and English names. Failures are kept in
//! tests/hostile/proptest-regressions/.
//!
//! Properties (the protections): no panic on any input, raw or sanitised;
//! on text as the pipeline gives it (after `strip_controls` at ingest)
//! every entity has a non-empty key, a count ≥ 1, and neither its key nor
//! its display name holds ESC, C0, DEL or C1 (entity names are shown in
//! the reader's entity pane and in `show --json`).

mod hostile;

use std::sync::atomic::{AtomicUsize, Ordering};

use akhbar::intel::ner::Extractor;
use akhbar::text::sanitize::strip_controls;
use hostile::fuzz::{hostile_text, runner};
use hostile::hostile_chars;
use proptest::prelude::*;

const NAMES: &[&str] = &[
    "محمد بن سلمان",
    "القاهرة",
    "جامعة الدول العربية",
    "Barack Obama",
    "the United Nations",
    "New York",
    "قال الرئيس عبد الفتاح السيسي في",
    "وزير الخارجية الأمريكي أنتوني بلينكن",
    "in Dubai on Monday",
    "مُحَمَّد",
    "بيـــروت",
];

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            2 => prop::sample::select(NAMES).prop_map(str::to_owned),
            3 => hostile_text(6),
        ],
        0..30,
    )
    .prop_map(|v| v.join(" "))
}

#[test]
fn fuzz_entity_extraction() {
    let tried = AtomicUsize::new(0);
    let found = AtomicUsize::new(0);
    let extractor = Extractor::global();
    runner("hostile_fuzz_ner", 600)
        .run(&(article_text(), article_text()), |(title, text)| {
            tried.fetch_add(1, Ordering::Relaxed);
            // Raw hostile input: must not panic.
            let _ = extractor.extract(&title, &text);
            let entities = extractor.extract(&strip_controls(&title), &strip_controls(&text));
            found.fetch_add(entities.len(), Ordering::Relaxed);
            for e in &entities {
                prop_assert!(!e.key.trim().is_empty(), "empty key in {:?}", e);
                prop_assert!(e.count >= 1, "zero count in {:?}", e);
                for s in [&e.key, &e.display] {
                    let bad = hostile_chars(s, false, false);
                    prop_assert!(bad.is_empty(), "entity {:?} holds {:?}", e, bad);
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    println!(
        "fuzz entity extraction: {} hostile articles, {} entities checked",
        tried.load(Ordering::Relaxed),
        found.load(Ordering::Relaxed)
    );
}
