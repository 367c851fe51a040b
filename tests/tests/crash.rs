//! Crash durability under load: 20 times, the registry is SIGKILLed while one client
//! publishes and another revokes; after each restart every acknowledged publication and
//! revocation must be there and the audit log's hash chain must still verify.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use credential_core::jws::{self, Header, UnverifiedJws};
use credential_core::request::sign_request;
use credential_core::status::{
    parse_status_list_credential, status_list_credential, IssuerStatusList, StatusEntry,
    StatusPurpose,
};
use credential_core::{build_document, sign_document, IssueOptions, SecretKey};
use skillpass_e2e::{accredited_college, skillpass, Server};

const CYCLES: usize = 20;
const NURSE: &str = include_str!("../../examples/nurse-qualification.json");

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(5))
        .build()
}

fn signed_list(key: &SecretKey, list: &IssuerStatusList) -> String {
    let doc = status_list_credential(&key.public().did(), list, chrono::Utc::now());
    jws::sign(
        key,
        &Header::new("vc+jwt", &key.public().did_url()),
        &serde_json::to_vec(&doc).unwrap(),
    )
}

fn post(
    agent: &ureq::Agent,
    url: &str,
    path: &str,
    key: &SecretKey,
    body: &serde_json::Value,
) -> Option<u16> {
    let bytes = serde_json::to_vec(body).unwrap();
    let res = agent
        .post(&format!("{url}{path}"))
        .set("Authorization", &sign_request(key, "POST", path, &bytes))
        .set("Content-Type", "application/json")
        .send_bytes(&bytes);
    match res {
        Ok(r) => Some(r.status()),
        Err(ureq::Error::Status(code, _)) => Some(code),
        Err(_) => None,
    }
}

/// The revocation bits the registry serves now.
fn served_revocations(url: &str, did: &str) -> credential_core::status::Bitstring {
    let text = agent()
        .get(&format!("{url}/status/{did}/revocation"))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    let parsed = UnverifiedJws::parse(text.trim(), usize::MAX).unwrap();
    let value: serde_json::Value = serde_json::from_slice(parsed.payload()).unwrap();
    parse_status_list_credential(&value).unwrap().bits
}

