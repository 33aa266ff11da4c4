//! Pure features of one article: folded, lightly stemmed terms, a TF-IDF
//! vector, a MinHash signature of word shingles and weighted entity keys.
//!
//! Everything here is deterministic and does no I/O, so the scoring can be
//! tested on in-memory data and reproduced exactly from the stored blobs.

use crate::text::fold::fold;
use crate::text::links::is_link_line;

/// Number of MinHash functions per signature (256 bytes per article).
pub const MINHASH_LEN: usize = 64;

/// Words per shingle for near-duplicate detection.
const SHINGLE: usize = 3;

/// Most frequent function words of Arabic and English news (already folded),
/// plus URL debris from the clean-text link list.
const STOPWORDS: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "ان",
    "او",
    "ما",
    "لا",
    "لم",
    "لن",
    "قد",
    "ثم",
    "كما",
    "اذا",
    "التي",
    "الذي",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هو",
    "هي",
    "هم",
    "كان",
    "كانت",
    "يكون",
    "وقد",
    "وفي",
    "ومن",
    "وان",
    "الا",
    "بين",
    "حتي",
    "عند",
    "منذ",
    "بعد",
    "قبل",
    "خلال",
    "حيث",
    "كل",
    "غير",
    "اي",
    "ايضا",
    "فيه",
    "فيها",
    "عليه",
    "عليها",
    "منه",
    "منها",
    "به",
    "بها",
    "له",
    "لها",
    "انه",
    "انها",
    "وهو",
    "وهي",
    "وكان",
    "التي",
    "اليوم",
    "امس",
    "وذلك",
    "الذي",
    "ولا",
    "لكن",
    "اما",
    "تم",
    "يتم",
    "وقال",
    "قال",
    "قالت",
    "اكد",
    "واكد",
    "اضاف",
    "واضاف",
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "for",
    "and",
    "or",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "by",
    "at",
    "as",
    "with",
    "from",
    "that",
    "this",
    "it",
    "its",
    "has",
    "have",
    "had",
    "he",
    "she",
    "they",
    "said",
    "says",
    "will",
    "would",
    "not",
    "but",
    "which",
    "who",
    "after",
    "before",
    "http",
    "https",
    "www",
    "com",
    "html",
];

/// Arabic prefixes (clitic + article) removed when enough of the word stays.
const PREFIXES: &[&str] = &["وبال", "وال", "بال", "كال", "فال", "لل", "ال"];

/// Arabic plural / feminine suffixes removed from long words.
const SUFFIXES: &[&str] = &["ات", "ون", "ين", "ان"];

/// The matching terms of a text: folded (see [`fold`]), split on anything
/// that is not a letter or digit, light-stemmed (clitic + article prefixes,
/// plural suffixes), function words and one-letter tokens dropped.
///
/// Lines of the clean-text link list (`[n] URL`) are skipped so that links
/// never make two articles look alike.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        if is_link_line(line) {
            continue;
        }
        let folded = fold(line);
        for word in folded.split(|c: char| !c.is_alphanumeric()) {
            if let Some(t) = stem(word) {
                out.push(t);
            }
        }
    }
    out
}

/// Light stemming of one folded word; `None` for stop words and noise.
fn stem(word: &str) -> Option<String> {
    let len = word.chars().count();
    if len < 2 || STOPWORDS.contains(&word) {
        return None;
    }
    let mut w = word;
    for p in PREFIXES {
        if let Some(rest) = w.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            w = rest;
            break;
        }
    }
    for s in SUFFIXES {
        if let Some(rest) = w.strip_suffix(s)
            && rest.chars().count() >= 3
        {
            w = rest;
            break;
        }
    }
    if w.chars().count() < 2 || STOPWORDS.contains(&w) {
        return None;
    }
    Some(w.to_string())
}

