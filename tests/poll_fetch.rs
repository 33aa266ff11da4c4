//! Fetch + parse against a real HTTP server on 127.0.0.1: encodings, feed
//! formats, conditional GET, and every failure mode failing with its reason.

mod common;

use akhbar::model::{Direction, ParsedFeed};
use akhbar::poll::PollError;
use akhbar::poll::http::{FetchOptions, FetchOutcome, Fetcher, Validators};
use akhbar::poll::parse::parse_feed;
use common::{Route, TestServer};
use std::io::Write;
use std::time::{Duration, Instant};

const ARABIC_TITLE: &str = "وزير الزراعة يفتتح سوق التمور في الواحة";
const ARABIC_BODY: &str = "قال الوزير إن موسم الحصاد هذا العام كان أفضل من المتوقع بفضل الأمطار.";

fn fetcher() -> Fetcher {
    Fetcher::new(FetchOptions::default())
}

fn fetch_parse(f: &Fetcher, url: &str) -> Result<ParsedFeed, PollError> {
    match f.fetch(url, Validators::default())? {
        FetchOutcome::Fetched {
            bytes,
            content_type,
            final_url,
            ..
        } => parse_feed(&bytes, content_type.as_deref(), &final_url),
        FetchOutcome::NotModified => panic!("unexpected 304 for {url}"),
    }
}

fn ok(result: Result<ParsedFeed, PollError>) -> ParsedFeed {
    match result {
        Ok(feed) => feed,
        Err(e) => panic!("expected a feed, got error: {e}"),
    }
}

fn err(result: Result<ParsedFeed, PollError>) -> String {
    match result {
        Ok(feed) => panic!("expected an error, got {feed:?}"),
        Err(e) => e.to_string(),
    }
}

fn arabic_rss(prolog_encoding: Option<&str>) -> String {
    let prolog = match prolog_encoding {
        Some(enc) => format!("<?xml version=\"1.0\" encoding=\"{enc}\"?>\n"),
        None => "<?xml version=\"1.0\"?>\n".to_owned(),
    };
    format!(
        "{prolog}<rss version=\"2.0\"><channel><title>أخبار الواحة</title>\
         <link>http://news.example/</link>\
         <item><title>{ARABIC_TITLE}</title><link>http://news.example/a/1</link>\
         <guid>tamr-1</guid><description>&lt;p&gt;{ARABIC_BODY}&lt;/p&gt;</description></item>\
         <item><title>ارتفاع أسعار القمح في الأسواق المحلية</title><link>/a/2</link>\
         <description>تراجعت الكميات المعروضة بسبب الجفاف.</description></item>\
         </channel></rss>"
    )
}

fn assert_arabic(feed: &ParsedFeed) {
    assert_eq!(feed.title.as_deref(), Some("أخبار الواحة"));
    assert_eq!(feed.articles.len(), 2);
    let a = &feed.articles[0];
    assert_eq!(a.title, ARABIC_TITLE);
    assert_eq!(a.text, ARABIC_BODY);
    assert_eq!(a.direction, Direction::Rtl);
    assert_eq!(a.guid.as_deref(), Some("tamr-1"));
    assert_eq!(feed.articles[1].guid, None, "no guid in the feed → None");
    let link = feed.articles[1].link.as_deref().unwrap_or_default();
    assert!(
        link.starts_with("http://127.0.0.1:") && link.ends_with("/a/2"),
        "relative link resolved against the feed URL: {link}"
    );
}

fn encode(enc: &'static encoding_rs::Encoding, s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(s);
    assert!(!unmappable, "fixture not representable in {}", enc.name());
    bytes.into_owned()
}

#[test]
fn arabic_rss_in_utf8() {
    let s = TestServer::start();
    s.route(
        "/ar.xml",
        Route::ok(arabic_rss(Some("UTF-8")), "application/rss+xml"),
    );
    let feed = ok(fetch_parse(&fetcher(), &s.url("/ar.xml")));
    assert_arabic(&feed);
    let req = &s.requests()[0];
    assert!(
        req.header("user-agent")
            .is_some_and(|ua| ua.starts_with("akhbar/"))
    );
    assert_eq!(req.header("accept-encoding"), Some("gzip, deflate"));
}

