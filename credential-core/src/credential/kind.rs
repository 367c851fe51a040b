//! The two kinds of credential, and the time format of their dates.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};

use super::error::CredentialError;

/// The two kinds of credential Skillpass issues.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum CredentialKind {
    /// A formal award: title, awarding body, framework level, field, occupation.
    #[serde(rename = "QualificationCredential")]
    Qualification,
    /// One or more skills with how each was assessed.
    #[serde(rename = "SkillCredential")]
    Skill,
}

impl CredentialKind {
    /// The VC `type` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Qualification => "QualificationCredential",
            Self::Skill => "SkillCredential",
        }
    }
}

impl fmt::Display for CredentialKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CredentialKind {
    type Err = CredentialError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "QualificationCredential" => Ok(Self::Qualification),
            "SkillCredential" => Ok(Self::Skill),
            other => Err(CredentialError::UnknownKind(other.to_owned())),
        }
    }
}

/// Formats a time the way credentials carry it (RFC 3339, seconds, `Z`).
pub fn format_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses an RFC 3339 date-time.
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
