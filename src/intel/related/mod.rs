//! Related stories and story clusters across feeds.
//!
//! When one event is covered by several outlets the reader should see the
//! other coverage at once. This module decides, for each new article, which
//! stored articles are related and which of them are the *same story*, and
//! keeps story clusters up to date — incrementally, from the enrichment
//! stage, so that opening an article only reads a precomputed list.
//!
//! Method, per new article:
//! 1. Terms: folded, lightly stemmed words ([`features::terms`]), title
//!    counted twice; a TF-IDF vector of the heaviest terms with document
//!    frequencies kept incrementally by the index; a MinHash signature of
//!    3-word shingles; entity keys weighted by rarity.
//! 2. Candidates: the article's most distinctive terms and rarest entity
//!    keys are looked up in the full-text index (FTS5 in the store), each
//!    for at most [`RelaterConfig::postings`] recent articles within a time
//!    window, across all feeds; terms found in more than a share of all
//!    articles are not looked up (they cost the most and tell the least).
//!    The articles matching the most query weight are the candidates. The
//!    work per article is bounded whatever the size of the store.
//! 3. Rerank: cosine of the TF-IDF vectors, rarity-weighted overlap of entity
//!    keys, shingle similarity, damped by the time distance ([`Weights`]).
//!    Articles in different scripts (Arabic and English) share no words, so
//!    for them the entity overlap alone scores the pair: the gazetteer gives
//!    `موسكو` and `Moscow` one key.
//! 4. Same story: shingle similarity or cosine above thresholds (or, across
//!    scripts, most entities shared). The new article joins (and merges)
//!    the clusters of its same-story partners; an existing cluster keeps its
//!    id, so ids survive re-polls.
//! 5. The top-K list of the new article is stored, and every older article
//!    that the new one ranks into gets its list updated.
//!
//! The storage is behind [`RelatedIndex`]: the SQLite store implements it
//! (`store::related`), [`memory::MemIndex`] implements it in memory for tests
//! and evaluation. Work per call grows with the new articles only.

pub mod features;
pub mod memory;

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::model::{ArticleId, Entity, FeedId};
use features::{
    Script, Sparse, dot, entity_overlap, minhash, minhash_similarity, term_counts, tfidf,
    weighted_jaccard,
};

/// What the relater needs to know of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The article.
    pub id: ArticleId,
    /// Its feed (same-feed articles are never "another source").
    pub feed: FeedId,
    /// Publication time in Unix seconds (published, else updated, else seen).
    pub published: i64,
    /// Title as stored.
    pub title: String,
    /// Clean text as stored.
    pub text: String,
    /// Entities found by the NER stage (may be empty).
    pub entities: Vec<Entity>,
}

/// The precomputed features of one article, as stored by the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The article.
    pub id: ArticleId,
    /// Its feed.
    pub feed: FeedId,
    /// Publication time in Unix seconds.
    pub published: i64,
    /// The script of its text.
    pub script: Script,
    /// TF-IDF vector (normalised, sorted by term hash).
    pub vector: Sparse,
    /// TF-IDF vector of the title alone (normalised, sorted by hash).
    pub title: Sparse,
    /// Entity keys weighted by their idf (sorted by key hash).
    pub entities: Sparse,
    /// MinHash of word shingles.
    pub minhash: Vec<u32>,
}

/// One entry of an article's related list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// The related article.
    pub other: ArticleId,
    /// Combined score, higher is closer (0..≈1).
    pub score: f64,
    /// True when the two articles report the same story.
    pub same_story: bool,
}

