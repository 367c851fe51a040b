//! Steps 1–5 for a credential secured with an embedded Data Integrity proof
//! (`eddsa-rdfc-2022`) instead of a JWS. The same checks run, in the same order, with the
//! same rules for the issuer and its key; what differs is how the credential is read and
//! what is signed:
//!
//! 1. `well-formed` — size limit, strict JSON, exactly one proof with its members, the VC
//!    2.0 envelope and known contexts, and expansion to RDF in safe mode (every term
//!    defined: a term dropped here would not be signed);
//! 2. `algorithm` — a `DataIntegrityProof` with the `eddsa-rdfc-2022` cryptosuite and the
//!    `assertionMethod` purpose, nothing else;
//! 3. `issuer-accredited` and 4. `key-valid` — as for a JWS, with the proof's
//!    `verificationMethod` in place of the `kid`;
//! 5. `signature` — Ed25519 over the hashes of the canonical proof options and the
//!    canonical credential, checked here since its canonical form is already at hand.

use super::check::CheckId;
use super::pending::{Pending, Securing};
use super::rules::accreditation;
use super::steps::key_valid;
use super::verifier::Verifier;
use crate::credential::{format_time, CheckedCredential};
use crate::integrity::{SecuredDocument, CRYPTOSUITE, MAX_DI_CREDENTIAL_LEN, PROOF_TYPE};
use crate::report::{Checks, Outcome};

impl Verifier<'_> {
    /// Steps 0–5 for a Data Integrity credential (JSON text).
    pub(super) fn examine_integrity<'a>(&self, input: &str) -> Pending<'a> {
        let mut checks = Checks::new();
        // 0. trust-bundle: checked once, when the bundle was opened.
        checks.push(
            CheckId::TrustBundle,
            Outcome::Pass,
            self.trust_detail.as_str(),
        );
        let stop = |mut checks: Checks<CheckId>, why: String| {
            checks.push(CheckId::WellFormed, Outcome::Fail, why);
            Pending::stopped(checks)
        };
        // 1a. size, before anything is parsed.
        let len = input.len();
        if len > MAX_DI_CREDENTIAL_LEN {
            return stop(
                checks,
                format!("{len} bytes, over the {MAX_DI_CREDENTIAL_LEN}-byte credential limit"),
            );
        }
        // 1b. strict JSON.
        let document = match crate::json::parse_strict(input.trim().as_bytes()) {
            Ok(d) => d,
            Err(e) => return stop(checks, format!("not strict JSON: {e}")),
        };
        // 1c. one proof with the members a proof has.
        let secured = match SecuredDocument::read(&document) {
            Ok(s) => s,
            Err(e) => return stop(checks, e.to_string()),
        };
        // 1d. the VC 2.0 envelope and its contexts.
        let credential = match CheckedCredential::from_value(&secured.unsecured) {
            Ok(c) => c,
            Err(e) => return stop(checks, e.to_string()),
        };
        // 2 (judged before the costly step 1e, reported after it). algorithm.
        if let Err(e) = secured.check_suite() {
            checks.push(
                CheckId::WellFormed,
                Outcome::Pass,
                format!("{len} bytes, VC 2.0 {} with a proof", credential.kind),
            );
            checks.push(CheckId::Algorithm, Outcome::Fail, e.to_string());
            return Pending::stopped(checks);
        }
        // 1e. every term defined: the canonical forms the proof signs.
        let hash = match secured.hash_data() {
            Ok(h) => h,
            Err(e) => return stop(checks, e.to_string()),
        };
        checks.push(
            CheckId::WellFormed,
            Outcome::Pass,
            format!(
                "{len} bytes, VC 2.0 {} with a Data Integrity proof, every term defined by its contexts",
                credential.kind
            ),
        );
        checks.push(
            CheckId::Algorithm,
            Outcome::Pass,
            format!("{PROOF_TYPE} {CRYPTOSUITE} (Ed25519)"),
        );
        // 3. issuer-accredited, at the issuance date.
        let valid_from = format_time(credential.valid_from);
        let (outcome, detail) = match self.bundle.issuer(&credential.issuer) {
            None => (
                Outcome::Fail,
                format!("issuer {} is not in the trust bundle", credential.issuer),
            ),
            Some(issuer) => accreditation(issuer, &credential, self.now, &valid_from),
        };
        checks.push(CheckId::IssuerAccredited, outcome, detail);
        // 4. key-valid: the verification method names a key of the issuer in the bundle.
        let (key, outcome, detail) = key_valid(
            self.bundle,
            Some(secured.proof.verification_method.as_str()),
            &credential,
            &valid_from,
        );
        checks.push(CheckId::KeyValid, outcome, detail);
        // 5. signature, with the trusted key.
        let checked_signature = key.map(|key| secured.signature_verifies(&hash, &key));
        Pending {
            checks,
            credential: Some((document, credential)),
            signature: None,
            checked_signature,
            securing: Securing::DataIntegrity,
            valid_from,
        }
    }
}
