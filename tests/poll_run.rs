//! Whole polls into a real SQLite store from a real HTTP server: broken
//! feeds fail alone with their reason while the others are stored; 304s
//! cost nothing; per-host limits, backoff and Retry-After hold.

mod common;

use akhbar::model::{DirectionSetting, FeedId};
use akhbar::poll::run::{PollOptions, PollReport, poll};
use akhbar::store::{ArticleFilter, FeedSettings, Store};
use common::{Route, TestServer};
use std::io::Write;
use std::time::Duration;

fn settings() -> FeedSettings {
    FeedSettings {
        direction: DirectionSetting::Auto,
        refresh_minutes: None,
        full_text: false,
    }
}

fn open_store(dir: &tempfile::TempDir) -> Store {
    match Store::open(&dir.path().join("akhbar.db")) {
        Ok(s) => s,
        Err(e) => panic!("open store: {e}"),
    }
}

fn add(store: &Store, url: &str) -> FeedId {
    match store.add_feed(url, &settings(), &[]) {
        Ok(id) => id,
        Err(e) => panic!("add {url}: {e}"),
    }
}

fn run(store: &Store, opts: &PollOptions) -> PollReport {
    match poll(store, opts, &|_| {}) {
        Ok(r) => r,
        Err(e) => panic!("poll failed: {e}"),
    }
}

fn count(store: &Store, feed: FeedId) -> u64 {
    let filter = ArticleFilter {
        feed: Some(feed),
        ..ArticleFilter::default()
    };
    match store.count_articles(&filter) {
        Ok(n) => n,
        Err(e) => panic!("count: {e}"),
    }
}

