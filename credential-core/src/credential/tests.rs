use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::build::did_method;
use super::checked::MAX_HEADLINE;
use super::*;
use crate::keys::SecretKey;
use crate::testutil::NURSE;
use chrono::Duration;

const SKILLS: &str = include_str!("../../../examples/care-worker-skills.json");

fn t(s: &str) -> DateTime<Utc> {
    parse_time(s).unwrap()
}

fn nurse() -> Value {
    serde_json::from_str(NURSE).unwrap()
}

fn build(claims: &Value, options: &IssueOptions) -> Result<Value, CredentialError> {
    build_document(
        claims,
        &SecretKey::from_bytes(&[1; 32]).public().did(),
        options,
    )
}

#[test]
fn build_document_refuses_a_valid_until_before_valid_from() {
    let mut options = IssueOptions::new(t("2026-03-01T00:00:00Z"));
    options.valid_from = Some(t("2026-06-01T00:00:00Z"));
    options.valid_until = Some(t("2026-05-01T00:00:00Z"));
    assert!(matches!(
        build(&nurse(), &options),
        Err(CredentialError::EndsBeforeStart)
    ));
    // The same from the claims file's own validUntil.
    let mut claims = nurse();
    claims["validUntil"] = json!("2026-06-01T00:00:00Z");
    options.valid_until = None;
    assert!(matches!(
        build(&claims, &options),
        Err(CredentialError::EndsBeforeStart)
    ));
}

#[test]
fn build_document_refuses_a_credential_that_would_be_expired_when_issued() {
    let now = t("2026-03-01T00:00:00Z");
    let mut options = IssueOptions::new(now);
    options.valid_from = Some(now - Duration::days(400));
    options.valid_until = Some(now - Duration::days(1));
    let err = build(&nurse(), &options).unwrap_err();
    assert!(matches!(err, CredentialError::AlreadyExpired), "{err}");
    assert!(err.to_string().contains("already past"));
    // A validFrom in the future is an issuer's choice, and allowed.
    let mut options = IssueOptions::new(now);
    options.valid_from = Some(now + Duration::days(30));
    options.valid_until = Some(now + Duration::days(400));
    build(&nurse(), &options).unwrap();
}

#[test]
fn build_document_refuses_an_award_date_in_the_future() {
    let mut claims = nurse();
    claims["credentialSubject"]["qualification"]["awarded"] = json!("2026-03-03");
    let err = build(&claims, &IssueOptions::new(t("2026-03-01T12:00:00Z"))).unwrap_err();
    match &err {
        CredentialError::DateInFuture { pointer, what } => {
            assert_eq!(pointer, "/credentialSubject/qualification/awarded");
            assert_eq!(*what, "award date");
        }
        other => panic!("{other}"),
    }
    assert!(!err.to_string().contains("2026-03-03"), "{err}");
    // The next day is allowed: east of UTC it is already that day.
    claims["credentialSubject"]["qualification"]["awarded"] = json!("2026-03-02");
    build(&claims, &IssueOptions::new(t("2026-03-01T20:00:00Z"))).unwrap();
}

#[test]
fn build_document_refuses_a_skill_assessed_or_a_holder_born_in_the_future() {
    let mut skills: Value = serde_json::from_str(SKILLS).unwrap();
    skills["credentialSubject"]["skills"][2]["assessment"]["date"] = json!("2031-01-01");
    let err = build(&skills, &IssueOptions::new(t("2026-03-01T00:00:00Z"))).unwrap_err();
    assert!(
        matches!(&err, CredentialError::DateInFuture { pointer, .. } if pointer == "/credentialSubject/skills/2/assessment/date"),
        "{err}"
    );
    let mut claims = nurse();
    claims["credentialSubject"]["birthDate"] = json!("2030-01-01");
    let err = build(&claims, &IssueOptions::new(t("2026-03-01T00:00:00Z"))).unwrap_err();
    assert!(err.to_string().contains("birth date"), "{err}");
    assert!(!err.to_string().contains("2030"), "{err}");
}

