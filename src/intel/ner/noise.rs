//! Spans the tagger finds that name nothing: a month, a sum of money, a
//! noun in construct, an elative or an adjective in use, a nationality
//! adjective, and an ambiguous word («سيول», floods or Seoul) used as a
//! word.

use super::conll::Span;
use super::features::TokenInfo;
use super::gazetteer::Gazetteer;
use super::institutions::{INSTITUTION_HEADS, NOT_MODIFIERS, PORTFOLIOS};
use super::person_names::{
    ADJECTIVE_NAMES, NAME_JOINERS, NOUN_NAMES, is_person_word, looks_like_name,
    opened_by_particle_and_article,
};
use super::{Extractor, ON, arabic, tokenize};
use crate::model::EntityKind;

/// Quotation marks, as tokens: a single word between two of them is no
/// person (see [`Extractor::is_noise`]).
const QUOTES: [&str; 9] = ["«", "»", "\"", "'", "“", "”", "‘", "’", "„"];

/// True for an English nationality adjective built on a place name
/// («korean», «saudi», «german»), given the folded token.
pub(super) fn is_demonym(f: &str, is_place_stem: &dyn Fn(&str) -> bool) -> bool {
    if !f.is_ascii() || f.len() < 4 {
        return false;
    }
    if is_place_stem(f) {
        return true;
    }
    ["ian", "an", "ese", "ish", "i", "n"]
        .iter()
        .filter_map(|suf| f.strip_suffix(suf))
        .any(|stem| stem.len() >= 4 && is_place_stem(stem))
}

/// Folded given names that are also the first noun of an office
/// («أمين المكتبة», the librarian; «عميد الكلية», the dean): alone and
/// before a definite word that is no name, they name the office. ANERcorp
/// tags «أمين» before a definite word as a one-word person never.
pub(super) const OFFICE_NAMES: [&str; 2] = ["امين", "عميد"];

/// The Levantine month names, folded («نيسان», April, is also Nissan,
/// and «تموز» a god): only where a date shows them as months are they
/// left out, see [`Extractor::is_month`].
pub(super) const LEVANTINE_MONTHS: [&str; 10] = [
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
];

/// The Gregorian month names, folded, which news writes before or after
/// the Levantine ones («22 أبريل (نيسان)»).
pub(super) const MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Words after a month that make it a date («نيسان الماضي»).
pub(super) const MONTH_AFTER: [&str; 4] = ["الماضي", "المقبل", "الجاري", "المنصرم"];

/// Folded nouns after which «مالي» is the adjective "financial" («مبلغ
/// مالي», «إنقاذ مالي») rather than Mali («شمال مالي», «حكومة مالي»),
/// see [`is_financial`].
pub(super) const FINANCIAL_NOUNS: [&str; 40] = [
    "تعثر",
    "عبء",
    "ارهاق",
    "ضايقه",
    "انقاذ",
    "مبلغ",
    "مقابل",
    "دعم",
    "فساد",
    "ميزانيه",
    "ازمات",
    "ازمه",
    "اجر",
    "هدر",
    "مستشار",
    "مستشاره",
    "مساعدات",
    "مازق",
    "نظام",
    "عجز",
    "تمويل",
    "وضع",
    "استقرار",
    "تعويض",
    "عايد",
    "مردود",
    "ضمان",
    "قرض",
    "خبير",
    "محلل",
    "احتيال",
    "وسيط",
    "سوق",
    "مركز",
    "اصلاح",
    "حافز",
    "ربح",
    "تقرير",
    "قطاع",
    "استثمار",
];

/// Folded common phrases that are no names: the model tags «الحد
/// الأقصى» ("the maximum", in 11 articles of a day) misc after ANERcorp,
/// where a few are, and the institution rule read «مجلس الإدارة» ("the
/// board", of any company; in 18 articles) as one organisation, and
/// «هيئة التدريس» (a university's teaching staff), «هيئة المحكمة» (the
/// bench) and «هيئة الدفاع» (the defence team) as bodies.
pub(super) const NOT_NAME_PHRASES: [[&str; 2]; 7] = [
    ["زيت", "الزيتون"],
    ["الحد", "الاقصي"],
    ["الحد", "الادني"],
    ["مجلس", "الاداره"],
    ["هييه", "التدريس"],
    ["هييه", "المحكمه"],
    ["هييه", "الدفاع"],
];

