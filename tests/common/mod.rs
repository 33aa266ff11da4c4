//! A tiny threaded HTTP/1.1 server for integration tests (std::net only).
//!
//! ```ignore
//! mod common;
//! use common::{Route, TestServer};
//! let server = TestServer::start();
//! server.route("/feed.xml", Route::ok("<rss .../>", "application/rss+xml").etag("\"v1\""));
//! let url = server.url("/feed.xml");
//! // ... poll url ...
//! assert_eq!(server.hits("/feed.xml"), 1);
//! ```
//!
//! Every connection is served by its own thread and closed after one
//! response (`Connection: close`). Routes can be replaced while the server
//! runs. Unknown paths answer 404. A route with an ETag answers 304 when the
//! request's `If-None-Match` matches it; one with Last-Modified answers 304
//! when `If-Modified-Since` equals it.
#![allow(dead_code)] // each test file uses a different subset

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

/// How the body is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// All at once with a Content-Length.
    Normal,
    /// Headers, then `chunk` bytes of the body every `every`, repeating the
    /// body forever (a slowloris / endless response), no Content-Length.
    EndlessDrip {
        /// Bytes written per tick.
        chunk: usize,
        /// Pause between ticks.
        every: Duration,
    },
    /// Announces the full Content-Length, sends half the body, closes.
    CloseMidBody,
}

/// One canned response.
#[derive(Debug, Clone)]
pub struct Route {
    /// HTTP status code.
    pub status: u16,
    /// Extra headers (Content-Type, Location, ETag...).
    pub headers: Vec<(String, String)>,
    /// The body bytes as sent on the wire.
    pub body: Vec<u8>,
    /// Wait this long before answering at all.
    pub delay: Duration,
    /// How the body is written.
    pub delivery: Delivery,
}

impl Route {
    /// 200 with a body and a Content-Type.
    pub fn ok(body: impl Into<Vec<u8>>, content_type: &str) -> Route {
        Route {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            delivery: Delivery::Normal,
        }
    }

    /// A bare status with a short text body.
    pub fn status(status: u16) -> Route {
        Route {
            status,
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: format!("status {status}\n").into_bytes(),
            delay: Duration::ZERO,
            delivery: Delivery::Normal,
        }
    }

    /// A 302 redirect to `location` (absolute or relative).
    pub fn redirect(location: &str) -> Route {
        Route::status(302).header("Location", location)
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Route {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Adds an ETag (quoted by the caller, e.g. `"\"v1\""`); matching
    /// If-None-Match gets a 304.
    pub fn etag(self, tag: &str) -> Route {
        self.header("ETag", tag)
    }

    /// Adds a Last-Modified; an equal If-Modified-Since gets a 304.
    pub fn last_modified(self, date: &str) -> Route {
        self.header("Last-Modified", date)
    }

    /// Gzips the body and sets Content-Encoding.
    pub fn gzip(mut self) -> Route {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let done = enc.write_all(&self.body).and_then(|_| enc.finish());
        self.body = done.unwrap_or_default();
        self.header("Content-Encoding", "gzip")
    }

    /// Waits before answering.
    pub fn delay(mut self, d: Duration) -> Route {
        self.delay = d;
        self
    }

    /// Sends the body forever, `chunk` bytes every `every`.
    pub fn endless_drip(mut self, chunk: usize, every: Duration) -> Route {
        self.delivery = Delivery::EndlessDrip { chunk, every };
        self
    }

    /// Closes the connection halfway through the body.
    pub fn close_mid_body(mut self) -> Route {
        self.delivery = Delivery::CloseMidBody;
        self
    }

    fn header_value(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The request path (with query).
    pub path: String,
    /// Header names lowercased, values as sent.
    pub headers: Vec<(String, String)>,
}

impl Recorded {
    /// The value of a header (name case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct State {
    routes: HashMap<String, Route>,
    requests: Vec<Recorded>,
    /// Requests received and not yet answered (response not started), per
    /// Host header.
    active: HashMap<String, usize>,
    /// The highest value `active` reached, per Host header.
    max_active: HashMap<String, usize>,
}

/// The running server; it lives until the test process ends.
#[derive(Clone)]
pub struct TestServer {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl TestServer {
    /// Binds 127.0.0.1:0 and starts accepting in a background thread.
    pub fn start() -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let state = Arc::new(Mutex::new(State::default()));
        let accept_state = Arc::clone(&state);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&accept_state);
                thread::spawn(move || serve(stream, &state));
            }
        });
        TestServer { addr, state }
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// The server's address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Installs (or replaces) the response for `path`.
    pub fn route(&self, path: &str, route: Route) {
        lock(&self.state).routes.insert(path.into(), route);
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.state).requests.clone()
    }

    /// The most requests this server held at the same time (from arrival
    /// until the response starts).
    pub fn max_concurrent(&self) -> usize {
        lock(&self.state)
            .max_active
            .values()
            .copied()
            .max()
            .unwrap_or(0)
    }

    /// How many requests hit `path`.
    pub fn hits(&self, path: &str) -> usize {
        lock(&self.state)
            .requests
            .iter()
            .filter(|r| r.path == path)
            .count()
    }
}

