//! Point 14: issuing refuses what cannot be right — a validity that ends before it starts
//! or has ended, an award date in the future, a holder that is not a did:key.

use serde_json::Value;

use super::{college, issue_csv, row, HEADER};
use crate::harness::{examples, stderr};

#[test]
fn issue_refuses_a_validity_that_ends_before_it_starts_or_has_ended() {
    let d = college();
    let claims = examples().join("nurse-qualification.json");
    let claims = claims.to_str().unwrap();
    for (args, says) in [
        (
            vec!["--valid-from", "2030-01-01", "--valid-until", "2029-01-01"],
            "not after validFrom",
        ),
        (vec!["--valid-until", "2020-01-01"], "already past"),
    ] {
        let mut all = vec![
            "issue",
            "--key",
            "college.key",
            "--claims",
            claims,
            "--out",
            "x.jwt",
        ];
        all.extend(args);
        let out = d.run(&all);
        assert_eq!(out.status.code(), Some(2), "{all:?}");
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        assert!(!d.path("x.jwt").exists());
    }
    let text = format!("{HEADER}\n{}\n", row(&[("valid_until", "2020-01-01")]));
    std::fs::write(d.path("b.csv"), text).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(
        stderr(&out).trim(),
        "line 2: valid_until: \"2020-01-01\" is already past"
    );
}

#[test]
fn issue_refuses_an_award_date_in_the_future() {
    let d = college();
    let mut claims: Value = serde_json::from_str(
        &std::fs::read_to_string(examples().join("nurse-qualification.json")).unwrap(),
    )
    .unwrap();
    claims["credentialSubject"]["qualification"]["awarded"] = "2099-06-15".into();
    std::fs::write(d.path("future.json"), claims.to_string()).unwrap();
    let out = d.run(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        "future.json",
        "--out",
        "x.jwt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("award date is in the future"),
        "{}",
        stderr(&out)
    );
    let text = format!("{HEADER}\n{}\n", row(&[("awarded", "2099-06-15")]));
    std::fs::write(d.path("b.csv"), text).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(
        stderr(&out).trim(),
        "line 2: awarded: \"2099-06-15\" is in the future"
    );
}

#[test]
fn issue_refuses_a_holder_that_is_not_a_well_formed_did_key() {
    let d = college();
    let claims = examples().join("nurse-qualification.json");
    for (holder, says) in [
        ("maria.santos@example.org", "not a DID"),
        (
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW",
            "Ed25519",
        ),
        ("did:web:example.org", "did:web"),
    ] {
        let out = d.run(&[
            "issue",
            "--key",
            "college.key",
            "--claims",
            claims.to_str().unwrap(),
            "--holder",
            holder,
            "--out",
            "x.jwt",
        ]);
        assert_eq!(out.status.code(), Some(2), "{holder}");
        assert!(stderr(&out).contains(says), "{holder}: {}", stderr(&out));
        assert!(!d.path("x.jwt").exists());
    }
}