/// 64-bit FNV-1a: the stable hash under which terms and entity keys are
/// counted and stored (stable across runs and platforms, unlike `std`'s).
pub fn term_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hash key of an entity key in the document-frequency table (kept apart
/// from the word terms by a prefix byte).
pub fn entity_hash(key: &str) -> u64 {
    term_hash(&format!("\u{1}{key}"))
}

/// The searchable token of an entity key: `e` and 16 hex digits of its
/// hash, one alphanumeric token whatever the key's script, so an English
/// article finds the Arabic coverage of the same entities.
pub fn entity_token(key: &str) -> String {
    format!("e{:016x}", entity_hash(key))
}

/// SplitMix64 finaliser: a cheap, well-mixed permutation of `u64`.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// MinHash signature of the 3-word shingles of `terms`: for each of the
/// [`MINHASH_LEN`] hash functions the smallest hash of any shingle. Texts
/// with fewer than three terms use what they have; an empty text gives
/// `u32::MAX` everywhere (which [`minhash_similarity`] never counts).
pub fn minhash(terms: &[String]) -> Vec<u32> {
    let hashes: Vec<u64> = terms.iter().map(|t| term_hash(t)).collect();
    let mut shingles: Vec<u64> = if hashes.len() >= SHINGLE {
        hashes
            .windows(SHINGLE)
            .map(|w| w.iter().fold(0u64, |acc, h| mix(acc ^ h)))
            .collect()
    } else if hashes.is_empty() {
        Vec::new()
    } else {
        vec![hashes.iter().fold(0u64, |acc, h| mix(acc ^ h))]
    };
    shingles.sort_unstable();
    shingles.dedup();
    (0..MINHASH_LEN as u64)
        .map(|i| {
            let seed = mix(i.wrapping_mul(0x2545_f491_4f6c_dd1d));
            shingles
                .iter()
                .map(|s| (mix(s ^ seed) >> 32) as u32)
                .min()
                .unwrap_or(u32::MAX)
        })
        .collect()
}

/// Estimated Jaccard similarity of two shingle sets from their MinHash
/// signatures: the share of hash functions whose minimum agrees.
pub fn minhash_similarity(a: &[u32], b: &[u32]) -> f64 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    let same = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x == y && **x != u32::MAX)
        .count();
    same as f64 / n as f64
}

/// Inverse document frequency, smoothed so that unseen terms are finite.
pub fn idf(doc_count: u64, df: u64) -> f64 {
    ((doc_count as f64 + 1.0) / (df as f64 + 1.0)).ln() + 1.0
}

/// A sparse vector sorted by key: `(hash, weight)`.
pub type Sparse = Vec<(u64, f32)>;

/// Term counts of a title and body: title terms count twice (a headline
/// names the event), then sorted by hash.
pub fn term_counts(title: &[String], body: &[String]) -> Vec<(u64, u32)> {
    let mut hashes: Vec<u64> = title
        .iter()
        .chain(title)
        .chain(body)
        .map(|t| term_hash(t))
        .collect();
    hashes.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::new();
    for h in hashes {
        match out.last_mut() {
            Some((k, n)) if *k == h => *n += 1,
            _ => out.push((h, 1)),
        }
    }
    out
}

/// The TF-IDF vector of term counts (sublinear tf), cut to the `keep`
/// heaviest terms, L2-normalised and sorted by hash. `dfs[i]` is the
/// document frequency of `counts[i]`.
pub fn tfidf(counts: &[(u64, u32)], dfs: &[u64], doc_count: u64, keep: usize) -> Sparse {
    let mut v: Vec<(u64, f64)> = counts
        .iter()
        .zip(dfs)
        .map(|((h, n), df)| (*h, (1.0 + f64::from(*n).ln()) * idf(doc_count, *df)))
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(keep);
    normalise(v)
}

/// L2-normalises weights and sorts by key.
pub fn normalise(mut v: Vec<(u64, f64)>) -> Sparse {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    v.sort_by_key(|(h, _)| *h);
    v.into_iter()
        .map(|(h, w)| (h, if norm > 0.0 { (w / norm) as f32 } else { 0.0 }))
        .collect()
}

