//! Gazetteers: names of places, organisations and people in Arabic and
//! English, linked by a shared id (موسكو = Moscow = `loc:moscow`), plus
//! trigger words. Compiled in from `data/gazetteer/*.tsv`.

use crate::text::fold::is_harakah;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use super::arabic::{
    PREFIXES, found_with_clitic, greedy_stem, listed_with_clitic, strip_article_clitic,
};
use super::hash::{FastMap, FastSet};
use super::name_grams::NameGrams;
use super::tokenize::{is_arabic_char, is_hebrew_char};
use crate::model::EntityKind;
use crate::text::fold::fold;

/// Hebrew prefixes a name takes in running text («באילת», «לישראל»,
/// «הטכניון»): the article, the prepositions ב ל מ כ, «ו» and «ש», and
/// their usual pairs. Hand-written Hebrew entries leave the article out,
/// as it is one of these.
/// A fresh gazetteer id (see [`Gazetteer::id`]).
fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

const HEBREW_PREFIXES: [&str; 20] = [
    "ה", "ב", "ל", "מ", "ו", "ש", "כ", "וה", "וב", "ול", "ומ", "וש", "וכ", "שה", "שב", "של", "שמ",
    "מה", "כש", "לה",
];

/// How the names of a file are used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Tagger features (the model was trained with them) and full names.
    Feature,
    /// Full names but no tagger feature: a list that grows without
    /// retraining the model (`companies.tsv`, `bodies.tsv`).
    Plain,
    /// Minor names: GeoNames' towns (`cities.tsv`) and the hand-written
    /// regions (`regions.tsv`). Many are also surnames or rare words
    /// («أوز», «باجيو»), so such a name is no tagger feature, cuts no
    /// span and overrides none; it is only taken where the tagger found
    /// nothing, lends its id, or, when it is a place of several words,
    /// takes in the tagger's places inside it («ريف دمشق», where the
    /// tagger found «دمشق»; «النيل الأزرق», over the listed «النيل»), and
    /// a person too when it has three words or more and opens with a
    /// place or a facility's noun («معبر كرم أبو سالم»).
    Minor,
}

/// The name files, minor ones last, so that a spelling both have is the
/// full name's.
const SOURCES: [(&str, Listing); 12] = [
    (
        include_str!("../../../data/gazetteer/places.tsv"),
        Listing::Feature,
    ),
    (
        include_str!("../../../data/gazetteer/places_extra.tsv"),
        Listing::Feature,
    ),
    (
        include_str!("../../../data/gazetteer/orgs.tsv"),
        Listing::Feature,
    ),
    (
        include_str!("../../../data/gazetteer/clubs_companies.tsv"),
        Listing::Feature,
    ),
    (
        include_str!("../../../data/gazetteer/people.tsv"),
        Listing::Feature,
    ),
    (
        include_str!("../../../data/gazetteer/misc.tsv"),
        Listing::Feature,
    ),
    (
        include_str!("../../../data/gazetteer/companies.tsv"),
        Listing::Plain,
    ),
    (
        include_str!("../../../data/gazetteer/clubs.tsv"),
        Listing::Plain,
    ),
    (
        include_str!("../../../data/gazetteer/bodies.tsv"),
        Listing::Plain,
    ),
    (
        include_str!("../../../data/gazetteer/divisions.tsv"),
        Listing::Plain,
    ),
    (
        include_str!("../../../data/gazetteer/regions.tsv"),
        Listing::Minor,
    ),
    (
        include_str!("../../../data/gazetteer/cities.tsv"),
        Listing::Minor,
    ),
];
const TRIGGERS: &str = include_str!("../../../data/gazetteer/triggers.tsv");
const TITLES: &str = include_str!("../../../data/gazetteer/titles.tsv");
const STOPWORDS: &str = include_str!("../../../data/gazetteer/stopwords.tsv");
const FIRST_NAMES: &str = include_str!("../../../data/gazetteer/first_names.tsv");
const WORLD_GIVEN_NAMES: &str = include_str!("../../../data/gazetteer/world_given_names.tsv");
const SPORTS: &str = include_str!("../../../data/gazetteer/sports.tsv");
const AMBIGUOUS: &str = include_str!("../../../data/gazetteer/ambiguous.tsv");
const CITIES_AMBIGUOUS: &str = include_str!("../../../data/gazetteer/cities_ambiguous.tsv");
const SPORTS_CLUBS: &str = include_str!("../../../data/gazetteer/sports_clubs.tsv");
const AR_NAMES: &str = include_str!("../../../data/ner/ar-names.txt");
const AR_NAME_DICT: &str = include_str!("../../../data/ner/ar-name-dict.txt");

