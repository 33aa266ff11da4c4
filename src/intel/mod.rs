//! Derived knowledge about articles: named entities and related stories,
//! computed in the enrichment stage after articles are stored.

pub mod enrich;
pub mod ner;
