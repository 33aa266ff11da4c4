//! A fast 64-bit hash for the short strings of entity extraction (words,
//! attribute names): eight bytes at a step, then a full avalanche. Not
//! meant to resist chosen collisions; the extractor's tables are built
//! from its own data, not from article text.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Murmur3's finaliser: a bijection that spreads every input bit.
pub const fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The hash of a byte string (a `const fn`, so fixed names can be
/// hashed at compile time): eight bytes at a step, the last zero-padded.
pub const fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut rest = bytes;
    while let Some((w, tail)) = rest.split_first_chunk::<8>() {
        h = step(h, u64::from_le_bytes(*w));
        rest = tail;
    }
    if !rest.is_empty() {
        h = step(h, short_word(rest));
    }
    mix(h)
}

/// One step of [`hash_bytes`]: a word of input into the running hash.
const fn step(h: u64, w: u64) -> u64 {
    let h = (h ^ w).wrapping_mul(K);
    h ^ (h >> 29)
}

/// One to seven bytes as a little-endian word (zero above them), read
/// with two overlapping loads rather than byte by byte: the short
/// strings hashed most (affixes of a word) end here.
const fn short_word(b: &[u8]) -> u64 {
    let n = b.len();
    if let (Some(lo), Some(hi)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        u32::from_le_bytes(*lo) as u64 | (u32::from_le_bytes(*hi) as u64) << (8 * (n - 4))
    } else if n > 0 {
        b[0] as u64 | (b[n / 2] as u64) << (8 * (n / 2)) | (b[n - 1] as u64) << (8 * (n - 1))
    } else {
        0
    }
}

/// The hash of a string.
pub const fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Combines a running hash with the next part's hash (order matters).
pub const fn combine(h: u64, part: u64) -> u64 {
    mix(h.rotate_left(23).wrapping_mul(K) ^ part)
}

/// A `Hasher` built on [`hash_bytes`], for maps keyed by words.
#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = combine(self.0, hash_bytes(bytes));
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = combine(self.0, u64::from(b));
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_differ_and_repeat() {
        assert_eq!(hash_str("w=بوتين"), hash_str("w=بوتين"));
        assert_ne!(hash_str("abcdefgh"), hash_str("abcdefgh\0"));
        assert_ne!(hash_str(""), hash_str("\0"));
        assert_ne!(
            combine(hash_str("a"), hash_str("b")),
            combine(hash_str("b"), hash_str("a"))
        );
        let mut m: FastMap<String, u32> = FastMap::default();
        m.insert("x".into(), 1);
        assert_eq!(m.get("x"), Some(&1));
    }

    #[test]
    fn short_words_read_as_zero_padded_bytes() {
        let bytes: Vec<u8> = (1..=24u8).map(|b| b.wrapping_mul(97)).collect();
        for n in 0..bytes.len() {
            let mut want = (n as u64).wrapping_mul(K);
            for chunk in bytes[..n].chunks(8) {
                let w = chunk
                    .iter()
                    .enumerate()
                    .fold(0u64, |w, (j, &b)| w | u64::from(b) << (8 * j));
                want = step(want, w);
            }
            assert_eq!(hash_bytes(&bytes[..n]), mix(want), "{n} bytes");
        }
    }
}
