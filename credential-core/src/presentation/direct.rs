//! Verifying a W3C presentation whose holder's key is given directly (the conformance
//! profile): a VC 2.0 `VerifiablePresentation` secured either with an embedded Data
//! Integrity proof (`eddsa-rdfc-2022`, purpose `authentication`, the verifier's
//! `challenge` and `domain` in the proof), or as a compact JWS (`vp+jwt`, the verifier's
//! challenge as `nonce` and domain as `aud`), also inside a VC-API envelope
//! (`EnvelopedVerifiablePresentation`, `data:application/vp+jwt,…`). Its checks:
//!
//! 1. `well-formed` — size, the securing read (strict JSON, `typ`, one proof whose
//!    document expands in safe mode), `type` `VerifiablePresentation`, and at most
//!    [`MAX_CREDENTIALS`](super::MAX_CREDENTIALS) credentials, each an object;
//! 2. `algorithm` — the JOSE allow-list, or `eddsa-rdfc-2022` for `authentication`;
//! 3. `holder-signature` — the `kid` or `verificationMethod` is a `did:key`/`did:jwk` URL
//!    of the `holder` (when one is named), and its key signed;
//! 4. `challenge` — the one the verifier asked for;
//! 5. `domain` — the one the verifier asked for;
//! 6. `freshness` — not made in the future of the verifier's clock (`iat`, the proof's
//!    `created`) and not expired (`exp`);
//! 7. `data-model` — the W3C VC Data Model 2.0 rules for presentations.
//!
//! The enclosed credentials are handed back as given ([`DirectPresentation::credentials`]):
//! the caller verifies each in the profile it runs (a trust bundle, or keys given
//! directly) and judges the whole with [`DirectPresentation::verdict_with`]. Unlike a
//! Skillpass presentation, the holder need not be every credential's subject: the W3C
//! model lets a holder present credentials about others.

use std::fmt;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::Value;

use super::shape::MAX_CREDENTIALS;
use super::verify::MAX_PRESENTATION_LEN;
use crate::binding::CLOCK_SKEW_SECS;
use crate::credential::format_time;
use crate::i18n::Msg;
use crate::integrity::SecuredDocument;
use crate::jws::UnverifiedJws;
use crate::keys::PublicKey;
use crate::report::{self, Checks, Outcome, Verdict};
use crate::verify::direct::{
    has_type, includes_base_context, resolve, serialized_len, shorten, without_jwt_claims, GivenKey,
};

/// The `type` of a VC-API envelope of a JOSE-secured presentation.
pub const ENVELOPED_VP_TYPE: &str = "EnvelopedVerifiablePresentation";
/// The `data:` URL prefix of an enveloped `vp+jwt` presentation.
pub const ENVELOPED_VP_PREFIX: &str = "data:application/vp+jwt,";
/// The proof purpose of a holder's presentation.
pub const AUTHENTICATION: &str = "authentication";

/// One of the seven checks of a presentation in the direct-key profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DirectPresentationCheckId {
    /// `well-formed`.
    WellFormed,
    /// `algorithm`.
    Algorithm,
    /// `holder-signature`.
    HolderSignature,
    /// `challenge`.
    Challenge,
    /// `domain`.
    Domain,
    /// `freshness`.
    Freshness,
    /// `data-model`.
    DataModel,
}

impl DirectPresentationCheckId {
    /// The stable name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::WellFormed => "well-formed",
            Self::Algorithm => "algorithm",
            Self::HolderSignature => "holder-signature",
            Self::Challenge => "challenge",
            Self::Domain => "domain",
            Self::Freshness => "freshness",
            Self::DataModel => "data-model",
        }
    }
}

impl crate::report::CheckId for DirectPresentationCheckId {
    const ALL: &'static [Self] = &[
        Self::WellFormed,
        Self::Algorithm,
        Self::HolderSignature,
        Self::Challenge,
        Self::Domain,
        Self::Freshness,
        Self::DataModel,
    ];
    fn name(self) -> &'static str {
        DirectPresentationCheckId::name(self)
    }
}

