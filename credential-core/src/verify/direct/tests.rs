#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use super::*;
use crate::alg::Algorithm;
use crate::i18n::Lang;
use crate::integrity::{self, ProofForm};
use crate::jws::{self, Header};
use crate::keys::SecretKey;
use crate::report::{Outcome, Verdict};
use crate::status::{status_list_credential, IssuerStatusList, StatusEntry, StatusPurpose};
use crate::verify::CheckId;

const LIST_URL: &str = "https://college.example/status/1";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// A VC 2.0 credential that is not one of Skillpass's types.
fn credential(issuer: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:0b2c5a6e-3c55-4a0f-9b1e-6f2a2f0d9b11",
        "type": ["VerifiableCredential"],
        "issuer": issuer,
        "validFrom": "2026-01-01T00:00:00Z",
        "validUntil": "2027-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:alice"}
    })
}

fn sign_jose(key: &SecretKey, kid: &str, document: &Value) -> String {
    jws::sign(
        key,
        &Header::new("vc+jwt", kid),
        &serde_json::to_vec(document).unwrap(),
    )
}

fn verify(input: &str) -> DirectReport {
    DirectVerifier::new(now(), &NoStatusLists).verify_text(input)
}

fn outcome(report: &DirectReport, id: CheckId) -> Outcome {
    report.check(id).unwrap().outcome
}

#[test]
fn a_jose_credential_verifies_with_the_key_of_its_did_key_for_each_curve() {
    for alg in [Algorithm::EdDSA, Algorithm::Es256, Algorithm::Es384] {
        let key = SecretKey::generate_for(alg);
        let public = key.public();
        let jws = sign_jose(&key, &public.did_url(), &credential(&public.did()));
        let report = verify(&jws);
        assert_eq!(report.verdict, Verdict::Valid, "{alg:?}: {report:#?}");
        assert_eq!(report.verified().unwrap().issuer(), public.did(), "{alg:?}");
    }
}

#[test]
fn a_jose_credential_verifies_with_the_key_of_its_did_jwk() {
    let key = SecretKey::generate_for(Algorithm::Es256);
    let did = key.public().did_jwk();
    let jws = sign_jose(&key, &format!("{did}#0"), &credential(&did));
    let report = verify(&jws);
    assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
}

#[test]
fn an_enveloped_credential_is_unwrapped_and_verified() {
    let key = SecretKey::generate();
    let public = key.public();
    let jws = sign_jose(&key, &public.did_url(), &credential(&public.did()));
    let envelope = json!({
        "@context": "https://www.w3.org/ns/credentials/v2",
        "type": "EnvelopedVerifiableCredential",
        "id": format!("data:application/vc+jwt,{jws}"),
    });
    let verifier = DirectVerifier::new(now(), &NoStatusLists);
    assert_eq!(verifier.verify_value(&envelope).verdict, Verdict::Valid);
    // The same as a JSON string (the compact JWS alone).
    assert_eq!(verifier.verify_value(&json!(jws)).verdict, Verdict::Valid);
}

#[test]
fn an_envelope_without_the_base_context_its_type_or_a_data_url_is_refused() {
    let key = SecretKey::generate();
    let public = key.public();
    let jws = sign_jose(&key, &public.did_url(), &credential(&public.did()));
    let good = json!({
        "@context": "https://www.w3.org/ns/credentials/v2",
        "type": "EnvelopedVerifiableCredential",
        "id": format!("data:application/vc+jwt,{jws}"),
    });
    let verifier = DirectVerifier::new(now(), &NoStatusLists);
    let mut cases = Vec::new();
    for (member, value) in [
        ("@context", json!([])),
        (
            "@context",
            json!("https://www.w3.org/ns/credentials/examples/v2"),
        ),
        ("type", json!("VerifiableCredential")),
        ("id", json!(jws)),
    ] {
        let mut bad = good.clone();
        bad[member] = value;
        cases.push(bad);
    }
    let mut no_type = good.clone();
    no_type.as_object_mut().unwrap().remove("type");
    cases.push(no_type);
    for bad in cases {
        let report = verifier.verify_value(&bad);
        assert_eq!(report.verdict, Verdict::Invalid, "{bad}");
        assert_eq!(report.failed(), ["well-formed"], "{bad}");
    }
}

