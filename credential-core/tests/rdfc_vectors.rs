//! RDF Dataset Canonicalization (RDFC-1.0) against the W3C test suite, carried in
//! `testdata/rdfc10/` (see its README): every evaluation test gives the expected
//! canonical N-Quads, every map test the expected blank node labels, and the negative
//! test (a poison graph) must be refused within the call limit rather than hang.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::collections::HashMap;
use std::path::Path;

use credential_core::jsonld::{canonicalize, MAX_HNDQ_CALLS};
use oxttl::NQuadsParser;
use serde_json::Value;

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/rdfc10"))
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name.trim_start_matches("rdfc10/"))).unwrap()
}

fn dataset(name: &str) -> oxrdf::Dataset {
    NQuadsParser::new()
        .for_reader(read(name).as_bytes())
        .map(|q| q.unwrap())
        .collect()
}

fn entries() -> Vec<Value> {
    let manifest: Value = serde_json::from_str(&read("manifest.jsonld")).unwrap();
    manifest["entries"].as_array().unwrap().clone()
}

#[test]
fn every_rdfc10_evaluation_vector_gives_the_expected_canonical_nquads() {
    let mut ran = 0;
    for test in entries() {
        if test["type"] != "rdfc:RDFC10EvalTest" {
            continue;
        }
        let input = dataset(test["action"].as_str().unwrap());
        let expected = read(test["result"].as_str().unwrap());
        let actual = match test["hashAlgorithm"].as_str() {
            Some("SHA384") => rdf_canon::canonicalize_with::<sha2::Sha384>(
                &input,
                &rdf_canon::CanonicalizationOptions {
                    hndq_call_limit: Some(MAX_HNDQ_CALLS),
                },
            )
            .unwrap(),
            _ => canonicalize(&input).unwrap(),
        };
        assert_eq!(actual, expected, "{}", test["id"]);
        ran += 1;
    }
    assert_eq!(ran, 64, "the suite has 64 evaluation tests");
}

#[test]
fn every_rdfc10_map_vector_issues_the_expected_blank_node_labels() {
    let mut ran = 0;
    for test in entries() {
        if test["type"] != "rdfc:RDFC10MapTest" {
            continue;
        }
        let input = dataset(test["action"].as_str().unwrap());
        let expected: HashMap<String, String> =
            serde_json::from_str(&read(test["result"].as_str().unwrap())).unwrap();
        let issued = match test["hashAlgorithm"].as_str() {
            Some("SHA384") => rdf_canon::issue_with::<sha2::Sha384>(&input, &Default::default()),
            _ => rdf_canon::issue(&input),
        }
        .unwrap();
        assert_eq!(issued, expected, "{}", test["id"]);
        ran += 1;
    }
    assert_eq!(ran, 21, "the suite has 21 map tests");
}

#[test]
fn a_poison_graph_is_refused_within_the_call_limit() {
    let negative: Vec<Value> = entries()
        .into_iter()
        .filter(|t| t["type"] == "rdfc:RDFC10NegativeEvalTest")
        .collect();
    assert_eq!(negative.len(), 1);
    let started = std::time::Instant::now();
    let input = dataset(negative[0]["action"].as_str().unwrap());
    assert!(canonicalize(&input).is_err());
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}
