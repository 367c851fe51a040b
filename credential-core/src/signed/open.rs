//! Opening a signed document: parse (size-bounded, allowed algorithms only) → `typ` → key → signature
//! → strict JSON → decode. Nothing of the payload is read before the signature verifies.

use std::marker::PhantomData;

use serde_json::Value;

use super::kind::Kind;
use crate::json::JsonError;
use crate::jws::{Header, JwsError, UnverifiedJws};
use crate::keys::{KeyError, PublicKey};

/// Why no key could be found for a document.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyRefusal {
    /// The header names no `kid`.
    #[error("the header has no kid")]
    NoKid,
    /// The `kid` is not a `did:key` (DID or DID URL) of an Ed25519 key.
    #[error("kid: {0}")]
    NotDidKey(KeyError),
    /// The trust data holds no key with this `kid`.
    #[error("key {0} is not in the trust data")]
    UnknownKey(String),
}

/// Where [`Unopened::open`] takes the verifying key from, given the header's `kid`.
pub trait KeySource {
    /// The key for `kid`, or why there is none.
    fn key_for(&self, kid: Option<&str>) -> Result<PublicKey, KeyRefusal>;
}

/// The caller's own key (a pinned anchor, a `cnf` key): the `kid` is not consulted.
impl KeySource for PublicKey {
    fn key_for(&self, _kid: Option<&str>) -> Result<PublicKey, KeyRefusal> {
        Ok(*self)
    }
}

/// The key of the `did:key` the `kid` names ([`super::KeyRule::KidDidKey`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct KidDidKey;

impl KeySource for KidDidKey {
    fn key_for(&self, kid: Option<&str>) -> Result<PublicKey, KeyRefusal> {
        let kid = kid.ok_or(KeyRefusal::NoKid)?;
        PublicKey::from_did(kid).map_err(KeyRefusal::NotDidKey)
    }
}

/// Why a signed document of kind `K` was not opened; `E` is the kind's decode error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OpenError<E> {
    /// Too large, not a compact JWS, or a refused algorithm.
    #[error(transparent)]
    Jws(#[from] JwsError),
    /// The header's `typ` is not the kind's.
    #[error("typ must be {expected}")]
    Typ {
        /// The kind's `typ`.
        expected: &'static str,
    },
    /// No key to check the signature with.
    #[error(transparent)]
    Key(KeyRefusal),
    /// The signature does not verify with the key.
    #[error("the signature does not verify")]
    Signature,
    /// The authenticated payload is not strict JSON.
    #[error(transparent)]
    Json(JsonError),
    /// Strict JSON, but not a payload of this kind.
    #[error(transparent)]
    Decode(E),
}

/// A document of kind `K` whose signature verified.
#[derive(Debug, Clone)]
pub struct Opened<K: Kind> {
    /// The protected header (its `kid` names the key that verified).
    pub header: Header,
    /// The decoded payload.
    pub payload: K::Payload,
    /// The key that verified the signature.
    pub key: PublicKey,
}

/// A document of kind `K` parsed within its size limit, with an acceptable algorithm and
/// `typ`, whose signature is not checked yet.
#[derive(Debug, Clone)]
pub struct Unopened<'a, K> {
    jws: UnverifiedJws<'a>,
    kind: PhantomData<K>,
}

impl<'a, K: Kind> Unopened<'a, K> {
    /// Parses `compact` as a document of kind `K`.
    pub fn parse(compact: &'a str) -> Result<Self, OpenError<K::DecodeError>> {
        let jws = parse::<K>(compact)?;
        if !K::typ_ok(jws.header().typ.as_deref()) {
            return Err(OpenError::Typ { expected: K::TYP });
        }
        Ok(Self {
            jws,
            kind: PhantomData,
        })
    }

    /// The parsed JWS, for what must be read before the signature (a `kid`, a signer to
    /// name in an error).
    pub fn jws(&self) -> &UnverifiedJws<'a> {
        &self.jws
    }

    /// Finds the key for the header's `kid` in `keys`, checks the signature, then reads the
    /// payload as strict JSON and decodes it.
    pub fn open(&self, keys: &impl KeySource) -> Result<Opened<K>, OpenError<K::DecodeError>> {
        let key = keys
            .key_for(self.jws.header().kid.as_deref())
            .map_err(OpenError::Key)?;
        if !self.jws.verify_with(&key) {
            return Err(OpenError::Signature);
        }
        let value = crate::json::parse_strict(self.jws.payload()).map_err(OpenError::Json)?;
        let payload = K::decode(value).map_err(OpenError::Decode)?;
        Ok(Opened {
            header: self.jws.header().clone(),
            payload,
            key,
        })
    }
}

/// Opens `compact` as a document of kind `K` with the key `keys` gives for its `kid`.
pub fn open<K: Kind>(
    compact: &str,
    keys: &impl KeySource,
) -> Result<Opened<K>, OpenError<K::DecodeError>> {
    Unopened::<K>::parse(compact)?.open(keys)
}

/// Splits and decodes `compact` within the size limit of kind `K`, nothing more: for a
/// verifier that reports each check on its own (credentials, presentations).
pub fn parse<K: Kind>(compact: &str) -> Result<UnverifiedJws<'_>, JwsError> {
    UnverifiedJws::parse(compact, K::MAX_LEN)
}

/// Why an unverified payload could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PeekError<E> {
    /// Too large, not a compact JWS, or a refused algorithm.
    #[error(transparent)]
    Jws(#[from] JwsError),
    /// The payload is not strict JSON.
    #[error(transparent)]
    Json(JsonError),
    /// Strict JSON, but not a payload of this kind.
    #[error(transparent)]
    Decode(E),
}

/// Reads the payload of `compact` as kind `K` **without checking `typ` or the signature**:
/// to file or describe a document (a wallet listing, a registry storing what a verifier
/// will check), never to trust it.
pub fn peek_unverified<K: Kind>(compact: &str) -> Result<K::Payload, PeekError<K::DecodeError>> {
    let value = peek_json::<K>(compact)?;
    K::decode(value).map_err(PeekError::Decode)
}

/// The strict-JSON payload of `compact`, within the size limit of kind `K`, **unverified**.
pub fn peek_json<K: Kind>(compact: &str) -> Result<Value, PeekError<K::DecodeError>> {
    let jws = parse::<K>(compact)?;
    crate::json::parse_strict(jws.payload()).map_err(PeekError::Json)
}
