//! The start-up store check: a store whose file was cut or overwritten is named damaged,
//! never served and never a panic; an intact one passes with its counts.

use std::io::{Seek as _, SeekFrom, Write as _};
use std::path::Path;

use chrono::Utc;
use credential_core::SecretKey;
use registry_server::check::{check_store, check_watermark};
use registry_server::ledger::{compute_digest, Change};
use registry_server::records::Grant;
use registry_server::startup::{guard, Failure};
use registry_server::store::{ContentDigest, SledStore, Tree};
use registry_server::Settings;

use crate::harness::{issue, Bundles, Harness};

/// A data directory whose store holds `n` grants (valid records), committed by the
/// registry 50 at a time, then closed.
fn store_with_grants(data: &Path, n: usize) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let settings = Settings {
        data_dir: Some(data.to_path_buf()),
        ..Settings::default()
    };
    let h = Harness::open(
        &data.join("store"),
        &SecretKey::generate(),
        settings,
        &Bundles::default(),
    );
    let state = &h.state;
    for chunk in (0..n).collect::<Vec<_>>().chunks(50) {
        let mut change = Change::new();
        for i in chunk {
            let grant = Grant {
                id: format!("urn:uuid:grant-{i:06}"),
                credential: format!("urn:uuid:credential-{i:06}"),
                grantee: "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp".into(),
                expires_at: Utc::now(),
                created_at: Utc::now(),
                revoked_at: None,
            };
            change.put_grant(&grant).unwrap();
        }
        runtime.block_on(async {
            let guard = state.write_lock().await.unwrap();
            state.commit(&guard, change).await.unwrap();
        });
    }
}

/// What the registry's start-up check says of the data directory `data`.
fn check(data: &Path) -> Result<u64, Failure> {
    guard("test", || {
        let store =
            SledStore::open(&data.join("store")).map_err(|e| Failure::Damaged(e.to_string()))?;
        let report = check_store(&store).map_err(|d| Failure::Damaged(d.0))?;
        check_watermark(data, &report).map_err(|d| Failure::Damaged(d.0))?;
        Ok(report
            .counts
            .iter()
            .find(|(t, _)| *t == Tree::GrantidGrant)
            .unwrap()
            .1)
    })
}

#[test]
fn an_intact_store_passes_with_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    store_with_grants(dir.path(), 4150);
    assert_eq!(check(dir.path()).unwrap(), 4150);
}

/// Overwritten bytes may fall on space sled no longer uses (then nothing was lost); a store
/// that passes must hold every record, and nothing may panic. (A cut tail is refused by the
/// end-to-end test `a_damaged_store_is_refused_at_start_and_named_by_check`. When sled drops
/// an older segment but keeps the newest, the commit count still matches: the content
/// digest kept with every batch is what notices the missing records.)
#[test]
fn a_store_with_overwritten_bytes_is_named_damaged_or_passes_whole_never_a_panic() {
    let mut damaged = 0;
    for offset_permille in [50u64, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950, 990] {
        let dir = tempfile::tempdir().unwrap();
        store_with_grants(dir.path(), 4150);
        let db = dir.path().join("store").join("db");
        let len = std::fs::metadata(&db).unwrap().len();
        let mut f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
        f.seek(SeekFrom::Start(len * offset_permille / 1000))
            .unwrap();
        f.write_all(&[0xA5; 64]).unwrap();
        drop(f);
        match check(dir.path()) {
            Err(Failure::Damaged(_)) => damaged += 1,
            Ok(n) => assert_eq!(
                n, 4150,
                "at {offset_permille}‰ a store missing records passed"
            ),
            Err(other) => panic!("at {offset_permille}‰: {other:?}"),
        }
    }
    assert!(damaged > 0, "no overwrite was noticed at all");
}

/// The content digest as kept batch by batch, and as a full read of the store gives it.
fn kept_and_recomputed(h: &Harness) -> (ContentDigest, ContentDigest) {
    let kept = h.state.records().meta().content_digest().unwrap().unwrap();
    (kept, compute_digest(h.state.store()).unwrap())
}

#[tokio::test]
async fn the_content_digest_kept_batch_by_batch_is_what_a_full_read_gives() {
    let h = Harness::new();
    let college = h.college("College").await;
    let holder = SecretKey::generate();
    let (jws, id, _) = issue(&college, &holder.public().did(), None, "PQF-6");
    h.publish(&college, &[&jws], vec![]).await;
    let (kept, recomputed) = kept_and_recomputed(&h);
    assert_eq!(kept, recomputed, "after publishing");
    // Signed reads: each batch writes only its nonce, whose old value is not read back.
    for _ in 0..3 {
        let r = h
            .call("GET", &format!("/credentials/{id}"), b"", Some(&holder))
            .await;
        assert_eq!(r.status.as_u16(), 200, "{}", r.text());
    }
    let (kept, recomputed) = kept_and_recomputed(&h);
    assert_eq!(kept, recomputed, "after signed reads");
    // Past the request window: a write also forgets expired nonces.
    h.advance(chrono::Duration::seconds(
        h.state.settings().request_window_secs + 120,
    ));
    h.college("Another college").await;
    let (kept, recomputed) = kept_and_recomputed(&h);
    assert_eq!(kept, recomputed, "after nonces expired");
}