impl fmt::Display for DirectPresentationCheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One presentation check's result.
pub type DirectPresentationCheck = crate::report::Check<DirectPresentationCheckId>;

use DirectPresentationCheckId as Id;

/// What the verifier asked the holder to bind the presentation to, and its clock.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The challenge (nonce) handed to the holder; `None` when none was asked.
    pub challenge: Option<String>,
    /// The verifier's domain; `None` when none was asked.
    pub domain: Option<String>,
    /// The verifier's clock.
    pub now: DateTime<Utc>,
}

/// A presentation's own checks, and its credentials for the caller to verify.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectPresentation {
    /// Over the presentation's own checks only; see [`DirectPresentation::verdict_with`].
    pub verdict: Verdict,
    /// The seven checks, in order.
    pub checks: Vec<DirectPresentationCheck>,
    /// The holder's DID: the `holder`, else the DID whose key signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// The enclosed credentials as given (envelopes, Data Integrity credentials).
    #[serde(skip)]
    pub credentials: Vec<Value>,
}

impl DirectPresentation {
    /// The verdict of the presentation with its credentials' verdicts: `invalid` if
    /// anything failed, `indeterminate` if something was undecided, else `valid`.
    pub fn verdict_with(&self, credentials: impl IntoIterator<Item = Verdict>) -> Verdict {
        report::verdict(self.checks.iter().map(|c| c.outcome), credentials)
    }

    /// The names of the failing checks.
    pub fn failed(&self) -> Vec<&'static str> {
        report::failed(&self.checks).collect()
    }

    /// The report as JSON with the words of `lang` beside the stable fields.
    pub fn to_json_in(&self, lang: crate::i18n::Lang) -> Value {
        let mut json = serde_json::to_value(self).unwrap_or_default();
        report::annotate(&mut json, self.verdict, &self.checks, lang);
        json
    }

    fn finish(checks: Checks<Id>, holder: Option<String>, credentials: Vec<Value>) -> Self {
        let checks = checks.complete();
        let verdict = report::verdict(checks.iter().map(|c| c.outcome), []);
        Self {
            verdict,
            checks,
            holder,
            credentials,
        }
    }
}

/// How the presentation is secured, once read.
enum Securing<'a> {
    Jose(UnverifiedJws<'a>),
    DataIntegrity(Box<SecuredDocument>, [u8; 64]),
}

/// Verifies a presentation given as JSON (a DI-secured presentation, an envelope, or a
/// string holding a compact `vp+jwt`) against what the verifier asked for; the holder's
/// key is the one its `did:key`/`did:jwk` URL encodes.
pub fn verify_presentation_direct(input: &Value, binding: &Binding) -> DirectPresentation {
    verify_presentation_direct_with(input, binding, &[])
}

