//! The headless command line, end to end: the real `akhbar` binary, a real
//! SQLite file in a temp dir, and feeds served by a real HTTP server on
//! 127.0.0.1.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use common::{Route, TestServer};
use serde_json::Value;

/// A temp dir with a database path, and a way to run akhbar on it.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("akhbar.db")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_akhbar"));
        c.arg("--db")
            .arg(self.db())
            .args(args)
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env_remove("AKHBAR_DB")
            .env_remove("AKHBAR_CONFIG");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run akhbar")
    }

    /// Runs and requires success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "akhbar {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }

    fn with_stdin(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .cmd(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn akhbar");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
        child.wait_with_output().expect("wait akhbar")
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// An Arabic RSS feed of our own with `n` items; `variant` changes the text.
fn arabic_rss(n: usize, variant: &str) -> String {
    let mut items = String::new();
    for i in 0..n {
        items.push_str(&format!(
            "<item><title>وزير الطاقة يفتتح محطة شمسية جديدة رقم {i}</title>\
             <link>https://news.test/ar/{i}</link><guid>ar-{i}</guid>\
             <pubDate>Fri, 2{i} Nov 2026 0{i}:30:00 +0000</pubDate>\
             <description>&lt;p&gt;افتتح الوزير اليوم بالقاهرة محطةً للطاقة الشمسية {variant}.&lt;/p&gt;</description></item>"
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
         <title>أخبار الاختبار</title><link>https://news.test/</link><language>ar</language>{items}</channel></rss>"
    )
}

fn english_atom() -> String {
    "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\
     <title>Test Ledger</title><id>urn:test:ledger</id><updated>2026-11-27T10:00:00Z</updated>\
     <entry><title>Port of Jeddah expands its container terminal</title><id>urn:test:1</id>\
     <link href=\"https://ledger.test/1\"/><updated>2026-11-27T10:00:00Z</updated>\
     <content type=\"html\">&lt;p&gt;The port authority said the new berth opens in March.&lt;/p&gt;</content></entry>\
     </feed>"
        .to_string()
}

/// A server with one Arabic RSS, one Atom, and three broken feeds.
fn serve_feeds() -> TestServer {
    let server = TestServer::start();
    server.route(
        "/ar.xml",
        Route::ok(arabic_rss(3, "أ"), "application/rss+xml").etag("\"v1\""),
    );
    server.route(
        "/en.atom",
        Route::ok(english_atom(), "application/atom+xml"),
    );
    server.route("/missing.xml", Route::status(404));
    server.route(
        "/page.html",
        Route::ok(
            "<!doctype html><html><body><p>hi</p></body></html>",
            "text/html",
        ),
    );
    server.route(
        "/broken.xml",
        Route::ok(
            "<?xml version=\"1.0\"?><rss><channel><title>x</title><item>",
            "application/rss+xml",
        ),
    );
    server
}

fn add_all(env: &Env, server: &TestServer) {
    for path in [
        "/ar.xml",
        "/en.atom",
        "/missing.xml",
        "/page.html",
        "/broken.xml",
    ] {
        env.ok(&["add", &server.url(path)]);
    }
}

#[test]
fn poll_stores_good_feeds_and_names_each_failure() {
    let env = Env::new();
    let server = serve_feeds();
    add_all(&env, &server);
    let out = env.run(&["poll", "--no-enrich"]);
    assert!(
        out.status.success(),
        "poll must exit 0 when it ran: {}",
        stderr(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains(&server.url("/missing.xml")) && err.contains("404"),
        "{err}"
    );
    assert!(err.contains(&server.url("/page.html")), "{err}");
    assert!(err.contains(&server.url("/broken.xml")), "{err}");
    assert!(
        !err.contains(&format!("{}:", server.url("/ar.xml"))),
        "{err}"
    );
    assert!(
        err.contains("2 feeds ok") && err.contains("3 failed") && err.contains("4 new"),
        "{err}"
    );

    let count = env.ok(&["list", "--count"]);
    assert_eq!(count.trim(), "4");
    let feeds = env.json(&["feeds", "--json"]);
    let failed: Vec<&Value> = feeds
        .as_array()
        .expect("array")
        .iter()
        .filter(|f| !f["last_error"].is_null())
        .collect();
    assert_eq!(failed.len(), 3, "{feeds:#}");
}

#[test]
fn list_show_json_shapes_and_state_survive_reload() {
    let env = Env::new();
    let server = serve_feeds();
    env.ok(&["add", &server.url("/ar.xml")]);
    env.ok(&["poll", "--no-enrich"]);

    let rows = env.json(&["list", "--json"]);
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 3);
    for key in [
        "id",
        "feed_id",
        "title",
        "link",
        "published",
        "read",
        "bookmarked",
        "tags",
    ] {
        assert!(rows[0].get(key).is_some(), "missing {key} in {:#}", rows[0]);
    }
    // Newest first: item 2 has the latest date.
    assert_eq!(rows[0]["link"], "https://news.test/ar/2");
    let published = rows[0]["published"].as_str().expect("published");
    assert!(
        chrono::DateTime::parse_from_rfc3339(published).is_ok(),
        "{published}"
    );
    let id = rows[0]["id"].as_i64().expect("id").to_string();

    let shown = env.json(&["show", &id, "--json"]);
    assert_eq!(shown["direction"], "rtl");
    assert!(
        shown["text"]
            .as_str()
            .expect("text")
            .contains("محطةً للطاقة الشمسية")
    );
    assert!(shown["entities"].is_array() && shown["related"].is_array());

    env.ok(&["bookmark", &id]);
    env.ok(&["tag", &id, "طاقة", "egypt"]);
    env.ok(&["mark-read", &id]);

    // The feed changes its text and drops the ETag match: a full reload.
    server.route(
        "/ar.xml",
        Route::ok(arabic_rss(3, "ب"), "application/rss+xml").etag("\"v2\""),
    );
    env.ok(&["poll", "--no-enrich"]);
    let shown = env.json(&["show", &id, "--json"]);
    assert!(
        shown["text"].as_str().expect("text").contains("الشمسية ب"),
        "{shown:#}"
    );
    assert_eq!(shown["read"], true);
    assert_eq!(shown["bookmarked"], true);
    let mut tags: Vec<String> = shown["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|t| t.as_str().map(String::from))
        .collect();
    tags.sort();
    assert_eq!(tags, vec!["egypt".to_string(), "طاقة".to_string()]);
    assert_eq!(
        env.ok(&["list", "--count"]).trim(),
        "3",
        "no duplicates after reload"
    );

    let bookmarked = env.json(&["list", "--bookmarked", "--json"]);
    assert_eq!(bookmarked.as_array().map(Vec::len), Some(1));
    let tagged = env.json(&["list", "--tag", "طاقة", "--json"]);
    assert_eq!(tagged.as_array().map(Vec::len), Some(1));
    assert_eq!(env.ok(&["list", "--unread", "--count"]).trim(), "2");

    env.ok(&["untag", &id, "egypt"]);
    env.ok(&["unbookmark", &id]);
    env.ok(&["mark-unread", &id]);
    let shown = env.json(&["show", &id, "--json"]);
    assert_eq!(shown["bookmarked"], false);
    assert_eq!(shown["read"], false);
    assert_eq!(shown["tags"], serde_json::json!(["طاقة"]));
}

#[test]
fn second_poll_sends_validators_and_gets_304() {
    let env = Env::new();
    let server = serve_feeds();
    env.ok(&["add", &server.url("/ar.xml")]);
    env.ok(&["poll", "--no-enrich"]);
    let out = env.run(&["poll", "--no-enrich"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("1 unchanged"), "{}", stderr(&out));
    let last = server
        .requests()
        .into_iter()
        .rfind(|r| r.path == "/ar.xml")
        .expect("a request");
    assert_eq!(last.header("if-none-match"), Some("\"v1\""));
}

#[test]
fn arabic_search_folds_harakat_alef_and_clitics() {
    let env = Env::new();
    let server = serve_feeds();
    env.ok(&["add", &server.url("/ar.xml")]);
    env.ok(&["poll", "--no-enrich"]);
    for q in ["بالقاهرة", "القاهرة", "قاهرة", "مَحطة", "الشمسيه"] {
        let hits = env.json(&["search", q, "--json"]);
        assert_eq!(hits.as_array().map(Vec::len), Some(3), "query {q}");
    }
    let none = env.json(&["search", "الرياض", "--json"]);
    assert_eq!(none.as_array().map(Vec::len), Some(0));
    // FTS syntax in a query is text, not an error.
    env.ok(&["search", "\"NEAR( * -:", "--json"]);
}

#[test]
fn errors_are_one_clear_line_without_panics() {
    let env = Env::new();
    let bad = env.run(&["add", "javascript:alert(1)"]);
    assert!(!bad.status.success());
    let e = stderr(&bad);
    assert!(
        e.starts_with("akhbar: ") && e.contains("not a feed address"),
        "{e}"
    );
    assert_eq!(e.trim_end().lines().count(), 1, "{e}");

    let unknown = env.run(&["show", "999999"]);
    assert!(!unknown.status.success());
    let e = stderr(&unknown);
    assert!(e.contains("999999") && !e.contains("panicked"), "{e}");

    let unknown = env.run(&["mark-read", "424242"]);
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("424242"), "{}", stderr(&unknown));

    // A file that is not a database is refused and left as it was.
    let junk = env.dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not sqlite, it is a letter to my aunt").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_akhbar"))
        .args(["--db"])
        .arg(&junk)
        .args(["list"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let e = stderr(&out);
    assert!(e.contains("junk.db") && !e.contains("panicked"), "{e}");
    assert_eq!(
        std::fs::read(&junk).expect("read"),
        b"this is not sqlite, it is a letter to my aunt"
    );
}

#[test]
fn render_right_aligns_arabic_and_keeps_empty_lines() {
    let env = Env::new();
    let out = env.with_stdin(
        &["render", "--width", "30"],
        "مرحبا بالعالم\n\nhello world\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text:?}");
    // Shaped, reordered, right-aligned: 13 cells padded to 30.
    assert_eq!(lines[0], "                 ﻢﻟﺎﻌﻟﺎﺑ ﺎﺒﺣﺮﻣ");
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], "hello world");
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn opml_round_trip_and_newsboat_urls_import() {
    let env = Env::new();
    let urls = env.dir.path().join("urls");
    std::fs::write(
        &urls,
        "# my feeds\nhttps://a.test/feed.xml \"news\" عربي\nhttps://b.test/atom \"~B title\"\n\"query:unread:unread = \\\"yes\\\"\"\n",
    )
    .expect("write urls");
    env.ok(&["import", urls.to_str().expect("path")]);
    let opml = env.ok(&["export"]);
    assert!(opml.contains("https://a.test/feed.xml") && opml.contains("https://b.test/atom"));

    let other = Env::new();
    let file = other.dir.path().join("subs.opml");
    std::fs::write(&file, &opml).expect("write opml");
    other.ok(&["import", file.to_str().expect("path")]);
    let feeds = other.json(&["feeds", "--json"]);
    let mut got: Vec<String> = feeds
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|f| f["url"].as_str().map(String::from))
        .collect();
    got.sort();
    assert_eq!(got, vec!["https://a.test/feed.xml", "https://b.test/atom"]);
    let a = feeds
        .as_array()
        .expect("array")
        .iter()
        .find(|f| f["url"] == "https://a.test/feed.xml")
        .expect("feed a");
    let tags: Vec<&str> = a["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(tags.contains(&"news") && tags.contains(&"عربي"), "{a:#}");
}

/// A summary-only RSS feed whose item links to `page` on the same server.
fn summary_only_feed(page: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
         <title>موجز</title><link>https://brief.test/</link><language>ar</language>\
         <item><title>مزارعو الزيتون يتوقعون موسما وفيرا</title><link>{page}</link>\
         <guid>olive-1</guid><pubDate>Fri, 27 Nov 2026 08:00:00 +0000</pubDate>\
         <description>موسم أفضل رغم قلة الأمطار.</description></item></channel></rss>"
    )
}

/// The fixture page's first and last expected paragraphs.
fn expected_paragraphs() -> (String, String) {
    let expected = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pages/ar-split-ads.expected.txt"
    ))
    .expect("expected text");
    let paras: Vec<&str> = expected.lines().filter(|l| !l.trim().is_empty()).collect();
    (paras[1].to_string(), paras[paras.len() - 1].to_string())
}

#[test]
fn full_text_feeds_get_the_page_text_on_poll_and_fetch_text_on_demand() {
    let page = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pages/ar-split-ads.html"
    ))
    .expect("fixture page");
    let server = TestServer::start();
    server.route("/olive.html", Route::ok(page, "text/html; charset=utf-8"));
    server.route(
        "/brief.xml",
        Route::ok(
            summary_only_feed(&server.url("/olive.html")),
            "application/rss+xml",
        ),
    );
    server.route(
        "/plain.xml",
        Route::ok(
            summary_only_feed(&server.url("/olive.html")),
            "application/rss+xml",
        ),
    );
    server.route(
        "/gone.xml",
        Route::ok(
            summary_only_feed(&server.url("/gone.html")),
            "application/rss+xml",
        ),
    );
    let (first, last) = expected_paragraphs();

    // A feed with --full-text: the poll fetches the page and keeps its text.
    let env = Env::new();
    env.ok(&["add", "--full-text", &server.url("/brief.xml")]);
    env.ok(&["poll", "--no-enrich"]);
    let rows = env.json(&["list", "--json"]);
    let id = rows[0]["id"].as_i64().expect("id").to_string();
    let shown = env.json(&["show", &id, "--json"]);
    let text = shown["text"].as_str().expect("text");
    assert!(text.contains(&first) && text.contains(&last), "{text}");
    assert!(!text.contains("اقرأ أيضا"), "boilerplate leaked: {text}");
    assert_eq!(shown["summary"], "موسم أفضل رغم قلة الأمطار.");
    // The full text is searchable.
    let hits = env.json(&["search", "الجمعية التعاونية", "--json"]);
    assert_eq!(hits.as_array().map(Vec::len), Some(1));

    // A feed without it keeps the summary until `fetch-text` is asked for.
    let env = Env::new();
    env.ok(&["add", &server.url("/plain.xml")]);
    env.ok(&["add", &server.url("/gone.xml")]);
    env.ok(&["poll", "--no-enrich"]);
    let rows = env.json(&["list", "--json"]);
    let find = |path: &str| {
        rows.as_array()
            .expect("array")
            .iter()
            .find(|r| r["link"] == server.url(path))
            .and_then(|r| r["id"].as_i64())
            .expect("article")
            .to_string()
    };
    let (plain, gone) = (find("/olive.html"), find("/gone.html"));
    let before = env.json(&["show", &plain, "--json"]);
    assert_eq!(before["text"], "موسم أفضل رغم قلة الأمطار.");
    env.ok(&["enrich"]);
    let person = |shown: &serde_json::Value| {
        shown["entities"].as_array().is_some_and(|list| {
            list.iter()
                .any(|e| e["kind"] == "person" && e["text"] == "يوسف عبد الله")
        })
    };
    assert!(
        !person(&env.json(&["show", &plain, "--json"])),
        "not in the summary"
    );
    env.ok(&["fetch-text", &plain]);
    env.ok(&["enrich"]);
    let after = env.json(&["show", &plain, "--json"]);
    assert!(after["text"].as_str().expect("text").contains(&last));
    assert!(person(&after), "entities of the page text: {after:#}");

    // A page that cannot be fetched: a clear error, the summary is kept.
    let failed = env.run(&["fetch-text", &gone]);
    assert!(!failed.status.success());
    let e = stderr(&failed);
    assert!(e.contains("404") && e.contains("/gone.html"), "{e}");
    let kept = env.json(&["show", &gone, "--json"]);
    assert_eq!(kept["text"], "موسم أفضل رغم قلة الأمطار.");
}

