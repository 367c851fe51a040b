//! What every request meets before its handler: authentication of signed requests, the
//! body limit and strict JSON, the API's error shape for unknown routes and methods, and
//! 5xx answers that hide their details.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use credential_core::request::{sign_request, sign_request_at};
use credential_core::SecretKey;
use registry_server::store::{Batch, Tree};
use registry_server::Settings;
use serde_json::json;

use crate::harness::Harness;

#[tokio::test]
async fn healthz_names_the_anchor() {
    let h = Harness::new();
    let r = h.call("GET", "/healthz", b"", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["anchor"], h.operator.public().did());
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413() {
    let h = Harness::with_settings(Settings {
        max_body_bytes: 2048,
        ..Settings::default()
    });
    let key = SecretKey::generate();
    let body = json!({"name": "x".repeat(4096), "country": "PH"});
    let r = h.post("/issuers", body, &key).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "body_too_large")
    );
}

#[tokio::test]
async fn malformed_json_is_refused_in_the_api_error_format() {
    let h = Harness::new();
    let key = SecretKey::generate();
    let r = h.call("POST", "/issuers", b"{\"name\": ", Some(&key)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::BAD_REQUEST, "malformed_json")
    );
    let r = h
        .call(
            "POST",
            "/issuers",
            br#"{"name":"a","name":"b","country":"PH"}"#,
            Some(&key),
        )
        .await;
    assert_eq!(r.code(), "malformed_json");
}

#[tokio::test]
async fn an_unknown_route_is_a_json_404() {
    let h = Harness::new();
    let r = h.call("GET", "/no/such/route", b"", None).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let r = h.call("PUT", "/bundle", b"", None).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
}

#[tokio::test]
async fn server_errors_hide_their_details() {
    let h = Harness::new();
    let mut batch = Batch::default();
    batch.put(
        Tree::IssuerdidIssuer,
        b"did:key:broken".to_vec(),
        b"not json".to_vec(),
    );
    h.state.store().apply(batch).unwrap();
    let r = h.call("GET", "/issuers", b"", None).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::INTERNAL_SERVER_ERROR, "internal_error")
    );
    assert!(!r.text().contains("issuerdid_issuer"));
}

/// An unsigned write, one whose body changed after signing, a replayed one and one with a
/// stale timestamp are each refused with 401 and the code that says which.
#[tokio::test]
async fn a_write_whose_signature_does_not_authenticate_it_is_refused_with_its_code() {
    let body = br#"{"name":"X","country":"PH"}"#;
    let post = |auth: Option<&str>, body: &[u8]| {
        let mut req = Request::post("/issuers").header("content-type", "application/json");
        if let Some(auth) = auth {
            req = req.header("authorization", auth);
        }
        req.body(Body::from(body.to_vec())).unwrap()
    };
    for (what, code) in [
        ("unsigned", "unauthenticated"),
        ("its body changed after signing", "bad_signature"),
        ("replayed", "replayed_request"),
        ("signed an hour ago", "stale_request"),
    ] {
        let h = Harness::new();
        let key = SecretKey::generate();
        let req = match code {
            "unauthenticated" => post(None, body),
            "bad_signature" => {
                let auth = sign_request(&key, "POST", "/issuers", body);
                post(Some(&auth), br#"{"name":"Y","country":"PH"}"#)
            }
            "replayed_request" => {
                let auth = sign_request(&key, "POST", "/issuers", body);
                assert_eq!(
                    h.raw(post(Some(&auth), body)).await.status,
                    StatusCode::CREATED
                );
                post(Some(&auth), body)
            }
            _ => {
                let iat = h.now().timestamp() - 3600;
                let auth = sign_request_at(
                    &key,
                    "POST",
                    "/issuers",
                    body,
                    iat,
                    "abcdefghijklmnopqrstuv",
                );
                post(Some(&auth), body)
            }
        };
        let r = h.raw(req).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::UNAUTHORIZED, code),
            "{what}: {}",
            r.text()
        );
    }
}

