//! Offline verification, one test per acceptance and rejection path: every way a
//! credential or bundle can be wrong gets `invalid` (or `indeterminate`) with the check
//! that caught it named.
//!
//! One file of about a thousand lines on purpose: the tests share the `World` harness
//! below and read, top to bottom, as the verifier's specification in check order.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use credential_core::jws::{self, Header};
use credential_core::status::{
    status_list_credential, IssuerStatusList, StatusEntry, StatusPurpose,
};
use credential_core::trust::{IssuerKey, IssuerStatus, StatusChange};
use credential_core::{
    build_document, bundle_rejected, did_key_issuer, sign_document, BundleBuilder, BundleError,
    CheckId, IssueOptions, Outcome, Report, SecretKey, TrustAnchor, Verdict, VerifiedBundle,
    Verifier,
};
use serde_json::{json, Value};

fn t(s: &str) -> DateTime<Utc> {
    credential_core::parse_time(s).unwrap()
}

/// A college accredited for qualifications up to PQF-6, a bundle, and a clock.
struct World {
    operator: SecretKey,
    college: SecretKey,
    other: SecretKey,
    revocation: IssuerStatusList,
    suspension: IssuerStatusList,
    now: DateTime<Utc>,
}

const ISSUED: &str = "2026-03-01T09:00:00Z";

impl World {
    fn new() -> Self {
        Self {
            operator: SecretKey::from_bytes(&[1; 32]),
            college: SecretKey::from_bytes(&[2; 32]),
            other: SecretKey::from_bytes(&[3; 32]),
            revocation: IssuerStatusList::new(
                "urn:uuid:00000000-0000-4000-8000-00000000000a",
                StatusPurpose::Revocation,
            ),
            suspension: IssuerStatusList::new(
                "urn:uuid:00000000-0000-4000-8000-00000000000b",
                StatusPurpose::Suspension,
            ),
            now: t("2026-06-01T12:00:00Z"),
        }
    }

    /// The same world with a P-256 (ES256) college key: the RFC 6979 A.2.5 key, so runs
    /// are reproducible.
    fn es256() -> Self {
        Self {
            college: rfc6979_p256_key(),
            ..Self::new()
        }
    }

    /// The same world with a fresh P-384 (ES384) college key.
    fn es384() -> Self {
        Self {
            college: SecretKey::generate_for(credential_core::Algorithm::Es384),
            ..Self::new()
        }
    }

    fn claims() -> Value {
        serde_json::from_str(include_str!("../../examples/nurse-qualification.json")).unwrap()
    }

    fn scope(s: &str) -> Vec<credential_core::ScopeItem> {
        s.split(',').map(|x| x.parse().unwrap()).collect()
    }

    fn bundle_with(&self, edit: impl FnOnce(BundleBuilder) -> BundleBuilder) -> String {
        let from = t("2026-01-01T00:00:00Z");
        let college = did_key_issuer(
            &self.college.public().did(),
            "Manila College of Nursing",
            "PH",
            Self::scope("QualificationCredential:PQF-6"),
            from,
        )
        .unwrap();
        let other = did_key_issuer(
            &self.other.public().did(),
            "Colombo Welding Institute",
            "LK",
            Self::scope("QualificationCredential:NVQ-LK-4"),
            from,
        )
        .unwrap();
        let builder = BundleBuilder::new(
            &self.operator.public(),
            7,
            t("2026-05-30T00:00:00Z"),
            t("2026-06-30T00:00:00Z"),
        )
        .issuer(college)
        .issuer(other)
        .status_list(self.signed_list(&self.revocation))
        .status_list(self.signed_list(&self.suspension));
        edit(builder).sign(&self.operator).unwrap()
    }

    fn bundle(&self) -> String {
        self.bundle_with(|b| b)
    }

    /// The bundle as edited by a test, signed again by the operator with `sequence`.
    fn resigned(&self, raw: credential_core::TrustBundle, sequence: u64) -> VerifiedBundle {
        let mut builder = BundleBuilder::new(
            &self.operator.public(),
            sequence,
            raw.issued_at,
            raw.next_update,
        );
        for issuer in raw.issuers {
            builder = builder.issuer(issuer);
        }
        for list in raw.status_lists {
            builder = builder.status_list(list);
        }
        self.verified(&builder.sign(&self.operator).unwrap())
    }

    fn signed_list(&self, list: &IssuerStatusList) -> String {
        let doc = status_list_credential(
            &self.college.public().did(),
            list,
            t("2026-05-29T00:00:00Z"),
        );
        jws::sign(
            &self.college,
            &Header::new("vc+jwt", &self.college.public().did_url()),
            &serde_json::to_vec(&doc).unwrap(),
        )
    }

    fn verified(&self, bundle: &str) -> VerifiedBundle {
        TrustAnchor::from_did(&self.operator.public().did())
            .unwrap()
            .verify_bundle(bundle, None)
            .unwrap()
    }

    fn document(&self, edit: impl FnOnce(&mut Value)) -> Value {
        let mut options = IssueOptions::new(t(ISSUED));
        options.status = vec![
            StatusEntry::new(StatusPurpose::Revocation, 4242, &self.revocation.id),
            StatusEntry::new(StatusPurpose::Suspension, 4242, &self.suspension.id),
        ];
        let mut doc =
            build_document(&Self::claims(), &self.college.public().did(), &options).unwrap();
        edit(&mut doc);
        doc
    }

    /// Signs without the issuing-side checks, so tests can make credentials that break them.
    fn sign_raw(&self, key: &SecretKey, doc: &Value) -> String {
        jws::sign(
            key,
            &Header::new("vc+jwt", &key.public().did_url()),
            &serde_json::to_vec(doc).unwrap(),
        )
    }

    fn credential(&self) -> String {
        sign_document(
            &self.college,
            &self.college.public().did_url(),
            &self.document(|_| {}),
        )
        .unwrap()
    }

    fn verify(&self, credential: &str) -> Report {
        let bundle = self.verified(&self.bundle());
        Verifier::new(&bundle, self.now).verify(credential)
    }
}

fn rfc6979_p256_key() -> SecretKey {
    let d = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    let bytes: Vec<u8> = (0..64)
        .step_by(2)
        .map(|i| u8::from_str_radix(&d[i..i + 2], 16).unwrap())
        .collect();
    SecretKey::from_p256_bytes(&bytes.try_into().unwrap()).unwrap()
}

