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
use crate::i18n::Msg;
use crate::jws::{JwsError, UnverifiedJws};
use crate::keys::PublicKey;
use crate::report::{Checks, Outcome};
use crate::signed::{self, Kind};
use crate::trust::VerifiedBundle;

/// Why a token could not be read, as the checks report it.
enum Unreadable {
    /// `well-formed` fails with this detail.
    Malformed(Msg),
    /// `well-formed` passes (the header was readable) and `algorithm` fails with this.
    Algorithm(Msg),
}

/// Steps 1a–1c: the compact JWS within the size limit, an acceptable algorithm, a strict
/// JSON payload, and the header `typ` this kind of credential carries.
fn read_payload<K: Kind>(compact: &str) -> Result<(UnverifiedJws<'_>, Value), Unreadable> {
    let jws = signed::parse::<K>(compact.trim()).map_err(|e| match e {
        JwsError::Algorithm(_) | JwsError::Crit => Unreadable::Algorithm(Msg::raw(e.to_string())),
        e => Unreadable::Malformed(damaged(compact, &e)),
    })?;
    let document = crate::json::parse_strict(jws.payload()).map_err(|e| {
        Unreadable::Malformed(Msg::new("well-formed-not-json").arg("reason", e.to_string()))
    })?;
    if !K::typ_ok(jws.header().typ.as_deref()) {
        return Err(Unreadable::Malformed(
            Msg::new("well-formed-typ").arg("typ", K::TYP),
        ));
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
) -> (Option<PublicKey>, Outcome, Msg) {
    let Some(kid) = kid else {
        return (None, Outcome::Fail, Msg::new("key-no-kid"));
    };
    let Some(key) = bundle.key(kid) else {
        return (None, Outcome::Fail, Msg::new("key-unknown").arg("kid", kid));
    };
    if key.issuer.id != credential.issuer {
        return (
            None,
            Outcome::Fail,
            Msg::new("key-other-issuer")
                .arg("kid", kid)
                .arg("name", &key.issuer.name),
        );
    }
    let at = credential.valid_from;
    if at < key.entry.valid_from || key.entry.valid_until.is_some_and(|u| at >= u) {
        return (
            None,
            Outcome::Fail,
            Msg::new("key-not-valid")
                .arg("kid", kid)
                .arg("date", valid_from),
        );
    }
    (
        Some(*key.key),
        Outcome::Pass,
        Msg::new("key-valid").arg("kid", kid),
    )
}

impl Verifier<'_> {
    /// Step 0 and steps 1a–1c for a credential of kind `K` (`vc+jwt`, or an SD-JWT's
    /// issuer-signed `vc+sd-jwt`); a token that cannot be read comes back as the checks
    /// that refused it.
    pub(crate) fn read<'a, K: Kind>(&self, compact: &'a str) -> Reading<'a> {
        let mut checks = Checks::new();
        // 0. trust-bundle: checked once, when the bundle was opened.
        checks.push_rendered(CheckId::TrustBundle, Outcome::Pass, &self.trust_detail);
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
                    Msg::new("well-formed-readable"),
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
                checks.push(CheckId::WellFormed, Outcome::Fail, Msg::raw(e.to_string()));
                return Pending::stopped(checks);
            }
        };
        checks.push(
            CheckId::WellFormed,
            Outcome::Pass,
            Msg::new("well-formed-ok")
                .arg("bytes", len)
                .arg("kind", credential.kind.as_str()),
        );
        // 2. algorithm: parsing refused every algorithm not on the allow-list; the name
        // (EdDSA (Ed25519), ES256 (P-256)) is the same in every language.
        checks.push(
            CheckId::Algorithm,
            Outcome::Pass,
            Msg::raw(jws.algorithm().describe()),
        );
        // 3. issuer-accredited, at the issuance date.
        let valid_from = format_time(credential.valid_from);
        let (outcome, detail) = match self.bundle.issuer(&credential.issuer) {
            None => (
                Outcome::Fail,
                Msg::new("issuer-unknown").arg("issuer", &credential.issuer),
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
        let (id, outcome) = match signature {
            (Some(true), Securing::Jose) => ("signature-ok", Outcome::Pass),
            (Some(true), Securing::DataIntegrity) => ("signature-ok-di", Outcome::Pass),
            (Some(false), Securing::Jose) => ("signature-bad", Outcome::Fail),
            (Some(false), Securing::DataIntegrity) => ("signature-bad-di", Outcome::Fail),
            (None, _) => ("signature-no-key", Outcome::Skipped),
        };
        checks.push(CheckId::Signature, outcome, Msg::new(id));
        if let Some((document, checked)) = credential {
            // 6. schema, and framework levels that exist.
            match checked.check_content_disclosed(document, hidden) {
                Ok(()) => checks.push(
                    CheckId::Schema,
                    Outcome::Pass,
                    Msg::new("schema-ok").arg("kind", checked.kind.as_str()),
                ),
                Err(e) => checks.push(CheckId::Schema, Outcome::Fail, Msg::raw(e.to_string())),
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
        checks.push_rendered(CheckId::BundleFresh, *outcome, detail);
    }
}
