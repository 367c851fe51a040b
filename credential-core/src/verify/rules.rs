//! The rules behind the credential checks that judge content against trust data and the
//! clock: accreditation, validity period, status, bundle freshness, and what a damaged
//! token is told. Each returns the check's outcome and its plain-words detail.

use std::fmt::Write as _;

use chrono::{DateTime, Duration, Utc};

use crate::credential::{format_time, CheckedCredential};
use crate::equivalence::FrameworkCatalog;
use crate::jws::JwsError;
use crate::report::Outcome;
use crate::status::StatusPurpose;
use crate::trust::{IssuerEntry, IssuerStatus, TrustBundle, VerifiedBundle};

/// Clock skew tolerated between trust data's dates and the verifier's clock, seconds.
const CLOCK_SKEW_SECS: i64 = 300;

/// The well-formed detail for a token that does not parse. Most such tokens reached the
/// verifier by email or chat and were cut short or broken into lines on the way: the
/// detail says so, and what to ask the sender for. (The token is still refused: a damaged
/// credential is never repaired by guessing.)
pub(super) fn damaged(compact: &str, e: &JwsError) -> String {
    const ASK: &str = "ask the sender for the credential file itself, sent as an attachment";
    let text = compact.trim();
    match e {
        JwsError::Segments(_) | JwsError::Base64(_) | JwsError::SignatureLength(_)
            if text.contains(char::is_whitespace) =>
        {
            format!("{e}: the credential is broken over several lines, as an email program may do; {ASK}")
        }
        JwsError::Segments(_) | JwsError::Base64(_) | JwsError::SignatureLength(_) => {
            format!("{e}: the file looks damaged or cut short; {ASK}")
        }
        _ => e.to_string(),
    }
}

/// `bundle-fresh`: before the bundle's next-update time, and not dated in the future.
pub(super) fn bundle_freshness(b: &TrustBundle, now: DateTime<Utc>) -> (Outcome, String) {
    if now >= b.next_update {
        (
            Outcome::Indeterminate,
            format!(
                "bundle {} passed its next-update time {}: fetch a newer one",
                b.sequence,
                format_time(b.next_update)
            ),
        )
    } else if now + Duration::seconds(CLOCK_SKEW_SECS) < b.issued_at {
        (
            Outcome::Indeterminate,
            format!(
                "bundle {} is dated {} in the future: check the clock",
                b.sequence,
                format_time(b.issued_at)
            ),
        )
    } else {
        (
            Outcome::Pass,
            format!(
                "bundle {} current until {}",
                b.sequence,
                format_time(b.next_update)
            ),
        )
    }
}

/// `issuer-accredited`: active, and accredited for this type and level, at the issuance
/// date `c.valid_from` (shown as `when`); a later change of standing is noted, not held
/// against the credential.
pub(super) fn accreditation(
    issuer: &IssuerEntry,
    c: &CheckedCredential,
    now: DateTime<Utc>,
    when: &str,
) -> (Outcome, String) {
    let at = c.valid_from;
    match issuer.status_at(at) {
        IssuerStatus::Active => {}
        IssuerStatus::Suspended => {
            return (
                Outcome::Fail,
                format!("{} was suspended at the issuance date {when}", issuer.name),
            )
        }
        IssuerStatus::Withdrawn => {
            return (
                Outcome::Fail,
                format!("{} was withdrawn at the issuance date {when}", issuer.name),
            )
        }
    }
    // Judged by the accreditation period that covers the issuance date, not by the
    // current one: re-accreditation must not undo what was issued before it.
    let Some(period) = issuer.accreditation.period_at(at) else {
        return (
            Outcome::Fail,
            format!(
                "{} was not accredited at the issuance date {when}",
                issuer.name
            ),
        );
    };
    let catalog = FrameworkCatalog::shipped().ok();
    let in_scope = period
        .scope
        .iter()
        .filter(|s| s.kind == c.kind)
        .any(|s| match &s.max_level {
            None => true,
            Some(max) => {
                !c.levels.is_empty()
                    && c.levels
                        .iter()
                        .all(|l| catalog.and_then(|cat| cat.is_at_most(l, max)) == Some(true))
            }
        });
    if !in_scope {
        let scope: Vec<String> = period.scope.iter().map(ToString::to_string).collect();
        let levels = if c.levels.is_empty() {
            "no level".to_owned()
        } else {
            c.levels.join(", ")
        };
        return (
            Outcome::Fail,
            format!(
                "{} is accredited for {} only; this is a {} at {levels}",
                issuer.name,
                scope.join(", "),
                c.kind
            ),
        );
    }
    let mut detail = format!(
        "{} ({}), accredited for {} at {when}",
        issuer.name, issuer.country, c.kind
    );
    let current = issuer.status_at(now.max(at));
    if current != IssuerStatus::Active {
        let _ = write!(
            detail,
            "; note: now {current:?}, after this credential was issued"
        );
    }
    (Outcome::Pass, detail)
}

