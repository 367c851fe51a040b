//! The registry's limits, sequence and documentation, driven through `app` with `oneshot`
//! over a store that records every bundle it is given and can be made to fail:
//! request bodies bounded and names normalised, `GET /issuers` page by page, one bundle
//! per sequence for ever (across restarts and a restore), and every status a route
//! answers documented in `/openapi.json`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use chrono::{Duration, Utc};
use credential_core::request::sign_request_at;
use credential_core::SecretKey;
use registry_server::records::BundleRecord;
use registry_server::store::{Batch, Entry, Op, SledStore, Store, StoreError, Tree};
use registry_server::{app, AppState, Settings};
use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};
use tower::ServiceExt as _;

/// Every bundle ever stored: sequence → digests of the signed bundles with it.
type Signed = Arc<Mutex<BTreeMap<u64, BTreeSet<String>>>>;

/// A sled store that records the bundles it stores and fails every call while `down`.
struct Probe {
    inner: SledStore,
    down: Arc<AtomicBool>,
    signed: Signed,
}

impl Probe {
    fn check(&self) -> Result<(), StoreError> {
        if self.down.load(Ordering::SeqCst) {
            return Err(StoreError("the disk is gone (test)".into()));
        }
        Ok(())
    }
}

impl Store for Probe {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        self.check()?;
        self.inner.get(tree, key)
    }
    fn scan(
        &self,
        tree: Tree,
        prefix: &[u8],
        start: &[u8],
        limit: usize,
    ) -> Result<Vec<Entry>, StoreError> {
        self.check()?;
        self.inner.scan(tree, prefix, start, limit)
    }
    fn keys_below(&self, tree: Tree, end: &[u8], limit: usize) -> Result<Vec<Vec<u8>>, StoreError> {
        self.check()?;
        self.inner.keys_below(tree, end, limit)
    }
    fn last(&self, tree: Tree) -> Result<Option<Entry>, StoreError> {
        self.check()?;
        self.inner.last(tree)
    }
    fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        self.check()?;
        let bundles: Vec<BundleRecord> = batch
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::Put(Tree::NameValue, k, v) if k == b"bundle" => serde_json::from_slice(v).ok(),
                _ => None,
            })
            .collect();
        self.inner.apply(batch)?;
        let mut signed = self.signed.lock().unwrap();
        for b in bundles {
            let digest = hex::encode(Sha256::digest(b.jws.as_bytes()));
            signed.entry(b.sequence).or_default().insert(digest);
        }
        Ok(())
    }
}

struct Registry {
    app: Router,
    state: AppState,
    operator: SecretKey,
    down: Arc<AtomicBool>,
    offset: Arc<AtomicI64>,
}

fn copy(key: &SecretKey) -> SecretKey {
    SecretKey::from_private_jwk(&key.to_private_jwk()).unwrap()
}

impl Registry {
    fn open(store_dir: &Path, operator: &SecretKey, settings: Settings, signed: &Signed) -> Self {
        let down = Arc::new(AtomicBool::new(false));
        let probe = Probe {
            inner: SledStore::open(store_dir).unwrap(),
            down: down.clone(),
            signed: signed.clone(),
        };
        let offset = Arc::new(AtomicI64::new(0));
        let o = offset.clone();
        let clock = Arc::new(move || Utc::now() + Duration::seconds(o.load(Ordering::SeqCst)));
        let state = AppState::with_clock(Arc::new(probe), copy(operator), settings, clock).unwrap();
        Self {
            app: app(state.clone()),
            state,
            operator: copy(operator),
            down,
            offset,
        }
    }

    async fn send(&self, req: Request<Body>) -> (u16, Value) {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status().as_u16();
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }

    fn request(
        &self,
        method: &str,
        path: &str,
        body: &[u8],
        key: Option<&SecretKey>,
    ) -> Request<Body> {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(key) = key {
            let nonce = uuid::Uuid::new_v4().simple().to_string();
            let iat = self.state.now().timestamp();
            req = req.header(
                "authorization",
                sign_request_at(key, method, path, body, iat, &nonce),
            );
        }
        if !body.is_empty() {
            req = req.header("content-type", "application/json");
        }
        req.body(Body::from(body.to_vec())).unwrap()
    }

