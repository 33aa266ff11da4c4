//! The one error type of the poller: every variant's message names the
//! cause precisely, because it is stored on the feed and shown to the user.

use chrono::{DateTime, Utc};

/// Why fetching or parsing one feed failed.
#[derive(Debug, thiserror::Error)]
pub enum PollError {
    /// The URL is not an absolute http(s) URL.
    #[error("bad URL {url}: {reason}")]
    BadUrl {
        /// The offending URL (as given).
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The server answered with a non-success status.
    #[error("HTTP {status} {reason}")]
    Status {
        /// The HTTP status code.
        status: u16,
        /// Its canonical reason phrase.
        reason: String,
        /// When the server asked us to come back (429/503 with Retry-After).
        retry_after: Option<DateTime<Utc>>,
    },
    /// The request did not complete within the timeout.
    #[error("timed out after {} s", .0.as_secs())]
    Timeout(std::time::Duration),
    /// Redirects came back to a URL already visited.
    #[error("redirect loop at {0}")]
    RedirectLoop(String),
    /// More redirects than allowed.
    #[error("too many redirects (more than {0})")]
    TooManyRedirects(u32),
    /// A redirect without a usable Location, or to a non-http(s) URL.
    #[error("bad redirect: {0}")]
    BadRedirect(String),
    /// The body (or its decompressed form) is larger than the cap.
    #[error("feed larger than {}", human_size(*.0))]
    TooLarge(u64),
    /// The server refused the connection.
    #[error("connection refused")]
    ConnectionRefused,
    /// The host name does not resolve.
    #[error("host not found")]
    HostNotFound,
    /// Any other network or protocol failure.
    #[error("network error: {0}")]
    Network(String),
    /// The body could not be decompressed.
    #[error("bad {encoding} body: {message}")]
    Decompress {
        /// The content encoding (gzip, deflate).
        encoding: String,
        /// The decoder's complaint.
        message: String,
    },
    /// The document is not a feed (an HTML page, an unknown root...).
    #[error("not a feed: {0}")]
    NotAFeed(String),
    /// The XML carries a DOCTYPE / ENTITY declaration (refused: entity
    /// expansion bombs and external entities).
    #[error(
        "refused XML with a DOCTYPE/ENTITY declaration (entity expansion or external entity risk)"
    )]
    Doctype,
    /// Elements nested deeper than the parser allows.
    #[error("XML nested deeper than {0} levels")]
    TooDeep(usize),
    /// Malformed XML, with a position when one is known.
    #[error("XML parse error at line {line} column {column}: {message}")]
    Xml {
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Malformed JSON Feed.
    #[error("JSON parse error at line {line} column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// feed-rs rejected the document for another reason.
    #[error("feed parse error: {0}")]
    Parse(String),
    /// Storing the result failed (the message comes from the store).
    #[error("store error: {0}")]
    Store(String),
}

impl PollError {
    /// When the server asked to be left alone until (Retry-After), if it did.
    pub fn retry_after(&self) -> Option<DateTime<Utc>> {
        match self {
            PollError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// "10 MB", "512 KB", "300 bytes": sizes in error messages.
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}
