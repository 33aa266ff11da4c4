//! An in-memory [`RelatedIndex`]: the same method without SQLite, for the
//! evaluation harness and for tests of the scoring and clustering logic.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::convert::Infallible;

use super::{Doc, Link, RelatedIndex, Signature};
use crate::model::{ArticleId, FeedId};

#[derive(Debug, Default)]
struct Inner {
    docs: BTreeMap<ArticleId, Doc>,
    doc_count: u64,
    df: HashMap<u64, u64>,
    sigs: HashMap<ArticleId, Signature>,
    postings: HashMap<String, Vec<ArticleId>>,
    terms_of: HashMap<ArticleId, Vec<String>>,
    links: HashMap<ArticleId, Vec<Link>>,
    clusters: HashMap<ArticleId, i64>,
    next_cluster: i64,
}

/// Articles, signatures, lists and clusters held in memory.
#[derive(Debug, Default)]
pub struct MemIndex {
    inner: RefCell<Inner>,
}

impl MemIndex {
    /// An empty index.
    pub fn new() -> Self {
        MemIndex::default()
    }

    /// Stores (or replaces) an article, as the poller would.
    pub fn add_doc(&self, doc: Doc) {
        self.inner.borrow_mut().docs.insert(doc.id, doc);
    }

    /// Deletes a feed's articles and everything derived from them (the
    /// in-memory counterpart of the store's ON DELETE CASCADE).
    pub fn remove_feed(&self, feed: FeedId) {
        let mut g = self.inner.borrow_mut();
        let gone: HashSet<ArticleId> = g
            .docs
            .values()
            .filter(|d| d.feed == feed)
            .map(|d| d.id)
            .collect();
        g.docs.retain(|id, _| !gone.contains(id));
        g.sigs.retain(|id, _| !gone.contains(id));
        g.clusters.retain(|id, _| !gone.contains(id));
        g.links.retain(|id, _| !gone.contains(id));
        for list in g.links.values_mut() {
            list.retain(|l| !gone.contains(&l.other));
        }
        for id in &gone {
            if let Some(terms) = g.terms_of.remove(id) {
                for t in terms {
                    if let Some(p) = g.postings.get_mut(&t) {
                        p.retain(|x| x != id);
                    }
                }
            }
        }
    }

    /// The stored related list of an article, best first.
    pub fn related_of(&self, id: ArticleId, limit: usize) -> Vec<Link> {
        let g = self.inner.borrow();
        g.links
            .get(&id)
            .map(|l| l.iter().take(limit).copied().collect())
            .unwrap_or_default()
    }

    /// The story cluster of an article, if it has one.
    pub fn cluster_of(&self, id: ArticleId) -> Option<i64> {
        self.inner.borrow().clusters.get(&id).copied()
    }

    /// The members of a story cluster, by id.
    pub fn cluster_members(&self, cluster: i64) -> Vec<ArticleId> {
        let g = self.inner.borrow();
        let mut v: Vec<ArticleId> = g
            .clusters
            .iter()
            .filter(|(_, c)| **c == cluster)
            .map(|(id, _)| *id)
            .collect();
        v.sort_unstable();
        v
    }
}

impl RelatedIndex for MemIndex {
    type Error = Infallible;

    fn related_transaction<T, F>(&self, f: F) -> Result<T, Infallible>
    where
        F: FnOnce() -> Result<T, Infallible>,
    {
        f()
    }

    fn related_doc(&self, id: ArticleId) -> Result<Option<Doc>, Infallible> {
        Ok(self.inner.borrow().docs.get(&id).cloned())
    }

    fn related_doc_freqs(&self, keys: &[u64]) -> Result<(u64, Vec<u64>), Infallible> {
        let g = self.inner.borrow();
        let dfs = keys
            .iter()
            .map(|k| g.df.get(k).copied().unwrap_or(0))
            .collect();
        Ok((g.doc_count, dfs))
    }

    fn related_add_doc_freqs(&self, docs: u64, keys: &[(u64, u64)]) -> Result<(), Infallible> {
        let mut g = self.inner.borrow_mut();
        g.doc_count += docs;
        for (k, n) in keys {
            *g.df.entry(*k).or_insert(0) += n;
        }
        Ok(())
    }

    fn related_signature(&self, id: ArticleId) -> Result<Option<Signature>, Infallible> {
        Ok(self.inner.borrow().sigs.get(&id).cloned())
    }

    fn related_save_signature(&self, sig: &Signature, terms: &str) -> Result<(), Infallible> {
        let mut g = self.inner.borrow_mut();
        let id = sig.id;
        if let Some(old) = g.terms_of.remove(&id) {
            for t in old {
                if let Some(p) = g.postings.get_mut(&t) {
                    p.retain(|x| *x != id);
                }
            }
        }
        let terms: Vec<String> = terms.split(' ').map(str::to_string).collect();
        for t in &terms {
            g.postings.entry(t.clone()).or_default().push(id);
        }
        g.terms_of.insert(id, terms);
        g.sigs.insert(id, sig.clone());
        Ok(())
    }

    fn related_postings(&self, term: &str, limit: usize) -> Result<Vec<ArticleId>, Infallible> {
        let g = self.inner.borrow();
        let mut recent: Vec<ArticleId> = g.postings.get(term).cloned().unwrap_or_default();
        recent.sort_unstable_by(|a, b| b.cmp(a));
        recent.truncate(limit);
        Ok(recent)
    }

    fn related_prune(&self, before: i64) -> Result<usize, Infallible> {
        let mut g = self.inner.borrow_mut();
        let old: Vec<ArticleId> = g
            .terms_of
            .keys()
            .filter(|id| g.sigs.get(id).is_some_and(|s| s.published < before))
            .copied()
            .collect();
        for id in &old {
            if let Some(terms) = g.terms_of.remove(id) {
                for t in terms {
                    if let Some(p) = g.postings.get_mut(&t) {
                        p.retain(|x| x != id);
                    }
                }
            }
        }
        Ok(old.len())
    }

    fn related_links(&self, id: ArticleId) -> Result<Vec<Link>, Infallible> {
        Ok(self
            .inner
            .borrow()
            .links
            .get(&id)
            .cloned()
            .unwrap_or_default())
    }

    fn related_set_links(&self, id: ArticleId, links: &[Link]) -> Result<(), Infallible> {
        self.inner.borrow_mut().links.insert(id, links.to_vec());
        Ok(())
    }

    fn related_cluster(&self, id: ArticleId) -> Result<Option<i64>, Infallible> {
        Ok(self.cluster_of(id))
    }

    fn related_new_cluster(&self) -> Result<i64, Infallible> {
        let mut g = self.inner.borrow_mut();
        g.next_cluster += 1;
        Ok(g.next_cluster)
    }

    fn related_set_cluster(&self, id: ArticleId, cluster: i64) -> Result<(), Infallible> {
        self.inner.borrow_mut().clusters.insert(id, cluster);
        Ok(())
    }

    fn related_merge_clusters(&self, from: i64, into: i64) -> Result<(), Infallible> {
        for c in self.inner.borrow_mut().clusters.values_mut() {
            if *c == from {
                *c = into;
            }
        }
        Ok(())
    }
}
