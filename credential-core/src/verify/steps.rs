//! The credential checks as numbered steps. Steps 0–4 run before the signature (which
//! [`super::verifier`] checks one by one or in batches), steps 5–9 after it. Each step
//! records its check; a step that cannot hand the next one what it needs stops the
//! credential there, and the checks that never ran are reported as skipped.

use serde_json::Value;

use super::check::CheckId;
use super::pending::{Pending, Read, Reading, Securing};
use super::rules::{accreditation, damaged, status, validity};
use super::verifier::Verifier;
use crate::credential::{format_time, CheckedCredential};
use crate::jws::{JwsError, UnverifiedJws};
use crate::keys::PublicKey;
use crate::report::{Checks, Outcome};
use crate::signed::{self, Kind};
use crate::trust::VerifiedBundle;

/// Why a token could not be read, as the checks report it.
enum Unreadable {
    /// `well-formed` fails with this detail.
    Malformed(String),
    /// `well-formed` passes (the header was readable) and `algorithm` fails with this.
    Algorithm(String),
}

/// Steps 1a–1c: the compact JWS within the size limit, an acceptable algorithm, a strict
/// JSON payload, and the header `typ` this kind of credential carries.
fn read_payload<K: Kind>(compact: &str) -> Result<(UnverifiedJws<'_>, Value), Unreadable> {
    let jws = signed::parse::<K>(compact.trim()).map_err(|e| match e {
        JwsError::Algorithm(_) | JwsError::Crit => Unreadable::Algorithm(e.to_string()),
        e => Unreadable::Malformed(damaged(compact, &e)),
    })?;
    let document = crate::json::parse_strict(jws.payload())
        .map_err(|e| Unreadable::Malformed(format!("payload is not strict JSON: {e}")))?;
    if !K::typ_ok(jws.header().typ.as_deref()) {
        return Err(Unreadable::Malformed(format!(
            "header typ must be {}",
            K::TYP
        )));
    }
    Ok((jws, document))
}

/// Step 4 (`key-valid`): the `kid` names a key of the credential's own issuer in the
/// bundle, valid at the issuance date; returns that key when it does.
pub(super) fn key_valid(
    bundle: &VerifiedBundle,
    kid: Option<&str>,
    credential: &CheckedCredential,
    valid_from: &str,
) -> (Option<PublicKey>, Outcome, String) {
    let Some(kid) = kid else {
        return (None, Outcome::Fail, "the header has no kid".into());
    };
    let Some(key) = bundle.key(kid) else {
        return (
            None,
            Outcome::Fail,
            format!("key {kid} is not in the trust bundle"),
        );
    };
    if key.issuer.id != credential.issuer {
        return (
            None,
            Outcome::Fail,
            format!(
                "key {kid} belongs to {}, not to the credential's issuer",
                key.issuer.name
            ),
        );
    }
    let at = credential.valid_from;
    if at < key.entry.valid_from || key.entry.valid_until.is_some_and(|u| at >= u) {
        return (
            None,
            Outcome::Fail,
            format!("key {kid} was not valid at the issuance date {valid_from}"),
        );
    }
    (
        Some(*key.key),
        Outcome::Pass,
        format!("{kid}, valid at issuance"),
    )
}

