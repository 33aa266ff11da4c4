//! The extractor's quality on the fixture pages (and the demo pages when
//! present) stays above floors just under what it reaches today.

use std::path::PathBuf;

use akhbar::fulltext::eval::{PageScore, Totals, pages_in, score_page};

fn scores(dir: &str) -> Vec<PageScore> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    pages_in(&root.join(dir))
        .iter()
        .map(|p| score_page(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

#[test]
fn fixture_pages_are_extracted_with_little_boilerplate() {
    let scores = scores("tests/fixtures/pages");
    assert!(
        scores.len() >= 9,
        "only {} fixture pages found",
        scores.len()
    );
    for s in &scores {
        assert!(s.error.is_none(), "{}: {:?}", s.name, s.error);
        let t = Totals::of(std::slice::from_ref(s));
        assert!(
            t.recovered_share() >= 0.85,
            "{}: missing {:?}",
            s.name,
            s.missing
        );
        assert!(
            t.leaked_share() <= 0.15,
            "{}: leaked {:?}",
            s.name,
            s.leaked_lines
        );
    }
    let t = Totals::of(&scores);
    assert!(
        t.recovered_share() >= 0.97,
        "recovered {:.3}",
        t.recovered_share()
    );
    assert!(t.leaked_share() <= 0.02, "leaked {:.3}", t.leaked_share());
    assert!(
        t.titles_ok + 1 >= t.pages,
        "titles right: {}/{}",
        t.titles_ok,
        t.pages
    );
}

#[test]
fn demo_pages_are_extracted_when_present() {
    let scores = scores("demo/pages");
    let t = Totals::of(&scores);
    assert!(
        t.recovered_share() >= 0.95,
        "recovered {:.3}",
        t.recovered_share()
    );
    assert!(t.leaked_share() <= 0.02, "leaked {:.3}", t.leaked_share());
}
