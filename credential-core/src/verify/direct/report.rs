//! What the direct-key verifier hands back: the ten checks (the three a trust bundle
//! decides marked "not checked against a trust bundle"), the verdict over the other seven,
//! the accreditation left unchecked, and — only when valid — the credential its issuer's
//! key verified.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::issuer_of;
use crate::i18n::{Lang, Msg};
use crate::report::{self, Checks, Outcome, Verdict};
use crate::verify::check::{Check, CheckId};

/// The checks only a trust bundle can decide.
pub(super) const TRUST_CHECKS: [CheckId; 3] = [
    CheckId::TrustBundle,
    CheckId::IssuerAccredited,
    CheckId::BundleFresh,
];

/// The stable name of this profile in JSON.
pub const PROFILE: &str = "direct-key";

/// Whether the issuer's accreditation was checked. In the direct-key profile it never is:
/// the key says who signed, not that they may award what they signed. Serialized as
/// `{"checked": false, "detail": "not checked against a trust bundle: …"}`.
#[derive(Debug, Clone, Serialize)]
pub struct Accreditation {
    /// Always `false` here: a program tests this field.
    pub checked: bool,
    /// Why, in English (the `text` beside it is in the reader's language).
    pub detail: String,
}

impl Accreditation {
    fn not_checked() -> Self {
        Self {
            checked: false,
            detail: Msg::new("direct-not-checked").text(Lang::En),
        }
    }
}

/// A credential whose signature its issuer's own key (given directly) verified and which
/// passed every W3C check. Its issuer is who signed it, not an accredited institution:
/// nothing here was checked against a trust bundle. Only the direct-key verifier builds one.
#[derive(Debug, Clone)]
pub struct KeyVerifiedCredential {
    document: Value,
    issuer: String,
}

impl KeyVerifiedCredential {
    /// The credential document (for Data Integrity, with its proof).
    pub fn document(&self) -> &Value {
        &self.document
    }

    /// The issuer's DID, whose key signed it.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }
}

/// The report of one credential verified with its issuer's key given directly.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectReport {
    /// Always [`PROFILE`].
    pub profile: &'static str,
    /// Over the seven W3C checks: `invalid` if one failed, `indeterminate` if one could
    /// not be decided (a status list not supplied).
    pub verdict: Verdict,
    /// All ten checks in order; `trust-bundle`, `issuer-accredited` and `bundle-fresh`
    /// skipped as not checked against a trust bundle.
    pub checks: Vec<Check>,
    /// The issuer the credential names, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The credential's `id`, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Not checked.
    pub accreditation: Accreditation,
    #[serde(skip)]
    verified: Option<KeyVerifiedCredential>,
}

impl DirectReport {
    /// Completes the checks (the trust ones marked not checked), judges the verdict over
    /// the rest, and keeps the credential when it is valid and `signed_by` its issuer.
    pub(super) fn finish(
        mut checks: Checks<crate::verify::CheckId>,
        document: Option<Value>,
        signed_by: Option<String>,
    ) -> Self {
        for id in TRUST_CHECKS {
            checks.push(id, Outcome::Skipped, Msg::new("direct-not-checked"));
        }
        let checks = checks.complete();
        let verdict = report::verdict(
            checks
                .iter()
                .filter(|c| !TRUST_CHECKS.contains(&c.id))
                .map(|c| c.outcome),
            [],
        );
        let issuer = document.as_ref().and_then(issuer_of);
        let id = document
            .as_ref()
            .and_then(|d| d.get("id"))
            .and_then(Value::as_str)
            .map(super::shorten);
        let verified = match (verdict, document, signed_by) {
            (Verdict::Valid, Some(document), Some(issuer)) => {
                Some(KeyVerifiedCredential { document, issuer })
            }
            _ => None,
        };
        Self {
            profile: PROFILE,
            verdict,
            checks,
            issuer,
            id,
            accreditation: Accreditation::not_checked(),
            verified,
        }
    }

    /// The verified credential, present only when the verdict is `valid`.
    pub fn verified(&self) -> Option<&KeyVerifiedCredential> {
        self.verified.as_ref()
    }

    /// The result of one check.
    pub fn check(&self, id: CheckId) -> Option<&Check> {
        report::find(&self.checks, id)
    }

    /// The names of the failing checks, in order.
    pub fn failed(&self) -> Vec<&'static str> {
        report::failed(&self.checks).collect()
    }

    /// The names of the W3C checks that could not be decided, in order.
    pub fn undecided(&self) -> Vec<&'static str> {
        self.checks
            .iter()
            .filter(|c| c.outcome == Outcome::Indeterminate)
            .map(|c| c.id.name())
            .collect()
    }

    /// The report as JSON, with the words of `lang` beside the stable fields (as
    /// [`crate::Report::to_json_in`]); `accreditation.text` says in `lang` that the issuer
    /// was not checked against a trust bundle.
    pub fn to_json_in(&self, lang: Lang) -> Value {
        let mut json = serde_json::to_value(self).unwrap_or_default();
        report::annotate(&mut json, self.verdict, &self.checks, lang);
        if let Some(obj) = json.get_mut("accreditation").and_then(Value::as_object_mut) {
            obj.insert(
                "text".into(),
                Msg::new("direct-not-checked").text(lang).into(),
            );
        }
        json
    }

    /// The report in words: the verdict and issuer, the accreditation line, every check.
    pub fn to_words_in(&self, lang: Lang) -> String {
        let mut out = report::headline(self.verdict, lang);
        if let Some(issuer) = &self.issuer {
            let _ = write!(
                out,
                " {}",
                Msg::new("report-from").arg("issuer", issuer).text(lang)
            );
        }
        out.push('\n');
        let line = Msg::new("direct-accreditation-line").text(lang);
        let _ = writeln!(out, "  {line}");
        report::write_checks(&mut out, &self.checks, lang);
        out
    }
}