#[test]
fn build_document_refuses_a_holder_that_is_not_a_did() {
    let now = t("2026-03-01T00:00:00Z");
    for holder in [
        "maria@example.org",
        "did:key:",
        "did:key:z6Mk",
        "did:KEY:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWq",
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6Mk",
        " did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
    ] {
        let mut options = IssueOptions::new(now);
        options.holder = Some(holder.to_owned());
        let err = build(&nurse(), &options).unwrap_err();
        assert!(matches!(err, CredentialError::Holder(_)), "{holder}: {err}");
        if holder.len() > 12 {
            assert!(!err.to_string().contains(holder.trim()), "{err}");
        }
    }
    // A DID of another method is well-formed, but not a holder Skillpass can resolve.
    let mut options = IssueOptions::new(now);
    options.holder = Some("did:web:example.org:people:maria".into());
    let err = build(&nurse(), &options).unwrap_err();
    assert!(err.to_string().contains("did:web"), "{err}");
    // The same checks apply to an id written in the claims file.
    let mut claims = nurse();
    claims["credentialSubject"]["id"] = json!("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
    assert!(matches!(
        build(&claims, &IssueOptions::new(now)),
        Err(CredentialError::Holder(_))
    ));
    let mut options = IssueOptions::new(now);
    options.holder = Some(SecretKey::from_bytes(&[9; 32]).public().did());
    build(&nurse(), &options).unwrap();
}

#[test]
fn did_syntax_follows_the_did_core_abnf() {
    for good in [
        "did:example:123456789abcdefghi",
        "did:web:example.org%3A8443:users:alice",
        "did:a1:x",
        "did:example::x",
    ] {
        assert!(did_method(good).is_some(), "{good}");
    }
    for bad in [
        "did:example:",
        "did:example:abc:",
        "did::abc",
        "did:Example:abc",
        "did:ex-ample:abc",
        "did:example:a/b",
        "did:example:a?b",
        "did:example:a#b",
        "did:example:%zz",
        "did:example:%4",
        "DID:example:abc",
        "did:example",
    ] {
        assert!(did_method(bad).is_none(), "{bad}");
    }
}

#[test]
fn a_schema_error_is_not_repeated_as_its_own_source() {
    let claims = json!({"type": "QualificationCredential", "credentialSubject": {"name": "X"}});
    let doc = build(&claims, &IssueOptions::new(Utc::now())).unwrap();
    let err = sign_document(&SecretKey::from_bytes(&[1; 32]), "did:key:x#x", &doc).unwrap_err();
    assert!(matches!(err, CredentialError::Schema(_)), "{err}");
    assert!(std::error::Error::source(&err).is_none());
}

#[test]
fn a_malformed_date_is_one_violation_that_names_the_expected_form() {
    let mut claims = nurse();
    claims["credentialSubject"]["qualification"]["awarded"] = json!("2023-13-01");
    let doc = build(&claims, &IssueOptions::new(Utc::now())).unwrap();
    let err = sign_document(&SecretKey::from_bytes(&[1; 32]), "did:key:x#x", &doc).unwrap_err();
    let CredentialError::Schema(schema) = &err else {
        panic!("{err}")
    };
    assert_eq!(schema.violations.len(), 1, "{err}");
    assert_eq!(
        err.to_string(),
        "schema: /credentialSubject/qualification/awarded: not a date (YYYY-MM-DD)"
    );
    assert!(!err.to_string().contains("2023-13-01"));
}

#[test]
fn an_unknown_level_suggests_the_level_it_most_likely_means() {
    let mut claims = nurse();
    claims["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PQF6"]);
    let doc = build(&claims, &IssueOptions::new(Utc::now())).unwrap();
    let err = sign_document(&SecretKey::from_bytes(&[1; 32]), "did:key:x#x", &doc).unwrap_err();
    // PQF6 breaks the level id pattern first.
    assert!(err.to_string().contains("framework level id"), "{err}");
    claims["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PFQ-6"]);
    let doc = build(&claims, &IssueOptions::new(Utc::now())).unwrap();
    let err = sign_document(&SecretKey::from_bytes(&[1; 32]), "did:key:x#x", &doc).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown framework level \"PFQ-6\" \u{2014} did you mean PQF-6?"
    );
}

#[test]
fn a_skill_credential_is_headlined_by_its_first_skill_and_how_many_more() {
    let skills: Value = serde_json::from_str(SKILLS).unwrap();
    let doc = build(&skills, &IssueOptions::new(t("2026-03-01T00:00:00Z"))).unwrap();
    let checked = CheckedCredential::from_value(&doc).unwrap();
    assert_eq!(
        checked.title.as_deref(),
        Some("Personal care of older adults and 4 more skills")
    );
    let mut named = skills.clone();
    named["name"] = json!("Home care worker skills");
    let doc = build(&named, &IssueOptions::new(t("2026-03-01T00:00:00Z"))).unwrap();
    assert_eq!(
        CheckedCredential::from_value(&doc)
            .unwrap()
            .title
            .as_deref(),
        Some("Home care worker skills")
    );
}

#[test]
fn a_long_skill_name_is_cut_at_a_word() {
    let skills = json!([{"name": "Operating and maintaining industrial refrigeration and air conditioning systems in commercial buildings"}]);
    let title = skill_headline(None, Some(&skills)).unwrap();
    assert!(title.chars().count() <= MAX_HEADLINE, "{title}");
    assert!(title.ends_with('…'), "{title}");
    assert!(
        title.starts_with("Operating and maintaining industrial"),
        "{title}"
    );
    let two = json!([{"name": "Welding"}, {"name": "Teamwork"}]);
    assert_eq!(
        skill_headline(None, Some(&two)).as_deref(),
        Some("Welding and 1 more skill")
    );
    assert_eq!(skill_headline(None, Some(&json!([]))), None);
}

