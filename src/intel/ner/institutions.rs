//! Arabic institutions' names: a head noun («وزارة», «هيئة», «الشركة»)
//! with the definite modifiers, portfolios and «لل» complements that
//! belong to the name, and where an organisation span must end (at a
//! known body's envoy, a definite adjective no name continues with, a
//! common word).

use super::article::{COMPANY_FORMS, COMPANY_HEADS};
use super::conll::Span;
use super::features::TokenInfo;
use super::gazetteer::GazMatch;
use super::noise::{MONTH_AFTER, NOT_NAME_PHRASES, PLACE_NOUNS};
use super::person_names::{looks_like_name, no_clitic_but_article, opened_by_particle_and_article};
use super::{Extractor, LETTER_NAMES, Tagged, arabic, spanned, tokenize};
use crate::model::EntityKind;
use std::sync::LazyLock;

/// Folded Arabic nouns that head an institution's name when a definite
/// modifier follows («وزارة الخارجية المصرية», «المركز الوطني للأرصاد»).
pub(super) static INSTITUTION_HEADS: [&str; 52] = [
    "وزاره",
    "مفوضيه",
    "متحف",
    "المتحف",
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
    "تعاونيه",
    "اتحاديه",
    "الاتحاديه",
    "الشركه",
    "العصبه",
];

/// Folded nouns that head a body named after its place through a noun
/// in construct («سلطة منطقة العقبة», «بلدية مدينة الخليل», «غرفة تجارة
/// حلب», «جهاز حماية المستهلك»), besides [`INSTITUTION_HEADS`]: before a
/// definite word alone they are as often common nouns («غرفة العمليات»),
/// so only [`Extractor::construct_before_place`] reads them.
pub(super) const PLACE_BODY_HEADS: [&str; 5] = ["سلطه", "بلديه", "غرفه", "جهاز", "امانه"];

/// `PLACE_BODY_HEADS` with a filter, looked up at every token.
static PLACE_BODY_HEAD_LIST: LazyLock<arabic::CliticList> =
    LazyLock::new(|| arabic::CliticList::new(&PLACE_BODY_HEADS));

/// Folded nouns of a bank, whose name may hold an adjective that alone
/// names a sports club («البنك الأهلي المتحد», «البنك العربي»).
pub(super) const BANK_HEADS: [&str; 4] = ["بنك", "البنك", "مصرف", "المصرف"];

/// Folded nouns that head a body's name only before an international
/// organisation's ([`INTERNATIONAL_BODIES`]): «بعثة الأمم المتحدة للدعم في
/// ليبيا», «مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية», «بعثة الاتحاد
/// الأوروبي». Before anything else they are a sports team's delegation
/// or someone's office («بعثة الفريق», «مكتب النائب العام»).
const BODY_OF_BODY_HEADS: [&str; 2] = ["بعثه", "مكتب"];

/// Gazetteer ids of the international organisations whose missions and
/// offices are bodies of their own (see [`BODY_OF_BODY_HEADS`]).
pub(super) const INTERNATIONAL_BODIES: [&str; 7] = [
    "org:un",
    "org:eu",
    "org:african_union",
    "org:arab_league",
    "org:nato",
    "org:gcc",
    "org:oic",
];

/// Folded nouns that head a body's name only before a portfolio (see
/// [`heads_department`]).
const DEPARTMENT_HEADS: [&str; 2] = ["دايره", "سلطه"];

/// Whether token `i` is one of [`DEPARTMENT_HEADS`] (clitics allowed)
/// before a portfolio ([`PORTFOLIOS`], with the article or in
/// construct): «دائرة الثقافة والسياحة», «دائرة صحة نينوى», «لسلطة
/// المياه», «سلطة الطاقة والموارد الطبيعية»; before other words they are
/// a circle and power («دائرة الضوء», the limelight; «سلطة القانون»).
fn heads_department(t: &Tagged<'_>, i: usize) -> bool {
    arabic::listed_with_clitic(&t.infos[i].folded, |w| DEPARTMENT_HEADS.contains(&w))
        && t.infos.get(i + 1).is_some_and(|w| {
            let f = w.folded.as_str();
            PORTFOLIOS.contains(&f.strip_prefix("ال").unwrap_or(f))
        })
}

/// Folded trades a chamber is named by: commerce, industry, agriculture
/// and shipping.
const CHAMBER_TRADES: [&str; 4] = ["تجاره", "صناعه", "زراعه", "ملاحه"];

/// Where a chamber's name opened by «غرفة» at `i` ends: its trades,
/// indefinite and joined by «و», then the place or the definite genitive
/// they are of («غرفة تجارة وصناعة دبي», «غرفة صناعة الدواء»), or its
/// definite trades («غرفة التجارة والصناعة», whose adjectives
/// `Extractor::naming_adjectives_end` adds: «غرفة التجارة الأمريكية»).
/// Before other words «غرفة» is a room («غرفة العمليات»).
fn chamber_end(t: &Tagged<'_>, i: usize) -> Option<usize> {
    let trade = |k: usize, prefix: &str| {
        t.infos.get(k).is_some_and(|w| {
            w.folded
                .strip_prefix(prefix)
                .is_some_and(|x| CHAMBER_TRADES.contains(&x))
        })
    };
    if !arabic::listed_with_clitic(&t.infos[i].folded, |w| w == "غرفه") {
        return None;
    }
    let mut j = i + 1;
    if trade(j, "ال") {
        j += 1;
        while trade(j, "وال") {
            j += 1;
        }
        return Some(j);
    }
    if !trade(j, "") {
        return None;
    }
    j += 1;
    while trade(j, "و") {
        j += 1;
    }
    if let Some((s, _)) = t.spans.iter().find(|(s, _)| s.start == j) {
        return (s.kind == EntityKind::Place).then_some(s.end);
    }
    let genitive = t.infos.get(j)?;
    arabic::is_definite(&genitive.folded).then_some(j + 1)
}

/// «مصلحة» folded: a state service's head (see [`service_end`]).
pub(super) const SERVICE_HEAD: &str = "مصلحه";

/// Folded definite services a «مصلحة» runs as a state body («مصلحة
/// الجمارك العامة», «مصلحة الطيران المدني»); before other words it is an
/// interest («في مصلحة الوطن»).
const STATE_SERVICES: [&str; 14] = [
    "الجمارك",
    "الاحصاءات",
    "الضرايب",
    "الزكاه",
    "الطيران",
    "المطارات",
    "السجون",
    "الارصاد",
    "المواني",
    "الموانيء",
    "الجوازات",
    "الري",
    "المساحه",
    "الاحوال",
];

/// Where a state service's name opened by «مصلحة» at `i` ends: after the
/// service (see [`STATE_SERVICES`]); its adjectives come after
/// (`Extractor::naming_adjectives_end`). «لمصلحة» is left out: it is
/// "in favour of" («لمصلحة الجمارك»).
fn service_end(t: &Tagged<'_>, i: usize) -> Option<usize> {
    (t.infos[i]
        .folded
        .strip_suffix(SERVICE_HEAD)
        .is_some_and(|clitics| ["", "و", "ب", "وب"].contains(&clitics))
        && t.infos
            .get(i + 1)
            .is_some_and(|w| STATE_SERVICES.contains(&w.folded.as_str())))
    .then_some(i + 2)
}

/// Folded heads of bodies named by a noun in construct and its definite
/// genitive (see [`Extractor::nouns_in_construct`]).
const CONSTRUCT_HEADS: [&str; 7] = [
    "هييه",
    "منظمه",
    "صندوق",
    "جمعيه",
    "موسسه",
    "نقابه",
    "مستشفي",
];

/// Folded nouns that head a state agency's name only before a definite
/// noun and an adjective of state (see
/// [`Extractor::agency_by_its_adjective`]).
const AGENCY_HEADS: [&str; 2] = ["جهاز", "سلطه"];