/// Folded adjectives that describe a body rather than name it: see
/// [`is_described_body`].
pub(super) const DESCRIBING_ADJECTIVES: [&str; 4] = ["الجديد", "الجديده", "القديم", "القديمه"];

/// Whether an organisation span is a definite noun (clitics allowed) and
/// an adjective that describes it, «الجديد» or one of [`NOT_MODIFIERS`]:
/// «المركز الجديد» is the new centre, «المجلس الحالي» the current
/// council, no body's name.
pub(super) fn is_described_body(infos: &[TokenInfo], s: &Span) -> bool {
    s.kind == EntityKind::Org
        && matches!(&infos[s.start..s.end], [head, adjective]
            if arabic::strip_article_clitic(&head.folded).starts_with("ال")
                && (DESCRIBING_ADJECTIVES.contains(&adjective.folded.as_str())
                    || NOT_MODIFIERS.contains(&adjective.folded.as_str())))
}

/// Whether an organisation span is an indefinite head of
/// [`INSTITUTION_HEADS`] (clitics allowed) described but not named: by an
/// indefinite feminine nationality adjective that is no listed name
/// itself («شركة ألمانية», a German company; «شركة سعودية للطاقة»;
/// «جامعة فلسطينية», but «جامعة بنغازي»; a masculine «…ي» ends too
/// many names, «شركة إنجي», «محكمة سيدي امحمد») or by a «لل» complement straight after it («مركز
/// للطاقة الشمسية», a solar energy centre). A body's name puts a name
/// or a definite genitive after its head («شركة أرامكو», «مركز الملك
/// عبدالله للأبحاث»).
pub(super) fn is_generic_body(
    tokens: &[&str],
    infos: &[TokenInfo],
    s: &Span,
    gaz: &Gazetteer,
) -> bool {
    let [head, next, ..] = &infos[s.start..s.end] else {
        return false;
    };
    // Read on the written word: folded, «ألمانية» opens with «ال» too.
    let definite_next = arabic::strip_article_clitic(tokens[s.start + 1]).starts_with("ال");
    let head = arabic::strip_article_clitic(&head.folded);
    let indefinite_head = !head.starts_with("ال")
        && arabic::listed_with_clitic(&head, |w| INSTITUTION_HEADS.contains(&w));
    let next = next.folded.as_str();
    let nisba = || {
        !gaz.is_one_word_place(next)
            && !definite_next
            && next
                .strip_suffix("يه")
                .is_some_and(|stem| stem.chars().count() >= 3 && gaz.is_place_stem(stem))
    };
    s.kind == EntityKind::Org
        && indefinite_head
        && (next
            .strip_prefix("لل")
            .is_some_and(|r| r.chars().count() >= 3)
            || nisba())
}

/// Folded elatives that open a superlative in construct («أكبر مصدّري
/// زيت الزيتون», the largest exporters of olive oil): the word after
/// one is a common noun, so a person span there that opens with no
/// given name is none (see [`Extractor::is_noise`]). Of 265 such words
/// in ANERcorp's training text outside names, one is followed by a
/// person, a given name («أفضل عادل إمام», "I prefer Adel Imam"). Not
/// «أشهر», also "months".
pub(super) const ELATIVES: [&str; 16] = [
    "اكبر", "اكثر", "افضل", "اهم", "اقدم", "اعلي", "اسوا", "احسن", "اصغر", "اقل", "ابرز", "اعظم",
    "اغني", "اقوي", "اسرع", "اطول",
];

