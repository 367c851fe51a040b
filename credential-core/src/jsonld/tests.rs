use serde_json::{json, Value};

use super::contexts::digest_sri;
use super::*;
use crate::testutil::Fixture;

fn subject_quads(doc: &Value) -> String {
    canonical_nquads(doc).unwrap()
}

#[test]
fn every_shipped_context_is_pinned_by_its_digest() {
    for context in KNOWN_CONTEXTS {
        assert_eq!(
            digest_sri(context.text.as_bytes()),
            context.digest_sri,
            "{} changed: a published context never changes, publish a new version",
            context.file
        );
        let parsed: Value = serde_json::from_str(context.text).unwrap();
        assert!(parsed["@context"].is_object(), "{}", context.file);
    }
}

#[test]
fn a_skillpass_credential_expands_with_every_term_defined() {
    let f = Fixture::new();
    let doc = f.document_for(&f.holder.public().did());
    let nquads = subject_quads(&doc);
    for iri in [
        "<https://skillpass.dev/ns#QualificationCredential>",
        "<https://schema.org/birthDate>",
        "<http://purl.org/dc/terms/title>",
        "<http://data.europa.eu/snb/model/elm/awardingBody>",
        "<http://data.europa.eu/snb/model/elm/legalName>",
        "<http://data.europa.eu/snb/model/elm/learningOutcome>",
        "<http://data.europa.eu/snb/model/elm/awardingDate>",
        // Codes become the concept URIs of ISCED-F and of ISCO-08 in ESCO.
        "<http://data.europa.eu/snb/isced-f/0913>",
        "<http://data.europa.eu/esco/isco/C2221>",
    ] {
        assert!(nquads.contains(iri), "{iri} missing from\n{nquads}");
    }
    assert!(nquads.contains("\"1997-04-12\"^^<http://www.w3.org/2001/XMLSchema#date>"));
}

#[test]
fn a_title_given_as_a_language_map_expands_to_language_tagged_text() {
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    doc["credentialSubject"]["qualification"]["title"] = json!({"en": "Nursing", "fil": "Narsing"});
    let nquads = subject_quads(&doc);
    assert!(nquads.contains("\"Nursing\"@en"), "{nquads}");
    assert!(nquads.contains("\"Narsing\"@fil"), "{nquads}");
}

#[test]
fn a_term_no_context_defines_is_refused_not_dropped() {
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    doc["credentialSubject"]["qualification"]["shoeSize"] = json!(42);
    let e = to_dataset(&doc).unwrap_err();
    assert!(
        matches!(&e, JsonLdError::Expansion(m) if m.contains("shoeSize")),
        "{e}"
    );
}

#[test]
fn a_document_naming_only_the_vc_context_loses_the_skillpass_terms_and_is_refused() {
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    doc["@context"] = json!([VC_CONTEXT.url]);
    assert!(matches!(to_dataset(&doc), Err(JsonLdError::Expansion(_))));
}

#[test]
fn a_relative_iri_where_an_iri_is_required_is_refused() {
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    doc["issuer"] = json!("Manila College");
    let e = to_dataset(&doc).unwrap_err();
    assert!(matches!(e, JsonLdError::Dropped(_)), "{e}");
}

#[test]
fn a_context_the_verifier_does_not_know_is_refused_and_named() {
    let doc = json!({"@context": [VC_CONTEXT.url, "https://evil.example/ctx"]});
    let e = check_contexts(doc.as_object().unwrap(), CREDENTIAL_CONTEXTS).unwrap_err();
    assert!(e.to_string().contains("https://evil.example/ctx"), "{e}");
    assert!(e.to_string().contains(SKILLPASS_CONTEXT.url), "{e}");
    // The Open Badges context is known, but a Skillpass credential may not use it.
    let doc = json!({"@context": [VC_CONTEXT.url, OB3_CONTEXT.url]});
    assert!(matches!(
        check_contexts(doc.as_object().unwrap(), CREDENTIAL_CONTEXTS),
        Err(ContextError::Unknown { .. })
    ));
}

#[test]
fn an_inline_context_is_refused() {
    let doc = json!({"@context": [VC_CONTEXT.url, {"title": "https://evil.example/title"}]});
    assert_eq!(
        check_contexts(doc.as_object().unwrap(), CREDENTIAL_CONTEXTS),
        Err(ContextError::Inline(1))
    );
}

#[test]
fn the_vc_context_must_come_first_and_once() {
    for context in [
        json!([SKILLPASS_CONTEXT.url, VC_CONTEXT.url]),
        json!(VC_CONTEXT.url),
        json!([]),
    ] {
        let doc = json!({ "@context": context });
        assert_eq!(
            check_contexts(doc.as_object().unwrap(), CREDENTIAL_CONTEXTS),
            Err(ContextError::NotVc2),
            "{context}"
        );
    }
    let doc = json!({"@context": [VC_CONTEXT.url, SKILLPASS_CONTEXT.url, SKILLPASS_CONTEXT.url]});
    assert!(matches!(
        check_contexts(doc.as_object().unwrap(), CREDENTIAL_CONTEXTS),
        Err(ContextError::Duplicate(_))
    ));
}

