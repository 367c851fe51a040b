//! A document that breaks its JSON Schema: where and which rule, never the value.

use std::fmt;

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
