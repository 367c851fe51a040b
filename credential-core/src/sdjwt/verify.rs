//! Verifying an SD-JWT: its seven checks as numbered steps around the ordinary credential
//! checks, which run on the issuer-signed JWS with the presented disclosures put back.

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use super::check::SdCheckId as Id;
use super::disclosure::{digest, Disclosure};
use super::parts::{split, SdJwtParts};
use super::process::{process, Problems, Processed};
use super::report::SdJwtReport;
use crate::binding;
use crate::i18n::Msg;
use crate::keys::PublicKey;
use crate::report::{Checks, Outcome};
use crate::sdjwt_vc::layout::to_vc;
use crate::sdjwt_vc::type_metadata::{integrity, kind_of_vct, type_metadata_bytes};
use crate::signed::{
    open, peek_json, DcSdJwtIssuerJwt, KeyBindingJwt, Kind as _, OpenError, SdJwtIssuerJwt,
};
use crate::verify::{Reading, Report, Verifier};

/// The JWS `typ` of a key-binding JWT (RFC 9901).
pub const TYP_KB: &str = KeyBindingJwt::TYP;

/// The key binding expected of a presentation.
struct Expect<'e> {
    audience: &'e str,
    nonce: &'e str,
    max_age: Duration,
}

/// Verifies an SD-JWT presentation (with its key-binding JWT) for a verifier whose
/// identifier is `expected_audience` and who supplied `expected_nonce`. An IETF SD-JWT VC
/// (signed header `typ` `dc+sd-jwt`) is verified as [`verify_dc`] does.
pub fn verify(
    verifier: &Verifier<'_>,
    text: &str,
    expected_audience: &str,
    expected_nonce: &str,
    max_age: Duration,
) -> SdJwtReport {
    run(
        verifier,
        text,
        Format::of(text),
        Some(Expect {
            audience: expected_audience,
            nonce: expected_nonce,
            max_age,
        }),
    )
}

/// Verifies an IETF SD-JWT VC presentation (`dc+sd-jwt` with its key-binding JWT): the
/// same checks as [`verify`] on the VC 2.0 document the payload stands for, and the
/// `vct#integrity` of the Skillpass Type Metadata of its `vct` (in `well-formed`).
pub fn verify_dc(
    verifier: &Verifier<'_>,
    text: &str,
    expected_audience: &str,
    expected_nonce: &str,
    max_age: Duration,
) -> SdJwtReport {
    run(
        verifier,
        text,
        Format::Ietf,
        Some(Expect {
            audience: expected_audience,
            nonce: expected_nonce,
            max_age,
        }),
    )
}

/// [`verify_issued`] for an IETF SD-JWT VC as issued (whatever its header says).
pub fn verify_issued_dc(verifier: &Verifier<'_>, text: &str) -> SdJwtReport {
    run(verifier, text, Format::Ietf, None)
}

/// Which SD-JWT layout is being verified.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    /// `vc+sd-jwt`: the VC 2.0 document itself.
    W3c,
    /// `dc+sd-jwt`: the IETF SD-JWT VC layout.
    Ietf,
}

impl Format {
    /// The layout the issuer JWS's header names (the header is signed: a relabelled one
    /// fails the signature check).
    fn of(text: &str) -> Self {
        let jws = text.trim().split('~').next().unwrap_or_default();
        match crate::jws::UnverifiedJws::parse(jws, crate::jws::MAX_JWS_LEN) {
            Ok(j) if j.header().typ.as_deref() == Some(DcSdJwtIssuerJwt::TYP) => Self::Ietf,
            _ => Self::W3c,
        }
    }

    fn read<'a>(self, verifier: &Verifier<'_>, jws: &'a str) -> Reading<'a> {
        match self {
            Self::W3c => verifier.read::<SdJwtIssuerJwt>(jws),
            Self::Ietf => verifier.read::<DcSdJwtIssuerJwt>(jws),
        }
    }
}

/// Verifies an SD-JWT as issued (the holder's own copy, every disclosure, no key binding),
/// for a wallet: the key-binding checks are skipped, so the verdict is at best
/// `indeterminate`; read [`SdJwtReport::credential`] for the issuer-side verdict.
pub fn verify_issued(verifier: &Verifier<'_>, text: &str) -> SdJwtReport {
    run(verifier, text, Format::of(text), None)
}