// Nothing silently dropped (issue 17): every claims member is carried or refused by name.

/// Evidence whose every term the shipped contexts define (`id`, `type` as an IRI, `name`,
/// `description`).
fn exam_evidence() -> Value {
    json!([{
        "id": "https://college.example/evidence/board-exam-2026-0042",
        "type": ["https://schema.org/DigitalDocument"],
        "name": "Nurse licensure examination record",
        "description": "Practical and written examination, passed"
    }])
}

#[test]
fn claims_valid_from_evidence_and_terms_of_use_are_carried_into_the_signed_credential() {
    use crate::testutil::Fixture;
    let f = Fixture::new();
    let mut claims = nurse();
    let from = format_time(f.now - Duration::minutes(30));
    claims["validFrom"] = json!(from);
    claims["evidence"] = exam_evidence();
    claims["termsOfUse"] = json!({
        "id": "https://college.example/policies/credential-use",
        "type": "https://schema.org/DigitalDocument"
    });
    let id = "urn:uuid:0f0e8f6a-2a3b-4c5d-8e9f-a0b1c2d3e4f5";
    claims["id"] = json!(id);
    claims["@context"] = json!([VC_CONTEXT_V2, SKILLPASS_CONTEXT_V1]);
    let options = IssueOptions::new(f.now - Duration::minutes(10));
    let doc = build_document(&claims, &f.college.public().did(), &options).unwrap();
    let jws = sign_document(&f.college, &f.college.public().did_url(), &doc).unwrap();
    // What was signed, read back from the JWS payload.
    let payload = jws.split('.').nth(1).unwrap();
    let payload: Value = serde_json::from_slice(
        &base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, payload)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(payload["validFrom"], json!(from));
    assert_eq!(payload["evidence"], exam_evidence());
    assert_eq!(payload["termsOfUse"], claims["termsOfUse"]);
    assert_eq!(payload["id"], json!(id));
    assert_eq!(
        payload["@context"],
        json!([VC_CONTEXT_V2, SKILLPASS_CONTEXT_V1])
    );
    // And the credential verifies.
    let bundle = f.bundle();
    let report = f.verifier(&bundle).verify(&jws);
    assert_eq!(
        report.verdict,
        crate::Verdict::Valid,
        "{}",
        report.to_words()
    );
    // The registry judges a published credential by this report: it accepts this one.
    crate::PublishPolicy::registry().judge(&report).unwrap();
}

#[test]
fn a_valid_from_given_by_the_issuer_wins_over_the_claims() {
    let now = t("2026-03-01T00:00:00Z");
    let mut claims = nurse();
    claims["validFrom"] = json!("2026-02-01T00:00:00Z");
    let doc = build(&claims, &IssueOptions::new(now)).unwrap();
    assert_eq!(doc["validFrom"], json!("2026-02-01T00:00:00Z"));
    let mut options = IssueOptions::new(now);
    options.valid_from = Some(t("2026-02-15T00:00:00Z"));
    let doc = build(&claims, &options).unwrap();
    assert_eq!(doc["validFrom"], json!("2026-02-15T00:00:00Z"));
    // Without either, the moment of issuing.
    let doc = build(&nurse(), &IssueOptions::new(now)).unwrap();
    assert_eq!(doc["validFrom"], json!("2026-03-01T00:00:00Z"));
}

#[test]
fn a_claims_valid_from_that_is_not_a_date_time_is_refused() {
    let mut claims = nurse();
    claims["validFrom"] = json!("2026-02-01");
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    assert_eq!(err.to_string(), "`validFrom` is not an RFC 3339 date-time");
    claims["validFrom"] = json!(20260201);
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    assert_eq!(err.to_string(), "`validFrom` must be a string");
    // A claims validFrom after its validUntil is caught as from options.
    claims["validFrom"] = json!("2027-02-01T00:00:00Z");
    claims["validUntil"] = json!("2027-01-01T00:00:00Z");
    let err = build(&claims, &IssueOptions::new(t("2026-03-01T00:00:00Z"))).unwrap_err();
    assert!(matches!(err, CredentialError::EndsBeforeStart), "{err}");
}

#[test]
fn an_unknown_claims_member_is_refused_by_name() {
    let mut claims = nurse();
    claims["validFrom"] = json!("2026-02-01T00:00:00Z");
    claims["evidence"] = exam_evidence();
    claims["favouriteColour"] = json!("green");
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    assert!(
        matches!(&err, CredentialError::Structure(Structure::ClaimsMember { member, .. }) if member == "favouriteColour"),
        "{err}"
    );
    let text = err.to_string();
    assert!(
        text.starts_with("claims member `favouriteColour` is refused: Skillpass does not use it"),
        "{text}"
    );
    assert!(!text.contains("green"), "{text}");
}

