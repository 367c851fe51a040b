//! The report of a presentation: its own seven checks, one credential report per enclosed
//! credential, and one verdict over both.

use std::fmt::Write as _;

use serde::Serialize;

use super::check::{PresentationCheck, PresentationCheckId};
use crate::i18n::{Lang, Msg};
use crate::report::{self, Checks};
use crate::verify::{Report, Verdict};

/// The verification report of a presentation.
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
    /// Completes the checks and judges them together with the credentials' verdicts.
    pub(super) fn new(
        checks: Checks<PresentationCheckId>,
        holder: Option<String>,
        credentials: Vec<Report>,
    ) -> Self {
        let checks = checks.complete();
        let verdict = report::verdict(
            checks.iter().map(|c| c.outcome),
            credentials.iter().map(|r| r.verdict),
        );
        Self {
            verdict,
            holder,
            checks,
            credentials,
        }
    }

    /// The result of one presentation check.
    pub fn check(&self, id: PresentationCheckId) -> Option<&PresentationCheck> {
        report::find(&self.checks, id)
    }

    /// The names of the failing presentation checks, then `credential N` for each invalid
    /// credential.
    pub fn failed(&self) -> Vec<String> {
        let mut failed: Vec<String> = report::failed(&self.checks).map(str::to_owned).collect();
        for (i, report) in self.credentials.iter().enumerate() {
            if report.verdict == Verdict::Invalid {
                failed.push(format!("credential {}", i + 1));
            }
        }
        failed
    }

    /// The report as JSON with the words of `lang` beside the stable fields (see
    /// [`Report::to_json_in`]), for the presentation and each credential.
    pub fn to_json_in(&self, lang: Lang) -> serde_json::Value {
        let mut json = serde_json::to_value(self).unwrap_or_default();
        report::annotate(&mut json, self.verdict, &self.checks, lang);
        if let Some(obj) = json.as_object_mut() {
            let credentials: Vec<_> = self
                .credentials
                .iter()
                .map(|r| r.to_json_in(lang))
                .collect();
            obj.insert("credentials".into(), credentials.into());
        }
        json
    }

    /// The report in plain words: the presentation's checks, then each credential's report.
    pub fn to_words(&self) -> String {
        self.to_words_in(Lang::En)
    }

    /// [`PresentationReport::to_words`] in `lang`.
    pub fn to_words_in(&self, lang: Lang) -> String {
        let mut out = report::headline(self.verdict, lang);
        let what = Msg::new("presentation-of").arg("count", self.credentials.len());
        let _ = write!(out, ": {}", what.text(lang));
        if let Some(holder) = &self.holder {
            let by = Msg::new("presentation-by").arg("holder", holder);
            let _ = write!(out, " {}", by.text(lang));
        }
        out.push('\n');
        report::write_checks(&mut out, &self.checks, lang);
        for (i, report) in self.credentials.iter().enumerate() {
            let n = Msg::new("credential-number").arg("n", i + 1);
            let _ = write!(out, "\n{}: ", n.text(lang));
            out.push_str(&report.to_words_in(lang));
        }
        out
    }
}

/// The report for a presentation that could not be checked because the trust bundle was
/// refused: every presentation check skipped, and one credential report saying why.
pub fn bundle_rejected(reason: &str) -> PresentationReport {
    PresentationReport::new(
        Checks::new(),
        None,
        vec![crate::verify::bundle_rejected(reason)],
    )
}
