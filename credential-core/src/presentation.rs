//! Verifiable presentations: the holder wraps chosen credentials in a W3C VC 2.0
//! `VerifiablePresentation`, signs it as a compact JWS (`typ` `vp+jwt`) with the key of the
//! holder's `did:key`, and binds it to one verifier (`aud`) and one moment (`nonce` the
//! verifier supplied, `iat`, a short `exp`), so that a recording of it cannot be replayed to
//! another verifier or in another session.
//!
//! Each credential travels as an `EnvelopedVerifiableCredential` whose `id` is a
//! `data:application/vc+jwt,<jws>` URL (VC-JOSE-COSE), so the credential is byte for byte
//! the one its issuer signed.
//!
//! The verifier runs its own numbered checks, then the ordinary credential checks of
//! [`Verifier::verify`] on every enclosed credential:
//!
//! 1. `well-formed` — size limit, compact JWS, strict JSON, `typ` `vp+jwt`, the VP envelope;
//! 2. `algorithm` — `EdDSA` only;
//! 3. `holder-signature` — the `kid` is the `did:key` DID URL of the `holder`, and the
//!    signature verifies with that key (the key comes from the DID, never from the message);
//! 4. `audience` — `aud` is the verifier's own identifier;
//! 5. `nonce` — `nonce` is the one the verifier handed out;
//! 6. `freshness` — `iat` is recent (within the verifier's maximum age, not in the future)
//!    and `exp`, when present, has not passed;
//! 7. `holder-binding` — the holder is the `credentialSubject.id` of every credential.

use std::fmt::{self, Write as _};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::{json, Value};

use crate::credential::{CheckedCredential, VC_CONTEXT_V2};
use crate::jws::{self, Header, JwsError, UnverifiedJws, MAX_JWS_LEN};
use crate::keys::{PublicKey, SecretKey};
use crate::verify::{Outcome, Report, Verdict, Verifier};

/// The JWS `typ` of a presentation (VC-JOSE-COSE).
pub const TYP_VP: &str = "vp+jwt";
/// The `data:` URL prefix of an enveloped `vc+jwt` credential.
pub const ENVELOPED_VC_PREFIX: &str = "data:application/vc+jwt,";
/// Most credentials in one presentation.
pub const MAX_CREDENTIALS: usize = 16;
/// Largest presentation accepted: room for [`MAX_CREDENTIALS`] full-size credentials
/// (each base64url-encoded once more inside the presentation's payload).
pub const MAX_PRESENTATION_LEN: usize = (MAX_CREDENTIALS * MAX_JWS_LEN) * 4 / 3 + 16 * 1024;
/// How long a presentation stays acceptable after it was made (`exp` = `iat` + this).
pub const PRESENTATION_LIFETIME_SECS: i64 = 600;
/// Largest `aud` or `nonce` accepted.
const MAX_BINDING_LEN: usize = 512;
/// Clock skew tolerated for a presentation made "in the future" of the verifier's clock.
const CLOCK_SKEW_SECS: i64 = 120;

/// Why a presentation could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum PresentationError {
    /// No credential was given.
    #[error("a presentation needs at least one credential")]
    NoCredentials,
    /// More than [`MAX_CREDENTIALS`].
    #[error("{0} credentials: at most {MAX_CREDENTIALS} fit in one presentation")]
    TooManyCredentials(usize),
    /// The audience or nonce is empty or too long.
    #[error("the {0} must be 1 to {MAX_BINDING_LEN} characters")]
    Binding(&'static str),
    /// A credential is not a readable `vc+jwt`.
    #[error("credential {index}: {reason}")]
    BadCredential {
        /// Position in the list, from 1.
        index: usize,
        /// What is wrong.
        reason: String,
    },
    /// A credential is bound to someone else (or to no one), so a verifier would refuse it.
    #[error(
        "credential {index} is not issued to this holder ({holder}): its subject is {subject}"
    )]
    NotTheHolders {
        /// Position in the list, from 1.
        index: usize,
        /// The presenting holder's DID.
        holder: String,
        /// The credential's `credentialSubject.id`, or "(none)".
        subject: String,
    },
}

