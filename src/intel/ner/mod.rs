//! Named entities (people, places, organisations, misc) in Arabic and
//! English news: a linear-chain CRF per script (trained on ANERcorp and
//! wikigold by `train-ner`, shipped in `data/ner/`) whose output is joined
//! with gazetteer matches, then normalised to one entity per real thing
//! per article.

pub mod arabic;
mod article;
mod body_tails;
pub mod conll;
pub mod crf;
mod document;
mod english_orgs;
pub mod features;
pub mod gazetteer;
mod groups;
pub mod hash;
mod headline;
mod institutions;
pub mod labelled;
mod latin;
mod merge;
pub mod name_grams;
mod named_bodies;
mod noise;
mod person_names;
mod sports;
mod titled_people;
pub mod tokenize;

use std::sync::OnceLock;

use crate::model::{Entity, EntityKind};
use conll::Span;
use crf::CrfModel;
use features::TokenInfo;
use gazetteer::{GazMatch, Gazetteer, Listing};
use hash::FastSet;
use institutions::{INSTITUTION_HEAD_LIST, is_portfolio, opens_another_institution};
use latin::{
    COMPANY_ENDS, NAME_PARTICLES, ORG_PARTICLES, WEEKDAYS, areas_before_their_noun,
    bodies_of_a_place, join_english_org_parts, latin_parts, ministries_by_portfolio,
    opens_vietnamese_name, outlets_after_their_noun, people_after_title, people_by_given_name,
    people_by_role, settle_english_lists, take_english_org_heads,
};
use person_names::{
    MAGHREBI_JOINERS, NAME_JOINERS, PATRONYMICS, is_person_word, join_person_parts,
    place_by_opening_noun, take_appositive_surname,
};
use sports::{end_after_ball_game, end_before_score};
use tokenize::Lang;

static AR_MODEL: &[u8] = include_bytes!("../../../data/ner/ar.crfsuite");
static EN_MODEL: &[u8] = include_bytes!("../../../data/ner/en.crfsuite");
static AR_COMMON: &str = include_str!("../../../data/ner/ar-common.txt");
static AR_FREQUENT: &str = include_str!("../../../data/ner/ar-frequent.txt");
static AR_VERY_FREQUENT: &str = include_str!("../../../data/ner/ar-very-frequent.txt");

/// Added to the Arabic CRF's label scores at every token when decoding:
/// a negative bias on `O` makes it tag more names (Minkov et al. 2006),
/// as the model alone finds too few (recall 67, precision 84 on the
/// held-out part below). Chosen on the held-out last tenth of ANERcorp
/// train (`train-ner --holdout 10 --tail`, then `eval-ner --holdout 10
/// --tail --label-bias O=X`): −0.5 was best for each of three L2
/// settings (F1 +1.1 to +1.6 there); −0.25 and −0.75 gave less, and
/// extra biases for `B-ORG`, `B-PERS` or `B-MISC` did not help.
pub const AR_LABEL_BIAS: [(&str, f32); 1] = [("O", -0.5)];

/// True for an Arabic word ending in a possessive pronoun («فوزه», its
/// win; «قرارها»): it ends no name, «الله» aside. Read on the written
/// word, as folding makes «ة» a «ه».
fn has_pronoun_suffix(word: &str) -> bool {
    !word.starts_with("ال")
        && word != "الله"
        && ["ه", "ها", "هم", "هما"].iter().any(|p| word.ends_with(p))
        && word.chars().count() >= 3
}

/// Folded forms of «أبو» ("father of"), which open a family's name
/// with the word after it («أبو العلا», «أبو ظبي» aside, which is listed
/// whole).
const KUNYA_WORDS: [&str; 3] = ["ابو", "ابي", "ابا"];

/// Folded currency nouns, which open no person's name: the tagger took
/// «دينار جزائري» (an Algerian dinar) for a given name and a surname.
const CURRENCY_WORDS: [&str; 12] = [
    "دينار",
    "دنانير",
    "درهم",
    "ريال",
    "جنيه",
    "ليره",
    "دولار",
    "يورو",
    "روبيه",
    "فرنك",
    "شيكل",
    "تومان",
];

/// Empties a person span opened by a currency noun ([`CURRENCY_WORDS`]).
fn drop_currency_person(infos: &[TokenInfo], s: &mut Span) {
    if s.kind == EntityKind::Person && CURRENCY_WORDS.contains(&infos[s.start].stem()) {
        s.end = s.start;
    }
}

/// Folded words for a part of a stretch of time («أواخر أغسطس», late
/// August), which no name holds.
const TIME_PARTS: [&str; 4] = ["اواخر", "اوايل", "منتصف", "مطلع"];

/// Ends a span before a word of [`TIME_PARTS`] after its first word: the
/// tagger runs a name on into the date after it («نادي الشباب أواخر
/// أغسطس»).
fn end_before_time_part(infos: &[TokenInfo], s: &mut Span) {
    if let Some(k) = (s.start + 1..s.end).find(|&k| TIME_PARTS.contains(&infos[k].folded.as_str()))
    {
        s.end = k;
    }
}

/// Folded «that» particles («إن», «أنه»): a clause opens after them, so
/// no name runs on past one, save as a letter of a spelt acronym («سي إن
/// إن», «إيه إن روي»).
const THAT_PARTICLES: [&str; 5] = ["ان", "انه", "انها", "انهم", "انهما"];

/// Folded Arabic spellings of Latin letters, which acronyms are written
/// in («سي إن إن», «دي إن أو»).
const LETTER_NAMES: [&str; 22] = [
    "اي", "ايه", "بي", "سي", "دي", "اف", "جي", "اتش", "اش", "كي", "ال", "ام", "ان", "او", "تي",
    "في", "اس", "اكس", "واي", "زد", "ار", "يو",
];

/// Ends a span before a «that» particle ([`THAT_PARTICLES`]) after its
/// first word, unless a letter of a spelt acronym is next to it: the
/// tagger runs a name on into the clause it opens («قال بنك مصر إن
/// الأرباح ارتفعت» gave the organisation «بنك مصر إن الأرباح ارتفعت»).
fn end_before_that(infos: &[TokenInfo], s: &mut Span) {
    let letter = |k: usize| {
        infos
            .get(k)
            .is_some_and(|t| LETTER_NAMES.contains(&t.folded.as_str()))
    };
    let that = (s.start + 1..s.end).find(|&k| {
        THAT_PARTICLES.contains(&infos[k].folded.as_str()) && !letter(k - 1) && !letter(k + 1)
    });
    if let Some(k) = that {
        s.end = k;
    }
}

/// Ends a span before a word written with the indefinite accusative's
/// «ً» (tanwin al-fath, «هامشاً», «اندماجاً»), which no name takes: the
/// tagger ran «سوناطراك» on into «هامشاً» and took «معمارياً فريداً»
/// for a person. A span opened by one is left empty.
fn end_before_accusative(tokens: &[&str], s: &mut Span) {
    let accusative = |k: usize| tokens[k].trim_end_matches(['ا', 'ى']).ends_with('\u{64b}');
    if let Some(k) = (s.start..s.end).find(|&k| accusative(k)) {
        s.end = k;
    }
}

impl Extractor {
    /// Ends an organisation span before a verb in the present with the
    /// dual's or the plural's ending («يبحثان», «يطالبون»: «ي», «ان» or
    /// «ون», five letters or more) after two words or more: headlines
    /// put the verb right after the name («بنك برقان | يبحثان»). A
    /// listed name's word stays («يريفان»).
    fn end_before_plural_verb(&self, infos: &[TokenInfo], s: &mut Span) {
        if s.kind != EntityKind::Org {
            return;
        }
        let verb = |k: usize| {
            let f = infos[k].folded.as_str();
            f.starts_with('ي')
                && (f.ends_with("ان") || f.ends_with("ون"))
                && f.chars().count() >= 5
                && !self.gaz.is_name_token(f)
        };
        if let Some(k) = (s.start + 2..s.end).find(|&k| verb(k)) {
            s.end = k;
        }
    }
}

/// Folded titles of a province's or a town's head, which come before the
/// place he governs and then his name: see
/// [`Extractor::place_after_governor`].
const GOVERNOR_TITLES: [&str; 4] = ["محافظ", "والي", "حاكم", "عمده"];

/// Folded words that open two-word Arabic place names whose second word
/// may begin with «و» («بني وليد», «عين وسارة»).
const PAIR_OPENERS: [&str; 6] = ["بني", "عين", "ابو", "ام", "سيدي", "بير"];

/// Splits an Arabic place span of two words, the second opened by «و»,
/// into two places and returns the second: «مخيمي فرشانا وأورونغو»,
/// «المنصورة وكريتر» are two. Places named with «و» are listed
/// («البوسنة والهرسك») and the gazetteer's name replaces the two.
fn split_place_pair(infos: &[TokenInfo], matches: &[GazMatch], s: &mut Span) -> Option<Span> {
    let second = infos.get(s.start + 1)?.folded.as_str();
    let listed = matches.iter().any(|m| m.start <= s.start && s.end <= m.end);
    let pair = s.kind == EntityKind::Place
        && !listed
        && s.end - s.start == 2
        && second.starts_with('و')
        && second.chars().count() >= 5
        && !PAIR_OPENERS.contains(&infos[s.start].folded.as_str());
    if !pair {
        return None;
    }
    s.end = s.start + 1;
    Some(Span {
        start: s.start + 1,
        end: s.start + 2,
        kind: EntityKind::Place,
    })
}

