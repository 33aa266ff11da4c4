//! Scoring the extractor on hand-labelled whole articles, after
//! normalisation: each expected entity (a name, its accepted variants and
//! its kind) must come out as one entity of that kind.

use serde::Deserialize;

use super::Extractor;
use super::conll::{Scores, kind_index};
use crate::model::{Entity, EntityKind};
use crate::text::fold::fold;

/// One expected entity of a labelled article.
#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    /// The full name.
    pub text: String,
    /// The kind.
    pub kind: EntityKind,
    /// Other displays accepted for the same entity (e.g. a surname when
    /// the full name never appears).
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A labelled article: text and the entities it mentions.
#[derive(Debug, Clone)]
pub struct Article {
    /// The title.
    pub title: String,
    /// The body.
    pub text: String,
    /// Expected person, place and organisation entities.
    pub expected: Vec<Expected>,
}

impl Article {
    /// Builds an article from a `.txt` (title on the first line, body after)
    /// and the `.json` array of expected entities.
    pub fn parse(txt: &str, json: &str) -> Result<Article, serde_json::Error> {
        let (title, text) = txt.split_once('\n').unwrap_or((txt, ""));
        Ok(Article {
            title: title.trim().to_string(),
            text: text.trim().to_string(),
            expected: serde_json::from_str(json)?,
        })
    }
}

fn scored(k: EntityKind) -> bool {
    k != EntityKind::Misc
}

/// Words that name an organisation's legal form before its name: «شركة
/// فسفاط قفصة» and «فسفاط قفصة» are one name, written either way in the
/// same paper, so labels and extractor may differ there without either
/// being wrong.
const LEGAL_FORMS: [&str; 2] = ["شركه", "موسسه"];

/// The form a name is compared in: folded, without a leading
/// [`LEGAL_FORMS`] word when a name follows it.
fn compared(name: &str) -> String {
    let f = fold(name);
    LEGAL_FORMS
        .iter()
        .find_map(|w| f.strip_prefix(w)?.strip_prefix(' '))
        .map_or_else(|| f.clone(), str::to_string)
}

/// How the extractor's entities of one article compare with its labels:
/// what `eval-ner --show` prints and what the scores count.
#[derive(Debug, Default)]
pub struct Comparison {
    /// Expected entities found, by kind.
    pub found: Vec<EntityKind>,
    /// Expected entities not found (or found with another kind or span).
    pub missed: Vec<Expected>,
    /// Entities found that no label expects.
    pub wrong: Vec<Entity>,
}

/// Compares the extractor's person, place and org entities of an article
/// with its labels: a predicted entity is right when its kind matches and
/// its display folds to the expected name or one of its aliases, with or
/// without a leading legal form ([`LEGAL_FORMS`]).
pub fn compare(ex: &Extractor, a: &Article) -> Comparison {
    let got: Vec<Entity> = ex
        .extract(&a.title, &a.text)
        .into_iter()
        .filter(|e| scored(e.kind))
        .collect();
    let mut used = vec![false; got.len()];
    let mut c = Comparison::default();
    for exp in a.expected.iter().filter(|e| scored(e.kind)) {
        let names: Vec<String> = std::iter::once(&exp.text)
            .chain(&exp.aliases)
            .map(|n| compared(n))
            .collect();
        let hit = got.iter().enumerate().position(|(i, g)| {
            !used[i] && g.kind == exp.kind && names.contains(&compared(&g.display))
        });
        match hit {
            Some(i) => {
                used[i] = true;
                c.found.push(exp.kind);
            }
            None => c.missed.push(exp.clone()),
        }
    }
    c.wrong = got
        .into_iter()
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(g, _)| g)
        .collect();
    c
}

/// Entity-level scores (person, place, org) of the extractor over the
/// articles, counted from [`compare`].
pub fn score(ex: &Extractor, articles: &[Article]) -> Scores {
    let mut s = Scores::default();
    for a in articles {
        let c = compare(ex, a);
        for k in c.found {
            s.per_kind[kind_index(k)].tp += 1;
        }
        for m in &c.missed {
            s.per_kind[kind_index(m.kind)].fn_ += 1;
        }
        for w in &c.wrong {
            s.per_kind[kind_index(w.kind)].fp += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::compared;

    #[test]
    fn a_legal_form_before_a_name_is_optional_in_comparison() {
        assert_eq!(compared("شركة فسفاط قفصة"), compared("فسفاط قفصة"));
        assert_eq!(compared("مؤسسة فيتش سوليوشنز"), compared("فيتش سوليوشنز"));
        assert_eq!(compared("شركة"), "شركه");
        assert_ne!(compared("مجموعة الساحل"), compared("الساحل"));
    }
}
