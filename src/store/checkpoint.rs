//! Copying the write-ahead log back into the database on a thread of its
//! own during a long write (a poll), instead of inside the writer's commits.
//!
//! SQLite normally checkpoints in the commit that crosses the WAL size
//! limit, on the writing thread: a fifth of a cold poll's writer time. A
//! passive checkpoint on a second connection never blocks the writer, so
//! the work moves to the other core.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{BUSY_TIMEOUT, Store};

/// How often the background connection checkpoints.
const INTERVAL: Duration = Duration::from_millis(25);

/// SQLite's default page cache (KiB), the least a long write gets.
const CACHE_MIN_KIB: i64 = 2_000;

/// The most page cache (KiB) a long write gets.
const CACHE_MAX_KIB: i64 = 16 * 1024;

/// SQLite's default WAL size (pages) at which a commit checkpoints.
const DEFAULT_AUTOCHECKPOINT: i64 = 1000;

/// Checkpoints in the background while alive; dropping it stops the thread
/// and gives checkpointing back to the store's own commits.
pub struct BackgroundCheckpoint<'a> {
    store: &'a Store,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Store {
    /// Starts checkpointing on a second connection for the duration of a
    /// long write. `None` when that connection cannot be opened: the store
    /// then simply keeps checkpointing in its commits.
    pub fn checkpoint_in_background(&self) -> Option<BackgroundCheckpoint<'_>> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        conn.busy_timeout(BUSY_TIMEOUT).ok()?;
        self.conn
            .pragma_update(None, "wal_autocheckpoint", 0)
            .ok()?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("akhbar-checkpoint".into())
            .spawn(move || {
                while !flag.load(Ordering::Relaxed) {
                    std::thread::sleep(INTERVAL);
                    // A failed passive checkpoint leaves the frames in the
                    // WAL for the next one (or the store's close): nothing
                    // to report.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            });
        match thread {
            Ok(thread) => Some(BackgroundCheckpoint {
                store: self,
                stop,
                thread: Some(thread),
            }),
            Err(_) => {
                self.restore_autocheckpoint();
                None
            }
        }
    }

    /// Sizes this connection's page cache to the database during a long
    /// write. The pages a bulk write touches at random, the index leaves,
    /// are about 2% of the file and grow with it; with SQLite's default
    /// 2 MB cache every miss is a read from the OS, so a cold poll of
    /// 100,000 articles made nine times the reads of one of 20,000. A
    /// thirty-second of the file, between 2 and 16 MB, set again after each
    /// write as the file grows: small stores keep about the default (and
    /// the poll's small footprint).
    pub fn fit_cache_to_database(&self) {
        let bytes: Option<i64> = self
            .conn
            .query_row(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
                [],
                |r| r.get(0),
            )
            .ok();
        let kib = (bytes.unwrap_or(0) / 32 / 1024).clamp(CACHE_MIN_KIB, CACHE_MAX_KIB);
        // A failure leaves the default cache: slower, never wrong.
        let _ = self.conn.pragma_update(None, "cache_size", -kib);
    }

    /// Gives checkpointing back to the commits.
    fn restore_autocheckpoint(&self) {
        // Failing here leaves a larger WAL until the store closes, which
        // checkpoints it; the data is safe either way.
        let _ = self
            .conn
            .pragma_update(None, "wal_autocheckpoint", DEFAULT_AUTOCHECKPOINT);
    }
}

impl Drop for BackgroundCheckpoint<'_> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.store.restore_autocheckpoint();
    }
}