/// Storage the relater works on. Implemented by the SQLite store and by
/// [`memory::MemIndex`]; all methods take `&self` (the store serialises
/// through its connection).
pub trait RelatedIndex {
    /// The storage's error type.
    type Error: std::error::Error + Send + Sync + 'static;
    /// Runs `f` in one transaction (so a batch costs one commit).
    fn related_transaction<T, F>(&self, f: F) -> Result<T, Self::Error>
    where
        F: FnOnce() -> Result<T, Self::Error>;
    /// The article's text and entities, `None` when it does not exist.
    fn related_doc(&self, id: ArticleId) -> Result<Option<Doc>, Self::Error>;
    /// Number of counted documents and the document frequency of each key.
    fn related_doc_freqs(&self, keys: &[u64]) -> Result<(u64, Vec<u64>), Self::Error>;
    /// Counts `docs` more documents and, for each `(key, n)`, `n` more
    /// documents containing the key.
    fn related_add_doc_freqs(&self, docs: u64, keys: &[(u64, u64)]) -> Result<(), Self::Error>;
    /// The stored signature of an article, if it has been processed.
    fn related_signature(&self, id: ArticleId) -> Result<Option<Signature>, Self::Error>;
    /// Stores (or replaces) a signature and the article's searchable terms
    /// (space-separated) for candidate search.
    fn related_save_signature(&self, sig: &Signature, terms: &str) -> Result<(), Self::Error>;
    /// The `limit` most recently stored searchable articles whose terms
    /// include `term`, newest first (so the work is bounded however common
    /// the term).
    fn related_postings(&self, term: &str, limit: usize) -> Result<Vec<ArticleId>, Self::Error>;
    /// Removes from candidate search every article published before
    /// `before` (its signature, list and cluster stay), so the search index
    /// holds a bounded recent window however large the store grows.
    /// Returns how many were removed.
    fn related_prune(&self, before: i64) -> Result<usize, Self::Error>;
    /// The stored related list of an article, best first.
    fn related_links(&self, id: ArticleId) -> Result<Vec<Link>, Self::Error>;
    /// Replaces the related list of an article.
    fn related_set_links(&self, id: ArticleId, links: &[Link]) -> Result<(), Self::Error>;
    /// The story cluster of an article, if it has one.
    fn related_cluster(&self, id: ArticleId) -> Result<Option<i64>, Self::Error>;
    /// Allocates a cluster id never used before.
    fn related_new_cluster(&self) -> Result<i64, Self::Error>;
    /// Puts an article into a cluster.
    fn related_set_cluster(&self, id: ArticleId, cluster: i64) -> Result<(), Self::Error>;
    /// Moves every member of cluster `from` into cluster `into`.
    fn related_merge_clusters(&self, from: i64, into: i64) -> Result<(), Self::Error>;
}

/// Weights and thresholds of the scoring; defaults are the values measured
/// on the SaudiNewsNet evaluation (`eval-related`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Weight of the TF-IDF cosine.
    pub cosine: f64,
    /// Weight of the rarity-weighted entity overlap.
    pub entities: f64,
    /// Weight of the shingle (MinHash) similarity.
    pub shingles: f64,
    /// Time constant (seconds) of the time-distance damping.
    pub time_scale: f64,
    /// Share of the score kept however far apart in time (0..1).
    pub time_floor: f64,
    /// Shingle similarity from which two articles are the same story.
    pub same_shingles: f64,
    /// Weight of the title cosine added to the body cosine for the
    /// same-story decision.
    pub same_title: f64,
    /// Body cosine plus weighted title cosine from which two articles are
    /// the same story.
    pub same_cosine: f64,
    /// Rarity-weighted entity overlap from which two articles are the same
    /// story (needs at least three entities on each side).
    pub same_entities: f64,
    /// Both articles need at least this many distinct terms to be called
    /// the same story (title-only items, cartoons and photo posts are not).
    pub same_min_terms: usize,
    /// Scores below this are not listed as related at all.
    pub min_score: f64,
    /// Weight of the entity overlap ([`entity_overlap`]) for articles in
    /// different scripts, which share no words.
    pub cross_entities: f64,
    /// Entities two articles in different scripts must share to be related.
    pub cross_min_shared: usize,
    /// Entity overlap from which two articles in different scripts, at
    /// most `time_scale` apart and sharing one more entity than
    /// `cross_min_shared`, are the same story.
    pub cross_same: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            cosine: 0.7,
            entities: 0.2,
            shingles: 0.1,
            time_scale: 2.0 * 86_400.0,
            time_floor: 0.7,
            same_shingles: 0.4,
            same_title: 0.3,
            same_cosine: 0.65,
            same_min_terms: 15,
            same_entities: 0.5,
            min_score: 0.08,
            cross_entities: 0.6,
            cross_min_shared: 2,
            cross_same: 0.55,
        }
    }
}

