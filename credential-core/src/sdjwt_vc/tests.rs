//! The IETF SD-JWT VC format end to end: issued from the same document as the other
//! formats, verified by the same checks, with its status read from the same list.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Duration, SubsecRound as _, Utc};
use serde_json::{json, Value};

use super::*;
use crate::alg::Algorithm;
use crate::jws::{self, Header, UnverifiedJws, MAX_JWS_LEN};
use crate::report::Outcome;
use crate::sdjwt::{issue_dc, present, verify, verify_dc, verify_issued_dc, SdCheckId, SdJwtError};
use crate::status::{status_list_credential, IssuerStatusList, StatusEntry, StatusPurpose};
use crate::testutil::NURSE;
use crate::verify::{CheckId, Verdict};
use crate::{
    build_document, did_key_issuer, BundleBuilder, CredentialKind, IssueOptions, SecretKey,
    TrustAnchor, VerifiedBundle, Verifier,
};

const BASE: &str = "https://registry.example";
const EMPLOYER: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
const NONCE: &str = "n-dc-1";
const LIST: &str = "https://registry.example/status/college/1";

struct World {
    operator: SecretKey,
    college: SecretKey,
    holder: SecretKey,
    revocation: IssuerStatusList,
    now: DateTime<Utc>,
}

impl World {
    fn new(alg: Algorithm) -> Self {
        let mut revocation = IssuerStatusList::new(LIST, StatusPurpose::Revocation);
        revocation.allocate_specific(77).unwrap();
        Self {
            operator: SecretKey::generate(),
            college: SecretKey::generate_for(alg),
            holder: SecretKey::generate_for(alg),
            revocation,
            now: Utc::now().trunc_subsecs(0),
        }
    }

    fn vct(&self) -> String {
        vct_for(BASE, CredentialKind::Qualification)
    }

    fn bundle(&self) -> VerifiedBundle {
        let issuer = did_key_issuer(
            &self.college.public().did(),
            "Manila College of Nursing",
            "PH",
            vec!["QualificationCredential:PQF-6".parse().unwrap()],
            self.now - Duration::days(1),
        )
        .unwrap();
        let list = jws::sign(
            &self.college,
            &Header::new("vc+jwt", &self.college.public().did_url()),
            &serde_json::to_vec(&status_list_credential(
                &self.college.public().did(),
                &self.revocation,
                self.now - Duration::hours(2),
            ))
            .unwrap(),
        );
        let bundle = BundleBuilder::new(
            &self.operator.public(),
            1,
            self.now - Duration::hours(1),
            self.now + Duration::days(7),
        )
        .issuer(issuer)
        .status_list(list)
        .sign(&self.operator)
        .unwrap();
        TrustAnchor::from_did(&self.operator.public().did())
            .unwrap()
            .verify_bundle(&bundle, None)
            .unwrap()
    }

    fn document(&self) -> Value {
        let claims: Value = serde_json::from_str(NURSE).unwrap();
        let mut options = IssueOptions::new(self.now - Duration::hours(1));
        options.holder = Some(self.holder.public().did());
        options.status = vec![StatusEntry::new(StatusPurpose::Revocation, 77, LIST)];
        build_document(&claims, &self.college.public().did(), &options).unwrap()
    }

    fn issued(&self) -> String {
        issue_dc(
            &self.college,
            &self.college.public().did_url(),
            &self.document(),
            &["name".to_owned()],
            &self.vct(),
        )
        .unwrap()
    }

    fn presented(&self, claims: &[&str]) -> String {
        let names: Vec<String> = claims.iter().map(|s| (*s).to_owned()).collect();
        present(
            &self.holder,
            &self.issued(),
            &names,
            EMPLOYER,
            NONCE,
            self.now,
        )
        .unwrap()
    }

    fn verify(&self, text: &str) -> crate::sdjwt::SdJwtReport {
        let bundle = self.bundle();
        verify_dc(
            &Verifier::new(&bundle, self.now),
            text,
            EMPLOYER,
            NONCE,
            Duration::minutes(5),
        )
    }
}

fn payload_of(text: &str) -> (Value, Value) {
    let jws = text.split('~').next().unwrap();
    let parsed = UnverifiedJws::parse(jws, MAX_JWS_LEN).unwrap();
    let header = serde_json::to_value(parsed.header()).unwrap();
    (header, serde_json::from_slice(parsed.payload()).unwrap())
}

