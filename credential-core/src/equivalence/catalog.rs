//! Qualification frameworks, their levels and the level-to-level referencing links between them.
//!
//! The data is informational: a link says how levels *compare*, never that a qualification is
//! recognised. The shipped catalog is `data/frameworks.json` (sources in `data/SOURCES.md`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::framework::{
    parse_mapping, CatalogData, FieldClassification, Framework, FrameworkReferencing, Level, Link,
    SourceEntry,
};
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

/// Reading a referencing's level mapping needs the catalog's frameworks, so it lives here.
impl FrameworkReferencing {
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

#[cfg(test)]
#[path = "catalog_tests.rs"]
mod tests;
