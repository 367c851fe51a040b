//! Acceptance tests of the equivalence table: shipped data, the PH -> DE nursing fixture,
//! decision life cycle, rejections, and the JSON Schema. Over 600 lines because every
//! rejection of a decision has its own test on the one shared fixture.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::Value;

use super::*;

const NURSING_FIXTURE: &str =
    include_str!("../../testdata/equivalence/ph-de-nursing-decision.json");
const DECISION_SCHEMA: &str = include_str!("../../../schemas/equivalence-decision.schema.json");

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
}

fn levels(ids: &[&str]) -> EquivalenceQuery {
    EquivalenceQuery {
        levels: ids.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

fn ask(table: &EquivalenceTable, q: &EquivalenceQuery, to: &str) -> EquivalenceAnswer {
    table.query(q, &to.parse().unwrap(), at())
}

fn shipped() -> EquivalenceTable {
    EquivalenceTable::shipped().unwrap()
}

fn nursing() -> RecognitionDecision {
    serde_json::from_str(NURSING_FIXTURE).unwrap()
}

fn nursing_table() -> EquivalenceTable {
    EquivalenceTable::with_decisions(
        FrameworkCatalog::shipped().unwrap().clone(),
        vec![nursing()],
    )
    .unwrap()
}

fn nursing_query() -> EquivalenceQuery {
    EquivalenceQuery {
        origin_country: Some("PH".into()),
        levels: vec!["PQF-6".into()],
        field: Some("0913".into()),
        isco08: Some("2221".into()),
        ..Default::default()
    }
}

fn ids(answer: &EquivalenceAnswer) -> Vec<(&str, DecisionState)> {
    answer
        .decisions
        .iter()
        .map(|m| (m.decision.id.as_str(), m.state))
        .collect()
}

fn comparable(answer: &EquivalenceAnswer) -> Vec<(&str, String)> {
    answer
        .comparable
        .iter()
        .map(|c| (c.level.as_str(), c.path_words()))
        .collect()
}

// --- comparable levels from the shipped data -------------------------------------------------

#[test]
fn rqf_3_is_comparable_to_dqr_4_in_germany_via_eqf_4_through_a_historical_referencing() {
    let answer = ask(&shipped(), &levels(&["RQF-GB-ENG-3"]), "DE");
    assert_eq!(
        comparable(&answer),
        [("DQR-DE-4", "RQF-GB-ENG-3 → EQF-4 → DQR-DE-4".to_string())]
    );
    let c = &answer.comparable[0];
    assert_eq!(c.framework, "DQR-DE");
    assert_eq!(c.path[0].direction, Direction::Forward);
    assert_eq!(c.path[1].direction, Direction::Backward);
    // The UK left the EQF process: its referencing is kept, not maintained.
    assert_eq!(
        (c.status.as_str(), c.confidence.as_str()),
        ("historical", "high")
    );
    assert!(answer.decisions.is_empty());
    assert!(!answer.nothing_known);
}

#[test]
fn a_deprecated_id_is_answered_as_its_canonical_level_with_a_note() {
    let answer = ask(&shipped(), &levels(&["RQF-3"]), "DE");
    assert_eq!(
        comparable(&answer),
        [("DQR-DE-4", "RQF-GB-ENG-3 → EQF-4 → DQR-DE-4".to_string())]
    );
    assert!(
        answer
            .notes
            .iter()
            .any(|n| n.starts_with("RQF-3 is a deprecated id of RQF-GB-ENG-3")),
        "{:?}",
        answer.notes
    );
    let current = ask(&shipped(), &levels(&["RQF-GB-ENG-3"]), "DE");
    assert!(current.notes.is_empty(), "{:?}", current.notes);
}

#[test]
fn dqr_6_is_comparable_to_eqf_6_when_the_destination_is_the_eqf() {
    let answer = ask(&shipped(), &levels(&["DQR-DE-6"]), "EQF");
    assert_eq!(
        comparable(&answer),
        [("EQF-6", "DQR-DE-6 → EQF-6".to_string())]
    );
    assert_eq!(answer.comparable[0].status, "official");
}

#[test]
fn eqf_6_is_comparable_to_dqr_6_in_germany() {
    let answer = ask(&shipped(), &levels(&["EQF-6"]), "DE");
    assert_eq!(
        comparable(&answer),
        [("DQR-DE-6", "EQF-6 → DQR-DE-6".to_string())]
    );
    assert_eq!(answer.comparable[0].path[0].direction, Direction::Backward);
}

#[test]
fn ncqf_bw_7_has_no_comparable_level_in_germany_and_a_note_says_no_official_referencing_exists() {
    let answer = ask(&shipped(), &levels(&["NCQF-BW-7"]), "DE");
    assert!(answer.comparable.is_empty(), "{:?}", answer.comparable);
    assert!(answer.nothing_known);
    assert!(
        answer.notes.iter().any(|n| n.starts_with("For NCQF-BW-7: ")
            && n.to_lowercase()
                .contains("no official referencing: ncqf-bw is not referenced to eqf")),
        "{:?}",
        answer.notes
    );
}

#[test]
fn pqf_6_has_no_comparable_level_in_germany_because_no_referencing_between_aqrf_and_eqf_exists() {
    let answer = ask(&shipped(), &levels(&["PQF-PH-6"]), "DE");
    assert!(answer.comparable.is_empty(), "{:?}", answer.comparable);
    // The missing bridge comes first: no per-level table could ever fill it.
    assert!(
        answer.notes[0].starts_with("For PQF-PH-6: no referencing between AQRF and EQF exists"),
        "{:?}",
        answer.notes
    );
    assert!(
        answer
            .notes
            .iter()
            .any(|n| n.contains("PQF-PH is referenced to AQRF")
                && n.contains("per-level table of that referencing is not in the data")),
        "{:?}",
        answer.notes
    );
}

#[test]
fn pqf_6_is_not_given_an_aqrf_level_either() {
    // The referencing exists but its level table was not retrieved: no AQRF-6 may be invented.
    let answer = ask(&shipped(), &levels(&["PQF-PH-6"]), "AQRF");
    assert!(answer.comparable.is_empty());
    assert!(
        !answer.notes.iter().any(|n| n.contains("between")),
        "PQF is referenced to the AQRF itself, so no bridge is missing: {:?}",
        answer.notes
    );
}

#[test]
fn eqf_6_has_no_comparable_level_in_the_philippines_and_the_notes_name_the_bridge_then_the_table() {
    let answer = ask(&shipped(), &levels(&["EQF-6"]), "PH");
    assert!(answer.comparable.is_empty());
    assert_eq!(answer.notes.len(), 2, "{:?}", answer.notes);
    assert!(answer.notes[0].starts_with("For EQF-6: no referencing between EQF and AQRF exists"));
    assert!(answer.notes[1].starts_with("For EQF-6: PQF-PH is referenced to AQRF"));
}

#[test]
fn eqf_5_is_comparable_to_several_levels_in_great_britain() {
    let answer = ask(&shipped(), &levels(&["EQF-5"]), "GB");
    let mut found: Vec<&str> = answer.comparable.iter().map(|c| c.level.as_str()).collect();
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "RQF-GB-ENG-4",
            "RQF-GB-ENG-5",
            "SCQF-GB-SCT-7",
            "SCQF-GB-SCT-8"
        ]
    );
    let scqf = answer
        .comparable
        .iter()
        .find(|c| c.level == "SCQF-GB-SCT-7")
        .unwrap();
    assert_eq!(scqf.confidence, "medium");
    assert_eq!(scqf.status, "historical");
}

