//! Arabic clitics: the conjunctions, prepositions and article glued to
//! names («وبكين», «لروسيا», «بالقاهرة»).

use std::borrow::Cow;

use super::hash::FastSet;

/// Clitic prefixes that may precede a name, longest first.
pub const PREFIXES: [&str; 11] = ["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"];

/// True when `listed` holds for the folded word or for what follows one
/// clitic prefix of it («بمطار» for «مطار», «لوزارة» for «وزارة»).
pub fn listed_with_clitic(w: &str, listed: impl Fn(&str) -> bool) -> bool {
    found_with_clitic(w, |x| listed(x).then_some(())).is_some()
}

/// What follows one clitic prefix of a folded word, in the order of
/// [`PREFIXES`] (a two-letter prefix before its first letter:
/// «وبمطار» gives «مطار», then «بمطار»). The letters are read one at a
/// time instead of comparing the word with each prefix, as this runs
/// for most tokens of an article.
pub fn after_prefixes(w: &str) -> impl Iterator<Item = &str> {
    let mut letters = w.chars();
    let first = letters
        .next()
        .filter(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'));
    let after_first = letters.as_str();
    let after_two = first.filter(|c| matches!(c, 'و' | 'ف')).and_then(|_| {
        letters
            .next()
            .filter(|c| matches!(c, 'ب' | 'ل' | 'ك'))
            .map(|_| letters.as_str())
    });
    after_two.into_iter().chain(first.map(|_| after_first))
}

/// What `find` gives for the folded word or, failing that, for what
/// follows one clitic prefix of it («والنصر» for «النصر»).
pub fn found_with_clitic<T>(w: &str, find: impl Fn(&str) -> Option<T>) -> Option<T> {
    find(w).or_else(|| after_prefixes(w).find_map(find))
}

/// A fixed list of folded words looked up with clitics at every token of
/// an article («وزاره» in «لوزارة»). A word's clitic-free forms all end
/// as the word does, so a 1,024-bit filter of the list's last four bytes
/// passes over most tokens with one test; a second filter of each
/// word's length and last bytes turns away most forms that pass it
/// (Arabic words share their endings: «اره», «يه») before the set is
/// looked up.
pub struct CliticList {
    words: FastSet<&'static str>,
    endings: EndingFilter,
    forms: [u64; 16],
}

/// A 1,024-bit filter of the last four bytes of a set of folded words,
/// asked before looking a token up with its clitics: a word's
/// clitic-free forms («لوزاره» → «وزاره») end as the word does, so a
/// token whose ending no word has cannot be any of them. Words of under
/// four bytes let every token through.
#[derive(Default)]
pub struct EndingFilter {
    bits: [u64; 16],
    short: bool,
}

impl EndingFilter {
    /// Adds a word's ending.
    pub fn insert(&mut self, w: &str) {
        match ending_bit(w) {
            Some(k) => set_bit(&mut self.bits, k),
            None => self.short = true,
        }
    }

    /// False when no word added can be `w` or a form of it without
    /// clitics.
    pub fn may_hold(&self, w: &str) -> bool {
        self.short || ending_bit(w).is_some_and(|k| has_bit(&self.bits, k))
    }
}

/// A word's last four bytes, or None when it has fewer.
fn last_four(w: &str) -> Option<u32> {
    let b = w.as_bytes();
    let last: [u8; 4] = b.get(b.len().checked_sub(4)?..)?.try_into().ok()?;
    Some(u32::from_le_bytes(last))
}

/// The filter bit of a word's last four bytes, or None when it has fewer.
fn ending_bit(w: &str) -> Option<usize> {
    Some((last_four(w)?.wrapping_mul(0x9E37_79B1) >> 22) as usize)
}

/// The filter bit of a word's length and last four bytes, or None when
/// it has fewer.
fn form_bit(w: &str) -> Option<usize> {
    let key = u64::from(last_four(w)?) | (w.len() as u64) << 32;
    Some((key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize)
}

/// Sets a bit of a 1,024-bit filter.
fn set_bit(filter: &mut [u64; 16], k: usize) {
    filter[k / 64] |= 1 << (k % 64);
}

/// Whether a bit of a 1,024-bit filter is set.
fn has_bit(filter: &[u64; 16], k: usize) -> bool {
    filter[k / 64] & (1 << (k % 64)) != 0
}

impl CliticList {
    /// The filters and set for `words`.
    pub fn new(words: &'static [&'static str]) -> CliticList {
        let mut endings = EndingFilter::default();
        let mut forms = [0u64; 16];
        for w in words {
            endings.insert(w);
            if let Some(f) = form_bit(w) {
                set_bit(&mut forms, f);
            }
        }
        CliticList {
            words: words.iter().copied().collect(),
            endings,
            forms,
        }
    }

    /// True when the folded word, or what follows one clitic prefix of
    /// it, is in the list, or it is «ل» merged with a listed definite
    /// word.
    pub fn holds(&self, w: &str) -> bool {
        let short = self.endings.short;
        self.endings.may_hold(w)
            && (listed_with_clitic(w, |x| {
                (short || form_bit(x).is_some_and(|k| has_bit(&self.forms, k)))
                    && self.words.contains(x)
            }) || self.holds_after_lam(w))
    }

    /// True when the word is «ل» merged with a listed definite word,
    /// with «و» or «ف» before it or not: «للاتحاد» for «الاتحاد».
    fn holds_after_lam(&self, w: &str) -> bool {
        ["لل", "ولل", "فلل"].iter().any(|p| w.starts_with(p))
            && self.words.contains(strip_article_clitic(w).as_ref())
    }
}

/// Folded prepositions written as words of their own: a word after one
/// takes no other preposition or conjunction as a clitic, and none is a
/// noun of a name.
pub const FREE_PREPOSITIONS: [&str; 16] = [
    "في", "من", "الي", "علي", "عن", "مع", "لدي", "عند", "ضمن", "عبر", "حول", "دون", "بين", "تحت",
    "فوق", "خلال",
];

/// True for a folded word opened by the article with two letters or more
/// after it («المكتبة»), not the bare «ال» of a short word.
pub fn is_definite(w: &str) -> bool {
    w.starts_with("ال") && w.chars().count() >= 4
}

/// True for a folded word that looks like a definite adjective: the
/// article and a relational ending («الدولي», «المصرية», «الثاني»).
pub fn is_definite_adjective(w: &str) -> bool {
    w.starts_with("ال") && (w.ends_with('ي') || w.ends_with("يه")) && w.chars().count() >= 5
}

/// Prefix + article combinations that unambiguously mean "clitic + ال".
const ARTICLE_PREFIXES: [&str; 9] = [
    "وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل",
];

/// Rewrites an unambiguous clitic + article (folded) to the bare article
/// form: «بالقاهره» → «القاهره», «للقاهره» → «القاهره». Anything else is
/// returned as it is, borrowed: most words are, and this runs for most
/// tokens of an article.
pub fn strip_article_clitic(w: &str) -> Cow<'_, str> {
    if !w.starts_with(['و', 'ف', 'ب', 'ك', 'ل']) {
        return Cow::Borrowed(w);
    }
    for p in ARTICLE_PREFIXES {
        if let Some(rest) = w.strip_prefix(p)
            && rest.chars().count() >= 2
        {
            return Cow::Owned(format!("ال{rest}"));
        }
    }
    if let Some(rest) = w.strip_prefix("لل")
        && rest.chars().count() >= 2
    {
        return Cow::Owned(format!("ال{rest}"));
    }
    Cow::Borrowed(w)
}

