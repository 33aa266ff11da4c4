//! Splitting news text into sentences and tokens the way ANERcorp and
//! wikigold are tokenised: punctuation apart from words, clitics attached.

use crate::text::fold::is_harakah;

/// The script a sentence is tagged with; picks the CRF model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Arabic script (Arabic model).
    Arabic,
    /// Latin script (English model).
    English,
    /// A language with no model here: Hebrew, Persian (Arabic script with
    /// Persian letters), Cyrillic, Greek, CJK... The Arabic and English
    /// models tag nearly every word of such text as a name, so only
    /// gazetteer names are found in it.
    Other,
}

/// Letters of Persian (and Urdu) that Arabic does not use: پ چ ژ گ, and
/// the Persian forms of kāf and yāʾ (ک ی) and ۀ.
fn is_persian_letter(c: char) -> bool {
    matches!(
        c,
        '\u{67e}' | '\u{686}' | '\u{698}' | '\u{6af}' | '\u{6a9}' | '\u{6cc}' | '\u{6c0}'
    )
}

/// True for a letter of the Latin script.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') && c.is_alphabetic())
}

/// Longest sentence handed to the tagger; longer runs are cut so one
/// pathological paragraph cannot make tagging quadratic in memory.
const MAX_SENTENCE: usize = 120;

/// True for a letter of the Arabic script blocks.
pub fn is_arabic_char(c: char) -> bool {
    matches!(c, '\u{600}'..='\u{6ff}' | '\u{750}'..='\u{77f}' | '\u{8a0}'..='\u{8ff}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// True for a letter of the Hebrew alphabet (points and cantillation
/// marks excluded).
pub fn is_hebrew_char(c: char) -> bool {
    ('\u{5d0}'..='\u{5ea}').contains(&c)
}

/// `char::is_alphabetic` with a fast path for ASCII and the Arabic
/// letters (the Unicode table lookup is slow for non-ASCII).
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if matches!(c, '\u{621}'..='\u{64a}') {
        true
    } else {
        c.is_alphabetic()
    }
}

/// True for a web or e-mail address: never part of a name, and a CRF
/// span that runs into one is not trusted.
pub fn is_address(token: &str) -> bool {
    token.contains("://")
        || token.starts_with("www.")
        || (token.contains('@') && token.contains('.'))
}

/// True for a word written in a script other than Latin (Arabic, CJK,
/// Hebrew...): the English model has never seen one inside a name.
pub fn is_non_latin_word(token: &str) -> bool {
    token.chars().any(is_letter) && !token.chars().any(is_latin_letter)
}

/// True for characters that form tokens of their own.
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_alphanumeric();
    }
    !is_letter(c) && !c.is_numeric() && !is_harakah(c) && c != '\u{640}'
}

/// Splits one whitespace-separated chunk into tokens: leading and trailing
/// punctuation become single-character tokens; abbreviations such as
/// `U.S.` or `Mr.` keep their dot; an English `'s` is split off.
fn split_chunk<'a>(chunk: &'a str, out: &mut Vec<&'a str>) {
    let mut start = 0;
    for (i, c) in chunk.char_indices() {
        if is_punct(c) {
            out.push(&chunk[i..i + c.len_utf8()]);
            start = i + c.len_utf8();
        } else {
            break;
        }
    }
    let rest = &chunk[start..];
    if rest.is_empty() {
        return;
    }
    let mut end = rest.len();
    let mut trailing = Vec::new();
    for (i, c) in rest.char_indices().rev() {
        if !is_punct(c) {
            break;
        }
        if c == '.' && i + 1 == end && keeps_dot(&rest[..i]) {
            break;
        }
        trailing.push(&rest[i..end]);
        end = i;
    }
    let core = &rest[..end];
    let (word, poss) = match core.strip_suffix("'s").or_else(|| core.strip_suffix("’s")) {
        Some(w) if !w.is_empty() => (w, Some(&core[w.len()..])),
        _ => (core, None),
    };
    match split_locating(word) {
        Some((place, suffix)) => {
            out.push(place);
            out.push(&suffix[..1]);
            out.push(&suffix[1..]);
        }
        None => match split_place_pair(word) {
            Some((first, second)) => {
                split_inner_marks(first, out);
                out.push(&word[first.len()..first.len() + 1]);
                split_inner_marks(second, out);
            }
            None => split_inner_marks(word, out),
        },
    }
    if let Some(p) = poss {
        out.push(p);
    }
    out.extend(trailing.into_iter().rev());
}

