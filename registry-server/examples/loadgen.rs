//! Load generator for `bench/load.sh`: seeds a registry with accredited issuers and
//! published credentials, then measures durable publishes from concurrent clients.
//!
//! ```text
//! cargo run --release -p registry-server --example loadgen -- seed URL OPERATOR_KEY ISSUERS CREDENTIALS OUT_DIR
//! cargo run --release -p registry-server --example loadgen -- publish URL OUT_DIR CLIENTS SECONDS
//! cargo run --release -p registry-server --example loadgen -- lookup URL OUT_DIR CLIENTS SECONDS
//! ```
//! `seed` writes `OUT_DIR/issuer-N.key`, `OUT_DIR/seed.json` (an issuer DID with status
//! lists, for the status-list and issuer lookups) and `OUT_DIR/sample.json` (ids of some
//! published credentials); `publish` and `lookup` print one JSON line with requests,
//! errors, requests/s and p50/p99 latency.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use credential_core::jws::{self, Header};
use credential_core::request::sign_request;
use credential_core::status::{
    status_list_credential, IssuerStatusList, StatusEntry, StatusPurpose,
};
use credential_core::{build_document, sign_document, IssueOptions, SecretKey};
use serde_json::{json, Value};

const NURSE: &str = include_str!("../../examples/nurse-qualification.json");
/// Issuers whose credentials carry status entries (each adds two lists to every bundle).
const ISSUERS_WITH_LISTS: usize = 10;
/// Credentials per publish request: 250 of ~2.5 KB stay well under the 1 MiB body limit.
const BATCH: usize = 250;

/// (issuer number, batch number).
type Job = (usize, usize);
/// Requests signed before a run, each client's own: (Authorization header, body or path).
type Prebuilt<T> = Vec<Mutex<Vec<(String, T)>>>;

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(60))
        .build()
}

fn post(
    agent: &ureq::Agent,
    url: &str,
    path: &str,
    key: &SecretKey,
    body: &Value,
) -> Result<u16, String> {
    let bytes = serde_json::to_vec(body).unwrap();
    match agent
        .post(&format!("{url}{path}"))
        .set("Authorization", &sign_request(key, "POST", path, &bytes))
        .set("Content-Type", "application/json")
        .send_bytes(&bytes)
    {
        Ok(r) => Ok(r.status()),
        Err(ureq::Error::Status(code, r)) => {
            Err(format!("{code} {}", r.into_string().unwrap_or_default()))
        }
        Err(e) => Err(e.to_string()),
    }
}

fn signed_list(key: &SecretKey, list: &IssuerStatusList) -> String {
    let doc = status_list_credential(&key.public().did(), list, chrono::Utc::now());
    jws::sign(
        key,
        &Header::new("vc+jwt", &key.public().did_url()),
        &serde_json::to_vec(&doc).unwrap(),
    )
}

/// Runs `f(i)` for i in 0..n on `threads` threads.
fn parallel(n: usize, threads: usize, f: impl Fn(usize) + Sync) {
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                f(i);
            });
        }
    });
}

