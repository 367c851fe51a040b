//! What a query asks and what it answers: the query, the destination, decisions that
//! match with their state, comparable levels with the path that led to them, and the
//! answer in words.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::catalog::is_country_code;
use super::decision::RecognitionDecision;
use super::framework::Link;
use super::practice::RecognitionPractice;
use super::EquivalenceError;

/// What is known about a qualification, typically read from its credential.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EquivalenceQuery {
    /// ISO 3166-1 alpha-2 code of the country where it was obtained; when absent, the
    /// countries of the frameworks of `levels` are used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_country: Option<String>,
    /// Framework level ids, e.g. `["PQF-6"]`.
    #[serde(default)]
    pub levels: Vec<String>,
    /// ISCED-F 2013 field code, e.g. `0913`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// ISCO-08 code, e.g. `2221`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isco08: Option<String>,
    /// Title of the qualification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// DID of the issuer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
}

/// Where the question is asked for: a country (`DE`) or a framework (`EQF`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Destination {
    /// ISO 3166-1 alpha-2 code: decisions of that country and levels of its frameworks.
    Country(String),
    /// Framework id: levels of that framework only (decisions too when it is national).
    Framework(String),
}

impl FromStr for Destination {
    type Err = EquivalenceError;

    /// `DE` (two uppercase letters) is a country; `EQF`, `NCQF-BW` are frameworks.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if is_country_code(s) {
            return Ok(Destination::Country(s.to_string()));
        }
        let framework_like = s.len() > 2
            && s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if framework_like {
            Ok(Destination::Framework(s.to_string()))
        } else {
            Err(EquivalenceError::InvalidDestination {
                value: s.to_string(),
            })
        }
    }
}

impl fmt::Display for Destination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Destination::Country(c) => f.write_str(c),
            Destination::Framework(id) => f.write_str(id),
        }
    }
}

impl Serialize for Destination {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Destination {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Whether a matching decision applies at the queried instant, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionState {
    /// In force.
    Applies,
    /// Its validity period ended.
    Expired,
    /// Its validity period has not started.
    NotYetValid,
    /// A revision has taken effect.
    Superseded,
    /// The authority withdrew it.
    Withdrawn,
}

impl DecisionState {
    pub(super) fn rank(self) -> u8 {
        match self {
            DecisionState::Applies => 0,
            DecisionState::NotYetValid => 1,
            DecisionState::Superseded => 2,
            DecisionState::Expired => 3,
            DecisionState::Withdrawn => 4,
        }
    }
}

/// A decision whose origin matchers all match the query.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionMatch {
    /// The decision.
    pub decision: RecognitionDecision,
    /// Whether it applies at the queried instant.
    pub state: DecisionState,
    /// The revision that superseded it, when `state` is superseded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
    /// The matchers that matched (`country`, `frameworkLevel`, `field`, `isco08`,
    /// `qualificationTitle`, `issuer`); more means more specific.
    pub matched: Vec<String>,
}

/// Which way a link was used on a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// As published: national level -> reference level.
    Forward,
    /// Reversed: reference level -> national level.
    Backward,
}

/// One link used on a path, in the order walked (`from` -> `to`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// Level walked from.
    pub from: String,
    /// Level walked to.
    pub to: String,
    /// Whether the link was used as published or reversed.
    pub direction: Direction,
    /// The link's basis.
    pub basis: String,
    /// The link's status (`official`...).
    pub status: String,
    /// The link's confidence.
    pub confidence: String,
    /// The link's main source URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Step {
    pub(super) fn new(link: &Link, direction: Direction) -> Step {
        let (from, to) = match direction {
            Direction::Forward => (&link.from, &link.to),
            Direction::Backward => (&link.to, &link.from),
        };
        Step {
            from: from.clone(),
            to: to.clone(),
            direction,
            basis: link.basis.clone(),
            status: link.status.clone(),
            confidence: link.confidence.clone(),
            source: link.source.clone(),
        }
    }
}

/// A level of a destination framework comparable to an origin level. Informational: never a
/// recognition decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComparableLevel {
    /// The origin level asked about.
    pub origin_level: String,
    /// The comparable level.
    pub level: String,
    /// Its framework.
    pub framework: String,
    /// The links walked; empty when the origin level is itself in the destination framework.
    pub path: Vec<Step>,
    /// `official` when every step is, otherwise the first other status; `same level` for an
    /// empty path.
    pub status: String,
    /// The lowest confidence of the steps (`high` for an empty path).
    pub confidence: String,
}

impl ComparableLevel {
    pub(super) fn new(
        origin: &str,
        level: &str,
        framework: &str,
        path: Vec<Step>,
    ) -> ComparableLevel {
        let status = if path.is_empty() {
            "same level".to_string()
        } else {
            path.iter()
                .map(|s| s.status.as_str())
                .find(|s| *s != "official")
                .unwrap_or("official")
                .to_string()
        };
        let confidence = path
            .iter()
            .map(|s| s.confidence.as_str())
            .min_by_key(|c| confidence_rank(c))
            .unwrap_or("high")
            .to_string();
        ComparableLevel {
            origin_level: origin.to_string(),
            level: level.to_string(),
            framework: framework.to_string(),
            path,
            status,
            confidence,
        }
    }

