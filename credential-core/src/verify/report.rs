//! What the credential verifier hands back: the report (verdict, every check, what the
//! credential is and means), and — only when valid — the verified credential.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::check::{Check, CheckId};
use crate::credential::{CheckedCredential, CredentialKind};
use crate::equivalence::EquivalenceAnswer;
use crate::i18n::{Lang, Msg};
use crate::report::{self, Checks, Outcome, Verdict};

/// What a report says about the credential. It names the credential and its issuer, never
/// the holder: reports are shown and logged where personal data must not go.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialSummary {
    /// The credential's `id` (a `urn:uuid`).
    pub id: String,
    /// `QualificationCredential` or `SkillCredential`.
    #[serde(rename = "type")]
    pub kind: CredentialKind,
    /// The issuer DID as the credential states it.
    pub issuer: String,
    /// The name the bundle registers for the issuer (absent for an unknown issuer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// The issuer's country as the bundle registers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_country: Option<String>,
    /// The headline: a qualification's English title, or the skills' short names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A qualification's title in every language the credential gives it (a language map).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub titles: crate::i18n::LanguageMap,
    /// Framework level ids the credential claims (`PQF-6`).
    pub levels: Vec<String>,
    /// `validFrom`, RFC 3339.
    pub valid_from: String,
    /// `validUntil`, RFC 3339, when the credential ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
}

/// A credential that passed every check. Only the verifier builds one.
#[derive(Debug, Clone)]
pub struct VerifiedCredential {
    document: Value,
    checked: CheckedCredential,
}

impl VerifiedCredential {
    pub(super) fn new(document: Value, checked: CheckedCredential) -> Self {
        Self { document, checked }
    }

    /// The full credential document, now authenticated.
    pub fn document(&self) -> &Value {
        &self.document
    }

    /// What the verifier read from the document's envelope.
    pub fn envelope(&self) -> &CheckedCredential {
        &self.checked
    }
}

/// The verification report of one credential.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// `invalid` if a check failed, `indeterminate` if one could not be decided.
    pub verdict: Verdict,
    /// All ten checks, in the order they run.
    pub checks: Vec<Check>,
    /// What the credential is, when its envelope could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<CredentialSummary>,
    /// What the credential means in the requested destination (not for invalid ones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equivalence: Option<EquivalenceAnswer>,
    /// Recognition decisions in the bundle that were set aside, each with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub untrusted_decisions: Vec<String>,
    #[serde(skip)]
    pub(super) verified: Option<VerifiedCredential>,
}

impl Report {
    /// The verified credential, present only when the verdict is `valid`.
    pub fn verified(&self) -> Option<&VerifiedCredential> {
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

    /// The report as JSON: the stable fields (codes, names, English details), and the words
    /// of `lang` beside them (`lang`, `dir`, `verdictText`, each check's `text`, and the
    /// equivalence answer's `text`).
    pub fn to_json_in(&self, lang: Lang) -> serde_json::Value {
        let mut json = serde_json::to_value(self).unwrap_or_default();
        report::annotate(&mut json, self.verdict, &self.checks, lang);
        if let (Some(eq), Some(obj)) = (
            &self.equivalence,
            json.get_mut("equivalence")
                .and_then(serde_json::Value::as_object_mut),
        ) {
            obj.insert("text".into(), eq.to_words_in(lang).into());
        }
        json
    }

    /// The report in plain words: a headline naming the credential and its issuer, then
    /// one numbered line per check, then what it means in the destination.
    pub fn to_words(&self) -> String {
        self.to_words_in(Lang::En)
    }

    /// [`Report::to_words`] in `lang`: the verdict, every check and what the credential
    /// means in the reader's language (codes and identifiers stay as they are).
    pub fn to_words_in(&self, lang: Lang) -> String {
        let mut out = report::headline(self.verdict, lang);
        if let Some(c) = &self.credential {
            let _ = write!(
                out,
                ": {}",
                Msg::new("kind").arg("kind", c.kind.as_str()).text(lang)
            );
            match crate::i18n::pick(&c.titles, lang) {
                Some(picked) => {
                    let _ = write!(out, " \"{}\"", picked.text);
                    if picked.other_language && lang != Lang::Pseudo {
                        let note = Msg::new("title-other-language").arg("shown", picked.tag);
                        let _ = write!(out, " {}", note.text(lang));
                    }
                }
                None => {
                    if let Some(t) = &c.title {
                        let _ = write!(out, " \"{t}\"");
                    }
                }
            }
            if !c.levels.is_empty() {
                let _ = write!(out, " ({})", c.levels.join(", "));
            }
            let name = c.issuer_name.as_deref().unwrap_or(&c.issuer);
            let _ = write!(
                out,
                " {}",
                Msg::new("report-from").arg("issuer", name).text(lang)
            );
            if let Some(country) = &c.issuer_country {
                let _ = write!(out, " ({country})");
            }
        }
        out.push('\n');
        report::write_checks(&mut out, &self.checks, lang);
        if let Some(eq) = &self.equivalence {
            out.push('\n');
            out.push_str(&eq.to_words_in(lang));
            if !out.ends_with('\n') {
                out.push('\n');
            }
        }
        for why in &self.untrusted_decisions {
            let line = Msg::new("untrusted-decision").arg("reason", why).text(lang);
            let _ = writeln!(out, "  {line}");
        }
        out
    }
}

/// The report for a credential that could not be checked because the bundle was refused
/// (not signed by the pinned anchor, malformed, or older than one already seen).
pub fn bundle_rejected(reason: &str) -> Report {
    let mut checks = Checks::new();
    checks.push(CheckId::TrustBundle, Outcome::Fail, Msg::raw(reason));
    Report {
        verdict: Verdict::Invalid,
        checks: checks.complete_with(Msg::new("not-run-bundle-refused")),
        credential: None,
        equivalence: None,
        untrusted_decisions: Vec::new(),
        verified: None,
    }
}
