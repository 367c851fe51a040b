//! Verifying with the issuer's key given directly — the conformance profile's verifier.
//!
//! Any well-formed VC 2.0 credential (not only Skillpass's two types) whose issuer is a
//! `did:key` (Ed25519, P-256, P-384, P-521) or a `did:jwk` is verified with the key its own DID
//! encodes, without any trust bundle. The report keeps Skillpass's ten checks, in their
//! order, so programs read the same names in both profiles, but judges them as the W3C
//! specifications do:
//!
//! 0. `trust-bundle` — not checked against a trust bundle (skipped, said so);
//! 1. `well-formed` — size, then a compact JWS (`typ` `vc+jwt`, strict JSON, no `vc`/`vp`
//!    claims), an SD-JWT (its issuer's JWS of `typ` `vc+sd-jwt` read the same way, then
//!    its disclosures put back: each must match a digest the issuer signed), or an
//!    embedded `eddsa-rdfc-2022` proof whose document expands to RDF in safe mode; the
//!    VC-API envelope is unwrapped first;
//! 2. `algorithm` — the allow-list of [`crate::alg`] (EdDSA, ES256, ES384, ES512), or the
//!    `eddsa-rdfc-2022` cryptosuite with the `assertionMethod` purpose;
//! 3. `issuer-accredited` — not checked against a trust bundle (skipped, said so);
//! 4. `key-valid` — the `kid` (or `verificationMethod`) is a DID URL of the issuer itself,
//!    and the key is decoded from that DID (never fetched, never taken from the message);
//! 5. `signature` — with that key;
//! 6. `schema` — the W3C VC Data Model 2.0 rules ([`crate::conformance`]) instead of
//!    Skillpass's JSON Schemas;
//! 7. `validity-period` — `validFrom`/`validUntil`, when stated, against the clock;
//! 8. `status` — each `BitstringStatusListEntry` against its list, when the caller can
//!    supply the list ([`StatusLists`]); the list must be signed by the same issuer;
//! 9. `bundle-fresh` — not checked against a trust bundle (skipped, said so).
//!
//! The verdict is taken over the seven W3C checks only; whether the issuer is accredited
//! is reported apart ([`Accreditation`]), in words and as a JSON field a program tests
//! (`"accreditation": {"checked": false, …}`): a key given directly says who signed, not
//! that they may award what they signed.

mod given;
mod read;
mod report;
mod status;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

pub use given::{GivenKey, GivenKeyError};
pub(crate) use read::{has_type, includes_base_context, serialized_len};
pub use read::{
    read_text, read_value, unwrap_envelope, InputError, Secured, ENVELOPED_SD_JWT_PREFIX,
    ENVELOPED_VC_TYPE,
};

pub use report::{Accreditation, DirectReport, KeyVerifiedCredential};
pub use status::{NoStatusLists, StatusLists};

use super::check::CheckId;
use crate::binding::CLOCK_SKEW_SECS;
use crate::credential::{format_time, parse_time};
use crate::i18n::Msg;
use crate::integrity::{SecuredDocument, CRYPTOSUITE, PROOF_TYPE};
use crate::jws::JwsError;
use crate::keys::PublicKey;
use crate::report::{Checks, Outcome};
use crate::signed::{self, CredentialJwt, SdJwtIssuerJwt};

/// Verifies credentials with keys given directly, at one instant.
pub struct DirectVerifier<'s> {
    now: DateTime<Utc>,
    lists: &'s dyn StatusLists,
    /// When set, the only issuers whose DID-encoded keys are accepted (`--issuer-key`).
    issuers: Option<Vec<String>>,
    /// Keys given as JWKs (`--issuer-jwk`), consulted before any DID.
    given: Vec<GivenKey>,
}

impl<'s> DirectVerifier<'s> {
    /// A verifier with `now` as its clock, finding status lists in `lists`
    /// ([`NoStatusLists`] when it has none: a credential with status entries is then
    /// `indeterminate`, never `valid`).
    pub fn new(now: DateTime<Utc>, lists: &'s dyn StatusLists) -> Self {
        Self {
            now,
            lists,
            issuers: None,
            given: Vec::new(),
        }
    }

