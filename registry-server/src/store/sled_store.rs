//! The embedded store: sled, one sled tree per [`Tree`]. Batches are applied in memory
//! ([`pending`](super::pending), seen by every read at once) and written by the next flush,
//! all of them as one multi-tree sled transaction followed by sled's flush, so an
//! acknowledged write survives a crash and concurrent writers share one transaction.
//!
//! One record is kept apart: the trust bundle ([`BUNDLE_KEY`] of [`Tree::NameValue`]) lives
//! in a sled tree of its own. sled copies a whole leaf on every change to it and rewrites
//! it, compressed, every few changes; the bundle (hundreds of kilobytes with a thousand
//! issuers) shared its leaf with the commit counter and content digest that every batch
//! writes, so every write, a read's nonce included, copied the bundle and every few
//! compressed it. The split is invisible above: [`Tree::NameValue`] reads, scans and
//! writes as one tree.

use std::collections::HashMap;
use std::ops::Bound;
use std::path::Path;
use std::sync::{Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional as _};

use super::pending::{self, Layer, Pending};
use super::{Batch, Entry, Store, StoreError, Tree};
use crate::records::keys::BUNDLE_KEY;

/// The sled tree that holds [`Tree::NameValue`]'s [`BUNDLE_KEY`] alone.
const BUNDLE_TREE: &str = "name_value_bundle";

/// sled in a data directory.
pub struct SledStore {
    db: sled::Db,
    trees: HashMap<Tree, sled::Tree>,
    /// The trees in [`Tree::ALL`] order, then [`BUNDLE_TREE`], for transactions over all
    /// of them.
    ordered: Vec<sled::Tree>,
    /// Batches applied and not yet written to sled.
    pending: RwLock<Pending>,
    /// Taken by the flush that runs: one at a time, so layers reach sled in order.
    flushing: Mutex<()>,
}

fn err(e: impl std::fmt::Display) -> StoreError {
    StoreError::new(e.to_string())
}

impl SledStore {
    /// Opens (or creates) the store in `dir`.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let db = open_db(dir).map_err(err)?;
        let mut trees = HashMap::new();
        let mut ordered = Vec::new();
        for &tree in Tree::ALL {
            let t = db.open_tree(tree.name()).map_err(err)?;
            trees.insert(tree, t.clone());
            ordered.push(t);
        }
        ordered.push(db.open_tree(BUNDLE_TREE).map_err(err)?);
        let store = Self {
            db,
            trees,
            ordered,
            pending: RwLock::default(),
            flushing: Mutex::default(),
        };
        store.move_bundle_apart()?;
        Ok(store)
    }

    /// How the store in `dir` is opened (also for measuring sled itself, in the benches).
    pub fn config(dir: &Path) -> sled::Config {
        sled::Config::new()
            .path(dir)
            .use_compression(compressed(dir))
            // zstd's fastest level: nearly the ratio of the default (5) on these pages, for
            // a fraction of the CPU on every flush and every cold read.
            .compression_factor(1)
    }

    fn pending(&self) -> RwLockReadGuard<'_, Pending> {
        self.pending.read().unwrap_or_else(|p| p.into_inner())
    }

    fn pending_mut(&self) -> RwLockWriteGuard<'_, Pending> {
        self.pending.write().unwrap_or_else(|p| p.into_inner())
    }

    /// A store written before the bundle had its own tree: moves it there, durably.
    fn move_bundle_apart(&self) -> Result<(), StoreError> {
        let main = self.tree(Tree::NameValue)?;
        let Some(bundle) = main.get(BUNDLE_KEY).map_err(err)? else {
            return Ok(());
        };
        let result: Result<(), TransactionError<()>> =
            (main, self.bundle_tree()?).transaction(|(main, apart)| {
                apart.insert(BUNDLE_KEY, bundle.clone())?;
                main.remove(BUNDLE_KEY)?;
                Ok(())
            });
        result.map_err(|e| err(format!("{e:?}")))?;
        self.flush()
    }

    fn bundle_tree(&self) -> Result<&sled::Tree, StoreError> {
        self.ordered
            .get(Tree::ALL.len())
            .ok_or_else(|| StoreError::new("the bundle's tree is not open"))
    }

    /// Whether `key` of `tree` is the record kept in [`BUNDLE_TREE`].
    fn apart(tree: Tree, key: &[u8]) -> bool {
        tree == Tree::NameValue && key == BUNDLE_KEY
    }

    /// The sled tree that holds `key` of `tree`.
    fn holder(&self, tree: Tree, key: &[u8]) -> Result<&sled::Tree, StoreError> {
        if Self::apart(tree, key) {
            self.bundle_tree()
        } else {
            self.tree(tree)
        }
    }

    /// The record kept apart, as an entry of `tree` if it is that tree's and passes
    /// `keep`.
    fn apart_entry(
        &self,
        tree: Tree,
        keep: impl Fn(&[u8]) -> bool,
    ) -> Result<Option<Entry>, StoreError> {
        if tree != Tree::NameValue || !keep(BUNDLE_KEY) {
            return Ok(None);
        }
        Ok(self
            .bundle_tree()?
            .get(BUNDLE_KEY)
            .map_err(err)?
            .map(|v| (BUNDLE_KEY.to_vec(), v.to_vec())))
    }

    fn tree(&self, tree: Tree) -> Result<&sled::Tree, StoreError> {
        self.trees
            .get(&tree)
            .ok_or_else(|| StoreError::new(format!("tree {} not open", tree.name())))
    }
}

