//! One accepted and one refused document for each MUST of the data model that the W3C VC
//! 2.0 test suite exercises (our own fixtures; the suite's files are not copied here), and
//! a run over the suite's own inputs when a checkout of it is named.

use serde_json::{json, Value};

use super::*;

fn vc() -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "credentialSubject": {"id": "did:example:holder"}
    })
}

fn vp() -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"]
    })
}

fn with(mut doc: Value, key: &str, value: Value) -> Value {
    doc[key] = value;
    doc
}

fn without(mut doc: Value, key: &str) -> Value {
    doc.as_object_mut().unwrap().remove(key);
    doc
}

#[track_caller]
fn accepted(doc: &Value) {
    if let Err(v) = check_credential(doc) {
        panic!("refused: {v:?}\n{doc:#}");
    }
}

#[track_caller]
fn refused(doc: &Value, rule: Rule, path: &str) {
    let violations = check_credential(doc).expect_err("accepted");
    assert!(
        violations.iter().any(|v| v.rule == rule && v.path == path),
        "expected {} at {path:?}, got {violations:?}",
        rule.code()
    );
}

#[track_caller]
fn vp_accepted(doc: &Value) {
    if let Err(v) = check_presentation(doc) {
        panic!("refused: {v:?}\n{doc:#}");
    }
}

#[track_caller]
fn vp_refused(doc: &Value, rule: Rule, path: &str) {
    let violations = check_presentation(doc).expect_err("accepted");
    assert!(
        violations.iter().any(|v| v.rule == rule && v.path == path),
        "expected {} at {path:?}, got {violations:?}",
        rule.code()
    );
}

#[test]
fn a_minimal_credential_is_accepted() {
    accepted(&vc());
}

#[test]
fn a_document_that_is_not_an_object_is_refused() {
    refused(&json!(["VerifiableCredential"]), Rule::NotAnObject, "");
}

// §4.3 Contexts

#[test]
fn a_credential_without_context_is_refused() {
    refused(&without(vc(), "@context"), Rule::ContextMissing, "");
}

#[test]
fn the_base_context_must_come_first() {
    let doc = with(
        vc(),
        "@context",
        json!([
            "https://www.w3.org/ns/credentials/examples/v2",
            "https://www.w3.org/ns/credentials/v2"
        ]),
    );
    refused(&doc, Rule::ContextFirst, "/@context/0");
    let doc = with(
        vc(),
        "@context",
        json!(["https://www.w3.org/ns/credentials/examples/v2"]),
    );
    refused(&doc, Rule::ContextFirst, "/@context/0");
    refused(
        &with(vc(), "@context", json!([])),
        Rule::ContextFirst,
        "/@context/0",
    );
    // A lone string naming the base context is an ordered set of one.
    accepted(&with(
        vc(),
        "@context",
        json!("https://www.w3.org/ns/credentials/v2"),
    ));
}

#[test]
fn later_contexts_may_be_shipped_urls_or_objects() {
    let doc = with(
        with(
            vc(),
            "@context",
            json!([
                "https://www.w3.org/ns/credentials/v2",
                "https://www.w3.org/ns/credentials/examples/v2",
                {"ExampleCredential": "https://example.org/#ExampleCredential"}
            ]),
        ),
        "type",
        json!(["VerifiableCredential", "ExampleCredential"]),
    );
    accepted(&doc);
}

#[test]
fn a_context_item_that_is_neither_url_nor_object_is_refused() {
    let base = "https://www.w3.org/ns/credentials/v2";
    refused(
        &with(vc(), "@context", json!([base, 42])),
        Rule::ContextItem,
        "/@context/1",
    );
    refused(
        &with(vc(), "@context", json!([base, "https ://not a url/v1"])),
        Rule::ContextItem,
        "/@context/1",
    );
}

#[test]
fn a_context_url_skillpass_does_not_ship_is_refused_not_fetched() {
    let doc = with(
        vc(),
        "@context",
        json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://example.com/contexts/v1"
        ]),
    );
    refused(&doc, Rule::ContextUnknown, "/@context/1");
}

