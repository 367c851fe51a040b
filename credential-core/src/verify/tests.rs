use chrono::Duration;

use super::*;
use crate::keys::SecretKey;
use crate::testutil::Fixture;

fn report_for(f: &Fixture, credential: &str, now: chrono::DateTime<chrono::Utc>) -> Report {
    let bundle = f.bundle();
    Verifier::new(&bundle, now).verify(credential)
}

#[test]
fn the_registry_policy_publishes_a_credential_that_verifies() {
    let f = Fixture::new();
    let report = report_for(&f, &f.issue_to(&f.holder.public().did()), f.now);
    assert_eq!(PublishPolicy::registry().judge(&report), Ok(()));
}

#[test]
fn the_registry_policy_refuses_a_credential_outside_its_issuers_accreditation_as_such() {
    let f = Fixture::new();
    let stranger = SecretKey::generate();
    let doc = f.document_for(&f.holder.public().did());
    let mut doc = doc;
    doc["issuer"] = serde_json::json!(stranger.public().did());
    let jws = crate::sign_document(&stranger, &stranger.public().did_url(), &doc).unwrap();
    let refusal = PublishPolicy::registry()
        .judge(&report_for(&f, &jws, f.now))
        .unwrap_err();
    let PublishRefusal::OutOfScope { detail } = &refusal else {
        panic!("{refusal}")
    };
    assert!(detail.ends_with("is not in the trust bundle"), "{detail}");
}

#[test]
fn the_registry_policy_names_the_first_required_check_that_failed() {
    let f = Fixture::new();
    let mut jws = f.issue_to(&f.holder.public().did()).into_bytes();
    let last = jws.len() - 2;
    jws[last] = if jws[last] == b'A' { b'B' } else { b'A' };
    let jws = String::from_utf8(jws).unwrap();
    let refusal = PublishPolicy::registry()
        .judge(&report_for(&f, &jws, f.now))
        .unwrap_err();
    assert!(
        matches!(
            refusal,
            PublishRefusal::Failed {
                check: CheckId::Signature,
                ..
            }
        ),
        "{refusal}"
    );
    assert!(refusal.to_string().starts_with("signature failed: "));
}

#[test]
fn the_registry_policy_does_not_judge_the_validity_period() {
    let f = Fixture::new();
    // Checked a month before its validFrom, the credential is not yet valid (and the bundle
    // dated in the future): neither is a reason to refuse publishing it.
    let report = report_for(
        &f,
        &f.issue_to(&f.holder.public().did()),
        f.now - Duration::days(30),
    );
    assert_eq!(
        report.check(CheckId::ValidityPeriod).unwrap().outcome,
        Outcome::Fail
    );
    assert_eq!(PublishPolicy::registry().judge(&report), Ok(()));
    assert_eq!(
        PublishPolicy::registry().to_string(),
        "must pass: well-formed, algorithm, issuer-accredited, key-valid, signature, schema; status must be known"
    );
}

#[test]
fn a_report_reads_in_each_language_with_every_check_translated() {
    use crate::i18n::Lang;
    let f = Fixture::new();
    let valid = report_for(&f, &f.issue_to(&f.holder.public().did()), f.now);
    let mut jws = f.issue_to(&f.holder.public().did()).into_bytes();
    let last = jws.len() - 2;
    jws[last] = if jws[last] == b'A' { b'B' } else { b'A' };
    let altered = report_for(&f, &String::from_utf8(jws).unwrap(), f.now);
    let words = [
        (
            Lang::De,
            "GÜLTIG: Qualifikationsnachweis",
            "UNGÜLTIG",
            "die Signatur ist ungültig",
        ),
        (
            Lang::Fil,
            "WASTO: qualification credential",
            "HINDI WASTO",
            "hindi tugma ang lagda",
        ),
        (
            Lang::Ar,
            "صالحة: وثيقة مؤهل",
            "غير صالحة",
            "التوقيع غير سليم",
        ),
        (
            Lang::Es,
            "VÁLIDA: credencial de cualificación",
            "NO VÁLIDA",
            "la firma no es válida",
        ),
        (
            Lang::Fr,
            "VALIDE: attestation de qualification",
            "NON VALIDE",
            "la signature n'est pas valide",
        ),
    ];
    for (lang, valid_head, invalid_head, bad_signature) in words {
        let text = valid.to_words_in(lang);
        assert!(text.starts_with(valid_head), "{lang}:\n{text}");
        // Every detail is the catalog's sentence in `lang`, never the English one (the
        // algorithm's name, "EdDSA (Ed25519)", is the same in every language).
        for check in valid.checks.iter().filter(|c| c.id != CheckId::Algorithm) {
            assert!(
                !text.contains(&check.detail),
                "{lang} left {:?} in English:\n{text}",
                check.detail
            );
        }
        let text = altered.to_words_in(lang);
        assert!(text.starts_with(invalid_head), "{lang}:\n{text}");
        assert!(text.contains(bad_signature), "{lang}:\n{text}");
    }
    // English stays exactly what it was, and JSON keeps the English detail in every language.
    assert_eq!(valid.to_words_in(Lang::En), valid.to_words());
    assert!(valid
        .to_words()
        .starts_with("VALID: QualificationCredential"));
}

#[test]
fn language_maps_pass_the_schema_where_they_are_allowed_and_nowhere_else() {
    use crate::credential::{schema, CredentialKind};
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    let q = &mut doc["credentialSubject"]["qualification"];
    q["title"] = serde_json::json!({"en": "BSc Nursing", "de": "BSc Pflege", "fil": "BSc Nars"});
    q["awardingBody"]["name"] =
        serde_json::json!({"en": "Manila College", "fil": "Kolehiyo ng Maynila"});
    q["learningOutcomes"] =
        serde_json::json!([{"en": "Plans care", "de": "Plant die Pflege"}, "Gives medication"]);
    assert_eq!(
        schema::validate(CredentialKind::Qualification, &doc),
        Ok(())
    );
    // A plain string title, as before language maps.
    let mut plain = doc.clone();
    plain["credentialSubject"]["qualification"]["title"] = serde_json::json!("BSc Nursing");
    assert_eq!(
        schema::validate(CredentialKind::Qualification, &plain),
        Ok(())
    );
    for (pointer, bad) in [
        ("title", serde_json::json!({"de": "ohne Englisch"})),
        ("title", serde_json::json!({"en": "x", "German": "y"})),
        (
            "awardingBody",
            serde_json::json!({"name": {"EN": "upper-case tag"}}),
        ),
        ("learningOutcomes", serde_json::json!([{}])),
    ] {
        let mut wrong = doc.clone();
        wrong["credentialSubject"]["qualification"][pointer] = bad;
        assert!(
            schema::validate(CredentialKind::Qualification, &wrong).is_err(),
            "{pointer} accepted"
        );
    }
}
