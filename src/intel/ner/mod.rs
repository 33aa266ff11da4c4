//! Named entities (people, places, organisations, misc) in Arabic and
//! English news: a linear-chain CRF per script (trained on ANERcorp and
//! wikigold by `train-ner`, shipped in `data/ner/`) whose output is joined
//! with gazetteer matches, then normalised to one entity per real thing
//! per article.

pub mod arabic;
mod article;
pub mod conll;
pub mod crf;
mod document;
mod english_orgs;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod labelled;
mod merge;
pub mod name_grams;
mod named_bodies;
pub mod tokenize;

use std::sync::{LazyLock, OnceLock};

use crate::model::{Entity, EntityKind};
use conll::Span;
use crf::CrfModel;
use features::TokenInfo;
use gazetteer::{GazMatch, Gazetteer, Listing};
use hash::FastSet;
use tokenize::Lang;

static AR_MODEL: &[u8] = include_bytes!("../../../data/ner/ar.crfsuite");
static EN_MODEL: &[u8] = include_bytes!("../../../data/ner/en.crfsuite");
static AR_COMMON: &str = include_str!("../../../data/ner/ar-common.txt");
static AR_FREQUENT: &str = include_str!("../../../data/ner/ar-frequent.txt");

/// Words that join the parts of an Arabic name («عبد الباقي», «ابن
/// سينا»): the word after one is part of the name even when it is a
/// frequent word, and the word itself is never trimmed.
const NAME_JOINERS: [&str; 8] = ["عبد", "ابو", "ابي", "ابا", "بن", "ابن", "بنت", "ام"];

/// Joiners that cannot end a person's name (folded): «بن», «ابن»,
/// «بنت», «عبد», «أبو»; and «آل», which folds to the article. Not «أبي»,
/// also "my father" and Abe's «آبي».
const ENDING_JOINERS: [&str; 5] = ["بن", "ابن", "بنت", "عبد", "ابو"];

/// Maghrebi and Sahelian name joiners (folded): Mauritanian «ولد» and
/// «منت» ("son of", "daughter of": «المختار ولد سيدي محمد», «خديجة منت
/// الشيخ») and Amazigh «أيت» («الحسين أيت علي»). Unlike [`ENDING_JOINERS`]
/// they are also words: «ولد» is "was born", so one joins a person's
/// name to what follows only when a name follows («… ولد في», «… ولد
/// عام» do not).
const MAGHREBI_JOINERS: [&str; 3] = ["ولد", "منت", "ايت"];

/// Folded words that follow «ولد» as "was born": prepositions and words
/// of time («ولد في», «ولد عام», «ولد قبل»). ANERcorp lets them into
/// names now and then, so its common-word list misses some.
const BORN_WORDS: [&str; 14] = [
    "في",
    "من",
    "عن",
    "علي",
    "الي",
    "مع",
    "عام",
    "سنه",
    "يوم",
    "قبل",
    "بعد",
    "نحو",
    "حوالي",
    "اثناء",
];

/// Quotation marks, as tokens: a single word between two of them is no
/// person (see [`Extractor::is_noise`]).
const QUOTES: [&str; 9] = ["«", "»", "\"", "'", "“", "”", "‘", "’", "„"];

/// Added to the Arabic CRF's label scores at every token when decoding:
/// a negative bias on `O` makes it tag more names (Minkov et al. 2006),
/// as the model alone finds too few (recall 67, precision 84 on the
/// held-out part below). Chosen on the held-out last tenth of ANERcorp
/// train (`train-ner --holdout 10 --tail`, then `eval-ner --holdout 10
/// --tail --label-bias O=X`): −0.5 was best for each of three L2
/// settings (F1 +1.1 to +1.6 there); −0.25 and −0.75 gave less, and
/// extra biases for `B-ORG`, `B-PERS` or `B-MISC` did not help.
pub const AR_LABEL_BIAS: [(&str, f32); 1] = [("O", -0.5)];

