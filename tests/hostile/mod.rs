//! Shared helpers of the hostile suite (`tests/hostile_*.rs`): a sandbox
//! with its own database, config and HOME, a runner for the real `akhbar`
//! binary (optionally under `/usr/bin/time` to get the peak RSS), feed
//! builders and the "nothing control-like reached the terminal" check.
#![allow(dead_code)] // each test file uses a different subset

pub mod fuzz;
pub mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A temp dir holding one database, an empty config and a fake HOME, so
/// no test touches the user's files.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub config: PathBuf,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("akhbar.db");
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "").expect("write empty config");
        Sandbox { dir, db, config }
    }

    /// A command for the real binary, pointed at this sandbox.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_akhbar"));
        self.prepare(&mut c);
        c.args(args);
        c
    }

    fn prepare(&self, c: &mut Command) {
        let home = self.dir.path().join("home");
        c.arg("--db")
            .arg(&self.db)
            .arg("--config")
            .arg(&self.config)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env_remove("AKHBAR_DB")
            .env_remove("AKHBAR_CONFIG")
            .env("NO_COLOR", "1")
            .env("RUST_BACKTRACE", "0")
            .stdin(Stdio::null());
    }

    /// Runs and returns the output (any exit status).
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("spawn akhbar")
    }

    /// Runs, asserts success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "akhbar {args:?} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs under `/usr/bin/time -f %M` and returns the output, the peak
    /// resident set size of the akhbar process in KiB, and the wall time.
    /// Panics (after killing the whole process group) when the command is
    /// still running after `deadline`.
    pub fn measured(&self, args: &[&str], deadline: Duration) -> (Output, u64, Duration) {
        use std::os::unix::process::CommandExt;
        let rss_file = self.dir.path().join("rss.txt");
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(&rss_file)
            .arg(env!("CARGO_BIN_EXE_akhbar"));
        self.prepare(&mut c);
        c.args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let start = Instant::now();
        let child = c.spawn().expect("spawn /usr/bin/time akhbar");
        let pid = child.id();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(child.wait_with_output());
        });
        let out = match rx.recv_timeout(deadline) {
            Ok(out) => out.expect("wait for akhbar"),
            Err(_) => {
                let _ = Command::new("kill")
                    .arg("-KILL")
                    .arg(format!("-{pid}"))
                    .status();
                panic!("akhbar {args:?} still running after {deadline:?}: killed");
            }
        };
        let took = start.elapsed();
        let text = std::fs::read_to_string(&rss_file).expect("read /usr/bin/time output");
        let kib = text
            .lines()
            .filter_map(|l| l.trim().parse::<u64>().ok())
            .next_back()
            .unwrap_or_else(|| panic!("no RSS figure in {text:?}"));
        (out, kib, took)
    }

    /// Opens the database directly (read side of the assertions).
    pub fn sql(&self) -> rusqlite::Connection {
        let c = rusqlite::Connection::open(&self.db).expect("open db with rusqlite");
        c.busy_timeout(Duration::from_secs(10))
            .expect("busy timeout");
        c
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.sql()
            .query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Subscribes to every URL in one `akhbar import` of a newsboat urls file.
    pub fn subscribe(&self, urls: &[String]) {
        let list = self.dir.path().join("urls");
        std::fs::write(&list, urls.join("\n") + "\n").expect("write urls file");
        self.ok(&["import", list.to_str().expect("utf-8 path")]);
        let n = self.count("SELECT count(*) FROM feeds");
        assert_eq!(n as usize, urls.len(), "all feeds subscribed");
    }

    /// `list --json` parsed.
    pub fn list_json(&self, extra: &[&str]) -> Vec<serde_json::Value> {
        let mut args = vec!["list", "--json", "--limit", "100000"];
        args.extend_from_slice(extra);
        let out = self.ok(&args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("list --json: {e}: {out}"))
    }

    /// Total bytes of the database and its WAL/SHM files.
    pub fn db_bytes(&self) -> u64 {
        ["", "-wal", "-shm"]
            .iter()
            .filter_map(|s| {
                let mut p = self.db.clone().into_os_string();
                p.push(s);
                std::fs::metadata(PathBuf::from(p)).ok()
            })
            .map(|m| m.len())
            .sum()
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Describes every control-like character in `s` that must never reach a
/// terminal raw: ESC, every other C0 control except '\n' (and '\t' when
/// `allow_tab`), DEL, C1 (U+0080–U+009F), and — when `bidi` — the bidi
/// embedding/override/isolate controls.
pub fn hostile_chars(s: &str, allow_tab: bool, bidi: bool) -> Vec<String> {
    s.char_indices()
        .filter(|&(_, c)| {
            let cp = c as u32;
            (cp < 0x20 && c != '\n' && !(allow_tab && c == '\t'))
                || cp == 0x7f
                || (0x80..=0x9f).contains(&cp)
                || (bidi
                    && (matches!(cp, 0x202a..=0x202e | 0x2066..=0x2069)
                        || matches!(cp, 0x200e | 0x200f | 0x061c)))
        })
        .map(|(i, c)| {
            let from = s[..i]
                .char_indices()
                .rev()
                .nth(20)
                .map(|(j, _)| j)
                .unwrap_or(0);
            format!("U+{:04X} after {:?}", c as u32, &s[from..i])
        })
        .collect()
}

/// Asserts raw terminal output holds nothing control-like (invalid UTF-8
/// counts as hostile too: a raw 0x9b byte is a C1 CSI for some terminals).
pub fn assert_terminal_clean(label: &str, bytes: &[u8], bidi: bool) {
    let s =
        std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{label}: output is not UTF-8 ({e})"));
    let bad = hostile_chars(s, false, bidi);
    assert!(
        bad.is_empty(),
        "{label}: {} control-like characters reached the output: {:?}",
        bad.len(),
        &bad[..bad.len().min(10)]
    );
}

/// Every string inside a JSON value (keys too).
pub fn json_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_strings(x, out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            json_strings(x, out)
        }),
        _ => {}
    }
}

