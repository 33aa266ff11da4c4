//! Arabic people named right after their office: «وزير العمل نضال
//! العبادي», «المدير العام لبنك الإسكان عمر الخصاونة», «قائد الأهلي محمد
//! الشناوي». News names almost every speaker so, and the model, which
//! saw few of these names, often leaves them or cuts them short.

use super::conll::Span;
use super::features::TokenInfo;
use super::person_names::{
    ADJECTIVE_NAMES, COMMAS, ENDING_JOINERS, MAGHREBI_JOINERS, NAME_JOINERS, ROLE_NOUNS,
    SAYING_VERBS, SPEECH_OPENERS, is_person_word, no_clitic_but_article,
};
use super::{Extractor, arabic, tokenize};
use crate::model::EntityKind;
use std::sync::LazyLock;

/// Folded heads of Arabic offices, with or without the article, that a
/// complement and then the holder's name follow («مدير المهرجان …»,
/// «المتحدث باسم …», «الخبير الطاقوي …»), and the gazetteer's Arabic
/// titles («اللواء», «الشيخ»). Not «مؤسسة» (founder, but also
/// foundation) nor «قائد» alone, which is also a given name (see
/// [`OFFICE_HEADS_BEFORE_BODY`]), nor the titles more often words of their
/// own than offices before a name: «الفريق» (the team, and a general's
/// rank), «الحكم» (the referee, and rule), «الرائد» (the pioneer),
/// «المقدم» (the presenter), and the words for the dead («الراحل»).
const OFFICE_HEADS: [&str; 106] = [
    "رييس",
    "رييسه",
    "الرييس",
    "الرييسه",
    "وزير",
    "وزيره",
    "الوزير",
    "الوزيره",
    "مدير",
    "مديره",
    "المدير",
    "المديره",
    "محافظ",
    "محافظه",
    "المحافظ",
    "الامين",
    "نايب",
    "نايبه",
    "النايب",
    "النايبه",
    "وكيل",
    "الوكيل",
    "مستشار",
    "مستشاره",
    "المستشار",
    "سفير",
    "سفيره",
    "السفير",
    "عضو",
    "مدرب",
    "المدرب",
    "ممثل",
    "ممثله",
    "متحدث",
    "المتحدث",
    "المتحدثه",
    "الناطق",
    "الناطقه",
    "مسوول",
    "مسووله",
    "منسق",
    "منسقه",
    "عميد",
    "نقيب",
    "مفوض",
    "المفوض",
    "مبعوث",
    "المبعوث",
    "الخبير",
    "الخبيره",
    "الباحث",
    "الباحثه",
    "الناشط",
    "الناشطه",
    "المحلل",
    "المحلله",
    "القاضي",
    "المخرج",
    "المخرجه",
    "حارس",
    "الزعيم",
    "الامير",
    "الاميره",
    "الشيخه",
    "الملك",
    "الملكه",
    "الشيخ",
    "السيد",
    "السيده",
    "الدكتور",
    "الدكتوره",
    "البروفيسور",
    "البروفسور",
    "بروفيسور",
    "المهندس",
    "اللواء",
    "العميد",
    "العقيد",
    "اللاعب",
    "النقيب",
    "الملازم",
    "الجنرال",
    "المشير",
    "الكابتن",
    "كابتن",
    "الادميرال",
    "الفنان",
    "الفنانه",
    "الكاتب",
    "الكاتبه",
    "الشاعره",
    "المولف",
    "الممثل",
    "الممثله",
    "الروايي",
    "الرواييه",
    "الامام",
    "القس",
    "الكاردينال",
    "المطرب",
    "المطربه",
    "المغني",
    "المغنيه",
    "الاستاذ",
    "الاستاذه",
    "الداعيه",
];

/// Folded office heads that are also given names or words of their own
/// («قائد», leader and a name; «أمين»; «لاعب»): they open an office only
/// before a body the tagger or the gazetteer found («قائد الأهلي محمد
/// الشناوي», «أمين عام الجامعة العربية …»).
const OFFICE_HEADS_BEFORE_BODY: [&str; 4] = ["قايد", "امين", "امينه", "لاعب"];

