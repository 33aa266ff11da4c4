//! A small threaded HTTP/1.1 server on 127.0.0.1 for the hostile suite.
//!
//! Unlike `tests/common`, a route here is a closure called on every hit,
//! so a test can serve a feed that changes between polls, or a raw body
//! with any headers (a pre-compressed gzip bomb), or an endless drip.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What one hit answers.
pub enum Reply {
    /// Status, headers and the whole body with a Content-Length.
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// 200 with headers, then `chunk` forever every `every`, never ending
    /// (until the client goes away or the server stops): a slowloris.
    Drip {
        headers: Vec<(String, String)>,
        chunk: Vec<u8>,
        every: Duration,
    },
}

impl Reply {
    /// 200 with a content type.
    pub fn ok(body: impl Into<Vec<u8>>, ctype: &str) -> Reply {
        Reply::Full {
            status: 200,
            headers: vec![("Content-Type".into(), ctype.into())],
            body: body.into(),
        }
    }
}

type Handler = Arc<dyn Fn(usize) -> Reply + Send + Sync>;

#[derive(Default)]
struct Routes {
    handlers: HashMap<String, Handler>,
    hits: HashMap<String, usize>,
}

/// The server; stops accepting (and stops drips) when dropped.
pub struct Server {
    port: u16,
    routes: Arc<Mutex<Routes>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Binds 127.0.0.1 on a free port and serves in background threads.
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local addr").port();
        let routes: Arc<Mutex<Routes>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (r, s) = (routes.clone(), stop.clone());
        thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (r, s) = (r.clone(), s.clone());
                thread::spawn(move || serve(conn, &r, &s));
            }
        });
        Server { port, routes, stop }
    }

    /// Full URL of a path on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Sets (or replaces) the handler of a path; it gets the 0-based hit number.
    pub fn route(&self, path: &str, f: impl Fn(usize) -> Reply + Send + Sync + 'static) {
        self.routes
            .lock()
            .expect("routes lock")
            .handlers
            .insert(path.to_owned(), Arc::new(f));
    }

    /// A fixed body at a path.
    pub fn fixed(&self, path: &str, body: impl Into<Vec<u8>>, ctype: &str) {
        let body: Vec<u8> = body.into();
        let ctype = ctype.to_owned();
        self.route(path, move |_| Reply::ok(body.clone(), &ctype));
    }

    /// How many requests reached a path.
    pub fn hits(&self, path: &str) -> usize {
        let routes = self.routes.lock().expect("routes lock");
        routes.hits.get(path).copied().unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(mut conn: TcpStream, routes: &Mutex<Routes>, stop: &AtomicBool) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let mut buf = Vec::new();
    let mut byte = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match conn.read(&mut byte) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&byte[..n]),
        }
        if buf.len() > 64 * 1024 {
            return;
        }
    }
    let head = String::from_utf8_lossy(&buf);
    let path = head
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .split('?')
        .next()
        .unwrap_or("/")
        .to_owned();
    let handler = {
        let mut r = routes.lock().expect("routes lock");
        let n = r.hits.entry(path.clone()).or_insert(0);
        let hit = *n;
        *n += 1;
        r.handlers.get(&path).cloned().map(|h| (h, hit))
    };
    let reply = match handler {
        Some((h, hit)) => h(hit),
        None => Reply::Full {
            status: 404,
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: b"not found\n".to_vec(),
        },
    };
    match reply {
        Reply::Full {
            status,
            headers,
            body,
        } => {
            let mut out = format!("HTTP/1.1 {status} X\r\nConnection: close\r\n");
            for (k, v) in headers {
                out.push_str(&format!("{k}: {v}\r\n"));
            }
            out.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
            if conn.write_all(out.as_bytes()).is_ok() {
                let _ = conn.write_all(&body);
            }
        }
        Reply::Drip {
            headers,
            chunk,
            every,
        } => {
            let mut out = "HTTP/1.1 200 OK\r\nConnection: close\r\n".to_string();
            for (k, v) in headers {
                out.push_str(&format!("{k}: {v}\r\n"));
            }
            out.push_str("\r\n");
            if conn.write_all(out.as_bytes()).is_err() {
                return;
            }
            // At most 10 minutes, so a test that goes wrong cannot leak a
            // thread forever.
            for _ in 0..(600_000 / every.as_millis().max(1)) {
                if stop.load(Ordering::Relaxed) || conn.write_all(&chunk).is_err() {
                    return;
                }
                let _ = conn.flush();
                thread::sleep(every);
            }
        }
    }
    let _ = conn.flush();
    let _ = conn.shutdown(std::net::Shutdown::Write);
}