/// Escapes text for XML element content / attributes.
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One item of a generated feed.
pub struct Item {
    pub guid: String,
    pub title: String,
    pub link: String,
    pub body: String,
}

/// An RSS 2.0 document (all fields XML-escaped here).
pub fn rss(title: &str, items: &[Item]) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{}</title><link>http://example.com/</link><description>d</description>\n",
        xml_escape(title)
    );
    for (n, it) in items.iter().enumerate() {
        s.push_str(&format!(
            "<item><guid isPermaLink=\"false\">{}</guid><title>{}</title><link>{}</link><pubDate>{}</pubDate><description>{}</description></item>\n",
            xml_escape(&it.guid),
            xml_escape(&it.title),
            xml_escape(&it.link),
            rfc2822(n),
            xml_escape(&it.body)
        ));
    }
    s.push_str("</channel></rss>\n");
    s
}

/// A fixed date, `n` minutes before 2026-01-01 noon, in RFC 2822.
pub fn rfc2822(n: usize) -> String {
    let t = chrono::DateTime::parse_from_rfc3339("2026-01-01T12:00:00Z")
        .expect("fixed date")
        .with_timezone(&chrono::Utc)
        - chrono::Duration::minutes(n as i64);
    t.to_rfc2822()
}

/// Waits for a child with a deadline; kills it (and fails) when exceeded.
pub fn wait_deadline(child: &mut std::process::Child, limit: Duration, label: &str) {
    let start = Instant::now();
    loop {
        if let Some(_st) = child.try_wait().expect("try_wait") {
            return;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{label}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `integrity_check` through rusqlite.
pub fn integrity(conn: &rusqlite::Connection) -> String {
    let mut stmt = conn.prepare("PRAGMA integrity_check").expect("prepare");
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("integrity_check")
        .collect::<Result<_, _>>()
        .expect("integrity rows");
    lines.join("\n")
}
