//! Rules for whole articles and for what their entity pane lists, beyond
//! the tagger that ANERcorp and wikigold measure: a capitalised word seen
//! only at the start of sentences is no name; nationality adjectives,
//! language names and currencies, which those corpora tag, say nothing
//! of who or where an article is about; and the corpora's kinds for
//! facilities (ANERcorp tags stadiums misc, mosques org) give way to
//! place, which is what a reader looks for.

use super::Tagged;
use super::arabic::{
    CliticList, is_definite, is_definite_adjective, is_nisba, listed_with_clitic,
    strip_article_clitic,
};
use super::conll::Span;
use super::features::{TokenInfo, fold_token};
use super::gazetteer::Gazetteer;
use super::hash::FastSet;
use super::institutions::{
    INSTITUTION_HEAD_LIST, INSTITUTION_HEADS, NOT_MODIFIERS, PLACE_BODY_HEADS,
};
use super::noise::{PLACE_NOUNS, is_demonym};
use super::person_names::{PATRONYMICS, after_future_opening, no_clitic_but_article};
use super::tokenize::is_arabic_char;
use super::{put_span, spanned};
use crate::model::EntityKind;
use std::sync::LazyLock;

/// Folded currency names, Arabic (with and without the article) and
/// English: ANERcorp tags «دولار» as misc 128 times, but a pane listing
/// "dollar" tells the reader nothing.
const CURRENCIES: [&str; 36] = [
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
    "استرليني",
    "الاسترليني",
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

/// Folded Arabic nouns that open the name of a facility, a place
/// (clitics allowed: «بمطار»), parks among them («حديقة الملك فهد») and
/// sports complexes («مركب محمد الخامس»);
/// sites are in [`AR_SITES`].
static AR_FACILITIES: [&str; 19] = [
    "مركب",
    "حديقه",
    "منتزه",
    "متنزه",
    "ستاد",
    "استاد",
    "ملعب",
    "مطار",
    "ميناء",
    "مرفا",
    "سد",
    "جسر",
    "مسجد",
    "المسجد",
    "كنيسه",
    "قلعه",
    "برج",
    "منجم",
    "جامع",
];

/// Folded Arabic nouns that open the name of a site, a place (clitics
/// allowed): oil fields, crossings, camps, temples, rivers,
/// stations, lakes, islands, straits, gulfs, mountains, forests and
/// valleys («حقل الرميلة», «معبر رفح», «مخيم جنين», «نهر سبو», «مضيق
/// هرمز», «جبال جرجرة», «غور الصافي»; not «جزر», islands, as «جزر
/// اليونان» is "Greece's islands"). Unlike a facility's noun, one opens a name before a
/// place or a person only (the tagger takes many
/// an unknown field's or crossing's name for a person: «حقل خورمور»,
/// «معبر جابر»): a word it took for misc or an organisation after them
/// is seldom a name («نهر جليدي», a glacier).
static AR_SITES: [&str; 16] = [
    "مضيق",
    "خليج",
    "جبل",
    "جبال",
    "غابه",
    "وادي",
    "غور",
    "حقل",
    "معبر",
    "منفذ",
    "مخيم",
    "معبد",
    "نهر",
    "محطه",
    "بحيره",
    "جزيره",
];

/// True for a folded Arabic noun that opens a place's name only before a
/// place: «قناة السويس» is the canal, where «قناة» before anything else
/// is a television channel, and «رأس الرجاء الصالح» the cape, where
/// «رأس» before a person is his head. Clitics are allowed on «قناة» only,
/// as «فراس» is a given name.
fn opens_place_only(folded: &str) -> bool {
    folded == "راس" || (folded.ends_with("قناه") && listed_with_clitic(folded, |w| w == "قناه"))
}

/// `AR_FACILITIES` with a filter, as an article looks up each of its
/// tokens in it.
static AR_FACILITY_LIST: LazyLock<CliticList> = LazyLock::new(|| CliticList::new(&AR_FACILITIES));

/// `AR_SITES` with a filter, as [`AR_FACILITY_LIST`].
static AR_SITE_LIST: LazyLock<CliticList> = LazyLock::new(|| CliticList::new(&AR_SITES));

/// True for a folded Arabic word that opens a facility's or a site's
/// name, clitics allowed (`AR_FACILITIES`, `AR_SITES`).
pub(super) fn opens_facility(folded: &str) -> bool {
    AR_FACILITY_LIST.holds(folded) || AR_SITE_LIST.holds(folded)
}

/// Folded Arabic nouns for an armed group that open its name («ميليشيات
/// الحوثي»; clitics allowed): a person span they open is the group.
const AR_GROUPS: [&str; 5] = ["ميليشيات", "ميليشيا", "مليشيات", "مليشيا", "قوات"];

/// Folded English nouns that end the name of a facility, a place
/// («Cairo International Stadium», «Khalifa Port», «Kambarata-1
/// Hydropower Plant»).
const EN_FACILITIES: [&str; 17] = [
    "plant",
    "stadium",
    "airport",
    "port",
    "seaport",
    "harbour",
    "harbor",
    "dam",
    "bridge",
    "mosque",
    "cathedral",
    "church",
    "tower",
    "canal",
    "arena",
    "station",
    "base",
];

/// Folded English nouns that end the name of a landform or a body of
/// water, a place the English model takes for an organisation or a
/// person («the Nile Basin», «the Jordan Valley», «Mayon Volcano»), and
/// of a street, road or square («Kurtuluş Street», «Central Highway»),
/// or of a feature of the sea floor or the crust («Nankai Trough»,
/// «Mariana Trench», «San Andreas Fault»); no surname is one of them,
/// as «Lake» and «Ocean» can be.
const EN_LANDFORMS: [&str; 30] = [
    "highway",
    "road",
    "boulevard",
    "reservoir",
    "volcano",
    "street",
    "avenue",
    "square",
    "basin",
    "valley",
    "delta",
    "desert",
    "river",
    "sea",
    "gulf",
    "peninsula",
    "mountains",
    "strait",
    "plateau",
    "coast",
    "island",
    "islands",
    "trough",
    "trench",
    "fault",
    "canyon",
    "glacier",
    "lagoon",
    "archipelago",
    "heights",
];

/// Folded last words of companies' names that the models take for
/// people's («Mitsui O.S.K. Lines», «Baotou Steel», «Joy News», «مجموعة
/// طلعت مصطفى القابضة», «غلف كيستون بتروليوم»): a person span of two
/// words or more ending in one is an organisation. Industries that are
/// also common surnames («Power», «Steele» is not «steel») stay out.
const COMPANY_TAILS: [&str; 93] = [
    "lines",
    "systems",
    "solutions",
    "software",
    "electronics",
    "semiconductor",
    "gold",
    "motor",
    "aerospace",
    "minerals",
    "metals",
    "resources",
    "energy",
    "capital",
    "partners",
    "industries",
    "technologies",
    "pharmaceuticals",
    "cement",
    "consulting",
    "investments",
    "holdings",
    "holding",
    "petroleum",
    "airlines",
    "airways",
    "shipping",
    "motors",
    "mining",
    "logistics",
    "limited",
    "ltd",
    "inc",
    "plc",
    "group",
    "company",
    "corporation",
    "bank",
    "steel",
    "telecom",
    "telecoms",
    "news",
    "railway",
    "railways",
    "media",
    "electric",
    "foods",
    "insurance",
    "communications",
    "networks",
    "chemicals",
    "breweries",
    "textiles",
    "construction",
    "engineering",
    "ventures",
    "commuter",
    "coffee",
    "tobacco",
    "cocoa",
    "sugar",
    "dairy",
    "financial",
    "pharma",
    "solar",
    "batteries",
    "fertilisers",
    "fertilizers",
    "plantations",
    "القابضه",
    "بتروليوم",
    "هولدينغ",
    "للمقاولات",
    "للبترول",
    "للاستثمار",
    "كيميكال",
    "كيميكالز",
    "انرجي",
    "كابيتال",
    "غروب",
    "تكنولوجيز",
    "موتورز",
    "ايرويز",
    "للكيماويات",
    "للبتروكيماويات",
    "للتعدين",
    "للصناعات",
    "للطاقه",
    "للاتصالات",
    "للتامين",
    "كلينك",
    "فارما",
    "eximbank",
];

/// Folded heads of bodies that a nationality adjective names, one per
/// country («الهلال الأحمر الجزائري», «المنتخب المغربي», «التلفزيون
/// الجزائري», «الخطوط الجوية الكويتية», «خفر السواحل الإيطالي»): the
/// adjective is part of the name.
const NATIONAL_HEADS: [&[&str]; 10] = [
    &["الهلال", "الاحمر"],
    &["خفر", "السواحل"],
    &["حرس", "السواحل"],
    &["حرس", "الحدود"],
    &["الحرس", "البحري"],
    &["الصليب", "الاحمر"],
    &["المنتخب"],
    &["التلفزيون"],
    &["الاذاعه"],
    &["الخطوط", "الجويه"],
];

/// Adds a national body ([`NATIONAL_HEADS`], a clitic on its first word
/// allowed) followed by a nationality adjective as one organisation,
/// replacing the spans inside it: the tagger took «الأحمر الجزائري» for
/// a person and the gazetteer «الهلال الأحمر» for the movement at large.
pub(super) fn add_national_bodies(t: &mut Tagged<'_>, gaz: &Gazetteer) {
    let n = t.infos.len();
    let place_stem = |x: &str| gaz.is_place_stem(x);
    let mut i = 0;
    while i < n {
        // One look at the clitics for all heads: most words open none.
        let opens_head = listed_with_clitic(&t.infos[i].folded, |w| {
            NATIONAL_HEADS.iter().any(|h| h[0] == w)
        });
        let head = NATIONAL_HEADS.iter().filter(|_| opens_head).find(|h| {
            i + h.len() < n
                && listed_with_clitic(&t.infos[i].folded, |w| w == h[0])
                && h.iter()
                    .enumerate()
                    .skip(1)
                    .all(|(k, w)| t.infos[i + k].folded == *w)
        });
        let Some(head) = head else {
            i += 1;
            continue;
        };
        let end = i + head.len() + 1;
        let nisba = &t.infos[end - 1].folded;
        let outside = t
            .spans
            .iter()
            .any(|(s, _)| s.start < end && i < s.end && (s.start < i || s.end > end));
        if !is_nisba(nisba, &place_stem) || outside {
            i += 1;
            continue;
        }
        // «جمعية» before the Red Crescent opens its full name («جمعية
        // الهلال الأحمر اليمني»).
        let start = if i > 0
            && head[0] == "الهلال"
            && listed_with_clitic(&t.infos[i - 1].folded, |w| w == "جمعيه")
            && !t.spans.iter().any(|(s, _)| s.holds(i - 1))
        {
            i - 1
        } else {
            i
        };
        // A listed body of just these words keeps its id («الخطوط الجوية
        // البريطانية», British Airways).
        let listed = t
            .spans
            .iter()
            .find(|(s, _)| (s.start, s.end) == (start, end))
            .and_then(|(_, id)| *id);
        t.spans.retain(|(s, _)| s.end <= start || end <= s.start);
        let body = Span {
            start,
            end,
            kind: EntityKind::Org,
        };
        t.spans.push((body, listed));
        t.spans.sort_by_key(|(s, _)| s.start);
        i = end;
    }
}

/// Dashes that end a dateline.
const DATELINE_DASHES: [&str; 3] = ["—", "–", "-"];

/// Makes the town of an English dateline a place: one or two words in
/// capitals, of four letters or more together, opening a sentence before
/// a dash, or before a comma and a few capitalised words, numbers,
/// commas or a bracketed agency ending at a dash («ANTAKYA, Turkey —»,
/// «LAGOS —», «ASTANA, June 4 -», «ANN ARBOR, Michigan, Oct 3 (Reuters)
/// -»), which the English model takes for an organisation's acronym.
pub(super) fn dateline_places(t: &mut Tagged<'_>) {
    let tokens = &t.tokens;
    let is_shouted = |w: &str| w.chars().all(char::is_uppercase) && !w.is_empty();
    let town_end = match tokens.get(..2) {
        Some([a, b]) if is_shouted(a) && is_shouted(b) => 2,
        Some([a, ..]) if is_shouted(a) => 1,
        _ => return,
    };
    if tokens[..town_end]
        .iter()
        .map(|w| w.chars().count())
        .sum::<usize>()
        < 4
    {
        return;
    }
    let dash = |k: usize| tokens.get(k).is_some_and(|w| DATELINE_DASHES.contains(w));
    let dateline_word = |w: &&str| {
        is_capitalised(w)
            || w.chars().all(|c| c.is_ascii_digit())
            || [",", "(", ")", "."].contains(w)
    };
    let dateline = dash(town_end)
        || (tokens.get(town_end) == Some(&",")
            && tokens
                .iter()
                .enumerate()
                .skip(town_end + 1)
                .take(8)
                .find(|(_, w)| !dateline_word(w))
                .is_some_and(|(k, _)| k > town_end + 1 && dash(k)));
    if !dateline {
        return;
    }
    t.spans.retain(|(s, id)| {
        s.start >= town_end || (id.is_some() && s.kind == EntityKind::Place && s.end <= town_end)
    });
    if !t.spans.iter().any(|(s, _)| s.start == 0) {
        let town = Span {
            start: 0,
            end: town_end,
            kind: EntityKind::Place,
        };
        t.spans.insert(0, (town, None));
    }
}

/// Folded words written in brackets after a dateline that name no
/// agency: «(خاص)», exclusive; «(وكالات)», agencies.
const DATELINE_NOT_AGENCIES: [&str; 4] = ["خاص", "وكالات", "الوكالات", "مراسلنا"];

/// Most words of a news agency's name in brackets after a dateline.
const DATELINE_AGENCY_WORDS: usize = 3;

/// Makes the words in brackets after an Arabic dateline's town an
/// organisation, the agency that filed the story: «بغداد (الأناضول) -»,
/// «بيروت (أ ف ب) -», not a listed place («مسقط (سلطنة عمان) -»). The
/// town is a place span opening the sentence and
/// ending at the bracket; a dash follows the closing one. The agency
/// keeps a gazetteer id it was found with, or takes the one of its
/// listed name with «وكالة» («وكالة الأناضول»); with neither, a word of
/// [`DATELINE_NOT_AGENCIES`] or a common word of the training text is
/// no agency.
pub(super) fn dateline_agencies(t: &mut Tagged<'_>, gaz: &Gazetteer, common: &FastSet<String>) {
    let tokens = &t.tokens;
    let Some(open) = t
        .spans
        .iter()
        .find(|(s, _)| s.start == 0 && s.kind == EntityKind::Place)
        .map(|(s, _)| s.end)
    else {
        return;
    };
    if tokens.get(open) != Some(&"(") {
        return;
    }
    let Some(close) =
        (open + 2..tokens.len().min(open + 2 + DATELINE_AGENCY_WORDS)).find(|&k| tokens[k] == ")")
    else {
        return;
    };
    let dash = tokens
        .get(close + 1)
        .is_some_and(|w| DATELINE_DASHES.contains(w));
    let words = tokens[open + 1..close]
        .iter()
        .all(|w| w.chars().all(is_arabic_char));
    if !dash || !words {
        return;
    }
    let agency = Span {
        start: open + 1,
        end: close,
        kind: EntityKind::Org,
    };
    let found = t
        .spans
        .iter()
        .find(|(s, id)| *s == agency && id.is_some())
        .and_then(|(_, id)| *id);
    let listed = || {
        let mut words: Vec<&str> = vec!["وكالة"];
        words.extend(&tokens[agency.start..agency.end]);
        let folded: Vec<String> = words.iter().map(|w| fold_token(w)).collect();
        gaz.find(&words, &folded)
            .into_iter()
            .find(|m| m.start == 0 && m.end == words.len())
            .filter(|m| gaz.kind_of(m) == Some(EntityKind::Org))
            .map(|m| m.entry)
    };
    let listed_place = t.spans.iter().any(|(s, id)| {
        id.is_some() && s.kind == EntityKind::Place && s.start < agency.end && agency.start < s.end
    });
    if listed_place {
        return;
    }
    let id = found.or_else(listed);
    let ordinary = tokens[agency.start..agency.end].iter().any(|w| {
        let f = fold_token(w);
        DATELINE_NOT_AGENCIES.contains(&f.as_str()) || common.contains(&f)
    });
    if id.is_none() && ordinary {
        return;
    }
    t.spans
        .retain(|(s, _)| s.end <= agency.start || agency.end <= s.start);
    t.spans.push((agency, id));
    t.spans.sort_by_key(|(s, _)| s.start);
}

/// Folded military ranks, with the article, as they stand before a
/// name («اللواء أبوبكر فقيري», «الفريق أول عبد الفتاح البرهان»).
const RANKS: [&str; 9] = [
    "اللواء",
    "العميد",
    "العقيد",
    "الفريق",
    "المشير",
    "المقدم",
    "الرائد",
    "النقيب",
    "الملازم",
];

/// Folded adjectives of time that end no body's name: «مجلس النواب
/// السابق» is the former parliament, «الحكومة الحالية» the present one.
const TIME_ADJECTIVES: [&str; 4] = ["السابق", "السابقه", "الحالي", "الحاليه"];

/// Folded adjectives that say who owns a company, after its name («مجموعة
/// كوفكو الحكومية», the state-owned group Cofco): no part of the name.
const OWNERSHIP: [&str; 1] = ["الحكوميه"];

/// Ends Arabic organisation spans with no gazetteer id before what the
/// tagger ran them on into:
/// - a word opened by «ب» and the article, after the head and a word
///   («البنك الإسلامي للتنمية وبالشراكة مع»: no name goes on with it;
///   right after the head it may be a name, «نادي بالستينو»), and an
///   adjective of time ([`TIME_ADJECTIVES`]) and what follows it;
/// - a military rank that ends the span or comes before a given name
///   («وفد الجيش اللواء أبوبكر فقيري», «مجلس السيادة الفريق أول …»): no
///   body's name ends in a rank, and inside one «اللواء» is a brigade
///   («اللواء الخامس»); a definite head noun the rank leaves alone
///   («النادي العميد فهد …») names no body, and the span goes;
/// - an adjective with no article after a definite word
///   ([`is_indefinite_after_definite`]);
/// - a verb in the future («بنك الكويت المركزي سيصدر»: a word opened like
///   a future verb and three letters more that looks like no name and is
///   no place);
/// - after a company's noun (`COMPANY_HEADS`) and a name with no
///   article, or «جامعة» or «معهد» and one word with no clitic, a nationality
///   adjective, and after a company's name also an owner's adjective
///   ([`OWNERSHIP`]), which describes it («شركة ألستوم الفرنسية», the French company Alstom,
///   whose «أل» is no article; «جامعة شتوتغارت الألمانية», «معهد
///   كارولينسكا السويدي»; but «شركة
///   الكهرباء السعودية» and «جامعة العلوم والتكنولوجيا الأردنية» are
///   the names).
pub(super) fn trim_org_ends(t: &mut Tagged<'_>, gaz: &Gazetteer) {
    let Tagged {
        tokens,
        infos,
        spans,
        ..
    } = t;
    let mut people = Vec::new();
    for (s, id) in spans.iter_mut() {
        if s.kind != EntityKind::Org || id.is_some() {
            continue;
        }
        let rank = (s.start + 1..s.end).find(|&k| {
            RANKS.contains(&infos[k].folded.as_str()) && (k + 1 == s.end || infos[k + 1].first_name)
        });
        if let Some(k) = rank {
            let generic = k == s.start + 1
                && infos[s.start].folded.starts_with("ال")
                && INSTITUTION_HEADS.contains(&infos[s.start].folded.as_str());
            s.end = if generic { s.start } else { k };
        }
        // Not the sector after «للعاملين» («النقابة العامة للعاملين
        // بالغزل والنسيج»).
        let preposition = (s.start + 2..s.end).find(|&k| {
            let t = &infos[k];
            t.folded
                .get(..t.stem_at)
                .is_some_and(|c| c.ends_with("بال"))
                && strip_article_clitic(&infos[k - 1].folded) != "العاملين"
        });
        if let Some(k) = preposition {
            s.end = k;
        }
        if let Some(k) =
            (s.start + 1..s.end).find(|&k| TIME_ADJECTIVES.contains(&infos[k].folded.as_str()))
        {
            s.end = k;
        }
        if let Some(k) = (s.start + 1..s.end).find(|&k| NUMBER_WORDS.contains(&infos[k].stem())) {
            s.end = k;
        }
        let ministry = strip_article_clitic(&infos[s.start].folded) == "وزاره";
        if let Some(k) =
            (s.start + 2..s.end).find(|&k| !ministry && joined_after_nationality(infos, k, gaz))
        {
            s.end = k;
        }
        if let Some(k) =
            (s.start + 1..s.end).find(|&k| opens_person_after_body(infos, s.start, k, gaz))
        {
            if s.end - k >= 2 {
                people.push((k, s.end));
            }
            s.end = k;
        }
        if s.end - s.start >= 2 && is_indefinite_after_definite(infos, s.end - 1) {
            s.end -= 1;
        }
        if s.end - s.start < 3 {
            continue;
        }
        let last = &infos[s.end - 1];
        let f = last.folded.as_str();
        let future = after_future_opening(f, false)
            .is_some_and(|rest| rest.chars().count() >= 3 && !gaz.is_place_stem(rest))
            && last.name_class.is_some_and(|c| c < 3)
            && !last.dict_name
            && !last.first_name
            && !gaz.is_place_stem(f);
        let company = listed_with_clitic(&infos[s.start].folded, |w| COMPANY_HEADS.contains(&w));
        let university = s.end - s.start == 3
            && listed_with_clitic(&infos[s.start].folded, |w| ["جامعه", "معهد"].contains(&w))
            && infos[s.start + 1].stem_at == 0;
        let named = !tokens[s.end - 2].starts_with("ال");
        let nationality = named
            && (((company || university) && is_nisba(f, &|x: &str| gaz.is_place_stem(x)))
                || (company && OWNERSHIP.contains(&f)));
        if future || nationality {
            s.end -= 1;
        }
    }
    spans.retain(|(s, _)| s.end > s.start);
    for (start, end) in people {
        put_span(spans, start, end, EntityKind::Person);
    }
}

/// Whether token `k` of an organisation span is a definite word joined
/// by «و» right after a nationality adjective, which closes a body's
/// name: the word opens what comes next («البنك المركزي اليمني |
/// والريال»). A nationality adjective itself may be joined («السعودية
/// والإماراتية» describes two); a ministry's portfolios have rules of
/// their own (`OWN_PAIR_HEADS`).
fn joined_after_nationality(infos: &[TokenInfo], k: usize, gaz: &Gazetteer) -> bool {
    let f = infos[k].folded.as_str();
    let stem = infos[k].stem();
    let place = |x: &str| gaz.is_place_stem(x);
    f.starts_with("وال")
        && infos[k].stem_at > 0
        && !stem.starts_with("ل")
        && is_nationality(&infos[k - 1].folded, gaz)
        && !is_nisba(&format!("ال{stem}"), &place)
}

/// Whether a folded word (clitics allowed) is a nationality adjective:
/// a place's relational adjective that is none of [`NOT_NATIONALITIES`].
fn is_nationality(folded: &str, gaz: &Gazetteer) -> bool {
    is_nisba(folded, &|x: &str| gaz.is_place_stem(x))
        && !NOT_NATIONALITIES.contains(&strip_article_clitic(folded).as_ref())
}

/// Starts each span after the quantities that open it, and drops a span
/// of nothing else: an Arabic number word («ملياري دينار», which the
/// tagger took for a person) or an English measure joined to its number
/// («385-metre Iconic Tower»).
pub(super) fn drop_leading_quantities(t: &mut Tagged<'_>) {
    let Tagged {
        tokens,
        infos,
        spans,
        ..
    } = t;
    let quantity = |k: usize| {
        NUMBER_WORDS.contains(&infos[k].stem())
            || tokens[k].split_once('-').is_some_and(|(n, unit)| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                    && !unit.is_empty()
                    && unit.chars().all(|c| c.is_ascii_lowercase())
            })
    };
    for (s, id) in spans.iter_mut() {
        while id.is_none() && s.start < s.end && quantity(s.start) {
            s.start += 1;
        }
    }
    spans.retain(|(s, _)| s.end > s.start);
}

