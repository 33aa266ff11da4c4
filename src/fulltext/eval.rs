//! Measuring the extractor on pages with known answers.
//!
//! A page `NAME.html` comes with `NAME.expected.txt` (the headline on the
//! first line, then the article's paragraphs, one per line) and, optionally,
//! `NAME.boiler.txt` (lines of boilerplate that must not reach the text).
//! Used by the `eval-fulltext` command and by the evaluation test, so the
//! figures printed and the floors asserted come from the same code.

use std::path::{Path, PathBuf};

use crate::fulltext::extract::{extract_article, match_key};

/// The score of one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageScore {
    /// File stem of the page.
    pub name: String,
    /// Expected paragraphs (title excluded).
    pub expected: usize,
    /// Expected paragraphs found in the extracted text.
    pub recovered: usize,
    /// Boilerplate lines listed for the page.
    pub boiler: usize,
    /// Boilerplate lines found in the extracted text.
    pub leaked: usize,
    /// Whether the extracted title equals the expected one.
    pub title_ok: bool,
    /// The expected paragraphs that were not found.
    pub missing: Vec<String>,
    /// The boilerplate lines that leaked.
    pub leaked_lines: Vec<String>,
    /// The extraction error, when extraction failed.
    pub error: Option<String>,
}

/// Totals over several pages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    /// Pages scored.
    pub pages: usize,
    /// Expected paragraphs over all pages.
    pub expected: usize,
    /// Recovered paragraphs over all pages.
    pub recovered: usize,
    /// Boilerplate lines over all pages.
    pub boiler: usize,
    /// Leaked boilerplate lines over all pages.
    pub leaked: usize,
    /// Pages whose title was right.
    pub titles_ok: usize,
}

impl Totals {
    /// Sums page scores.
    pub fn of(scores: &[PageScore]) -> Totals {
        let mut t = Totals::default();
        for s in scores {
            t.pages += 1;
            t.expected += s.expected;
            t.recovered += s.recovered;
            t.boiler += s.boiler;
            t.leaked += s.leaked;
            t.titles_ok += usize::from(s.title_ok);
        }
        t
    }

    /// Share of expected paragraphs recovered (1.0 when none expected).
    pub fn recovered_share(&self) -> f64 {
        share(self.recovered, self.expected, 1.0)
    }

    /// Share of boilerplate lines leaked (0.0 when none listed).
    pub fn leaked_share(&self) -> f64 {
        share(self.leaked, self.boiler, 0.0)
    }
}

/// `part / whole`, or `empty` when `whole` is zero.
fn share(part: usize, whole: usize, empty: f64) -> f64 {
    if whole == 0 {
        empty
    } else {
        part as f64 / whole as f64
    }
}

/// The pages (`*.html` with a `.expected.txt` next to them) of a
/// directory, sorted by name; empty when the directory does not exist.
pub fn pages_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut pages: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter(|p| p.with_extension("expected.txt").is_file())
        .collect();
    pages.sort();
    pages
}

/// Scores one page file against its expected and boilerplate files.
pub fn score_page(page: &Path) -> std::io::Result<PageScore> {
    let bytes = std::fs::read(page)?;
    let expected_raw = std::fs::read_to_string(page.with_extension("expected.txt"))?;
    let boiler_raw = std::fs::read_to_string(page.with_extension("boiler.txt")).unwrap_or_default();
    let name = page
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let html = crate::poll::charset::decode_html(&bytes, None);
    let url = format!("https://pages.example/{name}");
    let mut lines = expected_raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or("");
    let paragraphs: Vec<&str> = lines.collect();
    let boiler: Vec<&str> = boiler_raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();

    let (text_key, got_title, error) = match extract_article(&html, Some(&url)) {
        Ok(x) => (match_key(&strip_link_markers(&x.text)), x.title, None),
        Err(e) => (String::new(), None, Some(e.to_string())),
    };
    let found = |line: &str| {
        let key = match_key(line);
        !key.is_empty() && text_key.contains(&key)
    };
    let missing: Vec<String> = paragraphs
        .iter()
        .filter(|p| !found(p))
        .map(|p| p.to_string())
        .collect();
    let leaked_lines: Vec<String> = boiler
        .iter()
        .filter(|b| found(b))
        .map(|b| b.to_string())
        .collect();
    Ok(PageScore {
        name,
        expected: paragraphs.len(),
        recovered: paragraphs.len() - missing.len(),
        boiler: boiler.len(),
        leaked: leaked_lines.len(),
        title_ok: got_title.is_some_and(|t| match_key(&t) == match_key(title)),
        missing,
        leaked_lines,
        error,
    })
}

/// Removes the numbered-link markers (`text[3]`) and the trailing link
/// list (`[3] URL` lines) from clean text.
fn strip_link_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with('[')
            && t[1..]
                .split_once(']')
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        {
            continue;
        }
        let mut rest = line;
        while let Some(open) = rest.find('[') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.split_once(']') {
                Some((n, tail)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                    rest = tail;
                }
                _ => {
                    out.push('[');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_markers_and_link_list_are_removed() {
        let text = "The mayor[1] spoke [at length].\n\n[1] https://a.example/m\n";
        assert_eq!(strip_link_markers(text), "The mayor spoke [at length].\n\n");
    }

    #[test]
    fn shares_handle_empty_totals() {
        let t = Totals::default();
        assert_eq!(t.recovered_share(), 1.0);
        assert_eq!(t.leaked_share(), 0.0);
    }
}
