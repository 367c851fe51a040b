//! The presentation relay (`POST`/`GET /relay/{id}`): it takes only encrypted OpenID4VP
//! answers, stores exactly the ciphertext, hands it once to the holder of the mailbox
//! secret, forgets it after its time, and holds nothing that could open it.

use axum::body::Body;
use axum::http::Request;
use base64::Engine as _;
use chrono::Duration;
use josekit::jwe::{self, JweHeader, ECDH_ES};
use josekit::jwk::alg::ec::{EcCurve, EcKeyPair};
use registry_server::relay::{mailbox_of, TTL_SECONDS};
use serde_json::json;

use crate::harness::{Harness, Reply};

/// An employer's secret and the mailbox id made from it.
fn employer() -> (String, String) {
    let secret =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>());
    let id = mailbox_of(&secret);
    (secret, id)
}

/// A wallet's answer encrypted to `key` as `direct_post.jwt` does (ECDH-ES, A128GCM).
fn encrypt_to(key: &EcKeyPair, payload: &[u8]) -> String {
    let mut header = JweHeader::new();
    header.set_content_encryption("A128GCM");
    let encrypter = ECDH_ES
        .encrypter_from_jwk(&key.to_jwk_public_key())
        .unwrap();
    jwe::serialize_compact(payload, &header, &encrypter).unwrap()
}

async fn post_form(h: &Harness, id: &str, content_type: &str, body: &str) -> Reply {
    let req = Request::builder()
        .method("POST")
        .uri(format!("/relay/{id}"))
        .header("content-type", content_type)
        .body(Body::from(body.to_owned()))
        .unwrap();
    h.raw(req).await
}

async fn post_answer(h: &Harness, id: &str, jwe: &str) -> Reply {
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("response", jwe)
        .finish();
    post_form(h, id, "application/x-www-form-urlencoded", &body).await
}