#[test]
fn redefining_a_protected_term_of_the_base_context_is_refused() {
    let doc = with(
        vc(),
        "@context",
        json!(["https://www.w3.org/ns/credentials/v2", {"VerifiableCredential": "https://example.org/#Other"}]),
    );
    refused(&doc, Rule::ContextRedefinesProtectedTerm, "/@context");
}

#[test]
fn redefining_a_term_an_earlier_context_protected_is_refused() {
    let doc = with(
        with(
            vc(),
            "@context",
            json!([
                "https://www.w3.org/ns/credentials/v2",
                {"@protected": true, "Example": "https://example.org/#Example"},
                {"Example": "https://example.org/#Other"}
            ]),
        ),
        "type",
        json!(["VerifiableCredential", "Example"]),
    );
    refused(&doc, Rule::ContextRedefinesProtectedTerm, "/@context");
    // The same contexts without the redefinition are fine.
    let doc = with(
        doc,
        "@context",
        json!([
            "https://www.w3.org/ns/credentials/v2",
            {"@protected": true, "Example": "https://example.org/#Example"}
        ]),
    );
    accepted(&doc);
}

// §4.5 Types

#[test]
fn a_credential_without_type_is_refused() {
    refused(&without(vc(), "type"), Rule::TypeMissing, "");
}

#[test]
fn type_must_include_verifiable_credential_in_any_order() {
    let ctx = json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://www.w3.org/ns/credentials/examples/v2"
    ]);
    let doc = with(
        with(vc(), "@context", ctx.clone()),
        "type",
        json!(["RelationshipCredential"]),
    );
    refused(&doc, Rule::TypeNotCredential, "/type");
    let doc = with(
        vc(),
        "type",
        json!([
            "https://example.org/#A",
            "VerifiableCredential",
            "https://example.org/#B"
        ]),
    );
    accepted(&doc);
    accepted(&with(vc(), "type", json!("VerifiableCredential")));
}

#[test]
fn type_must_be_terms_or_urls() {
    refused(&with(vc(), "type", json!([])), Rule::TypeNotTerms, "/type");
    refused(
        &with(vc(), "type", json!(["VerifiableCredential", 7])),
        Rule::TypeNotTerms,
        "/type",
    );
}

#[test]
fn a_type_no_context_defines_is_refused() {
    let doc = with(
        with(
            vc(),
            "@context",
            json!(["https://www.w3.org/ns/credentials/v2", {"@vocab": null}]),
        ),
        "type",
        json!(["VerifiableCredential", "ExampleTestCredential"]),
    );
    refused(&doc, Rule::TermUndefined, "");
}

#[test]
fn a_type_mapped_to_something_that_is_not_an_iri_is_refused() {
    let doc = with(
        with(
            vc(),
            "@context",
            json!(["https://www.w3.org/ns/credentials/v2", {"Example": "https ://not-a-url#Example"}]),
        ),
        "type",
        json!(["VerifiableCredential", "Example"]),
    );
    let violations = check_credential(&doc).unwrap_err();
    assert!(
        violations
            .iter()
            .any(|v| matches!(v.rule, Rule::NotAnIri | Rule::ContextInvalid)),
        "{violations:?}"
    );
    let mapped = with(
        with(
            vc(),
            "@context",
            json!(["https://www.w3.org/ns/credentials/v2", {"Example": "https://example.org/#Example"}]),
        ),
        "type",
        json!(["VerifiableCredential", "Example"]),
    );
    accepted(&mapped);
}

#[test]
fn a_property_no_context_defines_is_refused_not_dropped() {
    let doc = with(
        vc(),
        "credentialSubject",
        json!({"id": "did:example:holder", "favouriteColour": "blue"}),
    );
    refused(&doc, Rule::TermUndefined, "");
    let ctx = json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://www.w3.org/ns/credentials/examples/v2"
    ]);
    accepted(&with(doc, "@context", ctx));
}

// §4.4 Identifiers

