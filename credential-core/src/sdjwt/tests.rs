use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::Duration;
use serde_json::{json, Value};

use super::*;
use crate::jws::{self, UnverifiedJws, MAX_JWS_LEN};
use crate::keys::SecretKey;
use crate::testutil::Fixture;
use crate::verify::Verdict;

const EMPLOYER: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
const NONCE: &str = "a1b2c3";
const VECTORS: &str = include_str!("../../testdata/sdjwt/rfc9901-disclosures.json");

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// The nurse's credential as an SD-JWT, with the name and title also made disclosable.
fn issued(f: &Fixture) -> String {
    let doc = f.document_for(&f.holder.public().did());
    issue(
        &f.college,
        &f.college.public().did_url(),
        &doc,
        &names(&["name", "title"]),
    )
    .unwrap()
}

fn check(f: &Fixture, presentation: &str) -> SdJwtReport {
    let bundle = f.bundle();
    verify(
        &f.verifier(&bundle),
        presentation,
        EMPLOYER,
        NONCE,
        Duration::minutes(5),
    )
}

/// The holder's presentation of the claims `names` to `EMPLOYER` with `NONCE`, now.
fn presenting(f: &Fixture, names_: &[&str]) -> String {
    present(
        &f.holder,
        &issued(f),
        &names(names_),
        EMPLOYER,
        NONCE,
        f.now,
    )
    .unwrap()
}

/// `hashed` (`<JWS>~<disclosures>~`) bound by the holder's key to `EMPLOYER` and `NONCE`
/// now, then verified.
fn bound_by_holder(f: &Fixture, hashed: &str) -> SdJwtReport {
    check(
        f,
        &bind(&f.holder, hashed, EMPLOYER, NONCE, f.now.timestamp()),
    )
}

/// Signs a key binding over `hashed` (`<JWS>~<disclosures>~`) with `key`.
fn bind(key: &SecretKey, hashed: &str, aud: &str, nonce: &str, iat: i64) -> String {
    let kb = json!({"iat": iat, "aud": aud, "nonce": nonce, "sd_hash": digest(hashed)});
    format!(
        "{hashed}{}",
        jws::sign_raw(
            key,
            br#"{"alg":"EdDSA","typ":"kb+jwt"}"#,
            kb.to_string().as_bytes()
        )
    )
}

#[test]
fn rfc9901_disclosure_vectors_give_the_published_digests() {
    let vectors: Vec<Value> = serde_json::from_str(VECTORS).unwrap();
    assert_eq!(vectors.len(), 2);
    for v in vectors {
        let d = Disclosure::parse(v["disclosure"].as_str().unwrap()).unwrap();
        assert_eq!(d.digest(), v["sha256_digest"], "{}", v["id"]);
        assert_eq!(d.salt, v["salt"]);
        assert_eq!(d.value, v["claim_value"]);
        assert_eq!(d.name.as_deref(), v["claim_name"].as_str());
    }
}

#[test]
fn the_digest_is_over_the_base64url_text_not_the_decoded_json() {
    // Re-serialising the RFC's disclosure without its ", " spaces changes the digest.
    let compact = URL_SAFE_NO_PAD.encode(r#"["_26bc4LT-ac6q2KI6cBW5es","family_name","Möbius"]"#);
    assert_ne!(
        digest(&compact),
        "X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0"
    );
}

#[test]
fn an_issued_sd_jwt_hides_personal_claims_behind_digests_and_binds_the_holder_key() {
    let f = Fixture::new();
    let text = issued(&f);
    let parts = split(&text).unwrap();
    assert!(parts.key_binding.is_none());
    assert_eq!(parts.disclosures.len(), 3); // birthDate, name, title
    let parsed = UnverifiedJws::parse(parts.jws, MAX_JWS_LEN).unwrap();
    assert_eq!(parsed.header().typ.as_deref(), Some("vc+sd-jwt"));
    let payload: Value = serde_json::from_slice(parsed.payload()).unwrap();
    assert_eq!(payload["_sd_alg"], "sha-256");
    assert_eq!(payload["cnf"]["jwk"]["x"], f.holder.public().to_jwk().x);
    let subject = &payload["credentialSubject"];
    assert!(subject.get("birthDate").is_none() && subject.get("name").is_none());
    assert!(subject["qualification"].get("title").is_none());
    assert_eq!(subject["qualification"]["frameworkLevels"][0], "PQF-6");
    assert_eq!(subject["id"], f.holder.public().did());
    for d in &parts.disclosures {
        let digest = Disclosure::parse(d).unwrap().digest();
        assert!(parsed
            .payload()
            .windows(digest.len())
            .any(|w| w == digest.as_bytes()));
    }
}

#[test]
fn presenting_only_title_and_level_is_valid_and_reports_birth_date_not_disclosed() {
    let f = Fixture::new();
    let vp = presenting(&f, &["title", "level"]);
    let report = check(&f, &vp);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    assert_eq!(report.disclosed, vec!["qualification.title"]);
    assert!(report.not_disclosed.contains(&"birthDate".to_owned()));
    assert!(report.not_disclosed.contains(&"name".to_owned()));
    let subject = report.subject.unwrap();
    assert!(subject.get("birthDate").is_none() && subject.get("name").is_none());
    assert_eq!(
        subject["qualification"]["title"]["en"],
        "Bachelor of Science in Nursing"
    );
    assert_eq!(subject["qualification"]["frameworkLevels"][0], "PQF-6");
}

#[test]
fn presenting_every_claim_is_valid_and_lists_them_all() {
    let f = Fixture::new();
    let vp = presenting(&f, &["title", "name", "birthDate"]);
    let report = check(&f, &vp);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    let mut disclosed = report.disclosed.clone();
    disclosed.sort();
    assert_eq!(disclosed, vec!["birthDate", "name", "qualification.title"]);
    // Decoy digests make every object look as if it might hide more, so claims this
    // credential never had (nationality, grade) are still listed as not disclosed.
    for shown in ["birthDate", "name", "qualification.title"] {
        assert!(!report.not_disclosed.contains(&shown.to_owned()));
    }
}

#[test]
fn a_disclosure_that_was_not_issued_is_rejected() {
    let f = Fixture::new();
    let vp = presenting(&f, &["title"]);
    let parts = split(&vp).unwrap();
    let forged = Disclosure::new("birthDate", json!("1990-01-01"));
    let hashed = format!("{}{}~", parts.hashed, forged.encoded);
    let report = bound_by_holder(&f, &hashed);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.failed(), vec!["disclosures"]);
}