#[test]
fn members_the_issuer_cannot_set_from_claims_are_refused_with_where_they_come_from() {
    for (member, says) in [
        ("issuer", "--issuer"),
        ("credentialStatus", "--status"),
        ("proof", "signing"),
        ("vc", "VC-JOSE-COSE"),
        ("relatedResource", "does not use it"),
        ("credentialSchema", "does not use it"),
    ] {
        let mut claims = nurse();
        claims[member] = json!({"id": "x"});
        let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains(&format!("`{member}` is refused")) && text.contains(says),
            "{member}: {text}"
        );
    }
}

#[test]
fn a_claims_type_the_credential_would_not_carry_is_refused_by_name() {
    let mut claims = nurse();
    claims["type"] = json!(["VerifiableCredential", "QualificationCredential"]);
    build(&claims, &IssueOptions::new(Utc::now())).unwrap();
    claims["type"] = json!(["QualificationCredential", "OpenBadgeCredential"]);
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    assert!(err.to_string().contains("\"OpenBadgeCredential\""), "{err}");
    claims["type"] = json!(["QualificationCredential", "SkillCredential"]);
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    assert!(err.to_string().contains("\"SkillCredential\""), "{err}");
}

#[test]
fn a_claims_context_a_verifier_would_not_accept_is_refused_by_url() {
    let mut claims = nurse();
    claims["@context"] = json!([
        VC_CONTEXT_V2,
        "https://www.w3.org/ns/credentials/examples/v2"
    ]);
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("unknown context \"https://www.w3.org/ns/credentials/examples/v2\""),
        "{text}"
    );
    claims["@context"] = json!([VC_CONTEXT_V2, {"foo": "https://example.org/foo"}]);
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    assert!(err.to_string().contains("inline context"), "{err}");
    claims["@context"] = json!(7);
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    assert!(matches!(
        err,
        CredentialError::Structure(Structure::ClaimsContext)
    ));
    // The accepted contexts, named again or alone, are one list without repeats.
    claims["@context"] = json!(SKILLPASS_CONTEXT_V1);
    let doc = build(&claims, &IssueOptions::new(Utc::now())).unwrap();
    assert_eq!(
        doc["@context"],
        json!([VC_CONTEXT_V2, SKILLPASS_CONTEXT_V1])
    );
}

#[test]
fn a_claims_id_must_be_a_urn_uuid() {
    for bad in [
        json!("https://college.example/credentials/1"),
        json!("urn:uuid:not-a-uuid"),
        json!(42),
    ] {
        let mut claims = nurse();
        claims["id"] = bad.clone();
        let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
        assert!(
            matches!(err, CredentialError::Structure(Structure::ClaimsId)),
            "{bad}: {err}"
        );
    }
    // Without one, a fresh id each time.
    let a = build(&nurse(), &IssueOptions::new(Utc::now())).unwrap();
    let b = build(&nurse(), &IssueOptions::new(Utc::now())).unwrap();
    assert_ne!(a["id"], b["id"]);
}

#[test]
fn evidence_must_be_typed_objects_whose_terms_a_shipped_context_defines() {
    for (bad, says) in [
        (json!("the exam"), "must be an object"),
        (json!([]), "must be an object"),
        (json!([{"name": "no type"}]), "each with a `type`"),
        (json!([{"type": []}]), "each with a `type`"),
    ] {
        let mut claims = nurse();
        claims["evidence"] = bad.clone();
        let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
        assert!(err.to_string().contains(says), "{bad}: {err}");
    }
    // A term no context defines would be dropped by a JSON-LD reader: refused.
    let mut claims = nurse();
    claims["evidence"] = json!([{"type": "https://schema.org/DigitalDocument", "examScore": 91}]);
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    assert!(
        matches!(err, CredentialError::Structure(Structure::JsonLd(_))),
        "{err}"
    );
    assert!(
        err.to_string()
            .starts_with("claims `evidence`/`termsOfUse`"),
        "{err}"
    );
    // So is a type that is neither a defined term nor an IRI.
    claims["evidence"] = json!([{"type": "Evidence", "name": "exam"}]);
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    assert!(
        matches!(err, CredentialError::Structure(Structure::JsonLd(_))),
        "{err}"
    );
    let mut claims = nurse();
    claims["termsOfUse"] = json!([{"type": "https://schema.org/DigitalDocument"}, 3]);
    let err = build(&claims, &IssueOptions::new(Utc::now())).unwrap_err();
    assert!(err.to_string().contains("claims `termsOfUse`"), "{err}");
}
