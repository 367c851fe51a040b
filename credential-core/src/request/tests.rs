use super::*;
use crate::jws::{self, Header};
use crate::keys::SecretKey;

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