#[test]
fn windows_1256_declared_undeclared_and_misdeclared() {
    let s = TestServer::start();
    let cases = [
        ("/declared.xml", Some("windows-1256"), "text/xml"),
        ("/undeclared.xml", None, "text/xml"),
        ("/says-utf8.xml", Some("utf-8"), "text/xml"),
        ("/says-latin1.xml", Some("iso-8859-1"), "text/xml"),
        (
            "/http-charset.xml",
            Some("utf-8"),
            "text/xml; charset=windows-1256",
        ),
        ("/http-lies.xml", None, "application/rss+xml; charset=utf-8"),
    ];
    for (path, prolog, ct) in cases {
        let bytes = encode(encoding_rs::WINDOWS_1256, &arabic_rss(prolog));
        s.route(path, Route::ok(bytes, ct));
    }
    let f = fetcher();
    for (path, _, _) in cases {
        let feed = match fetch_parse(&f, &s.url(path)) {
            Ok(feed) => feed,
            Err(e) => panic!("{path}: {e}"),
        };
        assert_arabic(&feed);
    }
}

#[test]
fn iso_8859_6_declared_and_in_http_header() {
    let s = TestServer::start();
    let xml = arabic_rss(Some("ISO-8859-6"));
    s.route(
        "/iso.xml",
        Route::ok(encode(encoding_rs::ISO_8859_6, &xml), "text/xml"),
    );
    let xml = arabic_rss(None);
    s.route(
        "/iso-http.xml",
        Route::ok(
            encode(encoding_rs::ISO_8859_6, &xml),
            "text/xml; charset=iso-8859-6",
        ),
    );
    let f = fetcher();
    assert_arabic(&ok(fetch_parse(&f, &s.url("/iso.xml"))));
    assert_arabic(&ok(fetch_parse(&f, &s.url("/iso-http.xml"))));
}

#[test]
fn utf16_with_bom() {
    let s = TestServer::start();
    let xml = arabic_rss(Some("UTF-16"));
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in xml.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    s.route("/le.xml", Route::ok(le, "application/xml"));
    s.route("/be.xml", Route::ok(be, "application/xml"));
    let f = fetcher();
    assert_arabic(&ok(fetch_parse(&f, &s.url("/le.xml"))));
    assert_arabic(&ok(fetch_parse(&f, &s.url("/be.xml"))));
}

#[test]
fn atom_json_feed_and_rss1() {
    let s = TestServer::start();
    s.route(
        "/atom.xml",
        Route::ok(
            r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Harbour Notes</title>
  <link href="http://harbour.example/"/>
  <id>urn:harbour</id><updated>2026-11-01T10:00:00Z</updated>
  <entry>
    <title type="html">Ferry &lt;b&gt;timetable&lt;/b&gt; &lt;a href="http://x.example/"&gt;changes&lt;/a&gt;</title>
    <id>urn:harbour:1</id>
    <link rel="alternate" href="/notes/ferry"/>
    <updated>2026-11-01T09:00:00Z</updated>
    <author><name>Mira Castell</name></author>
    <content type="html">&lt;p&gt;The morning ferry now leaves at seven.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Weekdays&lt;/li&gt;&lt;li&gt;Saturdays&lt;/li&gt;&lt;/ul&gt;</content>
  </entry>
</feed>"#,
            "application/atom+xml",
        ),
    );
    s.route(
        "/feed.json",
        Route::ok(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"مدونة المدينة","language":"ar",
               "items":[{"id":"j1","url":"https://city.example/j1","title":"افتتاح مكتبة جديدة",
                         "content_html":"<p>افتتحت البلدية مكتبة عامة في الحي القديم.</p>",
                         "date_published":"2026-10-30T08:00:00Z"}]}"#,
            "application/feed+json",
        ),
    );
    s.route(
        "/rss1.rdf",
        Route::ok(
            r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="http://valley.example/"><title>Valley Weekly</title><link>http://valley.example/</link><description>d</description></channel>
  <item rdf:about="http://valley.example/bridge"><title>Bridge reopens</title><link>http://valley.example/bridge</link>
    <description>The old stone bridge reopened after repairs.</description></item>
</rdf:RDF>"#,
            "application/rdf+xml",
        ),
    );
    let f = fetcher();
    let atom = ok(fetch_parse(&f, &s.url("/atom.xml")));
    assert_eq!(atom.title.as_deref(), Some("Harbour Notes"));
    let e = &atom.articles[0];
    assert_eq!(e.title, "Ferry timetable changes");
    assert_eq!(e.guid.as_deref(), Some("urn:harbour:1"));
    assert_eq!(e.link, Some(s.url("/notes/ferry")));
    assert_eq!(e.author.as_deref(), Some("Mira Castell"));
    assert_eq!(
        e.text,
        "The morning ferry now leaves at seven.\n\n• Weekdays\n• Saturdays"
    );
    assert!(
        e.content_html
            .as_deref()
            .is_some_and(|c| c.contains("<li>Weekdays</li>"))
    );
    assert_eq!(e.direction, Direction::Ltr);
    assert!(e.updated.is_some());

    let json = ok(fetch_parse(&f, &s.url("/feed.json")));
    assert_eq!(json.title.as_deref(), Some("مدونة المدينة"));
    let j = &json.articles[0];
    assert_eq!(j.title, "افتتاح مكتبة جديدة");
    assert_eq!(j.text, "افتتحت البلدية مكتبة عامة في الحي القديم.");
    assert_eq!(j.lang.as_deref(), Some("ar"));
    assert_eq!(j.direction, Direction::Rtl);
    assert!(j.published.is_some());

    let rss1 = ok(fetch_parse(&f, &s.url("/rss1.rdf")));
    assert_eq!(rss1.title.as_deref(), Some("Valley Weekly"));
    assert_eq!(rss1.articles[0].title, "Bridge reopens");
    assert_eq!(
        rss1.articles[0].text,
        "The old stone bridge reopened after repairs."
    );
}

