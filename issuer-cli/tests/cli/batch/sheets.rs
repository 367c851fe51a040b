//! Point 12: CSV files as spreadsheets save them — CRLF, cells with line breaks, blank
//! lines, semicolons and tabs, a byte order mark, header names as people write them —
//! and the files that are not a batch at all.

use super::{college, error_lines, issue_csv, row, row_files, summary, HEADER};
use crate::harness::{examples, stderr, stdout};

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
