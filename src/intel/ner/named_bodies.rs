//! Hospitals, universities, airports, roads and prizes named after a
//! king, a prince or an imam («مستشفى الملك فهد بجدة», «مدينة الملك
//! عبدالعزيز للعلوم والتقنية», «طريق الملك فهد»), which fill Gulf news.
//! The tagger takes the name inside for the person and runs it on into
//! what follows («خالد الجوية بخميس» of «قاعدة الملك خالد الجوية بخميس
//! مشيط»); a reader looks for the body, and for the king only where he
//! is named himself.

use super::Tagged;
use super::arabic::{found_with_clitic, is_definite, is_definite_adjective};
use super::conll::Span;
use super::features::TokenInfo;
use super::gazetteer::Gazetteer;
use super::institutions::{COMPLEMENT_NOUNS, NOT_MODIFIERS};
use super::person_names::NAME_JOINERS;
use super::tokenize::is_arabic_char;
use crate::model::EntityKind;
use std::ops::Range;

/// Folded nouns of bodies named after a person, with the kind of the
/// body («مدينه» is settled by what follows, see [`body_at`]). Nouns
/// for what a person owns or leads («شركه», «حزب», «مجلس») are not among
/// them: «شركة الأمير الوليد» is the prince's company, not its name.
static BODY_NOUNS: [(&str, EntityKind); 30] = [
    ("مستشفي", EntityKind::Org),
    ("جامعه", EntityKind::Org),
    ("مركز", EntityKind::Org),
    ("مجمع", EntityKind::Org),
    ("موسسه", EntityKind::Org),
    ("معهد", EntityKind::Org),
    ("كليه", EntityKind::Org),
    ("اكاديميه", EntityKind::Org),
    ("صندوق", EntityKind::Org),
    ("مكتبه", EntityKind::Org),
    ("داره", EntityKind::Org),
    ("مدرسه", EntityKind::Org),
    ("جمعيه", EntityKind::Org),
    ("مدينه", EntityKind::Place),
    ("مطار", EntityKind::Place),
    ("ميناء", EntityKind::Place),
    ("قاعده", EntityKind::Place),
    ("ملعب", EntityKind::Place),
    ("ستاد", EntityKind::Place),
    ("استاد", EntityKind::Place),
    ("حديقه", EntityKind::Place),
    ("منتزه", EntityKind::Place),
    ("متنزه", EntityKind::Place),
    ("جسر", EntityKind::Place),
    ("طريق", EntityKind::Place),
    ("شارع", EntityKind::Place),
    ("مسجد", EntityKind::Place),
    ("جامع", EntityKind::Place),
    ("جايزه", EntityKind::Misc),
    ("كرسي", EntityKind::Misc),
];

