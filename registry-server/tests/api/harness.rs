//! The one harness every API test runs on: the app over a temporary sled store, driven
//! with `oneshot` (no socket), with a clock the test moves, a switch that makes the store
//! fail, and a record of every trust bundle the store was given. Also the fixtures the
//! tests share: credentials issued as the CLI issues them, status lists kept as the CLI
//! keeps them, and the PH→DE nursing decision.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use chrono::{DateTime, Duration, Utc};
use credential_core::audit::ChainVerifier;
use credential_core::equivalence::{CefrLevel, CompensationMeasure, RecognitionDecision};
use credential_core::jws::{self, Header};
use credential_core::request::sign_request_at;
use credential_core::status::{status_list_credential, IssuerStatusList, StatusPurpose};
use credential_core::trust::sign_decision;
use credential_core::{build_document, format_time, sign_document, IssueOptions, SecretKey};
use registry_server::records::BundleRecord;
use registry_server::store::{Batch, Entry, Op, SledStore, Store, StoreError, Tree, WriteLock};
use registry_server::{app, AppState, Settings};
use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};
use tower::ServiceExt as _;

pub const NURSE: &str = include_str!("../../../examples/nurse-qualification.json");
const NURSING_DECISION: &str =
    include_str!("../../../credential-core/testdata/equivalence/ph-de-nursing-decision.json");

/// Every bundle ever stored: sequence → digests of the signed bundles with it.
pub type Bundles = Arc<Mutex<BTreeMap<u64, BTreeSet<String>>>>;

/// What the store does while a test has it fail.
const STORE_UP: u8 = 0;
/// Every call fails as a damaged store does (the registry answers 500).
const STORE_FAILING: u8 = 1;
/// Every call fails as an unreachable database does (the registry answers 503).
const STORE_UNREACHABLE: u8 = 2;

/// The failure a store switched `down` gives, if any.
fn failure(down: &AtomicU8) -> Result<(), StoreError> {
    match down.load(Ordering::SeqCst) {
        STORE_FAILING => Err(StoreError::new("the disk is gone (test)")),
        STORE_UNREACHABLE => Err(StoreError::unavailable(
            "the database does not answer (test)",
        )),
        _ => Ok(()),
    }
}

/// A sled store that records the bundles it stores and fails every call while `down`;
/// it counts the flushes that group commit asks for, and can hold them back (a slow disk).
struct Probe {
    inner: Arc<dyn Store>,
    down: Arc<AtomicU8>,
    bundles: Bundles,
    flushes: Arc<AtomicUsize>,
    flush_held: Arc<AtomicBool>,
    /// While set, every durable batch waits before it is written (a slow disk).
    apply_held: Arc<AtomicBool>,
}

impl Probe {
    fn check(&self) -> Result<(), StoreError> {
        failure(&self.down)
    }
}

