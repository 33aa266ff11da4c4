//! Store tests on real SQLite files: migrations, reopening, refusing
//! foreign files, dedup, flags, tags, removal, pruning, enrichment and two
//! concurrent writers.

use std::path::Path;

use akhbar::model::{
    ArticleId, Direction, DirectionSetting, Entity, EntityKind, NewArticle, ParsedFeed,
};
use akhbar::store::{
    ArticleFilter, FeedFailure, FeedSettings, FeedUpdate, PreparedUpdate, PrunePolicy, Store,
    StoreError,
};
use chrono::{DateTime, Duration, TimeZone, Utc};

fn t(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, day, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

fn art(guid: Option<&str>, link: Option<&str>, title: &str, text: &str) -> NewArticle {
    NewArticle {
        guid: guid.map(str::to_string),
        link: link.map(str::to_string),
        title: title.to_string(),
        text: text.to_string(),
        summary_html: format!("<p>{text}</p>"),
        direction: Direction::Rtl,
        lang: Some("ar".into()),
        ..NewArticle::default()
    }
}

fn update(articles: Vec<NewArticle>, at: DateTime<Utc>) -> FeedUpdate {
    FeedUpdate {
        feed: ParsedFeed {
            title: Some("أخبار الصباح".into()),
            site_link: Some("https://news.example/".into()),
            lang: Some("ar".into()),
            articles,
        },
        etag: Some("\"v1\"".into()),
        last_modified: None,
        fetched_at: at,
    }
}

fn open(dir: &Path) -> Store {
    match Store::open(&dir.join("nested/dir/akhbar.db")) {
        Ok(s) => s,
        Err(e) => panic!("open failed: {e}"),
    }
}

fn all(store: &Store) -> Vec<akhbar::store::ArticleSummary> {
    store.articles(&ArticleFilter::default()).unwrap()
}

#[test]
fn migrates_an_empty_file_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    assert!(store.path().ends_with("nested/dir/akhbar.db"));
    let id = store
        .add_feed(
            "https://news.example/rss",
            &FeedSettings::default(),
            &["عربي".into()],
        )
        .unwrap();
    drop(store);
    // An empty, zero-byte file is also a fresh database.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert!(Store::open(&empty).is_ok());

    let store = open(dir.path());
    let feeds = store.feeds().unwrap();
    assert_eq!(feeds.len(), 1);
    assert_eq!(feeds[0].id, id);
    assert_eq!(feeds[0].tags, vec!["عربي".to_string()]);
    assert_eq!(feeds[0].display_title(), "https://news.example/rss");
    assert_eq!(store.integrity_check().unwrap(), Ok(()));
    match store.add_feed("https://news.example/rss", &FeedSettings::default(), &[]) {
        Err(StoreError::AlreadyExists { id: existing, .. }) => assert_eq!(existing, id),
        other => panic!("expected AlreadyExists, got {:?}", other.map(|f| f.0)),
    }
}

#[test]
fn refuses_a_file_that_is_not_a_database_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let content = b"these are my notes, not a database\n".repeat(200);
    std::fs::write(&path, &content).unwrap();
    let err = match Store::open(&path) {
        Ok(_) => panic!("a text file was opened as a database"),
        Err(e) => e,
    };
    let msg = err.to_string();
    assert!(msg.contains("notes.db"), "{msg}");
    assert!(matches!(err, StoreError::NotAkhbarDatabase { .. }), "{msg}");
    assert!(
        std::fs::read(&path).unwrap() == content,
        "the file was changed"
    );
    assert!(!dir.path().join("notes.db-wal").exists());

    // A real SQLite header followed by garbage: corrupted, refused as is.
    let corrupt = dir.path().join("corrupt.db");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(std::iter::repeat_n(0xA5u8, 8192));
    std::fs::write(&corrupt, &bytes).unwrap();
    let err = match Store::open(&corrupt) {
        Ok(_) => panic!("a corrupted file was opened"),
        Err(e) => e,
    };
    assert!(err.to_string().contains("corrupt.db"), "{err}");
    assert!(
        std::fs::read(&corrupt).unwrap() == bytes,
        "the file was changed"
    );
}

#[test]
fn refuses_another_programs_sqlite_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('hello');")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(e @ StoreError::NotAkhbarDatabase { .. }) => {
            assert!(e.to_string().contains("other.db"), "{e}")
        }
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("opened another program's database"),
    }
    assert!(
        std::fs::read(&path).unwrap() == before,
        "the file was changed"
    );
}

