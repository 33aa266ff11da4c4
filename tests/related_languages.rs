//! Related stories across languages on a real store, through the whole
//! enrichment stage (entity extraction, then the relater): an Arabic and an
//! English report of one meeting share no word, only their people and
//! places, which the gazetteer gives one key in both languages
//! (`بوتين` = `Putin`, `موسكو` = `Moscow`). The fixtures are written here.

use akhbar::intel::enrich;
use akhbar::model::{ArticleId, NewArticle, ParsedFeed};
use akhbar::store::{ArticleFilter, FeedSettings, FeedUpdate, Store};
use chrono::{DateTime, Utc};

/// `(feed, link, published, title, text)` of each fixture article.
const ARTICLES: &[(usize, &str, &str, &str, &str)] = &[
    (
        0,
        "https://arabic.example/summit",
        "2026-05-04T09:00:00Z",
        "بوتين وأردوغان يبحثان في موسكو وقف إطلاق النار في إدلب",
        "استقبل الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في \
         الكرملين بموسكو، وبحث الجانبان الوضع في إدلب شمال غربي سوريا. وقال \
         بوتين إن روسيا وتركيا ستعملان على تثبيت الهدنة، فيما أكد أردوغان أن \
         أنقرة تريد عودة اللاجئين إلى سوريا. وتستمر المحادثات بين الوفدين في \
         موسكو حتى المساء، على أن يصدر بيان مشترك عن الكرملين.",
    ),
    (
        1,
        "https://english.example/summit",
        "2026-05-04T11:30:00Z",
        "Putin and Erdogan agree to shore up Idlib ceasefire after Moscow talks",
        "Russian President Vladimir Putin hosted Turkish President Recep Tayyip \
         Erdogan at the Kremlin, where the two leaders discussed the fighting in \
         Idlib in northwestern Syria. Putin said Russia and Turkey would work to \
         keep the truce in place, while Erdogan told reporters that Ankara wants \
         refugees to return home to Syria. Delegations continued talking in \
         Moscow into the evening and the Kremlin promised a joint statement.",
    ),
    (
        1,
        "https://english.example/metro",
        "2026-05-04T10:00:00Z",
        "New metro line opens in Moscow with twelve stations",
        "Commuters in Moscow rode the new metro line for the first time on \
         Monday. The line adds twelve stations and links two northern districts \
         to the city centre; trains will run every three minutes at peak hours, \
         the transport department said, and tickets cost the same as before.",
    ),
    (
        2,
        "https://gulf.example/dates",
        "2026-05-04T08:00:00Z",
        "موسم التمور في الرياض يبدأ بأسعار مستقرة",
        "بدأ موسم بيع التمور في أسواق الرياض بأسعار مستقرة مقارنة بالعام \
         الماضي، وقال تجار إن الإقبال جيد على الأصناف الفاخرة، وإن الأمطار \
         الأخيرة حسنت جودة المحصول في المزارع القريبة من العاصمة.",
    ),
];

/// A store holding the fixtures, enriched; returns it with the ids of the
/// articles in fixture order.
fn enriched_store(dir: &tempfile::TempDir) -> (Store, Vec<ArticleId>) {
    let store = Store::open(&dir.path().join("akhbar.db")).expect("open store");
    let mut feeds = Vec::new();
    for n in 0..3 {
        let url = format!("https://feed{n}.example/rss.xml");
        feeds.push(
            store
                .add_feed(&url, &FeedSettings::default(), &[])
                .expect("add feed"),
        );
    }
    for (n, feed) in feeds.iter().enumerate() {
        let articles = ARTICLES
            .iter()
            .filter(|a| a.0 == n)
            .map(|(_, link, published, title, text)| NewArticle {
                guid: Some((*link).to_string()),
                link: Some((*link).to_string()),
                title: (*title).to_string(),
                published: DateTime::parse_from_rfc3339(published)
                    .ok()
                    .map(|d| d.with_timezone(&Utc)),
                text: (*text).to_string(),
                ..NewArticle::default()
            })
            .collect();
        let update = FeedUpdate {
            feed: ParsedFeed {
                title: Some(format!("Feed {n}")),
                articles,
                ..ParsedFeed::default()
            },
            etag: None,
            last_modified: None,
            fetched_at: Utc::now(),
        };
        store
            .apply_feed_update(*feed, &update)
            .expect("feed update");
    }
    let done = enrich::run(&store, &|_| {}).expect("enrichment");
    assert_eq!(done, ARTICLES.len() as u64);
    let stored = store
        .articles(&ArticleFilter::default())
        .expect("list articles");
    let ids = ARTICLES
        .iter()
        .map(|(_, link, ..)| {
            stored
                .iter()
                .find(|a| a.link.as_deref() == Some(*link))
                .map(|a| a.id)
                .expect("article stored")
        })
        .collect();
    (store, ids)
}

fn related(store: &Store, id: ArticleId) -> Vec<ArticleId> {
    store
        .related_of(id, 10)
        .expect("related_of")
        .into_iter()
        .map(|r| r.id)
        .collect()
}

#[test]
fn arabic_and_english_reports_of_one_meeting_are_related() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (store, ids) = enriched_store(&dir);
    let (arabic, english, metro, dates) = (ids[0], ids[1], ids[2], ids[3]);
    let of_arabic = related(&store, arabic);
    assert_eq!(of_arabic.first(), Some(&english), "{of_arabic:?}");
    let of_english = related(&store, english);
    assert!(of_english.contains(&arabic), "{of_english:?}");
    // Sharing one place (Moscow) is not enough across languages, and the
    // unrelated Arabic story shares nothing.
    assert!(!of_arabic.contains(&metro), "{of_arabic:?}");
    assert!(!of_arabic.contains(&dates), "{of_arabic:?}");
    assert!(related(&store, dates).is_empty());
}