#[test]
fn a_data_integrity_credential_verifies_with_its_did_key() {
    let key = SecretKey::generate();
    let public = key.public();
    let secured = integrity::sign(
        &credential(&public.did()),
        &key,
        &public.did_url(),
        now() - Duration::days(1),
        ProofForm::Object,
    )
    .unwrap();
    let verifier = DirectVerifier::new(now(), &NoStatusLists);
    let report = verifier.verify_value(&secured);
    assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
    // Altered after signing: the proof no longer verifies.
    let mut altered = secured.clone();
    altered["credentialSubject"]["id"] = json!("did:example:mallory");
    let report = verifier.verify_value(&altered);
    assert_eq!(report.failed(), ["signature"]);
}

#[test]
fn an_altered_jose_credential_fails_the_signature_check() {
    let key = SecretKey::generate();
    let public = key.public();
    let jws = sign_jose(&key, &public.did_url(), &credential(&public.did()));
    let mut parts: Vec<String> = jws.split('.').map(str::to_owned).collect();
    let mut other = credential(&public.did());
    other["credentialSubject"]["id"] = json!("did:example:mallory");
    parts[1] = base64::Engine::encode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        serde_json::to_vec(&other).unwrap(),
    );
    let report = verify(&parts.join("."));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.failed(), ["signature"]);
    assert!(report.verified().is_none());
}

#[test]
fn a_credential_signed_by_another_key_than_its_issuers_is_refused() {
    let issuer = SecretKey::generate().public();
    let intruder = SecretKey::generate();
    // The intruder names its own key: not a key of the issuer.
    let jws = sign_jose(
        &intruder,
        &intruder.public().did_url(),
        &credential(&issuer.did()),
    );
    let report = verify(&jws);
    assert_eq!(report.failed(), ["key-valid"]);
    assert_eq!(outcome(&report, CheckId::Signature), Outcome::Skipped);
    // The intruder names the issuer's key but signs with its own: the signature fails.
    let jws = sign_jose(&intruder, &issuer.did_url(), &credential(&issuer.did()));
    assert_eq!(verify(&jws).failed(), ["signature"]);
    // A kid that is a bare DID, not a DID URL.
    let key = SecretKey::generate();
    let jws = sign_jose(&key, &key.public().did(), &credential(&key.public().did()));
    assert_eq!(verify(&jws).failed(), ["key-valid"]);
}

#[test]
fn expired_and_not_yet_valid_credentials_fail_the_validity_period() {
    let key = SecretKey::generate();
    let public = key.public();
    let mut expired = credential(&public.did());
    expired["validUntil"] = json!("2026-05-01T00:00:00Z");
    let report = verify(&sign_jose(&key, &public.did_url(), &expired));
    assert_eq!(report.failed(), ["validity-period"]);
    let mut early = credential(&public.did());
    early["validFrom"] = json!("2026-07-01T00:00:00Z");
    let report = verify(&sign_jose(&key, &public.did_url(), &early));
    assert_eq!(report.failed(), ["validity-period"]);
    // No validity period at all is allowed by the data model.
    let mut open = credential(&public.did());
    open.as_object_mut().unwrap().remove("validFrom");
    open.as_object_mut().unwrap().remove("validUntil");
    let report = verify(&sign_jose(&key, &public.did_url(), &open));
    assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
}

#[test]
fn alg_none_and_hmac_are_refused_at_the_algorithm_check() {
    let key = SecretKey::generate();
    let public = key.public();
    let payload = serde_json::to_vec(&credential(&public.did())).unwrap();
    for alg in ["none", "HS256", "RS256"] {
        let header = json!({"alg": alg, "typ": "vc+jwt", "kid": public.did_url()});
        let jws = jws::sign_raw(&key, &serde_json::to_vec(&header).unwrap(), &payload);
        let report = verify(&jws);
        assert_eq!(report.failed(), ["algorithm"], "{alg}");
        assert_eq!(report.verdict, Verdict::Invalid, "{alg}");
    }
}