fn assert_fails(report: &Report, check: CheckId) {
    assert_eq!(report.verdict, Verdict::Invalid, "{}", report.to_words());
    assert_eq!(
        report.check(check).map(|c| c.outcome),
        Some(Outcome::Fail),
        "{}",
        report.to_words()
    );
    assert!(report.verified().is_none());
}

fn reencode(compact: &str, header: Option<&str>, payload: Option<&[u8]>) -> String {
    let parts: Vec<&str> = compact.split('.').collect();
    let h = header.map_or(parts[0].to_owned(), |h| URL_SAFE_NO_PAD.encode(h));
    let p = payload.map_or(parts[1].to_owned(), |p| URL_SAFE_NO_PAD.encode(p));
    format!("{h}.{p}.{}", parts[2])
}

#[test]
fn a_well_issued_credential_verifies_valid_with_every_check_passed() {
    let w = World::new();
    let report = w.verify(&w.credential());
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    assert_eq!(report.checks.len(), 10);
    assert!(report.checks.iter().all(|c| c.outcome == Outcome::Pass));
    let verified = report.verified().unwrap();
    assert_eq!(verified.envelope().levels, vec!["PQF-6"]);
    // The report names the credential but never the holder.
    let json = serde_json::to_string(&report).unwrap();
    assert!(!json.contains("Maria"));
}

#[test]
fn a_flipped_payload_byte_fails_the_signature_check() {
    let w = World::new();
    let jws = w.credential();
    let payload = URL_SAFE_NO_PAD
        .decode(jws.split('.').nth(1).unwrap())
        .unwrap();
    let text = String::from_utf8(payload)
        .unwrap()
        .replace("Bachelor", "Bachelar");
    assert_fails(
        &w.verify(&reencode(&jws, None, Some(text.as_bytes()))),
        CheckId::Signature,
    );
}

#[test]
fn alg_none_fails_the_algorithm_check() {
    let w = World::new();
    let jws = w.credential();
    let parts: Vec<&str> = jws.split('.').collect();
    let unsigned = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"vc+jwt"}"#),
        parts[1]
    );
    assert_fails(&w.verify(&unsigned), CheckId::Algorithm);
    let with_sig = reencode(&jws, Some(r#"{"alg":"none","typ":"vc+jwt"}"#), None);
    assert_fails(&w.verify(&with_sig), CheckId::Algorithm);
}

#[test]
fn hs256_signed_with_the_public_key_as_secret_fails_the_algorithm_check() {
    use josekit::jws::{JwsHeader, HS256};
    let w = World::new();
    let doc = w.document(|_| {});
    let mut header = JwsHeader::new();
    header.set_token_type("vc+jwt");
    header.set_key_id(w.college.public().did_url());
    let signer = HS256
        .signer_from_bytes(w.college.public().to_bytes())
        .unwrap();
    let forged =
        josekit::jws::serialize_compact(&serde_json::to_vec(&doc).unwrap(), &header, &signer)
            .unwrap();
    assert_fails(&w.verify(&forged), CheckId::Algorithm);
}

#[test]
fn a_kid_of_another_issuer_fails_the_key_check() {
    let w = World::new();
    // Signed by the Colombo institute's key but claiming the Manila college as issuer.
    let forged = w.sign_raw(&w.other, &w.document(|_| {}));
    assert_fails(&w.verify(&forged), CheckId::KeyValid);
}

#[test]
fn an_unknown_issuer_fails_the_accreditation_check() {
    let w = World::new();
    let stranger = SecretKey::from_bytes(&[9; 32]);
    let doc = w.document(|d| d["issuer"] = json!(stranger.public().did()));
    let report = w.verify(&w.sign_raw(&stranger, &doc));
    assert_fails(&report, CheckId::IssuerAccredited);
    assert!(report
        .check(CheckId::IssuerAccredited)
        .unwrap()
        .detail
        .contains("not in the trust bundle"));
}

#[test]
fn a_level_above_the_accredited_maximum_fails_the_accreditation_check() {
    let w = World::new();
    let doc = w.document(|d| {
        d["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PQF-7"])
    });
    assert_fails(
        &w.verify(&w.sign_raw(&w.college, &doc)),
        CheckId::IssuerAccredited,
    );
}

#[test]
fn a_type_outside_the_accreditation_fails_the_accreditation_check() {
    let w = World::new();
    let claims: Value =
        serde_json::from_str(include_str!("../../examples/care-worker-skills.json")).unwrap();
    let doc = build_document(
        &claims,
        &w.college.public().did(),
        &IssueOptions::new(t(ISSUED)),
    )
    .unwrap();
    assert_fails(
        &w.verify(&w.sign_raw(&w.college, &doc)),
        CheckId::IssuerAccredited,
    );
}