#[test]
fn id_must_be_a_single_url() {
    accepted(&with(
        vc(),
        "id",
        json!("urn:uuid:9c9a36f8-518f-4976-a934-6649502d0008"),
    ));
    accepted(&with(
        vc(),
        "id",
        json!("https://college.example/credentials/1"),
    ));
    refused(&with(vc(), "id", json!(null)), Rule::IdNotUrl, "/id");
    refused(
        &with(
            vc(),
            "id",
            json!(["https://a.example/1", "https://b.example/1"]),
        ),
        Rule::IdNotUrl,
        "/id",
    );
    refused(
        &with(vc(), "id", json!("https ://not-a-url/1")),
        Rule::IdNotUrl,
        "/id",
    );
    refused(
        &with(vc(), "id", json!("credential-1")),
        Rule::IdNotUrl,
        "/id",
    );
}

// §4.6 Names and descriptions, §11.1 language value objects

#[test]
fn names_and_descriptions_are_strings_or_language_values() {
    for key in ["name", "description"] {
        accepted(&with(vc(), key, json!("Example")));
        accepted(&with(
            vc(),
            key,
            json!({"@value": "Example", "@language": "en"}),
        ));
        accepted(&with(
            vc(),
            key,
            json!({"@value": "Example", "@language": "en", "@direction": "ltr"}),
        ));
        accepted(&with(
            vc(),
            key,
            json!([{"@value": "Dog", "@language": "en"}, {"@value": "Chien", "@language": "fr"}]),
        ));
        refused(
            &with(
                vc(),
                key,
                json!({"@value": "Example", "@language": "en", "url": "did:example:x"}),
            ),
            Rule::NotLanguageValue,
            &format!("/{key}"),
        );
        refused(
            &with(vc(), key, json!(12)),
            Rule::NotLanguageValue,
            &format!("/{key}"),
        );
        refused(
            &with(vc(), key, json!({"@value": "Example", "@direction": "up"})),
            Rule::NotLanguageValue,
            &format!("/{key}"),
        );
        let issuer =
            json!({"id": "did:example:college", key: {"@value": "College", "@language": "en"}});
        accepted(&with(vc(), "issuer", issuer));
        let issuer = json!({"id": "did:example:college", key: {"@value": "College", "extra": 1}});
        refused(
            &with(vc(), "issuer", issuer),
            Rule::NotLanguageValue,
            &format!("/issuer/{key}"),
        );
    }
}

// §4.7 Issuer

#[test]
fn issuer_must_be_present() {
    refused(&without(vc(), "issuer"), Rule::IssuerMissing, "");
}

#[test]
fn issuer_must_be_a_url_or_an_object_with_a_url_id() {
    accepted(&with(
        vc(),
        "issuer",
        json!({"id": "did:example:college", "name": "College"}),
    ));
    refused(
        &with(vc(), "issuer", json!("fake-issuer")),
        Rule::IssuerNotUrl,
        "/issuer",
    );
    refused(
        &with(vc(), "issuer", json!(null)),
        Rule::IssuerNotUrl,
        "/issuer",
    );
    refused(
        &with(vc(), "issuer", json!({"id": null})),
        Rule::IssuerNotUrl,
        "/issuer/id",
    );
    refused(
        &with(vc(), "issuer", json!({"id": "fake-issuer"})),
        Rule::IssuerNotUrl,
        "/issuer/id",
    );
    refused(
        &with(vc(), "issuer", json!({"name": "College"})),
        Rule::IssuerNotUrl,
        "/issuer/id",
    );
}

// §4.8 Credential subject

#[test]
fn credential_subject_must_be_present() {
    refused(
        &without(vc(), "credentialSubject"),
        Rule::SubjectMissing,
        "",
    );
}

#[test]
fn each_subject_must_be_an_object_making_a_claim() {
    accepted(&with(
        vc(),
        "credentialSubject",
        json!([{"id": "did:example:a"}, {"id": "did:example:b"}]),
    ));
    refused(
        &with(vc(), "credentialSubject", json!({})),
        Rule::SubjectNoClaims,
        "/credentialSubject",
    );
    refused(
        &with(
            vc(),
            "credentialSubject",
            json!([{"id": "did:example:a"}, {}]),
        ),
        Rule::SubjectNoClaims,
        "/credentialSubject/1",
    );
    refused(
        &with(vc(), "credentialSubject", json!([])),
        Rule::SubjectNotObject,
        "/credentialSubject",
    );
    refused(
        &with(vc(), "credentialSubject", json!("did:example:a")),
        Rule::SubjectNotObject,
        "/credentialSubject",
    );
}

