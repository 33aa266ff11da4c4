//! Search normalisation: the text the store puts in its full-text index and
//! the safe FTS5 expression built from what the user typed.
//!
//! Both sides go through [`fold`], so «أحمد» finds «احمد», «القاهرةُ» finds
//! «القاهره» and «٢٠٢٣» finds «2023». Arabic words written with attached
//! clitics (و ف conjunctions, ب ل ك prepositions, the article ال) are
//! indexed under the word as written *and* under their stripped stems, so
//! «بالقاهرة» is found by «القاهرة» and by «قاهرة», and «وبكين» by «بكين».
//! The query side only folds: stripping the user's own word could turn
//! «وزير» into «زير» and match unrelated words.

use std::borrow::Cow;

use unicode_normalization::char::decompose_canonical;

use crate::text::fold::fold;

/// At most this many tokens of a user query are used (a pasted paragraph
/// should not turn into a huge FTS5 expression).
const MAX_QUERY_TOKENS: usize = 16;

/// Shortest stem (in characters) kept after stripping clitics, so short
/// words like «ولد» are not indexed as meaningless two-letter stems.
const MIN_STEM_CHARS: usize = 3;

/// True for the characters words are made of (letters and digits), with a
/// fast answer for ASCII and Arabic letters.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{621}'..='\u{64a}').contains(&c) {
        true
    } else {
        c.is_alphanumeric()
    }
}

/// Splits already-folded text into words: runs of letters and digits.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// True when the word is written in Arabic letters (clitic stripping only
/// makes sense there).
fn is_arabic_word(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| ('\u{600}'..='\u{6ff}').contains(&c))
}

/// A Latin word without its accents («café» → «cafe», «Ünal» → «unal»),
/// so either spelling finds the other. Other scripts are left alone.
fn unaccent(w: &str) -> Cow<'_, str> {
    let accented = |c: char| ('\u{c0}'..='\u{24f}').contains(&c);
    if w.is_ascii() || is_arabic_word(w) || !w.chars().any(accented) {
        return Cow::Borrowed(w);
    }
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if accented(c) {
            let mut base = None;
            decompose_canonical(c, |d| {
                base.get_or_insert(d);
            });
            out.push(base.unwrap_or(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Collects the index terms of one word into a space-separated buffer,
/// skipping stems already written for this word.
struct TermWriter<'a> {
    out: &'a mut String,
    /// Byte ranges in `out` of the terms written for the current word.
    terms: Vec<(usize, usize)>,
}

impl TermWriter<'_> {
    /// Starts the terms of a new word.
    fn start_word(&mut self) {
        self.terms.clear();
    }

    /// Writes `prefix` + `stem` as a term unless it is too short (for a
    /// stem) or already written for this word.
    fn push(&mut self, prefix: &str, stem: &str, is_stem: bool) {
        if is_stem && prefix.chars().count() + stem.chars().count() < MIN_STEM_CHARS {
            return;
        }
        let len = prefix.len() + stem.len();
        let seen = self.terms.iter().any(|&(a, b)| {
            b - a == len && {
                let t = &self.out[a..b];
                t.starts_with(prefix) && &t[prefix.len()..] == stem
            }
        });
        if seen {
            return;
        }
        if !self.out.is_empty() {
            self.out.push(' ');
        }
        let start = self.out.len();
        self.out.push_str(prefix);
        self.out.push_str(stem);
        self.terms.push((start, self.out.len()));
    }

    /// The variants one folded word is indexed under: the word itself, then
    /// the stems left after removing a conjunction (و ف), a preposition
    /// (ب ل ك) and the article (ال, including «لل» = ل + ال).
    fn word(&mut self, word: &str) {
        self.start_word();
        self.push("", word, false);
        if !is_arabic_word(word) {
            return;
        }
        let conj = word.strip_prefix(['و', 'ف']);
        for w in std::iter::once(word).chain(conj) {
            self.push("", w, true);
            let prep = w.strip_prefix(['ب', 'ل', 'ك']);
            if let Some(rest) = prep {
                self.push("", rest, true);
            }
            if let Some(rest) = w.strip_prefix("لل") {
                // «للقاهرة» = ل + القاهرة: index «القاهره» and «قاهره».
                self.push("ال", rest, true);
                self.push("", rest, true);
            }
            for p in std::iter::once(w).chain(prep) {
                if let Some(rest) = p.strip_prefix("ال") {
                    self.push("", rest, true);
                }
            }
        }
    }
}

/// Every index term of `s`, in order: each folded word followed by its
/// clitic-stripped stems.
pub fn search_terms(s: &str) -> Vec<String> {
    index_text(s)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// The text to store in the full-text index for `s`: its search terms
/// separated by spaces.
pub fn index_text(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len() * 2);
    let mut writer = TermWriter {
        out: &mut out,
        terms: Vec::new(),
    };
    for w in words(&folded) {
        writer.word(&unaccent(w));
    }
    out
}

/// Builds a safe FTS5 MATCH expression from a user query: every word is
/// folded, quoted and made a prefix query (`"word"*`), and all of them must
/// match. Nothing the user types is passed through as FTS5 syntax (quotes,
/// `NEAR(`, `*`, `-`, `:`, `AND`/`OR` are just separators or words).
/// Returns `None` when the query contains no letter or digit.
pub fn fts_query(user_query: &str) -> Option<String> {
    let folded = fold(user_query);
    let parts: Vec<String> = words(&folded)
        .take(MAX_QUERY_TOKENS)
        .map(|w| format!("\"{}\"*", unaccent(w)))
        .collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(terms: &[String], t: &str) -> bool {
        terms.iter().any(|x| x == t)
    }

    #[test]
    fn strips_clitics_into_extra_terms() {
        let t = search_terms("بالقاهرة");
        assert!(has(&t, "بالقاهره"), "{t:?}");
        assert!(has(&t, "القاهره"), "{t:?}");
        assert!(has(&t, "قاهره"), "{t:?}");
        let t = search_terms("وبكين");
        assert!(has(&t, "بكين"), "{t:?}");
        let t = search_terms("للقاهرة");
        assert!(has(&t, "القاهره"), "{t:?}");
        let t = search_terms("ولد");
        assert!(!has(&t, "لد"), "{t:?}");
    }

    #[test]
    fn latin_words_are_only_folded_and_unaccented() {
        assert_eq!(search_terms("Bank Lebanon"), vec!["bank", "lebanon"]);
        assert_eq!(search_terms("Café Ünal ß"), vec!["cafe", "unal", "ß"]);
        assert_eq!(fts_query("CAFÉ"), Some("\"cafe\"*".into()));
    }

    #[test]
    fn query_is_quoted_and_prefixed() {
        assert_eq!(
            fts_query("أحمد  NEAR(x"),
            Some("\"احمد\"* \"near\"* \"x\"*".into())
        );
        assert_eq!(fts_query("\"*-:()"), None);
        assert_eq!(fts_query(""), None);
    }
}