#[test]
fn refuses_a_newer_schema_without_touching_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 999;").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(e @ StoreError::NewerSchema { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("future.db") && msg.contains("999"), "{msg}");
        }
        Err(e) => panic!("wrong error: {e}"),
        Ok(_) => panic!("opened a database from the future"),
    }
    assert!(
        std::fs::read(&path).unwrap() == before,
        "the file was changed"
    );
}

#[test]
fn same_guid_updates_in_place_and_keeps_flags() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let feed = store
        .add_feed("https://a.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let first = vec![
        art(
            Some("g1"),
            Some("https://a.example/1"),
            "وزير الخارجية يزور بكين",
            "وصل الوزير صباح اليوم.",
        ),
        art(
            Some("g2"),
            Some("https://a.example/2"),
            "Rain expected in Beirut",
            "Forecasters expect rain.",
        ),
    ];
    let stats = store.apply_feed_update(feed, &update(first, t(1))).unwrap();
    assert_eq!((stats.new, stats.updated), (2, 0));
    let list = all(&store);
    let g1 = list.iter().find(|a| a.title.contains("بكين")).unwrap().id;
    store.set_read(&[g1], true).unwrap();
    store.set_bookmarked(g1, true).unwrap();
    store.add_tags(g1, &["سياسة".into()]).unwrap();

    // Same guid, new text: updated in place, still read/bookmarked/tagged.
    let again = vec![art(
        Some("g1"),
        Some("https://a.example/1"),
        "وزير الخارجية يزور بكين",
        "وصل الوزير صباح اليوم والتقى نظيره الصيني.",
    )];
    let stats = store.apply_feed_update(feed, &update(again, t(2))).unwrap();
    assert_eq!((stats.new, stats.updated), (0, 1));
    assert_eq!(all(&store).len(), 2);
    let a = store.article(g1).unwrap().unwrap();
    assert!(a.text.contains("الصيني"));
    assert!(a.summary.read && a.summary.bookmarked);
    assert_eq!(a.summary.tags, vec!["سياسة".to_string()]);
    // The index follows the new text; the old wording is gone.
    let found = store
        .articles(&ArticleFilter {
            search: Some("الصيني".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, g1);

    // Seen again unchanged: nothing new, nothing updated.
    let same = vec![art(
        Some("g1"),
        Some("https://a.example/1"),
        "وزير الخارجية يزور بكين",
        "وصل الوزير صباح اليوم والتقى نظيره الصيني.",
    )];
    let stats = store.apply_feed_update(feed, &update(same, t(3))).unwrap();
    assert_eq!((stats.new, stats.updated), (0, 0));
}

#[test]
fn dedup_by_link_without_guid_and_by_content_when_guid_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let feed = store
        .add_feed("https://b.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let items = vec![
        art(
            None,
            Some("https://b.example/x"),
            "Markets close higher",
            "Stocks rose on Tuesday.",
        ),
        art(
            Some("old-guid"),
            Some("https://b.example/y"),
            "افتتاح معرض الكتاب",
            "افتتح المعرض أبوابه للزوار.",
        ),
    ];
    store.apply_feed_update(feed, &update(items, t(1))).unwrap();
    let ids: Vec<ArticleId> = all(&store).iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), 2);
    store.set_read(&ids, true).unwrap();
    let y = all(&store)
        .into_iter()
        .find(|a| a.title.contains("معرض"))
        .unwrap()
        .id;
    store.add_tags(y, &["ثقافة".into()]).unwrap();

    let items = vec![
        // No guid, same link, edited title: same article.
        art(
            None,
            Some("https://b.example/x"),
            "Markets close higher again",
            "Stocks rose on Tuesday.",
        ),
        // New guid and a tracking link, same title and text: same article.
        art(
            Some("new-guid"),
            Some("https://b.example/y?utm=1"),
            "افتتاح معرض الكتاب",
            "افتتح المعرض أبوابه للزوار.",
        ),
    ];
    let stats = store.apply_feed_update(feed, &update(items, t(2))).unwrap();
    assert_eq!(stats.new, 0);
    let list = all(&store);
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|a| a.read), "an article came back unread");
    assert_eq!(
        store
            .count_articles(&ArticleFilter {
                unread: true,
                ..Default::default()
            })
            .unwrap(),
        0
    );
    let y2 = list.iter().find(|a| a.title.contains("معرض")).unwrap();
    assert_eq!(y2.id, y);
    assert_eq!(y2.tags, vec!["ثقافة".to_string()]);
    assert!(list.iter().any(|a| a.title == "Markets close higher again"));
}

