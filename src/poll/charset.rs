//! Turning a feed's or a page's bytes into UTF-8, whatever they claim.
//!
//! Order of evidence: a byte-order mark, then valid non-ASCII UTF-8 (a
//! stale label on re-encoded text is common; the converse is vanishingly
//! rare), then the HTTP `charset`, then the document's own declaration (XML
//! prolog or `<meta charset>`), then a guess by chardetng. A declaration is only trusted when the bytes agree:
//! "utf-8" with invalid UTF-8, a label whose decoder reports errors, or a
//! Latin label on bytes that chardetng recognises as Arabic (or another
//! non-Latin single-byte script) all fall through to the guess.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decodes a feed to UTF-8 and rewrites its XML prolog so that it no longer
/// names the original encoding (the parser would otherwise decode twice).
pub fn decode_feed(bytes: &[u8], content_type: Option<&str>) -> String {
    let declared = prolog_encoding(bytes);
    let text = decode_with(bytes, content_type, declared);
    strip_prolog_encoding(text)
}

/// Decodes an HTML page to UTF-8, honouring `<meta charset>` and
/// `<meta http-equiv="Content-Type" content="...; charset=...">`.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    let declared = meta_charset(bytes);
    decode_with(bytes, content_type, declared)
}

/// The `charset` parameter of a Content-Type header value, if any.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

fn decode_with(
    bytes: &[u8],
    content_type: Option<&str>,
    declared: Option<&'static Encoding>,
) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    // Non-ASCII text that is valid UTF-8 is UTF-8, whatever a stale label
    // says: legacy encodings almost never form valid multi-byte sequences.
    if !bytes.is_ascii()
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return text.to_owned();
    }
    let http = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()));
    for candidate in [http, declared].into_iter().flatten() {
        if let Some(text) = try_declared(bytes, candidate) {
            return text;
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let (text, _) = sniff(bytes).decode_without_bom_handling(bytes);
    text.into_owned()
}

/// Decodes with a declared encoding when the bytes agree with it.
fn try_declared(bytes: &[u8], encoding: &'static Encoding) -> Option<String> {
    // A declared UTF-16 without a BOM on ASCII-looking bytes is a lie
    // (we already decoded the prolog as ASCII); treat it as UTF-8.
    let encoding = if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else {
        encoding
    };
    if encoding == UTF_8 {
        return std::str::from_utf8(bytes).ok().map(str::to_owned);
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return None;
    }
    if is_latin(encoding) && bytes.iter().any(|b| *b >= 0x80) {
        let guess = sniff(bytes);
        if is_non_latin_single_byte(guess) {
            let (text, _) = guess.decode_without_bom_handling(bytes);
            return Some(text.into_owned());
        }
    }
    Some(text.into_owned())
}

fn sniff(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

fn is_latin(encoding: &'static Encoding) -> bool {
    encoding == WINDOWS_1252
        || encoding == encoding_rs::ISO_8859_15
        || encoding == encoding_rs::ISO_8859_2
        || encoding == encoding_rs::WINDOWS_1250
}

fn is_non_latin_single_byte(encoding: &'static Encoding) -> bool {
    [
        encoding_rs::WINDOWS_1256,
        encoding_rs::ISO_8859_6,
        encoding_rs::WINDOWS_1255,
        encoding_rs::ISO_8859_8,
        encoding_rs::ISO_8859_8_I,
        encoding_rs::WINDOWS_1251,
        encoding_rs::KOI8_R,
        encoding_rs::KOI8_U,
        encoding_rs::ISO_8859_5,
        encoding_rs::IBM866,
        encoding_rs::WINDOWS_1253,
        encoding_rs::ISO_8859_7,
        encoding_rs::WINDOWS_874,
    ]
    .contains(&encoding)
}

/// The byte range of a leading `<?xml ...?>` declaration (after
/// whitespace), if the document starts with one.
fn prolog_range(bytes: &[u8]) -> Option<std::ops::Range<usize>> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &bytes[start..];
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let window = &rest[..rest.len().min(1024)];
    let end = window.windows(2).position(|w| w == b"?>")?;
    Some(start..start + end + 2)
}

fn prolog_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let range = prolog_range(bytes)?;
    let decl = &bytes[range];
    let label = attribute_value(decl, b"encoding")?;
    Encoding::for_label(label)
}

/// The value of `name="..."` (or single-quoted) inside a tag, ASCII only.
fn attribute_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let lower: Vec<u8> = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], name) {
        let at = from + pos;
        let mut i = at + name.len();
        while lower.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if lower.get(i) == Some(&b'=') {
            i += 1;
            while lower.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            let quote = *lower.get(i)?;
            if quote == b'"' || quote == b'\'' {
                let value_start = i + 1;
                let len = lower[value_start..].iter().position(|b| *b == quote)?;
                return Some(&tag[value_start..value_start + len]);
            }
            let len = lower[i..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || b">/;\"'".contains(b))
                .unwrap_or(lower.len() - i);
            return Some(&tag[i..i + len]);
        }
        from = at + name.len();
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Replaces the prolog of decoded text with one that declares nothing
/// but the version (the text is UTF-8 now).
fn strip_prolog_encoding(text: String) -> String {
    match prolog_range(text.as_bytes()) {
        Some(range) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..range.start]);
            out.push_str("<?xml version=\"1.0\"?>");
            out.push_str(&text[range.end..]);
            out
        }
        None => text,
    }
}

/// The charset named by a `<meta>` tag in the first 4 KB of a page.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|b| *b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(encoding) = attribute_value(tag, b"charset").and_then(Encoding::for_label) {
            return Some(encoding);
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_param_is_found_in_any_case() {
        assert_eq!(
            charset_param("text/xml; Charset=\"windows-1256\""),
            Some("windows-1256")
        );
        assert_eq!(charset_param("text/xml"), None);
    }

    #[test]
    fn prolog_encoding_is_replaced() {
        let out = decode_feed(b"<?xml version='1.0' encoding='utf-8'?><rss/>", None);
        assert_eq!(out, "<?xml version=\"1.0\"?><rss/>");
    }

    #[test]
    fn meta_charset_in_http_equiv() {
        let html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head>";
        assert_eq!(meta_charset(html), Some(encoding_rs::WINDOWS_1256));
    }

    #[test]
    fn arabic_windows_1256_declared_as_latin1_is_sniffed() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256
            .encode("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><title>أخبار اليوم من القاهرة والرباط</title></rss>");
        let out = decode_feed(&bytes, None);
        assert!(out.contains("أخبار اليوم من القاهرة"), "{out}");
    }
}