#[test]
fn a_subject_id_must_be_a_single_url() {
    refused(
        &with(
            vc(),
            "credentialSubject",
            json!({"id": ["did:example:a", "did:example:b"]}),
        ),
        Rule::SubjectIdNotUrl,
        "/credentialSubject/id",
    );
    refused(
        &with(vc(), "credentialSubject", json!({"id": "holder-1"})),
        Rule::SubjectIdNotUrl,
        "/credentialSubject/id",
    );
}

// §4.9 Validity period

#[test]
fn valid_from_and_until_are_date_time_stamps() {
    for good in [
        "2023-02-26T01:02:58Z",
        "2023-02-26T01:02:58.447Z",
        "2023-02-25T19:10:39-06:00",
        "4023-02-26T01:02:58.447Z",
        "2024-02-29T00:00:00+14:00",
        "2023-02-26T24:00:00Z",
    ] {
        accepted(&with(vc(), "validFrom", json!(good)));
        accepted(&with(vc(), "validUntil", json!(good)));
    }
    for bad in [
        "Sat 25 Feb 2023 07:16:31 PM CST",
        "Sun, 26 Feb 2023 01:22:14 +0000",
        "2023-02-26T01:02:58",  // no time zone: a dateTime, not a dateTimeStamp
        "2023-02-26",           // a date
        "2023-02-26 01:02:58Z", // a space for the T
        "2023-02-30T01:02:58Z", // no such day
        "2023-02-26T01:02:60Z", // no leap seconds in XML Schema
        "2023-02-26T01:02:58+15:00", // beyond ±14:00
        "2023-02-26T01:02:58.Z",
        "023-02-26T01:02:58Z",
    ] {
        refused(
            &with(vc(), "validFrom", json!(bad)),
            Rule::ValidFromNotDateTimeStamp,
            "/validFrom",
        );
        refused(
            &with(vc(), "validUntil", json!(bad)),
            Rule::ValidUntilNotDateTimeStamp,
            "/validUntil",
        );
    }
    refused(
        &with(vc(), "validFrom", json!(20230226)),
        Rule::ValidFromNotDateTimeStamp,
        "/validFrom",
    );
}

#[test]
fn valid_until_must_not_be_before_valid_from() {
    let doc = with(
        with(vc(), "validFrom", json!("2027-01-01T00:00:00Z")),
        "validUntil",
        json!("2025-01-01T00:00:00Z"),
    );
    refused(&doc, Rule::ValidUntilBeforeValidFrom, "/validUntil");
    // Compared as instants: 19:21:29-06:00 is after 01:21:23Z.
    let doc = with(
        with(vc(), "validFrom", json!("2023-02-26T01:21:23Z")),
        "validUntil",
        json!("2023-02-25T19:21:29-06:00"),
    );
    accepted(&doc);
    let same = with(
        with(vc(), "validFrom", json!("2025-01-01T00:00:00Z")),
        "validUntil",
        json!("2025-01-01T00:00:00Z"),
    );
    accepted(&same);
}

// §4.10 Status, §4.11 Data schemas, §5.4 Refreshing, §5.5 Terms of use, §5.6 Evidence,
// §4.12 proofs: objects with a type, and an id that is a URL when present.

fn examples() -> Value {
    with(
        vc(),
        "@context",
        json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/examples/v2"
        ]),
    )
}

#[test]
fn every_typed_entry_needs_a_type() {
    for key in TYPED_ENTRIES {
        let entry = if *key == "credentialSchema" {
            json!({"id": "https://example.org/schema/1"})
        } else {
            json!({"id": "https://example.org/entry/1"})
        };
        refused(
            &with(examples(), key, entry),
            Rule::EntryTypeMissing,
            &format!("/{key}"),
        );
        refused(
            &with(examples(), key, json!({})),
            Rule::EntryTypeMissing,
            &format!("/{key}"),
        );
        let typed = json!({"id": "https://example.org/entry/1", "type": "ExampleEntry"});
        accepted(&with(examples(), key, typed.clone()));
        accepted(&with(examples(), key, json!([typed.clone(), typed])));
        refused(
            &with(
                examples(),
                key,
                json!([{"type": "ExampleEntry", "id": "https://e.example/1"}, {"id": "https://e.example/2"}]),
            ),
            Rule::EntryTypeMissing,
            &format!("/{key}/1"),
        );
    }
}

