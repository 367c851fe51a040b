//! Tests of the framework catalog: the shipped data, lookups, aliases and the consistency
//! checks that refuse a catalog.

use super::*;
use crate::equivalence::LevelNumber;

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
        FrameworkCatalog::from_json(&doc(&links.join(","), &referencing("1->1, 2..3->2"))).unwrap();
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