#[test]
fn a_tampered_disclosure_is_rejected() {
    let f = Fixture::new();
    let full = issued(&f);
    let parts = split(&full).unwrap();
    // The holder changes the value of their real birthDate disclosure.
    let original = parts
        .disclosures
        .iter()
        .map(|d| Disclosure::parse(d).unwrap())
        .find(|d| d.name.as_deref() == Some("birthDate"))
        .unwrap();
    let changed =
        URL_SAFE_NO_PAD.encode(json!([original.salt, "birthDate", "1980-01-01"]).to_string());
    let hashed = format!("{}~{changed}~", parts.jws);
    let report = bound_by_holder(&f, &hashed);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.failed(), vec!["disclosures"]);
}

#[test]
fn a_missing_key_binding_is_rejected() {
    let f = Fixture::new();
    let report = check(&f, &issued(&f));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.failed(), vec!["key-binding"]);
}

#[test]
fn a_key_binding_signed_by_another_key_is_rejected() {
    let f = Fixture::new();
    let full = issued(&f);
    let parts = split(&full).unwrap();
    let thief = SecretKey::generate();
    let report = check(
        &f,
        &bind(&thief, parts.hashed, EMPLOYER, NONCE, f.now.timestamp()),
    );
    assert_eq!(report.failed(), vec!["key-binding"]);
}

#[test]
fn dropping_a_disclosure_after_the_holder_signed_breaks_the_sd_hash() {
    let f = Fixture::new();
    let vp = presenting(&f, &["title", "name"]);
    let parts = split(&vp).unwrap();
    let kept = format!(
        "{}~{}~{}",
        parts.jws,
        parts.disclosures[0],
        parts.key_binding.unwrap()
    );
    let report = check(&f, &kept);
    assert_eq!(report.failed(), vec!["key-binding"]);
}

#[test]
fn a_key_binding_for_another_audience_or_nonce_is_rejected() {
    let f = Fixture::new();
    let other = "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG";
    let vp = present(
        &f.holder,
        &issued(&f),
        &names(&["title"]),
        other,
        NONCE,
        f.now,
    )
    .unwrap();
    assert_eq!(check(&f, &vp).failed(), vec!["audience"]);
    let vp = present(
        &f.holder,
        &issued(&f),
        &names(&["title"]),
        EMPLOYER,
        "old",
        f.now,
    )
    .unwrap();
    assert_eq!(check(&f, &vp).failed(), vec!["nonce"]);
}

#[test]
fn a_stale_key_binding_is_rejected() {
    let f = Fixture::new();
    let vp = present(
        &f.holder,
        &issued(&f),
        &names(&["title"]),
        EMPLOYER,
        NONCE,
        f.now - Duration::hours(1),
    )
    .unwrap();
    assert_eq!(check(&f, &vp).failed(), vec!["freshness"]);
}

#[test]
fn an_altered_issuer_payload_fails_the_signature() {
    let f = Fixture::new();
    let full = issued(&f);
    let parts = split(&full).unwrap();
    let parsed = UnverifiedJws::parse(parts.jws, MAX_JWS_LEN).unwrap();
    let mut payload: Value = serde_json::from_slice(parsed.payload()).unwrap();
    payload["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PQF-5"]);
    let sig = parts.jws.rsplit('.').next().unwrap();
    let header = parts.jws.split('.').next().unwrap();
    let forged = format!(
        "{header}.{}.{sig}",
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let hashed = format!("{forged}~");
    let report = bound_by_holder(&f, &hashed);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(report.failed().contains(&"credential:signature".to_owned()));
}

