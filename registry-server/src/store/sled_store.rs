//! The embedded store: sled, one sled tree per [`Tree`], batches as multi-tree transactions
//! followed by a flush, so an acknowledged write survives a crash.

use std::collections::HashMap;
use std::path::Path;

use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional as _};

use super::{Batch, Op, Store, StoreError, Tree};

/// sled in a data directory.
pub struct SledStore {
    db: sled::Db,
    trees: HashMap<Tree, sled::Tree>,
    /// The trees in [`Tree::ALL`] order, for transactions over all of them.
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
        Ok(Self { db, trees, ordered })
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
        Ok(self.tree(tree)?.get(key).map_err(err)?.map(|v| v.to_vec()))
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
        t.range(from.to_vec()..)
            .take_while(|r| r.as_ref().map_or(true, |(k, _)| k.starts_with(prefix)))
            .take(limit)
            .map(|r| r.map(|(k, v)| (k.to_vec(), v.to_vec())).map_err(err))
            .collect()
    }

    fn keys_below(&self, tree: Tree, end: &[u8], limit: usize) -> Result<Vec<Vec<u8>>, StoreError> {
        self.tree(tree)?
            .range(..end.to_vec())
            .take(limit)
            .map(|r| r.map(|(k, _)| k.to_vec()).map_err(err))
            .collect()
    }

    fn last(&self, tree: Tree) -> Result<Option<(Vec<u8>, Vec<u8>)>, StoreError> {
        Ok(self
            .tree(tree)?
            .last()
            .map_err(err)?
            .map(|(k, v)| (k.to_vec(), v.to_vec())))
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
                    let t = trees
                        .get(Self::index(tree))
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
