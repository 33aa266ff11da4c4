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

use crate::text::fold::fold;

/// At most this many tokens of a user query are used (a pasted paragraph
/// should not turn into a huge FTS5 expression).
const MAX_QUERY_TOKENS: usize = 16;

/// Shortest stem (in characters) kept after stripping clitics, so short
/// words like «ولد» are not indexed as meaningless two-letter stems.
const MIN_STEM_CHARS: usize = 3;

/// Splits already-folded text into words: runs of letters and digits.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// True when the word is written in Arabic letters (clitic stripping only
/// makes sense there).
fn is_arabic_word(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| ('\u{600}'..='\u{6ff}').contains(&c))
}

/// Pushes `stem` onto `out` when it is long enough and not already there.
fn push_stem(out: &mut Vec<String>, stem: &str) {
    if stem.chars().count() >= MIN_STEM_CHARS && !out.iter().any(|s| s == stem) {
        out.push(stem.to_string());
    }
}

/// The variants one folded word is indexed under: the word itself, then the
/// stems left after removing a conjunction (و ف), a preposition (ب ل ك)
/// and the article (ال, including «لل» = ل + ال).
fn variants(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if !is_arabic_word(word) {
        return out;
    }
    let mut after_conj = vec![word];
    if let Some(rest) = word.strip_prefix(['و', 'ف']) {
        after_conj.push(rest);
    }
    for w in after_conj {
        push_stem(&mut out, w);
        let mut after_prep = vec![w];
        if let Some(rest) = w.strip_prefix(['ب', 'ل', 'ك']) {
            push_stem(&mut out, rest);
            after_prep.push(rest);
        }
        if let Some(rest) = w.strip_prefix("لل") {
            // «للقاهرة» = ل + القاهرة: index «القاهره» and «قاهره».
            push_stem(&mut out, &format!("ال{rest}"));
            push_stem(&mut out, rest);
        }
        for p in after_prep {
            if let Some(rest) = p.strip_prefix("ال") {
                push_stem(&mut out, rest);
            }
        }
    }
    out
}

/// Every index term of `s`, in order: each folded word followed by its
/// clitic-stripped stems.
pub fn search_terms(s: &str) -> Vec<String> {
    let folded = fold(s);
    words(&folded).flat_map(variants).collect()
}

/// The text to store in the full-text index for `s`: its search terms
/// separated by spaces.
pub fn index_text(s: &str) -> String {
    search_terms(s).join(" ")
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
        .map(|w| format!("\"{w}\"*"))
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
    fn latin_words_are_only_folded() {
        assert_eq!(search_terms("Bank Lebanon"), vec!["bank", "lebanon"]);
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