#[test]
fn a_level_of_a_destination_framework_is_its_own_comparable_level_and_not_its_neighbours() {
    let answer = ask(&shipped(), &levels(&["SCQF-GB-SCT-7"]), "GB");
    let found: Vec<&str> = answer.comparable.iter().map(|c| c.level.as_str()).collect();
    assert_eq!(found, ["SCQF-GB-SCT-7", "RQF-GB-ENG-4", "RQF-GB-ENG-5"]);
    assert!(answer.comparable[0].path.is_empty());
}

#[test]
fn rqf_entry_1_has_no_comparable_level_and_the_note_says_so() {
    let answer = ask(&shipped(), &levels(&["RQF-GB-ENG-E1"]), "DE");
    assert!(answer.comparable.is_empty());
    assert!(
        answer
            .notes
            .iter()
            .any(|n| n.contains("For RQF-GB-ENG-E1: RQF-GB-ENG-E1 has no level link to EQF")),
        "{:?}",
        answer.notes
    );
}

#[test]
fn an_unknown_level_or_country_is_reported_as_not_known() {
    let answer = ask(&shipped(), &levels(&["PQF-9"]), "DE");
    assert!(answer.nothing_known);
    assert!(answer
        .notes
        .iter()
        .any(|n| n.contains("PQF-9 is not a level")));
    let answer = ask(&shipped(), &levels(&["RQF-GB-ENG-3"]), "US");
    assert!(answer.nothing_known);
    assert!(answer
        .notes
        .iter()
        .any(|n| n.contains("No qualifications framework of US")));
}

