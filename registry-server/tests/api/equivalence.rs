//! The equivalence query and the shipped frameworks.

use axum::http::StatusCode;
use serde_json::json;

use crate::harness::Harness;

#[tokio::test]
async fn a_fresh_registry_answers_rqf_3_to_germany_with_dqr_4_via_eqf_4() {
    let h = Harness::new();
    let r = h.get("/equivalence?level=RQF-3&to=DE").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let answer = r.json();
    // RQF-3 is the deprecated id of RQF-GB-ENG-3; answers name canonical ids.
    assert_eq!(answer["comparable"][0]["level"], "DQR-DE-4");
    let path: Vec<&str> = answer["comparable"][0]["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["to"].as_str().unwrap())
        .collect();
    assert_eq!(path, ["EQF-4", "DQR-DE-4"]);
    assert_eq!(answer["decisions"], json!([]));
}

#[tokio::test]
async fn a_fresh_registry_answers_dqr_6_to_eqf_with_eqf_6() {
    let h = Harness::new();
    let answer = h.get("/equivalence?level=DQR-6&to=EQF").await.json();
    assert_eq!(answer["comparable"][0]["level"], "EQF-6");
    assert_eq!(answer["comparable"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_level_without_official_referencing_gets_a_note_and_no_guessed_level() {
    let h = Harness::new();
    let answer = h.get("/equivalence?level=NCQF-BW-7&to=DE").await.json();
    assert_eq!(answer["comparable"], json!([]));
    assert_eq!(answer["nothingKnown"], true);
    let notes = answer["notes"].to_string();
    assert!(notes.contains("no official referencing"), "{notes}");
    assert!(!answer.to_string().contains("DQR-"), "{answer}");
}

#[tokio::test]
async fn the_frameworks_route_lists_the_shipped_catalog_with_its_referencings() {
    let h = Harness::new();
    let list = h.get("/equivalence/frameworks").await.json();
    let pqf = list
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "PQF-PH")
        .unwrap();
    assert_eq!(pqf["country"], "PH");
    assert!(pqf["levels"]
        .as_array()
        .unwrap()
        .contains(&json!("PQF-PH-6")));
    let botswana = list
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "NCQF-BW")
        .unwrap();
    assert!(botswana["referencings"].to_string().contains("none"));
}

#[tokio::test]
async fn an_equivalence_query_with_bad_parameters_is_refused_with_a_code() {
    let h = Harness::new();
    for (path, status, code) in [
        (
            "/equivalence?to=DE",
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        (
            "/equivalence?level=PQF-12&to=DE",
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_level",
        ),
        (
            "/equivalence?level=PQF-6&to=de",
            StatusCode::BAD_REQUEST,
            "invalid_destination",
        ),
        (
            "/equivalence?level=PQF-6&to=DE&at=yesterday",
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            "/equivalence?level=PQF-6&to=DE&field=nursing",
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
    ] {
        let r = h.get(path).await;
        assert_eq!((r.status, r.code().as_str()), (status, code), "{path}");
    }
}
