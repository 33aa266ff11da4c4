//! CRF features of a sentence, shared by training (`train-ner`) and
//! tagging so both see exactly the same attributes.

use super::arabic::greedy_stem;
use super::gazetteer::Gazetteer;
use super::tokenize::{Lang, is_arabic_char};
use crate::model::EntityKind;
use crate::text::fold::fold;

/// What the features need to know about one token, computed once.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    /// Folded form (see `text::fold`).
    pub folded: String,
    /// Clitic-stripped folded form (Arabic) or the folded form (others).
    pub stem: String,
    /// Coarse shape: capitalisation, digits, punctuation, Arabic.
    pub shape: &'static str,
    /// Gazetteer membership: kind and whether the token starts the name.
    pub gaz: Option<(EntityKind, bool)>,
    /// Trigger kind when the token announces a name.
    pub trigger: Option<EntityKind>,
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
    if !t.chars().any(char::is_alphabetic) {
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

fn kind_tag(k: EntityKind) -> &'static str {
    k.as_str()
}

/// Computes per-token information for a sentence (folded forms, gazetteer
/// hits, triggers).
pub fn token_infos(tokens: &[&str], lang: Lang, gaz: &Gazetteer) -> Vec<TokenInfo> {
    let folded: Vec<String> = tokens.iter().map(|t| fold_token(t)).collect();
    let mut gz = vec![None; tokens.len()];
    for m in gaz.find(tokens, &folded) {
        if let Some(e) = gaz.entry(m.entry) {
            for (i, slot) in gz.iter_mut().enumerate().take(m.end).skip(m.start) {
                *slot = Some((e.kind, i == m.start));
            }
        }
    }
    folded
        .into_iter()
        .zip(gz)
        .zip(tokens)
        .map(|((f, g), t)| {
            let stem = match lang {
                Lang::Arabic => greedy_stem(&f).to_string(),
                Lang::English => f.clone(),
            };
            let trigger = gaz.trigger(&f).or_else(|| gaz.trigger(&stem));
            TokenInfo {
                shape: shape(t),
                stem,
                gaz: g,
                trigger,
                folded: f,
            }
        })
        .collect()
}

/// Calls `emit(i, attribute)` for every attribute of every token `i`.
pub fn for_each_attribute(infos: &[TokenInfo], mut emit: impl FnMut(usize, &str)) {
    let mut buf = String::with_capacity(64);
    let n = infos.len();
    for i in 0..n {
        let t = &infos[i];
        let mut put = |parts: &[&str]| {
            buf.clear();
            for p in parts {
                buf.push_str(p);
            }
            emit(i, &buf);
        };
        put(&["b"]);
        put(&["w=", &t.folded]);
        put(&["s=", &t.stem]);
        put(&["sh=", t.shape]);
        let stem = t.stem.as_str();
        let bounds: Vec<usize> = stem
            .char_indices()
            .map(|(b, _)| b)
            .skip(1)
            .take(3)
            .collect();
        let rbounds: Vec<usize> = stem.char_indices().rev().map(|(b, _)| b).take(3).collect();
        let len = stem.chars().count();
        for k in 1..=3.min(len) {
            let p = bounds.get(k - 1).map_or(stem, |&b| &stem[..b]);
            let x = rbounds.get(k - 1).map_or(stem, |&b| &stem[b..]);
            put(&["p", ["1", "2", "3"][k - 1], "=", p]);
            put(&["x", ["1", "2", "3"][k - 1], "=", x]);
        }
        if t.folded != t.stem {
            let cl = &t.folded[..t.folded.len() - t.stem.len().min(t.folded.len())];
            put(&["cl=", cl]);
        }
        match t.gaz {
            Some((k, true)) => put(&["gB=", kind_tag(k)]),
            Some((k, false)) => put(&["gI=", kind_tag(k)]),
            None => {}
        }
        if let Some(k) = t.trigger {
            put(&["tr=", kind_tag(k)]);
        }
        if i == 0 {
            put(&["BOS"]);
        }
        if i + 1 == n {
            put(&["EOS"]);
        }
        for (off, name) in [(-2isize, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")] {
            let j = i as isize + off;
            if j < 0 || j >= n as isize {
                continue;
            }
            let o = &infos[j as usize];
            put(&["w", name, "=", &o.folded]);
            if off.abs() == 1 {
                put(&["s", name, "=", &o.stem]);
                put(&["sh", name, "=", o.shape]);
                put(&["w", name, "|w=", &o.folded, "|", &t.folded]);
            }
            if let Some((k, b)) = o.gaz {
                put(&["g", name, "=", kind_tag(k), if b { "B" } else { "I" }]);
            }
            if let Some(k) = o.trigger {
                put(&["tr", name, "=", kind_tag(k)]);
            }
        }
    }
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
}