#[test]
fn a_data_model_violation_fails_the_schema_check() {
    let key = SecretKey::generate();
    let public = key.public();
    let mut bad = credential(&public.did());
    bad.as_object_mut().unwrap().remove("credentialSubject");
    let report = verify(&sign_jose(&key, &public.did_url(), &bad));
    assert_eq!(report.failed(), ["schema"]);
    let detail = report.check(CheckId::Schema).unwrap().detail.to_string();
    assert!(detail.contains("Data Model 2.0"), "{detail}");
}

#[test]
fn a_jwt_vc_1_1_payload_and_a_wrong_typ_are_not_well_formed() {
    let key = SecretKey::generate();
    let public = key.public();
    let legacy = json!({"vc": credential(&public.did()), "iss": public.did()});
    assert_eq!(
        verify(&sign_jose(&key, &public.did_url(), &legacy)).failed(),
        ["well-formed"]
    );
    let jws = jws::sign(
        &key,
        &Header::new("JWT", &public.did_url()),
        &serde_json::to_vec(&credential(&public.did())).unwrap(),
    );
    assert_eq!(verify(&jws).failed(), ["well-formed"]);
}

#[test]
fn too_large_or_unsecured_input_is_not_well_formed() {
    let huge = "a".repeat(crate::integrity::MAX_DI_CREDENTIAL_LEN + 1);
    let report = verify(&huge);
    assert_eq!(report.failed(), ["well-formed"]);
    assert!(report
        .check(CheckId::WellFormed)
        .unwrap()
        .detail
        .contains("limit"));
    let report = verify(&credential("did:example:issuer").to_string());
    assert_eq!(report.failed(), ["well-formed"]);
    assert!(report
        .check(CheckId::WellFormed)
        .unwrap()
        .detail
        .contains("nothing secures it"));
}

