//! Hostile suite, item 6: corrupted, read-only and full disks.
//!
//! Protections checked (store `Store::open`, `check_header`, `check_owner`,
//! `StoreError::{NotAkhbarDatabase, ReadOnly, Sqlite}` and the CLI's
//! one-line errors):
//! - a garbage file, a truncated real database and a database with pages
//!   overwritten: every command exits non-zero with a one-line message that
//!   names the file, never panics, and the file is byte-identical after;
//! - read-only: tests run as root, which ignores file modes, so the file is
//!   made immutable with `chattr +i`, and a whole directory is made
//!   read-only by remounting a tmpfs `ro`: writes fail with a clear message,
//!   nothing is lost;
//! - disk full: the database on a small tmpfs, filled up: the poll reports
//!   the failure, earlier data and state survive, and after space is freed
//!   a poll succeeds.
//!
//! Mount-based cases print a clear SKIP line when mounting is impossible
//! (not root, no CAP_SYS_ADMIN); chattr likewise.

mod hostile;

use std::path::{Path, PathBuf};
use std::process::Command;

use hostile::server::Server;
use hostile::{Item, Sandbox, integrity, rss};

fn items(n: usize, tag: &str) -> Vec<Item> {
    (0..n)
        .map(|i| Item {
            guid: format!("{tag}-{i}"),
            title: format!("disk test {tag} {i}"),
            link: format!("http://example.com/{tag}/{i}"),
            body: format!("<p>{}</p>", format!("Body {i} of {tag}. نص. ").repeat(40)),
        })
        .collect()
}

/// A sandbox with a real database holding one polled feed of 30 items.
fn populated(server: &Server) -> Sandbox {
    server.fixed(
        "/d.xml",
        rss("Disk", &items(30, "a")),
        "application/rss+xml",
    );
    let sb = Sandbox::new();
    sb.subscribe(&[server.url("/d.xml")]);
    sb.ok(&["poll", "--no-enrich"]);
    assert_eq!(sb.list_json(&[]).len(), 30);
    sb
}

/// Checkpoints the WAL into the main file so it is self-contained.
fn checkpoint(db: &Path) {
    let c = rusqlite::Connection::open(db).expect("open");
    c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
        .expect("checkpoint");
}

/// Runs the commands on a damaged file: each must fail cleanly and leave
/// the file as it was.
fn assert_refused(sb: &Sandbox, what: &str) {
    let before = std::fs::read(&sb.db).expect("read db");
    let db_name = sb
        .db
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let cmds: &[&[&str]] = &[
        &["list"],
        &["list", "--count"],
        &["feeds"],
        &["add", "http://example.com/new.xml"],
        &["poll", "--no-enrich"],
        &["mark-read", "1"],
        &["tag", "1", "x"],
        &["search", "disk"],
    ];
    for args in cmds {
        let out = sb.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success(),
            "{what}: akhbar {args:?} succeeded on a damaged database: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
            "{what}: akhbar {args:?} panicked: {stderr}"
        );
        assert!(
            stderr.contains(&db_name),
            "{what}: akhbar {args:?}: the message names the file: {stderr}"
        );
        assert!(
            stderr.trim().lines().count() <= 3,
            "{what}: akhbar {args:?}: a short message, not a dump: {stderr}"
        );
        let after = std::fs::read(&sb.db).expect("read db");
        assert!(
            before == after,
            "{what}: akhbar {args:?} modified the damaged file"
        );
    }
    println!(
        "{what}: refused cleanly by {} commands, file unchanged",
        cmds.len()
    );
}

#[test]
fn garbage_file_is_refused_untouched() {
    let sb = Sandbox::new();
    let garbage: Vec<u8> = (0..64 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&sb.db, &garbage).expect("write garbage");
    assert_refused(&sb, "garbage file");
    // A text file that merely starts like a database name.
    std::fs::write(&sb.db, "SQLite format 2\0 this is not a database").expect("write");
    assert_refused(&sb, "fake header");
}

#[test]
fn truncated_database_is_refused_untouched() {
    let server = Server::start();
    let sb = populated(&server);
    checkpoint(&sb.db);
    let full = std::fs::read(&sb.db).expect("read");
    assert!(full.len() > 8 * 4096, "database large enough to truncate");
    std::fs::write(&sb.db, &full[..full.len() / 3]).expect("truncate");
    assert_refused(&sb, "truncated database");
}

#[test]
fn overwritten_pages_are_refused_untouched() {
    let server = Server::start();
    let sb = populated(&server);
    checkpoint(&sb.db);
    let mut bytes = std::fs::read(&sb.db).expect("read");
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let page = if page == 1 { 65536 } else { page };
    // Pages 2 .. end: every b-tree below sqlite_master is garbage.
    for (i, b) in bytes[page..].iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(31) ^ 0xa5;
    }
    std::fs::write(&sb.db, &bytes).expect("overwrite");
    assert_refused(&sb, "overwritten pages");
}

