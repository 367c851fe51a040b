//! The trust bundle the ledger keeps signed: rebuilt from the records after every change
//! to who may issue or what is revoked, re-signed when half its validity has passed, and
//! kept in memory as served so `GET /bundle` and its 304s read no record per request.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use chrono::{DateTime, Duration, Utc};
use credential_core::BundleBuilder;
use sha2::{Digest as _, Sha256};

use super::{Ledger, LedgerError, WriteGuard};
use crate::records::keys::{BUNDLE_KEY, BUNDLE_PENDING_KEY, BUNDLE_SEQUENCE_KEY};
use crate::records::{supersession_order, BundleRecord, RecordError};
use crate::store::{Batch, Tree};

/// The current trust bundle as served: its metadata and the signed bytes, shared.
#[derive(Debug)]
pub struct CurrentBundle {
    /// Its sequence (see [`BundleRecord::sequence`]).
    pub sequence: u64,
    /// When it was signed: it is due again when half the validity has passed.
    pub issued_at: DateTime<Utc>,
    /// Its next-update time, after which verifiers call it stale.
    pub next_update: DateTime<Utc>,
    /// Strong ETag, quoted, as `ETag` and `If-None-Match` carry it.
    pub etag: String,
    /// The compact JWS, shared by every response that sends it.
    pub body: axum::body::Bytes,
}

/// The bundle as last read, and a generation that every newly stored bundle bumps, so a
/// reader that raced a write never caches the older one.
#[derive(Default)]
pub(super) struct Cache {
    current: RwLock<Option<Arc<CurrentBundle>>>,
    generation: AtomicU64,
}

impl Ledger {
    /// The current bundle, if one was signed (from memory after the first read; on a
    /// shared store, after checking that no other process stored a newer one).
    pub fn current_bundle(&self) -> Result<Option<Arc<CurrentBundle>>, RecordError> {
        if self.records().store().shared() {
            self.check_bundle_cache()?;
        }
        let cache = &self.inner.bundle;
        if let Ok(current) = cache.current.read() {
            if let Some(bundle) = current.as_ref() {
                return Ok(Some(bundle.clone()));
            }
        }
        let generation = cache.generation.load(Ordering::SeqCst);
        let Some(record) = self.records().meta().bundle()? else {
            return Ok(None);
        };
        let bundle = Arc::new(CurrentBundle {
            sequence: record.sequence,
            issued_at: record.issued_at,
            next_update: record.next_update,
            etag: record.etag,
            body: axum::body::Bytes::from(record.jws),
        });
        if let Ok(mut current) = cache.current.write() {
            // A bundle stored since we read would make this one stale: don't keep it.
            if cache.generation.load(Ordering::SeqCst) == generation {
                *current = Some(bundle.clone());
            }
        }
        Ok(Some(bundle))
    }

    /// Drops the cached bundle (after a new one was stored).
    pub(super) fn forget_bundle(&self) {
        let cache = &self.inner.bundle;
        cache.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut current) = cache.current.write() {
            *current = None;
        }
    }

    /// Whether the bundle is due to be re-signed at `now`: half its validity has passed
    /// (so a verifier refreshing on schedule never gets one about to expire), or there is
    /// none.
    pub fn bundle_due(&self, now: DateTime<Utc>) -> Result<bool, RecordError> {
        let half = self.settings().bundle_validity / 2;
        Ok(self
            .current_bundle()?
            .as_ref()
            .is_none_or(|b| now >= b.issued_at + half))
    }

    /// Signs and stores a new bundle at `now`.
    pub async fn resign_bundle(
        &self,
        held: &WriteGuard<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), LedgerError> {
        self.store_new_bundle(held, now).await
    }

    /// Signs and stores a new bundle, and forgets the cached one whatever happened.
    pub(super) async fn store_new_bundle(
        &self,
        held: &WriteGuard<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), LedgerError> {
        let batch = self.bundle_batch(now)?;
        let result = self
            .apply(batch, held.shared.clone(), super::Known::default(), true)
            .await
            .map(|_| ());
        self.forget_bundle();
        result
    }

    /// On a shared store, forgets the cached bundle when another process has stored a newer
    /// one since (one small read: the stored sequence).
    pub(super) fn check_bundle_cache(&self) -> Result<(), RecordError> {
        let stored = self.records().meta().bundle_sequence()?;
        self.check_bundle_cache_against(stored);
        Ok(())
    }

    /// Forgets the cached bundle unless its sequence is `stored`, the stored bundle's.
    pub(super) fn check_bundle_cache_against(&self, stored: Option<u64>) {
        let cached = match self.inner.bundle.current.read() {
            Ok(current) => current.as_ref().map(|b| b.sequence),
            Err(_) => None,
        };
        if cached.is_some_and(|cached| stored != Some(cached)) {
            self.forget_bundle();
        }
    }

    /// A batch holding a newly signed bundle of every accredited issuer and their status
    /// lists, every recognition authority and every signed decision (superseded and
    /// withdrawn ones too, so verifiers can show them as such), with the next sequence number.
    pub(super) fn bundle_batch(&self, now: DateTime<Utc>) -> Result<Batch, LedgerError> {
        let records = self.records();
        // A sequence names one bundle for ever: the next one is above the current one and
        // above the floor a restore set (the bundles the old registry signed after the
        // backup are not in the store, but verifiers may hold them).
        let floor = records.meta().sequence_floor()?.unwrap_or(0);
        let sequence = self
            .current_bundle()?
            .map_or(1, |b| b.sequence + 1)
            .max(floor.saturating_add(1));
        let next_update = now + self.settings().bundle_validity.max(Duration::hours(1));
        let operator = self.operator();
        let mut builder = BundleBuilder::new(&operator.public(), sequence, now, next_update);
        let mut included = HashSet::new();
        for issuer in records.issuers().all()? {
            if let Some(entry) = issuer.bundle_entry() {
                included.insert(issuer.id.clone());
                builder = builder.issuer(entry);
            }
        }
        for list in records.status_lists().all()? {
            if included.contains(&list.issuer) {
                builder = builder.status_list(list.jws);
            }
        }
        for authority in records.authorities().all()? {
            builder = builder.authority(authority.entry());
        }
        // Verifiers add decisions to their table in bundle order, so a revision must follow
        // the decision it supersedes.
        for record in supersession_order(records.decisions().all()?) {
            builder = builder.decision(record.jws);
        }
        let jws = builder.sign(operator)?;
        let digest = hex::encode(Sha256::digest(jws.as_bytes()));
        let record = BundleRecord {
            sequence,
            issued_at: now,
            next_update,
            etag: format!("\"{sequence}-{}\"", digest.get(..32).unwrap_or_default()),
            jws,
        };
        let mut batch = Batch::default();
        batch.put(Tree::NameValue, BUNDLE_KEY, serde_json::to_vec(&record)?);
        batch.put(
            Tree::NameValue,
            BUNDLE_SEQUENCE_KEY,
            sequence.to_be_bytes().to_vec(),
        );
        batch.delete(Tree::NameValue, BUNDLE_PENDING_KEY);
        tracing::info!(sequence, "trust bundle signed");
        Ok(batch)
    }
}
