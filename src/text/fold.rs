//! Arabic-aware folding: the key under which spellings of one word meet.
//!
//! Search and entity keys both need «أحمد» = «احمد», «القاهرةُ» =
//! «القاهره», «٢٠٢٣» = «2023» and presentation forms (as copied from a
//! terminal) equal to the letters they show.

use unicode_normalization::UnicodeNormalization;

/// Folds text for matching: NFKC (presentation forms and ligatures fold
/// back), harakat and tatweel removed, أ إ آ ٱ → ا, ة → ه, ى → ي, ؤ → و,
/// ئ → ي, Arabic-Indic and Persian digits → ASCII, Persian ک ی → ك ي,
/// Latin lowercased. Everything else is kept as it is.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.chars().all(nfkc_stable) {
        fold_into(&mut out, s.chars());
    } else {
        fold_into(&mut out, s.nfkc());
    }
    out
}

/// Appends the folded form of already NFKC-normalised characters.
fn fold_into(out: &mut String, chars: impl Iterator<Item = char>) {
    for c in chars {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_harakah(c) || c == '\u{640}' {
            continue;
        } else if let Some(f) = fold_char(c) {
            out.push(f);
        } else if ('\u{600}'..='\u{6ff}').contains(&c) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// True for characters that NFKC leaves alone whatever surrounds them
/// (given that harakat are dropped afterwards): ASCII, Latin-1 letters,
/// Arabic letters, digits and punctuation, harakat that never compose, and
/// common quotes and dashes. Text made only of these skips normalisation,
/// which is most news text and most of the cost of folding.
fn nfkc_stable(c: char) -> bool {
    c.is_ascii()
        || matches!(c,
            '\u{c0}'..='\u{ff}'
            | '\u{ab}'
            | '\u{bb}'
            | '\u{600}'..='\u{652}'
            | '\u{660}'..='\u{66d}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201c}'
            | '\u{201d}')
}

/// True for Arabic combining marks: harakat, tanwin, shadda, sukun, the
/// superscript alef and Quranic annotation marks.
pub fn is_harakah(c: char) -> bool {
    matches!(c,
        '\u{610}'..='\u{61a}'
        | '\u{64b}'..='\u{65f}'
        | '\u{670}'
        | '\u{6d6}'..='\u{6dc}'
        | '\u{6df}'..='\u{6e4}'
        | '\u{6e7}'
        | '\u{6e8}'
        | '\u{6ea}'..='\u{6ed}'
        | '\u{8d3}'..='\u{8e1}'
        | '\u{8e3}'..='\u{8ff}')
}

/// The folded form of one letter or digit, `None` when it stays as is.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ة' => 'ه',
        'ى' | 'ی' | 'ئ' | 'ې' => 'ي',
        'ؤ' => 'و',
        'ک' => 'ك',
        '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
        '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_alef_teh_marbuta_yeh_and_harakat() {
        assert_eq!(fold("أَحْمَد"), "احمد");
        assert_eq!(fold("إبراهيم"), "ابراهيم");
        assert_eq!(fold("القاهرةُ"), fold("القاهره"));
        assert_eq!(fold("مصطفى"), "مصطفي");
        assert_eq!(fold("ســـلام"), "سلام");
    }

    #[test]
    fn folds_digits_latin_and_presentation_forms() {
        assert_eq!(fold("٢٠٢٣ و۱۴۰۲"), "2023 و1402");
        assert_eq!(fold("BBC News"), "bbc news");
        // «سلام» as shaped presentation forms, as copied from a terminal.
        assert_eq!(fold("\u{feb3}\u{fefc}\u{fee1}"), "سلام");
    }

    #[test]
    fn fast_path_agrees_with_full_normalisation() {
        let samples = [
            "أَحْمَد «قال» — ٢٠٢٣ Café Ünal",
            "ا\u{654}حمد و\u{654}",
            "x\u{2026}y ﻻ ½ \u{a0}",
            "Ñandú ×÷ «»",
        ];
        for s in samples {
            let mut slow = String::new();
            fold_into(&mut slow, s.nfkc());
            assert_eq!(fold(s), slow, "{s}");
        }
        assert_eq!(fold("ا\u{654}حمد"), "احمد");
    }
}