/// `chattr +i` works for root, unlike chmod.
fn chattr(path: &Path, flag: &str) -> bool {
    Command::new("chattr")
        .arg(flag)
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn immutable_database_file_gives_a_clear_message() {
    let server = Server::start();
    let sb = populated(&server);
    checkpoint(&sb.db);
    sb.ok(&["mark-read", "1"]);
    checkpoint(&sb.db);
    if !chattr(&sb.db, "+i") {
        println!("SKIP immutable_database_file: chattr +i is not possible here");
        return;
    }
    let before = std::fs::read(&sb.db).expect("read");
    let mut outputs = Vec::new();
    for args in [
        &["mark-read", "2"][..],
        &["tag", "3", "x"],
        &["poll", "--no-enrich"],
    ] {
        outputs.push((args, sb.run(args)));
    }
    let after = std::fs::read(&sb.db).expect("read");
    assert!(chattr(&sb.db, "-i"), "chattr -i");
    for (args, out) in outputs {
        let stderr = String::from_utf8_lossy(&out.stderr).to_lowercase();
        assert!(
            !out.status.success(),
            "akhbar {args:?} on an immutable file succeeded"
        );
        assert!(
            stderr.contains("read-only")
                || stderr.contains("readonly")
                || stderr.contains("permission"),
            "akhbar {args:?}: message says why: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "akhbar {args:?} panicked");
    }
    assert!(before == after, "the immutable file is unchanged");
    assert_eq!(integrity(&sb.sql()), "ok");
    assert_eq!(sb.count("SELECT count(*) FROM articles WHERE read = 1"), 1);
}

/// A tmpfs mounted for one test, unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().expect("mount point");
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Tmpfs { dir })
    }
    fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }
    fn remount(&self, mode: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(self.dir.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount {mode}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// A sandbox whose database lives in `dir` (e.g. on a tmpfs).
fn sandbox_in(dir: &Path) -> Sandbox {
    let mut sb = Sandbox::new();
    sb.db = dir.join("akhbar.db");
    sb
}

#[test]
fn read_only_directory_gives_a_clear_message() {
    let Some(fs) = Tmpfs::mount("64m") else {
        println!("SKIP read_only_directory: cannot mount a tmpfs (needs root / CAP_SYS_ADMIN)");
        return;
    };
    let server = Server::start();
    server.fixed("/r.xml", rss("RO", &items(20, "ro")), "application/rss+xml");
    let sb = sandbox_in(&fs.path());
    sb.subscribe(&[server.url("/r.xml")]);
    sb.ok(&["poll", "--no-enrich"]);
    sb.ok(&["bookmark", "1"]);
    checkpoint(&sb.db);
    let before = std::fs::read(&sb.db).expect("read");
    fs.remount("ro");
    for args in [
        &["bookmark", "2"][..],
        &["mark-read", "3"],
        &["poll", "--no-enrich"],
    ] {
        let out = sb.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).to_lowercase();
        assert!(
            !out.status.success(),
            "akhbar {args:?} on a read-only fs succeeded"
        );
        assert!(
            stderr.contains("read-only") || stderr.contains("readonly"),
            "akhbar {args:?}: the message says read-only: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "akhbar {args:?} panicked");
    }
    fs.remount("rw");
    assert!(
        before == std::fs::read(&sb.db).expect("read"),
        "file unchanged"
    );
    assert_eq!(
        sb.count("SELECT count(*) FROM articles WHERE bookmarked = 1"),
        1
    );
    assert_eq!(sb.count("SELECT count(*) FROM articles"), 20);
}

#[test]
fn full_disk_fails_cleanly_and_recovers() {
    let Some(fs) = Tmpfs::mount("4m") else {
        println!("SKIP full_disk: cannot mount a tmpfs (needs root / CAP_SYS_ADMIN)");
        return;
    };
    let server = Server::start();
    server.fixed(
        "/small.xml",
        rss("Small", &items(10, "s")),
        "application/rss+xml",
    );
    // About 4 MB of feed, more stored: cannot fit in the 4 MB filesystem.
    server.fixed(
        "/big.xml",
        rss("Big", &items(4000, "b")),
        "application/rss+xml",
    );
    let sb = sandbox_in(&fs.path());
    sb.subscribe(&[server.url("/small.xml")]);
    sb.ok(&["poll", "--no-enrich"]);
    sb.ok(&["bookmark", "1"]);
    sb.ok(&["tag", "2", "keep"]);
    sb.ok(&["mark-read", "3"]);
    sb.ok(&["add", &server.url("/big.xml")]);

    let out = sb.run(&["poll", "--no-enrich"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("poll on a full disk: {} / {stderr}", out.status);
    assert!(
        !stderr.contains("panicked"),
        "no panic on a full disk: {stderr}"
    );
    assert!(
        stderr.to_lowercase().contains("full"),
        "the disk-full cause is reported: {stderr}"
    );
    // Everything before is intact.
    let conn = sb.sql();
    assert_eq!(integrity(&conn), "ok", "integrity after disk full");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    assert_eq!(
        count(
            "SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url LIKE '%small.xml'"
        ),
        10
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url LIKE '%big.xml'"
        ) % 4000,
        0,
        "the big feed is stored all or nothing"
    );
    assert_eq!(
        count("SELECT count(*) FROM articles WHERE bookmarked = 1"),
        1
    );
    assert_eq!(count("SELECT count(*) FROM article_tags"), 1);
    assert_eq!(count("SELECT count(*) FROM articles WHERE read = 1"), 1);
    drop(conn);
    // Reads still work on the full disk.
    sb.ok(&["list", "--count"]);

    // Replace the big feed with a small one: after the disk-full failure the
    // database still accepts writes.
    server.fixed(
        "/big.xml",
        rss("Big", &items(5, "b2")),
        "application/rss+xml",
    );
    let feed_id = sb.count("SELECT id FROM feeds WHERE url LIKE '%big.xml'");
    let out = sb.run(&["poll", "--no-enrich", "--feed", &feed_id.to_string()]);
    assert!(
        out.status.success(),
        "poll after disk full: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(sb.count("SELECT count(*) FROM articles") >= 15);
    assert_eq!(integrity(&sb.sql()), "ok");
}
