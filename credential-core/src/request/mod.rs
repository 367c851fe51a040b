//! Signed HTTP requests: how a key owner (issuer, operator, holder, grantee) authenticates a
//! call to the registry.
//!
//! The client sends `Authorization: Skillpass <compact JWS>`. The JWS header is `alg`
//! `EdDSA` or `ES256` (the key's algorithm), `typ` `skillpass-request+jwt`, `kid` a `did:key` DID URL; the payload binds the
//! request: `{"method","path","bodySha256","iat","nonce"}`, where `path` is the path and
//! query exactly as sent and `bodySha256` the base64url SHA-256 of the exact body bytes.
//! The server checks the signature against the key the `kid` names (a `did:key` resolves
//! from the string alone), that method, path and body match, that `iat` is within its
//! window, and — with its own storage — that the nonce was not seen before and that the key
//! has the role the call needs.
//!
//! ```
//! use credential_core::request::{sign_request, verify_request};
//! use credential_core::SecretKey;
//!
//! let key = SecretKey::generate();
//! let header = sign_request(&key, "POST", "/issuers", b"{}");
//! let now = chrono::Utc::now().timestamp();
//! let ok = verify_request(&header, "POST", "/issuers", b"{}", now, 300).unwrap();
//! assert_eq!(ok.signer.did(), key.public().did());
//! assert!(verify_request(&header, "POST", "/issuers", b"{ }", now, 300).is_err());
//! ```
//!
//! Layout: `claims` is what is signed, `sign` the client's side, `verify` the server's.

pub(crate) mod claims;
mod sign;
mod verify;

#[cfg(test)]
mod tests;

pub use claims::{
    KeyProofClaims, RequestClaims, MAX_KEY_PROOF_LEN, MAX_NONCE_LEN, MAX_REQUEST_JWS_LEN,
    MIN_NONCE_LEN, SCHEME, TYP_KEY_PROOF, TYP_REQUEST,
};
pub use sign::{body_digest, sign_key_proof, sign_request, sign_request_at};
pub use verify::{
    verify_key_proof, verify_request, AuthenticatedRequest, KeyProofError, RequestError,
};
