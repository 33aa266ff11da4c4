//! Hostile suite, item 3: hostile XML and hostile HTTP bodies.
//!
//! One real `akhbar poll` (under `/usr/bin/time` for the peak RSS) over a
//! good feed and eight hostile ones served on 127.0.0.1: billion laughs,
//! XXE pointing at a local secret file, 100,000-deep nesting, a 50 MB feed,
//! an endless fast body without Content-Length, a gzip bomb (about 1 MB on
//! the wire, 1 GiB inflated), a slowloris, invalid UTF-8. Protections
//! checked: DOCTYPE refusal (`poll::parse::vet_xml`), the depth bound
//! (`MAX_DEPTH`), the size cap before and after decompression
//! (`poll::http`), the per-feed total timeout, lossy decoding. Each hostile
//! feed must fail alone with a reason naming its cause while the good one
//! is stored; the poll must finish in bounded time and memory; the secret
//! must never reach the database; the database stays small.
//!
//! Also: a feed that changes every GUID on each poll but not its content
//! must not duplicate articles nor lose their read/bookmark/tag state
//! (the store's link / content-hash dedup).

mod hostile;

use std::io::Write;
use std::time::Duration;

use hostile::server::{Reply, Server};
use hostile::{Item, Sandbox, rss};

const TIME_BOUND: Duration = Duration::from_secs(60);
const RSS_BOUND_KIB: u64 = 300 * 1024;

fn good_items(prefix: &str, n: usize) -> Vec<Item> {
    (0..n)
        .map(|i| Item {
            guid: format!("{prefix}-{i}"),
            title: format!("{prefix} headline {i} — خبر رقم {i}"),
            link: format!("http://example.com/{prefix}/{i}"),
            body: format!("<p>Body of {prefix} {i}. نص الخبر {i}.</p>"),
        })
        .collect()
}

fn billion_laughs() -> String {
    let mut s = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    let mut prev = "lol".to_string();
    for i in 1..=9 {
        let name = format!("lol{i}");
        s.push_str(&format!(
            "<!ENTITY {name} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
        prev = name;
    }
    s.push_str(&format!(
        "]>\n<rss version=\"2.0\"><channel><title>&{prev};</title><link>http://example.com/</link><description>d</description>\
         <item><title>&{prev};</title><description>&{prev};</description></item></channel></rss>\n"
    ));
    s
}

fn xxe(secret: &std::path::Path) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{}\">]>\n\
         <rss version=\"2.0\"><channel><title>XXE &xxe;</title><link>http://example.com/</link><description>&xxe;</description>\
         <item><guid>x1</guid><title>Leak &xxe;</title><description>&xxe;</description></item></channel></rss>\n",
        secret.display()
    )
}

fn deep(levels: usize) -> String {
    let mut s = String::with_capacity(levels * 8 + 200);
    s.push_str("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item><title>deep</title>");
    for _ in 0..levels {
        s.push_str("<d>");
    }
    for _ in 0..levels {
        s.push_str("</d>");
    }
    s.push_str("</item></channel></rss>");
    s
}

fn fifty_mb() -> String {
    let item = "<item><title>padding item</title><description>".to_string()
        + &"x".repeat(4000)
        + "</description></item>\n";
    let mut s = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title><link>http://example.com/</link><description>d</description>\n",
    );
    while s.len() < 50 * 1024 * 1024 {
        s.push_str(&item);
    }
    s.push_str("</channel></rss>\n");
    s
}

/// About 1 MB of gzip that inflates to 1 GiB: a valid RSS start, then
/// spaces forever.
fn gzip_bomb() -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
        .expect("gzip write");
    let block = vec![b' '; 1 << 20];
    for _ in 0..1024 {
        enc.write_all(&block).expect("gzip write");
    }
    enc.finish().expect("gzip finish")
}

fn invalid_utf8() -> Vec<u8> {
    let mut v = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bad \xff\xfe bytes</title>\
        <link>http://example.com/</link><description>d</description><item><guid>u1</guid><title>Broken \xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80 utf8 title</title>\
        <link>http://example.com/u1</link><description>caf\xe9 \xc0\xaf</description></item></channel></rss>"
        .to_vec();
    v.push(b'\n');
    v
}

