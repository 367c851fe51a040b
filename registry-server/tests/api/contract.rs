//! The HTTP contract at its edges (issue 17): errors that axum's extractors or the router
//! give before a handler runs are JSON in the one error shape and come before
//! authentication; `If-None-Match` is compared weakly; every 401 says how to authenticate,
//! and the description says so too.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use credential_core::SecretKey;
use serde_json::{json, Value};

use crate::harness::Harness;

/// The whole answer: status, `Content-Type`, `WWW-Authenticate` and the body as JSON.
struct Seen {
    status: u16,
    content_type: String,
    challenge: Option<String>,
    body: Value,
}

async fn see(h: &Harness, req: Request<Body>) -> Seen {
    let res = h.response(req).await;
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let status = res.status().as_u16();
    let content_type = header("content-type").unwrap_or_default();
    let challenge = header("www-authenticate");
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    Seen {
        status,
        content_type,
        challenge,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    }
}

fn unsigned(method: &str, uri: &str, content_type: Option<&str>, body: &[u8]) -> Request<Body> {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = content_type {
        req = req.header("content-type", t);
    }
    req.body(Body::from(body.to_vec())).unwrap()
}

#[tokio::test]
async fn errors_from_extractors_and_the_router_are_json_in_the_one_shape_before_authentication() {
    let h = Harness::new();
    let did = SecretKey::generate().public().did();
    let json = Some("application/json");
    // None of these requests is signed: each is refused for what it is, not for who sent
    // it (a 401 here would hide from the client what to fix).
    let cases: Vec<(&str, Request<Body>, u16, &str)> = vec![
        (
            "a path segment that is not UTF-8, on a public read",
            unsigned("GET", "/issuers/%FF", None, b""),
            400,
            "bad_request",
        ),
        (
            "a path segment that is not UTF-8, on a signed write",
            unsigned("POST", "/issuers/%FF%FE/accredit", json, b"{}"),
            400,
            "bad_request",
        ),
        (
            "a path segment that is not UTF-8, on a signed read",
            unsigned("GET", "/credentials/%C3%28", None, b""),
            400,
            "bad_request",
        ),
        (
            "a second path segment that is not UTF-8",
            unsigned("GET", &format!("/status/{did}/%FF"), None, b""),
            400,
            "bad_request",
        ),
        (
            "a page size that is not a number",
            unsigned("GET", "/log?limit=abc", None, b""),
            400,
            "invalid_query",
        ),
        (
            "a negative sequence",
            unsigned("GET", "/log?after=-1", None, b""),
            400,
            "invalid_query",
        ),
        (
            "a sequence beyond the int64 the description says",
            unsigned("GET", "/log?after=9223372036854775808", None, b""),
            400,
            "invalid_query",
        ),
        (
            "a negative page size",
            unsigned("GET", "/log?limit=-1", None, b""),
            400,
            "invalid_query",
        ),
        (
            "a parameter given twice",
            unsigned("GET", "/issuers?limit=1&limit=2", None, b""),
            400,
            "invalid_query",
        ),
        (
            "a body declared as text",
            unsigned("POST", "/issuers", Some("text/plain"), b"{}"),
            415,
            "unsupported_media_type",
        ),
        (
            "a body with no type",
            unsigned("POST", "/credentials", None, b"{}"),
            415,
            "unsupported_media_type",
        ),
        (
            "JSON cut short",
            unsigned("POST", "/issuers", json, b"{\"name\":"),
            400,
            "malformed_json",
        ),
        (
            "JSON with a duplicate key",
            unsigned(
                "POST",
                "/authorities",
                json,
                br#"{"name":"a","name":"b","id":"x","country":"DE"}"#,
            ),
            400,
            "malformed_json",
        ),
        (
            "an unknown route",
            unsigned("GET", "/nowhere/%FF", None, b""),
            404,
            "not_found",
        ),
        (
            "a known route with another method",
            unsigned("PUT", "/issuers", json, b"{}"),
            405,
            "method_not_allowed",
        ),
    ];
    for (what, req, status, code) in cases {
        let seen = see(&h, req).await;
        assert_eq!(seen.status, status, "{what}: {}", seen.body);
        assert_eq!(seen.content_type, "application/json", "{what}");
        assert_eq!(seen.body["error"]["code"], code, "{what}: {}", seen.body);
        assert!(
            !seen.body["error"]["message"].as_str().unwrap().is_empty(),
            "{what}"
        );
        assert_eq!(
            seen.body["error"].as_object().unwrap().len(),
            2,
            "{what}: only code and message without Accept-Language: {}",
            seen.body
        );
    }
}

