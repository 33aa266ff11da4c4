//! Sport: a club's one-word name where it stands as the club («النصر في
//! الدوري», «للهلال هدفين») and not as a word or a city, «الرياضي» in a
//! club's full name, the ball game that ends a federation's name, and
//! scores, which are no part of a name.

use super::conll::Span;
use super::features::TokenInfo;
use super::{Extractor, Tagged, arabic, spanned};
use crate::model::EntityKind;

/// The folded stems of «نادي» and «أندية»: sports words, but a literary
/// club is a club too, so they alone make no sentence sports news for
/// clubs' short names; after them a club's name stands as a name.
pub(super) const CLUB_NOUNS: [&str; 2] = ["نادي", "انديه"];

/// Opening quotation marks: a club's short name right after one is the
/// title of something else (the newspaper «« الجزيرة »»).
pub(super) const OPENING_QUOTES: [&str; 4] = ["«", "\"", "“", "'"];

/// Folded definite words of time that may follow a club's name («يلتقي
/// الهلال اليوم»), as days do.
pub(super) const CLUB_TIME_WORDS: [&str; 3] = ["اليوم", "الليله", "الموسم"];

/// Folded names of ball games after «كرة» («لكرة اليد», of handball).
pub(super) const BALL_GAMES: [&str; 5] = ["القدم", "اليد", "السله", "الطايره", "الطاوله"];

/// Ends an organisation span after «كرة» and a ball game
/// ([`BALL_GAMES`]): a sports body's name ends with its game, and the
/// tagger runs it on into the name after it («الاتحاد الكويتي لكرة اليد
/// فيصل العنزي»).
pub(super) fn end_after_ball_game(infos: &[TokenInfo], s: &mut Span) {
    if s.kind != EntityKind::Org {
        return;
    }
    let game = (s.start + 1..s.end.saturating_sub(1)).find(|&k| {
        ["كره", "لكره"].contains(&infos[k].folded.as_str())
            && BALL_GAMES.contains(&infos[k + 1].folded.as_str())
    });
    if let Some(k) = game {
        s.end = k + 2;
    }
}

/// Extends an organisation span over «لكرة» and a ball game right after
/// it ([`BALL_GAMES`]) that no span holds: the game names another body,
/// so a listed name's id goes («الاتحاد الأفريقي» + «لكرة اليد» is the
/// African Handball Confederation, not the African Union).
pub(super) fn take_in_ball_games(t: &mut Tagged<'_>) {
    let n = t.infos.len();
    for k in 0..t.spans.len() {
        let (s, _) = t.spans[k];
        let game = s.kind == EntityKind::Org
            && s.end + 1 < n
            && t.infos[s.end].folded == "لكره"
            && BALL_GAMES.contains(&t.infos[s.end + 1].folded.as_str())
            && !spanned(&t.spans, s.end)
            && !spanned(&t.spans, s.end + 1);
        if game {
            t.spans[k] = (
                Span {
                    end: s.end + 2,
                    ..s
                },
                None,
            );
        }
    }
}

/// Ends a span before a trailing score («نادي مضر السعودي 31-25») or
/// decimal («بنك الاتحاد الوطني 0.7 في المئة»): two numbers joined by
/// «-», «:» or a decimal point, which no name ends with.
pub(super) fn end_before_score(infos: &[TokenInfo], s: &mut Span) {
    let number = |p: &str| !p.is_empty() && p.chars().all(char::is_numeric);
    // A product's version is a decimal in its name («بلوتوث 3.0»).
    let joiners: &[char] = if s.kind == EntityKind::Misc {
        &['-', ':']
    } else {
        &['-', ':', '.', ',', '٫']
    };
    let score = |f: &str| {
        f.split_once(joiners)
            .is_some_and(|(a, b)| number(a) && number(b))
    };
    while s.end - s.start >= 2 && score(&infos[s.end - 1].folded) {
        s.end -= 1;
    }
}

/// Folded «الرياضي»: the adjective of a club's full name. Not the
/// feminine «الرياضية», which after a carmaker describes its cars
/// («فيراري الرياضية»).
const SPORTING: [&str; 1] = ["الرياضي"];

/// Folded «بطولة» (a championship), the noun that opens a tournament's
/// name («بطولة فرنسا المفتوحة»).
pub(super) const CHAMPIONSHIP: &str = "بطوله";

/// Whether a folded word, clitics stripped, opens a tournament's name
/// (for stripping the clitics of «ببطولة» from its display).
pub(super) fn opens_tournament_name(folded: &str) -> bool {
    folded == CHAMPIONSHIP
}

