//! The equivalence table (frameworks plus recognition decisions) and its query: "what does this
//! qualification mean in DE?".
//!
//! An answer keeps two kinds of statement apart: recognition decisions (authoritative) and
//! comparable levels found through reference frameworks (informational). It also says what is
//! not known, taken from the data's own "none" / "not confirmed" / "mapping not retrieved"
//! statements, rather than filling a gap with a guess.
//!
//! A little over 600 lines: the path search, the gap explanation and the decision matching
//! share the table's indexes and are read together; the answer types live in `answer.rs`
//! and the gap notes in `gaps.rs`.

use std::collections::{HashSet, VecDeque};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::answer::{
    ComparableLevel, DecisionMatch, DecisionState, Destination, Direction, EquivalenceAnswer,
    EquivalenceQuery, Step,
};
use super::catalog::FrameworkCatalog;
use super::decision::RecognitionDecision;
use super::framework::{Framework, Link};
use super::gaps::{level_in, referencing_gap, Notes};
use super::practice;
use super::EquivalenceError;

/// A path being walked: the links used so far and which way.
type Path<'a> = Vec<(&'a Link, Direction)>;

/// Longest chain of links followed to find a comparable level. National -> regional -> national
/// is two; three leaves room for one more hop without letting the search wander.
const MAX_STEPS: usize = 3;

/// Frameworks and recognition decisions. Serializable so that a trust bundle can carry it;
/// deserializing checks everything `add_decision` checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "TableData")]
pub struct EquivalenceTable {
    catalog: FrameworkCatalog,
    decisions: Vec<RecognitionDecision>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TableData {
    catalog: FrameworkCatalog,
    #[serde(default)]
    decisions: Vec<RecognitionDecision>,
}

impl TryFrom<TableData> for EquivalenceTable {
    type Error = EquivalenceError;

    fn try_from(data: TableData) -> Result<Self, Self::Error> {
        EquivalenceTable::with_decisions(data.catalog, data.decisions)
    }
}

impl EquivalenceTable {
    /// The shipped frameworks, with no decisions (decisions come from authorities).
    pub fn shipped() -> Result<EquivalenceTable, EquivalenceError> {
        Ok(EquivalenceTable::new(FrameworkCatalog::shipped()?.clone()))
    }

    /// A table over `catalog` with no decisions.
    pub fn new(catalog: FrameworkCatalog) -> EquivalenceTable {
        EquivalenceTable {
            catalog,
            decisions: Vec::new(),
        }
    }

    /// A table over `catalog` holding `decisions`, each checked as by [`add_decision`].
    /// A decision may come before the one it supersedes in the list.
    ///
    /// [`add_decision`]: EquivalenceTable::add_decision
    pub fn with_decisions(
        catalog: FrameworkCatalog,
        decisions: Vec<RecognitionDecision>,
    ) -> Result<EquivalenceTable, EquivalenceError> {
        let mut table = EquivalenceTable::new(catalog);
        let mut pending = decisions;
        // Insert in an order where every superseded decision precedes its revision, so the
        // one-at-a-time checks apply unchanged; no progress means a missing id or a cycle.
        while !pending.is_empty() {
            let before = pending.len();
            let mut waiting = Vec::new();
            for decision in pending {
                let ready = match &decision.supersedes {
                    Some(old) => table.decision(old).is_some(),
                    None => true,
                };
                if ready {
                    table.add_decision(decision)?;
                } else {
                    waiting.push(decision);
                }
            }
            if waiting.len() == before {
                if let Some(stuck) = waiting.first() {
                    let supersedes = stuck.supersedes.clone().unwrap_or_default();
                    if waiting.iter().any(|d| d.id == supersedes) {
                        return Err(EquivalenceError::InvalidDecision {
                            id: stuck.id.clone(),
                            reason: "the chain of superseded decisions forms a cycle".into(),
                        });
                    }
                    return Err(EquivalenceError::UnknownSupersededDecision {
                        id: stuck.id.clone(),
                        supersedes,
                    });
                }
            }
            pending = waiting;
        }
        Ok(table)
    }