/// Folded words of the second column of a `lang<TAB>word` file.
fn word_list(src: &str) -> FastSet<String> {
    src.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(_, w)| fold(w))
        .collect()
}

/// The entries of a one-word-a-line list file: lines trimmed, `#`
/// comments and blank lines left out.
pub fn list_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

/// The spellings a folded name is also written in: Arabic «عبد الله» and
/// «عبدالله» both ways, English «al-» and «el-» for each other.
fn spellings(folded: &str) -> Vec<String> {
    let mut out = vec![folded.to_string()];
    if folded.contains("عبد ") {
        out.push(folded.replace("عبد ", "عبد"));
    }
    let toks: Vec<&str> = folded.split(' ').collect();
    if toks
        .iter()
        .any(|t| t.starts_with("عبد") && t.len() > "عبد".len())
    {
        let split: Vec<String> = toks
            .iter()
            .map(|t| match t.strip_prefix("عبد") {
                Some(rest) if rest.starts_with("ال") => format!("عبد {rest}"),
                _ => t.to_string(),
            })
            .collect();
        out.push(split.join(" "));
    }
    for (a, b) in [("al-", "el-"), ("el-", "al-")] {
        if toks.iter().any(|t| t.starts_with(a)) {
            let other: Vec<String> = toks
                .iter()
                .map(|t| match t.strip_prefix(a) {
                    Some(rest) => format!("{b}{rest}"),
                    None => t.to_string(),
                })
                .collect();
            out.push(other.join(" "));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// One gazetteer name: the shared id and the kind of thing it names.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Shared id across languages, e.g. `loc:moscow`.
    pub id: String,
    /// What the name denotes.
    pub kind: EntityKind,
}

/// A gazetteer hit in a sentence: tokens `start..end` name `entry`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    /// First token of the match.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into [`Gazetteer::entry`].
    pub entry: usize,
    /// How the name's file is used.
    pub listing: Listing,
}

/// A gazetteer name after its first token.
#[derive(Debug, Clone)]
struct Pattern {
    /// The folded tokens after the first.
    rest: Vec<String>,
    /// Index into the entries.
    entry: usize,
    /// Whether the original is an acronym (an English acronym must match
    /// in capitals).
    acronym: bool,
    /// How the name's file is used.
    listing: Listing,
    /// Whether the name is one Arabic word of three letters ending in
    /// «ة», which folding makes «ه»: written with «ه» in the text it is
    /// most often a word with a pronoun («جده», his grandfather, not
    /// «جدة»). Longer names are often spelt so («حماه», «مصراته»).
    ta_marbuta: bool,
    /// Whether the key is the name's own first word, not a clitic form of
    /// it («كوريا», not «وكوريا»).
    bare: bool,
}

/// Names and triggers. Names are indexed by their folded first token,
/// with the Arabic clitic variants of that token (و ف ب ل ك and
/// combinations) as keys of their own.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// First token → the names starting with it, longest first.
    names: FastMap<String, Vec<Pattern>>,
    triggers: FastMap<String, EntityKind>,
    single_tokens: FastSet<String>,
    /// Folded one-word town and region names (minor lists), as listed,
    /// with no clitic variant (see [`Gazetteer::is_bare_name_of`]).
    minor_tokens: FastSet<String>,
    place_stems: FastSet<String>,
    titles: FastSet<String>,
    stopwords: FastSet<String>,
    first_names: FastSet<String>,
    /// Folded given names from across the world (`world_given_names.tsv`),
    /// which are no tagger feature.
    world_given_names: FastSet<String>,
    /// Folded one-word names that are also ordinary words
    /// (`ambiguous.tsv`).
    ambiguous: FastSet<String>,
    /// Folded, clitic-free words of sports news (`sports.tsv`).
    sports: FastSet<String>,
    /// Folded one-word club names that are also ordinary words or places
    /// (`sports_clubs.tsv`), and the club's entry.
    sports_clubs: FastMap<String, usize>,
    /// Clitic-free folded Arabic words that were mostly part of a name
    /// of one kind in the tagger's training text (`data/ner/ar-names.txt`).
    seen_names: FastMap<String, EntityKind>,
    /// Clitic-free folded Arabic words of a dictionary of names, less
    /// those common in the tagger's training text
    /// (`data/ner/ar-name-dict.txt`).
    name_dict: FastSet<String>,
    /// How name-like Arabic words look by their letters.
    name_grams: NameGrams,
    /// See [`Gazetteer::id`].
    id: u64,
}