/// Tuning of the relater: list length, candidate search, weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RelaterConfig {
    /// Length of the stored related list per article.
    pub top_k: usize,
    /// Terms kept in the TF-IDF vector of an article.
    pub vector_terms: usize,
    /// Distinctive terms looked up for candidates.
    pub query_terms: usize,
    /// Rarest entity keys looked up for candidates.
    pub query_entities: usize,
    /// Articles read per looked-up term (the most recently stored first).
    pub postings: usize,
    /// Terms found in more than this share of all articles (and in more
    /// than `postings`) are not looked up, nor terms no other article has.
    pub common_share: f64,
    /// Candidates scored per new article.
    pub candidates: usize,
    /// Half-width of the candidate time window, seconds.
    pub window: i64,
    /// Articles older than this (seconds before the newest processed one)
    /// leave the candidate index, which bounds the work per poll.
    pub retention: i64,
    /// Scoring weights and thresholds.
    pub weights: Weights,
}

impl Default for RelaterConfig {
    fn default() -> Self {
        RelaterConfig {
            top_k: 10,
            vector_terms: 80,
            query_terms: 12,
            query_entities: 8,
            postings: 100,
            common_share: 0.02,
            candidates: 60,
            window: 4 * 86_400,
            retention: 14 * 86_400,
            weights: Weights::default(),
        }
    }
}

/// What one [`Relater::process_new`] call did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RelateReport {
    /// Articles processed (missing ids are skipped).
    pub processed: usize,
    /// Links stored (new lists plus insertions into older lists).
    pub links: usize,
    /// Articles that joined or founded a story cluster.
    pub clustered: usize,
    /// Old articles removed from the candidate index.
    pub pruned: usize,
}

/// Computes related lists and story clusters for new articles.
#[derive(Debug, Clone, Default)]
pub struct Relater {
    /// Tuning in use.
    pub config: RelaterConfig,
}

/// The score of a pair and whether it is the same story.
pub fn score_pair(a: &Signature, b: &Signature, w: &Weights) -> (f64, bool) {
    let cos = dot(&a.vector, &b.vector);
    let ent = weighted_jaccard(&a.entities, &b.entities);
    let jac = minhash_similarity(&a.minhash, &b.minhash);
    let dt = (a.published - b.published).abs() as f64;
    let time = w.time_floor + (1.0 - w.time_floor) * (-dt / w.time_scale.max(1.0)).exp();
    let score = (w.cosine * cos + w.entities * ent + w.shingles * jac) * time;
    let title = dot(&a.title, &b.title);
    let enough = a.vector.len().min(b.vector.len()) >= w.same_min_terms;
    let text_same =
        enough && (jac >= w.same_shingles || cos + w.same_title * title >= w.same_cosine);
    let entity_same = a.entities.len().min(b.entities.len()) >= 3 && ent >= w.same_entities;
    let mut same = text_same || entity_same;
    let mut score = score;
    if a.script.differs(b.script) {
        let (shared, overlap) = entity_overlap(&a.entities, &b.entities);
        if shared >= w.cross_min_shared {
            score = score.max(w.cross_entities * overlap * time);
            same = same
                || (shared > w.cross_min_shared && overlap >= w.cross_same && dt <= w.time_scale);
        }
    }
    (score, same)
}

impl Relater {
    /// A relater with the given tuning.
    pub fn new(config: RelaterConfig) -> Self {
        Relater { config }
    }

    /// Processes newly stored (or re-stored) articles: signatures, related
    /// lists (theirs and the older lists they rank into) and clusters, in
    /// one transaction. Called by the enrichment stage after entities are
    /// saved. Re-processing an article keeps its cluster id and does not
    /// count it twice in the document frequencies.
    pub fn process_new<I: RelatedIndex>(
        &self,
        index: &I,
        ids: &[ArticleId],
    ) -> Result<RelateReport, I::Error> {
        index.related_transaction(|| self.process_in_tx(index, ids))
    }