    /// Also accepts credentials whose `kid` names one of `keys` (a verification method's
    /// `id`, the JWK's `kid` or its thumbprint), issued by the method's `controller` when it
    /// names one. Keys given this way are consulted before any DID.
    pub fn with_keys(mut self, keys: Vec<GivenKey>) -> Self {
        self.given = keys;
        self
    }

    /// Accepts only credentials whose issuer is one of `dids` (each a `did:key` or
    /// `did:jwk`): the user names whose keys they take, rather than any key a credential
    /// names for itself.
    pub fn only_issuers(mut self, dids: Vec<String>) -> Self {
        self.issuers = Some(dids);
        self
    }

    /// Verifies a credential given as text: a compact JWS, an envelope or a Data
    /// Integrity credential (JSON).
    pub fn verify_text(&self, input: &str) -> DirectReport {
        self.verify_secured(read_text(input))
    }

    /// Verifies a credential given as JSON, as the VC-API carries it.
    pub fn verify_value(&self, input: &Value) -> DirectReport {
        self.verify_secured(read_value(input))
    }

    fn verify_secured(&self, secured: Result<Secured, InputError>) -> DirectReport {
        let mut checks = Checks::new();
        let opened = match secured {
            Ok(secured) => open(&secured, &mut checks, self),
            Err(e) => {
                checks.push(CheckId::WellFormed, Outcome::Fail, Msg::raw(e.to_string()));
                None
            }
        };
        let Some(opened) = opened else {
            return DirectReport::finish(checks, None, None);
        };
        // 6. schema: the W3C data model rules (over the credential without the JWT
        // claims a JOSE payload may carry beside it).
        let (outcome, detail) = if opened.jose {
            data_model(&without_jwt_claims(&opened.document))
        } else {
            data_model(&opened.document)
        };
        checks.push(CheckId::Schema, outcome, detail);
        // 7. validity-period.
        let (outcome, detail) = validity(&opened.document, self.now);
        checks.push(CheckId::ValidityPeriod, outcome, detail);
        // 8. status.
        let (outcome, detail) = status::check(&opened.document, &opened.issuer, self);
        checks.push(CheckId::Status, outcome, detail);
        let signed_by = opened.signature_ok.then(|| opened.issuer.clone());
        DirectReport::finish(checks, Some(opened.document), signed_by)
    }
}

/// A credential taken through checks 1, 2, 4 and 5.
struct Opened {
    /// The credential (for Data Integrity, with its proof).
    document: Value,
    /// The issuer's DID as the credential names it.
    issuer: String,
    signature_ok: bool,
    /// Secured as a JWS (whose payload may hold JWT claims beside the credential).
    jose: bool,
}

/// What checks the signature once the key is known.
enum Signed<'a> {
    Jose(crate::jws::UnverifiedJws<'a>),
    DataIntegrity(Box<SecuredDocument>, [u8; 64]),
}

impl Signed<'_> {
    fn verifies(&self, key: &PublicKey) -> bool {
        match self {
            Self::Jose(jws) => jws.verify_with(key),
            Self::DataIntegrity(proof, hash) => proof.signature_verifies(hash, key),
        }
    }
}