// --- the PH -> DE nursing fixture ------------------------------------------------------------

#[test]
fn the_nursing_fixture_validates_against_the_decision_schema() {
    let schema: Value = serde_json::from_str(DECISION_SCHEMA).unwrap();
    assert!(jsonschema::draft202012::meta::is_valid(&schema));
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let fixture: Value = serde_json::from_str(NURSING_FIXTURE).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&fixture)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // What the library writes must be what the schema describes.
    let written = serde_json::to_value(nursing()).unwrap();
    assert!(validator.is_valid(&written));
    assert_eq!(written, fixture);
}

#[test]
fn the_decision_schema_refuses_a_partial_outcome_without_compensation() {
    let schema: Value = serde_json::from_str(DECISION_SCHEMA).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let mut doc: Value = serde_json::from_str(NURSING_FIXTURE).unwrap();
    doc["compensation"] = Value::Array(vec![]);
    assert!(!validator.is_valid(&doc));
    doc["origin"]["country"] = Value::String("ph".into());
    doc["outcome"] = Value::String("full".into());
    assert!(!validator.is_valid(&doc));
}

#[test]
fn the_nursing_fixture_is_marked_as_a_test_fixture() {
    let d = nursing();
    assert!(d
        .notes
        .unwrap()
        .starts_with("TEST FIXTURE, NOT A REAL RECOGNITION DECISION"));
    assert!(d.authority_name.contains("TEST FIXTURE"));
}

#[test]
fn a_philippine_nursing_degree_in_germany_gets_the_nursing_decision_as_applying_and_first() {
    let answer = ask(&nursing_table(), &nursing_query(), "DE");
    let first = &answer.decisions[0];
    assert_eq!(first.decision.id, nursing().id);
    assert_eq!(first.state, DecisionState::Applies);
    assert_eq!(
        first.matched,
        ["country", "frameworkLevel", "field", "isco08"]
    );
    assert_eq!(answer.applying().count(), 1);
    // The comparable-level gap is still reported next to the decision.
    assert!(answer.comparable.is_empty());
    assert!(!answer.nothing_known);
}

#[test]
fn words_put_the_decision_section_before_the_comparable_level_section() {
    let words = ask(&nursing_table(), &nursing_query(), "DE").to_words();
    let decisions = words.find("Recognition decisions (authoritative)").unwrap();
    let comparable = words
        .find("Comparable levels (informational, not a recognition decision)")
        .unwrap();
    assert!(decisions < comparable, "{words}");
    let line = "Recognised in DE as Pflegefachfrau/Pflegefachmann — partial: adaptation period of \
                6 months or knowledge test; German B2 required (decision by Example Land Office for \
                Nursing Recognition (TEST FIXTURE), valid until 2028-12-31)";
    let at_line = words.find(line).unwrap();
    assert!(decisions < at_line && at_line < comparable, "{words}");
}

