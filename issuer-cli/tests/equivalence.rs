//! Equivalence from the command line: comparable levels from the shipped data alone, and
//! authority-signed recognition decisions carried by the bundle into verification reports.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use std::path::Path;

use common::{examples, ok, run};

#[test]
fn rqf_3_to_germany_is_comparable_to_dqr_4_via_eqf_4_and_shown_as_historical() {
    let d = tempfile::tempdir().unwrap();
    let out = ok(
        d.path(),
        &["equivalence", "show", "RQF-GB-ENG-3", "--to", "DE"],
    );
    assert!(
        out.contains("DQR-DE-4 via RQF-GB-ENG-3 → EQF-4 → DQR-DE-4 (historical referencing, no longer maintained"),
        "{out}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(
        d.path(),
        &[
            "equivalence",
            "show",
            "RQF-GB-ENG-3",
            "--to",
            "DE",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(json["comparable"][0]["level"], "DQR-DE-4");
    assert_eq!(json["comparable"][0]["status"], "historical");
}

#[test]
fn a_deprecated_level_id_still_answers_and_says_it_is_deprecated() {
    let d = tempfile::tempdir().unwrap();
    let out = ok(d.path(), &["equivalence", "show", "RQF-3", "--to", "DE"]);
    assert!(
        out.contains("DQR-DE-4 via RQF-GB-ENG-3 → EQF-4 → DQR-DE-4"),
        "{out}"
    );
    assert!(
        out.contains("RQF-3 is a deprecated id of RQF-GB-ENG-3"),
        "{out}"
    );
}

#[test]
fn dqr_6_and_eqf_6_compare_both_ways() {
    let d = tempfile::tempdir().unwrap();
    assert!(ok(
        d.path(),
        &["equivalence", "show", "DQR-DE-6", "--to", "EQF"]
    )
    .contains("EQF-6 via DQR-DE-6 → EQF-6"));
    assert!(ok(d.path(), &["equivalence", "show", "EQF-6", "--to", "DE"]).contains("DQR-DE-6"));
}

#[test]
fn a_philippine_level_to_germany_names_the_missing_aqrf_eqf_bridge() {
    let d = tempfile::tempdir().unwrap();
    let out = ok(d.path(), &["equivalence", "show", "PQF-PH-6", "--to", "DE"]);
    assert!(out.contains("No comparable level is known"), "{out}");
    assert!(
        out.contains("no referencing between AQRF and EQF exists"),
        "{out}"
    );
    let back = ok(d.path(), &["equivalence", "show", "DQR-DE-4", "--to", "PH"]);
    assert!(
        back.contains("no referencing between EQF and AQRF exists"),
        "{back}"
    );
}

#[test]
fn a_nursing_query_without_a_decision_points_to_the_shipped_recognition_practice() {
    let d = tempfile::tempdir().unwrap();
    let out = ok(
        d.path(),
        &[
            "equivalence",
            "show",
            "PQF-PH-6",
            "--to",
            "DE",
            "--isco",
            "2221",
        ],
    );
    assert!(out.contains("Recognition practice (background"), "{out}");
    assert!(out.contains("Triple Win"), "{out}");
    assert!(!out.contains("Nothing is known"), "{out}");
}

#[test]
fn the_frameworks_list_shows_deprecated_ids_and_referencing_status() {
    let d = tempfile::tempdir().unwrap();
    let out = ok(d.path(), &["equivalence", "frameworks"]);
    assert!(out.contains("PQF-PH"), "{out}");
    assert!(out.contains("formerly PQF"), "{out}");
    assert!(out.contains("historical"), "{out}");
}

#[test]
fn a_level_without_official_referencing_says_so_instead_of_guessing() {
    let d = tempfile::tempdir().unwrap();
    let out = ok(
        d.path(),
        &["equivalence", "show", "NCQF-BW-7", "--to", "DE"],
    );
    assert!(out.contains("no official referencing"), "{out}");
    assert!(out.contains("No comparable level is known"), "{out}");
    assert!(!out.contains("DQR-"), "no DQR level may be guessed: {out}");
}

#[test]
fn an_unknown_level_is_a_clear_error() {
    let d = tempfile::tempdir().unwrap();
    let out = run(d.path(), &["equivalence", "show", "PQF-12", "--to", "DE"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown framework level"));
}

/// Operator, college, a German and a Belgian authority; a signed PH→DE nursing decision.
fn world(d: &Path, decision_signer: &str) -> (String, String) {
    let operator = ok(d, &["key", "new", "--out", "operator.key"])
        .trim()
        .to_owned();
    let college = ok(d, &["key", "new", "--out", "college.key"])
        .trim()
        .to_owned();
    let de = ok(d, &["key", "new", "--out", "de.key"]).trim().to_owned();
    let be = ok(d, &["key", "new", "--out", "be.key"]).trim().to_owned();
    ok(d, &["key", "new", "--out", "stranger.key"]);
    std::fs::write(
        d.join("authorities.json"),
        serde_json::to_string(&serde_json::json!([
            {"id": de, "name": "Example Land Office for Nursing Recognition", "country": "DE", "jurisdiction": "nursing"},
            {"id": be, "name": "Example Belgian Recognition Office", "country": "BE", "jurisdiction": "nursing"},
        ]))
        .unwrap(),
    )
    .unwrap();
    let decision = examples().join("decision-ph-de-nursing.json");
    ok(
        d,
        &[
            "authority",
            "sign",
            "--key",
            decision_signer,
            "--decision",
            decision.to_str().unwrap(),
            "--out",
            "decisions.jws",
        ],
    );
    ok(
        d,
        &[
            "bundle",
            "build",
            "--anchor",
            "operator.key",
            "--issuer",
            &college,
            "--name",
            "Manila College of Nursing",
            "--country",
            "PH",
            "--accredit",
            "QualificationCredential:PQF-6",
            "--authorities",
            "authorities.json",
            "--decisions",
            "decisions.jws",
            "--out",
            "bundle.jws",
        ],
    );
    let claims = examples().join("nurse-qualification.json");
    ok(
        d,
        &[
            "issue",
            "--key",
            "college.key",
            "--claims",
            claims.to_str().unwrap(),
            "--out",
            "nurse.jwt",
        ],
    );
    (operator, college)
}

#[test]
fn verifying_a_philippine_nursing_credential_for_germany_shows_the_decision_before_the_comparable_level(
) {
    let d = tempfile::tempdir().unwrap();
    let (operator, _) = world(d.path(), "de.key");
    let out = ok(
        d.path(),
        &[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
            "--country",
            "DE",
        ],
    );
    assert!(out.starts_with("VALID"), "{out}");
    let decision = out
        .find("Pflegefachfrau/Pflegefachmann")
        .expect("the decision is shown");
    let comparable = out
        .find("Comparable level")
        .expect("the comparable-level section is shown");
    assert!(decision < comparable, "{out}");
    assert!(out.contains("partial"), "{out}");
    assert!(out.contains("B2"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&ok(
        d.path(),
        &[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
            "--country",
            "DE",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(json["equivalence"]["decisions"][0]["state"], "applies");
    assert_eq!(
        json["equivalence"]["decisions"][0]["decision"]["outcome"],
        "partial"
    );
}

#[test]
fn the_same_credential_for_belgium_shows_only_what_is_known_for_belgium() {
    let d = tempfile::tempdir().unwrap();
    let (operator, _) = world(d.path(), "de.key");
    let out = ok(
        d.path(),
        &[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
            "--country",
            "BE",
        ],
    );
    assert!(!out.contains("Pflegefachfrau"), "{out}");
    assert!(out.contains("No recognition decision in BE"), "{out}");
}

#[test]
fn a_decision_signed_by_a_key_that_is_not_a_registered_authority_is_reported_untrusted() {
    let d = tempfile::tempdir().unwrap();
    let (operator, _) = world(d.path(), "stranger.key");
    let out = ok(
        d.path(),
        &[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
            "--country",
            "DE",
        ],
    );
    assert!(out.contains("untrusted decision ignored"), "{out}");
    assert!(
        out.contains("not a registered recognition authority"),
        "{out}"
    );
    assert!(out.contains("No recognition decision in DE"), "{out}");
}

#[test]
fn a_decision_by_an_authority_outside_its_country_is_reported_untrusted() {
    let d = tempfile::tempdir().unwrap();
    let (operator, _) = world(d.path(), "be.key");
    let out = ok(
        d.path(),
        &[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
            "--country",
            "DE",
        ],
    );
    assert!(out.contains("decides for BE, not for DE"), "{out}");
    assert!(out.contains("No recognition decision in DE"), "{out}");
}

#[test]
fn an_expired_decision_is_shown_as_expired_not_as_applying() {
    let d = tempfile::tempdir().unwrap();
    let (operator, _) = world(d.path(), "de.key");
    let out = run(
        d.path(),
        &[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
            "--country",
            "DE",
            "--at",
            "2029-06-01",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(3));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The bundle itself is stale by then, so the verdict is indeterminate, but the decision
    // must read as expired.
    assert_eq!(json["equivalence"]["decisions"][0]["state"], "expired");
}

#[test]
fn authority_import_signs_a_csv_of_decisions_and_a_revision_supersedes_the_original() {
    let d = tempfile::tempdir().unwrap();
    let de = ok(d.path(), &["key", "new", "--out", "de.key"])
        .trim()
        .to_owned();
    let operator = ok(d.path(), &["key", "new", "--out", "operator.key"])
        .trim()
        .to_owned();
    let college = ok(d.path(), &["key", "new", "--out", "college.key"])
        .trim()
        .to_owned();
    std::fs::write(
        d.path().join("decisions.csv"),
        "id,origin_country,origin_level,origin_field,origin_isco,origin_title,destination_country,destination_qualification,destination_isco,outcome,compensation,legal_basis,valid_from,valid_until,supersedes,notes\n\
         urn:uuid:00000000-0000-4000-8000-000000000001,PH,PQF-6,0913,2221,,DE,Pflegefachfrau/Pflegefachmann,2221,partial,adaptation-period:6|knowledge-test;language:de:B2,PflBG,2026-01-01,,,example\n\
         urn:uuid:00000000-0000-4000-8000-000000000002,PH,PQF-6,0913,2221,,DE,Pflegefachfrau/Pflegefachmann,2221,partial,knowledge-test;language:de:B2,PflBG,2026-03-01,,urn:uuid:00000000-0000-4000-8000-000000000001,revised\n\
         urn:uuid:00000000-0000-4000-8000-000000000003,PH,PQF-6,,,,DE,X,,partial,,PflBG,2026-01-01,,,partial without a measure\n",
    )
    .unwrap();
    let out = run(
        d.path(),
        &[
            "authority",
            "import",
            "--key",
            "de.key",
            "--name",
            "Example Office",
            "--csv",
            "decisions.csv",
            "--out",
            "decisions.jws",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "one row is bad");
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 4:"));
    std::fs::write(
        d.path().join("authorities.json"),
        format!(r#"[{{"id":"{de}","name":"Example Office","country":"DE"}}]"#),
    )
    .unwrap();
    ok(
        d.path(),
        &[
            "bundle",
            "build",
            "--anchor",
            "operator.key",
            "--issuer",
            &college,
            "--name",
            "C",
            "--country",
            "PH",
            "--accredit",
            "QualificationCredential",
            "--authorities",
            "authorities.json",
            "--decisions",
            "decisions.jws",
            "--out",
            "bundle.jws",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&ok(
        d.path(),
        &[
            "equivalence",
            "show",
            "PQF-6",
            "--to",
            "DE",
            "--field",
            "0913",
            "--isco",
            "2221",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
            "--at",
            "2026-06-01",
            "--json",
        ],
    ))
    .unwrap();
    let decisions = json["decisions"].as_array().unwrap();
    assert_eq!(
        decisions[0]["decision"]["id"],
        "urn:uuid:00000000-0000-4000-8000-000000000002"
    );
    assert_eq!(decisions[0]["state"], "applies");
    let old = decisions
        .iter()
        .find(|m| m["decision"]["id"] == "urn:uuid:00000000-0000-4000-8000-000000000001")
        .unwrap();
    assert_eq!(old["state"], "superseded");
}

#[test]
fn the_readme_corridor_commands_give_the_answers_their_sources_justify() {
    // Issue 16, acceptance 2: each command as README.md shows it, with the answer its source
    // justifies (sources: Irish referencing report 2009; AQRF-EQF 'none'; ENI report 2019).
    let d = tempfile::tempdir().unwrap();
    let show = |level: &str, to: &str| ok(d.path(), &["equivalence", "show", level, "--to", to]);
    let ie = show("NFQ-IE-6", "DE");
    assert!(
        ie.contains("DQR-DE-5 via NFQ-IE-6 → EQF-5 → DQR-DE-5 (official"),
        "{ie}"
    );
    let id = show("KKNI-ID-6", "DE");
    assert!(
        id.contains("no referencing between AQRF and EQF exists"),
        "{id}"
    );
    assert!(id.contains("No comparable level is known"), "{id}");
    let gb = show("RQF-GB-ENG-3", "DE");
    assert!(
        gb.contains("historical referencing, no longer maintained"),
        "{gb}"
    );
    assert!(!gb.contains("(official"), "{gb}");
    let ph = show("PQF-PH-6", "DE");
    assert!(
        ph.contains("no referencing between AQRF and EQF exists"),
        "{ph}"
    );
    let de = show("DQR-DE-4", "PH");
    assert!(
        de.contains("no referencing between EQF and AQRF exists"),
        "{de}"
    );
    let range = show("NFQ-IE-8", "DE");
    assert!(
        range.contains("DQR-DE-6 via NFQ-IE-8 → EQF-6 → DQR-DE-6"),
        "{range}"
    );
}

#[test]
fn the_frameworks_list_piped_into_a_reader_that_stops_early_is_not_a_crash() {
    // `skillpass equivalence frameworks | head` closes the pipe before the list is written.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_skillpass"))
        .args(["equivalence", "frameworks"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
