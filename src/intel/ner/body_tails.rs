//! The tails of Arabic bodies' names the tagger leaves off: a second
//! noun joined by «و» to the last («نقابة عمال الموانئ | والسكك
//! الحديدية», «مركز التسوية | والتحكيم الرياضي») and the adjective after
//! it («وزارة الكهرباء والطاقة | المتجددة»), and the place a union or an
//! association is «في» («جمعية شركات الضمان | في لبنان»).

use super::conll::Span;
use super::features::TokenInfo;
use super::institutions::opens_another_institution;
use super::{Extractor, arabic, tokenize};
use crate::model::EntityKind;

/// Folded heads (clitics allowed) of bodies whose names join two nouns
/// with «و» («لجنة النفط والغاز والثروات الطبيعية», «نقابة الممرضات
/// والممرضين»). Not «وزارة», whose portfolios have their own list, nor a
/// company, after which «و» as often opens what else was named («شركة
/// أرامكو والشركات …»).
const JOINED_NOUN_HEADS: [&str; 14] = [
    "نقابه",
    "النقابه",
    "لجنه",
    "اللجنه",
    "مركز",
    "المركز",
    "جمعيه",
    "الجمعيه",
    "هييه",
    "الهييه",
    "اتحاد",
    "الاتحاد",
    "الجامعه",
    "رابطه",
];

/// Folded heads (clitics allowed) of bodies named with the place they
/// serve after «في» («نقابة الممرضات والممرضين في لبنان», «جمعية
/// المصارف في الأردن»): unions, associations and chambers.
const PLACED_HEADS: [&str; 8] = [
    "نقابه",
    "النقابه",
    "جمعيه",
    "الجمعيه",
    "غرفه",
    "الغرفه",
    "رابطه",
    "الرابطه",
];

/// Folded words (after «وال») that «و» joins to a body's name as
/// something else named beside it: the bodies, people and things a
/// story lists («اتحاد القدم | والأندية», «هيئة مكافحة الفساد | والجهات
/// …», «… والمشاركين»), and relative pronouns («والذين»).
const NOT_JOINED: [&str; 34] = [
    "جهات",
    "انديه",
    "مشاركين",
    "مشاركون",
    "موسسات",
    "شركات",
    "هييات",
    "دول",
    "وزارات",
    "منظمات",
    "اجهزه",
    "مسوولين",
    "موظفين",
    "عاملين",
    "اعضاء",
    "مواطنين",
    "لاعبين",
    "طلاب",
    "مبتعثين",
    "مبتعث",
    "مستثمرين",
    "بنوك",
    "مصارف",
    "مدارس",
    "جامعات",
    "اطباء",
    "نواب",
    "ذين",
    "تي",
    "ذي",
    "اخري",
    "اخرين",
    "حكومه",
    "مجتمع",
];

/// Folded words after a joined noun that show it opens a phrase of its
/// own, no part of the name («والمفرج عنهم»).
const PHRASE_AFTER: [&str; 8] = ["عن", "عنهم", "عنها", "من", "منهم", "الذي", "التي", "الذين"];

/// How many «و» nouns a body's name may take after the tagger's span.
const MAX_JOINED: usize = 2;

impl Extractor {
    /// Extends each Arabic body with no id that opens with a head of
    /// [`JOINED_NOUN_HEADS`] over the nouns joined to its last word by
    /// «و» and their definite adjectives («والسكك الحديدية»), and one of
    /// [`PLACED_HEADS`] over «في» and a place right after it; a body that
    /// ends in a noun joined by «و» also takes the adjectives after it
    /// («وزارة الكهرباء والطاقة | المتجددة»). A joined noun is a definite
    /// Arabic word («والغاز») or «وإعادة» and its genitive, after a
    /// definite word, that no span holds, that opens no other institution
    /// («وجامعة …») and is none of [`NOT_JOINED`], and that no
    /// [`PHRASE_AFTER`] word follows.
    pub(super) fn extend_body_tails(
        &self,
        infos: &[TokenInfo],
        spans: &mut [(Span, Option<usize>)],
    ) {
        for k in 0..spans.len() {
            let (s, id) = spans[k];
            if s.kind != EntityKind::Org || id.is_some() {
                continue;
            }
            let next_start = spans.get(k + 1).map_or(infos.len(), |(n, _)| n.start);
            let free = |m: usize| m < next_start;
            let head = infos[s.start].folded.as_str();
            let mut end = s.end;
            if arabic::listed_with_clitic(head, |x| JOINED_NOUN_HEADS.contains(&x)) {
                let mut joined = 0;
                while joined < MAX_JOINED && free(end) {
                    match joined_noun_end(infos, end) {
                        Some(e) if (end..e).all(free) => {
                            end = e;
                            joined += 1;
                        }
                        _ => break,
                    }
                }
            }
            let ends_joined = infos[end - 1].folded.starts_with("وال") && end - 1 > s.start + 1;
            if ends_joined {
                while free(end) && infos.get(end).is_some_and(is_plain_adjective) {
                    end += 1;
                }
            }
            if arabic::listed_with_clitic(head, |x| PLACED_HEADS.contains(&x))
                && end == s.end
                && infos.get(end).is_some_and(|t| t.folded.as_str() == "في")
                && let Some((p, _)) = spans.get(k + 1)
                && p.start == end + 1
                && p.kind == EntityKind::Place
                && p.end - p.start == 1
            {
                end = p.end;
            }
            spans[k].0.end = end;
        }
    }
}

/// Where a noun joined by «و» at token `j` ends: «والغاز» alone, or
/// with the definite adjectives after it («والسكك الحديدية»), or
/// «وإعادة» and the definite genitive after it («وإعادة التأمين»).
fn joined_noun_end(infos: &[TokenInfo], j: usize) -> Option<usize> {
    let t = infos.get(j)?;
    let f = t.folded.as_str();
    let before = infos.get(j.checked_sub(1)?)?.folded.as_str();
    if opens_another_institution(f)
        || t.first_name
        || t.gaz.is_some()
        || f.strip_prefix("وال")
            .is_some_and(|w| NOT_JOINED.contains(&w))
        || !(arabic::is_definite(before) || before.starts_with("لل"))
    {
        return None;
    }
    let mut end = if f.starts_with("وال") && f.chars().count() >= 5 {
        j + 1
    } else if f == "واعاده"
        && infos
            .get(j + 1)
            .is_some_and(|g| arabic::is_definite(&g.folded))
    {
        j + 2
    } else {
        return None;
    };
    while infos.get(end).is_some_and(is_plain_adjective) {
        end += 1;
    }
    let phrase = infos
        .get(end)
        .is_some_and(|g| PHRASE_AFTER.contains(&g.folded.as_str()));
    (!phrase).then_some(end)
}

/// Whether a token is a definite adjective with no clitic but the
/// article and a relational ending («الحديدية», «الرياضي», «النيابية»)
/// or «المتجددة».
fn is_plain_adjective(t: &TokenInfo) -> bool {
    let f = t.folded.as_str();
    f.chars().all(tokenize::is_arabic_char)
        && (arabic::is_definite_adjective(f) || f == "المتجدده")
        && t.gaz.is_none()
}
