//! What a registry accepts as an issuer's status list: a first list with only the claims a
//! status list needs (whatever else it carried would be published to everyone in the list
//! and the trust bundle), and an update that changes one credential's bit and nothing else.

use chrono::{DateTime, Duration, Utc};
use serde_json::{Map, Value};

use super::{parse_status_list_credential, ParsedStatusList};

/// Clock difference tolerated between an issuer's client and the registry.
pub const LIST_CLOCK_SKEW_SECS: i64 = 300;

/// Members a published status list credential may carry.
const LIST_MEMBERS: [&str; 7] = [
    "@context",
    "id",
    "type",
    "issuer",
    "validFrom",
    "validUntil",
    "credentialSubject",
];
/// Members its `credentialSubject` may carry.
const SUBJECT_MEMBERS: [&str; 5] = ["id", "type", "statusPurpose", "encodedList", "statusSize"];

/// Why a status list was not accepted for publication.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ListPolicyError {
    /// Not a status list credential at all.
    #[error("{0}")]
    Malformed(String),
    /// A member a status list does not need (it would be published to everyone).
    #[error(
        "the status list carries {0:?}, which a status list does not need; only {1} are accepted"
    )]
    ExtraMember(String, &'static str),
    /// The subject id is not the list id with `#list`.
    #[error("credentialSubject.id must be the list id followed by #list")]
    SubjectId,
    /// `validFrom` missing, later than now, or earlier than the stored list's.
    #[error("validFrom {0}")]
    ValidFrom(&'static str),
    /// `validUntil` already past.
    #[error("validUntil is already past: the list would be out of date at once")]
    Expired,
    /// A claim other than `encodedList` and `validFrom` differs from the stored list.
    #[error("the new list changes {0}, not only this credential's bit")]
    Changed(String),
    /// The bits differ elsewhere, or not to the requested value.
    #[error("{0}")]
    Bits(&'static str),
}

/// Checks a first status list for publication at `now`: only the members a status list
/// needs, a subject id of `<id>#list`, `validFrom` present and not in the future, and no
/// `validUntil` in the past.
pub fn check_published_list(
    value: &Value,
    now: DateTime<Utc>,
) -> Result<ParsedStatusList, ListPolicyError> {
    let list = parse_status_list_credential(value)
        .map_err(|e| ListPolicyError::Malformed(e.to_string()))?;
    let object = value
        .as_object()
        .ok_or_else(|| ListPolicyError::Malformed("not an object".into()))?;
    only(
        object,
        &LIST_MEMBERS,
        "@context, id, type, issuer, validFrom, validUntil and credentialSubject",
        "",
    )?;
    let subject = object
        .get("credentialSubject")
        .and_then(Value::as_object)
        .ok_or_else(|| ListPolicyError::Malformed("no credentialSubject".into()))?;
    only(
        subject,
        &SUBJECT_MEMBERS,
        "id, type, statusPurpose, encodedList and statusSize in credentialSubject",
        "credentialSubject.",
    )?;
    if subject.get("id").and_then(Value::as_str) != Some(format!("{}#list", list.id).as_str()) {
        return Err(ListPolicyError::SubjectId);
    }
    let from = list
        .valid_from
        .ok_or(ListPolicyError::ValidFrom("is missing"))?;
    if from > now + Duration::seconds(LIST_CLOCK_SKEW_SECS) {
        return Err(ListPolicyError::ValidFrom("is in the future"));
    }
    if list.valid_until.is_some_and(|u| u <= now) {
        return Err(ListPolicyError::Expired);
    }
    Ok(list)
}

/// Checks that `new` is `old` with exactly the bit at `index` set to `value` (or already
/// at it), a `validFrom` not earlier than the old one and not in the future, and every
/// other claim unchanged. Returns the parsed new list and whether the bit changed.
pub fn check_list_update(
    old: &Value,
    new: &Value,
    index: usize,
    value: bool,
    now: DateTime<Utc>,
) -> Result<(ParsedStatusList, bool), ListPolicyError> {
    let old_list =
        parse_status_list_credential(old).map_err(|e| ListPolicyError::Malformed(e.to_string()))?;
    let new_list = check_published_list(new, now)?;
    let (Some(old_object), Some(new_object)) = (old.as_object(), new.as_object()) else {
        return Err(ListPolicyError::Malformed("not an object".into()));
    };
    for name in LIST_MEMBERS {
        if name == "validFrom" {
            continue;
        }
        let (a, b) = (old_object.get(name), new_object.get(name));
        let same = if name == "credentialSubject" {
            same_subject(a, b)
        } else {
            a == b
        };
        if !same {
            return Err(ListPolicyError::Changed(name.to_owned()));
        }
    }
    if new_list.valid_from < old_list.valid_from {
        return Err(ListPolicyError::ValidFrom(
            "is earlier than the stored list's",
        ));
    }
    let (a, b) = (old_list.bits.as_bytes(), new_list.bits.as_bytes());
    if a.len() != b.len() {
        return Err(ListPolicyError::Bits("the new list has another length"));
    }
    let mut changed = false;
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        let diff = x ^ y;
        if diff == 0 {
            continue;
        }
        let expected = if i == index / 8 {
            0x80u8 >> (index % 8)
        } else {
            0
        };
        if diff != expected {
            return Err(ListPolicyError::Bits(
                "the new list differs from the stored one at other indexes than this credential's",
            ));
        }
        changed = true;
    }
    if new_list.bits.get(index).ok() != Some(value) {
        return Err(ListPolicyError::Bits(
            "the new list does not set this credential's bit to the requested value",
        ));
    }
    Ok((new_list, changed))
}

/// Every subject member but `encodedList` is the same.
fn same_subject(a: Option<&Value>, b: Option<&Value>) -> bool {
    let strip = |v: Option<&Value>| {
        v.and_then(Value::as_object).map(|o| {
            let mut o = o.clone();
            o.remove("encodedList");
            o
        })
    };
    strip(a) == strip(b)
}

fn only(
    object: &Map<String, Value>,
    allowed: &[&str],
    words: &'static str,
    prefix: &str,
) -> Result<(), ListPolicyError> {
    match object.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(extra) => Err(ListPolicyError::ExtraMember(
            format!("{prefix}{}", super::excerpt(extra)),
            words,
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::status::{status_list_credential, IssuerStatusList, StatusPurpose};

    const ISSUER: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    fn t(s: &str) -> DateTime<Utc> {
        crate::parse_time(s).unwrap()
    }

    fn now() -> DateTime<Utc> {
        t("2026-06-01T12:00:00Z")
    }

    fn list() -> IssuerStatusList {
        IssuerStatusList::new(
            "https://registry.example/status/x/revocation",
            StatusPurpose::Revocation,
        )
    }

    fn stored() -> Value {
        status_list_credential(ISSUER, &list(), t("2026-05-01T00:00:00Z"))
    }

    /// The stored list with bit 42 set, then edited.
    fn update(edit: impl FnOnce(&mut Value)) -> Value {
        let mut l = list();
        l.bits.set(42, true).unwrap();
        let mut v = status_list_credential(ISSUER, &l, t("2026-06-01T11:00:00Z"));
        edit(&mut v);
        v
    }

    fn refused(new: Value) -> ListPolicyError {
        check_list_update(&stored(), &new, 42, true, now()).unwrap_err()
    }

    #[test]
    fn an_update_that_sets_only_the_bit_and_moves_valid_from_forward_is_accepted() {
        let (parsed, changed) =
            check_list_update(&stored(), &update(|_| {}), 42, true, now()).unwrap();
        assert!(changed);
        assert!(parsed.bits.get(42).unwrap());
        // The same bit again: accepted, nothing changed.
        let (_, changed) =
            check_list_update(&update(|_| {}), &update(|_| {}), 42, true, now()).unwrap();
        assert!(!changed);
    }

    #[test]
    fn an_update_dated_in_the_future_is_refused() {
        let e = refused(update(|v| v["validFrom"] = json!("2099-01-01T00:00:00Z")));
        assert_eq!(e, ListPolicyError::ValidFrom("is in the future"));
    }

    #[test]
    fn an_update_dated_before_the_stored_list_is_refused() {
        let e = refused(update(|v| v["validFrom"] = json!("2026-04-01T00:00:00Z")));
        assert_eq!(
            e,
            ListPolicyError::ValidFrom("is earlier than the stored list's")
        );
    }

    #[test]
    fn an_update_that_adds_an_expiry_is_refused() {
        assert_eq!(
            refused(update(|v| v["validUntil"] = json!("2020-01-01T00:00:00Z"))),
            ListPolicyError::Expired
        );
        assert_eq!(
            refused(update(|v| v["validUntil"] = json!("2030-01-01T00:00:00Z"))),
            ListPolicyError::Changed("validUntil".into())
        );
    }

    #[test]
    fn an_update_that_changes_the_subject_id_is_refused() {
        let e = refused(update(|v| {
            v["credentialSubject"]["id"] = json!("urn:other#list")
        }));
        assert_eq!(e, ListPolicyError::SubjectId);
    }

    #[test]
    fn an_update_that_adds_a_claim_is_refused_naming_it() {
        let e = refused(update(|v| v["name"] = json!("Maria Santos")));
        assert!(
            matches!(&e, ListPolicyError::ExtraMember(m, _) if m == "name"),
            "{e}"
        );
        let e = refused(update(|v| {
            v["credentialSubject"]["birthDate"] = json!("1990-01-01")
        }));
        assert!(
            matches!(&e, ListPolicyError::ExtraMember(m, _) if m == "credentialSubject.birthDate"),
            "{e}"
        );
    }

    #[test]
    fn an_update_of_another_list_or_issuer_is_refused() {
        let e = refused(update(|v| v["issuer"] = json!("did:key:z6MkOther")));
        assert_eq!(e, ListPolicyError::Changed("issuer".into()));
        let e = refused(update(|v| {
            v["id"] = json!("https://registry.example/other");
            v["credentialSubject"]["id"] = json!("https://registry.example/other#list");
        }));
        assert_eq!(e, ListPolicyError::Changed("id".into()));
    }

    #[test]
    fn an_update_that_flips_other_bits_or_the_wrong_way_is_refused() {
        let mut l = list();
        l.bits.set(42, true).unwrap();
        l.bits.set(43, true).unwrap();
        let two = status_list_credential(ISSUER, &l, t("2026-06-01T11:00:00Z"));
        assert!(matches!(refused(two), ListPolicyError::Bits(_)));
        let e = check_list_update(&stored(), &update(|_| {}), 42, false, now()).unwrap_err();
        assert!(matches!(e, ListPolicyError::Bits(_)));
    }

    #[test]
    fn a_first_list_needs_valid_from_and_no_claims_beyond_a_status_list() {
        assert!(check_published_list(&stored(), now()).is_ok());
        let mut v = stored();
        v.as_object_mut().unwrap().remove("validFrom");
        assert_eq!(
            check_published_list(&v, now()).unwrap_err(),
            ListPolicyError::ValidFrom("is missing")
        );
        let mut v = stored();
        v["description"] = json!("x");
        assert!(matches!(
            check_published_list(&v, now()),
            Err(ListPolicyError::ExtraMember(..))
        ));
        assert!(matches!(
            check_published_list(&json!({"id": 1}), now()),
            Err(ListPolicyError::Malformed(_))
        ));
    }
}