/// Reads an Arabic organisation span opened by a definite head noun
/// and an indefinite word («المعهد ألفة الشابي», «البنك هايكه
/// هارمغارت», «المنظمة افتتحت»): a definite noun takes no indefinite
/// genitive, so the head is the body named earlier and what follows is
/// no part of a name. The rest is a person when it opens with a given
/// name and has two words or more; otherwise the span is left empty.
fn anaphoric_head(tokens: &[&str], infos: &[TokenInfo], s: &mut Span) {
    if s.kind != EntityKind::Org || s.end - s.start < 2 {
        return;
    }
    let head = arabic::strip_article_clitic(&infos[s.start].folded);
    let next = s.start + 1;
    let indefinite = |k: usize| {
        tokens[k].chars().all(tokenize::is_arabic_char)
            && !arabic::strip_article_clitic(tokens[k]).starts_with("ال")
    };
    let Some(noun) = head.strip_prefix("ال") else {
        return;
    };
    if !arabic::is_definite(&head)
        || (infos[s.start].trigger != Some(EntityKind::Org) && !INSTITUTION_HEAD_LIST.holds(noun))
        || !indefinite(next)
    {
        return;
    }
    if s.end - next >= 2 && infos[next].first_name {
        s.start = next;
        s.kind = EntityKind::Person;
    } else {
        s.end = s.start;
    }
}

/// True for a lower-case English compound before a name («state-run»,
/// «government-owned», «Iran-backed» is capitalised and not one): it
/// describes the body and is no part of its name. An Arabic article
/// written with a hyphen («al-Qaeda») is a particle, and its first part
/// is short.
fn is_lower_compound(t: &TokenInfo) -> bool {
    t.shape == "low-dash"
        && t.folded
            .split_once('-')
            .is_some_and(|(first, rest)| first.chars().count() >= 4 && !rest.is_empty())
}

/// Whether a token is the possessive «'s», which the tokenizer splits
/// off its noun.
pub(super) fn is_possessive(t: &TokenInfo) -> bool {
    matches!(t.folded.as_str(), "'s" | "’s")
}

/// Folded English nouns that end a company's name, after which «and»
/// and a capitalised word open another name («Basra Oil Company and
/// QatarEnergy»).
const COMPANY_HEADS_EN: [&str; 4] = ["company", "corporation", "group", "holdings"];

/// True when one of a sentence's spans holds token `k`.
pub(super) fn spanned(spans: &[(Span, Option<usize>)], k: usize) -> bool {
    spans.iter().any(|(s, _)| s.holds(k))
}

/// Replaces the spans that overlap tokens `start..end` of a sentence's
/// sorted spans with one span of `kind` and no gazetteer id over them,
/// kept in order (the twin of `latin::replace_with_org` for spans that
/// carry an id).
pub(super) fn put_span(
    spans: &mut Vec<(Span, Option<usize>)>,
    start: usize,
    end: usize,
    kind: EntityKind,
) {
    spans.retain(|(o, _)| o.end <= start || o.start >= end);
    let at = spans.partition_point(|(o, _)| o.start < start);
    spans.insert(at, (Span { start, end, kind }, None));
}

/// Folded words that join two people's names without being part of
/// either: «و», «أو» ("or": «يوان أو سونغ»), "and", "or".
const OR_WORDS: [&str; 4] = ["و", "او", "and", "or"];

/// «على» ("on") as written, alone or after «و» or «ف»: folded, it is the
/// given name «علي», which Egyptian papers also spell «على».
pub(super) const ON: [&str; 3] = ["على", "وعلى", "فعلى"];

/// The entity extractor: models, gazetteer and trigger lists, loaded once.
pub struct Extractor {
    ar: Option<CrfModel>,
    en: Option<CrfModel>,
    gaz: Gazetteer,
    /// Folded Arabic words common in ANERcorp train and never inside a
    /// name there (`data/ner/ar-common.txt`, written by `train-ner`).
    common: FastSet<String>,
    /// Folded Arabic words frequent in general text and opened by a
    /// particle and the article («بالاتفاق»; `data/ner/ar-frequent.txt`,
    /// from wordfreq): trimmed from the ends of person spans unless they
    /// are name words.
    frequent: FastSet<String>,
    /// Folded Arabic words with no clitic but perhaps the article that
    /// are very frequent in general text («غير», «تأمين», «القاضي»;
    /// `data/ner/ar-very-frequent.txt`, from wordfreq): no company's name
    /// after «شركة», no speaker's family name after «قال».
    very_frequent: FastSet<String>,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("arabic_model", &self.ar.is_some())
            .field("english_model", &self.en.is_some())
            .finish()
    }
}

/// A tagged sentence: tokens, per-token info and the entity spans found
/// (each with the gazetteer id when a gazetteer name covers it exactly).
#[derive(Debug, Clone)]
pub struct Tagged<'a> {
    /// The sentence tokens.
    pub tokens: Vec<&'a str>,
    /// Per-token folded forms and features.
    pub infos: Vec<TokenInfo>,
    /// Spans and their gazetteer ids.
    pub spans: Vec<(Span, Option<usize>)>,
    /// Gazetteer names that lent their id (the second field) to a shorter
    /// span inside them (ANERcorp's convention, «مكة» in «مكة المكرمة»),
    /// kept so that an article's entity shows the full name.
    pub lent: Vec<(Span, usize)>,
}

