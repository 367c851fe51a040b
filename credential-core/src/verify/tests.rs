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
                !text.contains(check.detail.as_str()),
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
    q["learningOutcomes"] = serde_json::json!({
        "en": ["Plans care", "Gives medication"],
        "de": ["Plant die Pflege", "Verabreicht Medikamente"],
        "fil": "Nagpaplano ng pangangalaga",
    });
    assert_eq!(
        schema::validate(CredentialKind::Qualification, &doc),
        Ok(())
    );
    // A plain list of outcomes, as before language maps.
    let mut list = doc.clone();
    list["credentialSubject"]["qualification"]["learningOutcomes"] =
        serde_json::json!(["Plans care", "Gives medication"]);
    assert_eq!(
        schema::validate(CredentialKind::Qualification, &list),
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
        // A list of language maps: the context's `@language` container cannot expand it
        // (its terms would be dropped), so the schema refuses it (issue 12's JSON-LD doubt).
        (
            "learningOutcomes",
            serde_json::json!([{"en": "Plans care", "de": "Plant die Pflege"}]),
        ),
        (
            "learningOutcomes",
            serde_json::json!({"en": [{"de": "nested"}]}),
        ),
        (
            "learningOutcomes",
            serde_json::json!({"EN": ["upper-case tag"]}),
        ),
    ] {
        let mut wrong = doc.clone();
        wrong["credentialSubject"]["qualification"][pointer] = bad;
        assert!(
            schema::validate(CredentialKind::Qualification, &wrong).is_err(),
            "{pointer} accepted"
        );
    }
}

// Credentials secured with a Data Integrity proof run the same ten checks.

mod data_integrity {
    use serde_json::{json, Value};

    use super::*;
    use crate::integrity::{sign, ProofForm};

    fn di_credential(f: &Fixture) -> Value {
        let doc = f.document_for(&f.holder.public().did());
        sign(
            &doc,
            &f.college,
            &f.college.public().did_url(),
            f.now,
            ProofForm::Object,
        )
        .unwrap()
    }

    fn report(f: &Fixture, credential: &Value) -> Report {
        report_for(f, &serde_json::to_string_pretty(credential).unwrap(), f.now)
    }

    fn detail(report: &Report, id: CheckId) -> (Outcome, String) {
        let c = report.check(id).unwrap();
        (c.outcome, c.detail.to_string())
    }

    #[test]
    fn a_data_integrity_credential_passes_all_ten_checks() {
        let f = Fixture::new();
        let report = report(&f, &di_credential(&f));
        assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
        assert_eq!(report.checks.len(), 10);
        let (_, algorithm) = detail(&report, CheckId::Algorithm);
        assert_eq!(algorithm, "DataIntegrityProof eddsa-rdfc-2022 (Ed25519)");
        let (_, signature) = detail(&report, CheckId::Signature);
        assert!(
            signature.starts_with("Data Integrity proof verifies"),
            "{signature}"
        );
        let verified = report.verified().unwrap();
        assert_eq!(verified.document()["proof"]["type"], "DataIntegrityProof");
        assert_eq!(PublishPolicy::registry().judge(&report), Ok(()));
    }

    #[test]
    fn a_flipped_claim_fails_the_signature_and_only_it() {
        let f = Fixture::new();
        let mut credential = di_credential(&f);
        credential["credentialSubject"]["qualification"]["awarded"] = json!("2023-06-16");
        let report = report(&f, &credential);
        assert_eq!(report.failed(), vec!["signature"], "{}", report.to_words());
    }

    #[test]
    fn an_undefined_term_fails_well_formed_since_it_would_not_be_signed() {
        let f = Fixture::new();
        let mut credential = di_credential(&f);
        credential["credentialSubject"]["qualification"]["honours"] = json!("cum laude");
        let report = report(&f, &credential);
        let (outcome, why) = detail(&report, CheckId::WellFormed);
        assert_eq!(outcome, Outcome::Fail);
        assert!(why.contains("honours"), "{why}");
    }

