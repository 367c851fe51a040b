//! Equivalence from the command line: comparable levels from the shipped data alone, and
//! authority-signed recognition decisions carried by the bundle into verification reports.

use crate::harness::{examples, Scratch, BIN};

/// One `equivalence show LEVEL --to DEST …` and what its answer must say, and never say.
struct Shown {
    why: &'static str,
    args: &'static [&'static str],
    says: &'static [&'static str],
    never: &'static [&'static str],
}

const SHOWN: &[Shown] = &[
    Shown {
        why: "RQF-3 to Germany is comparable to DQR-4 via EQF-4 and shown as historical",
        args: &["RQF-GB-ENG-3", "--to", "DE"],
        says: &["DQR-DE-4 via RQF-GB-ENG-3 → EQF-4 → DQR-DE-4 (historical referencing, no longer maintained"],
        never: &[],
    },
    Shown {
        why: "a deprecated level id still answers and says it is deprecated",
        args: &["RQF-3", "--to", "DE"],
        says: &[
            "DQR-DE-4 via RQF-GB-ENG-3 → EQF-4 → DQR-DE-4",
            "RQF-3 is a deprecated id of RQF-GB-ENG-3",
        ],
        never: &[],
    },
    Shown {
        why: "DQR-6 compares to EQF-6",
        args: &["DQR-DE-6", "--to", "EQF"],
        says: &["EQF-6 via DQR-DE-6 → EQF-6"],
        never: &[],
    },
    Shown {
        why: "and EQF-6 to DQR-6",
        args: &["EQF-6", "--to", "DE"],
        says: &["DQR-DE-6"],
        never: &[],
    },
    Shown {
        why: "a Philippine level to Germany names the missing AQRF-EQF bridge",
        args: &["PQF-PH-6", "--to", "DE"],
        says: &[
            "No comparable level is known",
            "no referencing between AQRF and EQF exists",
        ],
        never: &[],
    },
    Shown {
        why: "and the other way",
        args: &["DQR-DE-4", "--to", "PH"],
        says: &["no referencing between EQF and AQRF exists"],
        never: &[],
    },
    Shown {
        why: "a nursing query without a decision points to the shipped recognition practice",
        args: &["PQF-PH-6", "--to", "DE", "--isco", "2221"],
        says: &["Recognition practice (background", "Triple Win"],
        never: &["Nothing is known"],
    },
    Shown {
        why: "a level without official referencing says so instead of guessing a DQR level",
        args: &["NCQF-BW-7", "--to", "DE"],
        says: &["no official referencing", "No comparable level is known"],
        never: &["DQR-"],
    },
    // Issue 16, acceptance 2: each corridor command as README.md shows it, with the answer
    // its source justifies (sources: Irish referencing report 2009; AQRF-EQF 'none'; ENI
    // report 2019).
    Shown {
        why: "README corridor: Ireland to Germany, official",
        args: &["NFQ-IE-6", "--to", "DE"],
        says: &["DQR-DE-5 via NFQ-IE-6 → EQF-5 → DQR-DE-5 (official"],
        never: &[],
    },
    Shown {
        why: "README corridor: Indonesia to Germany, no bridge",
        args: &["KKNI-ID-6", "--to", "DE"],
        says: &[
            "no referencing between AQRF and EQF exists",
            "No comparable level is known",
        ],
        never: &[],
    },
    Shown {
        why: "README corridor: England to Germany, historical and never called official",
        args: &["RQF-GB-ENG-3", "--to", "DE"],
        says: &["historical referencing, no longer maintained"],
        never: &["(official"],
    },
    Shown {
        why: "README corridor: the Philippines to Germany, no bridge",
        args: &["PQF-PH-6", "--to", "DE"],
        says: &["no referencing between AQRF and EQF exists"],
        never: &[],
    },
    Shown {
        why: "README corridor: Germany to the Philippines, no bridge",
        args: &["DQR-DE-4", "--to", "PH"],
        says: &["no referencing between EQF and AQRF exists"],
        never: &[],
    },
    Shown {
        why: "README corridor: a level referenced to a range",
        args: &["NFQ-IE-8", "--to", "DE"],
        says: &["DQR-DE-6 via NFQ-IE-8 → EQF-6 → DQR-DE-6"],
        never: &[],
    },
];

