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
    /// The awarding body's name as the credential states it, in its languages (shown in
    /// words; JSON programs read the credential itself).
    #[serde(skip)]
    pub awarding_body: crate::i18n::LanguageMap,
    /// The learning outcomes, in their languages (shown in words).
    #[serde(skip)]
    pub outcomes: crate::i18n::LanguageLists,
    /// A skill credential's skills' names, in their languages (shown in words).
    #[serde(skip)]
    pub skill_names: Vec<crate::i18n::LanguageMap>,
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
        if let Some(c) = &self.credential {
            write_content(&mut out, c, lang);
        }
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

/// What the credential says that a reader reads in their own language, under the headline:
/// the awarding body it names (when that is not the registered name already shown), the
/// skills' names and the learning outcomes, each with the note when it is in another
/// language than asked.
fn write_content(out: &mut String, c: &CredentialSummary, lang: Lang) {
    use crate::i18n::{pick, shown, shown_list};
    if let Some(picked) = pick(&c.awarding_body, lang) {
        let registered = c.issuer_name.as_deref().unwrap_or_default();
        if !same_name(picked.text, registered) {
            let name = shown(&c.awarding_body, lang).unwrap_or_default();
            let line = Msg::new("report-awarding-body")
                .arg("name", name)
                .text(lang);
            let _ = writeln!(out, "  {line}");
        }
    }
    if !c.skill_names.is_empty() {
        let names: Vec<String> = c
            .skill_names
            .iter()
            .filter_map(|m| shown(m, lang))
            .collect();
        let line = Msg::new("report-skills")
            .arg("count", names.len())
            .arg("names", names.join("; "))
            .text(lang);
        let _ = writeln!(out, "  {line}");
    }
    if let Some((list, note)) = shown_list(&c.outcomes, lang) {
        let mut line = Msg::new("report-outcomes")
            .arg("count", list.len())
            .text(lang);
        if let Some(note) = note {
            line = format!("{line} {note}");
        }
        let _ = writeln!(out, "  {line}");
        for outcome in list {
            let item = Msg::new("report-list-item").arg("item", outcome);
            let _ = writeln!(out, "    {}", item.text(lang));
        }
    }
}

/// Names that differ only in case, spacing or punctuation are the same name.
fn same_name(a: &str, b: &str) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    squash(a) == squash(b)
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