    fn process_in_tx<I: RelatedIndex>(
        &self,
        index: &I,
        ids: &[ArticleId],
    ) -> Result<RelateReport, I::Error> {
        let mut report = RelateReport::default();
        // Pass 1: terms of the whole batch; document frequencies counted
        // once per distinct key (new articles only, so re-polls never count
        // twice).
        let mut prepared = Vec::new();
        let mut df_add: HashMap<u64, u64> = HashMap::new();
        let mut new_docs = 0u64;
        for &id in ids {
            let Some(doc) = index.related_doc(id)? else {
                continue;
            };
            let p = Prepared::new(doc);
            if index.related_signature(id)?.is_none() {
                new_docs += 1;
                for k in p.keys() {
                    *df_add.entry(k).or_insert(0) += 1;
                }
            }
            prepared.push(p);
        }
        let mut adds: Vec<(u64, u64)> = df_add.into_iter().collect();
        adds.sort_unstable();
        index.related_add_doc_freqs(new_docs, &adds)?;
        let mut keys: Vec<u64> = prepared.iter().flat_map(Prepared::keys).collect();
        keys.sort_unstable();
        keys.dedup();
        let (n, dfs) = index.related_doc_freqs(&keys)?;
        let df: HashMap<u64, u64> = keys.into_iter().zip(dfs).collect();
        let df_of = |h: u64| df.get(&h).copied().unwrap_or(1);
        // Terms in more documents than this are not looked up.
        let common =
            ((self.config.common_share * n as f64) as u64).max(self.config.postings as u64);
        // Pass 2: signatures, saved before any search so a batch finds
        // itself; in id order, the order in which the full-text index
        // appends cheaply (a smaller id than the last one written makes
        // FTS5 flush a new segment).
        prepared.sort_by_key(|p| p.doc.id);
        let mut sigs = Vec::with_capacity(prepared.len());
        for p in prepared {
            let dfs: Vec<u64> = p.counts.iter().map(|(h, _)| df_of(*h)).collect();
            let vector = tfidf(&p.counts, &dfs, n, self.config.vector_terms);
            let tdfs: Vec<u64> = p.title_counts.iter().map(|(h, _)| df_of(*h)).collect();
            let title = tfidf(&p.title_counts, &tdfs, n, self.config.vector_terms);
            let entities = features::normalise(
                p.entities
                    .iter()
                    .map(|(h, _)| (*h, features::idf(n, df_of(*h))))
                    .collect(),
            );
            let sig = Signature {
                id: p.doc.id,
                feed: p.doc.feed,
                published: p.doc.published,
                script: p.script,
                vector,
                title,
                entities,
                minhash: p.shingles,
            };
            let searchable: Vec<&str> = p
                .all_terms
                .iter()
                .map(|(_, t)| t.as_str())
                .chain(p.entities.iter().map(|(_, t)| t.as_str()))
                .collect();
            index.related_save_signature(&sig, &searchable.join(" "))?;
            // A key only this article has cannot find another one.
            let rare = |h: &u64| (2..=common).contains(&df_of(*h));
            let mut query = heaviest(&p.all_terms, &sig.vector, rare, self.config.query_terms);
            query.extend(heaviest(
                &p.entities,
                &sig.entities,
                rare,
                self.config.query_entities,
            ));
            sigs.push((sig, query));
        }
        sigs.sort_by_key(|(s, _)| (s.published, s.id));
        // Signatures read during this batch (the batch's own first).
        let mut known: HashMap<ArticleId, Option<Signature>> =
            sigs.iter().map(|(s, _)| (s.id, Some(s.clone()))).collect();
        // Pass 3: related lists and clusters.
        for (sig, query) in &sigs {
            report.processed += 1;
            let mut links = Vec::new();
            for other in self.candidates(index, sig, query, &mut known)? {
                let (score, same_story) = score_pair(sig, &other, &self.config.weights);
                if score >= self.config.weights.min_score {
                    links.push(Link {
                        other: other.id,
                        score,
                        same_story,
                    });
                }
            }
            sort_links(&mut links);
            links.truncate(self.config.top_k);
            report.links += links.len();
            index.related_set_links(sig.id, &links)?;
            for l in &links {
                let back = Link {
                    other: sig.id,
                    score: l.score,
                    same_story: l.same_story,
                };
                if self.insert_link(index, l.other, back)? {
                    report.links += 1;
                }
            }
            if self.cluster(index, sig.id, &links)? {
                report.clustered += 1;
            }
        }
        if let Some(newest) = sigs.iter().map(|(s, _)| s.published).max() {
            report.pruned = index.related_prune(newest.saturating_sub(self.config.retention))?;
        }
        Ok(report)
    }

