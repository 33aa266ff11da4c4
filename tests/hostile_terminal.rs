//! Hostile suite, item 1: terminal injection.
//!
//! Feeds served on 127.0.0.1 carry ESC/CSI/OSC sequences (window title,
//! clear screen, OSC 52 clipboard write, OSC 8 hyperlinks), C0 and C1
//! controls, NUL, BEL and bidi overrides in every text field. After a real
//! `akhbar poll`, nothing control-like may reach stdout/stderr of `list`,
//! `show`, `search`, `feeds` (plain or JSON), nor of `render` on hostile
//! stdin.
//!
//! Protections checked: `text::sanitize::strip_controls` at ingest (removes
//! whole escape sequences, so OSC payloads like "pwned" vanish too), and
//! `for_terminal` / the layout on output. Removing either makes these fail:
//! the JSON checks catch a missing ingest sanitiser, the plain checks a
//! missing output sanitiser.

mod hostile;

use hostile::server::Server;
use hostile::{Sandbox, assert_terminal_clean, hostile_chars, json_strings};
use serde_json::json;
use std::io::Write;
use std::process::Stdio;

/// The payload planted in each field: window-title OSC (BEL and ST
/// terminated), clear screen, OSC 52 clipboard, OSC 8 link, 8-bit CSI and
/// DCS, NUL, BEL, backspace, CR, DEL, a bidi override and an isolate.
fn evil(tag: &str) -> String {
    format!(
        "{tag} \x1b]0;pwned-title\x07A\x1b]2;pwned-st\x1b\\B\x1b[2J\x1b[HC\x1b]52;c;cHduZWQtY2xpcA==\x07D\
         \x1b]8;;http://evil.example/\x1b\\E\x1b]8;;\x1b\\F\u{9b}31mG\u{90}pwned-dcs\u{9c}H\x00I\x07J\x08K\rL\x7fM\
         \u{85}N\u{202e}O\u{2066}P\u{2069}Q\x1bc end"
    )
}

/// Strings that must be gone from every output: the bodies of the escape
/// sequences, not just their ESC bytes.
const PAYLOADS: &[&str] = &["pwned", "cHduZWQtY2xpcA", "evil.example"];

fn json_feed() -> String {
    let item = |n: u32| {
        json!({
            "id": format!("item-{n}"),
            "url": format!("http://example.com/a/{n}"),
            "title": evil(&format!("Hostile{n} title")),
            "authors": [{"name": evil("Mallory")}],
            "content_html": format!(
                "<p>{}</p><p>Barack \u{1b}[31mObama visited Cairo \u{1b}]0;pwned\u{7}with the United Nations. زار محمد بن سلمان القاهرة.</p><p><a href=\"http://example.com/x{n}\">{}</a></p><ul><li>{}</li></ul>",
                evil("Para"), evil("linktext"), evil("listitem")
            ),
            "summary": evil("summary"),
            "tags": [evil("tag")],
        })
    };
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": evil("EvilFeed"),
        "home_page_url": "http://example.com/",
        "items": [item(1), item(2), item(3)],
    })
    .to_string()
}

/// RSS whose HTML bodies carry numeric character references for controls:
/// well-formed XML, and the HTML decoder turns `&#27;` into ESC.
fn rss_charrefs() -> String {
    let html = "<p>Charref &#27;]0;pwned-ref&#7;body &#27;[2J &#155;31m &#0; &#x9b;x &#8238;rev</p>\
                <p><a href=\"http://example.com/y\">&#27;[31mlinkref</a></p>";
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>RefFeed</title>\
         <link>http://example.com/</link><description>d</description>\
         <item><guid>ref-1</guid><title>HostileRef title</title><link>http://example.com/r1</link>\
         <author>a@example.com (Eve)</author><description>{}</description></item></channel></rss>",
        hostile::xml_escape(html)
    )
}

/// RSS with raw control bytes and XML character references to controls:
/// not well-formed XML 1.0. Parsing may fail (then the failure message must
/// be clean) or succeed (then the stored text must be clean).
fn rss_raw() -> Vec<u8> {
    let mut v = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>RawFeed \x1b]0;pwned-raw\x07</title>\
        <link>http://example.com/</link><description>d</description><item><guid>raw-1</guid>\
        <title>HostileRaw &#27;[2J &#x1b;]0;pwned-x&#7; \x1b[31mred\x00</title><link>http://example.com/raw</link>\
        <description>raw \x1b]52;c;cHduZWQtY2xpcA==\x07 \xc2\x9b31m</description></item></channel></rss>"
        .to_vec();
    v.extend_from_slice(b"\n");
    v
}

fn check_plain(label: &str, out: &std::process::Output) {
    assert_terminal_clean(&format!("{label} stdout"), &out.stdout, true);
    assert_terminal_clean(&format!("{label} stderr"), &out.stderr, true);
    let text = String::from_utf8_lossy(&out.stdout);
    for p in PAYLOADS {
        assert!(
            !text.contains(p),
            "{label}: escape-sequence payload {p:?} survived: {text}"
        );
    }
}