    async fn call(
        &self,
        method: &str,
        path: &str,
        body: &Value,
        key: Option<&SecretKey>,
    ) -> (u16, Value) {
        let bytes = if body.is_null() {
            Vec::new()
        } else {
            body.to_string().into_bytes()
        };
        self.send(self.request(method, path, &bytes, key)).await
    }

    /// Registers a recognition authority: a write that re-signs the bundle.
    async fn new_authority(&self) {
        let did = SecretKey::generate().public().did();
        let body = json!({"id": did, "name": "Anerkennungsstelle", "country": "DE"});
        let (status, v) = self
            .call("POST", "/authorities", &body, Some(&self.operator))
            .await;
        assert_eq!(status, 201, "{v}");
    }
}

fn registry(dir: &Path) -> (Registry, Signed) {
    let signed = Signed::default();
    let r = Registry::open(dir, &SecretKey::generate(), Settings::default(), &signed);
    (r, signed)
}

// ---------- bounds (issue 9, point 10) ----------

async fn register(r: &Registry, body: Value) -> (u16, Value) {
    r.call("POST", "/issuers", &body, Some(&SecretKey::generate()))
        .await
}

#[tokio::test]
async fn a_registration_with_a_ten_thousand_item_scope_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (r, _) = registry(dir.path());
    let scope: Vec<String> = (0..10_000)
        .map(|_| "QualificationCredential:PQF-6".to_owned())
        .collect();
    let (status, v) = register(
        &r,
        json!({"name": "Big", "country": "PH", "requestedScope": scope}),
    )
    .await;
    assert_eq!(
        (status, v["error"]["code"].as_str()),
        (422, Some("invalid_field")),
        "{v}"
    );
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("at most 16"),
        "{v}"
    );
    let (status, _) = register(&r, json!({"name": "Fine", "country": "PH", "requestedScope": ["QualificationCredential:PQF-6"]})).await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn names_with_control_or_bidirectional_override_characters_are_refused_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (r, _) = registry(dir.path());
    for name in [
        "College\u{202E}gpj.exe",
        "Nul\u{0}College",
        "Bell\u{7}",
        "Iso\u{2067}late",
    ] {
        let (status, v) = register(&r, json!({"name": name, "country": "PH"})).await;
        assert_eq!(
            (status, v["error"]["code"].as_str()),
            (422, Some("invalid_field")),
            "{name:?}: {v}"
        );
    }
    let (status, v) = register(
        &r,
        json!({"name": "College", "country": "PH", "contact": "a\u{1b}[31mb"}),
    )
    .await;
    assert_eq!(status, 422, "{v}");
    let authority = |jurisdiction: &str| json!({"id": SecretKey::generate().public().did(), "name": "Amt", "country": "DE", "jurisdiction": jurisdiction});
    let (status, v) = r
        .call(
            "POST",
            "/authorities",
            &authority("nursing\u{202D}"),
            Some(&r.operator),
        )
        .await;
    assert_eq!(status, 422, "{v}");
    let unknown = SecretKey::generate().public().did();
    let reason = json!({"reason": "x".repeat(501)});
    let (status, v) = r
        .call(
            "POST",
            &format!("/issuers/{unknown}/suspend"),
            &reason,
            Some(&r.operator),
        )
        .await;
    assert_eq!(status, 422, "{v}");
    let scope: Vec<String> = (0..17)
        .map(|i| format!("QualificationCredential:PQF-{}", i % 8 + 1))
        .collect();
    let (status, v) = r
        .call(
            "POST",
            &format!("/issuers/{unknown}/accredit"),
            &json!({"scope": scope}),
            Some(&r.operator),
        )
        .await;
    assert_eq!(status, 422, "{v}");
}

