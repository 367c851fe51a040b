//! `skillpass issue --csv` with files as spreadsheets save them, row errors a clerk can act
//! on, what issuing refuses, and running a batch again (issue 9, points 12 to 15).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::harness::{examples, stderr, stdout, Scratch};

const HEADER: &str = "name,birth_date,holder_did,title_en,title_original,title_lang,awarding_body,country,level,field,isco08,learning_outcomes,awarded,valid_until";

/// A row of a Philippine nursing degree with the given cells replaced.
fn row(edits: &[(&str, &str)]) -> String {
    let mut cells: Vec<String> = [
        "Maria Garcia",
        "2000-03-11",
        "",
        "Bachelor of Science in Nursing",
        "",
        "",
        "Davao College of Nursing and Midwifery",
        "PH",
        "PQF-6",
        "0913",
        "2221",
        "Plans and evaluates nursing care|Administers medications",
        "2024-04-17",
        "",
    ]
    .map(str::to_owned)
    .to_vec();
    let names: Vec<&str> = HEADER.split(',').collect();
    for (column, value) in edits {
        let i = names.iter().position(|n| n == column).unwrap();
        cells[i] = (*value).to_owned();
    }
    cells.join(",")
}

fn college() -> Scratch {
    let d = Scratch::new();
    d.key("college.key");
    d
}

fn issue_csv(d: &Scratch, csv: &str, out_dir: &str) -> Output {
    d.run(&[
        "issue",
        "--key",
        "college.key",
        "--csv",
        csv,
        "--out-dir",
        out_dir,
    ])
}

fn summary(d: &Path, out_dir: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(d.join(out_dir).join("summary.json")).unwrap())
        .unwrap()
}

fn error_lines(summary: &Value) -> Vec<u64> {
    summary["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect()
}

fn row_files(d: &Path, out_dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(d.join(out_dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".jwt"))
        .collect();
    names.sort();
    names
}

// --- 12: CSV files as spreadsheets save them ---

#[test]
fn a_crlf_csv_names_each_row_and_its_file_by_the_line_the_spreadsheet_shows() {
    let d = college();
    let lines = [
        HEADER.to_owned(),
        row(&[]),
        row(&[("name", "Ana Cruz")]),
        row(&[("awarded", "2023-13-01")]),
        row(&[("name", "Jose Rizal")]),
    ];
    std::fs::write(d.path("crlf.csv"), lines.join("\r\n") + "\r\n").unwrap();
    let out = issue_csv(&d, "crlf.csv", "creds");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("line 4: awarded"), "{}", stderr(&out));
    assert_eq!(error_lines(&summary(d.d(), "creds")), vec![4]);
    assert_eq!(
        row_files(d.d(), "creds"),
        vec!["row-000002.jwt", "row-000003.jwt", "row-000005.jwt"]
    );
}

#[test]
fn a_cell_with_line_breaks_and_blank_lines_count_as_the_spreadsheet_counts_rows() {
    let d = college();
    let multi = row(&[(
        "learning_outcomes",
        "\"Plans nursing care\r\nover two lines|Administers medications\"",
    )]);
    let text = format!(
        "{HEADER}\r\n{multi}\r\n\r\n{}\r\n{}\r\n",
        row(&[("name", "Ana Cruz")]),
        row(&[("level", "XQF-3")])
    );
    std::fs::write(d.path("multi.csv"), text).unwrap();
    let out = issue_csv(&d, "multi.csv", "creds");
    // Row 2 holds a cell of two lines, row 3 is blank: the bad row is row 5.
    assert!(stderr(&out).contains("line 5: level"), "{}", stderr(&out));
    assert_eq!(
        row_files(d.d(), "creds"),
        vec!["row-000002.jwt", "row-000004.jwt"]
    );
}

