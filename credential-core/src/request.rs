//! Signed HTTP requests: how a key owner (issuer, operator, holder, grantee) authenticates a
//! call to the registry.
//!
//! The client sends `Authorization: Skillpass <compact JWS>`. The JWS header is `alg`
//! `EdDSA`, `typ` `skillpass-request+jwt`, `kid` a `did:key` DID URL; the payload binds the
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

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::jws::{self, Header, UnverifiedJws};
use crate::keys::{PublicKey, SecretKey};

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

/// Why a signed request was refused (before the server's own replay and role checks).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestError {
    /// No `Authorization: Skillpass …` header, or not a usable EdDSA JWS.
    #[error("the request is not signed: {0}")]
    Unsigned(String),
    /// The signature does not verify with the key `kid` names.
    #[error("the request signature does not verify")]
    BadSignature,
    /// The signature verifies but covers another method, path or body.
    #[error("the signed request does not match this request: {0}")]
    Mismatch(&'static str),
    /// `iat` is outside the accepted window around the server's clock.
    #[error("the request was signed at {iat}, more than {window} s from the server time {now}")]
    Stale {
        /// The request's `iat`.
        iat: i64,
        /// The server's time.
        now: i64,
        /// The window in seconds.
        window: i64,
    },
}

/// A request whose signature, binding and freshness were checked.
#[derive(Debug, Clone)]
pub struct AuthenticatedRequest {
    /// The key that signed it.
    pub signer: PublicKey,
    /// The `kid` as sent.
    pub kid: String,
    /// The signed claims.
    pub claims: RequestClaims,
}

/// The JWS `typ` of a new key's proof of possession when an issuer rotates its key.
pub const TYP_KEY_PROOF: &str = "skillpass-key-proof+jwt";

/// The new key's proof of possession for a rotation: a JWS by `new_key` whose payload
/// `{"issuer": DID}` binds it to that issuer, so nobody can claim another party's key.
pub fn sign_key_proof(new_key: &SecretKey, issuer: &str) -> String {
    let payload = serde_json::json!({ "issuer": issuer }).to_string();
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

/// Checks an `Authorization` header value against the request it came with: EdDSA only,
/// `typ`, signature by the `kid`'s key, method, path, body digest, and `iat` within
/// `window_secs` of `now` (unix seconds). Replay (nonce) and role checks are the caller's.
pub fn verify_request(
    authorization: &str,
    method: &str,
    path: &str,
    body: &[u8],
    now: i64,
    window_secs: i64,
) -> Result<AuthenticatedRequest, RequestError> {
    let unsigned = |why: &str| RequestError::Unsigned(why.to_owned());
    let compact = authorization
        .strip_prefix(SCHEME)
        .and_then(|rest| rest.strip_prefix(' '))
        .ok_or_else(|| unsigned("expected `Authorization: Skillpass <JWS>`"))?
        .trim();
    let parsed = UnverifiedJws::parse(compact, MAX_REQUEST_JWS_LEN)
        .map_err(|e| RequestError::Unsigned(e.to_string()))?;
    if parsed.header().typ.as_deref() != Some(TYP_REQUEST) {
        return Err(unsigned("the JWS typ must be skillpass-request+jwt"));
    }
    let kid = parsed
        .header()
        .kid
        .clone()
        .ok_or_else(|| unsigned("the JWS has no kid"))?;
    let signer = PublicKey::from_did(&kid).map_err(|_| unsigned("kid is not a did:key DID URL"))?;
    if !parsed.verify_with(&signer) {
        return Err(RequestError::BadSignature);
    }
    let value = crate::json::parse_strict(parsed.payload())
        .map_err(|_| RequestError::Mismatch("the payload is not strict JSON"))?;
    let claims: RequestClaims = serde_json::from_value(value)
        .map_err(|_| RequestError::Mismatch("the payload is not a request claim set"))?;
    if !claims.method.eq_ignore_ascii_case(method) {
        return Err(RequestError::Mismatch("method"));
    }
    if claims.path != path {
        return Err(RequestError::Mismatch("path"));
    }
    if claims.body_sha256 != body_digest(body) {
        return Err(RequestError::Mismatch("body"));
    }
    if claims.nonce.len() < MIN_NONCE_LEN
        || claims.nonce.len() > MAX_NONCE_LEN
        || !claims
            .nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(RequestError::Mismatch(
            "nonce must be 16-64 base64url characters",
        ));
    }
    if (now - claims.iat).abs() > window_secs {
        return Err(RequestError::Stale {
            iat: claims.iat,
            now,
            window: window_secs,
        });
    }
    Ok(AuthenticatedRequest {
        signer,
        kid,
        claims,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONCE: &str = "abcdefghijklmnopqrstuv";

    #[test]
    fn a_signed_request_verifies_and_names_its_signer() {
        let key = SecretKey::generate();
        let h = sign_request_at(&key, "post", "/x?y=1", b"body", 1000, NONCE);
        let ok = verify_request(&h, "POST", "/x?y=1", b"body", 1100, 300).unwrap();
        assert_eq!(ok.signer, key.public());
        assert_eq!(ok.claims.nonce, NONCE);
    }

    #[test]
    fn another_method_path_or_body_is_a_mismatch() {
        let key = SecretKey::generate();
        let h = sign_request_at(&key, "POST", "/x", b"body", 1000, NONCE);
        for (m, p, b) in [
            ("PUT", "/x", &b"body"[..]),
            ("POST", "/y", b"body"),
            ("POST", "/x", b"bodY"),
        ] {
            assert!(matches!(
                verify_request(&h, m, p, b, 1000, 300),
                Err(RequestError::Mismatch(_))
            ));
        }
    }

    #[test]
    fn a_request_outside_the_window_is_stale() {
        let key = SecretKey::generate();
        let h = sign_request_at(&key, "GET", "/x", b"", 1000, NONCE);
        assert!(matches!(
            verify_request(&h, "GET", "/x", b"", 1301, 300),
            Err(RequestError::Stale { .. })
        ));
        assert!(verify_request(&h, "GET", "/x", b"", 700, 300).is_ok());
    }

    #[test]
    fn a_request_signed_by_another_key_than_its_kid_fails() {
        let key = SecretKey::generate();
        let other = SecretKey::generate();
        let claims = br#"{"method":"GET","path":"/x","bodySha256":"47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU","iat":1000,"nonce":"abcdefghijklmnopqrstuv"}"#;
        let jws = jws::sign(
            &other,
            &Header::new(TYP_REQUEST, &key.public().did_url()),
            claims,
        );
        assert_eq!(
            verify_request(&format!("Skillpass {jws}"), "GET", "/x", b"", 1000, 300).unwrap_err(),
            RequestError::BadSignature
        );
    }

    #[test]
    fn unsigned_other_schemes_and_alg_none_are_unsigned() {
        let key = SecretKey::generate();
        let none = jws::sign_raw(
            &key,
            br#"{"alg":"none","typ":"skillpass-request+jwt"}"#,
            b"{}",
        );
        for h in ["", "Bearer abc", "Skillpass", &format!("Skillpass {none}")] {
            assert!(matches!(
                verify_request(h, "GET", "/x", b"", 1000, 300),
                Err(RequestError::Unsigned(_))
            ));
        }
    }
}
