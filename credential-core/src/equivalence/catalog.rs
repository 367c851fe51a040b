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
    /// Short id, also the prefix of its level ids (`PQF` for `PQF-6`).
    pub id: String,
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
    /// `official` for a published referencing.
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

    /// Whether `framework` is one of the frameworks named in `to` (`EQF/AQRF` names two).
    pub fn names_target(&self, framework: &str) -> bool {
        self.to.split('/').any(|t| t.trim() == framework)
    }
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
    /// Level id -> (framework index, position).
    level_index: HashMap<String, (usize, usize)>,
    /// Level id -> indexes of links starting there.
    links_from: HashMap<String, Vec<usize>>,
    /// Level id -> indexes of links ending there.
    links_to: HashMap<String, Vec<usize>>,
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
        let mut framework_ids = HashSet::new();
        let mut level_index = HashMap::new();
        for (fi, framework) in data.frameworks.iter().enumerate() {
            if framework.id.trim().is_empty() {
                return Err(inconsistent(format!("framework #{fi} has an empty id")));
            }
            if !framework_ids.insert(framework.id.as_str()) {
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
        let mut links_from: HashMap<String, Vec<usize>> = HashMap::new();
        let mut links_to: HashMap<String, Vec<usize>> = HashMap::new();
        for (li, link) in data.links.iter().enumerate() {
            // A link to a level nobody can look up would silently produce no path; refuse it.
            for end in [&link.from, &link.to] {
                if !level_index.contains_key(end) {
                    return Err(inconsistent(format!(
                        "link {} -> {} names unknown level {end}",
                        link.from, link.to
                    )));
                }
            }
            if link.from == link.to {
                return Err(inconsistent(format!("link {} -> itself", link.from)));
            }
            links_from.entry(link.from.clone()).or_default().push(li);
            links_to.entry(link.to.clone()).or_default().push(li);
        }
        Ok(FrameworkCatalog {
            data,
            level_index,
            links_from,
            links_to,
        })
    }

    /// The framework with this id.
    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.data.frameworks.iter().find(|f| f.id == id)
    }

    /// All frameworks, in catalog order.
    pub fn frameworks(&self) -> impl Iterator<Item = &Framework> {
        self.data.frameworks.iter()
    }

    /// The level with this id (e.g. `PQF-6`, `RQF-E3`, `NCQF-BW-7`), with its framework.
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

    /// The level whose id equals `level_id` ignoring ASCII case (`pqf-6` finds `PQF-6`), for
    /// input typed by people; verification itself compares ids exactly.
    pub fn level_ignoring_case(&self, level_id: &str) -> Option<LevelRef<'_>> {
        if let Some(level) = self.level(level_id) {
            return Some(level);
        }
        let mut found = self
            .level_index
            .keys()
            .filter(|id| id.eq_ignore_ascii_case(level_id));
        match (found.next(), found.next()) {
            (Some(id), None) => self.level(id),
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

    /// Links starting at this level (national -> reference).
    pub fn links_from(&self, level_id: &str) -> impl Iterator<Item = &Link> {
        self.link_indexes(&self.links_from, level_id)
    }

    /// Links ending at this level.
    pub fn links_to(&self, level_id: &str) -> impl Iterator<Item = &Link> {
        self.link_indexes(&self.links_to, level_id)
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
    fn shipped_catalog_parses_and_has_the_sixteen_frameworks() {
        let catalog = shipped();
        assert_eq!(catalog.frameworks().count(), 16);
        for id in [
            "EQF", "AQRF", "ISCED11", "DQR", "PQF", "RQF", "SCQF", "VKS", "CFC", "NCQF-BW", "SLQF",
            "NVQ-LK", "BNQF", "NTVQF", "NSQF", "KNQF",
        ] {
            assert!(catalog.framework(id).is_some(), "{id} missing");
        }
        assert_eq!(catalog.links().len(), 43);
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
        let pqf6 = shipped().level("PQF-6").unwrap();
        assert_eq!(pqf6.framework.id, "PQF");
        assert_eq!(pqf6.position, 5);
        let e3 = shipped().level("RQF-E3").unwrap();
        assert_eq!(e3.level.level, LevelNumber::Label("E3".into()));
        assert_eq!(
            shipped().level("NCQF-BW-7").unwrap().framework.id,
            "NCQF-BW"
        );
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
        assert_eq!(ids, ["RQF", "SCQF"]);
        assert!(shipped().frameworks_of_country("FR").is_empty());
    }

    #[test]
    fn catalog_survives_a_serde_round_trip() {
        let json = serde_json::to_string(shipped()).unwrap();
        let back: FrameworkCatalog = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, shipped());
    }

    #[test]
    fn a_link_to_an_unknown_level_is_refused() {
        let json = r#"{"frameworks":[{"id":"A","name":"A","kind":"national","country":"DE",
            "levels":[{"id":"A-1","level":1}]}],
            "links":[{"from":"A-1","to":"EQF-1","basis":"x","status":"official","confidence":"high"}]}"#;
        assert!(matches!(
            FrameworkCatalog::from_json(json),
            Err(EquivalenceError::CatalogInconsistent { .. })
        ));
    }

    #[test]
    fn a_level_id_without_its_framework_prefix_is_refused() {
        let json = r#"{"frameworks":[{"id":"A","name":"A","kind":"national",
            "levels":[{"id":"B-1","level":1}]}]}"#;
        assert!(matches!(
            FrameworkCatalog::from_json(json),
            Err(EquivalenceError::CatalogInconsistent { .. })
        ));
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
        assert_eq!(
            catalog.level_ignoring_case("pqf-6").unwrap().level.id,
            "PQF-6"
        );
        assert_eq!(
            catalog.level_ignoring_case("ncqf-bw-7").unwrap().level.id,
            "NCQF-BW-7"
        );
        assert!(catalog.level_ignoring_case("PQF6").is_none());
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