/// Greedy stem used only as a CRF feature: conjunction, preposition and
/// article removed while at least two letters remain.
pub fn greedy_stem(w: &str) -> &str {
    let mut s = w;
    for p in ["و", "ف"] {
        if let Some(r) = s.strip_prefix(p)
            && r.chars().count() >= 3
        {
            s = r;
            break;
        }
    }
    if let Some(r) = s.strip_prefix("لل")
        && r.chars().count() >= 2
    {
        return r;
    }
    for p in ["ب", "ل", "ك"] {
        if let Some(r) = s.strip_prefix(p)
            && r.starts_with("ال")
        {
            s = r;
            break;
        }
    }
    if let Some(r) = s.strip_prefix("ال")
        && r.chars().count() >= 2
    {
        s = r;
    }
    s
}

/// The clitic-free form of a folded first token of a name: the article
/// rule first, then a clitic is removed only when the rest is a form
/// `known` says exists («لبوتين» → «بوتين» when «بوتين» is known) and
/// has three letters or more («كاف», the football confederation, is no
/// «ك» + «اف»). «ف» and «ك» before the article («فالسعودية», "so Saudi
/// Arabia") open a name more often than they stand before one in news
/// («فالنسيا», Valencia; «كالياري», Cagliari), so they are removed only
/// when the rest is known too.
pub fn strip_clitics(w: &str, known: &dyn Fn(&str) -> bool) -> String {
    let a = strip_article_clitic(w);
    let rare = w.starts_with('ف') || w.starts_with("وك") || w.starts_with('ك');
    if a != w && (!rare || known(&a)) {
        return a.into_owned();
    }
    after_prefixes(w)
        .find(|rest| rest.chars().count() >= 3 && known(rest))
        .unwrap_or(w)
        .to_string()
}