#[tokio::test]
async fn what_well_formed_json_says_is_judged_once_the_signer_is_known() {
    let h = Harness::new();
    let stranger = SecretKey::generate();
    // Readable JSON: unsigned, it is refused as unsigned, whatever its fields say; signed,
    // a body of the wrong shape is 400 and a field over its bound 422.
    for (what, body, status, code) in [
        ("the wrong shape", json!([1, 2]), 400, "malformed_json"),
        (
            "a field missing",
            json!({"country": "PH"}),
            400,
            "malformed_json",
        ),
        (
            "a name with a bidirectional override",
            json!({"name": "A\u{202E}", "country": "PH"}),
            422,
            "invalid_field",
        ),
    ] {
        let bytes = body.to_string().into_bytes();
        let seen = see(
            &h,
            unsigned("POST", "/issuers", Some("application/json"), &bytes),
        )
        .await;
        assert_eq!(seen.status, 401, "{what}: {}", seen.body);
        assert_eq!(seen.body["error"]["code"], "unauthenticated", "{what}");
        assert_eq!(seen.challenge.as_deref(), Some("Skillpass"), "{what}");
        let signed = h.request("POST", "/issuers", &bytes, Some(&stranger));
        let seen = see(&h, signed).await;
        assert_eq!(seen.status, status, "{what}: {}", seen.body);
        assert_eq!(seen.body["error"]["code"], code, "{what}");
    }
}

#[tokio::test]
async fn every_401_says_how_to_authenticate_in_www_authenticate() {
    let h = Harness::new();
    let stranger = SecretKey::generate();
    // A registration that goes through, then the very same request again.
    let registration = json!({"name": "College", "country": "PH"}).to_string();
    let first = h.request("POST", "/issuers", registration.as_bytes(), Some(&stranger));
    let headers = first.headers().clone();
    assert_eq!(see(&h, first).await.status, 201);
    let mut replayed = Request::post("/issuers")
        .body(Body::from(registration))
        .unwrap();
    *replayed.headers_mut() = headers;
    // A request signed for one path, sent to another.
    let mut bad_signature = h.request("GET", "/credentials/urn:uuid:y", b"", Some(&stranger));
    *bad_signature.uri_mut() = "/credentials/urn:uuid:x".parse().unwrap();
    let cases: Vec<(&str, Request<Body>, &str, &str)> = vec![
        (
            "unsigned write",
            unsigned(
                "POST",
                "/issuers",
                Some("application/json"),
                b"{\"name\":\"A\"}",
            ),
            "unauthenticated",
            "Skillpass",
        ),
        (
            "unsigned read of a stored credential",
            unsigned("GET", "/credentials/urn:uuid:x", None, b""),
            "unauthenticated",
            "Skillpass",
        ),
        (
            "another scheme",
            Request::get("/admin/backup")
                .header("authorization", "Bearer abc")
                .body(Body::empty())
                .unwrap(),
            "unauthenticated",
            "Skillpass",
        ),
        (
            "a signature that does not verify",
            bad_signature,
            "bad_signature",
            "Skillpass",
        ),
        (
            "a replayed request",
            replayed,
            "replayed_request",
            "Skillpass",
        ),
        (
            "the relay's mailbox without its secret",
            unsigned(
                "GET",
                "/relay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                None,
                b"",
            ),
            "unauthenticated",
            "Bearer",
        ),
    ];
    for (what, req, code, challenge) in cases {
        let seen = see(&h, req).await;
        assert_eq!(seen.status, 401, "{what}: {}", seen.body);
        assert_eq!(seen.body["error"]["code"], code, "{what}");
        assert_eq!(seen.challenge.as_deref(), Some(challenge), "{what}");
    }
    // Other refusals carry no challenge.
    let seen = see(&h, unsigned("GET", "/issuers/%FF", None, b"")).await;
    assert_eq!(seen.status, 400);
    assert_eq!(seen.challenge, None);
}

