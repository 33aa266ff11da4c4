//! The numbered link list that ends an article's clean text (`[1] URL`
//! lines, written by the HTML converter), read back so the reader can open
//! one link by its number.

/// The URLs of the `[n] URL` lines at the end of `text`, in number order:
/// entry `n - 1` is link `n`. Only an unbroken run numbered from 1 counts,
/// so a `[3] …` line in an article's prose is not taken for a link.
pub fn numbered_links(text: &str) -> Vec<&str> {
    let mut tail: Vec<(usize, &str)> = Vec::new();
    for line in text.lines().rev() {
        let Some((n, url)) = link_line(line) else {
            break;
        };
        tail.push((n, url));
    }
    tail.reverse();
    let mut out = Vec::with_capacity(tail.len());
    for (n, url) in tail {
        if n == out.len() + 1 {
            out.push(url);
        } else {
            // A run that does not restart at 1 is not the list's start.
            out.clear();
            if n == 1 {
                out.push(url);
            }
        }
    }
    out
}

/// True for a line that starts like an entry of the link list (`[n] `),
/// whatever follows: text that compares articles skips these lines.
pub fn is_link_line(line: &str) -> bool {
    split_link_line(line).is_some()
}

/// `[n] rest` → (`n`'s digits, `rest`).
fn split_link_line(line: &str) -> Option<(&str, &str)> {
    let (num, rest) = line.strip_prefix('[')?.split_once("] ")?;
    (!num.is_empty() && num.bytes().all(|b| b.is_ascii_digit())).then_some((num, rest))
}

/// `[n] URL` → `(n, URL)` when the line is exactly that.
fn link_line(line: &str) -> Option<(usize, &str)> {
    let (num, url) = split_link_line(line)?;
    let url = url.trim();
    if url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    Some((num.parse().ok()?, url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_trailing_list_in_order() {
        let text =
            "Talks resume[1] in Cairo[2].\n\n[1] https://a.example/x\n[2] https://b.example/y";
        assert_eq!(
            numbered_links(text),
            vec!["https://a.example/x", "https://b.example/y"]
        );
    }

    #[test]
    fn ignores_bracketed_numbers_in_prose_and_broken_runs() {
        assert!(numbered_links("No links here.").is_empty());
        assert!(numbered_links("Text\n[2] https://a.example/").is_empty());
        assert!(numbered_links("Text\n[1] two words").is_empty());
        // A stray line before the real list does not join it.
        let text =
            "[1] https://old.example/\nprose\n[1] https://a.example/\n[2] https://b.example/";
        assert_eq!(
            numbered_links(text),
            vec!["https://a.example/", "https://b.example/"]
        );
    }

    #[test]
    fn hostile_lines_do_not_panic() {
        for t in [
            "[",
            "[]",
            "[] x",
            "[99999999999999999999999] https://a/",
            "[1]",
        ] {
            let _ = numbered_links(t);
        }
        assert!(numbered_links("[99999999999999999999999] https://a/").is_empty());
    }
}
