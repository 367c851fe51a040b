//! The bounds of request bodies: the limits, in one table, and the checks each body's
//! [`Bounded`] impl (next to the body type, in its route module) is made of.
//!
//! The [`Signed`](crate::auth::Signed) extractor calls [`Bounded::bound`] on every body it
//! parses, before any handler sees it, so a body type cannot be accepted without bounds:
//! every list has a most-items, every string a longest length, and free text that the
//! registry shows publicly (names, reasons, jurisdictions) is normalised to Unicode NFC and
//! refused when it holds control characters or the bidirectional formatting characters
//! that make a name display as something other than what it is (U+202E, right-to-left
//! override, shows the rest of a name backwards). A refusal is 422 `invalid_field` naming the field.

use credential_core::signed::Kind as _;
use unicode_normalization::UnicodeNormalization as _;

use credential_core::i18n::Msg;

use crate::error::{AppError, ErrorCode};

/// Longest name (an institution's, an authority's), in characters.
pub const MAX_NAME: usize = 200;
/// Longest free text (contact, reason, jurisdiction), in characters.
pub const MAX_TEXT: usize = 500;
/// Most scope items in a registration or an accreditation.
pub const MAX_SCOPE_ITEMS: usize = 16;
/// Longest scope item (`TYPE:MAX-LEVEL`), in bytes.
pub const MAX_SCOPE_ITEM: usize = 100;
/// Longest DID, in bytes.
pub const MAX_DID: usize = 200;
/// Longest country code, in bytes (the handlers check it is ISO 3166-1 alpha-2).
pub const MAX_COUNTRY: usize = 8;
/// Longest key-possession proof, in bytes: core's bound for the kind.
pub const MAX_PROOF: usize = credential_core::signed::KeyProofJwt::MAX_LEN;
/// Most status lists in one publish (one per purpose).
pub const MAX_STATUS_LISTS: usize = 2;
/// Most credentials in one publish request.
pub const MAX_BATCH: usize = 1000;
/// Longest signed decision, in bytes: the bound the bundle verifier applies to each.
pub const MAX_DECISION_JWS: usize = credential_core::signed::DecisionJwt::MAX_LEN;
/// Longest signed credential, in bytes: the bound offline verifiers apply.
pub const MAX_CREDENTIAL_JWS: usize = credential_core::signed::CredentialJwt::MAX_LEN;
/// Longest signed status list, in bytes: the bound offline verifiers apply.
pub const MAX_STATUS_LIST_JWS: usize = credential_core::signed::UploadedStatusListJwt::MAX_LEN;

/// A request body whose fields are bounded (and names normalised) before use.
pub trait Bounded {
    /// Checks every list and string against its bound and normalises free text in place.
    fn bound(&mut self) -> Result<(), AppError>;
}

fn invalid(msg: Msg) -> AppError {
    AppError::said(ErrorCode::InvalidField, msg)
}

/// The message `id` about the field `field`.
fn about(id: &'static str, field: &str) -> Msg {
    Msg::new(id).arg("field", field)
}

/// Whether `c` reorders or hides text when displayed: the bidirectional embedding,
/// override and isolate controls and the directional marks.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Text people read: trimmed, NFC, `min..=max` characters, no control, line-separator or
/// bidirectional formatting characters.
pub(crate) fn text(
    field: &str,
    value: &mut String,
    min: usize,
    max: usize,
) -> Result<(), AppError> {
    if value.len() > max * 4 {
        return Err(invalid(about("reg-field-max-chars", field).arg("max", max)));
    }
    let normal: String = value.trim().nfc().collect();
    if let Some(c) = normal
        .chars()
        .find(|c| c.is_control() || is_bidi_control(*c) || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return Err(invalid(
            about("reg-field-bidi", field).arg("char", format!("U+{:04X}", u32::from(c))),
        ));
    }
    let n = normal.chars().count();
    if n < min || n > max {
        return Err(invalid(if min == 0 {
            about("reg-field-max-chars", field).arg("max", max)
        } else {
            about("reg-field-chars", field)
                .arg("min", min)
                .arg("max", max)
        }));
    }
    *value = normal;
    Ok(())
}

/// [`text`] of 1 to `max` characters, when present.
pub(crate) fn optional_text(
    field: &str,
    value: &mut Option<String>,
    max: usize,
) -> Result<(), AppError> {
    match value {
        Some(v) => text(field, v, 1, max),
        None => Ok(()),
    }
}

/// An identifier or token: at most `max` bytes, no control characters.
pub(crate) fn token(field: &str, value: &str, max: usize) -> Result<(), AppError> {
    if value.len() > max {
        return Err(invalid(about("reg-field-max-bytes", field).arg("max", max)));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r'))
    {
        return Err(invalid(about("reg-field-control", field)));
    }
    Ok(())
}

/// Longest free text a handler accepts, in characters: names, contacts, reasons and
/// jurisdictions are bounded to [`MAX_TEXT`] when the body is read and to this once the
/// handler has checked the signer's role (the order in which refusals come is part of
/// the API).
pub const MAX_SHORT_TEXT: usize = 200;

/// A required free-text field: 1 to [`MAX_SHORT_TEXT`] characters, not only spaces.
pub(crate) fn check_text(name: &str, value: &str) -> Result<(), AppError> {
    if value.trim().is_empty() || value.chars().count() > MAX_SHORT_TEXT {
        return Err(invalid(
            about("reg-field-chars", name)
                .arg("min", 1_usize)
                .arg("max", MAX_SHORT_TEXT),
        ));
    }
    Ok(())
}

/// A list of at most `max` items.
pub(crate) fn list<T>(field: &str, items: &[T], max: usize) -> Result<(), AppError> {
    if items.len() > max {
        return Err(invalid(
            about("reg-field-items", field)
                .arg("count", items.len())
                .arg("max", max),
        ));
    }
    Ok(())
}

/// A list of `TYPE[:MAX-LEVEL]` scope items (their form is checked by the handler).
pub(crate) fn scope(field: &str, items: &[String]) -> Result<(), AppError> {
    list(field, items, MAX_SCOPE_ITEMS)?;
    items
        .iter()
        .try_for_each(|item| token(&format!("{field} item"), item, MAX_SCOPE_ITEM))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Result<String, ErrorCode> {
        let mut v = s.to_owned();
        text("name", &mut v, 1, MAX_NAME)
            .map(|()| v)
            .map_err(|e| e.code())
    }

    #[test]
    fn names_are_trimmed_and_normalised_to_nfc() {
        // "é" as e + combining acute becomes the one precomposed character.
        assert_eq!(name("  Cole\u{301}gio  ").unwrap(), "Col\u{e9}gio");
    }

    #[test]
    fn names_with_control_or_bidirectional_characters_are_refused() {
        for bad in [
            "College\u{202E}gpj.exe",
            "A\u{0}B",
            "A\u{7}B",
            "Line\nbreak",
            "Iso\u{2066}late",
            "Mark\u{200F}",
            "Sep\u{2028}arator",
        ] {
            assert_eq!(name(bad).unwrap_err().as_str(), "invalid_field", "{bad:?}");
        }
    }

    #[test]
    fn a_name_of_201_characters_is_refused_and_one_of_200_accepted() {
        assert!(name(&"é".repeat(200)).is_ok());
        assert!(name(&"é".repeat(201)).is_err());
    }
}
