//! Known answers for the corridors people travel, each with the source that justifies it.
//!
//! Every row is a query a real user makes (`NFQ-IE-8 --to DE`) and the answer the cited source
//! justifies: the comparable levels and the status of the path, or the note that names what is
//! missing (a bridge between reference frameworks, a referencing, a per-level table). A row
//! fails when the data or the query logic drifts from what its source says; the source key
//! must be in the shipped source catalog, so a row cannot cite something nobody can check.

use chrono::{TimeZone, Utc};

use super::*;

/// What a corridor query must answer.
enum Expect {
    /// Exactly these comparable levels (sorted), every path with this status.
    Levels(&'static [&'static str], &'static str),
    /// No comparable level; a note contains this text.
    Gap(&'static str),
    /// Recognition practice with this id is pointed to, and the answer is not "nothing known".
    Practice(&'static str),
}

use Expect::{Gap, Levels, Practice};

struct Corridor {
    level: &'static str,
    to: &'static str,
    isco: Option<&'static str>,
    expect: Expect,
    /// Key of the shipped source catalog that justifies the expected answer.
    source: &'static str,
}

const fn c(
    level: &'static str,
    to: &'static str,
    expect: Expect,
    source: &'static str,
) -> Corridor {
    Corridor {
        level,
        to,
        isco: None,
        expect,
        source,
    }
}

const CORRIDORS: &[Corridor] = &[
    // Ireland's ten levels meet the EQF's eight as ranges (NFQ 4-5 -> 4, 7-8 -> 6).
    c(
        "NFQ-IE-6",
        "DE",
        Levels(&["DQR-DE-5"], "official"),
        "ie-referencing-2009",
    ),
    c(
        "NFQ-IE-7",
        "DE",
        Levels(&["DQR-DE-6"], "official"),
        "europass-compare",
    ),
    c(
        "NFQ-IE-8",
        "DE",
        Levels(&["DQR-DE-6"], "official"),
        "europass-compare",
    ),
    c(
        "NFQ-IE-9",
        "NL",
        Levels(&["NLQF-NL-7"], "official"),
        "europass-compare",
    ),
    c(
        "NFQ-IE-10",
        "EQF",
        Levels(&["EQF-8"], "official"),
        "europass-compare",
    ),
    c(
        "NFQ-IE-5",
        "EQF",
        Levels(&["EQF-4"], "official"),
        "ie-referencing-2009",
    ),
    c(
        "EQF-6",
        "IE",
        Levels(&["NFQ-IE-7", "NFQ-IE-8"], "official"),
        "europass-compare",
    ),
    c(
        "EQS-EE-6",
        "IE",
        Levels(&["NFQ-IE-7", "NFQ-IE-8"], "official"),
        "europass-compare",
    ),
    // No referencing between the AQRF and the EQF exists: no per-level table can bridge it.
    c(
        "KKNI-ID-6",
        "DE",
        Gap("no referencing between AQRF and EQF exists"),
        "mqa-myaqrf",
    ),
    c(
        "PQF-PH-6",
        "DE",
        Gap("no referencing between AQRF and EQF exists"),
        "mqa-myaqrf",
    ),
    c(
        "DQR-DE-4",
        "PH",
        Gap("no referencing between EQF and AQRF exists"),
        "mqa-myaqrf",
    ),
    c(
        "MQF-MY-6",
        "FR",
        Gap("no referencing between AQRF and EQF exists"),
        "mqa-myaqrf",
    ),
    c(
        "PQF-6",
        "DE",
        Gap("PQF-6 is a deprecated id of PQF-PH-6"),
        "pqf-framework",
    ),
    // Referenced to the AQRF, but the report's level table is not in the data.
    c(
        "KKNI-ID-6",
        "AQRF",
        Gap("KKNI-ID is referenced to AQRF"),
        "kkni-aqrf-2020",
    ),
    c(
        "MQF-MY-6",
        "AQRF",
        Gap("per-level table of that referencing is not in the data"),
        "mqa-myaqrf",
    ),
    // The Philippine report (22 May 2019) was found, but only its table of contents is readable:
    // the referencing is official, its level table (criterion 4) is not in the data.
    c(
        "PQF-PH-6",
        "AQRF",
        Gap("per-level table of that referencing is not in the data"),
        "pqf-aqrf-report-2019",
    ),
    // The UK's referencings are kept but no longer maintained under the EQF.
    c(
        "RQF-GB-ENG-3",
        "DE",
        Levels(&["DQR-DE-4"], "historical"),
        "ofqual-eni-2019-docslib",
    ),
    c(
        "SCQF-GB-SCT-9",
        "IE",
        Levels(&["NFQ-IE-7", "NFQ-IE-8"], "historical"),
        "scqf-referencing-2019",
    ),
    c(
        "DQR-DE-4",
        "GB",
        Levels(&["RQF-GB-ENG-3", "SCQF-GB-SCT-6"], "historical"),
        "ofqual-levels-register",
    ),
    // Frameworks with more or fewer levels than the EQF, and sub-levels.
    c(
        "SQF-SI-8",
        "DE",
        Levels(&["DQR-DE-7"], "official"),
        "si-referencing-2013",
    ),
    c(
        "SQF-SI-5",
        "AT",
        Levels(&["NQR-AT-4"], "official"),
        "si-referencing-2013",
    ),
    c(
        "CROQF-HR-4",
        "DE",
        Levels(&["DQR-DE-4"], "official"),
        "nuffic-hr",
    ),
    c(
        "ISQF-IS-1",
        "NO",
        Levels(&["NKR-NO-2"], "official"),
        "cedefop-is-2022",
    ),
    c(
        "ISQF-IS-6",
        "SE",
        Levels(&["SEQF-SE-7"], "official"),
        "enicnaric-is",
    ),
    c(
        "NKR-NO-5",
        "DE",
        Levels(&["DQR-DE-5"], "official"),
        "cedefop-no-news-nkr",
    ),
    c(
        "RQF-GB-ENG-E1",
        "DE",
        Gap("RQF-GB-ENG-E1 has no level link to EQF"),
        "ofqual-levels-register",
    ),
    c(
        "NQF-CH-4",
        "DE",
        Levels(&["DQR-DE-4"], "official"),
        "ch-sbfi-faq",
    ),
    c(
        "NQFS-RS-6",
        "HR",
        Levels(&["CROQF-HR-6"], "official"),
        "rs-referencing-2020",
    ),
    c(
        "BDQF-BN-6",
        "AQRF",
        Gap("not confirmed: an endorsed AQRF referencing report of Brunei"),
        "bn-bdnac",
    ),
    c(
        "NQF-BG-0",
        "DE",
        Gap("NQF-BG-0 has no level link to EQF"),
        "cedefop-bg",
    ),
    // One-to-one eight-level frameworks across EU, EEA and candidate countries.
    c(
        "MQF-MT-5",
        "IT",
        Levels(&["QNQ-IT-5"], "official"),
        "cedefop-mt",
    ),
    c(
        "TYC-TR-4",
        "DE",
        Levels(&["DQR-DE-4"], "official"),
        "cedefop-tr",
    ),
    c(
        "KQF-XK-6",
        "AT",
        Levels(&["NQR-AT-6"], "official"),
        "xk-nqa-eqf-ag",
    ),
    c(
        "CNC-FR-6",
        "DE",
        Levels(&["DQR-DE-6"], "official"),
        "fr-francecompetences",
    ),
    c(
        "EQF-5",
        "PL",
        Levels(&["PRK-PL-5"], "official"),
        "cedefop-pl",
    ),
    c(
        "VKS-BE-6",
        "NL",
        Levels(&["NLQF-NL-6"], "official"),
        "cedefop-befl-2018",
    ),
    // Not referenced, or not confirmed: said, never guessed.
    c(
        "AQF-AL-6",
        "DE",
        Levels(&["DQR-DE-6"], "official"),
        "cedefop-overview",
    ),
    c(
        "VQF-VN-6",
        "DE",
        Gap("no official referencing: VQF-VN is not referenced to EQF"),
        "vqf-decision-1982",
    ),
    // Viet Nam's referencing report was adopted by the AQRF Committee on 24 October 2025, so
    // the VQF is referenced to the AQRF; its level table was not read, so no level is given.
    c(
        "VQF-VN-6",
        "AQRF",
        Gap("VQF-VN is referenced to AQRF (official: Viet Nam's referencing report adopted"),
        "vn-aqrf-2025",
    ),
    c(
        "VQF-VN-6",
        "AQRF",
        Gap("per-level table of that referencing is not in the data"),
        "laodong-vn-aqrf-2025",
    ),
    c(
        "VQF-VN-6",
        "DE",
        Gap("no referencing between AQRF and EQF exists"),
        "vn-aqrf-2025",
    ),
    c(
        "NCQF-BW-7",
        "DE",
        Gap("no official referencing: NCQF-BW is not referenced to EQF"),
        "acqf-botswana",
    ),
    c(
        "NSQF-IN-5",
        "AE",
        Gap("no official referencing: NSQF-IN is not referenced to EQF/AQRF"),
        "ncvet-nsqf",
    ),
    c(
        "QFEMIRATES-AE-7",
        "DE",
        Gap("no official referencing: QFEMIRATES-AE is not referenced to EQF/AQRF"),
        "uae-khda-qfemirates",
    ),
    c(
        "NQF-ZA-7",
        "DE",
        Gap("not confirmed: the alignment status of South Africa"),
        "acqf-sadc",
    ),
    c(
        "NQF-PK-6",
        "DE",
        Gap("no official referencing: NQF-PK is not referenced to EQF/AQRF"),
        "hec-pqf",
    ),
    c(
        "CNC-MA-6",
        "FR",
        Gap("no official referencing: CNC-MA is not referenced to EQF"),
        "acqf-morocco",
    ),
    // Between two AQRF-referenced frameworks the bridge exists (both meet the AQRF), but no
    // referencing report's level table was retrievable: the answer names both missing tables.
    c(
        "MQF-MY-6",
        "PH",
        Gap("PQF-PH is referenced to AQRF (official: Philippine referencing report endorsed"),
        "aanzfta-aqrf-2019",
    ),
    c(
        "PQF-PH-6",
        "MY",
        Gap("MQF-MY is referenced to AQRF (official: AQRF Referencing Report, Malaysia endorsed"),
        "aanzfta-aqrf-2019",
    ),
    c(
        "VQF-VN-6",
        "PH",
        Gap("VQF-VN is referenced to AQRF (official: Viet Nam's referencing report adopted"),
        "vn-aqrf-2025",
    ),
    c(
        "KKNI-ID-6",
        "VN",
        Gap("VQF-VN is referenced to AQRF"),
        "laodong-vn-aqrf-2025",
    ),
    c(
        "PQF-PH-6",
        "TH",
        Gap("NQF-TH is referenced to AQRF"),
        "th-aqrf-report",
    ),
    // A referencing study is not an endorsed referencing.
    c(
        "PQF-PH-6",
        "KH",
        Gap("not confirmed: a study referencing Cambodia's NQF to the AQRF"),
        "aseanrok-team-2021",
    ),
    c(
        "MQF-MY-6",
        "BN",
        Gap("not confirmed: an endorsed AQRF referencing report of Brunei"),
        "bn-aqrfc5-2018",
    ),
    // A comparison table is not a referencing.
    c(
        "NVQ-LK-5",
        "SLQF-LK",
        Gap("only compared in a table, which is not a referencing"),
        "slqf-2015",
    ),
    // Recognition practice instead of "nothing is known".
    Corridor {
        level: "PQF-PH-6",
        to: "DE",
        isco: Some("2221"),
        expect: Practice("triple-win-ph-de"),
        source: "tesda-aqrf-2019",
    },
    Corridor {
        level: "KKNI-ID-6",
        to: "DE",
        isco: Some("2221"),
        expect: Practice("de-nursing"),
        source: "dbfk-dqr-nursing",
    },
];

#[test]
fn at_least_thirty_corridors_answer_what_their_sources_justify() {
    assert!(CORRIDORS.len() >= 30, "{} corridors", CORRIDORS.len());
    let table = EquivalenceTable::shipped().unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap();
    let mut failures = Vec::new();
    for row in CORRIDORS {
        assert!(
            table.catalog().source(row.source).is_some(),
            "{} -> {}: source {:?} is not in the catalog",
            row.level,
            row.to,
            row.source
        );
        let q = EquivalenceQuery {
            levels: vec![row.level.to_string()],
            isco08: row.isco.map(str::to_string),
            ..Default::default()
        };
        let answer = table.query(&q, &row.to.parse().unwrap(), at);
        let mut found: Vec<&str> = answer.comparable.iter().map(|c| c.level.as_str()).collect();
        found.sort_unstable();
        let ok = match &row.expect {
            Levels(levels, status) => {
                found == *levels && answer.comparable.iter().all(|c| c.status == *status)
            }
            Gap(text) => found.is_empty() && answer.notes.iter().any(|n| n.contains(text)),
            Practice(id) => !answer.nothing_known && answer.practice.iter().any(|p| p.id == *id),
        };
        if !ok {
            failures.push(format!(
                "{} --to {} (source {}): got {:?} {:?}",
                row.level,
                row.to,
                row.source,
                answer
                    .comparable
                    .iter()
                    .map(|c| format!("{} [{}]", c.level, c.status))
                    .collect::<Vec<_>>(),
                answer.notes
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_eqf_process_country_is_present_and_every_referenced_one_reaches_the_eqf() {
    // EU-27, EEA/EFTA and the candidate countries of the EQF process (without the UK, which
    // left it): 38 countries.
    const EQF_COUNTRIES: [&str; 38] = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
        "CH", "ME", "MK", "RS", "TR", "XK", "AL", "BA",
    ];
    let catalog = FrameworkCatalog::shipped().unwrap();
    let eqf_linked = |country: &str| {
        catalog.frameworks_of_country(country).iter().any(|f| {
            f.levels
                .iter()
                .any(|l| catalog.links_from(&l.id).any(|k| k.to.starts_with("EQF-")))
        })
    };
    let mut referenced = 0;
    for country in EQF_COUNTRIES {
        assert!(
            !catalog.frameworks_of_country(country).is_empty(),
            "{country} has no framework"
        );
        if eqf_linked(country) {
            referenced += 1;
        } else {
            // Not referenced: the data must say so rather than be silent.
            let said = catalog.frameworks_of_country(country).iter().all(|f| {
                catalog
                    .referencings()
                    .iter()
                    .any(|r| r.from == f.id && r.names_target("EQF") && !r.is_referenced())
            });
            assert!(said, "{country} has neither EQF links nor a stated status");
        }
    }
    assert!(referenced >= 37, "{referenced} EQF countries referenced");
}

#[test]
fn the_catalog_has_four_times_the_first_data_with_aqrf_and_origin_frameworks() {
    let catalog = FrameworkCatalog::shipped().unwrap();
    assert!(catalog.frameworks().count() >= 45);
    let aqrf: Vec<&str> = catalog
        .referencings()
        .iter()
        .filter(|r| r.names_target("AQRF") && r.is_referenced())
        .map(|r| r.from.as_str())
        .collect();
    // The AQRF Committee endorsed the Philippines and Malaysia (May 2019) and Viet Nam (October
    // 2025); Indonesia's endorsed report (June 2020) and Thailand's report (completion reported
    // by Viet Nam's education ministry, no endorsement date found) are shipped too.
    for referenced in ["PQF-PH", "MQF-MY", "KKNI-ID", "NQF-TH", "VQF-VN"] {
        assert!(
            aqrf.contains(&referenced),
            "{referenced} not referenced to AQRF: {aqrf:?}"
        );
    }
    assert!(aqrf.len() >= 5, "{aqrf:?}");
    for origin in [
        "VN", "KH", "IN", "NP", "LK", "BD", "PK", "KE", "MA", "ZA", "AE", "OM", "BH", "QA",
    ] {
        assert!(
            !catalog.frameworks_of_country(origin).is_empty(),
            "{origin} missing"
        );
    }
    for regional in ["SADCQF", "ACQF"] {
        assert!(catalog.framework(regional).is_some(), "{regional} missing");
    }
}

#[test]
fn every_id_and_alias_is_unique_and_every_national_id_carries_its_country() {
    let catalog = FrameworkCatalog::shipped().unwrap();
    let mut seen = std::collections::HashSet::new();
    for f in catalog.frameworks() {
        for name in std::iter::once(&f.id).chain(&f.aliases) {
            assert!(seen.insert(name.clone()), "{name} appears twice");
        }
        if let Some(country) = &f.country {
            assert!(
                f.id.split('-').any(|part| part == country),
                "{} does not carry its country {country}",
                f.id
            );
        }
        // Each alias level resolves to the same level as its canonical id.
        for alias in &f.aliases {
            for l in &f.levels {
                let old = format!("{alias}{}", &l.id[f.id.len()..]);
                assert_eq!(catalog.canonical_level_id(&old), Some(l.id.as_str()));
            }
        }
    }
}

#[test]
fn every_level_id_passes_the_credential_schema_so_a_credential_can_name_it() {
    // Credentials carry level ids; an id the credential schema refuses (a dot, no number)
    // could be looked up but never issued.
    let schema: serde_json::Value = serde_json::from_str(include_str!(
        "../../../schemas/qualification-credential.schema.json"
    ))
    .unwrap();
    let pattern = schema
        .pointer("/$defs/levelId")
        .or_else(|| schema.pointer("/definitions/levelId"))
        .cloned()
        .unwrap();
    let validator = jsonschema::draft202012::new(&pattern).unwrap();
    let catalog = FrameworkCatalog::shipped().unwrap();
    for f in catalog.frameworks() {
        for l in &f.levels {
            assert!(validator.is_valid(&serde_json::json!(l.id)), "{}", l.id);
        }
    }
}

#[test]
fn every_link_names_existing_levels_and_every_mapping_matches_its_links() {
    let catalog = FrameworkCatalog::shipped().unwrap();
    for l in catalog.links() {
        assert!(catalog.level(&l.from).is_some(), "{}", l.from);
        assert!(catalog.level(&l.to).is_some(), "{}", l.to);
        assert!(!l.sources.is_empty(), "{} -> {}", l.from, l.to);
        assert!(
            ["official", "historical", "comparison only"].contains(&l.status.as_str()),
            "{} -> {}: status {}",
            l.from,
            l.to,
            l.status
        );
    }
    let mut mapped = 0;
    for r in catalog.referencings() {
        if let Some(pairs) = r.mapping_pairs(catalog) {
            mapped += pairs.len();
        }
    }
    assert_eq!(mapped, catalog.links().len());
}