#[tokio::test]
async fn the_description_documents_the_challenge_and_security_of_every_signed_route() {
    let h = Harness::new();
    let doc = h.get("/openapi.json").await.json();
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["skillpass"]["type"], "apiKey");
    assert_eq!(schemes["skillpass"]["in"], "header");
    assert_eq!(schemes["skillpass"]["name"], "Authorization");
    assert_eq!(schemes["mailboxSecret"]["scheme"], "bearer");
    let mut signed = 0;
    for (method, path, id, extra) in registry_server::routes::ROUTE_TABLE {
        let op = &doc["paths"][path][method];
        let security = &op["security"];
        let challenge = &op["responses"]["401"]["headers"]["WWW-Authenticate"]["schema"]["enum"];
        if *id == "collect_relay_answers" {
            assert_eq!(security, &json!([{"mailboxSecret": []}]), "{id}");
            assert_eq!(challenge, &json!(["Bearer"]), "{id}");
        } else if extra.contains(&401) {
            signed += 1;
            assert_eq!(security, &json!([{"skillpass": []}]), "{id}");
            assert_eq!(challenge, &json!(["Skillpass"]), "{id}");
        } else {
            assert!(security.is_null(), "{id} is public: {security}");
            assert!(op["responses"]["401"].is_null(), "{id}");
        }
        // Every error an operation documents is the one JSON error shape.
        for (status, response) in op["responses"].as_object().unwrap() {
            if status.starts_with('4') || status.starts_with('5') {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorBody",
                    "{id} {status}"
                );
            }
        }
        // What the HTTP layer may answer before routing, on every operation.
        for status in registry_server::routes::EVERY_ROUTE {
            assert!(
                op["responses"][status.to_string()].is_object(),
                "{id} does not document {status}"
            );
        }
    }
    assert_eq!(signed, 15, "every signed route is counted once");
}

/// `GET path` with `If-None-Match` lines `tags`: its status.
async fn conditional(h: &Harness, path: &str, tags: &[&str]) -> StatusCode {
    let mut req = Request::get(path);
    for tag in tags {
        req = req.header("if-none-match", *tag);
    }
    h.raw(req.body(Body::empty()).unwrap()).await.status
}

#[tokio::test]
async fn if_none_match_matches_the_weak_form_lists_and_star_of_the_bundle_and_the_page() {
    let h = Harness::new();
    for path in ["/bundle", "/web/app.js", "/"] {
        let etag = h.get(path).await.etag.unwrap();
        assert!(
            etag.starts_with('"') && etag.ends_with('"'),
            "{path}: {etag}"
        );
        let weak = format!("W/{etag}");
        let listed = format!("\"0-other\", {weak}");
        for tags in [
            vec![etag.as_str()],
            vec![weak.as_str()],
            vec![listed.as_str()],
            vec!["*"],
            vec!["\"0-other\"", weak.as_str()],
        ] {
            assert_eq!(
                conditional(&h, path, &tags).await,
                StatusCode::NOT_MODIFIED,
                "{path} {tags:?}"
            );
        }
        let unquoted = etag.trim_matches('"').to_owned();
        for tags in [
            vec!["\"0-other\""],
            vec!["W/\"0-other\""],
            vec![unquoted.as_str()],
        ] {
            assert_eq!(
                conditional(&h, path, &tags).await,
                StatusCode::OK,
                "{path} {tags:?}"
            );
        }
    }
}