#[test]
fn words_name_the_comparable_level_with_its_path_and_confidence() {
    let words = ask(&shipped(), &levels(&["VKS-BE-6"]), "DE").to_words();
    assert!(
        words.contains(
            "Comparable level: DQR-DE-6 via VKS-BE-6 → EQF-6 → DQR-DE-6 (official, high confidence)"
        ),
        "{words}"
    );
    assert!(words.contains("No recognition decision in DE matches this qualification."));
}

#[test]
fn words_show_a_historical_referencing_as_historical_not_as_official() {
    let words = ask(&shipped(), &levels(&["RQF-GB-ENG-3"]), "DE").to_words();
    assert!(
        words.contains(
            "Comparable level: DQR-DE-4 via RQF-GB-ENG-3 → EQF-4 → DQR-DE-4 (historical \
             referencing, no longer maintained, high confidence)"
        ),
        "{words}"
    );
    assert!(!words.contains("official"), "{words}");
}

#[test]
fn the_nursing_decision_is_not_returned_for_belgium() {
    let answer = ask(&nursing_table(), &nursing_query(), "BE");
    assert!(answer.decisions.is_empty());
}

#[test]
fn a_nurse_from_another_country_is_pointed_to_the_decisions_for_the_same_occupation() {
    // The fixture decides for Philippine nurses; an Indonesian nurse gets no decision, but the
    // answer says where the destination's nursing decisions are instead of "nothing is known".
    let q = EquivalenceQuery {
        levels: vec!["KKNI-ID-6".into()],
        isco08: Some("2221".into()),
        ..Default::default()
    };
    let answer = ask(&nursing_table(), &q, "DE");
    assert!(answer.decisions.is_empty());
    let id = &nursing().id;
    assert!(
        answer.notes.iter().any(|n| n
            .contains("DE has recognition decisions for the same occupation")
            && n.contains(id.as_str())),
        "{:?}",
        answer.notes
    );
    assert!(answer.practice.iter().any(|p| p.id == "de-nursing"));
    assert!(!answer.practice.iter().any(|p| p.id == "triple-win-ph-de"));
    assert!(!answer.nothing_known);
    assert!(!answer.to_words().contains("Nothing is known"));
}

#[test]
fn a_query_for_another_occupation_gets_no_nursing_pointers() {
    let q = EquivalenceQuery {
        levels: vec!["KKNI-ID-6".into()],
        isco08: Some("7411".into()),
        ..Default::default()
    };
    let answer = ask(&nursing_table(), &q, "DE");
    assert!(answer.practice.is_empty());
    assert!(!answer.notes.iter().any(|n| n.contains("same occupation")));
    assert!(answer.nothing_known);
}

#[test]
fn a_decision_naming_a_deprecated_level_id_matches_a_credential_naming_the_new_one() {
    // The fixture names PQF-6; a credential issued after the rename names PQF-PH-6.
    let mut q = nursing_query();
    q.levels = vec!["PQF-PH-6".into()];
    let answer = ask(&nursing_table(), &q, "DE");
    assert_eq!(answer.applying().count(), 1);
}

#[test]
fn the_origin_country_is_taken_from_the_level_when_the_query_does_not_name_it() {
    let mut q = nursing_query();
    q.origin_country = None;
    let answer = ask(&nursing_table(), &q, "DE");
    assert_eq!(answer.applying().count(), 1);
}

#[test]
fn a_different_field_or_occupation_does_not_match_the_nursing_decision() {
    let mut q = nursing_query();
    q.field = Some("0912".into());
    assert!(ask(&nursing_table(), &q, "DE").decisions.is_empty());
    let mut q = nursing_query();
    q.isco08 = None;
    assert!(ask(&nursing_table(), &q, "DE").decisions.is_empty());
}

