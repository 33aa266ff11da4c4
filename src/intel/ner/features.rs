//! CRF features of a sentence, shared by training (`train-ner`) and
//! tagging so both see exactly the same attributes.

use std::sync::Arc;

use super::arabic::greedy_stem;
use super::conll::kind_index;
use super::gazetteer::{GazMatch, Gazetteer, Listing};
use super::hash;
use super::tokenize::{Lang, is_arabic_char, is_letter};
use crate::model::EntityKind;
use crate::text::fold::fold;

/// What the features need to know about one token, computed once.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    /// Folded form (see `text::fold`), shared with the thread's word
    /// cache so a cached word is handed out without copying its text.
    pub folded: Folded,
    /// Where the clitic-stripped folded form starts in `folded` (Arabic;
    /// 0 for others): see [`TokenInfo::stem`].
    pub stem_at: usize,
    /// `hash::hash_str(folded)`.
    pub folded_hash: u64,
    /// `hash::hash_str(stem)`.
    pub stem_hash: u64,
    /// Coarse shape: capitalisation, digits, punctuation, Arabic.
    pub shape: &'static str,
    /// `hash::hash_str(shape)`.
    pub shape_hash: u64,
    /// Gazetteer membership: kind and whether the token starts the name.
    pub gaz: Option<(EntityKind, bool)>,
    /// Trigger kind when the token announces a name.
    pub trigger: Option<EntityKind>,
    /// Whether the token (or its stem) is a common given name.
    pub first_name: bool,
    /// The kind of name the stem was mostly part of in training text.
    pub seen: Option<EntityKind>,
    /// Whether the stem is in the dictionary of name words.
    pub dict_name: bool,
    /// How name-like the stem looks by its letters, as a class of
    /// [`NAME_SCORE_CLASSES`] (Arabic words of three letters or more).
    pub name_class: Option<u8>,
}

/// A token's folded text, shared (not copied) when a cached word's
/// [`TokenInfo`] is handed out: it reads and compares as a `str`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded(Arc<str>);

impl Folded {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Folded {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Folded {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl TokenInfo {
    /// Clitic-stripped folded form (Arabic) or the folded form (others).
    pub fn stem(&self) -> &str {
        self.folded.get(self.stem_at..).unwrap_or(&self.folded)
    }
}

/// Folds a token like `text::fold::fold`, with fast paths for plain ASCII
/// and for plain Arabic letters (where NFKC changes nothing).
pub fn fold_token(t: &str) -> String {
    if t.is_ascii() {
        return t.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            'أ' | 'إ' | 'آ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' | 'ئ' => out.push('ي'),
            'ؤ' => out.push('و'),
            '\u{621}'..='\u{63a}' | '\u{641}'..='\u{64a}' => out.push(c),
            _ => return fold(t),
        }
    }
    out
}

fn shape(t: &str) -> &'static str {
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return "empty";
    };
    if t.chars().any(is_arabic_char) {
        return if t.chars().count() <= 2 {
            "ar-short"
        } else {
            "ar"
        };
    }
    if t.chars().all(|c| c.is_ascii_digit()) {
        return "digits";
    }
    if t.chars().any(|c| c.is_ascii_digit()) {
        return "has-digit";
    }
    if !t.chars().any(is_letter) {
        return "punct";
    }
    if t.chars().all(|c| !c.is_lowercase()) {
        return if t.contains('.') { "abbr" } else { "caps" };
    }
    if first.is_uppercase() {
        if t.contains('-') { "Cap-dash" } else { "Cap" }
    } else if t.contains('-') {
        "low-dash"
    } else {
        "low"
    }
}

/// The shapes `shape` gives, with their hashes computed at compile time.
const SHAPES: [Part<'static>; 12] = [
    Part::new("ar"),
    Part::new("punct"),
    Part::new("ar-short"),
    Part::new("digits"),
    Part::new("Cap"),
    Part::new("low"),
    Part::new("has-digit"),
    Part::new("caps"),
    Part::new("abbr"),
    Part::new("Cap-dash"),
    Part::new("low-dash"),
    Part::new("empty"),
];

/// Computes per-token information for a sentence (folded forms, gazetteer
/// hits, triggers).
pub fn token_infos(tokens: &[&str], lang: Lang, gaz: &Gazetteer) -> Vec<TokenInfo> {
    analyse(tokens, lang, gaz).0
}