#[test]
fn acknowledged_publications_and_revocations_survive_20_sigkills_under_load() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    let server = Server::start(&data);
    let url = server.url.clone();
    let (did, college) = accredited_college(d, &url, &data);
    let college = Arc::new(college);
    let lists = Arc::new(Mutex::new((
        IssuerStatusList::new(
            &format!("{url}/status/{did}/revocation"),
            StatusPurpose::Revocation,
        ),
        IssuerStatusList::new(
            &format!("{url}/status/{did}/suspension"),
            StatusPurpose::Suspension,
        ),
        false, // whether the lists were uploaded
    )));
    let published = Arc::new(Mutex::new(Vec::<(String, usize)>::new()));
    let revoked = Arc::new(Mutex::new(Vec::<(String, usize)>::new()));
    let claims: serde_json::Value = serde_json::from_str(NURSE).unwrap();
    let mut server = Some(server);
    let mut total_kills = 0;

    for cycle in 0..CYCLES {
        let url = server.as_ref().unwrap().url.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let publisher = {
            let (college, lists, published, stop, url, claims) = (
                college.clone(),
                lists.clone(),
                published.clone(),
                stop.clone(),
                url.clone(),
                claims.clone(),
            );
            std::thread::spawn(move || {
                let agent = agent();
                for _ in 0..500 {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let (entries, index, uploads) = {
                        let mut l = lists.lock().unwrap();
                        let index = l.0.allocate(&mut rand::rngs::OsRng).unwrap();
                        l.1.allocate_specific(index).unwrap();
                        let uploads = if l.2 {
                            vec![]
                        } else {
                            vec![signed_list(&college, &l.0), signed_list(&college, &l.1)]
                        };
                        let entries = vec![
                            StatusEntry::new(StatusPurpose::Revocation, index, &l.0.id),
                            StatusEntry::new(StatusPurpose::Suspension, index, &l.1.id),
                        ];
                        (entries, index, uploads)
                    };
                    let mut options = IssueOptions::new(chrono::Utc::now());
                    options.status = entries;
                    let doc = build_document(&claims, &college.public().did(), &options).unwrap();
                    let jws = sign_document(&college, &college.public().did_url(), &doc).unwrap();
                    let uploaded = !uploads.is_empty();
                    let body = serde_json::json!({"credentials": [jws], "statusLists": uploads});
                    match post(&agent, &url, "/credentials", &college, &body) {
                        Some(201) => {
                            if uploaded {
                                lists.lock().unwrap().2 = true;
                            }
                            published
                                .lock()
                                .unwrap()
                                .push((doc["id"].as_str().unwrap().to_owned(), index));
                        }
                        Some(code) => panic!("publish refused with {code} in cycle {cycle}"),
                        None => break, // the server is gone: unanswered means unacknowledged
                    }
                }
            })
        };
        let revoker = {
            let (college, published, revoked, stop, url) = (
                college.clone(),
                published.clone(),
                revoked.clone(),
                stop.clone(),
                url.clone(),
            );
            std::thread::spawn(move || {
                let agent = agent();
                let did = college.public().did();
                for _ in 0..500 {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    // Revoke every third published credential not yet revoked.
                    let target = {
                        let p = published.lock().unwrap();
                        let r = revoked.lock().unwrap();
                        p.iter().step_by(3).find(|c| !r.contains(c)).cloned()
                    };
                    let Some((id, index)) = target else {
                        std::thread::sleep(Duration::from_millis(5));
                        continue;
                    };
                    let Ok(res) = agent.get(&format!("{url}/status/{did}/revocation")).call()
                    else {
                        break;
                    };
                    let Ok(text) = res.into_string() else { break };
                    let parsed = UnverifiedJws::parse(text.trim(), usize::MAX).unwrap();
                    let value: serde_json::Value =
                        serde_json::from_slice(parsed.payload()).unwrap();
                    let current = parse_status_list_credential(&value).unwrap();
                    let mut list = IssuerStatusList::new(&current.id, StatusPurpose::Revocation);
                    list.bits = current.bits;
                    list.bits.set(index, true).unwrap();
                    let body = serde_json::json!({"purpose": "revocation", "value": true, "statusList": signed_list(&college, &list)});
                    match post(
                        &agent,
                        &url,
                        &format!("/credentials/{id}/status"),
                        &college,
                        &body,
                    ) {
                        Some(200) => revoked.lock().unwrap().push((id, index)),
                        Some(code) => panic!("revocation refused with {code} in cycle {cycle}"),
                        None => break,
                    }
                }
            })
        };
        // Let the load run, then kill at a moment that varies from cycle to cycle.
        let started = Instant::now();
        let before = published.lock().unwrap().len();
        while published.lock().unwrap().len() < before + 5
            && started.elapsed() < Duration::from_secs(20)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(20 + (cycle as u64 * 37) % 200));
        server.take().unwrap().kill();
        total_kills += 1;
        stop.store(true, Ordering::Relaxed);
        publisher.join().unwrap();
        revoker.join().unwrap();

        let restarted = Server::start(&data);
        let agent = agent();
        for (id, _) in published.lock().unwrap().iter() {
            let path = format!("/credentials/{id}");
            let res = agent
                .get(&format!("{}{path}", restarted.url))
                .set("Authorization", &sign_request(&college, "GET", &path, b""))
                .call();
            assert!(
                matches!(res, Ok(ref r) if r.status() == 200),
                "cycle {cycle}: acknowledged publication {id} was lost"
            );
        }
        let bits = served_revocations(&restarted.url, &college.public().did());
        for (id, index) in revoked.lock().unwrap().iter() {
            assert!(
                bits.get(*index).unwrap(),
                "cycle {cycle}: acknowledged revocation of {id} was lost"
            );
        }
        let out = skillpass(d, &restarted.url, &["log", "verify"]);
        assert!(
            out.status.success(),
            "cycle {cycle}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        server = Some(restarted);
    }
    assert_eq!(total_kills, CYCLES);
    let (p, r) = (
        published.lock().unwrap().len(),
        revoked.lock().unwrap().len(),
    );
    assert!(
        p >= CYCLES * 5 && r >= CYCLES,
        "too little load: {p} publications, {r} revocations"
    );
    eprintln!(
        "{CYCLES} SIGKILLs survived: {p} publications and {r} revocations acknowledged and kept"
    );
}