/// Makes a presentation of `credentials` (compact `vc+jwt` each) signed by `holder`, bound
/// to `audience` and `nonce`, issued at `now` and expiring [`PRESENTATION_LIFETIME_SECS`]
/// later.
///
/// Every credential must name the holder as its `credentialSubject.id`; one that does not
/// would only be refused by the verifier, so it is refused here with a clearer reason.
pub fn present(
    holder: &SecretKey,
    credentials: &[String],
    audience: &str,
    nonce: &str,
    now: DateTime<Utc>,
) -> Result<String, PresentationError> {
    if credentials.is_empty() {
        return Err(PresentationError::NoCredentials);
    }
    if credentials.len() > MAX_CREDENTIALS {
        return Err(PresentationError::TooManyCredentials(credentials.len()));
    }
    check_binding(audience, "audience")?;
    check_binding(nonce, "nonce")?;
    let public = holder.public();
    let did = public.did();
    let mut envelopes = Vec::with_capacity(credentials.len());
    for (i, credential) in credentials.iter().enumerate() {
        let credential = credential.trim();
        let index = i + 1;
        let subject = subject_of(credential)
            .map_err(|reason| PresentationError::BadCredential { index, reason })?;
        if subject.as_deref() != Some(did.as_str()) {
            return Err(PresentationError::NotTheHolders {
                index,
                holder: did,
                subject: subject.unwrap_or_else(|| "(none)".into()),
            });
        }
        envelopes.push(json!({
            "@context": VC_CONTEXT_V2,
            "type": "EnvelopedVerifiableCredential",
            "id": format!("{ENVELOPED_VC_PREFIX}{credential}"),
        }));
    }
    let iat = now.timestamp();
    let payload = json!({
        "@context": [VC_CONTEXT_V2],
        "id": format!("urn:uuid:{}", uuid::Uuid::new_v4()),
        "type": ["VerifiablePresentation"],
        "holder": did,
        "verifiableCredential": envelopes,
        "aud": audience,
        "nonce": nonce,
        "iat": iat,
        "exp": iat + PRESENTATION_LIFETIME_SECS,
    });
    // A Value of strings and numbers always serializes.
    let bytes = serde_json::to_vec(&payload).unwrap_or_default();
    Ok(jws::sign(
        holder,
        &Header::new(TYP_VP, &public.did_url()),
        &bytes,
    ))
}

fn check_binding(value: &str, what: &'static str) -> Result<(), PresentationError> {
    if value.is_empty() || value.len() > MAX_BINDING_LEN {
        return Err(PresentationError::Binding(what));
    }
    Ok(())
}

/// The `credentialSubject.id` of a compact `vc+jwt`, read without checking its signature
/// (the credential's own verification does that).
fn subject_of(compact: &str) -> Result<Option<String>, String> {
    let parsed = UnverifiedJws::parse(compact, MAX_JWS_LEN).map_err(|e| e.to_string())?;
    let document = crate::json::parse_strict(parsed.payload()).map_err(|e| e.to_string())?;
    let checked = CheckedCredential::from_value(&document).map_err(|e| e.to_string())?;
    Ok(checked.subject_id)
}

/// The presentation checks, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PresentationCheckId {
    /// Size, segments, encoding, strict JSON, `typ`, the VP envelope.
    WellFormed,
    /// EdDSA only.
    Algorithm,
    /// Signed by the key of the holder's `did:key`.
    HolderSignature,
    /// `aud` is this verifier.
    Audience,
    /// `nonce` is the one this verifier supplied.
    Nonce,
    /// `iat` recent, `exp` not passed.
    Freshness,
    /// The holder is the subject of every credential.
    HolderBinding,
}

impl PresentationCheckId {
    /// The stable name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::WellFormed => "well-formed",
            Self::Algorithm => "algorithm",
            Self::HolderSignature => "holder-signature",
            Self::Audience => "audience",
            Self::Nonce => "nonce",
            Self::Freshness => "freshness",
            Self::HolderBinding => "holder-binding",
        }
    }

    /// Every check, in order.
    pub const ALL: [PresentationCheckId; 7] = [
        Self::WellFormed,
        Self::Algorithm,
        Self::HolderSignature,
        Self::Audience,
        Self::Nonce,
        Self::Freshness,
        Self::HolderBinding,
    ];
}

