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
    checks.push(Step::Third, Outcome::Pass, "late");
    checks.push(Step::First, Outcome::Fail, "broken");
    let list = checks.complete();
    let names: Vec<_> = list.iter().map(|c| c.id.name()).collect();
    assert_eq!(names, ["first", "second", "third"]);
    assert_eq!(list[1].outcome, Outcome::Skipped);
    assert_eq!(list[1].detail, NOT_RUN);
    assert_eq!(list[2].detail, "late");
    assert_eq!(failed(&list).collect::<Vec<_>>(), ["first"]);
    assert_eq!(find(&list, Step::Third).unwrap().detail, "late");
}

#[test]
fn the_skipped_detail_can_say_why() {
    let list = Checks::<Step>::new().complete_with("not run: no bundle");
    assert!(list.iter().all(|c| c.detail == "not run: no bundle"));
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
    checks.push(Step::First, Outcome::Pass, "fine");
    checks.push(Step::Second, Outcome::Indeterminate, "unknown");
    let mut out = String::new();
    write_checks(&mut out, &checks.complete());
    assert_eq!(
        out,
        "   1. [pass     ] first             fine\n   2. [undecided] second            unknown\n   3. [skipped  ] third             not run: an earlier check failed\n"
    );
    assert_eq!(headline(Verdict::Indeterminate), "INDETERMINATE");
}
