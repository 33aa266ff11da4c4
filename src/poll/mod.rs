//! Fetching and parsing feeds: HTTP with caps and timeouts ([`http`]),
//! charset detection ([`charset`]), feed parsing ([`parse`]), HTML → clean
//! text ([`html`]) and the concurrent poll that writes to the store ([`run`]).

pub mod charset;
pub mod error;
pub mod html;
pub mod http;
pub mod parse;
pub mod run;
mod write;

pub use error::PollError;

/// [`crate::text::sanitize::strip_controls`] with a fast path: most feed
/// text has no control character at all, and a byte scan proves it
/// (C0 except `'\n'`, DEL, and C1, which UTF-8 encodes as `C2 80`–`C2 9F`).
pub(crate) fn sanitize(s: &str) -> String {
    let bytes = s.as_bytes();
    let dirty = bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && b != b'\n')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    });
    if dirty {
        crate::text::sanitize::strip_controls(s)
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sanitize_fast_path_matches_strip_controls(s in "(\\PC|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}])*") {
            prop_assert_eq!(super::sanitize(&s), crate::text::sanitize::strip_controls(&s));
        }
    }
}