/// Words that make «حسن» before them "good" rather than the given name
/// («حسن الجوار», good neighbourliness; «حسن النية», «حسن نية», good
/// faith; «حسن التنظيم», good organisation).
pub(super) const GOOD_WHAT: [&str; 14] = [
    "الجوار",
    "النيه",
    "نيه",
    "التنظيم",
    "الظن",
    "السير",
    "الاداء",
    "التعامل",
    "الاداره",
    "الاستقبال",
    "الضيافه",
    "الخلق",
    "الحظ",
    "التدبير",
];

/// Folded words for "in a … way" after which «حسن» is "good" («بشكل
/// حسن»).
pub(super) const IN_A_WAY: [&str; 3] = ["بشكل", "بصوره", "بطريقه"];

/// Folded nouns that announce a place name right after them («محافظة
/// الخرج», «بمدينة بريدة»): a one-word gazetteer name that is also an
/// ordinary word is taken there without the tagger.
pub(super) const PLACE_NOUNS: [&str; 12] = [
    "مدينه",
    "ولايه",
    "محافظه",
    "منطقه",
    "اقليم",
    "قريه",
    "بلده",
    "عاصمه",
    "العاصمه",
    "مديريه",
    "قضاء",
    "بلديه",
];

impl Extractor {
    /// Whether an Arabic person span of two words or more holds no word
    /// that looks like a name: none a given name, a joiner («ابن»), a
    /// word of the name dictionary or of persons in the training text, or
    /// scored 0 or more by its letters («ارتفاع الأسعار», "rising
    /// prices").
    pub(super) fn is_nameless(&self, infos: &[TokenInfo], s: &Span) -> bool {
        s.kind == EntityKind::Person
            && infos[s.start..s.end].iter().all(|t| {
                t.folded.chars().any(tokenize::is_arabic_char)
                    && !looks_like_name(t)
                    && !NAME_JOINERS.contains(&t.stem())
            })
    }

    /// Whether a person span is a noun opened by a particle and the
    /// article that is no person word, followed only by nationality
    /// adjectives of it («وزير الطاقة والمناجم الجزائري», the Algerian
    /// minister of energy and mines): a name takes no «و» with the
    /// article before its other words.
    fn is_noun_and_nisbas(&self, infos: &[TokenInfo], s: &Span) -> bool {
        let head = &infos[s.start];
        let stem = |x: &str| self.gaz.is_place_stem(x);
        s.kind == EntityKind::Person
            && opened_by_particle_and_article(head)
            && !is_person_word(head)
            && infos[s.start + 1..s.end]
                .iter()
                .all(|t| arabic::is_nisba(&t.folded, &stem))
    }

    /// Whether a one-word person span is a noun of [`NOUN_NAMES`] before
    /// a definite word it governs («لكسب رضا النظام», «عدم رضا
    /// العلويين», «فارس السياسة», «مالك المنزل»), or «جيل» before «من»
    /// («جيل من الشباب»; «رضا من الكويت» is the singer Reda "from
    /// Kuwait"): a name the model saw whole would take the definite word
    /// in with it («نور الشريف»). A title or a given name before it keeps
    /// it («الفنان نور»).
    fn is_noun_in_construct(&self, infos: &[TokenInfo], s: &Span) -> bool {
        let t = &infos[s.start];
        let before = s.start.checked_sub(1).map(|j| &infos[j]);
        s.kind == EntityKind::Person
            && (NOUN_NAMES.contains(&t.folded.as_str()) || NOUN_NAMES.contains(&t.stem()))
            && infos.get(s.end).is_some_and(|n| {
                arabic::is_definite(&n.folded) || (t.folded == "جيل" && n.folded == "من")
            })
            && !before.is_some_and(|p| p.trigger.is_some() || p.first_name)
    }

    /// Whether a one-word person span is a given name of
    /// [`ADJECTIVE_NAMES`] used as the adjective: after an indefinite
    /// feminine noun it qualifies («فرصة فريدة», a unique chance) or
    /// before «من» («فريدة من نوعها», one of a kind).
    pub(super) fn is_adjective_in_use(infos: &[TokenInfo], s: &Span) -> bool {
        let t = &infos[s.start];
        let after_noun = s.start.checked_sub(1).is_some_and(|j| {
            let p = &infos[j].folded;
            p.ends_with('ه') && !arabic::is_definite(p)
        });
        let before_min = infos.get(s.end).is_some_and(|n| n.folded == "من");
        s.kind == EntityKind::Person
            && ADJECTIVE_NAMES.contains(&t.folded.as_str())
            && (after_noun || before_min)
    }