#[test]
fn equivalence_show_answers_with_what_the_shipped_data_justifies_and_nothing_more() {
    let d = Scratch::new();
    for shown in SHOWN {
        let mut args = vec!["equivalence", "show"];
        args.extend(shown.args);
        let out = d.ok(&args);
        for said in shown.says {
            assert!(
                out.contains(said),
                "{}: {said:?} missing from\n{out}",
                shown.why
            );
        }
        for wrong in shown.never {
            assert!(!out.contains(wrong), "{}: {wrong:?} in\n{out}", shown.why);
        }
    }
}

#[test]
fn rqf_3_to_germany_is_historical_in_json_too() {
    let d = Scratch::new();
    let json: serde_json::Value = serde_json::from_str(&d.ok(&[
        "equivalence",
        "show",
        "RQF-GB-ENG-3",
        "--to",
        "DE",
        "--json",
    ]))
    .unwrap();
    assert_eq!(json["comparable"][0]["level"], "DQR-DE-4");
    assert_eq!(json["comparable"][0]["status"], "historical");
}

#[test]
fn the_frameworks_list_shows_deprecated_ids_and_referencing_status() {
    let d = Scratch::new();
    let out = d.ok(&["equivalence", "frameworks"]);
    assert!(out.contains("PQF-PH"), "{out}");
    assert!(out.contains("formerly PQF"), "{out}");
    assert!(out.contains("historical"), "{out}");
}

#[test]
fn an_unknown_level_is_a_clear_error() {
    let d = Scratch::new();
    let out = d.run(&["equivalence", "show", "PQF-12", "--to", "DE"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown framework level"));
}

/// Operator, college, a German and a Belgian authority; a signed PH→DE nursing decision.
fn world(d: &Scratch, decision_signer: &str) -> (String, String) {
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    let de = d.key("de.key");
    let be = d.key("be.key");
    d.key("stranger.key");
    std::fs::write(
        d.path("authorities.json"),
        serde_json::to_string(&serde_json::json!([
            {"id": de, "name": "Example Land Office for Nursing Recognition", "country": "DE", "jurisdiction": "nursing"},
            {"id": be, "name": "Example Belgian Recognition Office", "country": "BE", "jurisdiction": "nursing"},
        ]))
        .unwrap(),
    )
    .unwrap();
    let decision = examples().join("decision-ph-de-nursing.json");
    d.ok(&[
        "authority",
        "sign",
        "--key",
        decision_signer,
        "--decision",
        decision.to_str().unwrap(),
        "--out",
        "decisions.jws",
    ]);
    d.bundle(
        &college,
        &[
            "--authorities",
            "authorities.json",
            "--decisions",
            "decisions.jws",
        ],
    );
    d.issue_nurse(&[], "nurse.jwt");
    (operator, college)
}

#[test]
fn verifying_a_philippine_nursing_credential_for_germany_shows_the_decision_before_the_comparable_level(
) {
    let d = Scratch::new();
    let (operator, _) = world(&d, "de.key");
    let out = d.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--country",
        "DE",
    ]);
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
    let json: serde_json::Value = serde_json::from_str(&d.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--country",
        "DE",
        "--json",
    ]))
    .unwrap();
    assert_eq!(json["equivalence"]["decisions"][0]["state"], "applies");
    assert_eq!(
        json["equivalence"]["decisions"][0]["decision"]["outcome"],
        "partial"
    );
}

#[test]
fn the_same_credential_for_belgium_shows_only_what_is_known_for_belgium() {
    let d = Scratch::new();
    let (operator, _) = world(&d, "de.key");
    let out = d.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--country",
        "BE",
    ]);
    assert!(!out.contains("Pflegefachfrau"), "{out}");
    assert!(out.contains("No recognition decision in BE"), "{out}");
}

#[test]
fn a_decision_signed_by_a_key_that_is_not_a_registered_authority_is_reported_untrusted() {
    let d = Scratch::new();
    let (operator, _) = world(&d, "stranger.key");
    let out = d.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--country",
        "DE",
    ]);
    assert!(out.contains("untrusted decision ignored"), "{out}");
    assert!(
        out.contains("not a registered recognition authority"),
        "{out}"
    );
    assert!(out.contains("No recognition decision in DE"), "{out}");
}