#[test]
fn an_issued_dc_sd_jwt_has_the_ietf_layout_with_personal_claims_hidden() {
    for alg in Algorithm::ALL {
        let w = World::new(alg);
        let issued = w.issued();
        let (header, payload) = payload_of(&issued);
        assert_eq!(header["typ"], "dc+sd-jwt");
        assert_eq!(header["alg"], alg.name());
        assert_eq!(payload["iss"], w.college.public().did());
        assert_eq!(payload["sub"], w.holder.public().did());
        assert_eq!(payload["vct"], w.vct());
        assert_eq!(
            payload["vct#integrity"],
            integrity(&type_metadata_bytes(
                &w.vct(),
                CredentialKind::Qualification
            ))
        );
        assert_eq!(
            payload["cnf"]["jwk"],
            serde_json::to_value(w.holder.public().to_jwk()).unwrap()
        );
        assert_eq!(
            payload["status"],
            json!({"status_list": {"idx": 77, "uri": LIST}})
        );
        assert!(payload["iat"].is_i64() && payload["nbf"] == payload["iat"]);
        assert_eq!(payload["_sd_alg"], "sha-256");
        // Personal claims and those named are hidden; the level stays visible.
        assert!(payload.get("birthDate").is_none() && payload.get("name").is_none());
        assert_eq!(payload["qualification"]["frameworkLevels"][0], "PQF-6");
        assert!(payload.get("credentialSubject").is_none() && payload.get("issuer").is_none());
        assert_eq!(issued.matches('~').count(), 3); // birthDate, name
    }
}

#[test]
fn a_dc_presentation_verifies_valid_with_every_check_and_discloses_only_what_was_chosen() {
    for alg in Algorithm::ALL {
        let w = World::new(alg);
        let report = w.verify(&w.presented(&["name"]));
        assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
        assert!(report.checks.iter().all(|c| c.outcome == Outcome::Pass));
        let credential = &report.credential;
        assert_eq!(credential.checks.len(), 10);
        assert!(
            credential.checks.iter().all(|c| c.outcome == Outcome::Pass),
            "{}",
            credential.to_words()
        );
        assert!(credential
            .check(CheckId::Status)
            .unwrap()
            .detail
            .contains("not revoked"));
        let json = serde_json::to_string(&report).unwrap();
        assert!(json.contains("Maria Clara Santos"));
        assert!(
            !json.contains("1997-04-12"),
            "the birth date was not disclosed"
        );
    }
}

#[test]
fn a_revoked_dc_credential_fails_the_status_check_and_its_token_list_says_revoked() {
    let mut w = World::new(Algorithm::Es256);
    let presentation = w.presented(&[]);
    w.revocation.set_status(77, true).unwrap();
    let report = w.verify(&presentation);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(
        report.credential.check(CheckId::Status).unwrap().outcome,
        Outcome::Fail
    );
    // The Token Status List the issuer signs over the same bits says the same.
    let token = TokenStatusList::from_bitstring(&w.revocation.bits).sign(
        &w.college,
        &w.college.public().did_url(),
        LIST,
        w.now.timestamp(),
        (w.now + Duration::days(1)).timestamp(),
        3600,
    );
    let (sub, list) = TokenStatusList::open(&token, &w.college.public()).unwrap();
    assert_eq!(sub, LIST);
    assert!(list.get(77).unwrap());
    assert!(!list.get(76).unwrap());
}