/// Per-token information and the gazetteer matches of a sentence, with
/// the gazetteer searched once for both, or twice when a name that is no
/// tagger feature may hide one that is.
pub fn analyse(tokens: &[&str], lang: Lang, gaz: &Gazetteer) -> (Vec<TokenInfo>, Vec<GazMatch>) {
    let mut infos: Vec<TokenInfo> =
        WORDS.with_borrow_mut(|words| tokens.iter().map(|t| words.info(t, lang, gaz)).collect());
    let folded: Vec<&str> = infos.iter().map(|i| i.folded.as_str()).collect();
    let matches = gaz.find(tokens, &folded);
    let features_only;
    let marks: &[GazMatch] = match matches.iter().all(|m| m.listing == Listing::Feature) {
        true => &matches,
        false => {
            features_only = gaz.find_features(tokens, &folded);
            &features_only
        }
    };
    for m in marks {
        if let Some(e) = gaz.entry(m.entry) {
            for (i, info) in infos.iter_mut().enumerate().take(m.end).skip(m.start) {
                info.gaz = Some((e.kind, i == m.start));
            }
        }
    }
    (infos, matches)
}

/// What a token is by itself: everything in [`TokenInfo`] but its
/// gazetteer mark, which depends on its neighbours.
fn word_info(t: &str, lang: Lang, gaz: &Gazetteer) -> TokenInfo {
    let f = fold_token(t);
    let stem = match lang {
        Lang::Arabic => greedy_stem(&f),
        Lang::English | Lang::Other => f.as_str(),
    };
    let trigger = gaz.trigger(&f).or_else(|| {
        if stem.len() == f.len() {
            None
        } else {
            gaz.trigger(stem)
        }
    });
    let first_name = gaz.is_first_name(&f) || (stem.len() != f.len() && gaz.is_first_name(stem));
    let shape = shape(t);
    let shape_hash = SHAPES
        .iter()
        .find(|p| p.text == shape)
        .map_or_else(|| hash::hash_str(shape), |p| p.hash);
    TokenInfo {
        first_name,
        seen: gaz.seen_name(stem),
        dict_name: gaz.in_name_dict(stem),
        name_class: match lang {
            Lang::Arabic => gaz.name_score(stem).map(name_class),
            Lang::English | Lang::Other => None,
        },
        shape,
        shape_hash,
        folded_hash: hash::hash_str(&f),
        stem_hash: hash::hash_str(stem),
        stem_at: f.len() - stem.len(),
        gaz: None,
        trigger,
        folded: Folded(Arc::from(f)),
    }
}

/// How many words a thread keeps the analysis of here, and the CRF
/// weights of per model (`crf::CrfModel`): a power of two. Over a day
/// of news (2,972 articles, 1.25 M tokens) 2¹⁴ slots missed a quarter
/// of the tokens and 2¹⁶ one in seven; 2¹⁵ takes 4% fewer instructions
/// than 2¹⁴ for the day, and a thread holds about 2.6 MB of analyses
/// and 7.9 MB of weights per model.
pub const CACHED_WORDS: usize = 1 << 15;

/// A word cache's key made non-zero (0 marks an empty slot) and the
/// slot of [`CACHED_WORDS`] it picks.
pub fn cache_slot(key: u64) -> (u64, usize) {
    let key = key.max(1);
    (key, key as usize & (CACHED_WORDS - 1))
}

/// A thread's analyses of the words it met last, each in the slot its
/// key picks ([`CACHED_WORDS`] of them). A word's [`word_info`] depends
/// only on its text, the language and the gazetteer, and news repeats
/// its words: most tokens are found here instead of being folded,
/// stemmed, scored by their letters and looked up in five lists again.
struct WordCache {
    /// The key of the word in each slot (0: none): its text's hash
    /// combined with the language and the gazetteer's id.
    keys: Vec<u64>,
    infos: Vec<Option<TokenInfo>>,
}

impl WordCache {
    /// A token's [`word_info`], computed on a miss.
    fn info(&mut self, t: &str, lang: Lang, gaz: &Gazetteer) -> TokenInfo {
        let lang_key = match lang {
            Lang::Arabic => 1,
            Lang::English => 2,
            Lang::Other => 3,
        };
        let (key, slot) = cache_slot(hash::combine(
            hash::combine(hash::hash_str(t), gaz.id()),
            lang_key,
        ));
        if let (Some(&k), Some(Some(info))) = (self.keys.get(slot), self.infos.get(slot))
            && k == key
        {
            return info.clone();
        }
        let info = word_info(t, lang, gaz);
        if let (Some(k), Some(cached)) = (self.keys.get_mut(slot), self.infos.get_mut(slot)) {
            *k = key;
            *cached = Some(info.clone());
        }
        info
    }
}