#[test]
fn conditional_get_with_etag_and_last_modified() {
    let s = TestServer::start();
    let lm = "Tue, 03 Nov 2026 10:00:00 GMT";
    s.route(
        "/etag.xml",
        Route::ok(arabic_rss(None), "application/rss+xml").etag("\"v7\""),
    );
    s.route(
        "/lm.xml",
        Route::ok(arabic_rss(None), "application/rss+xml").last_modified(lm),
    );
    let f = fetcher();
    let FetchOutcome::Fetched { etag, .. } = f
        .fetch(&s.url("/etag.xml"), Validators::default())
        .unwrap_or_else(|e| panic!("{e}"))
    else {
        panic!("first fetch must not be a 304");
    };
    assert_eq!(etag.as_deref(), Some("\"v7\""));
    let again = f.fetch(
        &s.url("/etag.xml"),
        Validators {
            etag: etag.as_deref(),
            last_modified: None,
        },
    );
    assert!(matches!(again, Ok(FetchOutcome::NotModified)), "{again:?}");
    assert_eq!(s.requests()[1].header("if-none-match"), Some("\"v7\""));

    let FetchOutcome::Fetched { last_modified, .. } = f
        .fetch(&s.url("/lm.xml"), Validators::default())
        .unwrap_or_else(|e| panic!("{e}"))
    else {
        panic!("first fetch must not be a 304");
    };
    assert_eq!(last_modified.as_deref(), Some(lm));
    let again = f.fetch(
        &s.url("/lm.xml"),
        Validators {
            etag: None,
            last_modified: last_modified.as_deref(),
        },
    );
    assert!(matches!(again, Ok(FetchOutcome::NotModified)), "{again:?}");
    // A stale validator gets the full body.
    let stale = f.fetch(
        &s.url("/etag.xml"),
        Validators {
            etag: Some("\"v6\""),
            last_modified: None,
        },
    );
    assert!(
        matches!(stale, Ok(FetchOutcome::Fetched { .. })),
        "{stale:?}"
    );
}

#[test]
fn http_errors_name_the_status_and_retry_after() {
    let s = TestServer::start();
    s.route("/500", Route::status(500));
    s.route("/503", Route::status(503).header("Retry-After", "120"));
    s.route(
        "/429",
        Route::status(429).header("Retry-After", "Wed, 01 Jan 2020 00:00:00 GMT"),
    );
    let f = fetcher();
    assert_eq!(
        err(fetch_parse(&f, &s.url("/500"))),
        "HTTP 500 Internal Server Error"
    );
    assert_eq!(
        err(fetch_parse(&f, &s.url("/missing"))),
        "HTTP 404 Not Found"
    );
    let before = chrono::Utc::now();
    match f.fetch(&s.url("/503"), Validators::default()) {
        Err(e) => {
            assert_eq!(e.to_string(), "HTTP 503 Service Unavailable");
            let at = e.retry_after().unwrap_or_else(|| panic!("no retry_after"));
            let secs = (at - before).num_seconds();
            assert!((119..=122).contains(&secs), "retry after {secs} s");
        }
        Ok(o) => panic!("expected 503, got {o:?}"),
    }
    match f.fetch(&s.url("/429"), Validators::default()) {
        // A date in the past means "now" (never before the request).
        Err(e) => assert!(e.retry_after().is_some_and(|at| at >= before)),
        Ok(o) => panic!("expected 429, got {o:?}"),
    }
}

