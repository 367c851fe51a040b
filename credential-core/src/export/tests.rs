use chrono::Duration;
use serde_json::{json, Value};

use super::*;
use crate::integrity::{self, ProofForm};
use crate::keys::SecretKey;
use crate::testutil::Fixture;
use crate::{build_document, sign_document, IssueOptions};

const OB3_SCHEMA: &str = include_str!("../../testdata/ob3/achievementcredential.json");

fn ob3_violations(badge: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(OB3_SCHEMA).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    validator
        .iter_errors(badge)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn nurse(f: &Fixture) -> OwnCredential {
    read_own(&f.issue_to(&f.holder.public().did())).unwrap()
}

fn issue(f: &Fixture, claims: Value) -> String {
    let mut options = IssueOptions::new(f.now - Duration::hours(1));
    options.holder = Some(f.holder.public().did());
    let doc = build_document(&claims, &f.college.public().did(), &options).unwrap();
    sign_document(&f.college, &f.college.public().did_url(), &doc).unwrap()
}

#[test]
fn the_open_badge_of_a_qualification_validates_against_the_1edtech_schema() {
    let f = Fixture::new();
    let badge = sign_open_badge(&nurse(&f), &f.college, f.now).unwrap();
    assert_eq!(ob3_violations(&badge), Vec::<String>::new(), "{badge:#}");
    // The schema is enforced: a badge without criteria, or with a lone proof object, fails.
    let mut broken = badge.clone();
    broken["credentialSubject"]["achievement"]
        .as_object_mut()
        .unwrap()
        .remove("criteria");
    assert!(!ob3_violations(&broken).is_empty());
    let mut broken = badge.clone();
    broken["proof"] = badge["proof"][0].clone();
    assert!(!ob3_violations(&broken).is_empty());
    let achievement = &badge["credentialSubject"]["achievement"];
    assert_eq!(achievement["name"], "Bachelor of Science in Nursing");
    assert!(achievement["criteria"]["narrative"]
        .as_str()
        .unwrap()
        .contains("\n- Prepares and administers medications"));
    let urls: Vec<&str> = achievement["alignment"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["targetUrl"].as_str().unwrap())
        .collect();
    assert!(
        urls.contains(&"http://data.europa.eu/snb/isced-f/0913"),
        "{urls:?}"
    );
    assert!(
        urls.contains(&"http://data.europa.eu/esco/isco/C2221"),
        "{urls:?}"
    );
    assert!(badge["proof"].is_array());
    assert_eq!(badge["credentialSubject"]["id"], f.holder.public().did());
}

#[test]
fn the_open_badge_is_signed_by_the_issuer_and_verifies_with_its_contexts() {
    let f = Fixture::new();
    let badge = sign_open_badge(&nurse(&f), &f.college, f.now).unwrap();
    let secured = integrity::verify(&badge, &f.college.public()).unwrap();
    assert_eq!(
        secured.proof.verification_method,
        f.college.public().did_url()
    );
    let mut altered = badge.clone();
    altered["credentialSubject"]["achievement"]["name"] = json!("Doctor of Medicine");
    assert!(integrity::verify(&altered, &f.college.public()).is_err());
}

#[test]
fn a_grade_becomes_a_result_of_a_described_kind() {
    let f = Fixture::new();
    let mut claims: Value = serde_json::from_str(crate::testutil::NURSE).unwrap();
    claims["credentialSubject"]["qualification"]["grade"] = json!("1.75 (very good)");
    let own = read_own(&issue(&f, claims)).unwrap();
    let badge = sign_open_badge(&own, &f.college, f.now).unwrap();
    assert_eq!(ob3_violations(&badge), Vec::<String>::new());
    let result = &badge["credentialSubject"]["result"][0];
    assert_eq!(result["value"], "1.75 (very good)");
    assert_eq!(
        result["resultDescription"],
        badge["credentialSubject"]["achievement"]["resultDescription"][0]["id"]
    );
}

#[test]
fn only_the_issuer_signs_a_view_of_its_credential() {
    let f = Fixture::new();
    let e = sign_open_badge(&nurse(&f), &SecretKey::generate(), f.now).unwrap_err();
    assert!(matches!(e, ExportError::WrongKey { .. }), "{e}");
}

#[test]
fn a_credential_not_signed_by_its_own_issuer_is_not_exported() {
    let f = Fixture::new();
    let other = SecretKey::generate();
    let doc = f.document_for(&f.holder.public().did());
    let jws = sign_document(&other, &other.public().did_url(), &doc).unwrap();
    assert!(matches!(
        read_own(&jws).unwrap_err(),
        ExportError::NotTheIssuersKey { .. }
    ));
    let mut tampered = f.issue_to(&f.holder.public().did()).into_bytes();
    let n = tampered.len() - 3;
    tampered[n] = if tampered[n] == b'A' { b'B' } else { b'A' };
    assert!(read_own(&String::from_utf8(tampered).unwrap()).is_err());
}

#[test]
fn a_data_integrity_credential_exports_like_a_jws_one() {
    let f = Fixture::new();
    let doc = f.document_for(&f.holder.public().did());
    let secured = integrity::sign(
        &doc,
        &f.college,
        &f.college.public().did_url(),
        f.now,
        ProofForm::Object,
    )
    .unwrap();
    let own = read_own(&secured.to_string()).unwrap();
    assert!(own.document.get("proof").is_none());
    assert_eq!(
        learning_model(&own).unwrap()["credentialSubject"]["hasClaim"][0]["title"]["en"],
        "Bachelor of Science in Nursing"
    );
}

#[test]
fn the_learning_model_view_carries_the_eqf_level_and_isced_f_field_as_concept_uris() {
    let f = Fixture::new();
    let mut claims: Value = serde_json::from_str(crate::testutil::NURSE).unwrap();
    // A Turkish qualification at TYÇ level 5, which Turkey referenced to EQF level 5.
    claims["credentialSubject"]["qualification"]["country"] = json!("TR");
    claims["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["TYC-TR-5"]);
    let elm = learning_model(&read_own(&issue(&f, claims)).unwrap()).unwrap();
    let spec = &elm["credentialSubject"]["hasClaim"][0]["specifiedBy"];
    assert_eq!(spec["type"], "Qualification");
    assert_eq!(spec["eqfLevel"]["id"], "http://data.europa.eu/snb/eqf/5");
    assert_eq!(
        spec["ISCEDFCode"][0]["id"],
        "http://data.europa.eu/snb/isced-f/0913"
    );
    assert_eq!(spec["learningOutcome"].as_array().unwrap().len(), 6);
    let awarding = &elm["credentialSubject"]["hasClaim"][0]["awardedBy"];
    assert_eq!(
        awarding["awardingBody"][0]["legalName"]["en"],
        "Manila College of Nursing"
    );
    assert_eq!(awarding["awardingDate"], "2023-06-15T00:00:00Z");
    assert_eq!(elm["@context"][1], ELM_CONTEXT);
}

#[test]
fn no_eqf_level_is_invented_for_a_level_without_an_official_referencing() {
    let f = Fixture::new();
    let elm = learning_model(&nurse(&f)).unwrap();
    let spec = &elm["credentialSubject"]["hasClaim"][0]["specifiedBy"];
    assert!(spec.get("eqfLevel").is_none(), "{spec:#}");
    assert_eq!(eqf_level(&["PQF-6".into()]), None);
    assert_eq!(eqf_level(&["PQF-6".into(), "EQF-6".into()]), Some(6));
    assert_eq!(eqf_level(&["DQR-DE-4".into()]), Some(4));
}

#[test]
fn a_skill_credential_exports_its_skills_with_their_esco_uris() {
    let f = Fixture::new();
    let mut claims: Value =
        serde_json::from_str(include_str!("../../../examples/care-worker-skills.json")).unwrap();
    let esco = "http://data.europa.eu/esco/skill/8f1ba6a0-c8a0-4a1c-a1ba-3a4a7a3bf5a2";
    claims["credentialSubject"]["skills"][0]["esco"] = json!(esco);
    claims["credentialSubject"]["frameworkLevel"] = json!("PQF-3");
    let own = read_own(&issue(&f, claims)).unwrap();
    let badge = sign_open_badge(&own, &f.college, f.now).unwrap();
    assert_eq!(ob3_violations(&badge), Vec::<String>::new(), "{badge:#}");
    let achievement = &badge["credentialSubject"]["achievement"];
    assert!(achievement["alignment"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["targetUrl"] == esco));
    let elm = learning_model(&own).unwrap();
    let claims = elm["credentialSubject"]["hasClaim"].as_array().unwrap();
    assert_eq!(claims.len(), 5);
    assert_eq!(
        claims[0]["specifiedBy"]["learningOutcome"][0]["relatedESCOSkill"][0]["id"],
        esco
    );
}
