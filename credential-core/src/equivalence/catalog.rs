//! Qualification frameworks, their levels and the level-to-level referencing links between them.
//!
//! The data is informational: a link says how levels *compare*, never that a qualification is
//! recognised. The shipped catalog is `data/frameworks.json` (sources in `data/SOURCES.md`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::EquivalenceError;

/// The framework data shipped with the project, verbatim from `data/frameworks.json`.
pub const FRAMEWORKS_JSON: &str = include_str!("../../data/frameworks.json");
/// Recognition outcome vocabularies and procedures (German BQFG, Directive 2005/36/EC...),
/// verbatim from `data/recognition-outcomes.json`. Background facts, not decisions.
pub const RECOGNITION_OUTCOMES_JSON: &str = include_str!("../../data/recognition-outcomes.json");
/// The ISCO-08 unit groups used by the seed data, verbatim from `data/isco08.json`.
pub const ISCO08_JSON: &str = include_str!("../../data/isco08.json");
/// Where every fact in the shipped data comes from, and what is known to be missing.
pub const SOURCES_MD: &str = include_str!("../../data/SOURCES.md");

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

    /// The level mapping as `(from label, to label)` pairs, ranges expanded in `from`'s level
    /// order, when it follows the checked grammar (`1->1, 4..5->4, 7->6; comment`).
    pub fn mapping_pairs(&self, catalog: &FrameworkCatalog) -> Option<Vec<(String, String)>> {
        let from = catalog.framework(&self.from)?;
        let to = catalog.framework(self.to.trim())?;
        let pairs = parse_mapping(self.level_mapping.as_deref()?, from, to).ok()?;
        pairs
            .into_iter()
            .map(|(a, b)| {
                let a = from.levels.get(a)?.level.to_string();
                Some((a, to.levels.get(b)?.level.to_string()))
            })
            .collect()
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
fn parse_mapping(
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
struct CatalogData {
    #[serde(default = "one")]
    schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    compiled: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    conventions: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    source_catalog: BTreeMap<String, SourceEntry>,
    frameworks: Vec<Framework>,
    #[serde(default)]
    links: Vec<Link>,
    #[serde(default)]
    framework_referencings: Vec<FrameworkReferencing>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    field_classifications: Vec<FieldClassification>,
}

fn one() -> u32 {
    1
}

/// A level found in the catalog, with its framework and its position in the framework's list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelRef<'a> {
    /// The framework the level belongs to.
    pub framework: &'a Framework,
    /// The level.
    pub level: &'a Level,
    /// Index in `framework.levels` (0 = lowest).
    pub position: usize,
}

/// Frameworks, levels and referencing links, checked for consistency and indexed.
///
/// Serializes as the `frameworks.json` document; deserializing runs the same checks as
/// [`FrameworkCatalog::from_json`], so a catalog carried in a trust bundle is never unchecked.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameworkCatalog {
    data: CatalogData,
    /// Level id, canonical or deprecated alias -> (framework index, position).
    level_index: HashMap<String, (usize, usize)>,
    /// Framework id, canonical or deprecated alias -> framework index.
    framework_index: HashMap<String, usize>,
    /// Level id -> indexes of links starting there.
    links_from: HashMap<String, Vec<usize>>,
    /// Level id -> indexes of links ending there.
    links_to: HashMap<String, Vec<usize>>,
    /// Per link (same index as the links): where its ends are, so a path search can decide
    /// whether a step is worth taking without looking levels up by id.
    link_ends: Vec<LinkEnds>,
}

/// The frameworks at both ends of a link, by index, and whether its `from` level has links
/// ending at it (only then can a downward walk go on from there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LinkEnds {
    pub(crate) from_framework: usize,
    pub(crate) to_framework: usize,
    pub(crate) from_has_incoming: bool,
}

static SHIPPED: OnceLock<Result<FrameworkCatalog, EquivalenceError>> = OnceLock::new();

