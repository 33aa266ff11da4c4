//! Related stories and story clusters on a real SQLite store: the fixture
//! outlets are stored through the store's feed-update path, entities saved
//! through the enrichment seam, and the relater run on the store.

use std::collections::HashMap;

use akhbar::intel::related::{RelatedIndex, Relater, features};
use akhbar::model::{ArticleId, Entity, FeedId, NewArticle, ParsedFeed};
use akhbar::store::{ArticleFilter, FeedSettings, FeedUpdate, Store};
use chrono::{DateTime, Utc};
use serde::Deserialize;

#[derive(Deserialize, Clone)]
struct Fixture {
    id: i64,
    feed: i64,
    published: DateTime<Utc>,
    title: String,
    text: String,
    entities: Vec<Entity>,
}

fn fixtures() -> Vec<Fixture> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/related/articles.json"
    );
    let raw = std::fs::read_to_string(path).expect("fixture file");
    serde_json::from_str(&raw).expect("fixture JSON")
}

fn link(f: &Fixture) -> String {
    format!("https://outlet{}.example/news/{}", f.feed, f.id)
}

/// A store with the three fixture outlets, fed through `apply_feed_update`.
struct World {
    _dir: tempfile::TempDir,
    store: Store,
    feeds: HashMap<i64, FeedId>,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("akhbar.db")).expect("open store");
        let mut feeds = HashMap::new();
        for n in 1..=3 {
            let url = format!("https://outlet{n}.example/feed.xml");
            let id = store
                .add_feed(&url, &FeedSettings::default(), &[])
                .expect("add feed");
            feeds.insert(n, id);
        }
        World {
            _dir: dir,
            store,
            feeds,
        }
    }

    /// Polls feed `n` carrying the fixtures with ids `ids`; saves their
    /// entities as the NER stage would; returns the store ids of the items.
    fn poll(&self, n: i64, ids: &[i64]) -> Vec<ArticleId> {
        let items: Vec<Fixture> = fixtures()
            .into_iter()
            .filter(|f| f.feed == n && ids.contains(&f.id))
            .collect();
        let parsed = ParsedFeed {
            title: Some(format!("Outlet {n}")),
            articles: items
                .iter()
                .map(|f| NewArticle {
                    guid: Some(link(f)),
                    link: Some(link(f)),
                    title: f.title.clone(),
                    published: Some(f.published),
                    text: f.text.clone(),
                    ..NewArticle::default()
                })
                .collect(),
            ..ParsedFeed::default()
        };
        let upd = FeedUpdate {
            feed: parsed,
            etag: None,
            last_modified: None,
            fetched_at: Utc::now(),
        };
        self.store
            .apply_feed_update(self.feeds[&n], &upd)
            .expect("feed update");
        items
            .iter()
            .map(|f| {
                let id = self.id_of(f.id);
                self.store
                    .save_enrichment(id, 1, &f.entities)
                    .expect("save entities");
                id
            })
            .collect()
    }

    /// The store id of fixture `fixture_id`.
    fn id_of(&self, fixture_id: i64) -> ArticleId {
        let f = fixtures()
            .into_iter()
            .find(|f| f.id == fixture_id)
            .expect("fixture id");
        let all = self
            .store
            .articles(&ArticleFilter::default())
            .expect("list articles");
        all.into_iter()
            .find(|a| a.link.as_deref() == Some(link(&f).as_str()))
            .map(|a| a.id)
            .expect("article stored")
    }

    fn relate(&self, ids: &[ArticleId]) {
        let report = Relater::default()
            .process_new(&self.store, ids)
            .expect("relater");
        assert_eq!(report.processed, ids.len());
    }

    fn related(&self, fixture_id: i64) -> Vec<(ArticleId, bool)> {
        self.store
            .related_of(self.id_of(fixture_id), 10)
            .expect("related_of")
            .into_iter()
            .map(|r| (r.id, r.same_story))
            .collect()
    }

    fn cluster(&self, fixture_id: i64) -> Option<i64> {
        self.store
            .cluster_of(self.id_of(fixture_id))
            .expect("cluster_of")
            .map(|c| c.cluster_id)
    }
}

#[test]
fn same_story_in_two_outlets_and_english_unrelated_not() {
    let w = World::new();
    let mut ids = w.poll(1, &[1, 4]);
    ids.extend(w.poll(2, &[2, 5]));
    ids.extend(w.poll(3, &[3, 6]));
    w.relate(&ids);
    let r1 = w.related(1);
    assert!(r1.contains(&(w.id_of(2), true)), "{r1:?}");
    assert!(r1.contains(&(w.id_of(3), true)), "{r1:?}");
    for other in [4, 5, 6] {
        assert!(r1.iter().all(|(id, _)| *id != w.id_of(other)), "{r1:?}");
    }
    let full = w.store.related_of(w.id_of(2), 10).expect("related_of");
    let first = full.first().expect("a related story");
    assert_eq!(first.id, w.id_of(1));
    assert_eq!(first.feed_id, w.feeds[&1]);
    assert_eq!(first.feed_title, "Outlet 1");
    assert!(first.title.contains("أسوان"));
    assert!(first.published.is_some() && first.score > 0.0);
    let c = w.cluster(1);
    assert!(c.is_some());
    assert_eq!(w.cluster(2), c);
    assert_eq!(w.cluster(3), c);
    assert_eq!(w.cluster(4), None);
    assert_eq!(w.cluster(6), None);
    let info = w.store.cluster_of(w.id_of(1)).expect("cluster_of");
    assert_eq!(info.map(|i| i.size), Some(3));
}

