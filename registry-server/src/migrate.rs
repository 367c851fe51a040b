//! Moving a registry to PostgreSQL: `skillpass-registry migrate --from sled:DIR --to
//! postgres://…` checks the stopped registry's store end to end (a damaged store is not
//! copied), copies every tree into an empty database in one transaction (a failure leaves
//! the database empty, so the command can simply be run again), checks the copy end to end
//! as the registry does at start, and compares the two: the same records in every tree, the
//! same audit log, chained from the same genesis, and the same trust bundle.
//!
//! Also here: opening a PostgreSQL store for the registry's commands, with failures in the
//! registry's words and exit codes.

use std::path::Path;
use std::sync::Arc;

use crate::check::{self, Report};
use crate::datadir;
use crate::startup::{guard, Failure};
use crate::store::postgres::{ImportError, OpenError};
use crate::store::{DatabaseUrl, PostgresStore, SledStore, Tree};

/// What a migration copied.
#[derive(Debug)]
pub struct Migrated {
    /// Records copied per tree, in [`Tree::ALL`] order.
    pub copied: Vec<(Tree, u64)>,
    /// The start-up check of the copy.
    pub report: Report,
    /// The target, without its password.
    pub target: String,
}

/// Opens (and migrates the schema of) the PostgreSQL store at `url`.
pub fn open_postgres(url: &DatabaseUrl) -> Result<PostgresStore, Failure> {
    PostgresStore::open(url).map_err(|e| match e {
        OpenError::Url(m) => Failure::Config(m),
        OpenError::SchemaTooNew { .. } => Failure::Config(e.to_string()),
        OpenError::Unreachable { .. } => Failure::Other(format!(
            "{e}. Check that the server runs and that the URL's host, port, user, password and \
             database are right (create the database first, e.g. `createdb skillpass`)"
        )),
        OpenError::Other { .. } => Failure::Other(e.to_string()),
    })
}

/// Runs the start-up check over a PostgreSQL store, on one snapshot of it: other replicas
/// may be writing meanwhile, and a check reading their writes half-way would call a healthy
/// store damaged.
pub fn check_postgres(store: &PostgresStore) -> Result<Report, Failure> {
    let snapshot = store
        .snapshot()
        .map_err(|e| Failure::Other(format!("cannot read the store at {}: {e}", store.target())))?;
    check::check_store(&snapshot).map_err(|d| {
        Failure::Damaged(format!(
            "the store at {} is damaged: {d}. The registry does not serve a damaged store",
            store.target()
        ))
    })
}

/// Copies the registry whose data directory is `from` into the empty database at `to`.
pub fn migrate(from: &Path, to: &DatabaseUrl) -> Result<Migrated, Failure> {
    if !from.join("store").is_dir() {
        return Err(Failure::Config(format!(
            "{} holds no registry store (give the data directory of a stopped registry, the one \
             holding store/ and operator.key)",
            from.display()
        )));
    }
    // Taking the directory's lock refuses a registry still serving from it: a copy of a
    // store being written would miss the writes after it.
    let dir = datadir::open(from, true)?;
    let source = guard("opening the store", || {
        SledStore::open(&dir.store()).map_err(|e| {
            Failure::Damaged(format!("cannot open the store in {}: {e}", from.display()))
        })
    })?;
    let before = guard("reading the store", || {
        check::check_store(&source)
            .and_then(|r| check::check_watermark(dir.path(), &r).map(|()| r))
            .map_err(|d| {
                Failure::Damaged(format!(
                    "the store in {} is damaged: {d}; nothing was copied (see `skillpass-registry \
                     check --data {}`)",
                    from.display(),
                    from.display()
                ))
            })
    })?;
    let target = open_postgres(to)?;
    let copied = target.import(Arc::new(source)).map_err(|e| match e {
        ImportError::NotEmpty(_) => {
            Failure::Config(format!("{} was not changed: {e}", target.target()))
        }
        ImportError::Store(e) => Failure::Other(format!(
            "the copy into {} failed and was rolled back, nothing was written: {e}",
            target.target()
        )),
    })?;
    let after = check_postgres(&target)?;
    if after.counts != before.counts
        || after.log_entries != before.log_entries
        || after.bundle_sequence != before.bundle_sequence
        || after.bundle_anchor != before.bundle_anchor
        || after.commits != before.commits
    {
        return Err(Failure::Other(format!(
            "the copy in {} does not match the source (records per tree: {:?} copied, {:?} read \
             back): empty the database before trying again",
            target.target(),
            before.counts,
            after.counts
        )));
    }
    drop(dir);
    Ok(Migrated {
        copied,
        report: after,
        target: target.target().to_owned(),
    })
}
