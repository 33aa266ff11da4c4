//! akhbar: a terminal news reader that shows Arabic, Persian and Hebrew
//! correctly in terminals that do no bidi and no shaping.
//!
//! Data flows one way: `poll` (fetch, decode, parse) → `store` (SQLite, the
//! only SQL) → `text` (pure layout and normalisation) and `intel` (entities,
//! related stories) → `ui` (the TUI) and `cli` (headless commands).

pub mod cli;
pub mod config;
pub mod intel;
pub mod model;
pub mod opml;
pub mod paths;
pub mod poll;
pub mod store;
pub mod text;
pub mod ui;
