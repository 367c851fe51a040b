//! What a signed request and a key proof carry, and their limits.

use serde::{Deserialize, Serialize};

/// The `Authorization` scheme name.
pub const SCHEME: &str = "Skillpass";
/// The JWS `typ` of a signed request.
pub const TYP_REQUEST: &str = "skillpass-request+jwt";
/// Largest signed-request JWS accepted (it carries a digest, never the body).
pub const MAX_REQUEST_JWS_LEN: usize = 4096;
/// Longest nonce accepted.
pub const MAX_NONCE_LEN: usize = 64;
/// Shortest nonce accepted (a random 128-bit value is 22 base64url characters).
pub const MIN_NONCE_LEN: usize = 16;
/// The JWS `typ` of a new key's proof of possession when an issuer rotates its key.
pub const TYP_KEY_PROOF: &str = "skillpass-key-proof+jwt";
/// Largest key proof accepted (it carries one DID).
pub const MAX_KEY_PROOF_LEN: usize = 4096;

/// What a signed request's JWS payload says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestClaims {
    /// HTTP method, upper case.
    pub method: String,
    /// Path and query as sent, e.g. `/issuers/did:key:z…/accredit`.
    pub path: String,
    /// base64url (no padding) of the SHA-256 of the exact body bytes.
    pub body_sha256: String,
    /// Unix time (seconds) the request was signed.
    pub iat: i64,
    /// A random value never reused by this key.
    pub nonce: String,
}

/// What a key proof's payload says: the issuer the new key is to serve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyProofClaims {
    /// The issuer's DID; a proof for another issuer cannot be replayed to this one.
    pub issuer: String,
}
