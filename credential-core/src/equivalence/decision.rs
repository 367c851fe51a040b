//! Recognition decisions: authoritative statements that a qualification from one country is
//! recognised in another as a named qualification or regulated occupation.
//!
//! The JSON form is `schemas/equivalence-decision.schema.json`.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::catalog::{is_country_code, FrameworkCatalog};
use super::EquivalenceError;

/// An authority's decision on how a qualification from an origin country is recognised in a
/// destination country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecognitionDecision {
    /// Unique id, e.g. `urn:uuid:...`.
    pub id: String,
    /// DID of the deciding authority.
    pub authority: String,
    /// Name of the authority, for people.
    pub authority_name: String,
    /// Which qualifications the decision is about.
    pub origin: DecisionOrigin,
    /// What they are recognised as, and where.
    pub destination: DecisionDestination,
    /// Full, partial or no recognition.
    pub outcome: Outcome,
    /// Measures required before full recognition; all are required, a [`CompensationMeasure::OneOf`]
    /// leaves the choice among its options. Non-empty exactly when the outcome is partial.
    #[serde(default)]
    pub compensation: Vec<CompensationMeasure>,
    /// The law the decision rests on.
    pub legal_basis: String,
    /// From when the decision applies.
    pub valid_from: DateTime<Utc>,
    /// Until when it applies (inclusive); `None` for no end date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<DateTime<Utc>>,
    /// Id of the decision this one revises; the old one is kept and shown as superseded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<String>,
    /// When the decision was withdrawn, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<DateTime<Utc>>,
    /// Free text for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// Which qualifications a decision covers. Every matcher that is set must match a query; a
/// matcher the query cannot answer (e.g. the decision names a title, the query has none) does
/// not match, because a decision about a specific qualification must not be shown for an
/// unidentified one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DecisionOrigin {
    /// ISO 3166-1 alpha-2 code of the country where the qualification was obtained.
    pub country: String,
    /// Framework level id, e.g. `PQF-6`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework_level: Option<String>,
    /// ISCED-F 2013 field code; a prefix match, so `09` covers `0913`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// ISCO-08 code; a prefix match, so `222` covers `2221`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isco08: Option<String>,
    /// Title of the qualification (compared ignoring case and repeated spaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualification_title: Option<String>,
    /// DID of the issuing institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
}

impl DecisionOrigin {
    /// How many matchers besides the country are set.
    pub fn matcher_count(&self) -> usize {
        [
            self.framework_level.is_some(),
            self.field.is_some(),
            self.isco08.is_some(),
            self.qualification_title.is_some(),
            self.issuer.is_some(),
        ]
        .into_iter()
        .filter(|set| *set)
        .count()
    }

    /// Whether the decision names a specific qualification (by title or issuer) rather than
    /// a class of qualifications.
    pub fn names_a_qualification(&self) -> bool {
        self.qualification_title.is_some() || self.issuer.is_some()
    }
}

/// What a decision recognises the qualification as, and where.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DecisionDestination {
    /// ISO 3166-1 alpha-2 code of the deciding country.
    pub country: String,
    /// The destination qualification or regulated occupation, in its own language.
    pub qualification: String,
    /// ISCO-08 code of the destination occupation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isco08: Option<String>,
}

/// The outcome of a recognition procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Full equivalence.
    Full,
    /// Substantial differences, closable by the compensation measures listed.
    Partial,
    /// No equivalence.
    None,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Outcome::Full => "full",
            Outcome::Partial => "partial",
            Outcome::None => "none",
        })
    }
}

/// A CEFR language level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CefrLevel {
    /// Breakthrough.
    A1,
    /// Waystage.
    A2,
    /// Threshold.
    B1,
    /// Vantage.
    B2,
    /// Effective operational proficiency.
    C1,
    /// Mastery.
    C2,
}

impl fmt::Display for CefrLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CefrLevel::A1 => "A1",
            CefrLevel::A2 => "A2",
            CefrLevel::B1 => "B1",
            CefrLevel::B2 => "B2",
            CefrLevel::C1 => "C1",
            CefrLevel::C2 => "C2",
        })
    }
}

/// A compensation measure required by a partial recognition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum CompensationMeasure {
    /// Supervised practice of the given length, assessed at the end (Anpassungslehrgang).
    AdaptationPeriod {
        /// Length in months.
        months: u32,
    },
    /// Examination on the content of the destination training (Kenntnisprüfung).
    KnowledgeTest,
    /// Test limited to the substantial differences found (Eignungsprüfung).
    AptitudeTest,
    /// Proof of language proficiency.
    Language {
        /// ISO 639-1 code, e.g. `de`.
        language: String,
        /// Minimum CEFR level.
        level: CefrLevel,
    },
    /// Any one of the options suffices ("adaptation period or knowledge test").
    OneOf {
        /// At least two alternatives, none of them itself a choice.
        options: Vec<CompensationMeasure>,
    },
}

impl CompensationMeasure {
    fn check(&self) -> Result<(), String> {
        match self {
            CompensationMeasure::AdaptationPeriod { months: 0 } => {
                Err("an adaptation period must last at least one month".into())
            }
            CompensationMeasure::Language { language, .. }
                if !(language.len() == 2 && language.bytes().all(|b| b.is_ascii_lowercase())) =>
            {
                Err(format!(
                    "language {language:?} is not an ISO 639-1 code such as \"de\""
                ))
            }
            CompensationMeasure::OneOf { options } => {
                if options.len() < 2 {
                    return Err("a choice of measures needs at least two options".into());
                }
                // Nested choices add no expressive power for real decisions and make the
                // plain-words rendering ambiguous, so they are refused.
                if options
                    .iter()
                    .any(|o| matches!(o, CompensationMeasure::OneOf { .. }))
                {
                    return Err("a choice of measures cannot contain another choice".into());
                }
                options.iter().try_for_each(CompensationMeasure::check)
            }
            _ => Ok(()),
        }
    }
}

