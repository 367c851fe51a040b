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
