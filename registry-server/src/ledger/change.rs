//! A change: the records a handler writes, the nonce that authorized it, its audit log
//! entries and whether the trust bundle must be re-signed, committed together by the
//! [`Ledger`](super::Ledger). Each record is filed under the key its own fields name.

use serde::Serialize;

use super::LedgerError;
use crate::records::keys;
use crate::records::{
    AuthorityRecord, CredentialRecord, DecisionRecord, Grant, IssuerRecord, NonceKey,
    StatusListRecord,
};
use crate::store::{Batch, Tree};

/// Writes to make together.
#[derive(Debug, Default)]
pub struct Change {
    pub(super) batch: Batch,
    /// Audit log entries: kind, actor, subject.
    pub(super) log: Vec<(String, String, String)>,
    pub(super) nonce: Option<NonceKey>,
    pub(super) rebuild_bundle: bool,
    /// Keys the handler found holding nothing under the writer lock and now puts: the
    /// ledger's content digest need not read them back.
    pub(super) absent: Vec<(Tree, Vec<u8>)>,
}

impl Change {
    /// A change that writes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn put_json<T: Serialize>(
        &mut self,
        tree: Tree,
        key: impl Into<Vec<u8>>,
        value: &T,
    ) -> Result<(), LedgerError> {
        self.batch.put(tree, key, serde_json::to_vec(value)?);
        Ok(())
    }

    /// Stores an issuer (new or changed).
    pub fn put_issuer(&mut self, issuer: &IssuerRecord) -> Result<(), LedgerError> {
        self.put_json(Tree::IssuerdidIssuer, issuer.id.as_bytes(), issuer)
    }

    /// Files `key_did` (a new key) as `issuer_did`'s, for ever: a retired key stays its
    /// issuer's, so no one else can register it.
    pub fn add_issuer_key(&mut self, key_did: &str, issuer_did: &str) {
        self.batch.put(
            Tree::KeydidIssuerdid,
            key_did.as_bytes(),
            issuer_did.as_bytes(),
        );
    }

    /// Stores a published credential whose id the store does not hold: the caller read it
    /// absent holding the writer lock (so the ledger does not read it again).
    pub fn add_credential(&mut self, credential: &CredentialRecord) -> Result<(), LedgerError> {
        let key = credential.id.as_bytes().to_vec();
        self.absent
            .push((Tree::CredentialidCredential, key.clone()));
        // The compact form (issue 15): about a third of the JSON record's size.
        self.batch.put(
            Tree::CredentialidCredential,
            key,
            crate::records::compact::encode(credential),
        );
        Ok(())
    }

    /// Stores a new grant and files it under its credential.
    pub fn add_grant(&mut self, grant: &Grant) -> Result<(), LedgerError> {
        self.put_grant(grant)?;
        self.batch.put(
            Tree::CredentialidgrantidEmpty,
            keys::grant_index(&grant.credential, &grant.id),
            Vec::new(),
        );
        Ok(())
    }

    /// Stores a grant already filed under its credential (revoked, say).
    pub fn put_grant(&mut self, grant: &Grant) -> Result<(), LedgerError> {
        self.put_json(Tree::GrantidGrant, grant.id.as_bytes(), grant)
    }

    /// Stores an issuer's status list for its purpose (first upload or replacement).
    pub fn put_status_list(&mut self, list: &StatusListRecord) -> Result<(), LedgerError> {
        self.put_json(
            Tree::IssuerpurposeStatuslist,
            keys::status_list(&list.issuer, &list.purpose),
            list,
        )
    }

    /// Stores a recognition authority.
    pub fn put_authority(&mut self, authority: &AuthorityRecord) -> Result<(), LedgerError> {
        self.put_json(
            Tree::AuthoritydidAuthority,
            authority.id.as_bytes(),
            authority,
        )
    }

    /// Stores a decision (new, or replaced by its withdrawal).
    pub fn put_decision(&mut self, decision: &DecisionRecord) -> Result<(), LedgerError> {
        self.put_json(
            Tree::DecisionidDecision,
            decision.decision.id.as_bytes(),
            decision,
        )
    }

    /// Records the nonce of the signed request that made this change (written as a new key:
    /// the store refuses the change if the nonce was spent meanwhile, by any process).
    pub fn nonce(&mut self, key: NonceKey) {
        self.nonce = Some(key);
    }

    /// Appends an audit log entry. `subject` is public: it names no person (a credential
    /// is named by [`credential_subject`](credential_core::audit::credential_subject)).
    pub fn log(&mut self, kind: &str, actor: &str, subject: &str) {
        self.log
            .push((kind.to_owned(), actor.to_owned(), subject.to_owned()));
    }

    /// Re-sign the trust bundle after the change.
    pub fn rebuild_bundle(&mut self) {
        self.rebuild_bundle = true;
    }
}
