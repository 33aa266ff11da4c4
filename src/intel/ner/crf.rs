//! A fast tagger for CRFsuite models: the weights are read once from the
//! `crfs` model into flat tables, attributes are looked up without
//! allocating, and Viterbi runs on `f32` scores. Same results as
//! `crfs::Tagger`, several times faster, which is what lets extraction
//! keep up with polling.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::conll::{self, Span};
use super::features::{self, TokenInfo};

/// FNV-1a: attribute names are short, so this beats SipHash here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A CRF model's weights in flat tables.
#[derive(Debug)]
pub struct CrfModel {
    labels: Vec<String>,
    attrs: FnvMap<Box<str>, (u32, u32)>,
    weights: Vec<(u16, f32)>,
    trans: Vec<f32>,
}

impl CrfModel {
    /// Reads a CRFsuite model; None when the bytes are not a valid model.
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
        let mut per_attr: FnvMap<Box<str>, Vec<(u16, f32)>> = FnvMap::default();
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
                "STATE_FEATURES" => per_attr.entry(src.into()).or_default().push((d as u16, w)),
                _ => {}
            }
        }
        let mut weights = Vec::new();
        let mut attrs = FnvMap::default();
        for (name, ws) in per_attr {
            attrs.insert(name, (weights.len() as u32, ws.len() as u32));
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
        let mut state = vec![0f32; t * n];
        features::for_each_attribute(infos, |i, a| {
            if let Some(&(start, len)) = self.attrs.get(a) {
                let row = &mut state[i * n..(i + 1) * n];
                for &(l, w) in &self.weights[start as usize..(start + len) as usize] {
                    row[l as usize] += w;
                }
            }
        });
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
