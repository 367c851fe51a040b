//! Batches applied but not yet written to the storage engine: what lets sled commit many
//! batches as one.
//!
//! sled writes and syncs its log buffer for every transaction it applies (it rolls the
//! buffer before and after each one), on its I/O threads, whether or not anyone flushes.
//! Sixteen writers sharing one flush therefore still cost sixteen transactions, each with
//! two buffer writes and the wake-ups of every idle I/O thread. So the sled store keeps the
//! batches applied since its last flush here, in memory, where every read sees them at
//! once, and the next flush writes all of them as one sled transaction. Each key keeps only
//! its last write: the batches were applied in order, so the transaction leaves the trees
//! exactly as applying them one by one would, and it is atomic, so a crash keeps all of
//! them or none (none of them was acknowledged yet: see [`Store::apply_unflushed`]).
//!
//! While a flush writes one layer, writes go on into a new one above it, and reads look
//! at the new layer, then the one being written, then the engine.
//!
//! [`Store::apply_unflushed`]: super::Store::apply_unflushed

use std::collections::BTreeMap;
use std::ops::Bound;
use std::sync::Arc;

use super::{Batch, Entry, Op, Tree};

/// The last write of each key in one tree: `Some(value)` put, `None` deleted.
pub(super) type Writes = BTreeMap<Vec<u8>, Option<Vec<u8>>>;

/// Writes of several batches, per tree, the last one of each key winning.
#[derive(Debug, Clone)]
pub(super) struct Layer {
    /// In [`Tree::ALL`] order.
    trees: Vec<Writes>,
}

impl Default for Layer {
    fn default() -> Self {
        Self {
            trees: vec![Writes::new(); Tree::ALL.len()],
        }
    }
}

impl Layer {
    fn is_empty(&self) -> bool {
        self.trees.iter().all(BTreeMap::is_empty)
    }

    fn tree(&self, tree: Tree) -> Option<&Writes> {
        self.trees.get(tree.index())
    }

    fn add(&mut self, batch: Batch) {
        for op in batch.ops {
            let (tree, key, value) = match op {
                Op::Put(tree, key, value) => (tree, key, Some(value)),
                Op::Delete(tree, key) => (tree, key, None),
            };
            if let Some(writes) = self.trees.get_mut(tree.index()) {
                writes.insert(key, value);
            }
        }
    }

    /// Every write, tree by tree in key order: the tree, the key, and the value put
    /// (`None`: deleted).
    pub(super) fn writes(&self) -> impl Iterator<Item = (Tree, &[u8], Option<&[u8]>)> {
        Tree::ALL
            .iter()
            .zip(&self.trees)
            .flat_map(|(&tree, writes)| {
                writes
                    .iter()
                    .map(move |(k, v)| (tree, k.as_slice(), v.as_deref()))
            })
    }

    /// Puts the writes of `newer` over these.
    fn cover_with(&mut self, newer: Layer) {
        for (mine, theirs) in self.trees.iter_mut().zip(newer.trees) {
            mine.extend(theirs);
        }
    }
}

/// The layers above the engine: what was applied since the last flush began, over what
/// the running flush is writing.
#[derive(Debug, Default)]
pub(super) struct Pending {
    current: Layer,
    writing: Option<Arc<Layer>>,
}

impl Pending {
    /// Applies `batch` (visible to every read from now on).
    pub(super) fn apply(&mut self, batch: Batch) {
        self.current.add(batch);
    }

    /// The last pending write of `key`: `Some(Some(value))` put, `Some(None)` deleted,
    /// `None` when only the engine knows it.
    pub(super) fn get(&self, tree: Tree, key: &[u8]) -> Option<Option<Vec<u8>>> {
        self.layers()
            .find_map(|layer| layer.tree(tree).and_then(|w| w.get(key)))
            .cloned()
    }

    /// The pending writes of `tree` from `lower` up to `upper`, while `keep` holds for
    /// their keys, the newest of each key.
    pub(super) fn range(
        &self,
        tree: Tree,
        lower: Bound<&[u8]>,
        upper: Bound<&[u8]>,
        keep: impl Fn(&[u8]) -> bool,
    ) -> Writes {
        let mut found = Writes::new();
        // Oldest first, so newer writes replace older ones.
        let layers: Vec<&Layer> = self.layers().collect();
        for layer in layers.into_iter().rev() {
            let Some(writes) = layer.tree(tree) else {
                continue;
            };
            for (k, v) in writes
                .range::<[u8], _>((lower, upper))
                .take_while(|(k, _)| keep(k))
            {
                found.insert(k.clone(), v.clone());
            }
        }
        found
    }

    /// Newest first.
    fn layers(&self) -> impl Iterator<Item = &Layer> {
        std::iter::once(&self.current).chain(self.writing.as_deref())
    }

    /// Hands what is pending to a flush, which writes it and then calls
    /// [`Pending::written`] or [`Pending::failed`]; `None` when nothing is pending. One
    /// flush at a time.
    pub(super) fn take(&mut self) -> Option<Arc<Layer>> {
        if self.current.is_empty() {
            return None;
        }
        let layer = Arc::new(std::mem::take(&mut self.current));
        self.writing = Some(layer.clone());
        Some(layer)
    }

    /// The flush wrote its layer into the engine, durably.
    pub(super) fn written(&mut self) {
        self.writing = None;
    }

    /// The flush failed: its layer stays pending, under what was applied since, for the
    /// next flush to write again.
    pub(super) fn failed(&mut self) {
        if let Some(writing) = self.writing.take() {
            let mut older = Arc::unwrap_or_clone(writing);
            older.cover_with(std::mem::take(&mut self.current));
            self.current = older;
        }
    }
}