thread_local! {
    static WORDS: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache {
        keys: vec![0; CACHED_WORDS],
        infos: vec![None; CACHED_WORDS],
    });
}

/// The classes of name-likeness: the score rounded down, from −3 or less
/// to 3 or more.
const NAME_SCORE_CLASSES: [Part<'static>; 7] = [
    Part::new("-3"),
    Part::new("-2"),
    Part::new("-1"),
    Part::new("0"),
    Part::new("1"),
    Part::new("2"),
    Part::new("3"),
];

/// The class of a name-likeness score (an index into
/// [`NAME_SCORE_CLASSES`]).
fn name_class(score: f32) -> u8 {
    (score.floor().clamp(-3.0, 3.0) + 3.0) as u8
}

/// An attribute template: the fixed start of an attribute name («w-1=»),
/// hashed at compile time. An attribute is its template followed by its
/// parts joined with `|`; the template holds one `=`, at its end, or none
/// when the attribute has no parts («BOS»), and a `|` only when it takes
/// two parts.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// The name.
    pub name: &'static str,
    /// `hash::hash_str(name)`.
    pub hash: u64,
}

const fn tmpl(name: &'static str) -> Template {
    Template {
        name,
        hash: hash::hash_str(name),
    }
}

/// One variable part of an attribute: its text and `hash::hash_str` of it.
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    /// The text.
    pub text: &'a str,
    /// Its hash.
    pub hash: u64,
}