#[tokio::test]
async fn a_registered_name_is_stored_trimmed_and_in_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let (r, _) = registry(dir.path());
    let key = SecretKey::generate();
    let (status, v) = r
        .call(
            "POST",
            "/issuers",
            &json!({"name": "  Cole\u{301}gio San Jose\u{301} ", "country": "PH"}),
            Some(&key),
        )
        .await;
    assert_eq!(status, 201, "{v}");
    let (_, one) = r
        .call(
            "GET",
            &format!("/issuers/{}", key.public().did()),
            &Value::Null,
            None,
        )
        .await;
    assert_eq!(one["name"], "Col\u{e9}gio San Jos\u{e9}");
}

#[tokio::test]
async fn issuers_are_listed_page_by_page_like_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let (r, _) = registry(dir.path());
    let mut dids = BTreeSet::new();
    for i in 0..5 {
        let key = SecretKey::generate();
        let (status, _) = r
            .call(
                "POST",
                "/issuers",
                &json!({"name": format!("College {i}"), "country": "PH"}),
                Some(&key),
            )
            .await;
        assert_eq!(status, 201);
        dids.insert(key.public().did());
    }
    let mut seen = Vec::new();
    let mut path = "/issuers?limit=2".to_owned();
    loop {
        let (status, page) = r.call("GET", &path, &Value::Null, None).await;
        assert_eq!(status, 200, "{page}");
        let issuers = page["issuers"].as_array().unwrap();
        assert!(issuers.len() <= 2);
        seen.extend(issuers.iter().map(|i| i["id"].as_str().unwrap().to_owned()));
        match page["next"].as_str() {
            Some(next) => path = format!("/issuers?limit=2&after={next}"),
            None => break,
        }
    }
    assert_eq!(
        seen,
        dids.into_iter().collect::<Vec<_>>(),
        "every issuer once, in DID order"
    );
    let (status, v) = r
        .call("GET", "/issuers?limit=abc", &Value::Null, None)
        .await;
    assert_eq!(
        (status, v["error"]["code"].as_str()),
        (400, Some("invalid_query"))
    );
}

// ---------- one bundle per sequence (issue 9, point 1, registry side) ----------

fn collisions(signed: &Signed) -> Vec<(u64, usize)> {
    signed
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, digests)| digests.len() > 1)
        .map(|(seq, digests)| (*seq, digests.len()))
        .collect()
}

#[tokio::test]
async fn the_registry_never_signs_two_different_bundles_with_one_sequence_across_restarts_and_a_restore(
) {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    let operator = SecretKey::generate();
    let signed = Signed::default();
    let backup_file = dir.path().join("backup.gz");
    // Writes, restarts, and a backup half way.
    for round in 0..4 {
        let r = Registry::open(&old, &operator, Settings::default(), &signed);
        for _ in 0..5 {
            r.new_authority().await;
        }
        if round == 1 {
            let _guard = r.state.write_lock().await;
            let file = std::fs::File::create(&backup_file).unwrap();
            registry_server::backup::write(r.state.store(), &r.operator, r.state.now(), file)
                .unwrap();
        }
        // A stale bundle is re-signed on read, too.
        r.offset.fetch_add(13 * 3600, Ordering::SeqCst);
        assert_eq!(r.call("GET", "/bundle", &Value::Null, None).await.0, 200);
    }
    let served = *signed.lock().unwrap().keys().last().unwrap();
    assert!(served > 20, "{served}");

    // The restore names the newest sequence served: the restored registry goes on above it.
    let restored = dir.path().join("restored");
    let plan = registry_server::backup::RestorePlan {
        from: &backup_file,
        data: &restored,
        min_sequence: Some(served),
        bundle: None,
        operator_key: None,
    };
    registry_server::backup::restore(&plan).unwrap();
    for _ in 0..2 {
        let r = Registry::open(
            &restored.join("store"),
            &operator,
            Settings::default(),
            &signed,
        );
        for _ in 0..5 {
            r.new_authority().await;
        }
    }
    assert_eq!(collisions(&signed), vec![], "a sequence was signed twice");

    // The recorder does see it when a restore is told a sequence below what was served.
    let careless = dir.path().join("careless");
    let plan = registry_server::backup::RestorePlan {
        data: &careless,
        min_sequence: Some(1),
        ..plan
    };
    registry_server::backup::restore(&plan).unwrap();
    let r = Registry::open(
        &careless.join("store"),
        &operator,
        Settings::default(),
        &signed,
    );
    r.new_authority().await;
    assert!(
        !collisions(&signed).is_empty(),
        "the check cannot see a repeated sequence"
    );
}