/// Folded number words («ملياري شيكل», two billion shekels), which end
/// an organisation's name (a sum follows it) and open no name at all
/// ([`drop_leading_quantities`]).
const NUMBER_WORDS: [&str; 12] = [
    "مليار",
    "ملياري",
    "مليارات",
    "مليون",
    "مليوني",
    "ملايين",
    "الف",
    "الفي",
    "الاف",
    "مليارا",
    "مليونا",
    "تريليون",
];

/// Folded adjectives built like a nationality on a place's name that
/// mostly say something else: financial (Mali), marine (Bahr), of water,
/// Islamic.
const NOT_NATIONALITIES: [&str; 8] = [
    "الاسلامي",
    "الاسلاميه",
    "المالي",
    "الماليه",
    "البحري",
    "البحريه",
    "المايي",
    "الماييه",
];

/// Whether token `k` of an organisation span opened at `start` is a
/// given name right after a definite word that is no title: a body named
/// by a noun in construct ends there, and a person's name follows («بنك
/// التضامن | فؤاد الأغبري»). A given name with the article opens one
/// only before «بن» («رئيس الاتحاد | الهادي بن سالم»). After a title the
/// name is the body's («جامعة الملك عبد العزيز»), and «بن» carries on a
/// name.
fn opens_person_after_body(infos: &[TokenInfo], start: usize, k: usize, gaz: &Gazetteer) -> bool {
    let t = infos[k].folded.as_str();
    let before = infos[k - 1].folded.as_str();
    let patronymic_next = infos
        .get(k + 1)
        .is_some_and(|w| PATRONYMICS.contains(&w.folded.as_str()));
    let given = match t.strip_prefix("ال") {
        Some(name) => patronymic_next && (gaz.is_first_name(t) || gaz.is_first_name(name)),
        None => k >= start + 2 && !PATRONYMICS.contains(&t) && gaz.is_first_name(t),
    };
    given && before.starts_with("ال") && !gaz.is_title(before) && !gaz.is_first_name(before)
}