#[test]
fn hostile_documents_fail_alone_in_bounded_time_and_memory() {
    let sb = Sandbox::new();
    let secret_marker = "XXE-SECRET-4f1c9a-do-not-store";
    let secret = sb.path().join("secret.txt");
    std::fs::write(&secret, format!("{secret_marker}\n")).expect("write secret");

    let server = Server::start();
    let good = rss("Good feed", &good_items("good", 20));
    server.fixed("/good.xml", good, "application/rss+xml");
    server.fixed("/laughs.xml", billion_laughs(), "application/rss+xml");
    server.fixed("/xxe.xml", xxe(&secret), "application/rss+xml");
    server.fixed("/deep.xml", deep(100_000), "application/rss+xml");
    server.fixed("/huge.xml", fifty_mb(), "application/rss+xml");
    let bomb = gzip_bomb();
    println!(
        "gzip bomb: {} bytes on the wire, 1 GiB inflated",
        bomb.len()
    );
    server.route("/bomb.xml", move |_| Reply::Full {
        status: 200,
        headers: vec![
            ("Content-Type".into(), "application/rss+xml".into()),
            ("Content-Encoding".into(), "gzip".into()),
        ],
        body: bomb.clone(),
    });
    let mut fast = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>".to_vec();
    fast.extend(std::iter::repeat_n(b'y', 64 * 1024));
    server.route("/endless.xml", move |_| Reply::Drip {
        headers: vec![("Content-Type".into(), "application/rss+xml".into())],
        chunk: fast.clone(),
        every: Duration::from_millis(1),
    });
    server.route("/slowloris.xml", |_| Reply::Drip {
        headers: vec![("Content-Type".into(), "application/rss+xml".into())],
        chunk: b"<".to_vec(),
        every: Duration::from_millis(500),
    });
    server.fixed(
        "/utf8.xml",
        invalid_utf8(),
        "application/rss+xml; charset=utf-8",
    );

    let paths = [
        "/good.xml",
        "/laughs.xml",
        "/xxe.xml",
        "/deep.xml",
        "/huge.xml",
        "/bomb.xml",
        "/endless.xml",
        "/slowloris.xml",
        "/utf8.xml",
    ];
    let urls: Vec<String> = paths.iter().map(|p| server.url(p)).collect();
    sb.subscribe(&urls);

    let (out, rss_kib, took) = sb.measured(&["poll", "--no-enrich"], TIME_BOUND * 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!(
        "hostile poll: {:.1} s, peak RSS {} MiB; stderr:\n{stderr}",
        took.as_secs_f64(),
        rss_kib / 1024
    );
    assert!(out.status.success(), "poll ran: {stderr}");
    assert!(
        took < TIME_BOUND,
        "poll took {took:?} (bound {TIME_BOUND:?})"
    );
    assert!(
        rss_kib < RSS_BOUND_KIB,
        "peak RSS {} MiB over the {} MiB bound",
        rss_kib / 1024,
        RSS_BOUND_KIB / 1024
    );
    hostile::assert_terminal_clean("poll stderr", &out.stderr, true);

    let conn = sb.sql();
    let error_of = |path: &str| -> Option<String> {
        conn.query_row(
            "SELECT last_error FROM feeds WHERE url = ?1",
            [server.url(path)],
            |r| r.get(0),
        )
        .expect("feed row")
    };
    let articles_of = |path: &str| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url = ?1",
            [server.url(path)],
            |r| r.get(0),
        )
        .expect("count")
    };

    assert_eq!(error_of("/good.xml"), None, "the good feed is unharmed");
    assert_eq!(articles_of("/good.xml"), 20, "the good feed is stored");

    // (path, words of which one must appear in the reason)
    let expected: &[(&str, &[&str])] = &[
        ("/laughs.xml", &["doctype", "entity"]),
        ("/xxe.xml", &["doctype", "entity"]),
        ("/deep.xml", &["deep", "nest"]),
        ("/huge.xml", &["larger", "too large", "size"]),
        ("/bomb.xml", &["larger", "too large", "size"]),
        ("/endless.xml", &["larger", "too large", "size"]),
        ("/slowloris.xml", &["timed out", "timeout"]),
    ];
    for (path, words) in expected {
        let err = error_of(path).unwrap_or_else(|| panic!("{path} has no error recorded"));
        let lower = err.to_lowercase();
        assert!(
            words.iter().any(|w| lower.contains(w)),
            "{path}: reason {err:?} does not name the cause ({words:?})"
        );
        assert_eq!(articles_of(path), 0, "{path}: nothing stored");
        assert!(
            stderr.contains(&server.url(path)),
            "{path}: the failure is reported on stderr"
        );
    }

    // Invalid UTF-8: either stored with replacement characters or failed
    // with a reason; never a crash, never invalid text in the store.
    let list = sb.list_json(&[]);
    if error_of("/utf8.xml").is_none() {
        assert_eq!(
            articles_of("/utf8.xml"),
            1,
            "the invalid-UTF-8 item is stored"
        );
        assert!(
            list.iter().any(|a| a["title"]
                .as_str()
                .is_some_and(|t| t.contains("utf8 title"))),
            "the invalid-UTF-8 title is readable"
        );
    }
    let invalid = {
        let mut stmt = conn
            .prepare(
                "SELECT CAST(title AS BLOB), CAST(text AS BLOB), CAST(coalesce(author, '') AS BLOB) FROM articles",
            )
            .expect("prepare");
        let rows = stmt
            .query_map([], |r| Ok([r.get::<_, Vec<u8>>(0)?, r.get(1)?, r.get(2)?]))
            .expect("query");
        rows.map(|r| r.expect("row"))
            .filter(|cols| cols.iter().any(|c| std::str::from_utf8(c).is_err()))
            .count()
    };
    assert_eq!(invalid, 0, "no invalid UTF-8 text stored");

    // The secret never reaches the database (file, WAL or SHM bytes).
    drop(conn);
    for suffix in ["", "-wal", "-shm"] {
        let mut p = sb.db.clone().into_os_string();
        p.push(suffix);
        if let Ok(bytes) = std::fs::read(&p) {
            assert!(
                !bytes
                    .windows(secret_marker.len())
                    .any(|w| w == secret_marker.as_bytes()),
                "the XXE secret reached {p:?}"
            );
        }
    }
    let size = sb.db_bytes();
    println!("database size after the hostile poll: {size} bytes");
    assert!(size < 8 * 1024 * 1024, "database grew to {size} bytes");
}

