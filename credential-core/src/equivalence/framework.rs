//! The shape of the framework data: frameworks with their levels, level-to-level referencing
//! links, whole-framework referencing statements (with status and sources), and the
//! `frameworks.json` document they are read from. The catalog (`catalog.rs`) checks and
//! indexes them.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// A qualifications framework (national, regional reference, or a statistical classification).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Framework {
    /// Short id, also the prefix of its level ids (`PQF-PH` for `PQF-PH-6`). National ids carry
    /// their ISO 3166-1 country code so that acronyms shared by countries cannot collide.
    pub id: String,
    /// Deprecated former ids (`PQF` for `PQF-PH`): credentials and scopes issued before ids
    /// carried their country still name them, so `PQF-6` keeps resolving to `PQF-PH-6`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Full name.
    pub name: String,
    /// `national`, `national-vet`, `regional-reference` or `statistical-classification`.
    ///
    /// A string rather than an enum so that an older verifier still reads a trust bundle
    /// that introduces a new kind.
    pub kind: String,
    /// Who the framework applies to, for frameworks without a single country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country, for national frameworks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// ISO 3166-2 codes narrowing the country (e.g. `GB-SCT` for the SCQF).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subdivisions: Vec<String>,
    /// Community narrowing the country (Belgium has one framework per community).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<String>,
    /// Number of levels as published (may differ from `levels.len()` when levels are missing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_count: Option<u32>,
    /// Descriptor domains (knowledge, skills...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// When and by what act the framework was established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established: Option<String>,
    /// Confidence in this record (`high`, `medium`, `low`, possibly qualified).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    /// Keys of the catalog's source list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Levels, lowest first; the order is what "at most" compares.
    #[serde(default)]
    pub levels: Vec<Level>,
}

impl Framework {
    /// Whether this is a regional reference framework (EQF, AQRF) that national ones refer to.
    pub fn is_regional_reference(&self) -> bool {
        self.kind == "regional-reference"
    }
}

/// The number or label of a level within its framework (`6`, or `PV1` for a pre-vocational level).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LevelNumber {
    /// A numbered level.
    Number(u32),
    /// A labelled level such as `E3` or `PV1`.
    Label(String),
}

impl fmt::Display for LevelNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LevelNumber::Number(n) => write!(f, "{n}"),
            LevelNumber::Label(l) => f.write_str(l),
        }
    }
}

/// One level of a framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Level {
    /// Globally unique level id, `<FRAMEWORK>-<level>` (e.g. `RQF-E3`, `NCQF-BW-7`).
    pub id: String,
    /// Number or label within the framework.
    pub level: LevelNumber,
    /// Short paraphrase of the descriptor; `None` where not verified.
    #[serde(default)]
    pub summary: Option<String>,
    /// Typical qualifications at this level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub typical_qualifications: Vec<String>,
    /// Minimum credits, where the framework sets them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_credits: Option<u32>,
    /// Keys of the catalog's source list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A level-to-level referencing link, directed from a national level to a reference level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    /// Level id the link starts from (usually national, e.g. `RQF-3`).
    pub from: String,
    /// Level id it is referenced to (usually regional, e.g. `EQF-4`).
    pub to: String,
    /// Why the two levels compare.
    pub basis: String,
    /// `official` for a published referencing in force, `historical` for one no longer
    /// maintained (the UK's after it left the EQF process), `comparison only` for a comparison
    /// table that is not a referencing.
    pub status: String,
    /// `high`, `medium` or `low`.
    pub confidence: String,
    /// Keys of the catalog's source list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// The main source, as a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A framework-to-framework referencing statement, including "none" and "not confirmed" ones:
/// these are what lets an answer say what is *not* known instead of guessing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkReferencing {
    /// Framework id referenced.
    pub from: String,
    /// Framework id(s) referenced to; may name several (`EQF/AQRF`) or one not in the catalog.
    pub to: String,
    /// Free text: `none`, `not confirmed`, or how and when it was referenced.
    pub status: String,
    /// How levels map; `None` when the per-level mapping is not in the data.
    #[serde(default)]
    pub level_mapping: Option<String>,
    /// Keys of the catalog's source list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Confidence in this statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    /// Caveat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl FrameworkReferencing {
    /// Whether the data states that no referencing exists.
    pub fn is_none_status(&self) -> bool {
        self.status.trim().eq_ignore_ascii_case("none")
    }

    /// Whether the data says the referencing is not confirmed either way.
    pub fn is_unconfirmed(&self) -> bool {
        self.status
            .trim()
            .to_ascii_lowercase()
            .starts_with("not confirmed")
    }

    /// Whether the referencing is published but no longer maintained (`historical: ...`).
    pub fn is_historical(&self) -> bool {
        status_kind(&self.status) == "historical"
    }

    /// Whether the statement is about a comparison table, which is not a referencing.
    pub fn is_comparison_only(&self) -> bool {
        status_kind(&self.status) == "comparison only"
    }

    /// Whether a referencing exists, in force or historical: levels of `from` have a place in `to`.
    pub fn is_referenced(&self) -> bool {
        matches!(
            status_kind(&self.status),
            "official" | "historical" | "referenced"
        )
    }

    /// Whether `framework` is one of the frameworks named in `to` (`EQF/AQRF` names two).
    pub fn names_target(&self, framework: &str) -> bool {
        self.to.split('/').any(|t| t.trim() == framework)
    }
}

/// The first word(s) of a status (`official: referenced 2012` -> `official`), lowercased.
fn status_kind(status: &str) -> &str {
    let head = status.split(':').next().unwrap_or("").trim();
    let lower = head.to_ascii_lowercase();
    for kind in [
        "official",
        "historical",
        "comparison only",
        "none",
        "not confirmed",
        "referenced",
    ] {
        if lower.starts_with(kind) {
            return kind;
        }
    }
    ""
}

/// Parses a level mapping (`1->1, 4..5->4; free text`) between two frameworks into pairs of
/// level labels, refusing unknown labels, reversed ranges and mappings that go down.
pub(super) fn parse_mapping(
    text: &str,
    from: &Framework,
    to: &Framework,
) -> Result<Vec<(usize, usize)>, String> {
    let position = |fw: &Framework, label: &str| {
        fw.levels
            .iter()
            .position(|l| match &l.level {
                LevelNumber::Number(n) => label.parse::<u32>() == Ok(*n),
                LevelNumber::Label(l) => l == label,
            })
            .ok_or_else(|| format!("{label:?} is not a level of {}", fw.id))
    };
    let body = text.split(';').next().unwrap_or("");
    let mut pairs = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for entry in body.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (lhs, rhs) = entry
            .split_once("->")
            .ok_or_else(|| format!("entry {entry:?} has no ->"))?;
        let (a, b) = match lhs.trim().split_once("..") {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (lhs.trim(), lhs.trim()),
        };
        let (pa, pb) = (position(from, a)?, position(from, b)?);
        if pa > pb {
            return Err(format!("range {lhs:?} runs backwards"));
        }
        let pt = position(to, rhs.trim())?;
        if let Some((lf, lt)) = last {
            if pa <= lf {
                return Err(format!(
                    "entry {entry:?} overlaps or precedes the one before"
                ));
            }
            if pt < lt {
                return Err(format!(
                    "entry {entry:?} maps to a lower level than the one before"
                ));
            }
        }
        last = Some((pb, pt));
        pairs.extend((pa..=pb).map(|p| (p, pt)));
    }
    if pairs.is_empty() {
        return Err("no entries".into());
    }
    Ok(pairs)
}

/// An entry of the source catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceEntry {
    /// Title of the source.
    pub title: String,
    /// Where it was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A field-of-education classification (ISCED-F 2013 broad fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldClassification {
    /// Classification id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Confidence in this record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    /// Keys of the catalog's source list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Caveats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Codes and titles.
    #[serde(default)]
    pub fields: Vec<FieldCode>,
}

/// One field code with its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldCode {
    /// ISCED-F code (2 to 4 digits).
    pub code: String,
    /// Title.
    pub title: String,
}

/// The document form of a catalog, as in `frameworks.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CatalogData {
    #[serde(default = "one")]
    pub(super) schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) compiled: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) conventions: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) source_catalog: BTreeMap<String, SourceEntry>,
    pub(super) frameworks: Vec<Framework>,
    #[serde(default)]
    pub(super) links: Vec<Link>,
    #[serde(default)]
    pub(super) framework_referencings: Vec<FrameworkReferencing>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) field_classifications: Vec<FieldClassification>,
}

pub(super) fn one() -> u32 {
    1
}