#[test]
fn a_level_of_another_framework_is_outside_the_scope() {
    let w = World::new();
    let doc = w.document(|d| {
        d["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["DQR-4"])
    });
    assert_fails(
        &w.verify(&w.sign_raw(&w.college, &doc)),
        CheckId::IssuerAccredited,
    );
}

#[test]
fn a_truncated_signature_is_not_well_formed() {
    let w = World::new();
    let jws = w.credential();
    assert_fails(&w.verify(&jws[..jws.len() - 10]), CheckId::WellFormed);
}

#[test]
fn extra_or_missing_segments_are_not_well_formed() {
    let w = World::new();
    let jws = w.credential();
    assert_fails(&w.verify(&format!("{jws}.AAAA")), CheckId::WellFormed);
    let two: Vec<&str> = jws.split('.').take(2).collect();
    assert_fails(&w.verify(&two.join(".")), CheckId::WellFormed);
}

#[test]
fn invalid_base64url_is_not_well_formed() {
    let w = World::new();
    let jws = w.credential();
    let (head, rest) = jws.split_once('.').unwrap();
    assert_fails(&w.verify(&format!("{head}.*{rest}")), CheckId::WellFormed);
    // `+` is base64 but not base64url: put one in place of the payload's first character.
    assert_fails(
        &w.verify(&format!("{head}.+{}", &rest[1..])),
        CheckId::WellFormed,
    );
}

#[test]
fn a_payload_over_the_64_kib_limit_is_refused_as_not_well_formed() {
    let w = World::new();
    let doc = w.document(|d| d["padding"] = json!("x".repeat(70 * 1024)));
    let report = w.verify(&w.sign_raw(&w.college, &doc));
    assert_fails(&report, CheckId::WellFormed);
    assert!(report
        .check(CheckId::WellFormed)
        .unwrap()
        .detail
        .contains("limit"));
}

#[test]
fn json_with_duplicate_keys_is_not_well_formed() {
    let w = World::new();
    let doc = serde_json::to_string(&w.document(|_| {})).unwrap();
    let duplicated = doc.replacen(
        '{',
        &format!("{{\"issuer\":\"{}\",", w.other.public().did()),
        1,
    );
    let jws = jws::sign(
        &w.college,
        &Header::new("vc+jwt", &w.college.public().did_url()),
        duplicated.as_bytes(),
    );
    let report = w.verify(&jws);
    assert_fails(&report, CheckId::WellFormed);
    assert!(report
        .check(CheckId::WellFormed)
        .unwrap()
        .detail
        .contains("duplicate"));
}

#[test]
fn a_schema_violation_fails_the_schema_check() {
    let w = World::new();
    let doc = w.document(|d| {
        d["credentialSubject"]["qualification"]
            .as_object_mut()
            .unwrap()
            .remove("title");
    });
    assert_fails(&w.verify(&w.sign_raw(&w.college, &doc)), CheckId::Schema);
}

#[test]
fn schema_errors_never_echo_personal_data() {
    let w = World::new();
    let doc = w.document(|d| d["credentialSubject"]["birthDate"] = json!("12 April 1997 Maria"));
    let report = w.verify(&w.sign_raw(&w.college, &doc));
    assert_fails(&report, CheckId::Schema);
    assert!(!report
        .check(CheckId::Schema)
        .unwrap()
        .detail
        .contains("Maria"));
}

#[test]
fn an_unknown_framework_level_fails_the_schema_check() {
    let w = World::new();
    // Accredit without a level cap, so only the level lookup can catch it.
    let bundle = w.bundle_with(|b| {
        let mut lax = did_key_issuer(
            &SecretKey::from_bytes(&[5; 32]).public().did(),
            "Lax",
            "PH",
            World::scope("QualificationCredential"),
            t("2026-01-01T00:00:00Z"),
        )
        .unwrap();
        lax.name = "Lax Institute".into();
        b.issuer(lax)
    });
    let lax = SecretKey::from_bytes(&[5; 32]);
    let doc = w.document(|d| {
        d["issuer"] = json!(lax.public().did());
        d["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PQF-9"]);
        d.as_object_mut().unwrap().remove("credentialStatus");
    });
    let verified = w.verified(&bundle);
    let report = Verifier::new(&verified, w.now).verify(&w.sign_raw(&lax, &doc));
    assert_fails(&report, CheckId::Schema);
}

#[test]
fn an_expired_credential_fails_the_validity_check() {
    let w = World::new();
    let doc = w.document(|d| d["validUntil"] = json!("2026-05-01T00:00:00Z"));
    let report = w.verify(&w.sign_raw(&w.college, &doc));
    assert_fails(&report, CheckId::ValidityPeriod);
    assert!(report
        .check(CheckId::ValidityPeriod)
        .unwrap()
        .detail
        .contains("expired"));
}

#[test]
fn a_credential_not_yet_valid_fails_the_validity_check() {
    let w = World::new();
    let doc = w.document(|d| d["validFrom"] = json!("2026-06-15T00:00:00Z"));
    let report = w.verify(&w.sign_raw(&w.college, &doc));
    assert_fails(&report, CheckId::ValidityPeriod);
    assert!(report
        .check(CheckId::ValidityPeriod)
        .unwrap()
        .detail
        .contains("not yet valid"));
}

#[test]
fn the_injected_clock_decides_validity() {
    let w = World::new();
    let doc = w.document(|d| d["validUntil"] = json!("2026-05-01T00:00:00Z"));
    let jws = w.sign_raw(&w.college, &doc);
    let bundle = w.verified(&w.bundle());
    let before = Verifier::new(&bundle, t("2026-04-01T00:00:00Z")).verify(&jws);
    assert_eq!(
        before.check(CheckId::ValidityPeriod).unwrap().outcome,
        Outcome::Pass
    );
}

#[test]
fn a_revoked_credential_fails_the_status_check() {
    let mut w = World::new();
    w.revocation.allocate_specific(4242).unwrap();
    w.revocation.set_status(4242, true).unwrap();
    let report = w.verify(&w.credential());
    assert_fails(&report, CheckId::Status);
    assert!(report
        .check(CheckId::Status)
        .unwrap()
        .detail
        .contains("revoked"));
}

#[test]
fn a_suspended_credential_fails_the_status_check() {
    let mut w = World::new();
    w.suspension.allocate_specific(4242).unwrap();
    w.suspension.set_status(4242, true).unwrap();
    let report = w.verify(&w.credential());
    assert_fails(&report, CheckId::Status);
    assert!(report
        .check(CheckId::Status)
        .unwrap()
        .detail
        .contains("suspended"));
}

#[test]
fn a_status_list_missing_from_the_bundle_is_indeterminate() {
    let w = World::new();
    let doc = w.document(|d| {
        d["credentialStatus"][0]["statusListCredential"] =
            json!("urn:uuid:00000000-0000-4000-8000-0000000000ff")
    });
    let report = w.verify(&w.sign_raw(&w.college, &doc));
    assert_eq!(report.verdict, Verdict::Indeterminate);
    assert_eq!(
        report.check(CheckId::Status).unwrap().outcome,
        Outcome::Indeterminate
    );
}

#[test]
fn a_status_list_signed_by_another_issuer_is_refused_with_the_bundle() {
    let w = World::new();
    let doc = status_list_credential(
        &w.college.public().did(),
        &w.revocation,
        t("2026-05-29T00:00:00Z"),
    );
    let forged = jws::sign(
        &w.other,
        &Header::new("vc+jwt", &w.other.public().did_url()),
        &serde_json::to_vec(&doc).unwrap(),
    );
    let from = t("2026-01-01T00:00:00Z");
    let result = BundleBuilder::new(&w.operator.public(), 1, from, t("2026-06-30T00:00:00Z"))
        .issuer(
            did_key_issuer(
                &w.college.public().did(),
                "C",
                "PH",
                World::scope("QualificationCredential"),
                from,
            )
            .unwrap(),
        )
        .issuer(
            did_key_issuer(
                &w.other.public().did(),
                "O",
                "LK",
                World::scope("QualificationCredential"),
                from,
            )
            .unwrap(),
        )
        .status_list(forged)
        .sign(&w.operator);
    assert!(
        matches!(&result, Err(e @ BundleError::StatusListIssuer { .. }) if e.to_string().contains("names issuer"))
    );
}