impl FrameworkCatalog {
    /// The catalog shipped with the project (parsed once, cached in a `OnceLock`).
    pub fn shipped() -> Result<&'static FrameworkCatalog, EquivalenceError> {
        match SHIPPED.get_or_init(|| FrameworkCatalog::from_json(FRAMEWORKS_JSON)) {
            Ok(catalog) => Ok(catalog),
            Err(e) => Err(e.clone()),
        }
    }

    /// Parses and checks a catalog in the `frameworks.json` format.
    pub fn from_json(json: &str) -> Result<FrameworkCatalog, EquivalenceError> {
        let data: CatalogData =
            serde_json::from_str(json).map_err(|e| EquivalenceError::CatalogJson {
                message: e.to_string(),
            })?;
        FrameworkCatalog::from_data(data)
    }

    fn from_data(data: CatalogData) -> Result<FrameworkCatalog, EquivalenceError> {
        let inconsistent = |message: String| EquivalenceError::CatalogInconsistent { message };
        let mut framework_index = HashMap::new();
        let mut level_index = HashMap::new();
        for (fi, framework) in data.frameworks.iter().enumerate() {
            if framework.id.trim().is_empty() {
                return Err(inconsistent(format!("framework #{fi} has an empty id")));
            }
            if framework_index.insert(framework.id.clone(), fi).is_some() {
                return Err(inconsistent(format!(
                    "framework {} appears twice",
                    framework.id
                )));
            }
            if let Some(country) = &framework.country {
                if !is_country_code(country) {
                    return Err(inconsistent(format!(
                        "framework {} has country {country:?}, not an ISO 3166-1 alpha-2 code",
                        framework.id
                    )));
                }
            }
            // Level ids must carry their framework's prefix: the prefix is how people read them.
            let prefix = format!("{}-", framework.id);
            for (pos, level) in framework.levels.iter().enumerate() {
                if !level.id.starts_with(&prefix) || level.id.len() == prefix.len() {
                    return Err(inconsistent(format!(
                        "level {} does not start with {prefix}",
                        level.id
                    )));
                }
                if level_index.insert(level.id.clone(), (fi, pos)).is_some() {
                    return Err(inconsistent(format!("level {} appears twice", level.id)));
                }
            }
        }
        // Aliases go in after every canonical id, so an alias can never shadow a real id,
        // whatever the order of the frameworks.
        let canonical_levels: HashSet<&str> = data
            .frameworks
            .iter()
            .flat_map(|f| f.levels.iter().map(|l| l.id.as_str()))
            .collect();
        for (fi, framework) in data.frameworks.iter().enumerate() {
            for alias in &framework.aliases {
                if alias.trim().is_empty() || framework_index.insert(alias.clone(), fi).is_some() {
                    return Err(inconsistent(format!(
                        "alias {alias:?} of {} is empty or names another framework or alias",
                        framework.id
                    )));
                }
                for (pos, level) in framework.levels.iter().enumerate() {
                    let suffix = &level.id[framework.id.len()..];
                    let old = format!("{alias}{suffix}");
                    if canonical_levels.contains(old.as_str())
                        || level_index.insert(old.clone(), (fi, pos)).is_some()
                    {
                        return Err(inconsistent(format!(
                            "alias level {old} of {} collides with another level id",
                            level.id
                        )));
                    }
                }
            }
        }
        let mut links_from: HashMap<String, Vec<usize>> = HashMap::new();
        let mut links_to: HashMap<String, Vec<usize>> = HashMap::new();
        let mut link_pairs = HashSet::new();
        for (li, link) in data.links.iter().enumerate() {
            // A link to a level nobody can look up would silently produce no path; refuse it.
            // Links name canonical ids only: an alias is for old documents, not for new data.
            for end in [&link.from, &link.to] {
                if !canonical_levels.contains(end.as_str()) {
                    return Err(inconsistent(format!(
                        "link {} -> {} names {end}, which is not a canonical level id",
                        link.from, link.to
                    )));
                }
            }
            if link.from == link.to {
                return Err(inconsistent(format!("link {} -> itself", link.from)));
            }
            if !link_pairs.insert((link.from.as_str(), link.to.as_str())) {
                return Err(inconsistent(format!(
                    "link {} -> {} appears twice",
                    link.from, link.to
                )));
            }
            links_from.entry(link.from.clone()).or_default().push(li);
            links_to.entry(link.to.clone()).or_default().push(li);
        }
        let link_ends = data
            .links
            .iter()
            .map(|l| LinkEnds {
                from_framework: level_index.get(&l.from).map_or(0, |&(f, _)| f),
                to_framework: level_index.get(&l.to).map_or(0, |&(f, _)| f),
                from_has_incoming: links_to.contains_key(&l.from),
            })
            .collect();
        let catalog = FrameworkCatalog {
            data,
            level_index,
            framework_index,
            links_from,
            links_to,
            link_ends,
        };
        catalog.check_referencings()?;
        let gaps = catalog.provenance_gaps();
        if let Some(first) = gaps.first() {
            return Err(inconsistent(format!(
                "{first} ({} provenance gap(s) in all)",
                gaps.len()
            )));
        }
        Ok(catalog)
    }

    /// Schema version 2 made level mappings machine-checked: each mapping must parse, and
    /// its pairs must be exactly the links between the two frameworks, so the prose and the
    /// links can never tell different stories. Version 1 data (2026-11-26) kept free text.
    fn check_referencings(&self) -> Result<(), EquivalenceError> {
        let inconsistent = |message: String| EquivalenceError::CatalogInconsistent { message };
        // Links grouped by (from framework, to framework) as level positions, in one pass.
        let mut linked: HashMap<(usize, usize), HashSet<(usize, usize)>> = HashMap::new();
        for l in &self.data.links {
            if let (Some(&(fa, pa)), Some(&(fb, pb))) =
                (self.level_index.get(&l.from), self.level_index.get(&l.to))
            {
                linked.entry((fa, fb)).or_default().insert((pa, pb));
            }
        }
        let empty = HashSet::new();
        for r in &self.data.framework_referencings {
            let Some((fi, from)) = self
                .framework_index
                .get(&r.from)
                .and_then(|&fi| Some((fi, self.data.frameworks.get(fi)?)))
            else {
                return Err(inconsistent(format!(
                    "referencing from unknown framework {}",
                    r.from
                )));
            };
            if self.data.schema_version < 2 {
                continue;
            }
            if from.id != r.from {
                return Err(inconsistent(format!(
                    "referencing names the deprecated id {} instead of {}",
                    r.from, from.id
                )));
            }
            let to = self
                .framework_index
                .get(r.to.trim())
                .and_then(|&ti| Some((ti, self.data.frameworks.get(ti)?)));
            let links = to
                .and_then(|(ti, _)| linked.get(&(fi, ti)))
                .unwrap_or(&empty);
            match (&r.level_mapping, to) {
                (Some(text), Some((_, to))) => {
                    let pairs = parse_mapping(text, from, to).map_err(|e| {
                        inconsistent(format!("level mapping of {} -> {}: {e}", r.from, r.to))
                    })?;
                    let mapped: HashSet<(usize, usize)> = pairs.into_iter().collect();
                    if &mapped != links {
                        return Err(inconsistent(format!(
                            "level mapping of {} -> {} ({text}) differs from its {} links",
                            r.from,
                            r.to,
                            links.len()
                        )));
                    }
                }
                (Some(_), None) => {
                    return Err(inconsistent(format!(
                        "referencing {} -> {} has a level mapping but names no single framework",
                        r.from, r.to
                    )))
                }
                (None, _) if !links.is_empty() => {
                    return Err(inconsistent(format!(
                        "{} -> {} has links but its referencing gives no level mapping",
                        r.from, r.to
                    )))
                }
                (None, _) => {}
            }
        }
        Ok(())
    }

    /// Every framework, link and referencing must name at least one source, and every source
    /// key must be in the source catalog: a statement nobody can check is not shipped.
    /// Returns one line per gap; empty when the provenance is complete.
    pub fn provenance_gaps(&self) -> Vec<String> {
        let mut gaps = Vec::new();
        // Names are built only for a gap: a clean catalog costs no allocation here.
        let mut check = |what: &dyn Fn() -> String, sources: &[String]| {
            if sources.is_empty() {
                gaps.push(format!("{} names no source", what()));
            }
            for key in sources {
                if !self.data.source_catalog.contains_key(key) {
                    gaps.push(format!(
                        "{} cites {key:?}, which is not in the source catalog",
                        what()
                    ));
                }
            }
        };
        for f in &self.data.frameworks {
            check(&|| format!("framework {}", f.id), &f.sources);
            for l in &f.levels {
                if !l.sources.is_empty() {
                    check(&|| format!("level {}", l.id), &l.sources);
                }
            }
        }
        for l in &self.data.links {
            check(&|| format!("link {} -> {}", l.from, l.to), &l.sources);
        }
        for r in &self.data.framework_referencings {
            check(
                &|| format!("referencing {} -> {}", r.from, r.to),
                &r.sources,
            );
        }
        gaps
    }

    /// The canonical id of a level id or of a deprecated alias of one (`PQF-6` -> `PQF-PH-6`).
    pub fn canonical_level_id(&self, level_id: &str) -> Option<&str> {
        self.level(level_id).map(|l| l.level.id.as_str())
    }

    /// When `id` is a deprecated alias of a level or framework, the canonical id it stands for.
    pub fn deprecated_alias(&self, id: &str) -> Option<&str> {
        let canonical = match self.level(id) {
            Some(l) => l.level.id.as_str(),
            None => self.framework(id)?.id.as_str(),
        };
        (canonical != id).then_some(canonical)
    }

    /// The framework with this id or deprecated alias (`PQF` finds `PQF-PH`).
    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.data.frameworks.get(*self.framework_index.get(id)?)
    }

    /// All frameworks, in catalog order.
    pub fn frameworks(&self) -> impl Iterator<Item = &Framework> {
        self.data.frameworks.iter()
    }

    /// The level with this id (e.g. `PQF-PH-6`, `RQF-GB-ENG-E3`, `NCQF-BW-7`), with its
    /// framework. A deprecated alias (`PQF-6`) finds the level it stands for, so every caller —
    /// schema check, scope "up to level" comparison, decisions — accepts old ids unchanged.
    pub fn level(&self, level_id: &str) -> Option<LevelRef<'_>> {
        let &(fi, position) = self.level_index.get(level_id)?;
        let framework = self.data.frameworks.get(fi)?;
        let level = framework.levels.get(position)?;
        Some(LevelRef {
            framework,
            level,
            position,
        })
    }

    /// The level id (current or deprecated alias) equal to `level_id` ignoring ASCII case,
    /// spelled as the catalog spells it (`pqf-6` gives `PQF-6`, `pqf-ph-6` gives
    /// `PQF-PH-6`): for input typed by people, whose case is normalised and nothing else.
    /// Verification itself compares ids exactly.
    pub fn spell_level_id(&self, level_id: &str) -> Option<&str> {
        if let Some((id, _)) = self.level_index.get_key_value(level_id) {
            return Some(id);
        }
        let mut found = self
            .level_index
            .keys()
            .filter(|id| id.eq_ignore_ascii_case(level_id));
        match (found.next(), found.next()) {
            (Some(id), None) => Some(id),
            _ => None,
        }
    }

    /// The one level id that `unknown` most likely meant, for a "did you mean" hint: the same
    /// letters and digits without separators or case (`PQF6`, `pqf 6` -> `PQF-6`), else
    /// the only id one edit away (`PFQ-6` -> `PQF-6`). `None` when nothing, or more than
    /// one level, is that close (`PQF-9` is as near to `PQF-8` as to `PQF-1`).
    pub fn suggest_level(&self, unknown: &str) -> Option<&str> {
        const MAX_INPUT: usize = 64;
        if unknown.len() > MAX_INPUT {
            return None;
        }
        let squash = |s: &str| -> String {
            s.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .collect()
        };
        let wanted = squash(unknown);
        if wanted.is_empty() {
            return None;
        }
        fn only(mut ids: Vec<&String>) -> Option<&str> {
            ids.sort();
            ids.dedup();
            match ids.as_slice() {
                [one] => Some(one.as_str()),
                _ => None,
            }
        }
        let same: Vec<&String> = self
            .level_index
            .keys()
            .filter(|id| squash(id) == wanted)
            .collect();
        if !same.is_empty() {
            return only(same);
        }
        let near: Vec<&String> = self
            .level_index
            .keys()
            .filter(|id| strsim::osa_distance(&squash(id), &wanted) == 1)
            .collect();
        only(near)
    }

    /// Whether `level_id` is at most `max_level_id`: `Some(true/false)` when both are known
    /// levels of the same framework (compared by position in the framework's level list),
    /// `None` otherwise — levels of different frameworks are not ordered.
    pub fn is_at_most(&self, level_id: &str, max_level_id: &str) -> Option<bool> {
        let level = self.level(level_id)?;
        let max = self.level(max_level_id)?;
        (level.framework.id == max.framework.id).then_some(level.position <= max.position)
    }

    /// Frameworks whose `country` is this ISO 3166-1 alpha-2 code (e.g. `GB` -> RQF, SCQF).
    pub fn frameworks_of_country(&self, country: &str) -> Vec<&Framework> {
        self.data
            .frameworks
            .iter()
            .filter(|f| f.country.as_deref() == Some(country))
            .collect()
    }

    /// All level-to-level links.
    pub fn links(&self) -> &[Link] {
        &self.data.links
    }

    /// Links starting at this level (national -> reference); an alias finds its level's links.
    pub fn links_from(&self, level_id: &str) -> impl Iterator<Item = &Link> {
        let id = self.canonical_level_id(level_id).unwrap_or(level_id);
        self.link_indexes(&self.links_from, id)
    }

    /// Links ending at this level; an alias finds its level's links.
    pub fn links_to(&self, level_id: &str) -> impl Iterator<Item = &Link> {
        let id = self.canonical_level_id(level_id).unwrap_or(level_id);
        self.link_indexes(&self.links_to, id)
    }

    /// Links starting at this level, each with where its ends are.
    pub(crate) fn links_from_with_ends(
        &self,
        level_id: &str,
    ) -> impl Iterator<Item = (&Link, LinkEnds)> {
        self.indexed(&self.links_from, level_id)
    }

    /// Links ending at this level, each with where its ends are.
    pub(crate) fn links_to_with_ends(
        &self,
        level_id: &str,
    ) -> impl Iterator<Item = (&Link, LinkEnds)> {
        self.indexed(&self.links_to, level_id)
    }

    fn indexed<'s>(
        &'s self,
        index: &'s HashMap<String, Vec<usize>>,
        level_id: &str,
    ) -> impl Iterator<Item = (&'s Link, LinkEnds)> {
        let id = self.canonical_level_id(level_id).unwrap_or(level_id);
        index
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|&i| Some((self.data.links.get(i)?, *self.link_ends.get(i)?)))
    }

    /// The index of a framework (canonical id or alias) in catalog order.
    pub(crate) fn framework_position(&self, id: &str) -> Option<usize> {
        self.framework_index.get(id).copied()
    }

    /// The framework at this index in catalog order.
    pub(crate) fn framework_at(&self, index: usize) -> Option<&Framework> {
        self.data.frameworks.get(index)
    }

    fn link_indexes<'s>(
        &'s self,
        index: &'s HashMap<String, Vec<usize>>,
        level_id: &str,
    ) -> impl Iterator<Item = &'s Link> {
        index
            .get(level_id)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.data.links.get(i))
    }

    /// Framework-to-framework referencing statements, including "none" and "not confirmed".
    pub fn referencings(&self) -> &[FrameworkReferencing] {
        &self.data.framework_referencings
    }

    /// The title of a source key used in `sources` lists.
    pub fn source(&self, key: &str) -> Option<&SourceEntry> {
        self.data.source_catalog.get(key)
    }

    /// Field-of-education classifications (ISCED-F 2013).
    pub fn field_classifications(&self) -> &[FieldClassification] {
        &self.data.field_classifications
    }
}

