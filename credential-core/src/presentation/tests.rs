use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::Duration;
use serde_json::{json, Value};

use super::*;
use crate::credential::VC_CONTEXT_V2;
use crate::jws::{self, Header, UnverifiedJws};
use crate::keys::SecretKey;
use crate::testutil::Fixture;
use crate::verify::{Outcome, Verdict};

const EMPLOYER: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
const NONCE: &str = "n-0S6_WzA2Mj";

fn max_age() -> Duration {
    Duration::minutes(5)
}

/// The holder's own nurse credential, presented to `EMPLOYER` with `NONCE` at `at`.
fn presented_at(f: &Fixture, at: chrono::DateTime<chrono::Utc>) -> String {
    let vc = f.issue_to(&f.holder.public().did());
    present(&f.holder, &[vc], EMPLOYER, NONCE, at).unwrap()
}

/// `vp` verified against the fixture's bundle by a verifier named `audience` that handed
/// out `nonce`, accepting presentations up to five minutes old.
fn check(f: &Fixture, vp: &str, audience: &str, nonce: &str) -> PresentationReport {
    let bundle = f.bundle();
    verify_presentation(&f.verifier(&bundle), vp, audience, nonce, max_age())
}

#[test]
fn a_presentation_to_the_right_audience_and_nonce_is_valid() {
    let f = Fixture::new();
    let vc = f.issue_to(&f.holder.public().did());
    let vp = present(&f.holder, &[vc], EMPLOYER, NONCE, f.now).unwrap();
    let report = check(&f, &vp, EMPLOYER, NONCE);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    assert!(report.checks.iter().all(|c| c.outcome == Outcome::Pass));
    assert_eq!(report.credentials.len(), 1);
    assert_eq!(
        report.holder.as_deref(),
        Some(f.holder.public().did().as_str())
    );
}

#[test]
fn the_presentation_payload_is_a_vc2_presentation_with_enveloped_credentials() {
    let f = Fixture::new();
    let vc = f.issue_to(&f.holder.public().did());
    let vp = present(&f.holder, std::slice::from_ref(&vc), EMPLOYER, NONCE, f.now).unwrap();
    let parsed = UnverifiedJws::parse(&vp, MAX_PRESENTATION_LEN).unwrap();
    assert_eq!(parsed.header().typ.as_deref(), Some("vp+jwt"));
    assert_eq!(
        parsed.header().kid.as_deref(),
        Some(f.holder.public().did_url().as_str())
    );
    let payload: Value = serde_json::from_slice(parsed.payload()).unwrap();
    assert_eq!(payload["@context"][0], VC_CONTEXT_V2);
    assert_eq!(payload["type"], json!(["VerifiablePresentation"]));
    assert_eq!(payload["holder"], f.holder.public().did());
    assert_eq!(
        payload["verifiableCredential"][0],
        json!({
            "@context": VC_CONTEXT_V2,
            "type": "EnvelopedVerifiableCredential",
            "id": format!("data:application/vc+jwt,{vc}"),
        })
    );
    assert_eq!(payload["aud"], EMPLOYER);
    assert_eq!(payload["nonce"], NONCE);
    assert_eq!(
        payload["exp"].as_i64().unwrap() - payload["iat"].as_i64().unwrap(),
        PRESENTATION_LIFETIME_SECS
    );
}

#[test]
fn a_presentation_checked_with_another_nonce_is_invalid() {
    let f = Fixture::new();
    let vp = presented_at(&f, f.now);
    let report = check(&f, &vp, EMPLOYER, "another");
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.failed(), vec!["nonce"]);
}

#[test]
fn a_presentation_replayed_to_another_audience_is_invalid() {
    let f = Fixture::new();
    let vp = presented_at(&f, f.now);
    let bundle = f.bundle();
    let other = "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG";
    let report = verify_presentation(&f.verifier(&bundle), &vp, other, NONCE, max_age());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.failed(), vec!["audience"]);
}

#[test]
fn a_presentation_older_than_the_maximum_age_is_invalid() {
    let f = Fixture::new();
    let vp = presented_at(&f, f.now - Duration::minutes(6));
    let report = check(&f, &vp, EMPLOYER, NONCE);
    assert_eq!(report.failed(), vec!["freshness"]);
}