/// Folded function words that end an office's complement going back
/// from a name: what comes before one is no office of that name
/// («… الضحك بعدما | رأت …»). «في», «عن» and «لدى» join a complement
/// when a body or place follows them («السفير التونسي لدى روسيا علي
/// قوطالي»): see [`PLACE_LINKS`].
const COMPLEMENT_BREAKS: [&str; 46] = [
    "من",
    "في",
    "علي",
    "الي",
    "عن",
    "مع",
    "ان",
    "انه",
    "انها",
    "بعد",
    "قبل",
    "التي",
    "الذي",
    "الذين",
    "هي",
    "هو",
    "وهي",
    "وهو",
    "كان",
    "كانت",
    "ما",
    "لا",
    "لم",
    "لن",
    "قد",
    "ثم",
    "او",
    "بين",
    "حيث",
    "حتي",
    "عند",
    "عندما",
    "بعدما",
    "كما",
    "منذ",
    "خلال",
    "كل",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "الا",
    "لكن",
    "اذا",
    "كذلك",
    "وكذلك",
];

/// Folded prepositions that may join an office's complement to the
/// body, place or definite noun right after them («الباحث في معهد
/// العراق للطاقة», «عضو مجلس النواب عن …», «السفير لدى روسيا», «وزير
/// الثروات الطبيعية في الإقليم»).
const PLACE_LINKS: [&str; 3] = ["في", "عن", "لدي"];

/// [`OFFICE_HEADS`] with a filter, looked up at every token of an
/// Arabic sentence.
static OFFICE_HEAD_LIST: LazyLock<arabic::CliticList> =
    LazyLock::new(|| arabic::CliticList::new(&OFFICE_HEADS));

/// [`OFFICE_HEADS_BEFORE_BODY`] with a filter.
static BODY_OFFICE_HEAD_LIST: LazyLock<arabic::CliticList> =
    LazyLock::new(|| arabic::CliticList::new(&OFFICE_HEADS_BEFORE_BODY));

/// How many words an office's complement may have between its head and
/// the name: «الأمين العام المساعد للاتحاد العام التونسي للشغل» has six.
const MAX_COMPLEMENT: usize = 7;

/// How many words a name found here may have: «المياسة بنت حمد آل
/// ثاني» has five.
const MAX_NAME: usize = 5;

/// The lowest letter score ([`super::gazetteer::Gazetteer::name_score`])
/// of an unknown word without the article taken as a family name:
/// family names such as «قوطالي», «قمورية», «مبتول» score about -0.4
/// to -0.1, nouns such as «تجميل» and «صورتها» -1 and below.
const MIN_NAME_SCORE: f32 = -0.8;

/// Words of time (folded) that follow a speaker's name and are none of
/// it («قال الوزير أحمد عطاف اليوم إن …»); the weekdays are in the
/// gazetteer's stop list, which every check here asks too.
const TIME_WORDS: [&str; 5] = ["اليوم", "امس", "الان", "غدا", "مساء"];