#[test]
fn entities_reads_stdin_and_prints_json_and_text() {
    let env = Env::new();
    let text = "زار الرئيس عبد الفتاح السيسي العاصمة الروسية موسكو يوم الاثنين \
                والتقى الرئيس فلاديمير بوتين. وقال بوتين إن المحادثات مثمرة.\n";
    let out = env.with_stdin(&["entities", "--json"], text);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = list.as_array().expect("array");
    let find = |kind: &str, needle: &str| {
        list.iter()
            .find(|e| e["kind"] == kind && e["text"].as_str().is_some_and(|t| t.contains(needle)))
    };
    let putin = find("person", "بوتين").expect("Putin");
    assert_eq!(putin["count"], 2, "{list:?}");
    assert!(find("person", "السيسي").is_some(), "{list:?}");
    assert!(find("place", "موسكو").is_some(), "{list:?}");
    // Plain output: one line per entity, escape sequences never printed.
    let out = env.with_stdin(&["entities"], &format!("\u{1b}[2J{text}"));
    assert!(out.status.success(), "{}", stderr(&out));
    let plain = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        plain
            .lines()
            .any(|l| l.starts_with("person") && l.contains("بوتين"))
    );
    assert!(!plain.contains('\u{1b}'), "{plain:?}");
    // Arbitrary bytes: no panic, valid JSON.
    let junk: String = (0u32..4000)
        .filter_map(|i| char::from_u32((i * 7919) % 0x3000))
        .collect();
    let out = env.with_stdin(&["entities", "--json"], &junk);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("json");
}