impl fmt::Display for PresentationCheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One presentation check's result.
#[derive(Debug, Clone, Serialize)]
pub struct PresentationCheck {
    /// Which check.
    #[serde(rename = "name")]
    pub id: PresentationCheckId,
    /// Its outcome.
    pub outcome: Outcome,
    /// Plain words.
    pub detail: String,
}

/// The verification report of a presentation: its own checks, then one credential
/// [`Report`] per enclosed credential, and a verdict over both.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PresentationReport {
    /// `invalid` if any check or any credential is invalid; `indeterminate` if nothing
    /// failed but something could not be decided; otherwise `valid`.
    pub verdict: Verdict,
    /// The holder's DID, when the presentation could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// The presentation checks, all seven, in order.
    pub checks: Vec<PresentationCheck>,
    /// The report of each enclosed credential, in the presentation's order.
    pub credentials: Vec<Report>,
}

impl PresentationReport {
    /// The result of one presentation check.
    pub fn check(&self, id: PresentationCheckId) -> Option<&PresentationCheck> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The names of the failing presentation checks, then `credential N` for each invalid
    /// credential.
    pub fn failed(&self) -> Vec<String> {
        let mut failed: Vec<String> = self
            .checks
            .iter()
            .filter(|c| c.outcome == Outcome::Fail)
            .map(|c| c.id.name().to_owned())
            .collect();
        for (i, report) in self.credentials.iter().enumerate() {
            if report.verdict == Verdict::Invalid {
                failed.push(format!("credential {}", i + 1));
            }
        }
        failed
    }

    /// A report for people.
    pub fn to_words(&self) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "{}: presentation of {} credential{}",
            self.verdict.to_string().to_uppercase(),
            self.credentials.len(),
            if self.credentials.len() == 1 { "" } else { "s" }
        );
        if let Some(holder) = &self.holder {
            let _ = write!(out, " by {holder}");
        }
        out.push('\n');
        for (n, check) in self.checks.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {:>2}. [{:<9}] {:<17} {}",
                n + 1,
                mark(check.outcome),
                check.id.name(),
                check.detail
            );
        }
        for (i, report) in self.credentials.iter().enumerate() {
            let _ = write!(out, "\ncredential {}: ", i + 1);
            out.push_str(&report.to_words());
        }
        out
    }
}

pub(crate) fn mark(outcome: Outcome) -> &'static str {
    outcome.mark()
}

/// What the signed payload of a presentation says, read from untrusted JSON.
struct CheckedPresentation {
    holder: String,
    credentials: Vec<String>,
    audience: Value,
    nonce: String,
    iat: i64,
    exp: Option<i64>,
}

