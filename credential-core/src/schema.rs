//! The JSON Schemas in `schemas/`, compiled once and enforced when issuing and verifying.

use std::fmt;
use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::Value;

use crate::credential::CredentialKind;

const QUALIFICATION_SCHEMA: &str =
    include_str!("../../schemas/qualification-credential.schema.json");
const SKILL_SCHEMA: &str = include_str!("../../schemas/skill-credential.schema.json");

/// Most schema violations reported for one document; the rest are counted, not listed.
const MAX_REPORTED: usize = 8;

/// One way a document breaks its schema: where, and which rule. Never the value, which
/// may be personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer of the failing value (`/credentialSubject/qualification/awarded`);
    /// `/` for the document itself.
    pub pointer: String,
    /// What a value at this place must be, in words, when the place has a known form
    /// (`a date (YYYY-MM-DD)`) and the value does not have it.
    pub expected: Option<&'static str>,
    /// The rule that failed, as the validator states it, with the value masked.
    pub rule: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.expected {
            Some(form) => write!(f, "{}: not {form}", self.pointer),
            None => write!(f, "{}: {}", self.pointer, self.rule),
        }
    }
}

/// A document that does not satisfy its schema. Messages name the failing location and
/// rule but never echo the value, which may be personal data.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("{}", describe(.violations, *.unlisted))]
pub struct SchemaError {
    /// The violations, one per failing place (at most eight).
    pub violations: Vec<Violation>,
    /// How many more were found but not listed.
    pub unlisted: usize,
}

fn describe(violations: &[Violation], unlisted: usize) -> String {
    let mut parts: Vec<String> = violations.iter().map(ToString::to_string).collect();
    if unlisted > 0 {
        parts.push(format!("and {unlisted} more"));
    }
    parts.join("; ")
}

/// The form a value must have at `pointer`, for the places people most often get wrong.
fn known_form(pointer: &str) -> Option<&'static str> {
    let mut segments = pointer.rsplit('/');
    let last = segments.next()?;
    if last.parse::<usize>().is_ok() {
        // An item of an array: named by the array.
        return match segments.next()? {
            "frameworkLevels" => Some("a framework level id (such as PQF-6)"),
            _ => None,
        };
    }
    match last {
        "awarded" | "birthDate" | "date" => Some("a date (YYYY-MM-DD)"),
        "validFrom" | "validUntil" => Some("a date and time (YYYY-MM-DDThh:mm:ssZ)"),
        "frameworkLevel" => Some("a framework level id (such as PQF-6)"),
        "country" | "nationality" => Some("a two-letter country code (such as PH)"),
        "iscedF" => Some("an ISCED-F field code of 2 to 4 digits (such as 0913)"),
        "isco08" => Some("an ISCO-08 occupation code of 1 to 4 digits (such as 2221)"),
        "lang" => Some("a language tag (such as fil)"),
        "id" if pointer == "/credentialSubject/id" => Some("a did:key"),
        _ => None,
    }
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
        violations: vec![Violation {
            pointer: "/".into(),
            expected: None,
            rule: format!("the shipped {kind} schema does not compile: {e}"),
        }],
        unlisted: 0,
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
    let mut violations: Vec<Violation> = Vec::new();
    let mut unlisted = 0usize;
    for error in validator.iter_errors(document) {
        use jsonschema::error::ValidationErrorKind as Kind;
        let pointer = error.instance_path().to_string();
        if matches!(error.kind(), Kind::Required { .. }) && hidden.contains(&pointer) {
            continue;
        }
        let pointer = if pointer.is_empty() {
            "/".to_owned()
        } else {
            pointer
        };
        // A malformed date breaks both `pattern` and `format`: one line says what it should be.
        let expected = match error.kind() {
            Kind::Pattern { .. }
            | Kind::Format { .. }
            | Kind::MaxLength { .. }
            | Kind::MinLength { .. }
            | Kind::Type { .. } => known_form(&pointer),
            _ => None,
        };
        if expected.is_some()
            && violations
                .iter()
                .any(|v| v.pointer == pointer && v.expected == expected)
        {
            continue;
        }
        if violations.len() < MAX_REPORTED {
            violations.push(Violation {
                pointer,
                expected,
                rule: error.masked().to_string(),
            });
        } else {
            unlisted += 1;
        }
    }
    if violations.is_empty() {
        return Ok(());
    }
    Err(SchemaError {
        violations,
        unlisted,
    })
}

/// The raw schema text for a kind, for tools that want to show or export it.
pub fn schema_text(kind: CredentialKind) -> &'static str {
    match kind {
        CredentialKind::Qualification => QUALIFICATION_SCHEMA,
        CredentialKind::Skill => SKILL_SCHEMA,
    }
}
