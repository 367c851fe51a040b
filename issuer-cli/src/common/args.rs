//! What several commands' command lines share: parsers of values (`--at`, `--valid-from`,
//! `--country`, `--to`), so that each is read and refused the same way everywhere, and the
//! way a command adapts an argument it flattens from a shared struct.

use chrono::{DateTime, NaiveDate, Utc};
use clap::Arg;
use credential_core::equivalence::{Destination, EquivalenceError};

/// A time that is neither RFC 3339 nor a date.
#[derive(Debug, thiserror::Error)]
#[error("{0:?} is not an RFC 3339 time (2026-11-26T10:00:00Z) or a date (2026-11-26)")]
pub(crate) struct NotATime(String);

/// RFC 3339, or a date taken as midnight UTC.
pub(crate) fn parse_time_arg(s: &str) -> Result<DateTime<Utc>, NotATime> {
    if let Some(t) = credential_core::parse_time(s) {
        return Ok(t);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| NotATime(s.to_owned()))
}

/// A destination country or framework in any case (`de`, `DE`, `eqf`).
pub(crate) fn parse_destination(s: &str) -> Result<Destination, EquivalenceError> {
    s.trim().to_ascii_uppercase().parse()
}

/// For `#[command(mut_args(change_arg(ID, CHANGE)))]`: changes the argument `id` of a
/// flattened struct — its help in this command's words, whether it is required — and
/// keeps every argument where it is. (clap's `mut_arg` moves the argument last, which
/// reorders the usage line and the list of missing arguments in its errors.)
pub(crate) fn change_arg(id: &'static str, change: impl Fn(Arg) -> Arg) -> impl FnMut(Arg) -> Arg {
    move |arg| if arg.get_id() == id { change(arg) } else { arg }
}

/// [`change_arg`] of the help alone.
pub(crate) fn arg_help(id: &'static str, help: &'static str) -> impl FnMut(Arg) -> Arg {
    change_arg(id, move |arg| arg.help(help))
}

/// How a credential (or a status list) is secured, as `--securing` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SecuringArg {
    /// A compact JWS (vc+jwt), the native form.
    Jose,
    /// JSON with an embedded Data Integrity proof (eddsa-rdfc-2022).
    DataIntegrity,
}