impl Serialize for FrameworkCatalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.data.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for FrameworkCatalog {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let data = CatalogData::deserialize(deserializer)?;
        FrameworkCatalog::from_data(data).map_err(serde::de::Error::custom)
    }
}

/// Whether `code` has the shape of an ISO 3166-1 alpha-2 code: two uppercase ASCII letters.
///
/// Shape only: whether the code is assigned is not checked, so that a new country needs no
/// code change.
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> &'static FrameworkCatalog {
        FrameworkCatalog::shipped().unwrap()
    }

    #[test]
    fn shipped_catalog_parses_and_keeps_the_sixteen_frameworks_of_the_first_data() {
        let catalog = shipped();
        assert!(catalog.frameworks().count() >= 16);
        // The first data's ids still find their frameworks, now as deprecated aliases.
        for (old, id) in [
            ("EQF", "EQF"),
            ("AQRF", "AQRF"),
            ("ISCED11", "ISCED11"),
            ("DQR", "DQR-DE"),
            ("PQF", "PQF-PH"),
            ("RQF", "RQF-GB-ENG"),
            ("SCQF", "SCQF-GB-SCT"),
            ("VKS", "VKS-BE"),
            ("CFC", "CFC-BE"),
            ("NCQF-BW", "NCQF-BW"),
            ("SLQF", "SLQF-LK"),
            ("NVQ-LK", "NVQ-LK"),
            ("BNQF", "BNQF-BD"),
            ("NTVQF", "NTVQF-BD"),
            ("NSQF", "NSQF-IN"),
            ("KNQF", "KNQF-KE"),
        ] {
            assert_eq!(catalog.framework(old).map(|f| f.id.as_str()), Some(id));
        }
        assert!(catalog.links().len() >= 43);
        assert!(
            catalog.provenance_gaps().is_empty(),
            "{:?}",
            catalog.provenance_gaps()
        );
    }

    #[test]
    fn embedded_data_is_the_shared_data_verbatim() {
        // The project must not depend on files outside it, so the data is a copy; pin that
        // the copy still parses as JSON and carries its provenance file.
        for json in [FRAMEWORKS_JSON, RECOGNITION_OUTCOMES_JSON, ISCO08_JSON] {
            serde_json::from_str::<serde_json::Value>(json).unwrap();
        }
        assert!(SOURCES_MD.contains("Gaps"));
    }

    #[test]
    fn levels_are_found_with_their_framework_and_position() {
        let pqf6 = shipped().level("PQF-PH-6").unwrap();
        assert_eq!(pqf6.framework.id, "PQF-PH");
        assert_eq!(pqf6.position, 5);
        let e3 = shipped().level("RQF-GB-ENG-E3").unwrap();
        assert_eq!(e3.level.level, LevelNumber::Label("E3".into()));
        assert_eq!(
            shipped().level("NCQF-BW-7").unwrap().framework.id,
            "NCQF-BW"
        );
        assert!(shipped().level("PQF-PH-9").is_none());
        assert!(shipped().level("PQF-9").is_none());
    }

    #[test]
    fn a_lower_level_of_the_same_framework_is_at_most_a_higher_one() {
        assert_eq!(shipped().is_at_most("PQF-5", "PQF-6"), Some(true));
        assert_eq!(shipped().is_at_most("PQF-6", "PQF-6"), Some(true));
    }

    #[test]
    fn a_higher_level_is_not_at_most_a_lower_one() {
        assert_eq!(shipped().is_at_most("PQF-7", "PQF-6"), Some(false));
    }

    #[test]
    fn entry_levels_order_below_level_one() {
        assert_eq!(shipped().is_at_most("RQF-E3", "RQF-1"), Some(true));
        assert_eq!(shipped().is_at_most("RQF-1", "RQF-E3"), Some(false));
    }

    #[test]
    fn levels_of_different_frameworks_are_not_ordered() {
        assert_eq!(shipped().is_at_most("DQR-4", "PQF-6"), None);
    }

    #[test]
    fn unknown_levels_are_not_ordered() {
        assert_eq!(shipped().is_at_most("PQF-9", "PQF-6"), None);
        assert_eq!(shipped().is_at_most("PQF-5", "nonsense"), None);
    }

    #[test]
    fn great_britain_has_two_frameworks() {
        let ids: Vec<_> = shipped()
            .frameworks_of_country("GB")
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(ids, ["RQF-GB-ENG", "SCQF-GB-SCT", "CQFW-GB-WLS"]);
        assert!(shipped().frameworks_of_country("US").is_empty());
    }

    #[test]
    fn catalog_survives_a_serde_round_trip() {
        let json = serde_json::to_string(shipped()).unwrap();
        let back: FrameworkCatalog = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, shipped());
    }

    #[test]
    fn a_link_to_an_unknown_level_is_refused() {
        let message = refused(&doc(&link("A-XX-1", "EQF-9"), ""));
        assert!(
            message.contains("EQF-9, which is not a canonical level id"),
            "{message}"
        );
    }

    #[test]
    fn a_level_id_without_its_framework_prefix_is_refused() {
        let message = refused(&doc("", "").replace(r#""id":"A-XX-2""#, r#""id":"B-2""#));
        assert!(
            message.contains("level B-2 does not start with A-XX-"),
            "{message}"
        );
    }

    #[test]
    fn a_deprecated_alias_and_its_canonical_id_compare_as_one_level() {
        // Scopes issued before ids carried their country (`QualificationCredential:PQF-6`)
        // must keep bounding credentials that name either id.
        assert_eq!(shipped().is_at_most("PQF-PH-5", "PQF-6"), Some(true));
        assert_eq!(shipped().is_at_most("PQF-5", "PQF-PH-6"), Some(true));
        assert_eq!(shipped().is_at_most("PQF-PH-7", "PQF-6"), Some(false));
        assert_eq!(
            shipped().canonical_level_id("RQF-E3"),
            Some("RQF-GB-ENG-E3")
        );
        assert_eq!(shipped().deprecated_alias("DQR-4"), Some("DQR-DE-4"));
        assert_eq!(shipped().deprecated_alias("DQR"), Some("DQR-DE"));
        assert_eq!(shipped().deprecated_alias("DQR-DE-4"), None);
        assert_eq!(shipped().links_from("DQR-4").count(), 1);
    }

    /// A minimal catalog document: framework A (levels 1-3, alias `OLD`), the EQF (1-3),
    /// `links` and `referencings` spliced in, every statement with a source.
    fn doc(links: &str, referencings: &str) -> String {
        format!(
            r#"{{"schemaVersion":2,"sourceCatalog":{{"s":{{"title":"t"}}}},
            "frameworks":[
             {{"id":"A-XX","aliases":["OLD"],"name":"A","kind":"national","country":"XX","sources":["s"],
               "levels":[{{"id":"A-XX-1","level":1}},{{"id":"A-XX-2","level":2}},{{"id":"A-XX-3","level":3}}]}},
             {{"id":"EQF","name":"EQF","kind":"regional-reference","sources":["s"],
               "levels":[{{"id":"EQF-1","level":1}},{{"id":"EQF-2","level":2}},{{"id":"EQF-3","level":3}}]}}],
            "links":[{links}],"frameworkReferencings":[{referencings}]}}"#
        )
    }

    fn link(from: &str, to: &str) -> String {
        format!(
            r#"{{"from":"{from}","to":"{to}","basis":"b","status":"official","confidence":"high","sources":["s"]}}"#
        )
    }

    fn referencing(mapping: &str) -> String {
        format!(
            r#"{{"from":"A-XX","to":"EQF","status":"official","levelMapping":"{mapping}","sources":["s"]}}"#
        )
    }

    fn refused(json: &str) -> String {
        match FrameworkCatalog::from_json(json) {
            Err(EquivalenceError::CatalogInconsistent { message }) => message,
            other => panic!("expected an inconsistent catalog, got {other:?}"),
        }
    }

    #[test]
    fn a_consistent_catalog_with_a_range_and_an_alias_is_accepted() {
        let links = [
            link("A-XX-1", "EQF-1"),
            link("A-XX-2", "EQF-2"),
            link("A-XX-3", "EQF-2"),
        ];
        let catalog =
            FrameworkCatalog::from_json(&doc(&links.join(","), &referencing("1->1, 2..3->2")))
                .unwrap();
        assert_eq!(catalog.level("OLD-3").unwrap().level.id, "A-XX-3");
        let pairs = catalog.referencings()[0].mapping_pairs(&catalog).unwrap();
        assert_eq!(pairs.len(), 3);
    }

    #[test]
    fn a_link_without_a_source_is_refused() {
        let bare =
            r#"{"from":"A-XX-1","to":"EQF-1","basis":"b","status":"official","confidence":"high"}"#;
        let message = refused(&doc(bare, &referencing("1->1")));
        assert!(
            message.contains("link A-XX-1 -> EQF-1 names no source"),
            "{message}"
        );
    }

    #[test]
    fn a_source_key_missing_from_the_source_catalog_is_refused() {
        let json = doc(&link("A-XX-1", "EQF-1"), &referencing("1->1")).replace(
            r#""sources":["s"]}],"frameworkReferencings""#,
            r#""sources":["nowhere"]}],"frameworkReferencings""#,
        );
        let message = refused(&json);
        assert!(message.contains("\"nowhere\""), "{message}");
    }

    #[test]
    fn a_link_naming_a_deprecated_alias_is_refused() {
        let message = refused(&doc(&link("OLD-1", "EQF-1"), ""));
        assert!(message.contains("not a canonical level id"), "{message}");
    }

    #[test]
    fn an_alias_colliding_with_a_framework_id_is_refused() {
        let message = refused(&doc("", "").replace(r#"["OLD"]"#, r#"["EQF"]"#));
        assert!(message.contains("alias \"EQF\""), "{message}");
    }

    #[test]
    fn a_level_mapping_that_differs_from_the_links_is_refused() {
        let message = refused(&doc(&link("A-XX-1", "EQF-1"), &referencing("1->2")));
        assert!(message.contains("differs from its 1 links"), "{message}");
    }

    #[test]
    fn a_backwards_or_descending_or_unknown_mapping_is_refused() {
        for (mapping, why) in [
            ("3..1->1", "runs backwards"),
            ("1->2, 2->1", "lower level"),
            ("1->1, 1->2", "overlaps"),
            ("9->1", "not a level of A-XX"),
            ("1=1", "has no ->"),
        ] {
            let message = refused(&doc(&link("A-XX-1", "EQF-1"), &referencing(mapping)));
            assert!(message.contains(why), "{mapping}: {message}");
        }
    }

    #[test]
    fn links_without_a_level_mapping_in_their_referencing_are_refused() {
        let r = r#"{"from":"A-XX","to":"EQF","status":"official","sources":["s"]}"#;
        let message = refused(&doc(&link("A-XX-1", "EQF-1"), r));
        assert!(message.contains("gives no level mapping"), "{message}");
    }

    #[test]
    fn the_first_data_format_still_loads() {
        // Version 1 mappings were prose; they are not parsed, everything else is checked.
        let v1 = doc(
            &link("A-XX-1", "EQF-1"),
            &referencing("one-to-one (same number)"),
        )
        .replace(r#""schemaVersion":2"#, r#""schemaVersion":1"#);
        assert!(FrameworkCatalog::from_json(&v1).is_ok());
    }

    #[test]
    fn malformed_framework_json_is_refused() {
        assert!(matches!(
            FrameworkCatalog::from_json("{"),
            Err(EquivalenceError::CatalogJson { .. })
        ));
    }

    #[test]
    fn a_level_typed_in_lower_case_is_found() {
        let catalog = shipped();
        assert_eq!(catalog.spell_level_id("pqf-6"), Some("PQF-6"));
        assert_eq!(catalog.spell_level_id("pqf-ph-6"), Some("PQF-PH-6"));
        assert_eq!(catalog.spell_level_id("ncqf-bw-7"), Some("NCQF-BW-7"));
        assert!(catalog.spell_level_id("PQF6").is_none());
    }

    #[test]
    fn a_level_without_its_hyphen_or_with_two_letters_swapped_gets_a_suggestion() {
        let catalog = shipped();
        assert_eq!(catalog.suggest_level("PQF6"), Some("PQF-6"));
        assert_eq!(catalog.suggest_level("pqf 6"), Some("PQF-6"));
        assert_eq!(catalog.suggest_level("NCQFBW7"), Some("NCQF-BW-7"));
        assert_eq!(catalog.suggest_level("PFQ-6"), Some("PQF-6"));
        assert_eq!(catalog.suggest_level("rqf-e3"), Some("RQF-E3"));
    }

    #[test]
    fn no_suggestion_is_made_when_several_levels_are_as_close() {
        let catalog = shipped();
        // PQF has levels 1 to 8: PQF-9 is one edit from each of them.
        assert_eq!(catalog.suggest_level("PQF-9"), None);
        assert_eq!(catalog.suggest_level("XQF-3"), None);
        assert_eq!(catalog.suggest_level(""), None);
        assert_eq!(catalog.suggest_level(&"P".repeat(10_000)), None);
    }
}