#[test]
fn a_typed_entry_type_must_be_a_term_or_url() {
    let doc = with(
        examples(),
        "credentialStatus",
        json!({"id": "https://example.org/status/1", "type": 2}),
    );
    refused(&doc, Rule::EntryTypeNotTerms, "/credentialStatus/type");
}

#[test]
fn a_typed_entry_id_must_be_a_single_url() {
    for key in TYPED_ENTRIES {
        let many =
            json!({"type": "ExampleEntry", "id": ["https://e.example/1", "https://e.example/2"]});
        refused(
            &with(examples(), key, many),
            Rule::EntryIdNotUrl,
            &format!("/{key}/id"),
        );
        let not_url = json!({"type": "ExampleEntry", "id": "https ://not-a-url/1"});
        refused(
            &with(examples(), key, not_url),
            Rule::EntryIdNotUrl,
            &format!("/{key}/id"),
        );
    }
    // Status, refresh, terms of use, evidence and proofs may leave the id out.
    accepted(&with(
        examples(),
        "credentialStatus",
        json!({"type": "ExampleStatus"}),
    ));
}

#[test]
fn a_typed_entry_must_be_an_object() {
    refused(
        &with(examples(), "evidence", json!("a photo")),
        Rule::EntryNotObject,
        "/evidence",
    );
    refused(
        &with(examples(), "evidence", json!([])),
        Rule::EntryNotObject,
        "/evidence",
    );
}

#[test]
fn a_credential_schema_needs_an_id() {
    let doc = with(
        examples(),
        "credentialSchema",
        json!({"type": "https://example.org/#Schema"}),
    );
    refused(&doc, Rule::SchemaIdMissing, "/credentialSchema");
}

#[test]
fn an_embedded_proof_is_left_to_its_cryptosuite() {
    // The proof's own terms (created, proofValue) are defined by its suite's context,
    // which the data-model check does not need.
    let doc = with(
        with(
            vc(),
            "@context",
            json!(["https://www.w3.org/ns/credentials/v2", {"Ed25519Signature2020": "https://w3id.org/security#Ed25519Signature2020"}]),
        ),
        "proof",
        json!({"type": "Ed25519Signature2020", "created": "2023-03-01T16:53:26Z", "proofValue": "z58DAdFfa9"}),
    );
    accepted(&doc);
    let untyped = with(
        doc,
        "proof",
        json!({"created": "2023-03-01T16:53:26Z", "proofValue": "z58D"}),
    );
    refused(&untyped, Rule::EntryTypeMissing, "/proof");
}

// §5.3 Integrity of related resources

const BASE: &str = "https://www.w3.org/ns/credentials/v2";

fn shipped_sri() -> String {
    crate::jsonld::VC_CONTEXT.digest_sri.to_owned()
}

fn shipped_multibase() -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(crate::jsonld::VC_CONTEXT.text.as_bytes());
    format!(
        "u{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
    )
}

#[test]
fn a_related_resource_with_the_right_digest_is_accepted() {
    accepted(&with(
        vc(),
        "relatedResource",
        json!({"id": BASE, "digestSRI": shipped_sri()}),
    ));
    accepted(&with(
        vc(),
        "relatedResource",
        json!({"id": BASE, "digestMultibase": shipped_multibase()}),
    ));
    accepted(&with(
        vc(),
        "relatedResource",
        json!([{"id": BASE, "mediaType": "application/ld+json", "digestSRI": shipped_sri()}]),
    ));
    // The revision of the base context whose digest the Recommendation states.
    accepted(&with(
        vc(),
        "relatedResource",
        json!({"id": BASE, "digestMultibase": "uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k"}),
    ));
    // A resource Skillpass does not hold: only the digest's form is checked.
    accepted(&with(
        vc(),
        "relatedResource",
        json!({"id": "https://college.example/logo.png", "digestSRI": "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="}),
    ));
}

