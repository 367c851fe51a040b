//! The report engine every verifier reports through: outcomes, verdicts, a check list over
//! a verifier's own check ids, filling in the checks that never ran, combining a
//! container's checks with the verdicts of what it holds, and the lines people read.
//!
//! A verifier names its checks with an enum implementing [`CheckId`] (the credential
//! verifier's ten, a presentation's seven, an SD-JWT's seven), pushes each result into a
//! [`Checks`] list as it runs, and calls [`Checks::complete`]: every report then lists all
//! of its verifier's checks, in order, whatever stopped early. The verdict rule is the
//! same everywhere ([`verdict`]): one failure makes it `invalid`; otherwise anything
//! undecided or not run makes it `indeterminate`.

use std::fmt::{self, Write as _};

use serde::Serialize;

use crate::i18n::{self, Lang, Msg};

/// How one check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The check ran and found nothing wrong.
    Pass,
    /// The check ran and found the document invalid.
    Fail,
    /// The verifier lacks what it needs to decide (a stale bundle, a missing status list).
    Indeterminate,
    /// Not run, because an earlier check it depends on failed.
    Skipped,
}

impl Outcome {
    /// The label people read in front of a check: a word, never a symbol.
    pub fn mark(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "FAIL",
            Self::Indeterminate => "undecided",
            Self::Skipped => "skipped",
        }
    }

    /// [`Outcome::mark`] in `lang`.
    pub fn mark_in(self, lang: Lang) -> String {
        i18n::text(
            lang,
            match self {
                Self::Pass => "mark-pass",
                Self::Fail => "mark-fail",
                Self::Indeterminate => "mark-indeterminate",
                Self::Skipped => "mark-skipped",
            },
        )
    }
}

/// The overall answer of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every check passed.
    Valid,
    /// At least one check failed.
    Invalid,
    /// Nothing failed, but something could not be decided or was not run.
    Indeterminate,
}

impl Verdict {
    /// The process exit code the CLI uses: 0 valid, 1 invalid, 3 indeterminate.
    pub fn exit_code(self) -> i32 {
        match self {
            Self::Valid => 0,
            Self::Invalid => 1,
            Self::Indeterminate => 3,
        }
    }
}

impl Verdict {
    /// The verdict as a reader of `lang` sees it at the head of a report (`VALID`,
    /// `GÜLTIG`, `صالحة`).
    pub fn words(self, lang: Lang) -> String {
        i18n::text(
            lang,
            match self {
                Self::Valid => "verdict-valid",
                Self::Invalid => "verdict-invalid",
                Self::Indeterminate => "verdict-indeterminate",
            },
        )
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Valid => "valid",
            Self::Invalid => "invalid",
            Self::Indeterminate => "indeterminate",
        })
    }
}

/// The checks of one verifier: a closed set run in a fixed order, each with a stable name
/// (reports and programs read the name, never the position).
pub trait CheckId: Copy + Eq + 'static {
    /// Every check, in the order they run and are reported.
    const ALL: &'static [Self];

    /// The stable name used in reports (`well-formed`, `holder-binding`, …).
    fn name(self) -> &'static str;

    /// The check's name as a reader of `lang` sees it (the stable name where the catalog has
    /// no label for it).
    fn label(self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.name().to_owned();
        }
        i18n::lookup(lang, &format!("check-{}", self.name()))
            .unwrap_or_else(|| self.name().to_owned())
    }

    /// Where this check stands in [`CheckId::ALL`].
    fn position(self) -> usize {
        Self::ALL
            .iter()
            .position(|&c| c == self)
            .unwrap_or(usize::MAX)
    }
}

/// One check's result. Serialized as `{"name", "outcome", "detail"}`.
#[derive(Debug, Clone, Serialize)]
pub struct Check<K> {
    /// Which check.
    #[serde(rename = "name")]
    pub id: K,
    /// How it came out.
    pub outcome: Outcome,
    /// What was found: a catalog message, and its plain English words (stable for programs
    /// that read it) rendered only when someone reads them.
    pub detail: Detail,
}