/// Whether token `k` is an Arabic adjective with no article right after
/// a definite word: it cannot describe that word, which Arabic would
/// give the article too, so it ends no name («السد | إدارية», a loss
/// awarded to al-Sadd "administratively»).
fn is_indefinite_after_definite(infos: &[TokenInfo], k: usize) -> bool {
    let f = infos[k].folded.as_str();
    k > 0
        && infos[k].stem_at == 0
        && f.chars().all(is_arabic_char)
        && (f.ends_with("يه") || f.ends_with('ي'))
        && f.chars().count() >= 5
        && !f.starts_with("ال")
        && strip_article_clitic(&infos[k - 1].folded).starts_with("ال")
}

/// Words that open a storm's name («Typhoon Marilag»), misc where the
/// English model takes it for a person.
const STORM_WORDS: [&str; 5] = ["Typhoon", "Hurricane", "Cyclone", "Storm", "Tropical"];

/// Folded adjectives of a company's legal form that follow its name
/// («شركة أبوظبي التنموية القابضة», holding; «المحدودة», limited): an
/// organisation span just before one takes it in.
pub(super) const COMPANY_FORMS: [&str; 2] = ["القابضه", "المحدوده"];

/// Extends an organisation span over the legal-form adjectives after it
/// (`COMPANY_FORMS`) that no span holds; a listed company keeps its id
/// («مجموعة طلعت مصطفى» + «القابضة»).
pub(super) fn take_in_company_forms(t: &mut Tagged<'_>) {
    let n = t.infos.len();
    for k in 0..t.spans.len() {
        let (s, _) = t.spans[k];
        let mut end = s.end;
        while s.kind == EntityKind::Org
            && end < n
            && COMPANY_FORMS.contains(&t.infos[end].folded.as_str())
            && !spanned(&t.spans, end)
        {
            end += 1;
        }
        t.spans[k].0.end = end;
    }
}

/// Extends an Arabic organisation span of two words or more with no
/// gazetteer id, ending in a definite word as written, over the
/// nationality adjective right after it that no span holds: the
/// adjective names whose body it is («هيئة سوق الأوراق المالية |
/// البرتغالية», where the tagger stopped). After a company's foreign name
/// it only describes the company («شركة ألستوم | الفرنسية»), and after
/// another nationality it names a second party («الحلف السعودي |
/// الفرنسي»).
pub(super) fn take_in_nationality(t: &mut Tagged<'_>, gaz: &Gazetteer) {
    for k in 0..t.spans.len() {
        let (s, id) = t.spans[k];
        let Some(next) = t.infos.get(s.end) else {
            continue;
        };
        let f = next.folded.as_str();
        if s.kind == EntityKind::Org
            && id.is_none()
            && s.end - s.start >= 2
            && f.starts_with("ال")
            && is_nationality(f, gaz)
            && t.tokens[s.end - 1].starts_with("ال")
            && !is_nationality(&t.infos[s.end - 1].folded, gaz)
            && !spanned(&t.spans, s.end)
        {
            t.spans[k].0.end += 1;
        }
    }
}

/// Legal forms written before a company's name («PT Wijaya Karya», an
/// Indonesian limited company): a person span opened by one is a company.
const COMPANY_OPENERS: [&str; 2] = ["PT", "Tbk"];

/// Folded nouns before a company's name: they belong to it when the name
/// was taken for a person's («مجموعة طلعت مصطفى القابضة»), and a foreign
/// name after one is a company (`Extractor::name_after_company_noun`).
pub(super) const COMPANY_HEADS: [&str; 3] = ["شركه", "مجموعه", "مجمع"];

/// Folded English nouns that end an institution's name, so a place or
/// misc span ending in one is an organisation («Tourism Region
/// Authority»), and so is a person span, but for the two that are also
/// surnames (`SURNAME_INSTITUTIONS`): «Anadolu Agency».
const EN_INSTITUTIONS: [&str; 44] = [
    "superintendency",
    "superintendence",
    "inspectorate",
    "cooperative",
    "co-operative",
    "authority",
    "directorate",
    "administration",
    "service",
    "services",
    "assembly",
    "board",
    "office",
    "bureau",
    "commission",
    "council",
    "agency",
    "ministry",
    "department",
    "university",
    "bank",
    "company",
    "corporation",
    "association",
    "institute",
    "committee",
    "federation",
    "organisation",
    "organization",
    "party",
    "fund",
    "foundation",
    "court",
    "parliament",
    "library",
    "society",
    "societies",
    "police",
    "alliance",
    "group",
    "programme",
    "municipality",
    "laboratory",
    "laboratories",
];

/// Folded English words for places and things that people's names are
/// given to («Hamad International Airport», «Nelson Mandela Bay»),
/// besides landforms, institutions and companies' last words.
const EN_NAMED_THINGS: [&str; 37] = [
    "airport",
    "international",
    "stadium",
    "arena",
    "hospital",
    "clinic",
    "school",
    "college",
    "academy",
    "centre",
    "center",
    "park",
    "bridge",
    "station",
    "port",
    "dam",
    "mosque",
    "church",
    "cathedral",
    "museum",
    "prize",
    "award",
    "cup",
    "trophy",
    "city",
    "town",
    "district",
    "county",
    "province",
    "state",
    "region",
    "bay",
    "lake",
    "falls",
    "mount",
    "beach",
    "hall",
];

/// Whether a folded English word names a place, facility, landform,
/// institution or company rather than a person («Airport», «Valley»,
/// «Authority», «Holdings»).
pub(super) fn names_a_thing(folded: &str) -> bool {
    EN_NAMED_THINGS.contains(&folded)
        || EN_LANDFORMS.contains(&folded)
        || EN_INSTITUTIONS.contains(&folded)
        || COMPANY_TAILS.contains(&folded)
}

/// Folded words of `EN_INSTITUTIONS` that also end people's names
/// («Melissa Bank»).
const SURNAME_INSTITUTIONS: [&str; 2] = ["bank", "court"];