fn seed(url: &str, operator_key: &Path, issuers: usize, credentials: usize, out: &Path) {
    std::fs::create_dir_all(out).unwrap();
    let operator =
        SecretKey::from_private_jwk(&std::fs::read_to_string(operator_key).unwrap()).unwrap();
    let keys: Vec<SecretKey> = (0..issuers).map(|_| SecretKey::generate()).collect();
    let started = Instant::now();
    parallel(issuers, 4, |i| {
        let agent = agent();
        let key = &keys[i];
        std::fs::write(
            out.join(format!("issuer-{i}.key")),
            key.to_private_jwk().as_bytes(),
        )
        .unwrap();
        post(
            &agent,
            url,
            "/issuers",
            key,
            &json!({"name": format!("Institute {i}"), "country": "PH"}),
        )
        .unwrap();
        let did = key.public().did();
        post(
            &agent,
            url,
            &format!("/issuers/{did}/accredit"),
            &operator,
            &json!({"scope": ["QualificationCredential:PQF-6"]}),
        )
        .unwrap();
    });
    eprintln!(
        "seeded {issuers} accredited issuers in {:.1}s",
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let claims: Value = serde_json::from_str(NURSE).unwrap();
    let per_issuer = credentials.div_ceil(issuers.max(1));
    let jobs: Vec<(usize, usize)> = (0..issuers)
        .flat_map(|i| (0..per_issuer.div_ceil(BATCH)).map(move |b| (i, b)))
        .collect();
    let done = AtomicUsize::new(0);
    let sample = Mutex::new(Vec::<(usize, String)>::new());
    let lists: Vec<Mutex<Option<(IssuerStatusList, IssuerStatusList)>>> = (0..ISSUERS_WITH_LISTS
        .min(issuers))
        .map(|i| {
            let did = keys[i].public().did();
            Mutex::new(Some((
                IssuerStatusList::new(
                    &format!("{url}/status/{did}/revocation"),
                    StatusPurpose::Revocation,
                ),
                IssuerStatusList::new(
                    &format!("{url}/status/{did}/suspension"),
                    StatusPurpose::Suspension,
                ),
            )))
        })
        .collect();
    // The first batch of each issuer with lists uploads them; run those first, in order.
    let (first, rest): (Vec<Job>, Vec<Job>) = jobs
        .into_iter()
        .partition(|(i, b)| *b == 0 && *i < ISSUERS_WITH_LISTS);
    let run = |&(i, b): &(usize, usize)| {
        let agent = agent();
        let key = &keys[i];
        let count = BATCH
            .min(per_issuer - b * BATCH)
            .min(credentials.saturating_sub(done.load(Ordering::Relaxed)));
        if count == 0 {
            return;
        }
        let mut batch = Vec::with_capacity(count);
        let mut ids = Vec::new();
        let mut uploads = Vec::new();
        for _ in 0..count {
            let mut options = IssueOptions::new(chrono::Utc::now());
            if let Some(slot) = lists.get(i) {
                let mut guard = slot.lock().unwrap();
                let (rev, sus) = guard.as_mut().unwrap();
                let index = rev.allocate(&mut rand::rngs::OsRng).unwrap();
                sus.allocate_specific(index).unwrap();
                options.status = vec![
                    StatusEntry::new(StatusPurpose::Revocation, index, &rev.id),
                    StatusEntry::new(StatusPurpose::Suspension, index, &sus.id),
                ];
                if b == 0 && uploads.is_empty() {
                    uploads = vec![signed_list(key, rev), signed_list(key, sus)];
                }
            }
            let doc = build_document(&claims, &key.public().did(), &options).unwrap();
            batch.push(sign_document(key, &key.public().did_url(), &doc).unwrap());
            if ids.len() < 10 {
                ids.push(doc["id"].as_str().unwrap().to_owned());
            }
        }
        post(
            &agent,
            url,
            "/credentials",
            key,
            &json!({"credentials": batch, "statusLists": uploads}),
        )
        .unwrap();
        done.fetch_add(count, Ordering::Relaxed);
        sample
            .lock()
            .unwrap()
            .extend(ids.into_iter().map(|id| (i, id)));
    };
    for job in &first {
        run(job);
    }
    parallel(rest.len(), 2, |n| run(&rest[n]));
    let n = done.load(Ordering::Relaxed);
    eprintln!(
        "published {n} credentials in {:.1}s ({:.0}/s, batches of {BATCH})",
        started.elapsed().as_secs_f64(),
        n as f64 / started.elapsed().as_secs_f64()
    );
    let with_lists = keys[0].public().did();
    std::fs::write(
        out.join("seed.json"),
        json!({"issuers": issuers, "credentials": n, "issuerWithLists": with_lists}).to_string(),
    )
    .unwrap();
    let sample = sample.into_inner().unwrap();
    std::fs::write(
        out.join("sample.json"),
        serde_json::to_string(&sample).unwrap(),
    )
    .unwrap();
}

/// Runs `clients` threads for `seconds`; each repeats the step `setup(client)` made, which
/// times its own request (preparation untimed) and says `None` on an error.
fn measure<S, F>(clients: usize, seconds: u64, setup: F)
where
    S: FnMut() -> Option<Duration>,
    F: Fn(usize) -> S + Sync,
{
    let latencies = Mutex::new(Vec::new());
    let errors = AtomicUsize::new(0);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    std::thread::scope(|s| {
        for c in 0..clients {
            let (setup, latencies, errors) = (&setup, &latencies, &errors);
            s.spawn(move || {
                let mut step = setup(c);
                let mut mine = Vec::new();
                while Instant::now() < deadline {
                    match step() {
                        Some(took) => mine.push(took),
                        None => {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
                latencies.lock().unwrap().extend(mine);
            });
        }
    });
    report(
        started,
        latencies.into_inner().unwrap(),
        errors.load(Ordering::Relaxed),
    );
}

fn read_key(out: &Path, issuer: usize) -> SecretKey {
    let path = out.join(format!("issuer-{issuer}.key"));
    SecretKey::from_private_jwk(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Publishes one credential per request (one durable write each) as issuers 100.., which
/// have no status lists. The credentials and the requests' signatures are made before the
/// clock starts, as a load tool prepares its requests: this generator runs on the
/// registry's own cores, and signing inside the timing measured it as much as the registry.
/// `PREBUILT` (default 6,000 per second of the run, shared by the clients) sets how many
/// are made; a client that uses up its share signs the rest inside the timing.
fn publish(url: &str, out: &Path, clients: usize, seconds: u64) {
    let claims: Value = serde_json::from_str(NURSE).unwrap();
    let total: usize = std::env::var("PREBUILT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6_000 * seconds as usize);
    let per_client = total.div_ceil(clients.max(1));
    let keys: Vec<SecretKey> = (0..clients).map(|c| read_key(out, 100 + c)).collect();
    let request = |key: &SecretKey| {
        let options = IssueOptions::new(chrono::Utc::now());
        let doc = build_document(&claims, &key.public().did(), &options).unwrap();
        let jws = sign_document(key, &key.public().did_url(), &doc).unwrap();
        let body = serde_json::to_vec(&json!({"credentials": [jws]})).unwrap();
        let auth = sign_request(key, "POST", "/credentials", &body);
        (auth, body)
    };
    let made = Instant::now();
    let prebuilt: Prebuilt<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = keys
            .iter()
            .map(|key| s.spawn(|| (0..per_client).map(|_| request(key)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .map(|h| Mutex::new(h.join().unwrap()))
            .collect()
    });
    eprintln!(
        "signed {} publish requests beforehand in {:.1}s",
        per_client * clients,
        made.elapsed().as_secs_f64()
    );
    measure(clients, seconds, |c| {
        let (agent, key, request) = (agent(), &keys[c], &request);
        let mut ready = std::mem::take(&mut *prebuilt[c].lock().unwrap());
        move || {
            let (auth, body) = ready.pop().unwrap_or_else(|| request(key));
            let t = Instant::now();
            let sent = agent
                .post(&format!("{url}/credentials"))
                .set("Authorization", &auth)
                .set("Content-Type", "application/json")
                .send_bytes(&body);
            matches!(sent, Ok(r) if r.status() == 201).then(|| t.elapsed())
        }
    });
}

/// Reads stored credentials as their issuer (signed GETs), spread over the seed sample. The
/// requests are signed before the clock starts, as for `publish` (`PREBUILT`, default
/// 4,000 per second of the run).
fn lookup(url: &str, out: &Path, clients: usize, seconds: u64) {
    let text = std::fs::read_to_string(out.join("sample.json")).unwrap();
    let sample: Vec<(usize, String)> = serde_json::from_str(&text).unwrap();
    let keys: std::collections::HashMap<usize, SecretKey> = sample
        .iter()
        .map(|(i, _)| (*i, read_key(out, *i)))
        .collect();
    let total: usize = std::env::var("PREBUILT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4_000 * seconds as usize);
    let per_client = total.div_ceil(clients.max(1));
    // Client c reads sample entries c·7919 + k·104729 (mod the sample), k = 1, 2, …
    let request = |n: usize| {
        let (issuer, id) = &sample[n % sample.len()];
        let path = format!("/credentials/{id}");
        let auth = sign_request(&keys[issuer], "GET", &path, b"");
        (auth, path)
    };
    let request = &request;
    let nth = |c: usize, k: usize| c * 7919 + k * 104_729;
    let prebuilt: Prebuilt<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                s.spawn(move || {
                    (1..=per_client)
                        .rev()
                        .map(|k| request(nth(c, k)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| Mutex::new(h.join().unwrap()))
            .collect()
    });
    measure(clients, seconds, |c| {
        let agent = agent();
        let mut ready = std::mem::take(&mut *prebuilt[c].lock().unwrap());
        let mut k = per_client;
        move || {
            let (auth, path) = ready.pop().unwrap_or_else(|| {
                k += 1;
                request(nth(c, k))
            });
            let t = Instant::now();
            // The body is read inside the timing: a lookup is done when it has arrived.
            match agent
                .get(&format!("{url}{path}"))
                .set("Authorization", &auth)
                .call()
            {
                Ok(r) if r.status() == 200 => r.into_string().ok().map(|_| t.elapsed()),
                _ => None,
            }
        }
    });
}

fn report(started: Instant, mut l: Vec<Duration>, errors: usize) {
    let elapsed = started.elapsed().as_secs_f64();
    l.sort();
    let pct = |p: f64| {
        l.get(((l.len() as f64 * p) as usize).min(l.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{}",
        json!({
            "requests": l.len(),
            "errors": errors,
            "rps": (l.len() as f64 / elapsed).round(),
            "p50_ms": (pct(0.50) * 100.0).round() / 100.0,
            "p99_ms": (pct(0.99) * 100.0).round() / 100.0,
        })
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("seed") if args.len() == 7 => seed(
            &args[2],
            Path::new(&args[3]),
            args[4].parse().unwrap(),
            args[5].parse().unwrap(),
            Path::new(&args[6]),
        ),
        Some("lookup") if args.len() == 6 => lookup(
            &args[2],
            Path::new(&args[3]),
            args[4].parse().unwrap(),
            args[5].parse().unwrap(),
        ),
        Some("publish") if args.len() == 6 => publish(
            &args[2],
            Path::new(&args[3]),
            args[4].parse().unwrap(),
            args[5].parse().unwrap(),
        ),
        _ => {
            eprintln!("usage: loadgen seed URL OPERATOR_KEY ISSUERS CREDENTIALS OUT_DIR | loadgen publish|lookup URL OUT_DIR CLIENTS SECONDS");
            std::process::exit(2);
        }
    }
}