impl Extractor {
    /// The process-wide extractor, built on first use.
    pub fn global() -> &'static Extractor {
        static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
        EXTRACTOR.get_or_init(Extractor::new)
    }

    fn new() -> Extractor {
        Extractor::with_models(AR_MODEL, EN_MODEL)
    }

    /// An extractor with other CRF models than the shipped ones (for
    /// evaluating a freshly trained model); a model that does not load
    /// is left out.
    pub fn with_models(arabic: &[u8], english: &[u8]) -> Extractor {
        Extractor::with_parts(arabic, english, &AR_LABEL_BIAS, AR_COMMON, None, None)
    }

    /// Like [`Extractor::with_models`], with `ar_bias` instead of
    /// [`AR_LABEL_BIAS`] added to the Arabic model's label scores and
    /// `ar_common` (one folded word a line, `#` comments) instead of the
    /// shipped common-word list, and `ar_names` and `ar_name_dict`
    /// instead of the shipped lists of words seen in names and of the name
    /// dictionary (`None` keeps each), for evaluating a model trained on
    /// part of the data.
    pub fn with_parts(
        arabic: &[u8],
        english: &[u8],
        ar_bias: &[(&str, f32)],
        ar_common: &str,
        ar_names: Option<&str>,
        ar_name_dict: Option<&str>,
    ) -> Extractor {
        let gaz = match ar_name_dict {
            Some(text) => Gazetteer::builtin().with_name_dict(text),
            None => Gazetteer::builtin(),
        };
        Extractor {
            ar: CrfModel::load(arabic).map(|m| m.with_label_bias(ar_bias)),
            en: CrfModel::load(english),
            gaz: match ar_names {
                Some(text) => gaz.with_seen_names(text),
                None => gaz,
            },
            common: gazetteer::list_lines(ar_common)
                .map(str::to_string)
                .collect(),
            frequent: gazetteer::list_lines(AR_FREQUENT)
                .map(features::fold_token)
                .filter(|l| !l.is_empty())
                .collect(),
            very_frequent: gazetteer::list_lines(AR_VERY_FREQUENT)
                .map(features::fold_token)
                .filter(|l| !l.is_empty())
                .collect(),
        }
    }

    /// The shipped Arabic common-word list (see [`Extractor::with_parts`]).
    pub fn shipped_common_words() -> &'static str {
        AR_COMMON
    }

    /// The shipped Arabic and English CRF models, as bytes.
    pub fn shipped_models() -> (&'static [u8], &'static [u8]) {
        (AR_MODEL, EN_MODEL)
    }

    /// True when the shipped CRF model for `lang` loaded (without it only
    /// the gazetteer finds names in that script).
    pub fn model_loaded(&self, lang: Lang) -> bool {
        self.crf(lang).is_some()
    }

    /// The CRF model that tags sentences of `lang`, if it has one.
    fn crf(&self, lang: Lang) -> Option<&CrfModel> {
        match lang {
            Lang::Arabic => self.ar.as_ref(),
            Lang::English => self.en.as_ref(),
            Lang::Other => None,
        }
    }

    /// The gazetteer used for features and matching.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// Tags one tokenised sentence: CRF spans joined with gazetteer names.
    /// CRF spans holding a web or e-mail address are dropped; titles are
    /// cut from the others, person spans end before a known
    /// place, and people joined by «و» are split first. A person's
    /// gazetteer name wins where it covers CRF spans completely; other
    /// gazetteer names keep the CRF spans strictly inside them (ANERcorp
    /// tags «غزة» in «قطاع غزة», «طالبان» in «حركة طالبان»), lending the
    /// id to a lone one of the same kind, and replace a CRF span of the
    /// same words (a club the CRF took for a person gets the gazetteer's
    /// kind); a company of `companies.tsv`, which is no tagger feature,
    /// replaces the spans inside it too («موانئ دبي العالمية» holds no
    /// «دبي», «Moody's» no person «Moody»);
    /// it is added where the CRF found nothing, unless it is one word that
    /// is also an ordinary word («حماس», enthusiasm). A minor name (a
    /// GeoNames town, `cities.tsv`, or a region, `regions.tsv`) does only
    /// that, lends its id to a CRF place of the same words, or, a place of
    /// several words, takes the place of CRF places inside it («ريف
    /// دمشق» for «دمشق», «سانت بطرسبرغ» for «سانت» and «بطرسبرغ»): it cuts
    /// and holds no other CRF span, as many are also surnames
    /// («الأحمدي»), and in a script with no model (Persian,
    /// Hebrew) it is not taken at all («تازه», Persian "new", is also
    /// Taza); in English it also replaces a one-word person of the same
    /// word that is no given name (the small English model takes towns
    /// it never saw, «Ibadan», «Dodoma», for people); a person's gazetteer name
    /// that ends a longer CRF person span («Abdel Fattah el-Sisi») lends
    /// the span its id (not after «بن» or «bin»: in «محمد بن سلمان بن عبد
    /// العزيز» King Salman is the father), as does one right after a CRF person span
    /// («عبدالفتاح» + «السيسي», then joined); otherwise the CRF span stays.
    /// English spans end at no lower-case word but a name particle, and
    /// one before «Minister» is a portfolio, no place (`is_portfolio`); an
    /// «ال…ي» adjective after its noun is no person
    /// (`is_adjective_after_noun`).
    pub fn tag_sentence<'a>(&self, tokens: &[&'a str]) -> Tagged<'a> {
        let lang = tokenize::sentence_lang(tokens).unwrap_or(Lang::English);
        let (infos, matches) = features::analyse(tokens, lang, &self.gaz);
        let crf = self.crf(lang);
        let mut crf_spans = crf.map(|c| c.tag(&infos)).unwrap_or_default();
        crf_spans.retain(|s| {
            !tokens[s.start..s.end]
                .iter()
                .any(|t| tokenize::is_address(t))
        });
        if lang == Lang::English {
            crf_spans = latin_parts(tokens, &infos, crf_spans);
            crf_spans.retain(|s| !is_portfolio(&infos, s));
            for s in crf_spans.iter_mut() {
                if opens_vietnamese_name(&tokens[s.start..s.end]) {
                    s.kind = EntityKind::Person;
                }
            }
            outlets_after_their_noun(tokens, &infos, &mut crf_spans);
            areas_before_their_noun(tokens, &infos, &self.gaz, &mut crf_spans);
            people_by_role(tokens, &mut crf_spans);
            people_after_title(&self.gaz, tokens, &infos, &mut crf_spans);
            ministries_by_portfolio(tokens, &mut crf_spans);
            bodies_of_a_place(&self.gaz, tokens, &matches, &mut crf_spans);
            people_by_given_name(&self.gaz, tokens, &infos, &matches, &mut crf_spans);
        }
        let mut split_off = Vec::new();
        for s in crf_spans.iter_mut() {
            self.strip_title(&infos, s);
            self.start_at_given_name(&infos, s);
            if s.end == s.start {
                continue;
            }
            Self::end_before_title(&infos, s);
            Self::end_before_body(&infos, s);
            end_before_time_part(&infos, s);
            end_before_that(&infos, s);
            end_before_accusative(tokens, s);
            if lang == Lang::Arabic {
                anaphoric_head(tokens, &infos, s);
            }
            self.end_before_plural_verb(&infos, s);
            end_after_ball_game(&infos, s);
            end_before_score(&infos, s);
            drop_currency_person(&infos, s);
            place_by_opening_noun(&infos, s);
            if s.end == s.start {
                continue;
            }
            self.end_at_place(&infos, &matches, s);
            if lang == Lang::Arabic {
                split_off.extend(split_place_pair(&infos, &matches, s));
            }
            split_off.extend(self.end_before_town_in(&infos, s));
            if lang == Lang::Arabic {
                split_off.extend(self.place_after_governor(&infos, &matches, s));
            }
            split_off.extend(self.start_after_known_org(&infos, &matches, s));
            self.trim_common(tokens, &infos, s);
            if lang == Lang::Arabic {
                self.trim_org_common(tokens, &infos, &matches, s);
            }
        }
        crf_spans.retain(|s| s.end > s.start);
        if !split_off.is_empty() {
            crf_spans.extend(split_off);
            crf_spans.sort_by_key(|s| s.start);
        }
        self.complete_joiners(tokens, &infos, &mut crf_spans);
        self.set_given_name(tokens, &infos, &mut crf_spans);
        self.add_given_and_surname(tokens, &infos, &mut crf_spans);
        self.add_named_after_role(tokens, &infos, &mut crf_spans);
        self.take_family_name(tokens, &infos, &matches, &mut crf_spans);
        if lang == Lang::Arabic {
            self.name_after_company_noun(&infos, &mut crf_spans);
            self.speaker_by_family_name(&infos, &mut crf_spans);
            self.person_after_nationality(&infos, &mut crf_spans);
        }
        let mut spans: Vec<(Span, Option<usize>)> = Vec::with_capacity(crf_spans.len());
        let mut lent = Vec::new();
        for s in crf_spans {
            self.split_conjoined(&infos, s, &mut spans);
        }
        self.end_at_known_org(&infos, &matches, &mut spans);
        self.end_before_place_at(&infos, &matches, &mut spans);
        self.end_at_given_name(&infos, &mut spans);
        self.drop_word_before_listed_org(&infos, &matches, &mut spans);
        if lang == Lang::English {
            latin::split_place_pairs(tokens, &matches, &self.gaz, &mut spans);
        }
        for &m in &matches {
            let Some(entry) = self.gaz.entry(m.entry) else {
                continue;
            };
            let g = Span {
                start: m.start,
                end: m.end,
                kind: entry.kind,
            };
            let overlapping: Vec<usize> = spans
                .iter()
                .enumerate()
                .filter(|(_, (s, _))| s.start < g.end && g.start < s.end)
                .map(|(i, _)| i)
                .collect();
            let same_span = |&i: &usize| (spans[i].0.start, spans[i].0.end) == (g.start, g.end);
            // An English span may open with «The» before the listed name
            // («The Association of Banks» + «in Lebanon»), an Arabic one
            // with a verb or a noun opened by «و» («ورحبت» + «فيتش
            // ريتنغز»).
            let opens_at = |s: &Span| {
                s.start + 1 == g.start
                    && match lang {
                        Lang::English => infos[s.start].folded == "the",
                        _ => {
                            let t = &infos[s.start];
                            g.kind == EntityKind::Org
                                && t.folded.starts_with('و')
                                && !t.first_name
                                && !t.dict_name
                        }
                    }
            };
            let inside = |&i: &usize| {
                let s = &spans[i].0;
                (g.start <= s.start || opens_at(s)) && s.end <= g.end
            };
            let covers = overlapping.iter().all(inside);
            let minor = m.listing == Listing::Minor;
            // A place of three words or more opened by a place or a
            // facility's noun may also take in a person the tagger found
            // inside it: «معبر كرم | أبو سالم» is the Kerem Shalom
            // crossing.
            let opened_as_place = || {
                g.end - g.start >= 3
                    && (article::opens_facility(&infos[g.start].folded)
                        || spans[overlapping[0]].0.kind == EntityKind::Place
                            && spans[overlapping[0]].0.start == g.start)
            };
            let minor_extends = minor
                && g.kind == EntityKind::Place
                && g.end - g.start >= 2
                && !overlapping.is_empty()
                && covers
                && overlapping.iter().all(|&i| {
                    let kind = spans[i].0.kind;
                    kind == EntityKind::Place || (kind == EntityKind::Person && opened_as_place())
                });
            let after_division = || {
                g.start > 0
                    && arabic::listed_with_clitic(
                        &infos[g.start - 1].folded,
                        article::is_division_noun,
                    )
            };
            let after_title =
                || g.start > 0 && infos[g.start - 1].trigger == Some(EntityKind::Person);
            let town_for_person = g.kind == EntityKind::Place
                && matches!(overlapping[..], [i] if same_span(&i) && spans[i].0.kind == EntityKind::Person)
                && if g.end - g.start == 1 {
                    let at = || {
                        let f = infos[g.start].folded.as_str();
                        ["ب", "وب"].iter().any(|p| {
                            f.strip_prefix(p)
                                .is_some_and(|rest| self.gaz.is_one_word_place(rest))
                        })
                    };
                    !infos[g.start].first_name
                        && (lang == Lang::English || after_division() || at())
                } else {
                    !after_title()
                };
            let minor_overruled = minor
                && (crf.is_none() || !overlapping.is_empty())
                && !minor_extends
                && !town_for_person
                && !matches!(overlapping[..], [i] if same_span(&i) && spans[i].0.kind == g.kind);
            if (overlapping.is_empty()
                && self.is_ambiguous_word(&infos, &g)
                && !self.coordinated_with_place(&infos, &matches, &g))
                || noise::is_financial(&infos, &g)
                || minor_overruled
            {
                continue;
            }
            let plain = m.listing == Listing::Plain;
            let inside_only = g.kind != EntityKind::Person
                && !minor_extends
                && !plain
                && !overlapping.is_empty()
                && !overlapping.iter().any(same_span);
            if covers && !inside_only {
                for &i in overlapping.iter().rev() {
                    spans.remove(i);
                }
                spans.push((g, Some(m.entry)));
            } else if covers
                && let [i] = overlapping[..]
                && spans[i].0.kind == g.kind
                && spans[i].1.is_none()
            {
                spans[i].1 = Some(m.entry);
                lent.push((g, m.entry));
            } else if let [i] = overlapping[..]
                && g.kind == EntityKind::Person
                && spans[i].0.kind == EntityKind::Person
                && spans[i].0.start < g.start
                && spans[i].0.end == g.end
                && spans[i].1.is_none()
                && !PATRONYMICS.contains(&infos[g.start - 1].folded.as_str())
            {
                if spans[i].0.start + 1 == g.start && self.is_conjoined_common(&infos[g.start - 1])
                {
                    spans[i].0.start = g.start;
                }
                spans[i].1 = Some(m.entry);
            } else if let [i] = overlapping[..]
                && g.kind == EntityKind::Org
                && m.listing != Listing::Minor
                && spans[i].0.kind == EntityKind::Org
                && spans[i].1.is_none()
                && spans[i].0.start + 1 == g.start
                && spans[i].0.end < g.end
                && institutions::INSTITUTION_HEAD_LIST.holds(&infos[spans[i].0.start].folded)
            {
                // A body's head noun before a listed name the tagger cut
                // short: «منظمة مراسلون بلا | حدود».
                spans[i] = (
                    Span {
                        end: g.end,
                        ..spans[i].0
                    },
                    Some(m.entry),
                );
            } else if let [i] = overlapping[..]
                && g.kind != EntityKind::Person
                && m.listing != Listing::Minor
                && (spans[i].0.start, spans[i].0.end) == (g.start, g.end + 1)
                && spans[i].0.kind == g.kind
                && spans[i].1.is_none()
                && has_pronoun_suffix(tokens[g.end])
            {
                spans[i] = (g, Some(m.entry));
            }
        }
        if lang == Lang::Arabic {
            self.take_group_nouns(&infos, &mut spans);
            sports::take_championships(&infos, &mut spans);
        }
        spans.retain(|(s, _)| {
            !self.is_ambiguous_in_sports(&infos, s)
                && !self.ambiguous_before_indefinite(tokens, &infos, s)
        });
        self.take_sports_clubs(&infos, &mut spans);
        self.take_sporting_adjective(&infos, &mut spans);
        spans.sort_by_key(|(s, _)| s.start);
        if lang == Lang::Arabic {
            self.name_after_office(tokens, &infos, &mut spans);
        }
        join_person_parts(&infos, &mut spans);
        take_appositive_surname(&infos, &self.gaz, &mut spans);
        if lang == Lang::English {
            settle_english_lists(tokens, &infos, &mut spans);
            join_english_org_parts(&infos, &mut spans);
            take_english_org_heads(&infos, &mut spans);
            english_orgs::mend(tokens, &infos, &self.gaz, &mut spans);
        }
        let adjectives: Vec<bool> = spans
            .iter()
            .map(|(s, id)| id.is_none() && self.is_adjective_after_noun(&infos, &spans, s))
            .collect();
        let mut adjective = adjectives.into_iter();
        spans.retain(|_| !adjective.next().unwrap_or(false));
        spans.retain(|(s, id)| id.is_some() || !self.is_noise(tokens, &infos, s));
        Tagged {
            tokens: tokens.to_vec(),
            infos,
            spans,
            lent,
        }
    }

    /// True for a folded word neither common in ANERcorp train (`common`)
    /// nor very frequent in general text (`very_frequent`): a word that
    /// may be a name where a rule has no other sign of one.
    fn is_uncommon(&self, f: &str) -> bool {
        !self.common.contains(f) && !self.very_frequent.contains(f)
    }

    /// True for a word opened by «و» whose stem is common in ANERcorp
    /// train and never inside a name there: before a listed person's name
    /// it is a verb or a noun, not a given name («وأمل أوباما أن …», and
    /// Obama hoped that …).
    fn is_conjoined_common(&self, t: &TokenInfo) -> bool {
        t.stem_at > 0 && t.folded.starts_with('و') && self.common.contains(t.stem())
    }

    /// Pushes a CRF span, ended before a weekday ([`WEEKDAYS`]) and, for
    /// an organisation, opened after a place's possessive («Chile's
    /// Supreme Court» is the court, «Turkey's TPAO» the company) and ended before a bracket or a
    /// lower-case word that is no particle ([`ORG_PARTICLES`]), and split where a Latin-script person
    /// span holds a lower-case word that is no name particle («Abiy Ahmed
    /// met Sisi»),
    /// or a second name opened by «و» («محمد بن سلمان ومحمد بن زايد»): the conjunction on a
    /// common given name or name opener or on the first word of a
    /// gazetteer name («السيسي وآبي أحمد»), or standing alone; and where an
    /// organisation span joins two companies («... Co and Intel») or holds
    /// a word opened by «و» that starts a gazetteer name («الأهلي
    /// والوداد», as in «الوداد البيضاوي») or another institution's head
    /// noun («جامعة بيرزيت وجامعة الخليل»), or ties one body to another
    /// («الجامعة العامة للمناجم | التابعة | للاتحاد العام التونسي للشغل»,
    /// see [`institutions::is_affiliation`]).
    fn split_conjoined(&self, infos: &[TokenInfo], s: Span, out: &mut Vec<(Span, Option<usize>)>) {
        if s.kind != EntityKind::Person && s.kind != EntityKind::Org {
            out.push((s, None));
            return;
        }
        let mut s = s;
        let folded = |k: usize| infos[k].folded.as_str();
        // «لل» opens no word of an Arabic person's name: «عبدالله الشهري
        // | للنصر» scored for the club.
        if s.kind == EntityKind::Person
            && let Some(k) = (s.start + 1..s.end).find(|&k| folded(k).starts_with("لل"))
        {
            s.end = k;
        }
        while s.end - s.start >= 2 && WEEKDAYS.contains(&folded(s.end - 1)) {
            s.end -= 1;
            if s.end - s.start >= 2 && ["on", "at"].contains(&folded(s.end - 1)) {
                s.end -= 1;
            }
        }
        if s.kind == EntityKind::Org
            && s.end - s.start >= 3
            && (is_possessive(&infos[s.start + 1])
                || (["'", "’"].contains(&folded(s.start + 1)) && folded(s.start).ends_with('s')))
            && (self.gaz.is_place_stem(folded(s.start))
                || infos[s.start]
                    .gaz
                    .is_some_and(|(k, _)| k == EntityKind::Place))
        {
            s.start += 2;
        }
        while s.kind == EntityKind::Org
            && s.end - s.start >= 2
            && is_lower_compound(&infos[s.start])
        {
            s.start += 1;
        }
        if s.kind == EntityKind::Org
            && let Some(p) = (s.start + 1..s.end - 1).find(|&p| is_possessive(&infos[p]))
            && let Some(owner) = self.possessive_owner(infos, s.start, p)
        {
            out.push((owner, None));
            s.start = p + 1;
        }
        if s.kind == EntityKind::Org
            && let Some(k) = (s.start + 1..s.end).find(|&k| {
                let f = folded(k);
                ["(", ")", "[", "]"].contains(&f)
                    || (infos[k].shape == "low"
                        && !NAME_PARTICLES.contains(&f)
                        && !ORG_PARTICLES.contains(&f))
            })
        {
            s.end = k;
        }
        let mut start = s.start;
        for (k, info) in infos.iter().enumerate().take(s.end).skip(s.start + 1) {
            let f = info.folded.as_str();
            let joins = MAGHREBI_JOINERS.contains(&f)
                && k + 1 < s.end
                && self.can_follow_joiner(&infos[k + 1]);
            let wa_name = f.starts_with('و')
                && !joins
                && (self.gaz.starts_name(f)
                    || self.gaz.opens_listed_name(
                        f,
                        infos[k + 1..s.end].iter().map(|t| t.folded.as_str()),
                    ));
            let (alone, glued) = if s.kind == EntityKind::Person {
                if k > start && self.is_conjoined_nisba(f) && k + 1 < s.end {
                    out.push((Span { start, end: k, ..s }, None));
                    start = k + 1;
                    continue;
                }
                let after_joiner = NAME_JOINERS.contains(&infos[k - 1].stem());
                let glued = wa_name || (!after_joiner && self.is_wa_and_given_name(f));
                let lower = info.shape == "low" && !NAME_PARTICLES.contains(&f);
                (OR_WORDS.contains(&f) || lower, glued)
            } else {
                let after_company = || {
                    k > start
                        && (COMPANY_ENDS.contains(&infos[k - 1].folded.as_str())
                            || (COMPANY_HEADS_EN.contains(&infos[k - 1].folded.as_str())
                                && k + 1 < s.end
                                && infos[k + 1].shape != "low"))
                };
                // Looked at only at an «and»: the run before it is
                // gazetteer-marked or one listed name's first word.
                let listed_pair = || {
                    let listed_before = infos[start..k].iter().all(|t| t.gaz.is_some())
                        || (k == start + 1 && self.gaz.starts_name(folded(start)));
                    k + 1 < s.end && listed_before && self.gaz.starts_name(folded(k + 1))
                };
                let wa_head = k > start + 1 && opens_another_institution(f);
                let affiliated = k + 1 < s.end
                    && institutions::is_affiliation(f)
                    && folded(k + 1).starts_with('ل');
                (
                    (f == "and" && (after_company() || listed_pair())) || affiliated,
                    wa_name || wa_head,
                )
            };
            if !(alone || glued) || k == start {
                continue;
            }
            out.push((Span { end: k, ..s }, None));
            start = if alone { k + 1 } else { k };
        }
        if start < s.end {
            out.push((Span { start, ..s }, None));
        }
    }

    /// The owner before an English organisation's possessive at `p`,
    /// when it is a person or a listed name: «Speaker Nabih Berri's Amal
    /// Movement» is the speaker and his movement, «Wydad's Champions
    /// League» the club and its competition. A person opens with a given
    /// name after any titles and has two words or more; a listed name is
    /// marked by the gazetteer up to the possessive. An acronym alone in
    /// capitals is a body («DOE's Advanced Research Projects Agency»).
    /// Anything else is one name («People's Party», «Qatar University's
    /// Center …», which `split_possessive_bodies` cuts).
    fn possessive_owner(&self, infos: &[TokenInfo], start: usize, p: usize) -> Option<Span> {
        let mut first = start;
        while first < p && self.gaz.is_title(&infos[first].folded) {
            first += 1;
        }
        let person = p - first >= 2 && self.gaz.is_any_given_name(&infos[first].folded);
        let listed = infos[start].gaz.is_some_and(|(_, opens)| opens)
            && infos[start..p].iter().all(|t| t.gaz.is_some())
            && infos[p].gaz.is_none();
        let acronym = p == start + 1
            && infos[start].shape == "caps"
            && (2..=6).contains(&infos[start].folded.chars().count());
        if person {
            Some(Span {
                start: first,
                end: p,
                kind: EntityKind::Person,
            })
        } else if acronym && !listed {
            Some(Span {
                start,
                end: p,
                kind: EntityKind::Org,
            })
        } else if listed {
            let kind = infos[start].gaz.map_or(EntityKind::Org, |(k, _)| k);
            Some(Span {
                start,
                end: p,
                kind,
            })
        } else {
            None
        }
    }

    /// Whether a folded word is «و» and a given name that is no given
    /// name whole: «وعلي» opens a second person, «وسام» is a given name
    /// itself. (The name dictionary and the words seen in names cannot
    /// tell: they hold words without a leading «و», so «ويليامز» is there
    /// as «يليامز».)
    fn is_wa_and_given_name(&self, f: &str) -> bool {
        f.strip_prefix('و')
            .is_some_and(|rest| self.gaz.is_first_name(rest) && !self.gaz.is_first_name(f))
    }

    /// Whether a folded word is «و» and a nationality adjective with the
    /// article («والتركي»): in «رونالدينيو والأرجنتيني ميسي» it joins a
    /// second person, described by it.
    fn is_conjoined_nisba(&self, f: &str) -> bool {
        f.strip_prefix('و').is_some_and(|rest| {
            rest.starts_with("ال") && arabic::is_nisba(rest, &|x| self.gaz.is_place_stem(x))
        })
    }

    /// Ends an organisation span of three words or more before its last
    /// word when that is a listed place opened by «ب» with no article
    /// («معهد الدراسات الأمنية ببريتوريا» is the institute "in Pretoria"),
    /// which the gazetteer step then adds as a place.
    fn end_before_place_at(
        &self,
        infos: &[TokenInfo],
        matches: &[GazMatch],
        spans: &mut [(Span, Option<usize>)],
    ) {
        for (s, id) in spans.iter_mut() {
            let last = s.end - 1;
            let t = &infos[last];
            let in_place = t.folded.starts_with('ب')
                && !t.folded.starts_with("بال")
                && matches.iter().any(|m| {
                    (m.start, m.end) == (last, s.end)
                        && self.gaz.kind_of(m) == Some(EntityKind::Place)
                });
            if s.kind == EntityKind::Org && id.is_none() && s.end - s.start >= 3 && in_place {
                s.end = last;
            }
        }
    }

    /// Starts an Arabic person span of three words or more at its second
    /// word when that is a given name and the first a word opened by «و»
    /// and the article, or by «ل», that is no person word: the end of a
    /// title's portfolio the model took in («وزير المياه والري» | «سامر
    /// العتوم»), or the body the title is of («الرئيس التنفيذي لجواك» |
    /// «عبد الرحمن الكواري»), but not a league named after one («لدوري
    /// عبداللطيف جميل»). «والوليد بن طلال» keeps its given name.
    fn start_at_given_name(&self, infos: &[TokenInfo], s: &mut Span) {
        let first = &infos[s.start];
        let opener = if first.folded.starts_with("وال") {
            Some('و')
        } else if first.folded.starts_with('ل') && !first.folded.starts_with("لل") {
            Some('ل')
        } else {
            None
        };
        if s.kind == EntityKind::Person
            && s.end - s.start >= 3
            && !is_person_word(first)
            && opener.is_some_and(|c| {
                first.folded.strip_prefix(c).is_some_and(|w| {
                    w.chars().count() >= 3
                        && !self.gaz.is_any_given_name(w)
                        && !self.gaz.is_sports_word(w)
                })
            })
            && infos[s.start + 1].first_name
        {
            s.start += 1;
        }
    }

    /// Makes the organisation of a two-word person span whose second word
    /// is a listed organisation of one word, the first being a common
    /// word of the training text the model took for a given name: «حصة
    /// أوكيو» is OQ's share, not a woman named Hessa («حصة»); «ماركو
    /// فيراري» stays a person.
    fn drop_word_before_listed_org(
        &self,
        infos: &[TokenInfo],
        matches: &[GazMatch],
        spans: &mut [(Span, Option<usize>)],
    ) {
        for (s, id) in spans.iter_mut() {
            if s.kind != EntityKind::Person
                || id.is_some()
                || s.end - s.start != 2
                || !self.common.contains(infos[s.start].folded.as_str())
            {
                continue;
            }
            let listed = matches.iter().any(|m| {
                (m.start, m.end) == (s.start + 1, s.end)
                    && m.listing != Listing::Minor
                    && self.gaz.kind_of(m) == Some(EntityKind::Org)
            });
            if listed {
                s.start += 1;
                s.kind = EntityKind::Org;
            }
        }
    }

    /// Ends a person span before a known place inside it («عبد الفتاح
    /// السيسي موسكو» is a person, then a place) unless a known person's
    /// name covers that word; and starts it after a known place that
    /// opens it before two more words («رئيس جمهورية الشيشان حسن
    /// حكيموف», or a town of the minor lists before a given name: «محافظ
    /// نابلس سامي عبد الرحيم حمدان») and has four letters or more and no
    /// sign of a person's name («واك تاي هي», where «واك» is also Wake
    /// Island), or a given name of any list («Badr Mohammed Al-Meer»,
    /// where «Badr» is also a town). A place right after «أبو» is a
    /// family's name, not a cut: «أبو العلا» (AlUla is also a town).
    fn end_at_place(&self, infos: &[TokenInfo], matches: &[GazMatch], s: &mut Span) {
        if s.kind != EntityKind::Person {
            return;
        }
        let kind = |m: &GazMatch| self.gaz.kind_of(m).filter(|_| m.listing != Listing::Minor);
        let place_then_given_name = |m: &GazMatch| {
            m.listing == Listing::Minor
                && infos[m.end].first_name
                && self.gaz.kind_of(m) == Some(EntityKind::Place)
        };
        if let Some(m) = matches.iter().find(|m| m.start == s.start)
            && m.end + 2 <= s.end
            && (kind(m) == Some(EntityKind::Place) || place_then_given_name(m))
            && infos[m.start].stem().chars().count() >= 4
            && !is_person_word(&infos[m.start])
            && !self.gaz.is_any_given_name(&infos[m.start].folded)
        {
            s.start = m.end;
        }
        let cut = matches
            .iter()
            .filter(|m| m.start > s.start && m.start < s.end)
            .filter(|m| kind(m) == Some(EntityKind::Place))
            .map(|m| m.start)
            .filter(|&k| !KUNYA_WORDS.contains(&infos[k - 1].folded.as_str()))
            .filter(|&k| {
                !matches
                    .iter()
                    .any(|p| p.start <= k && k < p.end && kind(p) == Some(EntityKind::Person))
            })
            .min();
        if let Some(k) = cut {
            s.end = k;
        }
    }

    /// Starts an Arabic person span after the place that opens it when a
    /// governor's title comes before («وقال محافظ نينوى | سالم الطائي»,
    /// «والي الخرطوم | …»), minor lists included, and returns the place
    /// as a span of its own: the tagger ran the province into the name.
    /// A given name left alone takes the family name after it.
    fn place_after_governor(
        &self,
        infos: &[TokenInfo],
        matches: &[GazMatch],
        s: &mut Span,
    ) -> Option<Span> {
        if s.kind != EntityKind::Person
            || s.start == 0
            || !arabic::listed_with_clitic(&infos[s.start - 1].folded, |w| {
                GOVERNOR_TITLES.contains(&w)
            })
        {
            return None;
        }
        let place = matches.iter().find(|m| {
            m.start == s.start && m.end < s.end && self.gaz.kind_of(m) == Some(EntityKind::Place)
        })?;
        s.start = place.end;
        // «سالم | الطائي»: the model ended the name before the family's.
        if s.end - s.start == 1
            && infos[s.start].first_name
            && let Some(t) = infos.get(s.end)
        {
            let f = t.folded.as_str();
            let family = f.starts_with("ال")
                && f.chars().count() >= 5
                && (t.seen == Some(EntityKind::Person) || t.dict_name || f.ends_with('ي'))
                && !self.common.contains(f)
                && !matches.iter().any(|m| m.start <= s.end && s.end < m.end);
            if family {
                s.end += 1;
            }
        }
        Some(Span {
            start: place.start,
            end: place.end,
            kind: EntityKind::Place,
        })
    }

    /// Ends a person or organisation span of two words or more before its
    /// last word when that is «ب» ("in") and a listed town, minor lists
    /// included («مستشفى محمد الخامس بشفشاون»), or before «ب» and a
    /// division's noun inside it («كلية كارلتون | بولاية مينيسوتا»), and
    /// returns the town or division as a place span of its own (an
    /// ambiguous town, «بريدة», needs one to be a place at all).
    fn end_before_town_in(&self, infos: &[TokenInfo], s: &mut Span) -> Option<Span> {
        if !matches!(s.kind, EntityKind::Person | EntityKind::Org) || s.end - s.start < 2 {
            return None;
        }
        let division_in = (s.start + 1..s.end - 1).find(|&k| {
            infos[k]
                .folded
                .strip_prefix('ب')
                .is_some_and(article::is_division_noun)
        });
        if let Some(k) = division_in {
            let place = Span {
                start: k,
                end: s.end,
                kind: EntityKind::Place,
            };
            s.end = k;
            return Some(place);
        }
        let last = infos[s.end - 1].folded.as_str();
        if !last
            .strip_prefix('ب')
            .is_some_and(|rest| rest.chars().count() >= 3 && self.gaz.is_one_word_place(rest))
        {
            return None;
        }
        s.end -= 1;
        Some(Span {
            start: s.end,
            end: s.end + 1,
            kind: EntityKind::Place,
        })
    }

    /// True for a one-word Arabic person span «ال…ي» right after a
    /// definite word (clitics allowed: «بالخط») that is in no span and is
    /// no title, trigger, nationality or name word: an adjective agreeing
    /// with its noun («الجانب الليلي», "the night side"; «الخط الكوفي»,
    /// "Kufic script"), which the tagger, pushed towards recall, takes
    /// for a surname. Of ANERcorp's 199 one-word «ال» persons, 29 follow
    /// a definite word: 21 a title («الإمام», «الرئيس»), which keeps
    /// them, 3 another name and 5 another word («الشاعر»). The same holds
    /// for a club's one word that is also an adjective, taken for the
    /// club outside sports news («الخط العربي», "Arabic script").
    fn is_adjective_after_noun(
        &self,
        infos: &[TokenInfo],
        spans: &[(Span, Option<usize>)],
        s: &Span,
    ) -> bool {
        if s.end - s.start != 1 || s.start == 0 {
            return false;
        }
        let t = &infos[s.start];
        let club_word = s.kind == EntityKind::Org && self.gaz.sports_club(&t.folded).is_some();
        if s.kind != EntityKind::Person && !club_word {
            return false;
        }
        let k = s.start - 1;
        let p = &infos[k];
        let stem = |x: &str| self.gaz.is_place_stem(x);
        arabic::is_definite(&t.folded)
            && t.folded.ends_with('ي')
            && arabic::is_definite(&arabic::strip_article_clitic(&p.folded))
            && !spanned(spans, k)
            && !self.gaz.is_title(&p.folded)
            && p.trigger.is_none()
            && p.gaz.is_none()
            && !arabic::is_nisba(&p.folded, &stem)
            && !self.is_name_word(infos, k)
    }

    /// Whether place `g` is joined by «و» to a listed place beside it that
    /// is no ordinary word («في درعا والسويداء», «مكناس وفاس»), or by «من …
    /// إلى» («من العقبة إلى عمّان»): an ambiguous name
    /// ([`Extractor::is_ambiguous_word`]) is a place there.
    fn coordinated_with_place(&self, infos: &[TokenInfo], matches: &[GazMatch], g: &Span) -> bool {
        let plain_place = |m: &GazMatch| {
            self.gaz.kind_of(m) == Some(EntityKind::Place)
                && !(m.end == m.start + 1 && self.gaz.is_ambiguous(infos[m.start].stem()))
        };
        let opened_by_wa = |k: usize| infos[k].folded.starts_with('و') && infos[k].stem_at > 0;
        let word =
            |k: Option<usize>, w: &str| k.and_then(|k| infos.get(k)).is_some_and(|t| t.folded == w);
        let from_to = |a: &Span, b: &Span| {
            b.start == a.end + 1 && word(Some(a.end), "الي") && word(a.start.checked_sub(1), "من")
        };
        g.kind == EntityKind::Place
            && matches.iter().any(|m| {
                let ms = Span {
                    start: m.start,
                    end: m.end,
                    kind: EntityKind::Place,
                };
                plain_place(m)
                    && ((m.start == g.end && opened_by_wa(m.start))
                        || (m.end == g.start && opened_by_wa(g.start))
                        || from_to(g, &ms)
                        || from_to(&ms, g))
            })
    }

    /// The CRF's own spans of one tokenised sentence, before any
    /// post-processing (for measuring what the post-processing adds).
    pub fn crf_spans(&self, tokens: &[&str]) -> Vec<Span> {
        let lang = tokenize::sentence_lang(tokens).unwrap_or(Lang::English);
        let (infos, _) = features::analyse(tokens, lang, &self.gaz);
        let crf = self.crf(lang);
        crf.map(|c| c.tag(&infos)).unwrap_or_default()
    }

    /// The entity spans of each sentence of a document, with the names
    /// found in one sentence also tagged where they recur untagged in
    /// the others (used by the evaluation).
    pub fn document_spans(&self, sents: &[Vec<&str>]) -> Vec<Vec<Span>> {
        let mut doc: Vec<Tagged<'_>> = sents.iter().map(|s| self.tag_sentence(s)).collect();
        groups::drop_in_base_story(&mut doc);
        document::propagate(&mut doc, &self.gaz);
        doc.into_iter()
            .map(|t| t.spans.into_iter().map(|(s, _)| s).collect())
            .collect()
    }

    /// The entity spans of one tokenised sentence (used by the evaluation).
    pub fn spans(&self, tokens: &[&str]) -> Vec<Span> {
        self.tag_sentence(tokens)
            .spans
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }

    /// Extracts the entities of an article: one per real thing, keyed so
    /// spellings (and, through the gazetteer, languages) meet, with the
    /// longest name seen as display and the number of mentions.
    ///
    /// A name tagged in one sentence is also tagged where it recurs
    /// untagged in another. Articles also get Arabic institution names built on a head noun
    /// and its definite modifiers («وزارة الخارجية المصرية»), which the
    /// tagger leaves out because ANERcorp, its training data, does not
    /// annotate them. An English headline in Title Case is read with the
    /// capitals the body gives its words (see `headline`).
    pub fn extract(&self, title: &str, text: &str) -> Vec<Entity> {
        let title_sents = tokenize::sentences(title);
        let body_sents = tokenize::sentences(text);
        let recased = headline::recased(&title_sents, &body_sents, &self.gaz);
        let sents: Vec<Vec<&str>> = title_sents
            .into_iter()
            .zip(&recased)
            .map(|(s, r)| match r {
                Some(words) => words.iter().map(String::as_str).collect(),
                None => s,
            })
            .chain(body_sents)
            .collect();
        let mut doc: Vec<Tagged<'_>> = sents.iter().map(|s| self.tag_sentence(s)).collect();
        for tagged in &mut doc {
            named_bodies::trim_namesakes(tagged, &self.gaz);
        }
        groups::drop_in_base_story(&mut doc);
        document::propagate(&mut doc, &self.gaz);
        article::drop_lone_sentence_starts(&mut doc);
        let mut mentions = Vec::new();
        for mut tagged in doc {
            self.add_institutions(&mut tagged);
            tagged.spans.retain(|(s, id)| {
                id.is_some()
                    || !(noise::is_described_body(&tagged.infos, s)
                        || noise::is_generic_body(&tagged.tokens, &tagged.infos, s, &self.gaz))
            });
            self.extend_body_tails(&tagged.infos, &mut tagged.spans);
            sports::take_in_ball_games(&mut tagged);
            article::companies_named_by_trade(&mut tagged, &self.gaz, &self.very_frequent);
            article::add_facilities(&mut tagged, &self.gaz, &self.common);
            article::add_national_bodies(&mut tagged, &self.gaz);
            named_bodies::add_named_bodies(&mut tagged, &self.gaz);
            article::drop_place_kinds(&mut tagged, &self.gaz);
            article::drop_scenes(&mut tagged);
            article::drop_described_areas(&mut tagged, &self.very_frequent);
            article::show_full_names(&mut tagged);
            article::take_in_division_nouns(&mut tagged, &self.gaz);
            article::settle_kinds(&mut tagged);
            article::trim_org_ends(&mut tagged, &self.gaz);
            article::take_in_company_forms(&mut tagged);
            article::take_in_nationality(&mut tagged, &self.gaz);
            article::drop_leading_quantities(&mut tagged);
            article::dateline_places(&mut tagged);
            article::dateline_agencies(&mut tagged, &self.gaz, &self.common);
            article::quoted_titles(&mut tagged);
            article::drop_asides(&mut tagged, &self.gaz);
            merge::collect_mentions(&tagged, &self.gaz, &mut mentions);
        }
        merge::merge(mentions, &self.gaz)
    }
}