#[test]
fn a_semicolon_or_tab_separated_csv_with_a_byte_order_mark_is_read_like_a_comma_separated_one() {
    let d = college();
    for (name, sep) in [("semi.csv", ";"), ("tab.csv", "\t")] {
        let lines = [
            HEADER.replace(',', sep),
            row(&[]).replace(',', sep),
            // A cell holding the other separators, quoted as spreadsheets do.
            row(&[("title_en", "\"Nursing, BS; with honours\"")]).replace(',', sep),
        ];
        // Quoted commas were replaced too: put the cell back.
        let text = format!("\u{feff}{}\n", lines.join("\n")).replace(
            &format!("\"Nursing{sep} BS; with honours\""),
            "\"Nursing, BS; with honours\"",
        );
        std::fs::write(d.path(name), text).unwrap();
        let out_dir = format!("out-{name}");
        let out = issue_csv(&d, name, &out_dir);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(
            stdout(&out).contains("2 issued, 0 failed"),
            "{name}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn an_empty_csv_or_one_with_only_a_header_says_there_is_nothing_to_issue() {
    let d = college();
    std::fs::write(d.path("empty.csv"), "").unwrap();
    std::fs::write(d.path("header.csv"), format!("{HEADER}\r\n\r\n")).unwrap();
    for (file, says) in [
        ("empty.csv", "empty.csv is empty"),
        ("header.csv", "has a header but no rows"),
    ] {
        let out = issue_csv(&d, file, "creds");
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(
            stderr(&out).contains("nothing to issue"),
            "{}",
            stderr(&out)
        );
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
    }
    assert!(!d.path("creds/summary.json").exists());
}

#[test]
fn a_json_file_given_as_csv_is_refused_once_not_row_by_row() {
    let d = college();
    let claims = examples().join("nurse-qualification.json");
    let out = issue_csv(&d, claims.to_str().unwrap(), "creds");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("header") && err.contains("--claims"), "{err}");
    assert!(!err.contains("line 2:"), "{err}");
}

#[test]
fn a_wrong_header_is_refused_once_naming_missing_and_unknown_columns() {
    let d = college();
    let header = HEADER
        .replace(",level,", ",levl,")
        .replace(",awarded,", ",")
        + ",notes";
    let body = format!("{header}\n{}\n{}\n", row(&[]), row(&[]));
    std::fs::write(d.path("wrong.csv"), body).unwrap();
    let out = issue_csv(&d, "wrong.csv", "creds");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    for named in [
        "missing columns: level, awarded",
        "\"levl\" (did you mean level?)",
        "\"notes\"",
    ] {
        assert!(err.contains(named), "{named} missing from: {err}");
    }
    assert!(row_files(d.d(), ".").is_empty());
}

#[test]
fn header_names_as_people_write_them_are_understood() {
    let d = college();
    let header = HEADER
        .replace("birth_date", "Birth date")
        .replace("title_en", " Title-EN ");
    std::fs::write(d.path("people.csv"), format!("{header}\n{}\n", row(&[]))).unwrap();
    let out = issue_csv(&d, "people.csv", "creds");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_what_to_save_it_as() {
    let d = college();
    let mut bytes = format!("{HEADER}\n").into_bytes();
    bytes.extend_from_slice(row(&[("name", "Jos\u{e9}")]).as_bytes());
    let at = bytes.iter().position(|&b| b == 0xc3).unwrap();
    bytes.splice(at..at + 2, [0xe9]); // Latin-1 é
    std::fs::write(d.path("latin1.csv"), bytes).unwrap();
    let out = issue_csv(&d, "latin1.csv", "creds");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("CSV UTF-8"), "{}", stderr(&out));
}

// --- 13: row errors a clerk can act on ---

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
    // `pqf-6` is the deprecated id PQF-6 typed in lower case: since the shipped data gave
    // levels country-carrying ids, its canonical form is PQF-PH-6.
    assert_eq!(q["frameworkLevels"][0], "PQF-PH-6");
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

// --- 14: issue refuses what cannot be right ---

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

// --- 15: running a batch again ---

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
    d.ok(&[
        "issue",
        "--key",
        "college.key",
        "--csv",
        "b.csv",
        "--out-dir",
        "creds",
    ]);
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
    d.ok(&[
        "issue",
        "--key",
        "college.key",
        "--csv",
        "b.csv",
        "--out-dir",
        "creds",
    ]);
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
    d.ok(&[
        "issue",
        "--key",
        "college.key",
        "--csv",
        "b.csv",
        "--out-dir",
        "creds",
    ]);
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