fn run(
    verifier: &Verifier<'_>,
    text: &str,
    format: Format,
    expect: Option<Expect<'_>>,
) -> SdJwtReport {
    let text = text.trim();
    let mut checks = Checks::new();
    // 1. well-formed: the `~` structure and every disclosure readable; for an SD-JWT VC,
    //    the `vct#integrity` of the Skillpass Type Metadata of its `vct`.
    let read = well_formed(text).and_then(|(parts, disclosures)| {
        if format == Format::Ietf {
            type_integrity(parts.jws)
                .map_err(|reason| Msg::new("sd-vc-type-metadata").arg("reason", reason))?;
        }
        Ok((parts, disclosures))
    });
    let (parts, disclosures) = match read {
        Ok(read) => read,
        Err(detail) => {
            checks.push(Id::WellFormed, Outcome::Fail, detail);
            let report = issuer_side_only(verifier, text, format);
            return SdJwtReport::new(checks, report, Processed::default(), None);
        }
    };
    let id = if parts.key_binding.is_some() {
        "sd-well-formed-bound"
    } else {
        "sd-well-formed-unbound"
    };
    checks.push(
        Id::WellFormed,
        Outcome::Pass,
        Msg::new(id)
            .arg("bytes", text.len())
            .arg("count", disclosures.len()),
    );
    // 2. disclosures: put back into the issuer-signed payload, and the credential checks
    //    run on the document they reveal.
    let (report, processed) = match format.read(verifier, parts.jws) {
        Reading::Stopped(unreadable) => {
            checks.push(
                Id::Disclosures,
                Outcome::Fail,
                Msg::new("sd-issuer-unreadable"),
            );
            let report = verifier.unreadable(unreadable);
            return SdJwtReport::new(checks, report, Processed::default(), None);
        }
        Reading::Read(mut read) => {
            let mut processed = process(std::mem::take(&mut read.document), &disclosures);
            let hidden = match format {
                Format::W3c => processed.hidden.clone(),
                Format::Ietf => {
                    match to_vc(&processed.document) {
                        Ok(vc) => processed.document = vc,
                        Err(e) => {
                            checks.push(
                                Id::Disclosures,
                                Outcome::Fail,
                                Msg::new("sd-vc-layout").arg("reason", e.to_string()),
                            );
                            let report = issuer_side_only(verifier, text, format);
                            return SdJwtReport::new(checks, report, Processed::default(), None);
                        }
                    }
                    // The subject's claims sit at the top level of an SD-JWT VC.
                    processed
                        .hidden
                        .iter()
                        .map(|p| format!("/credentialSubject{p}"))
                        .collect()
                }
            };
            read.document = processed.document.clone();
            (verifier.verify_read(read, &hidden), processed)
        }
    };
    if processed.problems.is_empty() {
        checks.push(
            Id::Disclosures,
            Outcome::Pass,
            Msg::new("sd-disclosures-ok").arg("count", disclosures.len()),
        );
    } else {
        checks.push(
            Id::Disclosures,
            Outcome::Fail,
            Msg::raw(Problems(&processed.problems).to_string()),
        );
    }
    let cnf = processed
        .cnf
        .as_ref()
        .and_then(|c| c.get("jwk"))
        .and_then(|j| serde_json::from_value(j.clone()).ok())
        .and_then(|j| PublicKey::from_jwk(&j).ok());
    // 3–6. key-binding, audience, nonce, freshness.
    match expect {
        None => {
            for id in [Id::KeyBinding, Id::Audience, Id::Nonce, Id::Freshness] {
                checks.push(id, Outcome::Skipped, Msg::new("sd-not-run-own-copy"));
            }
        }
        Some(expect) => key_binding(&parts, cnf.as_ref(), &expect, verifier.now(), &mut checks),
    }
    // 7. holder-binding: the cnf key is the subject's did:key.
    let subject_id = processed
        .document
        .pointer("/credentialSubject/id")
        .and_then(Value::as_str);
    let (outcome, detail) = match (&cnf, subject_id) {
        (Some(key), Some(subject)) if key.did() == subject => {
            (Outcome::Pass, "sd-holder-binding-ok")
        }
        (None, _) => (Outcome::Fail, "sd-no-cnf"),
        (Some(_), None) => (Outcome::Fail, "sd-no-subject"),
        (Some(_), Some(_)) => (Outcome::Fail, "sd-cnf-not-subject"),
    };
    checks.push(Id::HolderBinding, outcome, Msg::new(detail));
    let subject = processed.document.get("credentialSubject").cloned();
    SdJwtReport::new(checks, report, processed, subject)
}