#[test]
fn a_broad_field_in_a_decision_matches_a_detailed_field_in_the_query() {
    let mut d = nursing();
    d.origin.field = Some("09".into());
    d.origin.isco08 = Some("22".into());
    let table =
        EquivalenceTable::with_decisions(FrameworkCatalog::shipped().unwrap().clone(), vec![d])
            .unwrap();
    assert_eq!(ask(&table, &nursing_query(), "DE").applying().count(), 1);
}

#[test]
fn a_decision_naming_the_qualification_ranks_before_a_level_only_decision() {
    let mut table = shipped();
    let mut level_only = nursing();
    level_only.id = "urn:example:level-only".into();
    level_only.origin.field = None;
    level_only.origin.isco08 = None;
    let mut named = nursing();
    named.id = "urn:example:named".into();
    named.origin = DecisionOrigin {
        country: "PH".into(),
        qualification_title: Some("Bachelor of Science in Nursing".into()),
        ..Default::default()
    };
    table.add_decision(level_only).unwrap();
    table.add_decision(named).unwrap();
    table.add_decision(nursing()).unwrap();

    let mut q = nursing_query();
    q.title = Some("bachelor of  science in nursing".into());
    let answer = ask(&table, &q, "DE");
    let order: Vec<&str> = answer
        .decisions
        .iter()
        .map(|m| m.decision.id.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "urn:example:named",
            nursing().id.as_str(),
            "urn:example:level-only"
        ]
    );

    // Without a title, the decision about a named qualification does not match at all.
    let answer = ask(&table, &nursing_query(), "DE");
    assert!(answer
        .decisions
        .iter()
        .all(|m| m.decision.id != "urn:example:named"));
}

// --- decision life cycle ---------------------------------------------------------------------

fn revision_of(old: &RecognitionDecision, from: DateTime<Utc>) -> RecognitionDecision {
    let mut new = old.clone();
    new.id = "urn:example:revised".into();
    new.supersedes = Some(old.id.clone());
    new.valid_from = from;
    new.compensation = vec![CompensationMeasure::KnowledgeTest];
    new
}

#[test]
fn a_revised_decision_applies_and_the_old_one_is_kept_and_marked_superseded() {
    let mut table = nursing_table();
    table
        .add_decision(revision_of(&nursing(), date(2026, 6, 1)))
        .unwrap();
    let answer = ask(&table, &nursing_query(), "DE");
    assert_eq!(
        ids(&answer),
        [
            ("urn:example:revised", DecisionState::Applies),
            (nursing().id.as_str(), DecisionState::Superseded)
        ]
    );
    assert_eq!(
        answer.decisions[1].superseded_by.as_deref(),
        Some("urn:example:revised")
    );
    assert_eq!(answer.applying().count(), 1);
    let words = answer.to_words();
    assert!(
        words.contains("SUPERSEDED by urn:example:revised: Recognised in DE"),
        "{words}"
    );
    assert_eq!(table.decisions().len(), 2);
}

#[test]
fn a_revision_not_yet_in_force_leaves_the_old_decision_applying() {
    let mut table = nursing_table();
    table
        .add_decision(revision_of(&nursing(), date(2027, 1, 1)))
        .unwrap();
    let answer = ask(&table, &nursing_query(), "DE");
    assert_eq!(
        ids(&answer),
        [
            (nursing().id.as_str(), DecisionState::Applies),
            ("urn:example:revised", DecisionState::NotYetValid)
        ]
    );
}

#[test]
fn an_expired_decision_is_shown_as_expired_and_never_as_applying() {
    let mut d = nursing();
    d.valid_from = date(2020, 1, 1);
    d.valid_until = Some(date(2025, 12, 31));
    let table =
        EquivalenceTable::with_decisions(FrameworkCatalog::shipped().unwrap().clone(), vec![d])
            .unwrap();
    let answer = ask(&table, &nursing_query(), "DE");
    assert_eq!(
        ids(&answer),
        [(nursing().id.as_str(), DecisionState::Expired)]
    );
    assert_eq!(answer.applying().count(), 0);
    assert!(answer.to_words().contains("EXPIRED on 2025-12-31: "));
}