#[test]
fn related_resources_must_be_objects() {
    refused(
        &with(vc(), "relatedResource", json!([BASE])),
        Rule::RelatedResourceNotObject,
        "/relatedResource/0",
    );
}

#[test]
fn a_related_resource_needs_a_url_id() {
    refused(
        &with(
            vc(),
            "relatedResource",
            json!([{"digestMultibase": shipped_multibase()}]),
        ),
        Rule::RelatedResourceIdNotUrl,
        "/relatedResource/0/id",
    );
}

#[test]
fn related_resource_ids_must_be_unique() {
    let doc = with(
        vc(),
        "relatedResource",
        json!([{"id": BASE, "digestSRI": shipped_sri()}, {"id": BASE, "digestMultibase": shipped_multibase()}]),
    );
    refused(
        &doc,
        Rule::RelatedResourceIdDuplicate,
        "/relatedResource/1/id",
    );
}

#[test]
fn a_related_resource_needs_a_digest() {
    refused(
        &with(vc(), "relatedResource", json!([{"id": BASE}])),
        Rule::RelatedResourceDigestMissing,
        "/relatedResource/0",
    );
}

#[test]
fn a_wrong_digest_of_a_resource_skillpass_holds_is_refused() {
    refused(
        &with(
            vc(),
            "relatedResource",
            json!([{"id": BASE, "digestMultibase": "uM4RgWQc3RUDtjJCSgTJtTfvpZ7SPEg_LNO0ESlovQC0"}]),
        ),
        Rule::RelatedResourceDigestMismatch,
        "/relatedResource/0/digestMultibase",
    );
    let wrong_sri = "sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    refused(
        &with(
            vc(),
            "relatedResource",
            json!([{"id": BASE, "digestSRI": wrong_sri}]),
        ),
        Rule::RelatedResourceDigestMismatch,
        "/relatedResource/0/digestSRI",
    );
}

#[test]
fn a_digest_not_in_its_form_is_refused() {
    // base64url characters in an SRI, which is standard base64.
    let bad = "sha384-_rCVIV7fSXXTNIvpiq26jRDyj8JG8TDjij-tD0ewLk4JpnXEz6a5AeeY_1qQ0d0P";
    refused(
        &with(
            vc(),
            "relatedResource",
            json!([{"id": BASE, "digestSRI": bad}]),
        ),
        Rule::RelatedResourceDigestForm,
        "/relatedResource/0/digestSRI",
    );
    refused(
        &with(
            vc(),
            "relatedResource",
            json!([{"id": "https://e.example/x", "digestSRI": "md5-AAAA"}]),
        ),
        Rule::RelatedResourceDigestForm,
        "/relatedResource/0/digestSRI",
    );
    refused(
        &with(
            vc(),
            "relatedResource",
            json!([{"id": "https://e.example/x", "digestMultibase": "fdeadbeef"}]),
        ),
        Rule::RelatedResourceDigestForm,
        "/relatedResource/0/digestMultibase",
    );
}

// §4.13 Verifiable presentations

#[test]
fn a_minimal_presentation_is_accepted() {
    vp_accepted(&vp());
    vp_accepted(&with(
        vp(),
        "id",
        json!("urn:uuid:9c9a36f8-518f-4976-a934-6649502d0008"),
    ));
}

#[test]
fn a_presentation_needs_the_base_context_first() {
    vp_refused(&without(vp(), "@context"), Rule::ContextMissing, "");
    vp_refused(
        &with(
            vp(),
            "@context",
            json!([{"Example": "https://example.org/#Example"}, BASE]),
        ),
        Rule::ContextFirst,
        "/@context/0",
    );
    vp_refused(
        &with(vp(), "@context", json!([BASE, "https://example.com"])),
        Rule::ContextUnknown,
        "/@context/1",
    );
    vp_refused(
        &with(vp(), "@context", json!([BASE, 123])),
        Rule::ContextItem,
        "/@context/1",
    );
}

