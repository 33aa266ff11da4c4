//! Full article text: the whole article from its web page, without the
//! menus, share bars, "read also" boxes and comment threads around it.
//!
//! Many feeds (Arabic ones especially) carry only a headline and a
//! sentence. `extract` is a pure readability-style extractor working on a
//! decoded HTML string; `fetch` wires the poller's fetcher and charset
//! decoding in front of it.

pub mod eval;
pub mod extract;
pub mod fetch;
pub mod run;
