//! A fast tagger for CRFsuite models: the weights are read once from the
//! `crfs` model into flat tables, attributes are looked up without
//! allocating, and Viterbi runs on `f32` scores. Same results as
//! `crfs::Tagger`, several times faster, which is what lets extraction
//! keep up with polling.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use super::conll::{self, Span};
use super::features::{self, CACHED_WORDS, TokenInfo, VIEWS};

/// The id the next loaded model gets: what a thread's cache of word
/// weights is kept under (an address could be reused by another model).
static NEXT_MODEL_ID: AtomicU64 = AtomicU64::new(1);

/// Attribute hashes → their weight ranges, open addressing with linear
/// probing over a table at most half full. A slot is 8 bytes: 32 bits of
/// the hash (other bits than those choosing the slot, so a key is
/// effectively checked on ~50 bits) and the range packed in 32, which
/// keeps the table half the size and its lookups in cache more often.
/// The names themselves are not kept: two model attributes that would
/// share a slot check are refused at load time, and an unseen attribute
/// passing it is as likely as a 50-bit collision.
#[derive(Debug)]
struct AttrTable {
    /// Check (0: empty) and packed range (start << 8 | len; length 0
    /// for a dense row, `start` then counting rows).
    slots: Vec<(u32, u32)>,
    mask: usize,
    /// One bit per hash (from other bits than the slot's and the
    /// check's), set for every key: small enough to stay in the nearest
    /// cache, it turns most lookups of attributes the model lacks away
    /// before the table.
    filter: Vec<u64>,
    filter_mask: u64,
}

/// The slot check of a hash (0 marks an empty slot).
#[inline]
fn check(h: u64) -> u32 {
    ((h >> 32) as u32).max(1)
}

/// Largest weight range start a slot can hold (24 bits).
const MAX_START: u32 = (1 << 24) - 1;

impl AttrTable {
    fn with_capacity(n: usize) -> AttrTable {
        let size = (2 * n).next_power_of_two().max(16);
        let bits = (8 * n).next_power_of_two().max(64);
        AttrTable {
            slots: vec![(0, 0); size],
            mask: size - 1,
            filter: vec![0; bits / 64],
            filter_mask: bits as u64 - 1,
        }
    }

    /// The filter word of a hash and the two bits it sets there (two bits
    /// in one word: a second bit cuts the false hits of unseen attributes
    /// to about a third at the cost of no further cache line).
    #[inline]
    fn filter_bit(&self, h: u64) -> (usize, u64) {
        let b = (h >> 24) & self.filter_mask;
        ((b >> 6) as usize, 1u64 << (b & 63) | 1u64 << (h >> 58))
    }

    /// Whether the filter lets a hash through to the table.
    #[inline]
    fn may_have(&self, h: u64) -> bool {
        let (w, bit) = self.filter_bit(h);
        self.filter[w] & bit == bit
    }

