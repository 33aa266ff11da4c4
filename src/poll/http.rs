//! The HTTP side of polling: one [`Fetcher`] (a ureq agent, shareable
//! between threads) that enforces a total timeout per feed (slow endless
//! bodies included), follows at most a few redirects itself (loops and
//! non-http(s) targets are errors), caps the body size while reading and
//! the decoded size while inflating gzip/deflate, and sends conditional
//! GETs so an unchanged feed costs one 304.

use super::PollError;
use crate::text::sanitize::strip_controls;
use chrono::{DateTime, Utc};
use std::io::Read;
use std::time::{Duration, Instant};
use ureq::http::{StatusCode, header};
use url::Url;

/// The User-Agent sent with every request.
pub const USER_AGENT: &str = concat!(
    "akhbar/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/akhbar-reader/akhbar)"
);

/// Limits applied to every fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchOptions {
    /// Total time for one feed: connection, redirects and the whole body.
    pub timeout: Duration,
    /// Time allowed to establish a connection.
    pub connect_timeout: Duration,
    /// Largest body accepted, before and after decompression.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// The validators of the last successful fetch, sent back for a 304.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Validators<'a> {
    /// The `ETag` the server gave last time.
    pub etag: Option<&'a str>,
    /// The `Last-Modified` the server gave last time.
    pub last_modified: Option<&'a str>,
}

/// What one fetch produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchOutcome {
    /// A new body (decompressed) with the headers the poller needs.
    Fetched {
        /// The body, at most `max_bytes`.
        bytes: Vec<u8>,
        /// The `Content-Type` header, if any.
        content_type: Option<String>,
        /// The new `ETag`, if any.
        etag: Option<String>,
        /// The new `Last-Modified`, if any.
        last_modified: Option<String>,
        /// The URL after redirects (base for relative links).
        final_url: String,
    },
    /// 304: the feed has not changed since the validators were issued.
    NotModified,
}

/// A reusable, thread-safe HTTP client for feeds.
#[derive(Debug, Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    opts: FetchOptions,
}

