//! Document-level consistency: a name tagged in one sentence of an
//! article is tagged where it recurs untagged in another («سلفادور
//! دالي» ... «دالي»), clitics allowed («لدالي»). A person's surname
//! alone counts as the person.

use super::Tagged;
use super::arabic::{EndingFilter, after_prefixes, listed_with_clitic};
use super::conll::Span;
use super::gazetteer::Gazetteer;
use super::hash::{FastMap, FastSet};
use super::tokenize::is_arabic_char;
use crate::model::EntityKind;

/// Words that end person names without being names alone («عبدالله
/// الثاني», «حسن نصر الله», «صلاح الدين»).
const NOT_SURNAMES: [&str; 11] = [
    "الله",
    "الدين",
    "الرحمن",
    "الثاني",
    "الثالث",
    "الاول",
    "الرابع",
    "الخامس",
    "بن",
    "ابن",
    "jr.",
];

/// Folded heads of a group's name («تنظيم القاعدة», «حركة النهضة»):
/// what follows them names the group alone later in the article.
const GROUP_HEADS: [&str; 5] = ["تنظيم", "حركه", "جماعه", "حزب", "جبهه"];

/// A name seen in the document: the folded words after its first, and
/// the votes per kind.
struct Name {
    rest: Vec<String>,
    votes: [u32; 4],
}

/// The names of a document, keyed by their (clitic-free) first word,
/// and a filter of those words' endings that turns most tokens away
/// before their clitic forms are looked up.
#[derive(Default)]
struct Names {
    by_first: FastMap<String, Vec<Name>>,
    endings: EndingFilter,
}

impl Names {
    fn add(&mut self, first: &str, rest: &[String], kind: EntityKind) {
        self.endings.insert(first);
        let list = self.by_first.entry(first.to_string()).or_default();
        let k = super::conll::kind_index(kind);
        match list.iter_mut().find(|n| n.rest == rest) {
            Some(n) => n.votes[k] += 1,
            None => {
                let mut votes = [0; 4];
                votes[k] = 1;
                list.push(Name {
                    rest: rest.to_vec(),
                    votes,
                });
                list.sort_by_key(|n| std::cmp::Reverse(n.rest.len()));
            }
        }
    }

    /// The longest name starting at token `i` (the first word possibly
    /// with a clitic), as its end and kind; None when no name matches or
    /// its kinds tie.
    fn at(&self, folded: &[&str], i: usize) -> Option<(usize, EntityKind)> {
        let w = folded[i];
        if !self.endings.may_hold(w) {
            return None;
        }
        let article = w
            .strip_prefix("لل")
            .map(|r| format!("ال{r}"))
            .into_iter()
            .collect::<Vec<_>>();
        let firsts = std::iter::once(w)
            .chain(article.iter().map(String::as_str))
            .chain(after_prefixes(w));
        for first in firsts {
            let Some(list) = self.by_first.get(first) else {
                continue;
            };
            for n in list {
                let end = i + 1 + n.rest.len();
                if end > folded.len() || n.rest.iter().zip(&folded[i + 1..end]).any(|(a, b)| a != b)
                {
                    continue;
                }
                let best = *n.votes.iter().max()?;
                let mut winners = n.votes.iter().enumerate().filter(|(_, v)| **v == best);
                let (k, _) = winners.next()?;
                if winners.next().is_some() {
                    return None;
                }
                return Some((end, KINDS[k]));
            }
        }
        None
    }
}

/// Kinds in the order of `conll::kind_index`.
const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Org,
    EntityKind::Misc,
];

/// True for a word that may stand alone as a propagated name: three
/// letters at least, no stopword or given name, no name that is also an
/// ordinary word (`ambiguous.tsv`: the agency «وام» tagged once is no
/// reason to take «وأم», "and mother", for it), no group named by a
/// common noun («القاعدة», which [`group_at`] propagates where it is not
/// the air base), and a Latin word must be capitalised.
fn may_stand_alone(gaz: &Gazetteer, token: &str, folded: &str) -> bool {
    folded.chars().count() >= 3
        && !gaz.is_stopword(folded)
        && !gaz.is_ambiguous(folded)
        && !super::groups::is_group_noun(folded)
        && !NOT_SURNAMES.contains(&folded)
        && (token.chars().any(is_arabic_char)
            || token.chars().next().is_some_and(char::is_uppercase))
}

/// True for a word opened by a clitic and the article («بالجوف»,
/// «للقطيف»): a place or an institution's complement the model ran a
/// person's name on into, not a surname.
fn has_clitic_article(folded: &str) -> bool {
    folded.starts_with("لل") || after_prefixes(folded).any(|r| r.starts_with("ال"))
}

