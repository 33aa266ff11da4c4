//! A fast tagger for CRFsuite models: the weights are read once from the
//! `crfs` model into flat tables, attributes are looked up without
//! allocating, and Viterbi runs on `f32` scores. Same results as
//! `crfs::Tagger`, several times faster, which is what lets extraction
//! keep up with polling.

use std::collections::HashMap;

use super::conll::{self, Span};
use super::features::{self, Part, Sink, Template, TokenInfo};

/// Attribute hashes → their weight ranges, open addressing with linear
/// probing over a table at most half full, so a lookup is usually one
/// cache line. The names themselves are not kept: two model attributes
/// sharing a 64-bit hash are refused at load time, and an unseen
/// attribute matching a model hash is as likely as any 64-bit collision.
#[derive(Debug)]
struct AttrTable {
    /// Key (0: empty) and weight range side by side, so a hit reads one
    /// cache line.
    slots: Vec<(u64, (u32, u32))>,
    mask: usize,
    /// One bit per hash (from other bits than the slot's), set for every
    /// key: small enough to stay in the nearest cache, it turns most
    /// lookups of attributes the model lacks away before the table.
    filter: Vec<u64>,
    filter_mask: u64,
}

/// The table's key for a hash (0 marks an empty slot).
fn key(h: u64) -> u64 {
    h.max(1)
}

impl AttrTable {
    fn with_capacity(n: usize) -> AttrTable {
        let size = (2 * n).next_power_of_two().max(16);
        let bits = (8 * n).next_power_of_two().max(64);
        AttrTable {
            slots: vec![(0, (0, 0)); size],
            mask: size - 1,
            filter: vec![0; bits / 64],
            filter_mask: bits as u64 - 1,
        }
    }

    /// The filter word and bit of a key.
    #[inline]
    fn filter_bit(&self, k: u64) -> (usize, u64) {
        let b = (k >> 40) & self.filter_mask;
        ((b >> 6) as usize, 1u64 << (b & 63))
    }

    /// Inserts; false when the hash is already there with another range.
    fn insert(&mut self, h: u64, range: (u32, u32)) -> bool {
        let k = key(h);
        let (w, bit) = self.filter_bit(k);
        self.filter[w] |= bit;
        let mut i = k as usize & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == 0 {
                *slot = (k, range);
                return true;
            }
            if slot.0 == k {
                return slot.1 == range;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn get(&self, h: u64) -> Option<(u32, u32)> {
        let k = key(h);
        let (w, bit) = self.filter_bit(k);
        if self.filter[w] & bit == 0 {
            return None;
        }
        let mut i = k as usize & self.mask;
        loop {
            let (here, range) = self.slots[i];
            if here == k {
                return Some(range);
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
            labels,
            attrs,
            weights,
            trans,
        })
    }

    /// Tags a sentence and returns its entity spans.
    pub fn tag(&self, infos: &[TokenInfo]) -> Vec<Span> {
        let n = self.labels.len();
        let t = infos.len();
        if t == 0 || n == 0 {
            return Vec::new();
        }
        let mut scorer = Scorer {
            model: self,
            state: vec![0f32; t * n],
            n,
        };
        features::attributes(infos, &mut scorer);
        let state = scorer.state;
        let mut score = state[..n].to_vec();
        let mut back = vec![0u16; t * n];
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

/// Adds the weights of each attribute found in the model to the token's
/// label scores.
struct Scorer<'m> {
    model: &'m CrfModel,
    state: Vec<f32>,
    n: usize,
}

impl Sink for Scorer<'_> {
    #[inline]
    fn put(&mut self, i: usize, t: &Template, parts: &[Part<'_>]) {
        let Some((start, len)) = self.model.attrs.get(features::attribute_hash(t, parts)) else {
            return;
        };
        let (start, len) = (start as usize, len as usize);
        let (Some(row), Some(ws)) = (
            self.state.get_mut(i * self.n..(i + 1) * self.n),
            self.model.weights.get(start..start + len),
        ) else {
            return;
        };
        for &(l, w) in ws {
            if let Some(x) = row.get_mut(l as usize) {
                *x += w;
            }
        }
    }
}