#[test]
fn an_expired_presentation_is_invalid_even_within_the_maximum_age() {
    let f = Fixture::new();
    let vp = presented_at(
        &f,
        f.now - Duration::seconds(PRESENTATION_LIFETIME_SECS + 1),
    );
    let bundle = f.bundle();
    let report = verify_presentation(
        &f.verifier(&bundle),
        &vp,
        EMPLOYER,
        NONCE,
        Duration::hours(1),
    );
    assert_eq!(report.failed(), vec!["freshness"]);
}

#[test]
fn a_presentation_dated_in_the_future_is_invalid() {
    let f = Fixture::new();
    let vp = presented_at(&f, f.now + Duration::minutes(10));
    let report = check(&f, &vp, EMPLOYER, NONCE);
    assert_eq!(report.failed(), vec!["freshness"]);
}

#[test]
fn someone_elses_credential_in_a_presentation_fails_holder_binding() {
    let f = Fixture::new();
    let thief = SecretKey::generate();
    // The thief cannot use `present` (it refuses), so it signs the envelope by hand.
    let vc = f.issue_to(&f.holder.public().did());
    let payload = json!({
        "@context": [VC_CONTEXT_V2],
        "type": ["VerifiablePresentation"],
        "holder": thief.public().did(),
        "verifiableCredential": [{"@context": VC_CONTEXT_V2, "type": "EnvelopedVerifiableCredential", "id": format!("{ENVELOPED_VC_PREFIX}{vc}")}],
        "aud": EMPLOYER, "nonce": NONCE, "iat": f.now.timestamp(),
    });
    let vp = jws::sign(
        &thief,
        &Header::new(TYP_VP, &thief.public().did_url()),
        &serde_json::to_vec(&payload).unwrap(),
    );
    let report = check(&f, &vp, EMPLOYER, NONCE);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.failed(), vec!["holder-binding"]);
}

#[test]
fn present_refuses_a_credential_issued_to_someone_else() {
    let f = Fixture::new();
    let other = SecretKey::generate();
    let vc = f.issue_to(&other.public().did());
    assert!(matches!(
        present(&f.holder, &[vc], EMPLOYER, NONCE, f.now),
        Err(PresentationError::NotTheHolders { index: 1, .. })
    ));
}

#[test]
fn a_presentation_signed_by_a_key_other_than_the_holders_fails_the_holder_signature() {
    let f = Fixture::new();
    let vp = presented_at(&f, f.now);
    // Re-sign the same header and payload with another key.
    let other = SecretKey::generate();
    let parsed = UnverifiedJws::parse(&vp, MAX_PRESENTATION_LEN).unwrap();
    let header = URL_SAFE_NO_PAD
        .decode(parsed.signing_input().split('.').next().unwrap())
        .unwrap();
    let forged = jws::sign_raw(&other, &header, parsed.payload());
    let report = check(&f, &forged, EMPLOYER, NONCE);
    assert_eq!(report.failed(), vec!["holder-signature"]);
}

#[test]
fn a_kid_naming_another_did_than_the_holder_fails_the_holder_signature() {
    let f = Fixture::new();
    let other = SecretKey::generate();
    let vc = f.issue_to(&f.holder.public().did());
    let payload = json!({
        "@context": [VC_CONTEXT_V2], "type": ["VerifiablePresentation"],
        "holder": f.holder.public().did(),
        "verifiableCredential": [{"@context": VC_CONTEXT_V2, "type": "EnvelopedVerifiableCredential", "id": format!("{ENVELOPED_VC_PREFIX}{vc}")}],
        "aud": EMPLOYER, "nonce": NONCE, "iat": f.now.timestamp(),
    });
    let vp = jws::sign(
        &other,
        &Header::new(TYP_VP, &other.public().did_url()),
        &serde_json::to_vec(&payload).unwrap(),
    );
    let report = check(&f, &vp, EMPLOYER, NONCE);
    assert_eq!(report.failed(), vec!["holder-signature"]);
}

#[test]
fn a_tampered_enclosed_credential_makes_the_presentation_invalid() {
    let f = Fixture::new();
    let vc = f.issue_to(&f.holder.public().did());
    // Flip one signature character of the credential, then present it properly signed.
    let mut bytes = vc.into_bytes();
    let last = bytes.len() - 2;
    bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).unwrap();
    let vp = present(&f.holder, &[tampered], EMPLOYER, NONCE, f.now).unwrap();
    let report = check(&f, &vp, EMPLOYER, NONCE);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.failed(), vec!["credential 1"]);
    assert!(report.credentials[0].failed().contains(&"signature"));
}