/// Waits while `held` is set.
fn wait_while(held: &AtomicBool) {
    while held.load(Ordering::SeqCst) {
        std::thread::sleep(std::time::Duration::from_millis(1));
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
        wait_while(&self.apply_held);
        let bundles = bundles_in(&batch);
        self.inner.apply(batch)?;
        record_bundles(&self.bundles, bundles);
        Ok(())
    }
    fn groups_flushes(&self) -> bool {
        self.inner.groups_flushes()
    }
    fn apply_unflushed(&self, batch: Batch) -> Result<(), StoreError> {
        self.check()?;
        let bundles = bundles_in(&batch);
        self.inner.apply_unflushed(batch)?;
        record_bundles(&self.bundles, bundles);
        Ok(())
    }
    fn flush(&self) -> Result<(), StoreError> {
        self.check()?;
        while self.flush_held.load(Ordering::SeqCst) {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        self.inner.flush()?;
        self.flushes.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
    fn shared(&self) -> bool {
        self.inner.shared()
    }
    fn lock_writes(&self) -> Result<Option<Box<dyn WriteLock>>, StoreError> {
        self.check()?;
        Ok(self.inner.lock_writes()?.map(|inner| {
            Box::new(ProbeLock {
                inner,
                down: self.down.clone(),
                bundles: self.bundles.clone(),
                apply_held: self.apply_held.clone(),
            }) as Box<dyn WriteLock>
        }))
    }
}

/// A shared store's writers' lock, failing while `down` and recording bundles like
/// [`Probe`].
struct ProbeLock {
    inner: Box<dyn WriteLock>,
    down: Arc<AtomicU8>,
    bundles: Bundles,
    apply_held: Arc<AtomicBool>,
}

impl WriteLock for ProbeLock {
    fn apply(&mut self, batch: Batch) -> Result<(), StoreError> {
        failure(&self.down)?;
        wait_while(&self.apply_held);
        let bundles = bundles_in(&batch);
        self.inner.apply(batch)?;
        record_bundles(&self.bundles, bundles);
        Ok(())
    }
    fn apply_unflushed(&mut self, batch: Batch) -> Result<(), StoreError> {
        failure(&self.down)?;
        let bundles = bundles_in(&batch);
        self.inner.apply_unflushed(batch)?;
        record_bundles(&self.bundles, bundles);
        Ok(())
    }
    fn still_held(&self) -> bool {
        failure(&self.down).is_ok() && self.inner.still_held()
    }
}

fn bundles_in(batch: &Batch) -> Vec<BundleRecord> {
    batch
        .ops
        .iter()
        .filter_map(|op| match op {
            Op::Put(Tree::NameValue, k, v) if k == b"bundle" => serde_json::from_slice(v).ok(),
            _ => None,
        })
        .collect()
}

fn record_bundles(bundles: &Bundles, stored: Vec<BundleRecord>) {
    let mut signed = bundles.lock().unwrap();
    for b in stored {
        let digest = hex::encode(Sha256::digest(b.jws.as_bytes()));
        signed.entry(b.sequence).or_default().insert(digest);
    }
}

/// An answer of the app.
pub struct Reply {
    pub status: StatusCode,
    pub body: Vec<u8>,
    pub etag: Option<String>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    /// The status as a number and the body as JSON.
    pub fn pair(&self) -> (u16, Value) {
        (self.status.as_u16(), self.json())
    }
}

pub fn copy(key: &SecretKey) -> SecretKey {
    SecretKey::from_private_jwk(&key.to_private_jwk()).unwrap()
}

pub struct Harness {
    pub app: Router,
    pub state: AppState,
    pub operator: SecretKey,
    /// Every bundle stored through this harness (and its replicas).
    pub bundles: Bundles,
    offset: Arc<AtomicI64>,
    down: Arc<AtomicU8>,
    flushes: Arc<AtomicUsize>,
    flush_held: Arc<AtomicBool>,
    apply_held: Arc<AtomicBool>,
    _keep: Option<crate::common::Keep>,
}

impl Harness {
    pub fn new() -> Self {
        Self::with_settings(Settings::default())
    }

    /// A registry on a fresh store: sled by default, PostgreSQL when the tests run with
    /// `SKILLPASS_TEST_STORE=postgres` (see `tests/common`).
    pub fn with_settings(settings: Settings) -> Self {
        let (store, keep) = crate::common::store();
        let mut h = Self::over(store, &SecretKey::generate(), settings, &Bundles::default());
        h._keep = Some(keep);
        h
    }

    /// The registry over the sled store in `store_dir` (kept when the harness is dropped, so
    /// a test can open it again), signing with `operator`, recording bundles in `bundles`.
    pub fn open(
        store_dir: &Path,
        operator: &SecretKey,
        settings: Settings,
        bundles: &Bundles,
    ) -> Self {
        // The previous harness on this directory may still be closing: sled releases its
        // file lock when its background flusher has let go of the database, a moment after
        // the last handle is dropped (a new process, as in a real restart, never sees this).
        let mut tries = 0;
        let store = loop {
            match SledStore::open(store_dir) {
                Ok(store) => break store,
                Err(e) if tries < 100 && e.to_string().contains("could not acquire lock") => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(e) => panic!("cannot open the store in {}: {e:?}", store_dir.display()),
            }
        };
        Self::over(Arc::new(store), operator, settings, bundles)
    }

    /// Another registry process on this harness's PostgreSQL database, with the same
    /// operator key (a second replica); `None` when the tests run on sled.
    pub fn replica(&self) -> Option<Self> {
        let url = self._keep.as_ref()?.database()?;
        let store = Arc::new(registry_server::store::PostgresStore::open(url).unwrap());
        Some(Self::over(
            store,
            &self.operator,
            self.state.settings().clone(),
            &self.bundles,
        ))
    }

    fn over(
        store: Arc<dyn Store>,
        operator: &SecretKey,
        settings: Settings,
        bundles: &Bundles,
    ) -> Self {
        let down = Arc::new(AtomicU8::new(STORE_UP));
        let flushes = Arc::new(AtomicUsize::new(0));
        let flush_held = Arc::new(AtomicBool::new(false));
        let apply_held = Arc::new(AtomicBool::new(false));
        let probe = Probe {
            inner: store,
            down: down.clone(),
            bundles: bundles.clone(),
            flushes: flushes.clone(),
            flush_held: flush_held.clone(),
            apply_held: apply_held.clone(),
        };
        let offset = Arc::new(AtomicI64::new(0));
        let o = offset.clone();
        let clock = Arc::new(move || Utc::now() + Duration::seconds(o.load(Ordering::SeqCst)));
        let state = AppState::with_clock(Arc::new(probe), copy(operator), settings, clock).unwrap();
        Self {
            app: app(state.clone()),
            state,
            operator: copy(operator),
            bundles: bundles.clone(),
            offset,
            down,
            flushes,
            flush_held,
            apply_held,
            _keep: None,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.state.now()
    }

    /// Moves the registry's clock forward.
    pub fn advance(&self, d: Duration) {
        self.offset.fetch_add(d.num_seconds(), Ordering::SeqCst);
    }

    /// Group commit's flushes so far (a store that does not group flushes has none).
    pub fn flushes(&self) -> usize {
        self.flushes.load(Ordering::SeqCst)
    }

    /// Holds every group commit flush back until called with `false` (a slow disk).
    pub fn hold_flushes(&self, held: bool) {
        self.flush_held.store(held, Ordering::SeqCst);
    }

    /// Holds every group commit flush back until the guard is dropped, also when a test
    /// fails while holding it (requests waiting on a flush then end, and so does the test).
    pub fn flushes_held(&self) -> FlushesHeld<'_> {
        self.hold_flushes(true);
        FlushesHeld(self)
    }

    /// Holds every durable batch back until called with `false` (a slow disk).
    pub fn hold_durable_writes(&self, held: bool) {
        self.apply_held.store(held, Ordering::SeqCst);
    }

    /// Holds every durable batch back until the guard is dropped (or released early with
    /// [`Harness::hold_durable_writes`]), also when a test fails while holding it.
    pub fn durable_writes_held(&self) -> DurableWritesHeld<'_> {
        self.hold_durable_writes(true);
        DurableWritesHeld(self)
    }

    /// Makes every store call fail (`true`) or work again.
    pub fn store_down(&self, down: bool) {
        let state = if down { STORE_FAILING } else { STORE_UP };
        self.down.store(state, Ordering::SeqCst);
    }

    /// Makes every store call fail as an unreachable database does (`true`: the registry
    /// answers 503 `store_unavailable`) or work again.
    pub fn store_unreachable(&self, unreachable: bool) {
        let state = if unreachable {
            STORE_UNREACHABLE
        } else {
            STORE_UP
        };
        self.down.store(state, Ordering::SeqCst);
    }

    /// The app's whole answer, headers included (the verifier page's tests read them).
    pub async fn response(&self, req: Request<Body>) -> axum::response::Response {
        self.app.clone().oneshot(req).await.unwrap()
    }

    pub async fn raw(&self, req: Request<Body>) -> Reply {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let etag = res
            .headers()
            .get("etag")
            .map(|v| v.to_str().unwrap().to_owned());
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        Reply { status, body, etag }
    }

    /// A request signed (with the server's clock) by `key`, or unsigned; a body is
    /// declared JSON.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        body: &[u8],
        key: Option<&SecretKey>,
    ) -> Request<Body> {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(key) = key {
            let nonce = uuid::Uuid::new_v4().simple().to_string();
            let auth = sign_request_at(key, method, path, body, self.now().timestamp(), &nonce);
            req = req.header("authorization", auth);
        }
        if !body.is_empty() {
            req = req.header("content-type", "application/json");
        }
        req.body(Body::from(body.to_vec())).unwrap()
    }

    pub async fn call(
        &self,
        method: &str,
        path: &str,
        body: &[u8],
        key: Option<&SecretKey>,
    ) -> Reply {
        self.raw(self.request(method, path, body, key)).await
    }

    /// As [`Harness::call`] with a JSON body (`Null`: none).
    pub async fn call_json(
        &self,
        method: &str,
        path: &str,
        body: &Value,
        key: Option<&SecretKey>,
    ) -> Reply {
        let bytes = if body.is_null() {
            Vec::new()
        } else {
            body.to_string().into_bytes()
        };
        self.call(method, path, &bytes, key).await
    }

    pub async fn post(&self, path: &str, body: Value, key: &SecretKey) -> Reply {
        self.call_json("POST", path, &body, Some(key)).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call("GET", path, b"", None).await
    }

    pub async fn register(&self, key: &SecretKey, name: &str) -> String {
        let r = self
            .post(
                "/issuers",
                json!({"name": name, "country": "PH", "contact": "registrar@example.org"}),
                key,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        key.public().did()
    }

    pub async fn accredit(&self, did: &str, scope: &[&str]) {
        let r = self
            .post(
                &format!("/issuers/{did}/accredit"),
                json!({"scope": scope}),
                &self.operator,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    }

    /// A registered and accredited college for qualifications up to PQF-6.
    pub async fn college(&self, name: &str) -> SecretKey {
        let key = SecretKey::generate();
        let did = self.register(&key, name).await;
        self.accredit(&did, &["QualificationCredential:PQF-6"])
            .await;
        key
    }

    /// `key` publishes `creds` and, the first time, its status lists `lists`.
    pub async fn publish(&self, key: &SecretKey, creds: &[&str], lists: Vec<String>) -> Reply {
        self.post(
            "/credentials",
            json!({"credentials": creds, "statusLists": lists}),
            key,
        )
        .await
    }

    /// Registers a new authority for `country` (by the operator) and returns its key.
    pub async fn authority(&self, country: &str) -> SecretKey {
        let key = SecretKey::generate();
        let r = self
            .post(
                "/authorities",
                json!({"id": key.public().did(), "name": format!("Example {country} Recognition Office"),
                       "country": country, "jurisdiction": "nursing"}),
                &self.operator,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        key
    }

    /// `signer` sends `decision` signed by `author`.
    pub async fn send_decision(
        &self,
        path: &str,
        author: &SecretKey,
        decision: &RecognitionDecision,
        signer: &SecretKey,
    ) -> Reply {
        let jws = sign_decision(author, decision).unwrap();
        self.post(path, json!({ "jws": jws }), signer).await
    }

    pub async fn publish_decision(&self, key: &SecretKey, decision: &RecognitionDecision) -> Reply {
        self.send_decision("/decisions", key, decision, key).await
    }

    /// The kinds of every log entry, oldest first, the chain verified on the way.
    pub async fn log_kinds(&self) -> Vec<String> {
        let all = self.get("/log").await.json();
        let mut v = ChainVerifier::default();
        all["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                v.push_raw(e["seq"].as_u64().unwrap(), e).unwrap();
                e["kind"].as_str().unwrap().to_owned()
            })
            .collect()
    }
}

/// An issuer's status lists kept the way the CLI keeps them.
pub struct Lists {
    pub revocation: IssuerStatusList,
    pub suspension: IssuerStatusList,
}

impl Lists {
    pub fn new(did: &str) -> Self {
        Self {
            revocation: IssuerStatusList::new(
                &format!("https://registry.test/status/{did}/revocation"),
                StatusPurpose::Revocation,
            ),
            suspension: IssuerStatusList::new(
                &format!("https://registry.test/status/{did}/suspension"),
                StatusPurpose::Suspension,
            ),
        }
    }
    pub fn signed(key: &SecretKey, list: &IssuerStatusList) -> String {
        let doc = status_list_credential(&key.public().did(), list, Utc::now());
        sign_vc(key, &doc)
    }
    pub fn both(&self, key: &SecretKey) -> Vec<String> {
        vec![
            Self::signed(key, &self.revocation),
            Self::signed(key, &self.suspension),
        ]
    }
}

/// `doc` signed by `key` as a `vc+jwt`.
pub fn sign_vc(key: &SecretKey, doc: &Value) -> String {
    jws::sign(
        key,
        &Header::new("vc+jwt", &key.public().did_url()),
        &serde_json::to_vec(doc).unwrap(),
    )
}

/// The nurse's qualification at `level`, issued by `key` to `holder`, with status entries
/// in `lists` when given: the JWS, the credential id and its status index.
pub fn issue(
    key: &SecretKey,
    holder: &str,
    lists: Option<&mut Lists>,
    level: &str,
) -> (String, String, usize) {
    let mut claims: Value = serde_json::from_str(NURSE).unwrap();
    claims["credentialSubject"]["qualification"]["frameworkLevels"] = json!([level]);
    let mut options = IssueOptions::new(Utc::now());
    options.holder = Some(holder.to_owned());
    let mut index = 0;
    if let Some(lists) = lists {
        index = lists.revocation.allocate(&mut rand::rngs::OsRng).unwrap();
        lists.suspension.allocate_specific(index).unwrap();
        options.status = vec![
            credential_core::status::StatusEntry::new(
                StatusPurpose::Revocation,
                index,
                &lists.revocation.id,
            ),
            credential_core::status::StatusEntry::new(
                StatusPurpose::Suspension,
                index,
                &lists.suspension.id,
            ),
        ];
    }
    let doc = build_document(&claims, &key.public().did(), &options).unwrap();
    let jws = sign_document(key, &key.public().did_url(), &doc).unwrap();
    (jws, doc["id"].as_str().unwrap().to_owned(), index)
}

/// As [`issue`], to a new holder.
pub fn issue_to_anyone(
    key: &SecretKey,
    lists: Option<&mut Lists>,
    level: &str,
) -> (String, String, usize) {
    issue(key, &SecretKey::generate().public().did(), lists, level)
}

/// The nurse's qualification at `level` by `key`, to a new holder, without status: its JWS.
pub fn issue_plain(key: &SecretKey, level: &str) -> String {
    issue_to_anyone(key, None, level).0
}

/// The PH→DE nursing fixture as `authority` decides it. Its end date is moved a year past
/// the test clock so that these tests do not expire with the fixture's own end date.
pub fn nursing_decision(authority: &SecretKey) -> RecognitionDecision {
    let mut v: Value = serde_json::from_str(NURSING_DECISION).unwrap();
    v["authority"] = json!(authority.public().did());
    v["validUntil"] = json!(format_time(Utc::now() + Duration::days(365)));
    serde_json::from_value(v).unwrap()
}

/// A revision of `old`: a new id, superseding it, with a knowledge test only.
pub fn revision_of(old: &RecognitionDecision) -> RecognitionDecision {
    let mut new = old.clone();
    new.id = "urn:uuid:5f0c6b1e-8a3d-4c2e-9b7a-1d2e3f405163".into();
    new.supersedes = Some(old.id.clone());
    new.valid_from = Utc::now() - Duration::days(1);
    new.compensation = vec![
        CompensationMeasure::KnowledgeTest,
        CompensationMeasure::Language {
            language: "de".into(),
            level: CefrLevel::B2,
        },
    ];
    new
}

/// See [`Harness::durable_writes_held`].
pub struct DurableWritesHeld<'a>(&'a Harness);

impl Drop for DurableWritesHeld<'_> {
    fn drop(&mut self) {
        self.0.hold_durable_writes(false);
    }
}

/// See [`Harness::flushes_held`].
pub struct FlushesHeld<'a>(&'a Harness);

impl Drop for FlushesHeld<'_> {
    fn drop(&mut self) {
        self.0.hold_flushes(false);
    }
}
