//! Fetching a page and extracting its article: the poller's fetcher (same
//! timeouts, size cap, bounded redirects, http(s) only) and charset
//! decoding (windows-1256 pages included) in front of the extractor.

use crate::fulltext::extract::{ExtractError, Extracted, extract_article};
use crate::poll::PollError;
use crate::poll::charset::decode_html;
use crate::poll::http::{FetchOutcome, Fetcher, Validators};

/// Why the full text of an article could not be had.
#[derive(Debug, thiserror::Error)]
pub enum FullTextError {
    /// The page could not be fetched (bad URL, HTTP status, timeout,
    /// too large...).
    #[error("fetching the page failed: {0}")]
    Fetch(#[from] PollError),
    /// The server answered 304 to an unconditional request.
    #[error("the server sent no page (304 Not Modified)")]
    NotModified,
    /// The page was fetched but holds no article text.
    #[error(transparent)]
    Extract(#[from] ExtractError),
}

/// Fetches `url` and extracts its article. Links in the text are resolved
/// against the URL reached after redirects.
pub fn fetch_article_text(fetcher: &Fetcher, url: &str) -> Result<Extracted, FullTextError> {
    match fetcher.fetch(url, Validators::default())? {
        FetchOutcome::Fetched {
            bytes,
            content_type,
            final_url,
            ..
        } => {
            let html = decode_html(&bytes, content_type.as_deref());
            Ok(extract_article(&html, Some(&final_url))?)
        }
        FetchOutcome::NotModified => Err(FullTextError::NotModified),
    }
}