// ---------- every answer documented (issue 9, point 11) ----------

/// A concrete path for a route template (values that exist or not: either is an answer).
fn fill(template: &str, segment: &str) -> String {
    template
        .replace("{did}", segment)
        .replace("{id}", segment)
        .replace("{grant}", segment)
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
    let dir = tempfile::tempdir().unwrap();
    // A body limit above the largest field bound (a status list), so each bound is reached.
    const LIMIT: usize = 10 * 1024 * 1024;
    let r = Registry::open(
        dir.path(),
        &SecretKey::generate(),
        Settings {
            max_body_bytes: LIMIT,
            ..Settings::default()
        },
        &Signed::default(),
    );
    let slow_dir = tempfile::tempdir().unwrap();
    let slow = Registry::open(
        slow_dir.path(),
        &SecretKey::generate(),
        Settings {
            request_timeout: std::time::Duration::from_millis(500),
            ..Settings::default()
        },
        &Signed::default(),
    );
    let stranger = SecretKey::generate();
    let did = stranger.public().did();
    let doc = r.call("GET", "/openapi.json", &Value::Null, None).await.1;

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
        observed.insert(r.call(&m, &path, &body, None).await.0);
        observed.insert(r.call(&m, &path, &body, Some(&stranger)).await.0);
        observed.insert(r.call(&m, &path, &body, Some(&r.operator)).await.0);
        if template.contains('{') {
            observed.insert(
                r.call(&m, &fill(template, "%FF"), &body, Some(&stranger))
                    .await
                    .0,
            );
        }
        if extra.contains(&401) {
            // Malformed JSON, a body over the limit, a wrong content type, a body over
            // its bound, a body that never arrives.
            if has_body {
                observed.insert(
                    r.send(r.request(&m, &path, b"{\"a\":", Some(&stranger)))
                        .await
                        .0,
                );
                let mut req = r.request(&m, &path, b"{}", Some(&stranger));
                req.headers_mut()
                    .insert("content-type", "text/plain".parse().unwrap());
                observed.insert(r.send(req).await.0);
                observed.insert(
                    r.call(&m, &path, &over_bound(template), Some(&r.operator))
                        .await
                        .0,
                );
            }
            let big = vec![b' '; LIMIT + 1];
            observed.insert(r.send(r.request(&m, &path, &big, Some(&stranger))).await.0);
            let mut req = r.request(&m, &path, b"{}", Some(&stranger));
            let broken = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "cut");
            *req.body_mut() =
                Body::from_stream(futures_util::stream::iter([Err::<Vec<u8>, _>(broken)]));
            observed.insert(r.send(req).await.0);
            let mut req = slow.request(&m, &path, b"{}", Some(&stranger));
            *req.body_mut() = Body::from_stream(futures_util::stream::pending::<
                Result<Vec<u8>, std::io::Error>,
            >());
            observed.insert(slow.send(req).await.0);
        }
        if ["/log", "/issuers"].contains(template) {
            observed.insert(
                r.call(&m, &format!("{path}?limit=abc"), &body, None)
                    .await
                    .0,
            );
        }
        // The store fails (a stale bundle must be re-signed, so /bundle reaches it too).
        r.offset.fetch_add(13 * 3600, Ordering::SeqCst);
        r.down.store(true, Ordering::SeqCst);
        observed.insert(r.call(&m, &path, &body, Some(&stranger)).await.0);
        observed.insert(r.call(&m, &path, &body, None).await.0);
        r.down.store(false, Ordering::SeqCst);

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
