//! Hostile suite, item 7: long runs.
//!
//! `HOSTILE_SOAK_CYCLES` poll cycles (default 100; `bench/soak.sh` or
//! `HOSTILE_SOAK_CYCLES=500 cargo test --test hostile_soak -- --nocapture`
//! for the long run) over 10 feeds whose window of 30 items moves by one
//! every second fetch, all inside ONE process (the TUI's background worker
//! polls like this for hours). Checked:
//! - memory stays flat: VmRSS after the warm-up vs at the end (a leak per
//!   cycle shows up here), printed every 10% of the run;
//! - the database grows only with real new content: cycles that bring
//!   nothing new do not grow `page_count`, the article count is exactly the
//!   number of distinct items served, and bytes per article stay bounded;
//! - `Store::prune` with a per-feed cap never deletes bookmarked or tagged
//!   articles (and does delete the others).
//!
//! Also, a CLI `akhbar poll` every 25 cycles under `/usr/bin/time`: its peak
//! RSS must not grow with the database.

mod hostile;

use std::time::Instant;

use akhbar::model::ArticleId;
use akhbar::poll::run::{PollOptions, poll};
use akhbar::store::{ArticleFilter, FeedSettings, PrunePolicy, Store};
use hostile::server::{Reply, Server};
use hostile::{Item, Sandbox, rss};

const FEEDS: usize = 10;
const WINDOW: usize = 30;

fn vm_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS line")
}

fn page_count(store_path: &std::path::Path) -> i64 {
    let c = rusqlite::Connection::open(store_path).expect("open");
    c.query_row("PRAGMA page_count", [], |r| r.get(0))
        .expect("page_count")
}