/// `AGENCY_HEADS` with a filter, looked up at every token.
static AGENCY_HEAD_LIST: LazyLock<arabic::CliticList> =
    LazyLock::new(|| arabic::CliticList::new(&AGENCY_HEADS));

/// Heads of `INSTITUTION_HEADS` that open a name only before a
/// nationality adjective («الجامعة الأردنية»): after them a definite word
/// is as often the object of a sentence («أعلنت الجامعة المرشحين», the
/// university announced the candidates).
pub(super) const NISBA_HEADS: [&str; 1] = ["الجامعه"];

/// Heads of `INSTITUTION_HEADS` that open a name only before a definite
/// adjective and a complement («الشركة السعودية لهندسة وصناعة الطيران»,
/// «الشركة العامة لموانئ العراق», «العصبة الوطنية لكرة القدم»): with the
/// adjective alone they are "the Chinese company" of the story.
const COMPLEMENTED_HEADS: [&str; 2] = ["الشركه", "العصبه"];

/// Heads of `INSTITUTION_HEADS` that open a company's name only before a
/// name the tagger found or a definite word with a «لل» complement
/// («مجموعة عبدالصمد القرشي», «مجموعة الطيار للسفر والسياحة»): before a
/// definite word alone they name a working group or a set («مجموعة
/// العمل», «مجموعة الدول»).
pub(super) const GROUP_HEADS: [&str; 1] = ["مجموعه"];

