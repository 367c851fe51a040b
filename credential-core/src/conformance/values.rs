//! The value forms the data model names: a URL, an XML Schema `dateTimeStamp`, a type
//! (terms or URLs), a language value object.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone as _, Utc};
use serde_json::Value;

/// Whether `s` is a URL in the data model's sense: an absolute IRI (RFC 3987) with a
/// scheme (`https:`, `did:`, `urn:`, …).
pub(crate) fn is_url(s: &str) -> bool {
    json_ld::IriBuf::new(s.to_owned()).is_ok()
}

/// Whether `v` is a single URL string.
pub(crate) fn is_url_value(v: &Value) -> bool {
    v.as_str().is_some_and(is_url)
}

/// Whether `v` is one or more terms or URLs: a non-empty string or a non-empty array of
/// them. (Whether each term is defined, and each URL absolute, JSON-LD expansion decides.)
pub(crate) fn is_type_value(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => {
            !items.is_empty()
                && items
                    .iter()
                    .all(|t| t.as_str().is_some_and(|s| !s.is_empty()))
        }
        _ => false,
    }
}

/// The strings of a `type` value (empty when it has none).
pub(crate) fn type_names(v: Option<&Value>) -> Vec<&str> {
    match v {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Whether `v` is a string, a language value object (`@value` a string, optionally
/// `@language` and `@direction` `ltr`/`rtl`, nothing else), or a non-empty array of those
/// (VC 2.0 §4.6, §11.1).
pub(crate) fn is_language_value(v: &Value) -> bool {
    fn one(v: &Value) -> bool {
        match v {
            Value::String(_) => true,
            Value::Object(o) => {
                o.get("@value").is_some_and(Value::is_string)
                    && o.get("@language").is_none_or(|l| {
                        l.as_str()
                            .is_some_and(|s| !s.is_empty() && is_language_tag(s))
                    })
                    && o.get("@direction")
                        .is_none_or(|d| matches!(d.as_str(), Some("ltr" | "rtl")))
                    && o.keys()
                        .all(|k| matches!(k.as_str(), "@value" | "@language" | "@direction"))
            }
            _ => false,
        }
    }
    match v {
        Value::Array(items) => !items.is_empty() && items.iter().all(one),
        other => one(other),
    }
}

/// A BCP 47 tag's shape: subtags of 1–8 letters or digits joined by `-`, the first of
/// letters.
fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Parses an XML Schema 1.1 `dateTimeStamp`: `[-]YYYY-MM-DDThh:mm:ss[.s+]` followed by a
/// time zone (`Z` or `±hh:mm`, at most 14:00), which is required. Years of more than four
/// digits are allowed (without a leading zero), `24:00:00` is the end of the day. Returns
/// the instant, or `None` when `s` is not in that form or names no real date.
pub fn parse_date_time_stamp(s: &str) -> Option<DateTime<Utc>> {
    let (negative, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let year_len = rest.find('-')?;
    let year_digits = rest.get(..year_len)?;
    if year_len < 4
        || !year_digits.bytes().all(|b| b.is_ascii_digit())
        || (year_len > 4 && year_digits.starts_with('0'))
    {
        return None;
    }
    let rest = rest.get(year_len..)?;
    let b = rest.as_bytes();
    // "-MM-DDThh:mm:ss" is 15 bytes.
    if b.len() < 15
        || b.first() != Some(&b'-')
        || b.get(3) != Some(&b'-')
        || b.get(6) != Some(&b'T')
        || b.get(9) != Some(&b':')
        || b.get(12) != Some(&b':')
    {
        return None;
    }
    let two = |at: usize| -> Option<u32> {
        let d = rest.get(at..at + 2)?;
        if d.bytes().all(|c| c.is_ascii_digit()) {
            d.parse().ok()
        } else {
            None
        }
    };
    let (month, day, hour, minute, second) = (two(1)?, two(4)?, two(7)?, two(10)?, two(13)?);
    let mut tail = rest.get(15..)?;
    let mut nanos: u32 = 0;
    let mut fraction_zero = true;
    if let Some(f) = tail.strip_prefix('.') {
        let digits = f.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let frac = f.get(..digits)?;
        fraction_zero = frac.bytes().all(|c| c == b'0');
        let mut padded: String = frac.chars().take(9).collect();
        while padded.len() < 9 {
            padded.push('0');
        }
        nanos = padded.parse().ok()?;
        tail = f.get(digits..)?;
    }
    let offset_seconds: i32 = match tail {
        "Z" => 0,
        tz => {
            let tb = tz.as_bytes();
            if tb.len() != 6 || tb.get(3) != Some(&b':') {
                return None;
            }
            let sign = match tb.first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            let hh: i32 = tz.get(1..3)?.parse().ok()?;
            let mm: i32 = tz.get(4..6)?.parse().ok()?;
            if !tz.get(1..3)?.bytes().all(|c| c.is_ascii_digit())
                || !tz.get(4..6)?.bytes().all(|c| c.is_ascii_digit())
                || mm > 59
                || hh * 60 + mm > 14 * 60
            {
                return None;
            }
            sign * (hh * 3600 + mm * 60)
        }
    };
    let year: i32 = year_digits.parse().ok()?;
    let year = if negative { -year } else { year };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let (date, time) = if hour == 24 {
        if minute != 0 || second != 0 || !fraction_zero {
            return None;
        }
        (date.succ_opt()?, NaiveTime::MIN)
    } else {
        (
            date,
            NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?,
        )
    };
    if second > 59 {
        return None;
    }
    let offset = FixedOffset::east_opt(offset_seconds)?;
    let local = offset.from_local_datetime(&date.and_time(time)).single()?;
    Some(local.with_timezone(&Utc))
}