#[test]
fn timeouts_bound_slow_servers_and_endless_bodies() {
    let s = TestServer::start();
    s.route(
        "/slow",
        Route::ok(arabic_rss(None), "text/xml").delay(Duration::from_secs(5)),
    );
    s.route(
        "/drip",
        Route::ok("<rss version=\"2.0\"><channel>", "text/xml")
            .endless_drip(8, Duration::from_millis(20)),
    );
    let f = Fetcher::new(FetchOptions {
        timeout: Duration::from_secs(1),
        ..FetchOptions::default()
    });
    for path in ["/slow", "/drip"] {
        let start = Instant::now();
        assert_eq!(err(fetch_parse(&f, &s.url(path))), "timed out after 1 s");
        assert!(
            start.elapsed() < Duration::from_millis(2500),
            "{path} took {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn redirects_followed_loops_and_bad_targets_refused() {
    let s = TestServer::start();
    s.route("/feed", Route::ok(arabic_rss(None), "text/xml"));
    s.route("/old", Route::redirect("/feed"));
    s.route("/a", Route::redirect("/b"));
    s.route("/b", Route::redirect(&s.url("/a")));
    s.route("/file", Route::redirect("file:///etc/passwd"));
    for i in 0..8 {
        s.route(
            &format!("/hop{i}"),
            Route::redirect(&format!("/hop{}", i + 1)),
        );
    }
    let f = fetcher();
    match f.fetch(&s.url("/old"), Validators::default()) {
        Ok(FetchOutcome::Fetched { final_url, .. }) => assert_eq!(final_url, s.url("/feed")),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        err(fetch_parse(&f, &s.url("/a"))),
        format!("redirect loop at {}", s.url("/a"))
    );
    assert!(
        err(fetch_parse(&f, &s.url("/file"))).starts_with("bad redirect: to a non-http(s) URL")
    );
    assert_eq!(
        err(fetch_parse(&f, &s.url("/hop0"))),
        "too many redirects (more than 5)"
    );
    assert!(
        err(fetch_parse(&f, "ftp://example.com/feed")).contains("not http or https"),
        "only http(s) URLs are fetched"
    );
}

#[test]
fn html_page_truncated_xml_and_entity_bombs_fail_with_reason() {
    let s = TestServer::start();
    s.route(
        "/page",
        Route::ok(
            "<!DOCTYPE html><html><head><title>Home</title><meta charset=utf-8></head><body><p>Welcome</p></body></html>",
            "text/html; charset=utf-8",
        ),
    );
    s.route(
        "/truncated",
        Route::ok(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><title>Cut</title>\n<item><title>Half an ite",
            "text/xml",
        ),
    );
    s.route(
        "/laughs",
        Route::ok(
            r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>"#,
            "text/xml",
        ),
    );
    s.route(
        "/xxe",
        Route::ok(
            r#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>"#,
            "text/xml",
        ),
    );
    let deep = format!(
        "<rss version=\"2.0\"><channel>{}{}</channel></rss>",
        "<x>".repeat(10_000),
        "</x>".repeat(10_000)
    );
    s.route("/deep", Route::ok(deep, "text/xml"));
    s.route(
        "/bad-close",
        Route::ok(
            "<rss version=\"2.0\">\n<channel>\n</item></rss>",
            "text/xml",
        ),
    );
    let f = fetcher();
    assert_eq!(
        err(fetch_parse(&f, &s.url("/page"))),
        "not a feed: got text/html page"
    );
    let truncated = err(fetch_parse(&f, &s.url("/truncated")));
    assert!(
        truncated.starts_with("XML parse error at line 4 column"),
        "{truncated}"
    );
    let refused = "refused XML with a DOCTYPE/ENTITY declaration";
    assert!(err(fetch_parse(&f, &s.url("/laughs"))).starts_with(refused));
    assert!(err(fetch_parse(&f, &s.url("/xxe"))).starts_with(refused));
    assert_eq!(
        err(fetch_parse(&f, &s.url("/deep"))),
        "XML nested deeper than 128 levels"
    );
    let mismatch = err(fetch_parse(&f, &s.url("/bad-close")));
    assert!(
        mismatch.starts_with("XML parse error at line 3 column"),
        "{mismatch}"
    );
}

#[test]
fn size_caps_hold_for_bodies_and_gzip_bombs() {
    let s = TestServer::start();
    let big = vec![b' '; 2 * 1024 * 1024 + 1];
    s.route("/big", Route::ok(big, "text/xml"));
    s.route(
        "/big-drip",
        Route::ok(vec![b' '; 256 * 1024], "text/xml").endless_drip(256 * 1024, Duration::ZERO),
    );
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..64 {
        bomb.write_all(&zeros).unwrap_or_else(|e| panic!("{e}"));
    }
    let bomb = bomb.finish().unwrap_or_else(|e| panic!("{e}"));
    assert!(bomb.len() < 1024 * 1024, "the bomb itself is small");
    s.route(
        "/bomb",
        Route::ok(bomb, "text/xml").header("Content-Encoding", "gzip"),
    );
    s.route("/gzipped", Route::ok(arabic_rss(None), "text/xml").gzip());
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    zlib.write_all(arabic_rss(None).as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let zlib = zlib.finish().unwrap_or_else(|e| panic!("{e}"));
    s.route(
        "/deflated",
        Route::ok(zlib, "text/xml").header("Content-Encoding", "deflate"),
    );
    s.route(
        "/cut",
        Route::ok(arabic_rss(None), "text/xml").close_mid_body(),
    );
    let f = Fetcher::new(FetchOptions {
        max_bytes: 2 * 1024 * 1024,
        ..FetchOptions::default()
    });
    assert_eq!(
        err(fetch_parse(&f, &s.url("/big"))),
        "feed larger than 2 MB"
    );
    assert_eq!(
        err(fetch_parse(&f, &s.url("/big-drip"))),
        "feed larger than 2 MB"
    );
    assert_eq!(
        err(fetch_parse(&f, &s.url("/bomb"))),
        "feed larger than 2 MB"
    );
    assert_arabic(&ok(fetch_parse(&f, &s.url("/gzipped"))));
    assert_arabic(&ok(fetch_parse(&f, &s.url("/deflated"))));
    assert!(err(fetch_parse(&f, &s.url("/cut"))).starts_with("network error"));
}

#[test]
fn connection_refused_is_named() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
        l.local_addr().unwrap_or_else(|e| panic!("{e}")).port()
    };
    let url = format!("http://127.0.0.1:{port}/feed.xml");
    assert_eq!(err(fetch_parse(&fetcher(), &url)), "connection refused");
}

#[test]
fn control_characters_never_reach_the_articles() {
    let s = TestServer::start();
    s.route(
        "/evil",
        Route::ok(
            "<rss version=\"2.0\"><channel><title>Evil\u{1b}]0;pwned\u{7}</title>\
             <item><title>Hi\u{1b}[31m red\u{9b}</title><link>javascript:alert(1)</link>\
             <author>x\u{1b}[2J</author>\
             <description>&lt;p&gt;body\u{1b}[1m bold&lt;/p&gt;&lt;a href=\"javascript:evil()\"&gt;click&lt;/a&gt;</description></item>\
             </channel></rss>",
            "text/xml",
        ),
    );
    let feed = ok(fetch_parse(&fetcher(), &s.url("/evil")));
    let a = &feed.articles[0];
    for field in [
        feed.title.clone().unwrap_or_default(),
        a.title.clone(),
        a.author.clone().unwrap_or_default(),
        a.text.clone(),
        a.summary_html.clone(),
    ] {
        assert!(
            !field.chars().any(|c| c.is_control() && c != '\n'),
            "control character left in {field:?}"
        );
    }
    assert_eq!(a.link, None, "javascript: links are dropped");
    assert!(!a.text.contains("javascript"), "{}", a.text);
}
