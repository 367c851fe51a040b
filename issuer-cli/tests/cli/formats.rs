//! The ecosystem's formats (issue 13): issuing with a Data Integrity proof and verifying
//! it, exports to Open Badges 3.0 and the European Learning Model, ESCO occupations in
//! CSV batches, and the shipped JSON-LD contexts.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{json, Value};

use crate::batch::{row, HEADER};
use crate::harness::{check, code, failed_checks, nurse_claims, stderr, stdout, Scratch};

/// Operator and college keys, a bundle accrediting the college, and the nurse's
/// credential issued with a Data Integrity proof into `nurse.json`.
fn scene(d: &Scratch) -> String {
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    d.bundle(&college, &[]);
    d.issue_nurse(&["--securing", "data-integrity"], "nurse.json");
    operator
}

fn read_json(d: &Scratch, name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(d.path(name)).unwrap()).unwrap()
}

fn verify_json(d: &Scratch, operator: &str, file: &str) -> (i32, Value) {
    let out = d.run(&[
        "verify",
        file,
        "--bundle",
        "bundle.jws",
        "--anchor",
        operator,
        "--json",
    ]);
    (code(&out), serde_json::from_str(&stdout(&out)).unwrap())
}

#[test]
fn a_credential_issued_with_data_integrity_verifies_valid_with_the_ten_checks() {
    let d = Scratch::new();
    let operator = scene(&d);
    let credential = read_json(&d, "nurse.json");
    assert_eq!(credential["proof"]["type"], "DataIntegrityProof");
    assert_eq!(credential["proof"]["cryptosuite"], "eddsa-rdfc-2022");
    assert_eq!(credential["proof"]["proofPurpose"], "assertionMethod");
    let college = d.ok(&["key", "show", "college.key"]);
    assert!(college.contains(credential["proof"]["verificationMethod"].as_str().unwrap()));
    assert_eq!(
        credential["@context"],
        json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://skillpass.dev/contexts/skillpass-v1.jsonld"
        ])
    );
    let (exit, report) = verify_json(&d, &operator, "nurse.json");
    assert_eq!(
        (exit, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );
    assert_eq!(report["checks"].as_array().unwrap().len(), 10);
    assert_eq!(
        check(&report, "algorithm")["detail"],
        "DataIntegrityProof eddsa-rdfc-2022 (Ed25519)"
    );
}

#[test]
fn flipping_one_claim_of_a_data_integrity_credential_makes_it_invalid() {
    let d = Scratch::new();
    let operator = scene(&d);
    let mut credential = read_json(&d, "nurse.json");
    credential["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PQF-5"]);
    std::fs::write(d.path("flipped.json"), credential.to_string()).unwrap();
    let (exit, report) = verify_json(&d, &operator, "flipped.json");
    assert_eq!(exit, 1);
    assert_eq!(failed_checks(&report), ["signature"]);
}