/// Opens sled in `dir`. sled lets go of a directory's lock only when the last of its I/O
/// tasks for the store closed there has ended, which can be a moment after the close
/// returned: a store reopened at once in the same process (after a restore, in tests)
/// waits for that, up to a second, rather than failing. Another process holding the
/// directory still fails the open after that second.
fn open_db(dir: &Path) -> sled::Result<sled::Db> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(1);
    loop {
        match SledStore::config(dir).open() {
            // sled reports the lock held as an `Other` error naming it.
            Err(sled::Error::Io(e))
                if e.to_string().starts_with("could not acquire lock")
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            opened => return opened,
        }
    }
}

/// Whether the store in `dir` keeps its pages compressed (zstd): a new store does; a store
/// created before (its `conf` file says `use_compression: false`) keeps its setting, which
/// sled cannot change once a store exists.
fn compressed(dir: &Path) -> bool {
    // The file is text followed by a binary checksum.
    match std::fs::read(dir.join("conf")) {
        Ok(conf) => !String::from_utf8_lossy(&conf)
            .lines()
            .any(|l| l.trim() == "use_compression: false"),
        Err(_) => true,
    }
}

impl SledStore {
    /// Up to `limit` entries of sled itself from `from`, while their keys start with
    /// `prefix`.
    fn engine_scan(
        &self,
        tree: Tree,
        prefix: &[u8],
        from: &[u8],
        limit: usize,
    ) -> Result<Vec<Entry>, StoreError> {
        let mut entries: Vec<Entry> = self
            .tree(tree)?
            .range(from.to_vec()..)
            .take_while(|r| r.as_ref().map_or(true, |(k, _)| k.starts_with(prefix)))
            .take(limit)
            .map(|r| r.map(|(k, v)| (k.to_vec(), v.to_vec())).map_err(err))
            .collect::<Result<_, _>>()?;
        if let Some(entry) = self.apart_entry(tree, |k| k >= from && k.starts_with(prefix))? {
            insert_sorted(&mut entries, entry, limit, |(k, _)| k);
        }
        Ok(entries)
    }

    /// Up to `limit` keys of sled itself below `end`.
    fn engine_keys_below(
        &self,
        tree: Tree,
        end: &[u8],
        limit: usize,
    ) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut keys: Vec<Vec<u8>> = self
            .tree(tree)?
            .range(..end.to_vec())
            .take(limit)
            .map(|r| r.map(|(k, _)| k.to_vec()).map_err(err))
            .collect::<Result<_, _>>()?;
        if let Some((key, _)) = self.apart_entry(tree, |k| k < end)? {
            insert_sorted(&mut keys, key, limit, |k| k);
        }
        Ok(keys)
    }

    /// sled's entry with the greatest key that `hidden` does not hide.
    fn engine_last(
        &self,
        tree: Tree,
        hidden: impl Fn(&[u8]) -> bool,
    ) -> Result<Option<Entry>, StoreError> {
        let mut last = None;
        for r in self.tree(tree)?.iter().rev() {
            let (k, v) = r.map_err(err)?;
            if !hidden(&k) {
                last = Some((k.to_vec(), v.to_vec()));
                break;
            }
        }
        let apart = self.apart_entry(tree, |k| !hidden(k))?;
        Ok(match (last, apart) {
            (Some(l), Some(a)) => Some(if a.0 > l.0 { a } else { l }),
            (l, a) => l.or(a),
        })
    }

    /// Writes `layer` into sled as one transaction over every tree.
    fn write(&self, layer: &Layer) -> Result<(), StoreError> {
        let result: Result<(), TransactionError<()>> =
            self.ordered.as_slice().transaction(|trees| {
                for (tree, key, value) in layer.writes() {
                    let at = if Self::apart(tree, key) {
                        Tree::ALL.len()
                    } else {
                        tree.index()
                    };
                    let t = trees
                        .get(at)
                        .ok_or(ConflictableTransactionError::Abort(()))?;
                    match value {
                        Some(v) => {
                            t.insert(key, v)?;
                        }
                        None => {
                            t.remove(key)?;
                        }
                    }
                }
                Ok(())
            });
        result.map_err(|e| err(format!("{e:?}")))
    }
}