/// Folded nouns of institutions in other languages written in Latin
/// script, which open their names («Universiti Teknologi Malaysia»,
/// «Institut Français», «Hospital Universitario de La Samaritana»).
const INSTITUTION_OPENERS: [&str; 11] = [
    "universiti",
    "universidad",
    "université",
    "universidade",
    "università",
    "universität",
    "institut",
    "instituto",
    "istituto",
    "hospital",
    "banco",
];

/// Whether a span that is no person opens with an institution's noun:
/// an English one and «of», after capitalised words or none («University
/// of Cape Coast», which the model takes for a place from the town
/// inside it, and which ends in a landform's noun; «Maritime and Port
/// Authority of Singapore») or one of
/// [`INSTITUTION_OPENERS`], and more words after it.
fn opens_with_institution(tokens: &[&str], infos: &[TokenInfo], s: &Span) -> bool {
    let first = infos[s.start].folded.as_str();
    let english = s.end - s.start >= 3
        && (s.start..s.end - 2).any(|k| {
            EN_INSTITUTIONS.contains(&infos[k].folded.as_str())
                && infos[k + 1].folded == "of"
                && tokens[s.start..=k]
                    .iter()
                    .all(|w| is_capitalised(w) || *w == "and")
        });
    let foreign = INSTITUTION_OPENERS.contains(&first) && s.end - s.start >= 2;
    s.kind != EntityKind::Person && (english || foreign)
}

/// True for a folded English word that ends an institution's name
/// («Authority», «Group»).
pub(super) fn ends_english_institution(last: &str) -> bool {
    EN_INSTITUTIONS.contains(&last)
}

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
    let starts: Vec<Option<usize>> = doc
        .iter()
        .map(|t| {
            t.tokens
                .iter()
                .position(|w| w.chars().any(char::is_alphanumeric))
        })
        .collect();
    if starts.iter().flatten().count() < MIN_SENTENCES {
        return;
    }
    // The few Latin words opening a sentence as a span of their own,
    // then whether each recurs elsewhere: the article's other words are
    // compared with those only, not gathered.
    let opening: Vec<Option<&str>> = doc
        .iter()
        .zip(&starts)
        .map(|(t, &start)| {
            let k = start?;
            let latin = t.tokens[k].chars().all(|c| c.is_ascii_alphabetic());
            let alone = t
                .spans
                .iter()
                .any(|(s, id)| id.is_none() && (s.start, s.end) == (k, k + 1));
            (latin && alone).then(|| t.infos[k].folded.as_str())
        })
        .collect();
    if opening.iter().all(Option::is_none) {
        return;
    }
    let recurs = |word: &str| {
        doc.iter().zip(&starts).any(|(t, &start)| {
            t.infos
                .iter()
                .enumerate()
                .any(|(i, info)| Some(i) != start && info.folded == word)
        })
    };
    let lone: Vec<Option<usize>> = opening
        .iter()
        .zip(&starts)
        .map(|(word, &start)| word.filter(|w| !recurs(w)).and(start))
        .collect();
    for (t, lone) in doc.iter_mut().zip(lone) {
        if let Some(k) = lone {
            t.spans
                .retain(|(s, id)| id.is_some() || (s.start, s.end) != (k, k + 1));
        }
    }
}

/// Folded words of pious formulas («الله», «رحمه الله», «ولله الحمد»,
/// «بتوفيق الله»; clitics allowed): ANERcorp tags «الله» misc and the
/// tagger takes some formulas for people, but neither says who or where
/// an article is about.
const DEVOTIONAL: [&str; 17] = [
    "الله",
    "لله",
    "اللهم",
    "رحمه",
    "رحمها",
    "رحمهم",
    "الحمد",
    "توفيق",
    "التوفيق",
    "عون",
    "فضل",
    "سبحانه",
    "تعالي",
    "عز",
    "وجل",
    "جلاله",
    "الحرام",
];

/// True for a span made only of `DEVOTIONAL` words, one of them a name
/// of God or the word right after it one («الله الحرام», cut from «بيت
/// الله الحرام»; «رحمه» before «الله»).
fn is_devotion(infos: &[TokenInfo], s: &Span) -> bool {
    let words = &infos[s.start..s.end];
    let god = |f: &str| listed_with_clitic(f, |w| ["الله", "لله", "اللهم"].contains(&w));
    (words.iter().any(|t| god(&t.folded)) || infos.get(s.end).is_some_and(|t| god(&t.folded)))
        && words
            .iter()
            .all(|t| listed_with_clitic(&t.folded, |w| DEVOTIONAL.contains(&w)))
}

/// True for a folded word that names a currency, also in the
/// accusative («ريالا», «جنيها») or the plural («الدولارات»).
fn is_currency(f: &str) -> bool {
    let bare = strip_article_clitic(f);
    let listed = |w: &str| CURRENCIES.contains(&w);
    listed(&bare)
        || bare.strip_suffix('ا').is_some_and(listed)
        || bare.strip_suffix("ات").is_some_and(listed)
}