/// Folded ordinals and words of time, masculine, that follow a
/// tournament's name without being part of it («بطولة فرنسا المفتوحة
/// الثانية لها», «… الماضية»); the feminine adds «ه».
pub(super) const NOT_TOURNAMENT_ADJECTIVES: [&str; 12] = [
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "الاخير",
    "الحالي",
    "الماضي",
    "السابق",
    "المقبل",
    "القادم",
    "التالي",
];

/// Folded definite adjectives of a tournament's name that are not
/// relational («الكبرى», «المفتوحة»); relational ones («الدولية») are
/// taken by their form.
pub(super) const TOURNAMENT_ADJECTIVES: [&str; 2] = ["الكبري", "المفتوحه"];

/// Takes a tournament named by «بطولة» (clitics allowed, not «البطولة»)
/// and a place or a tagged misc name after it, or «العالم», into one misc
/// span with the definite adjectives and the one «لل» complement that
/// follow («ببطولة ويمبلدون الدولية للتنس», «بطولة استراليا
/// المفتوحة»): the tagger tags the place alone, but the event is what
/// is named. A person after «بطولة» is a film's or a serial's star
/// («بطولة تيسير فهمي») and is left alone.
pub(super) fn take_championships(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    let mut i = 0;
    while i + 1 < infos.len() {
        let f = infos[i].folded.as_str();
        if !f.ends_with(CHAMPIONSHIP)
            || !arabic::listed_with_clitic(f, |w| w == CHAMPIONSHIP)
            || spans
                .iter()
                .any(|(s, _)| s.start < i + 1 && i < s.end && s.start != i)
        {
            i += 1;
            continue;
        }
        let named = spans.iter().find(|(s, _)| {
            s.start == i + 1 && matches!(s.kind, EntityKind::Place | EntityKind::Misc)
        });
        let mut end = match named {
            Some((s, _)) => s.end,
            None if infos[i + 1].folded == "العالم" => i + 2,
            None => {
                i += 1;
                continue;
            }
        };
        let free = |k: usize| !spans.iter().any(|(s, _)| s.holds(k));
        while end < infos.len() && free(end) {
            let w = infos[end].folded.as_str();
            let masculine = w.strip_suffix('ه').unwrap_or(w);
            if NOT_TOURNAMENT_ADJECTIVES.contains(&masculine) || w == "الاولي" {
                break;
            }
            if arabic::is_definite_adjective(w) || TOURNAMENT_ADJECTIVES.contains(&w) {
                end += 1;
            } else {
                break;
            }
        }
        if end < infos.len() && free(end) && infos[end].folded.starts_with("لل") {
            end += 1;
        }
        spans.retain(|(s, _)| s.end <= i || s.start >= end);
        spans.push((
            Span {
                start: i,
                end,
                kind: EntityKind::Misc,
            },
            None,
        ));
        spans.sort_by_key(|(s, _)| s.start);
        i = end;
    }
}

impl Extractor {
    /// Takes «الرياضي» after an organisation into its name, and a
    /// nationality adjective after that: «الرجاء الرياضي», «الترجي
    /// الرياضي التونسي» are the clubs' full names.
    pub(super) fn take_sporting_adjective(
        &self,
        infos: &[TokenInfo],
        spans: &mut [(Span, Option<usize>)],
    ) {
        let free = |k: usize, spans: &[(Span, Option<usize>)]| {
            k < infos.len() && !spans.iter().any(|(s, _)| s.start <= k && k < s.end)
        };
        for i in 0..spans.len() {
            let end = spans[i].0.end;
            if spans[i].0.kind != EntityKind::Org
                || !free(end, spans)
                || !SPORTING.contains(&infos[end].folded.as_str())
            {
                continue;
            }
            spans[i].0.end += 1;
            let next = end + 1;
            if free(next, spans)
                && arabic::is_nisba(&infos[next].folded, &|x| self.gaz.is_place_stem(x))
                && infos[next].folded.starts_with("ال")
            {
                spans[i].0.end += 1;
            }
        }
    }

