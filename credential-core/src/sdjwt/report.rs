//! The report of an SD-JWT: its seven checks, the issuer-side credential report on the
//! document as disclosed, and what was and was not disclosed.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::check::{SdCheck, SdCheckId};
use super::claims::known_claims;
use super::process::Processed;
use crate::i18n::{text, Lang};
use crate::report::{self, Checks};
use crate::verify::{Report, Verdict};

/// The verification report of an SD-JWT presentation.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SdJwtReport {
    /// Over the SD-JWT checks and the credential report.
    pub verdict: Verdict,
    /// The SD-JWT checks, all seven, in order.
    pub checks: Vec<SdCheck>,
    /// The ordinary credential checks, on the document as disclosed.
    pub credential: Report,
    /// The selectively disclosable claims that were disclosed (names relative to
    /// `credentialSubject`, e.g. `birthDate`, `qualification.title`).
    pub disclosed: Vec<String>,
    /// Well-known claims absent from an object that holds undisclosed digests: not
    /// disclosed (a verifier cannot tell whether they were issued at all).
    pub not_disclosed: Vec<String>,
    /// How many digests stayed undisclosed (including decoys).
    pub undisclosed_digests: usize,
    /// The credential subject as disclosed (what the holder chose to show); absent when
    /// the verdict is `invalid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Value>,
}

impl SdJwtReport {
    /// Completes the checks and judges them with the issuer-side `credential` report;
    /// `processed` is what putting the disclosures back found.
    pub(super) fn new(
        checks: Checks<SdCheckId>,
        credential: Report,
        processed: Processed,
        subject: Option<Value>,
    ) -> Self {
        let checks = checks.complete();
        let verdict = report::verdict(checks.iter().map(|c| c.outcome), [credential.verdict]);
        let disclosed: Vec<String> = processed
            .disclosed
            .iter()
            .map(|(_, c)| c.display())
            .collect();
        let not_disclosed = match credential.credential.as_ref().map(|c| c.kind) {
            Some(kind) => known_claims(kind)
                .into_iter()
                .filter(|c| processed.hidden.contains(&c.object))
                .filter(|c| {
                    processed
                        .document
                        .pointer(&format!("{}/{}", c.object, c.name))
                        .is_none()
                })
                .map(|c| c.display())
                .collect(),
            None => Vec::new(),
        };
        Self {
            verdict,
            checks,
            credential,
            disclosed,
            not_disclosed,
            undisclosed_digests: processed.undisclosed,
            subject: if verdict == Verdict::Invalid {
                None
            } else {
                subject
            },
        }
    }

    /// The result of one SD-JWT check.
    pub fn check(&self, id: SdCheckId) -> Option<&SdCheck> {
        report::find(&self.checks, id)
    }

    /// The failing SD-JWT checks, then the failing credential checks as `credential:NAME`.
    pub fn failed(&self) -> Vec<String> {
        let mut failed: Vec<String> = report::failed(&self.checks).map(str::to_owned).collect();
        failed.extend(
            self.credential
                .failed()
                .into_iter()
                .map(|n| format!("credential:{n}")),
        );
        failed
    }

    /// The report as JSON with the words of `lang` beside the stable fields (see
    /// [`Report::to_json_in`]), for the SD-JWT and its credential.
    pub fn to_json_in(&self, lang: Lang) -> serde_json::Value {
        let mut json = serde_json::to_value(self).unwrap_or_default();
        report::annotate(&mut json, self.verdict, &self.checks, lang);
        if let Some(obj) = json.as_object_mut() {
            obj.insert("credential".into(), self.credential.to_json_in(lang));
        }
        json
    }

    /// The report in plain words: the SD-JWT checks, what was and was not disclosed, then
    /// the credential's own report.
    pub fn to_words(&self) -> String {
        self.to_words_in(Lang::En)
    }

    /// [`SdJwtReport::to_words`] in `lang` (claim names stay as the credential has them).
    pub fn to_words_in(&self, lang: Lang) -> String {
        let mut out = report::headline(self.verdict, lang);
        let _ = writeln!(out, ": {}", text(lang, "sd-headline"));
        report::write_checks(&mut out, &self.checks, lang);
        let list = |v: &[String]| {
            if v.is_empty() {
                text(lang, "sd-none")
            } else {
                v.join(", ")
            }
        };
        let (shown, hidden) = (text(lang, "sd-disclosed"), text(lang, "sd-not-disclosed"));
        let width = shown.chars().count().max(hidden.chars().count()) + 1;
        let _ = writeln!(
            out,
            "  {:<width$} {}",
            format!("{shown}:"),
            list(&self.disclosed)
        );
        let _ = writeln!(
            out,
            "  {:<width$} {}",
            format!("{hidden}:"),
            list(&self.not_disclosed)
        );
        let _ = write!(out, "\n{}: ", text(lang, "sd-credential"));
        out.push_str(&self.credential.to_words_in(lang));
        out
    }
}
