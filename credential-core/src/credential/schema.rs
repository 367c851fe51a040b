//! The JSON Schemas in `schemas/`, compiled once and enforced when issuing and verifying.

use std::fmt;
use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::Value;

use super::kind::CredentialKind;
use super::violation::{SchemaError, Violation};

const QUALIFICATION_SCHEMA: &str =
    include_str!("../../../schemas/qualification-credential.schema.json");
const SKILL_SCHEMA: &str = include_str!("../../../schemas/skill-credential.schema.json");

/// Most schema violations reported for one document; the rest are counted, not listed.
const MAX_REPORTED: usize = 8;

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

/// Compiles a shipped schema; a failure is reported as a violation of the whole document,
/// since no document can then be checked.
fn compile(kind: CredentialKind, source: &str) -> Result<Validator, SchemaError> {
    let broken = |e: &dyn fmt::Display| SchemaError {
        violations: vec![Violation {
            pointer: "/".into(),
            expected: None,
            rule: format!("the shipped {kind} schema does not compile: {e}"),
        }],
        unlisted: 0,
    };
    let schema: Value = serde_json::from_str(source).map_err(|e| broken(&e))?;
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|e| broken(&e))
}

fn validator(kind: CredentialKind) -> Result<&'static Validator, SchemaError> {
    static QUALIFICATION: OnceLock<Result<Validator, SchemaError>> = OnceLock::new();
    static SKILL: OnceLock<Result<Validator, SchemaError>> = OnceLock::new();
    let compiled = match kind {
        CredentialKind::Qualification => QUALIFICATION
            .get_or_init(|| compile(CredentialKind::Qualification, QUALIFICATION_SCHEMA)),
        CredentialKind::Skill => SKILL.get_or_init(|| compile(CredentialKind::Skill, SKILL_SCHEMA)),
    };
    compiled.as_ref().map_err(Clone::clone)
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