/// Step 1: the parts of the SD-JWT and its decoded disclosures, or the well-formed detail.
fn well_formed(text: &str) -> Result<(SdJwtParts<'_>, Vec<Disclosure>), Msg> {
    let parts = split(text).map_err(|e| Msg::raw(e.to_string()))?;
    let disclosures = parts
        .disclosures
        .iter()
        .enumerate()
        .map(|(i, d)| {
            Disclosure::parse(d).map_err(|e| {
                Msg::new("sd-disclosure-bad")
                    .arg("n", i + 1)
                    .arg("reason", e.to_string())
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((parts, disclosures))
}

/// The issuer-side report of the JWS before the first `~`, when the SD-JWT around it is
/// malformed.
fn issuer_side_only(verifier: &Verifier<'_>, text: &str, format: Format) -> Report {
    let jws = text.split('~').next().unwrap_or_default();
    match format.read(verifier, jws) {
        Reading::Read(read) => verifier.verify_read(read, &[]),
        Reading::Stopped(unreadable) => verifier.unreadable(unreadable),
    }
}

/// Step 1 for an SD-JWT VC: its `vct` is a Skillpass credential type and `vct#integrity`
/// is the integrity of that type's Type Metadata (read before the signature is checked,
/// which the credential checks then do).
fn type_integrity(jws: &str) -> Result<(), String> {
    let payload = peek_json::<DcSdJwtIssuerJwt>(jws).map_err(|e| format!("issuer JWS: {e}"))?;
    let vct = payload
        .get("vct")
        .and_then(Value::as_str)
        .ok_or("an SD-JWT VC needs a vct")?;
    let kind =
        kind_of_vct(vct).ok_or_else(|| format!("vct {vct} is not a Skillpass credential type"))?;
    let expected = integrity(&type_metadata_bytes(vct, kind));
    match payload.get("vct#integrity").and_then(Value::as_str) {
        Some(i) if i == expected => Ok(()),
        Some(_) => Err(format!(
            "vct#integrity does not match the Type Metadata of {vct}"
        )),
        None => Err("no vct#integrity: the Type Metadata cannot be checked".into()),
    }
}

/// Steps 3–6: a `kb+jwt` signed by the `cnf` key over exactly what was presented, made for
/// this verifier, in this session, recently. Without a valid key binding, the other three
/// are not run.
fn key_binding(
    parts: &SdJwtParts<'_>,
    cnf: Option<&PublicKey>,
    expect: &Expect<'_>,
    now: DateTime<Utc>,
    checks: &mut Checks<Id>,
) {
    let claims = match bound_claims(parts, cnf) {
        Ok(claims) => claims,
        Err(why) => {
            checks.push(Id::KeyBinding, Outcome::Fail, why);
            for id in [Id::Audience, Id::Nonce, Id::Freshness] {
                checks.push(id, Outcome::Skipped, Msg::new("sd-not-run-no-binding"));
            }
            return;
        }
    };
    checks.push(Id::KeyBinding, Outcome::Pass, Msg::new("sd-key-binding-ok"));
    match claims.get("aud") {
        Some(Value::String(a)) if a == expect.audience => checks.push(
            Id::Audience,
            Outcome::Pass,
            Msg::new("audience-ok").arg("audience", expect.audience),
        ),
        _ => checks.push(
            Id::Audience,
            Outcome::Fail,
            Msg::new("audience-not").arg("audience", expect.audience),
        ),
    }
    let (outcome, detail) =
        binding::nonce(claims.get("nonce").and_then(Value::as_str), expect.nonce);
    checks.push(Id::Nonce, outcome, detail);
    let (outcome, detail) = match claims.get("iat").and_then(Value::as_i64) {
        Some(iat) => {
            let exp = claims.get("exp").and_then(Value::as_i64);
            binding::freshness(iat, exp, now, expect.max_age)
        }
        None => (Outcome::Fail, Msg::new("sd-kb-no-iat")),
    };
    checks.push(Id::Freshness, outcome, detail);
}

/// Step 3: the key-binding JWT's claims, once its `typ`, its signature by `cnf` and its
/// `sd_hash` over `parts.hashed` are checked; otherwise the key-binding detail.
fn bound_claims(parts: &SdJwtParts<'_>, cnf: Option<&PublicKey>) -> Result<Value, Msg> {
    let Some(kb) = parts.key_binding else {
        return Err(Msg::new("sd-kb-missing"));
    };
    let Some(cnf) = cnf else {
        return Err(Msg::new("sd-kb-no-cnf"));
    };
    let claims = open::<KeyBindingJwt>(kb, cnf)
        .map_err(|e| match e {
            OpenError::Typ { .. } => Msg::new("sd-kb-typ").arg("typ", TYP_KB),
            OpenError::Signature | OpenError::Key(_) => Msg::new("sd-kb-not-signed"),
            OpenError::Json(_) | OpenError::Decode(_) => Msg::new("sd-kb-not-json"),
            e => Msg::new("sd-kb-bad").arg("reason", e.to_string()),
        })?
        .payload;
    if claims.get("sd_hash").and_then(Value::as_str) != Some(digest(parts.hashed).as_str()) {
        return Err(Msg::new("sd-hash-mismatch"));
    }
    Ok(claims)
}

/// For the direct-key profile (a W3C credential secured as `vc+sd-jwt`, VC-JOSE-COSE §3.2):
/// the issuer-signed payload with the SD-JWT's disclosures put back (RFC 9901 §7.1), or why
/// they cannot be (a malformed disclosure, one the issuer did not sign a digest of, one
/// presented twice, another digest algorithm than sha-256). The issuer's signature over
/// `payload` is checked by the caller; a key binding JWT, when present, is not read here.
pub(crate) fn reveal_disclosed(text: &str, payload: Value) -> Result<Value, Msg> {
    let (_, disclosures) = well_formed(text)?;
    let processed = process(payload, &disclosures);
    if processed.problems.is_empty() {
        Ok(processed.document)
    } else {
        Err(Msg::raw(Problems(&processed.problems).to_string()))
    }
}