impl Verifier<'_> {
    /// Step 0 and steps 1a–1c for a credential of kind `K` (`vc+jwt`, or an SD-JWT's
    /// issuer-signed `vc+sd-jwt`); a token that cannot be read comes back as the checks
    /// that refused it.
    pub(crate) fn read<'a, K: Kind>(&self, compact: &'a str) -> Reading<'a> {
        let mut checks = Checks::new();
        // 0. trust-bundle: checked once, when the bundle was opened.
        checks.push(
            CheckId::TrustBundle,
            Outcome::Pass,
            self.trust_detail.as_str(),
        );
        match read_payload::<K>(compact) {
            Ok((jws, document)) => Reading::Read(Read {
                checks,
                jws,
                len: compact.len(),
                document,
            }),
            Err(Unreadable::Algorithm(why)) => {
                checks.push(
                    CheckId::WellFormed,
                    Outcome::Pass,
                    "compact JWS with a readable header",
                );
                checks.push(CheckId::Algorithm, Outcome::Fail, why);
                Reading::Stopped(checks)
            }
            Err(Unreadable::Malformed(why)) => {
                checks.push(CheckId::WellFormed, Outcome::Fail, why);
                Reading::Stopped(checks)
            }
        }
    }

    /// Steps 1d–4: the VC 2.0 envelope, the algorithm, the issuer's accreditation and the
    /// signing key.
    pub(super) fn examine<'a>(&self, read: Read<'a>) -> Pending<'a> {
        let Read {
            mut checks,
            jws,
            len,
            document,
        } = read;
        // 1d. well-formed: the VC 2.0 envelope.
        let credential = match CheckedCredential::from_value(&document) {
            Ok(c) => c,
            Err(e) => {
                checks.push(CheckId::WellFormed, Outcome::Fail, e.to_string());
                return Pending::stopped(checks);
            }
        };
        checks.push(
            CheckId::WellFormed,
            Outcome::Pass,
            format!("{len} bytes, VC 2.0 {}", credential.kind),
        );
        // 2. algorithm: parsing refused every algorithm but EdDSA.
        checks.push(CheckId::Algorithm, Outcome::Pass, "EdDSA (Ed25519)");
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
        // 4. key-valid: the key comes from the bundle, never from the message.
        let (key, outcome, detail) = key_valid(
            self.bundle,
            jws.header().kid.as_deref(),
            &credential,
            &valid_from,
        );
        checks.push(CheckId::KeyValid, outcome, detail);
        Pending {
            checks,
            credential: Some((document, credential)),
            signature: key.map(|key| (jws, key)),
            checked_signature: None,
            securing: Securing::Jose,
            valid_from,
        }
    }

    /// Steps 5–9 on a credential whose signature was checked (`Some(true)`), failed
    /// (`Some(false)`) or could not be checked (`None`). `hidden` lists the JSON pointers
    /// of objects whose undisclosed claims the schema must not require (SD-JWT).
    pub(super) fn after_signature(
        &self,
        checks: &mut Checks<CheckId>,
        credential: Option<&(Value, CheckedCredential)>,
        signature: (Option<bool>, Securing),
        hidden: &[String],
        valid_from: &str,
    ) {
        // 5. signature.
        match signature {
            (Some(true), Securing::Jose) => checks.push(CheckId::Signature, Outcome::Pass, "Ed25519 signature verifies"),
            (Some(true), Securing::DataIntegrity) => checks.push(CheckId::Signature, Outcome::Pass, "Data Integrity proof verifies: Ed25519 over the RDFC-1.0 canonical credential and proof options"),
            (Some(false), Securing::Jose) => checks.push(CheckId::Signature, Outcome::Fail, "the signature does not verify: the credential was altered or not signed by this key"),
            (Some(false), Securing::DataIntegrity) => checks.push(CheckId::Signature, Outcome::Fail, "the Data Integrity proof does not verify: the credential or its proof options were altered, or not signed by this key"),
            (None, _) => checks.push(CheckId::Signature, Outcome::Skipped, "no trusted key to check it with"),
        }
        if let Some((document, checked)) = credential {
            // 6. schema, and framework levels that exist.
            match checked.check_content_disclosed(document, hidden) {
                Ok(()) => checks.push(
                    CheckId::Schema,
                    Outcome::Pass,
                    format!("conforms to the {} schema", checked.kind),
                ),
                Err(e) => checks.push(CheckId::Schema, Outcome::Fail, e.to_string()),
            }
            // 7. validity-period, by the injected clock.
            let (outcome, detail) = validity(checked, self.now, valid_from);
            checks.push(CheckId::ValidityPeriod, outcome, detail);
            // 8. status, from the issuer's lists in the bundle.
            let (outcome, detail) = status(self.bundle, checked, self.now, &self.as_of);
            checks.push(CheckId::Status, outcome, detail);
        }
        // 9. bundle-fresh: worked out once per verifier.
        let (outcome, detail) = &self.freshness;
        checks.push(CheckId::BundleFresh, *outcome, detail.as_str());
    }
}