fn read_head(stream: &mut TcpStream) -> Option<Recorded> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut byte).ok()?;
        if n == 0 || buf.len() > 64 * 1024 {
            return None;
        }
        buf.extend_from_slice(&byte[..n]);
    }
    let text = String::from_utf8_lossy(&buf).into_owned();
    let mut lines = text.split("\r\n");
    let path = lines.next()?.split(' ').nth(1)?.to_owned();
    let headers = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Some(Recorded { path, headers })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

fn serve(mut stream: TcpStream, state: &Mutex<State>) {
    let Some(request) = read_head(&mut stream) else {
        return;
    };
    let host = request.header("host").unwrap_or_default().to_owned();
    let route = {
        let mut st = lock(state);
        st.requests.push(request.clone());
        let active = st.active.entry(host.clone()).or_insert(0);
        *active += 1;
        let now = *active;
        let max = st.max_active.entry(host.clone()).or_insert(0);
        *max = (*max).max(now);
        st.routes.get(&request.path).cloned()
    };
    let route = route.unwrap_or_else(|| Route::status(404));
    if !route.delay.is_zero() {
        thread::sleep(route.delay);
    }
    // A request stops counting as active when its response starts: after
    // that the client may finish and send its next request at any moment.
    if let Some(n) = lock(state).active.get_mut(&host) {
        *n -= 1;
    }
    respond(&mut stream, &request, &route);
}

fn respond(stream: &mut TcpStream, request: &Recorded, route: &Route) {
    let not_modified = match (route.header_value("ETag"), request.header("if-none-match")) {
        (Some(tag), Some(sent)) => sent.split(',').any(|s| s.trim() == tag),
        _ => false,
    } || match (
        route.header_value("Last-Modified"),
        request.header("if-modified-since"),
    ) {
        (Some(lm), Some(sent)) => lm == sent,
        _ => false,
    };
    let status = if not_modified && route.status == 200 {
        304
    } else {
        route.status
    };
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nConnection: close\r\n",
        reason(status)
    );
    for (name, value) in &route.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let body: &[u8] = if status == 304 { &[] } else { &route.body };
    match route.delivery {
        Delivery::Normal => {
            head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
        Delivery::CloseMidBody => {
            head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body[..body.len() / 2]);
        }
        Delivery::EndlessDrip { chunk, every } => {
            head.push_str("\r\n");
            if stream.write_all(head.as_bytes()).is_err() || body.is_empty() {
                return;
            }
            let mut at = 0;
            loop {
                let end = (at + chunk.max(1)).min(body.len());
                if stream.write_all(&body[at..end]).is_err() {
                    return;
                }
                at = if end == body.len() { 0 } else { end };
                thread::sleep(every);
            }
        }
    }
    let _ = stream.flush();
}
