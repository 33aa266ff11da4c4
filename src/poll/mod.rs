//! Fetching and parsing feeds: HTTP with caps and timeouts ([`http`]),
//! charset detection ([`charset`]), feed parsing ([`parse`]), HTML → clean
//! text ([`html`]) and the concurrent poll that writes to the store ([`run`]).

pub mod charset;
pub mod error;
pub mod html;
pub mod http;
pub mod parse;

pub use error::PollError;