impl CheckedPresentation {
    fn from_value(v: &Value) -> Result<Self, String> {
        let obj = v.as_object().ok_or("the payload is not a JSON object")?;
        match obj
            .get("@context")
            .and_then(Value::as_array)
            .and_then(|c| c.first())
        {
            Some(Value::String(c)) if c == VC_CONTEXT_V2 => {}
            _ => {
                return Err(format!(
                    "`@context` must be an array starting with {VC_CONTEXT_V2}"
                ))
            }
        }
        if obj.contains_key("vc") || obj.contains_key("vp") {
            return Err("JWT claims `vc`/`vp` must not be present (VC-JOSE-COSE)".into());
        }
        let is_vp = match obj.get("type") {
            Some(Value::String(t)) => t == "VerifiablePresentation",
            Some(Value::Array(types)) => types.iter().any(|t| t == "VerifiablePresentation"),
            _ => false,
        };
        if !is_vp {
            return Err("`type` must include VerifiablePresentation".into());
        }
        let holder = match obj.get("holder") {
            Some(Value::String(h)) => h.clone(),
            Some(Value::Object(h)) => h
                .get("id")
                .and_then(Value::as_str)
                .ok_or("`holder.id` is missing")?
                .to_owned(),
            _ => return Err("`holder` is missing".into()),
        };
        let items = match obj.get("verifiableCredential") {
            Some(Value::Array(items)) => items.as_slice(),
            Some(one @ Value::Object(_)) => std::slice::from_ref(one),
            _ => return Err("`verifiableCredential` is missing".into()),
        };
        if items.is_empty() {
            return Err("`verifiableCredential` is empty".into());
        }
        if items.len() > MAX_CREDENTIALS {
            return Err(format!(
                "{} credentials: at most {MAX_CREDENTIALS} are accepted",
                items.len()
            ));
        }
        let credentials = items
            .iter()
            .enumerate()
            .map(|(i, item)| enveloped(item).map_err(|e| format!("credential {}: {e}", i + 1)))
            .collect::<Result<Vec<_>, _>>()?;
        let audience = match obj.get("aud") {
            Some(a @ (Value::String(_) | Value::Array(_))) => a.clone(),
            _ => return Err("`aud` is missing".into()),
        };
        let nonce = obj
            .get("nonce")
            .and_then(Value::as_str)
            .ok_or("`nonce` is missing")?
            .to_owned();
        let iat = obj
            .get("iat")
            .and_then(Value::as_i64)
            .ok_or("`iat` is missing or not a whole number of seconds")?;
        let exp = match obj.get("exp") {
            None => None,
            Some(e) => Some(e.as_i64().ok_or("`exp` is not a whole number of seconds")?),
        };
        Ok(Self {
            holder,
            credentials,
            audience,
            nonce,
            iat,
            exp,
        })
    }
}

fn enveloped(item: &Value) -> Result<String, String> {
    if item.get("type").and_then(Value::as_str) != Some("EnvelopedVerifiableCredential") {
        return Err("not an EnvelopedVerifiableCredential".into());
    }
    let id = item
        .get("id")
        .and_then(Value::as_str)
        .ok_or("the enveloped credential has no `id`")?;
    id.strip_prefix(ENVELOPED_VC_PREFIX)
        .map(str::to_owned)
        .ok_or_else(|| format!("the `id` is not a {ENVELOPED_VC_PREFIX}… URL"))
}

