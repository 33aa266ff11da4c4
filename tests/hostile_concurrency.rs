//! Hostile suite, item 5: concurrent use of one database.
//!
//! `akhbar poll` runs in a loop (every fetch serves new items, so every
//! poll writes) while three threads issue CLI writes — `tag`, `bookmark`,
//! `mark-read` — and one thread reads (`list --count`), all as separate
//! processes on the same file. Protections checked: WAL, `busy_timeout`
//! and short write transactions in the store. Without the busy timeout the
//! writers see "database is locked"; every write issued must be observed
//! afterwards (N issued = N counted).
//!
//! (The TUI side of issue 7 item 5 is driven through tmux by the lead.)

mod hostile;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use hostile::server::{Reply, Server};
use hostile::{Item, Sandbox, rss};

const FEEDS: usize = 20;
const ITEMS: usize = 15;
const WRITES_PER_KIND: usize = 100;

#[test]
fn poll_and_cli_writers_at_once_lose_nothing() {
    let server = Server::start();
    for f in 0..FEEDS {
        server.route(&format!("/c{f}.xml"), move |generation| {
            // The first items stay; two new ones arrive on every fetch.
            let mut items: Vec<Item> = (0..ITEMS + 2 * generation)
                .map(|j| Item {
                    guid: format!("c{f}-{j}"),
                    title: format!("concurrent feed {f} item {j}"),
                    link: format!("http://example.com/c{f}/{j}"),
                    body: format!("<p>{}</p>", "Some body text. نص. ".repeat(30)),
                })
                .collect();
            items.reverse();
            Reply::ok(rss(&format!("C{f}"), &items), "application/rss+xml")
        });
    }
    let sb = Arc::new(Sandbox::new());
    let urls: Vec<String> = (0..FEEDS)
        .map(|f| server.url(&format!("/c{f}.xml")))
        .collect();
    sb.subscribe(&urls);
    sb.ok(&["poll", "--no-enrich"]);
    let ids: Vec<i64> = sb
        .list_json(&[])
        .iter()
        .map(|a| a["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids.len(), FEEDS * ITEMS);
    let ids = Arc::new(ids);

    let stop = Arc::new(AtomicBool::new(false));
    let polls = Arc::new(AtomicUsize::new(0));
    let errors: Arc<std::sync::Mutex<Vec<String>>> = Arc::default();

    let record =
        |errors: &std::sync::Mutex<Vec<String>>, what: String, out: &std::process::Output| {
            let stderr = String::from_utf8_lossy(&out.stderr).to_lowercase();
            if !out.status.success() || stderr.contains("locked") || stderr.contains("busy") {
                errors
                    .lock()
                    .expect("errors lock")
                    .push(format!("{what}: {} {stderr}", out.status));
            }
        };

    let poller = {
        let (sb, stop, polls, errors) = (sb.clone(), stop.clone(), polls.clone(), errors.clone());
        thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let args: &[&str] = if polls.load(Ordering::Relaxed) % 2 == 0 {
                    &["poll", "--no-enrich"]
                } else {
                    &["poll"]
                };
                let out = sb.run(args);
                record(&errors, format!("{args:?}"), &out);
                polls.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    let reader = {
        let (sb, stop, errors) = (sb.clone(), stop.clone(), errors.clone());
        thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let out = sb.run(&["list", "--unread", "--count"]);
                record(&errors, "list --count".into(), &out);
                n += 1;
            }
            n
        })
    };
    let start = Instant::now();
    let writers: Vec<_> = (0..3)
        .map(|kind| {
            let (sb, ids, errors) = (sb.clone(), ids.clone(), errors.clone());
            thread::spawn(move || {
                for k in 0..WRITES_PER_KIND {
                    // Each kind uses its own stride through the ids so every
                    // write targets a distinct article of its kind.
                    let id = ids[(k * 3 + kind) % ids.len()].to_string();
                    let tag = format!("w{k}");
                    let args: Vec<&str> = match kind {
                        0 => vec!["tag", &id, &tag],
                        1 => vec!["bookmark", &id],
                        _ => vec!["mark-read", &id],
                    };
                    let out = sb.run(&args);
                    record(&errors, format!("{args:?}"), &out);
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer thread");
    }
    let writing = start.elapsed();
    // Let at least two polls overlap the writes.
    while polls.load(Ordering::Relaxed) < 2 {
        thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, Ordering::Relaxed);
    poller.join().expect("poller");
    let reads = reader.join().expect("reader");
    let polls = polls.load(Ordering::Relaxed);
    println!(
        "concurrency: {} writes in {writing:?} alongside {polls} polls and {reads} reads",
        3 * WRITES_PER_KIND
    );

    let errors = errors.lock().expect("errors lock");
    assert!(
        errors.is_empty(),
        "{} commands failed or saw a lock: {:?}",
        errors.len(),
        &errors[..errors.len().min(5)]
    );
    let tags = sb.count("SELECT count(*) FROM article_tags");
    let bookmarks = sb.count("SELECT count(*) FROM articles WHERE bookmarked = 1");
    let read = sb.count("SELECT count(*) FROM articles WHERE read = 1");
    println!("writes observed: {tags} tags, {bookmarks} bookmarks, {read} read");
    assert_eq!(tags as usize, WRITES_PER_KIND, "every tag write is there");
    assert_eq!(
        bookmarks as usize, WRITES_PER_KIND,
        "every bookmark is there"
    );
    assert_eq!(read as usize, WRITES_PER_KIND, "every mark-read is there");
    let total = sb.count("SELECT count(*) FROM articles");
    assert!(
        total as usize > FEEDS * ITEMS,
        "the concurrent polls stored new items too ({total})"
    );
    assert_eq!(hostile::integrity(&sb.sql()), "ok");
}
