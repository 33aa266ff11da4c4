//! The shaper against the Unicode Character Database, read independently of
//! the generated tables: every dual- and right-joining letter of
//! `ArabicShaping.txt` that has presentation forms (the `<isolated>`,
//! `<final>`, `<initial>`, `<medial>` decompositions of `UnicodeData.txt`)
//! gets the right form in each position, also with a haraka in between;
//! letters without forms pass through unchanged.
//! Needs /usr/share/unicode (`apt-get install unicode-data`).

use std::collections::{BTreeMap, BTreeSet};

use akhbar::text::shape::shape;

const DIR: &str = "/usr/share/unicode";
/// Beh, a dual-joining neighbour, and its isolated / initial forms.
const BEH: char = '\u{0628}';
const BEH_ISOLATED: char = '\u{FE8F}';
const BEH_INITIAL: char = '\u{FE91}';
const BEH_FINAL: char = '\u{FE90}';
const FATHA: char = '\u{064E}';

fn read(name: &str) -> String {
    let path = format!("{DIR}/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {path} ({e}): install the Unicode data files with `apt-get install unicode-data`")
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Position {
    Isolated,
    Final,
    Initial,
    Medial,
}

/// letter → position → the presentation forms UnicodeData gives for it.
fn forms() -> BTreeMap<char, BTreeMap<Position, BTreeSet<char>>> {
    let mut out: BTreeMap<char, BTreeMap<Position, BTreeSet<char>>> = BTreeMap::new();
    for line in read("UnicodeData.txt").lines() {
        let f: Vec<&str> = line.split(';').collect();
        let (Some(cp), Some(decomp)) = (f.first(), f.get(5)) else {
            continue;
        };
        let Some(form) = u32::from_str_radix(cp, 16).ok().and_then(char::from_u32) else {
            continue;
        };
        let Some((tag, rest)) = decomp.strip_prefix('<').and_then(|d| d.split_once('>')) else {
            continue;
        };
        let position = match tag {
            "isolated" => Position::Isolated,
            "final" => Position::Final,
            "initial" => Position::Initial,
            "medial" => Position::Medial,
            _ => continue,
        };
        let parts: Vec<char> = rest
            .split_whitespace()
            .filter_map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32))
            .collect();
        if let [base] = parts[..] {
            out.entry(base)
                .or_default()
                .entry(position)
                .or_default()
                .insert(form);
        }
    }
    out
}