/// True when a folded token looks like a nationality or relation
/// adjective («الروسي», «الكوريه», «الامريكيين») built on `is_place_stem`.
pub fn is_nisba(w: &str, is_place_stem: &dyn Fn(&str) -> bool) -> bool {
    let s = strip_article_clitic(w);
    let Some(s) = s.strip_prefix("ال") else {
        return false;
    };
    for suf in ["يين", "يون", "يات", "يه", "ي"] {
        if let Some(stem) = s.strip_suffix(suf)
            && stem.chars().count() >= 2
            && is_place_stem(stem)
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clitic_list_finds_what_listed_with_clitic_finds() {
        static WORDS: [&str; 4] = ["وزاره", "مطار", "سد", "bank"];
        let list = CliticList::new(&WORDS);
        for w in [
            "وزاره",
            "لوزاره",
            "وبمطار",
            "سد",
            "وسد",
            "bank",
            "lbank",
            "مطارات",
            "سدود",
            "ban",
            "و",
            "",
        ] {
            let expected = listed_with_clitic(w, |x| WORDS.contains(&x));
            assert_eq!(list.holds(w), expected, "{w}");
        }
        assert!(list.holds("لوزاره") && !list.holds("مطارات"));
    }

    #[test]
    fn an_ending_filter_passes_a_word_with_clitics_and_turns_others_away() {
        let mut f = EndingFilter::default();
        f.insert("القاهره");
        f.insert("بوتين");
        for w in ["القاهره", "بالقاهره", "للقاهره", "لبوتين", "وبوتين"]
        {
            assert!(f.may_hold(w), "{w}");
        }
        assert!(!f.may_hold("الرياض") && !f.may_hold("بو"));
        f.insert("ب");
        assert!(f.may_hold("الرياض") && f.may_hold("بو"));
    }

    #[test]
    fn after_prefixes_strips_what_prefixes_lists_in_order() {
        for w in [
            "وبمطار",
            "ولندن",
            "فكان",
            "وزاره",
            "بكين",
            "لل",
            "و",
            "وب",
            "",
            "مطار",
            "ففي",
            "bank",
            "وlondon",
        ] {
            let expected: Vec<&str> = PREFIXES.iter().filter_map(|p| w.strip_prefix(p)).collect();
            assert_eq!(after_prefixes(w).collect::<Vec<_>>(), expected, "{w}");
        }
    }

    #[test]
    fn article_clitics_rewrite_to_article() {
        assert_eq!(strip_article_clitic("بالقاهره"), "القاهره");
        assert_eq!(strip_article_clitic("للقاهره"), "القاهره");
        assert_eq!(strip_article_clitic("وال"), "وال");
        assert_eq!(strip_article_clitic("القاهره"), "القاهره");
    }

    #[test]
    fn single_clitics_need_a_known_form() {
        let known = |s: &str| s == "بوتين" || s == "بكين";
        assert_eq!(strip_clitics("لبوتين", &known), "بوتين");
        assert_eq!(strip_clitics("وبكين", &known), "بكين");
        assert_eq!(strip_clitics("بكين", &known), "بكين");
        assert_eq!(strip_clitics("لندن", &known), "لندن");
        let two = |s: &str| s == "اف";
        assert_eq!(strip_clitics("كاف", &two), "كاف");
        let cairo = |x: &str| x == "القاهره";
        assert_eq!(strip_clitics("فالقاهره", &cairo), "القاهره");
        assert_eq!(strip_clitics("فالنسيا", &cairo), "فالنسيا");
        assert_eq!(strip_clitics("بالمريخ", &cairo), "المريخ");
        assert_eq!(greedy_stem("وبالقاهره"), "قاهره");
        assert_eq!(greedy_stem("لروسيا"), "لروسيا");
    }

    #[test]
    fn nisba_adjectives_are_recognised() {
        let stem = |s: &str| s == "روس" || s == "كور";
        assert!(is_nisba("الروسي", &stem));
        assert!(is_nisba("الكوريه", &stem));
        assert!(!is_nisba("روسيا", &stem));
        assert!(!is_nisba("السيسي", &stem));
    }
}
