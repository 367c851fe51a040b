//! What a kind of signed document declares: its `typ`, its size limit, where the key that
//! must have signed it comes from, and how its payload decodes.

use serde_json::Value;

/// Where the key that must have signed a document of a kind comes from. The key never
/// comes from the message itself (no `jwk`, `jku` or `x5c` header is read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRule {
    /// Looked up by the header's `kid` in a verified trust bundle (an issuer's key).
    Bundle,
    /// The `did:key` the header's `kid` names: self-certifying, so the caller must still
    /// decide whether that key may do what the document asks (an authority, a holder, a
    /// request signer).
    KidDidKey,
    /// The operator's key the verifier pinned (the trust anchor).
    Anchor,
    /// A key the caller already holds for this purpose (the holder key bound in a
    /// credential's `cnf`, an issuer's new key proving possession).
    Given,
}

/// A kind of compact JWS Skillpass exchanges. Each kind's declaration is the one place its
/// `typ`, size limit, key rule and decoder are stated (see `signed/kinds.rs`).
pub trait Kind {
    /// The header `typ` a document of this kind carries.
    const TYP: &'static str;
    /// Largest compact JWS accepted, in bytes; longer input is refused before parsing.
    const MAX_LEN: usize;
    /// Where the verifying key comes from.
    const KEY: KeyRule;
    /// What the payload decodes into.
    type Payload;
    /// Why a strict-JSON payload is not a payload of this kind.
    type DecodeError: std::error::Error;

    /// Strict JSON (already free of duplicate keys and deep nesting) → typed payload.
    fn decode(value: Value) -> Result<Self::Payload, Self::DecodeError>;

    /// Whether the header's `typ` is acceptable; by default exactly [`Kind::TYP`].
    fn typ_ok(typ: Option<&str>) -> bool {
        typ == Some(Self::TYP)
    }
}