    /// Adds decisions in whatever order they come (a revision may come before the decision
    /// it supersedes) and returns the ones that could not be added, each with its reason.
    pub fn add_decisions_any_order(
        &mut self,
        decisions: impl IntoIterator<Item = RecognitionDecision>,
    ) -> Vec<(RecognitionDecision, EquivalenceError)> {
        let mut pending: Vec<RecognitionDecision> = decisions.into_iter().collect();
        loop {
            let before = pending.len();
            let mut rejected = Vec::new();
            for decision in std::mem::take(&mut pending) {
                if let Err(e) = self.add_decision(decision.clone()) {
                    rejected.push((decision, e));
                }
            }
            // Each pass adds every decision whose predecessor is already in; stop when a
            // pass adds nothing, and report what is left.
            if rejected.is_empty() || rejected.len() == before {
                return rejected;
            }
            pending = rejected.into_iter().map(|(d, _)| d).collect();
        }
    }

    /// Adds a decision after checking it: well-formed (see [`RecognitionDecision::check`]), a
    /// new id, and, for a revision, superseding a decision already in the table for the same
    /// destination country.
    pub fn add_decision(&mut self, decision: RecognitionDecision) -> Result<(), EquivalenceError> {
        decision.check(&self.catalog)?;
        if self.decision(&decision.id).is_some() {
            return Err(EquivalenceError::DuplicateDecision { id: decision.id });
        }
        if let Some(old_id) = &decision.supersedes {
            let old = self.decision(old_id).ok_or_else(|| {
                EquivalenceError::UnknownSupersededDecision {
                    id: decision.id.clone(),
                    supersedes: old_id.clone(),
                }
            })?;
            // One country's authority revising another country's decision is never a revision.
            if old.destination.country != decision.destination.country {
                return Err(EquivalenceError::InvalidDecision {
                    id: decision.id.clone(),
                    reason: format!(
                        "it supersedes {old_id}, a decision for {}, but is itself for {}",
                        old.destination.country, decision.destination.country
                    ),
                });
            }
        }
        self.decisions.push(decision);
        Ok(())
    }

    /// All decisions, including superseded, expired and withdrawn ones.
    pub fn decisions(&self) -> &[RecognitionDecision] {
        &self.decisions
    }

    /// The decision with this id.
    pub fn decision(&self, id: &str) -> Option<&RecognitionDecision> {
        self.decisions.iter().find(|d| d.id == id)
    }

    /// The frameworks and links.
    pub fn catalog(&self) -> &FrameworkCatalog {
        &self.catalog
    }

    /// What a qualification described by `q` means at `to`, at the instant `at`.
    pub fn query(
        &self,
        q: &EquivalenceQuery,
        to: &Destination,
        at: DateTime<Utc>,
    ) -> EquivalenceAnswer {
        let mut notes = Notes::default();
        let decisions = self.matching_decisions(q, to, at);
        let targets = self.targets(to, &mut notes);
        let mut comparable = Vec::new();
        if q.levels.is_empty() {
            notes.push(
                "The qualification names no framework level, so no comparable level can be given."
                    .into(),
            );
        }
        for level_id in &q.levels {
            let found = self.comparable_levels(level_id, &targets, &mut notes);
            comparable.extend(found);
        }
        let destination_country = self.destination_country(to);
        let origin_countries = self.origin_countries(q);
        let practice = match destination_country {
            Some(country) => practice::for_query(country, &origin_countries, q),
            None => Vec::new(),
        };
        if decisions.is_empty() {
            if let Some(country) = destination_country {
                self.point_to_related_decisions(q, country, &mut notes);
            }
        }
        let nothing_known = decisions.is_empty() && comparable.is_empty() && practice.is_empty();
        EquivalenceAnswer {
            destination: to.clone(),
            at,
            decisions,
            comparable,
            practice,
            notes: notes.0,
            nothing_known,
        }
    }

    /// The country a destination stands for: itself, or a national framework's country.
    fn destination_country<'a>(&'a self, to: &'a Destination) -> Option<&'a str> {
        match to {
            Destination::Country(c) => Some(c.as_str()),
            // A national framework stands for its country; a regional one has no authority.
            Destination::Framework(f) => {
                self.catalog.framework(f).and_then(|f| f.country.as_deref())
            }
        }
    }

    /// The origin country named by the query, or else the countries of its levels' frameworks
    /// (PQF-PH-6 is Philippine).
    fn origin_countries<'a>(&'a self, q: &'a EquivalenceQuery) -> Vec<&'a str> {
        match &q.origin_country {
            Some(c) => vec![c.as_str()],
            None => q
                .levels
                .iter()
                .filter_map(|l| self.catalog.level(l))
                .filter_map(|l| l.framework.country.as_deref())
                .collect(),
        }
    }