    /// The path as people read it: `RQF-3 → EQF-4 → DQR-4`.
    pub fn path_words(&self) -> String {
        let mut words = vec![self.origin_level.as_str()];
        words.extend(self.path.iter().map(|s| s.to.as_str()));
        words.join(" → ")
    }
}

fn confidence_rank(c: &str) -> u8 {
    let c = c.trim().to_ascii_lowercase();
    if c.starts_with("high") {
        3
    } else if c.starts_with("medium") {
        2
    } else if c.starts_with("low") {
        1
    } else {
        0
    }
}

/// The answer to a query: decisions first, then comparable levels, then what is not known.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EquivalenceAnswer {
    /// Where the question was asked for.
    pub destination: Destination,
    /// The instant decision validity was judged at.
    pub at: DateTime<Utc>,
    /// Matching decisions for the destination country: those that apply first, then the
    /// others with their state; within each, most specific first.
    pub decisions: Vec<DecisionMatch>,
    /// Comparable levels in the destination framework(s), with the path that gives them.
    pub comparable: Vec<ComparableLevel>,
    /// Recognition practice the shipped data holds for this occupation and destination
    /// (procedures, typical outcomes, bilateral arrangements): background, never a decision.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub practice: Vec<RecognitionPractice>,
    /// Plain statements of what is not known.
    pub notes: Vec<String>,
    /// True when there is no matching decision (in any state), no comparable level and no
    /// recognition practice in the data.
    pub nothing_known: bool,
}

impl EquivalenceAnswer {
    /// The decisions that apply at the queried instant, most specific first.
    pub fn applying(&self) -> impl Iterator<Item = &DecisionMatch> {
        self.decisions
            .iter()
            .filter(|m| m.state == DecisionState::Applies)
    }

    /// The answer in plain words for people. Decisions and comparable levels are under
    /// separate headings, decisions first, so one is never read as the other.
    pub fn to_words(&self) -> String {
        let mut out = String::new();
        let place = match &self.destination {
            Destination::Country(c) => format!("in {c}"),
            Destination::Framework(f) => format!("in terms of {f}"),
        };
        out.push_str(&format!(
            "What this qualification means {place} (as of {}):\n\n",
            self.at.format("%Y-%m-%d")
        ));
        out.push_str("Recognition decisions (authoritative):\n");
        if self.decisions.is_empty() {
            out.push_str(&format!(
                "- No recognition decision {place} matches this qualification.\n"
            ));
        }
        for m in &self.decisions {
            out.push_str(&format!("- {}\n", decision_words(m)));
            out.push_str(&format!("  Legal basis: {}\n", m.decision.legal_basis));
        }
        out.push_str("\nComparable levels (informational, not a recognition decision):\n");
        if self.comparable.is_empty() {
            out.push_str("- No comparable level is known.\n");
        }
        for c in &self.comparable {
            if c.path.is_empty() {
                out.push_str(&format!(
                    "- Comparable level: {} (the qualification's own level)\n",
                    c.level
                ));
            } else {
                let status = match c.status.as_str() {
                    "historical" => "historical referencing, no longer maintained",
                    other => other,
                };
                out.push_str(&format!(
                    "- Comparable level: {} via {} ({status}, {} confidence)\n",
                    c.level,
                    c.path_words(),
                    c.confidence
                ));
            }
        }
        if !self.practice.is_empty() {
            out.push_str(
                "\nRecognition practice (background from the shipped data, not a decision):\n",
            );
            for p in &self.practice {
                out.push_str(&format!("- {}: {}\n", p.title, p.summary));
                if let Some(source) = &p.source {
                    out.push_str(&format!("  Source: {source}\n"));
                }
            }
        }
        if !self.notes.is_empty() {
            out.push_str("\nNot known:\n");
            for n in &self.notes {
                out.push_str(&format!("- {n}\n"));
            }
        }
        if self.nothing_known {
            out.push_str(&format!(
                "\nNothing is known about this qualification {place}: ask the competent authority.\n"
            ));
        }
        out
    }
}

fn decision_words(m: &DecisionMatch) -> String {
    let d = &m.decision;
    let date = |t: DateTime<Utc>| t.format("%Y-%m-%d").to_string();
    let prefix = match m.state {
        DecisionState::Applies => String::new(),
        DecisionState::Expired => format!(
            "EXPIRED on {}: ",
            d.valid_until.map(date).unwrap_or_default()
        ),
        DecisionState::NotYetValid => format!("NOT YET IN FORCE (from {}): ", date(d.valid_from)),
        DecisionState::Superseded => format!(
            "SUPERSEDED by {}: ",
            m.superseded_by.as_deref().unwrap_or("a later decision")
        ),
        DecisionState::Withdrawn => format!(
            "WITHDRAWN on {}: ",
            d.withdrawn.map(date).unwrap_or_default()
        ),
    };
    let verb = match d.outcome {
        super::Outcome::None => "Not recognised",
        _ => "Recognised",
    };
    let validity = match d.valid_until {
        Some(until) => format!("valid until {}", date(until)),
        None => format!("valid from {}, no end date", date(d.valid_from)),
    };
    format!(
        "{prefix}{verb} in {} as {} — {} (decision by {}, {validity})",
        d.destination.country,
        d.destination.qualification,
        d.outcome_words(),
        d.authority_name
    )
}