async fn collect(h: &Harness, id: &str, secret: Option<&str>) -> Reply {
    let mut req = Request::builder().method("GET").uri(format!("/relay/{id}"));
    if let Some(s) = secret {
        req = req.header("authorization", format!("Bearer {s}"));
    }
    h.raw(req.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn the_relay_stores_only_the_ciphertext_and_only_the_employer_key_opens_it() {
    let h = Harness::new();
    let (secret, id) = employer();
    let key = EcKeyPair::generate(EcCurve::P256).unwrap();
    let answer = json!({"vp_token": {"q": ["eyJ…~…"]}, "state": "s1"}).to_string();
    let jwe = encrypt_to(&key, answer.as_bytes());

    let r = post_answer(&h, &id, &jwe).await;
    assert_eq!(r.pair(), (200, json!({})));

    // What the registry holds is the JWE, byte for byte: no plaintext, no key.
    let stored = h.state.relay().peek(&id);
    assert_eq!(stored, vec![jwe.clone()]);
    assert!(!stored[0].contains("vp_token"));
    // Another P-256 key (anyone but the employer, the registry included) cannot open it.
    let other = EcKeyPair::generate(EcCurve::P256).unwrap();
    let wrong = ECDH_ES
        .decrypter_from_jwk(&other.to_jwk_private_key())
        .unwrap();
    assert!(jwe::deserialize_compact(&stored[0], &wrong).is_err());

    // The employer collects it once, with its secret, and opens it with its key.
    let r = collect(&h, &id, Some(&secret)).await;
    assert_eq!(r.status.as_u16(), 200);
    let got = r.json()["responses"][0].as_str().unwrap().to_owned();
    assert_eq!(got, jwe);
    let mine = ECDH_ES
        .decrypter_from_jwk(&key.to_jwk_private_key())
        .unwrap();
    let (plain, _) = jwe::deserialize_compact(&got, &mine).unwrap();
    assert_eq!(plain, answer.as_bytes());
    assert_eq!(
        collect(&h, &id, Some(&secret)).await.json(),
        json!({"responses": []}),
        "an answer is handed out once"
    );
    assert!(h.state.relay().peek(&id).is_empty());
}

#[tokio::test]
async fn only_the_holder_of_the_mailbox_secret_collects() {
    let h = Harness::new();
    let (secret, id) = employer();
    let key = EcKeyPair::generate(EcCurve::P256).unwrap();
    post_answer(&h, &id, &encrypt_to(&key, b"{}")).await;
    let r = collect(&h, &id, None).await;
    assert_eq!(
        (r.status.as_u16(), r.code()),
        (401, "unauthenticated".into())
    );
    let (other, _) = employer();
    let r = collect(&h, &id, Some(&other)).await;
    assert_eq!((r.status.as_u16(), r.code()), (403, "forbidden".into()));
    // The id itself is no secret: it opens nothing.
    let r = collect(&h, &id, Some(&id)).await;
    assert_eq!((r.status.as_u16(), r.code()), (403, "forbidden".into()));
    assert_eq!(h.state.relay().peek(&id).len(), 1, "refusals take nothing");
    let r = collect(&h, &id, Some(&secret)).await;
    assert_eq!(r.json()["responses"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_answer_not_collected_in_time_is_gone() {
    let h = Harness::new();
    let (secret, id) = employer();
    let key = EcKeyPair::generate(EcCurve::P256).unwrap();
    post_answer(&h, &id, &encrypt_to(&key, b"{}")).await;
    h.advance(Duration::seconds(TTL_SECONDS + 1));
    assert_eq!(
        collect(&h, &id, Some(&secret)).await.json(),
        json!({"responses": []})
    );
}

#[tokio::test]
async fn the_relay_refuses_what_is_not_an_encrypted_answer() {
    let h = Harness::new();
    let (_, id) = employer();
    let key = EcKeyPair::generate(EcCurve::P256).unwrap();
    let jwe = encrypt_to(&key, b"{}");
    let b64 = |v: serde_json::Value| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    };
    let rest: String = jwe.split_once('.').unwrap().1.to_owned();
    let with_header = |h: serde_json::Value| format!("{}.{rest}", b64(h));
    let form = |jwe: &str| {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("response", jwe)
            .finish()
    };
    let plain_vp = "eyJhbGciOiJFUzI1NiJ9.eyJ4IjoxfQ.c2ln~WyJzIiwibmFtZSIsIngiXQ~";
    let cases: Vec<(&str, String, String, u16)> = vec![
        (
            "a JSON body",
            "application/json".into(),
            json!({"response": jwe}).to_string(),
            415,
        ),
        (
            "a plain direct_post answer",
            "application/x-www-form-urlencoded".into(),
            format!("vp_token={plain_vp}&state=s"),
            422,
        ),
        (
            "a signed, unencrypted JWT",
            "application/x-www-form-urlencoded".into(),
            form(plain_vp),
            422,
        ),
        (
            "a JWE with a second field",
            "application/x-www-form-urlencoded".into(),
            format!("{}&state=s", form(&jwe)),
            422,
        ),
        (
            "two responses",
            "application/x-www-form-urlencoded".into(),
            format!("{}&{}", form(&jwe), form(&jwe)),
            422,
        ),
        (
            "no response",
            "application/x-www-form-urlencoded".into(),
            String::new(),
            422,
        ),
        (
            "a JWE by RSA",
            "application/x-www-form-urlencoded".into(),
            form(&with_header(
                json!({"alg": "RSA-OAEP-256", "enc": "A128GCM"}),
            )),
            422,
        ),
        (
            "a JWE by a shared key",
            "application/x-www-form-urlencoded".into(),
            form(&with_header(json!({"alg": "dir", "enc": "A128GCM"}))),
            422,
        ),
        (
            "a JWE without enc",
            "application/x-www-form-urlencoded".into(),
            form(&with_header(json!({"alg": "ECDH-ES"}))),
            422,
        ),
        (
            "a header that is not JSON",
            "application/x-www-form-urlencoded".into(),
            form(&format!("bm90IGpzb24.{rest}")),
            422,
        ),
        (
            "six parts",
            "application/x-www-form-urlencoded".into(),
            form(&format!("{jwe}.x")),
            422,
        ),
        (
            "an answer over 256 KiB",
            "application/x-www-form-urlencoded".into(),
            form(&format!(
                "{jwe}{}",
                "A".repeat(registry_server::relay::MAX_RESPONSE)
            )),
            413,
        ),
    ];
    for (what, content_type, body, status) in cases {
        let r = post_form(&h, &id, &content_type, &body).await;
        assert_eq!(r.status.as_u16(), status, "{what}: {}", r.text());
    }
    assert!(h.state.relay().peek(&id).is_empty(), "nothing was stored");
    for bad in ["short", "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols"] {
        let r = post_answer(&h, bad, &jwe).await;
        assert!(
            [400, 404].contains(&r.status.as_u16()),
            "{bad}: {}",
            r.text()
        );
    }
    let r = post_answer(&h, "K7gNU3sdo-OL0wNhqoVWhr3g6s1xYv72ol_pe_Unol!", &jwe).await;
    assert_eq!(r.code(), "invalid_parameter");
}

#[tokio::test]
async fn a_full_mailbox_refuses_more_answers() {
    let h = Harness::new();
    let (_, id) = employer();
    let key = EcKeyPair::generate(EcCurve::P256).unwrap();
    for _ in 0..registry_server::relay::MAX_PER_MAILBOX {
        assert_eq!(
            post_answer(&h, &id, &encrypt_to(&key, b"{}"))
                .await
                .status
                .as_u16(),
            200
        );
    }
    let r = post_answer(&h, &id, &encrypt_to(&key, b"{}")).await;
    assert_eq!((r.status.as_u16(), r.code()), (503, "relay_full".into()));
}