    /// When no decision matches, decisions of the same destination for the same occupation or
    /// field (from another origin or level) are still worth knowing about: say where they are.
    fn point_to_related_decisions(&self, q: &EquivalenceQuery, country: &str, notes: &mut Notes) {
        let same_occupation = |d: &RecognitionDecision| {
            let o = &d.origin;
            let isco = matches!((&o.isco08, &q.isco08), (Some(a), Some(b)) if b.starts_with(a.as_str()) || a.starts_with(b.as_str()));
            let field = matches!((&o.field, &q.field), (Some(a), Some(b)) if b.starts_with(a.as_str()) || a.starts_with(b.as_str()));
            isco || field
        };
        let related: Vec<String> = self
            .decisions
            .iter()
            .filter(|d| d.destination.country == country && same_occupation(d))
            .map(|d| {
                let level = d.origin.framework_level.as_deref().unwrap_or("any level");
                format!(
                    "{} ({} from {}, {level})",
                    d.id, d.destination.qualification, d.origin.country
                )
            })
            .collect();
        if !related.is_empty() {
            notes.push(format!(
                "No decision matches this qualification, but {country} has recognition decisions for the same occupation or field: {}.",
                related.join("; ")
            ));
        }
    }

    fn matching_decisions(
        &self,
        q: &EquivalenceQuery,
        to: &Destination,
        at: DateTime<Utc>,
    ) -> Vec<DecisionMatch> {
        let Some(destination_country) = self.destination_country(to) else {
            return Vec::new();
        };
        // Without an explicit origin country, the countries of the named levels' frameworks
        // identify it (PQF-PH-6 is Philippine).
        let origin_countries = self.origin_countries(q);
        let mut found: Vec<DecisionMatch> = self
            .decisions
            .iter()
            .filter(|d| d.destination.country == destination_country)
            .filter_map(|d| {
                let matched = origin_matches(&self.catalog, d, q, &origin_countries)?;
                let (state, superseded_by) = self.state_of(d, at);
                Some(DecisionMatch {
                    decision: d.clone(),
                    state,
                    superseded_by,
                    matched,
                })
            })
            .collect();
        found.sort_by_key(|m| {
            let o = &m.decision.origin;
            let prefix_len =
                o.field.as_ref().map_or(0, String::len) + o.isco08.as_ref().map_or(0, String::len);
            (
                m.state.rank(),
                std::cmp::Reverse(o.names_a_qualification()),
                std::cmp::Reverse(m.matched.len()),
                std::cmp::Reverse(prefix_len),
                std::cmp::Reverse(m.decision.valid_from),
            )
        });
        found
    }

    /// Whether `d` applies at `at` given the other decisions of the table (a revision in
    /// effect supersedes it), and the superseding revision's id when it is superseded. The
    /// registry shows every stored decision with this state.
    pub fn state_of(
        &self,
        d: &RecognitionDecision,
        at: DateTime<Utc>,
    ) -> (DecisionState, Option<String>) {
        if d.withdrawn.is_some_and(|w| w <= at) {
            return (DecisionState::Withdrawn, None);
        }
        // A revision that has taken effect supersedes the old decision even if the revision is
        // later withdrawn: reviving the old one silently is the authority's call, not ours.
        let revision = self
            .decisions
            .iter()
            .filter(|r| r.supersedes.as_deref() == Some(d.id.as_str()) && r.valid_from <= at)
            .max_by_key(|r| r.valid_from);
        if let Some(revision) = revision {
            return (DecisionState::Superseded, Some(revision.id.clone()));
        }
        if at < d.valid_from {
            return (DecisionState::NotYetValid, None);
        }
        if d.valid_until.is_some_and(|u| at > u) {
            return (DecisionState::Expired, None);
        }
        (DecisionState::Applies, None)
    }

    fn targets(&self, to: &Destination, notes: &mut Notes) -> Vec<&Framework> {
        match to {
            Destination::Country(c) => {
                let found = self.catalog.frameworks_of_country(c);
                if found.is_empty() {
                    notes.push(format!("No qualifications framework of {c} is in the data, so no comparable level can be given there."));
                }
                found
            }
            Destination::Framework(f) => match self.catalog.framework(f) {
                Some(framework) => vec![framework],
                None => {
                    notes.push(format!("Framework {f} is not in the data."));
                    Vec::new()
                }
            },
        }
    }

