//! Groups named by a common noun: «القاعدة» is the base and the rule as
//! much as al-Qaeda, so the gazetteer lists only «تنظيم القاعدة», and the
//! tagger, which saw the bare word mostly as a noun in training, leaves
//! «قادة القاعدة», «مصادر من القاعدة» and «طالبان والقاعدة» untagged.

use super::conll::Span;
use super::features::{TokenInfo, fold_token};
use super::sports::OPENING_QUOTES;
use super::{Extractor, Tagged, arabic};
use crate::model::EntityKind;

/// Groups whose short name is a common noun with the article, folded,
/// and the gazetteer name (as written) that gives the entity its id.
const GROUP_NOUNS: [(&str, [&str; 2]); 1] = [("القاعده", ["تنظيم", "القاعدة"])];

/// The noun of a military base, folded: «القاعدة» without its article.
const BASE_NOUN: &str = "قاعده";

/// Folded words before which the noun is a place or a rule, not the
/// group: demonstratives («هذه القاعدة», this rule) and «في», «إلى»,
/// «داخل» (in, to, inside the base), clitics allowed.
const NOT_BEFORE_GROUP: [&str; 7] = ["هذه", "تلك", "في", "الي", "داخل", "قرب", "عند"];

impl Extractor {
    /// Tags a group's short name ([`GROUP_NOUNS`], clitics allowed:
    /// «للقاعدة», «والقاعدة») where nothing else was tagged, nothing
    /// definite follows it (an adjective or a relative pronoun makes it
    /// the noun: «القاعدة الجوية», «القاعدة التي») and no word of
    /// [`NOT_BEFORE_GROUP`] comes before it.
    pub(super) fn take_group_nouns(
        &self,
        infos: &[TokenInfo],
        spans: &mut Vec<(Span, Option<usize>)>,
    ) {
        for i in 0..infos.len() {
            let f = infos[i].folded.as_str();
            let Some((_, full)) = group_noun(f) else {
                continue;
            };
            let described = infos
                .get(i + 1)
                .is_some_and(|n| arabic::is_definite(&n.folded));
            let placed = i > 0
                && arabic::listed_with_clitic(&infos[i - 1].folded, |w| {
                    NOT_BEFORE_GROUP.contains(&w)
                });
            let span = Span {
                start: i,
                end: i + 1,
                kind: EntityKind::Org,
            };
            let covering = spans.iter().position(|(s, _)| s.start <= i && i < s.end);
            if covering.is_some_and(|k| spans[k] != (span, None)) || described || placed {
                continue;
            }
            let folded: Vec<String> = full.iter().map(|w| fold_token(w)).collect();
            let id = self.gaz.find(full, &folded).first().map(|m| m.entry);
            match covering {
                Some(k) => spans[k].1 = id,
                None => spans.push((span, id)),
            }
        }
    }
}

/// The entry of [`GROUP_NOUNS`] a folded word is, clitics allowed.
fn group_noun(folded: &str) -> Option<&'static (&'static str, [&'static str; 2])> {
    GROUP_NOUNS.iter().find(|(noun, _)| {
        noun.strip_prefix("ال")
            .is_some_and(|bare| folded.ends_with(bare))
            && arabic::strip_article_clitic(folded) == *noun
    })
}

/// Whether a folded word is one of [`GROUP_NOUNS`], clitics allowed.
pub(super) fn is_group_noun(folded: &str) -> bool {
    group_noun(folded).is_some()
}

/// Whether a folded word is the head of a group's full name in
/// [`GROUP_NOUNS`] («تنظيم»), clitics allowed («لتنظيم»).
fn is_group_head(folded: &str) -> bool {
    GROUP_NOUNS
        .iter()
        .any(|(_, full)| arabic::listed_with_clitic(folded, |w| fold_token(full[0]) == w))
}

/// Folded adjectives of an indefinite base («قاعدة عسكرية»).
const BASE_ADJECTIVES: [&str; 3] = ["عسكريه", "جويه", "بحريه"];

/// Drops the one-word group names ([`GROUP_NOUNS`]) of a document that
/// tells of a military base and never names the group in full
/// («تنظيم القاعدة»): one that writes the noun indefinite before a name
/// or a base's adjective («قاعدة العند», «لقاعدة عسكرية») or definite
/// before a definite adjective («القاعدة البحرية»). There «اقتحام
/// القاعدة» and «داخل القاعدة» are the base stormed and entered. A name
/// in quotation marks («"القاعدة"») is the group's still.
pub(super) fn drop_in_base_story(doc: &mut [Tagged<'_>]) {
    let mut base = false;
    for t in doc.iter() {
        for (k, info) in t.infos.iter().enumerate() {
            let f = info.folded.as_str();
            if !f.ends_with(BASE_NOUN) {
                continue;
            }
            if k > 0 && is_group_noun(f) && is_group_head(&t.infos[k - 1].folded) {
                return;
            }
            let next = t.infos.get(k + 1).map_or("", |n| n.folded.as_str());
            let indefinite = arabic::listed_with_clitic(f, |w| w == BASE_NOUN);
            base |= (indefinite && (arabic::is_definite(next) || BASE_ADJECTIVES.contains(&next)))
                || (is_group_noun(f) && arabic::is_definite_adjective(next));
        }
    }
    if !base {
        return;
    }
    for t in doc.iter_mut() {
        let (infos, tokens) = (&t.infos, &t.tokens);
        t.spans.retain(|(s, _)| {
            let quoted = s.start > 0 && OPENING_QUOTES.contains(&tokens[s.start - 1]);
            quoted
                || !(s.kind == EntityKind::Org
                    && s.end == s.start + 1
                    && is_group_noun(&infos[s.start].folded))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_word_lists_are_folded() {
        let words = NOT_BEFORE_GROUP
            .iter()
            .chain(BASE_ADJECTIVES.iter())
            .chain(std::iter::once(&BASE_NOUN))
            .chain(GROUP_NOUNS.iter().map(|(n, _)| n));
        for w in words {
            assert_eq!(&fold_token(w), w);
        }
    }
}