impl Store for SledStore {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        if let Some(pending) = self.pending().get(tree, key) {
            return Ok(pending);
        }
        Ok(self
            .holder(tree, key)?
            .get(key)
            .map_err(err)?
            .map(|v| v.to_vec()))
    }

    fn scan(
        &self,
        tree: Tree,
        prefix: &[u8],
        start: &[u8],
        limit: usize,
    ) -> Result<Vec<(Vec<u8>, Vec<u8>)>, StoreError> {
        let from = if start.is_empty() { prefix } else { start };
        // Pending writes first, then sled: a flush in between only moves them into sled.
        let pending = self
            .pending()
            .range(tree, Bound::Included(from), Bound::Unbounded, |k| {
                k.starts_with(prefix)
            });
        // Enough of sled's for `limit` even if pending writes replace or remove some.
        let engine = self.engine_scan(tree, prefix, from, limit.saturating_add(pending.len()))?;
        Ok(pending::merge(engine, pending, limit))
    }

    fn keys_below(&self, tree: Tree, end: &[u8], limit: usize) -> Result<Vec<Vec<u8>>, StoreError> {
        let pending = self
            .pending()
            .range(tree, Bound::Unbounded, Bound::Excluded(end), |_| true);
        if pending.is_empty() {
            return self.engine_keys_below(tree, end, limit);
        }
        let engine = self
            .engine_keys_below(tree, end, limit.saturating_add(pending.len()))?
            .into_iter()
            .map(|k| (k, Vec::new()))
            .collect();
        Ok(pending::merge(engine, pending, limit)
            .into_iter()
            .map(|(k, _)| k)
            .collect())
    }

    fn last(&self, tree: Tree) -> Result<Option<(Vec<u8>, Vec<u8>)>, StoreError> {
        let pending = self
            .pending()
            .range(tree, Bound::Unbounded, Bound::Unbounded, |_| true);
        let engine = self.engine_last(tree, |k| pending.contains_key(k))?;
        let put = pending
            .into_iter()
            .rev()
            .find_map(|(k, v)| v.map(|v| (k, v)));
        Ok(match (engine, put) {
            (Some(e), Some(p)) => Some(if p.0 > e.0 { p } else { e }),
            (e, p) => e.or(p),
        })
    }

    fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        self.apply_unflushed(batch)?;
        self.flush()
    }

    fn groups_flushes(&self) -> bool {
        true
    }

    fn flush(&self) -> Result<(), StoreError> {
        let _turn = self.flushing.lock().unwrap_or_else(|p| p.into_inner());
        let Some(layer) = self.pending_mut().take() else {
            // Everything applied is in sled already, flushed by the flush that wrote it.
            return Ok(());
        };
        // Atomic, then durable: a crash keeps every batch of the layer or none.
        let result = self
            .write(&layer)
            .and_then(|()| self.db.flush().map(drop).map_err(err));
        let mut pending = self.pending_mut();
        match result {
            Ok(()) => pending.written(),
            Err(_) => pending.failed(),
        }
        result
    }

    fn apply_unflushed(&self, batch: Batch) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        batch.check_new_keys()?;
        let mut pending = self.pending_mut();
        // Checked and applied under one hold of the pending layers: no batch comes between.
        for (tree, key) in &batch.new_keys {
            let held = match pending.get(*tree, key) {
                Some(value) => value.is_some(),
                None => self.holder(*tree, key)?.contains_key(key).map_err(err)?,
            };
            if held {
                return Err(StoreError::taken());
            }
        }
        pending.apply(batch);
        Ok(())
    }
}

impl Drop for SledStore {
    /// Writes what is still pending (an unacknowledged write, a read's nonce) before sled
    /// closes.
    fn drop(&mut self) {
        if let Err(e) = self.flush() {
            tracing::warn!(error = %e, "cannot write the last pending batches to sled");
        }
    }
}

/// Puts `item` into `items` (sorted by `key`, at most `limit`) at its place.
fn insert_sorted<T>(items: &mut Vec<T>, item: T, limit: usize, key: impl Fn(&T) -> &Vec<u8>) {
    let at = items.partition_point(|i| key(i) < key(&item));
    items.insert(at, item);
    items.truncate(limit);
}