#[test]
fn a_presentation_type_must_include_verifiable_presentation() {
    vp_refused(&without(vp(), "type"), Rule::TypeMissing, "");
    let doc = with(
        with(
            vp(),
            "@context",
            json!([BASE, {"Manager": "https://example.org/#Manager"}]),
        ),
        "type",
        json!(["Manager"]),
    );
    vp_refused(&doc, Rule::TypeNotPresentation, "/type");
    vp_accepted(&with(
        doc,
        "type",
        json!(["VerifiablePresentation", "Manager"]),
    ));
}

#[test]
fn a_presentation_holder_must_be_a_url_or_an_object_with_a_url_id() {
    vp_accepted(&with(vp(), "holder", json!("did:example:holder")));
    vp_accepted(&with(vp(), "holder", json!({"id": "did:example:holder"})));
    vp_refused(
        &with(vp(), "holder", json!("z6MkpJySvETLnxhQ")),
        Rule::HolderNotUrl,
        "/holder",
    );
    vp_refused(
        &with(vp(), "holder", json!({"name": "Acme"})),
        Rule::HolderNotUrl,
        "/holder/id",
    );
    vp_refused(
        &with(vp(), "holder", json!({"id": "z6Mk"})),
        Rule::HolderNotUrl,
        "/holder/id",
    );
}

#[test]
fn a_presentations_credentials_must_be_objects_that_conform() {
    vp_accepted(&with(vp(), "verifiableCredential", json!([vc(), vc()])));
    vp_refused(
        &with(
            vp(),
            "verifiableCredential",
            json!(["eyJhbGciOiJFUzI1NiJ9.e30.sig"]),
        ),
        Rule::PresentationCredentialNotObject,
        "/verifiableCredential/0",
    );
    let untyped = with(vc(), "type", json!([]));
    vp_refused(
        &with(vp(), "verifiableCredential", json!([vc(), untyped])),
        Rule::TypeNotTerms,
        "/verifiableCredential/1/type",
    );
}

#[test]
fn an_enveloped_credential_needs_context_type_and_a_data_url() {
    let env = json!({
        "@context": BASE,
        "type": "EnvelopedVerifiableCredential",
        "id": "data:application/vc+jwt,eyJhbGciOiJFZERTQSJ9.e30.c2ln"
    });
    assert_eq!(check_envelope(&env), Ok(()));
    vp_accepted(&with(vp(), "verifiableCredential", json!([env.clone()])));
    let rules = |doc: &Value| -> Vec<Rule> {
        check_envelope(doc)
            .unwrap_err()
            .into_iter()
            .map(|v| v.rule)
            .collect()
    };
    assert_eq!(
        rules(&with(env.clone(), "@context", json!([]))),
        [Rule::EnvelopeContext]
    );
    assert_eq!(
        rules(&with(
            env.clone(),
            "@context",
            json!("https://www.w3.org/ns/credentials/examples/v2")
        )),
        [Rule::EnvelopeContext]
    );
    assert_eq!(
        rules(&with(
            env.clone(),
            "id",
            json!("eyJhbGciOiJFZERTQSJ9.e30.c2ln")
        )),
        [Rule::EnvelopeIdNotDataUrl]
    );
    assert_eq!(
        rules(&with(env.clone(), "type", json!("VerifiableCredential"))),
        [Rule::EnvelopeType]
    );
    let mut untyped = env.clone();
    untyped.as_object_mut().unwrap().remove("type");
    assert_eq!(rules(&untyped), [Rule::EnvelopeType]);
    let vp_env = json!({
        "@context": BASE,
        "type": "EnvelopedVerifiablePresentation",
        "id": "data:application/vp+jwt,eyJhbGciOiJFZERTQSJ9.e30.c2ln"
    });
    assert_eq!(check_envelope(&vp_env), Ok(()));
    assert_eq!(
        rules(&with(vp_env, "type", json!(["VerifiablePresentation"]))),
        [Rule::EnvelopeType]
    );
}

// The report itself.