/// Steps 1, 2, 4 and 5 for either securing; `None` when a later check cannot run.
fn open(
    secured: &Secured,
    checks: &mut Checks<CheckId>,
    verifier: &DirectVerifier<'_>,
) -> Option<Opened> {
    let (document, key_ref, signed) = match secured {
        Secured::Jose(compact) => {
            let (jws, document) = read_jose::<CredentialJwt>(compact, checks)?;
            let kid = jws.header().kid.clone();
            (document, kid, Signed::Jose(jws))
        }
        Secured::SdJwt(text) => {
            // The issuer's JWS is read and its signature checked as a vc+jwt's; the
            // credential judged is the payload with the disclosures put back.
            let issuer_jws = text.split('~').next().unwrap_or_default();
            let (jws, payload) = read_jose::<SdJwtIssuerJwt>(issuer_jws, checks)?;
            let document = match crate::sdjwt::reveal_disclosed(text, payload) {
                Ok(document) => document,
                Err(why) => {
                    // Replaces the pass pushed while reading the issuer's JWS.
                    let mut fresh = Checks::new();
                    fresh.push(CheckId::WellFormed, Outcome::Fail, why);
                    *checks = fresh;
                    return None;
                }
            };
            let kid = jws.header().kid.clone();
            (document, kid, Signed::Jose(jws))
        }
        Secured::DataIntegrity(document) => {
            let (proof, hash) = read_integrity(document, checks)?;
            let method = proof.proof.verification_method.clone();
            (
                document.clone(),
                Some(method),
                Signed::DataIntegrity(Box::new(proof), hash),
            )
        }
    };
    let issuer = issuer_of(&document);
    let jose = !matches!(secured, Secured::DataIntegrity(_));
    // VC-JOSE-COSE §3.1.1: `iss`, when present, is the issuer.
    if let (Signed::Jose(_), Some(iss)) = (&signed, document.get("iss")) {
        if iss.as_str() != issuer.as_deref() {
            checks.push(
                CheckId::KeyValid,
                Outcome::Fail,
                Msg::new("direct-iss-not-issuer"),
            );
            return Some(Opened {
                document,
                issuer: issuer.unwrap_or_default(),
                signature_ok: false,
                jose: true,
            });
        }
    }
    // 4. key-valid: the key named is a key of the issuer, decoded from its own DID.
    let resolved = verifier.key_for(key_ref.as_deref(), issuer.as_deref());
    let key = match resolved {
        Ok((key, said)) => {
            checks.push(CheckId::KeyValid, Outcome::Pass, said);
            key
        }
        Err(why) => {
            checks.push(CheckId::KeyValid, Outcome::Fail, why);
            checks.push(
                CheckId::Signature,
                Outcome::Skipped,
                Msg::new("signature-no-key"),
            );
            return Some(Opened {
                document,
                issuer: issuer.unwrap_or_default(),
                signature_ok: false,
                jose,
            });
        }
    };
    // 5. signature.
    let ok = signed.verifies(&key);
    let id = match (ok, jose) {
        (true, true) => "signature-ok",
        (true, false) => "signature-ok-di",
        (false, true) => "signature-bad",
        (false, false) => "signature-bad-di",
    };
    let outcome = if ok { Outcome::Pass } else { Outcome::Fail };
    checks.push(CheckId::Signature, outcome, Msg::new(id));
    Some(Opened {
        document,
        issuer: issuer.unwrap_or_default(),
        signature_ok: ok,
        jose,
    })
}

impl DirectVerifier<'_> {
    /// Step 4: the key `kid` names for `issuer` — a key given as a JWK, else the key its
    /// DID URL encodes when DIDs are accepted for this issuer.
    /// With the key, the words for the `key-valid` check (which says where the key came from).
    fn key_for(&self, kid: Option<&str>, issuer: Option<&str>) -> Result<(PublicKey, Msg), Msg> {
        // The same key may be listed by several controllers (one JWK in two controller
        // documents): the one whose controller is the issuer, or that names none, is taken.
        let named: Vec<&GivenKey> = match kid {
            Some(k) => self.given.iter().filter(|g| g.named(k)).collect(),
            None => Vec::new(),
        };
        if !named.is_empty() {
            let kid = kid.unwrap_or_default();
            let Some(issuer) = issuer else {
                return Err(Msg::new("direct-no-issuer"));
            };
            return named
                .iter()
                .find(|g| g.controller().is_none_or(|c| c == issuer))
                .map(|g| (g.key(), Msg::new("direct-key-given-ok").arg("kid", kid)))
                .ok_or_else(|| Msg::new("direct-key-not-issuer").arg("kid", shorten(kid)));
        }
        if let (Some(issuer), Some(only)) = (issuer, &self.issuers) {
            if !only.iter().any(|o| o == issuer) {
                return Err(Msg::new("direct-issuer-not-given").arg("issuer", shorten(issuer)));
            }
        }
        resolve(kid, issuer).map(|(key, kid)| (key, Msg::new("direct-key-ok").arg("kid", kid)))
    }
}

