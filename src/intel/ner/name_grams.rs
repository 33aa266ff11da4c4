//! How name-like an Arabic word looks by its letters: transliterated
//! foreign names («كافلنيكوف», «دويسنبرج») share letter sequences that
//! ordinary words rarely have. The table (`data/ner/ar-name-grams.tsv`,
//! written by `data/ner/gen_name_grams.py`) gives each sequence of two to
//! four characters of a word framed by `^` and `$` the log of how much
//! more often it occurs in names than in other words.

use super::hash::FastMap;

/// The lengths of the letter sequences in the table, frames included.
const MIN_GRAM: u32 = 2;
const MAX_GRAM: u32 = 4;

/// The shipped table.
const AR_NAME_GRAMS: &str = include_str!("../../../data/ner/ar-name-grams.tsv");

/// The code of a letter in a sequence key: 1 and 2 for the frames `^`
/// and `$`, 3 and up for the Arabic letters U+0621..U+064A; None for
/// anything else. Codes fit in six bits, and none is 0, so a key of `n`
/// letters is never equal to a key of another length.
fn code(c: char) -> Option<u32> {
    match c {
        '^' => Some(1),
        '$' => Some(2),
        '\u{621}'..='\u{64a}' => Some(3 + c as u32 - 0x621),
        _ => None,
    }
}

/// The key of a letter sequence: its codes in base 64.
fn key(codes: &[u32]) -> u32 {
    codes.iter().fold(0, |k, c| (k << 6) | c)
}

/// Keys below this are of sequences of at most three letters, looked up
/// in a dense array; longer ones in a map.
const DENSE: u32 = 1 << 18;

/// Log-ratios of letter sequences, keyed by [`key`].
#[derive(Debug, Default)]
pub struct NameGrams {
    /// The ratios of the short sequences, indexed by key (the default
    /// where the table has none); empty for an empty table.
    short: Vec<f32>,
    /// The ratios of the four-letter sequences.
    long: FastMap<u32, f32>,
    /// The ratio of a sequence missing from the table.
    default: f32,
}

impl NameGrams {
    /// The shipped table.
    pub fn builtin() -> NameGrams {
        NameGrams::parse(AR_NAME_GRAMS)
    }

    /// A table from `sequence<TAB>log-ratio` lines (`#` comments; the line
    /// `DEFAULT<TAB>x` gives the ratio of missing sequences). Malformed
    /// lines are skipped.
    pub fn parse(text: &str) -> NameGrams {
        let mut out = NameGrams::default();
        let mut ratios = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((gram, value)) = line.split_once('\t') else {
                continue;
            };
            let Ok(value) = value.trim().parse::<f32>() else {
                continue;
            };
            if gram == "DEFAULT" {
                out.default = value;
                continue;
            }
            let codes: Option<Vec<u32>> = gram.chars().map(code).collect();
            if let Some(codes) = codes.filter(|c| (MIN_GRAM..=MAX_GRAM).contains(&(c.len() as u32)))
            {
                ratios.push((key(&codes), value));
            }
        }
        if !ratios.is_empty() {
            out.short = vec![out.default; DENSE as usize];
        }
        for (k, value) in ratios {
            match out.short.get_mut(k as usize) {
                Some(slot) => *slot = value,
                None => {
                    out.long.insert(k, value);
                }
            }
        }
        out
    }

    /// The ratio of the sequence with this key.
    fn ratio(&self, key: u32) -> f32 {
        match self.short.get(key as usize) {
            Some(&r) => r,
            None => self.long.get(&key).copied().unwrap_or(self.default),
        }
    }

    /// The mean log-ratio over the letter sequences of a folded,
    /// clitic-free word: above 0 it looks more like a name than not.
    /// None for an empty table, a word of fewer than three letters or one
    /// with a character other than an Arabic letter.
    pub fn score(&self, stem: &str) -> Option<f32> {
        if self.short.is_empty() || stem.chars().nth(2).is_none() {
            return None;
        }
        let letters = stem.chars().map(|c| code(c).filter(|&k| k > 2));
        let (mut sum, mut count) = (0.0f32, 0u32);
        // The last three codes, the newest in the low bits, and how many.
        let (mut recent, mut seen) = (1u32, 1u32);
        for c in letters.chain(std::iter::once(Some(2))) {
            let c = c?;
            for n in MIN_GRAM - 1..=seen.min(MAX_GRAM - 1) {
                let earlier = recent & ((1 << (6 * n)) - 1);
                sum += self.ratio((earlier << 6) | c);
                count += 1;
            }
            recent = ((recent << 6) | c) & ((1 << (6 * (MAX_GRAM - 1))) - 1);
            seen += 1;
        }
        Some(sum / count as f32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_names_look_like_names_and_common_words_do_not() {
        let g = NameGrams::builtin();
        for name in ["كافلنيكوف", "دويسنبرج", "ستيفنسون", "شينوزوكا"]
        {
            let s = g.score(name).unwrap_or(f32::MIN);
            assert!(s > 0.0, "{name}: {s}");
        }
        for word in ["حكومه", "اجتماع", "مشاريع", "الاقتصاديه"] {
            let s = g.score(word).unwrap_or(f32::MAX);
            assert!(s < 0.0, "{word}: {s}");
        }
        assert_eq!(g.score("من"), None);
        assert_eq!(g.score("abc"), None);
    }

    #[test]
    fn the_table_is_parsed_leniently() {
        let g = NameGrams::parse("# c\nDEFAULT\t1.0\n^كل\t2.5\nbad line\nكا\tx\n^كلب$\t9\n");
        assert_eq!(
            g.ratio(key(&[1, 3 + 'ك' as u32 - 0x621, 3 + 'ل' as u32 - 0x621])),
            2.5
        );
        assert_eq!(
            g.ratio(key(&[1, 3 + 'ك' as u32 - 0x621])),
            1.0,
            "missing: the default"
        );
        assert!(g.long.is_empty());
        let s = g.score("كلب").unwrap_or(0.0);
        let grams = 4 + 3 + 2;
        assert!((s - (2.5 + (grams - 1) as f32) / grams as f32).abs() < 1e-5);
    }
}
