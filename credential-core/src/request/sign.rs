//! Signing a request, and a new key's proof of possession.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use sha2::{Digest as _, Sha256};

use super::claims::{KeyProofClaims, RequestClaims, SCHEME, TYP_KEY_PROOF, TYP_REQUEST};
use crate::jws::{self, Header};
use crate::keys::SecretKey;

/// The new key's proof of possession for a rotation: a JWS by `new_key` whose payload
/// `{"issuer": DID}` binds it to that issuer, so nobody can claim another party's key.
pub fn sign_key_proof(new_key: &SecretKey, issuer: &str) -> String {
    let claims = KeyProofClaims {
        issuer: issuer.to_owned(),
    };
    // Serializing a struct of one string cannot fail.
    let payload = serde_json::to_string(&claims).unwrap_or_default();
    jws::sign(
        new_key,
        &Header::new(TYP_KEY_PROOF, &new_key.public().did_url()),
        payload.as_bytes(),
    )
}

/// base64url SHA-256 of `body`, as `bodySha256` carries it.
pub fn body_digest(body: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(body))
}

/// The `Authorization` header value for a request signed now with a fresh random nonce.
pub fn sign_request(key: &SecretKey, method: &str, path: &str, body: &[u8]) -> String {
    let nonce = URL_SAFE_NO_PAD.encode(rand::random::<[u8; 18]>());
    sign_request_at(
        key,
        method,
        path,
        body,
        chrono::Utc::now().timestamp(),
        &nonce,
    )
}

/// The `Authorization` header value with a chosen `iat` and nonce (tests, replays on purpose).
pub fn sign_request_at(
    key: &SecretKey,
    method: &str,
    path: &str,
    body: &[u8],
    iat: i64,
    nonce: &str,
) -> String {
    let claims = RequestClaims {
        method: method.to_ascii_uppercase(),
        path: path.to_owned(),
        body_sha256: body_digest(body),
        iat,
        nonce: nonce.to_owned(),
    };
    // Serializing a struct of strings and an integer cannot fail.
    let payload = serde_json::to_vec(&claims).unwrap_or_default();
    let jws = jws::sign(
        key,
        &Header::new(TYP_REQUEST, &key.public().did_url()),
        &payload,
    );
    format!("{SCHEME} {jws}")
}