/// Steps 1 and 2 for a compact JWS of kind `K` (a `vc+jwt`, or an SD-JWT's issuer JWS).
fn read_jose<'a, K: signed::Kind>(
    compact: &'a str,
    checks: &mut Checks<CheckId>,
) -> Option<(crate::jws::UnverifiedJws<'a>, Value)> {
    let jws = match signed::parse::<K>(compact) {
        Ok(jws) => jws,
        Err(e @ (JwsError::Algorithm(_) | JwsError::Crit)) => {
            checks.push(
                CheckId::WellFormed,
                Outcome::Pass,
                Msg::new("well-formed-readable"),
            );
            checks.push(CheckId::Algorithm, Outcome::Fail, Msg::raw(e.to_string()));
            return None;
        }
        Err(e) => {
            checks.push(CheckId::WellFormed, Outcome::Fail, Msg::raw(e.to_string()));
            return None;
        }
    };
    let fail = |checks: &mut Checks<CheckId>, why: Msg| {
        checks.push(CheckId::WellFormed, Outcome::Fail, why);
    };
    let document = match crate::json::parse_strict(jws.payload()) {
        Ok(d) => d,
        Err(e) => {
            fail(
                checks,
                Msg::new("well-formed-not-json").arg("reason", e.to_string()),
            );
            return None;
        }
    };
    if !K::typ_ok(jws.header().typ.as_deref()) {
        fail(checks, Msg::new("well-formed-typ").arg("typ", K::TYP));
        return None;
    }
    let Some(obj) = document.as_object() else {
        fail(checks, Msg::raw("the payload is not a JSON object"));
        return None;
    };
    if obj.contains_key("vc") || obj.contains_key("vp") {
        fail(
            checks,
            Msg::raw("the payload has a JWT-VC 1.1 `vc` or `vp` claim; VC-JOSE-COSE secures the credential itself"),
        );
        return None;
    }
    checks.push(
        CheckId::WellFormed,
        Outcome::Pass,
        Msg::new("direct-well-formed-jose").arg("bytes", compact.len()),
    );
    checks.push(
        CheckId::Algorithm,
        Outcome::Pass,
        Msg::raw(jws.algorithm().describe()),
    );
    Some((jws, document))
}

/// Steps 1 and 2 for an embedded Data Integrity proof: the proof read, its suite, and
/// the hashes it signs (safe-mode expansion: a term dropped would not be signed).
fn read_integrity(
    document: &Value,
    checks: &mut Checks<CheckId>,
) -> Option<(SecuredDocument, [u8; 64])> {
    let secured = match SecuredDocument::read(document) {
        Ok(s) => s,
        Err(e) => {
            checks.push(CheckId::WellFormed, Outcome::Fail, Msg::raw(e.to_string()));
            return None;
        }
    };
    if let Err(e) = secured.check_suite() {
        checks.push(
            CheckId::WellFormed,
            Outcome::Pass,
            Msg::new("direct-well-formed-proof"),
        );
        checks.push(CheckId::Algorithm, Outcome::Fail, Msg::raw(e.to_string()));
        return None;
    }
    let hash = match secured.hash_data() {
        Ok(h) => h,
        Err(e) => {
            checks.push(CheckId::WellFormed, Outcome::Fail, Msg::raw(e.to_string()));
            return None;
        }
    };
    checks.push(
        CheckId::WellFormed,
        Outcome::Pass,
        Msg::new("direct-well-formed-di").arg("bytes", serialized_len(document)),
    );
    checks.push(
        CheckId::Algorithm,
        Outcome::Pass,
        Msg::raw(format!("{PROOF_TYPE} {CRYPTOSUITE} (Ed25519)")),
    );
    Some((secured, hash))
}