/// Verifies a presentation for a verifier whose identifier is `expected_audience` and who
/// handed out `expected_nonce`, accepting it up to `max_age` after its `iat` (by the
/// verifier's clock), then verifies every enclosed credential with `verifier`.
pub fn verify_presentation(
    verifier: &Verifier<'_>,
    compact: &str,
    expected_audience: &str,
    expected_nonce: &str,
    max_age: Duration,
) -> PresentationReport {
    let now = verifier.now();
    let mut checks: Vec<PresentationCheck> = Vec::with_capacity(PresentationCheckId::ALL.len());
    let mut push = |id, outcome, detail: String| {
        checks.push(PresentationCheck {
            id,
            outcome,
            detail,
        })
    };
    let compact = compact.trim();
    let parsed = match UnverifiedJws::parse(compact, MAX_PRESENTATION_LEN) {
        Ok(p) => Some(p),
        Err(e @ (JwsError::Algorithm(_) | JwsError::Crit)) => {
            push(
                PresentationCheckId::WellFormed,
                Outcome::Pass,
                "compact JWS with a readable header".into(),
            );
            push(PresentationCheckId::Algorithm, Outcome::Fail, e.to_string());
            None
        }
        Err(e) => {
            push(
                PresentationCheckId::WellFormed,
                Outcome::Fail,
                e.to_string(),
            );
            None
        }
    };
    let read = parsed.and_then(|parsed| {
        let payload = match crate::json::parse_strict(parsed.payload()) {
            Ok(v) => v,
            Err(e) => {
                push(
                    PresentationCheckId::WellFormed,
                    Outcome::Fail,
                    format!("payload is not strict JSON: {e}"),
                );
                return None;
            }
        };
        if parsed.header().typ.as_deref() != Some(TYP_VP) {
            push(
                PresentationCheckId::WellFormed,
                Outcome::Fail,
                format!("header typ must be {TYP_VP}"),
            );
            return None;
        }
        match CheckedPresentation::from_value(&payload) {
            Ok(p) => {
                push(
                    PresentationCheckId::WellFormed,
                    Outcome::Pass,
                    format!(
                        "{} bytes, VC 2.0 VerifiablePresentation of {} credential(s)",
                        compact.len(),
                        p.credentials.len()
                    ),
                );
                push(
                    PresentationCheckId::Algorithm,
                    Outcome::Pass,
                    "EdDSA (Ed25519)".into(),
                );
                Some((parsed, p))
            }
            Err(e) => {
                push(PresentationCheckId::WellFormed, Outcome::Fail, e);
                None
            }
        }
    });
    let Some((parsed, vp)) = read else {
        return finish(checks, None, Vec::new());
    };

    let (outcome, detail) = holder_signature(&parsed, &vp.holder);
    push(PresentationCheckId::HolderSignature, outcome, detail);

    let audience_ok = match &vp.audience {
        Value::String(a) => a == expected_audience,
        Value::Array(list) => list.iter().any(|a| a == expected_audience),
        _ => false,
    };
    if audience_ok {
        push(
            PresentationCheckId::Audience,
            Outcome::Pass,
            format!("made for {expected_audience}"),
        );
    } else {
        push(
            PresentationCheckId::Audience,
            Outcome::Fail,
            format!(
                "made for {}, not for {expected_audience}",
                shorten(&vp.audience.to_string())
            ),
        );
    }

    if vp.nonce == expected_nonce {
        push(
            PresentationCheckId::Nonce,
            Outcome::Pass,
            "the nonce is the one supplied".into(),
        );
    } else {
        push(
            PresentationCheckId::Nonce,
            Outcome::Fail,
            "the nonce is not the one supplied: a replayed or misdirected presentation".into(),
        );
    }

    let (outcome, detail) = freshness(vp.iat, vp.exp, now, max_age);
    push(PresentationCheckId::Freshness, outcome, detail);

    let mut unbound = Vec::new();
    for (i, credential) in vp.credentials.iter().enumerate() {
        match subject_of(credential) {
            Ok(Some(subject)) if subject == vp.holder => {}
            Ok(Some(_)) => unbound.push(format!("credential {} is issued to someone else", i + 1)),
            Ok(None) => unbound.push(format!("credential {} names no subject id", i + 1)),
            Err(_) => unbound.push(format!("credential {} cannot be read", i + 1)),
        }
    }
    if unbound.is_empty() {
        push(
            PresentationCheckId::HolderBinding,
            Outcome::Pass,
            "the holder is the subject of every credential".into(),
        );
    } else {
        push(
            PresentationCheckId::HolderBinding,
            Outcome::Fail,
            unbound.join("; "),
        );
    }

    let reports = if vp.credentials.len() == 1 {
        vp.credentials.iter().map(|c| verifier.verify(c)).collect()
    } else {
        verifier.verify_many(&vp.credentials)
    };
    finish(checks, Some(vp.holder), reports)
}

fn holder_signature(parsed: &UnverifiedJws<'_>, holder: &str) -> (Outcome, String) {
    let Some(kid) = parsed.header().kid.as_deref() else {
        return (Outcome::Fail, "the header has no kid".into());
    };
    let key = match PublicKey::from_did(kid) {
        Ok(k) => k,
        Err(e) => return (Outcome::Fail, format!("kid: {e}")),
    };
    if !kid.contains('#') {
        return (
            Outcome::Fail,
            "kid must be a DID URL (did:key:z…#z…)".into(),
        );
    }
    if key.did() != holder {
        return (
            Outcome::Fail,
            "the kid is not a key of the presentation's holder".into(),
        );
    }
    if parsed.verify_with(&key) {
        (
            Outcome::Pass,
            "signed by the key of the holder's did:key".into(),
        )
    } else {
        (
            Outcome::Fail,
            "the holder's signature does not verify: the presentation was altered or signed by another key".into(),
        )
    }
}

