//! Arabic people's names: joiners («بن», «عبد», «ولد»), given names and
//! family names the tagger left out, titles and trailing words it let
//! in, and the common words that open or close no name.

use super::conll::Span;
use super::features::TokenInfo;
use super::gazetteer::{GazMatch, Gazetteer};
use super::institutions::{INSTITUTION_HEAD_LIST, INSTITUTION_HEADS};
use super::{Extractor, ON, arabic, article, tokenize};
use crate::model::EntityKind;

/// Words that join the parts of an Arabic name («عبد الباقي», «ابن
/// سينا»): the word after one is part of the name even when it is a
/// frequent word, and the word itself is never trimmed.
pub(super) const NAME_JOINERS: [&str; 8] = ["عبد", "ابو", "ابي", "ابا", "بن", "ابن", "بنت", "ام"];

/// Joiners that cannot end a person's name (folded): «بن», «ابن»,
/// «بنت», «عبد», «أبو»; and «آل», which folds to the article. Not «أبي»,
/// also "my father" and Abe's «آبي».
pub(super) const ENDING_JOINERS: [&str; 5] = ["بن", "ابن", "بنت", "عبد", "ابو"];

/// Maghrebi and Sahelian name joiners (folded): Mauritanian «ولد» and
/// «منت» ("son of", "daughter of": «المختار ولد سيدي محمد», «خديجة منت
/// الشيخ») and Amazigh «أيت» («الحسين أيت علي»). Unlike [`ENDING_JOINERS`]
/// they are also words: «ولد» is "was born", so one joins a person's
/// name to what follows only when a name follows («… ولد في», «… ولد
/// عام» do not).
pub(super) const MAGHREBI_JOINERS: [&str; 3] = ["ولد", "منت", "ايت"];