impl Extractor {
    /// Tags the person named right after an office («وزير العمل | نضال
    /// العبادي», «رئيس الاتحاد الكويتي لكرة اليد | فيصل العنزي»), and
    /// ends a person the tagger cut short there at the name's last word
    /// («محافظ نينوى حازم سالم | الطائي إن»). The office is a head
    /// ([`OFFICE_HEADS`], or [`OFFICE_HEADS_BEFORE_BODY`] before a body)
    /// and up to [`MAX_COMPLEMENT`] words of complement (see
    /// [`Extractor::office_before`]); or an office and a comma, when a
    /// comma also closes the name («وزير الثروات الطبيعية في الإقليم،
    /// هوشيار كريم زنكنة،»). The name opens with a given name
    /// with no clitic and goes on over family-name words
    /// ([`Extractor::is_family_word`]) and joiners; it has two words or
    /// more.
    pub(super) fn name_after_office(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        spans: &mut Vec<(Span, Option<usize>)>,
    ) {
        let heads: Vec<usize> = (0..infos.len())
            .filter(|&k| {
                let f = infos[k].folded.as_str();
                OFFICE_HEAD_LIST.holds(f) || BODY_OFFICE_HEAD_LIST.holds(f)
            })
            .collect();
        if heads.is_empty() {
            return;
        }
        self.cut_names_from_bodies(tokens, infos, spans);
        let near = |j: usize| heads.iter().any(|&h| h < j && j <= h + MAX_COMPLEMENT + 2);
        let mut j = 1;
        while j < infos.len() {
            if !near(j) {
                j += 1;
                continue;
            }
            let held = spans.iter().position(|(s, _)| s.holds(j));
            let opens = match held {
                None => self.opens_titled_name(tokens[j], &infos[j]),
                Some(k) => {
                    let (s, id) = spans[k];
                    s.kind == EntityKind::Person
                        && s.start == j
                        && id.is_none()
                        && self.opens_tagged_name(&infos[j])
                }
            };
            let comma = |k: usize| {
                infos
                    .get(k)
                    .is_some_and(|t| COMMAS.contains(&t.folded.as_str()))
            };
            let apposed = || j >= 2 && comma(j - 1) && self.office_before(infos, spans, j - 1);
            if !opens || !(self.office_before(infos, spans, j) || apposed()) {
                j += 1;
                continue;
            }
            let from = held.map_or(j + 1, |k| spans[k].0.end);
            let end = self.name_end(tokens, infos, spans, j, from, held.is_some());
            let unclosed = comma(j - 1) && !comma(end);
            if end < j + 2 || (held.is_some() && end <= from) || unclosed {
                j = end.max(j + 1);
                continue;
            }
            spans.retain(|(s, id)| {
                !(s.kind == EntityKind::Person && id.is_none() && j <= s.start && s.end <= end)
            });
            let at = spans.partition_point(|(s, _)| s.start < j);
            spans.insert(
                at,
                (
                    Span {
                        start: j,
                        end,
                        kind: EntityKind::Person,
                    },
                    None,
                ),
            );
            j = end;
        }
    }

    /// Cuts the person named after an office from the end of an
    /// organisation the tagger ran on into the name: «رئيس الهيئة العامة
    /// للرياضة | مشعل الهاجري», and «المديرة العامة للشركة | منية
    /// الطرابلسي», where the office itself was taken for the body and goes.
    /// The name opens with a given name as written after a definite word
    /// («للرياضة»), two words or more into the span, and its other words
    /// are family names ([`Extractor::is_family_word`], or one built on a
    /// place: [`Extractor::is_nisba_family`]) to the span's end:
    /// a body named after a person has its head right before the name
    /// («مؤسسة محمد بن راشد»).
    fn cut_names_from_bodies(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        spans: &mut Vec<(Span, Option<usize>)>,
    ) {
        let mut k = 0;
        while k < spans.len() {
            let (s, id) = spans[k];
            k += 1;
            if s.kind != EntityKind::Org || id.is_some() || s.end - s.start < 4 {
                continue;
            }
            let own_office = self.is_office_head(&infos[s.start]);
            if !own_office && (s.start == 0 || !self.office_before(infos, spans, s.start)) {
                continue;
            }
            let Some(name) = (s.start + 2..s.end - 1).find(|&n| {
                let before = infos[n - 1].folded.as_str();
                (before.starts_with("ال") || before.starts_with("لل"))
                    && !self.gaz.is_title(before)
                    && self.gaz.is_any_given_name(infos[n].folded.as_str())
                    && self.opens_titled_name(tokens[n], &infos[n])
                    && (n + 1..s.end)
                        .all(|m| self.is_family_word(&infos[m]) || self.is_nisba_family(&infos[m]))
                    && s.end - n <= MAX_NAME
            }) else {
                continue;
            };
            let person = Span {
                start: name,
                kind: EntityKind::Person,
                ..s
            };
            if own_office {
                spans[k - 1] = (person, None);
            } else {
                spans[k - 1].0.end = name;
                spans.insert(k, (person, None));
                k += 1;
            }
        }
    }

    /// Whether a token is a family name built on a place («الطرابلسي»,
    /// «البغدادي»), which inside a span the tagger found ends a name
    /// rather than describing it: a people's adjective with the article,
    /// neither common in ANERcorp train nor very frequent.
    fn is_nisba_family(&self, t: &TokenInfo) -> bool {
        let f = t.folded.as_str();
        no_clitic_but_article(t)
            && f.starts_with("ال")
            && self.is_people_adjective(f)
            && self.is_uncommon(f)
    }

    /// Whether a token is an office's head with no clitic but perhaps the
    /// article («المديرة», «رئيس»).
    fn is_office_head(&self, t: &TokenInfo) -> bool {
        let f = t.folded.as_str();
        no_clitic_but_article(t) && OFFICE_HEADS.contains(&f)
    }