#[test]
fn a_decision_by_an_authority_outside_its_country_is_reported_untrusted() {
    let d = Scratch::new();
    let (operator, _) = world(&d, "be.key");
    let out = d.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--country",
        "DE",
    ]);
    assert!(out.contains("decides for BE, not for DE"), "{out}");
    assert!(out.contains("No recognition decision in DE"), "{out}");
}

#[test]
fn an_expired_decision_is_shown_as_expired_not_as_applying() {
    let d = Scratch::new();
    let (operator, _) = world(&d, "de.key");
    let out = d.run(&[
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
    ]);
    assert_eq!(out.status.code(), Some(3));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The bundle itself is stale by then, so the verdict is indeterminate, but the decision
    // must read as expired.
    assert_eq!(json["equivalence"]["decisions"][0]["state"], "expired");
}

#[test]
fn authority_import_signs_a_csv_of_decisions_and_a_revision_supersedes_the_original() {
    let d = Scratch::new();
    let de = d.key("de.key");
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    std::fs::write(
        d.path("decisions.csv"),
        "id,origin_country,origin_level,origin_field,origin_isco,origin_title,destination_country,destination_qualification,destination_isco,outcome,compensation,legal_basis,valid_from,valid_until,supersedes,notes\n\
         urn:uuid:00000000-0000-4000-8000-000000000001,PH,PQF-6,0913,2221,,DE,Pflegefachfrau/Pflegefachmann,2221,partial,adaptation-period:6|knowledge-test;language:de:B2,PflBG,2026-01-01,,,example\n\
         urn:uuid:00000000-0000-4000-8000-000000000002,PH,PQF-6,0913,2221,,DE,Pflegefachfrau/Pflegefachmann,2221,partial,knowledge-test;language:de:B2,PflBG,2026-03-01,,urn:uuid:00000000-0000-4000-8000-000000000001,revised\n\
         urn:uuid:00000000-0000-4000-8000-000000000003,PH,PQF-6,,,,DE,X,,partial,,PflBG,2026-01-01,,,partial without a measure\n",
    )
    .unwrap();
    let out = d.run(&[
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
    ]);
    assert_eq!(out.status.code(), Some(1), "one row is bad");
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 4:"));
    std::fs::write(
        d.path("authorities.json"),
        format!(r#"[{{"id":"{de}","name":"Example Office","country":"DE"}}]"#),
    )
    .unwrap();
    d.ok(&[
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
    ]);
    let json: serde_json::Value = serde_json::from_str(&d.ok(&[
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
    ]))
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
fn the_frameworks_list_piped_into_a_reader_that_stops_early_is_not_a_crash() {
    // `skillpass equivalence frameworks | head` closes the pipe before the list is written.
    let mut child = Scratch::new()
        .command(BIN)
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

/// Regression: a decision given twice to one `bundle build` — the original and a corrected
/// re-signing, from two files — took the count of decisions kept below zero, a panic.
#[test]
fn a_decision_given_twice_to_one_bundle_build_is_carried_in_its_last_version() {
    let d = Scratch::new();
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    let de = d.key("de.key");
    std::fs::write(
        d.path("authorities.json"),
        format!(r#"[{{"id":"{de}","name":"Example Office","country":"DE"}}]"#),
    )
    .unwrap();
    let original = examples().join("decision-ph-de-nursing.json");
    let mut corrected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&original).unwrap()).unwrap();
    corrected["notes"] = "corrected".into();
    std::fs::write(d.path("corrected.json"), corrected.to_string()).unwrap();
    for (decision, out) in [
        (original.to_str().unwrap(), "first.jws"),
        ("corrected.json", "second.jws"),
    ] {
        d.ok(&[
            "authority",
            "sign",
            "--key",
            "de.key",
            "--decision",
            decision,
            "--out",
            out,
        ]);
    }
    d.bundle(
        &college,
        &[
            "--authorities",
            "authorities.json",
            "--decisions",
            "first.jws",
            "--decisions",
            "second.jws",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&d.ok(&[
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
    ]))
    .unwrap();
    let decisions = json["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), 1, "{json}");
    assert_eq!(decisions[0]["decision"]["notes"], "corrected");
}
