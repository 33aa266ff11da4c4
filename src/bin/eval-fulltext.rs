//! `eval-fulltext [-v] [DIR...]`: measures the full-text extractor on pages
//! with known answers (default: `tests/fixtures/pages` and, when present,
//! `demo/pages`), printing per page and overall the share of expected
//! paragraphs recovered and of boilerplate lines leaked.

use std::path::PathBuf;

use akhbar::fulltext::eval::{PageScore, Totals, pages_in, score_page};

fn main() -> anyhow::Result<()> {
    let mut verbose = false;
    let mut dirs: Vec<PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "-v" || arg == "--verbose" {
            verbose = true;
        } else {
            dirs.push(PathBuf::from(arg));
        }
    }
    if dirs.is_empty() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        dirs.push(root.join("tests/fixtures/pages"));
        dirs.push(root.join("demo/pages"));
    }
    let mut scores: Vec<PageScore> = Vec::new();
    for dir in &dirs {
        for page in pages_in(dir) {
            let score =
                score_page(&page).map_err(|e| anyhow::anyhow!("{}: {e}", page.display()))?;
            scores.push(score);
        }
    }
    if scores.is_empty() {
        anyhow::bail!("no pages with .expected.txt found");
    }
    println!(
        "{:<28} {:>10} {:>9} {:>10} {:>8}  title",
        "page", "recovered", "%", "leaked", "%"
    );
    for s in &scores {
        let t = Totals::of(std::slice::from_ref(s));
        println!(
            "{:<28} {:>4}/{:<5} {:>8.1}% {:>4}/{:<5} {:>7.1}%  {}",
            s.name,
            s.recovered,
            s.expected,
            100.0 * t.recovered_share(),
            s.leaked,
            s.boiler,
            100.0 * t.leaked_share(),
            if s.title_ok { "ok" } else { "WRONG" }
        );
        if let Some(e) = &s.error {
            println!("    error: {e}");
        }
        if verbose {
            for m in &s.missing {
                println!("    missing: {m}");
            }
            for l in &s.leaked_lines {
                println!("    leaked:  {l}");
            }
        }
    }
    let t = Totals::of(&scores);
    println!(
        "{:<28} {:>4}/{:<5} {:>8.1}% {:>4}/{:<5} {:>7.1}%  {}/{} titles",
        format!("TOTAL ({} pages)", t.pages),
        t.recovered,
        t.expected,
        100.0 * t.recovered_share(),
        t.leaked,
        t.boiler,
        100.0 * t.leaked_share(),
        t.titles_ok,
        t.pages
    );
    Ok(())
}