#[test]
fn a_vc_jwt_is_not_accepted_as_a_presentation() {
    let f = Fixture::new();
    let vc = f.issue_to(&f.holder.public().did());
    let report = check(&f, &vc, EMPLOYER, NONCE);
    assert_eq!(report.failed(), vec!["well-formed"]);
    assert!(report
        .checks
        .iter()
        .skip(1)
        .all(|c| c.outcome == Outcome::Skipped));
}

#[test]
fn alg_none_presentations_fail_the_algorithm_check() {
    let f = Fixture::new();
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"vp+jwt"}"#);
    let payload = URL_SAFE_NO_PAD.encode(b"{}");
    let vp = format!("{header}.{payload}.");
    let report = check(&f, &vp, EMPLOYER, NONCE);
    assert_eq!(report.verdict, Verdict::Invalid);
    // An empty signature segment is refused as malformed before the header is judged,
    // so sign it to reach the algorithm check.
    let signed = jws::sign_raw(&f.holder, br#"{"alg":"none","typ":"vp+jwt"}"#, b"{}");
    let report = check(&f, &signed, EMPLOYER, NONCE);
    assert_eq!(report.failed(), vec!["algorithm"]);
}

#[test]
fn oversized_presentations_are_refused_before_parsing() {
    let f = Fixture::new();
    let big = "a".repeat(MAX_PRESENTATION_LEN + 1);
    let report = check(&f, &big, EMPLOYER, NONCE);
    assert_eq!(report.failed(), vec!["well-formed"]);
}

#[test]
fn present_refuses_empty_lists_too_many_credentials_and_empty_nonces() {
    let f = Fixture::new();
    assert_eq!(
        present(&f.holder, &[], EMPLOYER, NONCE, f.now),
        Err(PresentationError::NoCredentials)
    );
    let vc = f.issue_to(&f.holder.public().did());
    let many = vec![vc.clone(); MAX_CREDENTIALS + 1];
    assert_eq!(
        present(&f.holder, &many, EMPLOYER, NONCE, f.now),
        Err(PresentationError::TooManyCredentials(MAX_CREDENTIALS + 1))
    );
    assert_eq!(
        present(&f.holder, &[vc], EMPLOYER, "", f.now),
        Err(PresentationError::Binding("nonce"))
    );
}

#[test]
fn several_credentials_are_each_verified_in_order() {
    let f = Fixture::new();
    let did = f.holder.public().did();
    let vp = present(
        &f.holder,
        &[f.issue_to(&did), f.issue_to(&did)],
        EMPLOYER,
        NONCE,
        f.now,
    )
    .unwrap();
    let report = check(&f, &vp, EMPLOYER, NONCE);
    assert_eq!(report.verdict, Verdict::Valid);
    assert_eq!(report.credentials.len(), 2);
    assert_eq!(peek_credentials_unchecked(&vp).unwrap().len(), 2);
}

#[test]
fn an_es256_holder_presents_valid_and_the_algorithm_check_names_es256() {
    let mut f = Fixture::new();
    f.holder = SecretKey::generate_for(crate::alg::Algorithm::Es256);
    let vp = presented_at(&f, f.now);
    let parsed = UnverifiedJws::parse(&vp, MAX_PRESENTATION_LEN).unwrap();
    assert_eq!(parsed.header().alg, "ES256");
    let report = check(&f, &vp, EMPLOYER, NONCE);
    assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    assert!(report
        .checks
        .iter()
        .any(|c| c.detail == "ES256 (P-256)" && c.outcome == Outcome::Pass));
    // The holder's header and payload signed by another P-256 key fail.
    let thief = SecretKey::generate_for(crate::alg::Algorithm::Es256);
    let segments: Vec<&str> = vp.split('.').collect();
    let forged = jws::sign_raw(
        &thief,
        &URL_SAFE_NO_PAD.decode(segments[0]).unwrap(),
        &URL_SAFE_NO_PAD.decode(segments[1]).unwrap(),
    );
    assert_eq!(
        forged.rsplit_once('.').unwrap().0,
        vp.rsplit_once('.').unwrap().0
    );
    assert_eq!(
        check(&f, &forged, EMPLOYER, NONCE).verdict,
        Verdict::Invalid
    );
}

mod direct {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use chrono::Utc;
    use serde_json::{json, Value};

    use crate::integrity::{self, ProofForm};
    use crate::jws::{self, Header};
    use crate::keys::SecretKey;
    use crate::presentation::{verify_presentation_direct, Binding};
    use crate::report::Verdict;