impl<'a> Part<'a> {
    const fn new(text: &'a str) -> Part<'a> {
        Part {
            text,
            hash: hash::hash_str(text),
        }
    }
}

/// The hash of an attribute from its template and parts; equal to what
/// [`parse_attribute`] gives for the attribute's name.
pub fn attribute_hash(t: &Template, parts: &[Part<'_>]) -> u64 {
    parts.iter().fold(t.hash, |h, p| hash::combine(h, p.hash))
}

/// Every hash an attribute name may have been built with: a name whose
/// parts contain `|` splits in more than one way, and each split gives
/// the same text, so each must find the attribute.
pub fn parse_attribute(name: &str) -> Vec<u64> {
    let Some(eq) = name.find('=') else {
        return vec![hash::hash_str(name)];
    };
    let (t, rest) = name.split_at(eq + 1);
    let th = hash::hash_str(t);
    if !t.contains('|') {
        return vec![hash::combine(th, hash::hash_str(rest))];
    }
    rest.match_indices('|')
        .map(|(k, _)| {
            let a = hash::combine(th, hash::hash_str(&rest[..k]));
            hash::combine(a, hash::hash_str(&rest[k + 1..]))
        })
        .collect()
}

/// Receives the attributes of a sentence, token by token.
trait Sink {
    /// Attribute of token `i`: template `t` with `parts`.
    fn put(&mut self, i: usize, t: &Template, parts: &[Part<'_>]);
}

/// A [`Sink`] that spells attributes out as strings (for training and
/// for the `crfs` tagger).
struct Spelled<F: FnMut(usize, &str)> {
    buf: String,
    emit: F,
}

impl<F: FnMut(usize, &str)> Sink for Spelled<F> {
    fn put(&mut self, i: usize, t: &Template, parts: &[Part<'_>]) {
        self.buf.clear();
        self.buf.push_str(t.name);
        for (k, p) in parts.iter().enumerate() {
            if k > 0 {
                self.buf.push('|');
            }
            self.buf.push_str(p.text);
        }
        (self.emit)(i, &self.buf);
    }
}

const T_BIAS: Template = tmpl("b");
const T_W: Template = tmpl("w=");
const T_S: Template = tmpl("s=");
const T_SH: Template = tmpl("sh=");
const T_P: [Template; 4] = [tmpl("p1="), tmpl("p2="), tmpl("p3="), tmpl("p4=")];
const T_X: [Template; 4] = [tmpl("x1="), tmpl("x2="), tmpl("x3="), tmpl("x4=")];
const T_LEN: Template = tmpl("len=");
const T_FN: Template = tmpl("fn");
const T_FN_PREV: Template = tmpl("fn-1");
const T_FN_NEXT: Template = tmpl("fn+1");
const T_TR_BEFORE: Template = tmpl("trb=");
const T_STEM_PAIR: Template = tmpl("s-1|s=");
const T_CL: Template = tmpl("cl=");
const T_GB: Template = tmpl("gB=");
const T_GI: Template = tmpl("gI=");
const T_TR: Template = tmpl("tr=");
const T_SEEN: Template = tmpl("sn=");
const T_DN: Template = tmpl("dn");
const T_DN_PREV: Template = tmpl("dn-1");
const T_DN_NEXT: Template = tmpl("dn+1");
const T_NG: Template = tmpl("ng=");
const T_NG_PREV: Template = tmpl("ng-1=");
const T_NG_NEXT: Template = tmpl("ng+1=");
const T_BOS: Template = tmpl("BOS");
const T_EOS: Template = tmpl("EOS");

/// Templates of the context window, per offset -2, -1, +1, +2.
struct Window {
    off: isize,
    w: Template,
    s: Template,
    sh: Template,
    pair: Template,
    g: Template,
    tr: Template,
}

const WINDOW: [Window; 4] = [
    Window {
        off: -2,
        w: tmpl("w-2="),
        s: tmpl("s-2="),
        sh: tmpl("sh-2="),
        pair: tmpl("w-2|w="),
        g: tmpl("g-2="),
        tr: tmpl("tr-2="),
    },
    Window {
        off: -1,
        w: tmpl("w-1="),
        s: tmpl("s-1="),
        sh: tmpl("sh-1="),
        pair: tmpl("w-1|w="),
        g: tmpl("g-1="),
        tr: tmpl("tr-1="),
    },
    Window {
        off: 1,
        w: tmpl("w+1="),
        s: tmpl("s+1="),
        sh: tmpl("sh+1="),
        pair: tmpl("w+1|w="),
        g: tmpl("g+1="),
        tr: tmpl("tr+1="),
    },
    Window {
        off: 2,
        w: tmpl("w+2="),
        s: tmpl("s+2="),
        sh: tmpl("sh+2="),
        pair: tmpl("w+2|w="),
        g: tmpl("g+2="),
        tr: tmpl("tr+2="),
    },
];

/// The gazetteer kinds with a begin/inside mark («placeB»), begin first,
/// in the order of `conll::kind_index`.
const GAZ_MARKS: [[Part<'static>; 2]; 4] = [
    [Part::new("personB"), Part::new("personI")],
    [Part::new("placeB"), Part::new("placeI")],
    [Part::new("orgB"), Part::new("orgI")],
    [Part::new("miscB"), Part::new("miscI")],
];

/// The gazetteer kind with its begin/inside mark.
fn gaz_mark(k: EntityKind, begin: bool) -> Part<'static> {
    GAZ_MARKS[kind_index(k)][usize::from(!begin)]
}

/// Stem length classes.
const LENGTHS: [Part<'static>; 8] = [
    Part::new("0"),
    Part::new("1"),
    Part::new("2"),
    Part::new("3"),
    Part::new("4"),
    Part::new("5"),
    Part::new("6"),
    Part::new("7+"),
];

/// The kind names as parts, in the order of `conll::kind_index`.
const KIND_PARTS: [Part<'static>; 4] = [
    Part::new("person"),
    Part::new("place"),
    Part::new("org"),
    Part::new("misc"),
];

/// A kind's name as a part.
fn kind_part(k: EntityKind) -> Part<'static> {
    KIND_PARTS[kind_index(k)]
}

/// How many views of a word there are: the token itself, then its
/// neighbours at each offset of the context window.
pub const VIEWS: usize = 1 + WINDOW.len();

/// The offset from a token to the word of view `v` (see [`VIEWS`]).
pub fn view_offset(v: usize) -> isize {
    v.checked_sub(1)
        .and_then(|k| WINDOW.get(k))
        .map_or(0, |win| win.off)
}

/// A key for what [`word_attributes`] reads of a token, equal for two
/// tokens that give the same attributes in every view: a tagger may keep
/// their weights by this key.
pub fn word_key(t: &TokenInfo) -> u64 {
    let kind = |k: Option<EntityKind>| k.map_or(0, |k| 1 + kind_index(k) as u64);
    let flags = kind(t.trigger)
        | kind(t.seen) << 3
        | u64::from(t.first_name) << 6
        | u64::from(t.dict_name) << 7
        | t.name_class.map_or(0, |c| 1 + u64::from(c)) << 8;
    let h = hash::combine(t.folded_hash, t.stem_hash);
    hash::combine(hash::combine(h, t.shape_hash), flags)
}

/// The attributes a token gives the token at `-view_offset(v)` from it
/// through view `v`: its own word, stem, affixes and marks (view 0), or
/// what a neighbour's attributes say of it (the others). They depend on
/// this one token only.
pub fn word_attributes(t: &TokenInfo, v: usize, put: &mut impl FnMut(&Template, &[Part<'_>])) {
    let folded = Part {
        text: &t.folded,
        hash: t.folded_hash,
    };
    let stem = Part {
        text: t.stem(),
        hash: t.stem_hash,
    };
    let shape = Part {
        text: t.shape,
        hash: t.shape_hash,
    };
    let Some(win) = v.checked_sub(1).and_then(|k| WINDOW.get(k)) else {
        own_attributes(t, folded, stem, shape, put);
        return;
    };
    put(&win.w, &[folded]);
    put(&win.s, &[stem]);
    if win.off.abs() == 1 {
        put(&win.sh, &[shape]);
    }
    if let Some(k) = t.trigger {
        put(&win.tr, &[kind_part(k)]);
    }
    let (ng, dn, fname) = match win.off {
        -1 => (&T_NG_PREV, &T_DN_PREV, &T_FN_PREV),
        1 => (&T_NG_NEXT, &T_DN_NEXT, &T_FN_NEXT),
        _ => return,
    };
    if let Some(c) = t.name_class {
        put(ng, &[NAME_SCORE_CLASSES[usize::from(c)]]);
    }
    if t.dict_name {
        put(dn, &[]);
    }
    if t.first_name {
        put(fname, &[]);
    }
}

/// The attributes of view 0: the token's own.
fn own_attributes(
    t: &TokenInfo,
    folded: Part<'_>,
    stem_part: Part<'_>,
    shape: Part<'_>,
    put: &mut impl FnMut(&Template, &[Part<'_>]),
) {
    put(&T_BIAS, &[]);
    put(&T_W, &[folded]);
    put(&T_S, &[stem_part]);
    put(&T_SH, &[shape]);
    let stem = stem_part.text;
    let mut ends = stem.char_indices().map(|(b, _)| b).skip(1);
    let mut starts = stem.char_indices().rev().map(|(b, _)| b);
    let len = stem.chars().count();
    put(&T_LEN, &[LENGTHS[len.min(LENGTHS.len() - 1)]]);
    for k in 0..4 {
        let Some(x) = starts.next() else {
            break;
        };
        let p = ends.next().map_or(stem, |b| &stem[..b]);
        put(&T_P[k], &[Part::new(p)]);
        put(&T_X[k], &[Part::new(&stem[x..])]);
    }
    if t.stem_at > 0 {
        put(&T_CL, &[Part::new(&t.folded[..t.stem_at])]);
    }
    if let Some(k) = t.trigger {
        put(&T_TR, &[kind_part(k)]);
    }
    if t.first_name {
        put(&T_FN, &[]);
    }
    if let Some(k) = t.seen {
        put(&T_SEEN, &[kind_part(k)]);
    }
    if t.dict_name {
        put(&T_DN, &[]);
    }
    if let Some(c) = t.name_class {
        put(&T_NG, &[NAME_SCORE_CLASSES[usize::from(c)]]);
    }
}

/// The attributes of token `i` that depend on more than one token: its
/// gazetteer marks and those of its neighbours (a gazetteer match spans
/// words), the triggers before it, word pairs, and the sentence's ends.
pub fn context_attributes<'a>(
    infos: &'a [TokenInfo],
    i: usize,
    put: &mut impl FnMut(&Template, &[Part<'_>]),
) {
    let Some(t) = infos.get(i) else {
        return;
    };
    match t.gaz {
        Some((k, true)) => put(&T_GB, &[kind_part(k)]),
        Some((k, false)) => put(&T_GI, &[kind_part(k)]),
        None => {}
    }
    let mut before = [false; 4];
    for o in &infos[i.saturating_sub(4)..i] {
        if let Some(k) = o.trigger {
            before[kind_index(k)] = true;
        }
    }
    for (part, seen) in KIND_PARTS.iter().zip(before) {
        if seen {
            put(&T_TR_BEFORE, &[*part]);
        }
    }
    let stem = |x: &'a TokenInfo| Part {
        text: x.stem(),
        hash: x.stem_hash,
    };
    if let Some(o) = i.checked_sub(1).and_then(|j| infos.get(j)) {
        put(&T_STEM_PAIR, &[stem(o), stem(t)]);
    }
    if i == 0 {
        put(&T_BOS, &[]);
    }
    if i + 1 == infos.len() {
        put(&T_EOS, &[]);
    }
    let folded = Part {
        text: &t.folded,
        hash: t.folded_hash,
    };
    for win in &WINDOW {
        let Some(o) = i.checked_add_signed(win.off).and_then(|j| infos.get(j)) else {
            continue;
        };
        if win.off.abs() == 1 {
            let of = Part {
                text: &o.folded,
                hash: o.folded_hash,
            };
            put(&win.pair, &[of, folded]);
        }
        if let Some((k, b)) = o.gaz {
            put(&win.g, &[gaz_mark(k, b)]);
        }
    }
}

/// Feeds every attribute of every token to `sink`: for each token, the
/// word attributes of each view, then its context attributes.
fn attributes(infos: &[TokenInfo], sink: &mut impl Sink) {
    for i in 0..infos.len() {
        for v in 0..VIEWS {
            if let Some(o) = i
                .checked_add_signed(view_offset(v))
                .and_then(|j| infos.get(j))
            {
                word_attributes(o, v, &mut |t, parts| sink.put(i, t, parts));
            }
        }
        context_attributes(infos, i, &mut |t, parts| sink.put(i, t, parts));
    }
}

/// Calls `emit(i, attribute)` for every attribute of every token `i`.
pub fn for_each_attribute(infos: &[TokenInfo], emit: impl FnMut(usize, &str)) {
    attributes(
        infos,
        &mut Spelled {
            buf: String::with_capacity(64),
            emit,
        },
    );
}

/// The attributes of a sentence as `crfs` items (for training and for
/// the `crfs` tagger).
pub fn sentence_attributes(infos: &[TokenInfo]) -> Vec<Vec<crfs::Attribute>> {
    let mut out: Vec<Vec<crfs::Attribute>> = vec![Vec::new(); infos.len()];
    for_each_attribute(infos, |i, a| {
        if let Some(v) = out.get_mut(i) {
            v.push(crfs::Attribute::new(a, 1.0));
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_token_agrees_with_fold() {
        for w in [
            "أحمد",
            "القاهرةُ",
            "مدرسة",
            "مستشفى",
            "ﺍﻟﻘﺎﻫﺮﺓ",
            "Moscow",
            "٢٠٢٤",
            "رؤية",
            "ـبكين",
            "Zürich",
        ] {
            assert_eq!(fold_token(w), fold(w), "{w}");
        }
    }

    #[test]
    fn a_word_seen_in_names_says_which_kind_clitics_removed() {
        let gaz = Gazetteer::builtin().with_seen_names("person\tشالوم\n");
        let infos = token_infos(&["قال", "وشالوم"], Lang::Arabic, &gaz);
        assert_eq!(infos[1].seen, Some(EntityKind::Person));
        assert_eq!(infos[0].seen, None);
        let mut attrs = Vec::new();
        for_each_attribute(&infos, |i, a| attrs.push((i, a.to_string())));
        assert!(attrs.contains(&(1, "sn=person".to_string())));
        assert!(!attrs.iter().any(|(i, a)| *i == 0 && a.starts_with("sn=")));
    }

    #[test]
    fn a_word_met_before_is_analysed_anew_under_another_gazetteer_or_language() {
        let plain = Gazetteer::builtin().with_seen_names("");
        let seen = |gaz: &Gazetteer| token_infos(&["وشالوم"], Lang::Arabic, gaz)[0].seen;
        assert_eq!(seen(&plain), None);
        let other = Gazetteer::builtin().with_seen_names("person\tشالوم\n");
        assert_eq!(seen(&other), Some(EntityKind::Person));
        assert_eq!(seen(&plain), None, "each gazetteer keeps its own answers");
        let arabic = token_infos(&["وشالوم"], Lang::Arabic, &plain);
        let other_lang = token_infos(&["وشالوم"], Lang::English, &plain);
        assert_eq!(arabic[0].stem(), "شالوم");
        assert_eq!(
            other_lang[0].stem(),
            "وشالوم",
            "no Arabic stem for another language"
        );
    }

    #[test]
    fn a_word_of_the_name_dictionary_marks_itself_and_its_neighbours() {
        let gaz = Gazetteer::builtin().with_name_dict("# x\nفرويد\n");
        let infos = token_infos(&["قال", "وفرويد", "إن"], Lang::Arabic, &gaz);
        assert!(infos[1].dict_name, "clitic removed before the lookup");
        assert!(!infos[0].dict_name && !infos[2].dict_name);
        let mut attrs = Vec::new();
        for_each_attribute(&infos, |i, a| attrs.push((i, a.to_string())));
        assert!(attrs.contains(&(1, "dn".to_string())));
        assert!(attrs.contains(&(0, "dn+1".to_string())));
        assert!(attrs.contains(&(2, "dn-1".to_string())));
        assert!(!attrs.contains(&(0, "dn".to_string())));
    }

    #[test]
    fn letters_say_how_name_like_an_arabic_word_is() {
        let gaz = Gazetteer::builtin();
        let words = ["وفاز", "كافلنيكوف", "على", "بالحكومة", "Kafelnikov"];
        let infos = token_infos(&words, Lang::Arabic, &gaz);
        let class = |i: usize| {
            infos[i]
                .name_class
                .map(|c| NAME_SCORE_CLASSES[usize::from(c)].text)
        };
        let zero = usize::from(name_class(0.0));
        assert!(infos[1].name_class.is_some_and(|c| usize::from(c) > zero));
        assert!(infos[3].name_class.is_some_and(|c| usize::from(c) < zero));
        assert_eq!(class(4), None, "Latin letters are not scored");
        let mut attrs = Vec::new();
        for_each_attribute(&infos, |i, a| attrs.push((i, a.to_string())));
        let name = class(1).unwrap_or_default();
        assert!(attrs.contains(&(1, format!("ng={name}"))));
        assert!(attrs.contains(&(0, format!("ng+1={name}"))));
        assert!(attrs.contains(&(2, format!("ng-1={name}"))));
        assert!(
            !attrs.iter().any(|(i, a)| *i == 3 && a.starts_with("ng+1=")),
            "the Latin word after gives no class"
        );
    }

    #[test]
    fn affixes_are_whole_characters() {
        let gaz = Gazetteer::builtin();
        let infos = token_infos(&["بالقاهرة", "x"], Lang::Arabic, &gaz);
        let mut attrs = Vec::new();
        for_each_attribute(&infos, |i, a| {
            if i == 0 {
                attrs.push(a.to_string());
            }
        });
        for want in [
            "s=قاهره",
            "p1=ق",
            "p3=قاه",
            "x1=ه",
            "x3=هره",
            "cl=بال",
            "w+1=x",
            "gB=place",
            "BOS",
        ] {
            assert!(
                attrs.iter().any(|a| a == want),
                "{want} missing from {attrs:?}"
            );
        }
    }

    /// Records each attribute's hash next to its spelled name.
    struct Both(Vec<(String, u64)>);

    impl Sink for Both {
        fn put(&mut self, _i: usize, t: &Template, parts: &[Part<'_>]) {
            let texts: Vec<&str> = parts.iter().map(|p| p.text).collect();
            let name = format!("{}{}", t.name, texts.join("|"));
            self.0.push((name, attribute_hash(t, parts)));
        }
    }

    #[test]
    fn hashed_attributes_match_their_parsed_names() {
        let gaz = Gazetteer::builtin();
        for (toks, lang) in [
            (
                vec!["قال", "الرئيس", "|", "a|b", "بالقاهرة", "="],
                Lang::Arabic,
            ),
            (vec!["Mr.", "Putin", "|", "x=y", "U.S."], Lang::English),
        ] {
            let infos = token_infos(&toks, lang, &gaz);
            let mut both = Both(Vec::new());
            attributes(&infos, &mut both);
            let mut spelled = Vec::new();
            for_each_attribute(&infos, |_, a| spelled.push(a.to_string()));
            assert_eq!(spelled.len(), both.0.len());
            for ((name, h), s) in both.0.iter().zip(&spelled) {
                assert_eq!(name, s);
                assert!(parse_attribute(name).contains(h), "{name}");
            }
        }
    }
}