    #[test]
    fn an_unknown_or_altered_context_fails_well_formed() {
        let f = Fixture::new();
        let mut unknown = di_credential(&f);
        unknown["@context"][1] = json!("https://skillpass.example/contexts/v1");
        let (outcome, why) = detail(&report(&f, &unknown), CheckId::WellFormed);
        assert_eq!(outcome, Outcome::Fail);
        assert!(why.starts_with("unknown context"), "{why}");

        let mut altered = di_credential(&f);
        altered["relatedResource"] = json!([{
            "id": crate::jsonld::SKILLPASS_CONTEXT.url,
            "digestSRI": "sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        }]);
        let (outcome, why) = detail(&report(&f, &altered), CheckId::WellFormed);
        assert_eq!(outcome, Outcome::Fail);
        assert!(why.contains("was altered"), "{why}");
    }

    #[test]
    fn another_cryptosuite_fails_the_algorithm_check() {
        let f = Fixture::new();
        let mut credential = di_credential(&f);
        credential["proof"]["cryptosuite"] = json!("eddsa-jcs-2022");
        let report = report(&f, &credential);
        assert_eq!(detail(&report, CheckId::WellFormed).0, Outcome::Pass);
        let (outcome, why) = detail(&report, CheckId::Algorithm);
        assert_eq!(outcome, Outcome::Fail);
        assert!(why.contains("eddsa-jcs-2022"), "{why}");
        assert_eq!(report.verdict, Verdict::Invalid);
    }

    #[test]
    fn a_proof_by_a_key_outside_the_bundle_fails_key_valid() {
        let f = Fixture::new();
        let stranger = SecretKey::generate();
        let doc = f.document_for(&f.holder.public().did());
        let credential = sign(
            &doc,
            &stranger,
            &stranger.public().did_url(),
            f.now,
            ProofForm::Object,
        )
        .unwrap();
        let report = report(&f, &credential);
        let (outcome, why) = detail(&report, CheckId::KeyValid);
        assert_eq!(outcome, Outcome::Fail);
        assert!(why.ends_with("is not in the trust bundle"), "{why}");
        assert_eq!(detail(&report, CheckId::Signature).0, Outcome::Skipped);
    }

    #[test]
    fn malformed_input_fails_well_formed_with_a_reason() {
        let f = Fixture::new();
        let bundle = f.bundle();
        let verifier = f.verifier(&bundle);
        for (input, reason) in [
            ("{\"a\": 1, \"a\": 2}".to_owned(), "not strict JSON"),
            (
                format!("{{\"x\": \"{}\"}}", "a".repeat(70_000)),
                "over the 65536-byte credential limit",
            ),
            ("{\"@context\": []}".to_owned(), "has no `proof`"),
        ] {
            let report = verifier.verify(&input);
            let (outcome, why) = detail(&report, CheckId::WellFormed);
            assert_eq!(outcome, Outcome::Fail, "{input:.40}");
            assert!(why.contains(reason), "{why}");
        }
    }

    #[test]
    fn verify_many_handles_jws_and_data_integrity_side_by_side() {
        let f = Fixture::new();
        let bundle = f.bundle();
        let jws = f.issue_to(&f.holder.public().did());
        let di = serde_json::to_string(&di_credential(&f)).unwrap();
        let mut broken = di_credential(&f);
        broken["credentialSubject"]["name"] = json!("Someone Else");
        let broken = serde_json::to_string(&broken).unwrap();
        let reports =
            f.verifier(&bundle)
                .verify_many(&[jws.as_str(), di.as_str(), broken.as_str()]);
        let verdicts: Vec<Verdict> = reports.iter().map(|r| r.verdict).collect();
        assert_eq!(verdicts, [Verdict::Valid, Verdict::Valid, Verdict::Invalid]);
        assert_eq!(reports[2].failed(), vec!["signature"]);
    }

    #[test]
    fn a_jws_credential_naming_an_unknown_context_fails_well_formed_too() {
        let f = Fixture::new();
        let mut doc = f.document_for(&f.holder.public().did());
        doc["@context"] = json!([crate::jsonld::VC_CONTEXT.url, "https://example.org/ctx"]);
        let jws = crate::jws::sign(
            &f.college,
            &crate::jws::Header::new(crate::credential::TYP_VC, &f.college.public().did_url()),
            doc.to_string().as_bytes(),
        );
        let report = report_for(&f, &jws, f.now);
        let (outcome, why) = detail(&report, CheckId::WellFormed);
        assert_eq!(outcome, Outcome::Fail);
        assert!(
            why.contains("unknown context \"https://example.org/ctx\""),
            "{why}"
        );
    }
}

/// Issue 12: a reader sees the awarding body, the skills and the learning outcomes in their
/// own language where the credential gives them, and is told when another language is shown.
#[test]
fn the_report_shows_the_awarding_body_and_outcomes_in_the_readers_language() {
    use crate::i18n::Lang;
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    let q = &mut doc["credentialSubject"]["qualification"];
    q["awardingBody"]["name"] = serde_json::json!({
        "en": "Manila College of Nursing",
        "de": "Pflegehochschule Manila",
    });
    q["learningOutcomes"] = serde_json::json!({
        "en": ["Plans care", "Gives medication"],
        "de": ["Plant die Pflege", "Verabreicht Medikamente"],
    });
    let jws =
        crate::credential::sign_document(&f.college, &f.college.public().did_url(), &doc).unwrap();
    let bundle = f.bundle();
    let report = f.verifier(&bundle).verify(&jws);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());

    let german = report.to_words_in(Lang::De);
    assert!(
        german.contains("Im Nachweis genannte verleihende Stelle: Pflegehochschule Manila\n"),
        "{german}"
    );
    assert!(
        german.contains("Lernergebnisse:\n    - Plant die Pflege\n    - Verabreicht Medikamente\n"),
        "{german}"
    );
    assert!(!german.contains("Gives medication"), "{german}");

    // No French in the credential: English, with the note saying so.
    let french = report.to_words_in(Lang::Fr);
    assert!(
        french.contains(
            "Acquis d'apprentissage : (non fourni en français ; affiché en en)\n    - Plans care\n"
        ),
        "{french}"
    );
    // The English body's name is the registered one, already in the headline: not repeated.
    let english = report.to_words();
    assert!(!english.contains("Awarding body named"), "{english}");
    assert!(
        english.contains("Learning outcomes:\n    - Plans care\n"),
        "{english}"
    );
    // JSON keeps its fields: the language maps are in the credential, not in the summary.
    let json = report.to_json_in(Lang::De);
    assert!(json["credential"].get("awardingBody").is_none(), "{json}");
}

#[test]
fn a_skill_credential_names_its_skills_in_the_readers_language() {
    use crate::i18n::Lang;
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    let subject = doc["credentialSubject"].as_object_mut().unwrap();
    subject.remove("qualification");
    subject.insert(
        "skills".into(),
        serde_json::json!([
            {"name": {"en": "Wound care", "de": "Wundversorgung"}, "kind": "technical",
             "assessment": {"method": "exam", "date": "2024-03-01"}},
            {"name": "Patient transfer", "kind": "technical",
             "assessment": {"method": "exam", "date": "2024-03-01"}}
        ]),
    );
    doc["type"] = serde_json::json!(["VerifiableCredential", "SkillCredential"]);
    let checked = crate::CheckedCredential::from_value(&doc).unwrap();
    assert_eq!(checked.skill_names.len(), 2);
    assert_eq!(
        crate::credential::skill_headline_in(&checked.skill_names, Lang::De).as_deref(),
        Some("Wundversorgung und 1 weitere Kompetenz")
    );
    // English has its own headline; a language no skill is named in has none.
    assert_eq!(
        crate::credential::skill_headline_in(&checked.skill_names, Lang::En),
        None
    );
    assert_eq!(
        crate::credential::skill_headline_in(&checked.skill_names, Lang::Ar),
        None
    );
}

#[test]
fn the_loading_form_reads_each_input_on_its_batch_and_keeps_every_answer_in_its_place() {
    let f = Fixture::new();
    let bundle = f.bundle();
    let verifier = Verifier::new(&bundle, f.now);
    let good = f.issue_to(&f.holder.public().did());
    let mut bad = good.clone().into_bytes();
    let last = bad.len() - 2;
    bad[last] = if bad[last] == b'A' { b'B' } else { b'A' };
    let bad = String::from_utf8(bad).unwrap();
    // Over three batches: inputs that cannot be loaded (`None`) at a batch's start, end
    // and middle, a bad signature beside them, a token that does not parse.
    let b = verifier::BATCH_SIZE;
    let total = 2 * b + b / 2;
    let unloaded = [0, b - 1, b, b + b / 2, total - 1];
    let bad_at = [1, b - 2, total - 2];
    let unparsed = b + b / 4;
    let mut inputs: Vec<Option<String>> = (0..total).map(|_| Some(good.clone())).collect();
    for i in unloaded {
        inputs[i] = None;
    }
    for i in bad_at {
        inputs[i] = Some(bad.clone());
    }
    inputs[unparsed] = Some("not a jws".into());
    let loaded = std::sync::atomic::AtomicUsize::new(0);
    for threads in [1, 2, 3, 0] {
        loaded.store(0, std::sync::atomic::Ordering::Relaxed);
        let kept = verifier.verify_many_parallel_load(
            &inputs,
            threads,
            |i, input| {
                loaded.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                input.as_deref().ok_or((i, None))
            },
            |i, report| (i, Some(report.verdict)),
        );
        assert_eq!(
            loaded.load(std::sync::atomic::Ordering::Relaxed),
            total,
            "each input loaded once"
        );
        assert_eq!(kept.len(), total, "{threads} threads");
        for (at, (i, verdict)) in kept.into_iter().enumerate() {
            assert_eq!(at, i, "index, {threads} threads");
            let want = if unloaded.contains(&i) {
                None
            } else if bad_at.contains(&i) || i == unparsed {
                Some(Verdict::Invalid)
            } else {
                Some(Verdict::Valid)
            };
            assert_eq!(verdict, want, "#{i} on {threads} threads");
        }
    }
    let none: Vec<Option<String>> = Vec::new();
    assert!(verifier
        .verify_many_parallel_load(&none, 2, |_, s| s.as_deref().ok_or(()), |_, _| ())
        .is_empty());
}
