//! Rules for whole articles and for what their entity pane lists, beyond
//! the tagger that ANERcorp and wikigold measure: a capitalised word seen
//! only at the start of sentences is no name, and nationality adjectives,
//! language names and currencies, which those corpora tag, say nothing
//! of who or where an article is about.

use super::Tagged;
use super::arabic::strip_article_clitic;
use super::gazetteer::Gazetteer;
use super::hash::FastSet;
use super::is_demonym;
use crate::model::EntityKind;

/// Folded currency names, Arabic (with and without the article) and
/// English: ANERcorp tags «دولار» as misc 128 times, but a pane listing
/// "dollar" tells the reader nothing.
const CURRENCIES: [&str; 34] = [
    "دولار",
    "دولارا",
    "الدولار",
    "دولارات",
    "يورو",
    "اليورو",
    "دينار",
    "الدينار",
    "درهم",
    "الدرهم",
    "جنيه",
    "الجنيه",
    "ريال",
    "الريال",
    "ليره",
    "الليره",
    "روبل",
    "الروبل",
    "يوان",
    "اليوان",
    "dollar",
    "dollars",
    "euro",
    "euros",
    "pound",
    "pounds",
    "dinar",
    "dirham",
    "riyal",
    "lira",
    "rouble",
    "ruble",
    "yen",
    "yuan",
];

/// Folded English language names that are no nationality adjective of a
/// listed place («Arabic», «English», «Hebrew»): the English model tags
/// them as places or misc.
const LANGUAGES: [&str; 10] = [
    "arabic", "english", "french", "hebrew", "persian", "farsi", "urdu", "kurdish", "amharic",
    "swahili",
];

/// Sentences an article needs before [`drop_lone_sentence_starts`]
/// applies: a headline alone, or with one sentence, names a person once.
const MIN_SENTENCES: usize = 3;

/// Drops, from an article's tagged sentences, one-word spans with no
/// gazetteer id that only ever stand first in a sentence (after an
/// opening quotation mark or not) and never elsewhere in the article:
/// English capitalises every sentence's first word, and a name the
/// article is about recurs inside sentences («Marine biologists at …»
/// gave the person «Marine»; «Benali said …» stays, as «Leila Benali»
/// is mentioned before). Given names go too: «Marine» is one.
pub(super) fn drop_lone_sentence_starts(doc: &mut [Tagged<'_>]) {
    let first = |t: &Tagged<'_>| {
        t.tokens
            .iter()
            .position(|w| w.chars().any(char::is_alphanumeric))
    };
    if doc.iter().filter(|t| first(t).is_some()).count() < MIN_SENTENCES {
        return;
    }
    let mut inside: FastSet<&str> = FastSet::default();
    for t in doc.iter() {
        let start = first(t);
        for (i, info) in t.infos.iter().enumerate() {
            if Some(i) != start {
                inside.insert(info.folded.as_str());
            }
        }
    }
    let lone: Vec<Option<usize>> = doc
        .iter()
        .map(|t| {
            let start = first(t)?;
            let info = &t.infos[start];
            let latin = t.tokens[start].chars().all(|c| c.is_ascii_alphabetic());
            (latin && !inside.contains(info.folded.as_str())).then_some(start)
        })
        .collect();
    for (t, lone) in doc.iter_mut().zip(lone) {
        if let Some(k) = lone {
            t.spans
                .retain(|(s, id)| id.is_some() || (s.start, s.end) != (k, k + 1));
        }
    }
}

/// True for a one-word span the pane leaves out: a currency, a language
/// name, or a nationality adjective tagged misc («African», «الروسي»;
/// the tagger drops those of other kinds already).
fn is_aside(t: &Tagged<'_>, k: usize, kind: EntityKind, gaz: &Gazetteer) -> bool {
    let f = t.infos[k].folded.as_str();
    let bare = strip_article_clitic(f);
    let stem = |x: &str| gaz.is_place_stem(x);
    CURRENCIES.contains(&bare.as_str())
        || LANGUAGES.contains(&f)
        || (kind == EntityKind::Misc && (super::arabic::is_nisba(f, &stem) || is_demonym(f, &stem)))
}

/// Removes the spans [`is_aside`] names from a tagged sentence.
pub(super) fn drop_asides(t: &mut Tagged<'_>, gaz: &Gazetteer) {
    let keep: Vec<bool> = t
        .spans
        .iter()
        .map(|(s, _)| s.end - s.start != 1 || !is_aside(t, s.start, s.kind, gaz))
        .collect();
    let mut keep = keep.into_iter();
    t.spans.retain(|_| keep.next().unwrap_or(true));
}