#[test]
fn sort_key_filters_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let f1 = store
        .add_feed(
            "https://c.example/1",
            &FeedSettings::default(),
            &["world".into()],
        )
        .unwrap();
    let f2 = store
        .add_feed(
            "https://c.example/2",
            &FeedSettings {
                direction: DirectionSetting::Ltr,
                refresh_minutes: Some(30),
                full_text: true,
            },
            &[],
        )
        .unwrap();
    let mut old = art(Some("o"), None, "Old news", "Published long ago.");
    old.published = Some(t(1));
    let mut upd_only = art(Some("u"), None, "Updated only", "Has only an updated date.");
    upd_only.updated = Some(t(5));
    let undated = art(Some("n"), None, "No date", "First seen on the 10th.");
    store
        .apply_feed_update(f1, &update(vec![old, upd_only, undated], t(10)))
        .unwrap();
    let mut other = art(Some("z"), None, "Other feed", "Second feed item.");
    other.published = Some(t(7));
    store
        .apply_feed_update(f2, &update(vec![other], t(10)))
        .unwrap();

    let titles: Vec<String> = all(&store).into_iter().map(|a| a.title).collect();
    assert_eq!(
        titles,
        vec!["No date", "Other feed", "Updated only", "Old news"]
    );
    let list = all(&store);
    assert_eq!(list[0].published, Some(t(10)));
    assert_eq!(list[1].direction, Direction::Ltr, "feed override applies");
    assert_eq!(list[0].direction, Direction::Rtl);

    let f = ArticleFilter {
        feed: Some(f1),
        limit: Some(2),
        offset: 1,
        ..Default::default()
    };
    let page: Vec<String> = store
        .articles(&f)
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(page, vec!["Updated only", "Old news"]);
    assert_eq!(store.count_articles(&f).unwrap(), 3);
    let by_tag = ArticleFilter {
        tag: Some("world".into()),
        ..Default::default()
    };
    assert_eq!(store.count_articles(&by_tag).unwrap(), 3);
    assert_eq!(store.tags().unwrap(), vec![("world".to_string(), 3)]);

    let first = list[0].id;
    store.set_read(&[first], true).unwrap();
    store.set_bookmarked(list[3].id, true).unwrap();
    let unread = ArticleFilter {
        unread: true,
        ..Default::default()
    };
    assert_eq!(store.count_articles(&unread).unwrap(), 3);
    let marked = ArticleFilter {
        bookmarked: true,
        ..Default::default()
    };
    assert_eq!(store.articles(&marked).unwrap()[0].title, "Old news");
    assert_eq!(store.mark_all_read(Some(f2)).unwrap(), 1);
    assert_eq!(store.count_articles(&unread).unwrap(), 2);

    let feeds = store.feeds().unwrap();
    let feed2 = feeds.iter().find(|f| f.id == f2).unwrap();
    assert_eq!(feed2.settings.refresh_minutes, Some(30));
    assert!(feed2.settings.full_text);
    assert_eq!((feed2.unread, feed2.total), (0, 1));
    assert_eq!(feed2.etag.as_deref(), Some("\"v1\""));
    assert_eq!(feed2.display_title(), "أخبار الصباح");

    match store.set_read(&[ArticleId(9999), first], false) {
        Err(e @ StoreError::ArticleNotFound(_)) => assert!(e.to_string().contains("9999"), "{e}"),
        other => panic!("expected NotFound, got {other:?}"),
    }
    assert!(
        store.article(first).unwrap().unwrap().summary.read,
        "nothing changed on error"
    );
    assert!(store.article(ArticleId(9999)).unwrap().is_none());
}

