//! Write batches: several writes in one transaction, each still all or
//! nothing. A cold poll stores thousands of articles; committing them a
//! few feeds at a time writes every touched index page to the WAL again
//! at each commit, and the pages touched per commit grow with the store.

use std::cell::Cell;

use rusqlite::Connection;

use super::error::Fail;
use super::{Store, StoreError};

/// Whether a store's writes join a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BatchState {
    /// Each write is its own transaction.
    Closed,
    /// Writes are savepoints of the open batch transaction.
    Open,
    /// A failed write took the batch's transaction with it: later writes
    /// fail until the batch ends.
    Lost,
}

/// An open write batch on a [`Store`]: until [`WriteBatch::commit`], every
/// write of that store joins one `BEGIN IMMEDIATE` transaction. Nothing is
/// durable or visible to other connections before the commit; dropping
/// the batch rolls it back. Each write stays all or nothing: one that fails
/// before changing anything is simply refused, one that fails after rolls
/// back the whole batch (see [`WriteBatch::is_lost`]). Keep batches short:
/// other writers wait for them.
#[must_use = "a batch is rolled back unless committed"]
pub struct WriteBatch<'s> {
    store: &'s Store,
}

impl Store {
    /// Opens a write batch (see [`WriteBatch`]). Fails when one is already
    /// open on this store.
    pub fn begin_batch(&self) -> Result<WriteBatch<'_>, StoreError> {
        if self.batch.get() != BatchState::Closed {
            return Err(StoreError::Invalid(
                "a write batch is already open on this database".into(),
            ));
        }
        self.run(|conn| Ok(conn.execute_batch("BEGIN IMMEDIATE")?))?;
        self.batch.set(BatchState::Open);
        Ok(WriteBatch { store: self })
    }
}

impl WriteBatch<'_> {
    /// Whether a failed write rolled the batch back: later writes fail and
    /// so does the commit.
    pub fn is_lost(&self) -> bool {
        self.store.batch.get() == BatchState::Lost
    }

    /// Commits every write of the batch at once. On an error nothing of
    /// the batch is saved.
    pub fn commit(self) -> Result<(), StoreError> {
        let store = self.store;
        let state = store.batch.replace(BatchState::Closed);
        std::mem::forget(self);
        match state {
            BatchState::Open => store.run(|conn| match conn.execute_batch("COMMIT") {
                Ok(()) => Ok(()),
                Err(e) => {
                    rollback(conn);
                    Err(e.into())
                }
            }),
            BatchState::Lost | BatchState::Closed => Err(lost_at(store)),
        }
    }
}

impl Drop for WriteBatch<'_> {
    fn drop(&mut self) {
        self.store.batch.set(BatchState::Closed);
        rollback(&self.store.conn);
    }
}

/// Rolls back the open transaction, if SQLite has not already done so.
fn rollback(conn: &Connection) {
    if !conn.is_autocommit() {
        // Nothing more can be done if even the rollback fails: SQLite
        // rolls back a hot journal when the database is next opened.
        let _ = conn.execute_batch("ROLLBACK");
    }
}

/// Runs `f` inside the open batch. A failure that changed nothing (an
/// unknown feed, checked before any write) leaves the batch as it was; one
/// that already changed rows, or that SQLite answered by ending the
/// transaction (a full disk, an I/O error), rolls back the whole batch and
/// marks it lost, so nothing partial is ever committed. (Savepoints would
/// undo just `f`, but each one makes the search index write its pending
/// terms out as a new segment, which costs more than the batch saves.)
pub(super) fn in_batch<T>(
    conn: &Connection,
    state: &Cell<BatchState>,
    f: impl FnOnce(&Connection) -> Result<T, Fail>,
) -> Result<T, Fail> {
    let before = conn.total_changes();
    let out = f(conn);
    if out.is_err() && (conn.is_autocommit() || conn.total_changes() != before) {
        rollback(conn);
        state.set(BatchState::Lost);
    }
    out
}

/// The error of a write into a lost batch.
pub(super) fn lost_at(store: &Store) -> StoreError {
    StoreError::BatchLost {
        path: store.path.clone(),
    }
}