    const CHALLENGE: &str = "c-0f3a";
    const DOMAIN: &str = "employer.example";

    fn binding() -> Binding {
        Binding {
            challenge: Some(CHALLENGE.into()),
            domain: Some(DOMAIN.into()),
            now: Utc::now(),
        }
    }

    fn vp(holder: Option<&str>, credentials: Value) -> Value {
        let mut vp = json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiablePresentation"],
            "verifiableCredential": credentials,
        });
        if let Some(h) = holder {
            vp["holder"] = json!(h);
        }
        vp
    }

    fn signed(holder: &SecretKey, document: &Value) -> Value {
        let public = holder.public();
        integrity::sign_presentation(
            document,
            holder,
            &public.did_url(),
            Utc::now(),
            CHALLENGE,
            DOMAIN,
        )
        .unwrap()
    }

    #[test]
    fn a_data_integrity_presentation_without_a_holder_is_the_signers() {
        let key = SecretKey::generate();
        let report = verify_presentation_direct(&signed(&key, &vp(None, json!([]))), &binding());
        assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
        assert_eq!(report.holder.as_deref(), Some(key.public().did().as_str()));
        assert!(report.credentials.is_empty());
    }

    #[test]
    fn a_presentation_signed_by_another_key_than_its_holders_is_refused() {
        let holder = SecretKey::generate().public().did();
        let intruder = SecretKey::generate();
        let report = verify_presentation_direct(
            &signed(&intruder, &vp(Some(&holder), json!([]))),
            &binding(),
        );
        assert_eq!(report.failed(), ["holder-signature"]);
    }

    #[test]
    fn a_presentation_proof_for_assertion_is_refused_at_the_algorithm_check() {
        let key = SecretKey::generate();
        let public = key.public();
        let secured = integrity::sign(
            &vp(None, json!([])),
            &key,
            &public.did_url(),
            Utc::now(),
            ProofForm::Object,
        )
        .unwrap();
        let report = verify_presentation_direct(&secured, &binding());
        assert_eq!(report.failed(), ["algorithm"]);
    }

    #[test]
    fn credentials_that_are_not_objects_or_too_many_are_not_well_formed() {
        // As vp+jwt: such a presentation could not even be signed with Data Integrity.
        let key = SecretKey::generate();
        let public = key.public();
        for credentials in [
            json!(["https://example.com/vc/1"]),
            json!(vec![json!({}); 17]),
        ] {
            let mut payload = vp(None, credentials);
            payload["nonce"] = json!(CHALLENGE);
            payload["aud"] = json!(DOMAIN);
            let compact = jws::sign(
                &key,
                &Header::new("vp+jwt", &public.did_url()),
                &serde_json::to_vec(&payload).unwrap(),
            );
            let report = verify_presentation_direct(&json!(compact), &binding());
            assert_eq!(report.failed(), ["well-formed"]);
        }
    }

    #[test]
    fn a_vp_jwt_is_bound_by_nonce_and_aud_and_a_jwt_vc_1_1_payload_is_refused() {
        let key = SecretKey::generate();
        let public = key.public();
        let sign = |payload: &Value| {
            json!(jws::sign(
                &key,
                &Header::new("vp+jwt", &public.did_url()),
                &serde_json::to_vec(payload).unwrap()
            ))
        };
        let mut payload = vp(Some(&public.did()), json!([]));
        payload["nonce"] = json!(CHALLENGE);
        payload["aud"] = json!([DOMAIN, "other.example"]);
        let report = verify_presentation_direct(&sign(&payload), &binding());
        assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
        let other = Binding {
            challenge: Some("another".into()),
            domain: Some("elsewhere.example".into()),
            now: Utc::now(),
        };
        assert_eq!(
            verify_presentation_direct(&sign(&payload), &other).failed(),
            ["challenge", "domain"]
        );
        let legacy = json!({"vp": payload, "nonce": CHALLENGE, "aud": DOMAIN});
        assert_eq!(
            verify_presentation_direct(&sign(&legacy), &binding()).failed(),
            ["well-formed"]
        );
        let header = json!({"alg": "none", "typ": "vp+jwt", "kid": public.did_url()});
        let none = jws::sign_raw(
            &key,
            &serde_json::to_vec(&header).unwrap(),
            &serde_json::to_vec(&payload).unwrap(),
        );
        assert_eq!(
            verify_presentation_direct(&json!(none), &binding()).failed(),
            ["algorithm"]
        );
    }

    #[test]
    fn an_expired_or_future_presentation_fails_freshness() {
        let key = SecretKey::generate();
        let public = key.public();
        let now = Utc::now().timestamp();
        for (claim, at) in [("exp", now - 10), ("iat", now + 3600)] {
            let mut payload = vp(None, json!([]));
            payload["nonce"] = json!(CHALLENGE);
            payload["aud"] = json!(DOMAIN);
            payload[claim] = json!(at);
            let compact = jws::sign(
                &key,
                &Header::new("vp+jwt", &public.did_url()),
                &serde_json::to_vec(&payload).unwrap(),
            );
            let report = verify_presentation_direct(&json!(compact), &binding());
            assert_eq!(report.failed(), ["freshness"], "{claim}");
        }
        let future = integrity::sign_presentation(
            &vp(None, json!([])),
            &key,
            &public.did_url(),
            Utc::now() + chrono::Duration::hours(1),
            CHALLENGE,
            DOMAIN,
        )
        .unwrap();
        assert_eq!(
            verify_presentation_direct(&future, &binding()).failed(),
            ["freshness"]
        );
    }

    #[test]
    fn an_unsecured_presentation_is_not_well_formed() {
        let report = verify_presentation_direct(&vp(None, json!([])), &binding());
        assert_eq!(report.failed(), ["well-formed"]);
    }

    /// A vp+jwt signed by `key` under `kid`, naming `holder`, bound to the challenge and
    /// domain.
    fn jose_vp(key: &SecretKey, kid: &str, holder: Option<&str>) -> Value {
        let mut payload = vp(holder, json!([]));
        payload["nonce"] = json!(CHALLENGE);
        payload["aud"] = json!(DOMAIN);
        json!(jws::sign(
            key,
            &Header::new("vp+jwt", kid),
            &serde_json::to_vec(&payload).unwrap(),
        ))
    }

    #[test]
    fn a_holder_key_given_as_a_verification_method_verifies_a_presentation_of_its_controller() {
        use crate::presentation::verify_presentation_direct_with;
        use crate::verify::direct::GivenKey;
        let holder = "https://holder.example/people/7";
        for alg in crate::Algorithm::ALL {
            let key = SecretKey::generate_for(alg);
            let thumbprint = key.public().thumbprint();
            let method = |controller: &str| {
                let mut jwk = serde_json::to_value(key.public().to_jwk()).unwrap();
                jwk["kid"] = json!(thumbprint);
                GivenKey::from_value(&json!({
                    "id": format!("{controller}#key-1"),
                    "type": "JsonWebKey",
                    "controller": controller,
                    "publicKeyJwk": jwk,
                }))
                .unwrap()
            };
            let given = [method(holder)];
            // Named by the JWK's kid, by the method's id, with or without a holder.
            for (kid, named) in [
                (thumbprint.clone(), Some(holder)),
                (format!("{holder}#key-1"), Some(holder)),
                (thumbprint.clone(), None),
            ] {
                let report = verify_presentation_direct_with(
                    &jose_vp(&key, &kid, named),
                    &binding(),
                    &given,
                );
                assert_eq!(report.verdict, Verdict::Valid, "{alg}: {report:#?}");
                assert_eq!(report.holder.as_deref(), Some(holder));
                let signature = &report.checks[2];
                assert_eq!(signature.id.name(), "holder-signature");
                assert!(
                    signature
                        .detail
                        .contains("a key of the holder given directly"),
                    "{}",
                    signature.detail
                );
            }
            // Without the key given, the kid is no DID URL: refused.
            let report = verify_presentation_direct_with(
                &jose_vp(&key, &thumbprint, Some(holder)),
                &binding(),
                &[],
            );
            assert_eq!(report.failed(), ["holder-signature"], "{alg}");
            // The key is another controller's: not the holder's key.
            let report = verify_presentation_direct_with(
                &jose_vp(&key, &thumbprint, Some(holder)),
                &binding(),
                &[method("https://someone-else.example")],
            );
            assert_eq!(report.failed(), ["holder-signature"], "{alg}");
            assert!(report.checks[2]
                .detail
                .contains("not a key of the presentation's holder"));
            // Signed by another key under the given key's name.
            let intruder = SecretKey::generate_for(alg);
            let report = verify_presentation_direct_with(
                &jose_vp(&intruder, &thumbprint, Some(holder)),
                &binding(),
                &given,
            );
            assert_eq!(report.failed(), ["holder-signature"], "{alg}");
        }
    }
}