    /// The candidates of an article: the articles within the time window
    /// that match the most weight of its query terms, best first, at most
    /// [`RelaterConfig::candidates`]. Each term reads at most
    /// [`RelaterConfig::postings`] articles and at most three times as many
    /// signatures as candidates are read, so the work is bounded. `known`
    /// caches signatures (`None`: not processed) across the batch.
    fn candidates<I: RelatedIndex>(
        &self,
        index: &I,
        sig: &Signature,
        query: &[(String, f64)],
        known: &mut HashMap<ArticleId, Option<Signature>>,
    ) -> Result<Vec<Signature>, I::Error> {
        let from = sig.published.saturating_sub(self.config.window);
        let to = sig.published.saturating_add(self.config.window);
        let mut matched: HashMap<ArticleId, f64> = HashMap::new();
        for (term, weight) in query {
            for id in index.related_postings(term, self.config.postings)? {
                if id != sig.id {
                    *matched.entry(id).or_insert(0.0) += weight;
                }
            }
        }
        let mut ranked: Vec<(ArticleId, f64)> = matched.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        let mut out = Vec::with_capacity(self.config.candidates);
        for (id, _) in ranked.into_iter().take(3 * self.config.candidates) {
            let other = match known.entry(id) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(index.related_signature(id)?),
            };
            if let Some(other) = other
                .as_ref()
                .filter(|o| (from..=to).contains(&o.published))
            {
                out.push(other.clone());
                if out.len() == self.config.candidates {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// Inserts `link` into the list of `id` when it ranks into the top K;
    /// true when the list changed.
    fn insert_link<I: RelatedIndex>(
        &self,
        index: &I,
        id: ArticleId,
        link: Link,
    ) -> Result<bool, I::Error> {
        let mut list = index.related_links(id)?;
        list.retain(|l| l.other != link.other);
        let k = self.config.top_k;
        if list.len() >= k && list.last().is_some_and(|l| l.score >= link.score) {
            return Ok(false);
        }
        list.push(link);
        sort_links(&mut list);
        list.truncate(k);
        index.related_set_links(id, &list)?;
        Ok(true)
    }

    /// Puts `id` into the cluster of its same-story partners (merging their
    /// clusters into the oldest one), or founds one; true when clustered.
    fn cluster<I: RelatedIndex>(
        &self,
        index: &I,
        id: ArticleId,
        links: &[Link],
    ) -> Result<bool, I::Error> {
        let partners: Vec<ArticleId> = links
            .iter()
            .filter(|l| l.same_story)
            .map(|l| l.other)
            .collect();
        let own = index.related_cluster(id)?;
        if partners.is_empty() {
            return Ok(own.is_some());
        }
        let mut clusters: Vec<i64> = own.into_iter().collect();
        for p in &partners {
            if let Some(c) = index.related_cluster(*p)? {
                clusters.push(c);
            }
        }
        clusters.sort_unstable();
        clusters.dedup();
        let target = match clusters.first() {
            Some(c) => *c,
            None => index.related_new_cluster()?,
        };
        for c in clusters.iter().skip(1) {
            index.related_merge_clusters(*c, target)?;
        }
        if own != Some(target) {
            index.related_set_cluster(id, target)?;
        }
        for p in partners {
            if index.related_cluster(p)? != Some(target) {
                index.related_set_cluster(p, target)?;
            }
        }
        Ok(true)
    }
}

/// The features of one article computed before any storage access.
struct Prepared {
    doc: Doc,
    /// The script of its text.
    script: Script,
    /// Term counts of title (twice) and body, by hash.
    counts: Vec<(u64, u32)>,
    /// Term counts of the title alone.
    title_counts: Vec<(u64, u32)>,
    /// Entity keys: hash and searchable token, sorted by hash, distinct.
    entities: Vec<(u64, String)>,
    /// MinHash of the word shingles.
    shingles: Vec<u32>,
    /// Distinct terms with their hash, sorted by term (the FTS text).
    all_terms: Vec<(u64, String)>,
}

impl Prepared {
    fn new(doc: Doc) -> Self {
        let title = features::terms(&doc.title);
        let body = features::terms(&doc.text);
        let counts = term_counts(&title, &body);
        let title_counts = term_counts(&title, &[]);
        let mut entities: Vec<(u64, String)> = doc
            .entities
            .iter()
            .map(|e| {
                (
                    features::entity_hash(&e.key),
                    features::entity_token(&e.key),
                )
            })
            .collect();
        entities.sort_unstable();
        entities.dedup();
        let mut all_terms: Vec<String> = title.into_iter().chain(body).collect();
        let shingles = minhash(&all_terms);
        all_terms.sort_unstable();
        all_terms.dedup();
        let script = Script::of(&format!("{}\n{}", doc.title, doc.text));
        Prepared {
            doc,
            script,
            counts,
            title_counts,
            entities,
            shingles,
            all_terms: all_terms
                .into_iter()
                .map(|t| (features::term_hash(&t), t))
                .collect(),
        }
    }

    /// Every key counted in the document frequencies: terms and entities.
    fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.counts
            .iter()
            .map(|(h, _)| *h)
            .chain(self.entities.iter().map(|(h, _)| *h))
    }
}

/// Best first; ties broken by id so lists are deterministic.
fn sort_links(links: &mut [Link]) {
    links.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.other.cmp(&b.other)));
}