#[test]
fn changing_guids_do_not_duplicate_nor_lose_state() {
    let server = Server::start();
    const N: usize = 10;
    // Feed A: GUIDs change on each hit, links and content stay.
    server.route("/rotating.xml", |hit| {
        let items: Vec<Item> = good_items("rot", N)
            .into_iter()
            .map(|mut it| {
                it.guid = format!("urn:uuid:{hit}-{}", it.guid);
                it
            })
            .collect();
        Reply::ok(rss("Rotating", &items), "application/rss+xml")
    });
    // Feed B: GUIDs change and there is no link (dedup by content).
    server.route("/nolink.xml", |hit| {
        let mut s = String::from(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>NoLink</title><link>http://example.com/</link><description>d</description>",
        );
        for i in 0..N {
            s.push_str(&format!(
                "<item><guid isPermaLink=\"false\">{hit}-{i}</guid><title>nolink {i}</title><description>same body {i}</description></item>"
            ));
        }
        s.push_str("</channel></rss>");
        Reply::ok(s, "application/rss+xml")
    });
    let sb = Sandbox::new();
    sb.subscribe(&[server.url("/rotating.xml"), server.url("/nolink.xml")]);
    sb.ok(&["poll", "--no-enrich"]);
    let first = sb.list_json(&[]);
    assert_eq!(first.len(), 2 * N, "first poll stores every item once");
    let ids: Vec<String> = first
        .iter()
        .map(|a| a["id"].as_i64().expect("id").to_string())
        .collect();
    // Read the first half, bookmark one, tag one of each feed.
    let read: Vec<&str> = ids.iter().step_by(2).map(String::as_str).collect();
    let mut args = vec!["mark-read"];
    args.extend(&read);
    sb.ok(&args);
    sb.ok(&["bookmark", &ids[1]]);
    sb.ok(&["tag", &ids[3], "keep"]);

    for round in 0..3 {
        sb.ok(&["poll", "--no-enrich"]);
        let now = sb.list_json(&[]);
        assert_eq!(
            now.len(),
            2 * N,
            "round {round}: changed GUIDs duplicated articles"
        );
        let unread = sb.ok(&["list", "--unread", "--count"]);
        assert_eq!(
            unread.trim(),
            (2 * N - read.len()).to_string(),
            "round {round}: read articles came back unread"
        );
        let bookmarked = sb.list_json(&["--bookmarked"]);
        assert_eq!(bookmarked.len(), 1, "round {round}: bookmark kept");
        let tagged = sb.list_json(&["--tag", "keep"]);
        assert_eq!(tagged.len(), 1, "round {round}: tag kept");
    }
    assert_eq!(
        server.hits("/rotating.xml"),
        4,
        "every poll fetched the feed"
    );
}