/// Suffixes that make an English adjective of a place («Istanbul-based»,
/// «Tokyo-headquartered», «London-listed»): the place is a token of its
/// own, so it is found, and the hyphen and the suffix are two more, as
/// when written apart («Istanbul -based»), so neither joins a name.
const LOCATING_SUFFIXES: [&str; 3] = ["-based", "-headquartered", "-listed"];

/// Splits a capitalised Latin word ending in a locating suffix
/// ([`LOCATING_SUFFIXES`]) into the place and the suffix (with its
/// hyphen).
fn split_locating(word: &str) -> Option<(&str, &str)> {
    // Every suffix ends in «d»: most words are let go at their last byte.
    if !word.ends_with(['d', 'D']) {
        return None;
    }
    let capitalised = word
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() && c.is_alphabetic());
    LOCATING_SUFFIXES.iter().find_map(|suffix| {
        let at = word.len().checked_sub(suffix.len())?;
        let place = word.get(..at)?;
        let latin = word.is_char_boundary(at) && word[at..].eq_ignore_ascii_case(suffix);
        (capitalised && latin && place.chars().count() >= 2).then(|| (place, &word[at..]))
    })
}

/// Quotation marks and brackets that may stand inside a chunk between a
/// clitic and the quoted name («لـ«الشرق»، «لـ(عكاظ)»), and the Arabic
/// comma and semicolon written with no space after them («الخليجي،إضافة»):
/// they split it.
const INNER_MARKS: [char; 9] = ['«', '»', '"', '“', '”', '(', ')', '،', '؛'];

/// Splits a dateline's pair of places written with a slash
/// («Frankfurt/Doha», «Mumbai/Kuwait», «بيروت/دمشق») into its two names:
/// one slash between two words of letters and hyphens, each opened by a
/// capital or an Arabic letter. Not «and/or», «km/h» or a date, nor an
/// address, which has a colon or a dot.
fn split_place_pair(word: &str) -> Option<(&str, &str)> {
    let (first, second) = word.split_once('/')?;
    let opens_name = |w: &str| {
        w.chars().count() >= 2
            && w.chars().all(|c| is_letter(c) || c == '-')
            && w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || is_arabic_char(c))
    };
    (opens_name(first) && opens_name(second)).then_some((first, second))
}

