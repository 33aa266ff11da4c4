//! A fast tagger for CRFsuite models: the weights are read once from the
//! `crfs` model into flat tables, attributes are looked up without
//! allocating, and Viterbi runs on `f32` scores. Same results as
//! `crfs::Tagger`, several times faster, which is what lets extraction
//! keep up with polling.

use std::collections::HashMap;

use super::conll::{self, Span};
use super::features::{self, Part, Sink, Template, TokenInfo};

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
    /// Check (0: empty) and packed range (start << 8 | len).
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

    /// The weight range (start, length) of a hash.
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

/// A CRF model's weights in flat tables.
#[derive(Debug)]
pub struct CrfModel {
    labels: Vec<String>,
    attrs: AttrTable,
    weights: Vec<(u16, f32)>,
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
        let mut trans = vec![0f32; n * n];
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
                        trans[s * n + d] = w;
                    }
                }
                "STATE_FEATURES" => per_attr.entry(src).or_default().push((d as u16, w)),
                _ => {}
            }
        }
        let mut weights = Vec::new();
        let mut attrs = AttrTable::with_capacity(per_attr.len());
        for (name, ws) in per_attr {
            let range = (weights.len() as u32, ws.len() as u32);
            for h in features::parse_attribute(name) {
                if !attrs.insert(h, range) {
                    return None;
                }
            }
            weights.extend(ws);
        }
        Some(CrfModel {
            bias: Vec::new(),
            labels,
            attrs,
            weights,
            trans,
        })
    }

    /// The same model decoding with a constant added to the score of
    /// some labels («O», «B-ORG») at every token (Minkov et al. 2006,
    /// «NER systems that suit user's preferences»): a negative bias on
    /// `O` trades precision for recall without retraining. Labels the
    /// model lacks are ignored.
    pub fn with_label_bias(mut self, bias: &[(&str, f32)]) -> CrfModel {
        let mut v = vec![0f32; self.labels.len()];
        for (label, b) in bias {
            if let Some(k) = self.labels.iter().position(|l| l == label) {
                v[k] += b;
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
        let n = self.labels.len();
        let t = infos.len();
        if t == 0 || n == 0 {
            return Vec::new();
        }
        let Scratch {
            pending,
            state,
            back,
        } = scratch;
        pending.clear();
        features::attributes(
            infos,
            &mut Scorer {
                model: self,
                pending,
            },
        );
        state.clear();
        state.resize(t * n, 0.0);
        for &(i, h) in pending.iter() {
            let Some((start, len)) = self.attrs.get(h) else {
                continue;
            };
            let (Some(row), Some(ws)) = (
                state.get_mut(i as usize * n..(i as usize + 1) * n),
                self.weights.get(start..start + len),
            ) else {
                continue;
            };
            for &(l, w) in ws {
                if let Some(x) = row.get_mut(l as usize) {
                    *x += w;
                }
            }
        }
        if !self.bias.is_empty() {
            for row in state.chunks_exact_mut(n) {
                for (x, b) in row.iter_mut().zip(&self.bias) {
                    *x += b;
                }
            }
        }
        back.clear();
        back.resize(t * n, 0);
        let mut score = state[..n].to_vec();
        let mut next = vec![0f32; n];
        for i in 1..t {
            for j in 0..n {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0usize);
                for (k, s) in score.iter().enumerate() {
                    let v = s + self.trans[k * n + j];
                    if v > best {
                        best = v;
                        arg = k;
                    }
                }
                next[j] = best + state[i * n + j];
                back[i * n + j] = arg as u16;
            }
            std::mem::swap(&mut score, &mut next);
        }
        let mut path = vec![0usize; t];
        let mut cur = score
            .iter()
            .enumerate()
            .fold(
                (0, f32::NEG_INFINITY),
                |acc, (k, &s)| if s > acc.1 { (k, s) } else { acc },
            )
            .0;
        for i in (0..t).rev() {
            path[i] = cur;
            cur = back[i * n + cur] as usize;
        }
        let labels: Vec<&str> = path.iter().map(|&k| self.labels[k].as_str()).collect();
        conll::spans(&labels)
    }
}

/// Buffers of [`CrfModel::tag`] kept from sentence to sentence on a
/// thread: attribute hashes, label scores, Viterbi back pointers.
#[derive(Default)]
struct Scratch {
    pending: Vec<(u32, u64)>,
    state: Vec<f32>,
    back: Vec<u16>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Collects the hashes of a sentence's attributes that pass the
/// model's filter, with their token, so the table lookups run after in
/// one tight loop whose cache misses overlap.
struct Scorer<'m, 'p> {
    model: &'m CrfModel,
    pending: &'p mut Vec<(u32, u64)>,
}

impl Sink for Scorer<'_, '_> {
    #[inline]
    fn put(&mut self, i: usize, t: &Template, parts: &[Part<'_>]) {
        let h = features::attribute_hash(t, parts);
        if self.model.attrs.may_have(h) {
            self.pending.push((i as u32, h));
        }
    }
}