    /// Inserts; false when the range does not fit a slot or another
    /// range is there under the same check.
    fn insert(&mut self, h: u64, (start, len): (u32, u32)) -> bool {
        if start > MAX_START || len > 255 {
            return false;
        }
        let packed = start << 8 | len;
        let (w, bit) = self.filter_bit(h);
        self.filter[w] |= bit;
        let c = check(h);
        let mut i = h as usize & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == 0 {
                *slot = (c, packed);
                return true;
            }
            if slot.0 == c {
                return slot.1 == packed;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The weight range (start, length) of a hash; length 0 for a dense
    /// row, `start` then being its row number.
    #[inline]
    fn get(&self, h: u64) -> Option<(usize, usize)> {
        let c = check(h);
        let mut i = h as usize & self.mask;
        loop {
            let (here, packed) = self.slots[i];
            if here == c {
                return Some(((packed >> 8) as usize, (packed & 255) as usize));
            }
            if here == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// Label scores go in groups of this many lanes (rows of label scores
/// padded with zeros to a multiple of it), so the loops over labels
/// have a fixed length and compile to vector instructions.
const LANES: usize = 4;

/// A CRF model's weights in flat tables.
#[derive(Debug)]
pub struct CrfModel {
    /// This model's id among those loaded (see [`NEXT_MODEL_ID`]).
    id: u64,
    labels: Vec<String>,
    /// Length of a row of label scores: the number of labels rounded up
    /// to a multiple of [`LANES`].
    width: usize,
    attrs: AttrTable,
    /// (label, weight) lists of the attributes with weights for at most
    /// half the labels.
    weights: Vec<(u16, f32)>,
    /// A row of a weight per label (0 where the model has none) for
    /// each attribute with weights for more than half the labels, added
    /// to a token's scores a vector at a time rather than label by
    /// label. Those are the frequent attributes (the bias, common affixes
    /// and words), which carry most of the weights added.
    dense: Vec<f32>,
    /// Transition weights, a row per previous label.
    trans: Vec<f32>,
    /// Added to each label's score at every token before Viterbi (see
    /// [`CrfModel::with_label_bias`]); empty when there is none.
    bias: Vec<f32>,
}

impl CrfModel {
    /// Reads a CRFsuite model; None when the bytes are not a valid model
    /// (or, never seen in practice, two of its attributes share a hash).
    pub fn load(bytes: &[u8]) -> Option<CrfModel> {
        let model = crfs::Model::new(bytes).ok()?;
        let mut dump = Vec::new();
        model.dump(&mut dump).ok()?;
        let text = String::from_utf8(dump).ok()?;
        let n = model.num_labels() as usize;
        let mut labels = Vec::with_capacity(n);
        for i in 0..n {
            labels.push(model.to_label(i as u32)?.to_string());
        }
        let index: HashMap<&str, usize> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i))
            .collect();
        let width = n.div_ceil(LANES) * LANES;
        let mut trans = vec![0f32; n * width];
        let mut per_attr: HashMap<&str, Vec<(u16, f32)>> = HashMap::new();
        let mut section = "";
        for line in text.lines() {
            if let Some(name) = line.strip_suffix(" = {") {
                section = name;
                continue;
            }
            let Some(body) = line.strip_prefix("  (") else {
                continue;
            };
            let Some((_, rest)) = body.split_once(") ") else {
                continue;
            };
            let Some((src, rest)) = rest.rsplit_once(" --> ") else {
                continue;
            };
            let Some((dst, w)) = rest.rsplit_once(": ") else {
                continue;
            };
            let Ok(w) = w.trim().parse::<f32>() else {
                continue;
            };
            let Some(&d) = index.get(dst) else {
                continue;
            };
            match section {
                "TRANSITIONS" => {
                    if let Some(&s) = index.get(src) {
                        trans[s * width + d] = w;
                    }
                }
                "STATE_FEATURES" => per_attr.entry(src).or_default().push((d as u16, w)),
                _ => {}
            }
        }
        let mut weights = Vec::new();
        let mut dense = Vec::new();
        let mut attrs = AttrTable::with_capacity(per_attr.len());
        for (name, ws) in per_attr {
            let range = match dense_row(&ws, n, width) {
                Some(row) => {
                    dense.extend(row);
                    ((dense.len() / width - 1) as u32, 0)
                }
                None => {
                    weights.extend(&ws);
                    ((weights.len() - ws.len()) as u32, ws.len() as u32)
                }
            };
            for h in features::parse_attribute(name) {
                if !attrs.insert(h, range) {
                    return None;
                }
            }
        }
        Some(CrfModel {
            id: NEXT_MODEL_ID.fetch_add(1, Ordering::Relaxed),
            bias: Vec::new(),
            labels,
            width,
            attrs,
            weights,
            dense,
            trans,
        })
    }

    /// The same model decoding with a constant added to the score of
    /// some labels («O», «B-ORG») at every token (Minkov et al. 2006,
    /// «NER systems that suit user's preferences»): a negative bias on
    /// `O` trades precision for recall without retraining. Labels the
    /// model lacks are ignored.
    pub fn with_label_bias(mut self, bias: &[(&str, f32)]) -> CrfModel {
        let mut v = vec![0f32; self.width];
        for (label, b) in bias {
            if let Some(x) = self
                .labels
                .iter()
                .position(|l| l == label)
                .and_then(|k| v.get_mut(k))
            {
                *x += b;
            }
        }
        self.bias = if v.iter().all(|&b| b == 0.0) {
            Vec::new()
        } else {
            v
        };
        self
    }

    /// Tags a sentence and returns its entity spans.
    pub fn tag(&self, infos: &[TokenInfo]) -> Vec<Span> {
        SCRATCH.with_borrow_mut(|s| self.tag_with(infos, s))
    }

    fn tag_with(&self, infos: &[TokenInfo], scratch: &mut Scratch) -> Vec<Span> {
        let (n, m) = (self.labels.len(), self.width);
        let t = infos.len();
        if t == 0 || n == 0 {
            return Vec::new();
        }
        let Scratch {
            pending,
            state,
            best,
            caches,
        } = scratch;
        state.clear();
        state.resize(t * m, 0.0);
        let cache = WordRows::of(caches, self);
        for (j, info) in infos.iter().enumerate() {
            let rows = cache.rows(self, info);
            for (v, row) in rows.chunks_exact(m).enumerate() {
                let Some(i) = j.checked_add_signed(-features::view_offset(v)) else {
                    continue;
                };
                if let Some(target) = state.get_mut(i * m..(i + 1) * m) {
                    add_lanes(target, row);
                }
            }
        }
        pending.clear();
        for i in 0..t {
            features::context_attributes(infos, i, &mut |tpl, parts| {
                let h = features::attribute_hash(tpl, parts);
                if self.attrs.may_have(h) {
                    pending.push((i as u32, h));
                }
            });
        }
        for &(i, h) in pending.iter() {
            if let Some(row) = state.get_mut(i as usize * m..(i as usize + 1) * m) {
                self.add_weights(row, h);
            }
        }
        if !self.bias.is_empty() {
            for row in state.chunks_exact_mut(m) {
                add_lanes(row, &self.bias);
            }
        }
        // Viterbi in place: row i of `state` becomes the best score of a
        // path ending in each label at token i, the previous label k
        // being the outer loop so the inner one runs along a row of
        // transitions a vector at a time. Only the best path's back
        // pointers are needed, so they are found after, walking back
        // (the first k to reach the best score, as a tie keeps the
        // lowest).
        for i in 1..t {
            let (done, rest) = state.split_at_mut(i * m);
            let prev = &done[(i - 1) * m..][..n];
            best.clear();
            best.resize(m, f32::NEG_INFINITY);
            let (bests, _) = best.as_chunks_mut::<LANES>();
            for (&s, tr) in prev.iter().zip(self.trans.chunks_exact(m)) {
                let (trs, _) = tr.as_chunks::<LANES>();
                for (chunk, tr) in bests.iter_mut().zip(trs) {
                    let mut lanes = *chunk;
                    for (b, &w) in lanes.iter_mut().zip(tr) {
                        let v = s + w;
                        *b = if v > *b { v } else { *b };
                    }
                    *chunk = lanes;
                }
            }
            add_lanes(&mut rest[..m], best);
        }
        let mut cur = first_max(state[(t - 1) * m..][..n].iter().copied());
        let mut labels = vec![""; t];
        for i in (0..t).rev() {
            labels[i] = self.labels[cur].as_str();
            if i > 0 {
                let prev = &state[(i - 1) * m..][..n];
                cur = first_max(
                    prev.iter()
                        .zip(self.trans.chunks_exact(m))
                        .map(|(&s, tr)| s + tr[cur]),
                );
            }
        }
        conll::spans(&labels)
    }

    /// Adds the weights of the attribute hashed `h` (if the model has
    /// it) to a token's row of label scores.
    #[inline]
    fn add_weights(&self, row: &mut [f32], h: u64) {
        let Some((start, len)) = self.attrs.get(h) else {
            return;
        };
        let m = self.width;
        if len == 0 {
            if let Some(ws) = self.dense.get(start * m..(start + 1) * m) {
                add_lanes(row, ws);
            }
        } else if let Some(ws) = self.weights.get(start..start + len) {
            for &(l, w) in ws {
                if let Some(x) = row.get_mut(l as usize) {
                    *x += w;
                }
            }
        }
    }

    /// Fills `rows` (a row of label scores per view, see
    /// [`features::VIEWS`]) with the weights of a token's word
    /// attributes.
    fn word_rows(&self, info: &TokenInfo, rows: &mut [f32]) {
        rows.fill(0.0);
        for (v, row) in rows.chunks_exact_mut(self.width).enumerate() {
            features::word_attributes(info, v, &mut |tpl, parts| {
                let h = features::attribute_hash(tpl, parts);
                if self.attrs.may_have(h) {
                    self.add_weights(row, h);
                }
            });
        }
    }
}

/// How many models a thread keeps word weights for (the Arabic and the
/// English one in the reader; tests load more).
const CACHED_MODELS: usize = 4;

/// A thread's word weights for one model: for each of
/// [`CACHED_WORDS`] slots, the [`features::word_key`] of the word there
/// (0: none) and its rows of label scores, one per view. News repeats
/// its words, so most tokens find their weights here instead of
/// hashing and looking up some thirty attributes; the attributes that
/// join several tokens are still looked up one by one.
struct WordRows {
    model: u64,
    keys: Vec<u64>,
    rows: Vec<f32>,
}

impl WordRows {
    /// The cache of `model` among a thread's, made when missing (the
    /// oldest dropped beyond [`CACHED_MODELS`]).
    fn of<'c>(caches: &'c mut Vec<WordRows>, model: &CrfModel) -> &'c mut WordRows {
        let k = match caches.iter().position(|c| c.model == model.id) {
            Some(k) => k,
            None => {
                if caches.len() >= CACHED_MODELS {
                    caches.remove(0);
                }
                caches.push(WordRows {
                    model: model.id,
                    keys: vec![0; CACHED_WORDS],
                    rows: vec![0.0; CACHED_WORDS * VIEWS * model.width],
                });
                caches.len() - 1
            }
        };
        &mut caches[k]
    }

    /// A token's rows, computed on a miss.
    fn rows(&mut self, model: &CrfModel, info: &TokenInfo) -> &[f32] {
        let (key, slot) = features::cache_slot(features::word_key(info));
        let size = VIEWS * model.width;
        let rows = &mut self.rows[slot * size..(slot + 1) * size];
        if self.keys[slot] != key {
            model.word_rows(info, rows);
            self.keys[slot] = key;
        }
        rows
    }
}

/// The index of the first largest score (0 when there is none).
fn first_max(scores: impl Iterator<Item = f32>) -> usize {
    scores
        .enumerate()
        .fold(
            (0, f32::NEG_INFINITY),
            |acc, (k, s)| {
                if s > acc.1 { (k, s) } else { acc }
            },
        )
        .0
}

/// Adds `w` to `x` lane by lane (both a whole number of [`LANES`] long).
#[inline]
fn add_lanes(x: &mut [f32], w: &[f32]) {
    let (xs, _) = x.as_chunks_mut::<LANES>();
    let (ws, _) = w.as_chunks::<LANES>();
    for (chunk, w) in xs.iter_mut().zip(ws) {
        // Added on a copy: the compiler then knows the lanes apart from
        // `w` and adds them in one vector instruction.
        let mut lanes = *chunk;
        for (x, w) in lanes.iter_mut().zip(w) {
            *x += w;
        }
        *chunk = lanes;
    }
}

/// An attribute's weights as a dense row `width` long, when they cover
/// more than half the `n` labels and name each label once.
fn dense_row(ws: &[(u16, f32)], n: usize, width: usize) -> Option<Vec<f32>> {
    if 2 * ws.len() <= n {
        return None;
    }
    let mut row = vec![None; width];
    for &(l, w) in ws {
        match row.get_mut(l as usize) {
            Some(x @ None) => *x = Some(w),
            _ => return None,
        }
    }
    Some(row.into_iter().map(|w| w.unwrap_or(0.0)).collect())
}

/// Buffers of [`CrfModel::tag`] kept from sentence to sentence on a
/// thread: attribute hashes, label scores, the best scores into each
/// label at one token, and the word weights of each model.
#[derive(Default)]
struct Scratch {
    pending: Vec<(u32, u64)>,
    state: Vec<f32>,
    best: Vec<f32>,
    caches: Vec<WordRows>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}