/// Folded words that follow «ولد» as "was born": prepositions and words
/// of time («ولد في», «ولد عام», «ولد قبل»). ANERcorp lets them into
/// names now and then, so its common-word list misses some.
pub(super) const BORN_WORDS: [&str; 14] = [
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

/// Folded given names that are also adjectives: «فريدة», unique, which
/// the model took for a woman in «فرصة فريدة» and «فريدة من نوعها» (7
/// articles of a day). See [`Extractor::is_adjective_in_use`].
pub(super) const ADJECTIVE_NAMES: [&str; 1] = ["فريده"];

/// Folded verbs of saying, past and present, alone or after «و» (and
/// «فقال»), that a speaker's name follows («وقال الاعرجي إن …»).
pub(super) const SAYING_VERBS: [&str; 42] = [
    "قال",
    "وقال",
    "فقال",
    "قالت",
    "وقالت",
    "اضاف",
    "واضاف",
    "اضافت",
    "واضافت",
    "اكد",
    "واكد",
    "اكدت",
    "واكدت",
    "اوضح",
    "واوضح",
    "اوضحت",
    "واوضحت",
    "اشار",
    "واشار",
    "اشارت",
    "واشارت",
    "ذكر",
    "وذكر",
    "صرح",
    "وصرح",
    "تابع",
    "وتابع",
    "شدد",
    "وشدد",
    "لفت",
    "ولفت",
    "يقول",
    "ويقول",
    "وتقول",
    "اعلن",
    "واعلن",
    "اعتبر",
    "واعتبر",
    "حذر",
    "وحذر",
    "يري",
    "ويري",
];

/// Folded words that open what a speaker said: «إن», «أن» and their
/// pronoun forms, a colon, a comma, quotation marks. Not «في»: «وقال
/// القيادي في حركة …» names the speaker by his role.
pub(super) const SPEECH_OPENERS: [&str; 9] =
    ["ان", "انه", "انها", "انهم", ":", "،", ",", "\"", "«"];

/// Folded titles that head a construct after a name («خالد الفيصل
/// مستشار خادم الحرمين», «محمد بن نايف ولي العهد», «… وزير الخارجية»):
/// the model ran people of a day's articles on into them. Not «أمير»
/// («حسين أمير عبداللهيان»), «قائد» («الباجي قائد السبسي») or «مساعد»,
/// which are also given names, nor the definite titles, which are also
/// surnames («أحمد السيد», «آل الشيخ»). See [`Extractor::end_before_title`].
pub(super) const TRAILING_TITLES: [&str; 10] = [
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
pub(super) const SAINTS: [&str; 4] = ["سان", "سانت", "القديس", "مار"];

/// Folded role nouns of sports and the arts that come right before a
/// person's name («المهاجم حسن معتوق», «الشاعر محمود درويش»): see
/// [`Extractor::add_named_after_role`].
pub(super) const ROLE_NOUNS: [&str; 16] = [
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

/// Folded given names that are also nouns («رضا», satisfaction; «أمل»,
/// hope; «فارس», knight; «جيل», generation; «مالك», owner), without
/// clitics: see [`Extractor::is_noun_in_construct`].
pub(super) const NOUN_NAMES: [&str; 14] = [
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

/// Folded words for «son of» and «daughter of» that join the two halves
/// of one name («Abdulaziz bin Salman», «عبدالعزيز بن سلمان»). «ابنة»
/// is left out: folded, it is «ابنه», "his son", which sits between two
/// people («زار محمد ابنه علي»).
pub(super) const PATRONYMICS: [&str; 7] = ["bin", "ibn", "bint", "ben", "بن", "ابن", "بنت"];

/// Whether token `i` comes right after a name joiner inside a name, so
/// that a title there is part of the name («ولد الشيخ», «بن الشيخ»).
pub(super) fn after_joiner(infos: &[TokenInfo], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|j| {
        NAME_JOINERS.contains(&infos[j].stem())
            || MAGHREBI_JOINERS.contains(&infos[j].folded.as_str())
    })
}

/// Whether a token carries no clitic but perhaps the article («الشيخ»,
/// «سيدي»; not «بالقاهرة», «وعلي»).
pub(super) fn no_clitic_but_article(t: &TokenInfo) -> bool {
    matches!(t.folded.get(..t.stem_at), Some("" | "ال") | None)
}

/// Whether a token is a given name, a word of the name dictionary or a
/// word mostly seen in persons' names in the training text.
pub(super) fn is_person_word(t: &TokenInfo) -> bool {
    t.first_name || t.dict_name || t.seen == Some(EntityKind::Person)
}

/// Whether a token looks like part of a person's name: a person word
/// ([`is_person_word`]) or a score of 0 or more by its letters.
pub(super) fn looks_like_name(t: &TokenInfo) -> bool {
    is_person_word(t) || t.name_class.is_some_and(|c| c >= 3)
}

/// Whether an Arabic token's clitics are a particle and the article
/// («بالاتفاق», «والمناجم», «للمرة»), not the article alone.
pub(super) fn opened_by_particle_and_article(t: &TokenInfo) -> bool {
    t.folded
        .get(..t.stem_at)
        .is_some_and(|c| c != "ال" && (c.ends_with("ال") || c.ends_with("لل")))
}

/// Whether a token is an Arabic person word ([`is_person_word`]) with no
/// clitic: the model splits names of three words or more into two people
/// side by side («محمد» | «إسماعيل خالد»), which Arabic news never writes
/// without «و» or a comma between them.
fn is_arabic_name_part(t: &TokenInfo) -> bool {
    is_arabic_word(t) && is_person_word(t)
}

/// Commas, which set off a name in apposition.
pub(super) const COMMAS: [&str; 2] = ["،", ","];

/// Extends an Arabic given name alone between commas over the one word
/// after it, which is its surname even where it is also a common word
/// («رئيس سلطة المياه، زياد عودة، أن …»: "return").
pub(super) fn take_appositive_surname(
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    spans: &mut [(Span, Option<usize>)],
) {
    let comma = |k: usize| {
        infos
            .get(k)
            .is_some_and(|t| COMMAS.contains(&t.folded.as_str()))
    };
    let taken: Vec<usize> = spans
        .iter()
        .enumerate()
        .filter(|(_, (s, id))| {
            let surname = &infos.get(s.end);
            s.kind == EntityKind::Person
                && id.is_none()
                && s.end == s.start + 1
                && s.start > 0
                && comma(s.start - 1)
                && comma(s.end + 1)
                && infos[s.start].first_name
                && surname.is_some_and(|t| {
                    is_arabic_word(t) && !gaz.is_stopword(&t.folded) && !gaz.is_title(&t.folded)
                })
                && !spans.iter().any(|(o, _)| o.holds(s.end))
        })
        .map(|(k, _)| k)
        .collect();
    for k in taken {
        spans[k].0.end += 1;
    }
}

/// Whether a token is an Arabic word with no clitic.
fn is_arabic_word(t: &TokenInfo) -> bool {
    t.stem_at == 0 && t.folded.chars().all(tokenize::is_arabic_char)
}

/// Joins a CRF person span with the gazetteer person right after it
/// («عبدالفتاح» + «السيسي»): one person, with the gazetteer's id; and two
/// person spans with only «bin»/«بن» between them (one person named
/// after the father, with no id: the father's is not the son's), and
/// two side by side of Arabic name parts ([`is_arabic_name_part`]), or a
/// name of two words or more and one name part after it («محمد نور» |
/// «إسحاق»). Spans are sorted by start.
pub(super) fn join_person_parts(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
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
                    && (is_arabic_name_part(&infos[a.end - 1])
                        || (a.end - a.start >= 2
                            && b.end - b.start == 1
                            && is_arabic_word(&infos[a.end - 1])
                            && !infos[b.start].folded.starts_with('و')))
                    && is_arabic_name_part(&infos[b.start])))
        {
            spans[i] = (Span { end: b.end, ..a }, None);
            spans.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

impl Extractor {
    /// Where a person's given name starts inside a span that an
    /// institution's name opens: «لمجمع سونلغاز مراد عجال» is the company,
    /// then its chief. The given name has no clitic and comes after the
    /// span's first word, not after a person word («محمد رضا»), a title
    /// or a joiner, so bodies named
    /// after a person stay whole («مؤسسة محمد بن راشد», «جامعة الإمام
    /// محمد بن سعود», «جامعة سان أندروز»); two words or more follow from it, none carrying an
    /// organisation's name on ([`Extractor::continues_org`]).
    pub(super) fn given_name_inside(&self, infos: &[TokenInfo], s: &Span) -> Option<usize> {
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
    pub(super) fn end_at_given_name(
        &self,
        infos: &[TokenInfo],
        spans: &mut Vec<(Span, Option<usize>)>,
    ) {
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

    /// Ends an Arabic person span of three words or more before a word
    /// past its second that is an institution's head with a clitic: the
    /// body the person spoke to or for («منير بن سالم | لوكالة تونس
    /// إفريقيا للأنباء»).
    pub(super) fn end_before_body(infos: &[TokenInfo], s: &mut Span) {
        if s.kind != EntityKind::Person {
            return;
        }
        if let Some(k) = (s.start + 2..s.end).find(|&k| {
            let t = &infos[k];
            t.folded.chars().all(tokenize::is_arabic_char)
                && !INSTITUTION_HEADS.contains(&t.folded.as_str())
                && INSTITUTION_HEAD_LIST.holds(&t.folded)
        }) {
            s.end = k;
        }
    }

    /// Ends a person span before a title that heads a construct after the
    /// name ([`TRAILING_TITLES`]: «خالد الفيصل مستشار خادم الحرمين»): the
    /// title, with no clitic, after the name's first word and not after a
    /// joiner («عبد», «بن»). A span opened by such a title, clitics
    /// allowed, with no word of a person's name in it ([`is_person_word`]:
    /// «وولي لولي العهد», a headline's "and a deputy crown prince") is
    /// emptied: it names nobody.
    pub(super) fn end_before_title(infos: &[TokenInfo], s: &mut Span) {
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
    /// A very frequent word that is no name word opens no name when it
    /// carries a clitic other than the article and a name word follows
    /// («ورأى الغامدي», «وأبان الزهراني»: and al-Ghamdi saw…), or when a
    /// listed person follows; never before a joiner («معجب بن محمد»).
    ///
    /// What is left when common words that are no given names opened the
    /// span is emptied if it is one word with the article that is no
    /// person word ([`is_person_word`]), no nisba («…ي», as most family
    /// names with the article are: «شارع البقمي») and not the second half
    /// of «X الدين» or «X الله»: the genitive of the construct the common
    /// word heads («جني الزيتون», the olive harvest; «حق الفيتو»).
    pub(super) fn trim_common(&self, tokens: &[&str], infos: &[TokenInfo], s: &mut Span) {
        if s.kind != EntityKind::Person {
            return;
        }
        let common = |i: usize| {
            let t = &infos[i];
            let particle = opened_by_particle_and_article(t);
            let known = || {
                self.frequent.contains(t.folded.as_str())
                    || self
                        .common
                        .contains(arabic::strip_article_clitic(&t.folded).as_ref())
            };
            self.common.contains(t.folded.as_str())
                || (particle && known() && !self.is_name_word(infos, i))
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
        let frequent_before_name = |i: usize| {
            let t = &infos[i];
            let next = &infos[i + 1];
            let listed_person = next.gaz == Some((EntityKind::Person, true));
            let clitic = t.stem_at > 0 && !t.folded.starts_with("ال");
            self.very_frequent.contains(t.stem())
                && !self.is_name_word(infos, i)
                && !NAME_JOINERS.contains(&next.stem())
                && ((clitic && self.is_name_word(infos, i + 1)) || listed_person)
        };
        while s.end - s.start >= 2
            && (common(s.start)
                || verb(s.start)
                || particle(s.start)
                || frequent_before_name(s.start))
        {
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
    pub(super) fn complete_joiners(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        spans: &mut Vec<Span>,
    ) {
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
    pub(super) fn can_follow_joiner(&self, next: &TokenInfo) -> bool {
        self.gaz.is_first_name(&next.folded)
            || next.seen == Some(EntityKind::Person)
            || (no_clitic_but_article(next)
                && next.folded.chars().count() >= 2
                && next.folded.chars().all(tokenize::is_arabic_char)
                && !BORN_WORDS.contains(&next.folded.as_str())
                && !self.gaz.is_stopword(&next.folded)
                && !self.common.contains(next.folded.as_str()))
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
    pub(super) fn set_given_name(&self, tokens: &[&str], infos: &[TokenInfo], spans: &mut [Span]) {
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

    /// Tags as a person a family's nisba alone right after a verb of
    /// saying and before what was said ([`SAYING_VERBS`],
    /// [`SPEECH_OPENERS`]): «وقال الاعرجي إن …», «وأضاف الربيعي أن …»,
    /// where the model, which saw the name nowhere, leaves it. The word
    /// is «ال…ي» of five letters or more, untagged, not common in
    /// ANERcorp train nor very frequent in general text («قال القاضي
    /// إن», the judge), and no people's or place's adjective.
    pub(super) fn speaker_by_family_name(&self, infos: &[TokenInfo], spans: &mut Vec<Span>) {
        let mut added = Vec::new();
        for j in 1..infos.len().saturating_sub(1) {
            let f = infos[j].folded.as_str();
            if !f.starts_with("ال")
                || !f.ends_with('ي')
                || f.chars().count() < 5
                || !SPEECH_OPENERS.contains(&infos[j + 1].folded.as_str())
                || !SAYING_VERBS.contains(&infos[j - 1].folded.as_str())
                || !self.is_uncommon(f)
                || arabic::is_nisba(f, &|x| self.gaz.is_place_stem(x))
                || spans.iter().any(|s| s.start <= j && j < s.end)
            {
                continue;
            }
            added.push(Span {
                start: j,
                end: j + 1,
                kind: EntityKind::Person,
            });
        }
        if !added.is_empty() {
            spans.extend(added);
            spans.sort_by_key(|s| s.start);
        }
    }

    /// Tags as a person an untagged foreign-looking word right after a
    /// people's adjective («الروسي كافلنيكوف», «والفرنسي بيولي», «التشيكية
    /// …»), with the next word when it looks foreign too: in results and
    /// match reports players are named so, by surname. The word has
    /// Arabic letters only, no clitic nor article, three letters or
    /// more, letters that look like a name's (class 4 or more, or 3 for
    /// two such words: «مارجريت تاتشر»; one word of class 3 is as often
    /// a plural or a verb: «ذخائر», «يجرون»), and is no common, frequent
    /// or stop word, no given name «علي» (Egyptian papers' «على», "over",
    /// in results) and no listed name.
    pub(super) fn person_after_nationality(&self, infos: &[TokenInfo], spans: &mut Vec<Span>) {
        let place_stem = |x: &str| self.gaz.is_place_stem(x);
        let foreign = |t: &TokenInfo, class: u8| {
            let f = t.folded.as_str();
            t.stem_at == 0
                && t.gaz.is_none()
                && t.name_class.is_some_and(|c| c >= class)
                && f.chars().count() >= 3
                && f.chars().all(tokenize::is_arabic_char)
                && f != "علي"
                && self.is_uncommon(f)
                && !self.gaz.is_stopword(f)
        };
        let mut added = Vec::new();
        for j in 1..infos.len() {
            let adjective = infos[j - 1].folded.as_str();
            if !(adjective.ends_with('ي') || adjective.ends_with("يه")) || !foreign(&infos[j], 3)
            {
                continue;
            }
            let people = arabic::strip_article_clitic(adjective);
            let tagged = |k: usize| spans.iter().any(|s| s.holds(k));
            if !people.starts_with("ال") || !arabic::is_nisba(&people, &place_stem) || tagged(j) {
                continue;
            }
            let two = infos.get(j + 1).is_some_and(|t| foreign(t, 3)) && !tagged(j + 1);
            let end = match (two, foreign(&infos[j], 4)) {
                (true, _) => j + 2,
                (false, true) => j + 1,
                (false, false) => continue,
            };
            added.push(Span {
                start: j,
                end,
                kind: EntityKind::Person,
            });
        }
        if !added.is_empty() {
            spans.extend(added);
            spans.sort_by_key(|s| s.start);
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
    /// definite nisba («الساعدي»). After «X بن Y» a definite nisba is the
    /// family's even when it is also a common word: «سلطان بن عبدالله
    /// الشهري» ("monthly").
    pub(super) fn take_family_name(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        matches: &[GazMatch],
        spans: &mut [Span],
    ) {
        for k in 0..spans.len() {
            let s = spans[k];
            let e = s.end;
            let nisba_shaped = |f: &str| {
                f.starts_with("ال")
                    && f.ends_with('ي')
                    && f.chars().count() >= 5
                    && !arabic::is_nisba(f, &|x| self.gaz.is_place_stem(x))
            };
            let is_family_nisba = |f: &str| nisba_shaped(f) && !self.common.contains(f);
            let given_and_nisba = s.end - s.start == 2
                && infos[s.start].first_name
                && infos[s.start].stem_at == 0
                && is_family_nisba(&infos[s.start + 1].folded);
            let joined =
                s.end - s.start == 3 && ["بن", "بنت"].contains(&infos[s.start + 1].folded.as_str());
            if s.kind != EntityKind::Person
                || !(s.end - s.start == 2 || joined)
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
            let nisba = is_family_nisba(f) || (joined && nisba_shaped(f));
            let name_word = (t.first_name && t.stem_at == 0)
                || t.dict_name
                || t.seen == Some(EntityKind::Person)
                || nisba;
            if name_word
                && !ON.contains(&tokens[e])
                && (f != "علي" || Self::ends_clause(infos, e + 1))
                && no_clitic_but_article(t)
                && f.chars().all(tokenize::is_arabic_char)
                && (!(self.common.contains(f) || self.frequent.contains(f))
                    || (joined && nisba_shaped(f)))
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
    pub(super) fn add_given_and_surname(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        spans: &mut Vec<Span>,
    ) {
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
    pub(super) fn add_named_after_role(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        spans: &mut Vec<Span>,
    ) {
        self.add_given_and_next(tokens, infos, spans, |j| {
            let surname = &infos[j + 1];
            j > 0
                && arabic::listed_with_clitic(&infos[j - 1].folded, |x| ROLE_NOUNS.contains(&x))
                && no_clitic_but_article(surname)
                && surname.folded.chars().all(tokenize::is_arabic_char)
                && !self.common.contains(surname.folded.as_str())
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
        let free = |k: usize, spans: &[Span]| !spans.iter().any(|s| s.holds(k));
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

    /// Whether token `i` is likely part of a name whatever its frequency:
    /// a given name, a word of the name dictionary or of names in the
    /// training text, a joiner («عبد», «بن») or the word after one.
    pub(super) fn is_name_word(&self, infos: &[TokenInfo], i: usize) -> bool {
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
    /// whole, and an Arabic organisation opened by a title takes the
    /// institution's noun before it instead («مستشفى | الملك فيصل
    /// التخصصي»: the hospital named after the king); and leading nationality
    /// adjectives from a person span («البرتغالي كارلوس» → «كارلوس»), and
    /// what comes before one inside it («الملياردير الروسي يوري ميلنر»,
    /// «علي الأرميني سارجيس»: "over the Armenian …" in a results list). A
    /// title before one definite word that looks like no name leaves no
    /// span: «الرائد القادم» is "the next pioneer", no person. A title
    /// after «of» or «for» is a portfolio: «Ministry of Justice and
    /// Security» stays whole.
    pub(super) fn strip_title(&self, infos: &[TokenInfo], s: &mut Span) {
        if article::ends_english_body(&infos[s.end - 1].folded) {
            return;
        }
        let last_title = (s.start..s.end.saturating_sub(1)).rev().find(|&i| {
            (self.gaz.is_title(&infos[i].folded) || ends_possessed_title(infos, i))
                && !after_joiner(infos, i)
                && !(i > s.start && ["of", "for"].contains(&infos[i - 1].folded.as_str()))
        });
        if let Some(k) = last_title
            && s.kind == EntityKind::Org
            && k > 0
            && INSTITUTION_HEAD_LIST.holds(&infos[k - 1].folded)
        {
            s.start = s.start.min(k - 1);
            return;
        }
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
        let nisba = |k: usize| {
            infos[k].folded.starts_with("ال") && arabic::is_nisba(&infos[k].folded, &stem)
        };
        if s.kind == EntityKind::Person
            && let Some(k) = (s.start + 1..s.end.saturating_sub(1)).find(|&k| nisba(k))
        {
            s.start = k;
        }
        // A feminine adjective before a given name ends the body the
        // tagger glued to the person («مؤسسة حمد الطبية | عبد الله بن جاسم
        // السليطي»): no man's name holds one.
        if s.kind == EntityKind::Person
            && let Some(k) = (s.start + 1..s.end.saturating_sub(2)).find(|&k| {
                let f = infos[k].folded.as_str();
                f.starts_with("ال")
                    && f.ends_with("يه")
                    && f.chars().count() >= 6
                    && infos[k + 1].first_name
            })
        {
            s.start = k + 1;
        }
        while s.kind == EntityKind::Person
            && s.end - s.start >= 2
            && arabic::is_nisba(&infos[s.start].folded, &stem)
        {
            s.start += 1;
        }
    }
}

/// Folded heads of titles that take a pronoun and then «العام» or
/// «التنفيذي» («أمينه العام», its secretary-general; «مديرها العام»).
const POSSESSED_TITLE_HEADS: [&str; 3] = ["امين", "مدير", "رييس"];

/// True when token `i` ends a title held by a pronoun («أمينه | العام»):
/// the tagger reads «أمينه» as the given name «أمينة».
fn ends_possessed_title(infos: &[TokenInfo], i: usize) -> bool {
    i > 0
        && ["العام", "التنفيذي"].contains(&infos[i].folded.as_str())
        && ["ها", "هم", "ه"].iter().any(|suffix| {
            infos[i - 1]
                .folded
                .strip_suffix(suffix)
                .is_some_and(|head| POSSESSED_TITLE_HEADS.contains(&head))
        })
}

/// Folded nouns that open the names of towns and villages and never a
/// person's: «رأس» (a cape: «رأس عيسى», «رأس الخيمة»), «بيت» («بيت فوريك»,
/// «بيت لحم»), «تل», «دير», «كفر», «بئر», «حاسي» (a well, in Algeria:
/// «حاسي مسعود»), «جزر» (islands: «جزر فرسان»), «خور» (an inlet: «خور
/// عبد الله», «خور فكان»). The tagger takes the given name or the name
/// word after them for a person.
const PLACE_OPENERS: [&str; 9] = [
    "راس", "بيت", "تل", "دير", "كفر", "بير", "حاسي", "جزر", "خور",
];

/// «فخور» (proud), which reads as «ف» + «خور».
const PROUD: &str = "فخور";

/// Makes a person span of two words or more opened by one of
/// [`PLACE_OPENERS`] (clitics allowed, but not in a given name: «فراس»
/// is no «ف» + «راس») a place.
pub(super) fn place_by_opening_noun(infos: &[TokenInfo], s: &mut Span) {
    if s.kind == EntityKind::Person
        && s.end - s.start >= 2
        && !infos[s.start].first_name
        && arabic::listed_with_clitic(&infos[s.start].folded, |x| PLACE_OPENERS.contains(&x))
        && infos[s.start].folded != PROUD
    {
        s.kind = EntityKind::Place;
    }
}
