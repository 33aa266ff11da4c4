//! English headlines in Title Case («ISRO, NASA Launch NISAR Radar
//! Satellite», «Turkey Opens Tender for Quake Homes»): every word is
//! capitalised, so capitals no longer tell names from words and the
//! English model tags whole headlines as one name. The article's own
//! body tells which words are names: a headline word keeps its capital
//! only where the body writes it with one, or the gazetteer lists it,
//! or it is an acronym.

use super::gazetteer::Gazetteer;
use super::hash::FastSet;

/// Words a headline needs before it is read as Title Case.
const MIN_WORDS: usize = 3;

/// Share of a headline's words of four letters or more that must be
/// capitalised for Title Case (short words, «of», «in», «to», stay
/// lower-case in most house styles).
const MIN_CAPITALISED: f64 = 0.8;

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// An acronym or a word in capitals («NASA», «AMCU», «TOKİ»): kept.
fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
}

/// Whether a headline's tokens are English Title Case: at least
/// [`MIN_WORDS`] Latin words, and of those of four letters or more at
/// least [`MIN_CAPITALISED`] capitalised, not counting acronyms.
fn is_title_case(tokens: &[&str]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .collect();
    let long: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().count() >= 4 && !is_acronym(w))
        .collect();
    words.len() >= MIN_WORDS
        && long.len() >= 2
        && long.iter().filter(|w| is_capitalised(w)).count() as f64
            >= MIN_CAPITALISED * long.len() as f64
}

/// The capitalised words the body writes after a sentence's first word,
/// where a capital marks a name.
fn body_names<'a>(body: &[Vec<&'a str>]) -> FastSet<&'a str> {
    body.iter()
        .flat_map(|s| s.iter().skip(1).copied())
        .filter(|w| is_capitalised(w))
        .collect()
}

/// The headline sentences as the tagger should read them: a Title Case
/// one with the capital taken off each word that is no acronym, not
/// written capitalised in the body (after a sentence's first word) and
/// no single-word gazetteer name; `None` for a headline left as it is.
pub(super) fn recased(
    title: &[Vec<&str>],
    body: &[Vec<&str>],
    gaz: &Gazetteer,
) -> Vec<Option<Vec<String>>> {
    let title_case: Vec<bool> = title.iter().map(|s| is_title_case(s)).collect();
    if !title_case.contains(&true) {
        return vec![None; title.len()];
    }
    let names = body_names(body);
    title
        .iter()
        .zip(title_case)
        .map(|(s, title_case)| {
            title_case.then(|| {
                s.iter()
                    .map(|w| {
                        let keep = !is_capitalised(w)
                            || is_acronym(w)
                            || names.contains(w)
                            || gaz.is_name_token(&w.to_lowercase());
                        if keep {
                            w.to_string()
                        } else {
                            w.to_lowercase()
                        }
                    })
                    .collect()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_is_told_from_sentence_case() {
        assert!(is_title_case(&[
            "ISRO",
            ",",
            "NASA",
            "Launch",
            "NISAR",
            "Radar",
            "Satellite"
        ]));
        assert!(is_title_case(&[
            "Turkey", "Opens", "Tender", "for", "Quake", "Homes"
        ]));
        assert!(!is_title_case(&[
            "Turkey", "opens", "tender", "for", "quake", "homes", "in", "Hatay"
        ]));
        assert!(!is_title_case(&["Brazil", "Votes"]));
    }
}
