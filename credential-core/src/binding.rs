//! What a holder-signed token (a presentation, an SD-JWT's key-binding JWT) is checked for
//! besides its signature: made for this verifier (`aud`), in this session (`nonce`), and
//! recently (`iat`, `exp`). A recording of it then cannot be replayed to another verifier
//! or later.

use chrono::{DateTime, Duration, Utc};

use crate::credential::format_time;
use crate::i18n::Msg;
use crate::report::Outcome;

/// Clock skew tolerated for a token made "in the future" of the verifier's clock, seconds.
pub(crate) const CLOCK_SKEW_SECS: i64 = 120;

/// The `nonce` check: the token carries the nonce this verifier handed out.
pub(crate) fn nonce(got: Option<&str>, expected: &str) -> (Outcome, Msg) {
    if got == Some(expected) {
        (Outcome::Pass, Msg::new("nonce-ok"))
    } else {
        (Outcome::Fail, Msg::new("nonce-bad"))
    }
}

/// The `freshness` check: `iat` (unix seconds) is not in the future of `now` beyond
/// [`CLOCK_SKEW_SECS`] and not older than `max_age`, and `exp`, when present, has not passed.
pub(crate) fn freshness(
    iat: i64,
    exp: Option<i64>,
    now: DateTime<Utc>,
    max_age: Duration,
) -> (Outcome, Msg) {
    let Some(issued) = DateTime::<Utc>::from_timestamp(iat, 0) else {
        return (Outcome::Fail, Msg::new("iat-bad"));
    };
    let when = format_time(issued);
    if issued > now + Duration::seconds(CLOCK_SKEW_SECS) {
        return (Outcome::Fail, Msg::new("made-in-future").arg("when", when));
    }
    if now - issued > max_age {
        return (
            Outcome::Fail,
            Msg::new("made-too-long-ago")
                .arg("when", when)
                .arg("seconds", max_age.num_seconds()),
        );
    }
    if let Some(exp) = exp {
        if now.timestamp() >= exp {
            return (Outcome::Fail, Msg::new("presentation-expired"));
        }
    }
    (Outcome::Pass, Msg::new("made-at").arg("when", when))
}