pub(crate) fn freshness(
    iat: i64,
    exp: Option<i64>,
    now: DateTime<Utc>,
    max_age: Duration,
) -> (Outcome, String) {
    let Some(issued) = DateTime::<Utc>::from_timestamp(iat, 0) else {
        return (Outcome::Fail, "`iat` is not a representable time".into());
    };
    let when = crate::credential::format_time(issued);
    if issued > now + Duration::seconds(CLOCK_SKEW_SECS) {
        return (
            Outcome::Fail,
            format!("made at {when}, in the future of this verifier's clock"),
        );
    }
    if now - issued > max_age {
        return (
            Outcome::Fail,
            format!(
                "made at {when}, more than {} seconds ago",
                max_age.num_seconds()
            ),
        );
    }
    if let Some(exp) = exp {
        if now.timestamp() >= exp {
            return (Outcome::Fail, "the presentation has expired (`exp`)".into());
        }
    }
    (Outcome::Pass, format!("made at {when}"))
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 120 {
        let mut t: String = s.chars().take(117).collect();
        t.push('…');
        t
    } else {
        s.to_owned()
    }
}

fn finish(
    mut checks: Vec<PresentationCheck>,
    holder: Option<String>,
    credentials: Vec<Report>,
) -> PresentationReport {
    for id in PresentationCheckId::ALL {
        if !checks.iter().any(|c| c.id == id) {
            checks.push(PresentationCheck {
                id,
                outcome: Outcome::Skipped,
                detail: "not run: an earlier check failed".into(),
            });
        }
    }
    checks.sort_by_key(|c| PresentationCheckId::ALL.iter().position(|&i| i == c.id));
    let verdict = combine(
        checks.iter().map(|c| c.outcome),
        credentials.iter().map(|r| r.verdict),
    );
    PresentationReport {
        verdict,
        holder,
        checks,
        credentials,
    }
}

/// The verdict over a list of check outcomes and the verdicts of enclosed credentials.
pub(crate) fn combine(
    outcomes: impl IntoIterator<Item = Outcome>,
    verdicts: impl IntoIterator<Item = Verdict>,
) -> Verdict {
    let mut verdict = Verdict::Valid;
    for outcome in outcomes {
        match outcome {
            Outcome::Fail => return Verdict::Invalid,
            Outcome::Pass => {}
            Outcome::Indeterminate | Outcome::Skipped => verdict = Verdict::Indeterminate,
        }
    }
    for v in verdicts {
        match v {
            Verdict::Invalid => return Verdict::Invalid,
            Verdict::Indeterminate => verdict = Verdict::Indeterminate,
            Verdict::Valid => {}
        }
    }
    verdict
}

/// The report for a presentation that could not be checked because the trust bundle was
/// refused: every presentation check skipped, and one credential report saying why.
pub fn bundle_rejected(reason: &str) -> PresentationReport {
    finish(
        Vec::new(),
        None,
        vec![crate::verify::bundle_rejected(reason)],
    )
}