/// Dot product of two sparse vectors sorted by key (the cosine when both
/// are normalised).
pub fn dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Weighted Jaccard of two sparse non-negative vectors sorted by key:
/// Σ min / Σ max (0 when both are empty).
pub fn weighted_jaccard(a: &[(u64, f32)], b: &[(u64, f32)]) -> f64 {
    let (mut i, mut j) = (0, 0);
    let (mut num, mut den) = (0.0f64, 0.0f64);
    while i < a.len() || j < b.len() {
        let ka = a.get(i).map(|x| x.0);
        let kb = b.get(j).map(|x| x.0);
        match (ka, kb) {
            (Some(x), Some(y)) if x == y => {
                let (wa, wb) = (f64::from(a[i].1), f64::from(b[j].1));
                num += wa.min(wb);
                den += wa.max(wb);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                den += f64::from(a[i].1);
                i += 1;
            }
            (Some(_), None) => {
                den += f64::from(a[i].1);
                i += 1;
            }
            _ => {
                den += b.get(j).map_or(0.0, |x| f64::from(x.1));
                j += 1;
            }
        }
    }
    if den > 0.0 { num / den } else { 0.0 }
}

/// The writing system of a text, as far as relating needs it: articles in
/// different scripts share no words, only entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Not known (signatures stored before the script was recorded).
    Unknown,
    /// Mostly Arabic letters (Arabic, Persian, Urdu).
    Arabic,
    /// Mostly Latin letters.
    Latin,
    /// Mostly letters of another script (Hebrew, Cyrillic, CJK...).
    Other,
}

impl Script {
    /// The script with most letters in `text` (its first 4,000 letters are
    /// enough); [`Script::Unknown`] when it has no letters.
    pub fn of(text: &str) -> Script {
        let (mut arabic, mut latin, mut other) = (0u32, 0u32, 0u32);
        for c in text.chars().filter(|c| c.is_alphabetic()).take(4_000) {
            match c {
                '\u{0600}'..='\u{06FF}'
                | '\u{0750}'..='\u{077F}'
                | '\u{08A0}'..='\u{08FF}'
                | '\u{FB50}'..='\u{FDFF}'
                | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
                'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => latin += 1,
                _ => other += 1,
            }
        }
        if arabic == 0 && latin == 0 && other == 0 {
            Script::Unknown
        } else if arabic >= latin && arabic >= other {
            Script::Arabic
        } else if latin >= other {
            Script::Latin
        } else {
            Script::Other
        }
    }

    /// The code stored in the database.
    pub fn code(self) -> i64 {
        match self {
            Script::Unknown => 0,
            Script::Arabic => 1,
            Script::Latin => 2,
            Script::Other => 3,
        }
    }

    /// The script of a stored code (anything unknown reads as unknown).
    pub fn from_code(code: i64) -> Script {
        match code {
            1 => Script::Arabic,
            2 => Script::Latin,
            3 => Script::Other,
            _ => Script::Unknown,
        }
    }

    /// True when both scripts are known and differ: the texts cannot share
    /// words, so only their entities can relate them.
    pub fn differs(self, other: Script) -> bool {
        self != Script::Unknown && other != Script::Unknown && self != other
    }
}