    /// Whether an untagged token opens a name after an office: a given
    /// name as written, clitic letters and all («فيصل», not «ف» +
    /// «يصل»; «الطيب» with the article, but not «التركي», the given name
    /// «تركي» but also "the Turkish"), or a name word with no clitic, or
    /// «عبد» or «أبو». Not «على» ("on"), which folds to «علي», nor a word
    /// of time («الآن», also Alan).
    fn opens_titled_name(&self, token: &str, t: &TokenInfo) -> bool {
        let f = t.folded.as_str();
        token != "على"
            && !TIME_WORDS.contains(&f)
            && f.chars().all(tokenize::is_arabic_char)
            && !ADJECTIVE_NAMES.contains(&f)
            && !self.gaz.is_stopword(f)
            && !self.gaz.is_title(f)
            && !OFFICE_HEADS.contains(&f)
            && (self.gaz.is_any_given_name(f)
                || (t.stem_at == 0
                    && !f.starts_with("ال")
                    && f.chars().count() >= 3
                    && is_person_word(t)))
    }

    /// Whether the first word of a person the tagger found may open a
    /// name after an office: a given name as written, or a word with no
    /// clitic but perhaps the article that is a name word or no people's
    /// adjective, office, title or role and neither common in ANERcorp
    /// train nor very frequent («البديل», the substitute, «الدولي»,
    /// international, and «والمناجم» open none).
    fn opens_tagged_name(&self, t: &TokenInfo) -> bool {
        let f = t.folded.as_str();
        self.gaz.is_any_given_name(f)
            || (no_clitic_but_article(t) && is_person_word(t))
            || (no_clitic_but_article(t)
                && !self.is_people_adjective(f)
                && !OFFICE_HEADS.contains(&f)
                && !ROLE_NOUNS.contains(&f)
                && !self.gaz.is_title(f)
                && self.is_uncommon(f))
    }

    /// Whether an office ends right before token `j`: a head and a
    /// complement of words and bodies or places, with no mark,
    /// function word ([`COMPLEMENT_BREAKS`] but [`PLACE_LINKS`] before a
    /// body, a place or a definite noun), present-tense verb («يتبوأ»),
    /// verb of saying, given name, person nor word of the stop list.
    fn office_before(
        &self,
        infos: &[TokenInfo],
        spans: &[(Span, Option<usize>)],
        j: usize,
    ) -> bool {
        let mut k = j;
        let mut words = 0;
        let mut body = false;
        while k > 0 && words <= MAX_COMPLEMENT {
            k -= 1;
            if let Some((s, _)) = spans.iter().find(|(s, _)| s.holds(k)) {
                if s.kind == EntityKind::Person {
                    return false;
                }
                words += k + 1 - s.start;
                k = s.start;
                body = true;
                continue;
            }
            let t = &infos[k];
            let f = t.folded.as_str();
            if OFFICE_HEAD_LIST.holds(f) || (body && BODY_OFFICE_HEAD_LIST.holds(f)) {
                return true;
            }
            let linked = PLACE_LINKS.contains(&f)
                && (spans
                    .iter()
                    .any(|(s, _)| s.start == k + 1 && s.kind != EntityKind::Person)
                    || infos.get(k + 1).is_some_and(|w| {
                        no_clitic_but_article(w) && arabic::is_definite(&w.folded)
                    }));
            if !f.chars().all(tokenize::is_arabic_char)
                || (COMPLEMENT_BREAKS.contains(&f) && !linked)
                || SPEECH_OPENERS.contains(&f)
                || SAYING_VERBS.contains(&f)
                || (t.stem_at == 0 && f.starts_with('ي'))
                || self.gaz.is_stopword(f)
                || self.gaz.is_stopword(t.stem())
                || t.first_name
            {
                return false;
            }
            words += 1;
        }
        false
    }