/// letter → joining type (D, R, U, ...) from ArabicShaping.txt.
fn joining_types() -> BTreeMap<char, String> {
    read("ArabicShaping.txt")
        .lines()
        .filter_map(|line| {
            let line = line.split('#').next()?.trim();
            let f: Vec<&str> = line.split(';').map(str::trim).collect();
            let c = u32::from_str_radix(f.first()?, 16)
                .ok()
                .and_then(char::from_u32)?;
            Some((c, f.get(2)?.to_string()))
        })
        .collect()
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

#[test]
fn every_letter_with_forms_in_every_position() {
    let forms = forms();
    let types = joining_types();
    let mut checked = 0;
    let mut letters = 0;
    for (&letter, jt) in &types {
        if jt != "D" && jt != "R" {
            continue;
        }
        let Some(by_pos) = forms.get(&letter) else {
            continue;
        };
        letters += 1;
        let has = |p: Position| by_pos.contains_key(&p);
        let expect = |p: Position, got: char, context: &str| {
            assert!(
                by_pos.get(&p).is_some_and(|set| set.contains(&got)),
                "U+{:04X} {context}: got U+{:04X}, expected {p:?} form {:?}",
                letter as u32,
                got as u32,
                by_pos.get(&p)
            );
        };
        // A letter joins in a position only if it has the forms for the
        // joins that position needs (see text::shape).
        let dual = jt == "D"
            && [
                Position::Isolated,
                Position::Final,
                Position::Initial,
                Position::Medial,
            ]
            .into_iter()
            .all(has);
        let right = has(Position::Isolated) && has(Position::Final);
        if has(Position::Isolated) {
            expect(
                Position::Isolated,
                chars(&shape(&letter.to_string(), true))[0],
                "alone",
            );
            checked += 1;
        }
        if dual || right {
            let s = chars(&shape(&format!("{BEH}{letter}"), true));
            assert_eq!(s[0], BEH_INITIAL, "beh before U+{:04X}", letter as u32);
            expect(Position::Final, s[1], "after beh");
            let s = chars(&shape(&format!("{BEH}{FATHA}{letter}"), true));
            assert_eq!(s[1], FATHA);
            expect(Position::Final, s[2], "after beh + fatha");
            checked += 2;
        }
        if dual {
            let s = chars(&shape(&format!("{letter}{BEH}"), true));
            expect(Position::Initial, s[0], "before beh");
            assert_eq!(s[1], BEH_FINAL);
            // Lam before alef is a ligature, tested below; beh is not an alef.
            let s = chars(&shape(&format!("{BEH}{letter}{FATHA}{BEH}"), true));
            expect(Position::Medial, s[1], "between behs");
            assert_eq!((s[0], s[2], s[3]), (BEH_INITIAL, FATHA, BEH_FINAL));
            checked += 2;
        } else if right {
            // Right-joining: never joins the next letter.
            let s = chars(&shape(&format!("{letter}{BEH}"), true));
            assert_eq!(
                s[1], BEH_ISOLATED,
                "U+{:04X} must not join forward",
                letter as u32
            );
            checked += 1;
        }
    }
    eprintln!("{letters} letters, {checked} positions checked");
    // Unicode 15.0 (Debian unicode-data 15.0.0).
    assert_eq!((letters, checked), (75, 343));
}

#[test]
fn letters_without_forms_are_left_alone() {
    let forms = forms();
    let types = joining_types();
    let mut seen = 0;
    for (&letter, jt) in &types {
        let arabic = matches!(letter as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF);
        if !arabic || (jt != "D" && jt != "R") || forms.contains_key(&letter) {
            continue;
        }
        seen += 1;
        let s = chars(&shape(&format!("{BEH}{letter}{BEH}"), true));
        assert_eq!(
            s,
            [BEH_ISOLATED, letter, BEH_ISOLATED],
            "U+{:04X} has no forms: unchanged, non-joining",
            letter as u32
        );
    }
    assert!(seen > 100, "only {seen} letters without forms");
}

#[test]
fn lam_alef_ligatures_in_both_positions() {
    for (alef, isolated, fin) in [
        ('\u{0622}', '\u{FEF5}', '\u{FEF6}'),
        ('\u{0623}', '\u{FEF7}', '\u{FEF8}'),
        ('\u{0625}', '\u{FEF9}', '\u{FEFA}'),
        ('\u{0627}', '\u{FEFB}', '\u{FEFC}'),
    ] {
        assert_eq!(chars(&shape(&format!("\u{0644}{alef}"), true)), [isolated]);
        assert_eq!(
            chars(&shape(&format!("{BEH}\u{0644}{FATHA}{alef}{BEH}"), true)),
            [BEH_INITIAL, fin, FATHA, BEH_ISOLATED]
        );
    }
    // ZWJ between lam and alef joins them without the ligature (this input
    // panics ar-reshaper).
    assert_eq!(chars(&shape("\u{200D}لا", true)), ['\u{200D}', '\u{FEFC}']);
    assert_eq!(
        chars(&shape("ل\u{200D}ا", true)),
        ['\u{FEDF}', '\u{200D}', '\u{FE8E}']
    );
}

#[test]
fn never_a_word_ligature() {
    for word in [
        "الله",
        "صلى الله عليه وسلم",
        "ريال",
        "بسم الله الرحمن الرحيم",
    ] {
        let shaped = shape(word, true);
        assert!(
            !shaped
                .chars()
                .any(|c| ('\u{FDF0}'..='\u{FDFF}').contains(&c)),
            "{word} → {shaped}"
        );
        // One shaped letter per letter, except lam + alef which become one.
        assert_eq!(
            shaped.chars().count(),
            word.chars().count() - count_lam_alef(word)
        );
    }
}

fn count_lam_alef(word: &str) -> usize {
    let c: Vec<char> = word.chars().collect();
    c.windows(2)
        .filter(|w| {
            w[0] == '\u{0644}' && matches!(w[1], '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0627}')
        })
        .count()
}