/// `validity-period`: `validFrom` (shown as `valid_from`) reached, `validUntil` not.
pub(super) fn validity(
    c: &CheckedCredential,
    now: DateTime<Utc>,
    valid_from: &str,
) -> (Outcome, String) {
    if now < c.valid_from {
        return (
            Outcome::Fail,
            format!("not yet valid: valid from {valid_from}"),
        );
    }
    match c.valid_until {
        Some(until) if now >= until => {
            (Outcome::Fail, format!("expired on {}", format_time(until)))
        }
        Some(until) => (
            Outcome::Pass,
            format!("valid from {valid_from} until {}", format_time(until)),
        ),
        None => (
            Outcome::Pass,
            format!("valid from {valid_from}, no end date"),
        ),
    }
}

/// `status`: each status entry's bit in the issuer's own list in the bundle; a list the
/// bundle lacks, or one outside its validity, leaves the status undecided. `as_of` names
/// the bundle the answer comes from.
pub(super) fn status(
    bundle: &VerifiedBundle,
    c: &CheckedCredential,
    now: DateTime<Utc>,
    as_of: &str,
) -> (Outcome, String) {
    if c.status.is_empty() {
        return (
            Outcome::Pass,
            "the credential carries no status entry".into(),
        );
    }
    let (mut revocation, mut suspension) = (false, false);
    for entry in &c.status {
        let Some(list) = bundle.status_list(&entry.status_list_credential) else {
            return (
                Outcome::Indeterminate,
                format!(
                    "status list {} is not in the trust bundle",
                    entry.status_list_credential
                ),
            );
        };
        if list.issuer != c.issuer {
            return (
                Outcome::Fail,
                format!("status list {} belongs to another issuer", list.id),
            );
        }
        // A list outside its own validity period says nothing about now.
        if let Some(until) = list.valid_until.filter(|&u| now >= u) {
            return (
                Outcome::Indeterminate,
                format!(
                    "status list {} expired on {}: fetch a newer bundle",
                    list.id,
                    format_time(until)
                ),
            );
        }
        if let Some(from) = list
            .valid_from
            .filter(|&f| now + Duration::seconds(CLOCK_SKEW_SECS) < f)
        {
            return (
                Outcome::Indeterminate,
                format!(
                    "status list {} is not valid before {}: check the clock",
                    list.id,
                    format_time(from)
                ),
            );
        }
        if list.purpose != entry.status_purpose {
            return (
                Outcome::Fail,
                format!(
                    "status list {} is a {} list, the entry says {}",
                    list.id, list.purpose, entry.status_purpose
                ),
            );
        }
        let set = match entry.index().and_then(|i| list.bits.get(i)) {
            Ok(set) => set,
            Err(e) => return (Outcome::Fail, format!("status entry: {e}")),
        };
        if set {
            let word = match entry.status_purpose {
                StatusPurpose::Revocation => "revoked",
                StatusPurpose::Suspension => "suspended",
            };
            return (
                Outcome::Fail,
                format!("the credential is {word} (status list {})", list.id),
            );
        }
        match entry.status_purpose {
            StatusPurpose::Revocation => revocation = true,
            StatusPurpose::Suspension => suspension = true,
        }
    }
    let checked = match (revocation, suspension) {
        (true, true) => "not revoked, not suspended",
        (true, false) => "not revoked",
        _ => "not suspended",
    };
    (Outcome::Pass, format!("{checked} ({as_of})"))
}