/// Entity overlap of two weighted key vectors sorted by key: how many keys
/// they share and the geometric mean of the weight share the shared keys
/// carry on each side (1 when each side's entities are all shared). Unlike
/// a Jaccard, a side that names more entities (English extraction often
/// finds more) is not penalised twice.
pub fn entity_overlap(a: &[(u64, f32)], b: &[(u64, f32)]) -> (usize, f64) {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    let (mut sa, mut sb) = (0.0f64, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                sa += f64::from(a[i].1);
                sb += f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    let ta: f64 = a.iter().map(|x| f64::from(x.1)).sum();
    let tb: f64 = b.iter().map(|x| f64::from(x.1)).sum();
    if ta <= 0.0 || tb <= 0.0 {
        return (shared, 0.0);
    }
    (shared, ((sa / ta) * (sb / tb)).sqrt())
}

/// Encodes a sparse vector as a blob: 12 bytes per entry, little-endian.
pub fn encode_sparse(v: &[(u64, f32)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len() * 12);
    for (h, w) in v {
        out.extend_from_slice(&h.to_le_bytes());
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

/// Decodes [`encode_sparse`]'s blob; a truncated tail is ignored and
/// entries out of order are re-sorted, so a damaged blob never panics.
pub fn decode_sparse(b: &[u8]) -> Sparse {
    let mut v: Sparse = b
        .chunks_exact(12)
        .map(|c| {
            let mut h = [0u8; 8];
            let mut w = [0u8; 4];
            h.copy_from_slice(&c[..8]);
            w.copy_from_slice(&c[8..]);
            (u64::from_le_bytes(h), f32::from_le_bytes(w))
        })
        .filter(|(_, w)| w.is_finite())
        .collect();
    v.sort_by_key(|(h, _)| *h);
    v.dedup_by_key(|(h, _)| *h);
    v
}

/// Encodes a MinHash signature: 4 bytes per value, little-endian.
pub fn encode_minhash(m: &[u32]) -> Vec<u8> {
    m.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// Decodes [`encode_minhash`]'s blob (a truncated tail is ignored).
pub fn decode_minhash(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn terms_fold_stem_and_drop_stopwords() {
        assert_eq!(
            terms("وصل الوزيرُ إلى القاهرة"),
            s(&["وصل", "وزير", "قاهره"])
        );
        assert_eq!(terms("بالقاهرة"), terms("القاهرة"));
        assert_eq!(
            terms("The Minister said in Cairo"),
            s(&["minister", "cairo"])
        );
        assert_eq!(terms("المنظمات"), s(&["منظم"]));
    }

    #[test]
    fn link_list_lines_are_skipped() {
        assert_eq!(
            terms("زيارة[1]\n\n[1] https://example.com/a"),
            s(&["زياره"])
        );
        assert!(!is_link_line("[x] no"));
    }

    #[test]
    fn minhash_estimates_jaccard() {
        let a = terms("the ministry announced a new plan for schools in the capital today morning");
        let mut b = a.clone();
        assert!((minhash_similarity(&minhash(&a), &minhash(&b)) - 1.0).abs() < 1e-9);
        b.reverse();
        assert!(minhash_similarity(&minhash(&a), &minhash(&b)) < 0.2);
        assert_eq!(minhash_similarity(&minhash(&[]), &minhash(&[])), 0.0);
    }

    #[test]
    fn tfidf_cosine_and_blobs_round_trip() {
        let a = term_counts(&s(&["x"]), &s(&["y", "y", "z"]));
        let v = tfidf(&a, &[1, 1, 1], 10, 10);
        assert!((dot(&v, &v) - 1.0).abs() < 1e-6);
        assert_eq!(decode_sparse(&encode_sparse(&v)), v);
        assert_eq!(decode_sparse(&[1, 2, 3]), Vec::new());
        let m = minhash(&s(&["a", "b", "c", "d"]));
        assert_eq!(decode_minhash(&encode_minhash(&m)), m);
        let cut = tfidf(&a, &[1, 1, 1], 10, 1);
        assert_eq!(cut.len(), 1);
    }

    #[test]
    fn script_and_entity_overlap() {
        assert_eq!(Script::of("قمة القاهرة"), Script::Arabic);
        assert_eq!(Script::of("Cairo summit ٢٠٢٦"), Script::Latin);
        assert_eq!(Script::of("123 !"), Script::Unknown);
        assert_eq!(Script::from_code(Script::Latin.code()), Script::Latin);
        assert!(Script::Arabic.differs(Script::Latin));
        assert!(!Script::Arabic.differs(Script::Unknown));
        let a = vec![(1, 1.0), (2, 1.0)];
        let b = vec![(1, 1.0), (2, 1.0), (3, 1.0), (4, 1.0)];
        let (n, o) = entity_overlap(&a, &b);
        assert_eq!(n, 2);
        assert!((o - 0.5f64.sqrt()).abs() < 1e-6);
        assert_eq!(entity_overlap(&a, &[]), (0, 0.0));
    }

    #[test]
    fn weighted_jaccard_bounds() {
        let a = vec![(1, 1.0), (2, 1.0)];
        let b = vec![(2, 1.0), (3, 1.0)];
        assert!((weighted_jaccard(&a, &b) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(weighted_jaccard(&[], &[]), 0.0);
        assert!((weighted_jaccard(&a, &a) - 1.0).abs() < 1e-9);
    }
}
