//! Full-text search through the store: Arabic folding (harakat, alef
//! variants, ة/ه, ى/ي, digits, presentation forms), clitics, hostile query
//! strings, search combined with filters, and counting speed at 100k rows.

use akhbar::model::{Direction, NewArticle, ParsedFeed};
use akhbar::store::{ArticleFilter, FeedSettings, FeedUpdate, Store};
use chrono::{TimeZone, Utc};

fn art(guid: &str, title: &str, text: &str) -> NewArticle {
    NewArticle {
        guid: Some(guid.to_string()),
        title: title.to_string(),
        text: text.to_string(),
        direction: Direction::Rtl,
        ..NewArticle::default()
    }
}

fn fixture() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("search.db")).unwrap();
    let feed = store
        .add_feed("https://s.example/feed", &FeedSettings::default(), &[])
        .unwrap();
    let items = vec![
        art("1", "وصول الوفد بالقاهرة", "وصل الوفد إلى المطار مساء أمس."),
        art(
            "2",
            "أحمد يفوز بالجائزة",
            "فاز الكاتب بجائزة الرواية لعام ٢٠٢٣.",
        ),
        art(
            "3",
            "مؤتمر وبكين تستضيف القمة",
            "تستضيف العاصمة قمة اقتصادية.",
        ),
        art(
            "4",
            "مستشفى جديد في المدينة",
            "افتتحت الحكومة مستشفى للأطفال.",
        ),
        art(
            "5",
            "Flooding in the north",
            "Heavy rain caused flooding in 2023.",
        ),
        art(
            "6",
            "المكتبة العامة تفتح أبوابها",
            "يمكن للزوار القراءة مجانا.",
        ),
    ];
    let at = Utc.with_ymd_and_hms(2025, 5, 1, 8, 0, 0).single().unwrap();
    let upd = FeedUpdate {
        feed: ParsedFeed {
            title: Some("بحث".into()),
            articles: items,
            ..ParsedFeed::default()
        },
        etag: None,
        last_modified: None,
        fetched_at: at,
    };
    store.apply_feed_update(feed, &upd).unwrap();
    (dir, store)
}

fn titles(store: &Store, q: &str) -> Vec<String> {
    let f = ArticleFilter {
        search: Some(q.to_string()),
        ..ArticleFilter::default()
    };
    match store.articles(&f) {
        Ok(list) => list.into_iter().map(|a| a.title).collect(),
        Err(e) => panic!("search {q:?} failed: {e}"),
    }
}

fn finds(store: &Store, q: &str, title_part: &str) {
    let found = titles(store, q);
    assert!(
        found.iter().any(|t| t.contains(title_part)),
        "{q:?} did not find {title_part:?}: {found:?}"
    );
}

#[test]
fn clitics_are_stripped_in_the_index() {
    let (_dir, store) = fixture();
    finds(&store, "القاهرة", "بالقاهرة");
    finds(&store, "قاهرة", "بالقاهرة");
    finds(&store, "بكين", "وبكين");
    finds(&store, "بالقاهرة", "بالقاهرة");
    assert!(titles(&store, "القاهرة").len() == 1);
}

#[test]
fn harakat_alef_teh_marbuta_yeh_and_digits_fold() {
    let (_dir, store) = fixture();
    finds(&store, "احمد", "أحمد");
    finds(&store, "أَحْمَد", "أحمد");
    finds(&store, "إحمد", "أحمد");
    finds(&store, "القاهره", "بالقاهرة");
    finds(&store, "مستشفي", "مستشفى");
    finds(&store, "مُسْتَشْفَى", "مستشفى");
    finds(&store, "2023", "أحمد");
    finds(&store, "٢٠٢٣", "Flooding");
    finds(&store, "FLOOD", "Flooding");
    // «المكتبة» typed as presentation forms copied from a shaped terminal.
    finds(
        &store,
        "\u{FE8D}\u{FEDF}\u{FEE4}\u{FEDC}\u{FE98}\u{FE92}\u{FE94}",
        "المكتبة",
    );
    // Prefix matching: the start of a word finds it.
    finds(&store, "مستش", "مستشفى");
    assert!(titles(&store, "زلزال").is_empty());
}