impl<K> Check<K> {
    /// What was found, in `lang`.
    pub fn detail_in(&self, lang: Lang) -> String {
        self.detail.text(lang)
    }
}

/// What a check found: the catalog message, shown in the reader's language, and its English
/// words, which JSON reports carry as `detail` byte for byte as they always have.
///
/// The English words are rendered on first use and kept, so a report printed in German
/// formats its details once, in German, and a JSON report formats the English ones once more
/// (issue 12: `--lang de` costs the same as `--lang en`). It reads as a `str`
/// (`detail.contains(..)`, `detail == "…"`) and serializes as the English string.
#[derive(Clone)]
pub struct Detail {
    message: Msg,
    english: std::sync::OnceLock<String>,
}

impl Detail {
    /// The detail saying `message`; its English words are rendered when first read.
    pub fn new(message: Msg) -> Self {
        Self {
            message,
            english: std::sync::OnceLock::new(),
        }
    }

    /// The detail saying `message`, whose English words are already rendered (a result
    /// worked out once for many credentials).
    pub fn rendered(message: Msg, english: String) -> Self {
        Self {
            message,
            english: std::sync::OnceLock::from(english),
        }
    }

    /// The English words (rendered now if nobody has read them yet).
    pub fn as_str(&self) -> &str {
        self.english.get_or_init(|| self.message.text(Lang::En))
    }

    /// The catalog message.
    pub fn message(&self) -> &Msg {
        &self.message
    }

    /// The words in `lang`: the English ones for English, else that language's catalog.
    pub fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            self.as_str().to_owned()
        } else {
            self.message.text(lang)
        }
    }
}

impl std::ops::Deref for Detail {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Detail {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for Detail {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Detail {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Detail {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Serialize for Detail {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A verifier's check results as they are found.
#[derive(Debug, Clone)]
pub(crate) struct Checks<K> {
    list: Vec<Check<K>>,
}

impl<K: CheckId> Default for Checks<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: CheckId> Checks<K> {
    /// An empty list with room for every check of `K` (no reallocation on the hot path).
    pub(crate) fn new() -> Self {
        Self {
            list: Vec::with_capacity(K::ALL.len()),
        }
    }

    /// Records one result.
    pub(crate) fn push(&mut self, id: K, outcome: Outcome, message: Msg) {
        self.list.push(Check {
            id,
            outcome,
            detail: Detail::new(message),
        });
    }

    /// Records one result whose English detail is already rendered (a bundle-level result
    /// worked out once for many credentials).
    pub(crate) fn push_rendered(&mut self, id: K, outcome: Outcome, rendered: &(Msg, String)) {
        self.list.push(Check {
            id,
            outcome,
            detail: Detail::rendered(rendered.0.clone(), rendered.1.clone()),
        });
    }

    /// The list, completed: every check of `K` that was not recorded is added as skipped
    /// ("not run: an earlier check failed"), and all are put in the order of
    /// [`CheckId::ALL`].
    pub(crate) fn complete(self) -> Vec<Check<K>> {
        self.complete_with(Msg::new("not-run"))
    }