/// Folded pairs of a [`DEFINITE_HEADS`] noun and an adjective that name
/// a body with no complement after them: a country's constitutional,
/// supreme and administrative courts, its presidential and legislative
/// councils, the parties named by their creed («المحكمة الدستورية»,
/// «المجلس الرئاسي», «الحزب الجمهوري», «الحزب الدستوري الحر»), where the
/// same head and another adjective describe («اللجنة التنفيذية»,
/// «الحزب الحاكم»).
const NAMED_BY_ADJECTIVE: [(&str, &str); 16] = [
    ("المحكمه", "الدستوريه"),
    ("المحكمه", "العليا"),
    ("المحكمه", "الاتحاديه"),
    ("المحكمه", "الاداريه"),
    ("الحزب", "الدستوري"),
    ("الحزب", "الديمقراطي"),
    ("الحزب", "الجمهوري"),
    ("الحزب", "الشيوعي"),
    ("الحزب", "الاشتراكي"),
    ("الحزب", "الليبرالي"),
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
pub(super) const DEFINITE_HEADS: [&str; 22] = [
    "المجلس",
    "المفوضيه",
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

/// Folded definite adjectives of an institution's standing, reach,
/// zones or aim that have no relational ending, so
/// [`arabic::is_definite_adjective`] misses them: «الهيئة العامة للطيران
/// المدني», «اللجنة العليا للانتخابات», «الهيئة المستقلة للانتخابات»,
/// «المناطق الحرة», «الحزب الدستوري الحر», «جهاز مستقبل مصر للتنمية
/// المستدامة», «الرابطة الوطنية لكرة القدم المحترفة».
pub(super) const RANK_ADJECTIVES: [&str; 15] = [
    "المحترفه",
    "العامله",
    "الموحد",
    "المشترك",
    "الحره",
    "الحر",
    "العامه",
    "العام",
    "العليا",
    "المستقله",
    "الدايمه",
    "الموحده",
    "المشتركه",
    "الخاصه",
    "المستدامه",
];

/// Whether a folded word is a definite adjective that may stand in an
/// institution's name: one with a relational ending, singular or plural
/// («الاتحاد العام للعمال الجزائريين»), or one of [`RANK_ADJECTIVES`].
fn is_naming_adjective(g: &str) -> bool {
    arabic::is_definite_adjective(g)
        || RANK_ADJECTIVES.contains(&g)
        || (g.starts_with("ال")
            && (g.ends_with("يين") || g.ends_with("يون"))
            && g.chars().count() >= 7)
}

/// Folded definite adjectives without a relational ending that may
/// follow a body's genitive («جمعية الهلال الأحمر», «منظمة الأمم
/// المتحدة») besides the shapes [`may_describe`] reads.
const PLAIN_ADJECTIVES: [&str; 16] = [
    "المتحده",
    "المتحد",
    "الاحمر",
    "الاخضر",
    "السريع",
    "الكبير",
    "الكبري",
    "الجديد",
    "الجديده",
    "الحر",
    "الشامل",
    "الشامله",
    "القديم",
    "القديمه",
    "العرب",
    "الرييسه",
];

/// Whether a folded definite word after a body's genitive may describe
/// it: a participle («القوات المسلحة», «السوق المفتوحة»), a colour
/// («الزيتونة الخضراء»), a plural adjective («المتقاعدين العسكريين») or
/// one of [`PLAIN_ADJECTIVES`]. Any other definite noun there is no part
/// of the name: a head in construct takes one genitive («مجلس النواب |
/// الحكومة», the object of «طالبت»).
fn may_describe(g: &str) -> bool {
    g.starts_with("الم")
        || g.ends_with("اء")
        || g.ends_with("ين")
        || g.ends_with("ون")
        || PLAIN_ADJECTIVES.contains(&g)
}

/// Heads whose «و» pairs have rules of their own: a ministry joins only
/// listed portfolios («وزارة الإسكان | والجهات المعنية»), and clubs are
/// named by one definite noun each («نادي الشباب | والفتح»).
const OWN_PAIR_HEADS: [&str; 2] = ["وزاره", "نادي"];

/// Nouns for the parties a body deals with, which «و» joins to a body's
/// name as another party, not as its second genitive («جمعية المصارف |
/// والحكومة اللبنانية», «مجلس النواب | والمجتمع القبلي»).
const PARTY_NOUNS: [&str; 9] = [
    "حكومه",
    "دوله",
    "سلطات",
    "جهات",
    "مستثمر",
    "مستثمرين",
    "شركات",
    "مواطنين",
    "مجتمع",
];

/// `INSTITUTION_HEADS` with a filter, as an article looks up each of its
/// tokens in it.
pub(super) static INSTITUTION_HEAD_LIST: LazyLock<arabic::CliticList> =
    LazyLock::new(|| arabic::CliticList::new(&INSTITUTION_HEADS));

/// Definite words that never continue an institution's name (times,
/// relatives, ordinals: «المركز الثاني» is second place; participles of
/// a sitting or a dissolution, «مجلس النواب | المنعقد في طبرق», and «the
/// concerned»).
pub(super) const NOT_MODIFIERS: [&str; 42] = [
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
    "اللذين",
    "اللتين",
    "اللذان",
    "اللتان",
    "الان",
    "الاسبوع",
    "الشهر",
    "السنه",
    "الاول",
    "الاولي",
    "الاخير",
    "الاخيره",
    "المنعقد",
    "المنعقده",
    "المرتقب",
    "المرتقبه",
    "المنحل",
    "المنحله",
    "المعني",
    "المعنيه",
];

/// Folded titles that open a person's name and so end an institution's
/// name before it («مجلس الوزراء» | «الدكتور عصام شرف»); «الملك» and
/// «الأمير» are not among them, as institutions are named after kings and
/// princes («جامعة الملك سعود»).
pub(super) const PERSONAL_TITLES: [&str; 8] = [
    "الدكتور",
    "الدكتوره",
    "المستشار",
    "المهندس",
    "الاستاذ",
    "الاستاذه",
    "السيد",
    "السيده",
];

/// Folded first words of movements named with a definite word after
/// «حركة» («حركة الشباب», «حركة المقاومة الإسلامية», «حركة النهضة»),
/// where the word is no name the tagger would tag.
pub(super) const MOVEMENT_WORDS: [&str; 7] = [
    "الشباب",
    "المقاومه",
    "النهضه",
    "العدل",
    "الجهاد",
    "التحرير",
    "التغيير",
];

/// Most definite words a union's sector takes after «للعاملين» or
/// «العاملين» (see
/// [`take_workers_sector`]).
const SECTOR_WORDS: usize = 3;

/// Extends a union's name that ends in «للعاملين» ("for the workers")
/// over its sector: «في» or «ب» and a definite noun, and more joined by
/// «و» or described by adjectives («النقابة العامة للعاملين في المناجم
/// والتعدين», «… للعاملين بالغزل والنسيج», «نقابة العاملين في الخطوط
/// الجوية الكويتية»), none in a span. Returns the new end.
fn take_workers_sector(t: &Tagged<'_>, j: usize) -> usize {
    let workers = j > 0 && arabic::strip_article_clitic(&t.infos[j - 1].folded) == "العاملين";
    let free_word = |k: usize, prefix: &str| {
        t.infos.get(k).is_some_and(|w| {
            w.folded.starts_with(prefix)
                && w.folded.chars().count() >= prefix.chars().count() + 2
                && !spanned(&t.spans, k)
        })
    };
    let mut end = if !workers {
        return j;
    } else if t.infos.get(j).is_some_and(|w| w.folded == "في") && free_word(j + 1, "ال") {
        j + 2
    } else if free_word(j, "بال") {
        j + 1
    } else {
        return j;
    };
    while end < j + 1 + SECTOR_WORDS
        && (free_word(end, "وال")
            || (free_word(end, "ال") && arabic::is_definite_adjective(&t.infos[end].folded)))
    {
        end += 1;
    }
    end
}

/// Folded nouns opened by «ل» that head a construct completing an
/// institution's name («الاتحاد اللبناني لكرة القدم», «البنك الأوروبي
/// لإعادة الإعمار», «مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية», «مركز
/// الملك سلمان لأبحاث الإعاقة»). A list, as «ل» also opens what the
/// body does or whom it told («وزارة الخارجية لبحث الملف», «… لوكالة
/// الأنباء»).
pub(super) const COMPLEMENT_NOUNS: [&str; 13] = [
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
/// Every check asks [`COMPLEMENT_NOUNS`] too, so none is listed twice.
const NAMING_COMPLEMENT_NOUNS: [&str; 42] = [
    "لشراء",
    "لنقل",
    "لتوليد",
    "لتصنيع",
    "لتصدير",
    "لضمان",
    "لتامين",
    "لصيانه",
    "لتجاره",
    "لطلبه",
    "لطلاب",
    "لموظفي",
    "لمعلمي",
    "لهندسه",
    "لبحوث",
    "لتنميه",
    "لقمع",
    "لمراقبه",
    "لتقنيه",
    "لصناعه",
    "لخدمات",
    "لمنتجي",
    "لتسويق",
    "لاستغلال",
    "لاستقبال",
    "لاداره",
    "لتوزيع",
    "لانتاج",
    "لتكرير",
    "لتمويل",
    "لنقابات",
    "لعمال",
    "لتنظيم",
    "لمياه",
    "لسكك",
    "لتثمين",
    "لمواني",
    "لزراعه",
    "لامراض",
    "لعلاج",
    "لجراحه",
    "لتاهيل",
];

/// Most indefinite nouns a construct complement («لهندسة | وصناعة |
/// الطيران») takes between its noun and the definite genitive that
/// closes it: see [`Extractor::construct_end`].
const CONSTRUCT_INNER_NOUNS: usize = 2;

/// Most words of an institution's name once «و» has joined a second
/// portfolio to it (Morocco's «وزارة الفلاحة والصيد البحري والتنمية
/// القروية والمياه والغابات» has nine); past a pair, only adjectives and
/// further pairs are taken («… والدعوة والإرشاد» | «الجهد البارز»).
const PORTFOLIO_NAME_WORDS: usize = 9;

/// Folded heads of institutions named by portfolios that «و» joins
/// («وزارة الطاقة والمناجم», «لجنة المال والموازنة»): see
/// [`Extractor::second_of_pair`].
pub(super) const PORTFOLIO_HEADS: [&str; 7] =
    ["وزاره", "كليه", "لجنه", "هييه", "الهييه", "دايره", "سلطه"];

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
pub(super) const PORTFOLIOS: [&str; 85] = [
    "طيران",
    "مجتمعات",
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
    "غاز",
    "بلديات",
    "عدل",
    "تواصل",
    "ترقيه",
    "صادرات",
    "تحول",
    "رقمنه",
    "ابتكار",
    "حمايه",
    "اصلاح",
    "ادماج",
];

/// True for an English place, misc or organisation span right before
/// «Minister» or «Secretary»: the name of a portfolio («Energy
/// Transition Minister Leila Benali», «Second Finance Minister»), not a
/// place or a body. A listed name there («Egypt Minister», «OPEC
/// Secretary») comes back in the gazetteer step that follows.
pub(super) fn is_portfolio(infos: &[TokenInfo], s: &Span) -> bool {
    s.kind != EntityKind::Person
        && infos.get(s.end).is_some_and(|t| {
            t.shape == "Cap" && ["minister", "secretary"].contains(&t.folded.as_str())
        })
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

/// Folded prepositions that, with a pronoun joined or «مع» alone, say
/// the «لل» word before them is what a body does, not its name: «هيئة
/// السياحة للحفاظ عليه», «… للعمل معها», «… للتنسيق مع الجهات».
const PURPOSE_PREPOSITIONS: [&str; 3] = ["علي", "مع", "عن"];

/// Folded pronouns joined to a preposition (after «علي», «على» is written
/// «عليه», so the «ي» is part of the preposition).
const JOINED_PRONOUNS: [&str; 8] = ["ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم"];

/// Folded plural, dual and first- and second-person pronouns joined to
/// a word: such a word is what a verb or a preposition governs, never a
/// word of a body's name.
const OBJECT_PRONOUNS: [&str; 5] = ["هم", "ها", "هما", "كم", "نا"];

/// Whether token `j`, opened by «لل» or «وال», is a verbal noun of what
/// a body does rather than part of its name: the next word is «مع», a
/// preposition with a pronoun joined ([`PURPOSE_PREPOSITIONS`]), «على»
/// after a noun that does not govern it in names ([`GOVERN_ALA`]: «…
/// للحصول على»), unless a pronoun ends its object, as a verb before
/// the name governs it («شكره للاتحاد السعودي للألعاب على دعمهم»), or
/// «من» («… للحد من»; not «للوقاية من», as in «المركز الوطني للوقاية من
/// الأمراض»). These two count after «لل» only: «… والصيد من الصيد
/// الجائر» is the name and what it warned of.
fn is_purpose_clause(infos: &[TokenInfo], j: usize) -> bool {
    let noun = infos[j].folded.as_str();
    (noun.starts_with("لل") || noun.starts_with("وال"))
        && infos.get(j + 1).is_some_and(|w| {
            let f = w.folded.as_str();
            f == "مع"
                || (f == "علي"
                    && noun.starts_with("لل")
                    && !GOVERN_ALA.contains(&noun)
                    && !infos
                        .get(j + 2)
                        .is_some_and(|o| OBJECT_PRONOUNS.iter().any(|p| o.folded.ends_with(p))))
                || (f == "من" && noun.starts_with("لل") && noun != "للوقايه")
                || PURPOSE_PREPOSITIONS.iter().any(|p| {
                    f.strip_prefix(p)
                        .is_some_and(|rest| JOINED_PRONOUNS.contains(&rest))
                })
        })
}

/// Folded participles, without the article and the feminine ending,
/// that govern a preposition and so describe a body rather than name it
/// (see [`is_governing_participle`]).
const GOVERNING_PARTICIPLES: [&str; 16] = [
    "مسوول",
    "معني",
    "مختص",
    "متخصص",
    "مكلف",
    "خاضع",
    "تابع",
    "مشرف",
    "مدعوم",
    "معتمد",
    "موافق",
    "مسيطر",
    "منبثق",
    "مرتبط",
    "مقرب",
    "موالي",
];

/// Whether token `j` is a definite participle governing what follows
/// it ([`GOVERNING_PARTICIPLES`]), which describes a body rather than
/// names it: «لجنة السوق المفتوحة | المسؤولة عن …», «الجيش | الخاضعة
/// لسيطرتهم», «قرر مجلس الوزراء | الموافقة على». What it governs is
/// «عن», «على», «من», a word opened by «ب» but not «بال», or an «ل» word
/// ending in a plural or feminine pronoun.
fn is_governing_participle(infos: &[TokenInfo], j: usize) -> bool {
    let Some(stem) = infos[j].folded.strip_prefix("ال") else {
        return false;
    };
    let stem = stem.strip_suffix('ه').unwrap_or(stem);
    GOVERNING_PARTICIPLES.contains(&stem)
        && infos.get(j + 1).is_some_and(|w| {
            let f = w.folded.as_str();
            ["عن", "علي", "من", "لدي"].contains(&f)
                || (f.starts_with('ب') && !f.starts_with("بال") && f.chars().count() >= 4)
                || (f.starts_with('ل')
                    && !f.starts_with("لل")
                    && ["هم", "ها", "هما", "هن"].iter().any(|p| f.ends_with(p)))
                || (AFFILIATION_PARTICIPLES.contains(&stem) && f.starts_with('ل'))
        })
}

/// Participles of [`GOVERNING_PARTICIPLES`] that tie a body to the one
/// it belongs to, after which «ل» opens that other body («الجامعة العامة
/// للمناجم | التابعة للاتحاد العام التونسي للشغل»).
const AFFILIATION_PARTICIPLES: [&str; 3] = ["تابع", "خاضع", "منبثق"];

/// Whether a folded word is a definite participle of
/// [`AFFILIATION_PARTICIPLES`] («التابعة», «المنبثق»): an organisation
/// span holding one before «ل» is two bodies.
pub(super) fn is_affiliation(f: &str) -> bool {
    f.strip_prefix("ال")
        .map(|stem| stem.strip_suffix('ه').unwrap_or(stem))
        .is_some_and(|stem| AFFILIATION_PARTICIPLES.contains(&stem))
}

/// Whether a folded word is «و» and an institution's head noun, with the
/// article or not, opening a second institution after a first («جامعة
/// بيرزيت وجامعة الخليل», «بنك الاستثمار الأوروبي والصندوق العربي
/// للإنماء»).
pub(super) fn opens_another_institution(f: &str) -> bool {
    f.strip_prefix('و').is_some_and(|rest| {
        INSTITUTION_HEADS.contains(&rest)
            || rest
                .strip_prefix("ال")
                .is_some_and(|bare| INSTITUTION_HEADS.contains(&bare))
    })
}

/// The most words of a company's name taken after its noun.
const COMPANY_NAME_WORDS: usize = 3;

impl Extractor {
    /// Tags as an organisation the name right after a company's noun
    /// (`article::COMPANY_HEADS`, clitics allowed) that the tagger left
    /// untagged:
    /// up to [`COMPANY_NAME_WORDS`] words with no article, no clitic and
    /// no feminine or plural ending, that are not common in ANERcorp train nor very
    /// frequent in general text, not a given name, look like a name by
    /// their letters and are no people's adjective («شركة انرون
    /// الامريكية», «شركة متسوبيشي», a foreign name; not «شركة تابعة»,
    /// «شركة أمريكية», «شركة تعمل», «مجموعة غير», «مجموعة كيانات»). Up to
    /// as many words of any look with no article, clitic or stopword are
    /// the name when a legal form (`article::COMPANY_FORMS`) closes them:
    /// «مجموعة سيرا القابضة», where «سيرا» is also a word. The noun
    /// stays out, as in ANERcorp; [`Extractor::add_institutions`] then
    /// takes it in for the article's pane.
    pub(super) fn name_after_company_noun(&self, infos: &[TokenInfo], spans: &mut Vec<Span>) {
        let place_stem = |x: &str| self.gaz.is_place_stem(x);
        let name_word = |t: &TokenInfo| {
            let f = t.folded.as_str();
            t.stem_at == 0
                && f.chars().count() >= 3
                && f.chars().all(tokenize::is_arabic_char)
                && !f.ends_with('ه')
                && !f.ends_with("ات")
                && !arabic::is_definite(f)
                && !t.first_name
                && self.is_uncommon(f)
                && !self.gaz.is_stopword(f)
                && t.name_class.is_some_and(|c| c >= 3)
                && !["ي", "يه"]
                    .iter()
                    .any(|e| f.strip_suffix(e).is_some_and(place_stem))
        };
        let covered = |k: usize| spans.iter().any(|s| s.holds(k));
        let plain_word = |t: &TokenInfo| {
            let f = t.folded.as_str();
            t.stem_at == 0
                && f.chars().count() >= 2
                && f.chars().all(tokenize::is_arabic_char)
                && !arabic::is_definite(f)
                && !self.gaz.is_stopword(f)
        };
        let mut added = Vec::new();
        for i in 0..infos.len().saturating_sub(1) {
            let f = infos[i].folded.as_str();
            if !COMPANY_HEADS.iter().any(|n| f.ends_with(n))
                || !arabic::listed_with_clitic(f, |w| COMPANY_HEADS.contains(&w))
                || covered(i + 1)
            {
                continue;
            }
            let form = (i + 2..infos.len().min(i + 2 + COMPANY_NAME_WORDS))
                .take_while(|&k| !covered(k))
                .find(|&k| COMPANY_FORMS.contains(&infos[k].folded.as_str()))
                .filter(|&k| infos[i + 1..k].iter().all(plain_word));
            if let Some(k) = form {
                added.push(Span {
                    start: i + 1,
                    end: k,
                    kind: EntityKind::Org,
                });
                continue;
            }
            if !name_word(&infos[i + 1]) {
                continue;
            }
            let mut end = i + 2;
            while end < infos.len()
                && end - i - 1 < COMPANY_NAME_WORDS
                && !covered(end)
                && name_word(&infos[end])
            {
                end += 1;
            }
            added.push(Span {
                start: i + 1,
                end,
                kind: EntityKind::Org,
            });
        }
        if !added.is_empty() {
            spans.extend(added);
            spans.sort_by_key(|s| s.start);
        }
    }

    /// Starts an organisation span with no gazetteer id at a definite
    /// head (`INSTITUTION_HEADS`) right after its first word when that
    /// word opens the sentence, has four letters at most and is no name,
    /// head or trigger: such a verb («طالب | الاتحاد التونسي للفلاحة»,
    /// "demanded") belongs to no body, where a longer noun may open one
    /// («طيران الاتحاد»).
    fn drop_words_before_heads(&self, t: &mut Tagged<'_>) {
        let infos = &t.infos;
        for (s, id) in t.spans.iter_mut() {
            let (Some(first), Some(head)) = (infos.get(s.start), infos.get(s.start + 1)) else {
                continue;
            };
            let before_head = s.kind == EntityKind::Org
                && id.is_none()
                && s.end - s.start >= 2
                && head.folded.starts_with("ال")
                && INSTITUTION_HEADS.contains(&head.folded.as_str());
            if !before_head {
                continue;
            }
            let f = first.folded.as_str();
            let opens_sentence = s.start == 0 || infos[s.start - 1].shape == "punct";
            let word = opens_sentence
                && f.chars().count() <= 4
                && !arabic::is_definite(f)
                && first.stem_at == 0
                && first.seen.is_none()
                && !first.dict_name
                && !first.first_name
                && first.gaz.is_none()
                && self.gaz.trigger(f).is_none()
                && !self.gaz.is_title(f)
                && !INSTITUTION_HEAD_LIST.holds(f)
                && !PLACE_BODY_HEAD_LIST.holds(f)
                && f.chars().all(tokenize::is_arabic_char);
            if word {
                s.start += 1;
            }
        }
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
    /// عبدالله الوابلي» the board's, named, and so is a place before a
    /// given name: «رئيس جامعة صفاقس منير الطرابلسي» (a definite word the tagger took
    /// for a person still joins: «الجيش الروسي», and so does one after a
    /// title: «مركز الملك عبدالله للحوار»). A legal form («القابضة») ends
    /// the name: «شركة سيرا القابضة | العقد». A
    /// Latin name after the head stands alone (see
    /// [`super::article::settle_kinds`]). Last, every organisation ending
    /// in «للعاملين» takes its sector ([`take_workers_sector`]).
    pub(super) fn add_institutions(&self, t: &mut Tagged<'_>) {
        self.drop_words_before_heads(t);
        let n = t.infos.len();
        let mut i = 0;
        while i < n {
            let f = t.infos[i].folded.as_str();
            let fixed_end = self
                .construct_before_place(t, i)
                .or_else(|| chamber_end(t, i))
                .or_else(|| service_end(t, i))
                .or_else(|| self.agency_by_its_adjective(t, i));
            let head = INSTITUTION_HEAD_LIST.holds(f)
                || self.heads_international_body(t, i)
                || heads_department(t, i)
                || self.opens_with_complement(t, i)
                || fixed_end.is_some();
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
                let adjective = |k: usize| {
                    t.infos.get(k).is_some_and(|w| {
                        arabic::is_definite_adjective(&w.folded)
                            || ["العامه", "العام"].contains(&w.folded.as_str())
                    })
                };
                let complemented = || {
                    let after = (j..j + 3).find(|&k| !adjective(k)).unwrap_or(j + 3);
                    after > j
                        && t.infos.get(after).is_some_and(|w| {
                            let g = w.folded.as_str();
                            g.starts_with("لل")
                                || COMPLEMENT_NOUNS.contains(&g)
                                || NAMING_COMPLEMENT_NOUNS.contains(&g)
                        })
                };
                let unnamed = (NISBA_HEADS.contains(&bare_head.as_ref())
                    && !next.is_some_and(|w| arabic::is_nisba(&w.folded, &place_stem)))
                    || (COMPLEMENTED_HEADS.contains(&bare_head.as_ref()) && !complemented());
                let bare_group = GROUP_HEADS.contains(&bare_head.as_ref())
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
            // A definite head takes no definite genitive («للنادي | الشكر»),
            // but «للجنة» is also «ل» + «لجنة», in construct with one.
            let article_head = definite_head
                && !arabic::listed_with_clitic(f, |w| {
                    !w.starts_with("ال") && INSTITUTION_HEADS.contains(&w)
                });
            let mut after_adjective = j > i + 1 && is_naming_adjective(&t.infos[j - 1].folded);
            let mut after_pair = false;
            let mut after_complement = false;
            let mut after_place = j > i + 1 && self.gaz.is_one_word_place(&t.infos[j - 1].folded);
            while j < n && j - i <= if after_pair { PORTFOLIO_NAME_WORDS } else { 3 } {
                if j == i + 1
                    && let Some(end) = fixed_end
                {
                    j = self.naming_adjectives_end(t, i, end);
                    break;
                }
                let g = t.infos[j].folded.as_str();
                if opens_another_institution(g)
                    || is_year_phrase(&t.infos, j)
                    || is_purpose_clause(&t.infos, j)
                    || is_governing_participle(&t.infos, j)
                    || (definite_head && j == i + 1 && self.gaz.is_title(g))
                {
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
                if j == i + 1 && !definite_head {
                    let nouns = self.nouns_in_construct(t, i);
                    if nouns > 0 {
                        j += nouns;
                        continue;
                    }
                    if self.name_before_complement(t, j) {
                        j += 1;
                        continue;
                    }
                }
                if let Some((s, _)) = t.spans.iter().find(|(s, _)| s.start == j && s.end <= i + 4) {
                    let place_after = s.kind == EntityKind::Place
                        && (g.starts_with("بال")
                            || g.starts_with("وال")
                            || ((j > i + 1 || definite_head)
                                && (g.starts_with('ب') || g.starts_with('و'))));
                    let closed = definite_head
                        || (j > i + 1
                            && definite_at(j - 1)
                            && !self.gaz.is_title(&t.infos[j - 1].folded));
                    let person_apart = (closed || (after_place && t.infos[j].first_name))
                        && s.kind == EntityKind::Person
                        && !definite_at(j);
                    if place_after || person_apart {
                        break;
                    }
                    // After a definite name only adjectives and «لل»
                    // complements go on («متحف اللوفر | القطع الأثرية»);
                    // after an indefinite one its genitive does («قناة
                    // ليبيا الأحرار»).
                    after_adjective |=
                        definite_at(s.end - 1) && !is_naming_adjective(&t.infos[s.end - 1].folded);
                    after_place = s.kind == EntityKind::Place;
                    j = s.end;
                    continue;
                }
                if COMPANY_FORMS.contains(&g) {
                    j += 1;
                    break;
                }
                // «إلغاء» folds to «الغاء»: the hamza tells it from the
                // article («لجنة الانضباط | إلغاء النتيجة»).
                let definite = (g.starts_with("ال") || g.starts_with("لل"))
                    && g.chars().count() >= 4
                    && !t.tokens[j].starts_with('إ');
                let adjective = g.ends_with('ي')
                    || g.ends_with("يه")
                    || RANK_ADJECTIVES.contains(&g)
                    || NAMED_BY_ADJECTIVE.iter().any(|(_, a)| *a == g);
                if j > i + 1 {
                    let pair = self.second_of_pair(&t.infos[i], &t.infos[j - 1], g)
                        || (!definite_head && self.second_genitive(t, i, j))
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
                    || (article_head && j == i + 1 && g.starts_with("ال") && !adjective)
                    || (!definite_head
                        && j == i + 2
                        && definite
                        && !adjective
                        && !may_describe(g)
                        && definite_at(i + 1)
                        && !is_naming_adjective(&t.infos[i + 1].folded)
                        && !spanned(&t.spans, j))
                {
                    break;
                }
                after_complement |= g.starts_with("لل");
                after_adjective |= adjective;
                j += 1;
            }
            // A place of three words fills the name's word budget; the
            // naming adjectives after it still belong to the body
            // («مصرف الإمارات العربية المتحدة المركزي | سعر الفائدة»).
            if j > i + 1
                && t.spans
                    .iter()
                    .any(|(s, _)| s.end == j && s.kind == EntityKind::Place)
            {
                j = self.naming_adjectives_end(t, i, j);
            }
            let complement = |g: &str| {
                g.starts_with("لل")
                    && g.chars().count() >= 4
                    && !NOT_MODIFIERS.contains(&g)
                    && !self.gaz.is_stopword(g)
            };
            let free = |k: usize| !spanned(&t.spans, k);
            // A body named after a person is named as a definite head is:
            // «مركز حامد العيسى لزراعة الأعضاء».
            let after_person = t
                .spans
                .iter()
                .any(|(s, _)| s.kind == EntityKind::Person && s.start == i + 1 && s.end == j);
            let construct = |k: usize| {
                let g = t.infos[k].folded.as_str();
                if COMPLEMENT_NOUNS.contains(&g)
                    || ((definite_head || after_person) && NAMING_COMPLEMENT_NOUNS.contains(&g))
                {
                    self.construct_end(t, k, free)
                } else {
                    None
                }
            };
            let construct_len = (j < n && j > i + 1 && free(j))
                .then(|| construct(j))
                .flatten();
            let complement_len = if let Some(end) = construct_len {
                end - j
            } else if j < n
                && complement(&t.infos[j].folded)
                && free(j)
                && !is_year_phrase(&t.infos, j)
                && !is_purpose_clause(&t.infos, j)
            {
                1
            } else {
                0
            };
            if complement_len > 0 {
                j = self.naming_adjectives_end(t, i, j + complement_len);
            }
            j = self.take_coordinated_complements(t, i, j);
            j = self.take_mission_place(t, i, j);
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
            let bank = arabic::listed_with_clitic(f, |w| BANK_HEADS.contains(&w));
            let blocked = overlapping.iter().any(|&k| {
                let (s, id) = t.spans[k];
                let international = s.start == i + 1 && self.is_international_body(t, &s, id);
                // «البنك الأهلي المتحد» is a bank, not Al Ahly's club: a
                // listed one-word name that is an adjective joins a bank's.
                let club_word =
                    bank && s.end == s.start + 1 && is_naming_adjective(&t.infos[s.start].folded);
                s.start < cand.start
                    || s.end > cand.end
                    || (id.is_some() && s.kind != EntityKind::Place && !international && !club_word)
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
        for k in 0..t.spans.len() {
            let (s, id) = t.spans[k];
            if s.kind == EntityKind::Org && id.is_none() {
                t.spans[k].0.end = take_workers_sector(t, s.end);
            }
        }
    }

    /// Where the place ends when token `i` is an indefinite institution's
    /// head (one of [`INSTITUTION_HEADS`] or [`PLACE_BODY_HEADS`], clitics
    /// allowed) followed by one indefinite noun in construct and a place:
    /// «شركة نفط البصرة», «مجلس مدينة حلب», «غرفة تجارة حلب». The body is
    /// named after the place, so the words are one organisation, to which
    /// `add_institutions` adds the naming adjectives after it («سلطة
    /// منطقة العقبة الاقتصادية الخاصة»). A [`PLACE_BODY_HEADS`] noun also
    /// takes a listed place right after it («بلدية الخليل», «غرفة جدة»),
    /// as the heads of [`INSTITUTION_HEADS`] already do.
    ///
    /// The noun has no clitic, no span holds it, and it does not look
    /// like a verb in the present («شركة تملك …»): an opening «ت» is a
    /// verbal noun's only with «ة» at the end or «ي» before the last
    /// letter («تجارة», «تأمين»). The place carries no clitic, neither
    /// one the stemmer strips («بالموصل») nor one before a listed
    /// one-word place («لبالتيمور»), and is no ambiguous word («غرفة
    /// نوم», a bedroom, not Nome's chamber).
    fn construct_before_place(&self, t: &Tagged<'_>, i: usize) -> Option<usize> {
        let f = t.infos[i].folded.as_str();
        let place_body = PLACE_BODY_HEAD_LIST.holds(f);
        if !(place_body || INSTITUTION_HEAD_LIST.holds(f))
            || arabic::is_definite(&arabic::strip_article_clitic(f))
        {
            return None;
        }
        let place_at = |k: usize| {
            t.spans
                .iter()
                .find(|(s, _)| s.start == k && s.kind == EntityKind::Place && s.end <= i + 5)
                .filter(|(s, _)| {
                    let w = t.infos[k].folded.as_str();
                    let one_word_place = |x: &str| self.gaz.is_one_word_place(x);
                    let clitic = arabic::after_prefixes(w)
                        .any(|r| r.chars().count() >= 3 && one_word_place(r));
                    no_clitic_but_article(&t.infos[k])
                        && !clitic
                        && !self.is_ambiguous_word(&t.infos, s)
                })
        };
        if place_body && let Some((s, Some(_))) = place_at(i + 1) {
            return Some(s.end);
        }
        let noun = t.infos.get(i + 1)?;
        let g = noun.folded.as_str();
        let letters: Vec<char> = g.chars().collect();
        let verbal_noun =
            |w: &[char]| w.last() == Some(&'ه') || (w.len() >= 5 && w[w.len() - 2] == 'ي');
        let plain = noun.stem_at == 0
            && letters.len() >= 3
            && !g.starts_with('ي')
            && (!g.starts_with('ت') || verbal_noun(&letters))
            && !arabic::is_definite(g)
            && !INSTITUTION_HEADS.contains(&g)
            && !self.gaz.is_stopword(g)
            && !self.gaz.is_title(g)
            && !spanned(&t.spans, i)
            && !spanned(&t.spans, i + 1);
        if !plain {
            return None;
        }
        place_at(i + 2).map(|(s, _)| s.end)
    }

    /// Where the naming adjectives that no span holds end from token `j`
    /// of an institution's name opened at `i`, six words into it at most
    /// («… للطيران المدني», «… العقبة الاقتصادية الخاصة»), but not «العام»
    /// of a time phrase («… المركزي | العام الماضي»).
    fn naming_adjectives_end(&self, t: &Tagged<'_>, i: usize, mut j: usize) -> usize {
        while j < t.infos.len() && j - i <= 6 && !spanned(&t.spans, j) {
            let g = t.infos[j].folded.as_str();
            if !is_naming_adjective(g)
                || NOT_MODIFIERS.contains(&g)
                || self.gaz.is_stopword(g)
                || is_year_phrase(&t.infos, j)
            {
                break;
            }
            j += 1;
        }
        j
    }

    /// Where an agency ends when token `i` is «جهاز» or «سلطة» (clitics
    /// allowed) before a definite noun and an adjective that only a
    /// state's body takes: a nationality adjective, one of
    /// [`RANK_ADJECTIVES`] or «الوطني» («جهاز الاستثمار العماني», «جهاز
    /// المخابرات العامة», «سلطة النقد الفلسطينية»). Before a definite
    /// noun alone they are a device or a power («جهاز الكمبيوتر», «سلطة
    /// القانون»). No span may hold the two words after it.
    fn agency_by_its_adjective(&self, t: &Tagged<'_>, i: usize) -> Option<usize> {
        let f = t.infos[i].folded.as_str();
        if !AGENCY_HEAD_LIST.holds(f) {
            return None;
        }
        let noun = t.infos.get(i + 1)?.folded.as_str();
        let adjective = t.infos.get(i + 2)?.folded.as_str();
        let place_stem = |x: &str| self.gaz.is_place_stem(x);
        let of_state = arabic::is_nisba(adjective, &place_stem)
            || RANK_ADJECTIVES.contains(&adjective)
            || ["الوطني", "الوطنيه"].contains(&adjective);
        let free = !spanned(&t.spans, i + 1) && !spanned(&t.spans, i + 2);
        (arabic::is_definite(noun)
            && !arabic::is_definite_adjective(noun)
            && !self.gaz.is_stopword(noun)
            && of_state
            && free)
            .then_some(i + 3)
    }

    /// Whether token `i` is one of [`DEFINITE_HEADS`] (clitics allowed)
    /// before a definite adjective and a people's adjective («المجلس
    /// الصحي السعودي»), or before one or two definite adjectives and a «لل» complement
    /// («المفوضية العليا المستقلة للانتخابات»), or a
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
        if NAMED_BY_ADJECTIVE.contains(&(head.as_ref(), adjective.folded.as_str())) && !held(i + 1)
        {
            return true;
        }
        if !DEFINITE_HEADS.contains(&head.as_ref()) {
            return false;
        }
        let place_stem = |x: &str| self.gaz.is_place_stem(x);
        let national = || {
            t.infos
                .get(i + 2)
                .is_some_and(|g| arabic::is_nisba(&g.folded, &place_stem) && modifier(&g.folded))
        };
        if is_naming_adjective(&adjective.folded)
            && national()
            && !arabic::is_nisba(&adjective.folded, &place_stem)
            && modifier(&adjective.folded)
            && !held(i + 1)
            && !held(i + 2)
        {
            return true;
        }
        let second_adjective = t.infos.get(i + 2).is_some_and(|g| {
            is_naming_adjective(&g.folded)
                && modifier(&g.folded)
                && t.infos
                    .get(i + 3)
                    .is_some_and(|c| c.folded.starts_with("لل"))
        });
        let c = if second_adjective { i + 3 } else { i + 2 };
        let Some(complement) = t.infos.get(c) else {
            return false;
        };
        let noun = complement.folded.as_str();
        let in_construct = (NAMING_COMPLEMENT_NOUNS.contains(&noun)
            || COMPLEMENT_NOUNS.contains(&noun))
            && self
                .construct_end(t, c, |k| !held(k))
                .is_some_and(|end| modifier(&t.infos[end - 1].folded));
        ((complement.folded.starts_with("لل") && complement.folded.chars().count() >= 5)
            || in_construct)
            && is_naming_adjective(&adjective.folded)
            && modifier(&adjective.folded)
            && modifier(&complement.folded)
            && (i + 1..=c).all(|k| !held(k))
    }

    /// Where the construct opened at `k` by a complement noun ends: after
    /// the definite genitive that closes it, right after the noun or
    /// after up to [`CONSTRUCT_INNER_NOUNS`] indefinite nouns, bare or
    /// joined by «و» («لهندسة وصناعة الطيران», «لاستقبال وإعادة إدماج
    /// اللاجئين», «لإدارة مخيمات النازحين»), or a listed place in a span
    /// («لنقابات عمال الأردن»). No other word is a stopword or taken
    /// (`free` tells).
    fn construct_end(
        &self,
        t: &Tagged<'_>,
        k: usize,
        free: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let usable = |m: usize| {
            t.infos.get(m).is_some_and(|w| {
                free(m)
                    && !self.gaz.is_stopword(&w.folded)
                    && w.folded.chars().all(tokenize::is_arabic_char)
            })
        };
        let mut m = k + 1;
        while m <= k + CONSTRUCT_INNER_NOUNS
            && usable(m)
            && !t.infos[m].folded.starts_with("ال")
            && !t.infos[m].folded.starts_with("لل")
            && !t.infos[m].folded.starts_with("وال")
            && t.infos[m].folded.chars().count() >= 4
        {
            m += 1;
        }
        // A country may close the construct: «لنقابات عمال | الأردن»,
        // «لعمال | السودان», «لسكك حديد | مصر».
        let country = t.spans.iter().any(|(s, id)| {
            (s.start, s.end) == (m, m + 1) && s.kind == EntityKind::Place && id.is_some()
        });
        let closes = t.infos.get(m).is_some_and(|w| {
            !self.gaz.is_stopword(&w.folded) && w.folded.chars().all(tokenize::is_arabic_char)
        }) && (free(m) && arabic::is_definite(&t.infos[m].folded) || country);
        closes.then_some(m + 1)
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
                && !is_purpose_clause(&t.infos, j)
                && !INSTITUTION_HEAD_LIST.holds(g)
                && !DEFINITE_HEADS.contains(&bare.as_ref());
            if !(continues || is_naming_adjective(g))
                || NOT_MODIFIERS.contains(&bare.as_ref())
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
    /// Whether token `j` is a second genitive joined by «و» to the
    /// definite genitive of the indefinite head at `i`, right after it
    /// or after its adjective: «هيئة الأوراق المالية والسلع», «لجنة
    /// الانضباط والأخلاق». Not a body's head («مجلس الوزراء |
    /// والبرلمان»), an adjective, a word of a listed name or one a span
    /// holds.
    fn second_genitive(&self, t: &Tagged<'_>, i: usize, j: usize) -> bool {
        let genitive = &t.infos[i + 1].folded;
        let after_genitive =
            j == i + 2 || (j == i + 3 && arabic::is_definite_adjective(&t.infos[i + 2].folded));
        let g = t.infos[j].folded.as_str();
        let Some(definite) = g.strip_prefix('و') else {
            return false;
        };
        let Some(rest) = definite.strip_prefix("ال") else {
            return false;
        };
        let head = arabic::strip_article_clitic(&t.infos[i].folded);
        after_genitive
            && !OWN_PAIR_HEADS.iter().any(|h| head.ends_with(h))
            && t.infos[i + 1].gaz.is_none()
            && arabic::is_definite(genitive)
            && !arabic::is_definite_adjective(genitive)
            && rest.chars().count() >= 3
            && !arabic::is_definite_adjective(definite)
            && !INSTITUTION_HEAD_LIST.holds(rest)
            && !INSTITUTION_HEAD_LIST.holds(definite)
            && !PARTY_NOUNS.contains(&rest)
            && !self.gaz.is_stopword(g)
            && !NOT_MODIFIERS.contains(&g)
            && t.infos[j].gaz.is_none()
            && !spanned(&t.spans, j)
    }

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

    /// Whether token `i` is one of [`BODY_OF_BODY_HEADS`] (clitics
    /// allowed) right before an international organisation's name
    /// ([`INTERNATIONAL_BODIES`]).
    fn heads_international_body(&self, t: &Tagged<'_>, i: usize) -> bool {
        arabic::listed_with_clitic(&t.infos[i].folded, |w| BODY_OF_BODY_HEADS.contains(&w))
            && t.spans
                .iter()
                .any(|(s, id)| s.start == i + 1 && self.is_international_body(t, s, *id))
    }

    /// Where the name `i..j` of an international organisation's body
    /// («بعثة الأمم المتحدة …») ends when the country it serves follows:
    /// after «في» («… للدعم في ليبيا») or an «ل» noun of purpose
    /// («بعثة الأمم المتحدة لمساعدة العراق»), a listed place is part of
    /// the name.
    fn take_mission_place(&self, t: &Tagged<'_>, i: usize, j: usize) -> usize {
        let body = t
            .spans
            .iter()
            .any(|(s, id)| s.start == i + 1 && s.end <= j && self.is_international_body(t, s, *id));
        let Some(w) = t.infos.get(j).filter(|_| body) else {
            return j;
        };
        let purpose = w.folded.starts_with('ل')
            && !w.folded.starts_with("لل")
            && w.folded.chars().count() >= 4;
        if w.folded != "في" && !purpose {
            return j;
        }
        t.spans
            .iter()
            .find(|(s, id)| s.start == j + 1 && s.kind == EntityKind::Place && id.is_some())
            .map_or(j, |(s, _)| s.end)
    }

    /// Whether span `s` is one of [`INTERNATIONAL_BODIES`] by its
    /// gazetteer entry, written with no preposition joined to it, whose
    /// name a head before it may take in («مفوضية الأمم المتحدة …»; not
    /// «لجنة للأمم المتحدة», a committee for the UN).
    fn is_international_body(&self, t: &Tagged<'_>, s: &Span, id: Option<usize>) -> bool {
        !opened_by_particle_and_article(&t.infos[s.start])
            && id
                .and_then(|k| self.gaz.entry(k))
                .is_some_and(|e| INTERNATIONAL_BODIES.contains(&e.id.as_str()))
    }

    /// How many indefinite nouns in construct (one or two) stand between
    /// one of [`CONSTRUCT_HEADS`] at `i` and a definite noun that names
    /// the body with them: «هيئة تنشيط السياحة», «هيئة أسواق المال»,
    /// «هيئة تنظيم قطاع الاتصالات», «جمعية حماية المستهلك», «نقابة أصحاب
    /// الأفران», «مستشفى شهداء الأقصى»; 0 when none
    /// do. A place's noun (`noise::PLACE_NOUNS`) and the tagged
    /// place after it count as words of the name too: «هيئة تطوير منطقة
    /// عسير», «… منطقة المدينة المنورة». No word is a common word of the training text or in a span,
    /// and the nouns have no clitic («هيئة لتنظيم …» is what a body is
    /// for), no pronoun joined and no adjective's ending («جمعية خيرية»,
    /// «هيئة إشرافية»; a verbal noun's «تنمية», «حماية» pass).
    fn nouns_in_construct(&self, t: &Tagged<'_>, i: usize) -> usize {
        if !arabic::listed_with_clitic(&t.infos[i].folded, |w| CONSTRUCT_HEADS.contains(&w)) {
            return 0;
        }
        let noun = |k: usize| {
            t.infos.get(k).is_some_and(|w| {
                let n = w.folded.as_str();
                n.chars().count() >= 3
                    && n.chars().all(tokenize::is_arabic_char)
                    && !arabic::is_definite(n)
                    && !n.starts_with(['و', 'ل', 'ف', 'ب'])
                    && !arabic::FREE_PREPOSITIONS.contains(&n)
                    && !self.gaz.is_one_word_place(n)
                    && !OBJECT_PRONOUNS.iter().any(|p| n.ends_with(p))
                    && !(n.ends_with("يه") && !n.ends_with("ايه") && !n.starts_with('ت'))
                    && !self.gaz.is_stopword(n)
                    && !spanned(&t.spans, k)
            })
        };
        let genitive = |k: usize| {
            t.infos.get(k).is_some_and(|w| {
                arabic::is_definite(&w.folded)
                    && !self.gaz.is_stopword(&w.folded)
                    && !NOT_MODIFIERS.contains(&w.folded.as_str())
                    && !spanned(&t.spans, k)
            })
        };
        let place_end = |k: usize| {
            t.spans
                .iter()
                .find(|(s, _)| s.start == k && s.kind == EntityKind::Place)
                .map(|(s, _)| s.end)
        };
        let division = |k: usize| {
            t.infos
                .get(k)
                .is_some_and(|w| PLACE_NOUNS.contains(&w.folded.as_str()))
        };
        if noun(i + 1) && division(i + 2) {
            let place =
                place_end(i + 2).or_else(|| place_end(i + 3).filter(|_| !spanned(&t.spans, i + 2)));
            if let Some(end) = place {
                return end - i - 1;
            }
        }
        match (noun(i + 1), noun(i + 2)) {
            (true, _) if genitive(i + 2) => 1,
            (true, true) if genitive(i + 3) => 2,
            _ => 0,
        }
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

    /// Splits an organisation span that runs on past the gazetteer
    /// organisation of two words or more opening it into a person's name:
    /// «لدى منظمة التعاون الإسلامي اليغ ازيروف» is the organisation, then
    /// its envoy (a company's name is left alone, as its products follow
    /// it: «سامسونج جلاكسي»). The rest must be two words or more, one of
    /// them name-like ([`looks_like_name`]), none a common word of the
    /// training text, a definite adjective or opened by «لل» or «و», which
    /// would continue the organisation («… للتربية والعلم»).
    pub(super) fn end_at_known_org(
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
    pub(super) fn continues_org(&self, t: &TokenInfo) -> bool {
        t.folded.starts_with("لل")
            || t.folded.starts_with('و')
            || arabic::is_definite_adjective(&t.folded)
            || self.common.contains(t.folded.as_str())
    }

    /// Whether token `j`, right after an indefinite head, is a one-word
    /// name a «لل» complement follows: no span, clitic or article, not
    /// common in ANERcorp train nor very frequent in general text, no
    /// stopword or adjective («تعاونية إمراجن للصيد التقليدي», named
    /// after its village; not «شركة جديدة للطاقة»).
    fn name_before_complement(&self, t: &Tagged<'_>, j: usize) -> bool {
        let w = &t.infos[j];
        let f = w.folded.as_str();
        !spanned(&t.spans, j)
            && w.stem_at == 0
            && !f.starts_with("ال")
            && !f.ends_with('ي')
            && !f.ends_with("يه")
            && f.chars().count() >= 4
            && f.chars().all(tokenize::is_arabic_char)
            && self.is_uncommon(f)
            && !self.gaz.is_stopword(f)
            && t.infos
                .get(j + 1)
                .is_some_and(|c| c.folded.starts_with("لل") && c.folded.chars().count() >= 5)
    }

    /// Starts a person span of three words or more after a gazetteer
    /// organisation that opens it, and returns that organisation as a
    /// span of its own: «مدير عام سونلغاز مراد بلقاسمي» names the company,
    /// then its chief, whom the tagger ran into one person. The name must
    /// open with a given name, or a compound one in «… الدين» («لسوناطراك
    /// نور الدين بوسعدي»). An unlisted employer opened by «ل» after a job
    /// title is cut off too ([`Self::employer_after_title`]).
    pub(super) fn start_after_known_org(
        &self,
        infos: &[TokenInfo],
        matches: &[GazMatch],
        s: &mut Span,
    ) -> Option<Span> {
        if s.kind != EntityKind::Person {
            return None;
        }
        let opens_name =
            |k: usize| infos[k].first_name || infos.get(k + 1).is_some_and(|t| t.folded == "الدين");
        let end = match matches.iter().find(|m| {
            m.start == s.start && m.end + 2 <= s.end && self.gaz.kind_of(m) == Some(EntityKind::Org)
        }) {
            Some(m) => Some(m.end).filter(|&e| opens_name(e)),
            None => self.employer_after_title(infos, s, opens_name),
        }?;
        let org = Span {
            start: s.start,
            end,
            kind: EntityKind::Org,
        };
        s.start = end;
        Some(org)
    }

    /// Where an unlisted employer named after a job title ends inside a
    /// person span of four words or more: the span opens with «ل» ("of")
    /// right after the title («المدير العام | لسيدار الحجار | نور الدين
    /// مسعودي») and a given name opens the person two words on or
    /// more, with two words of the span from there.
    fn employer_after_title(
        &self,
        infos: &[TokenInfo],
        s: &Span,
        opens_name: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let before = s.start.checked_sub(1).map(|k| infos[k].folded.as_str())?;
        let after_title = self.gaz.is_title(before)
            || (["العام", "التنفيذي"].contains(&before)
                && s.start >= 2
                && self.gaz.is_title(&infos[s.start - 2].folded));
        let first = infos[s.start].folded.as_str();
        if s.end - s.start < 4
            || !after_title
            || !first.starts_with('ل')
            || first.starts_with("لل")
            || infos[s.start].first_name
        {
            return None;
        }
        (s.start + 2..s.end - 1).find(|&k| opens_name(k))
    }

    /// Ends an Arabic organisation span before the indefinite common
    /// words the tagger ran it on into: a word with no article, common in
    /// ANERcorp train and never inside a name there (clitics aside), whose
    /// letters look like no name's, after no spelt letter of an acronym
    /// and no organisation's noun («بنك الساحل أبلغ», «بنك
    /// الكويت المركزي فور», «بنك الساحل التجاري لهجوم إلكتروني»; not
    /// «حركة أمل», a one-word name after its noun).
    pub(super) fn trim_org_common(
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
                && (self.common.contains(t.folded.as_str()) || self.common.contains(t.stem()))
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
        let common_noun = |m: usize| {
            let f = infos[m].folded.as_str();
            !f.starts_with('و') && !adjective(m) && self.common.contains(f)
        };
        let goes_on = |m: usize| {
            let f = infos[m].folded.as_str();
            let construct = f.starts_with('ل') && m + 1 < s.end && definite(m + 1);
            (definite(m) && !common_noun(m))
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
}