#[test]
fn a_withdrawn_decision_is_shown_as_withdrawn_and_not_applying() {
    let mut d = nursing();
    d.withdrawn = Some(date(2026, 3, 1));
    let table =
        EquivalenceTable::with_decisions(FrameworkCatalog::shipped().unwrap().clone(), vec![d])
            .unwrap();
    let answer = ask(&table, &nursing_query(), "DE");
    assert_eq!(
        ids(&answer),
        [(nursing().id.as_str(), DecisionState::Withdrawn)]
    );
    assert_eq!(answer.applying().count(), 0);
    // Asked about a moment before the withdrawal, it applied.
    let before = table.query(&nursing_query(), &"DE".parse().unwrap(), date(2026, 2, 1));
    assert_eq!(before.applying().count(), 1);
}

// --- rejections ------------------------------------------------------------------------------

#[test]
fn adding_a_decision_with_a_duplicate_id_is_refused() {
    let mut table = nursing_table();
    assert!(matches!(
        table.add_decision(nursing()),
        Err(EquivalenceError::DuplicateDecision { .. })
    ));
}

#[test]
fn a_decision_superseding_an_unknown_id_is_refused() {
    let mut table = shipped();
    let mut d = nursing();
    d.supersedes = Some("urn:example:never-published".into());
    assert!(matches!(
        table.add_decision(d),
        Err(EquivalenceError::UnknownSupersededDecision { .. })
    ));
}

#[test]
fn a_partial_decision_without_compensation_is_refused() {
    let mut d = nursing();
    d.compensation.clear();
    assert!(matches!(
        shipped().add_decision(d),
        Err(EquivalenceError::CompensationMismatch { .. })
    ));
}

#[test]
fn a_full_or_negative_decision_with_compensation_is_refused() {
    for outcome in [Outcome::Full, Outcome::None] {
        let mut d = nursing();
        d.outcome = outcome;
        assert!(matches!(
            shipped().add_decision(d),
            Err(EquivalenceError::CompensationMismatch { .. })
        ));
    }
    let mut d = nursing();
    d.outcome = Outcome::Full;
    d.compensation.clear();
    shipped().add_decision(d).unwrap();
}

#[test]
fn a_malformed_country_code_is_refused() {
    for (origin, destination) in [("ph", "DE"), ("PH", "DEU"), ("", "DE"), ("PH", "D1")] {
        let mut d = nursing();
        d.origin.country = origin.into();
        d.destination.country = destination.into();
        assert!(
            matches!(
                shipped().add_decision(d),
                Err(EquivalenceError::MalformedCountry { .. })
            ),
            "{origin} {destination}"
        );
    }
}

#[test]
fn a_decision_naming_an_unknown_level_or_a_level_of_another_country_is_refused() {
    for level in ["PQF-9", "DQR-4"] {
        let mut d = nursing();
        d.origin.framework_level = Some(level.into());
        assert!(matches!(
            shipped().add_decision(d),
            Err(EquivalenceError::InvalidDecision { .. })
        ));
    }
}

#[test]
fn a_malformed_compensation_measure_is_refused() {
    for measure in [
        CompensationMeasure::AdaptationPeriod { months: 0 },
        CompensationMeasure::OneOf {
            options: vec![CompensationMeasure::KnowledgeTest],
        },
        CompensationMeasure::Language {
            language: "German".into(),
            level: CefrLevel::B2,
        },
    ] {
        let mut d = nursing();
        d.compensation = vec![measure];
        assert!(matches!(
            shipped().add_decision(d),
            Err(EquivalenceError::InvalidDecision { .. })
        ));
    }
}