#[test]
fn long_run_memory_flat_db_grows_only_with_content_prune_keeps_marked() {
    let cycles: usize = std::env::var("HOSTILE_SOAK_CYCLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let server = Server::start();
    for f in 0..FEEDS {
        server.route(&format!("/s{f}.xml"), move |hit| {
            // Every second fetch brings one new item; the others repeat.
            let first = hit / 2;
            let items: Vec<Item> = (first..first + WINDOW)
                .rev()
                .map(|j| Item {
                    guid: format!("s{f}-{j}"),
                    title: format!("soak feed {f} story {j} قصة"),
                    link: format!("http://example.com/s{f}/{j}"),
                    body: format!(
                        "<p>{}</p><p>{}</p>",
                        format!("Story {j} of feed {f} goes on. ").repeat(15),
                        "وتستمر القصة في الفقرة الثانية. ".repeat(15)
                    ),
                })
                .collect();
            Reply::ok(rss(&format!("Soak {f}"), &items), "application/rss+xml")
        });
    }
    // A feed that never changes, polled by the measured CLI runs too.
    server.fixed(
        "/static.xml",
        rss(
            "Static",
            &[Item {
                guid: "st".into(),
                title: "static".into(),
                link: "http://example.com/st".into(),
                body: "x".into(),
            }],
        ),
        "application/rss+xml",
    );
    let sb = Sandbox::new();
    let store = Store::open(&sb.db).expect("open store");
    for f in 0..FEEDS {
        store
            .add_feed(
                &server.url(&format!("/s{f}.xml")),
                &FeedSettings::default(),
                &[],
            )
            .expect("add feed");
    }
    let static_id = store
        .add_feed(&server.url("/static.xml"), &FeedSettings::default(), &[])
        .expect("add static feed")
        .0
        .to_string();
    let opts = PollOptions {
        jobs: 4,
        per_host: 4,
        force: true,
        ..PollOptions::default()
    };

    let start = Instant::now();
    let mut rss_samples = Vec::new();
    let mut cli_rss = Vec::new();
    let mut grew_without_content = Vec::new();
    let mut pages_before = page_count(&sb.db);
    for cycle in 0..cycles {
        let report = poll(&store, &opts, &|_| {}).expect("poll cycle");
        assert!(report.failed.is_empty(), "cycle {cycle}: feeds failed");
        let pages = page_count(&sb.db);
        // Hits are numbered from 0; cycle c is hit c; odd hits repeat the
        // previous window.
        if cycle % 2 == 1 && pages > pages_before {
            grew_without_content.push((cycle, pages_before, pages));
        }
        pages_before = pages;
        if (cycle + 1) % (cycles / 10).max(1) == 0 {
            rss_samples.push((cycle + 1, vm_rss_kib()));
        }
        if (cycle + 1) % 25 == 0 {
            let (out, kib, _) = sb.measured(
                &["poll", "--no-enrich", "--feed", &static_id],
                std::time::Duration::from_secs(60),
            );
            assert!(out.status.success(), "CLI poll");
            cli_rss.push((cycle + 1, kib));
        }
    }
    let took = start.elapsed();
    println!("soak: {cycles} cycles in {took:?}");
    for (c, kib) in &rss_samples {
        println!("soak: in-process VmRSS after {c} cycles: {kib} KiB");
    }
    for (c, kib) in &cli_rss {
        println!("soak: CLI poll peak RSS at cycle {c}: {kib} KiB");
    }

    // Memory flat: compare the end with the first sample after warm-up.
    let warm = rss_samples.first().expect("samples").1;
    let end = rss_samples.last().expect("samples").1;
    let slack = 16 * 1024 + warm / 10;
    assert!(
        end <= warm + slack,
        "in-process RSS grew from {warm} KiB to {end} KiB over {cycles} cycles"
    );
    if let (Some(first), Some(last)) = (cli_rss.first(), cli_rss.last()) {
        assert!(
            last.1 <= first.1 + 16 * 1024,
            "CLI poll peak RSS grew from {} to {} KiB",
            first.1,
            last.1
        );
    }

    // DB grows only with real content.
    assert!(
        grew_without_content.is_empty(),
        "cycles without new content grew the database: {grew_without_content:?}"
    );
    // Distinct items served: the window of the last hit reaches
    // (hits - 1) / 2 + WINDOW; plus the static item.
    let expected: usize = (0..FEEDS)
        .map(|f| WINDOW + (server.hits(&format!("/s{f}.xml")) - 1) / 2)
        .sum::<usize>()
        + 1;
    let total = store
        .count_articles(&ArticleFilter::default())
        .expect("count");
    println!("soak: {total} articles stored, {} bytes", sb.db_bytes());
    assert!(
        (total as usize).abs_diff(expected) <= 1,
        "articles stored {total}, distinct items served ~{expected}"
    );
    let per_article = sb.db_bytes() / total.max(1);
    assert!(per_article < 32 * 1024, "{per_article} bytes per article");

    // Pruning keeps marked articles.
    let oldest: Vec<ArticleId> = {
        let mut all = store.articles(&ArticleFilter::default()).expect("articles");
        all.sort_by_key(|a| a.published);
        all.iter().take(20).map(|a| a.id).collect()
    };
    for (i, id) in oldest.iter().enumerate() {
        if i % 2 == 0 {
            store.set_bookmarked(*id, true).expect("bookmark");
        } else {
            store.add_tags(*id, &["keep".to_string()]).expect("tag");
        }
    }
    let deleted = store
        .prune(&PrunePolicy {
            max_per_feed: Some(WINDOW),
            max_age_days: None,
        })
        .expect("prune");
    println!("soak: prune deleted {deleted} articles");
    assert!(deleted > 0, "prune deleted old unmarked articles");
    for id in &oldest {
        assert!(
            store.article(*id).expect("article").is_some(),
            "prune deleted marked article {}",
            id.0
        );
    }
    let left = store
        .count_articles(&ArticleFilter::default())
        .expect("count");
    assert!(
        left as usize <= FEEDS * WINDOW + 1 + oldest.len(),
        "prune left {left} articles"
    );
    let age = store
        .prune(&PrunePolicy {
            max_per_feed: None,
            max_age_days: Some(0),
        })
        .expect("prune by age");
    println!("soak: prune by age deleted {age}");
    for id in &oldest {
        assert!(
            store.article(*id).expect("article").is_some(),
            "age prune deleted marked article {}",
            id.0
        );
    }
    assert_eq!(store.integrity_check().expect("check"), Ok(()));
}