#[test]
fn presenting_with_someone_elses_key_is_refused() {
    let f = Fixture::new();
    assert!(matches!(
        present(
            &SecretKey::generate(),
            &issued(&f),
            &[],
            EMPLOYER,
            NONCE,
            f.now
        ),
        Err(SdJwtError::WrongHolderKey)
    ));
}

#[test]
fn disclosing_an_unknown_claim_is_refused() {
    let f = Fixture::new();
    assert!(matches!(
        present(
            &f.holder,
            &issued(&f),
            &names(&["shoeSize"]),
            EMPLOYER,
            NONCE,
            f.now
        ),
        Err(SdJwtError::NoSuchClaim(ref name)) if name == "shoeSize"
    ));
}

#[test]
fn the_level_and_the_holder_id_cannot_be_made_selectively_disclosable() {
    let f = Fixture::new();
    let doc = f.document_for(&f.holder.public().did());
    for name in ["level", "id"] {
        assert!(matches!(
            issue(
                &f.college,
                &f.college.public().did_url(),
                &doc,
                &names(&[name])
            ),
            Err(SdJwtError::AlwaysVisible(_))
        ));
    }
}

#[test]
fn a_grade_is_selectively_disclosable_without_being_asked() {
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    doc["credentialSubject"]["qualification"]["grade"] = json!("Cum laude");
    let text = issue(&f.college, &f.college.public().did_url(), &doc, &[]).unwrap();
    let parts = split(&text).unwrap();
    let payload: Value = serde_json::from_slice(
        UnverifiedJws::parse(parts.jws, MAX_JWS_LEN)
            .unwrap()
            .payload(),
    )
    .unwrap();
    assert!(payload["credentialSubject"]["qualification"]
        .get("grade")
        .is_none());
    assert_eq!(parts.disclosures.len(), 2); // birthDate and grade
}

#[test]
fn the_holders_own_copy_verifies_issuer_side_valid_with_key_binding_skipped() {
    let f = Fixture::new();
    let bundle = f.bundle();
    let report = verify_issued(&f.verifier(&bundle), &issued(&f));
    assert_eq!(
        report.credential.verdict,
        Verdict::Valid,
        "{}",
        report.to_words()
    );
    assert_eq!(report.verdict, Verdict::Indeterminate);
    assert!(report.failed().is_empty());
    assert_eq!(
        reveal_all_unchecked(&issued(&f)).unwrap()["credentialSubject"]["birthDate"],
        "1997-04-12"
    );
}

#[test]
fn malformed_sd_jwts_fail_well_formed() {
    let f = Fixture::new();
    let full = issued(&f);
    let jws = split(&full).unwrap().jws.to_owned();
    for bad in [
        format!("{jws}~~x"),
        format!("{jws}~bm90IGpzb24~"),
        "a".repeat(MAX_SD_JWT_LEN + 1),
        jws.clone(),
    ] {
        let report = check(&f, &bad);
        assert_eq!(report.verdict, Verdict::Invalid, "{bad:.60}");
        assert!(
            report.failed().contains(&"well-formed".to_owned()),
            "{bad:.60}: {:?}",
            report.failed()
        );
    }
}

#[test]
fn an_es256_holder_key_binds_and_presents_and_a_relabelled_binding_fails() {
    let mut f = Fixture::new();
    f.holder = SecretKey::generate_for(crate::alg::Algorithm::Es256);
    let text = issued(&f);
    let parts = split(&text).unwrap();
    let parsed = UnverifiedJws::parse(parts.jws, MAX_JWS_LEN).unwrap();
    let payload: Value = serde_json::from_slice(parsed.payload()).unwrap();
    assert_eq!(payload["cnf"]["jwk"]["kty"], "EC");
    assert_eq!(
        payload["cnf"]["jwk"]["y"],
        json!(f.holder.public().to_jwk().y)
    );
    let presentation = presenting(&f, &["title"]);
    let kb = presentation.rsplit('~').next().unwrap();
    let kb_header = UnverifiedJws::parse(kb, MAX_JWS_LEN).unwrap();
    assert_eq!(kb_header.header().alg, "ES256");
    let report = check(&f, &presentation);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    // The holder's ES256 signature under a header claiming EdDSA is no binding.
    let hashed = &presentation[..presentation.len() - kb.len()];
    let report = bound_by_holder(&f, hashed);
    assert_eq!(report.verdict, Verdict::Invalid, "{}", report.to_words());
    assert_eq!(
        report.check(SdCheckId::KeyBinding).map(|c| c.outcome),
        Some(crate::verify::Outcome::Fail)
    );
}