/// The engine's `entries` (in key order, read after `pending` was) merged with the pending
/// writes of the same range: a pending put replaces or adds its entry, a pending delete
/// removes it; at most `limit`, in key order.
pub(super) fn merge(engine: Vec<Entry>, pending: Writes, limit: usize) -> Vec<Entry> {
    if pending.is_empty() {
        let mut engine = engine;
        engine.truncate(limit);
        return engine;
    }
    let mut all: BTreeMap<Vec<u8>, Vec<u8>> = engine
        .into_iter()
        .filter(|(k, _)| !pending.contains_key(k))
        .collect();
    all.extend(pending.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
    all.into_iter().take(limit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(ops: &[(&str, Option<&str>)]) -> Batch {
        let mut b = Batch::default();
        for (k, v) in ops {
            match v {
                Some(v) => b.put(Tree::GrantidGrant, k.as_bytes(), v.as_bytes()),
                None => b.delete(Tree::GrantidGrant, k.as_bytes()),
            }
        }
        b
    }

    fn entry(k: &str, v: &str) -> Entry {
        (k.as_bytes().to_vec(), v.as_bytes().to_vec())
    }

    #[test]
    fn each_tree_is_indexed_by_its_place_among_all_trees() {
        for (place, tree) in Tree::ALL.iter().enumerate() {
            assert_eq!(tree.index(), place, "{}", tree.name());
        }
        assert_eq!(Layer::default().trees.len(), Tree::ALL.len());
    }

    #[test]
    fn the_last_write_of_a_key_wins_across_batches_and_layers() {
        let mut p = Pending::default();
        p.apply(batch(&[("a", Some("1")), ("b", Some("1"))]));
        let taken = p.take().expect("something is pending");
        p.apply(batch(&[("a", Some("2")), ("b", None)]));
        assert_eq!(p.get(Tree::GrantidGrant, b"a"), Some(Some(b"2".to_vec())));
        assert_eq!(p.get(Tree::GrantidGrant, b"b"), Some(None));
        assert_eq!(p.get(Tree::GrantidGrant, b"c"), None);
        // Another tree is another key space.
        assert_eq!(p.get(Tree::IatnonceSeen, b"a"), None);
        // The layer being written holds only what was applied before it was taken.
        let written: Vec<_> = taken.writes().collect();
        assert_eq!(
            written,
            vec![
                (Tree::GrantidGrant, &b"a"[..], Some(&b"1"[..])),
                (Tree::GrantidGrant, &b"b"[..], Some(&b"1"[..]))
            ]
        );
        p.written();
        assert_eq!(p.get(Tree::GrantidGrant, b"a"), Some(Some(b"2".to_vec())));
        assert!(p.take().is_some());
        p.written();
        assert!(p.take().is_none(), "nothing is pending once written");
    }

    #[test]
    fn a_failed_flush_keeps_its_writes_under_the_newer_ones() {
        let mut p = Pending::default();
        p.apply(batch(&[("a", Some("1")), ("b", Some("1"))]));
        let _taken = p.take();
        p.apply(batch(&[("a", Some("2"))]));
        p.failed();
        assert_eq!(p.get(Tree::GrantidGrant, b"a"), Some(Some(b"2".to_vec())));
        assert_eq!(p.get(Tree::GrantidGrant, b"b"), Some(Some(b"1".to_vec())));
        let again = p.take().expect("still pending");
        assert_eq!(again.writes().count(), 2);
    }

    #[test]
    fn a_range_takes_the_newest_write_of_each_key_within_its_bounds() {
        let mut p = Pending::default();
        p.apply(batch(&[
            ("k1", Some("old")),
            ("k2", Some("x")),
            ("z", Some("x")),
        ]));
        let _taken = p.take();
        p.apply(batch(&[("k1", Some("new")), ("k3", None)]));
        let found = p.range(
            Tree::GrantidGrant,
            Bound::Included(&b"k"[..]),
            Bound::Unbounded,
            |k| k.starts_with(b"k"),
        );
        let found: Vec<_> = found.into_iter().collect();
        assert_eq!(
            found,
            vec![
                (b"k1".to_vec(), Some(b"new".to_vec())),
                (b"k2".to_vec(), Some(b"x".to_vec())),
                (b"k3".to_vec(), None)
            ]
        );
        let below = p.range(
            Tree::GrantidGrant,
            Bound::Unbounded,
            Bound::Excluded(&b"k2"[..]),
            |_| true,
        );
        assert_eq!(below.keys().collect::<Vec<_>>(), vec![&b"k1".to_vec()]);
    }

    #[test]
    fn merging_replaces_adds_and_removes_entries_and_keeps_the_limit() {
        let engine = vec![entry("a", "e"), entry("b", "e"), entry("d", "e")];
        let mut pending = Writes::new();
        pending.insert(b"b".to_vec(), None);
        pending.insert(b"c".to_vec(), Some(b"p".to_vec()));
        pending.insert(b"d".to_vec(), Some(b"p".to_vec()));
        assert_eq!(
            merge(engine.clone(), pending.clone(), 10),
            vec![entry("a", "e"), entry("c", "p"), entry("d", "p")]
        );
        assert_eq!(
            merge(engine.clone(), pending, 2),
            vec![entry("a", "e"), entry("c", "p")]
        );
        assert_eq!(merge(engine, Writes::new(), 1), vec![entry("a", "e")]);
    }
}