#[test]
fn a_directory_of_jws_and_data_integrity_credentials_verifies_together() {
    let d = Scratch::new();
    let operator = scene(&d);
    std::fs::create_dir(d.path("creds")).unwrap();
    std::fs::rename(d.path("nurse.json"), d.path("creds/nurse.json")).unwrap();
    d.issue_nurse(&[], "creds/nurse.jwt");
    let out = d.run(&[
        "verify",
        "creds",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(
        stdout(&out).ends_with("2 valid, 0 invalid, 0 indeterminate\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn securing_with_data_integrity_and_as_an_sd_jwt_are_refused_together() {
    let d = Scratch::new();
    d.key("college.key");
    let claims = nurse_claims();
    let out = d.run(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        claims.to_str().unwrap(),
        "--holder",
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        "--sd-jwt",
        "--securing",
        "data-integrity",
        "--out",
        "x.json",
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_csv_batch_issues_data_integrity_credentials_with_esco_occupations() {
    let d = Scratch::new();
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    d.bundle(&college, &[]);
    let esco = "http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba";
    let header = format!("{HEADER},esco_occupation");
    let csv = format!(
        "{header}\n{},{esco}\n{},not-a-uri\n",
        row(&[]),
        row(&[("name", "Jose Rizal")])
    );
    std::fs::write(d.path("batch.csv"), csv).unwrap();
    let out = d.run(&[
        "issue",
        "--key",
        "college.key",
        "--csv",
        "batch.csv",
        "--out-dir",
        "creds",
        "--securing",
        "data-integrity",
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("esco_occupation"), "{}", stderr(&out));
    let credential = read_json(&d, "creds/row-000002.json");
    assert_eq!(
        credential["credentialSubject"]["qualification"]["occupation"],
        json!({"isco08": "2221", "esco": esco})
    );
    let (exit, report) = verify_json(&d, &operator, "creds/row-000002.json");
    assert_eq!(
        (exit, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );
    // The directory: its one credential, not the batch's summary.json beside it.
    assert!(d.path("creds/summary.json").exists());
    let out = d.run(&[
        "verify",
        "creds",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    // One input, so the one full report (two would be listed line by line).
    assert!(stdout(&out).starts_with("VALID"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("summary.json"), "{}", stdout(&out));
}

#[test]
fn export_ob3_writes_a_signed_open_badge_and_only_for_the_issuers_key() {
    let d = Scratch::new();
    scene(&d);
    d.issue_nurse(&[], "nurse.jwt");
    for input in ["nurse.jwt", "nurse.json"] {
        d.ok(&[
            "export",
            "ob3",
            input,
            "--key",
            "college.key",
            "--out",
            "badge.json",
        ]);
        let badge = read_json(&d, "badge.json");
        assert_eq!(
            badge["type"],
            json!(["VerifiableCredential", "OpenBadgeCredential"])
        );
        assert_eq!(badge["proof"][0]["cryptosuite"], "eddsa-rdfc-2022");
        assert_eq!(
            badge["credentialSubject"]["achievement"]["name"],
            "Bachelor of Science in Nursing"
        );
    }
    d.key("stranger.key");
    let out = d.run(&[
        "export",
        "ob3",
        "nurse.jwt",
        "--key",
        "stranger.key",
        "--out",
        "b2.json",
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("only its issuer can sign"),
        "{}",
        stderr(&out)
    );
    assert!(!d.path("b2.json").exists());
}

#[test]
fn export_elm_carries_the_isced_f_field_and_says_when_there_is_no_eqf_level() {
    let d = Scratch::new();
    scene(&d);
    let out = d.run(&["export", "elm", "nurse.json", "--out", "edc.json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("not a sealed European Digital Credential"));
    assert!(
        stderr(&out).contains("no EQF level: PQF-6"),
        "{}",
        stderr(&out)
    );
    let elm = read_json(&d, "edc.json");
    let spec = &elm["credentialSubject"]["hasClaim"][0]["specifiedBy"];
    assert_eq!(
        spec["ISCEDFCode"][0]["id"],
        "http://data.europa.eu/snb/isced-f/0913"
    );
    assert!(spec.get("eqfLevel").is_none());
}

#[test]
fn export_elm_gives_the_eqf_level_of_an_officially_referenced_level() {
    let d = Scratch::new();
    let college = d.key("college.key");
    d.key("operator.key");
    d.bundle(&college, &[]);
    let mut claims: Value =
        serde_json::from_str(&std::fs::read_to_string(nurse_claims()).unwrap()).unwrap();
    claims["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PQF-6", "EQF-6"]);
    std::fs::write(d.path("claims.json"), claims.to_string()).unwrap();
    d.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        "claims.json",
        "--out",
        "c.jwt",
    ]);
    d.ok(&["export", "elm", "c.jwt", "--out", "edc.json"]);
    let elm = read_json(&d, "edc.json");
    assert_eq!(
        elm["credentialSubject"]["hasClaim"][0]["specifiedBy"]["eqfLevel"]["id"],
        "http://data.europa.eu/snb/eqf/6"
    );
}

#[test]
fn export_refuses_a_tampered_credential() {
    let d = Scratch::new();
    scene(&d);
    let mut credential = read_json(&d, "nurse.json");
    credential["credentialSubject"]["name"] = json!("Someone Else");
    std::fs::write(d.path("tampered.json"), credential.to_string()).unwrap();
    let out = d.run(&["export", "elm", "tampered.json", "--out", "edc.json"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("does not verify"), "{}", stderr(&out));
}

#[test]
fn the_context_command_writes_the_shipped_context_and_lists_all_with_digests() {
    let d = Scratch::new();
    d.ok(&["context", "--out", "skillpass-v1.jsonld"]);
    let shipped = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../contexts/skillpass-v1.jsonld"),
    )
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(d.path("skillpass-v1.jsonld")).unwrap(),
        shipped
    );
    let list = d.ok(&["context", "--list"]);
    assert!(
        list.contains("https://skillpass.dev/contexts/skillpass-v1.jsonld\n  digestSRI sha384-")
    );
    assert!(list.contains("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
    let out = d.run(&["context", "nope.jsonld"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("skillpass-v1.jsonld"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_data_integrity_credential_keeps_a_bitstring_status_list_and_is_revoked_like_a_jws() {
    let d = Scratch::new();
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    d.ok(&[
        "status",
        "init",
        "--key",
        "college.key",
        "--out",
        "college.status.json",
        "--base-url",
        "https://college.example/status",
    ]);
    // Accredited (and the lists carried) before the credential is issued.
    d.bundle(&college, &["--status-list", "college.status.json"]);
    d.issue_nurse(
        &[
            "--securing",
            "data-integrity",
            "--status",
            "college.status.json",
        ],
        "nurse.json",
    );
    let credential = read_json(&d, "nurse.json");
    let entries = credential["credentialStatus"].as_array().unwrap();
    assert!(entries
        .iter()
        .all(|e| e["type"] == "BitstringStatusListEntry"));
    assert!(entries.iter().any(|e| e["statusPurpose"] == "revocation"));
    let (exit, report) = verify_json(&d, &operator, "nurse.json");
    assert_eq!(
        (exit, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );

    d.ok(&[
        "revoke",
        "nurse.json",
        "--key",
        "college.key",
        "--status",
        "college.status.json",
    ]);
    d.bundle(&college, &["--status-list", "college.status.json"]);
    let (exit, report) = verify_json(&d, &operator, "nurse.json");
    assert_eq!(exit, 1, "{report:#}");
    assert_eq!(failed_checks(&report), ["status"]);
    assert!(check(&report, "status")["detail"]
        .as_str()
        .unwrap()
        .contains("revoked"));
}

/// The bits of a status list credential's `encodedList` (read with core's own decoder).
fn list_bits(list: &Value) -> credential_core::status::Bitstring {
    credential_core::status::Bitstring::decode(
        list["credentialSubject"]["encodedList"].as_str().unwrap(),
    )
    .unwrap()
}

#[test]
fn status_list_credential_writes_the_current_list_to_host_as_a_jws_or_with_a_data_integrity_proof()
{
    let d = Scratch::new();
    let college = d.key("college.key");
    d.ok(&[
        "status",
        "init",
        "--key",
        "college.key",
        "--out",
        "college.status.json",
        "--base-url",
        "https://college.example/status",
    ]);
    d.issue_nurse(
        &[
            "--securing",
            "data-integrity",
            "--status",
            "college.status.json",
        ],
        "nurse.json",
    );
    let credential = read_json(&d, "nurse.json");
    let entry = credential["credentialStatus"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["statusPurpose"] == "revocation")
        .unwrap()
        .clone();
    let index: usize = entry["statusListIndex"].as_str().unwrap().parse().unwrap();
    d.ok(&[
        "revoke",
        "nurse.json",
        "--key",
        "college.key",
        "--status",
        "college.status.json",
    ]);

    // Data Integrity: JSON whose proof core verifies with the issuer's key, naming the URL
    // the credential's entry points at, with the credential's bit set.
    let printed = d.ok(&[
        "status",
        "list-credential",
        "--key",
        "college.key",
        "--status",
        "college.status.json",
        "--securing",
        "data-integrity",
        "--out",
        "revocation.json",
    ]);
    assert!(printed.contains("as application/vc"), "{printed}");
    let list = read_json(&d, "revocation.json");
    let public = credential_core::PublicKey::from_did(&college).unwrap();
    credential_core::integrity::verify(&list, &public).expect("the proof verifies");
    assert_eq!(list["id"], entry["statusListCredential"]);
    assert_eq!(list["issuer"], json!(college));
    assert_eq!(list["credentialSubject"]["statusPurpose"], "revocation");
    let bits = list_bits(&list);
    assert!(bits.get(index).unwrap());
    assert_eq!(bits.count_set(), 1);
    // Changing a bit breaks the proof: the list cannot be edited after signing.
    let mut edited = list.clone();
    edited["credentialSubject"]["encodedList"] =
        json!(credential_core::status::Bitstring::minimum().encode());
    assert!(credential_core::integrity::verify(&edited, &public).is_err());

    // JOSE: a compact vc+jwt of the same list; the suspension list has no bit set.
    d.ok(&[
        "status",
        "list-credential",
        "--key",
        "college.key",
        "--status",
        "college.status.json",
        "--purpose",
        "suspension",
        "--out",
        "suspension.jwt",
    ]);
    let jws = std::fs::read_to_string(d.path("suspension.jwt")).unwrap();
    let parts: Vec<&str> = jws.trim().split('.').collect();
    assert_eq!(parts.len(), 3);
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).unwrap()).unwrap();
    assert_eq!(header["typ"], "vc+jwt");
    let payload: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    assert_eq!(payload["credentialSubject"]["statusPurpose"], "suspension");
    assert_eq!(list_bits(&payload).count_set(), 0);

    // Refused: another key, a P-256 key for Data Integrity, an unknown purpose.
    d.key("other.key");
    let out = d.run(&[
        "status",
        "list-credential",
        "--key",
        "other.key",
        "--status",
        "college.status.json",
        "--out",
        "x.jwt",
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("is not the issuer of this status list file"));
    let out = d.run(&[
        "status",
        "list-credential",
        "--key",
        "college.key",
        "--status",
        "college.status.json",
        "--purpose",
        "refresh",
        "--out",
        "x.jwt",
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("revocation or suspension"),
        "{}",
        stderr(&out)
    );
    d.ok(&["key", "new", "--alg", "ES256", "--out", "p256.key"]);
    d.ok(&[
        "status",
        "init",
        "--key",
        "p256.key",
        "--out",
        "p256.status.json",
        "--base-url",
        "https://college.example/status",
    ]);
    let out = d.run(&[
        "status",
        "list-credential",
        "--key",
        "p256.key",
        "--status",
        "p256.status.json",
        "--securing",
        "data-integrity",
        "--out",
        "x.jwt",
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("needs an Ed25519 key"),
        "{}",
        stderr(&out)
    );
    assert!(!d.path("x.jwt").exists());
}

/// The payload of a compact JWS file.
fn jws_payload(d: &Scratch, name: &str) -> (Value, Value) {
    let text = std::fs::read_to_string(d.path(name)).unwrap();
    let parts: Vec<&str> = text.trim().split('.').collect();
    let part = |i: usize| -> Value {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[i]).unwrap()).unwrap()
    };
    (part(0), part(1))
}

#[test]
fn issue_vc_signs_any_w3c_credential_as_the_key_or_its_controller_and_refuses_by_rule() {
    let d = Scratch::new();
    let college = d.key("college.key");
    let minimal = json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/examples/v2"
        ],
        "type": ["VerifiableCredential", "ExampleCredential"],
        "credentialSubject": {"id": "did:example:subject"}
    });
    std::fs::write(d.path("vc.json"), minimal.to_string()).unwrap();

    // The issuer is filled in with the key's DID; the JWS is a vc+jwt under its DID URL.
    d.ok(&[
        "issue",
        "--vc",
        "vc.json",
        "--key",
        "college.key",
        "--out",
        "a.jwt",
    ]);
    let (header, payload) = jws_payload(&d, "a.jwt");
    assert_eq!(header["typ"], "vc+jwt");
    assert_eq!(header["kid"], json!(format!("{college}#{}", &college[8..])));
    assert_eq!(payload["issuer"], json!(college));
    assert_eq!(payload["credentialSubject"], minimal["credentialSubject"]);

    // Under a controller document's key id, the issuer is the controller's URL.
    d.ok(&[
        "issue",
        "--vc",
        "vc.json",
        "--key",
        "college.key",
        "--kid",
        "https://college.example/issuer#key-1",
        "--out",
        "b.jwt",
    ]);
    let (header, payload) = jws_payload(&d, "b.jwt");
    assert_eq!(header["kid"], "https://college.example/issuer#key-1");
    assert_eq!(payload["issuer"], "https://college.example/issuer");

    // Data Integrity with status entries allocated from a status list file.
    d.ok(&[
        "status",
        "init",
        "--key",
        "college.key",
        "--out",
        "st.json",
        "--base-url",
        "https://college.example/status",
    ]);
    d.ok(&[
        "issue",
        "--vc",
        "vc.json",
        "--key",
        "college.key",
        "--securing",
        "data-integrity",
        "--status",
        "st.json",
        "--out",
        "c.json",
    ]);
    let c = read_json(&d, "c.json");
    let public = credential_core::PublicKey::from_did(&college).unwrap();
    credential_core::integrity::verify(&c, &public).expect("the proof verifies");
    let entries = c["credentialStatus"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e["statusListCredential"]
        .as_str()
        .unwrap()
        .starts_with("https://college.example/status/")));

    // Refusals, each naming why, and nothing written.
    let refused = |doc: Value, extra: &[&str], says: &str| {
        std::fs::write(d.path("bad.json"), doc.to_string()).unwrap();
        let mut args = vec![
            "issue",
            "--vc",
            "bad.json",
            "--key",
            "college.key",
            "--out",
            "x",
        ];
        args.extend_from_slice(extra);
        let out = d.run(&args);
        assert_eq!(code(&out), 2, "{doc}");
        assert!(stderr(&out).contains(says), "{says}: {}", stderr(&out));
        assert!(!d.path("x").exists());
    };
    let mut other = minimal.clone();
    other["issuer"] = json!("did:example:someone-else");
    refused(other, &[], "names another issuer");
    let mut vc_claim = minimal.clone();
    vc_claim["vc"] = json!("oops");
    refused(vc_claim, &[], "must not carry `vc` or `vp`");
    let mut no_subject = minimal.clone();
    no_subject
        .as_object_mut()
        .unwrap()
        .remove("credentialSubject");
    refused(no_subject, &[], "credentialSubject");
    let mut bad_type = minimal.clone();
    bad_type["type"] = json!(["ExampleCredential"]);
    refused(bad_type, &[], "VerifiableCredential");
    let other_key = d.key("other.key");
    refused(
        minimal.clone(),
        &["--kid", &format!("{other_key}#{}", &other_key[8..])],
        "must be this key's own",
    );
    refused(
        minimal.clone(),
        &["--kid", "college-key-1"],
        "absolute https URL",
    );
    for kid in [
        "https://college.example/issuer",
        "https:///issuer#key-1",
        "https://college.example/issuer#key 1",
        "ftp://college.example/issuer#key-1",
    ] {
        refused(minimal.clone(), &["--kid", kid], "absolute https URL");
    }
    refused(json!([1, 2]), &[], "is not a JSON object");
}

/// `present --vp` of `doc` with `holder.key` fails with exit 2, says `says` and writes no
/// output.
fn present_vp_refuses(d: &Scratch, doc: &Value, says: &str) {
    std::fs::write(d.path("bad.json"), doc.to_string()).unwrap();
    let out = d.run(&[
        "present",
        "--vp",
        "bad.json",
        "--key",
        "holder.key",
        "--out",
        "x",
    ]);
    assert_eq!(code(&out), 2, "{doc}");
    assert!(stderr(&out).contains(says), "{says}: {}", stderr(&out));
    assert!(!d.path("x").exists());
}

#[test]
fn present_vp_signs_a_w3c_presentation_of_enveloped_credentials_and_refuses_unsecured_ones() {
    let d = Scratch::new();
    let college = d.key("college.key");
    let holder = d.key("holder.key");
    std::fs::write(
        d.path("vc.json"),
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential"],
            "credentialSubject": {"id": holder}
        })
        .to_string(),
    )
    .unwrap();
    d.ok(&[
        "issue",
        "--vc",
        "vc.json",
        "--key",
        "college.key",
        "--out",
        "vc.jwt",
    ]);
    let jws = std::fs::read_to_string(d.path("vc.jwt")).unwrap();
    let envelope = json!({
        "@context": "https://www.w3.org/ns/credentials/v2",
        "type": "EnvelopedVerifiableCredential",
        "id": format!("data:application/vc+jwt,{}", jws.trim())
    });
    let vp = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [envelope]
    });
    std::fs::write(d.path("vp.json"), vp.to_string()).unwrap();
    d.ok(&[
        "present",
        "--vp",
        "vp.json",
        "--key",
        "holder.key",
        "--audience",
        "did:example:employer",
        "--nonce",
        "n-123",
        "--out",
        "vp.jwt",
    ]);
    let (header, payload) = jws_payload(&d, "vp.jwt");
    assert_eq!(header["typ"], "vp+jwt");
    assert_eq!(payload["holder"], json!(holder));
    assert_eq!(payload["verifiableCredential"][0], envelope);
    assert_eq!(
        (payload["aud"].as_str(), payload["nonce"].as_str()),
        (Some("did:example:employer"), Some("n-123"))
    );
    assert!(payload.get("vp").is_none() && payload.get("proof").is_none());
    let _ = college;

    // An unsecured credential, and an envelope whose JWS is broken.
    let mut unsecured = vp.clone();
    unsecured["verifiableCredential"] = json!([{
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": college,
        "credentialSubject": {"id": holder}
    }]);
    present_vp_refuses(&d, &unsecured, "must be secured and enveloped");
    let mut broken = vp.clone();
    broken["verifiableCredential"][0]["id"] =
        json!(format!("data:application/vc+jwt,{}", &jws.trim()[1..]));
    present_vp_refuses(&d, &broken, "must be secured and enveloped");
    let mut other_holder = vp.clone();
    other_holder["holder"] = json!("did:example:someone-else");
    present_vp_refuses(&d, &other_holder, "names another holder");
    let mut vp_claim = vp.clone();
    vp_claim["vp"] = json!({});
    present_vp_refuses(&d, &vp_claim, "must not carry `vc` or `vp`");
    let mut not_a_vp = vp.clone();
    not_a_vp["type"] = json!(["Presentation"]);
    present_vp_refuses(&d, &not_a_vp, "VerifiablePresentation");
    // With --vp, an audience without a nonce (or the reverse) is refused, not half-bound.
    let out = d.run(&[
        "present",
        "--vp",
        "vp.json",
        "--key",
        "holder.key",
        "--audience",
        "did:example:x",
        "--out",
        "half.jwt",
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--nonce"), "{}", stderr(&out));
    assert!(!d.path("half.jwt").exists());
    // Without --vp, --audience and --nonce stay required.
    let out = d.run(&["present", "--key", "holder.key", "vc.jwt"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--audience"), "{}", stderr(&out));
}

#[test]
fn present_vp_takes_a_cose_sign1_credential_beside_a_jose_one_and_refuses_other_bytes() {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;
    let d = Scratch::new();
    d.key("holder.key");
    // A COSE_Sign1 (tag 18, four members): protected {1: -7}, unprotected {}, payload,
    // signature. The holder presents it; verifying it is the verifier's task.
    let sign1 = [
        0xd2, 0x84, 0x43, 0xa1, 0x01, 0x26, 0xa0, 0x43, b'{', b' ', b'}', 0x41, 0x00,
    ];
    let cose = |bytes: &[u8]| {
        json!({
            "@context": "https://www.w3.org/ns/credentials/v2",
            "type": "EnvelopedVerifiableCredential",
            "id": format!("data:application/vc+cose;base64,{}", STANDARD.encode(bytes))
        })
    };
    let vp = |credential: Value| {
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiablePresentation"],
            "verifiableCredential": [credential]
        })
    };
    std::fs::write(d.path("vp.json"), vp(cose(&sign1)).to_string()).unwrap();
    d.ok(&[
        "present",
        "--vp",
        "vp.json",
        "--key",
        "holder.key",
        "--out",
        "vp.jwt",
    ]);
    let (_, payload) = jws_payload(&d, "vp.jwt");
    assert_eq!(payload["verifiableCredential"][0], cose(&sign1));
    // The same without its base64 padding and with a line break (as the W3C suite's
    // fixtures write it; WHATWG's forgiving-base64 reads both).
    let mut unpadded = cose(&sign1);
    unpadded["id"] = json!(format!(
        "{}\n",
        unpadded["id"].as_str().unwrap().trim_end_matches('=')
    ));
    assert_ne!(unpadded, cose(&sign1));
    std::fs::write(d.path("vp2.json"), vp(unpadded).to_string()).unwrap();
    d.ok(&[
        "present",
        "--vp",
        "vp2.json",
        "--key",
        "holder.key",
        "--out",
        "vp2.jwt",
    ]);
    // Not tag 18, not four members, a header that is no byte string, not base64: refused.
    let mut untagged = sign1;
    untagged[0] = 0xd1;
    let mut three = sign1;
    three[1] = 0x83;
    let mut map_header = sign1;
    map_header[2] = 0xa1;
    let mut not_base64 = cose(&sign1);
    not_base64["id"] = json!("data:application/vc+cose;base64,0oRD!!");
    for bad in [
        cose(&untagged),
        cose(&three),
        cose(&map_header),
        cose(&[]),
        not_base64,
    ] {
        present_vp_refuses(&d, &vp(bad), "must be secured and enveloped");
    }
}
