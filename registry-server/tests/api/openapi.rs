//! The API's description: every route the router serves is documented, with a unique
//! operationId and every status it can answer, and every status documented is reached.

use std::collections::BTreeSet;

use axum::body::Body;
use chrono::Duration;
use credential_core::SecretKey;
use registry_server::Settings;
use serde_json::{json, Value};

use crate::harness::Harness;

/// Every route the router serves, by method and path template. Adding a route to the
/// router without documenting it (or the reverse) fails `openapi_lists_every_served_route`.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/healthz"),
    ("get", "/openapi.json"),
    ("get", "/contexts/{file}"),
    ("get", "/types/{type}"),
    ("get", "/issuers"),
    ("post", "/issuers"),
    ("get", "/issuers/{did}"),
    ("get", "/issuers/{did}/jwks"),
    ("post", "/issuers/{did}/accredit"),
    ("post", "/issuers/{did}/suspend"),
    ("post", "/issuers/{did}/reinstate"),
    ("post", "/issuers/{did}/withdraw"),
    ("post", "/issuers/{did}/keys"),
    ("post", "/credentials"),
    ("get", "/credentials/{id}"),
    ("post", "/credentials/{id}/grants"),
    ("delete", "/credentials/{id}/grants/{grant}"),
    ("post", "/credentials/{id}/status"),
    ("get", "/status/{did}/{purpose}"),
    ("get", "/bundle"),
    ("get", "/log"),
    ("get", "/equivalence"),
    ("get", "/equivalence/frameworks"),
    ("get", "/authorities"),
    ("post", "/authorities"),
    ("get", "/decisions"),
    ("post", "/decisions"),
    ("get", "/decisions/{id}"),
    ("post", "/decisions/{id}/withdraw"),
    ("get", "/admin/backup"),
    ("post", "/relay/{id}"),
    ("get", "/relay/{id}"),
    ("get", "/"),
    ("get", "/v"),
    ("get", "/sw.js"),
    ("get", "/web/{file}"),
    ("get", "/verifier-config.json"),
];

#[tokio::test]
async fn openapi_lists_every_served_route() {
    let h = Harness::with_settings(Settings {
        public_url: Some("https://registry.test".into()),
        ..Settings::default()
    });
    let doc = h.call("GET", "/openapi.json", b"", None).await.json();
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                documented.push((method.clone(), path.clone()));
            }
        }
    }
    let mut expected: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    documented.sort();
    expected.sort();
    assert_eq!(documented, expected);
    // And each documented route is really served: the router answers something other than
    // its unknown-route or wrong-method fallback.
    for (method, path) in &documented {
        let concrete = path
            .replace(
                "{did}",
                "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
            )
            .replace("{id}", "urn:uuid:x")
            .replace("{grant}", "g")
            .replace("{purpose}", "revocation")
            .replace("{type}", "QualificationCredential")
            // A file each route has: a shipped context, or one of the page's assets.
            .replace(
                "{file}",
                if path.starts_with("/contexts/") {
                    "skillpass-v1.jsonld"
                } else {
                    "app.js"
                },
            );
        let r = h.call(&method.to_uppercase(), &concrete, b"", None).await;
        assert!(
            !["not_found", "method_not_allowed"].contains(&r.code().as_str()),
            "{method} {path} is documented but not served: {}",
            r.text()
        );
    }
}

/// A concrete path for a route template (values that exist or not: either is an answer).
fn fill(template: &str, segment: &str) -> String {
    template
        .replace("{did}", segment)
        .replace("{id}", segment)
        .replace("{grant}", segment)
        .replace("{file}", segment)
        .replace("{type}", segment)
        .replace("{purpose}", "revocation")
}

/// A body over its bound, for each route that takes one.
fn over_bound(path: &str) -> Value {
    let long = |n: usize| "x".repeat(n);
    match path {
        "/issuers" => json!({"name": "A\u{0}", "country": "PH"}),
        "/issuers/{did}/accredit" => json!({"scope": vec!["QualificationCredential"; 17]}),
        "/issuers/{did}/suspend" | "/issuers/{did}/reinstate" | "/issuers/{did}/withdraw" => {
            json!({"reason": long(501)})
        }
        "/issuers/{did}/keys" => json!({"newKey": long(201), "proof": "p"}),
        "/credentials" => json!({"credentials": [], "statusLists": ["a", "b", "c"]}),
        "/credentials/{id}/grants" => {
            json!({"grantee": long(201), "expiresAt": "2030-01-01T00:00:00Z"})
        }
        "/credentials/{id}/status" => {
            json!({"purpose": "revocation", "value": true, "statusList": long(credential_core::trust::MAX_STATUS_LIST_JWS_LEN + 1)})
        }
        "/authorities" => json!({"id": "did:key:x", "name": "A\u{202E}", "country": "DE"}),
        _ => json!({"jws": long(70_000)}),
    }
}