impl Gazetteer {
    /// Builds the gazetteer from the compiled-in data files.
    pub fn builtin() -> Gazetteer {
        let mut entries: Vec<Entry> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut names: FastMap<String, Vec<Pattern>> = FastMap::default();
        let mut seen: FastSet<String> = FastSet::default();
        let mut single_tokens = FastSet::default();
        let mut minor_tokens = FastSet::default();
        let mut place_stems = FastSet::default();
        for (line, listing) in SOURCES
            .iter()
            .flat_map(|&(s, listing)| s.lines().map(move |l| (l, listing)))
        {
            let minor = listing == Listing::Minor;
            if line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let [id, kind, _lang, name] = f[..] else {
                continue;
            };
            let Some(kind) = EntityKind::parse(kind) else {
                continue;
            };
            let idx = *ids.entry(id.to_string()).or_insert_with(|| {
                entries.push(Entry {
                    id: id.to_string(),
                    kind,
                });
                entries.len() - 1
            });
            let acronym = name.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && name.chars().all(|c| !c.is_lowercase());
            let ta_marbuta =
                name.ends_with('ة') && name.chars().filter(|&c| !is_harakah(c)).count() == 3;
            for folded in spellings(&super::tokenize::tokenize(&fold(name)).join(" ")) {
                if folded.is_empty() {
                    continue;
                }
                let arabic = folded.chars().any(is_arabic_char);
                if !folded.contains(' ') {
                    if minor {
                        minor_tokens.insert(folded.clone());
                    } else {
                        single_tokens.insert(folded.clone());
                    }
                }
                if kind == EntityKind::Place && !minor {
                    let bare = folded.strip_prefix("ال").unwrap_or(&folded);
                    let chars: Vec<char> = bare.chars().collect();
                    let min = if arabic { 3 } else { 4 };
                    for n in min..=chars.len().min(8) {
                        place_stems.insert(chars[..n].iter().collect::<String>());
                    }
                    if arabic && bare.len() < folded.len() && !folded.contains(' ') {
                        // «ألمانيا»: its «أل» is no article, and the
                        // adjective «الألمانية» keeps it («الألمان…»).
                        let chars: Vec<char> = folded.chars().collect();
                        for n in 5..=chars.len().min(8) {
                            place_stems.insert(chars[..n].iter().collect::<String>());
                        }
                    }
                }
                let mut variants = vec![folded.clone()];
                if folded.chars().any(is_hebrew_char) {
                    for p in HEBREW_PREFIXES {
                        variants.push(format!("{p}{folded}"));
                    }
                }
                // A spelt acronym's one-letter first word («د ب أ») takes
                // no clitic variant: «بد», «ود» would open names
                // everywhere («بوبا» read as «ب» + «وبا»).
                let first_letters = folded.split(' ').next().map_or(0, |w| w.chars().count());
                if arabic && first_letters >= 2 {
                    // «ف» and «ك» seldom stand before a company or a
                    // body, and the long plain lists would read words
                    // as them («كريديت» as «ك» + Reddit).
                    let plain = listing == Listing::Plain;
                    for p in PREFIXES {
                        if !(plain && p.contains(['ف', 'ك'])) {
                            variants.push(format!("{p}{folded}"));
                        }
                    }
                    if let Some(rest) = folded.strip_prefix("ال") {
                        for p in ["لل", "ولل", "فلل"] {
                            variants.push(format!("{p}{rest}"));
                        }
                    }
                }
                for v in variants {
                    if !seen.insert(v.clone()) {
                        continue;
                    }
                    let bare = v == folded;
                    let mut toks = v.split(' ').map(str::to_string);
                    let Some(first) = toks.next() else {
                        continue;
                    };
                    names.entry(first).or_default().push(Pattern {
                        rest: toks.collect(),
                        entry: idx,
                        acronym,
                        listing,
                        ta_marbuta,
                        bare,
                    });
                }
            }
        }
        for pats in names.values_mut() {
            pats.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        let mut sports_clubs = FastMap::default();
        for line in SPORTS_CLUBS.lines().filter(|l| !l.starts_with('#')) {
            if let [id, _lang, name] = line.split('\t').collect::<Vec<_>>()[..]
                && let Some(&idx) = ids.get(id)
            {
                sports_clubs.insert(fold(name), idx);
            }
        }
        let mut triggers = FastMap::default();
        for line in TRIGGERS.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if let [kind, _lang, word] = f[..]
                && let Some(kind) = EntityKind::parse(kind)
            {
                triggers.entry(fold(word)).or_insert(kind);
            }
        }
        Gazetteer {
            entries,
            names,
            triggers,
            single_tokens,
            minor_tokens,
            place_stems,
            titles: word_list(TITLES),
            stopwords: word_list(STOPWORDS),
            first_names: word_list(FIRST_NAMES),
            world_given_names: word_list(WORLD_GIVEN_NAMES),
            ambiguous: word_list(AMBIGUOUS)
                .into_iter()
                .chain(word_list(CITIES_AMBIGUOUS))
                .collect(),
            sports: word_list(SPORTS)
                .iter()
                .map(|w| greedy_stem(w).to_string())
                .collect(),
            sports_clubs,
            seen_names: FastMap::default(),
            name_dict: FastSet::default(),
            name_grams: NameGrams::builtin(),
            id: next_id(),
        }
        .with_seen_names(AR_NAMES)
        .with_name_dict(AR_NAME_DICT)
    }