/// Whether a folded word is a group's head ([`GROUP_HEADS`]), clitics
/// allowed («لتنظيم»).
fn is_group_head(folded: &str) -> bool {
    listed_with_clitic(folded, |w| GROUP_HEADS.contains(&w))
}

/// The end and list id of a group's name without its head at token `i`
/// («القاعدة», «للقاعدة» after «تنظيم القاعدة»), unless a definite word
/// follows, which makes it a common noun described («القاعدة الجوية»,
/// the air base).
fn group_at(
    groups: &[(String, Vec<String>, Option<usize>)],
    folded: &[&str],
    i: usize,
) -> Option<(usize, Option<usize>)> {
    // Most words end with no group's name: skip them before allocating.
    if !groups
        .iter()
        .any(|g| folded[i].ends_with(g.0.strip_prefix("ال").unwrap_or(&g.0)))
    {
        return None;
    }
    let w = super::arabic::strip_article_clitic(folded[i]);
    let firsts = std::iter::once(w.as_ref()).chain(after_prefixes(&w));
    for first in firsts {
        for (_, rest, id) in groups.iter().filter(|g| g.0 == first) {
            let end = i + 1 + rest.len();
            if end <= folded.len()
                && rest.iter().zip(&folded[i + 1..end]).all(|(a, b)| a == b)
                && !folded
                    .get(end)
                    .is_some_and(|n| super::arabic::is_definite(n))
            {
                return Some((end, *id));
            }
        }
    }
    None
}

