//! The store's content digest (see [`ContentDigest`]): computed from a full read when a
//! store has none yet, then kept up to date batch by batch.

use std::collections::{HashMap, HashSet};

use super::{Ledger, LedgerError};
use crate::records::keys::is_bookkeeping;
use crate::records::pages;
use crate::store::{Batch, ContentDigest, Op, Store, StoreError, Tree};

/// One write of a batch: its tree, key and new value (`None`: deleted).
type Write<'b> = (Tree, &'b [u8], Option<&'b [u8]>);

/// The content digest of every record of `store`, from a full read (a store written before
/// digests were kept gets its first one this way).
pub fn compute_digest(store: &dyn Store) -> Result<ContentDigest, StoreError> {
    let mut digest = ContentDigest::default();
    for &tree in Tree::ALL {
        for page in pages(store, tree) {
            for (k, v) in page? {
                if !is_bookkeeping(tree, &k) {
                    digest.toggle(tree, &k, &v);
                }
            }
        }
    }
    Ok(digest)
}

impl Ledger {
    /// The content digest once `batch` is applied: each record it replaces or deletes
    /// toggled out, each it writes toggled in (a key written twice in one batch counts
    /// once, as the store will hold it).
    pub(super) fn digest_after(
        &self,
        batch: &Batch,
        absent: &[(Tree, Vec<u8>)],
    ) -> Result<ContentDigest, LedgerError> {
        let mut digest = self
            .inner
            .digest
            .lock()
            .map(|d| *d)
            .map_err(|_| LedgerError::Poisoned)?;
        let ops: Vec<Write<'_>> = batch
            .ops
            .iter()
            .map(|op| match op {
                Op::Put(t, k, v) => (*t, k.as_slice(), Some(v.as_slice())),
                Op::Delete(t, k) => (*t, k.as_slice(), None),
            })
            .filter(|(tree, key, _)| !is_bookkeeping(*tree, key))
            .collect();
        // Every record the batch replaces or deletes, read in one request (on PostgreSQL,
        // one round trip under the writers' lock instead of one per key), but those known
        // to hold nothing: a signed read's batch (its nonce only) reads nothing.
        let mut first: Vec<(Tree, &[u8])> = Vec::new();
        let mut seen: HashSet<(Tree, &[u8])> = absent
            .iter()
            .map(|(tree, key)| (*tree, key.as_slice()))
            .collect();
        for (tree, key, _) in &ops {
            if seen.insert((*tree, key)) {
                first.push((*tree, key));
            }
        }
        let stored = if first.is_empty() {
            Vec::new()
        } else {
            self.records().store().get_many(&first)?
        };
        if stored.len() != first.len() {
            return Err(
                StoreError::new("the store answered another number of values than asked").into(),
            );
        }
        let mut current: HashMap<(Tree, &[u8]), Option<Vec<u8>>> =
            first.into_iter().zip(stored).collect();
        for (tree, key, new) in ops {
            let old = current
                .insert((tree, key), new.map(<[u8]>::to_vec))
                .flatten();
            if let Some(old) = &old {
                digest.toggle(tree, key, old);
            }
            if let Some(new) = new {
                digest.toggle(tree, key, new);
            }
        }
        Ok(digest)
    }
}