    /// The gazetteer with another list of words seen in names (`kind<TAB>
    /// word` lines, `#` comments; see [`Gazetteer::seen_name`]): training
    /// gives each part of its text the list made from the other parts.
    pub fn with_seen_names(mut self, text: &str) -> Gazetteer {
        self.seen_names = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(k, w)| Some((w.to_string(), EntityKind::parse(k)?)))
            .collect();
        self.id = next_id();
        self
    }

    /// The kind of name a clitic-free folded Arabic word was mostly part
    /// of in the tagger's training text.
    pub fn seen_name(&self, stem: &str) -> Option<EntityKind> {
        self.seen_names.get(stem).copied()
    }

    /// The gazetteer with another dictionary of name words (one
    /// clitic-free folded word a line, `#` comments; see
    /// [`Gazetteer::in_name_dict`]): for models trained on part of the data.
    pub fn with_name_dict(mut self, text: &str) -> Gazetteer {
        self.name_dict = list_lines(text).map(str::to_string).collect();
        self.id = next_id();
        self
    }

    /// An id no other gazetteer of this process has, changed by every
    /// `with_` method: what answers cached per word are kept under.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Whether a clitic-free folded Arabic word is in the dictionary of
    /// name words: most unseen words there are names, most unseen words
    /// elsewhere are not.
    pub fn in_name_dict(&self, stem: &str) -> bool {
        self.name_dict.contains(stem)
    }

    /// How many letters of [`HEBREW_PREFIXES`] open a Hebrew name's first
    /// word («באילת» → «אילת»), if any: the shortest prefix whose removal
    /// leaves a known name (or, for a name of several words, the first
    /// word of one). None for a word that is a name as it stands.
    pub fn hebrew_prefix_len(&self, first: &str, several: bool) -> Option<usize> {
        if self.is_name_token(first) {
            return None;
        }
        let known = |w: &str| self.is_name_token(w) || (several && self.starts_name(w));
        HEBREW_PREFIXES
            .iter()
            .filter_map(|p| {
                first
                    .strip_prefix(p)
                    .filter(|rest| rest.chars().nth(1).is_some())
            })
            .find(|rest| known(rest))
            .map(|rest| first[..first.len() - rest.len()].chars().count())
    }

    /// How name-like a clitic-free folded Arabic word looks by its
    /// letters (see [`NameGrams::score`]).
    pub fn name_score(&self, stem: &str) -> Option<f32> {
        self.name_grams.score(stem)
    }

    /// The entry a match refers to.
    pub fn entry(&self, idx: usize) -> Option<&Entry> {
        self.entries.get(idx)
    }

    /// The kind of the entry a match refers to.
    pub fn kind_of(&self, m: &GazMatch) -> Option<EntityKind> {
        self.entry(m.entry).map(|e| e.kind)
    }

    /// The trigger kind of a folded token, if it announces a name.
    pub fn trigger(&self, folded: &str) -> Option<EntityKind> {
        self.triggers.get(folded).copied()
    }

    /// True when a folded single token is a gazetteer name.
    pub fn is_name_token(&self, folded: &str) -> bool {
        self.single_tokens.contains(folded)
    }

    /// True when a folded token is a one-word name of the entry `id` as
    /// listed, not a clitic form of it: of «وكسلا», «كسلا» is Kassala's
    /// name and «سلا» another town's, so a mention with Kassala's id
    /// loses «و» alone.
    pub fn is_bare_name_of(&self, folded: &str, id: &str) -> bool {
        (self.single_tokens.contains(folded) || self.minor_tokens.contains(folded))
            && self.names.get(folded).is_some_and(|pats| {
                pats.iter().any(|p| {
                    p.rest.is_empty() && self.entries.get(p.entry).is_some_and(|e| e.id == id)
                })
            })
    }

    /// True when a folded token is a minor gazetteer name (a town or
    /// region, see [`Listing::Minor`]), or with `several` the first word of
    /// one. Only a mention of that town strips a clitic on its strength:
    /// «بلاتر» is no «ب» + Latur, and «بنها» no «ب» + «نها ترانج».
    pub fn starts_minor_name(&self, folded: &str, several: bool) -> bool {
        self.names.get(folded).is_some_and(|pats| {
            pats.iter()
                .any(|p| p.listing == Listing::Minor && (several || p.rest.is_empty()))
        })
    }

    /// True when a folded token is a one-word place of a list that is no
    /// minor one (countries, capitals, major cities and regions, not the
    /// GeoNames towns): the places people's adjectives are made from
    /// («المصري», «الطرابلسي»; «الحارثية» is no town's).
    pub fn is_major_one_word_place(&self, folded: &str) -> bool {
        self.names.get(folded).is_some_and(|pats| {
            pats.iter().any(|p| {
                p.rest.is_empty()
                    && p.listing != Listing::Minor
                    && self
                        .entries
                        .get(p.entry)
                        .is_some_and(|e| e.kind == EntityKind::Place)
            })
        })
    }

    /// True when a folded token is a one-word place of any list, minor
    /// ones included.
    pub fn is_one_word_place(&self, folded: &str) -> bool {
        self.names.get(folded).is_some_and(|pats| {
            pats.iter().any(|p| {
                p.rest.is_empty()
                    && self
                        .entries
                        .get(p.entry)
                        .is_some_and(|e| e.kind == EntityKind::Place)
            })
        })
    }

    /// True when a folded token (clitics allowed) is the first word of a
    /// gazetteer name other than a minor one («والوداد» for «الوداد
    /// البيضاوي»). Of the plain lists' names of several words it is not
    /// (see [`Gazetteer::opens_listed_name`] for those): thousands of
    /// companies and bodies there open with words that are also names or
    /// words on their own («وود» of «وود ماكنزي», «ريد» of «ريد بول» in
    /// «فريد»).
    pub fn starts_name(&self, folded: &str) -> bool {
        self.names.get(folded).is_some_and(|pats| {
            pats.iter().any(|p| match p.listing {
                Listing::Feature => true,
                Listing::Plain => p.rest.is_empty(),
                Listing::Minor => false,
            })
        })
    }

    /// True when a folded first word and the words after it (`rest`, at
    /// least as many as the name has) open a listed name other than a
    /// minor one: «اتش» before «اس بي سي العربيه», of «إتش إس بي سي».
    pub fn opens_listed_name<'a>(
        &self,
        first: &str,
        rest: impl Iterator<Item = &'a str> + Clone,
    ) -> bool {
        self.names.get(first).is_some_and(|pats| {
            pats.iter().any(|p| {
                let mut words = rest.clone();
                p.listing != Listing::Minor
                    && p.rest.iter().all(|a| words.next() == Some(a.as_str()))
            })
        })
    }

    /// True when a folded token is the first word of a name of the entry
    /// `id` as listed, not a clitic form of it: of «وكوريا», «كوريا» is
    /// South Korea's and «وريا» only a clitic form of «ريا نوفوستي».
    pub fn starts_name_of(&self, folded: &str, id: &str) -> bool {
        self.names.get(folded).is_some_and(|pats| {
            pats.iter()
                .any(|p| p.bare && self.entries.get(p.entry).is_some_and(|e| e.id == id))
        })
    }

    /// True for a folded title word («الرئيس», «chancellor») that may
    /// precede a name inside a tagged span.
    pub fn is_title(&self, folded: &str) -> bool {
        self.titles.contains(folded)
    }

    /// True for a folded common given name («محمد», «john») or name
    /// opener («عبد», «ابو»).
    pub fn is_first_name(&self, folded: &str) -> bool {
        self.first_names.contains(folded)
    }

    /// True for a folded given name of either list: `first_names.tsv`
    /// or the world's given names that are no tagger feature.
    pub fn is_any_given_name(&self, folded: &str) -> bool {
        self.first_names.contains(folded) || self.world_given_names.contains(folded)
    }

    /// True for a folded, clitic-free word of sports news («مباراه»,
    /// «ملعب»): in a sentence holding one, a one-word name that is also an
    /// ordinary word is read as the word.
    pub fn is_sports_word(&self, stem: &str) -> bool {
        self.sports.contains(stem)
    }

    /// The club a folded token (clitics allowed: «للهلال», «والنصر») names
    /// in sports news, where it is a club's short name that is otherwise
    /// an ordinary word or a place (`sports_clubs.tsv`).
    pub fn sports_club(&self, folded: &str) -> Option<usize> {
        self.sports_clubs.get(folded).copied().or_else(|| {
            found_with_clitic(&strip_article_clitic(folded), |w| {
                self.sports_clubs.get(w).copied()
            })
        })
    }

    /// True for a folded token (clitics allowed: «بحماس») that is a
    /// one-word name and also an ordinary word: taken only where the
    /// tagger agrees.
    pub fn is_ambiguous(&self, folded: &str) -> bool {
        listed_with_clitic(folded, |w| self.ambiguous.contains(w))
            || self
                .ambiguous
                .contains(strip_article_clitic(folded).as_ref())
    }

    /// True for a folded word that is never a name alone (days, months,
    /// acronyms of common nouns such as «LNG»).
    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains(folded)
    }

    /// True when a folded string starts a place name (for nationality
    /// adjectives such as «الروسي» or «Korean»).
    pub fn is_place_stem(&self, s: &str) -> bool {
        self.place_stems.contains(s)
    }

    /// Finds gazetteer names in a sentence, given its original and folded
    /// tokens (same length): at each token the longest name starting
    /// there, left to right, so matches never overlap and always cover
    /// whole tokens. English names must be capitalised in the text, and
    /// acronyms written in capitals.
    pub fn find<S: AsRef<str>>(&self, tokens: &[&str], folded: &[S]) -> Vec<GazMatch> {
        self.find_names(tokens, folded, false)
    }

    /// [`Gazetteer::find`] with only the names that are tagger features
    /// ([`Listing::Feature`]), which no other name may hide («دمشق» in
    /// «ريف دمشق» is still a listed place to the tagger), so that the
    /// model sees them as it did in training.
    pub fn find_features<S: AsRef<str>>(&self, tokens: &[&str], folded: &[S]) -> Vec<GazMatch> {
        self.find_names(tokens, folded, true)
    }

    fn find_names<S: AsRef<str>>(
        &self,
        tokens: &[&str],
        folded: &[S],
        features_only: bool,
    ) -> Vec<GazMatch> {
        let n = tokens.len().min(folded.len());
        let best_at = |i: usize| -> Option<&Pattern> {
            let pats = self.names.get(folded[i].as_ref())?;
            let fits = |p: &&Pattern| {
                let end = i + 1 + p.rest.len();
                end <= n
                    && p.rest
                        .iter()
                        .zip(&folded[i + 1..end])
                        .all(|(a, b)| a == b.as_ref())
                    && case_ok(&tokens[i..end], p.acronym)
                    && !(p.ta_marbuta && ha_for_ta_marbuta(tokens, folded, i))
                    && (p.listing == Listing::Feature || !features_only)
            };
            let mut fitting = pats.iter().filter(fits);
            let first = fitting.next()?;
            // A full name's spelling wins over a minor name's of the
            // same length, not over a longer one: «النيل الأزرق» is the
            // Blue Nile, not «النيل» and a word.
            Some(match first.listing {
                Listing::Minor => fitting
                    .find(|p| p.listing != Listing::Minor && p.rest.len() == first.rest.len())
                    .unwrap_or(first),
                Listing::Feature | Listing::Plain => first,
            })
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            match best_at(i) {
                Some(p) => {
                    let mut end = i + 1 + p.rest.len();
                    // A longer spelling of the same name that starts
                    // inside this one carries it on: «شركة أرامكو» then
                    // «أرامكو السعودية» is one «شركة أرامكو السعودية».
                    let mut j = i + 1;
                    while j < end {
                        if let Some(q) = best_at(j).filter(|q| q.entry == p.entry) {
                            end = end.max(j + 1 + q.rest.len());
                        }
                        j += 1;
                    }
                    out.push(GazMatch {
                        start: i,
                        end,
                        entry: p.entry,
                        listing: p.listing,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Whether a short one-word name at `i` ([`Pattern::ta_marbuta`]) is
/// written with «ه» where it is likely a word and a pronoun («وجده»,
/// "and his grandfather" or "found it"): not after «ب» ("in") or
/// «مدينة» («مدينة جده» is Jeddah misspelt).
fn ha_for_ta_marbuta<S: AsRef<str>>(tokens: &[&str], folded: &[S], i: usize) -> bool {
    let written = tokens[i].trim_end_matches(is_harakah);
    written.ends_with('ه')
        && !written.starts_with('ب')
        && !(i > 0 && folded[i - 1].as_ref() == "مدينه")
}

/// Whether a Latin-script match is written as a name: capitalised (past
/// a small «al-», «el-», or «al» or «el» alone: «al Shabaab»), and
/// in capitals throughout when the name is an acronym. Arabic matches
/// always pass.
fn case_ok(span: &[&str], acronym: bool) -> bool {
    let caseless = |c: char| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase();
    if span.iter().any(|t| t.chars().any(is_arabic_char))
        || span
            .first()
            .and_then(|t| t.chars().next())
            .is_some_and(caseless)
    {
        return true;
    }
    let article = |t: &str| matches!(t, "al" | "el");
    let first_upper = span
        .iter()
        .skip(usize::from(
            span.len() > 1 && span.first().is_some_and(|t| article(t)),
        ))
        .map(|t| {
            ["al-", "el-"]
                .iter()
                .find_map(|p| t.strip_prefix(p))
                .unwrap_or(t)
        })
        .next()
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase);
    first_upper && (!acronym || span.iter().all(|t| !t.chars().any(char::is_lowercase)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latin_name_may_open_with_a_small_arabic_article() {
        assert!(case_ok(&["al", "Shabaab"], false));
        assert!(case_ok(&["al-Shabab"], false));
        assert!(!case_ok(&["al", "shabaab"], false));
        assert!(!case_ok(&["al"], false));
    }

    fn find_ids(g: &Gazetteer, s: &str) -> Vec<String> {
        let toks = super::super::tokenize::tokenize(s);
        let folded: Vec<String> = toks.iter().map(|t| fold(t)).collect();
        g.find(&toks, &folded)
            .iter()
            .filter_map(|m| g.entry(m.entry).map(|e| e.id.clone()))
            .collect()
    }

    #[test]
    fn every_sports_club_is_a_listed_organisation() {
        let g = Gazetteer::builtin();
        let lines: Vec<&str> = SPORTS_CLUBS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        let names: FastSet<String> = lines
            .iter()
            .filter_map(|l| l.rsplit('\t').next())
            .map(fold)
            .collect();
        assert_eq!(g.sports_clubs.len(), names.len());
        for line in lines {
            let name = line.rsplit('\t').next().unwrap_or_default();
            let e = g.sports_club(&fold(name)).and_then(|i| g.entry(i));
            assert!(
                e.is_some_and(|e| e.kind == EntityKind::Org),
                "{line}: no organisation"
            );
        }
        let club = |w: &str| {
            g.sports_club(&fold(w))
                .and_then(|i| g.entry(i))
                .map(|e| e.id.clone())
        };
        assert_eq!(club("للهلال").as_deref(), Some("org:hilal"));
        assert_eq!(club("والنصر").as_deref(), Some("org:nassr"));
        assert_eq!(club("بالمريخ").as_deref(), Some("org:merrikh"));
        assert_eq!(club("الهلالي"), None);
        assert_eq!(
            find_ids(&g, "Al-Ittihad beat Al-Hilal"),
            vec!["org:ittihad", "org:hilal"]
        );
    }

    #[test]
    fn clitic_variants_and_languages_link() {
        let g = Gazetteer::builtin();
        assert_eq!(find_ids(&g, "وصل إلى موسكو"), vec!["loc:moscow"]);
        assert_eq!(find_ids(&g, "He flew to Moscow"), vec!["loc:moscow"]);
        assert_eq!(
            find_ids(&g, "زيارة لروسيا وبكين"),
            vec!["loc:russia", "loc:beijing"]
        );
        assert_eq!(find_ids(&g, "اجتماع بالقاهرة"), vec!["loc:cairo"]);
        assert_eq!(find_ids(&g, "الولايات المتحدة"), vec!["loc:united_states"]);
        assert!(find_ids(&g, "the moscow mule").is_empty());
        assert!(find_ids(&g, "let us go").is_empty());
        assert!(find_ids(&g, "المسؤول الروسي").is_empty());
        assert!(find_ids(&g, "استقبل السكان الخبر بارتياح").is_empty());
        assert_eq!(find_ids(&g, "في مدينة الخبر"), vec!["loc:khobar"]);
    }

    #[test]
    fn the_name_dictionary_is_shipped_and_can_be_replaced() {
        let g = Gazetteer::builtin();
        assert!(g.name_dict.len() > 5000, "shipped list loaded");
        let g = g.with_name_dict("# header\nفرويد\n\n  \n");
        assert!(g.in_name_dict("فرويد"));
        assert!(!g.in_name_dict("# header"));
        assert_eq!(g.name_dict.len(), 1);
    }

    #[test]
    fn words_seen_in_names_are_replaced_by_another_list() {
        let g = Gazetteer::builtin();
        assert!(g.seen_names.len() > 1000, "shipped list loaded");
        let g = g.with_seen_names("# x\nperson\tشالوم\nbogus\tكلمه\norg\n");
        assert_eq!(g.seen_name("شالوم"), Some(EntityKind::Person));
        assert_eq!(g.seen_name("كلمه"), None);
        assert_eq!(g.seen_names.len(), 1);
    }

    #[test]
    fn triggers_and_stems() {
        let g = Gazetteer::builtin();
        assert_eq!(g.trigger(&fold("الرئيس")), Some(EntityKind::Person));
        assert_eq!(g.trigger(&fold("شركة")), Some(EntityKind::Org));
        assert!(g.is_place_stem("روس"));
    }

    #[test]
    fn spellings_cover_joined_abd_and_el() {
        let g = Gazetteer::builtin();
        assert_eq!(find_ids(&g, "الرئيس عبدالفتاح السيسي"), vec!["per:sisi"]);
        assert_eq!(find_ids(&g, "President el-Sisi said"), vec!["per:sisi"]);
        assert_eq!(find_ids(&g, "Abdel Fattah al-Sisi"), vec!["per:sisi"]);
        assert_eq!(
            find_ids(&g, "التقى عبد الله بن عبد العزيز"),
            vec!["per:king_abdullah"]
        );
        assert_eq!(find_ids(&g, "وقال السيسي"), vec!["per:sisi"]);
    }

    #[test]
    fn a_longer_spelling_inside_a_name_carries_it_on() {
        let g = Gazetteer::builtin();
        let toks = super::super::tokenize::tokenize("إن شركة أرامكو السعودية ستوسع");
        let folded: Vec<String> = toks.iter().map(|t| fold(t)).collect();
        let found: Vec<(usize, usize)> = g
            .find(&toks, &folded)
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        assert_eq!(found, vec![(1, 4)], "one match over all three words");
    }

    #[test]
    fn a_one_letter_first_word_takes_no_clitic_variant() {
        let g = Gazetteer::builtin();
        assert!(g.starts_name("د") && g.starts_name("ا"), "«د ب أ», «أ ف ب»");
        assert!(!g.starts_name("بد") && !g.starts_name("وا") && !g.starts_name("وبا"));
    }
}