    /// Where a name opened at `j` ends, going on from token `from`: over
    /// joiners and family-name words ([`Extractor::is_family_word`]),
    /// and over a person the tagger found there, up to [`MAX_NAME`]
    /// words; a name of two words may end in a frequent word right
    /// before what was said («هالة نجم، إن …»), or in a rare definite word
    /// of any ending before what was said or a verb of saying («طارق
    /// المطوع قال …»). Never after a joiner. A
    /// person the tagger found right after the name is part of it
    /// («عثمان الطيب | أبو شامة»). A
    /// person the tagger found (`tagged`) takes one word more only when
    /// it is a family name by its shape or a name word and what was said
    /// or the sentence's end follows («حازم سالم | الطائي إن»), or a
    /// family word of any shape right before «إن», a comma or a colon
    /// («محمد صالح | بشارة إن»): after a name the tagger ended, an unknown
    /// word is as often a verb («شافيز سعت فنزويلا»).
    fn name_end(
        &self,
        tokens: &[&str],
        infos: &[TokenInfo],
        spans: &[(Span, Option<usize>)],
        j: usize,
        from: usize,
        tagged: bool,
    ) -> usize {
        let joiner = |t: &TokenInfo| {
            NAME_JOINERS.contains(&t.stem())
                || MAGHREBI_JOINERS.contains(&t.folded.as_str())
                || t.folded.as_str() == "ال"
        };
        let next_person = spans.iter().find(|(s, id)| {
            s.kind == EntityKind::Person
                && id.is_none()
                && s.start == from
                && s.end <= j + MAX_NAME
                && no_clitic_but_article(&infos[from])
        });
        if let Some((s, _)) = next_person {
            return s.end;
        }
        if tagged {
            let speech_after = infos
                .get(from + 1)
                .is_some_and(|t| SPEECH_OPENERS.contains(&t.folded.as_str()));
            let taken = infos.get(from).is_some_and(|t| {
                !spans.iter().any(|(s, _)| s.holds(from))
                    && tokens[from] != "على"
                    && ((self.is_family_word(t)
                        && (t.folded.starts_with("ال") || is_person_word(t))
                        && ends_speaker(infos, from + 1))
                        || (speech_after
                            && (is_person_word(t) || !self.may_hold_clitic(t))
                            && (self.is_family_word(t) || self.is_frequent_surname(t))))
            });
            return if taken { from + 1 } else { from };
        }
        let mut end = from;
        while end < infos.len() && end < j + MAX_NAME {
            if let Some((s, id)) = spans.iter().find(|(s, _)| s.holds(end)) {
                if s.kind == EntityKind::Person
                    && id.is_none()
                    && s.start == end
                    && s.end <= j + MAX_NAME
                    && no_clitic_but_article(&infos[end])
                {
                    end = s.end;
                }
                break;
            }
            let t = &infos[end];
            let ok = if tokens[end] == "على" {
                false
            } else if joiner(t) && t.stem_at == 0 {
                true
            } else if joiner(&infos[end - 1]) {
                no_clitic_but_article(t) && t.folded.chars().all(tokenize::is_arabic_char)
            } else {
                self.is_family_word(t)
                    || (end == j + 1
                        && (self.is_frequent_surname(t) || self.is_rare_definite(t))
                        && ends_speaker(infos, end + 1))
                    || (end == j + 1
                        && self.is_rare_definite(t)
                        && infos
                            .get(end + 1)
                            .is_some_and(|w| SAYING_VERBS.contains(&w.folded.as_str())))
            };
            if !ok {
                break;
            }
            end += 1;
        }
        while end > j + 1
            && (ENDING_JOINERS.contains(&infos[end - 1].stem()) || joiner(&infos[end - 1]))
        {
            end -= 1;
        }
        end
    }

    /// Whether a token can be a family name after a given name
    /// ([`Extractor::is_surname_shape`]): with the article, a word seen
    /// mostly in names in ANERcorp train, or one neither common there nor
    /// very frequent that ends as family names do («العنزي»,
    /// «الخصاونة»; not «الكأس», «المعزول», «المرشد»); without it, a name
    /// word, or a word neither common nor very frequent, not opened as a
    /// verb in the present («يتجاهل»), whose letters look like a name's
    /// enough ([`MIN_NAME_SCORE`]: «قوطالي», not «تجميل», «صورتها»).
    fn is_family_word(&self, t: &TokenInfo) -> bool {
        let f = t.folded.as_str();
        if !self.is_surname_shape(t) {
            return false;
        }
        let rare = self.is_uncommon(f);
        if f.starts_with("ال") {
            t.seen == Some(EntityKind::Person) || (rare && (f.ends_with('ي') || f.ends_with('ه')))
        } else {
            is_person_word(t)
                || (rare
                    && !f.starts_with('ي')
                    && self
                        .gaz
                        .name_score(f)
                        .is_some_and(|score| score >= MIN_NAME_SCORE))
        }
    }