#[cfg(test)]
mod tests {
    use super::institutions::*;
    use super::noise::*;
    use super::person_names::*;
    use super::sports::*;
    use super::*;

    /// The words of folded lists that folding would change: a list
    /// compared with folded tokens never matches such a word («هيئه» for
    /// «هييه»).
    pub(in crate::intel::ner) fn unfolded<'a>(lists: &[&[&'a str]]) -> Vec<&'a str> {
        lists
            .iter()
            .flat_map(|l| l.iter().copied())
            .filter(|w| features::fold_token(w) != *w)
            .collect()
    }

    #[test]
    fn folded_word_lists_are_folded() {
        let lists: [&[&str]; 38] = [
            &NAME_JOINERS,
            &GOVERNOR_TITLES,
            &DESCRIBING_ADJECTIVES,
            &ENDING_JOINERS,
            &MAGHREBI_JOINERS,
            &BORN_WORDS,
            &CLUB_NOUNS,
            &CLUB_TIME_WORDS,
            &TIME_PARTS,
            &BALL_GAMES,
            &NAME_PARTICLES,
            &ORG_PARTICLES,
            &WEEKDAYS,
            &COMPANY_ENDS,
            &INSTITUTION_HEADS,
            &NISBA_HEADS,
            &GROUP_HEADS,
            &DEFINITE_HEADS,
            &NOT_MODIFIERS,
            &PERSONAL_TITLES,
            &OFFICE_NAMES,
            &LEVANTINE_MONTHS,
            &MONTHS,
            &MONTH_AFTER,
            &FINANCIAL_NOUNS,
            &ADJECTIVE_NAMES,
            &MOVEMENT_WORDS,
            &TRAILING_TITLES,
            &SAINTS,
            &COMPLEMENT_NOUNS,
            &ROLE_NOUNS,
            &PORTFOLIO_HEADS,
            &PORTFOLIOS,
            &ELATIVES,
            &NOUN_NAMES,
            &PATRONYMICS,
            &RANK_ADJECTIVES,
            &KUNYA_WORDS,
        ];
        let phrases: Vec<&str> = NOT_NAME_PHRASES.iter().flatten().copied().collect();
        let mut bad = unfolded(&lists);
        bad.extend(unfolded(&[&phrases, &GOOD_WHAT, &IN_A_WAY, &PLACE_NOUNS]));
        bad.extend(unfolded(&[
            &TOURNAMENT_ADJECTIVES,
            &NOT_TOURNAMENT_ADJECTIVES,
            &[CHAMPIONSHIP],
        ]));
        assert!(bad.is_empty(), "{bad:?}");
    }

    fn split(words: &[&str]) -> Vec<(usize, usize)> {
        split_kind(words, EntityKind::Person)
    }

    /// The display forms of the entities of one kind extracted from `text`.
    fn displays(text: &str, kind: EntityKind) -> Vec<String> {
        Extractor::global()
            .extract("", text)
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.display)
            .collect()
    }

    fn split_kind(words: &[&str], kind: EntityKind) -> Vec<(usize, usize)> {
        let ex = Extractor::global();
        let infos = features::token_infos(words, Lang::Arabic, ex.gazetteer());
        let mut out = Vec::new();
        let s = Span {
            start: 0,
            end: words.len(),
            kind,
        };
        ex.split_conjoined(&infos, s, &mut out);
        out.iter().map(|(s, _)| (s.start, s.end)).collect()
    }

    #[test]
    fn his_son_keeps_two_people_apart() {
        let ex = Extractor::global();
        let joined = |words: &[&str]| {
            let infos = features::token_infos(words, Lang::Arabic, ex.gazetteer());
            let person = |start, end| {
                (
                    Span {
                        start,
                        end,
                        kind: EntityKind::Person,
                    },
                    None,
                )
            };
            let mut spans = vec![person(0, 1), person(2, 3)];
            join_person_parts(&infos, &mut spans);
            spans.len() == 1
        };
        assert!(!joined(&["محمد", "ابنه", "علي"]));
        assert!(joined(&["محمد", "بن", "علي"]));
    }

    #[test]
    fn people_either_side_of_bin_are_one_name() {
        let people = displays(
            "Saudi Energy Minister Prince Abdulaziz bin Salman said the goal was stability.",
            EntityKind::Person,
        );
        assert_eq!(people, ["Abdulaziz bin Salman"]);
    }

    #[test]
    fn organisations_joined_by_wa_are_split_at_a_known_name() {
        assert_eq!(
            split_kind(&["الأهلي", "والوداد"], EntityKind::Org),
            [(0, 1), (1, 2)]
        );
        assert_eq!(
            split_kind(&["وزارة", "التجارة", "والصناعة"], EntityKind::Org),
            [(0, 3)]
        );
        assert_eq!(
            split_kind(&["جامعة", "بيرزيت", "وجامعة", "الخليل"], EntityKind::Org),
            [(0, 2), (2, 4)]
        );
        let orgs = displays(
            "قراءة في مباراة الأهلي والوداد: كيف حسمت اللقاء",
            EntityKind::Org,
        );
        assert_eq!(orgs, ["الأهلي", "الوداد"]);
    }

    #[test]
    fn people_joined_by_wa_are_split_at_a_known_name() {
        assert_eq!(
            split_kind(&["السيسي", "وآبي", "أحمد"], EntityKind::Person),
            [(0, 1), (1, 3)]
        );
        assert_eq!(
            split_kind(&["حسن", "وهبة"], EntityKind::Person),
            [(0, 2)],
            "«وهبة» starts no known name"
        );
        let people = displays(
            "قمة القاهرة للمياه: السيسي وآبي أحمد على طاولة واحدة",
            EntityKind::Person,
        );
        assert!(people.contains(&"آبي أحمد".to_string()), "{people:?}");
        assert!(people.contains(&"السيسي".to_string()), "{people:?}");
    }

    #[test]
    fn lower_case_words_split_latin_person_spans_unless_name_particles() {
        assert_eq!(
            split_kind(&["Abiy", "Ahmed", "met", "Sisi"], EntityKind::Person),
            [(0, 2), (3, 4)]
        );
        assert_eq!(
            split_kind(&["Ludwig", "van", "Beethoven"], EntityKind::Person),
            [(0, 3)]
        );
        let people = displays(
            "Ethiopian Prime Minister Abiy Ahmed met Sisi in Cairo.",
            EntityKind::Person,
        );
        assert!(people.contains(&"Abiy Ahmed".to_string()), "{people:?}");
        assert!(!people.iter().any(|p| p.contains("met")), "{people:?}");
    }

    #[test]
    fn a_person_span_with_no_name_word_is_noise() {
        let ex = Extractor::global();
        let span = |end| Span {
            start: 0,
            end,
            kind: EntityKind::Person,
        };
        let words = ["ارتفاع", "الأسعار", "اليوم"];
        let (infos, _) = features::analyse(&words, Lang::Arabic, ex.gazetteer());
        assert!(ex.is_nameless(&infos, &span(2)));
        let words = ["خالد", "الفيصل"];
        let (infos, _) = features::analyse(&words, Lang::Arabic, ex.gazetteer());
        assert!(!ex.is_nameless(&infos, &span(2)));
    }

    #[test]
    fn known_place_ends_a_person_span() {
        let ex = Extractor::global();
        let placed = |words: &[&str]| {
            let (infos, matches) = features::analyse(words, Lang::Arabic, ex.gazetteer());
            let mut s = Span {
                start: 0,
                end: words.len(),
                kind: EntityKind::Person,
            };
            ex.end_at_place(&infos, &matches, &mut s);
            (s.start, s.end)
        };
        assert_eq!(placed(&["عبد", "الفتاح", "السيسي", "موسكو"]), (0, 3));
        assert_eq!(placed(&["الشيشان", "رمضان", "قاديروف"]), (1, 3));
        let got: Vec<(String, EntityKind)> = ex
            .extract("", "زار عبد الفتاح السيسي موسكو أمس.")
            .into_iter()
            .map(|e| (e.display, e.kind))
            .collect();
        assert!(
            got.contains(&("عبد الفتاح السيسي".to_string(), EntityKind::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("موسكو".to_string(), EntityKind::Place)),
            "{got:?}"
        );
    }

    #[test]
    fn spans_running_into_an_address_are_dropped() {
        let ex = Extractor::global();
        let text = "وهي أرقام وردت في التقرير الشهري المنشور على موقع المنظمة https://www.opec.org باللغة الإنجليزية.";
        let found = ex.extract("", text);
        assert!(
            !found.iter().any(|e| e.display.contains("opec.org")),
            "{found:?}"
        );
    }

    #[test]
    fn a_single_quoted_word_is_no_person() {
        let people = |text: &str| displays(text, EntityKind::Person);
        let quoted = "وقّعت الوكالة المغربية للطاقة المستدامة «مازن» والبنك الدولي اتفاق تمويل.";
        assert!(people(quoted).is_empty(), "{:?}", people(quoted));
        let bare = "وقّع مازن والبنك الدولي اتفاق تمويل.";
        assert_eq!(people(bare), ["مازن"], "the same name unquoted is a person");
    }

    #[test]
    fn common_words_leave_the_ends_of_person_spans() {
        let ex = Extractor::global();
        let words = ["قال", "راوول", "الهدف"];
        let infos = features::token_infos(&words, Lang::Arabic, ex.gazetteer());
        let mut s = Span {
            start: 0,
            end: 3,
            kind: EntityKind::Person,
        };
        ex.trim_common(&words, &infos, &mut s);
        assert_eq!((s.start, s.end), (1, 2));
        let mut place = Span {
            start: 1,
            end: 3,
            kind: EntityKind::Place,
        };
        ex.trim_common(&words, &infos, &mut place);
        assert_eq!((place.start, place.end), (1, 3));
    }

    /// The end of an organisation span over all of `words` after `trim`.
    fn org_end_after(words: &[&str], trim: impl Fn(&Extractor, &[TokenInfo], &mut Span)) -> usize {
        let ex = Extractor::global();
        let infos = features::token_infos(words, Lang::Arabic, ex.gazetteer());
        let mut s = Span {
            start: 0,
            end: words.len(),
            kind: EntityKind::Org,
        };
        trim(ex, &infos, &mut s);
        s.end
    }

    #[test]
    fn a_that_particle_ends_a_span_unless_it_spells_a_letter() {
        let ended = |words: &[&str]| org_end_after(words, |_, infos, s| end_before_that(infos, s));
        assert_eq!(ended(&["بنك", "مصر", "إن", "الأرباح", "ارتفعت"]), 2);
        assert_eq!(ended(&["منظمة", "الفاو", "أنه"]), 2);
        assert_eq!(ended(&["سي", "إن", "إن"]), 3);
        assert_eq!(ended(&["دي", "إن", "أو"]), 3);
    }

    #[test]
    fn indefinite_common_words_leave_the_end_of_an_organisation_span() {
        let trimmed = |words: &[&str]| {
            org_end_after(words, |ex, infos, s| {
                ex.trim_org_common(words, infos, &[], s)
            })
        };
        assert_eq!(trimmed(&["بنك", "الساحل", "أبلغ"]), 2);
        assert_eq!(trimmed(&["شركة", "ميرسر", "العقارية", "أكدت"]), 3);
        assert_eq!(trimmed(&["وزارة", "الخارجية", "الأمريكية"]), 3);
        assert_eq!(trimmed(&["حركة", "أمل"]), 2);
    }

    #[test]
    fn a_family_name_that_is_also_a_word_stays_after_a_given_name() {
        assert_eq!(trimmed_person(&["هاني", "العدوان", "أن"], 2), (0, 2));
        assert_eq!(trimmed_person(&["محمد", "الذي", "قال"], 2), (0, 1));
        assert_eq!(trimmed_person(&["لينس", "الفرنسي"], 2).1, 1);
    }

    /// The person span over the first `end` of `words` after
    /// `trim_common`, as (start, end).
    fn trimmed_person(words: &[&str], end: usize) -> (usize, usize) {
        let ex = Extractor::global();
        let infos = features::token_infos(words, Lang::Arabic, ex.gazetteer());
        let mut s = Span {
            start: 0,
            end,
            kind: EntityKind::Person,
        };
        ex.trim_common(words, &infos, &mut s);
        (s.start, s.end)
    }

    #[test]
    fn a_verb_in_the_future_leaves_either_end_of_a_person_span() {
        assert_eq!(trimmed_person(&["وسيغيب", "إيتو"], 2), (1, 2));
        assert_eq!(trimmed_person(&["صامويل", "إيتو", "فسيعود"], 3), (0, 2));
        assert_eq!(trimmed_person(&["وسيم", "إيتو"], 2), (0, 2), "a given name");
    }

    #[test]
    fn a_frequent_word_with_a_clitic_leaves_the_start_of_a_person_span() {
        assert_eq!(trimmed_person(&["ورأى", "الغامدي"], 2), (1, 2));
        assert_eq!(trimmed_person(&["وأبان", "الزهراني"], 2), (1, 2));
        assert_eq!(
            trimmed_person(&["معجب", "بن", "محمد"], 3),
            (0, 3),
            "a given name before «بن»"
        );
    }

    #[test]
    fn a_particle_with_its_hamza_and_a_numeral_leave_a_person_span() {
        assert_eq!(trimmed_person(&["فإن", "بيتيس"], 2), (1, 2));
        assert_eq!(trimmed_person(&["نذير", "محمد", "43"], 3), (0, 2));
        assert_eq!(trimmed_person(&["فان", "دايك"], 2), (0, 2), "Van Dijk");
    }

    #[test]
    fn a_construct_s_genitive_left_alone_by_trimming_is_no_person() {
        assert_eq!(trimmed_person(&["جني", "الزيتون"], 2), (1, 1));
        assert_eq!(trimmed_person(&["شارع", "البقمي"], 2), (1, 2));
        assert_eq!(trimmed_person(&["علم", "الدين"], 2), (1, 2));
    }

    #[test]
    fn a_person_span_after_an_elative_needs_a_given_name() {
        let ex = Extractor::global();
        let noise = |words: &[&str]| {
            let infos = features::token_infos(words, Lang::Arabic, ex.gazetteer());
            let s = Span {
                start: 1,
                end: words.len(),
                kind: EntityKind::Person,
            };
            ex.is_noise(words, &infos, &s)
        };
        assert!(noise(&["أكبر", "مصدّري", "زيت", "الزيتون"]));
        assert!(!noise(&["أفضل", "عادل", "إمام"]));
        assert!(!noise(&["موقع", "مصدّري", "زيت", "الزيتون"]));
    }

    #[test]
    fn frequent_words_opened_by_a_particle_and_the_article_leave_person_spans() {
        let trimmed = |words: &[&str]| trimmed_person(words, words.len());
        assert_eq!(trimmed(&["يوسف", "بالاتفاق"]), (0, 1));
        assert_eq!(trimmed(&["للمرة", "يوسف"]), (1, 2));
        assert_eq!(trimmed(&["ماريو", "بالوتيلي"]), (0, 2), "a rare word stays");
        assert_eq!(trimmed(&["يوسف", "الاتفاق"]), (0, 2), "the article alone");
    }

    #[test]
    fn ala_before_anna_leaves_a_person_span() {
        assert_eq!(trimmed_person(&["آبي", "على", "أن", "التنمية"], 2), (0, 1));
        assert_eq!(
            trimmed_person(&["محمد", "علي", "وصل"], 2),
            (0, 2),
            "the name «علي» stays"
        );
    }

    /// The bounds of a person span over all of `words` after
    /// [`Extractor::strip_title`].
    fn title_stripped(words: &[&str]) -> (usize, usize) {
        let ex = Extractor::global();
        let infos = features::token_infos(words, Lang::Arabic, ex.gazetteer());
        let mut s = Span {
            start: 0,
            end: words.len(),
            kind: EntityKind::Person,
        };
        ex.strip_title(&infos, &mut s);
        (s.start, s.end)
    }

    #[test]
    fn titles_and_nationality_adjectives_leave_person_spans() {
        assert_eq!(
            title_stripped(&["الرئيس", "البرتغالي", "كارلوس", "فرنانديش"]),
            (2, 4)
        );
        assert_eq!(
            title_stripped(&["الملياردير", "الروسي", "يوري", "ميلنر"]),
            (2, 4)
        );
    }

    #[test]
    fn people_joined_by_waw_split() {
        assert_eq!(
            split(&["فيصل", "بن", "فرحان", "وعبدالله", "بن", "زايد"]),
            vec![(0, 3), (3, 6)]
        );
        assert_eq!(
            split(&["سعد", "الحريري", "و", "نبيه", "بري"]),
            vec![(0, 2), (3, 5)]
        );
        assert_eq!(split(&["محمد", "وليد"]), vec![(0, 2)]);
    }
}