/// Folded ordinals that follow a king's given name in place of a title
/// («محمد الخامس», «الحسن الثاني», «فيصل الأول»): a body noun before the
/// two names the body after the king («مستشفى محمد الخامس», «أكاديمية
/// محمد السادس لكرة القدم»).
const REGNAL_ORDINALS: [&str; 10] = [
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

/// Folded titles of the people bodies are named after.
const NAMESAKE_TITLES: [&str; 6] = ["الملك", "الملكه", "الامير", "الاميره", "الامام", "الشيخ"];

/// Folded words after which a «لل» word is the purpose of a visit, not
/// the field of the body («زار مستشفى الملك فهد للاطمئنان على …»).
const PREPOSITIONS: [&str; 6] = ["علي", "في", "من", "عن", "الي", "مع"];

/// Folded adjectives that make a «مدينه» named after a king an
/// institution rather than a place («مدينة الملك سعود الطبية», a
/// hospital complex).
const INSTITUTION_CITY: [&str; 2] = ["الطبيه", "الجامعيه"];

/// The most words a namesake's name takes: «عبدالرحمن بن سعود بن
/// عبدالعزيز آل سعود».
const NAME_WORDS: usize = 9;

/// True for a folded noun of [`BODY_NOUNS`] without a clitic, so that a
/// clitic before it leaves the body's display form («بمدينة الملك سعود
/// الطبية»).
pub(super) fn is_body_noun(folded: &str) -> bool {
    BODY_NOUNS.iter().any(|(w, _)| *w == folded)
}

/// The listed body noun of a folded token, without its clitic.
fn body_noun(folded: &str) -> Option<(&'static str, EntityKind)> {
    found_with_clitic(folded, |x| {
        BODY_NOUNS.iter().find(|(w, _)| *w == x).copied()
    })
}

/// True for a token that no clitic but the article opens («الله», not
/// «بجدة»).
fn bare(t: &TokenInfo) -> bool {
    t.folded
        .get(..t.stem_at)
        .is_some_and(|c| c.is_empty() || c == "ال")
}

/// Whether the token can stand for a namesake's first name: a given
/// name, a word of the name dictionary, or one seen in people's names.
fn is_given(t: &TokenInfo) -> bool {
    bare(t)
        && (t.first_name || t.dict_name || t.seen == Some(EntityKind::Person))
        && t.folded.chars().all(is_arabic_char)
}

/// The honorific before the given names of Morocco's royal family
/// («الأمير مولاي عبد الله», «مولاي الحسن»), folded.
const MOROCCAN_HONORIFIC: &str = "مولاي";

/// Where the namesake's name that starts at `i` ends: a given name, then
/// joiners with the word after each («فيصل بن فهد», «عبد العزيز», «آل
/// سعود», «علي بن أبي طالب»), after [`MOROCCAN_HONORIFIC`] if it opens
/// the name. None when no given name starts there.
fn name_end(infos: &[TokenInfo], i: usize) -> Option<usize> {
    let first = infos.get(i)?;
    if first.folded == MOROCCAN_HONORIFIC {
        return name_end(infos, i + 1);
    }
    let joiner = |t: &TokenInfo| NAME_JOINERS.contains(&t.folded.as_str()) || t.folded == "ال";
    if !is_given(first) && !joiner(first) {
        return None;
    }
    let mut j = i + 1;
    let mut wanted = joiner(first);
    while let Some(t) = infos.get(j) {
        let word = t.folded.chars().all(is_arabic_char) && bare(t);
        if j - i >= NAME_WORDS || !(wanted || joiner(t)) || !word {
            break;
        }
        wanted = !wanted || joiner(t);
        j += 1;
    }
    if wanted {
        j -= 1;
    }
    (j > i).then_some(j)
}

/// The body's words after the name: up to two definite adjectives (the
/// first may be the family's name, «استاد الأمير عبدالله الفيصل»), then a
/// «لل» complement with its adjectives and one «وال» word joined to it
/// («للعلوم والتقنية», «للإغاثة والأعمال الإنسانية»), or a complement noun
/// in construct and its definite word («لكرة القدم»). Returns where they
/// end and whether there was a complement.
fn tail_end(infos: &[TokenInfo], from: usize, gaz: &Gazetteer) -> (usize, bool) {
    let n = infos.len();
    let plain = |k: usize| {
        let f = infos[k].folded.as_str();
        !NOT_MODIFIERS.contains(&f) && !gaz.is_stopword(f) && !gaz.is_title(f)
    };
    let adjective = |k: usize| {
        let f = infos[k].folded.as_str();
        is_definite(f) && is_definite_adjective(f) && plain(k)
    };
    let adjectives = |mut k: usize| {
        let start = k;
        while k < n && k - start < 2 && adjective(k) {
            k += 1;
        }
        k
    };
    let mut j = from;
    if j < n && is_definite(&infos[j].folded) && infos[j].seen.is_some() && plain(j) {
        j += 1;
    }
    j = adjectives(j);
    let word_from = |k: usize, p: &str| {
        infos.get(k).is_some_and(|t| {
            t.folded.starts_with(p) && t.folded.chars().count() >= p.chars().count() + 2 && plain(k)
        })
    };
    let purpose = infos
        .get(j + 1)
        .is_some_and(|t| PREPOSITIONS.contains(&t.folded.as_str()));
    let in_construct = infos
        .get(j)
        .is_some_and(|t| COMPLEMENT_NOUNS.contains(&t.folded.as_str()))
        && word_from(j + 1, "ال");
    if in_construct {
        return (adjectives(j + 2), true);
    }
    if !word_from(j, "لل") || purpose {
        return (j, false);
    }
    j = adjectives(j + 1);
    if word_from(j, "وال") {
        j = adjectives(j + 1);
    }
    (j, true)
}

/// The body named after a namesake that starts at token `i`, if any,
/// and where the namesake's name stands in it. The title is looked at
/// first: the body nouns end as many Arabic words do («ـية», «ـسة»), and
/// a title after a token is rare.
fn body_at(t: &Tagged<'_>, i: usize, gaz: &Gazetteer) -> Option<(Span, Range<usize>)> {
    let infos = &t.infos;
    let title = infos.get(i + 1)?;
    let regnal = !NAMESAKE_TITLES.contains(&title.folded.as_str())
        && is_given(title)
        && infos
            .get(i + 2)
            .is_some_and(|t| REGNAL_ORDINALS.contains(&t.folded.as_str()));
    if !NAMESAKE_TITLES.contains(&title.folded.as_str()) && !regnal {
        return None;
    }
    let (noun, kind) = body_noun(&infos[i].folded)?;
    if noun == "طريق" && i > 0 && infos[i - 1].folded == "عن" {
        return None;
    }
    let name = if regnal {
        i + 3
    } else {
        name_end(infos, i + 2)?
    };
    let (end, complement) = tail_end(infos, name, gaz);
    let institution = complement
        || infos[name..end]
            .iter()
            .any(|x| INSTITUTION_CITY.contains(&x.folded.as_str()));
    let kind = if noun == "مدينه" && institution {
        EntityKind::Org
    } else {
        kind
    };
    let body = Span {
        start: i,
        end,
        kind,
    };
    Some((body, if regnal { i + 1..name } else { i + 2..name }))
}

/// The gazetteer names in tokens `from..to` of a sentence, as spans with
/// their ids: what is kept of a span cut by a body.
fn listed_in(
    t: &Tagged<'_>,
    from: usize,
    to: usize,
    gaz: &Gazetteer,
) -> Vec<(Span, Option<usize>)> {
    let folded: Vec<&str> = t.infos[from..to]
        .iter()
        .map(|x| x.folded.as_str())
        .collect();
    gaz.find(&t.tokens[from..to], &folded)
        .into_iter()
        .filter_map(|m| {
            let e = gaz.entry(m.entry)?;
            let s = Span {
                start: from + m.start,
                end: from + m.end,
                kind: e.kind,
            };
            Some((s, Some(m.entry)))
        })
        .collect()
}

/// Makes each body named after a namesake one entity, replacing the
/// spans inside it; see [`settle_bodies`].
pub(super) fn add_named_bodies(t: &mut Tagged<'_>, gaz: &Gazetteer) {
    settle_bodies(t, gaz, true);
}

/// Leaves of the spans in and across each body named after a namesake
/// only the namesake's name, as a person when a person span held it,
/// before a name found in one sentence is looked for in the others: the
/// words the tagger ran on with («الشركة» of «جسر الملك فهد الشركة»)
/// would be spread as names through the article. The bodies themselves
/// are made later, by [`add_named_bodies`].
pub(super) fn trim_namesakes(t: &mut Tagged<'_>, gaz: &Gazetteer) {
    settle_bodies(t, gaz, false);
}

/// Finds the bodies named after a namesake and replaces the spans they
/// cut: with the body (`make`) or with the namesake's name. Of a span
/// that reached past a body only the gazetteer names in what is left
/// stay («بجدة» of «مستشفى الملك فهد بجدة», taken in by the institution
/// rule), or a person who starts with a given name there («مطار الملك
/// عبدالعزيز الدولي عبدالحميد أبا العري», its director); so of one that
/// began before it, unless a clitic opens the body, which then stands
/// in a phrase of its own («كلية العلوم» of «كلية العلوم بجامعة الملك
/// عبدالعزيز»).
fn settle_bodies(t: &mut Tagged<'_>, gaz: &Gazetteer, make: bool) {
    let mut i = 0;
    while i + 2 < t.infos.len() {
        let Some((body, name)) = body_at(t, i, gaz) else {
            i += 1;
            continue;
        };
        let clitic = !is_body_noun(&t.infos[i].folded);
        let mut kept = Vec::with_capacity(t.spans.len() + 1);
        for (s, id) in std::mem::take(&mut t.spans) {
            if s.end <= body.start || body.end <= s.start {
                kept.push((s, id));
                continue;
            }
            if s.start < body.start {
                if clitic {
                    kept.push((
                        Span {
                            end: body.start,
                            ..s
                        },
                        None,
                    ));
                } else {
                    kept.extend(listed_in(t, s.start, body.start, gaz));
                }
            }
            let namesake =
                s.kind == EntityKind::Person && s.start <= name.start && name.start < s.end;
            if !make && namesake {
                let person = Span {
                    start: name.start,
                    end: name.end,
                    kind: EntityKind::Person,
                };
                kept.push((person, None));
            }
            if s.end > body.end && s.kind == EntityKind::Person && is_given(&t.infos[body.end]) {
                kept.push((
                    Span {
                        start: body.end,
                        ..s
                    },
                    None,
                ));
            } else if s.end > body.end {
                kept.extend(listed_in(t, body.end, s.end, gaz));
            }
        }
        if make {
            kept.push((body, None));
        }
        kept.sort_by_key(|(s, _)| s.start);
        t.spans = kept;
        i = body.end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_word_lists_are_folded() {
        let nouns: Vec<&str> = BODY_NOUNS.iter().map(|(w, _)| *w).collect();
        let bad = crate::intel::ner::tests::unfolded(&[
            &nouns,
            &NAMESAKE_TITLES,
            &PREPOSITIONS,
            &INSTITUTION_CITY,
            &[MOROCCAN_HONORIFIC],
        ]);
        assert!(bad.is_empty(), "{bad:?}");
    }
}