    /// Reads a club's short name that is also an ordinary word or a place
    /// («فاز الهلال على النصر», «المريخ»: `sports_clubs.tsv`) as the club
    /// in a sentence of sports news (a word of `sports.tsv` other than
    /// «نادي», as literary clubs are clubs too): its one-word span, or a
    /// CRF span it opens («النصر في الدوري السعودي», «للهلال هدفين»),
    /// becomes the club, which is added where nothing was tagged. A span
    /// that starts before the word («نادي الهلال»), a longer gazetteer
    /// name it opens, and the word where it is no name (see
    /// [`Extractor::stands_as_club`]) are left alone.
    pub(super) fn take_sports_clubs(
        &self,
        infos: &[TokenInfo],
        spans: &mut Vec<(Span, Option<usize>)>,
    ) {
        let sports = infos.iter().any(|t| {
            let stem = t.stem();
            self.gaz.is_sports_word(stem) && !CLUB_NOUNS.contains(&stem)
        });
        if !sports {
            return;
        }
        for i in 0..infos.len() {
            let Some(club) = self.gaz.sports_club(&infos[i].folded) else {
                continue;
            };
            if !self.stands_as_club(infos, spans, i) {
                continue;
            }
            let span = Span {
                start: i,
                end: i + 1,
                kind: EntityKind::Org,
            };
            match spans.iter().position(|(s, _)| s.start <= i && i < s.end) {
                None => spans.push((span, Some(club))),
                Some(k) => {
                    let (s, id) = spans[k];
                    if s.start == i && (s.end == i + 1 || id.is_none()) {
                        spans[k] = (span, Some(club));
                    }
                }
            }
        }
    }

    /// Whether the club name at token `i` stands as a name. Not where it
    /// qualifies the definite noun before it («المنتخب العربي», «المحلي
    /// والعربي»; but «الهلال والنصر», and a name that is no adjective
    /// after an adjective: «غريمه التقليدي الرجاء»), follows an organisation's or
    /// place's noun («قناة الجزيرة»), «في» if it is a city («في
    /// برشلونة», the venue) or an opening quotation mark (the
    /// newspaper «« الجزيرة »»), is qualified by a definite word after it
    /// that is no nationality adjective or day («الهلال الأحمر»,
    /// «الاتحاد العام») or by a «لل» complement («الاتحاد السعودي لكرة
    /// القدم»); nor where it is a nationality adjective before a name
    /// («زميله المصري محمد»), is followed by a feminine one, as a city is
    /// and a club is not («العين الإماراتية»), or is an organisation's
    /// noun followed by one («الاتحاد السعودي», the federation).
    fn stands_as_club(
        &self,
        infos: &[TokenInfo],
        spans: &[(Span, Option<usize>)],
        i: usize,
    ) -> bool {
        let word = &infos[i].folded;
        let stem = |x: &str| self.gaz.is_place_stem(x);
        let nisba = |t: &TokenInfo| arabic::is_nisba(&t.folded, &stem);
        if let Some(p) = i.checked_sub(1).map(|j| &infos[j]) {
            let club_noun = CLUB_NOUNS.contains(&p.stem());
            let after_definite = arabic::is_definite(&arabic::strip_article_clitic(&p.folded));
            let after_adjective =
                arabic::is_definite_adjective(&p.folded) && !arabic::is_definite_adjective(word);
            let qualifies = if arabic::is_definite(word) {
                after_definite && !club_noun && !after_adjective
            } else {
                word.starts_with('و') && after_definite && self.gaz.sports_club(&p.folded).is_none()
            };
            let announces = match self.gaz.trigger(&p.folded) {
                Some(EntityKind::Org) => !club_noun,
                Some(EntityKind::Place) => p.folded.chars().count() > 3,
                _ => false,
            };
            let venue = p.folded == "في" && matches!(infos[i].gaz, Some((EntityKind::Place, _)));
            if qualifies || announces || venue || OPENING_QUOTES.contains(&p.folded.as_str()) {
                return false;
            }
        }
        let mut j = i + 1;
        if let Some(n) = infos.get(j) {
            let day =
                self.gaz.is_stopword(&n.folded) || CLUB_TIME_WORDS.contains(&n.folded.as_str());
            if spans
                .iter()
                .any(|(s, _)| s.start == j && s.kind == EntityKind::Person)
            {
                return false;
            }
            if nisba(n) {
                let feminine = n.folded.ends_with("يه");
                if feminine || self.gaz.trigger(word) == Some(EntityKind::Org) {
                    return false;
                }
                j += 1;
            } else if arabic::is_definite(&n.folded)
                && !day
                && !SPORTING.contains(&n.folded.as_str())
            {
                return false;
            }
        }
        !infos
            .get(j)
            .is_some_and(|n| n.folded.starts_with("لل") || n.folded.starts_with("لكره"))
    }

    /// True for a one-word span that is a name and also an ordinary word
    /// («حماس»: Hamas, and "enthusiasm") in a sentence of sports news,
    /// where the ordinary word is what the crowd shows; the tagger, which
    /// saw the word only as a name, tags it there too.
    pub(super) fn is_ambiguous_in_sports(&self, infos: &[TokenInfo], s: &Span) -> bool {
        self.is_ambiguous_word(infos, s) && infos.iter().any(|t| self.gaz.is_sports_word(t.stem()))
    }
}
