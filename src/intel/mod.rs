//! Derived knowledge about articles: entities, related stories, the
//! enrichment stage that computes them incrementally.

pub mod related;
