//! The embedded store: sled, one sled tree per [`Tree`], batches as multi-tree transactions
//! followed by a flush, so an acknowledged write survives a crash.
//!
//! One record is kept apart: the trust bundle ([`BUNDLE_KEY`] of [`Tree::NameValue`]) lives
//! in a sled tree of its own. sled copies a whole leaf on every change to it and rewrites
//! it, compressed, every few changes; the bundle (hundreds of kilobytes with a thousand
//! issuers) shared its leaf with the commit counter and content digest that every batch
//! writes, so every write, a read's nonce included, copied the bundle and every few
//! compressed it. The split is invisible above: [`Tree::NameValue`] reads, scans and
//! writes as one tree.

use std::collections::HashMap;
use std::path::Path;

use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional as _};

use super::{Batch, Entry, Op, Store, StoreError, Tree};
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
}

fn err(e: impl std::fmt::Display) -> StoreError {
    StoreError::new(e.to_string())
}

impl SledStore {
    /// Opens (or creates) the store in `dir`.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let db = sled::Config::new()
            .path(dir)
            .use_compression(compressed(dir))
            // zstd's fastest level: nearly the ratio of the default (5) on these pages, for
            // a fraction of the CPU on every flush and every cold read.
            .compression_factor(1)
            .open()
            .map_err(err)?;
        let mut trees = HashMap::new();
        let mut ordered = Vec::new();
        for &tree in Tree::ALL {
            let t = db.open_tree(tree.name()).map_err(err)?;
            trees.insert(tree, t.clone());
            ordered.push(t);
        }
        ordered.push(db.open_tree(BUNDLE_TREE).map_err(err)?);
        let store = Self { db, trees, ordered };
        store.move_bundle_apart()?;
        Ok(store)
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

    fn index(tree: Tree) -> usize {
        Tree::ALL.iter().position(|&t| t == tree).unwrap_or(0)
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

impl Store for SledStore {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
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
        let t = self.tree(tree)?;
        let from = if start.is_empty() { prefix } else { start };
        let mut entries: Vec<(Vec<u8>, Vec<u8>)> = t
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

    fn keys_below(&self, tree: Tree, end: &[u8], limit: usize) -> Result<Vec<Vec<u8>>, StoreError> {
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

    fn last(&self, tree: Tree) -> Result<Option<(Vec<u8>, Vec<u8>)>, StoreError> {
        let last = self
            .tree(tree)?
            .last()
            .map_err(err)?
            .map(|(k, v)| (k.to_vec(), v.to_vec()));
        let apart = self.apart_entry(tree, |_| true)?;
        Ok(match (last, apart) {
            (Some(l), Some(a)) => Some(if a.0 > l.0 { a } else { l }),
            (l, a) => l.or(a),
        })
    }

    fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        self.apply_unflushed(batch)?;
        // The transaction is atomic; the flush makes it durable before we acknowledge.
        self.flush()
    }

    fn groups_flushes(&self) -> bool {
        true
    }

    fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(err)?;
        Ok(())
    }

    fn apply_unflushed(&self, batch: Batch) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let result: Result<(), TransactionError<()>> =
            self.ordered.as_slice().transaction(|trees| {
                for op in &batch.ops {
                    let (tree, key) = match op {
                        Op::Put(t, k, _) | Op::Delete(t, k) => (*t, k),
                    };
                    let at = if Self::apart(tree, key) {
                        Tree::ALL.len()
                    } else {
                        Self::index(tree)
                    };
                    let t = trees
                        .get(at)
                        .ok_or(ConflictableTransactionError::Abort(()))?;
                    match op {
                        Op::Put(_, _, v) => {
                            t.insert(key.as_slice(), v.as_slice())?;
                        }
                        Op::Delete(..) => {
                            t.remove(key.as_slice())?;
                        }
                    }
                }
                Ok(())
            });
        result.map_err(|e| err(format!("{e:?}")))
    }
}

/// Puts `item` into `items` (sorted by `key`, at most `limit`) at its place.
fn insert_sorted<T>(items: &mut Vec<T>, item: T, limit: usize, key: impl Fn(&T) -> &Vec<u8>) {
    let at = items.partition_point(|i| key(i) < key(&item));
    items.insert(at, item);
    items.truncate(limit);
}
