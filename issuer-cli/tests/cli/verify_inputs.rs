//! What a verifier receives by email or chat: empty, cut-short and line-wrapped files, a
//! wrong anchor, a batch with an unreadable file, a presentation given without saying so.

use crate::harness::{stderr, stdout, Scratch};

/// Operator, college and holder keys, a bundle and the nurse credential bound to the holder.
fn scene() -> (Scratch, String, String) {
    let s = Scratch::new();
    let operator = s.key("operator.key");
    let college = s.key("college.key");
    let holder = s.key("holder.key");
    s.bundle(&college, &[]);
    s.issue_nurse(&["--holder", &holder], "nurse.jwt");
    (s, operator, holder)
}

fn verify(d: &Scratch, operator: &str, files: &[&str]) -> (i32, String, String) {
    let mut args = vec!["verify"];
    args.extend_from_slice(files);
    args.extend_from_slice(&["--bundle", "bundle.jws", "--anchor", operator]);
    let out = d.run(&args);
    (out.status.code().unwrap(), stdout(&out), stderr(&out))
}

#[test]
fn an_empty_file_could_not_be_verified_and_says_it_is_empty() {
    let (d, operator, _) = scene();
    std::fs::write(d.path("empty.jwt"), "\n").unwrap();
    let (code, stdout, stderr) = verify(&d, &operator, &["empty.jwt"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stderr.contains("empty.jwt is empty"), "{stderr}");
}

#[test]
fn a_cut_short_token_is_invalid_and_the_detail_says_the_file_looks_damaged() {
    let (d, operator, _) = scene();
    let text = std::fs::read_to_string(d.path("nurse.jwt")).unwrap();
    std::fs::write(d.path("cut.jwt"), &text[..text.len() / 2]).unwrap();
    let (code, stdout, _) = verify(&d, &operator, &["cut.jwt"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("well-formed") && stdout.contains("looks damaged"),
        "{stdout}"
    );
    assert!(stdout.contains("ask the sender"), "{stdout}");
}

#[test]
fn a_line_wrapped_token_is_invalid_and_the_detail_says_it_was_broken_into_lines() {
    let (d, operator, _) = scene();
    let text = std::fs::read_to_string(d.path("nurse.jwt")).unwrap();
    let wrapped: Vec<String> = text
        .trim()
        .as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    std::fs::write(d.path("wrapped.jwt"), wrapped.join("\r\n")).unwrap();
    let (code, stdout, _) = verify(&d, &operator, &["wrapped.jwt"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("broken over several lines"), "{stdout}");
}

#[test]
fn a_wrong_anchor_names_the_key_that_signed_the_bundle() {
    let (d, operator, _) = scene();
    let other = d.key("other.key");
    let (code, stdout, _) = verify(&d, &other, &["nurse.jwt"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(&format!("it is signed by {operator}")),
        "{stdout}"
    );
}

#[test]
fn one_unreadable_file_among_many_is_reported_for_itself_and_the_rest_are_verified() {
    let (d, operator, _) = scene();
    std::fs::copy(d.path("nurse.jwt"), d.path("second.jwt")).unwrap();
    std::fs::write(d.path("empty.jwt"), "").unwrap();
    let (code, stdout, _) = verify(
        &d,
        &operator,
        &["nurse.jwt", "missing.jwt", "empty.jwt", "second.jwt"],
    );
    assert_eq!(code, 2, "{stdout}");
    assert!(stdout.contains("nurse.jwt: valid"), "{stdout}");
    assert!(stdout.contains("second.jwt: valid"), "{stdout}");
    assert!(
        stdout.contains("missing.jwt: could not be read"),
        "{stdout}"
    );
    assert!(stdout.contains("empty.jwt: could not be read"), "{stdout}");
    assert!(
        stdout.contains("2 valid, 0 invalid, 0 indeterminate, 2 could not be read"),
        "{stdout}"
    );
    let out = d.run(&[
        "verify",
        "nurse.jwt",
        "missing.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["unreadable"], 1);
    assert!(v["results"][1]["error"]
        .as_str()
        .unwrap()
        .contains("missing.jwt"));
}

#[test]
fn a_presentation_is_recognised_by_its_typ_without_the_presentation_flag() {
    let (d, operator, _) = scene();
    d.ok(&[
        "present",
        "--key",
        "holder.key",
        "nurse.jwt",
        "--audience",
        "did:example:employer",
        "--nonce",
        "n-1",
        "--out",
        "vp.jwt",
    ]);
    let out = d.run(&[
        "verify",
        "vp.jwt",
        "--audience",
        "did:example:employer",
        "--nonce",
        "n-1",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("holder-signature"), "{stdout}");
    let (code, _, stderr) = verify(&d, &operator, &["vp.jwt"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--audience"), "{stderr}");
}

/// Issue 9, point 18: `--country de` was refused, and an undecided check was labelled
/// `[????]`.
#[test]
fn a_lower_case_country_is_accepted_and_undecided_checks_are_labelled_with_a_word() {
    let (d, operator, _) = scene();
    let out = d.run(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--country",
        "de",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("Comparable levels"), "{stdout}");
    // Verified long after the bundle's next update: freshness is undecided, in words.
    let out = d.run(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--at",
        "2099-01-01",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("[undecided] bundle-fresh"), "{stdout}");
    assert!(!stdout.contains('?'), "{stdout}");
}

#[test]
fn a_directory_verifies_its_files_and_links_to_files_and_skips_directories_named_like_credentials()
{
    let (d, operator, _) = scene();
    std::fs::create_dir(d.path("class")).unwrap();
    std::fs::copy(d.path("nurse.jwt"), d.path("class/a.jwt")).unwrap();
    std::os::unix::fs::symlink(d.path("nurse.jwt"), d.path("class/b.jwt")).unwrap();
    std::fs::create_dir(d.path("class/c.jwt")).unwrap();
    std::os::unix::fs::symlink(d.path("class/c.jwt"), d.path("class/d.jwt")).unwrap();
    std::fs::write(d.path("class/notes.txt"), "not a credential").unwrap();
    let (code, stdout, stderr) = verify(&d, &operator, &["class"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("a.jwt: valid"), "{stdout}");
    assert!(stdout.contains("b.jwt: valid"), "{stdout}");
    assert!(
        !stdout.contains("c.jwt") && !stdout.contains("d.jwt"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 valid, 0 invalid, 0 indeterminate"),
        "{stdout}"
    );
}

#[test]
fn a_directory_is_verified_in_the_byte_order_of_its_names_and_leaves_a_batch_summary_out() {
    let (d, operator, _) = scene();
    std::fs::create_dir(d.path("class")).unwrap();
    // Written out of order; a listing comes back in the file system's own order.
    for name in ["z.jwt", "a.jwt", "b10.jws", "M.jwt", "b2.jws", "a.jws"] {
        std::fs::copy(d.path("nurse.jwt"), d.path(&format!("class/{name}"))).unwrap();
    }
    std::fs::write(d.path("class/summary.json"), "{\"issued\": 6}").unwrap();
    let (code, stdout, stderr) = verify(&d, &operator, &["class"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let named: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_once(": valid"))
        .filter_map(|(source, _)| source.rsplit('/').next())
        .collect();
    // Bytes: capitals before small letters, "b10" before "b2".
    assert_eq!(
        named,
        ["M.jwt", "a.jws", "a.jwt", "b10.jws", "b2.jws", "z.jwt"],
        "{stdout}"
    );
    assert!(!stdout.contains("summary.json"), "{stdout}");
}