#[test]
fn cluster_id_survives_repolls_and_new_arrivals() {
    let w = World::new();
    for (feed, items) in [(1, vec![1, 4]), (2, vec![2, 5]), (3, vec![3, 6])] {
        let ids = w.poll(feed, &items);
        w.relate(&ids);
    }
    let c = w.cluster(1);
    assert!(c.is_some());
    // Re-poll of every feed: same items again, processed again.
    let mut again = w.poll(1, &[1, 4]);
    again.extend(w.poll(2, &[2, 5]));
    w.relate(&again);
    assert_eq!(w.cluster(1), c);
    assert_eq!(w.cluster(2), c);
    // A new article of the same story in outlet 2 joins the same cluster,
    // and the older article's list gets it.
    let new = w.poll(2, &[2, 5, 7]);
    w.relate(&new);
    assert_eq!(w.cluster(7), c);
    assert!(w.related(1).contains(&(w.id_of(7), true)));
    let members = w
        .store
        .cluster_members(c.unwrap_or_default())
        .expect("members");
    assert_eq!(members.len(), 4);
    let folded = w
        .store
        .clusters_of(&[w.id_of(1), w.id_of(4), w.id_of(7)])
        .expect("clusters_of");
    assert_eq!(folded.len(), 2);
    assert!(
        folded
            .values()
            .all(|i| Some(i.cluster_id) == c && i.size == 4)
    );
}

#[test]
fn deleting_a_feed_removes_its_articles_from_clusters_and_lists() {
    let w = World::new();
    let mut ids = w.poll(1, &[1, 4]);
    ids.extend(w.poll(2, &[2, 5, 7]));
    ids.extend(w.poll(3, &[3, 6]));
    w.relate(&ids);
    let c = w.cluster(2).unwrap_or_default();
    let gone = w.id_of(1);
    assert!(w.store.cluster_members(c).expect("members").contains(&gone));
    w.store
        .remove_feed(w.feeds[&1], false)
        .expect("remove feed");
    let members = w.store.cluster_members(c).expect("members");
    assert_eq!(members.len(), 3);
    assert!(!members.contains(&gone));
    assert!(w.store.cluster_of(gone).expect("cluster_of").is_none());
    let r2 = w.store.related_of(members[0], 10).expect("related_of");
    assert!(r2.iter().all(|r| r.id != gone && r.feed_id != w.feeds[&1]));
    // Its signature and searchable terms are gone too.
    assert!(
        w.store
            .related_signature(gone)
            .expect("signature")
            .is_none()
    );
    let hits = w
        .store
        .related_postings(&features::terms("أسوان").concat(), 10)
        .expect("candidates");
    assert!(!hits.is_empty() && !hits.contains(&gone));
}

/// A word of letters a–j spelling `n`, unique per article.
fn word_for(n: usize) -> String {
    let letters: String = n
        .to_string()
        .bytes()
        .map(|d| char::from(b'a' + (d - b'0')))
        .collect();
    format!("zx{letters}")
}

#[test]
fn pruned_articles_leave_the_candidate_index_and_it_is_compacted() {
    let world = World::new();
    let feed = world.feeds[&1];
    let start = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).expect("time");
    // 1,200 articles over 30 days, enriched in batches as they arrive: the
    // candidate index keeps 14 days, so more than half are pruned.
    let mut ids = Vec::new();
    for batch in 0..12 {
        let articles = (batch * 100..(batch + 1) * 100)
            .map(|i| NewArticle {
                guid: Some(format!("g{i}")),
                title: format!("Harbour council {}", word_for(i)),
                published: Some(start + chrono::Duration::minutes(36 * i as i64)),
                text: format!(
                    "The harbour council met about {} and the budget.",
                    word_for(i)
                ),
                ..NewArticle::default()
            })
            .collect();
        let update = FeedUpdate {
            feed: ParsedFeed {
                articles,
                ..ParsedFeed::default()
            },
            etag: None,
            last_modified: None,
            fetched_at: Utc::now(),
        };
        world
            .store
            .apply_feed_update(feed, &update)
            .expect("update");
        let mut new: Vec<ArticleId> = world
            .store
            .articles(&ArticleFilter::default())
            .expect("list")
            .into_iter()
            .map(|a| a.id)
            .filter(|id| !ids.contains(id))
            .collect();
        new.sort();
        world.relate(&new);
        ids.extend(new);
    }
    ids.sort();
    assert_eq!(ids.len(), 1_200);
    let postings = |w: &str| world.store.related_postings(w, 2_000).expect("postings");
    // Pruned: the first article's own word finds nothing; the newest's does.
    assert!(postings(&word_for(0)).is_empty());
    assert_eq!(postings(&word_for(1_199)), vec![ids[1_199]]);
    // A shared word lists only the last 14 days (560 articles), newest first.
    let shared = postings("harbour");
    assert_eq!(shared.len(), 14 * 24 * 60 / 36 + 1);
    assert_eq!(shared.first(), ids.last());
    assert!(shared.windows(2).all(|w| w[0] > w[1]));
    // The pruned articles were compacted away, not left as tombstones.
    let conn = rusqlite::Connection::open(world.store.path()).expect("open");
    let pending: i64 = conn
        .query_row(
            "SELECT value FROM related_meta WHERE key = 'pruned_since_compaction'",
            [],
            |r| r.get(0),
        )
        .expect("compaction counter");
    assert!(pending < 500, "{pending} pruned articles not compacted");
}