    /// Whether a token has a surname's shape: an Arabic word with no
    /// clitic but perhaps the article (or a given name as written:
    /// «محمد فيصل»), three letters or more, and no stop
    /// word, title, time word or people's adjective.
    fn is_surname_shape(&self, t: &TokenInfo) -> bool {
        let f = t.folded.as_str();
        (no_clitic_but_article(t) || self.gaz.is_any_given_name(f))
            && f.chars().count() >= 3
            && f.chars().all(tokenize::is_arabic_char)
            && !self.gaz.is_stopword(f)
            && !self.gaz.is_title(f)
            && !OFFICE_HEADS.contains(&f)
            && !TIME_WORDS.contains(&f)
            && !self.is_people_adjective(f)
    }

    /// Whether a folded word is a people's adjective of a listed place
    /// that is no minor town ([`super::gazetteer::Gazetteer::is_major_one_word_place`]):
    /// «المصري» (مصر), «الروسي» (روسيا), «السعودي» (السعودية). Stricter
    /// than [`arabic::is_nisba`], which takes any place's first letters
    /// and so family names too («الطائي» for «الطائف»).
    fn is_people_adjective(&self, f: &str) -> bool {
        let bare = f.strip_prefix("ال").unwrap_or(f);
        let Some(stem) = ["يون", "يين", "يه", "ي"]
            .iter()
            .find_map(|suffix| bare.strip_suffix(suffix))
        else {
            return false;
        };
        [
            stem.to_string(),
            format!("ال{stem}"),
            format!("{stem}ا"),
            format!("{stem}يا"),
            format!("ال{stem}يه"),
            format!("{stem}يه"),
        ]
        .iter()
        .any(|place| self.gaz.is_major_one_word_place(place))
    }

    /// Whether a frequent word may still be the family name of a name of
    /// two words: no article, not common in ANERcorp train («نجم», «عودة»),
    /// and, unless a name word, not opened by a letter that may be a
    /// clitic the analysis left on («لصحافيين», «بطلب»).
    fn is_frequent_surname(&self, t: &TokenInfo) -> bool {
        let f = t.folded.as_str();
        self.is_surname_shape(t)
            && t.stem_at == 0
            && !f.starts_with("ال")
            && !self.common.contains(f)
            && (is_person_word(t) || !self.may_hold_clitic(t))
    }

    /// Whether a word is too likely no surname where a frequent or
    /// unknown word would be taken: a plural («صحافيين»), or a word the
    /// analysis found no clitic on that opens with a letter that is one
    /// before a word common in ANERcorp train or very frequent, bare or
    /// with the article («بطلب»; not «بشارة»).
    fn may_hold_clitic(&self, t: &TokenInfo) -> bool {
        let f = t.folded.as_str();
        let plural = f.chars().count() >= 5 && ["ين", "ون", "ات"].iter().any(|e| f.ends_with(e));
        plural
            || t.stem_at == 0
                && ['ل', 'ب', 'و', 'ف', 'ك'].iter().any(|c| {
                    f.strip_prefix(*c).is_some_and(|rest| {
                        let definite = format!("ال{rest}");
                        [rest, definite.as_str()]
                            .iter()
                            .any(|w| !self.is_uncommon(w))
                    })
                })
    }

    /// Whether a token is a definite word of a surname's shape neither
    /// common in ANERcorp train nor very frequent («المطوع»), whatever its
    /// ending.
    fn is_rare_definite(&self, t: &TokenInfo) -> bool {
        let f = t.folded.as_str();
        f.starts_with("ال") && self.is_surname_shape(t) && self.is_uncommon(f)
    }
}

/// Whether token `k` starts what a speaker said or ends the sentence:
/// none, a speech opener («إن», a comma), a mark, or a word opened
/// by «ل» («لوكالة», «للصحفيين»).
fn ends_speaker(infos: &[TokenInfo], k: usize) -> bool {
    infos.get(k).is_none_or(|t| {
        let f = t.folded.as_str();
        SPEECH_OPENERS.contains(&f)
            || !f.chars().any(tokenize::is_letter)
            || (t.stem_at > 0 && f.starts_with('ل'))
    })
}