/// Tags, in every sentence of a document, the untagged recurrences of
/// the names tagged somewhere in it, and makes a one-word place,
/// organisation or misc span that no list names into the person when
/// its word is the surname of a person named in full in the document,
/// by a list or after a given name («ديفيد كاميرون» … «كاميرون», which
/// the model took for a country).
pub(super) fn propagate(doc: &mut [Tagged<'_>], gaz: &Gazetteer) {
    let mut names = Names::default();
    let mut surnames: FastSet<String> = FastSet::default();
    let mut groups: Vec<(String, Vec<String>, Option<usize>)> = Vec::new();
    for t in doc.iter() {
        for (s, id) in &t.spans {
            let folded = |k: usize| super::arabic::strip_article_clitic(&t.infos[k].folded);
            let rest: Vec<String> = (s.start + 1..s.end)
                .map(|k| t.infos[k].folded.to_string())
                .collect();
            let first = folded(s.start);
            // A club named by a word that is also a town's («العين»)
            // recurs as the club: the town is only taken on a noun's word.
            let club = s.kind == EntityKind::Org && gaz.sports_club(&first).is_some();
            if rest.is_empty() && !club && !may_stand_alone(gaz, t.tokens[s.start], &first) {
                continue;
            }
            names.add(&first, &rest, s.kind);
            if let Some((head, rest)) = rest.split_first()
                && s.kind == EntityKind::Org
                && is_group_head(&t.infos[s.start].folded)
                && head.starts_with("ال")
                && !head.ends_with('ي')
                && (!rest.is_empty() || may_stand_alone(gaz, t.tokens[s.start + 1], head))
                && !groups.iter().any(|g| g.0 == *head && g.1 == rest)
            {
                groups.push((head.clone(), rest.to_vec(), *id));
            }
            let last = s.end - 1;
            if s.kind == EntityKind::Person
                && last > s.start
                && !gaz.is_first_name(&t.infos[last].folded)
                && may_stand_alone(gaz, t.tokens[last], &t.infos[last].folded)
            {
                names.add(&folded(last), &[], EntityKind::Person);
                let named = id.is_some() || gaz.is_first_name(&t.infos[s.start].folded);
                if named && !has_clitic_article(&t.infos[last].folded) {
                    surnames.insert(folded(last).into_owned());
                }
            }
        }
    }
    if names.by_first.is_empty() {
        return;
    }
    for t in doc.iter_mut() {
        for (s, id) in t.spans.iter_mut() {
            let word = super::arabic::strip_article_clitic(&t.infos[s.start].folded);
            if id.is_none()
                && s.kind != EntityKind::Person
                && s.end == s.start + 1
                && listed_with_clitic(&word, |w| surnames.contains(w))
            {
                s.kind = EntityKind::Person;
            }
        }
        let folded: Vec<&str> = t.infos.iter().map(|x| x.folded.as_str()).collect();
        let mut taken = vec![false; folded.len()];
        for (s, _) in &t.spans {
            taken[s.start..s.end].iter_mut().for_each(|x| *x = true);
        }
        let mut added = Vec::new();
        let mut i = 0;
        while i < folded.len() {
            if taken[i] {
                i += 1;
                continue;
            }
            let found = names
                .at(&folded, i)
                .map(|(end, kind)| (end, kind, None))
                .or_else(|| {
                    group_at(&groups, &folded, i).map(|(end, id)| (end, EntityKind::Org, id))
                });
            let Some((end, kind, id)) = found else {
                i += 1;
                continue;
            };
            let span = Span {
                start: i,
                end,
                kind,
            };
            // A Latin name recurs capitalised: «the airport's» is no
            // recurrence of a name that ends in «Airport».
            let small = t.tokens[i].starts_with(|c: char| c.is_ascii_lowercase());
            if small
                || taken[i..end].iter().any(|&x| x)
                || super::noise::is_financial(&t.infos, &span)
            {
                i += 1;
            } else {
                added.push((span, id));
                i = end;
            }
        }
        if !added.is_empty() {
            t.spans.extend(added);
            t.spans.sort_by_key(|(s, _)| s.start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intel::ner::features::token_infos;
    use crate::intel::ner::tokenize::Lang;

    fn tagged<'a>(gaz: &Gazetteer, words: &[&'a str], spans: &[(usize, usize)]) -> Tagged<'a> {
        Tagged {
            tokens: words.to_vec(),
            infos: token_infos(words, Lang::Arabic, gaz),
            spans: spans
                .iter()
                .map(|&(start, end)| {
                    let kind = EntityKind::Person;
                    (Span { start, end, kind }, None)
                })
                .collect(),
            lent: Vec::new(),
        }
    }

    #[test]
    fn names_and_surnames_recur_with_clitics() {
        let gaz = Gazetteer::builtin();
        let mut doc = vec![
            tagged(&gaz, &["رسم", "سلفادور", "دالي", "لوحة"], &[(1, 3)]),
            tagged(
                &gaz,
                &["وقال", "دالي", "إن", "سلفادور", "دالي", "فنان"],
                &[],
            ),
            tagged(&gaz, &["وأهدى", "لدالي", "الثاني", "كتابا"], &[]),
        ];
        propagate(&mut doc, &gaz);
        let spans = |t: &Tagged<'_>| -> Vec<(usize, usize)> {
            t.spans.iter().map(|(s, _)| (s.start, s.end)).collect()
        };
        assert_eq!(spans(&doc[1]), vec![(1, 2), (3, 5)]);
        assert_eq!(spans(&doc[2]), vec![(1, 2)]);
    }

    /// `t` with its span `k` made of `kind`, from the list entry `id`.
    fn as_kind(mut t: Tagged<'_>, k: usize, kind: EntityKind, id: Option<usize>) -> Tagged<'_> {
        t.spans[k].0.kind = kind;
        t.spans[k].1 = id;
        t
    }

    #[test]
    fn a_surname_taken_for_a_place_is_the_person() {
        let gaz = Gazetteer::builtin();
        let kinds =
            |t: &Tagged<'_>| -> Vec<EntityKind> { t.spans.iter().map(|(s, _)| s.kind).collect() };
        let place = EntityKind::Place;
        let listed = Some(0);
        let mut doc = vec![
            tagged(&gaz, &["قال", "ديفيد", "كاميرون", "إن"], &[(1, 3)]),
            as_kind(
                tagged(&gaz, &["وأضاف", "كاميرون", "أمس"], &[(1, 2)]),
                0,
                place,
                None,
            ),
            as_kind(
                tagged(&gaz, &["وقال", "لكاميرون"], &[(1, 2)]),
                0,
                EntityKind::Misc,
                None,
            ),
            as_kind(
                tagged(&gaz, &["زار", "كاميرون"], &[(1, 2)]),
                0,
                place,
                listed,
            ),
        ];
        propagate(&mut doc, &gaz);
        assert_eq!(kinds(&doc[1]), [EntityKind::Person]);
        assert_eq!(kinds(&doc[2]), [EntityKind::Person]);
        assert_eq!(kinds(&doc[3]), [place], "a listed place stays");

        let mut doc = vec![
            tagged(&gaz, &["مستشفى", "فهد", "بالجوف"], &[(1, 3)]),
            as_kind(tagged(&gaz, &["في", "الجوف"], &[(1, 2)]), 0, place, None),
            tagged(&gaz, &["قال", "شارع", "كاميرون"], &[(1, 3)]),
            as_kind(tagged(&gaz, &["في", "كاميرون"], &[(1, 2)]), 0, place, None),
        ];
        propagate(&mut doc, &gaz);
        assert_eq!(
            kinds(&doc[1]),
            [place],
            "a clitic and the article make no surname"
        );
        assert_eq!(kinds(&doc[3]), [place], "no given name before it");
    }
}
