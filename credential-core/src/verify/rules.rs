//! The rules behind the credential checks that judge content against trust data and the
//! clock: accreditation, validity period, status, bundle freshness, and what a damaged
//! token is told. Each returns the check's outcome and its plain-words detail.

use chrono::{DateTime, Duration, Utc};

use crate::credential::{format_time, CheckedCredential};
use crate::equivalence::FrameworkCatalog;
use crate::i18n::Msg;
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
pub(super) fn damaged(compact: &str, e: &JwsError) -> Msg {
    let text = compact.trim();
    match e {
        JwsError::Segments(_) | JwsError::Base64(_) | JwsError::SignatureLength(_)
            if text.contains(char::is_whitespace) =>
        {
            Msg::new("well-formed-broken-lines").arg("reason", e.to_string())
        }
        JwsError::Segments(_) | JwsError::Base64(_) | JwsError::SignatureLength(_) => {
            Msg::new("well-formed-cut-short").arg("reason", e.to_string())
        }
        _ => Msg::raw(e.to_string()),
    }
}

/// `bundle-fresh`: before the bundle's next-update time, and not dated in the future.
pub(super) fn bundle_freshness(b: &TrustBundle, now: DateTime<Utc>) -> (Outcome, Msg) {
    let sequence = b.sequence.to_string();
    if now >= b.next_update {
        (
            Outcome::Indeterminate,
            Msg::new("fresh-stale")
                .arg("sequence", sequence)
                .arg("time", format_time(b.next_update)),
        )
    } else if now + Duration::seconds(CLOCK_SKEW_SECS) < b.issued_at {
        (
            Outcome::Indeterminate,
            Msg::new("fresh-future")
                .arg("sequence", sequence)
                .arg("time", format_time(b.issued_at)),
        )
    } else {
        (
            Outcome::Pass,
            Msg::new("fresh-ok")
                .arg("sequence", sequence)
                .arg("time", format_time(b.next_update)),
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
) -> (Outcome, Msg) {
    let at = c.valid_from;
    let about = |id| Msg::new(id).arg("name", &issuer.name).arg("date", when);
    match issuer.status_at(at) {
        IssuerStatus::Active => {}
        IssuerStatus::Suspended => return (Outcome::Fail, about("issuer-suspended")),
        IssuerStatus::Withdrawn => return (Outcome::Fail, about("issuer-withdrawn")),
    }
    // Judged by the accreditation period that covers the issuance date, not by the
    // current one: re-accreditation must not undo what was issued before it.
    let Some(period) = issuer.accreditation.period_at(at) else {
        return (Outcome::Fail, about("issuer-not-accredited"));
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
        let detail = if c.levels.is_empty() {
            Msg::new("issuer-out-of-scope-no-level")
        } else {
            Msg::new("issuer-out-of-scope").arg("levels", c.levels.join(", "))
        };
        return (
            Outcome::Fail,
            detail
                .arg("name", &issuer.name)
                .arg("scope", scope.join(", "))
                .arg("kind", c.kind.as_str()),
        );
    }
    let id = match issuer.status_at(now.max(at)) {
        IssuerStatus::Active => "issuer-accredited",
        IssuerStatus::Suspended => "issuer-accredited-now-suspended",
        IssuerStatus::Withdrawn => "issuer-accredited-now-withdrawn",
    };
    let detail = about(id)
        .arg("country", &issuer.country)
        .arg("kind", c.kind.as_str());
    (Outcome::Pass, detail)
}

/// `validity-period`: `validFrom` (shown as `valid_from`) reached, `validUntil` not.
pub(super) fn validity(
    c: &CheckedCredential,
    now: DateTime<Utc>,
    valid_from: &str,
) -> (Outcome, Msg) {
    if now < c.valid_from {
        return (
            Outcome::Fail,
            Msg::new("validity-not-yet").arg("from", valid_from),
        );
    }
    match c.valid_until {
        Some(until) if now >= until => (
            Outcome::Fail,
            Msg::new("validity-expired").arg("until", format_time(until)),
        ),
        Some(until) => (
            Outcome::Pass,
            Msg::new("validity-until")
                .arg("from", valid_from)
                .arg("until", format_time(until)),
        ),
        None => (
            Outcome::Pass,
            Msg::new("validity-open").arg("from", valid_from),
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
) -> (Outcome, Msg) {
    if c.status.is_empty() {
        return (Outcome::Pass, Msg::new("status-no-entry"));
    }
    let (mut revocation, mut suspension) = (false, false);
    for entry in &c.status {
        let Some(list) = bundle.status_list(&entry.status_list_credential) else {
            return (
                Outcome::Indeterminate,
                Msg::new("status-list-missing").arg("list", &entry.status_list_credential),
            );
        };
        if list.issuer != c.issuer {
            return (
                Outcome::Fail,
                Msg::new("status-list-other-issuer").arg("list", &list.id),
            );
        }
        // A list outside its own validity period says nothing about now.
        if let Some(until) = list.valid_until.filter(|&u| now >= u) {
            return (
                Outcome::Indeterminate,
                Msg::new("status-list-expired")
                    .arg("list", &list.id)
                    .arg("until", format_time(until)),
            );
        }
        if let Some(from) = list
            .valid_from
            .filter(|&f| now + Duration::seconds(CLOCK_SKEW_SECS) < f)
        {
            return (
                Outcome::Indeterminate,
                Msg::new("status-list-early")
                    .arg("list", &list.id)
                    .arg("from", format_time(from)),
            );
        }
        if list.purpose != entry.status_purpose {
            return (
                Outcome::Fail,
                Msg::new("status-purpose-mismatch")
                    .arg("list", &list.id)
                    .arg("purpose", list.purpose.to_string())
                    .arg("entry", entry.status_purpose.to_string()),
            );
        }
        let set = match entry.index().and_then(|i| list.bits.get(i)) {
            Ok(set) => set,
            Err(e) => {
                return (
                    Outcome::Fail,
                    Msg::new("status-entry-bad").arg("reason", e.to_string()),
                )
            }
        };
        if set {
            let id = match entry.status_purpose {
                StatusPurpose::Revocation => "status-revoked",
                StatusPurpose::Suspension => "status-suspended",
            };
            return (Outcome::Fail, Msg::new(id).arg("list", &list.id));
        }
        match entry.status_purpose {
            StatusPurpose::Revocation => revocation = true,
            StatusPurpose::Suspension => suspension = true,
        }
    }
    let id = match (revocation, suspension) {
        (true, true) => "status-ok-both",
        (true, false) => "status-ok-revocation",
        _ => "status-ok-suspension",
    };
    (Outcome::Pass, Msg::new(id).arg("date", as_of))
}