#[test]
fn feed_errors_and_not_modified() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let id = store
        .add_feed("https://d.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let fail = FeedFailure {
        message: "HTTP 503".into(),
        retry_after: Some(t(2)),
        at: t(1),
    };
    store.record_feed_error(id, &fail).unwrap();
    store.record_feed_error(id, &fail).unwrap();
    let f = store.feed(id).unwrap().unwrap();
    assert_eq!(f.error_count, 2);
    assert_eq!(f.last_error.as_deref(), Some("HTTP 503"));
    assert_eq!(f.retry_after, Some(t(2)));
    store.record_not_modified(id, t(3)).unwrap();
    let f = store.feed(id).unwrap().unwrap();
    assert_eq!(
        (f.error_count, f.last_error, f.last_polled),
        (0, None, Some(t(3)))
    );
    store.record_feed_error(id, &fail).unwrap();
    store.apply_feed_update(id, &update(vec![], t(4))).unwrap();
    let f = store.feed(id).unwrap().unwrap();
    assert_eq!((f.error_count, f.retry_after), (0, None));
    assert!(matches!(
        store.record_not_modified(akhbar::model::FeedId(77), t(1)),
        Err(StoreError::FeedNotFound(_))
    ));
}

#[test]
fn remove_feed_keeps_marked_articles() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let feed = store
        .add_feed("https://e.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let items = vec![
        art(Some("1"), None, "مقال محفوظ عن الاقتصاد", "نص محفوظ."),
        art(Some("2"), None, "مقال موسوم عن الرياضة", "نص موسوم."),
        art(Some("3"), None, "مقال عادي عن الطقس", "نص عادي."),
    ];
    store.apply_feed_update(feed, &update(items, t(1))).unwrap();
    let list = all(&store);
    let id_of = |w: &str| list.iter().find(|a| a.title.contains(w)).unwrap().id;
    store.set_bookmarked(id_of("الاقتصاد"), true).unwrap();
    store.add_tags(id_of("الرياضة"), &["later".into()]).unwrap();
    let plain = id_of("الطقس");
    store
        .save_enrichment(
            plain,
            1,
            &[Entity {
                key: "طقس".into(),
                display: "الطقس".into(),
                kind: EntityKind::Misc,
                count: 1,
            }],
        )
        .unwrap();

    store.remove_feed(feed, true).unwrap();
    assert!(store.feeds().unwrap().is_empty());
    let left: Vec<String> = all(&store).into_iter().map(|a| a.title).collect();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(store.article(plain).unwrap().is_none());
    assert!(store.entities_of(plain).unwrap().is_empty());
    assert!(store.articles_mentioning("طقس", 10).unwrap().is_empty());
    let search = ArticleFilter {
        search: Some("الطقس".into()),
        ..Default::default()
    };
    assert_eq!(store.count_articles(&search).unwrap(), 0);
    let search = ArticleFilter {
        search: Some("الاقتصاد".into()),
        ..Default::default()
    };
    assert_eq!(store.count_articles(&search).unwrap(), 1);

    // Subscribing again revives the feed; removing without keep drops all.
    let again = store
        .add_feed("https://e.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    assert_eq!(again, feed);
    store.remove_feed(feed, false).unwrap();
    assert!(all(&store).is_empty());
    assert!(store.feed(feed).unwrap().is_none());
}

#[test]
fn prune_never_deletes_bookmarked_or_tagged() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let feed = store
        .add_feed("https://f.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let now = Utc::now();
    let items: Vec<NewArticle> = (0..6)
        .map(|i| {
            let mut a = art(
                Some(&format!("p{i}")),
                None,
                &format!("Story {i}"),
                &format!("Body {i}."),
            );
            a.published = Some(now - Duration::days(i64::from(i) * 10));
            a
        })
        .collect();
    store.apply_feed_update(feed, &update(items, now)).unwrap();
    let list = all(&store);
    let id_of = |n: &str| list.iter().find(|a| a.title == n).unwrap().id;
    store.set_bookmarked(id_of("Story 5"), true).unwrap();
    store.add_tags(id_of("Story 4"), &["keep".into()]).unwrap();

    // Older than 25 days: stories 3, 4, 5; 4 and 5 are marked.
    let n = store
        .prune(&PrunePolicy {
            max_age_days: Some(25),
            max_per_feed: None,
        })
        .unwrap();
    assert_eq!(n, 1);
    let n = store
        .prune(&PrunePolicy {
            max_age_days: None,
            max_per_feed: Some(1),
        })
        .unwrap();
    assert_eq!(n, 2);
    let left: Vec<String> = all(&store).into_iter().map(|a| a.title).collect();
    assert_eq!(left, vec!["Story 0", "Story 4", "Story 5"]);
    let search = ArticleFilter {
        search: Some("story".into()),
        ..Default::default()
    };
    assert_eq!(store.count_articles(&search).unwrap(), 3);
}