/// Decodes the payload of a presentation without verifying anything, to list what it holds
/// (for display only; never for a trust decision).
pub fn peek_credentials_unchecked(compact: &str) -> Option<Vec<String>> {
    let mut parts = compact.trim().split('.');
    let payload = URL_SAFE_NO_PAD.decode(parts.nth(1)?).ok()?;
    let value = crate::json::parse_strict(&payload).ok()?;
    CheckedPresentation::from_value(&value)
        .ok()
        .map(|p| p.credentials)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::Fixture;

    const EMPLOYER: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    const NONCE: &str = "n-0S6_WzA2Mj";

    fn max_age() -> Duration {
        Duration::minutes(5)
    }

    #[test]
    fn a_presentation_to_the_right_audience_and_nonce_is_valid() {
        let f = Fixture::new();
        let vc = f.issue_to(&f.holder.public().did());
        let vp = present(&f.holder, &[vc], EMPLOYER, NONCE, f.now).unwrap();
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &vp, EMPLOYER, NONCE, max_age());
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
        let vp = present(
            &f.holder,
            &[f.issue_to(&f.holder.public().did())],
            EMPLOYER,
            NONCE,
            f.now,
        )
        .unwrap();
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &vp, EMPLOYER, "another", max_age());
        assert_eq!(report.verdict, Verdict::Invalid);
        assert_eq!(report.failed(), vec!["nonce"]);
    }

    #[test]
    fn a_presentation_replayed_to_another_audience_is_invalid() {
        let f = Fixture::new();
        let vp = present(
            &f.holder,
            &[f.issue_to(&f.holder.public().did())],
            EMPLOYER,
            NONCE,
            f.now,
        )
        .unwrap();
        let bundle = f.bundle();
        let other = "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG";
        let report = verify_presentation(&f.verifier(&bundle), &vp, other, NONCE, max_age());
        assert_eq!(report.verdict, Verdict::Invalid);
        assert_eq!(report.failed(), vec!["audience"]);
    }

    #[test]
    fn a_presentation_older_than_the_maximum_age_is_invalid() {
        let f = Fixture::new();
        let vp = present(
            &f.holder,
            &[f.issue_to(&f.holder.public().did())],
            EMPLOYER,
            NONCE,
            f.now - Duration::minutes(6),
        )
        .unwrap();
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &vp, EMPLOYER, NONCE, max_age());
        assert_eq!(report.failed(), vec!["freshness"]);
    }

    #[test]
    fn an_expired_presentation_is_invalid_even_within_the_maximum_age() {
        let f = Fixture::new();
        let vp = present(
            &f.holder,
            &[f.issue_to(&f.holder.public().did())],
            EMPLOYER,
            NONCE,
            f.now - Duration::seconds(PRESENTATION_LIFETIME_SECS + 1),
        )
        .unwrap();
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
        let vp = present(
            &f.holder,
            &[f.issue_to(&f.holder.public().did())],
            EMPLOYER,
            NONCE,
            f.now + Duration::minutes(10),
        )
        .unwrap();
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &vp, EMPLOYER, NONCE, max_age());
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
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &vp, EMPLOYER, NONCE, max_age());
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
        let vp = present(
            &f.holder,
            &[f.issue_to(&f.holder.public().did())],
            EMPLOYER,
            NONCE,
            f.now,
        )
        .unwrap();
        // Re-sign the same header and payload with another key.
        let other = SecretKey::generate();
        let parsed = UnverifiedJws::parse(&vp, MAX_PRESENTATION_LEN).unwrap();
        let header = URL_SAFE_NO_PAD
            .decode(parsed.signing_input().split('.').next().unwrap())
            .unwrap();
        let forged = jws::sign_raw(&other, &header, parsed.payload());
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &forged, EMPLOYER, NONCE, max_age());
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
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &vp, EMPLOYER, NONCE, max_age());
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
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &vp, EMPLOYER, NONCE, max_age());
        assert_eq!(report.verdict, Verdict::Invalid);
        assert_eq!(report.failed(), vec!["credential 1"]);
        assert!(report.credentials[0].failed().contains(&"signature"));
    }

    #[test]
    fn a_vc_jwt_is_not_accepted_as_a_presentation() {
        let f = Fixture::new();
        let vc = f.issue_to(&f.holder.public().did());
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &vc, EMPLOYER, NONCE, max_age());
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
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &vp, EMPLOYER, NONCE, max_age());
        assert_eq!(report.verdict, Verdict::Invalid);
        // An empty signature segment is refused as malformed before the header is judged,
        // so sign it to reach the algorithm check.
        let signed = jws::sign_raw(&f.holder, br#"{"alg":"none","typ":"vp+jwt"}"#, b"{}");
        let report = verify_presentation(&f.verifier(&bundle), &signed, EMPLOYER, NONCE, max_age());
        assert_eq!(report.failed(), vec!["algorithm"]);
    }

    #[test]
    fn oversized_presentations_are_refused_before_parsing() {
        let f = Fixture::new();
        let big = "a".repeat(MAX_PRESENTATION_LEN + 1);
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &big, EMPLOYER, NONCE, max_age());
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
        let bundle = f.bundle();
        let report = verify_presentation(&f.verifier(&bundle), &vp, EMPLOYER, NONCE, max_age());
        assert_eq!(report.verdict, Verdict::Valid);
        assert_eq!(report.credentials.len(), 2);
        assert_eq!(peek_credentials_unchecked(&vp).unwrap().len(), 2);
    }
}