/// The `n` searchable tokens with the heaviest weight in `vector` (terms
/// or entity keys, by hash) among those `keep` accepts, with their weight,
/// for the candidate lookup.
fn heaviest(
    tokens: &[(u64, String)],
    vector: &Sparse,
    keep: impl Fn(&u64) -> bool,
    n: usize,
) -> Vec<(String, f64)> {
    let mut weighted: Vec<(f64, &String)> = tokens
        .iter()
        .filter(|(h, _)| keep(h))
        .filter_map(|(h, t)| {
            vector
                .binary_search_by_key(h, |(k, _)| *k)
                .ok()
                .and_then(|i| vector.get(i))
                .map(|(_, w)| (f64::from(*w), t))
        })
        .collect();
    weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    weighted
        .into_iter()
        .take(n)
        .map(|(w, t)| (t.clone(), w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(id: i64, published: i64, terms: &[u64], entities: &[u64]) -> Signature {
        let w = |ks: &[u64]| features::normalise(ks.iter().map(|k| (*k, 1.0)).collect());
        Signature {
            id: ArticleId(id),
            feed: FeedId(id),
            published,
            script: Script::Arabic,
            vector: w(terms),
            title: w(&terms[..terms.len().min(3)]),
            entities: w(entities),
            minhash: vec![u32::MAX; features::MINHASH_LEN],
        }
    }

    #[test]
    fn identical_texts_are_the_same_story_short_ones_are_not() {
        let w = Weights::default();
        let long: Vec<u64> = (0..40).collect();
        let (score, same) = score_pair(&sig(1, 0, &long, &[]), &sig(2, 0, &long, &[]), &w);
        assert!(same && score > 0.5);
        // Title-only items (a cartoon, a photo post) share words but are
        // never called the same story.
        let short = [1, 2, 3];
        let (_, same) = score_pair(&sig(1, 0, &short, &[]), &sig(2, 0, &short, &[]), &w);
        assert!(!same);
    }

    #[test]
    fn time_distance_damps_the_score_and_entities_link_languages() {
        let w = Weights::default();
        let t: Vec<u64> = (0..40).collect();
        let (near, _) = score_pair(&sig(1, 0, &t, &[]), &sig(2, 3600, &t, &[]), &w);
        let (far, _) = score_pair(&sig(1, 0, &t, &[]), &sig(2, 30 * 86_400, &t, &[]), &w);
        assert!(far < near && far >= near * w.time_floor * 0.99);
        // No shared word, four shared entities: related and the same story.
        let a: Vec<u64> = (0..40).collect();
        let b: Vec<u64> = (100..140).collect();
        let (score, same) = score_pair(
            &sig(1, 0, &a, &[7, 8, 9, 10]),
            &sig(2, 0, &b, &[7, 8, 9, 10]),
            &w,
        );
        assert!(same && score >= w.min_score);
        let (score, same) = score_pair(&sig(1, 0, &a, &[7]), &sig(2, 0, &b, &[8]), &w);
        assert!(!same && score < w.min_score);
    }
}