fn rss(title: &str, items: &[(&str, &str)]) -> String {
    let mut s =
        format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title>");
    for (i, (t, body)) in items.iter().enumerate() {
        s.push_str(&format!(
            "<item><title>{t}</title><guid>{title}-{i}</guid><link>http://site.example/{i}</link><description>{body}</description></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

#[test]
fn each_broken_feed_fails_alone_while_the_others_are_stored() {
    let s = TestServer::start();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = open_store(&dir);

    let good_ar = rss(
        "أخبار",
        &[
            (
                "افتتاح معرض الكتاب في المدينة",
                "زار آلاف القراء المعرض في يومه الأول.",
            ),
            (
                "هطول أمطار غزيرة على الساحل",
                "حذرت الأرصاد من السيول في المناطق المنخفضة.",
            ),
        ],
    );
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(&good_ar);
    s.route(
        "/ar.xml",
        Route::ok(good_ar.clone(), "application/rss+xml").etag("\"ar1\""),
    );
    s.route(
        "/cp1256.xml",
        Route::ok(cp1256.into_owned(), "text/xml").etag("\"cp1\""),
    );
    s.route(
        "/en.xml",
        Route::ok(
            rss(
                "News",
                &[
                    ("Harbour reopens", "Boats are back."),
                    ("New library", "Open daily."),
                ],
            ),
            "application/rss+xml",
        )
        .last_modified("Mon, 02 Nov 2026 08:00:00 GMT"),
    );
    s.route("/500.xml", Route::status(500));
    s.route(
        "/slow.xml",
        Route::ok(good_ar.clone(), "text/xml").delay(Duration::from_secs(4)),
    );
    s.route("/loop1", Route::redirect("/loop2"));
    s.route("/loop2", Route::redirect("/loop1"));
    s.route(
        "/page.html",
        Route::ok("<!DOCTYPE html><html><body>hi</body></html>", "text/html"),
    );
    s.route(
        "/cut.xml",
        Route::ok("<rss version=\"2.0\"><channel><item><title>x", "text/xml"),
    );
    s.route(
        "/laughs.xml",
        Route::ok(
            "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><rss version=\"2.0\"><channel><title>&b;</title></channel></rss>",
            "text/xml",
        ),
    );
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..32 {
        bomb.write_all(&zeros).unwrap_or_else(|e| panic!("{e}"));
    }
    let bomb = bomb.finish().unwrap_or_else(|e| panic!("{e}"));
    s.route(
        "/bomb.xml",
        Route::ok(bomb, "text/xml").header("Content-Encoding", "gzip"),
    );
    s.route(
        "/huge.xml",
        Route::ok(vec![b' '; (1 << 20) + 10], "text/xml"),
    );

    let good: Vec<FeedId> = ["/ar.xml", "/cp1256.xml", "/en.xml"]
        .iter()
        .map(|p| add(&store, &s.url(p)))
        .collect();
    let expected_failures = [
        ("/500.xml", "HTTP 500 Internal Server Error".to_owned()),
        ("/missing.xml", "HTTP 404 Not Found".to_owned()),
        ("/slow.xml", "timed out after 1 s".to_owned()),
        ("/loop1", format!("redirect loop at {}", s.url("/loop1"))),
        ("/page.html", "not a feed: got text/html page".to_owned()),
        ("/cut.xml", "XML parse error at line 1 column".to_owned()),
        (
            "/laughs.xml",
            "refused XML with a DOCTYPE/ENTITY declaration".to_owned(),
        ),
        ("/bomb.xml", "feed larger than 1 MB".to_owned()),
        ("/huge.xml", "feed larger than 1 MB".to_owned()),
    ];
    let bad: Vec<(FeedId, &str, String)> = expected_failures
        .iter()
        .map(|(p, m)| (add(&store, &s.url(p)), *p, m.clone()))
        .collect();

    let opts = PollOptions {
        timeout: Duration::from_secs(1),
        max_bytes: 1 << 20,
        ..PollOptions::default()
    };
    let report = run(&store, &opts);
    assert_eq!(report.ok, 3, "{report:?}");
    assert_eq!(report.new_articles, 6, "{report:?}");
    assert_eq!(report.failed.len(), bad.len(), "{report:?}");
    for id in &good {
        assert_eq!(count(&store, *id), 2, "feed {id:?} stored");
    }
    for (id, path, message) in &bad {
        let failed = report
            .failed
            .iter()
            .find(|f| f.feed == *id)
            .unwrap_or_else(|| panic!("{path} not reported"));
        assert!(
            failed.message.starts_with(message.as_str()),
            "{path}: {} (expected {message})",
            failed.message
        );
        assert_eq!(failed.url, s.url(path));
        let feed = store
            .feed(*id)
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("feed gone"));
        assert_eq!(feed.last_error.as_deref(), Some(failed.message.as_str()));
        assert_eq!(feed.error_count, 1);
        assert_eq!(count(&store, *id), 0);
    }
    let ar = store
        .feed(good[1])
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("feed gone"));
    assert_eq!(ar.title.as_deref(), Some("أخبار"), "windows-1256 decoded");
    assert_eq!(ar.etag.as_deref(), Some("\"cp1\""));
    assert_eq!(ar.last_error, None);

    // Second poll: the good feeds answer 304 and nothing changes; the
    // failed ones are in backoff and left alone.
    let before = s.requests().len();
    let again = run(&store, &opts);
    assert_eq!(again.not_modified, 3, "{again:?}");
    assert_eq!(again.ok, 0);
    assert_eq!(again.new_articles, 0);
    assert_eq!(again.skipped, bad.len(), "failed feeds back off: {again:?}");
    let conditional: Vec<_> = s.requests()[before..].to_vec();
    assert_eq!(conditional.len(), 3);
    assert!(conditional.iter().all(|r| r.header("if-none-match").is_some()
        || r.header("if-modified-since").is_some()));
    for id in &good {
        assert_eq!(count(&store, *id), 2);
    }

    // Forcing polls the failed feeds again.
    let forced = run(
        &store,
        &PollOptions {
            force: true,
            ..opts
        },
    );
    assert_eq!(forced.failed.len(), bad.len());
    assert_eq!(forced.skipped, 0);
}

#[test]
fn per_host_limit_and_single_feed_option() {
    let s = TestServer::start();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = open_store(&dir);
    let mut ids = Vec::new();
    for i in 0..8 {
        let path = format!("/f{i}.xml");
        s.route(
            &path,
            Route::ok(rss(&format!("F{i}"), &[("Item", "Body")]), "text/xml")
                .delay(Duration::from_millis(150)),
        );
        ids.push(add(&store, &s.url(&path)));
    }
    let report = run(
        &store,
        &PollOptions {
            jobs: 8,
            per_host: 2,
            ..PollOptions::default()
        },
    );
    assert_eq!(report.ok, 8, "{report:?}");
    assert_eq!(
        s.max_concurrent(),
        2,
        "at most 2 requests at once to one host"
    );

    let before = s.requests().len();
    let single = run(
        &store,
        &PollOptions {
            feed: Some(ids[3]),
            ..PollOptions::default()
        },
    );
    assert_eq!(single.ok, 1);
    let after = s.requests();
    assert_eq!(after.len(), before + 1);
    assert_eq!(after[before].path, "/f3.xml");
    assert!(
        poll(
            &store,
            &PollOptions {
                feed: Some(FeedId(9999)),
                ..PollOptions::default()
            },
            &|_| {}
        )
        .is_err()
    );
}

#[test]
fn retry_after_is_respected_and_progress_reported() {
    let s = TestServer::start();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = open_store(&dir);
    s.route(
        "/busy.xml",
        Route::status(503).header("Retry-After", "3600"),
    );
    s.route(
        "/fine.xml",
        Route::ok(rss("Fine", &[("A", "B")]), "text/xml"),
    );
    let busy = add(&store, &s.url("/busy.xml"));
    add(&store, &s.url("/fine.xml"));
    let seen = std::cell::RefCell::new(Vec::new());
    let report = poll(&store, &PollOptions::default(), &|p| {
        seen.borrow_mut().push((p.done, p.total, p.ok));
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.ok, 1);
    assert_eq!(report.failed.len(), 1);
    let mut seen = seen.into_inner();
    seen.sort();
    assert_eq!(seen.len(), 2);
    assert_eq!((seen[0].0, seen[0].1), (1, 2));
    assert_eq!((seen[1].0, seen[1].1), (2, 2));
    let feed = store
        .feed(busy)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("feed gone"));
    let retry = feed
        .retry_after
        .unwrap_or_else(|| panic!("no retry_after stored"));
    assert!((retry - chrono::Utc::now()).num_minutes() >= 58);
    let hits = s.hits("/busy.xml");
    let again = run(&store, &PollOptions::default());
    assert_eq!(
        s.hits("/busy.xml"),
        hits,
        "not asked again before Retry-After"
    );
    assert_eq!(again.skipped, 1);
}