    /// Levels of the target frameworks comparable to `origin`: up through forward links
    /// (national -> reference), then down through links used backwards, breadth first.
    fn comparable_levels(
        &self,
        origin: &str,
        targets: &[&Framework],
        notes: &mut Notes,
    ) -> Vec<ComparableLevel> {
        let Some(origin_ref) = self.catalog.level(origin) else {
            notes.push(format!("{origin} is not a level of any framework in the data, so no comparable level can be given for it."));
            return Vec::new();
        };
        if origin_ref.level.id != origin {
            notes.push(format!(
                "{origin} is a deprecated id of {} (level ids now carry their country); it is answered as {}.",
                origin_ref.level.id, origin_ref.level.id
            ));
        }
        let origin = origin_ref.level.id.as_str();
        let origin_fw = origin_ref.framework.id.as_str();
        let origin_index = self.catalog.framework_position(origin_fw);
        let target_indexes: Vec<usize> = targets
            .iter()
            .filter_map(|t| self.catalog.framework_position(&t.id))
            .collect();
        let mut results = Vec::new();
        if origin_index.is_some_and(|o| target_indexes.contains(&o)) {
            results.push(ComparableLevel::new(origin, origin, origin_fw, Vec::new()));
        }
        // Paths are kept as borrowed links and turned into owned steps only for the levels that
        // are answers: with every EQF country in the data, one EQF level fans out to dozens of
        // national levels, and those that cannot lead further are skipped without a lookup.
        let mut visited: HashSet<&str> = HashSet::from([origin]);
        let mut queue: VecDeque<(&str, Path<'_>, bool)> =
            VecDeque::from([(origin, Vec::new(), false)]);
        while let Some((at, path, descending)) = queue.pop_front() {
            if path.len() >= MAX_STEPS {
                continue;
            }
            let up = self
                .catalog
                .links_from_with_ends(at)
                .filter(|_| !descending)
                .map(|(l, e)| (l.to.as_str(), l, e.to_framework, true, Direction::Forward));
            let down = self.catalog.links_to_with_ends(at).map(|(l, e)| {
                (
                    l.from.as_str(),
                    l,
                    e.from_framework,
                    e.from_has_incoming,
                    Direction::Backward,
                )
            });
            for (next, link, next_index, can_go_on, direction) in up.chain(down) {
                // Another level of the origin's own framework is never "comparable" to it.
                if Some(next_index) == origin_index {
                    continue;
                }
                let is_target = target_indexes.contains(&next_index);
                let descending = descending || direction == Direction::Backward;
                // Going down, a level nothing is referenced to leads nowhere further.
                if !is_target && descending && !can_go_on {
                    continue;
                }
                if !visited.insert(next) {
                    continue;
                }
                let mut next_path = path.clone();
                next_path.push((link, direction));
                if is_target {
                    let Some(framework) = self.catalog.framework_at(next_index) else {
                        continue;
                    };
                    let steps = next_path.iter().map(|&(l, d)| Step::new(l, d)).collect();
                    results.push(ComparableLevel::new(origin, next, &framework.id, steps));
                } else {
                    queue.push_back((next, next_path, descending));
                }
            }
        }
        if results.is_empty() {
            self.explain_gap(origin, origin_fw, targets, notes);
        }
        results
    }

    /// Says why no comparable level was found, from the data's own referencing statements:
    /// first a missing bridge between reference frameworks (no table could ever fill that),
    /// then missing or unconfirmed referencings and per-level tables.
    fn explain_gap(
        &self,
        origin: &str,
        origin_fw: &str,
        targets: &[&Framework],
        notes: &mut Notes,
    ) {
        let mut found = Vec::new();
        found.extend(self.missing_bridge(origin_fw, targets));
        let mut origin_referenced = false;
        for r in self.catalog.referencings() {
            if r.from == origin_fw {
                origin_referenced = true;
                if let Some(note) = referencing_gap(r) {
                    found.push(note);
                } else if !self
                    .catalog
                    .links_from(origin)
                    .any(|l| level_in(&l.to, &r.to))
                {
                    found.push(format!(
                        "{origin} has no level link to {} in the data (level mapping: {})",
                        r.to,
                        r.level_mapping.as_deref().unwrap_or("not given")
                    ));
                }
            } else if targets
                .iter()
                .any(|t| t.id == r.from && !t.is_regional_reference())
            {
                // A reference framework's own links to others say nothing about reaching it.
                found.extend(referencing_gap(r));
            }
        }
        // A reference framework (EQF) is referenced *to*, so only a level with no links either
        // way is unreferenced.
        let unlinked = self.catalog.links_from(origin).next().is_none()
            && self.catalog.links_to(origin).next().is_none();
        if !origin_referenced && unlinked {
            found.push(format!(
                "no referencing of {origin_fw} to a reference framework is in the data"
            ));
        }
        if found.is_empty() && !targets.is_empty() {
            let names: Vec<&str> = targets.iter().map(|t| t.id.as_str()).collect();
            found.push(format!(
                "no chain of referencing links to {} is in the data",
                names.join(" or ")
            ));
        }
        for note in found {
            notes.push(format!("For {origin}: {note}."));
        }
    }

    /// The reference frameworks a framework is referenced to (in force or historical), or
    /// itself when it is one.
    fn references_of<'a>(&'a self, framework: &'a Framework) -> Vec<&'a str> {
        if framework.is_regional_reference() {
            return vec![framework.id.as_str()];
        }
        let mut refs: Vec<&str> = self
            .catalog
            .referencings()
            .iter()
            .filter(|r| r.from == framework.id && r.is_referenced())
            .flat_map(|r| r.to.split('/').map(str::trim))
            .filter(|t| {
                self.catalog
                    .framework(t)
                    .is_some_and(Framework::is_regional_reference)
            })
            .collect();
        refs.sort_unstable();
        refs.dedup();
        refs
    }

    /// When the origin and every target are referenced, but to different reference
    /// frameworks, the gap is between those: "no referencing between AQRF and EQF exists".
    fn missing_bridge(&self, origin_fw: &str, targets: &[&Framework]) -> Option<String> {
        let origin = self.catalog.framework(origin_fw)?;
        let from = self.references_of(origin);
        let to: Vec<&str> = targets.iter().flat_map(|t| self.references_of(t)).collect();
        if from.is_empty() || to.is_empty() || from.iter().any(|f| to.contains(f)) {
            return None;
        }
        let mut pairs = Vec::new();
        for a in &from {
            for b in &to {
                let stated_none = self.catalog.referencings().iter().any(|r| {
                    r.is_none_status()
                        && ((r.from == *a && r.names_target(b))
                            || (r.from == *b && r.names_target(a)))
                });
                let verb = if stated_none {
                    "exists"
                } else {
                    "is in the data"
                };
                pairs.push(format!("no referencing between {a} and {b} {verb}"));
            }
        }
        pairs.dedup();
        let names: Vec<&str> = targets.iter().map(|t| t.id.as_str()).collect();
        Some(format!(
            "{}, so no level of {origin_fw} can be compared with {} through reference frameworks, whatever the per-level tables say",
            pairs.join("; "),
            names.join(" or ")
        ))
    }
}

/// Which origin matchers of `d` match `q`, or `None` if one does not.
fn origin_matches(
    catalog: &FrameworkCatalog,
    d: &RecognitionDecision,
    q: &EquivalenceQuery,
    origin_countries: &[&str],
) -> Option<Vec<String>> {
    let o = &d.origin;
    let mut matched = Vec::new();
    if !origin_countries.contains(&o.country.as_str()) {
        return None;
    }
    matched.push("country".to_string());
    if let Some(level) = &o.framework_level {
        // A decision made for PQF-6 applies to a credential naming PQF-PH-6 and the reverse.
        let canonical = |id: &str| catalog.canonical_level_id(id).unwrap_or(id).to_owned();
        let wanted = canonical(level);
        q.levels
            .iter()
            .any(|l| canonical(l) == wanted)
            .then_some(())?;
        matched.push("frameworkLevel".into());
    }
    if let Some(field) = &o.field {
        q.field
            .as_deref()
            .is_some_and(|f| f.starts_with(field.as_str()))
            .then_some(())?;
        matched.push("field".into());
    }
    if let Some(isco) = &o.isco08 {
        q.isco08
            .as_deref()
            .is_some_and(|c| c.starts_with(isco.as_str()))
            .then_some(())?;
        matched.push("isco08".into());
    }
    if let Some(title) = &o.qualification_title {
        q.title
            .as_deref()
            .is_some_and(|t| same_title(t, title))
            .then_some(())?;
        matched.push("qualificationTitle".into());
    }
    if let Some(issuer) = &o.issuer {
        (q.issuer.as_deref() == Some(issuer.as_str())).then_some(())?;
        matched.push("issuer".into());
    }
    Some(matched)
}

/// Titles compare ignoring case and runs of whitespace: credentials and decisions are typed
/// by different people.
fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    norm(a) == norm(b)
}
