//! Point 13: a row error names the column and the expected form, and never repeats what
//! identifies a person.

use serde_json::Value;

use super::{college, issue_csv, row, HEADER};
use crate::harness::stderr;

#[test]
fn a_row_error_names_the_column_and_the_expected_form_once() {
    let d = college();
    let text = format!(
        "{HEADER}\n{}\n{}\n{}\n{}\n",
        row(&[]),
        row(&[("awarded", "2023-13-01")]),
        row(&[("country", "Philippines")]),
        row(&[("isco08", "22210")])
    );
    std::fs::write(d.path("b.csv"), text).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        vec![
            "line 3: awarded: \"2023-13-01\" is not a date (YYYY-MM-DD)",
            "line 4: country: \"Philippines\" is not a two-letter country code (such as PH)",
            "line 5: isco08: \"22210\" is not an ISCO-08 occupation code of 1 to 4 digits (such as 2221)",
        ],
        "{err}"
    );
}

#[test]
fn a_level_without_its_hyphen_gets_a_did_you_mean() {
    let d = college();
    let text = format!("{HEADER}\n{}\n", row(&[("level", "PQF6")]));
    std::fs::write(d.path("b.csv"), text).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(
        stderr(&out).trim(),
        "line 2: level: unknown framework level \"PQF6\" \u{2014} did you mean PQF-6?"
    );
}

#[test]
fn country_and_level_in_lower_case_are_issued_in_their_canonical_case() {
    let d = college();
    let text = format!(
        "{HEADER}\n{}\n",
        row(&[("country", "ph"), ("level", "pqf-6")])
    );
    std::fs::write(d.path("b.csv"), text).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let jws = std::fs::read_to_string(d.path("creds/row-000002.jwt")).unwrap();
    let payload = jws.trim().split('.').nth(1).unwrap();
    let doc: Value = serde_json::from_slice(
        &base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, payload)
            .unwrap(),
    )
    .unwrap();
    let q = &doc["credentialSubject"]["qualification"];
    assert_eq!(q["country"], "PH");
    // Only the case is normalised: `pqf-6` is issued as the id the clerk meant, PQF-6.
    assert_eq!(q["frameworkLevels"][0], "PQF-6");
}

#[test]
fn names_birth_dates_and_holders_are_never_repeated_and_no_cell_reaches_summary_json() {
    let d = college();
    let long_name = "N".repeat(300);
    let text = format!(
        "{HEADER}\n{}\n{}\n{}\n",
        row(&[("birth_date", "1990-02-30")]),
        row(&[("name", &long_name)]),
        row(&[
            ("awarded", "2023-13-01"),
            ("holder_did", "did:key:z6MkNOPE")
        ])
    );
    std::fs::write(d.path("b.csv"), text).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    let err = stderr(&out);
    assert!(
        err.contains("line 2: birth_date: not a date (YYYY-MM-DD)"),
        "{err}"
    );
    assert!(!err.contains("1990-02-30"), "{err}");
    assert!(err.contains("line 3: name:"), "{err}");
    assert!(!err.contains(&long_name), "{err}");
    assert!(err.contains("line 4: holder_did:"), "{err}");
    assert!(!err.contains("z6MkNOPE"), "{err}");
    let summary = std::fs::read_to_string(d.path("creds/summary.json")).unwrap();
    for cell in ["1990-02-30", &long_name, "2023-13-01", "z6MkNOPE"] {
        assert!(!summary.contains(cell), "{cell} in summary.json: {summary}");
    }
    assert!(
        summary.contains("birth_date: not a date (YYYY-MM-DD)"),
        "{summary}"
    );
}