fn check_json(label: &str, out: &std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{label} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Raw bytes: JSON escapes control characters, so this is the printable
    // form; the decoded strings are checked below.
    assert_terminal_clean(&format!("{label} raw"), &out.stdout, false);
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{label}: not JSON: {e}"));
    let mut strings = Vec::new();
    json_strings(&v, &mut strings);
    for s in &strings {
        // Bidi controls may legitimately be kept in stored text (the layout
        // needs them); everything else control-like must be gone at ingest.
        let bad = hostile_chars(s, false, false);
        assert!(
            bad.is_empty(),
            "{label}: stored string holds controls {bad:?}: {s:?}"
        );
        for p in PAYLOADS {
            assert!(!s.contains(p), "{label}: payload {p:?} stored in {s:?}");
        }
    }
    v
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let server = Server::start();
    server.fixed("/evil.json", json_feed(), "application/feed+json");
    server.fixed("/refs.xml", rss_charrefs(), "application/rss+xml");
    server.fixed("/raw.xml", rss_raw(), "application/rss+xml");
    let sb = Sandbox::new();
    sb.subscribe(&[
        server.url("/evil.json"),
        server.url("/refs.xml"),
        server.url("/raw.xml"),
    ]);

    // With enrichment: entity names extracted from hostile text end up in
    // `show --json` and the reader's entity pane, so they are checked too.
    let poll = sb.run(&["poll"]);
    assert!(
        poll.status.success(),
        "poll: {}",
        String::from_utf8_lossy(&poll.stderr)
    );
    check_plain("poll", &poll);

    // The test is only meaningful if the hostile articles were stored.
    let list = check_json("list --json", &sb.run(&["list", "--json"]));
    let items = list.as_array().expect("list --json is an array");
    assert!(
        items.len() >= 4,
        "expected the JSON feed's 3 items and the charref item, got {}",
        items.len()
    );

    check_plain("list", &sb.run(&["list"]));
    check_plain("feeds", &sb.run(&["feeds"]));
    check_json("feeds --json", &sb.run(&["feeds", "--json"]));
    check_plain("search", &sb.run(&["search", "hostile1"]));
    let found = check_json("search --json", &sb.run(&["search", "--json", "title"]));
    assert!(
        !found.as_array().expect("search array").is_empty(),
        "search found the hostile titles"
    );

    for it in items {
        let id = it["id"].as_i64().expect("id").to_string();
        let shown = sb.run(&["show", &id]);
        assert!(shown.status.success(), "show {id}");
        check_plain(&format!("show {id}"), &shown);
        check_plain(
            &format!("show {id} --width 80"),
            &sb.run(&["show", &id, "--width", "80"]),
        );
        let v = check_json(
            &format!("show {id} --json"),
            &sb.run(&["show", &id, "--json"]),
        );
        let text = v["text"].as_str().expect("show --json has text");
        // The visible words around the stripped sequences are kept.
        assert!(
            text.contains("Para") || text.contains("Charref") || text.contains("raw"),
            "show {id}: body text kept: {text:?}"
        );
    }
}

#[test]
fn render_of_hostile_stdin_is_clean() {
    let sb = Sandbox::new();
    let mut input = String::new();
    for n in 0..20 {
        input.push_str(&evil(&format!("سطر {n} line")));
        input.push('\n');
    }
    input.push_str(
        "\u{1b}P1;2|payload-dcs\u{1b}\\ \u{1b}[38;5;196mred\u{1b}[0m مرحبا \u{202e}abc\n",
    );
    for bidi in ["app", "terminal", "off"] {
        for dir in ["auto", "rtl", "ltr"] {
            let mut child = sb
                .cmd(&["render", "--width", "40", "--bidi", bidi, "--dir", dir])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn render");
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(input.as_bytes())
                .expect("write stdin");
            let out = child.wait_with_output().expect("render output");
            let label = format!("render --bidi {bidi} --dir {dir}");
            assert!(
                out.status.success(),
                "{label}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                // (after U+202E the app's bidi reverses the rest, so "end"
                // may show as "dne": the override is applied, not printed)
                String::from_utf8_lossy(&out.stdout).contains("line"),
                "{label}: visible text kept"
            );
            // In terminal mode the terminal does the bidi, so marks may stay.
            assert_terminal_clean(&label, &out.stdout, bidi == "app");
            assert_terminal_clean(&format!("{label} stderr"), &out.stderr, true);
            let text = String::from_utf8_lossy(&out.stdout);
            for p in PAYLOADS.iter().chain(&["payload-dcs"]) {
                assert!(!text.contains(p), "{label}: payload {p:?} survived");
            }
        }
    }
}
