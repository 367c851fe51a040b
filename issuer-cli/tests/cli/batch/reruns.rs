//! Point 15: running a batch again issues nobody twice.

use super::{college, issue_csv, row, row_files, summary, HEADER};
use crate::harness::{stderr, stdout};

fn batch_of(rows: &[String]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

#[test]
fn running_a_batch_again_issues_only_the_rows_that_failed_and_the_rows_added() {
    let d = college();
    let people: Vec<String> = ["Ana Cruz", "Ben Reyes", "Carla Diaz", "Dan Lim"]
        .iter()
        .map(|n| row(&[("name", n)]))
        .collect();
    let mut first = people.clone();
    first[1] = row(&[("name", "Ben Reyes"), ("awarded", "2024-02-30")]);
    std::fs::write(d.path("b.csv"), batch_of(&first[..3])).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(out.status.code(), Some(1));
    let ids_before: Vec<String> = summary(d.d(), "creds")["credentials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    let files_before: Vec<Vec<u8>> = ["row-000002.jwt", "row-000004.jwt"]
        .iter()
        .map(|f| std::fs::read(d.path("creds").join(f)).unwrap())
        .collect();

    // The clerk fixes line 3 and adds line 5, then runs the same command again.
    std::fs::write(d.path("b.csv"), batch_of(&people)).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 issued, 0 failed, 2 already issued, 0 changed"),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(err.contains("already issued, skipped: lines 2, 4"), "{err}");
    assert!(err.contains("issued now: lines 3, 5"), "{err}");
    assert_eq!(
        row_files(d.d(), "creds"),
        vec![
            "row-000002.jwt",
            "row-000003.jwt",
            "row-000004.jwt",
            "row-000005.jwt"
        ]
    );
    for (f, before) in ["row-000002.jwt", "row-000004.jwt"]
        .iter()
        .zip(files_before)
    {
        assert_eq!(std::fs::read(d.path("creds").join(f)).unwrap(), before);
    }
    let s = summary(d.d(), "creds");
    let ids: Vec<&str> = s["credentials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 4);
    assert_eq!(&ids[..2], &ids_before[..]);

    // A third run issues nobody.
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("0 issued, 0 failed, 4 already issued"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        summary(d.d(), "creds")["credentials"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn the_same_rows_saved_again_with_semicolons_and_crlf_are_known_as_issued() {
    let d = college();
    let rows = vec![row(&[("name", "Ana Cruz")]), row(&[("name", "Ben Reyes")])];
    std::fs::write(d.path("b.csv"), batch_of(&rows)).unwrap();
    let first = issue_csv(&d, "b.csv", "creds");
    assert!(first.status.success(), "{}", stderr(&first));
    let resaved = batch_of(&rows)
        .replace(",PH,", ",ph,")
        .replace(',', ";")
        .replace('\n', "\r\n");
    std::fs::write(d.path("b.csv"), resaved).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert!(
        stdout(&out).contains("0 issued, 0 failed, 2 already issued"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn a_row_changed_since_it_was_issued_is_reported_not_skipped_or_issued_again() {
    let d = college();
    let mut rows = vec![row(&[("name", "Ana Cruz")]), row(&[("name", "Ben Reyes")])];
    std::fs::write(d.path("b.csv"), batch_of(&rows)).unwrap();
    let first = issue_csv(&d, "b.csv", "creds");
    assert!(first.status.success(), "{}", stderr(&first));
    let before = std::fs::read(d.path("creds/row-000003.jwt")).unwrap();
    rows[1] = row(&[("name", "Ben Reyes"), ("awarded", "2024-04-18")]);
    std::fs::write(d.path("b.csv"), batch_of(&rows)).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("0 issued, 0 failed, 1 already issued, 1 changed since issued"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("line 3: changed since it was issued as row-000003.jwt"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(d.path("creds/row-000003.jwt")).unwrap(),
        before
    );
    let s = summary(d.d(), "creds");
    assert_eq!(s["changedRows"][0]["line"], 3);
    assert_eq!(s["credentials"].as_array().unwrap().len(), 2);
}

#[test]
fn a_row_inserted_above_issued_rows_never_overwrites_their_files() {
    let d = college();
    let rows = vec![row(&[("name", "Ana Cruz")]), row(&[("name", "Ben Reyes")])];
    std::fs::write(d.path("b.csv"), batch_of(&rows)).unwrap();
    let first = issue_csv(&d, "b.csv", "creds");
    assert!(first.status.success(), "{}", stderr(&first));
    let before = std::fs::read(d.path("creds/row-000003.jwt")).unwrap();
    let inserted = vec![
        rows[0].clone(),
        row(&[("name", "Cora Santos")]),
        rows[1].clone(),
    ];
    std::fs::write(d.path("b.csv"), batch_of(&inserted)).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "line 3: not issued: row-000003.jwt already holds a credential issued from another row"
        ),
        "{err}"
    );
    assert!(err.contains("already issued, skipped: lines 2, 4"), "{err}");
    assert_eq!(
        std::fs::read(d.path("creds/row-000003.jwt")).unwrap(),
        before
    );
    assert_eq!(row_files(d.d(), "creds").len(), 2);
}

#[test]
fn a_summary_without_row_digests_is_not_trusted_to_say_what_was_issued() {
    let d = college();
    std::fs::create_dir(d.path("creds")).unwrap();
    std::fs::write(
        d.path("creds/summary.json"),
        r#"{"source":"b.csv","issued":1,"failed":0,"errors":[],"credentials":[{"line":2,"id":"urn:uuid:x","file":"row-000002.jwt"}]}"#,
    )
    .unwrap();
    std::fs::write(d.path("b.csv"), batch_of(&[row(&[])])).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("new --out-dir"), "{}", stderr(&out));
    assert!(row_files(d.d(), "creds").is_empty());
}

/// Issue 12: the columns of other languages (`title@de`, `awarding_body@fil`,
/// `learning_outcomes@ar`, …) count in a row's digest only when given, so a batch issued
/// before they existed, saved again with them added and left empty, is known as issued.
#[test]
fn rows_without_other_language_columns_keep_their_digest_when_those_columns_are_added() {
    let d = college();
    let rows: Vec<String> = ["Ana Cruz", "Ben Reyes"]
        .iter()
        .map(|n| row(&[("name", n)]))
        .collect();
    std::fs::write(d.path("b.csv"), batch_of(&rows)).unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let extra = ",title@de,awarding_body@fil,learning_outcomes@ar";
    let widened: Vec<String> = rows.iter().map(|r| format!("{r},,,")).collect();
    std::fs::write(
        d.path("b.csv"),
        format!("{HEADER}{extra}\n{}\n", widened.join("\n")),
    )
    .unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("0 issued, 0 failed, 2 already issued, 0 changed"),
        "{}",
        stdout(&out)
    );

    // Given, they change the credential, so the row is reported as changed.
    let mut given = widened.clone();
    given[0] = format!("{},,Kolehiyo ng Narsing ng Davao,", rows[0]);
    std::fs::write(
        d.path("b.csv"),
        format!("{HEADER}{extra}\n{}\n", given.join("\n")),
    )
    .unwrap();
    let out = issue_csv(&d, "b.csv", "creds");
    assert!(
        stdout(&out).contains("0 issued, 0 failed, 1 already issued, 1 changed"),
        "{}",
        stdout(&out)
    );
}