    /// [`Checks::complete`], with `why` as the detail of the checks that never ran.
    pub(crate) fn complete_with(self, why: Msg) -> Vec<Check<K>> {
        let mut list = self.list;
        // A verification that went through every check already has them in order.
        let in_order =
            list.len() == K::ALL.len() && list.iter().zip(K::ALL).all(|(c, &id)| c.id == id);
        if !in_order {
            let detail = Detail::new(why);
            for &id in K::ALL {
                if !list.iter().any(|c| c.id == id) {
                    list.push(Check {
                        id,
                        outcome: Outcome::Skipped,
                        detail: detail.clone(),
                    });
                }
            }
            list.sort_by_key(|c| c.id.position());
        }
        list
    }
}

/// The verdict over a report's check outcomes and the verdicts of the reports it contains
/// (a presentation's credentials, an SD-JWT's issuer-signed credential): `invalid` if any
/// check failed or any inner report is invalid; otherwise `indeterminate` if anything was
/// undecided, skipped or indeterminate; otherwise `valid`.
pub(crate) fn verdict(
    outcomes: impl IntoIterator<Item = Outcome>,
    inner: impl IntoIterator<Item = Verdict>,
) -> Verdict {
    let mut verdict = Verdict::Valid;
    for outcome in outcomes {
        match outcome {
            Outcome::Fail => return Verdict::Invalid,
            Outcome::Pass => {}
            Outcome::Indeterminate | Outcome::Skipped => verdict = Verdict::Indeterminate,
        }
    }
    for v in inner {
        match v {
            Verdict::Invalid => return Verdict::Invalid,
            Verdict::Indeterminate => verdict = Verdict::Indeterminate,
            Verdict::Valid => {}
        }
    }
    verdict
}

/// The names of the failed checks, in report order.
pub(crate) fn failed<K: CheckId>(checks: &[Check<K>]) -> impl Iterator<Item = &'static str> + '_ {
    checks
        .iter()
        .filter(|c| c.outcome == Outcome::Fail)
        .map(|c| c.id.name())
}

/// The result of check `id`, if the list has it.
pub(crate) fn find<K: CheckId>(checks: &[Check<K>], id: K) -> Option<&Check<K>> {
    checks.iter().find(|c| c.id == id)
}

/// Writes one numbered line per check, the same layout in every report:
/// `   1. [pass     ] well-formed       2417 bytes, …`.
/// In another language than English the columns are as wide as that language's longest
/// mark and label.
pub(crate) fn write_checks<K: CheckId>(out: &mut String, checks: &[Check<K>], lang: Lang) {
    let rows: Vec<(String, String, String)> = checks
        .iter()
        .map(|c| (c.outcome.mark_in(lang), c.id.label(lang), c.detail_in(lang)))
        .collect();
    let width = |f: fn(&(String, String, String)) -> &String, min: usize| {
        rows.iter()
            .map(|r| f(r).chars().count())
            .max()
            .unwrap_or(0)
            .max(min)
    };
    let (mark_w, label_w) = if lang == Lang::En {
        (9, 17)
    } else {
        (width(|r| &r.0, 0), width(|r| &r.1, 0))
    };
    for (n, (mark, label, detail)) in rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:>2}. [{}] {} {}",
            n + 1,
            pad(mark, mark_w),
            pad(label, label_w),
            detail
        );
    }
}

/// `s` padded with spaces to `width` characters.
fn pad(s: &str, width: usize) -> String {
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(s.chars().count()),
    ));
    out
}

/// A report's JSON with the reader's language beside the stable fields: `lang` and `dir`
/// at the top, `verdictText` beside `verdict`, and `text` beside each check's English
/// `detail`. Every existing field keeps its name and value.
pub(crate) fn annotate<K: CheckId>(
    json: &mut serde_json::Value,
    verdict: Verdict,
    checks: &[Check<K>],
    lang: Lang,
) {
    let Some(obj) = json.as_object_mut() else {
        return;
    };
    obj.insert("lang".into(), lang.tag().into());
    obj.insert("dir".into(), lang.dir().into());
    obj.insert("verdictText".into(), verdict.words(lang).into());
    if let Some(list) = obj
        .get_mut("checks")
        .and_then(serde_json::Value::as_array_mut)
    {
        for (entry, check) in list.iter_mut().zip(checks) {
            if let Some(entry) = entry.as_object_mut() {
                entry.insert("text".into(), check.detail_in(lang).into());
            }
        }
    }
}

/// The first word of a report in words: the verdict in capitals, in `lang`.
pub(crate) fn headline(verdict: Verdict, lang: Lang) -> String {
    verdict.words(lang)
}

#[cfg(test)]
mod tests;