/// True for an English nationality adjective built on a place name
/// («korean», «saudi», «german»), given the folded token.
fn is_demonym(f: &str, is_place_stem: &dyn Fn(&str) -> bool) -> bool {
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

/// The folded stems of «نادي» and «أندية»: sports words, but a literary
/// club is a club too, so they alone make no sentence sports news for
/// clubs' short names; after them a club's name stands as a name.
const CLUB_NOUNS: [&str; 2] = ["نادي", "انديه"];

/// Opening quotation marks: a club's short name right after one is the
/// title of something else (the newspaper «« الجزيرة »»).
const OPENING_QUOTES: [&str; 4] = ["«", "\"", "“", "'"];

/// Folded definite words of time that may follow a club's name («يلتقي
/// الهلال اليوم»), as days do.
const CLUB_TIME_WORDS: [&str; 3] = ["اليوم", "الليله", "الموسم"];

/// True for an Arabic word ending in a possessive pronoun («فوزه», its
/// win; «قرارها»): it ends no name, «الله» aside. Read on the written
/// word, as folding makes «ة» a «ه».
fn has_pronoun_suffix(word: &str) -> bool {
    !word.starts_with("ال")
        && word != "الله"
        && ["ه", "ها", "هم", "هما"].iter().any(|p| word.ends_with(p))
        && word.chars().count() >= 3
}

/// Folded names of ball games after «كرة» («لكرة اليد», of handball).
const BALL_GAMES: [&str; 5] = ["القدم", "اليد", "السله", "الطايره", "الطاوله"];

/// Ends an organisation span after «كرة» and a ball game
/// ([`BALL_GAMES`]): a sports body's name ends with its game, and the
/// tagger runs it on into the name after it («الاتحاد الكويتي لكرة اليد
/// فيصل العنزي»).
fn end_after_ball_game(infos: &[TokenInfo], s: &mut Span) {
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

/// Ends a span before a trailing score («نادي مضر السعودي 31-25»): two
/// numbers joined by «-» or «:», which no name ends with.
fn end_before_score(infos: &[TokenInfo], s: &mut Span) {
    let number = |p: &str| !p.is_empty() && p.chars().all(char::is_numeric);
    let score = |f: &str| {
        f.split_once(['-', ':'])
            .is_some_and(|(a, b)| number(a) && number(b))
    };
    while s.end - s.start >= 2 && score(&infos[s.end - 1].folded) {
        s.end -= 1;
    }
}

/// Vietnamese family names as English news writes them, without marks.
const VIETNAMESE_SURNAMES: [&str; 16] = [
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang", "Bui", "Do",
    "Ngo", "Duong", "Truong", "Trinh",
];

/// Vietnamese middle names («Van», «Thi»): after a family name they make
/// a person's name of a short one («Le Thi Thu Huong», not «Le Monde»).
const VIETNAMESE_MIDDLE_NAMES: [&str; 10] = [
    "Van", "Thi", "Minh", "Quoc", "Duc", "Thanh", "Ngoc", "Huu", "Xuan", "Cong",
];

/// Whether a Latin span opens with a Vietnamese family name and a middle
/// name and one more capitalised word («Huynh Minh Chau», «Tran Quoc Bao
/// met …»): a person, which the English model, trained on
/// encyclopaedia text, tags as misc.
fn opens_vietnamese_name(words: &[&str]) -> bool {
    matches!(words, [family, middle, given, ..]
        if VIETNAMESE_SURNAMES.contains(family)
            && VIETNAMESE_MIDDLE_NAMES.contains(middle)
            && article::is_capitalised(given))
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

/// Folded words opened by the article that are no family name: relative
/// pronouns and words of time a person span runs on into («قال محمد
/// الذي …», «وصل أحمد اليوم»).
const FUNCTION_WORDS_WITH_ARTICLE: [&str; 10] = [
    "الذي",
    "التي",
    "الذين",
    "اللذان",
    "اللتان",
    "اللاتي",
    "اليوم",
    "الان",
    "الاثنين",
    "الليله",
];

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

/// Lower-case words that belong inside Latin-script person names («Ludwig
/// van Beethoven», «Catherine of Aragon»); any other lower-case word
/// splits a person span («Abiy Ahmed met Sisi»).
const NAME_PARTICLES: [&str; 22] = [
    "al", "bin", "ben", "da", "das", "de", "del", "della", "der", "den", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "of", "ter", "van", "von",
];

/// True when one of a sentence's spans holds token `k`.
pub(super) fn spanned(spans: &[(Span, Option<usize>)], k: usize) -> bool {
    spans.iter().any(|(s, _)| s.start <= k && k < s.end)
}

/// Lower-case words that belong inside Latin-script organisation names
/// besides [`NAME_PARTICLES`] («Bank for Reconstruction and
/// Development», «People's Party», «University of Dar es Salaam»); any
/// other lower-case word ends an organisation span
/// («Zambia Police Service spokesperson Rae Hamoonga»).
const ORG_PARTICLES: [&str; 12] = [
    "and", "for", "on", "the", "in", "at", "y", "et", "per", "es", "'s", "’s",
];

/// How a verb in the future opens («سيصدر», "will issue"; «وسيغيب»):
/// such a word opens and ends no person's name, and after an
/// organisation's name it starts what the body will do.
const FUTURE_OPENINGS: [&str; 3] = ["سي", "ست", "سن"];

/// What follows a future verb's opening ([`FUTURE_OPENINGS`]) in a
/// folded word, after «و» or «ف» when `joined` («فستعقد»).
pub(super) fn after_future_opening(f: &str, joined: bool) -> Option<&str> {
    let f = if joined {
        f.strip_prefix(['و', 'ف'])?
    } else {
        f
    };
    FUTURE_OPENINGS.iter().find_map(|p| f.strip_prefix(p))
}

/// Folded «الرياضي»: the adjective of a club's full name. Not the
/// feminine «الرياضية», which after a carmaker describes its cars
/// («فيراري الرياضية»).
const SPORTING: [&str; 1] = ["الرياضي"];

/// Folded words that join two people's names without being part of
/// either: «و», «أو» ("or": «يوان أو سونغ»), "and", "or".
const OR_WORDS: [&str; 4] = ["و", "او", "and", "or"];

/// Folded weekdays, which end no name: a span the tagger ran on into
/// one («Chile's Supreme Court on Tuesday») ends before it and an «on»
/// or «at» before it.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Folded words that end a company name, so an «and» after them starts
/// another name.
const COMPANY_ENDS: [&str; 11] = [
    "co", "co.", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "limited", "llc", "plc",
];

/// «على» ("on") as written, alone or after «و» or «ف»: folded, it is the
/// given name «علي», which Egyptian papers also spell «على».
const ON: [&str; 3] = ["على", "وعلى", "فعلى"];

/// Folded Arabic nouns that head an institution's name when a definite
/// modifier follows («وزارة الخارجية المصرية», «المركز الوطني للأرصاد»).
static INSTITUTION_HEADS: [&str; 44] = [
    "وزاره",
    "ديوان",
    "الديوان",
    "مجمع",
    "مستشفي",
    "جامعه",
    "المركز",
    "مركز",
    "المديريه",
    "مديريه",
    "هييه",
    "وكاله",
    "الوكاله",
    "نادي",
    "النادي",
    "البرلمان",
    "برلمان",
    "مجلس",
    "شركه",
    "موسسه",
    "منظمه",
    "لجنه",
    "محكمه",
    "جمعيه",
    "صندوق",
    "بنك",
    "البنك",
    "مصرف",
    "معهد",
    "كليه",
    "اكاديميه",
    "حزب",
    "حركه",
    "صحيفه",
    "قناه",
    "اتحاد",
    "الاتحاد",
    "الجيش",
    "الجامعه",
    "البورصه",
    "بورصه",
    "نقابه",
    "رابطه",
    "مجموعه",
];

/// Heads of `INSTITUTION_HEADS` that open a name only before a
/// nationality adjective («الجامعة الأردنية»): after them a definite word
/// is as often the object of a sentence («أعلنت الجامعة المرشحين», the
/// university announced the candidates).
const NISBA_HEADS: [&str; 1] = ["الجامعه"];

/// Heads of `INSTITUTION_HEADS` that open a company's name only before a
/// name the tagger found or a definite word with a «لل» complement
/// («مجموعة عبدالصمد القرشي», «مجموعة الطيار للسفر والسياحة»): before a
/// definite word alone they name a working group or a set («مجموعة
/// العمل», «مجموعة الدول»).
const GROUP_HEADS: [&str; 1] = ["مجموعه"];

/// Folded pairs of a [`DEFINITE_HEADS`] noun and an adjective that name
/// a body with no complement after them: a country's constitutional and
/// supreme courts, its presidential and legislative councils
/// («المحكمة الدستورية», «المجلس الرئاسي»), where the same head and
/// another adjective describe («اللجنة التنفيذية»).
const NAMED_BY_ADJECTIVE: [(&str, &str); 9] = [
    ("المحكمه", "الدستوريه"),
    ("المحكمه", "العليا"),
    ("المحكمه", "الاتحاديه"),
    ("المجلس", "الدستوري"),
    ("المجلس", "الرياسي"),
    ("المجلس", "التشريعي"),
    ("المجلس", "الانتقالي"),
    ("المجلس", "السيادي"),
    ("اللجنه", "الاولمبيه"),
];

/// Folded definite nouns that head an institution's name only before a
/// definite adjective and a «لل» complement («المجلس الأعلى للقضاء»,
/// «الشركة السعودية للكهرباء», «المكتب الوطني للسلامة الصحية»). Alone
/// before an adjective they describe as often as they name («الجهاز
/// الفني», a team's coaching staff; «اللجنة التنفيذية»; «الشركة
/// الصينية»), so they are not in [`INSTITUTION_HEADS`].
const DEFINITE_HEADS: [&str; 21] = [
    "المجلس",
    "الشبكه",
    "اللجنه",
    "الشركه",
    "المكتب",
    "الجمعيه",
    "المعهد",
    "المنظمه",
    "الموسسه",
    "الكونفدراليه",
    "المحكمه",
    "الصندوق",
    "المصرف",
    "الاكاديميه",
    "الرابطه",
    "النقابه",
    "المرصد",
    "المجمع",
    "الهييه",
    "الاداره",
    "الفرقه",
];

/// Folded definite adjectives of an institution's standing, reach or
/// zones that have no relational ending, so
/// [`arabic::is_definite_adjective`] misses them: «الهيئة العامة للطيران
/// المدني», «اللجنة العليا للانتخابات», «الهيئة المستقلة للانتخابات»,
/// «المناطق الحرة».
const RANK_ADJECTIVES: [&str; 9] = [
    "الحره",
    "العامه",
    "العام",
    "العليا",
    "المستقله",
    "الدايمه",
    "الموحده",
    "المشتركه",
    "الخاصه",
];

/// Whether a folded word is a definite adjective that may stand in an
/// institution's name: one with a relational ending or one of
/// [`RANK_ADJECTIVES`].
fn is_naming_adjective(g: &str) -> bool {
    arabic::is_definite_adjective(g) || RANK_ADJECTIVES.contains(&g)
}

/// `INSTITUTION_HEADS` with a filter, as an article looks up each of its
/// tokens in it.
static INSTITUTION_HEAD_LIST: LazyLock<arabic::CliticList> =
    LazyLock::new(|| arabic::CliticList::new(&INSTITUTION_HEADS));

/// Definite words that never continue an institution's name (times,
/// relatives, ordinals: «المركز الثاني» is second place).
const NOT_MODIFIERS: [&str; 30] = [
    "الثاني",
    "الثانيه",
    "الثالث",
    "الثالثه",
    "الرابع",
    "الرابعه",
    "الخامس",
    "الخامسه",
    "السادس",
    "العاشر",
    "اليوم",
    "الماضي",
    "الماضيه",
    "الحالي",
    "الحاليه",
    "الجاري",
    "المقبل",
    "المقبله",
    "القادم",
    "الذي",
    "التي",
    "الذين",
    "الان",
    "الاسبوع",
    "الشهر",
    "السنه",
    "الاول",
    "الاولي",
    "الاخير",
    "الاخيره",
];

/// Folded titles that open a person's name and so end an institution's
/// name before it («مجلس الوزراء» | «الدكتور عصام شرف»); «الملك» and
/// «الأمير» are not among them, as institutions are named after kings and
/// princes («جامعة الملك سعود»).
const PERSONAL_TITLES: [&str; 8] = [
    "الدكتور",
    "الدكتوره",
    "المستشار",
    "المهندس",
    "الاستاذ",
    "الاستاذه",
    "السيد",
    "السيده",
];

/// Folded given names that are also the first noun of an office
/// («أمين المكتبة», the librarian; «عميد الكلية», the dean): alone and
/// before a definite word that is no name, they name the office. ANERcorp
/// tags «أمين» before a definite word as a one-word person never.
const OFFICE_NAMES: [&str; 2] = ["امين", "عميد"];

/// The Levantine month names, folded («نيسان», April, is also Nissan,
/// and «تموز» a god): only where a date shows them as months are they
/// left out, see [`Extractor::is_month`].
const LEVANTINE_MONTHS: [&str; 10] = [
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
const MONTHS: [&str; 12] = [
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
const MONTH_AFTER: [&str; 4] = ["الماضي", "المقبل", "الجاري", "المنصرم"];

/// Folded nouns after which «مالي» is the adjective "financial" («مبلغ
/// مالي», «إنقاذ مالي») rather than Mali («شمال مالي», «حكومة مالي»),
/// see [`Extractor::is_financial`].
const FINANCIAL_NOUNS: [&str; 36] = [
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

/// Folded given names that are also adjectives: «فريدة», unique, which
/// the model took for a woman in «فرصة فريدة» and «فريدة من نوعها» (7
/// articles of a day). See [`Extractor::is_adjective_in_use`].
const ADJECTIVE_NAMES: [&str; 1] = ["فريده"];

/// Folded first words of movements named with a definite word after
/// «حركة» («حركة الشباب», «حركة المقاومة الإسلامية», «حركة النهضة»),
/// where the word is no name the tagger would tag.
const MOVEMENT_WORDS: [&str; 7] = [
    "الشباب",
    "المقاومه",
    "النهضه",
    "العدل",
    "الجهاد",
    "التحرير",
    "التغيير",
];

/// Folded titles that head a construct after a name («خالد الفيصل
/// مستشار خادم الحرمين», «محمد بن نايف ولي العهد», «… وزير الخارجية»):
/// the model ran people of a day's articles on into them. Not «أمير»
/// («حسين أمير عبداللهيان»), «قائد» («الباجي قائد السبسي») or «مساعد»,
/// which are also given names, nor the definite titles, which are also
/// surnames («أحمد السيد», «آل الشيخ»). See [`Extractor::end_before_title`].
const TRAILING_TITLES: [&str; 10] = [
    "رييس",
    "وزير",
    "وزيره",
    "مستشار",
    "نايب",
    "ولي",
    "مدير",
    "سفير",
    "محافظ",
    "وكيل",
];

/// Folded common phrases that are no names: the model tags «الحد
/// الأقصى» ("the maximum", in 11 articles of a day) misc after ANERcorp,
/// where a few are, and the institution rule read «مجلس الإدارة» ("the
/// board", of any company; in 18 articles) as one organisation, and
/// «هيئة التدريس» (a university's teaching staff), «هيئة المحكمة» (the
/// bench) and «هيئة الدفاع» (the defence team) as bodies.
const NOT_NAME_PHRASES: [[&str; 2]; 7] = [
    ["زيت", "الزيتون"],
    ["الحد", "الاقصي"],
    ["الحد", "الادني"],
    ["مجلس", "الاداره"],
    ["هييه", "التدريس"],
    ["هييه", "المحكمه"],
    ["هييه", "الدفاع"],
];

/// Particles «إنّ» and «أنّ» with a clitic, as written with their hamza:
/// folded they read as given names or name parts («فان», Van), so they
/// are matched unfolded.
const HAMZA_PARTICLES: [&str; 8] = ["فإن", "وإن", "بأن", "لأن", "وأن", "فأن", "إن", "أن"];

/// Folded number words, which end no name: «عمار بوزيان عشر سنوات» is
/// the man, then "ten years" (but for a regnal ordinal: «بنديكتوس
/// السادس عشر»).
const NUMBER_WORDS: [&str; 20] = [
    "ثلاث",
    "ثلاثه",
    "اربع",
    "اربعه",
    "خمس",
    "خمسه",
    "ست",
    "سته",
    "سبع",
    "سبعه",
    "ثماني",
    "ثمانيه",
    "تسع",
    "تسعه",
    "عشر",
    "عشره",
    "عشرين",
    "ثلاثين",
    "اربعين",
    "خمسين",
];

/// Folded words for "saint" before a given name in the names of places
/// and bodies («جامعة سان أندروز», «كنيسة مار جرجس»): see
/// [`Extractor::given_name_inside`].
const SAINTS: [&str; 4] = ["سان", "سانت", "القديس", "مار"];

/// Folded nouns opened by «ل» that head a construct completing an
/// institution's name («الاتحاد اللبناني لكرة القدم», «البنك الأوروبي
/// لإعادة الإعمار», «مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية», «مركز
/// الملك سلمان لأبحاث الإعاقة»). A list, as «ل» also opens what the
/// body does or whom it told («وزارة الخارجية لبحث الملف», «… لوكالة
/// الأنباء»).
const COMPLEMENT_NOUNS: [&str; 13] = [
    "لكره",
    "لالعاب",
    "لاعاده",
    "لتنسيق",
    "لحقوق",
    "لمكافحه",
    "لرعايه",
    "لدراسات",
    "لابحاث",
    "لعلوم",
    "لشوون",
    "لحمايه",
    "لتطوير",
];

/// Folded nouns opened by «ل» that complete an institution's name only
/// after a definite head and its adjective («المديرية العامة لهندسة
/// المياه», «المركز الوطني لتنمية الحياة الفطرية», «الديوان المركزي لقمع
/// الفساد»): after a head in construct they tell what the body does
/// («وزارة الزراعة لتنمية القطاع», the ministry, to develop the sector).
const NAMING_COMPLEMENT_NOUNS: [&str; 9] = [
    "لهندسه",
    "لبحوث",
    "لتنميه",
    "لقمع",
    "لمراقبه",
    "لتقنيه",
    "لصناعه",
    "لخدمات",
    "لمنتجي",
];

/// Folded role nouns of sports and the arts that come right before a
/// person's name («المهاجم حسن معتوق», «الشاعر محمود درويش»): see
/// [`Extractor::add_named_after_role`].
const ROLE_NOUNS: [&str; 16] = [
    "المهاجم",
    "الحارس",
    "المدافع",
    "البديل",
    "اللاعب",
    "لاعب",
    "المدرب",
    "مدرب",
    "الهداف",
    "الفنان",
    "الكاتب",
    "الشاعر",
    "المخرج",
    "الممثل",
    "الروايي",
    "الباحث",
];

/// Most words of an institution's name once «و» has joined a second
/// portfolio to it (Morocco's «وزارة الفلاحة والصيد البحري والتنمية
/// القروية والمياه والغابات» has nine); past a pair, only adjectives and
/// further pairs are taken («… والدعوة والإرشاد» | «الجهد البارز»).
const PORTFOLIO_NAME_WORDS: usize = 9;

/// Folded heads of institutions named by portfolios that «و» joins
/// («وزارة الطاقة والمناجم», «لجنة المال والموازنة»): see
/// [`Extractor::second_of_pair`].
const PORTFOLIO_HEADS: [&str; 3] = ["وزاره", "كليه", "لجنه"];

/// Folded «لل» complements that govern «على» in a body's name
/// («الهيئة العامة للمحافظة على المدن التاريخية», «البرنامج الوطني
/// للقضاء على الملاريا»): the name goes on through «على» and its noun.
const GOVERN_ALA: [&str; 6] = [
    "للمحافظه",
    "للحفاظ",
    "للرقابه",
    "للاشراف",
    "للقضاء",
    "للتفتيش",
];

/// Folded portfolios and fields, without the article, that «و» joins to
/// the first in the name of a ministry or faculty («وزارة الثقافة
/// والإعلام», «كلية العلوم والآداب»). A list, as «و» after a ministry
/// more often joins something else to it («وزارة الصحة والشركات», «وزارة
/// التجارة والغرفة التجارية»).
const PORTFOLIOS: [&str; 71] = [
    "مدينه",
    "ترويج",
    "لوجستيك",
    "لوجستيات",
    "صيد",
    "غابات",
    "موارد",
    "مغتربين",
    "تقنيه",
    "اشغال",
    "مرافق",
    "كهرباء",
    "نفط",
    "معادن",
    "حريات",
    "تكوين",
    "تموين",
    "ري",
    "اسره",
    "تراث",
    "هجره",
    "اثار",
    "اعلام",
    "رياضه",
    "صناعه",
    "ماء",
    "مياه",
    "شوون",
    "ثروه",
    "ماليه",
    "علوم",
    "اداب",
    "اوقاف",
    "ارشاد",
    "دعوه",
    "تخطيط",
    "تعاون",
    "استثمار",
    "تنميه",
    "طاقه",
    "مناجم",
    "تعليم",
    "بحث",
    "شباب",
    "زراعه",
    "اسكان",
    "تجاره",
    "سياحه",
    "ثقافه",
    "صحه",
    "سكان",
    "بييه",
    "نقل",
    "مواصلات",
    "اتصالات",
    "تكنولوجيا",
    "معلومات",
    "عمل",
    "اقتصاد",
    "فنون",
    "جماعات",
    "تهييه",
    "تضامن",
    "مراه",
    "طفوله",
    "تشغيل",
    "عمران",
    "تجهيز",
    "عمره",
    "رياده",
    "موازنه",
];

/// Folded elatives that open a superlative in construct («أكبر مصدّري
/// زيت الزيتون», the largest exporters of olive oil): the word after
/// one is a common noun, so a person span there that opens with no
/// given name is none (see [`Extractor::is_noise`]). Of 265 such words
/// in ANERcorp's training text outside names, one is followed by a
/// person, a given name («أفضل عادل إمام», "I prefer Adel Imam"). Not
/// «أشهر», also "months".
const ELATIVES: [&str; 16] = [
    "اكبر", "اكثر", "افضل", "اهم", "اقدم", "اعلي", "اسوا", "احسن", "اصغر", "اقل", "ابرز", "اعظم",
    "اغني", "اقوي", "اسرع", "اطول",
];

/// Folded given names that are also nouns («رضا», satisfaction; «أمل»,
/// hope; «فارس», knight; «جيل», generation; «مالك», owner), without
/// clitics: see [`Extractor::is_noun_in_construct`].
const NOUN_NAMES: [&str; 14] = [
    "جيل",
    "مالك",
    "رضا",
    "امل",
    "فارس",
    "نور",
    "سلام",
    "وفاء",
    "ايمان",
    "فرح",
    "نجاح",
    "رجاء",
    "ضياء",
    "احسان",
];

/// Words that make «حسن» before them "good" rather than the given name
/// («حسن الجوار», good neighbourliness; «حسن النية», «حسن نية», good
/// faith; «حسن التنظيم», good organisation).
const GOOD_WHAT: [&str; 14] = [
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
const IN_A_WAY: [&str; 3] = ["بشكل", "بصوره", "بطريقه"];

/// Folded nouns that announce a place name right after them («محافظة
/// الخرج», «بمدينة بريدة»): a one-word gazetteer name that is also an
/// ordinary word is taken there without the tagger.
const PLACE_NOUNS: [&str; 12] = [
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

/// Folded words for «son of» and «daughter of» that join the two halves
/// of one name («Abdulaziz bin Salman», «عبدالعزيز بن سلمان»). «ابنة»
/// is left out: folded, it is «ابنه», "his son", which sits between two
/// people («زار محمد ابنه علي»).
const PATRONYMICS: [&str; 7] = ["bin", "ibn", "bint", "ben", "بن", "ابن", "بنت"];

/// Lower-case English nouns for a news outlet, which name one right
/// after them («the state news agency Andina», «the daily El Tiempo»).
const OUTLET_NOUNS: [&str; 5] = ["agency", "newspaper", "daily", "broadcaster", "outlet"];

/// Lower-case English nouns for what a person does, which name a person
/// right after them in news («fabric trader Chinedu Eze», «chief
/// executive Mesfin Tadesse»).
const EN_ROLE_NOUNS: [&str; 24] = [
    "activist",
    "analyst",
    "doctor",
    "driver",
    "economist",
    "engineer",
    "executive",
    "farmer",
    "fisherman",
    "founder",
    "journalist",
    "lawyer",
    "manager",
    "miner",
    "nurse",
    "officer",
    "official",
    "researcher",
    "resident",
    "scientist",
    "student",
    "teacher",
    "trader",
    "vendor",
];

/// Makes an English span of two words or more a person right after a
/// role noun ([`EN_ROLE_NOUNS`]: «fabric trader
/// Chinedu Eze»).
fn people_by_role(tokens: &[&str], spans: &mut [Span]) {
    for s in spans.iter_mut() {
        if s.end - s.start >= 2
            && s.kind != EntityKind::Person
            && s.start > 0
            && EN_ROLE_NOUNS.contains(&tokens[s.start - 1])
        {
            s.kind = EntityKind::Person;
        }
    }
}

/// Makes an English span of two to four capitalised words a person when
/// it opens with a given name ([`Gazetteer::is_any_given_name`]), no gazetteer name
/// other than a person's overlaps it and none of its words names a place,
/// facility or body ([`article::names_a_thing`]): the English model,
/// trained on encyclopaedia text, takes names from outside Europe and
/// America for places or organisations («Nurul Aina Hashim», «Luz Marina
/// Forero», «Fatmata Kamara»). A role noun that opens a sentence before
/// a given name leaves the span («Nurse Fatmata Kamara»).
fn people_by_given_name(
    gaz: &Gazetteer,
    tokens: &[&str],
    infos: &[TokenInfo],
    matches: &[GazMatch],
    spans: &mut [Span],
) {
    for s in spans.iter_mut() {
        if s.end - s.start >= 3
            && EN_ROLE_NOUNS.contains(&infos[s.start].folded.as_str())
            && gaz.is_any_given_name(&infos[s.start + 1].folded)
        {
            s.start += 1;
        }
        let listed = matches.iter().any(|m| {
            m.start < s.end
                && s.start < m.end
                && gaz.kind_of(m).is_some_and(|k| k != EntityKind::Person)
        });
        if s.kind != EntityKind::Person
            && (2..=4).contains(&(s.end - s.start))
            && gaz.is_any_given_name(&infos[s.start].folded)
            && tokens[s.start..s.end].iter().all(|w| {
                article::is_capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '-')
            })
            && !infos[s.start..s.end]
                .iter()
                .any(|t| article::names_a_thing(&t.folded))
            && !listed
        {
            s.kind = EntityKind::Person;
        }
    }
}

/// Makes an English ministry one organisation: «Ministry of» and
/// capitalised words, unless an organisation span already holds them
/// («Ministry of Health and UNICEF», where the model took «Health» for a
/// place); with more capitalised words after commas, closed by «and», the
/// whole list («Ministry of Health, Labour and Welfare»), where a
/// nationality adjective before it is left out («the Dutch Ministry of
/// Education, Culture and Science»). The spans it covers are replaced.
fn ministries_by_portfolio(tokens: &[&str], spans: &mut Vec<Span>) {
    let caps = |k: usize| {
        let mut e = k;
        while e < tokens.len() && article::is_capitalised(tokens[e]) {
            e += 1;
        }
        e
    };
    let mut k = 0;
    while k + 2 < tokens.len() {
        if !matches!(tokens[k], "Ministry" | "Ministries") || tokens[k + 1] != "of" {
            k += 1;
            continue;
        }
        let first = caps(k + 2);
        let mut end = first;
        let mut commas = 0;
        let mut closed = false;
        while end > k + 2 && end + 1 < tokens.len() && !closed {
            let after = caps(end + 1);
            match tokens[end] {
                _ if after == end + 1 => break,
                "," => commas += 1,
                "and" if commas > 0 => closed = true,
                _ => break,
            }
            end = after;
        }
        if !closed {
            end = first;
        }
        let covered = spans
            .iter()
            .any(|s| s.kind == EntityKind::Org && s.start <= k && first <= s.end);
        if first > k + 2 && (closed || !covered) {
            spans.retain(|s| s.end <= k || s.start >= end);
            let at = spans.partition_point(|s| s.start < k);
            spans.insert(
                at,
                Span {
                    start: k,
                    end,
                    kind: EntityKind::Org,
                },
            );
        }
        k = end.max(k + 1);
    }
}

/// Makes an English span that opens with no given name an organisation
/// right after a noun for a news outlet ([`OUTLET_NOUNS`]): the model,
/// trained on encyclopaedia text, takes unfamiliar outlets for people or
/// places («the state news agency Andina»).
fn outlets_after_their_noun(tokens: &[&str], infos: &[TokenInfo], spans: &mut [Span]) {
    for s in spans.iter_mut() {
        if s.start > 0 && OUTLET_NOUNS.contains(&tokens[s.start - 1]) && !infos[s.start].first_name
        {
            s.kind = EntityKind::Org;
        }
    }
}

/// Words that end the names of towns and districts («Koidu Town»,
/// «Pujehun North», «Camarines Sur»).
const TOWN_ENDINGS: [&str; 12] = [
    "North", "South", "East", "West", "Central", "Norte", "Sur", "Town", "District", "County",
    "Hills", "Valley",
];

/// Settles the English spans listed with places, once the gazetteer's
/// names are in: a person span with no given name or an organisation
/// span that is no acronym («with MSC and Hapag-Lloyd»), of one word or
/// ending in a [`TOWN_ENDINGS`] word, listed with a place («Sibi, Larkana
/// and Dadu», «Sogamoso and Samacá», «Bo, Makeni and Koidu Town»), is a
/// place, as a person is seldom named by one word in a list; and a span of two names joined by «and» after a
/// place and a comma is two places («Catanduanes, Albay and Camarines
/// Sur»). Spans that hold a gazetteer id keep their kind.
fn settle_english_lists(
    tokens: &[&str],
    infos: &[TokenInfo],
    spans: &mut Vec<(Span, Option<usize>)>,
) {
    let acronym = |s: &Span| {
        let w = tokens[s.start];
        w.chars().count() <= 4 && w.chars().all(|c| c.is_uppercase())
    };
    let unnamed = |(s, id): &(Span, Option<usize>)| {
        id.is_none()
            && (s.kind == EntityKind::Person || (s.kind == EntityKind::Org && !acronym(s)))
            && !infos[s.start].first_name
    };
    let listed = |a: &Span, b: &Span| {
        a.end < b.start
            && b.start - a.end <= 2
            && tokens[a.end..b.start]
                .iter()
                .all(|w| [",", "and", "or"].contains(w))
    };
    let mut k = 1;
    while k < spans.len() {
        let ((prev, _), (s, id)) = (spans[k - 1], spans[k]);
        let mut ands = (s.start + 1..s.end - 1).filter(|&i| tokens[i] == "and");
        if prev.kind == EntityKind::Place
            && tokens.get(prev.end) == Some(&",")
            && prev.end + 1 == s.start
            && s.kind != EntityKind::Person
            && id.is_none()
            && let (Some(a), None) = (ands.next(), ands.next())
        {
            let place = |start: usize, end: usize| {
                let kind = EntityKind::Place;
                (Span { start, end, kind }, None)
            };
            spans[k] = place(s.start, a);
            spans.insert(k + 1, place(a + 1, s.end));
        }
        k += 1;
    }
    loop {
        let mut changed = false;
        for k in 0..spans.len() {
            let place = |j: usize| spans[j].0.kind == EntityKind::Place;
            let place_beside = (k > 0 && place(k - 1) && listed(&spans[k - 1].0, &spans[k].0))
                || (k + 1 < spans.len() && place(k + 1) && listed(&spans[k].0, &spans[k + 1].0));
            let (s, _) = spans[k];
            let town_like = s.end - s.start == 1 || TOWN_ENDINGS.contains(&tokens[s.end - 1]);
            if place_beside && unnamed(&spans[k]) && town_like {
                spans[k].0.kind = EntityKind::Place;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// The English model's spans cut at words of another script: an Arabic
/// quotation or a CJK name inside an English sentence is no part of an
/// English name («in Arabic: «الاستقرار هو الهدف»», «architect 坂茂»).
/// Each part then loses the lower-case words it ends with, but for name
/// particles, and a lower-case possessive it opens with: the model runs
/// names on into the next word («Later, Obama flew» was the
/// organisation «Obama flew», «Japanese architect 坂茂» the misc
/// «Japanese architect») and takes in a possessive before them («the
/// university's Global Institute …»).
fn latin_parts(tokens: &[&str], infos: &[TokenInfo], spans: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        let mut start = s.start;
        for part in tokens[s.start..s.end].split(|t| tokenize::is_non_latin_word(t)) {
            let mut end = start + part.len();
            let lower = |k: usize| {
                infos[k].shape == "low" && !NAME_PARTICLES.contains(&infos[k].folded.as_str())
            };
            while end > start + 1 && lower(end - 1) {
                end -= 1;
            }
            let possessive =
                |k: usize| k + 2 < end && lower(k) && ["'s", "’s"].contains(&tokens[k + 1]);
            let mut first = start;
            if possessive(first) {
                first += 2;
            }
            if end > first {
                out.push(Span {
                    start: first,
                    end,
                    kind: s.kind,
                });
            }
            start += part.len() + 1;
        }
    }
    out
}

/// True for an English place or misc span right before «Minister» or
/// «Secretary»: the name of a portfolio («Energy Transition Minister
/// Leila Benali»), not a place. A listed place there («Egypt Minister»)
/// comes back in the gazetteer step that follows.
fn is_portfolio(infos: &[TokenInfo], s: &Span) -> bool {
    (s.kind == EntityKind::Place || s.kind == EntityKind::Misc)
        && infos.get(s.end).is_some_and(|t| {
            t.shape == "Cap" && ["minister", "secretary"].contains(&t.folded.as_str())
        })
}

/// Whether token `i` comes right after a name joiner inside a name, so
/// that a title there is part of the name («ولد الشيخ», «بن الشيخ»).
fn after_joiner(infos: &[TokenInfo], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|j| {
        NAME_JOINERS.contains(&infos[j].stem())
            || MAGHREBI_JOINERS.contains(&infos[j].folded.as_str())
    })
}

/// Whether a token carries no clitic but perhaps the article («الشيخ»,
/// «سيدي»; not «بالقاهرة», «وعلي»).
fn no_clitic_but_article(t: &TokenInfo) -> bool {
    matches!(t.folded.get(..t.stem_at), Some("" | "ال") | None)
}

/// Whether a token is a given name, a word of the name dictionary or a
/// word mostly seen in persons' names in the training text.
fn is_person_word(t: &TokenInfo) -> bool {
    t.first_name || t.dict_name || t.seen == Some(EntityKind::Person)
}

/// Whether a token looks like part of a person's name: a person word
/// ([`is_person_word`]) or a score of 0 or more by its letters.
fn looks_like_name(t: &TokenInfo) -> bool {
    is_person_word(t) || t.name_class.is_some_and(|c| c >= 3)
}

/// Whether an Arabic token's clitics are a particle and the article
/// («بالاتفاق», «والمناجم», «للمرة»), not the article alone.
fn opened_by_particle_and_article(t: &TokenInfo) -> bool {
    t.folded
        .get(..t.stem_at)
        .is_some_and(|c| c != "ال" && (c.ends_with("ال") || c.ends_with("لل")))
}

/// Whether a token is an Arabic person word ([`is_person_word`]) with no
/// clitic: the model splits names of three words or more into two people
/// side by side («محمد» | «إسماعيل خالد»), which Arabic news never writes
/// without «و» or a comma between them.
fn is_arabic_name_part(t: &TokenInfo) -> bool {
    t.stem_at == 0 && is_person_word(t) && t.folded.chars().all(tokenize::is_arabic_char)
}

/// Joins a CRF person span with the gazetteer person right after it
/// («عبدالفتاح» + «السيسي»): one person, with the gazetteer's id; and two
/// person spans with only «bin»/«بن» between them (one person named
/// after the father, with no id: the father's is not the son's), and
/// two side by side of Arabic name parts ([`is_arabic_name_part`]). Spans
/// are sorted by start.
fn join_person_parts(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    let mut i = 0;
    while i + 1 < spans.len() {
        let (a, a_id) = spans[i];
        let (b, b_id) = spans[i + 1];
        let people = a.kind == EntityKind::Person && b.kind == EntityKind::Person;
        if people && a.end == b.start && a_id.is_none() && b_id.is_some() {
            spans[i] = (Span { end: b.end, ..a }, b_id);
            spans.remove(i + 1);
        } else if people
            && ((a.end + 1 == b.start && PATRONYMICS.contains(&infos[a.end].folded.as_str()))
                || (a.end == b.start
                    && a_id.is_none()
                    && b_id.is_none()
                    && is_arabic_name_part(&infos[a.end - 1])
                    && is_arabic_name_part(&infos[b.start])))
        {
            spans[i] = (Span { end: b.end, ..a }, None);
            spans.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

/// Whether token `j` is «العام» ("the year") in a time phrase («العام
/// المقبل», «العام الماضي»), no adjective of a name before it («جامعة
/// الخليل العام المقبل»; «الأمن العام» keeps it), or «للعام» ("for the
/// year", «للعام المالي»), never a complement of a name.
fn is_year_phrase(infos: &[TokenInfo], j: usize) -> bool {
    let f = infos[j].folded.as_str();
    f == "للعام"
        || (f == "العام"
            && infos.get(j + 1).is_some_and(|w| {
                let f = w.folded.as_str();
                MONTH_AFTER.contains(&f) || NOT_MODIFIERS.contains(&f)
            }))
}

/// Whether a folded word is «و» and an institution's head noun, opening
/// a second institution after a first («جامعة بيرزيت وجامعة الخليل»).
fn opens_another_institution(f: &str) -> bool {
    f.strip_prefix('و')
        .is_some_and(|rest| INSTITUTION_HEADS.contains(&rest))
}

/// Joins an English organisation span with the span after it when one
/// word between makes them one name, which the English model splits:
/// «and» (or a comma before a list with «and») before a span ending in
/// an institution's noun, after one that does not («Lusaka Water Supply
/// and Sanitation Company», «Red Cross and Red Crescent Societies»), and
/// «on», «for» or «of» (also «of the», «for the») after one ending in
/// such a noun («International Coordinating Group on Vaccine Provision»,
/// «Port Authority of Singapore», «Export-Import Bank of the United
/// States»). The joined name is the organisation's, with no id: a
/// place inside it is no place of the article. Spans are sorted by start.
fn join_english_org_parts(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    let institution = |s: &Span| article::ends_english_institution(&infos[s.end - 1].folded);
    let mut i = 0;
    while i + 1 < spans.len() {
        let (a, _) = spans[i];
        let (b, _) = spans[i + 1];
        let between = match b.start.saturating_sub(a.end) {
            1 => Some(infos[a.end].folded.as_str()),
            2 if infos[a.end + 1].folded == "the" => Some(infos[a.end].folded.as_str()),
            _ => None,
        };
        let joins = a.kind == EntityKind::Org
            && (b.start == a.end + 1 || matches!(between, Some("of" | "for")))
            && match between {
                Some("and" | "&") => {
                    matches!(b.kind, EntityKind::Org | EntityKind::Misc)
                        && institution(&b)
                        && !institution(&a)
                }
                Some(",") => {
                    b.kind == EntityKind::Org
                        && institution(&b)
                        && infos[b.start..b.end].iter().any(|t| t.folded == "and")
                }
                Some("on" | "for" | "of") => b.kind != EntityKind::Person && institution(&a),
                _ => false,
            };
        if joins {
            spans[i] = (Span { end: b.end, ..a }, None);
            spans.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

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
            people_by_role(tokens, &mut crf_spans);
            ministries_by_portfolio(tokens, &mut crf_spans);
            people_by_given_name(&self.gaz, tokens, &infos, &matches, &mut crf_spans);
        }
        let mut split_off = Vec::new();
        for s in crf_spans.iter_mut() {
            self.strip_title(&infos, s);
            if s.end == s.start {
                continue;
            }
            Self::end_before_title(&infos, s);
            end_before_time_part(&infos, s);
            end_before_that(&infos, s);
            end_after_ball_game(&infos, s);
            end_before_score(&infos, s);
            drop_currency_person(&infos, s);
            if s.end == s.start {
                continue;
            }
            self.end_at_place(&infos, &matches, s);
            split_off.extend(self.end_before_town_in(&infos, s));
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
        let mut spans: Vec<(Span, Option<usize>)> = Vec::with_capacity(crf_spans.len());
        let mut lent = Vec::new();
        for s in crf_spans {
            self.split_conjoined(&infos, s, &mut spans);
        }
        self.end_at_known_org(&infos, &matches, &mut spans);
        self.end_before_place_at(&infos, &matches, &mut spans);
        self.end_at_given_name(&infos, &mut spans);
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
            let inside = |&i: &usize| g.start <= spans[i].0.start && spans[i].0.end <= g.end;
            let covers = overlapping.iter().all(inside);
            let minor = m.listing == Listing::Minor;
            let minor_extends = minor
                && g.kind == EntityKind::Place
                && g.end - g.start >= 2
                && !overlapping.is_empty()
                && covers
                && overlapping
                    .iter()
                    .all(|&i| spans[i].0.kind == EntityKind::Place);
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
                    !infos[g.start].first_name && (lang == Lang::English || after_division())
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
                || self.is_financial(&infos, &g)
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
        spans.retain(|(s, _)| {
            !self.is_ambiguous_in_sports(&infos, s)
                && !self.ambiguous_before_indefinite(tokens, &infos, s)
        });
        self.take_sports_clubs(&infos, &mut spans);
        self.take_sporting_adjective(&infos, &mut spans);
        spans.sort_by_key(|(s, _)| s.start);
        join_person_parts(&infos, &mut spans);
        if lang == Lang::English {
            settle_english_lists(tokens, &infos, &mut spans);
            join_english_org_parts(&infos, &mut spans);
            english_orgs::mend(&infos, &mut spans);
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

    /// True for a word opened by «و» whose stem is common in ANERcorp
    /// train and never inside a name there: before a listed person's name
    /// it is a verb or a noun, not a given name («وأمل أوباما أن …», and
    /// Obama hoped that …).
    fn is_conjoined_common(&self, t: &TokenInfo) -> bool {
        t.stem_at > 0 && t.folded.starts_with('و') && self.common.contains(t.stem())
    }

    /// Pushes a CRF span, ended before a weekday ([`WEEKDAYS`]) and, for
    /// an organisation, opened after a place's possessive («Chile's
    /// Supreme Court» is the court) and ended before a bracket or a
    /// lower-case word that is no particle ([`ORG_PARTICLES`]), and split where a Latin-script person
    /// span holds a lower-case word that is no name particle («Abiy Ahmed
    /// met Sisi»),
    /// or a second name opened by «و» («محمد بن سلمان ومحمد بن زايد»): the conjunction on a
    /// common given name or name opener or on the first word of a
    /// gazetteer name («السيسي وآبي أحمد»), or standing alone; and where an
    /// organisation span joins two companies («... Co and Intel») or holds
    /// a word opened by «و» that starts a gazetteer name («الأهلي
    /// والوداد», as in «الوداد البيضاوي») or another institution's head
    /// noun («جامعة بيرزيت وجامعة الخليل»).
    fn split_conjoined(&self, infos: &[TokenInfo], s: Span, out: &mut Vec<(Span, Option<usize>)>) {
        if s.kind != EntityKind::Person && s.kind != EntityKind::Org {
            out.push((s, None));
            return;
        }
        let mut s = s;
        let folded = |k: usize| infos[k].folded.as_str();
        while s.end - s.start >= 2 && WEEKDAYS.contains(&folded(s.end - 1)) {
            s.end -= 1;
            if s.end - s.start >= 2 && ["on", "at"].contains(&folded(s.end - 1)) {
                s.end -= 1;
            }
        }
        if s.kind == EntityKind::Org
            && s.end - s.start >= 4
            && ["'s", "’s"].contains(&folded(s.start + 1))
            && (self.gaz.is_place_stem(folded(s.start))
                || infos[s.start]
                    .gaz
                    .is_some_and(|(k, _)| k == EntityKind::Place))
        {
            s.start += 2;
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
            let wa_name = f.starts_with('و') && !joins && self.gaz.starts_name(f);
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
                let after_company =
                    k > start && COMPANY_ENDS.contains(&infos[k - 1].folded.as_str());
                let wa_head = k > start + 1 && opens_another_institution(f);
                (f == "and" && after_company, wa_name || wa_head)
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

    /// Adds Arabic institution names (a head noun from
    /// `INSTITUTION_HEADS`, clitics allowed, or a tagged span it opens
    /// that is no gazetteer name, then up to three definite modifiers or
    /// names, but no place opened by «ب» or «و» and the article: «معهد
    /// البحوث الفلكية» ends before «بالقاهرة»; after an adjective
    /// («المصرية») only adjectives and «لل» complements, so «وزارة
    /// الخارجية المصرية الأمر» ends before «الأمر»; after a «لل»
    /// complement no title («الإدارة العامة للمرور اللواء …», its
    /// director, a major general); one «لل» complement
    /// and its adjectives may follow the three, as in «مركز محمد بن راشد
    /// للفضاء», «مجمع الملك سلمان العالمي للغة العربية») as
    /// organisations, replacing the spans they cover unless one is a
    /// gazetteer person or organisation or reaches outside. A definite
    /// word is in no construct with a person named after it: «رئيس
    /// النادي علي الشهراني» is the club's president and «رئيس مجلس الإدارة
    /// عبدالله الوابلي» the board's, named (a definite word the tagger took
    /// for a person still joins: «الجيش الروسي», and so does one after a
    /// title: «مركز الملك عبدالله للحوار»). A
    /// Latin name after the head stands alone (see
    /// [`article::settle_kinds`]).
    fn add_institutions(&self, t: &mut Tagged<'_>) {
        let n = t.infos.len();
        let mut i = 0;
        while i < n {
            let f = t.infos[i].folded.as_str();
            let head = INSTITUTION_HEAD_LIST.holds(f) || self.opens_with_complement(t, i);
            if !head {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            match t.spans.iter().find(|(s, _)| s.start == i) {
                Some((_, Some(_))) => {
                    i += 1;
                    continue;
                }
                Some((s, None)) => j = j.max(s.end),
                None => {}
            }
            if j == i + 1 {
                let bare_head = arabic::strip_article_clitic(f);
                let next = t.infos.get(j);
                let place_stem = |x: &str| self.gaz.is_place_stem(x);
                let unnamed = NISBA_HEADS.contains(&bare_head.as_str())
                    && !next.is_some_and(|w| arabic::is_nisba(&w.folded, &place_stem));
                let bare_group = GROUP_HEADS.contains(&bare_head.as_str())
                    && !t.spans.iter().any(|(s, _)| s.start == j)
                    && !(next.is_some_and(|w| arabic::is_definite(&w.folded))
                        && t.infos
                            .get(j + 1)
                            .is_some_and(|w| w.folded.starts_with("لل")));
                if unnamed || bare_group || self.is_motion(t, i) {
                    i += 1;
                    continue;
                }
            }
            let opened = j;
            let definite_at =
                |k: usize| arabic::is_definite(&arabic::strip_article_clitic(&t.infos[k].folded));
            let definite_head = definite_at(i);
            let mut after_adjective = false;
            let mut after_pair = false;
            let mut after_complement = false;
            while j < n && j - i <= if after_pair { PORTFOLIO_NAME_WORDS } else { 3 } {
                let g = t.infos[j].folded.as_str();
                if opens_another_institution(g) || is_year_phrase(&t.infos, j) {
                    break;
                }
                if j == i + 1
                    && !definite_head
                    && let Some(p) = t.spans.iter().position(|(s, id)| {
                        s.start == j && s.kind == EntityKind::Person && id.is_none()
                    })
                    && let Some(k) = self.given_name_inside(&t.infos, &t.spans[p].0)
                {
                    t.spans[p].0.start = k;
                    j = k;
                    break;
                }
                if let Some((s, _)) = t.spans.iter().find(|(s, _)| s.start == j && s.end <= i + 4) {
                    let place_after = s.kind == EntityKind::Place
                        && (g.starts_with("بال")
                            || g.starts_with("وال")
                            || (j > i + 1 && (g.starts_with('ب') || g.starts_with('و'))));
                    let closed = definite_head
                        || (j > i + 1
                            && definite_at(j - 1)
                            && !self.gaz.is_title(&t.infos[j - 1].folded));
                    let person_apart = closed && s.kind == EntityKind::Person && !definite_at(j);
                    if place_after || person_apart {
                        break;
                    }
                    j = s.end;
                    continue;
                }
                let definite =
                    (g.starts_with("ال") || g.starts_with("لل")) && g.chars().count() >= 4;
                let adjective = g.ends_with('ي')
                    || g.ends_with("يه")
                    || NAMED_BY_ADJECTIVE.iter().any(|(_, a)| *a == g);
                if j > i + 1 {
                    let pair = self.second_of_pair(&t.infos[i], &t.infos[j - 1], g)
                        || (self.portfolio_in_construct(&t.infos[i], &t.infos[j..])
                            && !spanned(&t.spans, j + 1));
                    if pair {
                        j += if g.starts_with("وال") { 1 } else { 2 };
                        after_pair = true;
                        after_adjective = false;
                        continue;
                    }
                }
                if !definite
                    || NOT_MODIFIERS.contains(&g)
                    || self.gaz.is_stopword(g)
                    || PERSONAL_TITLES.contains(&g)
                    || (after_complement && self.gaz.is_title(g))
                    || ((after_adjective || after_pair) && !adjective && !g.starts_with("لل"))
                {
                    break;
                }
                after_complement |= g.starts_with("لل");
                after_adjective |= adjective;
                j += 1;
            }
            let complement = |g: &str| {
                g.starts_with("لل")
                    && g.chars().count() >= 4
                    && !NOT_MODIFIERS.contains(&g)
                    && !self.gaz.is_stopword(g)
            };
            let free = |k: usize| !spanned(&t.spans, k);
            let construct = |k: usize| {
                let g = t.infos[k].folded.as_str();
                k + 1 < n
                    && (COMPLEMENT_NOUNS.contains(&g)
                        || (definite_head && NAMING_COMPLEMENT_NOUNS.contains(&g)))
                    && t.infos[k + 1].folded.starts_with("ال")
                    && !self.gaz.is_stopword(&t.infos[k + 1].folded)
                    && free(k + 1)
            };
            let complement_len = if j < n && j > i + 1 && free(j) && construct(j) {
                2
            } else if j < n
                && complement(&t.infos[j].folded)
                && free(j)
                && !is_year_phrase(&t.infos, j)
            {
                1
            } else {
                0
            };
            if complement_len > 0 {
                j += complement_len;
                while j < n && j - i <= 6 && free(j) {
                    let g = t.infos[j].folded.as_str();
                    if !is_naming_adjective(g)
                        || NOT_MODIFIERS.contains(&g)
                        || self.gaz.is_stopword(g)
                    {
                        break;
                    }
                    j += 1;
                }
            }
            j = self.take_coordinated_complements(t, i, j);
            let latin = t.tokens[i + 1..j]
                .iter()
                .any(|w| w.chars().any(|c| c.is_ascii_alphabetic()));
            let cand = Span {
                start: i,
                end: j,
                kind: EntityKind::Org,
            };
            let overlapping: Vec<usize> = t
                .spans
                .iter()
                .enumerate()
                .filter(|(_, (s, _))| s.start < cand.end && cand.start < s.end)
                .map(|(k, _)| k)
                .collect();
            let blocked = overlapping.iter().any(|&k| {
                let (s, id) = t.spans[k];
                s.start < cand.start
                    || s.end > cand.end
                    || (id.is_some() && s.kind != EntityKind::Place)
            });
            let phrase = t.infos.get(i + 1).is_some_and(|next| {
                arabic::listed_with_clitic(f, |x| {
                    NOT_NAME_PHRASES.contains(&[x, next.folded.as_str()])
                })
            });
            if j == i + 1 || j == opened && opened > i + 1 || blocked || latin || phrase {
                i += 1;
                continue;
            }
            for &k in overlapping.iter().rev() {
                t.spans.remove(k);
            }
            t.spans.push((cand, None));
            t.spans.sort_by_key(|(s, _)| s.start);
            i = j;
        }
    }

    /// Whether token `i` is one of [`DEFINITE_HEADS`] (clitics allowed)
    /// before a definite adjective and a «لل» complement, or a
    /// [`NAMING_COMPLEMENT_NOUNS`] one before a definite noun, that no
    /// span holds but an organisation's opened by the head: «المجلس
    /// الأعلى للقضاء», «الشبكة الليبية لمراقبة الانتخابات», not «الجهاز
    /// الفني»; or a pair of [`NAMED_BY_ADJECTIVE`] («المحكمة العليا»).
    fn opens_with_complement(&self, t: &Tagged<'_>, i: usize) -> bool {
        let Some(adjective) = t.infos.get(i + 1) else {
            return false;
        };
        let modifier = |g: &str| !NOT_MODIFIERS.contains(&g) && !self.gaz.is_stopword(g);
        let held = |k: usize| {
            t.spans.iter().any(|(s, id)| {
                s.start <= k
                    && k < s.end
                    && !(s.start == i && s.kind == EntityKind::Org && id.is_none())
            })
        };
        let head = arabic::strip_article_clitic(&t.infos[i].folded);
        if NAMED_BY_ADJECTIVE.contains(&(head.as_str(), adjective.folded.as_str())) && !held(i + 1)
        {
            return true;
        }
        let Some(complement) = t.infos.get(i + 2) else {
            return false;
        };
        let noun = complement.folded.as_str();
        let in_construct = (NAMING_COMPLEMENT_NOUNS.contains(&noun)
            || COMPLEMENT_NOUNS.contains(&noun))
            && t.infos.get(i + 3).is_some_and(|g| {
                arabic::is_definite(&g.folded) && modifier(&g.folded) && !held(i + 3)
            });
        (complement.folded.starts_with("لل") || in_construct)
            && is_naming_adjective(&adjective.folded)
            && complement.folded.chars().count() >= 5
            && modifier(&adjective.folded)
            && modifier(&complement.folded)
            && !held(i + 1)
            && !held(i + 2)
            && DEFINITE_HEADS.contains(&head.as_str())
    }

    /// Extends an institution's name `i..j` that holds a «لل» complement,
    /// or a complement noun in construct («المعهد الموريتاني لبحوث
    /// المحيطات والصيد»), over what continues it: a second «لل» complement
    /// (not «للعام المالي», for the fiscal year: [`is_year_phrase`]), definite
    /// adjectives and words opened by «وال» joined to the complement (not
    /// one before «مع», "with": «… للمرور والتنسيق مع الجهات» is what the
    /// body does)
    /// («المديرية العامة للآثار والمتاحف», «المكتب الوطني للسلامة الصحية
    /// للمنتجات الغذائية»), up to nine words in all, none in a span and
    /// none another institution's head («… والجمعية»).
    fn take_coordinated_complements(&self, t: &Tagged<'_>, i: usize, j: usize) -> usize {
        let complemented = (i + 1..j).any(|k| {
            let g = t.infos[k].folded.as_str();
            g.starts_with("لل")
                || COMPLEMENT_NOUNS.contains(&g)
                || NAMING_COMPLEMENT_NOUNS.contains(&g)
        });
        let mut j = j;
        while complemented && j < t.infos.len() && j - i < 9 && !spanned(&t.spans, j) {
            let g = t.infos[j].folded.as_str();
            if g == "علي"
                && GOVERN_ALA.contains(&t.infos[j - 1].folded.as_str())
                && t.infos
                    .get(j + 1)
                    .is_some_and(|w| arabic::is_definite(&w.folded))
                && !spanned(&t.spans, j + 1)
            {
                j += 2;
                continue;
            }
            let bare = arabic::strip_article_clitic(g);
            let continues = (g.starts_with("وال") || g.starts_with("لل"))
                && g.chars().count() >= 5
                && !is_year_phrase(&t.infos, j)
                && t.infos.get(j + 1).is_none_or(|w| w.folded != "مع")
                && !INSTITUTION_HEAD_LIST.holds(g)
                && !DEFINITE_HEADS.contains(&bare.as_str());
            if !(continues || is_naming_adjective(g))
                || NOT_MODIFIERS.contains(&bare.as_str())
                || self.gaz.is_stopword(&bare)
            {
                break;
            }
            j += 1;
        }
        j
    }

    /// Whether `g`, a folded word opened by «وال», is the second of a
    /// pair inside an institution's name after `prev`: another portfolio
    /// of a ministry or faculty («وزارة السياحة والآثار», «وزارة الفلاحة
    /// والصيد البحري والتنمية القروية») or an adjective agreeing with the
    /// one before it («المجلس الاقتصادي والاجتماعي»). ANERcorp's other
    /// «وال» words after an organisation start something else («الجامعة
    /// العربية والتنسيق»), and so does another institution's head
    /// («جمعية المكفوفين الخيرية والجمعية …»).
    fn second_of_pair(&self, head: &TokenInfo, prev: &TokenInfo, g: &str) -> bool {
        let Some(rest) = g.strip_prefix("وال") else {
            return false;
        };
        let portfolio = PORTFOLIOS.contains(&rest)
            && arabic::listed_with_clitic(&head.folded, |x| PORTFOLIO_HEADS.contains(&x));
        let p = prev.folded.as_str();
        let agreeing = p.starts_with("ال")
            && ((p.ends_with("يه") && rest.ends_with("يه"))
                || (p.ends_with('ي') && rest.ends_with('ي')));
        (rest.chars().count() >= 3 || portfolio)
            && !self.gaz.is_stopword(g)
            && !NOT_MODIFIERS.contains(&g)
            && !INSTITUTION_HEAD_LIST.holds(rest)
            && (portfolio || agreeing)
    }

    /// Whether `words` open with «و» and a portfolio in construct with a
    /// definite noun, another portfolio of a ministry («وزارة الخارجية
    /// وشؤون المغتربين», «وزارة النقل والاتصالات وتقنية المعلومات»).
    fn portfolio_in_construct(&self, head: &TokenInfo, words: &[TokenInfo]) -> bool {
        let [conj, next, ..] = words else {
            return false;
        };
        conj.folded
            .strip_prefix('و')
            .is_some_and(|rest| PORTFOLIOS.contains(&rest))
            && arabic::listed_with_clitic(&head.folded, |x| PORTFOLIO_HEADS.contains(&x))
            && arabic::is_definite(&next.folded)
            && !self.gaz.is_stopword(&next.folded)
            && !NOT_MODIFIERS.contains(&next.folded.as_str())
    }

    /// Whether «حركة» at token `i` is motion or traffic («حركة السير»,
    /// «حركة الرياح السطحية», «حركة البيع»), as it is in most news, rather
    /// than a movement: a movement's name after it is tagged or listed
    /// («حركة حماس») or one of [`MOVEMENT_WORDS`] («حركة النهضة»).
    fn is_motion(&self, t: &Tagged<'_>, i: usize) -> bool {
        let head = arabic::listed_with_clitic(&t.infos[i].folded, |x| x == "حركه");
        let named = t.spans.iter().any(|(s, _)| s.start == i + 1);
        let movement = t
            .infos
            .get(i + 1)
            .is_some_and(|n| MOVEMENT_WORDS.contains(&n.folded.as_str()));
        head && !named && !movement
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

    /// Splits an organisation span that runs on past the gazetteer
    /// organisation of two words or more opening it into a person's name:
    /// «لدى منظمة التعاون الإسلامي اليغ ازيروف» is the organisation, then
    /// its envoy (a company's name is left alone, as its products follow
    /// it: «سامسونج جلاكسي»). The rest must be two words or more, one of
    /// them name-like ([`looks_like_name`]), none a common word of the
    /// training text, a definite adjective or opened by «لل» or «و», which
    /// would continue the organisation («… للتربية والعلم»).
    fn end_at_known_org(
        &self,
        infos: &[TokenInfo],
        matches: &[GazMatch],
        spans: &mut Vec<(Span, Option<usize>)>,
    ) {
        for m in matches {
            let Some(k) = spans.iter().position(|(s, _)| {
                s.kind == EntityKind::Org
                    && s.start == m.start
                    && self.envoy_after_known_org(infos, matches, s, m.end)
            }) else {
                continue;
            };
            let person = Span {
                start: m.end,
                end: spans[k].0.end,
                kind: EntityKind::Person,
            };
            spans[k].0.end = m.end;
            spans.push((person, None));
        }
    }

    /// Whether organisation span `s` opens with a gazetteer organisation
    /// of two words or more ending at `end`, and runs on past it into a
    /// person's name (see [`Extractor::end_at_known_org`]).
    fn envoy_after_known_org(
        &self,
        infos: &[TokenInfo],
        matches: &[GazMatch],
        s: &Span,
        end: usize,
    ) -> bool {
        let known = matches.iter().any(|m| {
            (m.start, m.end) == (s.start, end)
                && m.end - m.start >= 2
                && self.gaz.kind_of(m) == Some(EntityKind::Org)
        });
        known && s.end >= end + 2 && {
            let rest = &infos[end..s.end];
            !rest.iter().any(|t| self.continues_org(t)) && rest.iter().any(looks_like_name)
        }
    }

    /// Whether a word after an organisation's name carries the name on
    /// rather than starting another: opened by «لل» or «و», a definite
    /// adjective or a common word of the training text («… للتربية
    /// والعلم»).
    fn continues_org(&self, t: &TokenInfo) -> bool {
        t.folded.starts_with("لل")
            || t.folded.starts_with('و')
            || arabic::is_definite_adjective(&t.folded)
            || self.common.contains(&t.folded)
    }

    /// Where a person's given name starts inside a span that an
    /// institution's name opens: «لمجمع سونلغاز مراد عجال» is the company,
    /// then its chief. The given name has no clitic and comes after the
    /// span's first word, not after a person word («محمد رضا»), a title
    /// or a joiner, so bodies named
    /// after a person stay whole («مؤسسة محمد بن راشد», «جامعة الإمام
    /// محمد بن سعود», «جامعة سان أندروز»); two words or more follow from it, none carrying an
    /// organisation's name on ([`Extractor::continues_org`]).
    fn given_name_inside(&self, infos: &[TokenInfo], s: &Span) -> Option<usize> {
        (s.start + 1..s.end.saturating_sub(1)).find(|&k| {
            let (before, t) = (&infos[k - 1], &infos[k]);
            t.first_name
                && t.stem_at == 0
                && t.folded.chars().any(tokenize::is_arabic_char)
                && !is_person_word(before)
                && before.trigger.is_none()
                && !self.gaz.is_title(&before.folded)
                && !NAME_JOINERS.contains(&before.stem())
                && !SAINTS.contains(&before.folded.as_str())
                && !infos[k..s.end].iter().any(|x| self.continues_org(x))
        })
    }

    /// Splits an Arabic organisation span of a head and a name that runs
    /// on into a person's given name and surname
    /// ([`Extractor::given_name_inside`], two words or more into the
    /// span): «مجمع سونلغاز مراد عجال» as the tagger found it.
    fn end_at_given_name(&self, infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
        let mut people = Vec::new();
        for (s, id) in spans.iter_mut() {
            if s.kind != EntityKind::Org || id.is_some() || s.end - s.start < 4 {
                continue;
            }
            let inner = Span {
                start: s.start + 1,
                ..*s
            };
            if let Some(k) = self.given_name_inside(infos, &inner) {
                people.push((
                    Span {
                        start: k,
                        end: s.end,
                        kind: EntityKind::Person,
                    },
                    None,
                ));
                s.end = k;
            }
        }
        spans.extend(people);
    }

    /// Whether an Arabic person span of two words or more holds no word
    /// that looks like a name: none a given name, a joiner («ابن»), a
    /// word of the name dictionary or of persons in the training text, or
    /// scored 0 or more by its letters («ارتفاع الأسعار», "rising
    /// prices").
    fn is_nameless(&self, infos: &[TokenInfo], s: &Span) -> bool {
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

    /// Ends a person span before a title that heads a construct after the
    /// name ([`TRAILING_TITLES`]: «خالد الفيصل مستشار خادم الحرمين»): the
    /// title, with no clitic, after the name's first word and not after a
    /// joiner («عبد», «بن»). A span opened by such a title, clitics
    /// allowed, with no word of a person's name in it ([`is_person_word`]:
    /// «وولي لولي العهد», a headline's "and a deputy crown prince") is
    /// emptied: it names nobody.
    fn end_before_title(infos: &[TokenInfo], s: &mut Span) {
        if s.kind != EntityKind::Person {
            return;
        }
        if arabic::listed_with_clitic(&infos[s.start].folded, |x| TRAILING_TITLES.contains(&x))
            && !infos[s.start..s.end].iter().any(is_person_word)
        {
            s.end = s.start;
            return;
        }
        let cut = (s.start + 1..s.end).find(|&k| {
            let t = &infos[k];
            t.stem_at == 0
                && TRAILING_TITLES.contains(&t.folded.as_str())
                && !NAME_JOINERS.contains(&infos[k - 1].stem())
        });
        if let Some(k) = cut {
            s.end = k;
        }
    }

    /// Ends a person span before a known place inside it («عبد الفتاح
    /// السيسي موسكو» is a person, then a place) unless a known person's
    /// name covers that word; and starts it after a known place that
    /// opens it before two more words («رئيس جمهورية الشيشان حسن
    /// حكيموف», or a town of the minor lists before a given name: «محافظ
    /// نابلس سامي عبد الرحيم حمدان») and has four letters or more and no
    /// sign of a person's name («واك تاي هي», where «واك» is also Wake
    /// Island).
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
        {
            s.start = m.end;
        }
        let cut = matches
            .iter()
            .filter(|m| m.start > s.start && m.start < s.end)
            .filter(|m| kind(m) == Some(EntityKind::Place))
            .map(|m| m.start)
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

    /// Starts a person span of three words or more after a gazetteer
    /// organisation that opens it, and returns that organisation as a
    /// span of its own: «مدير عام سونلغاز مراد بلقاسمي» names the company,
    /// then its chief, whom the tagger ran into one person.
    fn start_after_known_org(
        &self,
        infos: &[TokenInfo],
        matches: &[GazMatch],
        s: &mut Span,
    ) -> Option<Span> {
        if s.kind != EntityKind::Person {
            return None;
        }
        let m = matches.iter().find(|m| {
            m.start == s.start && m.end + 2 <= s.end && self.gaz.kind_of(m) == Some(EntityKind::Org)
        })?;
        if !infos[m.end].first_name {
            return None;
        }
        s.start = m.end;
        Some(Span {
            start: m.start,
            end: m.end,
            kind: EntityKind::Org,
        })
    }

    /// Ends a person or organisation span of two words or more before its
    /// last word when that is «ب» ("in") and a listed town, minor lists
    /// included («مستشفى محمد الخامس بشفشاون»), and returns the town as a
    /// place span of its own (an ambiguous town, «بريدة», needs one to be
    /// a place at all).
    fn end_before_town_in(&self, infos: &[TokenInfo], s: &mut Span) -> Option<Span> {
        if !matches!(s.kind, EntityKind::Person | EntityKind::Org) || s.end - s.start < 2 {
            return None;
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

    /// Trims common words from both ends of a person span of two words or
    /// more («راوول الهدف» → «راوول», «يوسف بالاتفاق» → «يوسف»): the CRF,
    /// pushed towards recall, runs names on into the next word. Common
    /// means common in ANERcorp train and never part of a name there, or
    /// frequent in general text or common with the article alone
    /// («بالنتائج»: «النتائج»), opened by a particle other than «ال»
    /// (a name part seldom is) and not a name word (see
    /// [`Extractor::is_name_word`]). «على» before «أن» is the preposition
    /// of «شدد … على أن», never a name («علي») in ANERcorp (66 times). A
    /// last word opened by «ي» that is no name word and does not look like
    /// a name by its letters is a verb in the present («خالد الفيصل يرعى»,
    /// a headline's "… sponsors").
    ///
    /// A number word ([`NUMBER_WORDS`]) or a numeral ends no name
    /// («نذير محمد 43 مصاباً»).
    ///
    /// A particle written with its hamza ([`HAMZA_PARTICLES`]) opens no
    /// name («فإن بيتيس سيحصل», "Betis will get").
    ///
    /// No word is trimmed right after a joiner: «السلام» (peace) is common,
    /// but «عبد السلام» is a name; nor the family name of a two-word span
    /// opened by a given name, written with the article and no clitic
    /// («هاني العدوان», where «العدوان» is also "the aggression"), unless
    /// it is a relative pronoun or a word of time
    /// ([`FUNCTION_WORDS_WITH_ARTICLE`]), a stopword or a nationality
    /// adjective («لينس الفرنسي»).
    ///
    /// What is left when common words that are no given names opened the
    /// span is emptied if it is one word with the article that is no
    /// person word ([`is_person_word`]), no nisba («…ي», as most family
    /// names with the article are: «شارع البقمي») and not the second half
    /// of «X الدين» or «X الله»: the genitive of the construct the common
    /// word heads («جني الزيتون», the olive harvest; «حق الفيتو»).
    fn trim_common(&self, tokens: &[&str], infos: &[TokenInfo], s: &mut Span) {
        if s.kind != EntityKind::Person {
            return;
        }
        let common = |i: usize| {
            let t = &infos[i];
            let particle = opened_by_particle_and_article(t);
            let known = || {
                self.frequent.contains(&t.folded)
                    || self
                        .common
                        .contains(&arabic::strip_article_clitic(&t.folded))
            };
            self.common.contains(&t.folded) || (particle && known() && !self.is_name_word(infos, i))
        };
        let number = |i: usize| {
            let f = infos[i].folded.as_str();
            f.chars().all(char::is_numeric)
                || (NUMBER_WORDS.contains(&f) && !infos[i - 1].folded.starts_with("ال"))
        };
        let that = |i: usize| {
            infos
                .get(i)
                .is_some_and(|t| ["ان", "انه", "انها"].contains(&t.folded.as_str()))
        };
        let verb = |i: usize| {
            let t = &infos[i];
            let present =
                t.stem().starts_with('ي') && matches!(t.folded.get(..t.stem_at), Some("" | "و"));
            let future =
                after_future_opening(&t.folded, true).is_some_and(|rest| rest.chars().count() >= 3);
            (future || (present && t.name_class.is_some_and(|c| c < 3)))
                && !self.is_name_word(infos, i)
        };
        let after_joiner = |i: usize| ENDING_JOINERS.contains(&infos[i - 1].folded.as_str());
        let family_name = |s: &Span| {
            let last = infos[s.end - 1].folded.as_str();
            s.end - s.start == 2
                && infos[s.start].first_name
                && tokens[s.end - 1].starts_with("ال")
                && !FUNCTION_WORDS_WITH_ARTICLE.contains(&last)
                && !self.gaz.is_stopword(last)
                && !arabic::is_nisba(last, &|x: &str| self.gaz.is_place_stem(x))
        };
        while s.end - s.start >= 2
            && !after_joiner(s.end - 1)
            && !family_name(s)
            && (common(s.end - 1)
                || verb(s.end - 1)
                || number(s.end - 1)
                || (infos[s.end - 1].folded == "علي" && that(s.end)))
        {
            s.end -= 1;
        }
        let start = s.start;
        let particle = |i: usize| HAMZA_PARTICLES.contains(&tokens[i]);
        while s.end - s.start >= 2 && (common(s.start) || verb(s.start) || particle(s.start)) {
            s.start += 1;
        }
        if s.start > start
            && !infos[start..s.start].iter().any(|t| t.first_name)
            && s.end - s.start == 1
            && infos[s.start].folded.get(..infos[s.start].stem_at) == Some("ال")
            && !is_person_word(&infos[s.start])
            && !infos[s.start].folded.ends_with('ي')
            && !["الدين", "الله"].contains(&infos[s.start].folded.as_str())
        {
            s.end = s.start;
        }
    }

    /// Ends an Arabic organisation span before the indefinite common
    /// words the tagger ran it on into: a word with no article, common in
    /// ANERcorp train and never inside a name there (clitics aside), whose
    /// letters look like no name's, after no spelt letter of an acronym
    /// and no organisation's noun («بنك الساحل أبلغ», «بنك
    /// الكويت المركزي فور», «بنك الساحل التجاري لهجوم إلكتروني»; not
    /// «حركة أمل», a one-word name after its noun).
    fn trim_org_common(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        matches: &[GazMatch],
        s: &mut Span,
    ) {
        if s.kind != EntityKind::Org {
            return;
        }
        let indefinite_common = |k: usize| {
            let t = &infos[k];
            let definite = arabic::strip_article_clitic(tokens[k]).starts_with("ال");
            !definite
                && (self.common.contains(&t.folded) || self.common.contains(t.stem()))
                && t.name_class.is_some_and(|c| c < 3)
                && !self.is_name_word(infos, k)
                && !LETTER_NAMES.contains(&infos[k - 1].folded.as_str())
        };
        while s.end - s.start >= 3
            && infos[s.end - 2].trigger != Some(EntityKind::Org)
            && indefinite_common(s.end - 1)
        {
            s.end -= 1;
        }
        self.end_after_definite_adjective(tokens, infos, matches, s);
    }

    /// Ends an Arabic organisation span at the first word after a definite
    /// adjective («التجاري», «المركزي») that cannot go on a name: a name
    /// goes on after one only with definite words, «لل» complements, «ل»
    /// and a noun in construct with a definite word («لتوزيع الكهرباء»),
    /// name words («المستشفى الإقليمي محمد الخامس»), numbers or Latin
    /// script; so «بنك الكويت المركزي فور» and «بنك الساحل التجاري لهجوم
    /// إلكتروني» end after the adjective. Words kept only as definite or
    /// name words right before such a word go with it: they open what
    /// follows («منظمة التعاون الإسلامي أليغ أزيروف», a person).
    fn end_after_definite_adjective(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        matches: &[GazMatch],
        s: &mut Span,
    ) {
        let adjective = |k: usize| {
            arabic::is_definite_adjective(&arabic::strip_article_clitic(&infos[k].folded))
        };
        let latin = |k: usize| !tokens[k].chars().any(tokenize::is_arabic_char);
        let Some(k) = (s.start + 1..s.end).find(|&k| adjective(k)) else {
            return;
        };
        if self.envoy_after_known_org(infos, matches, s, k + 1) {
            return;
        }
        let definite = |m: usize| arabic::strip_article_clitic(tokens[m]).starts_with("ال");
        let goes_on = |m: usize| {
            let f = infos[m].folded.as_str();
            let construct = f.starts_with('ل') && m + 1 < s.end && definite(m + 1);
            definite(m)
                || f.starts_with("لل")
                || construct
                || self.is_name_word(infos, m)
                || infos[m].gaz.is_some()
                || latin(m)
        };
        let Some(mut m) = (k + 1..s.end).find(|&m| !goes_on(m)) else {
            return;
        };
        let fixed = |m: usize| infos[m].folded.starts_with("لل") || adjective(m) || latin(m);
        while m > k + 1 && !fixed(m - 1) {
            m -= 1;
        }
        s.end = m;
    }

    /// Joins a person span to the next when that one opens with a
    /// Maghrebi joiner ([`MAGHREBI_JOINERS`]: «المختار» + «ولد سيدي
    /// محمد»), and takes such a joiner right after a
    /// person span into it where a person span opens after the joiner or
    /// the word there can be a name ([`Extractor::can_follow_joiner`]).
    /// [`Extractor::complete_joiners`] then takes the name after it in.
    fn take_maghrebi_joiner(&self, infos: &[TokenInfo], spans: &mut Vec<Span>) {
        let mut k = 0;
        while k + 1 < spans.len() {
            let (s, n) = (spans[k], spans[k + 1]);
            if s.kind == EntityKind::Person
                && n.kind == EntityKind::Person
                && n.start == s.end
                && n.end - n.start >= 2
                && MAGHREBI_JOINERS.contains(&infos[n.start].folded.as_str())
                && self.can_follow_joiner(&infos[n.start + 1])
            {
                spans[k].end = n.end;
                spans.remove(k + 1);
            } else {
                k += 1;
            }
        }
        for k in 0..spans.len() {
            let s = spans[k];
            let (Some(joiner), Some(next)) = (infos.get(s.end), infos.get(s.end + 1)) else {
                continue;
            };
            let person_after = spans
                .get(k + 1)
                .is_some_and(|n| n.start == s.end + 1 && n.kind == EntityKind::Person);
            let free = person_after || spans.get(k + 1).is_none_or(|n| n.start > s.end + 1);
            if s.kind == EntityKind::Person
                && free
                && MAGHREBI_JOINERS.contains(&joiner.folded.as_str())
                && (person_after || self.can_follow_joiner(next))
            {
                spans[k].end += 1;
            }
        }
    }

    /// Completes the person spans that end on a joiner («فيصل بن» before
    /// «تركي», which is also "Turkish"): the word after «بن», «عبد» or
    /// «آل» is part of the name whatever else it can be, so an Arabic word
    /// there joins the span, and a person span starting there is merged
    /// with it; where neither can be, the joiner leaves the span.
    fn complete_joiners(&self, tokens: &[&str], infos: &[TokenInfo], spans: &mut Vec<Span>) {
        self.take_maghrebi_joiner(infos, spans);
        let mut k = 0;
        while k < spans.len() {
            let s = spans[k];
            let last = &infos[s.end - 1].folded;
            let joiner = ENDING_JOINERS.contains(&last.as_str())
                || MAGHREBI_JOINERS.contains(&last.as_str())
                || tokens[s.end - 1] == "آل";
            if s.kind != EntityKind::Person || s.end - s.start < 2 || !joiner {
                k += 1;
                continue;
            }
            let next = spans.get(k + 1).filter(|n| n.start == s.end);
            match (next, infos.get(s.end)) {
                (Some(n), _) if n.kind == EntityKind::Person => {
                    spans[k].end = n.end;
                    spans.remove(k + 1);
                }
                (None, Some(w))
                    if w.folded.chars().count() >= 2
                        && w.folded.chars().all(tokenize::is_arabic_char)
                        && !self.gaz.is_stopword(&w.folded)
                        && (!MAGHREBI_JOINERS.contains(&last.as_str())
                            || self.can_follow_joiner(w)) =>
                {
                    spans[k].end += 1;
                    if MAGHREBI_JOINERS.contains(&last.as_str()) {
                        self.take_given_names(infos, spans, k);
                    }
                }
                _ => spans[k].end -= 1,
            }
            k += 1;
        }
    }

    /// Whether a word after a Maghrebi joiner can be a name: a given name,
    /// a word seen in persons' names, or an Arabic word of two letters or
    /// more with no clitic but the article that is no stopword and no
    /// common word of the training text («ولد في», «ولد عام» are "was
    /// born in", "born in the year").
    fn can_follow_joiner(&self, next: &TokenInfo) -> bool {
        self.gaz.is_first_name(&next.folded)
            || next.seen == Some(EntityKind::Person)
            || (no_clitic_but_article(next)
                && next.folded.chars().count() >= 2
                && next.folded.chars().all(tokenize::is_arabic_char)
                && !BORN_WORDS.contains(&next.folded.as_str())
                && !self.gaz.is_stopword(&next.folded)
                && !self.common.contains(&next.folded))
    }

    /// Extends person span `k` over up to two given names right after it
    /// that no span holds: the rest of a Mauritanian name after «ولد»
    /// («المختار ولد سيدي محمد»).
    fn take_given_names(&self, infos: &[TokenInfo], spans: &mut [Span], k: usize) {
        let limit = spans[k].end + 2;
        while spans[k].end < limit
            && infos
                .get(spans[k].end)
                .is_some_and(|w| self.gaz.is_first_name(&w.folded))
            && spans.get(k + 1).is_none_or(|n| n.start > spans[k].end)
        {
            spans[k].end += 1;
        }
    }

    /// Sets a person span's first given name right. The span takes in the
    /// given name just before it that the model left out, mostly for its
    /// clitic («بايهود اولمرت», «لكوفي أنان», «وعلي الحجار»). The article
    /// is not stripped, so «التركي» ("the Turkish") is no «تركي»; nor is
    /// «على» ("on", «علي» when folded), a name of two letters («جو», also
    /// "air") or one of [`NOUN_NAMES`] («أمل», also "he hoped"). And a span
    /// opened by «على» loses it unless a given name follows: «رد على
    /// أوباما» is "replied to Obama", but Egyptian papers spell «علي» so,
    /// as in «على عبدالله صالح».
    fn set_given_name(&self, tokens: &[&str], infos: &[TokenInfo], spans: &mut [Span]) {
        for s in spans.iter_mut() {
            let on = ON.contains(&tokens[s.start]);
            if s.kind == EntityKind::Person
                && on
                && s.end - s.start >= 2
                && !infos[s.start + 1].first_name
            {
                s.start += 1;
            }
        }
        for k in 0..spans.len() {
            let s = spans[k];
            let Some(j) = s.start.checked_sub(1) else {
                continue;
            };
            let free = k == 0 || spans[k - 1].end <= j;
            let w = &infos[j].folded;
            if s.kind == EntityKind::Person && free && self.opens_name(tokens[j], w) {
                spans[k].start = j;
            }
        }
    }

    /// Takes the family name into an Arabic person span of a given name
    /// and a father's name that the model ended there («حيدر كاظم
    /// الساعدي», «أحمد سمير القاضي»: it learnt mostly names of two words).
    /// The span's two words are person words ([`is_person_word`]) with no
    /// clitic, or a given name and a family's nisba («رشيد الوزاني
    /// التهامي»), and the
    /// word after it (not «على», "on", nor «علي», as Egyptian papers spell
    /// that preposition, unless a clause goes on after it: «ناديا حسن علي
    /// إن») carries no clitic
    /// but the article, is no common word
    /// of the training text or frequent word, stopword, title, trigger or
    /// listed name, and is a name word: a given name, a word of the name
    /// dictionary or of persons' names in the training text, or a
    /// definite nisba («الساعدي»).
    fn take_family_name(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        matches: &[GazMatch],
        spans: &mut [Span],
    ) {
        for k in 0..spans.len() {
            let s = spans[k];
            let e = s.end;
            let is_family_nisba = |f: &str| {
                f.starts_with("ال")
                    && f.ends_with('ي')
                    && f.chars().count() >= 5
                    && !self.common.contains(f)
                    && !arabic::is_nisba(f, &|x| self.gaz.is_place_stem(x))
            };
            let given_and_nisba = s.end - s.start == 2
                && infos[s.start].first_name
                && infos[s.start].stem_at == 0
                && is_family_nisba(&infos[s.start + 1].folded);
            if s.kind != EntityKind::Person
                || s.end - s.start != 2
                || e >= infos.len()
                || spans.get(k + 1).is_some_and(|n| n.start <= e)
                || !(given_and_nisba
                    || infos[s.start..e]
                        .iter()
                        .all(|t| is_person_word(t) && t.stem_at == 0))
            {
                continue;
            }
            let t = &infos[e];
            let f = t.folded.as_str();
            let nisba = is_family_nisba(f);
            let name_word = (t.first_name && t.stem_at == 0)
                || t.dict_name
                || t.seen == Some(EntityKind::Person)
                || nisba;
            if name_word
                && !ON.contains(&tokens[e])
                && (f != "علي" || Self::ends_clause(infos, e + 1))
                && no_clitic_but_article(t)
                && f.chars().all(tokenize::is_arabic_char)
                && !self.common.contains(f)
                && !self.frequent.contains(f)
                && !self.gaz.is_stopword(f)
                && !self.gaz.is_title(f)
                && t.trigger.is_none()
                && !matches.iter().any(|m| m.start <= e && e < m.end)
                && !arabic::is_nisba(f, &|x| self.gaz.is_place_stem(x))
            {
                spans[k].end = e + 1;
            }
        }
    }

    /// Whether token `k` is past the end, holds no letter, or is a
    /// particle that opens what is said or a relative clause («إن», «في»,
    /// «الذي»): what may follow a name, not a preposition's object.
    fn ends_clause(infos: &[TokenInfo], k: usize) -> bool {
        infos.get(k).is_none_or(|t| {
            !t.folded.chars().any(char::is_alphanumeric)
                || ["ان", "انه", "انها", "في", "من", "عن", "الذي", "التي", "و"]
                    .contains(&t.folded.as_str())
        })
    }

    /// Whether a token (original and folded) is a given name that may
    /// open a person's name the model left it out of: clitics allowed,
    /// three letters or more, not «على», a stopword or one of
    /// [`NOUN_NAMES`].
    fn opens_name(&self, token: &str, folded: &str) -> bool {
        !ON.contains(&token)
            && !self.gaz.is_stopword(folded)
            && arabic::listed_with_clitic(folded, |x| {
                self.gaz.is_first_name(x)
                    && x.chars().count() >= 3
                    && !NOUN_NAMES.contains(&x)
                    && !self.gaz.is_stopword(x)
            })
    }

    /// Tags a given name ([`Extractor::opens_name`])
    /// and the word after it as a person where the model tagged neither
    /// and that word, of three letters or more and no joiner («بن»,
    /// «آل»), was mostly part of persons' names in the training text
    /// («وأبرق المحافظ لنادية الحريري»). Not a word opened by the article
    /// («الوكيل العقاري», the estate agent).
    fn add_given_and_surname(&self, tokens: &[&str], infos: &[TokenInfo], spans: &mut Vec<Span>) {
        self.add_given_and_next(tokens, infos, spans, |j| {
            infos[j + 1].seen == Some(EntityKind::Person) && !infos[j].folded.starts_with("ال")
        });
    }

    /// Tags a given name ([`Extractor::opens_name`]) and the word after it
    /// as a person where the model tagged neither and a role noun of
    /// [`ROLE_NOUNS`] comes before them («المهاجم حسن معتوق», «البديل علي
    /// طنيش»): the model knows the titles of office, not the roles of
    /// sports and the arts. The second word is an Arabic word of three
    /// letters or more, with no clitic but the article, and no common
    /// word of the training text, stopword, joiner or trigger.
    fn add_named_after_role(&self, tokens: &[&str], infos: &[TokenInfo], spans: &mut Vec<Span>) {
        self.add_given_and_next(tokens, infos, spans, |j| {
            let surname = &infos[j + 1];
            j > 0
                && arabic::listed_with_clitic(&infos[j - 1].folded, |x| ROLE_NOUNS.contains(&x))
                && no_clitic_but_article(surname)
                && surname.folded.chars().all(tokenize::is_arabic_char)
                && !self.common.contains(&surname.folded)
                && !self.gaz.is_stopword(&surname.folded)
                && surname.trigger.is_none()
        });
    }

    /// Tags tokens `j` and `j + 1` as a person wherever neither is in a
    /// span, `j` opens a name ([`Extractor::opens_name`]), `j + 1` has a
    /// stem of three letters or more and is no joiner, and `next_ok(j)`
    /// holds; leaves the spans sorted.
    fn add_given_and_next(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        spans: &mut Vec<Span>,
        next_ok: impl Fn(usize) -> bool,
    ) {
        let free = |k: usize, spans: &[Span]| !spans.iter().any(|s| s.start <= k && k < s.end);
        for j in 0..infos.len().saturating_sub(1) {
            let next = &infos[j + 1];
            if !NAME_JOINERS.contains(&next.stem())
                && next.stem().chars().count() >= 3
                && next_ok(j)
                && free(j, spans)
                && free(j + 1, spans)
                && self.opens_name(tokens[j], &infos[j].folded)
            {
                spans.push(Span {
                    start: j,
                    end: j + 2,
                    kind: EntityKind::Person,
                });
            }
        }
        spans.sort_by_key(|s| s.start);
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
    fn is_adjective_in_use(infos: &[TokenInfo], s: &Span) -> bool {
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

    /// Whether token `i` is likely part of a name whatever its frequency:
    /// a given name, a word of the name dictionary or of names in the
    /// training text, a joiner («عبد», «بن») or the word after one.
    fn is_name_word(&self, infos: &[TokenInfo], i: usize) -> bool {
        let t = &infos[i];
        let joiner = |t: &TokenInfo| NAME_JOINERS.contains(&t.stem());
        t.first_name
            || t.dict_name
            || t.seen.is_some()
            || joiner(t)
            || (i > 0 && joiner(&infos[i - 1]))
    }

    /// Removes leading titles from a span: «German Chancellor Olaf Scholz»
    /// becomes the person «Olaf Scholz», but «King Saud University» stays
    /// whole; and leading nationality
    /// adjectives from a person span («البرتغالي كارلوس» → «كارلوس»). A
    /// title before one definite word that looks like no name leaves no
    /// span: «الرائد القادم» is "the next pioneer", no person.
    fn strip_title(&self, infos: &[TokenInfo], s: &mut Span) {
        if article::ends_english_body(&infos[s.end - 1].folded) {
            return;
        }
        let last_title = (s.start..s.end.saturating_sub(1))
            .rev()
            .find(|&i| self.gaz.is_title(&infos[i].folded) && !after_joiner(infos, i));
        if let Some(k) = last_title {
            s.start = k + 1;
            s.kind = EntityKind::Person;
            let rest = &infos[s.start];
            if s.end - s.start == 1 && rest.folded.starts_with("ال") && !looks_like_name(rest) {
                s.end = s.start;
                return;
            }
        }
        let stem = |x: &str| self.gaz.is_place_stem(x);
        while s.kind == EntityKind::Person
            && s.end - s.start >= 2
            && arabic::is_nisba(&infos[s.start].folded, &stem)
        {
            s.start += 1;
        }
    }

    /// Whether a one-word span is «مالي» qualifying a noun of money
    /// ([`FINANCIAL_NOUNS`], clitics allowed: «ودعم مالي»): "financial",
    /// not the country.
    fn is_financial(&self, infos: &[TokenInfo], s: &Span) -> bool {
        s.end - s.start == 1
            && infos[s.start].folded == "مالي"
            && s.start
                .checked_sub(1)
                .and_then(|k| infos.get(k))
                .is_some_and(|p| {
                    arabic::listed_with_clitic(&p.folded, |w| FINANCIAL_NOUNS.contains(&w))
                })
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
    fn is_noise(&self, tokens: &[&str], infos: &[TokenInfo], s: &Span) -> bool {
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
        if self.is_month(tokens, infos, s.start) || self.is_financial(infos, s) {
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
        if self.gaz.is_stopword(f)
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

    /// Takes «الرياضي» after an organisation into its name, and a
    /// nationality adjective after that: «الرجاء الرياضي», «الترجي
    /// الرياضي التونسي» are the clubs' full names.
    fn take_sporting_adjective(&self, infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
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
    fn take_sports_clubs(&self, infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
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
    /// والعربي»; but «الهلال والنصر»), follows an organisation's or
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
            let qualifies = if arabic::is_definite(word) {
                after_definite && !club_noun
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
            } else if arabic::is_definite(&n.folded) && !day {
                return false;
            }
        }
        !infos
            .get(j)
            .is_some_and(|n| n.folded.starts_with("لل") || n.folded.starts_with("لكره"))
    }

    /// Whether place `g` is joined by «و» to a listed place beside it that
    /// is no ordinary word («في درعا والسويداء», «مكناس وفاس»): an
    /// ambiguous name ([`Extractor::is_ambiguous_word`]) is a place there.
    fn coordinated_with_place(&self, infos: &[TokenInfo], matches: &[GazMatch], g: &Span) -> bool {
        let plain_place = |m: &GazMatch| {
            self.gaz.kind_of(m) == Some(EntityKind::Place)
                && !(m.end == m.start + 1 && self.gaz.is_ambiguous(infos[m.start].stem()))
        };
        let opened_by_wa = |k: usize| infos[k].folded.starts_with('و') && infos[k].stem_at > 0;
        g.kind == EntityKind::Place
            && matches.iter().any(|m| {
                plain_place(m)
                    && ((m.start == g.end && opened_by_wa(m.start))
                        || (m.end == g.start && opened_by_wa(g.start)))
            })
    }

    /// True for a one-word span that is a name and also an ordinary word
    /// («حماس»: Hamas, and "enthusiasm") in a sentence of sports news,
    /// where the ordinary word is what the crowd shows; the tagger, which
    /// saw the word only as a name, tags it there too.
    fn is_ambiguous_in_sports(&self, infos: &[TokenInfo], s: &Span) -> bool {
        self.is_ambiguous_word(infos, s) && infos.iter().any(|t| self.gaz.is_sports_word(t.stem()))
    }

    /// True for a one-word span that is a name and also an ordinary word
    /// ([`Extractor::is_ambiguous_word`]) followed by an indefinite
    /// Arabic word with a feminine ending that is no name word: a name
    /// takes no indefinite adjective, so «ألحقت سيول جارفة» is raging
    /// floods, not Seoul. Not at the start of a sentence or clause, where
    /// the word may be a predicate («أن حماس موافقة», Hamas agrees).
    fn ambiguous_before_indefinite(&self, tokens: &[&str], infos: &[TokenInfo], s: &Span) -> bool {
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
    fn is_ambiguous_word(&self, infos: &[TokenInfo], s: &Span) -> bool {
        let after_place_noun = || {
            s.kind == EntityKind::Place
                && s.start > 0
                && PLACE_NOUNS.contains(&infos[s.start - 1].stem())
        };
        s.end - s.start == 1 && !after_place_noun() && self.gaz.is_ambiguous(&infos[s.start].folded)
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
    /// annotate them.
    pub fn extract(&self, title: &str, text: &str) -> Vec<Entity> {
        let sents: Vec<Vec<&str>> = [title, text]
            .into_iter()
            .flat_map(tokenize::sentences)
            .collect();
        let mut doc: Vec<Tagged<'_>> = sents.iter().map(|s| self.tag_sentence(s)).collect();
        for tagged in &mut doc {
            named_bodies::trim_namesakes(tagged, &self.gaz);
        }
        document::propagate(&mut doc, &self.gaz);
        article::drop_lone_sentence_starts(&mut doc);
        let mut mentions = Vec::new();
        for mut tagged in doc {
            self.add_institutions(&mut tagged);
            article::add_facilities(&mut tagged, &self.gaz);
            article::add_national_bodies(&mut tagged, &self.gaz);
            named_bodies::add_named_bodies(&mut tagged, &self.gaz);
            article::drop_place_kinds(&mut tagged, &self.gaz);
            article::drop_scenes(&mut tagged);
            article::show_full_names(&mut tagged);
            article::take_in_division_nouns(&mut tagged, &self.gaz);
            article::settle_kinds(&mut tagged);
            article::trim_org_ends(&mut tagged, &self.gaz);
            article::take_in_company_forms(&mut tagged);
            article::dateline_places(&mut tagged);
            article::quoted_titles(&mut tagged);
            article::drop_asides(&mut tagged, &self.gaz);
            merge::collect_mentions(&tagged, &self.gaz, &mut mentions);
        }
        merge::merge(mentions, &self.gaz)
    }
}

#[cfg(test)]
mod tests {
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
        let lists: [&[&str]; 35] = [
            &NAME_JOINERS,
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
        ];
        let phrases: Vec<&str> = NOT_NAME_PHRASES.iter().flatten().copied().collect();
        let mut bad = unfolded(&lists);
        bad.extend(unfolded(&[&phrases, &GOOD_WHAT, &IN_A_WAY, &PLACE_NOUNS]));
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

    #[test]
    fn titles_and_nationality_adjectives_leave_person_spans() {
        let ex = Extractor::global();
        let words = ["الرئيس", "البرتغالي", "كارلوس", "فرنانديش"];
        let infos = features::token_infos(&words, Lang::Arabic, ex.gazetteer());
        let mut s = Span {
            start: 0,
            end: 4,
            kind: EntityKind::Person,
        };
        ex.strip_title(&infos, &mut s);
        assert_eq!((s.start, s.end), (2, 4));
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