#[test]
fn a_related_resource_digest_of_a_context_must_be_the_published_digest() {
    let good = json!({
        "@context": [VC_CONTEXT.url, SKILLPASS_CONTEXT.url],
        "relatedResource": [{"id": SKILLPASS_CONTEXT.url, "digestSRI": SKILLPASS_CONTEXT.digest_sri}]
    });
    assert_eq!(
        check_contexts(good.as_object().unwrap(), CREDENTIAL_CONTEXTS),
        Ok(())
    );
    let altered = json!({
        "@context": [VC_CONTEXT.url, SKILLPASS_CONTEXT.url],
        "relatedResource": {"id": SKILLPASS_CONTEXT.url, "digestSRI": digest_sri(b"{\"@context\": {}}")}
    });
    assert_eq!(
        check_contexts(altered.as_object().unwrap(), CREDENTIAL_CONTEXTS),
        Err(ContextError::Altered(SKILLPASS_CONTEXT.url.into()))
    );
    let unreadable = json!({
        "@context": [VC_CONTEXT.url],
        "relatedResource": {"id": VC_CONTEXT.url, "digestSRI": "md5-abc"}
    });
    assert!(matches!(
        check_contexts(unreadable.as_object().unwrap(), CREDENTIAL_CONTEXTS),
        Err(ContextError::DigestForm(_))
    ));
}

/// Issue 12's JSON-LD doubt, settled: the context declares `learningOutcomes` with an
/// `@language` container, which expands a language map whose values are lists (every
/// outcome kept, tagged with its language) but not a list of language maps, whose tags
/// would be dropped as undefined terms. The schema now allows the first and refuses the
/// second; this pins why.
#[test]
fn learning_outcomes_in_several_languages_expand_as_a_map_of_lists_and_never_as_a_list_of_maps() {
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    doc["credentialSubject"]["qualification"]["learningOutcomes"] = json!({
        "en": ["Plans care", "Gives medication"],
        "de": ["Plant die Pflege", "Verabreicht Medikamente"],
        "ar": ["يخطط للرعاية", "يعطي الأدوية"],
    });
    let nquads = subject_quads(&doc);
    for literal in [
        "\"Plans care\"@en",
        "\"Gives medication\"@en",
        "\"Plant die Pflege\"@de",
        "\"Verabreicht Medikamente\"@de",
        "\"يخطط للرعاية\"@ar",
        "\"يعطي الأدوية\"@ar",
    ] {
        let line = format!("<http://data.europa.eu/snb/model/elm/learningOutcome> {literal}");
        assert!(nquads.contains(&line), "{line} missing from\n{nquads}");
    }

    let mut list_of_maps = doc.clone();
    list_of_maps["credentialSubject"]["qualification"]["learningOutcomes"] =
        json!([{"en": "Plans care", "de": "Plant die Pflege"}]);
    let e = to_dataset(&list_of_maps).unwrap_err();
    assert!(matches!(e, JsonLdError::Expansion(_)), "{e}");
}

/// The same with a Data Integrity proof: a credential whose title, awarding body and
/// learning outcomes are in three languages is signed and verifies, so no term of it is
/// left out of what the proof covers.
#[test]
fn a_multilingual_data_integrity_credential_signs_and_verifies() {
    use crate::integrity::{sign, ProofForm};
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    let q = &mut doc["credentialSubject"]["qualification"];
    q["title"] = json!({"en": "Bachelor of Science in Nursing", "de": "Bachelor Pflege", "fil": "Batsilyer sa Nars"});
    q["awardingBody"]["name"] =
        json!({"en": "Manila College of Nursing", "fil": "Kolehiyo ng Narsing ng Maynila"});
    q["learningOutcomes"] = json!({
        "en": ["Plans care", "Gives medication"],
        "fil": ["Nagpaplano ng pangangalaga", "Nagbibigay ng gamot"],
    });
    let signed = sign(
        &doc,
        &f.college,
        &f.college.public().did_url(),
        f.now,
        ProofForm::Object,
    )
    .unwrap();
    let nquads = subject_quads(&signed);
    assert!(nquads.contains("\"Nagbibigay ng gamot\"@fil"), "{nquads}");
    assert!(
        nquads.contains("\"Kolehiyo ng Narsing ng Maynila\"@fil"),
        "{nquads}"
    );
    let bundle = f.bundle();
    let report = f
        .verifier(&bundle)
        .verify(&serde_json::to_string(&signed).unwrap());
    assert_eq!(
        report.verdict,
        crate::Verdict::Valid,
        "{}",
        report.to_words()
    );
    // Changing one outcome in one language breaks the proof.
    let mut altered = signed.clone();
    altered["credentialSubject"]["qualification"]["learningOutcomes"]["fil"][1] =
        json!("Nagbibigay ng iniksiyon");
    let report = f
        .verifier(&bundle)
        .verify(&serde_json::to_string(&altered).unwrap());
    assert_eq!(report.failed(), vec!["signature"], "{}", report.to_words());
}
