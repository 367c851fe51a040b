use chrono::Duration;

use super::*;
use crate::equivalence::RecognitionDecision;
use crate::jws::{self, Header};
use crate::keys::SecretKey;
use crate::status::{status_list_credential, IssuerStatusList, StatusPurpose};
use crate::testutil::Fixture;
use crate::verify::{CheckId, Verdict, Verifier};

const DECISION: &str = include_str!("../../testdata/equivalence/ph-de-nursing-decision.json");

/// The fixture's college, accredited for qualifications up to PQF-6 since yesterday.
fn college_entry(f: &Fixture) -> IssuerEntry {
    did_key_issuer(
        &f.college.public().did(),
        "Manila College of Nursing",
        "PH",
        vec!["QualificationCredential:PQF-6".parse().unwrap()],
        f.now - Duration::days(1),
    )
    .unwrap()
}

fn builder(f: &Fixture) -> BundleBuilder {
    BundleBuilder::new(
        &f.operator.public(),
        3,
        f.now - Duration::hours(1),
        f.now + Duration::days(1),
    )
}

fn status_list(key: &SecretKey, issuer: &str) -> String {
    let list = IssuerStatusList::new(
        "urn:uuid:00000000-0000-4000-8000-00000000000a",
        StatusPurpose::Revocation,
    );
    let doc = status_list_credential(issuer, &list, chrono::Utc::now() - Duration::days(1));
    jws::sign(
        key,
        &Header::new(TYP_STATUS_LIST, &key.public().did_url()),
        &serde_json::to_vec(&doc).unwrap(),
    )
}

#[test]
fn a_trusted_in_memory_bundle_verifies_credentials_and_says_it_was_not_signed() {
    let f = Fixture::new();
    let bundle =
        VerifiedBundle::from_trusted_unchecked(builder(&f).issuer(college_entry(&f)).into_bundle())
            .unwrap();
    assert!(!bundle.is_signed());
    assert!(f.bundle().is_signed());
    let report = Verifier::new(&bundle, f.now).verify(&f.issue_to(&f.holder.public().did()));
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    assert_eq!(
        report.check(CheckId::TrustBundle).unwrap().detail,
        "bundle 3 built in memory from trusted entries (not signed)"
    );
    assert!(bundle.digest().starts_with("sha256:"));
}

#[test]
fn a_trusted_in_memory_bundle_is_still_checked_for_everything_but_the_anchor_signature() {
    let f = Fixture::new();
    let twice = builder(&f)
        .issuer(college_entry(&f))
        .issuer(college_entry(&f))
        .into_bundle();
    assert!(matches!(
        VerifiedBundle::from_trusted_unchecked(twice),
        Err(BundleError::IssuerTwice(_))
    ));
    let stranger = SecretKey::generate();
    let foreign_list = builder(&f)
        .issuer(college_entry(&f))
        .status_list(status_list(&stranger, &stranger.public().did()))
        .into_bundle();
    let err = VerifiedBundle::from_trusted_unchecked(foreign_list).unwrap_err();
    assert!(matches!(err, BundleError::StatusListUnknownKey(_)), "{err}");
    assert!(err
        .to_string()
        .starts_with("bundle content: status list signed by unknown key did:key:"));
    let mut backwards = builder(&f).into_bundle();
    backwards.next_update = backwards.issued_at;
    let err = VerifiedBundle::from_trusted_unchecked(backwards).unwrap_err();
    assert_eq!(
        err.to_string(),
        "bundle content: nextUpdate is not after issuedAt"
    );
}

#[test]
fn a_status_list_naming_another_issuer_than_its_signer_is_refused_by_name() {
    let f = Fixture::new();
    let err = builder(&f)
        .issuer(college_entry(&f))
        .status_list(status_list(&f.college, "did:key:zSomeoneElse"))
        .sign(&f.operator)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "bundle content: status list urn:uuid:00000000-0000-4000-8000-00000000000a names issuer did:key:zSomeoneElse but is signed by {}",
            f.college.public().did()
        )
    );
}

#[test]
fn a_document_of_another_typ_is_not_a_bundle() {
    let f = Fixture::new();
    let jws = jws::sign(
        &f.operator,
        &Header::new("vc+jwt", &f.operator.public().did_url()),
        b"{}",
    );
    let anchor = TrustAnchor::from_did(&f.operator.public().did()).unwrap();
    let err = anchor.verify_bundle(&jws, None).unwrap_err();
    assert!(matches!(err, BundleError::Typ));
    assert_eq!(
        err.to_string(),
        "bundle content: typ must be skillpass-bundle+jwt"
    );
}

fn authority(key: &SecretKey, country: &str) -> AuthorityEntry {
    AuthorityEntry {
        id: key.public().did(),
        name: "Registered authority".into(),
        country: country.into(),
        jurisdiction: "nursing".into(),
    }
}

fn decision_by(key: &SecretKey) -> String {
    let mut decision: RecognitionDecision = serde_json::from_str(DECISION).unwrap();
    decision.authority = key.public().did();
    sign_decision(key, &decision).unwrap()
}

#[test]
fn a_decision_is_trusted_only_from_a_registered_authority_of_its_destination() {
    let key = SecretKey::generate();
    let jws = decision_by(&key);
    let trusted = check_decision(&[authority(&key, "DE")], &jws).unwrap();
    assert_eq!(trusted.authority_name, "Registered authority");
    let err = check_decision(&[], &jws).unwrap_err();
    assert!(matches!(err, DecisionError::NotAnAuthority { .. }), "{err}");
    assert!(err
        .to_string()
        .ends_with("which is not a registered recognition authority"));
    let err = check_decision(&[authority(&key, "FR")], &jws).unwrap_err();
    assert!(matches!(err, DecisionError::OutsideJurisdiction { .. }));
    assert!(err
        .to_string()
        .ends_with("Registered authority decides for FR, not for DE"));
}

#[test]
fn a_decision_whose_signature_fails_is_named_by_the_id_it_claims() {
    let key = SecretKey::generate();
    let jws = decision_by(&key);
    let (head, sig) = jws.rsplit_once('.').unwrap();
    let flipped = if sig.starts_with('A') { 'B' } else { 'A' };
    let forged = format!("{head}.{flipped}{}", &sig[1..]);
    let err = check_decision(&[authority(&key, "DE")], &forged).unwrap_err();
    let id = serde_json::from_str::<RecognitionDecision>(DECISION)
        .unwrap()
        .id;
    assert_eq!(
        err.to_string(),
        format!("decision {id}: signature does not verify")
    );
    let opened = open_decision(&jws).unwrap();
    assert_eq!(opened.key, key.public());
}

#[test]
fn a_scope_with_an_unknown_level_or_type_is_refused_in_words() {
    let err = "QualificationCredential:PQF-99"
        .parse::<ScopeItem>()
        .unwrap_err();
    assert!(matches!(err, ScopeError::UnknownLevel { .. }));
    assert_eq!(
        err.to_string(),
        "unknown framework level \"PQF-99\" in scope \"QualificationCredential:PQF-99\""
    );
    let err = "Diploma".parse::<ScopeItem>().unwrap_err();
    assert!(matches!(err, ScopeError::Kind(_)));
    assert!(err
        .to_string()
        .contains("unknown credential type \"Diploma\""));
}