/// [`verify_presentation_direct`], also taking holder keys given to the verifier as JWKs or
/// verification methods ([`GivenKey`]): a `kid` (or `verificationMethod`) that names one of
/// them is verified with it, and a method's `controller` must then be the `holder` when
/// the presentation names one. Keys not named fall back to the DID the `kid` encodes.
pub fn verify_presentation_direct_with(
    input: &Value,
    binding: &Binding,
    keys: &[GivenKey],
) -> DirectPresentation {
    let mut checks = Checks::new();
    let len = serialized_len(input);
    if len > MAX_PRESENTATION_LEN {
        checks.push(
            Id::WellFormed,
            Outcome::Fail,
            Msg::raw(format!(
                "{len} bytes, over the {MAX_PRESENTATION_LEN}-byte presentation limit"
            )),
        );
        return DirectPresentation::finish(checks, None, Vec::new());
    }
    let compact = match jose_text(input) {
        Ok(c) => c,
        Err(why) => {
            checks.push(Id::WellFormed, Outcome::Fail, why);
            return DirectPresentation::finish(checks, None, Vec::new());
        }
    };
    let read = match compact {
        Some(compact) => read_jose(compact, &mut checks),
        None => read_integrity(input, &mut checks),
    };
    let Some((document, securing)) = read else {
        return DirectPresentation::finish(checks, None, Vec::new());
    };
    let credentials = match enclosed(&document) {
        Ok(list) => list,
        Err(why) => {
            // Reported as well-formed failing, replacing the pass pushed while reading.
            let mut fresh = Checks::new();
            fresh.push(Id::WellFormed, Outcome::Fail, why);
            return DirectPresentation::finish(fresh, None, Vec::new());
        }
    };
    // 3. holder-signature.
    let named_holder = match document.get("holder") {
        Some(Value::String(h)) => Some(h.clone()),
        Some(Value::Object(h)) => h.get("id").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    let (key_ref, expected_challenge, expected_domain) = match &securing {
        Securing::Jose(jws) => (
            jws.header().kid.clone(),
            document.get("nonce").cloned(),
            document.get("aud").cloned(),
        ),
        Securing::DataIntegrity(proof, _) => (
            Some(proof.proof.verification_method.clone()),
            proof.option("challenge").cloned(),
            proof.option("domain").cloned(),
        ),
    };
    let given: Vec<&GivenKey> = match key_ref.as_deref() {
        Some(kid) => keys.iter().filter(|g| g.named(kid)).collect(),
        None => Vec::new(),
    };
    let (resolved, controller) = if given.is_empty() {
        let signer = key_ref
            .as_deref()
            .and_then(|k| k.split_once('#'))
            .map(|(did, _)| did.to_owned());
        let resolved = match (&named_holder, &signer) {
            (Some(holder), Some(signer)) if holder != signer => Err(Msg::new("kid-not-holder")),
            _ => resolve(key_ref.as_deref(), signer.as_deref())
                .map(|(key, _)| (key, Msg::new("direct-holder-signature-ok"))),
        };
        (resolved, named_holder.clone().or(signer))
    } else {
        // The same key may be listed under several controllers: the one whose controller
        // is the holder, or that names none, is taken.
        let kid = key_ref.as_deref().unwrap_or_default();
        let taken = given
            .iter()
            .find(|g| match (&named_holder, g.controller()) {
                (Some(holder), Some(controller)) => holder == controller,
                _ => true,
            });
        match taken {
            Some(g) => (
                Ok((
                    g.key(),
                    Msg::new("direct-holder-key-given-ok").arg("kid", shorten(kid)),
                )),
                named_holder
                    .clone()
                    .or_else(|| g.controller().map(str::to_owned)),
            ),
            None => (Err(Msg::new("kid-not-holder")), named_holder.clone()),
        }
    };
    let (outcome, detail) = match resolved {
        Ok((key, words)) => {
            if verifies(&securing, &key) {
                (Outcome::Pass, words)
            } else {
                (Outcome::Fail, Msg::new("holder-signature-bad"))
            }
        }
        Err(why) => (Outcome::Fail, why),
    };
    checks.push(Id::HolderSignature, outcome, detail);
    // 4. challenge, 5. domain.
    let (outcome, detail) = bound(
        expected_challenge.as_ref(),
        binding.challenge.as_deref(),
        "challenge",
    );
    checks.push(Id::Challenge, outcome, detail);
    let (outcome, detail) = bound(
        expected_domain.as_ref(),
        binding.domain.as_deref(),
        "domain",
    );
    checks.push(Id::Domain, outcome, detail);
    // 6. freshness.
    let (outcome, detail) = freshness(&securing, &document, binding.now);
    checks.push(Id::Freshness, outcome, detail);
    // 6. data-model.
    let judged = match &securing {
        Securing::Jose(_) => without_jwt_claims(&document),
        Securing::DataIntegrity(..) => document.clone(),
    };
    let (outcome, detail) = match crate::conformance::check_presentation(&judged) {
        Ok(()) => (Outcome::Pass, Msg::new("data-model-ok")),
        Err(violations) => {
            let named: Vec<String> = violations.iter().take(8).map(ToString::to_string).collect();
            (
                Outcome::Fail,
                Msg::new("data-model-bad").arg("reasons", named.join("; ")),
            )
        }
    };
    checks.push(Id::DataModel, outcome, detail);
    DirectPresentation::finish(checks, controller, credentials)
}

fn verifies(securing: &Securing<'_>, key: &PublicKey) -> bool {
    match securing {
        Securing::Jose(jws) => jws.verify_with(key),
        Securing::DataIntegrity(proof, hash) => proof.signature_verifies(hash, key),
    }
}

/// The compact JWS of a JOSE presentation (a string, or inside an envelope); `None` for a
/// presentation with an embedded proof.
fn jose_text(input: &Value) -> Result<Option<&str>, Msg> {
    match input {
        Value::String(compact) => Ok(Some(compact.trim())),
        Value::Object(obj) => {
            let is_envelope = has_type(obj.get("type"), ENVELOPED_VP_TYPE);
            if !is_envelope {
                if obj.contains_key("proof") {
                    return Ok(None);
                }
                return Err(Msg::raw(
                    "the presentation has no `proof` and is not an EnvelopedVerifiablePresentation: nothing secures it",
                ));
            }
            if !includes_base_context(obj.get("@context")) {
                return Err(Msg::raw(
                    "the enveloped presentation's `@context` must include https://www.w3.org/ns/credentials/v2",
                ));
            }
            obj.get("id")
                .and_then(Value::as_str)
                .and_then(|id| id.strip_prefix(ENVELOPED_VP_PREFIX))
                .filter(|c| !c.is_empty())
                .map(Some)
                .ok_or_else(|| {
                    Msg::raw(format!(
                        "the envelope's `id` must be a {ENVELOPED_VP_PREFIX}<JWS> data: URL"
                    ))
                })
        }
        _ => Err(Msg::raw(
            "a presentation is a JSON object with a proof, an EnvelopedVerifiablePresentation or a compact vp+jwt",
        )),
    }
}

/// Steps 1 and 2 for a compact `vp+jwt`.
fn read_jose<'a>(compact: &'a str, checks: &mut Checks<Id>) -> Option<(Value, Securing<'a>)> {
    let jws = super::parse_vp_jwt(compact, checks, Id::WellFormed, Id::Algorithm)?;
    let fail = |checks: &mut Checks<Id>, why: Msg| {
        checks.push(Id::WellFormed, Outcome::Fail, why);
        None
    };
    let document = match crate::json::parse_strict(jws.payload()) {
        Ok(d) => d,
        Err(e) => {
            return fail(
                checks,
                Msg::new("well-formed-not-json").arg("reason", e.to_string()),
            )
        }
    };
    if jws.header().typ.as_deref() != Some(super::TYP_VP) {
        return fail(
            checks,
            Msg::new("well-formed-typ").arg("typ", super::TYP_VP),
        );
    }
    if document.get("vp").is_some() || document.get("vc").is_some() {
        return fail(
            checks,
            Msg::raw("the payload has a JWT-VC 1.1 `vc` or `vp` claim; VC-JOSE-COSE secures the presentation itself"),
        );
    }
    checks.push(
        Id::WellFormed,
        Outcome::Pass,
        Msg::new("direct-well-formed-jose").arg("bytes", compact.len()),
    );
    checks.push(
        Id::Algorithm,
        Outcome::Pass,
        Msg::raw(jws.algorithm().describe()),
    );
    Some((document, Securing::Jose(jws)))
}