impl fmt::Display for CompensationMeasure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompensationMeasure::AdaptationPeriod { months: 1 } => {
                f.write_str("adaptation period of 1 month")
            }
            CompensationMeasure::AdaptationPeriod { months } => {
                write!(f, "adaptation period of {months} months")
            }
            CompensationMeasure::KnowledgeTest => f.write_str("knowledge test"),
            CompensationMeasure::AptitudeTest => f.write_str("aptitude test"),
            CompensationMeasure::Language { language, level } => {
                write!(f, "{} {level} required", language_name(language))
            }
            CompensationMeasure::OneOf { options } => {
                let words: Vec<String> = options.iter().map(ToString::to_string).collect();
                f.write_str(&words.join(" or "))
            }
        }
    }
}

/// English name of the languages most often required; other codes are shown as the code.
fn language_name(code: &str) -> &str {
    match code {
        "de" => "German",
        "en" => "English",
        "fr" => "French",
        "nl" => "Dutch",
        "it" => "Italian",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "pl" => "Polish",
        "sv" => "Swedish",
        "da" => "Danish",
        "fi" => "Finnish",
        "no" => "Norwegian",
        "ja" => "Japanese",
        "ar" => "Arabic",
        other => other,
    }
}

fn digits(code: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}

impl RecognitionDecision {
    /// Checks the decision on its own and against the catalog (named levels must exist and
    /// belong to the origin country). Does not look at other decisions.
    pub fn check(&self, catalog: &FrameworkCatalog) -> Result<(), EquivalenceError> {
        let invalid = |reason: String| EquivalenceError::InvalidDecision {
            id: self.id.clone(),
            reason,
        };
        if self.id.trim().is_empty() {
            return Err(invalid("the id is empty".into()));
        }
        if !self.authority.starts_with("did:") {
            return Err(invalid(format!(
                "authority {:?} is not a DID",
                self.authority
            )));
        }
        if self.authority_name.trim().is_empty() {
            return Err(invalid("the authority name is empty".into()));
        }
        if self.legal_basis.trim().is_empty() {
            return Err(invalid("the legal basis is empty".into()));
        }
        for (field, value) in [
            ("origin.country", &self.origin.country),
            ("destination.country", &self.destination.country),
        ] {
            if !is_country_code(value) {
                return Err(EquivalenceError::MalformedCountry {
                    field,
                    value: value.clone(),
                });
            }
        }
        if self.destination.qualification.trim().is_empty() {
            return Err(invalid("the destination qualification is empty".into()));
        }
        if let Some(level_id) = &self.origin.framework_level {
            let level = catalog.level(level_id).ok_or_else(|| {
                invalid(format!(
                    "origin framework level {level_id:?} is not in the catalog"
                ))
            })?;
            if let Some(country) = &level.framework.country {
                if *country != self.origin.country {
                    return Err(invalid(format!(
                        "origin level {level_id} belongs to {country}, not to origin country {}",
                        self.origin.country
                    )));
                }
            }
        }
        if let Some(field) = &self.origin.field {
            if !digits(field, 2, 4) {
                return Err(invalid(format!(
                    "origin field {field:?} is not an ISCED-F code (2 to 4 digits)"
                )));
            }
        }
        for isco in [&self.origin.isco08, &self.destination.isco08]
            .into_iter()
            .flatten()
        {
            if !digits(isco, 1, 4) {
                return Err(invalid(format!(
                    "{isco:?} is not an ISCO-08 code (1 to 4 digits)"
                )));
            }
        }
        if let Some(title) = &self.origin.qualification_title {
            if title.trim().is_empty() {
                return Err(invalid("the origin qualification title is empty".into()));
            }
        }
        if let Some(issuer) = &self.origin.issuer {
            if !issuer.starts_with("did:") {
                return Err(invalid(format!("origin issuer {issuer:?} is not a DID")));
            }
        }
        match (self.outcome, self.compensation.is_empty()) {
            (Outcome::Partial, true) => {
                return Err(EquivalenceError::CompensationMismatch {
                    id: self.id.clone(),
                    reason: "a partial recognition must name at least one compensation measure"
                        .into(),
                })
            }
            (Outcome::Full | Outcome::None, false) => {
                return Err(EquivalenceError::CompensationMismatch {
                    id: self.id.clone(),
                    reason: format!(
                        "a {} recognition takes no compensation measures",
                        self.outcome
                    ),
                })
            }
            _ => {}
        }
        for measure in &self.compensation {
            measure.check().map_err(&invalid)?;
        }
        if let Some(until) = self.valid_until {
            if until < self.valid_from {
                return Err(invalid("validUntil is before validFrom".into()));
            }
        }
        if self.supersedes.as_deref() == Some(self.id.as_str()) {
            return Err(invalid("a decision cannot supersede itself".into()));
        }
        Ok(())
    }

    /// The decision's outcome and measures in plain words, e.g.
    /// "partial: adaptation period of 6 months or knowledge test; German B2 required".
    pub fn outcome_words(&self) -> String {
        if self.compensation.is_empty() {
            return self.outcome.to_string();
        }
        let measures: Vec<String> = self.compensation.iter().map(ToString::to_string).collect();
        format!("{}: {}", self.outcome, measures.join("; "))
    }
}
