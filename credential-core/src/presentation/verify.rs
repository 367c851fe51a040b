//! Verifying a presentation: its seven checks as numbered steps, then the ordinary
//! credential checks on every enclosed credential.

use chrono::Duration;
use serde_json::Value;

use super::check::PresentationCheckId as Id;
use super::present::TYP_VP;
use super::report::PresentationReport;
use super::shape::CheckedPresentation;
use super::subject::subject_of;
use crate::binding;
use crate::i18n::Msg;
use crate::jws::UnverifiedJws;
use crate::keys::PublicKey;
use crate::report::{Checks, Outcome};
use crate::signed::{Kind as _, PresentationJwt};
use crate::verify::Verifier;

/// Largest presentation accepted: room for `MAX_CREDENTIALS` full-size credentials
/// (each base64url-encoded once more inside the presentation's payload).
pub const MAX_PRESENTATION_LEN: usize = PresentationJwt::MAX_LEN;

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
    let mut checks = Checks::new();
    let compact = compact.trim();
    // 1–2. well-formed and algorithm: a readable presentation, or nothing more to check.
    let Some((parsed, vp)) = read(compact, &mut checks) else {
        return PresentationReport::new(checks, None, Vec::new());
    };
    // 3. holder-signature: by the key of the holder's did:key, named by the kid.
    let (outcome, detail) = holder_signature(&parsed, &vp.holder);
    checks.push(Id::HolderSignature, outcome, detail);
    // 4. audience.
    let (outcome, detail) = audience(&vp.audience, expected_audience);
    checks.push(Id::Audience, outcome, detail);
    // 5. nonce.
    let (outcome, detail) = binding::nonce(Some(&vp.nonce), expected_nonce);
    checks.push(Id::Nonce, outcome, detail);
    // 6. freshness.
    let (outcome, detail) = binding::freshness(vp.iat, vp.exp, verifier.now(), max_age);
    checks.push(Id::Freshness, outcome, detail);
    // 7. holder-binding: the holder is the subject of every credential.
    let (outcome, detail) = holder_binding(&vp);
    checks.push(Id::HolderBinding, outcome, detail);
    // Then each credential on its own, in Ed25519 batches when there are several.
    let reports = if vp.credentials.len() == 1 {
        vp.credentials.iter().map(|c| verifier.verify(c)).collect()
    } else {
        verifier.verify_many(&vp.credentials)
    };
    PresentationReport::new(checks, Some(vp.holder), reports)
}

/// Steps 1 and 2: the compact JWS within the size limit and with an allowed algorithm, a strict JSON
/// payload, `typ` `vp+jwt`, and the presentation envelope.
fn read<'a>(
    compact: &'a str,
    checks: &mut Checks<Id>,
) -> Option<(UnverifiedJws<'a>, CheckedPresentation)> {
    let parsed = super::parse_vp_jwt(compact, checks, Id::WellFormed, Id::Algorithm)?;
    let payload = match crate::json::parse_strict(parsed.payload()) {
        Ok(v) => v,
        Err(e) => {
            checks.push(
                Id::WellFormed,
                Outcome::Fail,
                Msg::new("well-formed-not-json").arg("reason", e.to_string()),
            );
            return None;
        }
    };
    if parsed.header().typ.as_deref() != Some(TYP_VP) {
        checks.push(
            Id::WellFormed,
            Outcome::Fail,
            Msg::new("well-formed-typ").arg("typ", TYP_VP),
        );
        return None;
    }
    match CheckedPresentation::from_value(&payload) {
        Ok(vp) => {
            checks.push(
                Id::WellFormed,
                Outcome::Pass,
                Msg::new("presentation-well-formed-ok")
                    .arg("bytes", compact.len())
                    .arg("count", vp.credentials.len()),
            );
            checks.push(
                Id::Algorithm,
                Outcome::Pass,
                Msg::raw(parsed.algorithm().describe()),
            );
            Some((parsed, vp))
        }
        Err(e) => {
            checks.push(Id::WellFormed, Outcome::Fail, Msg::raw(e.to_string()));
            None
        }
    }
}

/// Step 3: the `kid` is a `did:key` DID URL of the holder, and its key signed.
fn holder_signature(parsed: &UnverifiedJws<'_>, holder: &str) -> (Outcome, Msg) {
    let Some(kid) = parsed.header().kid.as_deref() else {
        return (Outcome::Fail, Msg::new("key-no-kid"));
    };
    let key = match PublicKey::from_did(kid) {
        Ok(k) => k,
        Err(e) => {
            return (
                Outcome::Fail,
                Msg::new("kid-bad").arg("reason", e.to_string()),
            )
        }
    };
    if !kid.contains('#') {
        return (Outcome::Fail, Msg::new("kid-not-url"));
    }
    if key.did() != holder {
        return (Outcome::Fail, Msg::new("kid-not-holder"));
    }
    if parsed.verify_with(&key) {
        (Outcome::Pass, Msg::new("holder-signature-ok"))
    } else {
        (Outcome::Fail, Msg::new("holder-signature-bad"))
    }
}

/// Step 4: `aud` (a string, or a list) names this verifier.
fn audience(audience: &Value, expected: &str) -> (Outcome, Msg) {
    let ok = match audience {
        Value::String(a) => a == expected,
        Value::Array(list) => list.iter().any(|a| a == expected),
        _ => false,
    };
    if ok {
        (
            Outcome::Pass,
            Msg::new("audience-ok").arg("audience", expected),
        )
    } else {
        (
            Outcome::Fail,
            Msg::new("audience-other")
                .arg("got", shorten(&audience.to_string()))
                .arg("audience", expected),
        )
    }
}

/// Step 7: every credential names the holder as its subject.
fn holder_binding(vp: &CheckedPresentation) -> (Outcome, Msg) {
    let mut unbound = Vec::new();
    for (i, credential) in vp.credentials.iter().enumerate() {
        let id = match subject_of(credential) {
            Ok(Some(subject)) if subject == vp.holder => continue,
            Ok(Some(_)) => "binding-someone-else",
            Ok(None) => "binding-no-subject",
            Err(_) => "binding-unreadable",
        };
        unbound.push(Msg::new(id).arg("n", i + 1));
    }
    match Msg::join("joined", unbound) {
        None => (Outcome::Pass, Msg::new("binding-ok")),
        Some(list) => (Outcome::Fail, list),
    }
}

/// An untrusted value cut to 120 characters for a report line.
fn shorten(s: &str) -> String {
    if s.chars().count() > 120 {
        let mut t: String = s.chars().take(117).collect();
        t.push('…');
        t
    } else {
        s.to_owned()
    }
}
