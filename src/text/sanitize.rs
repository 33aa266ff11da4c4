//! Removing what must never reach a terminal from feed text.
//!
//! Feed text is written by strangers: an escape sequence in a title could
//! move the cursor, retitle the window or write to the clipboard. Ingest
//! strips terminal controls once ([`strip_controls`]); one-line output that
//! bypasses the layout also drops bidi controls ([`for_terminal`]).

/// Removes terminal control characters and whole escape sequences.
///
/// Keeps `'\n'`, turns `'\t'` into a space, drops other C0 controls, DEL and
/// C1 controls. An ESC starts a sequence that is removed with its body:
/// CSI up to its final byte, OSC/DCS/SOS/PM/APC up to BEL or ST. The C1
/// forms (U+009B CSI, U+009D OSC, ...) are treated the same way. Bidi
/// controls and ZWJ/ZWNJ are kept: the layout needs them.
pub fn strip_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{1b}' => match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                Some(c2) if ('\u{20}'..='\u{7e}').contains(&c2) => {
                    // Two- or three-byte escapes (ESC c, ESC ( B, ...).
                    chars.next();
                    if ('\u{20}'..='\u{2f}').contains(&c2) {
                        chars.next_if(|c3| ('\u{30}'..='\u{7e}').contains(c3));
                    }
                }
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// [`strip_controls`] plus bidi controls removed and line breaks turned
/// into spaces: for one-line strings printed as they are (CLI lists,
/// error messages, status lines).
pub fn for_terminal(s: &str) -> String {
    strip_controls(s)
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect()
}

/// True for the explicit bidi formatting characters and marks (embeddings,
/// overrides, isolates, LRM/RLM/ALM). They steer the layout and must not
/// reach the screen.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// C0 (other than newline and tab), DEL and C1 control characters.
fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Skips a CSI body: parameter and intermediate bytes, then one final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) || !('\u{20}'..='\u{3f}').contains(&c) {
            return;
        }
    }
}

/// Skips an OSC/DCS-style string up to BEL, ST (ESC \) or the C1 ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_csi_and_osc_sequences_whole() {
        assert_eq!(strip_controls("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(strip_controls("x\u{1b}]0;pwned\u{7}y"), "xy");
        assert_eq!(strip_controls("x\u{1b}]52;c;aGk=\u{1b}\\y"), "xy");
        assert_eq!(strip_controls("x\u{9b}2Jy"), "xy");
        assert_eq!(strip_controls("x\u{1b}Pq#0;2;0;0;0\u{1b}\\y"), "xy");
    }

    #[test]
    fn keeps_newlines_and_text_drops_c0_c1() {
        assert_eq!(
            strip_controls("سطر\nline\u{0}\u{7}\u{85}\u{7f}!"),
            "سطر\nline!"
        );
        assert_eq!(strip_controls("a\tb\rc"), "a bc");
    }

    #[test]
    fn keeps_bidi_controls_but_for_terminal_drops_them() {
        let s = "abc\u{202e}cba\u{200f}\u{200d}\nnext";
        assert_eq!(strip_controls(s), s);
        assert_eq!(for_terminal(s), "abccba\u{200d} next");
    }

    #[test]
    fn unterminated_sequences_do_not_leak_or_panic() {
        assert_eq!(strip_controls("a\u{1b}"), "a");
        assert_eq!(strip_controls("a\u{1b}[12;"), "a");
        assert_eq!(strip_controls("a\u{1b}]0;title"), "a");
        assert_eq!(strip_controls("a\u{1b}(B"), "a");
    }
}