#[test]
fn a_bundle_signed_by_another_anchor_is_refused_and_reported_invalid() {
    let pinned = World::new().operator.public().did();
    let mut impostor = World::new();
    impostor.operator = SecretKey::from_bytes(&[8; 32]);
    let bundle = impostor.bundle();
    let err = TrustAnchor::from_did(&pinned)
        .unwrap()
        .verify_bundle(&bundle, None)
        .unwrap_err();
    // Issue 9, point 16: the refusal names the key that did sign the bundle.
    let signer = impostor.operator.public().did();
    assert!(
        matches!(&err, BundleError::NotSignedByAnchor { signer: Some(s), .. } if *s == signer),
        "{err}"
    );
    assert!(err.to_string().contains(&signer), "{err}");
    let report = bundle_rejected(&err.to_string());
    assert_fails(&report, CheckId::TrustBundle);
}

#[test]
fn a_bundle_past_its_next_update_is_indeterminate() {
    let w = World::new();
    let bundle = w.verified(&w.bundle());
    let report = Verifier::new(&bundle, t("2026-07-01T00:00:00Z")).verify(&w.credential());
    assert_eq!(
        report.verdict,
        Verdict::Indeterminate,
        "{}",
        report.to_words()
    );
    assert_eq!(
        report.check(CheckId::BundleFresh).unwrap().outcome,
        Outcome::Indeterminate
    );
    assert!(report.verified().is_none());
}

#[test]
fn a_bundle_older_than_one_already_seen_is_refused() {
    let w = World::new();
    let anchor = TrustAnchor::from_did(&w.operator.public().did()).unwrap();
    let err = anchor.verify_bundle(&w.bundle(), Some(8)).unwrap_err();
    assert!(matches!(err, BundleError::Rollback { got: 7, seen: 8 }));
    assert!(anchor.verify_bundle(&w.bundle(), Some(7)).is_ok());
}

#[test]
fn a_tampered_bundle_is_refused() {
    let w = World::new();
    let bundle = w.bundle();
    let payload = URL_SAFE_NO_PAD
        .decode(bundle.split('.').nth(1).unwrap())
        .unwrap();
    let text = String::from_utf8(payload)
        .unwrap()
        .replace("PQF-6", "PQF-8");
    let tampered = reencode(&bundle, None, Some(text.as_bytes()));
    let anchor = TrustAnchor::from_did(&w.operator.public().did()).unwrap();
    assert!(matches!(
        anchor.verify_bundle(&tampered, None),
        Err(BundleError::NotSignedByAnchor { signer: None, .. })
    ));
}

#[test]
fn an_issuer_suspended_at_the_issuance_date_fails_the_accreditation_check() {
    let w = World::new();
    let bundle = w.bundle_with(|b| b);
    let mut raw = credential_core::trust::peek_unchecked(&bundle).unwrap();
    raw.issuers[0].status_history.push(StatusChange {
        status: IssuerStatus::Suspended,
        effective: t("2026-02-01T00:00:00Z"),
        reason: None,
    });
    let verified = w.resigned(raw, 8);
    let report = Verifier::new(&verified, w.now).verify(&w.credential());
    assert_fails(&report, CheckId::IssuerAccredited);
    assert!(report
        .check(CheckId::IssuerAccredited)
        .unwrap()
        .detail
        .contains("suspended"));
}

#[test]
fn a_rotated_out_key_cannot_sign_credentials_dated_after_its_end() {
    let w = World::new();
    let new_key = SecretKey::from_bytes(&[6; 32]);
    let bundle = w.bundle();
    let mut raw = credential_core::trust::peek_unchecked(&bundle).unwrap();
    raw.issuers[0].keys[0].valid_until = Some(t("2026-02-01T00:00:00Z"));
    raw.issuers[0].keys.push(IssuerKey {
        id: new_key.public().did_url(),
        public_key_jwk: new_key.public().to_jwk(),
        valid_from: t("2026-02-01T00:00:00Z"),
        valid_until: None,
    });
    let verified = w.resigned(raw, 9);
    let verifier = Verifier::new(&verified, w.now);
    // The old key, used after its end: refused.
    assert_fails(&verifier.verify(&w.credential()), CheckId::KeyValid);
    // The new key, under the same issuer DID: valid.
    let doc = w.document(|_| {});
    let jws = sign_document(&new_key, &new_key.public().did_url(), &doc).unwrap();
    assert_eq!(verifier.verify(&jws).verdict, Verdict::Valid);
    // An old credential signed before the rotation still verifies.
    let old = w.document(|d| d["validFrom"] = json!("2026-01-15T00:00:00Z"));
    assert_eq!(
        verifier.verify(&w.sign_raw(&w.college, &old)).verdict,
        Verdict::Valid
    );
}

#[test]
fn batch_verification_gives_each_credential_its_own_answer() {
    let w = World::new();
    let bundle = w.verified(&w.bundle());
    let verifier = Verifier::new(&bundle, w.now);
    let good = w.credential();
    let payload = URL_SAFE_NO_PAD
        .decode(good.split('.').nth(1).unwrap())
        .unwrap();
    let bad = reencode(
        &good,
        None,
        Some(
            String::from_utf8(payload)
                .unwrap()
                .replace("Nursing", "Medicine")
                .as_bytes(),
        ),
    );
    let mut inputs: Vec<String> = (0..300).map(|_| w.credential()).collect();
    inputs[17] = bad.clone();
    inputs[280] = "not a jws".into();
    let reports = verifier.verify_many(&inputs);
    assert_eq!(reports.len(), 300);
    for (i, r) in reports.iter().enumerate() {
        match i {
            17 => assert_fails(r, CheckId::Signature),
            280 => assert_fails(r, CheckId::WellFormed),
            _ => assert_eq!(r.verdict, Verdict::Valid, "#{i}"),
        }
    }
    // The same answers one by one.
    assert_eq!(verifier.verify(&bad).verdict, Verdict::Invalid);
    assert_eq!(verifier.verify(&good).verdict, Verdict::Valid);
}