/// Steps 1 and 2 for an embedded Data Integrity proof of purpose `authentication`.
fn read_integrity<'a>(input: &Value, checks: &mut Checks<Id>) -> Option<(Value, Securing<'a>)> {
    let secured = match SecuredDocument::read(input) {
        Ok(s) => s,
        Err(e) => {
            checks.push(Id::WellFormed, Outcome::Fail, Msg::raw(e.to_string()));
            return None;
        }
    };
    if let Err(e) = secured.check_suite_for(AUTHENTICATION) {
        checks.push(
            Id::WellFormed,
            Outcome::Pass,
            Msg::new("direct-well-formed-proof"),
        );
        checks.push(Id::Algorithm, Outcome::Fail, Msg::raw(e.to_string()));
        return None;
    }
    let hash = match secured.hash_data() {
        Ok(h) => h,
        Err(e) => {
            checks.push(Id::WellFormed, Outcome::Fail, Msg::raw(e.to_string()));
            return None;
        }
    };
    checks.push(
        Id::WellFormed,
        Outcome::Pass,
        Msg::new("direct-well-formed-di").arg("bytes", serialized_len(input)),
    );
    checks.push(
        Id::Algorithm,
        Outcome::Pass,
        Msg::raw(format!(
            "{} {} (Ed25519), {AUTHENTICATION}",
            crate::integrity::PROOF_TYPE,
            crate::integrity::CRYPTOSUITE
        )),
    );
    Some((
        input.clone(),
        Securing::DataIntegrity(Box::new(secured), hash),
    ))
}

