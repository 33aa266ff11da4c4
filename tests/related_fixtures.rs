//! Related stories and story clusters on hand-written fixtures: two Arabic
//! outlets and one English outlet covering one story, plus unrelated
//! stories, run through the relater on the in-memory index.

use akhbar::intel::related::memory::MemIndex;
use akhbar::intel::related::{Doc, RelatedIndex, Relater};
use akhbar::model::{ArticleId, Entity, FeedId};
use chrono::{DateTime, Utc};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    id: i64,
    feed: i64,
    published: DateTime<Utc>,
    title: String,
    text: String,
    entities: Vec<Entity>,
}

fn fixtures() -> Vec<Doc> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/related/articles.json"
    );
    let raw = std::fs::read_to_string(path).expect("fixture file");
    let items: Vec<Fixture> = serde_json::from_str(&raw).expect("fixture JSON");
    items
        .into_iter()
        .map(|f| Doc {
            id: ArticleId(f.id),
            feed: FeedId(f.feed),
            published: f.published.timestamp(),
            title: f.title,
            text: f.text,
            entities: f.entities,
        })
        .collect()
}

/// An index holding the fixtures whose id is in `ids`.
fn index_with(ids: &[i64]) -> MemIndex {
    let index = MemIndex::new();
    for d in fixtures() {
        if ids.contains(&d.id.0) {
            index.add_doc(d);
        }
    }
    index
}

fn run(relater: &Relater, index: &MemIndex, ids: &[i64]) {
    let ids: Vec<ArticleId> = ids.iter().copied().map(ArticleId).collect();
    let report = relater.process_new(index, &ids).map_err(|e| match e {});
    assert!(report.is_ok_and(|r| r.processed == ids.len()));
}

fn related_ids(index: &MemIndex, id: i64) -> Vec<(i64, bool)> {
    index
        .related_of(ArticleId(id), 10)
        .into_iter()
        .map(|l| (l.other.0, l.same_story))
        .collect()
}

#[test]
fn same_story_across_outlets_and_languages_unrelated_not() {
    let index = index_with(&[1, 2, 3, 4, 5, 6]);
    run(&Relater::default(), &index, &[1, 2, 3, 4, 5, 6]);
    let r1 = related_ids(&index, 1);
    assert!(r1.contains(&(2, true)), "{r1:?}");
    assert!(
        r1.contains(&(3, true)),
        "English coverage by entities: {r1:?}"
    );
    for unrelated in [4, 5, 6] {
        assert!(r1.iter().all(|(o, _)| *o != unrelated), "{r1:?}");
    }
    let r2 = related_ids(&index, 2);
    assert_eq!(r2.first(), Some(&(1, true)), "best first: {r2:?}");
    assert!(
        related_ids(&index, 6)
            .iter()
            .all(|(o, same)| *o != 1 && !same)
    );
    let c = index.cluster_of(ArticleId(1));
    assert!(c.is_some());
    assert_eq!(index.cluster_of(ArticleId(2)), c);
    assert_eq!(index.cluster_of(ArticleId(3)), c);
    for single in [4, 5, 6] {
        assert_eq!(index.cluster_of(ArticleId(single)), None);
    }
}

#[test]
fn cluster_id_survives_repolls_and_new_arrivals() {
    let relater = Relater::default();
    let index = index_with(&[1, 2, 3, 4, 5, 6, 7]);
    // Articles arrive one poll at a time.
    for id in 1..=6 {
        run(&relater, &index, &[id]);
    }
    let c = index.cluster_of(ArticleId(1));
    assert!(c.is_some());
    assert_eq!(index.cluster_of(ArticleId(2)), c);
    let before = related_ids(&index, 2);
    // Re-poll: the same articles come back and are processed again.
    run(&relater, &index, &[1, 2]);
    assert_eq!(index.cluster_of(ArticleId(1)), c);
    assert_eq!(index.cluster_of(ArticleId(2)), c);
    assert_eq!(related_ids(&index, 2), before);
    // A later article of the same story joins the existing cluster, and the
    // older articles' lists are updated with it.
    run(&relater, &index, &[7]);
    assert_eq!(index.cluster_of(ArticleId(7)), c);
    assert!(related_ids(&index, 1).contains(&(7, true)));
    assert_eq!(
        index.cluster_members(c.unwrap_or_default()),
        vec![ArticleId(1), ArticleId(2), ArticleId(3), ArticleId(7)]
    );
}

#[test]
fn removing_a_feed_removes_its_articles_from_clusters_and_lists() {
    let index = index_with(&[1, 2, 3, 4, 5, 6, 7]);
    run(&Relater::default(), &index, &[1, 2, 3, 4, 5, 6, 7]);
    let c = index.cluster_of(ArticleId(2)).unwrap_or_default();
    assert!(index.cluster_members(c).contains(&ArticleId(1)));
    index.remove_feed(FeedId(1));
    assert_eq!(
        index.cluster_members(c),
        vec![ArticleId(2), ArticleId(3), ArticleId(7)]
    );
    assert_eq!(index.cluster_of(ArticleId(1)), None);
    assert!(
        related_ids(&index, 2)
            .iter()
            .all(|(o, _)| *o != 1 && *o != 4)
    );
}

#[test]
fn old_articles_leave_the_candidate_index_but_keep_their_lists() {
    let index = index_with(&[1, 2, 3, 4, 5, 6]);
    let relater = Relater::default();
    run(&relater, &index, &[1, 2, 3, 4, 5, 6]);
    let query = akhbar::intel::related::features::terms("أسوان").concat();
    let before = index.related_postings(&query, 10);
    assert!(before.is_ok_and(|c| c.contains(&ArticleId(1))));
    // Three weeks later a new article arrives: the retention (two weeks)
    // takes the old ones out of candidate search.
    let mut later = fixtures().remove(0);
    later.id = ArticleId(100);
    later.published += 21 * 86_400;
    index.add_doc(later);
    let report = relater.process_new(&index, &[ArticleId(100)]);
    assert!(report.is_ok_and(|r| r.pruned == 6 && r.links == 0));
    let after = index.related_postings(&query, 10);
    assert!(after.is_ok_and(|c| c == vec![ArticleId(100)]));
    assert!(related_ids(&index, 1).contains(&(2, true)));
}