#[test]
fn hostile_queries_never_error() {
    let (_dir, store) = fixture();
    let hostile = [
        "\"",
        "\"\"",
        "'",
        "*",
        "-",
        ":",
        "NEAR(",
        "NEAR(a b",
        "a OR",
        "AND",
        "NOT",
        "title:قاهرة",
        "-قاهرة",
        "قاهرة*",
        "(",
        ")",
        "^",
        "{a b}",
        "\"unterminated",
        "a\0b",
        "\u{202E}قاهرة",
        "+",
        "col:",
        "*القاهرة*",
        "القاهرة\"",
        "\\",
    ];
    for q in hostile {
        let f = ArticleFilter {
            search: Some(q.to_string()),
            ..ArticleFilter::default()
        };
        if let Err(e) = store.articles(&f) {
            panic!("query {q:?} errored: {e}");
        }
        if let Err(e) = store.count_articles(&f) {
            panic!("count {q:?} errored: {e}");
        }
    }
    // Syntax characters are separators, not operators: the words still match.
    finds(&store, ":قاهرة", "بالقاهرة");
    finds(&store, "\"قاهرة\"", "بالقاهرة");
    finds(&store, "-قاهرة", "بالقاهرة");
    finds(&store, "(قاهرة*", "بالقاهرة");
    // Nothing searchable matches nothing rather than everything.
    assert!(titles(&store, "\"*-:").is_empty());
    // A blank search is no search.
    assert_eq!(titles(&store, "  ").len(), 6);
}

#[test]
fn search_combines_with_other_filters() {
    let (_dir, store) = fixture();
    let all = store
        .articles(&ArticleFilter {
            search: Some("تستضيف".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 1);
    store.set_read(&[all[0].id], true).unwrap();
    let unread = ArticleFilter {
        search: Some("تستضيف".into()),
        unread: true,
        ..Default::default()
    };
    assert_eq!(store.count_articles(&unread).unwrap(), 0);
    store.add_tags(all[0].id, &["قمم".into()]).unwrap();
    let tagged = ArticleFilter {
        search: Some("قمة".into()),
        tag: Some("قمم".into()),
        ..Default::default()
    };
    assert_eq!(store.count_articles(&tagged).unwrap(), 1);
    let other_tag = ArticleFilter {
        search: Some("قمة".into()),
        tag: Some("رياضة".into()),
        ..Default::default()
    };
    assert_eq!(store.count_articles(&other_tag).unwrap(), 0);
}

#[test]
fn counting_unread_at_100k_articles_uses_the_filters() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("big.db")).unwrap();
    let at = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).single().unwrap();
    for f in 0..10 {
        let feed = store
            .add_feed(
                &format!("https://big.example/{f}"),
                &FeedSettings::default(),
                &[],
            )
            .unwrap();
        let items: Vec<NewArticle> = (0..10_000)
            .map(|i| {
                let mut a = art(&format!("{f}-{i}"), &format!("خبر {i}"), "نص");
                a.published = Some(at + chrono::Duration::minutes(i64::from(i)));
                a
            })
            .collect();
        let upd = FeedUpdate {
            feed: ParsedFeed {
                articles: items,
                ..ParsedFeed::default()
            },
            etag: None,
            last_modified: None,
            fetched_at: at,
        };
        store.apply_feed_update(feed, &upd).unwrap();
    }
    let first_page = store
        .articles(&ArticleFilter {
            limit: Some(100),
            ..Default::default()
        })
        .unwrap();
    let ids: Vec<_> = first_page.iter().map(|a| a.id).collect();
    store.set_read(&ids, true).unwrap();
    drop(store);

    // Like `akhbar list --unread --count`: open, count, done. Its speed
    // is measured by bench/poll.sh, not asserted here.
    let store = Store::open(&dir.path().join("big.db")).unwrap();
    let n = store
        .count_articles(&ArticleFilter {
            unread: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(n, 100_000 - 100);
    let page = store
        .articles(&ArticleFilter {
            unread: true,
            limit: Some(50),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.len(), 50);
    assert!(page.iter().all(|a| !a.read));
}

/// Any string at all, Arabic, Latin, punctuation or FTS5 syntax, is a
/// valid search that never makes SQLite fail.
#[test]
fn any_query_is_safe() {
    let (_dir, store) = fixture();
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 256,
        ..proptest::test_runner::Config::default()
    });
    let strategy = "(\\PC|[\"*:()^{}+-]|NEAR|AND|OR|NOT| |قاهرة){0,12}";
    let result = runner.run(&strategy, |q| {
        let f = ArticleFilter {
            search: Some(q.clone()),
            ..ArticleFilter::default()
        };
        proptest::prop_assert!(store.articles(&f).is_ok(), "articles({:?}) failed", q);
        proptest::prop_assert!(store.count_articles(&f).is_ok(), "count({:?}) failed", q);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
