use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    First,
    Second,
    Third,
}

impl CheckId for Step {
    const ALL: &'static [Self] = &[Self::First, Self::Second, Self::Third];
    fn name(self) -> &'static str {
        match self {
            Self::First => "first",
            Self::Second => "second",
            Self::Third => "third",
        }
    }
}

#[test]
fn a_list_that_stopped_early_is_completed_with_skipped_checks_in_order() {
    let mut checks = Checks::new();
    checks.push(Step::Third, Outcome::Pass, Msg::raw("late"));
    checks.push(Step::First, Outcome::Fail, Msg::raw("broken"));
    let list = checks.complete();
    let names: Vec<_> = list.iter().map(|c| c.id.name()).collect();
    assert_eq!(names, ["first", "second", "third"]);
    assert_eq!(list[1].outcome, Outcome::Skipped);
    assert_eq!(list[1].detail, "not run: an earlier check failed");
    assert_eq!(list[2].detail, "late");
    assert_eq!(failed(&list).collect::<Vec<_>>(), ["first"]);
    assert_eq!(find(&list, Step::Third).unwrap().detail, "late");
}

#[test]
fn the_skipped_detail_can_say_why() {
    let list = Checks::<Step>::new().complete_with(Msg::new("not-run-bundle-refused"));
    assert!(list
        .iter()
        .all(|c| c.detail == "not run: the trust bundle was refused"));
    assert!(list
        .iter()
        .all(|c| c.detail_in(Lang::De)
            == "nicht durchgeführt: die Vertrauensliste wurde zurückgewiesen"));
}

#[test]
fn one_failure_or_invalid_inner_report_makes_the_verdict_invalid() {
    use Outcome::*;
    assert_eq!(verdict([Pass, Pass], []), Verdict::Valid);
    assert_eq!(verdict([Pass, Skipped], []), Verdict::Indeterminate);
    assert_eq!(verdict([Indeterminate, Fail], []), Verdict::Invalid);
    assert_eq!(
        verdict([Pass], [Verdict::Indeterminate]),
        Verdict::Indeterminate
    );
    assert_eq!(verdict([Skipped], [Verdict::Invalid]), Verdict::Invalid);
    assert_eq!(verdict([Pass], [Verdict::Valid]), Verdict::Valid);
}

#[test]
fn every_report_numbers_its_checks_in_one_layout() {
    let mut checks = Checks::new();
    checks.push(Step::First, Outcome::Pass, Msg::raw("fine"));
    checks.push(Step::Second, Outcome::Indeterminate, Msg::raw("unknown"));
    let mut out = String::new();
    let list = checks.complete();
    write_checks(&mut out, &list, Lang::En);
    assert_eq!(
        out,
        "   1. [pass     ] first             fine\n   2. [undecided] second            unknown\n   3. [skipped  ] third             not run: an earlier check failed\n"
    );
    assert_eq!(headline(Verdict::Indeterminate, Lang::En), "INDETERMINATE");
}

#[test]
fn in_another_language_marks_and_details_are_translated_and_columns_fit_them() {
    let mut checks = Checks::new();
    checks.push(Step::First, Outcome::Pass, Msg::new("signature-ok"));
    let list = checks.complete();
    let mut out = String::new();
    write_checks(&mut out, &list, Lang::De);
    // Step names have no label in the catalog: the stable name is shown.
    assert_eq!(
        out,
        "   1. [bestanden   ] first  die Signatur ist mit dem Schlüssel der ausstellenden Stelle gültig\n   2. [übersprungen] second nicht durchgeführt: eine vorherige Prüfung ist fehlgeschlagen\n   3. [übersprungen] third  nicht durchgeführt: eine vorherige Prüfung ist fehlgeschlagen\n"
    );
    // The English detail stays what programs read.
    assert_eq!(
        list[0].detail,
        "the signature verifies under the issuer's key"
    );
    assert_eq!(headline(Verdict::Invalid, Lang::Ar), "غير صالحة");
}

/// Issue 12, acceptance 5: a report read in another language renders each detail once, in
/// that language; the English words are rendered only when someone reads them (JSON), and
/// then they are exactly the English catalog's sentence.
#[test]
fn a_report_read_in_german_never_renders_its_english_details_until_json_asks() {
    let mut checks = Checks::new();
    checks.push(Step::First, Outcome::Pass, Msg::new("signature-ok"));
    let list = checks.complete();
    let mut out = String::new();
    write_checks(&mut out, &list, Lang::De);
    assert!(
        out.contains("die Signatur ist mit dem Schlüssel der ausstellenden Stelle gültig"),
        "{out}"
    );
    assert!(
        list.iter().all(|c| c.detail.english.get().is_none()),
        "printing in German rendered English details"
    );
    let details: Vec<&Detail> = list.iter().map(|c| &c.detail).collect();
    let json = serde_json::to_value(details).unwrap();
    assert_eq!(json[0], "the signature verifies under the issuer's key");
    assert_eq!(json[1], "not run: an earlier check failed");
    assert_eq!(
        list[0].detail.english.get().map(String::as_str),
        Some("the signature verifies under the issuer's key")
    );
    // Read in English, the detail is the English words, rendered once and kept.
    assert_eq!(
        list[0].detail_in(Lang::En),
        "the signature verifies under the issuer's key"
    );
    assert_eq!(
        format!("{}", list[2].detail),
        "not run: an earlier check failed"
    );
}
