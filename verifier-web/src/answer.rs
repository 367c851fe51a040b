//! The answer the page receives for one verification: the command line's JSON report
//! unchanged (`report`, what `skillpass verify --json` prints) and its words (`words`, what
//! `skillpass verify` prints), so that the page never says anything the command line would
//! not; and `view`, the same facts arranged for the page — one entry per credential with
//! its ten checks, issuer, holder, title, level and what it means in the chosen country,
//! plus the holder-side checks of an SD-JWT or a presentation and what was disclosed.
//!
//! Everything a person reads is in the reader's language ([`Lang`], the page's choice):
//! `report` is `skillpass verify --json --lang …` (codes and English `detail` unchanged, the
//! language's `text` and `verdictText` beside them), `words` is `skillpass verify --lang …`,
//! and each check in `view` carries its `label`, `mark` and `text` in that language.
//!
//! The holder's name is the one thing here that no report carries (reports are logged and
//! shown where personal data must not go). The page shows it only on the verifier's own
//! screen: from the verified document when the credential is valid, else as the credential
//! states it, marked unverified.

use credential_core::i18n::Lang;
use credential_core::presentation::PresentationReport;
use credential_core::report::{Check, CheckId};
use credential_core::sdjwt::SdJwtReport;
use credential_core::signed::{peek_json, CredentialJwt};
use credential_core::{Report, Verdict};
use serde::Serialize;
use serde_json::{json, Value};

/// The answer for a credential (`paper`: it came from a printed code or its link).
pub fn credential(report: &Report, jws: Option<&str>, paper: bool, lang: Lang) -> Value {
    let stated = jws.and_then(|j| peek_json::<CredentialJwt>(j).ok());
    json!({
        "kind": "credential",
        "paper": paper,
        "verdict": report.verdict,
        "report": report.to_json_in(lang),
        "words": report.to_words_in(lang),
        "view": {
            "credentials": [credential_view(report, holder_of(report, stated.as_ref()), lang)],
        },
    })
}

/// The answer for an SD-JWT whose bundle was refused: the command line prints the plain
/// credential report of the refusal for it, and so does the page.
pub fn refused_sd_jwt(report: &Report, lang: Lang) -> Value {
    json!({
        "kind": "sd-jwt",
        "paper": false,
        "verdict": report.verdict,
        "report": report.to_json_in(lang),
        "words": report.to_words_in(lang),
        "view": { "credentials": [credential_view(report, Value::Null, lang)] },
    })
}

/// The answer for an SD-JWT presentation.
pub fn sd_jwt(report: &SdJwtReport, lang: Lang) -> Value {
    let holder = match report
        .subject
        .as_ref()
        .and_then(|s| s.get("name"))
        .and_then(Value::as_str)
    {
        Some(name) => json!({ "name": name, "verified": report.verdict == Verdict::Valid }),
        None => Value::Null,
    };
    json!({
        "kind": "sd-jwt",
        "paper": false,
        "verdict": report.verdict,
        "report": report.to_json_in(lang),
        "words": report.to_words_in(lang),
        "view": {
            "holderChecks": checks_view(&report.checks, lang),
            "credentials": [credential_view(&report.credential, holder, lang)],
            "disclosed": report.disclosed,
            "notDisclosed": report.not_disclosed,
        },
    })
}

/// The answer for a holder-signed presentation.
pub fn presentation(report: &PresentationReport, lang: Lang) -> Value {
    let credentials: Vec<Value> = report
        .credentials
        .iter()
        .map(|r| credential_view(r, holder_of(r, None), lang))
        .collect();
    json!({
        "kind": "presentation",
        "paper": false,
        "verdict": report.verdict,
        "report": report.to_json_in(lang),
        "words": report.to_words_in(lang),
        "view": {
            "holderDid": report.holder,
            "holderChecks": checks_view(&report.checks, lang),
            "credentials": credentials,
        },
    })
}

/// One credential as the page shows it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CredentialView<'r> {
    verdict: Verdict,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// In the reader's language where the credential has it, else with a note naming the
    /// language shown.
    title: Option<String>,
    levels: Vec<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<Value>,
    holder: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_from: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_until: Option<&'r str>,
    checks: Vec<Value>,
    /// `verify --country`'s words for the destination, when one was chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    equivalence: Option<String>,
    untrusted_decisions: &'r [String],
}

/// Checks as the page lists them: the stable `name`, `outcome` and English `detail`, and
/// the reader's `label` (the check's name), `mark` (its outcome) and `text` (what it found).
fn checks_view<K: CheckId>(checks: &[Check<K>], lang: Lang) -> Vec<Value> {
    checks
        .iter()
        .map(|c| {
            json!({
                "name": c.id.name(),
                "outcome": c.outcome,
                "detail": c.detail.as_str(),
                "label": c.id.label(lang),
                "mark": c.outcome.mark_in(lang),
                "text": c.detail_in(lang),
            })
        })
        .collect()
}

fn credential_view(report: &Report, holder: Value, lang: Lang) -> Value {
    let c = report.credential.as_ref();
    let view = CredentialView {
        verdict: report.verdict,
        kind: c.map(|c| c.kind.to_string()),
        title: c.and_then(|c| {
            credential_core::i18n::shown(&c.titles, lang).or_else(|| c.title.clone())
        }),
        levels: c
            .map(|c| c.levels.iter().map(String::as_str).collect())
            .unwrap_or_default(),
        issuer: c.map(|c| {
            json!({
                "did": c.issuer,
                "name": c.issuer_name,
                "country": c.issuer_country,
                "registered": c.issuer_name.is_some(),
            })
        }),
        holder,
        valid_from: c.map(|c| c.valid_from.as_str()),
        valid_until: c.and_then(|c| c.valid_until.as_deref()),
        checks: checks_view(&report.checks, lang),
        equivalence: report.equivalence.as_ref().map(|e| e.to_words_in(lang)),
        untrusted_decisions: &report.untrusted_decisions,
    };
    serde_json::to_value(view).unwrap_or(Value::Null)
}

/// The holder's name: from the verified document of a valid credential, else as the
/// (unverified) document states it.
fn holder_of(report: &Report, stated: Option<&Value>) -> Value {
    let name_in = |doc: &Value| {
        doc.pointer("/credentialSubject/name")
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    if let Some(name) = report.verified().and_then(|v| name_in(v.document())) {
        return json!({ "name": name, "verified": true });
    }
    match stated.and_then(name_in) {
        Some(name) => json!({ "name": name, "verified": false }),
        None => Value::Null,
    }
}
