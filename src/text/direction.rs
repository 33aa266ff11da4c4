//! Choosing a paragraph's direction from its text.

use crate::model::Direction;
use unicode_bidi::{BidiClass, bidi_class};

/// The direction given by the first strong character (UAX #9 rules P2/P3),
/// skipping isolates; `None` when the text has no strong character.
pub fn detect_direction(s: &str) -> Option<Direction> {
    let mut isolate_depth = 0usize;
    for c in s.chars() {
        match bidi_class(c) {
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => isolate_depth += 1,
            BidiClass::PDI => isolate_depth = isolate_depth.saturating_sub(1),
            _ if isolate_depth > 0 => {}
            BidiClass::L => return Some(Direction::Ltr),
            BidiClass::R | BidiClass::AL => return Some(Direction::Rtl),
            _ => {}
        }
    }
    None
}

/// The direction a language tag implies (`ar`, `fa`, `he`, `ur`... are RTL),
/// or `None` for tags that say nothing about direction.
pub fn direction_of_lang(lang: &str) -> Option<Direction> {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match primary.as_str() {
        "" => None,
        "ar" | "fa" | "he" | "iw" | "ur" | "ps" | "sd" | "ug" | "yi" | "dv" | "ckb" | "ku" => {
            Some(Direction::Rtl)
        }
        _ => Some(Direction::Ltr),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_strong_character_decides() {
        assert_eq!(detect_direction("«2023» قال"), Some(Direction::Rtl));
        assert_eq!(detect_direction("123 BBC قال"), Some(Direction::Ltr));
        assert_eq!(detect_direction("שלום"), Some(Direction::Rtl));
        assert_eq!(detect_direction("12 ... !"), None);
    }

    #[test]
    fn isolated_text_is_skipped() {
        assert_eq!(
            detect_direction("\u{2067}abc\u{2069} قال"),
            Some(Direction::Rtl)
        );
    }

    #[test]
    fn language_tags() {
        assert_eq!(direction_of_lang("ar-SA"), Some(Direction::Rtl));
        assert_eq!(direction_of_lang("fa_IR"), Some(Direction::Rtl));
        assert_eq!(direction_of_lang("en-GB"), Some(Direction::Ltr));
        assert_eq!(direction_of_lang(""), None);
    }
}