/// The issuer's id: `issuer`, or `issuer.id`.
pub(crate) fn issuer_of(document: &Value) -> Option<String> {
    match document.get("issuer")? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("id").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

/// The key `kid` names, when it is a DID URL of `controller` (`did:key:z…#z…`,
/// `did:jwk:…#0`) and decodes; the reason in words otherwise. Returns the key and the
/// DID URL.
pub(crate) fn resolve(
    kid: Option<&str>,
    controller: Option<&str>,
) -> Result<(PublicKey, String), Msg> {
    let Some(kid) = kid else {
        return Err(Msg::new("key-no-kid"));
    };
    let Some(controller) = controller else {
        return Err(Msg::new("direct-no-issuer"));
    };
    let Some((did, _fragment)) = kid.split_once('#') else {
        return Err(Msg::new("direct-kid-not-url"));
    };
    if did != controller {
        return Err(Msg::new("direct-key-not-issuer").arg("kid", shorten(kid)));
    }
    match PublicKey::from_did(kid) {
        Ok(key) => Ok((key, kid.to_owned())),
        Err(e) => Err(Msg::new("direct-key-bad").arg("reason", e.to_string())),
    }
}

/// The registered JWT claims (RFC 7519 §4.1, and `nonce`, `cnf`) that VC-JOSE-COSE lets a
/// payload carry beside the credential or presentation it secures; the data model does
/// not define them, so its rules judge the document without them.
const JWT_CLAIMS: [&str; 9] = [
    "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "nonce", "cnf",
];

/// `document` without the [`JWT_CLAIMS`].
pub(crate) fn without_jwt_claims(document: &Value) -> Value {
    let mut out = document.clone();
    if let Some(obj) = out.as_object_mut() {
        for claim in JWT_CLAIMS {
            obj.remove(claim);
        }
    }
    out
}

/// Step 6: the W3C VC Data Model 2.0 rules.
fn data_model(document: &Value) -> (Outcome, Msg) {
    match crate::conformance::check_credential(document) {
        Ok(()) => (Outcome::Pass, Msg::new("data-model-ok")),
        Err(violations) => {
            let named: Vec<String> = violations.iter().take(8).map(ToString::to_string).collect();
            (
                Outcome::Fail,
                Msg::new("data-model-bad").arg("reasons", named.join("; ")),
            )
        }
    }
}

/// Step 7: `validFrom` and `validUntil`, each when stated, against `now` (with the clock
/// skew the other checks allow).
fn validity(document: &Value, now: DateTime<Utc>) -> (Outcome, Msg) {
    let time = |name: &'static str| -> Result<Option<DateTime<Utc>>, Msg> {
        match document.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => parse_time(s)
                .map(Some)
                .ok_or_else(|| Msg::new("validity-not-date").arg("name", name)),
            Some(_) => Err(Msg::new("validity-not-date").arg("name", name)),
        }
    };
    let (from, until) = match (time("validFrom"), time("validUntil")) {
        (Ok(f), Ok(u)) => (f, u),
        (Err(why), _) | (_, Err(why)) => return (Outcome::Fail, why),
    };
    let skew = Duration::seconds(CLOCK_SKEW_SECS);
    if let Some(from) = from.filter(|&f| now + skew < f) {
        return (
            Outcome::Fail,
            Msg::new("validity-not-yet").arg("from", format_time(from)),
        );
    }
    if let Some(until) = until.filter(|&u| now >= u) {
        return (
            Outcome::Fail,
            Msg::new("validity-expired").arg("until", format_time(until)),
        );
    }
    match (from, until) {
        (Some(f), Some(u)) => (
            Outcome::Pass,
            Msg::new("validity-until")
                .arg("from", format_time(f))
                .arg("until", format_time(u)),
        ),
        (Some(f), None) => (
            Outcome::Pass,
            Msg::new("validity-open").arg("from", format_time(f)),
        ),
        (None, Some(u)) => (
            Outcome::Pass,
            Msg::new("validity-ends").arg("until", format_time(u)),
        ),
        (None, None) => (Outcome::Pass, Msg::new("validity-none")),
    }
}

/// An untrusted value cut short for a report line.
pub(crate) fn shorten(s: &str) -> String {
    if s.chars().count() > 120 {
        let mut t: String = s.chars().take(117).collect();
        t.push('…');
        t
    } else {
        s.to_owned()
    }
}
