//! What leaves the app: the browser (a program run with the URL as an
//! argument, never through a shell) and the clipboard (OSC 52).

use std::io::{self, Write};
use std::process::{Command, Stdio};

use crate::config::Config;
use crate::ui::app::is_web_url;

/// Opens an http(s) URL with the configured browser command; the child
/// is reaped by a thread so it never lingers as a zombie.
pub fn open_url(config: &Config, url: &str) -> io::Result<()> {
    if !is_web_url(url) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "only http and https links are opened",
        ));
    }
    let words = config.browser_command();
    let Some((program, args)) = words.split_first() else {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            "no browser command",
        ));
    };
    let mut child = Command::new(program)
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// The OSC 52 sequence that puts `text` on the system clipboard; inside
/// tmux it is wrapped in tmux's passthrough as well.
pub fn osc52(text: &str, in_tmux: bool) -> String {
    let plain = format!("\x1b]52;c;{}\x1b\\", base64(text.as_bytes()));
    if in_tmux {
        format!("{plain}{}", tmux_passthrough(&plain))
    } else {
        plain
    }
}

/// Wraps an escape sequence in tmux's passthrough (`ESC P tmux; … ESC \`,
/// every ESC inside doubled), which tmux forwards when `allow-passthrough`
/// is on.
pub fn tmux_passthrough(seq: &str) -> String {
    format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"))
}

/// Writes the clipboard sequence to the terminal.
pub fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(osc52(text, std::env::var_os("TMUX").is_some()).as_bytes())?;
    out.flush()
}

/// Standard base64 with padding (RFC 4648), for OSC 52.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(TABLE[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }

    #[test]
    fn osc52_wraps_for_tmux() {
        assert_eq!(osc52("hi", false), "\x1b]52;c;aGk=\x1b\\");
        assert_eq!(
            osc52("hi", true),
            "\x1b]52;c;aGk=\x1b\\\x1bPtmux;\x1b\x1b]52;c;aGk=\x1b\x1b\\\x1b\\"
        );
    }

    #[test]
    fn refuses_non_web_urls_without_running_anything() {
        let config = Config {
            browser: Some("/nonexistent/browser".to_owned()),
            ..Config::default()
        };
        let err = open_url(&config, "file:///etc/passwd")
            .err()
            .map(|e| e.kind());
        assert_eq!(err, Some(io::ErrorKind::InvalidInput));
        let err = open_url(&config, "https://example.com/")
            .err()
            .map(|e| e.kind());
        assert_eq!(err, Some(io::ErrorKind::NotFound));
    }
}