#[test]
fn every_violation_is_reported_with_its_code_and_never_a_value() {
    let doc = json!({
        "@context": [BASE],
        "type": ["VerifiableCredential"],
        "id": "secret-id-value",
        "issuer": "secret-issuer-value",
        "validFrom": "secret date value",
        "credentialSubject": {"id": "secret-subject-value"}
    });
    let violations = check_credential(&doc).unwrap_err();
    let rules: Vec<Rule> = violations.iter().map(|v| v.rule).collect();
    for rule in [
        Rule::IdNotUrl,
        Rule::IssuerNotUrl,
        Rule::ValidFromNotDateTimeStamp,
        Rule::SubjectIdNotUrl,
    ] {
        assert!(rules.contains(&rule), "{rule:?} missing from {rules:?}");
    }
    for v in &violations {
        let text = v.to_string();
        assert!(!text.contains("secret"), "{text}");
        assert!(text.contains(v.rule.code()), "{text}");
    }
}

#[test]
fn rule_codes_are_unique() {
    let mut codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), n);
}

#[test]
fn date_time_stamps_parse_to_instants() {
    let t = parse_date_time_stamp("2023-02-25T19:10:39-06:00").unwrap();
    assert_eq!(t.to_rfc3339(), "2023-02-26T01:10:39+00:00");
    let t = parse_date_time_stamp("2023-02-26T24:00:00Z").unwrap();
    assert_eq!(t.to_rfc3339(), "2023-02-27T00:00:00+00:00");
    assert!(parse_date_time_stamp("2023-02-26T24:00:01Z").is_none());
    assert!(parse_date_time_stamp("12023-02-26T00:00:00Z").is_some());
    assert!(parse_date_time_stamp("02023-02-26T00:00:00Z").is_none());
}

/// Runs every `credential-*` and `presentation-*` input of the W3C VC 2.0 data model test
/// suite through the checker, when `SKILLPASS_VC_DM_SUITE` names the suite's `tests/input`
/// directory (a checkout of github.com/w3c/vc-data-model-2.0-test-suite; its files are not
/// copied into this repository). `*-ok.json` must be accepted, `*-fail.json` and
/// `*-fail-or-inject.json` refused. Credentials get an issuer first when they have none,
/// as the suite's request builder does.
#[test]
#[ignore = "needs the W3C suite's inputs: SKILLPASS_VC_DM_SUITE=<suite>/tests/input, see CONFORMANCE.md"]
fn the_w3c_suite_inputs_are_judged_as_the_suite_expects() {
    let dir = std::env::var("SKILLPASS_VC_DM_SUITE")
        .expect("set SKILLPASS_VC_DM_SUITE to the VC DM 2.0 suite's tests/input directory");
    let dir = std::path::Path::new(&dir);
    let mut files = Vec::new();
    for sub in [dir.to_path_buf(), dir.join("names-and-descriptions")] {
        for entry in std::fs::read_dir(&sub).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    let mut wrong = Vec::new();
    let mut judged = 0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expect_ok = name.ends_with("-ok.json");
        let expect_fail = name.ends_with("-fail.json") || name.ends_with("-fail-or-inject.json");
        if !expect_ok && !expect_fail {
            continue;
        }
        let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let result = if name.starts_with("presentation-") {
            check_presentation(&doc)
        } else {
            // createRequestBody in the suite's mock.data.js.
            let fill = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
            match doc.get_mut("issuer") {
                Some(Value::Object(o)) if !o.contains_key("id") => {
                    o.insert("id".into(), json!(fill));
                }
                None => doc["issuer"] = json!(fill),
                _ => {}
            }
            // testTemporality in the suite's assertions.js fills the placeholders.
            let (past, future) = ("2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
            if name == "credential-validUntil-validFrom-ok.json" {
                doc["validFrom"] = json!(past);
                doc["validUntil"] = json!(future);
            } else if name == "credential-validUntil-validFrom-fail.json" {
                doc["validFrom"] = json!(future);
                doc["validUntil"] = json!(past);
            }
            check_credential(&doc)
        };
        judged += 1;
        match (expect_ok, result) {
            (true, Err(v)) => wrong.push(format!("{name}: refused {v:?}")),
            (false, Ok(())) => wrong.push(format!("{name}: accepted")),
            _ => {}
        }
    }
    assert!(
        judged > 100,
        "only {judged} inputs found in {}",
        dir.display()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