impl Fetcher {
    /// Builds a client with these limits.
    pub fn new(opts: FetchOptions) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(USER_AGENT)
            .accept(
                "application/rss+xml, application/atom+xml, application/feed+json, \
                 application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
            )
            .accept_encoding("gzip, deflate")
            .timeout_connect(Some(opts.connect_timeout))
            .max_idle_connections_per_host(8)
            .build()
            .new_agent();
        Fetcher { agent, opts }
    }

    /// The limits this client applies.
    pub fn options(&self) -> &FetchOptions {
        &self.opts
    }

    /// Fetches `url`, conditionally when validators are given.
    pub fn fetch(&self, url: &str, validators: Validators<'_>) -> Result<FetchOutcome, PollError> {
        let start = Instant::now();
        let deadline = start + self.opts.timeout;
        let mut current = parse_http_url(url)?;
        let mut visited = vec![current.clone()];
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(PollError::Timeout(self.opts.timeout));
            }
            let mut request = self.agent.get(current.as_str());
            if let Some(etag) = validators.etag {
                request = request.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = validators.last_modified {
                request = request.header(header::IF_MODIFIED_SINCE, lm);
            }
            let response = request
                .config()
                .timeout_global(Some(remaining))
                .build()
                .call()
                .map_err(|e| self.map_error(e))?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                let location =
                    header_str(response.headers(), header::LOCATION).ok_or_else(|| {
                        PollError::BadRedirect(format!("HTTP {} without Location", status.as_u16()))
                    })?;
                let next = current
                    .join(&location)
                    .map_err(|e| PollError::BadRedirect(format!("{location}: {e}")))?;
                if !matches!(next.scheme(), "http" | "https") {
                    return Err(PollError::BadRedirect(format!(
                        "to a non-http(s) URL ({})",
                        next.scheme()
                    )));
                }
                if visited.contains(&next) {
                    return Err(PollError::RedirectLoop(next.to_string()));
                }
                if visited.len() > self.opts.max_redirects as usize {
                    return Err(PollError::TooManyRedirects(self.opts.max_redirects));
                }
                visited.push(next.clone());
                current = next;
                continue;
            }
            if status == StatusCode::NOT_MODIFIED {
                return Ok(FetchOutcome::NotModified);
            }
            if !status.is_success() {
                let retry_after = header_str(response.headers(), header::RETRY_AFTER)
                    .and_then(|v| parse_retry_after(&v, Utc::now()));
                return Err(PollError::Status {
                    status: status.as_u16(),
                    reason: status.canonical_reason().unwrap_or("").to_owned(),
                    retry_after,
                });
            }
            let headers = response.headers();
            let content_type = header_str(headers, header::CONTENT_TYPE);
            let etag = header_str(headers, header::ETAG);
            let last_modified = header_str(headers, header::LAST_MODIFIED);
            let encoding = header_str(headers, header::CONTENT_ENCODING)
                .map(|e| e.trim().to_ascii_lowercase())
                .unwrap_or_default();
            let declared_len = headers
                .get(header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok());
            if declared_len.is_some_and(|n| n > self.opts.max_bytes) {
                return Err(PollError::TooLarge(self.opts.max_bytes));
            }
            let reader = response.into_body().into_reader();
            let raw = self.read_capped(reader, deadline)?;
            let bytes = self.decode_body(raw, &encoding)?;
            return Ok(FetchOutcome::Fetched {
                bytes,
                content_type,
                etag,
                last_modified,
                final_url: current.to_string(),
            });
        }
    }

    /// Reads at most `max_bytes` (one more byte means "too large").
    fn read_capped(&self, mut reader: impl Read, deadline: Instant) -> Result<Vec<u8>, PollError> {
        let cap = self.opts.max_bytes;
        let mut out = Vec::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            if Instant::now() > deadline {
                return Err(PollError::Timeout(self.opts.timeout));
            }
            let n = match reader.read(&mut buf) {
                Ok(0) => return Ok(out),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.map_error(ureq::Error::from(e))),
            };
            if out.len() as u64 + n as u64 > cap {
                return Err(PollError::TooLarge(cap));
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    /// Inflates gzip/deflate bodies, stopping as soon as the decoded size
    /// passes the cap (a gzip bomb costs at most `max_bytes` of memory).
    fn decode_body(&self, raw: Vec<u8>, encoding: &str) -> Result<Vec<u8>, PollError> {
        match encoding {
            "" | "identity" => Ok(raw),
            "gzip" | "x-gzip" => {
                self.inflate(flate2::read::MultiGzDecoder::new(raw.as_slice()), "gzip")
            }
            "deflate" => {
                // RFC 9110 says zlib; some servers send raw deflate.
                if raw.first().is_some_and(|b| b & 0x0f == 8) {
                    self.inflate(flate2::read::ZlibDecoder::new(raw.as_slice()), "deflate")
                } else {
                    self.inflate(flate2::read::DeflateDecoder::new(raw.as_slice()), "deflate")
                }
            }
            other => Err(PollError::Decompress {
                encoding: strip_controls(other),
                message: "unsupported content encoding".into(),
            }),
        }
    }

    fn inflate(&self, decoder: impl Read, name: &str) -> Result<Vec<u8>, PollError> {
        let cap = self.opts.max_bytes;
        let mut out = Vec::new();
        decoder
            .take(cap + 1)
            .read_to_end(&mut out)
            .map_err(|e| PollError::Decompress {
                encoding: name.into(),
                message: e.to_string(),
            })?;
        if out.len() as u64 > cap {
            return Err(PollError::TooLarge(cap));
        }
        Ok(out)
    }

    fn map_error(&self, e: ureq::Error) -> PollError {
        match e {
            ureq::Error::Timeout(_) => PollError::Timeout(self.opts.timeout),
            ureq::Error::HostNotFound => PollError::HostNotFound,
            ureq::Error::BodyExceedsLimit(_) => PollError::TooLarge(self.opts.max_bytes),
            ureq::Error::Io(io) => match io.kind() {
                std::io::ErrorKind::ConnectionRefused => PollError::ConnectionRefused,
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                    PollError::Timeout(self.opts.timeout)
                }
                std::io::ErrorKind::UnexpectedEof => {
                    PollError::Network("connection closed before the end of the body".into())
                }
                _ => PollError::Network(strip_controls(&io.to_string())),
            },
            other => PollError::Network(strip_controls(&other.to_string())),
        }
    }
}

fn parse_http_url(url: &str) -> Result<Url, PollError> {
    let parsed = Url::parse(url.trim()).map_err(|e| PollError::BadUrl {
        url: strip_controls(url),
        reason: e.to_string(),
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(PollError::BadUrl {
            url: strip_controls(url),
            reason: format!("scheme {} is not http or https", parsed.scheme()),
        });
    }
    Ok(parsed)
}

fn header_str(headers: &ureq::http::HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|v| strip_controls(v.trim()))
        .filter(|v| !v.is_empty() && v.len() <= 1024)
}

/// Parses a `Retry-After` value (delay in seconds, or an HTTP date) into
/// an instant, capped at one week from `now`.
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let value = value.trim();
    let week = chrono::Duration::days(7);
    let at = if let Ok(secs) = value.parse::<u64>() {
        now + chrono::Duration::seconds(i64::try_from(secs.min(604_800)).ok()?)
    } else {
        DateTime::parse_from_rfc2822(value)
            .ok()?
            .with_timezone(&Utc)
    };
    Some(at.clamp(now, now + week))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .map(|d| d.with_timezone(&Utc))
            .ok();
        let Some(now) = now else {
            panic!("bad test date")
        };
        assert_eq!(
            parse_retry_after("120", now),
            Some(now + chrono::Duration::seconds(120))
        );
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 2026 01:00:00 GMT", now),
            Some(now + chrono::Duration::hours(1))
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