/// `type` includes `VerifiablePresentation`, and `verifiableCredential` (when present)
/// holds at most [`MAX_CREDENTIALS`] objects.
fn enclosed(document: &Value) -> Result<Vec<Value>, Msg> {
    if !has_type(document.get("type"), "VerifiablePresentation") {
        return Err(Msg::raw("`type` must include VerifiablePresentation"));
    }
    let list: Vec<Value> =
        match document.get("verifiableCredential") {
            None => Vec::new(),
            Some(Value::Array(items)) => items.clone(),
            Some(one @ Value::Object(_)) => vec![one.clone()],
            Some(_) => return Err(Msg::raw(
                "`verifiableCredential` must hold credential objects, not strings, numbers or URLs",
            )),
        };
    if list.len() > MAX_CREDENTIALS {
        return Err(Msg::raw(format!(
            "{} credentials: at most {MAX_CREDENTIALS} are accepted",
            list.len()
        )));
    }
    if list.iter().any(|c| !c.is_object()) {
        return Err(Msg::raw(
            "`verifiableCredential` must hold credential objects, not strings, numbers or URLs",
        ));
    }
    Ok(list)
}

/// Step 6: not made in the future of `now` (a JWS's `iat` or `nbf`, a proof's `created`)
/// beyond the tolerated skew, and not expired (a JWS's `exp`).
fn freshness(securing: &Securing<'_>, document: &Value, now: DateTime<Utc>) -> (Outcome, Msg) {
    let skew = Duration::seconds(CLOCK_SKEW_SECS);
    let made = match securing {
        Securing::Jose(_) => {
            let seconds = |name: &str| document.get(name).and_then(Value::as_i64);
            if let Some(exp) = seconds("exp") {
                if now.timestamp() >= exp {
                    return (Outcome::Fail, Msg::new("presentation-expired"));
                }
            }
            seconds("iat")
                .or_else(|| seconds("nbf"))
                .and_then(|t| DateTime::<Utc>::from_timestamp(t, 0))
        }
        Securing::DataIntegrity(proof, _) => proof.proof.created,
    };
    match made {
        Some(when) if when > now + skew => (
            Outcome::Fail,
            Msg::new("made-in-future").arg("when", format_time(when)),
        ),
        Some(when) => (
            Outcome::Pass,
            Msg::new("made-at").arg("when", format_time(when)),
        ),
        None => (Outcome::Pass, Msg::new("direct-not-expired")),
    }
}

/// The challenge or domain check: what the presentation is bound to against what the
/// verifier asked (a domain may be a list naming it).
fn bound(got: Option<&Value>, asked: Option<&str>, what: &'static str) -> (Outcome, Msg) {
    let Some(asked) = asked else {
        return (
            Outcome::Pass,
            Msg::new("direct-binding-not-asked").arg("what", what),
        );
    };
    let ok = match got {
        Some(Value::String(s)) => s == asked,
        Some(Value::Array(list)) => list.iter().any(|v| v == asked),
        _ => false,
    };
    if ok {
        (
            Outcome::Pass,
            Msg::new("direct-binding-ok")
                .arg("what", what)
                .arg("value", shorten(asked)),
        )
    } else {
        (
            Outcome::Fail,
            Msg::new("direct-binding-bad").arg("what", what),
        )
    }
}