#[test]
fn enrichment_seam() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let feed = store
        .add_feed("https://g.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let items = vec![
        art(
            Some("1"),
            None,
            "لقاء في القاهرة",
            "التقى الوزير بنظيره في القاهرة.",
        ),
        art(Some("2"), None, "Cairo talks", "Talks were held in Cairo."),
    ];
    store.apply_feed_update(feed, &update(items, t(1))).unwrap();
    assert_eq!(store.pending_enrichment(1).unwrap(), 2);
    let todo = store.unenriched(1, 10).unwrap();
    assert!(!store.is_enriched(todo[0].id, 1).unwrap());
    assert_eq!(todo.len(), 2);
    assert!(todo[0].id > todo[1].id, "most recently stored first");
    let cairo = Entity {
        key: "cairo".into(),
        display: "القاهرة".into(),
        kind: EntityKind::Place,
        count: 2,
    };
    for input in &todo {
        store
            .save_enrichment(input.id, 1, std::slice::from_ref(&cairo))
            .unwrap();
    }
    assert_eq!(store.pending_enrichment(1).unwrap(), 0);
    assert_eq!(store.pending_enrichment(2).unwrap(), 2);
    assert!(store.is_enriched(todo[0].id, 1).unwrap());
    assert!(
        !store.is_enriched(todo[0].id, 2).unwrap(),
        "an older version"
    );
    assert!(
        !store.is_enriched(ArticleId(12345), 1).unwrap(),
        "unknown id"
    );
    assert_eq!(store.entities_of(todo[0].id).unwrap(), vec![cairo.clone()]);
    assert_eq!(store.articles_mentioning("cairo", 10).unwrap().len(), 2);
    assert_eq!(store.articles_mentioning("cairo", 1).unwrap().len(), 1);
    // A changed article needs enrichment again.
    let changed = vec![art(
        Some("2"),
        None,
        "Cairo talks",
        "Talks were held in Cairo and ended.",
    )];
    store
        .apply_feed_update(feed, &update(changed, t(2)))
        .unwrap();
    assert_eq!(store.pending_enrichment(1).unwrap(), 1);
    assert!(matches!(
        store.save_enrichment(ArticleId(12345), 1, &[]),
        Err(StoreError::ArticleNotFound(_))
    ));
}

#[test]
fn two_writers_on_one_file_do_not_see_locked_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let store = Store::open(&path).unwrap();
    let f1 = store
        .add_feed("https://h.example/1", &FeedSettings::default(), &[])
        .unwrap();
    let f2 = store
        .add_feed("https://h.example/2", &FeedSettings::default(), &[])
        .unwrap();
    drop(store);
    let handles: Vec<_> = [f1, f2]
        .into_iter()
        .map(|feed| {
            let path = path.clone();
            std::thread::spawn(move || -> Result<(), StoreError> {
                let store = Store::open(&path)?;
                for round in 0..30 {
                    let items: Vec<NewArticle> = (0..20)
                        .map(|i| {
                            art(
                                Some(&format!("{round}-{i}")),
                                None,
                                &format!("خبر رقم {i} في الجولة {round}"),
                                "نص الخبر.",
                            )
                        })
                        .collect();
                    store.apply_feed_update(feed, &update(items, t(1)))?;
                    let list = store.articles(&ArticleFilter {
                        feed: Some(feed),
                        limit: Some(5),
                        ..Default::default()
                    })?;
                    if let Some(a) = list.first() {
                        store.set_read(&[a.id], true)?;
                    }
                }
                Ok(())
            })
        })
        .collect();
    for h in handles {
        if let Err(e) = h.join().unwrap() {
            panic!("writer failed: {e}");
        }
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.count_articles(&ArticleFilter::default()).unwrap(),
        2 * 30 * 20
    );
}