/// True for a span of a page's markup that reached the text
/// (CSS such as «width:260px», «12px Tahoma», «#f8f8f8»): a word with
/// «:», «;», «{», «}», «=» or «#», or a number of pixels.
fn is_markup(tokens: &[&str], s: &Span) -> bool {
    tokens[s.start..s.end].iter().any(|w| {
        w.contains([':', ';', '{', '}', '=', '#'])
            || w.strip_suffix("px")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// True for a misc span of up to three words that holds a currency
/// («جنيه إسترليني», «مليار ريال», «دولارا أميركيا»).
fn is_amount(infos: &[TokenInfo], s: &Span) -> bool {
    s.kind == EntityKind::Misc
        && s.end - s.start <= 3
        && infos[s.start..s.end].iter().any(|t| is_currency(&t.folded))
}

/// True for a one-word span the pane leaves out: a currency, a language
/// name, an adjective that ends a facility's name («الدولي», tagged alone
/// after a place the facility rule leaves as it is: «مطار قرطاج
/// الدولي»), or a nationality adjective tagged misc («African», «الروسي»;
/// the tagger drops those of other kinds already), or an English one
/// tagged a person («A Kenyan election court»: a place's name and a
/// demonym's ending, not a place's name alone, which may be a surname).
fn is_aside(infos: &[TokenInfo], k: usize, kind: EntityKind, gaz: &Gazetteer) -> bool {
    let f = infos[k].folded.as_str();
    let bare = strip_article_clitic(f);
    let stem = |x: &str| gaz.is_place_stem(x);
    is_currency(f)
        || LANGUAGES.contains(&f)
        || FACILITY_ENDS.contains(&bare.as_ref())
        || (kind == EntityKind::Misc && (super::arabic::is_nisba(f, &stem) || is_demonym(f, &stem)))
        || (kind == EntityKind::Person && !stem(f) && is_demonym(f, &stem))
}

/// Folded epithets of feasts and holy months («عيد الفطر المبارك»,
/// «شهر رمضان الكريم»): the tagger took «المبارك» there for a person
/// (12 articles of a day), as it is also a family name.
const FEAST_EPITHETS: [&str; 5] = ["المبارك", "المباركه", "الكريم", "الفضيل", "السعيد"];

/// Folded words after which a word of [`FEAST_EPITHETS`] is the feast's
/// epithet (clitics allowed: «بعيد»).
const FEASTS: [&str; 7] = ["عيد", "العيد", "الفطر", "الاضحي", "رمضان", "الشهر", "شهر"];

/// True for a feast's epithet right after the feast (see
/// [`FEAST_EPITHETS`]); «عبدالله المبارك» stays.
fn is_feast_epithet(infos: &[TokenInfo], k: usize) -> bool {
    FEAST_EPITHETS.contains(&infos[k].folded.as_str())
        && k.checked_sub(1)
            .is_some_and(|j| listed_with_clitic(&infos[j].folded, |w| FEASTS.contains(&w)))
}

/// True for a one-word English misc span used as an adjective: a word
/// ending like a people's adjective («-ean», «-ian», «-ese») right
/// before a lower-case word («the Nabataean city»), which says nothing
/// of who or where, as nationality adjectives do not («Ramadan began»
/// stays).
fn is_adjective_in_use(tokens: &[&str], infos: &[TokenInfo], k: usize, kind: EntityKind) -> bool {
    let f = infos[k].folded.as_str();
    kind == EntityKind::Misc
        && f.is_ascii()
        && ["ean", "ian", "ese"].iter().any(|e| f.ends_with(e))
        && tokens
            .get(k + 1)
            .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
}

/// True for «القاهرة» after «القوة» («حالة القوة القاهرة», force
/// majeure, in oil and shipping news): the adjective "compelling", not
/// Cairo.
fn is_force_majeure(infos: &[TokenInfo], s: &Span) -> bool {
    s.end - s.start == 1
        && infos[s.start].folded == "القاهره"
        && s.start
            .checked_sub(1)
            .is_some_and(|j| listed_with_clitic(&infos[j].folded, |w| w == "القوه"))
}

/// Removes from a tagged sentence the spans [`is_aside`],
/// [`is_adjective_in_use`], [`is_feast_epithet`] and [`is_force_majeure`] name, amounts of
/// money ([`is_amount`]), pious formulas ([`is_devotion`]) and markup
/// ([`is_markup`]).
pub(super) fn drop_asides(t: &mut Tagged<'_>, gaz: &Gazetteer) {
    let (tokens, infos) = (&t.tokens, &t.infos);
    t.spans.retain(|(s, id)| {
        let one_word_aside = s.end - s.start == 1
            && (is_aside(infos, s.start, s.kind, gaz)
                || is_adjective_in_use(tokens, infos, s.start, s.kind)
                || is_feast_epithet(infos, s.start)
                || is_force_majeure(infos, s));
        let aside =
            id.is_none() && (is_amount(infos, s) || is_devotion(infos, s) || is_markup(tokens, s));
        !(one_word_aside || aside)
    });
}

/// True for a folded English word that ends the name of a facility or an
/// institution, which a title may open («King Abdulaziz International
/// Airport», «King Saud University»).
pub(super) fn ends_english_body(last: &str) -> bool {
    EN_FACILITIES.contains(&last) || EN_INSTITUTIONS.contains(&last)
}

/// True for a folded English word that ends the name of a facility, an
/// institution or a park, so that two such names joined by «and» are two
/// («Cabo Orange National Park and Kruger National Park»).
pub(super) fn ends_english_named_site(last: &str) -> bool {
    ends_english_body(last) || last == "park"
}

/// True for a folded English word that ends a company's name
/// (`COMPANY_TAILS`: «Airways», «Holdings»), which may also end a
/// ministry's portfolio («Mineral Resources»).
pub(super) fn ends_english_company(last: &str) -> bool {
    last.is_ascii() && COMPANY_TAILS.contains(&last)
}

/// True for a span of two words or more that names a facility: an
/// Arabic facility or site noun first or an English one last (`AR_FACILITIES`, `AR_SITES`,
/// `EN_FACILITIES`, «Port of …», «Strait of …», but not «Port of
/// Rotterdam Authority», which runs the port, nor a person's name with a
/// particle before the noun: «Marieke van Dam»).
fn is_facility(infos: &[TokenInfo], s: &Span) -> bool {
    if s.end - s.start < 2 {
        return false;
    }
    let first = infos[s.start].folded.as_str();
    let last = infos[s.end - 1].folded.as_str();
    opens_facility(first)
        || (EN_FACILITIES.contains(&last)
            && !super::latin::NAME_PARTICLES.contains(&infos[s.end - 2].folded.as_str()))
        || is_park(infos, s)
        || (EN_PLACES_BEFORE_OF.contains(&first)
            && infos[s.start + 1].folded == "of"
            && !EN_INSTITUTIONS.contains(&last))
}

/// True for a span that names a sports complex: «مجمع» first (clitics
/// allowed) and «الرياضي» last («بمجمع السلطان قابوس الرياضي»), a place,
/// where «مجمع» before other names opens a company's or an academy's.
fn is_sports_complex(infos: &[TokenInfo], s: &Span) -> bool {
    s.end - s.start >= 3
        && listed_with_clitic(&infos[s.start].folded, |w| w == "مجمع")
        && matches!(infos[s.end - 1].folded.as_str(), "الرياضي" | "الرياضيه")
}

/// True for a span that names a park: «National Park» ends it, or
/// «Park» ends a span the tagger did not take for a person («Grace
/// Park» is one).
fn is_park(infos: &[TokenInfo], s: &Span) -> bool {
    infos[s.end - 1].folded == "park"
        && (s.kind != EntityKind::Person || infos[s.end - 2].folded == "national")
}

/// True for a folded English word that opens or ends a place's own name
/// («Lake», «Mount», «Port», «Saint», a landform): no body's name.
pub(super) fn is_place_noun(folded: &str) -> bool {
    [
        "lake", "mount", "fort", "saint", "st", "st.", "san", "santa", "sao", "são",
    ]
    .contains(&folded)
        || EN_PLACES_BEFORE_OF.contains(&folded)
        || EN_LANDFORMS.contains(&folded)
}

/// English landform nouns written before the name («River Severn», «Lake
/// Chad», «Mount Kenya»): a span they open is a place.
const LANDFORMS_FIRST: [&str; 3] = ["River", "Lake", "Mount"];

/// Folded English nouns that open a place's name before «of» («Port of
/// Shanghai», «Strait of Hormuz», «Cape of Good Hope»), which the English
/// model takes for organisations.
const EN_PLACES_BEFORE_OF: [&str; 6] = ["port", "strait", "straits", "cape", "gulf", "bay"];

/// True for a folded Arabic noun that opens a facility's or an
/// institution's name («مسجد», «وزاره»), so that a clitic before it
/// leaves the name's display form («بمسجد الحسين بن علي»).
pub(super) fn opens_body_name(folded: &str) -> bool {
    AR_FACILITIES.contains(&folded)
        || AR_SITES.contains(&folded)
        || INSTITUTION_HEADS.contains(&folded)
        || PLACE_BODY_HEADS.contains(&folded)
        || folded == super::institutions::SERVICE_HEAD
        || NATIONAL_HEADS.iter().any(|h| h[0] == folded)
        || super::named_bodies::is_body_noun(folded)
}

/// Folded Arabic nouns that say what kind of place a name is and are no
/// part of it in news («كوكب المريخ», the planet Mars; «قارة آسيا»): a
/// span they open is the place after them.
const AR_PLACE_KINDS: [&str; 2] = ["كوكب", "قاره"];

/// Most definite adjectives that may close a facility's name after the
/// name it is called by («ملعب الملك فهد الدولي», «مطار القاهرة الدولي»).
const FACILITY_ADJECTIVES: usize = 2;

/// Folded adjectives that end a facility's name: a tagged name running on
/// past one holds the next name too («مطار الملك عبدالعزيز الدولي
/// عبدالحميد …»), which stays a name of its own.
const FACILITY_ENDS: [&str; 4] = ["الدولي", "الدوليه", "الاولمبي", "الرياضي"];

/// The least name-likeness class ([`TokenInfo::name_class`]) of an
/// untagged word that names a site or facility by itself: a score of 0
/// or more (letters as likely in a name as in a word).
const SITE_NAME_CLASS: u8 = 3;

/// True for a folded Arabic verbal noun of the pattern «تفعيل» (five
/// letters, «ت» first and «ي» fourth: «توليد», «تكرير»), which names
/// what a facility does («محطة توليد», a generating station).
fn is_verbal_noun(f: &str) -> bool {
    let c: Vec<char> = f.chars().collect();
    c.len() == 5 && c[0] == 'ت' && c[3] == 'ي'
}

/// True for a word opened by «ل» before a definite noun that is no
/// adjective: "for doing" something («محطة لوزن الشاحنات», a station for
/// weighing lorries), where a name opened by «ل» takes an adjective
/// («مطار لوتون الدولي») or nothing.
fn purpose_before_genitive(t: &Tagged<'_>, j: usize) -> bool {
    let next = t.infos.get(j + 1).map(|w| w.folded.as_str());
    t.infos[j].folded.starts_with('ل')
        && next.is_some_and(|n| n.starts_with("ال") && !is_definite_adjective(n))
}

/// A one-word name no span holds at `j`, after a facility's or site's
/// noun: an Arabic word that is no stopword or trigger and names the
/// site, with the article ([`definite_site_name`]) or without it
/// ([`bare_site_name`]) and then no common word of the training text
/// («مطار كبير», «مركب كبير» are a big airport and a big boat).
fn unknown_name_at(
    t: &Tagged<'_>,
    j: usize,
    gaz: &Gazetteer,
    common: &FastSet<String>,
) -> Option<Span> {
    let w = t.infos.get(j)?;
    let f = w.folded.as_str();
    let names = if t.tokens[j].starts_with("ال") {
        definite_site_name(t, j, gaz, common)
    } else {
        bare_site_name(t, j) && !common.contains(f)
    };
    let word = f.chars().all(is_arabic_char) && !gaz.is_stopword(f) && w.trigger.is_none();
    (names && word && !spanned(&t.spans, j)).then_some(Span {
        start: j,
        end: j + 1,
        kind: EntityKind::Place,
    })
}

/// Whether token `j`, a word with no article (a foreign name opened by
/// «إل», as «سد إليسو», has none), names a site: it looks like a name by
/// its letters or is a known name word, of three letters or more, no
/// adjective («صيفي», or «استراتيجيا» in the accusative), no verbal noun
/// ([`is_verbal_noun`]), nor opened by «و» or a saint's title, which a
/// longer name follows («مخيم عسكر», «مطار دينباسار»; not «مخيم صيفي»,
/// «محطة وقود», «ميناء استراتيجيا», «كنيسة سان …», nor a purpose: see
/// [`purpose_before_genitive`]). Letters that score no better than
/// neutral are enough; those that look like no name leave it untagged.
fn bare_site_name(t: &Tagged<'_>, j: usize) -> bool {
    let w = &t.infos[j];
    let f = w.folded.as_str();
    let name_like = w.name_class.is_some_and(|c| c >= SITE_NAME_CLASS)
        || w.dict_name
        || w.seen == Some(EntityKind::Place);
    name_like
        && f.chars().count() >= 3
        && !f.starts_with('و')
        && !super::person_names::SAINTS.contains(&f)
        && !f.ends_with('ي')
        && !f.ends_with("يه")
        && !f.ends_with("يا")
        && !is_verbal_noun(f)
        && !purpose_before_genitive(t, j)
}

/// Whether token `j`, a definite word, names a site after an indefinite
/// site's or facility's noun other than «سد» (also a verb) and «أدى» (a
/// verb that folds to «ادي»): «حقل الروضتين», «مخيم الزعتري», «جبل
/// السماق». The word is no common word of ANERcorp train (`common`),
/// which keeps out what the noun's own phrases hold («مخيم اللاجئين»,
/// «حقل الألغام»), no plural («محطة التوليد», «ملعب المغامرات») or
/// verbal noun, definite adjective or title, and has four letters or
/// more after the article. A definite noun before it is described, not
/// named («المسجد الثالث»).
fn definite_site_name(t: &Tagged<'_>, j: usize, gaz: &Gazetteer, common: &FastSet<String>) -> bool {
    let f = t.infos[j].folded.as_str();
    let bare = f.strip_prefix("ال").unwrap_or(f);
    j > 0
        && !listed_with_clitic(&t.infos[j - 1].folded, |x| x == "سد")
        && !t.tokens[j - 1].ends_with('ى')
        && !is_definite(&strip_article_clitic(&t.infos[j - 1].folded))
        && !["ات", "يين", "ون"].iter().any(|e| bare.ends_with(e))
        && !is_verbal_noun(bare)
        && f.chars().count() >= 6
        && !common.contains(f)
        && !is_definite_adjective(f)
        && !gaz.is_title(f)
}

/// Adds Arabic facilities named after a tagged name: a facility noun
/// (`AR_FACILITIES`, `AR_SITES`, clitics allowed) that no span holds, then a title
/// the tagger left out («الملك»), a tagged span that is a place, a person
/// or an unlisted organisation or misc, and up to two definite adjectives
/// that are no nationality adjective. The facility is one place, replacing
/// the spans it covers: «ملعب الملك فهد الدولي» had been the person «فهد
/// الدولي», «ميناء المكلا» the town, which is another place than its port
/// («حقل الرميلة», «معبر رفح»); a noun [`opens_place_only`] names takes
/// a place only, one of `AR_SITES` a place or a person, no name takes a clitic («جزيرة بنهر النيل», an
/// island in the Nile) and «شبه جزيرة» is left to the tagger. A listed organisation or an institution after the
/// noun stays itself, as the reader looks for the club in «ملعب ريال
/// مدريد» or «ملعب نادي الشعلة»; a facility
/// noun with no tagged name after it is left alone, as «سد» is also a
/// verb («سد الفراغ», "filled the gap"). The name ends before a word
/// opened by «وال» or «بال», or by «و», «ب» or «ل» and a noun that opens
/// another name («جسر الملك فهد» | «والشركة», «ملعب الأمير فيصل بن فهد»
/// | «بحي»), and after a word of `FACILITY_ENDS`, which also ends the
/// adjectives: «مطار أبها الدولي» | «الجارية» (its ongoing expansion).
pub(super) fn add_facilities(t: &mut Tagged<'_>, gaz: &Gazetteer, common: &FastSet<String>) {
    let n = t.infos.len();
    let mut i = 0;
    while i < n {
        let folded = |k: usize| t.infos[k].folded.as_str();
        let place_only = opens_place_only(folded(i));
        if !(place_only || opens_facility(folded(i)))
            || (i > 0 && folded(i - 1) == "شبه")
            || spanned(&t.spans, i)
        {
            i += 1;
            continue;
        }
        let site = AR_SITE_LIST.holds(folded(i));
        let mut j = i + 1;
        if j < n && gaz.is_title(folded(j)) && !spanned(&t.spans, j) {
            j += 1;
        }
        let institution = |k: usize| INSTITUTION_HEAD_LIST.holds(folded(k));
        let Some(name) = t
            .spans
            .iter()
            .find(|(s, id)| {
                s.start == j
                    && (s.kind == EntityKind::Place
                        || (!place_only
                            && (s.kind == EntityKind::Person || (id.is_none() && !site))))
                    && !institution(s.start)
                    && !clitic_on_name(folded(s.start), gaz)
            })
            .map(|(s, _)| *s)
            .or_else(|| listed_place_at(t, j, gaz))
            .or_else(|| {
                (!place_only)
                    .then(|| unknown_name_at(t, j, gaz, common))
                    .flatten()
            })
        else {
            i += 1;
            continue;
        };
        let conjoined = |k: usize| {
            let f = folded(k);
            ["وال", "بال"].iter().any(|p| f.starts_with(p))
                || ["و", "ب", "ل"].iter().any(|p| {
                    f.strip_prefix(p)
                        .is_some_and(|w| opens_body_name(w) || gaz.trigger(w).is_some())
                })
        };
        let end = (name.start + 1..name.end)
            .find(|&k| conjoined(k) || FACILITY_ENDS.contains(&folded(k)))
            .map_or(name.end, |k| if conjoined(k) { k } else { k + 1 });
        let rest = (end < name.end && !conjoined(end)).then_some(Span { start: end, ..name });
        j = end;
        let place_stem = |s: &str| gaz.is_place_stem(s);
        while rest.is_none() && j < n && j < end + FACILITY_ADJECTIVES && !spanned(&t.spans, j) {
            let g = folded(j);
            if !is_definite_adjective(g)
                || NOT_MODIFIERS.contains(&g)
                || gaz.is_stopword(g)
                || is_nisba(g, &place_stem)
            {
                break;
            }
            j += 1;
            if FACILITY_ENDS.contains(&g) {
                break;
            }
        }
        t.spans
            .retain(|(s, _)| s.end <= i || j.max(name.end) <= s.start);
        let facility = Span {
            start: i,
            end: j,
            kind: EntityKind::Place,
        };
        t.spans.push((facility, None));
        t.spans.extend(rest.map(|s| (s, None)));
        t.spans.sort_by_key(|(s, _)| s.start);
        i = j.max(name.end);
    }
}

/// Most words of a listed place the facility rule looks up after a
/// facility's noun.
const LISTED_PLACE_WORDS: usize = 4;

/// A listed place (any list, minor ones too) that starts at token `j`
/// with no clitic and overlaps no span: after a facility's noun it names
/// the facility even where the tagger found nothing («ميناء العقبة»: the
/// tagger leaves «العقبة», also "the obstacle", alone).
fn listed_place_at(t: &Tagged<'_>, j: usize, gaz: &Gazetteer) -> Option<Span> {
    let end = t.infos.len().min(j + LISTED_PLACE_WORDS);
    if j >= end || clitic_on_name(&t.infos[j].folded, gaz) {
        return None;
    }
    let folded: Vec<&str> = t.infos[j..end].iter().map(|x| x.folded.as_str()).collect();
    let m = gaz
        .find(&t.tokens[j..end], &folded)
        .into_iter()
        .find(|m| m.start == 0)?;
    let span = Span {
        start: j,
        end: j + m.end,
        kind: EntityKind::Place,
    };
    let free = !t
        .spans
        .iter()
        .any(|(s, _)| s.start < span.end && span.start < s.end);
    let place = gaz.kind_of(&m) == Some(EntityKind::Place);
    (free && place).then_some(span)
}

/// True for a folded word that is a clitic on a name («بنهر», «لمكة»):
/// no facility is named by it («جزيرة بنهر النيل», an island in the Nile).
fn clitic_on_name(f: &str, gaz: &Gazetteer) -> bool {
    ["ب", "ل", "و", "ف"].iter().any(|p| {
        f.strip_prefix(p).is_some_and(|r| {
            gaz.starts_name(r) || gaz.starts_minor_name(r, true) || opens_body_name(r)
        })
    })
}

/// Folded clitics written apart before a quoted title («لـ«الشرق
/// الأوسط»», "told Asharq Al-Awsat»).
const QUOTE_CLITICS: [&str; 4] = ["لـ", "بـ", "ل", "ب"];

/// Makes a place quoted right after a clitic written apart an
/// organisation with no gazetteer id: «قال لـ«الشرق الأوسط»» cites the
/// newspaper, not the region, as «لـ«القدس»» cites another.
pub(super) fn quoted_titles(t: &mut Tagged<'_>) {
    let Tagged { tokens, spans, .. } = t;
    for (s, id) in spans.iter_mut() {
        let quoted = s.start >= 2
            && ["«", "\"", "“"].contains(&tokens[s.start - 1])
            && QUOTE_CLITICS.contains(&tokens[s.start - 2])
            && tokens
                .get(s.end)
                .is_some_and(|w| ["»", "\"", "”"].contains(w));
        if quoted && s.kind == EntityKind::Place {
            s.kind = EntityKind::Org;
            *id = None;
        }
    }
}

/// Leaves out a leading noun that says what kind of place a span names
/// (`AR_PLACE_KINDS`): «كوكب المريخ» is Mars, under the gazetteer's id
/// when the rest is a listed place; the Arabic model's kind for the
/// whole span (an organisation, as «المريخ» is also a Sudanese club)
/// gives way to place.
pub(super) fn drop_place_kinds(t: &mut Tagged<'_>, gaz: &Gazetteer) {
    let Tagged {
        tokens,
        infos,
        spans,
        ..
    } = t;
    for (s, id) in spans.iter_mut() {
        let first = infos[s.start].folded.as_str();
        if id.is_some()
            || s.end - s.start < 2
            || !listed_with_clitic(first, |w| AR_PLACE_KINDS.contains(&w))
        {
            continue;
        }
        s.start += 1;
        s.kind = EntityKind::Place;
        let folded: Vec<&str> = infos[s.start..s.end]
            .iter()
            .map(|x| x.folded.as_str())
            .collect();
        let whole = gaz
            .find(&tokens[s.start..s.end], &folded)
            .into_iter()
            .find(|m| m.start == 0 && m.end == s.end - s.start)
            .filter(|m| gaz.kind_of(m) == Some(EntityKind::Place));
        *id = whole.map(|m| m.entry);
    }
}

/// Folded words after «مشهد» that make it Mashhad, the Iranian city,
/// rather than a scene («مشهد الإيرانية», «مشهد شمال شرقي إيران»).
const MASHHAD_AFTER: [&str; 7] = ["الايرانيه", "بايران", "ايران", "شمال", "شرق", "جنوب", "غرب"];

/// True for a place span that is «مشهد», a scene, not Mashhad: ANERcorp,
/// from Iranian news, tags the city 19 times, and the model took the
/// scenes of a day's culture pages for it (34 articles, «المشهد العربي»,
/// «مشهد عيون الناس»). The city takes no article, and news names it
/// after «مدينة», at the end of a phrase or before where it lies.
fn is_scene(t: &Tagged<'_>, s: &Span) -> bool {
    if s.kind != EntityKind::Place || !t.infos[s.start].folded.ends_with("مشهد") {
        return false;
    }
    let first = strip_article_clitic(&t.infos[s.start].folded);
    let bare = listed_with_clitic(&first, |w| w == "مشهد");
    if !(bare || first == "المشهد") {
        return false;
    }
    if first == "المشهد" || s.end - s.start > 1 {
        return true;
    }
    let city = s.start > 0 && listed_with_clitic(&t.infos[s.start - 1].folded, |w| w == "مدينه");
    let next = t.infos.get(s.end).map(|x| x.folded.as_str());
    let placed = match next {
        None => true,
        Some(n) => !n.chars().any(is_arabic_char) || MASHHAD_AFTER.contains(&n),
    };
    !(city || placed)
}

/// Drops a place span with no gazetteer id that a place's noun opens
/// when its first word is an indefinite feminine nisba adjective, one
/// that is frequent in general text with the article: the noun is
/// described, not named («منطقة صحراوية», a desert area; «منطقة
/// جبلية», «منطقة ريفية فقيرة»; not «مدينة أنطاكية»).
pub(super) fn drop_described_areas(t: &mut Tagged<'_>, frequent: &FastSet<String>) {
    let infos = &t.infos;
    t.spans.retain(|(s, id)| {
        let described = s.kind == EntityKind::Place
            && id.is_none()
            && s.start > 0
            && listed_with_clitic(&infos[s.start - 1].folded, |w| PLACE_NOUNS.contains(&w))
            && {
                let f = infos[s.start].folded.as_str();
                f.ends_with("يه")
                    && !f.starts_with("ال")
                    && infos[s.start].stem_at == 0
                    && frequent.contains(&format!("ال{f}"))
            };
        !described
    });
}

/// Folded feminine verbs of saying and doing that a company is the
/// subject of, right before its name («وقالت أطلس للطاقة», «أعلنت
/// العربية للطيران»).
const COMPANY_VERBS: [&str; 8] = [
    "قالت",
    "اعلنت",
    "وقعت",
    "اكدت",
    "ذكرت",
    "اوضحت",
    "افادت",
    "اشارت",
];

/// Folded trades after «لل» that close a company's name («الواحة
/// للنفط», «أطلس للطاقة», «الدار للعقارات»).
const TRADES: [&str; 14] = [
    "للنفط",
    "للطاقه",
    "للطيران",
    "للاتصالات",
    "للاستثمار",
    "للتامين",
    "للاسمنت",
    "للبتروكيماويات",
    "للتعدين",
    "للغاز",
    "للعقارات",
    "للتطوير",
    "للشحن",
    "للملاحه",
];

/// Tags as an organisation one word and a trade after «لل» ([`TRADES`])
/// that no span holds, right after a feminine verb of saying or doing
/// ([`COMPANY_VERBS`], «و» or «ف» allowed): the company is named by them
/// with no noun before it, which the tagger leaves alone («وقالت أطلس
/// للطاقة إنها …»). The word is no stopword and carries no clitic but
/// the article, and with the article it is no frequent word: «ووقعت
/// الواحة للنفط», not «وأكدت الحاجة للنفط» ("stressed the need for
/// oil").
pub(super) fn companies_named_by_trade(
    t: &mut Tagged<'_>,
    gaz: &Gazetteer,
    frequent: &FastSet<String>,
) {
    let n = t.infos.len();
    for i in 1..n.saturating_sub(1) {
        if !TRADES.contains(&t.infos[i + 1].folded.as_str()) {
            continue;
        }
        let verb = listed_with_clitic(&t.infos[i - 1].folded, |w| COMPANY_VERBS.contains(&w));
        let name = &t.infos[i];
        let bare = name.stem_at == 0
            || (no_clitic_but_article(name)
                && is_definite(&name.folded)
                && !frequent.contains(name.folded.as_str()));
        let named = verb
            && bare
            && name.folded.chars().count() >= 3
            && name.folded.chars().all(is_arabic_char)
            && !gaz.is_stopword(&name.folded)
            && !spanned(&t.spans, i)
            && !spanned(&t.spans, i + 1);
        if named {
            put_span(&mut t.spans, i, i + 2, EntityKind::Org);
        }
    }
}

/// Drops the scenes taken for Mashhad (see [`is_scene`]).
pub(super) fn drop_scenes(t: &mut Tagged<'_>) {
    let scenes: Vec<Span> = t
        .spans
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| is_scene(t, s))
        .collect();
    t.spans.retain(|(s, _)| !scenes.contains(s));
}

/// Widens a span that a longer gazetteer name lent its id to back to
/// that name, where no other span stands in it and the span still holds
/// that id: the tagger keeps ANERcorp's shorter span («مكة» in «مكة
/// المكرمة»), but the pane shows the full name («منظمة الأمم المتحدة
/// للتربية والعلم والثقافة», which the tagger cut to «منظمة الأمم
/// المتحدة» and would have shown as the name of UNESCO).
pub(super) fn show_full_names(t: &mut Tagged<'_>) {
    for &(g, entry) in &t.lent {
        let inside: Vec<usize> = (0..t.spans.len())
            .filter(|&i| t.spans[i].0.start < g.end && g.start < t.spans[i].0.end)
            .collect();
        if let [i] = inside[..]
            && t.spans[i].1 == Some(entry)
            && g.start <= t.spans[i].0.start
            && t.spans[i].0.end <= g.end
        {
            t.spans[i].0.start = g.start;
            t.spans[i].0.end = g.end;
        }
    }
}

/// Folded nouns of an administrative division that the name of one
/// includes («محافظة حضرموت», «ولاية الجزيرة»).
const DIVISION_NOUNS: [&str; 4] = ["محافظه", "ولايه", "اقليم", "مقاطعه"];

/// Whether a folded word is the noun of an administrative division
/// ([`DIVISION_NOUNS`]), so that a clitic before it is no part of a
/// name's display («ومحافظة حضرموت»).
pub(super) fn is_division_noun(folded: &str) -> bool {
    DIVISION_NOUNS.contains(&folded)
}

/// Folded compass words that open a division's name after its noun
/// («محافظة جنوب الشرقية»).
const COMPASS: [&str; 5] = ["شمال", "جنوب", "شرق", "غرب", "وسط"];

/// The folded division nouns of [`DIVISION_NOUNS`] that name a division
/// before a definite word ([`add_named_divisions`]).
const NAMING_DIVISIONS: [&str; 2] = ["محافظه", "ولايه"];

/// Adds the divisions named by «محافظة» or «ولاية» (a clitic before it
/// allowed) and a definite word that no span holds, after
/// a compass word or not: «محافظة الشرقية», «محافظة البحيرة», «بمحافظة
/// جنوب الشرقية», which no list holds as places. The word is no title,
/// trigger, stopword or time word: «ولاية الرئيس» is the president's
/// term of office, and «ولاية العهد» the crown prince's office.
fn add_named_divisions(t: &mut Tagged<'_>, gaz: &Gazetteer) {
    let n = t.infos.len();
    let noun = |f: &str| listed_with_clitic(f, |w| NAMING_DIVISIONS.contains(&w));
    let mut added = Vec::new();
    for k in 0..n.saturating_sub(1) {
        if !noun(&t.infos[k].folded) || spanned(&t.spans, k) {
            continue;
        }
        let mut j = k + 1;
        if COMPASS.contains(&t.infos[j].folded.as_str()) && j + 1 < n {
            j += 1;
        }
        let w = t.infos[j].folded.as_str();
        let named = is_definite(w)
            && w != "العهد"
            && !NOT_MODIFIERS.contains(&w)
            && !gaz.is_stopword(w)
            && !gaz.is_title(w)
            && gaz.trigger(w).is_none()
            && (k + 1..=j).all(|i| !spanned(&t.spans, i));
        if named {
            added.push(Span {
                start: k + 1,
                end: j + 1,
                kind: EntityKind::Place,
            });
        }
    }
    t.spans.extend(added.into_iter().map(|s| (s, None)));
    t.spans.sort_by_key(|(s, _)| s.start);
}

/// Takes the noun of an administrative division ([`DIVISION_NOUNS`],
/// clitics allowed: «ومحافظة») into the place named right after it: the pane shows
/// the division's full name («محافظة حضرموت», not «حضرموت»), under the
/// same id, so it is still the place a reader finds from other
/// articles. Only in articles: ANERcorp leaves the noun out. «العهد»
/// after «ولاية» is no place: «ولاية العهد» is the crown prince's office.
pub(super) fn take_in_division_nouns(t: &mut Tagged<'_>, gaz: &Gazetteer) {
    add_named_divisions(t, gaz);
    let infos = &t.infos;
    t.spans.retain(|(s, _)| {
        let crown = s.end == s.start + 1
            && infos[s.start].folded == "العهد"
            && s.start > 0
            && listed_with_clitic(&infos[s.start - 1].folded, |w| w == "ولايه");
        !crown
    });
    let taken: Vec<(usize, usize)> = t.spans.iter().map(|(s, _)| (s.start, s.end)).collect();
    for (s, _) in t.spans.iter_mut() {
        let Some(k) = s.start.checked_sub(1) else {
            continue;
        };
        let noun = &t.infos[k];
        if s.kind == EntityKind::Place
            && super::arabic::listed_with_clitic(&noun.folded, is_division_noun)
            && !taken.iter().any(|&(a, b)| a <= k && k < b)
        {
            s.start = k;
        }
    }
}

/// True for a Latin word written as a brand or a company: a capital
/// inside it next to a small letter («OPay», «PayPal»; not after «Mc» or
/// «Mac»: «McAllen»), or a last part after a hyphen that ends companies'
/// names («Samruk-Energy»; see `COMPANY_TAILS`).
fn is_brand(word: &str) -> bool {
    let c: Vec<char> = word.chars().collect();
    let plain = c.len() >= 3 && c.iter().all(|x| x.is_ascii_alphabetic() || *x == '-');
    let inner_capital = (1..c.len()).any(|i| {
        c[i].is_ascii_uppercase()
            && (c[i - 1].is_ascii_lowercase() || c.get(i + 1).is_some_and(char::is_ascii_lowercase))
            && c[i - 1] != '-'
    });
    let scottish = word.starts_with("Mc") || word.starts_with("Mac");
    let tail = word
        .rsplit_once('-')
        .is_some_and(|(_, t)| COMPANY_TAILS.contains(&t.to_ascii_lowercase().as_str()));
    plain && c[0].is_ascii_uppercase() && ((inner_capital && !scottish) || tail)
}

/// True for a folded English word that names a people by the plural of
/// its adjective («nabataeans», «europeans», «palestinians»): the English
/// model tags some as organisations, where the corpora's convention is
/// misc.
fn is_people(folded: &str) -> bool {
    folded.is_ascii() && ["eans", "ians"].iter().any(|e| folded.ends_with(e))
}

/// True for an English word written with a capital.
pub(super) fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// Settles the kind and extent of spans with no gazetteer id: an English
/// span loses a leading «The» («The Nabataeans»), and one that is no
/// place a leading «A» or «An» («An IATA report»; «An Giang» is a
/// province), a Latin name loses the
/// Arabic words before it («مصرف Goldman Sachs», "Goldman Sachs bank",
/// is «Goldman Sachs», as English articles write it), a museum is an
/// organisation («Rijksmuseum», as hospitals are), a facility is a place,
/// an English span of two words or more ending in a landform's noun is a
/// place, an Arabic person span opened by an armed group's noun
/// (`AR_GROUPS`) or a person span ending in a company's last word
/// (`COMPANY_TAILS`, with a company's noun before it: `COMPANY_HEADS`) is an organisation, so is an English place span
/// ending in one but «Lines» («Rystad Energy»; «Nazca Lines» is a
/// place), a one-word English organisation
/// naming a people («Nabataeans», see [`is_people`]) or a span opened
/// by a storm's word (`STORM_WORDS`) is misc, a person span ending in an
/// institution's noun is an organisation («Anadolu Agency»), an
/// unlisted place span is split at «and» (see [`split_places_at_and`]),
/// a person span after a preposition of place a town (see
/// [`is_town_after_preposition`]), a one-word span written as a brand
/// is an organisation (see
/// [`is_brand`]), so is a span opened by an institution's noun (see
/// [`opens_with_institution`]), a site noun after a span joins it as a place (see
/// [`take_in_site_nouns`]),
/// and an
/// English place or misc span ending
/// in an institution's noun or a company's legal form («Meghna Knit
/// Composite Ltd.») is an organisation, which takes in the
/// capitalised words before an «and» that opens it («Petra Development
/// and Tourism Region Authority»; an unlisted span there too, of one
/// word or no organisation, not ending in an institution's noun:
/// «Disaster and Emergency Management Authority», «Mongolian Wool and
/// Cashmere Association») and «of» and a known place after it
/// (see [`take_in_of_place`]).
pub(super) fn settle_kinds(t: &mut Tagged<'_>) {
    let Tagged {
        tokens,
        infos,
        spans,
        ..
    } = t;
    for (s, id) in spans.iter_mut() {
        if id.is_some() {
            continue;
        }
        let article = match tokens[s.start] {
            "The" => true,
            "An" | "A" => s.kind != EntityKind::Place,
            _ => false,
        };
        if s.end - s.start >= 2 && article {
            s.start += 1;
        }
        let latin = |w: &str| w.chars().any(|c| c.is_ascii_alphabetic());
        if let Some(p) = (s.start + 1..s.end).find(|&p| tokens[p..s.end].iter().all(|w| latin(w)))
            && tokens[s.start..p]
                .iter()
                .all(|w| w.chars().any(is_arabic_char))
        {
            s.start = p;
        }
        // «PT» left out of a span before it opens the company's name
        // («state-owned PT | Len Industri»).
        if s.start > 0
            && COMPANY_OPENERS.contains(&tokens[s.start - 1])
            && matches!(s.kind, EntityKind::Person | EntityKind::Org)
        {
            s.start -= 1;
        }
        let last = infos[s.end - 1].folded.as_str();
        let institution = opens_with_institution(tokens, infos, s);
        if last.ends_with("museum") && is_capitalised(tokens[s.start]) {
            s.kind = EntityKind::Org;
        } else if is_sports_complex(infos, s)
            || (!institution
                && (is_facility(infos, s)
                    || (s.end - s.start >= 2
                        && is_capitalised(tokens[s.start])
                        && EN_LANDFORMS.contains(&last))
                    || (s.end - s.start >= 2 && LANDFORMS_FIRST.contains(&tokens[s.start]))
                    || is_town_after_preposition(tokens, infos, s)))
        {
            s.kind = EntityKind::Place;
        } else if (s.kind == EntityKind::Org && s.end - s.start == 1 && is_people(last))
            || (s.end - s.start >= 2 && STORM_WORDS.contains(&tokens[s.start]))
        {
            s.kind = EntityKind::Misc;
        } else if (s.kind == EntityKind::Person
            && s.end - s.start >= 2
            && (listed_with_clitic(&infos[s.start].folded, |w| AR_GROUPS.contains(&w))
                || COMPANY_TAILS.contains(&last)
                || (EN_INSTITUTIONS.contains(&last) && !SURNAME_INSTITUTIONS.contains(&last))
                || COMPANY_OPENERS.contains(&tokens[s.start])))
            || (s.kind != EntityKind::Person
                && is_capitalised(tokens[s.start])
                && (EN_INSTITUTIONS.contains(&last) || super::latin::COMPANY_ENDS.contains(&last)))
            || (s.kind == EntityKind::Place
                && s.end - s.start >= 2
                && last.is_ascii()
                && last != "lines"
                && COMPANY_TAILS.contains(&last))
            || (s.end - s.start == 1 && is_brand(tokens[s.start]))
            || institution
        {
            if s.kind == EntityKind::Person
                && s.start > 0
                && listed_with_clitic(&infos[s.start - 1].folded, |w| COMPANY_HEADS.contains(&w))
            {
                s.start -= 1;
            }
            s.kind = EntityKind::Org;
        }
    }
    let mut k = 0;
    while k < spans.len() {
        let (s, id) = spans[k];
        let opens = id.is_none()
            && s.kind == EntityKind::Org
            && s.start >= 2
            && tokens[s.start - 1] == "and"
            && is_capitalised(tokens[s.start - 2])
            && spans.iter().all(|(o, oid)| {
                !(o.start <= s.start - 2 && s.start - 2 < o.end)
                    || (oid.is_none()
                        && o.end == s.start - 1
                        && (o.end - o.start == 1 || o.kind != EntityKind::Org)
                        && !EN_INSTITUTIONS.contains(&infos[o.end - 1].folded.as_str()))
            })
            && (EN_INSTITUTIONS.contains(&infos[s.end - 1].folded.as_str())
                || opens_with_institution(tokens, infos, &s));
        if !opens {
            k += 1;
            continue;
        }
        // A span holding the word before «and» opens the name with it
        // («National Oil Spill Detection | and Response Agency»).
        let before = spans
            .iter()
            .find(|(o, _)| o.start < s.start - 2 && o.holds(s.start - 2))
            .map(|(o, _)| o.start);
        let mut a = before.unwrap_or(s.start - 2);
        while before.is_none()
            && a > 0
            && is_capitalised(tokens[a - 1])
            && tokens[a - 1] != "The"
            && !spans.iter().any(|(o, _)| o.start < a - 1 && a - 1 < o.end)
        {
            a -= 1;
        }
        spans.retain(|(o, _)| !(a <= o.start && o.end <= s.start));
        if let Some(j) = spans.iter().position(|(o, _)| *o == s) {
            spans[j].0.start = a;
        }
        k = spans
            .iter()
            .position(|(o, _)| o.end == s.end)
            .map_or(k, |j| j + 1);
    }
    split_places_at_and(tokens, spans);
    take_in_site_nouns(tokens, spans);
    take_in_of_place(tokens, infos, spans);
    take_in_place_nouns(tokens, spans);
}

/// English prepositions of place that the model's people seldom follow
/// («in Kericho», «around Kericho», «through Churchill»).
const PLACE_PREPOSITIONS: [&str; 4] = ["in", "around", "near", "through"];

/// Whether an English person span of one or two words, opened by no
/// given name and with no possessive after it, follows a preposition of
/// place ([`PLACE_PREPOSITIONS`]): an unlisted town the model took for a
/// person («in Kuria East», «in Ca Mau»).
fn is_town_after_preposition(tokens: &[&str], infos: &[TokenInfo], s: &Span) -> bool {
    s.kind == EntityKind::Person
        && s.end - s.start <= 2
        && s.start > 0
        && PLACE_PREPOSITIONS.contains(&tokens[s.start - 1])
        && !infos[s.start].first_name
        && !matches!(tokens.get(s.end), Some(&"'s" | &"’s"))
        && tokens[s.start..s.end].iter().all(|w| is_capitalised(w))
}

/// English nouns written in small letters after a site's name and part
/// of how news names it («the Las Bambas mine», «the Kutupalong camp»).
const EN_SITE_NOUNS: [&str; 5] = ["mine", "camp", "refinery", "oilfield", "gasfield"];

/// Extends an English span with no gazetteer id that is no person's over
/// a site noun after it (`EN_SITE_NOUNS`), as a place: the model took
/// «Las Bambas» for an organisation and «Kutupalong» for misc. A
/// person's «camp» is his followers («the Biden camp»).
fn take_in_site_nouns(tokens: &[&str], spans: &mut [(Span, Option<usize>)]) {
    for k in 0..spans.len() {
        let (s, id) = spans[k];
        let noun = tokens.get(s.end).is_some_and(|w| EN_SITE_NOUNS.contains(w));
        if noun
            && !spanned(spans, s.end)
            && id.is_none()
            && s.kind != EntityKind::Person
            && is_capitalised(tokens[s.start])
        {
            spans[k].0 = Span {
                end: s.end + 1,
                kind: EntityKind::Place,
                ..s
            };
        }
    }
}

/// Splits an English place span with no gazetteer id at an «and» between
/// two capitalised words into the two places («İskenderun and Defne»):
/// a place named with «and» is listed («Trinidad and Tobago»).
fn split_places_at_and(tokens: &[&str], spans: &mut Vec<(Span, Option<usize>)>) {
    let mut k = 0;
    while k < spans.len() {
        let (s, id) = spans[k];
        let and = |p: &usize| {
            tokens[*p] == "and" && is_capitalised(tokens[p - 1]) && is_capitalised(tokens[p + 1])
        };
        if id.is_none()
            && s.kind == EntityKind::Place
            && let Some(p) = (s.start + 1..s.end.saturating_sub(1)).find(and)
        {
            spans[k].0.end = p;
            spans.insert(k + 1, (Span { start: p + 1, ..s }, None));
        }
        k += 1;
    }
}

/// English nouns written before a place's name that make it another
/// place: «Lake Victoria», «Mount Kenya» (the tagger took the lake for a
/// person).
const EN_PLACE_NOUNS: [&str; 2] = ["Lake", "Mount"];

/// An English place or person span (or an unlisted organisation: «Mount
/// Aso») opened by «Lake» or «Mount» or right
/// after one, or a span after «Port of», «Strait of» and the like
/// (`EN_PLACES_BEFORE_OF`, capitalised) that is no listed organisation,
/// becomes the place they name, apart from the town, person or misc
/// inside: «Port of Dar es Salaam» was the city, «Port of Matarani» the
/// misc «Matarani».
fn take_in_place_nouns(tokens: &[&str], spans: &mut [(Span, Option<usize>)]) {
    for k in 0..spans.len() {
        let (s, id) = spans[k];
        let before_of = s.start >= 2
            && tokens[s.start - 1] == "of"
            && EN_PLACES_BEFORE_OF
                .iter()
                .any(|p| tokens[s.start - 2].eq_ignore_ascii_case(p))
            && tokens[s.start - 2].starts_with(|c: char| c.is_ascii_uppercase())
            && (s.kind != EntityKind::Org || id.is_none());
        let place_or_person = matches!(s.kind, EntityKind::Place | EntityKind::Person);
        let opened = place_or_person || (s.kind == EntityKind::Org && id.is_none());
        if opened && s.end - s.start >= 2 && EN_PLACE_NOUNS.contains(&tokens[s.start]) {
            spans[k] = (
                Span {
                    kind: EntityKind::Place,
                    ..s
                },
                None,
            );
            continue;
        }
        let before =
            s.start >= 1 && EN_PLACE_NOUNS.contains(&tokens[s.start - 1]) && place_or_person;
        let start = if before_of {
            s.start - 2
        } else if before {
            s.start - 1
        } else {
            continue;
        };
        if (start..s.start).all(|i| !spanned(spans, i)) {
            spans[k] = (
                Span {
                    start,
                    kind: EntityKind::Place,
                    ..s
                },
                None,
            );
        }
    }
}

/// An English organisation named by an institution's noun takes in «of»
/// and a known place right after it, which is part of its name
/// («Department of Antiquities of Jordan» was the organisation
/// «Department of Antiquities» and the place «Jordan»).
fn take_in_of_place(tokens: &[&str], infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    let mut k = 0;
    while k < spans.len() {
        let (s, id) = spans[k];
        let named = id.is_none()
            && s.kind == EntityKind::Org
            && is_capitalised(tokens[s.start])
            && tokens.get(s.end) == Some(&"of")
            && infos[s.start..s.end]
                .iter()
                .any(|i| EN_INSTITUTIONS.contains(&i.folded.as_str()));
        let place = |(o, oid): &(Span, Option<usize>)| {
            o.start == s.end + 1 && o.kind == EntityKind::Place && oid.is_some()
        };
        if named && let Some(j) = spans.iter().position(place) {
            spans[k].0.end = spans[j].0.end;
            spans.remove(j);
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_word_lists_are_folded() {
        let bad = crate::intel::ner::tests::unfolded(&[
            &AR_FACILITIES,
            &AR_SITES,
            &AR_GROUPS,
            &COMPANY_TAILS,
            &COMPANY_HEADS,
            &DEVOTIONAL,
            &FEAST_EPITHETS,
            &FEASTS,
            &AR_PLACE_KINDS,
            &FACILITY_ENDS,
            &MASHHAD_AFTER,
            &COMPANY_FORMS,
            &COMPANY_VERBS,
            &TRADES,
        ]);
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn brands_are_told_from_towns_by_their_capitals_and_tails() {
        for brand in ["OPay", "PayPal", "TikTok", "Samruk-Energy"] {
            assert!(is_brand(brand), "{brand}");
        }
        for name in [
            "McAllen",
            "MacKenzie",
            "Jalal-Abad",
            "Kericho",
            "NATO",
            "Bo",
        ] {
            assert!(!is_brand(name), "{name}");
        }
    }
}