/// `Accept-Language` adds what the refusal means in the reader's language (`text`, `lang`,
/// `dir`) beside the unchanged code and English message; without it nothing is added. (An
/// unknown route says its own sentence since issue 12's last call sites; a server error
/// still says what its status means.)
#[tokio::test]
async fn accept_language_adds_the_meaning_of_an_error_in_that_language() {
    let h = Harness::new();
    let ask = |path: &str, lang: Option<&str>| {
        let mut req = Request::builder().method("GET").uri(path);
        if let Some(lang) = lang {
            req = req.header("accept-language", lang);
        }
        req.body(Body::empty()).unwrap()
    };
    let plain = h.raw(ask("/no/such/route", None)).await.json();
    assert_eq!(
        plain,
        json!({"error": {"code": "not_found", "message": "no such route"}})
    );
    let german = h
        .raw(ask("/no/such/route", Some("de-DE,de;q=0.9,en;q=0.5")))
        .await;
    assert_eq!(german.status, StatusCode::NOT_FOUND);
    assert_eq!(
        german.json(),
        json!({"error": {"code": "not_found", "message": "no such route",
                         "text": "diesen Pfad gibt es nicht", "lang": "de", "dir": "ltr"}})
    );
    let arabic = h.raw(ask("/no/such/route", Some("ar"))).await.json();
    assert_eq!(arabic["error"]["text"], "لا يوجد مسار بهذا الاسم");
    assert_eq!(arabic["error"]["dir"], "rtl");
    // A language the registry does not speak: English.
    let japanese = h.raw(ask("/no/such/route", Some("ja"))).await.json();
    assert_eq!(japanese["error"]["text"], "no such route");
    assert_eq!(japanese["error"]["lang"], "en");
    // A server error: the meaning in French, the detail still hidden.
    let mut batch = Batch::default();
    batch.put(
        Tree::IssuerdidIssuer,
        b"did:key:broken".to_vec(),
        b"not json".to_vec(),
    );
    h.state.store().apply(batch).unwrap();
    let french = h.raw(ask("/issuers", Some("fr"))).await;
    assert_eq!(french.code(), "internal_error");
    assert!(french.json()["error"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Le registre n'a pas pu traiter la requête"));
    assert!(!french.text().contains("issuerdid_issuer"));
}

/// Issue 12: a refusal said through the catalog where it is made reads, under
/// `Accept-Language`, as that very refusal in the reader's language; the code and the
/// English `message` stay what they were.
#[tokio::test]
async fn accept_language_gives_the_refusal_of_the_call_site_in_that_language() {
    let h = Harness::new();
    let ask = |lang: Option<&str>| {
        let mut req = Request::builder()
            .method("GET")
            .uri("/issuers/did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH");
        if let Some(lang) = lang {
            req = req.header("accept-language", lang);
        }
        req.body(Body::empty()).unwrap()
    };
    let plain = h.raw(ask(None)).await;
    assert_eq!(plain.status, StatusCode::NOT_FOUND);
    assert_eq!(
        plain.json(),
        json!({"error": {"code": "unknown_issuer",
                         "message": "no issuer with this DID is registered"}})
    );
    for (lang, text) in [
        ("de", "unter dieser DID ist kein Aussteller registriert"),
        ("fil", "walang nakarehistrong issuer na may ganitong DID"),
        ("ar", "لا توجد جهة إصدار مسجّلة بهذا المعرّف اللامركزي (DID)"),
        ("es", "no hay ningún emisor registrado con este DID"),
        ("fr", "aucun émetteur n'est enregistré sous ce DID"),
        ("en", "no issuer with this DID is registered"),
    ] {
        let r = h.raw(ask(Some(lang))).await.json();
        assert_eq!(r["error"]["text"], text, "{lang}");
        assert_eq!(r["error"]["code"], "unknown_issuer", "{lang}");
        assert_eq!(
            r["error"]["message"], "no issuer with this DID is registered",
            "{lang}"
        );
    }
}

/// The refusals that used to fall back to their status's generic meaning now say their own
/// sentence: each in German and Arabic here, with the code and the English `message`
/// exactly as before (and, where a lower layer's words are part of the refusal, those
/// words after the sentence).
#[tokio::test]
async fn accept_language_gives_each_call_sites_own_sentence() {
    let h = Harness::new();
    let ask = |method: &str, path: &str, lang: &str| {
        Request::builder()
            .method(method)
            .uri(path)
            .header("accept-language", lang)
            .body(Body::empty())
            .unwrap()
    };
    let cases: [(&str, &str, &str, &str, &str, &str); 6] = [
        (
            "GET",
            "/no-such-thing",
            "not_found",
            "no such route",
            "diesen Pfad gibt es nicht",
            "لا يوجد مسار بهذا الاسم",
        ),
        (
            "DELETE",
            "/healthz",
            "method_not_allowed",
            "this route does not accept that method",
            "dieser Pfad nimmt diese Methode nicht an",
            "هذا المسار لا يقبل هذه الطريقة",
        ),
        (
            "GET",
            "/types/Nothing",
            "not_found",
            "this registry serves no Type Metadata: start it with --public-url set to the URL it is reached at",
            "dieses Register stellt keine Type Metadata bereit: starten Sie es mit --public-url und der Adresse, unter der es erreichbar ist",
            "لا يقدّم هذا السجل Type Metadata: شغّله مع --public-url مضبوطًا على العنوان الذي يُبلغ منه",
        ),
        (
            "GET",
            "/equivalence?level=NOPE-9&to=DE",
            "unknown_level",
            "level is not a level of any shipped framework; GET /equivalence/frameworks lists them",
            "level ist kein Niveau eines mitgelieferten Qualifikationsrahmens; GET /equivalence/frameworks listet sie auf",
            "قيمة level ليست مستوى في أي إطار مؤهلات مرفق؛ يعرضها GET /equivalence/frameworks",
        ),
        (
            "POST",
            "/issuers",
            "unsupported_media_type",
            "the body must be sent as Content-Type: application/json, not (none)",
            "der Inhalt muss als Content-Type: application/json gesendet werden, nicht als (none)",
            "",
        ),
        (
            "GET",
            "/status/did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH/revocation",
            "unknown_status_list",
            "no such status list",
            "diese Statusliste gibt es nicht",
            "لا توجد قائمة حالة بهذا الاسم",
        ),
    ];
    for (method, path, code, english, german, arabic) in cases {
        for (lang, text) in [("de-DE", german), ("ar", arabic), ("en", english)] {
            if text.is_empty() {
                continue;
            }
            let r = h.raw(ask(method, path, lang)).await.json();
            assert_eq!(r["error"]["code"], code, "{path} {lang}");
            assert_eq!(r["error"]["message"], english, "{path} {lang}");
            assert_eq!(r["error"]["text"], text, "{path} {lang}");
        }
    }

    // A lower layer's words stay as they were said, after the sentence of the call site.
    let r = h
        .raw(ask("GET", "/contexts/evil.jsonld", "fr"))
        .await
        .json();
    let message = r["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("no such context; the contexts are "),
        "{message}"
    );
    let known = message.trim_start_matches("no such context; the contexts are ");
    assert_eq!(
        r["error"]["text"],
        format!("ce contexte n'existe pas ; les contextes sont {known}")
    );
    let r = h
        .raw(ask("GET", "/decisions?limit=many", "es"))
        .await
        .json();
    assert_eq!(r["error"]["code"], "invalid_query");
    let message = r["error"]["message"].as_str().unwrap().to_owned();
    assert_eq!(
        r["error"]["text"],
        format!("no se pueden leer los parámetros de la consulta: {message}")
    );
}

/// The nonces of signed requests in the store.
fn stored_nonces(h: &Harness) -> Vec<Vec<u8>> {
    h.state
        .store()
        .keys_below(Tree::IatnonceSeen, &[0xff; 8], 10_000)
        .unwrap()
}

#[tokio::test]
async fn nonces_past_the_request_window_are_forgotten_by_a_later_write() {
    let h = Harness::new();
    h.college("College of the first hour").await;
    let old = stored_nonces(&h);
    assert!(!old.is_empty(), "a signed write keeps its nonce");
    // Within the window (and within a second of the last look): kept.
    h.college("College of the same minute").await;
    let kept = stored_nonces(&h);
    assert!(old.iter().all(|n| kept.contains(n)), "forgotten too early");
    // Past the window and its margin: the next write forgets them.
    let window = h.state.settings().request_window_secs;
    h.advance(chrono::Duration::seconds(window + 120));
    h.college("College of the next hour").await;
    let now = stored_nonces(&h);
    assert!(
        kept.iter().all(|n| !now.contains(n)),
        "expired nonces still stored"
    );
    assert!(!now.is_empty(), "the new writes' nonces are kept");
}