#[test]
fn a_credential_with_vc_or_vp_claims_is_not_well_formed() {
    let w = World::new();
    let doc = w.document(|d| d["vc"] = json!({}));
    assert_fails(
        &w.verify(&w.sign_raw(&w.college, &doc)),
        CheckId::WellFormed,
    );
}

#[test]
fn a_wrong_typ_is_not_well_formed() {
    let w = World::new();
    let doc = w.document(|_| {});
    let jws = jws::sign(
        &w.college,
        &Header::new("JWT", &w.college.public().did_url()),
        &serde_json::to_vec(&doc).unwrap(),
    );
    assert_fails(&w.verify(&jws), CheckId::WellFormed);
}

#[test]
fn issuing_refuses_documents_that_would_not_verify() {
    let w = World::new();
    let doc = w.document(|d| {
        d["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["XYZ-1"])
    });
    assert!(sign_document(&w.college, &w.college.public().did_url(), &doc).is_err());
    let doc =
        w.document(|d| d["credentialSubject"]["qualification"]["country"] = json!("Philippines"));
    assert!(sign_document(&w.college, &w.college.public().did_url(), &doc).is_err());
}

#[test]
fn issued_credentials_carry_the_vc_jose_cose_header_and_vc2_envelope() {
    let w = World::new();
    let jws = w.credential();
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(jws.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        header,
        json!({"alg": "EdDSA", "typ": "vc+jwt", "kid": w.college.public().did_url()})
    );
    let payload: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(jws.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        payload["@context"][0],
        "https://www.w3.org/ns/credentials/v2"
    );
    assert_eq!(payload["issuer"], w.college.public().did());
    assert!(payload["id"].as_str().unwrap().starts_with("urn:uuid:"));
    assert_eq!(payload["validFrom"], ISSUED);
}

#[test]
fn an_independent_jose_implementation_verifies_a_skillpass_credential() {
    use josekit::jwk::Jwk;
    use josekit::jws::EdDSA;
    let w = World::new();
    let jws = w.credential();
    // Given only the public JWK, as any relying party would be.
    let public = serde_json::to_vec(&w.college.public().to_jwk()).unwrap();
    let verifier = EdDSA
        .verifier_from_jwk(&Jwk::from_bytes(&public).unwrap())
        .unwrap();
    let (payload, header) = josekit::jws::deserialize_compact(&jws, &verifier).unwrap();
    assert_eq!(header.token_type(), Some("vc+jwt"));
    let doc: Value = serde_json::from_slice(&payload).unwrap();
    assert_eq!(doc["type"][1], "QualificationCredential");
    // And it refuses the same credential under another key.
    let other = serde_json::to_vec(&w.other.public().to_jwk()).unwrap();
    let wrong = EdDSA
        .verifier_from_jwk(&Jwk::from_bytes(&other).unwrap())
        .unwrap();
    assert!(josekit::jws::deserialize_compact(&jws, &wrong).is_err());
}

#[test]
fn a_credential_signed_by_an_independent_jose_implementation_verifies_valid() {
    use josekit::jwk::Jwk;
    use josekit::jws::{EdDSA, JwsHeader};
    let w = World::new();
    let doc = w.document(|_| {});
    let private = Jwk::from_bytes(w.college.to_private_jwk().as_bytes()).unwrap();
    let signer = EdDSA.signer_from_jwk(&private).unwrap();
    let mut header = JwsHeader::new();
    header.set_token_type("vc+jwt");
    header.set_key_id(w.college.public().did_url());
    let jws = josekit::jws::serialize_compact(&serde_json::to_vec(&doc).unwrap(), &header, &signer)
        .unwrap();
    let report = w.verify(&jws);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
}

#[test]
fn bundles_from_the_builder_round_trip_through_the_anchor() {
    let w = World::new();
    let verified = w.verified(&w.bundle());
    assert_eq!(verified.sequence(), 7);
    assert_eq!(verified.bundle().issuers.len(), 2);
    assert!(verified.status_list(&w.revocation.id).is_some());
    assert!(verified.status_list("urn:uuid:unknown").is_none());
}

#[test]
fn an_issuer_suspended_after_issuance_still_vouches_for_earlier_credentials_with_a_note() {
    let w = World::new();
    let mut raw = credential_core::trust::peek_unchecked(&w.bundle()).unwrap();
    raw.issuers[0].status_history.push(StatusChange {
        status: IssuerStatus::Suspended,
        effective: t("2026-04-01T00:00:00Z"),
        reason: None,
    });
    let verified = w.resigned(raw, 8);
    let report = Verifier::new(&verified, w.now).verify(&w.credential());
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    let detail = &report.check(CheckId::IssuerAccredited).unwrap().detail;
    assert!(detail.contains("now Suspended"), "{detail}");
    // Judged by the injected clock: before the suspension there is nothing to note.
    let earlier = Verifier::new(&verified, t("2026-03-15T00:00:00Z")).verify(&w.credential());
    assert!(!earlier
        .check(CheckId::IssuerAccredited)
        .unwrap()
        .detail
        .contains("now"));
}

/// Regression: a revision placed before the decision it supersedes used to be dropped
/// silently when a verifier loaded the bundle's decisions one by one.
#[test]
fn a_revision_listed_before_its_original_in_the_bundle_still_supersedes_it() {
    use credential_core::equivalence::RecognitionDecision;
    use credential_core::trust::{sign_decision, AuthorityEntry};
    let w = World::new();
    let authority = SecretKey::from_bytes(&[4; 32]);
    let mut original: RecognitionDecision = serde_json::from_str(include_str!(
        "../testdata/equivalence/ph-de-nursing-decision.json"
    ))
    .unwrap();
    original.authority = authority.public().did();
    let mut revision = original.clone();
    revision.id = "urn:uuid:00000000-0000-4000-8000-0000000000aa".into();
    revision.supersedes = Some(original.id.clone());
    revision.valid_from = t("2026-02-01T00:00:00Z");
    let bundle = w.bundle_with(|b| {
        b.authority(AuthorityEntry {
            id: authority.public().did(),
            name: "Example authority".into(),
            country: "DE".into(),
            jurisdiction: "nursing".into(),
        })
        .decision(sign_decision(&authority, &revision).unwrap())
        .decision(sign_decision(&authority, &original).unwrap())
    });
    let verified = w.verified(&bundle);
    let report = Verifier::new(&verified, w.now)
        .with_destination("DE".parse().unwrap())
        .unwrap()
        .verify(&w.credential());
    let answer = report.equivalence.unwrap();
    let ids: Vec<(&str, String)> = answer
        .decisions
        .iter()
        .map(|m| (m.decision.id.as_str(), format!("{:?}", m.state)))
        .collect();
    assert_eq!(
        ids[0],
        (revision.id.as_str(), "Applies".to_owned()),
        "{ids:?}"
    );
    assert!(
        ids.iter()
            .any(|(id, state)| *id == original.id && state == "Superseded"),
        "{ids:?}"
    );
    assert!(
        report.untrusted_decisions.is_empty(),
        "{:?}",
        report.untrusted_decisions
    );
}

#[test]
fn a_nationality_is_accepted_as_an_iso_country_code_only() {
    let w = World::new();
    let doc = w.document(|d| d["credentialSubject"]["nationality"] = json!("PH"));
    assert!(sign_document(&w.college, &w.college.public().did_url(), &doc).is_ok());
    let doc = w.document(|d| d["credentialSubject"]["nationality"] = json!("Filipino"));
    assert!(sign_document(&w.college, &w.college.public().did_url(), &doc).is_err());
}

#[test]
fn a_decision_is_shown_under_its_authority_s_registered_name_not_the_name_it_claims() {
    use credential_core::equivalence::RecognitionDecision;
    use credential_core::trust::{sign_decision, AuthorityEntry};
    let w = World::new();
    let authority = SecretKey::from_bytes(&[4; 32]);
    let mut decision: RecognitionDecision = serde_json::from_str(include_str!(
        "../testdata/equivalence/ph-de-nursing-decision.json"
    ))
    .unwrap();
    decision.authority = authority.public().did();
    decision.authority_name = "Federal Ministry of Health".into();
    let bundle = w.bundle_with(|b| {
        b.authority(AuthorityEntry {
            id: authority.public().did(),
            name: "Example Land Office".into(),
            country: "DE".into(),
            jurisdiction: "nursing".into(),
        })
        .decision(sign_decision(&authority, &decision).unwrap())
    });
    let verified = w.verified(&bundle);
    let report = Verifier::new(&verified, w.now)
        .with_destination("DE".parse().unwrap())
        .unwrap()
        .verify(&w.credential());
    let words = report.to_words();
    assert!(words.contains("Example Land Office"), "{words}");
    assert!(!words.contains("Federal Ministry"), "{words}");
}

/// Issue 9, point 6: re-accreditation used to reset the accreditation start, so credentials
/// issued under the first period failed `issuer-accredited`.
#[test]
fn a_credential_is_judged_by_the_accreditation_period_that_covers_its_issuance_date() {
    let w = World::new();
    let bundle = w.bundle();
    let mut raw = credential_core::trust::peek_unchecked(&bundle).unwrap();
    // Suspended in April, then accredited again in May for skills only.
    raw.issuers[0].status_history.push(StatusChange {
        status: IssuerStatus::Suspended,
        effective: t("2026-04-01T00:00:00Z"),
        reason: None,
    });
    raw.issuers[0].status_history.push(StatusChange {
        status: IssuerStatus::Active,
        effective: t("2026-05-01T00:00:00Z"),
        reason: None,
    });
    raw.issuers[0].accreditation.renew(
        World::scope("SkillCredential"),
        t("2026-05-01T00:00:00Z"),
        None,
    );
    let verified = w.resigned(raw, 8);
    let verifier = Verifier::new(&verified, w.now);
    // Issued in March under the first period: still valid.
    let report = verifier.verify(&w.credential());
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    // Issued during the suspension: refused as suspended.
    let during = w.document(|d| d["validFrom"] = json!("2026-04-15T00:00:00Z"));
    let report = verifier.verify(&w.sign_raw(&w.college, &during));
    assert_fails(&report, CheckId::IssuerAccredited);
    assert!(report
        .check(CheckId::IssuerAccredited)
        .unwrap()
        .detail
        .contains("suspended"));
    // A qualification issued under the new, skills-only period: out of scope.
    let after = w.document(|d| d["validFrom"] = json!("2026-05-15T00:00:00Z"));
    let report = verifier.verify(&w.sign_raw(&w.college, &after));
    assert_fails(&report, CheckId::IssuerAccredited);
    assert!(
        report
            .check(CheckId::IssuerAccredited)
            .unwrap()
            .detail
            .contains("SkillCredential"),
        "{}",
        report.to_words()
    );
}

#[test]
fn renewing_with_the_same_scope_keeps_the_period_start() {
    let mut acc = credential_core::trust::Accreditation::new(
        World::scope("QualificationCredential:PQF-6"),
        t("2026-01-01T00:00:00Z"),
        None,
    );
    acc.renew(
        World::scope("QualificationCredential:PQF-6"),
        t("2026-05-01T00:00:00Z"),
        None,
    );
    assert_eq!(acc.valid_from, t("2026-01-01T00:00:00Z"));
    assert!(acc.earlier.is_empty());
    // Another scope opens a new period and closes the first where the new one starts.
    acc.renew(
        World::scope("QualificationCredential:PQF-5"),
        t("2026-06-01T00:00:00Z"),
        None,
    );
    assert_eq!(acc.valid_from, t("2026-06-01T00:00:00Z"));
    assert_eq!(acc.earlier.len(), 1);
    assert_eq!(acc.earlier[0].valid_until, t("2026-06-01T00:00:00Z"));
    let march = acc.period_at(t("2026-03-01T00:00:00Z")).unwrap();
    assert_eq!(
        march.scope,
        World::scope("QualificationCredential:PQF-6").as_slice()
    );
    assert!(acc.period_at(t("2025-12-31T00:00:00Z")).is_none());
}

/// Issue 9, point 2: a status list past its `validUntil`, or not yet valid, says nothing
/// about the credential now.
#[test]
fn a_status_list_outside_its_validity_period_makes_status_indeterminate() {
    let w = World::new();
    let sign_list = |member: &str, date: &str| {
        let mut doc = status_list_credential(
            &w.college.public().did(),
            &w.revocation,
            t("2026-05-29T00:00:00Z"),
        );
        doc[member] = json!(date);
        jws::sign(
            &w.college,
            &Header::new("vc+jwt", &w.college.public().did_url()),
            &serde_json::to_vec(&doc).unwrap(),
        )
    };
    let cases = [
        ("validUntil", "2026-05-31T00:00:00Z", "expired"),
        ("validFrom", "2026-12-01T00:00:00Z", "not valid before"),
    ];
    for (member, date, words) in cases {
        let bundle = BundleBuilder::new(
            &w.operator.public(),
            7,
            t("2026-05-30T00:00:00Z"),
            t("2026-06-30T00:00:00Z"),
        )
        .issuer(
            did_key_issuer(
                &w.college.public().did(),
                "Manila College of Nursing",
                "PH",
                World::scope("QualificationCredential:PQF-6"),
                t("2026-01-01T00:00:00Z"),
            )
            .unwrap(),
        )
        .status_list(sign_list(member, date))
        .status_list(w.signed_list(&w.suspension))
        .sign(&w.operator)
        .unwrap();
        let verified = w.verified(&bundle);
        let report = Verifier::new(&verified, w.now).verify(&w.credential());
        assert_eq!(
            report.verdict,
            Verdict::Indeterminate,
            "{}",
            report.to_words()
        );
        let status = report.check(CheckId::Status).unwrap();
        assert_eq!(status.outcome, Outcome::Indeterminate);
        assert!(status.detail.contains(words), "{}", status.detail);
    }
}

#[test]
fn a_credential_from_an_es256_issuer_verifies_valid_with_every_check_passed() {
    let w = World::es256();
    assert!(w.college.public().did().starts_with("did:key:zDn"));
    let credential = w.credential();
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(credential.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["alg"], "ES256");
    let report = w.verify(&credential);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    assert_eq!(report.checks.len(), 10);
    assert!(report.checks.iter().all(|c| c.outcome == Outcome::Pass));
    assert_eq!(
        report.check(CheckId::Algorithm).unwrap().detail,
        "ES256 (P-256)"
    );
    // Its status lists were signed with ES256 too, and revocation still reads.
    let mut w = w;
    w.revocation.allocate_specific(4242).unwrap();
    w.revocation.set_status(4242, true).unwrap();
    assert_fails(&w.verify(&credential), CheckId::Status);
}

#[test]
fn an_es256_credential_relabelled_eddsa_or_tampered_fails_the_signature_check() {
    let w = World::es256();
    let jws = w.credential();
    let relabelled = reencode(
        &jws,
        Some(&format!(
            r#"{{"alg":"EdDSA","typ":"vc+jwt","kid":"{}"}}"#,
            w.college.public().did_url()
        )),
        None,
    );
    assert_fails(&w.verify(&relabelled), CheckId::Signature);
    let payload = URL_SAFE_NO_PAD
        .decode(jws.split('.').nth(1).unwrap())
        .unwrap();
    let text = String::from_utf8(payload)
        .unwrap()
        .replace("Bachelor", "Bachelar");
    assert_fails(
        &w.verify(&reencode(&jws, None, Some(text.as_bytes()))),
        CheckId::Signature,
    );
    for alg in ["RS512", "RS256", "PS256", "HS256", "ES256K", "none"] {
        let other = reencode(
            &jws,
            Some(&format!(r#"{{"alg":"{alg}","typ":"vc+jwt"}}"#)),
            None,
        );
        assert_fails(&w.verify(&other), CheckId::Algorithm);
    }
    // ES384 is allowed, but an ES256 signature (64 bytes) under it is no ES384 signature.
    let other = reencode(
        &jws,
        Some(&format!(
            r#"{{"alg":"ES384","typ":"vc+jwt","kid":"{}"}}"#,
            w.college.public().did_url()
        )),
        None,
    );
    assert_eq!(w.verify(&other).verdict, Verdict::Invalid);
}

#[test]
fn a_credential_from_an_es384_issuer_verifies_valid_and_relabelled_or_tampered_fails() {
    let w = World::es384();
    assert!(w.college.public().did().starts_with("did:key:z82"));
    let credential = w.credential();
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(credential.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["alg"], "ES384");
    let signature = URL_SAFE_NO_PAD
        .decode(credential.split('.').nth(2).unwrap())
        .unwrap();
    assert_eq!(signature.len(), 96, "JOSE r || s, 48 bytes each");
    let report = w.verify(&credential);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    assert!(report.checks.iter().all(|c| c.outcome == Outcome::Pass));
    assert_eq!(
        report.check(CheckId::Algorithm).unwrap().detail,
        "ES384 (P-384)"
    );
    let tampered = String::from_utf8(
        URL_SAFE_NO_PAD
            .decode(credential.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap()
    .replace("Bachelor", "Bachelar");
    assert_fails(
        &w.verify(&reencode(&credential, None, Some(tampered.as_bytes()))),
        CheckId::Signature,
    );
    for alg in ["ES256K", "HS384", "RS384", "PS384", "none"] {
        let other = reencode(
            &credential,
            Some(&format!(r#"{{"alg":"{alg}","typ":"vc+jwt"}}"#)),
            None,
        );
        assert_fails(&w.verify(&other), CheckId::Algorithm);
    }
}

#[test]
fn an_es384_credential_verifies_in_josekit_and_a_josekit_es384_credential_verifies_valid() {
    use josekit::jwk::Jwk;
    use josekit::jws::{JwsHeader, ES384};
    let w = World::es384();
    let jws = w.credential();
    let public = serde_json::to_vec(&w.college.public().to_jwk()).unwrap();
    let verifier = ES384
        .verifier_from_jwk(&Jwk::from_bytes(&public).unwrap())
        .unwrap();
    let (payload, header) = josekit::jws::deserialize_compact(&jws, &verifier).unwrap();
    assert_eq!(header.token_type(), Some("vc+jwt"));
    let doc: Value = serde_json::from_slice(&payload).unwrap();
    assert_eq!(doc["type"][1], "QualificationCredential");
    let private = Jwk::from_bytes(w.college.to_private_jwk().as_bytes()).unwrap();
    let signer = ES384.signer_from_jwk(&private).unwrap();
    let mut header = JwsHeader::new();
    header.set_token_type("vc+jwt");
    header.set_key_id(w.college.public().did_url());
    let theirs = josekit::jws::serialize_compact(
        &serde_json::to_vec(&w.document(|_| {})).unwrap(),
        &header,
        &signer,
    )
    .unwrap();
    let report = w.verify(&theirs);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
}

#[test]
fn an_es256_credential_verifies_in_josekit_and_a_josekit_es256_credential_verifies_valid() {
    use josekit::jwk::Jwk;
    use josekit::jws::{JwsHeader, ES256};
    let w = World::es256();
    // Ours, checked by josekit given only the public JWK.
    let jws = w.credential();
    let public = serde_json::to_vec(&w.college.public().to_jwk()).unwrap();
    let verifier = ES256
        .verifier_from_jwk(&Jwk::from_bytes(&public).unwrap())
        .unwrap();
    let (payload, header) = josekit::jws::deserialize_compact(&jws, &verifier).unwrap();
    assert_eq!(header.token_type(), Some("vc+jwt"));
    let doc: Value = serde_json::from_slice(&payload).unwrap();
    assert_eq!(doc["type"][1], "QualificationCredential");
    let stranger = serde_json::to_vec(
        &SecretKey::generate_for(credential_core::Algorithm::Es256)
            .public()
            .to_jwk(),
    )
    .unwrap();
    let wrong = ES256
        .verifier_from_jwk(&Jwk::from_bytes(&stranger).unwrap())
        .unwrap();
    assert!(josekit::jws::deserialize_compact(&jws, &wrong).is_err());
    // josekit's, checked by ours.
    let private = Jwk::from_bytes(w.college.to_private_jwk().as_bytes()).unwrap();
    let signer = ES256.signer_from_jwk(&private).unwrap();
    let mut header = JwsHeader::new();
    header.set_token_type("vc+jwt");
    header.set_key_id(w.college.public().did_url());
    let theirs = josekit::jws::serialize_compact(
        &serde_json::to_vec(&w.document(|_| {})).unwrap(),
        &header,
        &signer,
    )
    .unwrap();
    let report = w.verify(&theirs);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
}

#[test]
fn batch_verification_of_mixed_eddsa_and_es256_credentials_gives_each_its_own_answer() {
    let w = World::new();
    let p256 = rfc6979_p256_key();
    let lagos = did_key_issuer(
        &p256.public().did(),
        "Lagos School of Nursing",
        "NG",
        World::scope("QualificationCredential:PQF-6"),
        t("2026-01-01T00:00:00Z"),
    )
    .unwrap();
    let bundle = w.verified(&w.bundle_with(|b| b.issuer(lagos)));
    let verifier = Verifier::new(&bundle, w.now);
    let es256_doc = w.document(|d| {
        d["issuer"] = json!(p256.public().did());
        d.as_object_mut().unwrap().remove("credentialStatus");
    });
    let es256 = w.sign_raw(&p256, &es256_doc);
    assert_eq!(verifier.verify(&es256).verdict, Verdict::Valid);
    let tampered = w.sign_raw(&p256, &es256_doc);
    let payload = URL_SAFE_NO_PAD
        .decode(es256.split('.').nth(1).unwrap())
        .unwrap();
    let forged = reencode(
        &tampered,
        None,
        Some(
            String::from_utf8(payload)
                .unwrap()
                .replace("Nursing", "Medicine")
                .as_bytes(),
        ),
    );
    let mut inputs: Vec<String> = (0..40)
        .map(|i| {
            if i % 2 == 0 {
                w.credential()
            } else {
                es256.clone()
            }
        })
        .collect();
    inputs[7] = forged;
    let reports = verifier.verify_many(&inputs);
    assert_eq!(reports.len(), 40);
    for (i, r) in reports.iter().enumerate() {
        if i == 7 {
            assert_fails(r, CheckId::Signature);
        } else {
            assert_eq!(r.verdict, Verdict::Valid, "#{i}: {}", r.to_words());
        }
    }
}

#[test]
fn parallel_batch_verification_keeps_each_answer_in_input_order_on_any_thread_count() {
    let w = World::new();
    let bundle = w.verified(&w.bundle());
    let verifier = Verifier::new(&bundle, w.now);
    let good = w.credential();
    let mut bad = good.clone().into_bytes();
    let last = bad.len() - 2;
    bad[last] = if bad[last] == b'A' { b'B' } else { b'A' };
    let bad = String::from_utf8(bad).unwrap();
    // Over two batches of 256, with failures in the first batch and in the short one.
    let mut inputs: Vec<String> = (0..300).map(|_| w.credential()).collect();
    for i in [3, 255, 299] {
        inputs[i] = bad.clone();
    }
    inputs[256] = "not a jws".into();
    let expected: Vec<(Verdict, Option<String>)> = verifier
        .verify_many(&inputs)
        .into_iter()
        .map(|r| (r.verdict, r.credential.map(|c| c.id)))
        .collect();
    for threads in [2, 3] {
        let reports = verifier.verify_many_parallel(&inputs, threads);
        assert_eq!(reports.len(), 300, "{threads} threads");
        for (i, r) in reports.iter().enumerate() {
            match i {
                3 | 255 | 299 => assert_fails(r, CheckId::Signature),
                256 => assert_fails(r, CheckId::WellFormed),
                _ => assert_eq!(r.verdict, Verdict::Valid, "#{i} on {threads} threads"),
            }
        }
        // The same credential, the same answer, in the same place, whichever thread.
        let got: Vec<(Verdict, Option<String>)> = reports
            .into_iter()
            .map(|r| (r.verdict, r.credential.map(|c| c.id)))
            .collect();
        assert_eq!(got, expected);
    }
    assert!(verifier
        .verify_many_parallel(&Vec::<String>::new(), 4)
        .is_empty());

    // The mapping form: each report reaches `keep` with its own credential's index, on
    // whichever thread, and what `keep` returns comes back in input order.
    for threads in [1, 2, 3, 0] {
        let kept = verifier.verify_many_parallel_map(&inputs, threads, |i, r| {
            (i, r.verdict, r.credential.map(|c| c.id))
        });
        assert_eq!(kept.len(), 300, "{threads} threads");
        for (at, (i, verdict, id)) in kept.into_iter().enumerate() {
            assert_eq!(at, i, "index handed to keep, {threads} threads");
            assert_eq!(
                (verdict, id),
                expected[i].clone(),
                "#{i} on {threads} threads"
            );
        }
    }
}