#[tokio::test]
async fn every_status_a_route_answers_is_documented_and_every_listed_one_is_reached() {
    // A body limit above the largest field bound (a status list), so each bound is reached.
    const LIMIT: usize = 10 * 1024 * 1024;
    let r = Harness::with_settings(Settings {
        max_body_bytes: LIMIT,
        ..Settings::default()
    });
    let slow = Harness::with_settings(Settings {
        request_timeout: std::time::Duration::from_millis(500),
        ..Settings::default()
    });
    let stranger = SecretKey::generate();
    let did = stranger.public().did();
    let doc = r.get("/openapi.json").await.json();

    let mut documented_routes = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            documented_routes.insert((method.clone(), path.clone()));
            assert!(
                ids.insert(op["operationId"].as_str().unwrap().to_owned()),
                "operationId of {method} {path} repeats"
            );
            for p in op["parameters"].as_array().into_iter().flatten() {
                let inn = p["in"].as_str().unwrap();
                let in_path = path.contains(&format!("{{{}}}", p["name"].as_str().unwrap()));
                assert_eq!(
                    inn,
                    if in_path { "path" } else { "query" },
                    "{method} {path} {p}"
                );
            }
        }
    }
    let table: BTreeSet<(String, String)> = registry_server::routes::ROUTE_TABLE
        .iter()
        .map(|(m, p, _, _)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(
        documented_routes, table,
        "the route table and the router disagree"
    );

    for (method, template, _, extra) in registry_server::routes::ROUTE_TABLE {
        let documented: BTreeSet<u16> = doc["paths"][template][method]["responses"]
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.parse().unwrap())
            .collect();
        let m = method.to_uppercase();
        let mut path = fill(template, &did);
        if *template == "/equivalence" {
            path.push_str("?level=PQF-6&to=DE");
        }
        let has_body = *method == "post";
        let body = if has_body { json!({}) } else { Value::Null };
        let mut observed = BTreeSet::new();
        // Unsigned, then signed by a key nobody registered, then by the operator.
        observed.insert(r.call_json(&m, &path, &body, None).await.status.as_u16());
        observed.insert(
            r.call_json(&m, &path, &body, Some(&stranger))
                .await
                .status
                .as_u16(),
        );
        observed.insert(
            r.call_json(&m, &path, &body, Some(&r.operator))
                .await
                .status
                .as_u16(),
        );
        if template.contains('{') {
            observed.insert(
                r.call_json(&m, &fill(template, "%FF"), &body, Some(&stranger))
                    .await
                    .status
                    .as_u16(),
            );
        }
        if extra.contains(&401) {
            // Malformed JSON, a body over the limit, a wrong content type, a body over
            // its bound, a body that never arrives.
            if has_body {
                observed.insert(
                    r.raw(r.request(&m, &path, b"{\"a\":", Some(&stranger)))
                        .await
                        .status
                        .as_u16(),
                );
                let mut req = r.request(&m, &path, b"{}", Some(&stranger));
                req.headers_mut()
                    .insert("content-type", "text/plain".parse().unwrap());
                observed.insert(r.raw(req).await.status.as_u16());
                observed.insert(
                    r.call_json(&m, &path, &over_bound(template), Some(&r.operator))
                        .await
                        .status
                        .as_u16(),
                );
            }
            let big = vec![b' '; LIMIT + 1];
            observed.insert(
                r.raw(r.request(&m, &path, &big, Some(&stranger)))
                    .await
                    .status
                    .as_u16(),
            );
            let mut req = r.request(&m, &path, b"{}", Some(&stranger));
            let broken = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "cut");
            *req.body_mut() =
                Body::from_stream(futures_util::stream::iter([Err::<Vec<u8>, _>(broken)]));
            observed.insert(r.raw(req).await.status.as_u16());
            let mut req = slow.request(&m, &path, b"{}", Some(&stranger));
            *req.body_mut() = Body::from_stream(futures_util::stream::pending::<
                Result<Vec<u8>, std::io::Error>,
            >());
            observed.insert(slow.raw(req).await.status.as_u16());
        }
        if ["/log", "/issuers"].contains(template) {
            observed.insert(
                r.call_json(&m, &format!("{path}?limit=abc"), &body, None)
                    .await
                    .status
                    .as_u16(),
            );
        }
        // The store fails (a stale bundle must be re-signed, so /bundle reaches it too).
        r.advance(Duration::hours(13));
        r.store_down(true);
        observed.insert(
            r.call_json(&m, &path, &body, Some(&stranger))
                .await
                .status
                .as_u16(),
        );
        observed.insert(r.call_json(&m, &path, &body, None).await.status.as_u16());
        r.store_down(false);
        // The store cannot be reached (a database whose connections are cut).
        r.advance(Duration::hours(13));
        r.store_unreachable(true);
        observed.insert(
            r.call_json(&m, &path, &body, Some(&stranger))
                .await
                .status
                .as_u16(),
        );
        observed.insert(r.call_json(&m, &path, &body, None).await.status.as_u16());
        r.store_unreachable(false);

        let undocumented: Vec<_> = observed.difference(&documented).collect();
        assert!(
            undocumented.is_empty(),
            "{method} {template} answered {undocumented:?}, not documented ({documented:?})"
        );
        let unreached: Vec<_> = extra.iter().filter(|s| !observed.contains(s)).collect();
        assert!(
            unreached.is_empty(),
            "{method} {template} never answered {unreached:?} (observed {observed:?})"
        );
    }
    // Suspend and withdraw document 401 (issue 9 names them).
    for path in ["/issuers/{did}/suspend", "/issuers/{did}/withdraw"] {
        assert!(
            doc["paths"][path]["post"]["responses"]["401"].is_object(),
            "{path}"
        );
    }
}
