//! The published vectors in `testdata/vectors.json` (sources in `testdata/README.md`),
//! run against the library's public API.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use credential_core::jws::{self, JwsError, UnverifiedJws, MAX_JWS_LEN};
use credential_core::{Algorithm, PublicJwk, PublicKey, SecretKey};
use serde_json::Value;

fn vector(id: &str) -> Value {
    let all: Value = serde_json::from_str(include_str!("../testdata/vectors.json")).unwrap();
    all["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == id)
        .unwrap()["data"]
        .clone()
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn rfc8037_key() -> SecretKey {
    let jwk = vector("rfc8037-A.1-ed25519-private-jwk")["jwk"].to_string();
    SecretKey::from_private_jwk(&jwk).unwrap()
}

#[test]
fn rfc8037_a1_private_jwk_derives_the_a2_public_key() {
    let public: PublicJwk =
        serde_json::from_value(vector("rfc8037-A.2-ed25519-public-jwk")["jwk"].clone()).unwrap();
    assert_eq!(rfc8037_key().public().to_jwk(), public);
}

#[test]
fn rfc8037_a3_thumbprint() {
    let v = vector("rfc8037-A.3-jwk-thumbprint");
    assert_eq!(
        rfc8037_key().public().thumbprint(),
        v["thumbprint"].as_str().unwrap()
    );
}

#[test]
fn rfc8037_a4_signing_is_reproduced_byte_for_byte() {
    let v = vector("rfc8037-A.4-A.5-jws-eddsa");
    let jws = jws::sign_raw(
        &rfc8037_key(),
        v["protected_header"].as_str().unwrap().as_bytes(),
        v["payload_text"].as_str().unwrap().as_bytes(),
    );
    assert_eq!(jws, v["compact"].as_str().unwrap());
}

#[test]
fn rfc8037_a5_validation_succeeds_and_fails_after_tampering() {
    let v = vector("rfc8037-A.4-A.5-jws-eddsa");
    let compact = v["compact"].as_str().unwrap();
    let public = rfc8037_key().public();
    assert!(UnverifiedJws::parse(compact, MAX_JWS_LEN)
        .unwrap()
        .verify_with(&public));
    let other_payload = compact.replacen(".RXhh", ".RXhi", 1); // "Exa" -> "Exb"
    assert!(!UnverifiedJws::parse(&other_payload, MAX_JWS_LEN)
        .unwrap()
        .verify_with(&public));
}

#[test]
fn the_draft_alg_ed25519_jws_is_refused_even_though_its_signature_is_good() {
    let v = vector("draft-ietf-jose-cfrg-curves-00-A.4-jws-alg-Ed25519");
    let err = UnverifiedJws::parse(v["compact"].as_str().unwrap(), MAX_JWS_LEN).unwrap_err();
    assert_eq!(err, JwsError::Algorithm("Ed25519".into()));
}

#[test]
fn rfc8032_test1_signature_and_public_key() {
    let v = vector("rfc8032-7.1-test1-ed25519");
    let key = SecretKey::from_bytes(
        &hex(v["secret_key_hex"].as_str().unwrap())
            .try_into()
            .unwrap(),
    );
    assert_eq!(
        key.public().to_bytes().to_vec(),
        hex(v["public_key_hex"].as_str().unwrap())
    );
    assert_eq!(
        key.sign(b"").to_vec(),
        hex(v["signature_hex"].as_str().unwrap())
    );
}

#[test]
fn did_key_vectors_encode_and_decode() {
    for id in [
        "did-key-ed25519-seed-00",
        "did-key-ed25519-seed-01",
        "did-key-ed25519-seed-02",
    ] {
        let v = vector(id);
        let key = SecretKey::from_bytes(&hex(v["seed_hex"].as_str().unwrap()).try_into().unwrap())
            .public();
        assert_eq!(key.did(), v["did"].as_str().unwrap(), "{id}");
        assert_eq!(
            key.did_url(),
            v["verification_method_id"].as_str().unwrap(),
            "{id}"
        );
        assert_eq!(
            PublicKey::from_did(v["did"].as_str().unwrap()).unwrap(),
            key,
            "{id}"
        );
        assert_eq!(
            serde_json::to_value(key.to_jwk()).unwrap(),
            v["public_jwk"],
            "{id}"
        );
    }
    let v = vector("did-key-of-rfc8037-key");
    assert_eq!(rfc8037_key().public().did(), v["did"].as_str().unwrap());
}

#[test]
fn rfc7515_a3_es256_jws_verifies_and_fails_after_tampering() {
    let v = vector("rfc7515-A.3-jws-es256");
    let key = SecretKey::from_private_jwk(&v["jwk"].to_string()).unwrap();
    assert_eq!(key.algorithm(), Algorithm::Es256);
    let compact = v["compact"].as_str().unwrap();
    let parsed = UnverifiedJws::parse(compact, MAX_JWS_LEN).unwrap();
    assert_eq!(parsed.algorithm(), Algorithm::Es256);
    assert!(parsed.verify_with(&key.public()));
    // One character inside the signature changed: still 64 bytes, no longer valid.
    let at = compact.len() - 10;
    let swapped = if &compact[at..=at] == "A" { "B" } else { "A" };
    let bad = format!("{}{swapped}{}", &compact[..at], &compact[at + 1..]);
    let parsed = UnverifiedJws::parse(&bad, MAX_JWS_LEN).unwrap();
    assert!(!parsed.verify_with(&key.public()));
    // The same signature under any other P-256 key fails.
    let other = SecretKey::generate_for(Algorithm::Es256).public();
    let parsed = UnverifiedJws::parse(compact, MAX_JWS_LEN).unwrap();
    assert!(!parsed.verify_with(&other));
}

#[test]
fn rfc6979_a25_p256_sha256_deterministic_signatures_are_reproduced_byte_for_byte() {
    let v = vector("rfc6979-A.2.5-p256-sha256");
    let d: [u8; 32] = hex(v["private_key_hex"].as_str().unwrap())
        .try_into()
        .unwrap();
    let key = SecretKey::from_p256_bytes(&d).unwrap();
    let mut sec1 = vec![0x04];
    sec1.extend(hex(v["ux_hex"].as_str().unwrap()));
    sec1.extend(hex(v["uy_hex"].as_str().unwrap()));
    assert_eq!(key.public(), PublicKey::from_p256_sec1(&sec1).unwrap());
    for s in v["signatures"].as_array().unwrap() {
        let message = s["message"].as_str().unwrap().as_bytes();
        let mut expected = hex(s["r_hex"].as_str().unwrap());
        expected.extend(hex(s["s_hex"].as_str().unwrap()));
        assert_eq!(key.sign(message).to_vec(), expected, "{}", s["message"]);
        assert!(key.public().verify(message, &expected));
    }
}

#[test]
fn did_key_p256_vectors_encode_and_decode() {
    for entry in vector("did-key-p256-nist-curves")["keys"]
        .as_array()
        .unwrap()
    {
        let did = entry["did"].as_str().unwrap();
        let key = SecretKey::from_private_jwk(&entry["jwk"].to_string()).unwrap();
        assert_eq!(key.public().did(), did);
        let decoded = PublicKey::from_did(did).unwrap();
        assert_eq!(decoded, key.public());
        let jwk = decoded.to_jwk();
        assert_eq!(jwk.x, entry["jwk"]["x"].as_str().unwrap());
        assert_eq!(jwk.y.as_deref(), entry["jwk"]["y"].as_str());
        assert_eq!(PublicKey::from_did(&decoded.did_jwk()).unwrap(), decoded);
    }
}

#[test]
fn rfc6979_a26_p384_sha384_deterministic_signatures_are_reproduced_byte_for_byte() {
    // RFC 6979 appendix A.2.6 (P-384): the key, its public point, and the deterministic
    // SHA-384 signatures of "sample" and "test"; JOSE's ES384 is r || s, 48 bytes each.
    let d: [u8; 48] = hex(
        "6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D8\
         96D5724E4C70A825F872C9EA60D2EDF5",
    )
    .try_into()
    .unwrap();
    let key = SecretKey::from_p384_bytes(&d).unwrap();
    assert_eq!(key.algorithm(), Algorithm::Es384);
    let mut sec1 = vec![0x04];
    sec1.extend(hex(
        "EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64\
         DEF8F0EA9055866064A254515480BC13",
    ));
    sec1.extend(hex(
        "8015D9B72D7D57244EA8EF9AC0C621896708A59367F9DFB9F54CA84B3F1C9DB1\
         288B231C3AE0D4FE7344FD2533264720",
    ));
    assert_eq!(key.public(), PublicKey::from_p384_sec1(&sec1).unwrap());
    for (message, r, s) in [
        (
            "sample",
            "94EDBB92A5ECB8AAD4736E56C691916B3F88140666CE9FA73D64C4EA95AD133C\
             81A648152E44ACF96E36DD1E80FABE46",
            "99EF4AEB15F178CEA1FE40DB2603138F130E740A19624526203B6351D0A3A94F\
             A329C145786E679E7B82C71A38628AC8",
        ),
        (
            "test",
            "8203B63D3C853E8D77227FB377BCF7B7B772E97892A80F36AB775D509D7A5FEB\
             0542A7F0812998DA8F1DD3CA3CF023DB",
            "DDD0760448D42D8A43AF45AF836FCE4DE8BE06B485E9B61B827C2F13173923E0\
             6A739F040649A667BF3B828246BAA5A5",
        ),
    ] {
        let mut expected = hex(r);
        expected.extend(hex(s));
        assert_eq!(expected.len(), 96);
        assert_eq!(key.sign(message.as_bytes()), expected, "{message}");
        assert!(key.public().verify(message.as_bytes(), &expected));
    }
}

#[test]
fn rfc7515_a4_es512_jws_verifies_under_its_p521_key_and_its_d_yields_that_key() {
    // RFC 7515 appendix A.4: a JWS over the payload "Payload" with ECDSA P-521 SHA-512, and
    // the P-521 private JWK that made it. ES512's signature is r || s, 66 bytes each.
    let private = r#"{"kty":"EC","crv":"P-521",
        "x":"AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk",
        "y":"ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2",
        "d":"AY5pb7A0UFiB3RELSD64fTLOSV_jazdF7fLYyuTw8lOfRhWg6Y6rUrPAxerEzgdRhajnu0ferB0d53vM9mE15j2C"}"#;
    let key = SecretKey::from_private_jwk(private).unwrap();
    assert_eq!(key.algorithm(), Algorithm::Es512);
    let public = key.public();
    let compact = "eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.\
        AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZq\
        wqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8Kp\
        EHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn";
    let jws = UnverifiedJws::parse(compact, MAX_JWS_LEN).unwrap();
    assert_eq!(jws.algorithm(), Algorithm::Es512);
    assert_eq!(jws.payload(), b"Payload");
    assert_eq!(jws.signature().len(), 132);
    assert!(jws.verify_with(&public));
    // Another P-521 key, or the payload changed, and it no longer verifies.
    assert!(!jws.verify_with(&SecretKey::generate_for(Algorithm::Es512).public()));
    let changed = compact.replacen("UGF5bG9hZA", "UGF5bG9hZQ", 1);
    let changed = UnverifiedJws::parse(&changed, MAX_JWS_LEN).unwrap();
    assert!(!changed.verify_with(&public));
    // CVE-2022-21449: a signature of r = s = 0 under the same header is refused.
    let zero = format!(
        "eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.{}",
        base64::Engine::encode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            [0u8; 132]
        )
    );
    let zero = UnverifiedJws::parse(&zero, MAX_JWS_LEN).unwrap();
    assert!(!zero.verify_with(&public));
    // A fresh ES512 signature by the same key verifies as well.
    let header = br#"{"alg":"ES512"}"#;
    let ours = jws::sign_raw(&key, header, b"Payload");
    assert!(UnverifiedJws::parse(&ours, MAX_JWS_LEN)
        .unwrap()
        .verify_with(&public));
}
