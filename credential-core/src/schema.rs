//! The JSON Schemas in `schemas/`, compiled once and enforced when issuing and verifying.

use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::Value;

use crate::credential::CredentialKind;

const QUALIFICATION_SCHEMA: &str =
    include_str!("../../schemas/qualification-credential.schema.json");
const SKILL_SCHEMA: &str = include_str!("../../schemas/skill-credential.schema.json");

/// Most schema violations reported for one document; the rest are counted, not listed.
const MAX_REPORTED: usize = 8;

/// A document that does not satisfy its schema. Messages name the failing location and
/// rule but never echo the value, which may be personal data.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("{}", .violations.join("; "))]
pub struct SchemaError {
    /// One line per violation (at most eight).
    pub violations: Vec<String>,
}

fn compile(source: &str) -> Result<Validator, String> {
    let schema: Value = serde_json::from_str(source).map_err(|e| e.to_string())?;
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|e| e.to_string())
}

fn validator(kind: CredentialKind) -> Result<&'static Validator, SchemaError> {
    static QUALIFICATION: OnceLock<Result<Validator, String>> = OnceLock::new();
    static SKILL: OnceLock<Result<Validator, String>> = OnceLock::new();
    let compiled = match kind {
        CredentialKind::Qualification => {
            QUALIFICATION.get_or_init(|| compile(QUALIFICATION_SCHEMA))
        }
        CredentialKind::Skill => SKILL.get_or_init(|| compile(SKILL_SCHEMA)),
    };
    compiled.as_ref().map_err(|e| SchemaError {
        violations: vec![format!("the shipped {kind} schema does not compile: {e}")],
    })
}

/// Checks a complete credential document against the schema of its kind.
pub fn validate(kind: CredentialKind, document: &Value) -> Result<(), SchemaError> {
    validate_disclosed(kind, document, &[])
}

/// [`validate`] for a selectively disclosed document: `required` is not enforced on the
/// objects at the JSON pointers in `hidden`, whose missing members may be undisclosed.
pub fn validate_disclosed(
    kind: CredentialKind,
    document: &Value,
    hidden: &[String],
) -> Result<(), SchemaError> {
    let validator = validator(kind)?;
    if validator.is_valid(document) {
        return Ok(());
    }
    let mut violations = Vec::new();
    let mut total = 0usize;
    for error in validator.iter_errors(document) {
        if matches!(
            error.kind(),
            jsonschema::error::ValidationErrorKind::Required { .. }
        ) && hidden.contains(&error.instance_path().to_string())
        {
            continue;
        }
        total += 1;
        if violations.len() < MAX_REPORTED {
            let at = error.instance_path().to_string();
            let at = if at.is_empty() { "/".to_owned() } else { at };
            violations.push(format!("{at}: {}", error.masked()));
        }
    }
    if total == 0 {
        return Ok(());
    }
    if total > violations.len() {
        violations.push(format!("and {} more", total - violations.len()));
    }
    Err(SchemaError { violations })
}

/// The raw schema text for a kind, for tools that want to show or export it.
pub fn schema_text(kind: CredentialKind) -> &'static str {
    match kind {
        CredentialKind::Qualification => QUALIFICATION_SCHEMA,
        CredentialKind::Skill => SKILL_SCHEMA,
    }
}