#[test]
fn the_report_says_in_json_and_words_that_accreditation_was_not_checked() {
    let key = SecretKey::generate();
    let public = key.public();
    let report = verify(&sign_jose(
        &key,
        &public.did_url(),
        &credential(&public.did()),
    ));
    let json = report.to_json_in(Lang::En);
    assert_eq!(json["profile"], "direct-key");
    assert_eq!(json["accreditation"]["checked"], false);
    assert!(json["accreditation"]["detail"]
        .as_str()
        .unwrap()
        .contains("not checked against a trust bundle"));
    for id in ["trust-bundle", "issuer-accredited", "bundle-fresh"] {
        let check = json["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == id)
            .unwrap();
        assert_eq!(check["outcome"], "skipped", "{id}");
        assert!(check["detail"]
            .as_str()
            .unwrap()
            .starts_with("not checked against a trust bundle"));
    }
    // The verdict is over the W3C checks: valid despite the three skipped.
    assert_eq!(json["verdict"], "valid");
    let words = report.to_words_in(Lang::En);
    assert!(
        words.contains("Accreditation: not checked against a trust bundle"),
        "{words}"
    );
    let german = report.to_json_in(Lang::De);
    assert!(german["accreditation"]["text"]
        .as_str()
        .unwrap()
        .contains("Vertrauensliste"));
}

/// A credential with a revocation entry at index 7 (not set), signed by a fresh issuer
/// key, and its list signed as `vc+jwt` by `list_signer`.
fn with_status(list_signer: &SecretKey) -> (String, String) {
    let key = SecretKey::generate();
    let public = key.public();
    let mut list = IssuerStatusList::new(LIST_URL, StatusPurpose::Revocation);
    list.allocate_specific(7).unwrap();
    let signer = list_signer.public();
    let list_doc = status_list_credential(&signer.did(), &list, now() - Duration::days(1));
    let list_jws = sign_jose(list_signer, &signer.did_url(), &list_doc);
    let mut doc = credential(&public.did());
    doc["credentialStatus"] =
        serde_json::to_value(StatusEntry::new(StatusPurpose::Revocation, 7, LIST_URL)).unwrap();
    (sign_jose(&key, &public.did_url(), &doc), list_jws)
}

#[test]
fn status_is_read_from_a_supplied_list_signed_by_the_issuer() {
    // The list signed by the credential's own issuer: build both with one key.
    let key = SecretKey::generate();
    let public = key.public();
    for revoked in [false, true] {
        let mut list = IssuerStatusList::new(LIST_URL, StatusPurpose::Revocation);
        list.allocate_specific(7).unwrap();
        list.set_status(7, revoked).unwrap();
        let list_doc = status_list_credential(&public.did(), &list, now() - Duration::days(1));
        let lists: BTreeMap<String, String> = [(
            LIST_URL.to_owned(),
            sign_jose(&key, &public.did_url(), &list_doc),
        )]
        .into();
        let mut doc = credential(&public.did());
        doc["credentialStatus"] =
            serde_json::to_value(StatusEntry::new(StatusPurpose::Revocation, 7, LIST_URL)).unwrap();
        let jws = sign_jose(&key, &public.did_url(), &doc);
        let report = DirectVerifier::new(now(), &lists).verify_text(&jws);
        if revoked {
            assert_eq!(report.failed(), ["status"]);
            assert!(report
                .check(CheckId::Status)
                .unwrap()
                .detail
                .contains("revoked"));
        } else {
            assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
        }
        // Without the list, the status cannot be decided: never valid.
        let report = verify(&jws);
        assert_eq!(report.verdict, Verdict::Indeterminate);
        assert_eq!(report.undecided(), ["status"]);
    }
}

#[test]
fn a_status_list_signed_by_someone_else_is_not_believed() {
    let other = SecretKey::generate();
    let (jws, list_jws) = with_status(&other);
    let lists: BTreeMap<String, String> = [(LIST_URL.to_owned(), list_jws)].into();
    let report = DirectVerifier::new(now(), &lists).verify_text(&jws);
    assert_eq!(report.failed(), ["status"]);
    assert!(report
        .check(CheckId::Status)
        .unwrap()
        .detail
        .contains("another issuer"));
}

#[test]
fn jwt_claims_beside_a_jose_credential_do_not_break_the_data_model() {
    let key = SecretKey::generate();
    let public = key.public();
    let mut doc = credential(&public.did());
    doc["iss"] = json!(public.did());
    doc["iat"] = json!(now().timestamp());
    let report = verify(&sign_jose(&key, &public.did_url(), &doc));
    assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
    // A member the data model does not define is still refused.
    doc["grade"] = json!("A");
    let report = verify(&sign_jose(&key, &public.did_url(), &doc));
    assert_eq!(report.failed(), ["schema"]);
}

/// A verification method as the VC-JOSE-COSE suite gives one: an https controller, the
/// key as a JWK named by its thumbprint.
fn method(key: &SecretKey, controller: &str) -> GivenKey {
    let public = key.public();
    let jwk = serde_json::to_value(public.to_jwk()).unwrap();
    let mut jwk = jwk.as_object().unwrap().clone();
    jwk.insert("alg".into(), json!(public.algorithm().name()));
    jwk.insert("kid".into(), json!(public.thumbprint()));
    GivenKey::from_value(&json!({
        "id": format!("{controller}#key-1"),
        "type": "JsonWebKey",
        "controller": controller,
        "publicKeyJwk": jwk,
    }))
    .unwrap()
}

#[test]
fn a_key_given_as_a_verification_method_verifies_its_controllers_credentials() {
    const ISSUER: &str = "https://example.issuer/vc-jose-cose";
    let key = SecretKey::generate_for(Algorithm::Es256);
    let kid = key.public().thumbprint();
    let sign = |doc: &Value| {
        jws::sign(
            &key,
            &Header::new("vc+jwt", &kid),
            &serde_json::to_vec(doc).unwrap(),
        )
    };
    let verifier = DirectVerifier::new(now(), &NoStatusLists)
        .with_keys(vec![method(&key, ISSUER)])
        .only_issuers(Vec::new());
    let mut doc = credential(ISSUER);
    doc["iss"] = json!(ISSUER);
    let report = verifier.verify_text(&sign(&doc));
    assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
    // `iss` naming someone else.
    doc["iss"] = json!("https://other.example");
    assert_eq!(verifier.verify_text(&sign(&doc)).failed(), ["key-valid"]);
    // Another issuer than the method's controller.
    let report = verifier.verify_text(&sign(&credential("https://other.example")));
    assert_eq!(report.failed(), ["key-valid"]);
    // A DID-encoded key is not taken when only JWKs were given.
    let other = SecretKey::generate();
    let report = verify_with(&verifier, &other);
    assert_eq!(report.failed(), ["key-valid"]);
}

fn verify_with(verifier: &DirectVerifier<'_>, key: &SecretKey) -> DirectReport {
    let public = key.public();
    verifier.verify_text(&sign_jose(
        key,
        &public.did_url(),
        &credential(&public.did()),
    ))
}

#[test]
fn a_private_jwk_or_an_alg_that_is_not_its_keys_is_refused() {
    let key = SecretKey::generate();
    let private: Value = serde_json::from_str(&key.to_private_jwk()).unwrap();
    assert_eq!(
        GivenKey::from_value(&private).unwrap_err(),
        GivenKeyError::Private
    );
    let mut public = serde_json::to_value(key.public().to_jwk()).unwrap();
    public["alg"] = json!("ES256");
    assert!(matches!(
        GivenKey::from_value(&public),
        Err(GivenKeyError::Alg(_))
    ));
}

#[test]
fn a_key_listed_by_two_controllers_verifies_for_the_one_that_is_the_issuer() {
    // The VC-JOSE-COSE suite lists one Ed25519 key under did:example:… and under an https
    // controller; the credential's issuer chooses which listing applies.
    const ISSUER: &str = "https://example.issuer/vc-jose-cose";
    let key = SecretKey::generate();
    let kid = key.public().thumbprint();
    let doc = credential(ISSUER);
    let jws = jws::sign(
        &key,
        &Header::new("vc+jwt", &kid),
        &serde_json::to_vec(&doc).unwrap(),
    );
    for keys in [
        vec![
            method(&key, "did:example:vc-jose-cose"),
            method(&key, ISSUER),
        ],
        vec![
            method(&key, ISSUER),
            method(&key, "did:example:vc-jose-cose"),
        ],
    ] {
        let verifier = DirectVerifier::new(now(), &NoStatusLists).with_keys(keys);
        let report = verifier.verify_text(&jws);
        assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
    }
    // Listed only by another controller: refused.
    let verifier = DirectVerifier::new(now(), &NoStatusLists)
        .with_keys(vec![method(&key, "did:example:vc-jose-cose")]);
    assert_eq!(verifier.verify_text(&jws).failed(), ["key-valid"]);
}

/// `credential` as an SD-JWT (`vc+sd-jwt`) whose subject's `name` is selectively
/// disclosable: the issuer's JWS over the payload with the digest, and the disclosure.
fn sign_sd_jwt(key: &SecretKey, document: &Value) -> (String, crate::sdjwt::Disclosure) {
    let disclosure = crate::sdjwt::Disclosure::new("name", json!("Alice Example"));
    let mut payload = document.clone();
    payload["credentialSubject"]["_sd"] = json!([disclosure.digest()]);
    payload["_sd_alg"] = json!("sha-256");
    let jws = jws::sign(
        key,
        &Header::new("vc+sd-jwt", &key.public().did_url()),
        &serde_json::to_vec(&payload).unwrap(),
    );
    (jws, disclosure)
}

#[test]
fn an_sd_jwt_credential_verifies_with_its_disclosures_put_back_and_bad_ones_are_refused() {
    for alg in Algorithm::ALL {
        let key = SecretKey::generate_for(alg);
        let (jws, disclosure) = sign_sd_jwt(&key, &credential(&key.public().did()));
        // Disclosed: the verified credential holds the claim, not its digest.
        let text = format!("{jws}~{}~", disclosure.encoded);
        let report = verify(&text);
        assert_eq!(report.verdict, Verdict::Valid, "{alg}: {report:#?}");
        let verified = report.verified().unwrap();
        assert_eq!(
            verified.document()["credentialSubject"]["name"],
            "Alice Example"
        );
        assert!(verified.document()["credentialSubject"]
            .get("_sd")
            .is_none());
        assert!(verified.document().get("_sd_alg").is_none());
        // Not disclosed: still valid, and the claim stays hidden.
        let report = verify(&format!("{jws}~"));
        assert_eq!(report.verdict, Verdict::Valid, "{alg}");
        assert!(report.verified().unwrap().document()["credentialSubject"]
            .get("name")
            .is_none());
        // In a VC-API envelope.
        let envelope = json!({
            "@context": "https://www.w3.org/ns/credentials/v2",
            "type": "EnvelopedVerifiableCredential",
            "id": format!("{ENVELOPED_SD_JWT_PREFIX}{text}"),
        });
        let report = DirectVerifier::new(now(), &NoStatusLists).verify_value(&envelope);
        assert_eq!(report.verdict, Verdict::Valid, "{alg}");
    }
    let key = SecretKey::generate();
    let (jws, disclosure) = sign_sd_jwt(&key, &credential(&key.public().did()));
    // A disclosure the issuer did not sign a digest of.
    let forged = crate::sdjwt::Disclosure::new("name", json!("Mallory"));
    let report = verify(&format!("{jws}~{}~", forged.encoded));
    assert_eq!(outcome(&report, CheckId::WellFormed), Outcome::Fail);
    assert!(report.verified().is_none());
    // The same disclosure twice, and one that is not base64url JSON.
    for bad in [
        format!("{jws}~{0}~{0}~", disclosure.encoded),
        format!("{jws}~not-a-disclosure!~"),
    ] {
        assert_eq!(
            outcome(&verify(&bad), CheckId::WellFormed),
            Outcome::Fail,
            "{bad}"
        );
    }
    // The issuer's JWS altered: the signature check fails.
    let mut parts: Vec<String> = jws.split('.').map(str::to_owned).collect();
    parts[2] = {
        let mut sig = parts[2].clone().into_bytes();
        sig[3] = if sig[3] == b'A' { b'B' } else { b'A' };
        String::from_utf8(sig).unwrap()
    };
    let altered = format!("{}~{}~", parts.join("."), disclosure.encoded);
    assert_eq!(
        outcome(&verify(&altered), CheckId::Signature),
        Outcome::Fail
    );
    // A vc+jwt typ on the issuer JWS of an SD-JWT is not well-formed.
    let wrong_typ = sign_jose(
        &key,
        &key.public().did_url(),
        &credential(&key.public().did()),
    );
    assert_eq!(
        outcome(&verify(&format!("{wrong_typ}~")), CheckId::WellFormed),
        Outcome::Fail
    );
    // An SD-JWT in a vc+jwt envelope, or a JWS in a vc+sd-jwt one, is refused.
    for id in [
        format!("data:application/vc+jwt,{jws}~{}~", disclosure.encoded),
        format!("{ENVELOPED_SD_JWT_PREFIX}{jws}"),
    ] {
        let envelope = json!({
            "@context": "https://www.w3.org/ns/credentials/v2",
            "type": "EnvelopedVerifiableCredential",
            "id": id,
        });
        let report = DirectVerifier::new(now(), &NoStatusLists).verify_value(&envelope);
        assert_eq!(outcome(&report, CheckId::WellFormed), Outcome::Fail, "{id}");
    }
}