    /// Whether token `i` is a Levantine month name (clitics allowed:
    /// «بنيسان») in a date: after a number or a Gregorian month («22
    /// نيسان», «أبريل (نيسان)»), or before one, a number or «الماضي» and
    /// the like.
    fn is_month(&self, tokens: &[&str], infos: &[TokenInfo], i: usize) -> bool {
        let month = |w: &str| LEVANTINE_MONTHS.contains(&w);
        if !arabic::listed_with_clitic(&infos[i].folded, month) {
            return false;
        }
        let skip = |k: usize| matches!(tokens.get(k), Some(&("(" | ")" | "/" | "،" | ",")));
        let dated = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| t.chars().all(|c| c.is_numeric()))
                || infos
                    .get(k)
                    .is_some_and(|x| MONTHS.contains(&x.folded.as_str()))
        };
        let before = match i.checked_sub(1) {
            Some(k) if skip(k) => k.checked_sub(1),
            k => k,
        };
        let after = if skip(i + 1) { i + 2 } else { i + 1 };
        before.is_some_and(dated)
            || dated(after)
            || infos
                .get(after)
                .is_some_and(|x| MONTH_AFTER.contains(&x.folded.as_str()))
    }

    /// Spans that are not names: punctuation or digits only, «حسن» as
    /// "good" («حسن الجوار», «بشكل حسن»), a Levantine month in a date, «مالي» as
    /// "financial", a day or
    /// month name, a given name that opens an office («أمين المكتبة»,
    /// see `OFFICE_NAMES`), a single nationality adjective («الروسي», «Korean»)
    /// tagged as a person, place or organisation, «على» ("on") alone as a
    /// person, or a single quoted word tagged as a person: news quotes the
    /// names of projects, brands and agencies («نور», «مازن»), which are
    /// often given names too, and seldom a person's. A ministry's portfolio
    /// alone is no person («وزير النقل واللوجستيك»). Nor is a person span
    /// after an elative ([`ELATIVES`]) that no given name opens.
    pub(super) fn is_noise(&self, tokens: &[&str], infos: &[TokenInfo], s: &Span) -> bool {
        let toks = &tokens[s.start..s.end];
        if !toks.iter().any(|t| t.chars().any(tokenize::is_letter)) {
            return true;
        }
        if let [a, b] = &infos[s.start..s.end]
            && arabic::listed_with_clitic(&a.folded, |x| {
                NOT_NAME_PHRASES.contains(&[x, b.folded.as_str()])
            })
        {
            return true;
        }
        let folded_at = |i: usize| infos.get(i).map_or("", |x| x.folded.as_str());
        if infos[s.start].folded == "حسن"
            && s.end - s.start <= 2
            && (GOOD_WHAT.contains(&folded_at(s.start + 1))
                || (s.end - s.start == 1
                    && s.start
                        .checked_sub(1)
                        .is_some_and(|i| IN_A_WAY.contains(&folded_at(i)))))
        {
            return true;
        }
        if s.kind == EntityKind::Person
            && !infos[s.start].first_name
            && s.start
                .checked_sub(1)
                .is_some_and(|j| ELATIVES.contains(&infos[j].folded.as_str()))
        {
            return true;
        }
        if s.end - s.start != 1 {
            return self.is_nameless(infos, s) || self.is_noun_and_nisbas(infos, s);
        }
        if self.is_month(tokens, infos, s.start) || is_financial(infos, s) {
            return true;
        }
        let quote = |i: Option<usize>| {
            i.and_then(|i| tokens.get(i))
                .is_some_and(|t| QUOTES.contains(t))
        };
        if s.kind == EntityKind::Person && quote(s.start.checked_sub(1)) && quote(Some(s.end)) {
            return true;
        }
        let f = &infos[s.start].folded;
        // A place the tagger found that is a common word never inside a
        // name in training («بلدة صغيرة», a small town; «هذه الكهوف»),
        // unless definite after a noun that announces a place («مدينة
        // الباب», «حي الحمراء»).
        let named_by_noun = arabic::is_definite(f)
            && s.start > 0
            && (PLACE_NOUNS.contains(&infos[s.start - 1].stem())
                || infos[s.start - 1].stem() == "حي");
        let common_place =
            s.kind == EntityKind::Place && self.common.contains(f.as_str()) && !named_by_noun;
        if self.gaz.is_stopword(f)
            || common_place
            || self.is_noun_in_construct(infos, s)
            || Self::is_adjective_in_use(infos, s)
        {
            return true;
        }
        if s.kind == EntityKind::Person
            && (ON.contains(&toks[0])
                || arabic::strip_article_clitic(f)
                    .strip_prefix("ال")
                    .is_some_and(|p| PORTFOLIOS.contains(&p)))
        {
            return true;
        }
        if s.kind == EntityKind::Person
            && OFFICE_NAMES.contains(&f.as_str())
            && infos
                .get(s.end)
                .is_some_and(|n| arabic::is_definite(&n.folded))
            && !self.is_name_word(infos, s.end)
        {
            return true;
        }
        if s.kind == EntityKind::Misc {
            return false;
        }
        let stem = |x: &str| self.gaz.is_place_stem(x);
        arabic::is_nisba(f, &stem) || is_demonym(f, &stem)
    }

    /// True for a one-word span that is a name and also an ordinary word
    /// ([`Extractor::is_ambiguous_word`]) followed by an indefinite
    /// Arabic word with a feminine ending that is no name word: a name
    /// takes no indefinite adjective, so «ألحقت سيول جارفة» is raging
    /// floods, not Seoul. Not at the start of a sentence or clause, where
    /// the word may be a predicate («أن حماس موافقة», Hamas agrees).
    pub(super) fn ambiguous_before_indefinite(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        s: &Span,
    ) -> bool {
        let Some(next) = infos.get(s.end) else {
            return false;
        };
        let opens_clause = s.start == 0
            || infos[s.start - 1].shape == "punct"
            || ["ان", "لكن", "لان", "بان", "وان", "فان"]
                .contains(&infos[s.start - 1].folded.as_str());
        !opens_clause
            && self.is_ambiguous_word(infos, s)
            && !arabic::strip_article_clitic(tokens[s.end]).starts_with("ال")
            && next.stem_at == 0
            && next.folded.ends_with('ه')
            && next.folded.chars().count() >= 4
            && !self.is_name_word(infos, s.end)
    }

    /// True for a one-word span that is a name and also an ordinary word
    /// (`ambiguous.tsv`, `cities_ambiguous.tsv`), unless it is a place
    /// after a noun that announces one (`PLACE_NOUNS`).
    pub(super) fn is_ambiguous_word(&self, infos: &[TokenInfo], s: &Span) -> bool {
        let after_place_noun = || {
            s.kind == EntityKind::Place
                && s.start > 0
                && PLACE_NOUNS.contains(&infos[s.start - 1].stem())
        };
        s.end - s.start == 1 && !after_place_noun() && self.gaz.is_ambiguous(&infos[s.start].folded)
    }
}

/// Whether a one-word span is «مالي» qualifying a noun of money
/// ([`FINANCIAL_NOUNS`], clitics allowed: «ودعم مالي»): "financial",
/// not the country. Also asked where a name is carried to its
/// recurrences (`document::propagate`): Mali named in one sentence does
/// not make «تعثر مالي» the country in another.
pub(super) fn is_financial(infos: &[TokenInfo], s: &Span) -> bool {
    s.end - s.start == 1
        && infos[s.start].folded == "مالي"
        && s.start
            .checked_sub(1)
            .and_then(|k| infos.get(k))
            .is_some_and(|p| {
                arabic::listed_with_clitic(&p.folded, |w| FINANCIAL_NOUNS.contains(&w))
            })
}