#[test]
fn a_decision_ending_before_it_starts_is_refused() {
    let mut d = nursing();
    d.valid_until = Some(date(2025, 1, 1));
    assert!(matches!(
        shipped().add_decision(d),
        Err(EquivalenceError::InvalidDecision { .. })
    ));
}

#[test]
fn a_revision_for_another_destination_country_is_refused() {
    let mut table = nursing_table();
    let mut d = revision_of(&nursing(), date(2026, 6, 1));
    d.destination.country = "AT".into();
    assert!(matches!(
        table.add_decision(d),
        Err(EquivalenceError::InvalidDecision { .. })
    ));
}

#[test]
fn decisions_may_be_listed_before_the_decision_they_supersede() {
    let catalog = FrameworkCatalog::shipped().unwrap().clone();
    let table = EquivalenceTable::with_decisions(
        catalog.clone(),
        vec![revision_of(&nursing(), date(2026, 6, 1)), nursing()],
    )
    .unwrap();
    assert_eq!(table.decisions().len(), 2);
    let mut a = revision_of(&nursing(), date(2026, 6, 1));
    let mut b = nursing();
    b.supersedes = Some(a.id.clone());
    a.supersedes = Some(b.id.clone());
    assert!(EquivalenceTable::with_decisions(catalog, vec![a, b]).is_err());
}

#[test]
fn an_unknown_field_in_a_decision_document_is_refused() {
    let mut doc: Value = serde_json::from_str(NURSING_FIXTURE).unwrap();
    doc["validUnitl"] = Value::String("2030-01-01T00:00:00Z".into());
    assert!(serde_json::from_value::<RecognitionDecision>(doc).is_err());
}

#[test]
fn destinations_parse_as_country_codes_or_framework_ids() {
    assert_eq!(
        "DE".parse::<Destination>().unwrap(),
        Destination::Country("DE".into())
    );
    assert_eq!(
        "EQF".parse::<Destination>().unwrap(),
        Destination::Framework("EQF".into())
    );
    assert_eq!(
        "NCQF-BW".parse::<Destination>().unwrap(),
        Destination::Framework("NCQF-BW".into())
    );
    for bad in ["de", "", "D", "eqf", "-EQF", "E Q F"] {
        assert!(
            matches!(
                bad.parse::<Destination>(),
                Err(EquivalenceError::InvalidDestination { .. })
            ),
            "{bad:?}"
        );
    }
}

// --- serialization ---------------------------------------------------------------------------

#[test]
fn a_table_with_decisions_survives_a_serde_round_trip() {
    let mut table = nursing_table();
    table
        .add_decision(revision_of(&nursing(), date(2026, 6, 1)))
        .unwrap();
    let json = serde_json::to_string(&table).unwrap();
    let back: EquivalenceTable = serde_json::from_str(&json).unwrap();
    assert_eq!(back, table);
}

#[test]
fn a_serialized_table_with_a_duplicate_decision_is_refused() {
    let mut json = serde_json::to_value(nursing_table()).unwrap();
    let d = serde_json::to_value(nursing()).unwrap();
    json["decisions"].as_array_mut().unwrap().push(d);
    assert!(serde_json::from_value::<EquivalenceTable>(json).is_err());
}

#[test]
fn an_answer_serializes_in_camel_case_with_states_in_kebab_case() {
    let mut table = nursing_table();
    table
        .add_decision(revision_of(&nursing(), date(2027, 1, 1)))
        .unwrap();
    let json = serde_json::to_value(ask(&table, &nursing_query(), "DE")).unwrap();
    assert_eq!(json["destination"], "DE");
    assert_eq!(json["nothingKnown"], false);
    assert_eq!(json["decisions"][0]["state"], "applies");
    assert_eq!(json["decisions"][1]["state"], "not-yet-valid");
    assert_eq!(
        json["decisions"][0]["decision"]["authorityName"],
        nursing().authority_name
    );
}