/// Pushes a word, split at the quotation marks and brackets inside it
/// («لـ«الشرق» → «لـ», «««», «الشرق»; «لـ(عكاظ)» → «لـ», «(», «عكاظ»,
/// «)»), so the quoted name is a token of its own. The
/// article written before the mark («الـ«غارديان»», "the «Guardian»")
/// is left out: alone it is no word, and the name before it would take
/// it as its last («صحيفة الـ»).
fn split_inner_marks<'a>(word: &'a str, out: &mut Vec<&'a str>) {
    // Every mark of INNER_MARKS is '"', a bracket, starts with one of
    // these two bytes or is «،» or «؛» (0xD8 then 0x8C or 0x9B): most
    // words hold none of them and are pushed whole.
    let mut prev = 0u8;
    let marked = word.bytes().any(|b| {
        let hit = matches!(b, b'"' | b'(' | b')' | 0xC2 | 0xE2)
            || (prev == 0xD8 && matches!(b, 0x8C | 0x9B));
        prev = b;
        hit
    });
    if !marked {
        out.push(word);
        return;
    }
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if INNER_MARKS.contains(&c) {
            if i > start && !matches!(&word[start..i], "الـ" | "ال") {
                out.push(&word[start..i]);
            }
            out.push(&word[i..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    if start < word.len() {
        out.push(&word[start..]);
    }
}

/// English abbreviations written with a capital and a dot that belongs to
/// them: titles, company forms, months and street words. Other short
/// capitalised words end their sentence with the dot («… the Philippine
/// Sea. More than …»).
const ABBREVIATIONS: [&str; 43] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Sr", "Jr", "Co", "Inc", "Ltd", "Corp", "Bros", "Gen", "Col",
    "Lt", "Maj", "Capt", "Sgt", "Adm", "Rev", "Hon", "Rep", "Sen", "Gov", "Prof", "Mt", "Ft", "No",
    "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Rd",
    "Dept", "Messrs",
];

/// Whether `core.` is an abbreviation whose dot belongs to the word: an
/// initial («F.»), a dotted one («U.S.») or one of [`ABBREVIATIONS`]
/// («Mr.», «Co.»). An acronym in capitals ends the sentence («… the
/// group CMA CGM. Transport officials …», «in the UN.»), and an ellipsis
/// ends any other word («الجيش الحر...»).
fn keeps_dot(core: &str) -> bool {
    if core.contains('.') {
        return core.chars().all(|c| c.is_ascii_alphabetic() || c == '.') && !core.ends_with('.');
    }
    let mut chars = core.chars();
    let initial = chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.next().is_none();
    initial || ABBREVIATIONS.contains(&core)
}

/// Tokenises a piece of text (no sentence splitting).
pub fn tokenize(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for chunk in s.split_whitespace() {
        split_chunk(chunk, &mut out);
    }
    out
}

/// Splits text into sentences of tokens: at line breaks and after `.`,
/// `!`, `?`, `؟` tokens, and every `MAX_SENTENCE` tokens.
pub fn sentences(s: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    for line in s.lines() {
        let mut cur = Vec::new();
        for chunk in line.split_whitespace() {
            let before = cur.len();
            split_chunk(chunk, &mut cur);
            let ends = cur[before..]
                .iter()
                .any(|t| matches!(*t, "." | "!" | "?" | "؟"));
            if ends || cur.len() >= MAX_SENTENCE {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// The language of a sentence, by the script most of its words are in:
/// Arabic script is Arabic unless a quarter of its words or more have a
/// Persian letter (Persian text has them in most sentences; Arabic text
/// only where a Persian keyboard left a stray ک or ی); Latin script is
/// English; any other script is [`Lang::Other`]. Ties go to Arabic, then
/// English. None when the sentence has no letters.
pub fn sentence_lang(tokens: &[&str]) -> Option<Lang> {
    let (mut ar, mut persian, mut latin, mut other) = (0usize, 0usize, 0usize, 0usize);
    for t in tokens {
        if t.chars().any(is_arabic_char) {
            ar += 1;
            if t.chars().any(is_persian_letter) {
                persian += 1;
            }
        } else if t.chars().any(is_latin_letter) {
            latin += 1;
        } else if t.chars().any(is_letter) {
            other += 1;
        }
    }
    if ar + latin + other == 0 {
        None
    } else if ar >= latin && ar >= other {
        Some(if persian * 4 >= ar {
            Lang::Other
        } else {
            Lang::Arabic
        })
    } else if latin >= other {
        Some(Lang::English)
    } else {
        Some(Lang::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ellipsis_leaves_the_word_before_it() {
        assert_eq!(
            tokenize("الجيش الحر... and U.S... then"),
            vec![
                "الجيش",
                "الحر",
                ".",
                ".",
                ".",
                "and",
                "U.S.",
                ".",
                ".",
                "then"
            ]
        );
    }

    #[test]
    fn a_place_before_a_locating_suffix_is_a_token() {
        assert_eq!(
            tokenize("The Istanbul-based group, a London-Listed firm and a well-based plan."),
            vec![
                "The",
                "Istanbul",
                "-",
                "based",
                "group",
                ",",
                "a",
                "London",
                "-",
                "Listed",
                "firm",
                "and",
                "a",
                "well-based",
                "plan",
                "."
            ]
        );
    }

    #[test]
    fn punctuation_is_split_and_abbreviations_kept() {
        assert_eq!(
            tokenize("(Reuters) Mr. Smith's U.S. trip, «بالقاهرة»."),
            vec![
                "(",
                "Reuters",
                ")",
                "Mr.",
                "Smith",
                "'s",
                "U.S.",
                "trip",
                ",",
                "«",
                "بالقاهرة",
                "»",
                "."
            ]
        );
    }

    #[test]
    fn an_acronym_in_capitals_ends_its_sentence() {
        let s = sentences("The group CMA CGM. Transport officials met John F. Kennedy.");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].last(), Some(&"."));
        assert_eq!(s[1][..4], ["Transport", "officials", "met", "John"]);
        assert!(s[1].contains(&"F."));
    }

    #[test]
    fn a_short_capitalised_word_ends_its_sentence_unless_an_abbreviation() {
        let s = sentences("It faces the Philippine Sea. More than Gen. Ali said.");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0][s[0].len() - 2..], ["Sea", "."]);
        assert!(s[1].contains(&"Gen."));
    }

    #[test]
    fn quotation_marks_and_brackets_inside_a_chunk_split_it() {
        assert_eq!(
            tokenize("قال لـ«الشرق الأوسط» و\"العربية\""),
            vec![
                "قال",
                "لـ",
                "«",
                "الشرق",
                "الأوسط",
                "»",
                "و",
                "\"",
                "العربية",
                "\""
            ]
        );
        assert_eq!(
            tokenize("صحيفة الـ«غارديان» البريطانية"),
            vec!["صحيفة", "«", "غارديان", "»", "البريطانية"]
        );
        assert_eq!(
            tokenize("قال لـ(عكاظ) و(فوكس سبورت)"),
            vec![
                "قال",
                "لـ",
                "(",
                "عكاظ",
                ")",
                "و",
                "(",
                "فوكس",
                "سبورت",
                ")"
            ]
        );
        assert_eq!(
            tokenize("شركة المراعي،بمسمى عرعر؛وعند"),
            vec!["شركة", "المراعي", "،", "بمسمى", "عرعر", "؛", "وعند"]
        );
    }

    #[test]
    fn a_dateline_pair_of_places_splits_at_its_slash() {
        assert_eq!(
            tokenize("Frankfurt/Doha, June 16"),
            vec!["Frankfurt", "/", "Doha", ",", "June", "16"]
        );
        assert_eq!(tokenize("بيروت/دمشق"), vec!["بيروت", "/", "دمشق"]);
        for kept in ["and/or", "km/h", "3/4", "https://example.com/a", "Gulf/"] {
            assert_eq!(tokenize(kept).concat(), kept);
            assert!(
                !tokenize(kept).contains(&"/") || kept.ends_with('/'),
                "{kept}"
            );
        }
    }

    #[test]
    fn sentences_split_at_stops_and_lines() {
        let s = sentences("قال بوتين. وأضاف\nثم ماذا؟");
        assert_eq!(
            s,
            vec![
                vec!["قال", "بوتين", "."],
                vec!["وأضاف"],
                vec!["ثم", "ماذا", "؟"]
            ]
        );
        assert_eq!(sentence_lang(&s[0]), Some(Lang::Arabic));
        assert_eq!(sentence_lang(&["Hello", "world"]), Some(Lang::English));
        assert_eq!(sentence_lang(&["12", "."]), None);
        let persian = tokenize("ایستگاه‌های تازه به روی مسافران باز شد و رفت‌وآمد کوتاه‌تر شد.");
        assert_eq!(sentence_lang(&persian), Some(Lang::Other));
        let stray = tokenize("قال الوزير إن الاجتماع في القاهره سيبحث ملف المیاه غدا.");
        assert_eq!(sentence_lang(&stray), Some(Lang::Arabic), "one stray ی");
        let hebrew = tokenize("החוקרים מצאו כי השונית עמידה יותר לחום.");
        assert_eq!(sentence_lang(&hebrew), Some(Lang::Other));
        assert_eq!(
            sentence_lang(&["Приве́т", "мир", "Moscow"]),
            Some(Lang::Other)
        );
        assert_eq!(
            sentence_lang(&["Café", "Zürich", "été"]),
            Some(Lang::English)
        );
    }
}