#[test]
fn a_wrong_vct_integrity_or_unknown_vct_fails_well_formed() {
    let w = World::new(Algorithm::EdDSA);
    let issued = w.issued();
    let (_, mut payload) = payload_of(&issued);
    let disclosures = &issued[issued.find('~').unwrap()..];
    for edit in [
        json!({"vct#integrity": "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}),
        json!({"vct": "https://registry.example/types/Passport"}),
    ] {
        for (k, v) in edit.as_object().unwrap() {
            payload[k] = v.clone();
        }
        let resigned = jws::sign(
            &w.college,
            &Header::new(TYP_DC_SD_JWT, &w.college.public().did_url()),
            payload.to_string().as_bytes(),
        );
        let report = verify_issued_dc(
            &Verifier::new(&w.bundle(), w.now),
            &format!("{resigned}{disclosures}"),
        );
        assert_eq!(report.verdict, Verdict::Invalid);
        assert_eq!(
            report
                .checks
                .iter()
                .find(|c| c.id == SdCheckId::WellFormed)
                .unwrap()
                .outcome,
            Outcome::Fail,
            "{}",
            report.to_words()
        );
    }
}

#[test]
fn sd_jwt_verification_follows_the_signed_typ_and_a_relabelled_header_fails() {
    let w = World::new(Algorithm::EdDSA);
    let dc = w.presented(&[]);
    let bundle = w.bundle();
    let by_typ = verify(
        &Verifier::new(&bundle, w.now),
        &dc,
        EMPLOYER,
        NONCE,
        Duration::minutes(5),
    );
    assert_eq!(by_typ.verdict, Verdict::Valid, "{}", by_typ.to_words());
    // The JWS header says dc+sd-jwt: relabelled vc+sd-jwt, the signature no longer holds.
    let jws = dc.split('~').next().unwrap();
    let relabelled = format!(
        "{}{}",
        URL_SAFE_NO_PAD.encode(format!(
            r#"{{"alg":"EdDSA","typ":"vc+sd-jwt","kid":"{}"}}"#,
            w.college.public().did_url()
        )),
        &jws[jws.find('.').unwrap()..]
    );
    let forged = dc.replacen(jws, &relabelled, 1);
    let report = verify(
        &Verifier::new(&bundle, w.now),
        &forged,
        EMPLOYER,
        NONCE,
        Duration::minutes(5),
    );
    assert_eq!(report.verdict, Verdict::Invalid);
}

#[test]
fn a_suspension_entry_or_an_unknown_vct_is_refused_at_issuance() {
    let w = World::new(Algorithm::EdDSA);
    let mut doc = w.document();
    doc["credentialStatus"] = serde_json::to_value(vec![
        StatusEntry::new(StatusPurpose::Revocation, 77, LIST),
        StatusEntry::new(
            StatusPurpose::Suspension,
            5,
            "https://registry.example/status/s",
        ),
    ])
    .unwrap();
    let key = &w.college;
    let err = issue_dc(key, &key.public().did_url(), &doc, &[], &w.vct()).unwrap_err();
    assert!(
        matches!(err, SdJwtError::Layout(LayoutError::Suspension)),
        "{err}"
    );
    let err = issue_dc(
        key,
        &key.public().did_url(),
        &w.document(),
        &[],
        "https://x.example/types/Visa",
    )
    .unwrap_err();
    assert!(
        matches!(err, SdJwtError::Layout(LayoutError::Vct(_))),
        "{err}"
    );
    let skill = vct_for(BASE, CredentialKind::Skill);
    let err = issue_dc(key, &key.public().did_url(), &w.document(), &[], &skill).unwrap_err();
    assert!(
        matches!(err, SdJwtError::Layout(LayoutError::Vct(_))),
        "{err}"
    );
}

#[test]
fn layout_round_trips_to_the_vc_document() {
    let w = World::new(Algorithm::EdDSA);
    let doc = w.document();
    let dc = layout::to_dc(doc.clone(), &w.vct(), "sha256-x").unwrap();
    let back = layout::to_vc(&dc).unwrap();
    for member in [
        "id",
        "type",
        "issuer",
        "validFrom",
        "credentialSubject",
        "credentialStatus",
        "@context",
    ] {
        assert_eq!(back[member], doc[member], "{member}");
    }
}

#[test]
fn the_holders_copy_of_a_dc_credential_reads_as_its_vc_document() {
    let w = World::new(Algorithm::EdDSA);
    let shown = crate::sdjwt::reveal_all_unchecked(&w.issued()).unwrap();
    assert_eq!(shown["credentialSubject"]["birthDate"], "1997-04-12");
    assert_eq!(shown["credentialSubject"]["id"], w.holder.public().did());
    assert_eq!(shown["issuer"], w.college.public().did());
}

#[test]
fn a_wallet_tells_the_three_formats_apart() {
    use crate::wallet::CredentialFormat;
    let w = World::new(Algorithm::EdDSA);
    assert_eq!(
        CredentialFormat::detect(&w.issued()),
        CredentialFormat::DcSdJwt
    );
    let w3c = crate::sdjwt::issue(
        &w.college,
        &w.college.public().did_url(),
        &w.document(),
        &[],
    )
    .unwrap();
    assert_eq!(CredentialFormat::detect(&w3c), CredentialFormat::SdJwt);
    assert_eq!(
        CredentialFormat::detect(w3c.split('~').next().unwrap()),
        CredentialFormat::VcJwt
    );
    assert!(CredentialFormat::DcSdJwt.is_sd_jwt() && !CredentialFormat::VcJwt.is_sd_jwt());
    // Garbage with a `~` stays an SD-JWT to be refused by the SD-JWT checks.
    assert_eq!(CredentialFormat::detect("a~b"), CredentialFormat::SdJwt);
}