#[test]
fn a_batch_of_feed_updates_keeps_each_feed_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let a = store
        .add_feed("https://a.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let gone = store
        .add_feed("https://gone.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let b = store
        .add_feed("https://b.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    // The middle feed is removed while its update is in flight: its write
    // fails, the two others are stored whole.
    store.remove_feed(gone, false).unwrap();
    let ua = PreparedUpdate::new(update(
        vec![art(Some("a1"), None, "قمة في القاهرة", "بدأت القمة.")],
        t(1),
    ));
    let ugone = PreparedUpdate::new(update(vec![art(Some("x1"), None, "لن يُخزَّن", "نص.")], t(1)));
    let ub = PreparedUpdate::new(update(
        vec![
            art(Some("b1"), None, "Summit opens in Cairo", "Leaders met."),
            art(Some("b2"), None, "Markets calm", "Prices held."),
        ],
        t(1),
    ));
    let other = Store::open(&dir.path().join("nested/dir/akhbar.db")).unwrap();
    let batch = store.begin_batch().unwrap();
    assert!(store.begin_batch().is_err(), "batches do not nest");
    let results =
        [(a, &ua), (gone, &ugone), (b, &ub)].map(|(id, u)| store.apply_prepared_update(id, u));
    // Nothing is visible to another connection before the commit.
    assert_eq!(other.count_articles(&ArticleFilter::default()).unwrap(), 0);
    batch.commit().unwrap();
    assert_eq!(results[0].as_ref().map(|s| s.new).ok(), Some(1));
    assert!(results[1].is_err(), "{:?}", results[1]);
    assert_eq!(results[2].as_ref().map(|s| s.new).ok(), Some(2));
    let titles: Vec<String> = all(&store).into_iter().map(|s| s.title).collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(!titles.iter().any(|t| t.contains("يُخزَّن")), "{titles:?}");
    assert_eq!(other.count_articles(&ArticleFilter::default()).unwrap(), 3);
    // A batch dropped without a commit saves nothing.
    let batch = store.begin_batch().unwrap();
    let c = store
        .add_feed("https://c.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let uc = PreparedUpdate::new(update(
        vec![art(Some("c1"), None, "Rolled back", "x")],
        t(1),
    ));
    assert_eq!(
        store.apply_prepared_update(c, &uc).map(|s| s.new).ok(),
        Some(1)
    );
    drop(batch);
    assert_eq!(all(&store).len(), 3);
    assert!(
        store.feed(c).unwrap().is_none(),
        "the feed added in the batch is gone"
    );
    // Without a batch, each write is its own transaction again.
    assert_eq!(
        store.apply_prepared_update(a, &ua).map(|s| s.new).ok(),
        Some(0)
    );
}

#[test]
fn a_write_failing_midway_rolls_back_its_whole_batch() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let a = store
        .add_feed("https://a.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let b = store
        .add_feed("https://b.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    // A trigger refuses one article: feed b's write fails after it has
    // already updated the feed row and stored its first article.
    let conn = rusqlite::Connection::open(dir.path().join("nested/dir/akhbar.db")).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER refuse AFTER INSERT ON articles WHEN new.title = 'refused'
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
    )
    .unwrap();
    let ua = PreparedUpdate::new(update(vec![art(Some("a1"), None, "Kept?", "x")], t(1)));
    let ub = PreparedUpdate::new(update(
        vec![
            art(Some("b1"), None, "first", "x"),
            art(Some("b2"), None, "refused", "x"),
        ],
        t(1),
    ));
    let batch = store.begin_batch().unwrap();
    assert!(store.apply_prepared_update(a, &ua).is_ok());
    let err = store.apply_prepared_update(b, &ub).unwrap_err();
    assert!(err.to_string().contains("refused by the test"), "{err}");
    assert!(batch.is_lost());
    // Later writes of the lost batch fail, and so does its commit.
    assert!(store.apply_prepared_update(a, &ua).is_err());
    assert!(batch.commit().is_err());
    // Nothing partial was saved: no article of either feed, b's feed row
    // untouched (no validators, never polled).
    assert!(all(&store).is_empty());
    assert!(
        store
            .feed(b)
            .unwrap()
            .is_some_and(|f| f.last_polled.is_none())
    );
    // The store writes normally afterwards.
    assert_eq!(
        store.apply_prepared_update(a, &ua).map(|s| s.new).ok(),
        Some(1)
    );
}

#[test]
fn a_new_database_has_8k_pages_and_an_old_one_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    let page_size = |p: &Path| -> i64 {
        let conn = rusqlite::Connection::open(p).unwrap();
        conn.query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(page_size(&dir.path().join("nested/dir/akhbar.db")), 8192);
    // A database created with 4 KB pages (by an earlier akhbar) is opened
    // and migrated as it is.
    let old = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;")
            .unwrap();
    }
    let store = Store::open(&old).unwrap();
    assert!(store.feeds().unwrap().is_empty());
    drop(store);
    assert_eq!(page_size(&old), 4096);
}
