//! The bounds of every request body, in one table.
//!
//! The [`Signed`](crate::auth::Signed) extractor calls [`Bounded::bound`] on every body it
//! parses, before any handler sees it, so a body type cannot be accepted without bounds:
//! every list has a most-items, every string a longest length, and free text that the
//! registry shows publicly (names, reasons, jurisdictions) is normalised to Unicode NFC and
//! refused when it holds control characters or the bidirectional formatting characters
//! that make a name display as something other than what it is (U+202E, right-to-left
//! override, shows the rest of a name backwards). A refusal is 422 `invalid_field` naming the field.

use unicode_normalization::UnicodeNormalization as _;

use crate::error::AppError;
use crate::routes::credentials::{CreateGrant, Publish, MAX_BATCH};
use crate::routes::equivalence::{RegisterAuthority, SignedDecisionBody, MAX_DECISION_JWS_LEN};
use crate::routes::issuers::{Accredit, RegisterIssuer, RotateKey, StandingChange};
use crate::routes::status::StatusUpdate;

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
/// Longest key-possession proof, in bytes.
pub const MAX_PROOF: usize = 4096;
/// Most status lists in one publish (one per purpose).
pub const MAX_STATUS_LISTS: usize = 2;

/// A request body whose fields are bounded (and names normalised) before use.
pub trait Bounded {
    /// Checks every list and string against its bound and normalises free text in place.
    fn bound(&mut self) -> Result<(), AppError>;
}

fn invalid(message: String) -> AppError {
    AppError::unprocessable("invalid_field", message)
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
fn text(field: &str, value: &mut String, min: usize, max: usize) -> Result<(), AppError> {
    if value.len() > max * 4 {
        return Err(invalid(format!("{field} must be at most {max} characters")));
    }
    let normal: String = value.trim().nfc().collect();
    if let Some(c) = normal
        .chars()
        .find(|c| c.is_control() || is_bidi_control(*c) || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return Err(invalid(format!(
            "{field} must not contain control or bidirectional formatting characters (it holds U+{:04X})",
            u32::from(c)
        )));
    }
    let n = normal.chars().count();
    if n < min || n > max {
        return Err(invalid(if min == 0 {
            format!("{field} must be at most {max} characters")
        } else {
            format!("{field} must be {min} to {max} characters")
        }));
    }
    *value = normal;
    Ok(())
}

fn optional_text(field: &str, value: &mut Option<String>, max: usize) -> Result<(), AppError> {
    match value {
        Some(v) => text(field, v, 1, max),
        None => Ok(()),
    }
}

/// An identifier or token: at most `max` bytes, no control characters.
fn token(field: &str, value: &str, max: usize) -> Result<(), AppError> {
    if value.len() > max {
        return Err(invalid(format!("{field} must be at most {max} bytes")));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r'))
    {
        return Err(invalid(format!(
            "{field} must not contain control characters"
        )));
    }
    Ok(())
}

fn list<T>(field: &str, items: &[T], max: usize) -> Result<(), AppError> {
    if items.len() > max {
        return Err(invalid(format!(
            "{field} has {} items; at most {max} are accepted",
            items.len()
        )));
    }
    Ok(())
}

fn scope(field: &str, items: &[String]) -> Result<(), AppError> {
    list(field, items, MAX_SCOPE_ITEMS)?;
    items
        .iter()
        .try_for_each(|item| token(&format!("{field} item"), item, MAX_SCOPE_ITEM))
}

impl Bounded for RegisterIssuer {
    fn bound(&mut self) -> Result<(), AppError> {
        text("name", &mut self.name, 1, MAX_NAME)?;
        token("country", &self.country, MAX_COUNTRY)?;
        optional_text("contact", &mut self.contact, MAX_TEXT)?;
        scope("requestedScope", &self.requested_scope)
    }
}

impl Bounded for Accredit {
    fn bound(&mut self) -> Result<(), AppError> {
        scope("scope", &self.scope)
    }
}

impl Bounded for StandingChange {
    fn bound(&mut self) -> Result<(), AppError> {
        optional_text("reason", &mut self.reason, MAX_TEXT)
    }
}

impl Bounded for RotateKey {
    fn bound(&mut self) -> Result<(), AppError> {
        token("newKey", &self.new_key, MAX_DID)?;
        token("proof", &self.proof, MAX_PROOF)
    }
}

impl Bounded for Publish {
    fn bound(&mut self) -> Result<(), AppError> {
        if self.credentials.len() > MAX_BATCH {
            return Err(AppError::unprocessable(
                "batch_too_large",
                format!("at most {MAX_BATCH} credentials per request"),
            ));
        }
        self.credentials
            .iter()
            .try_for_each(|c| token("credentials item", c, credential_core::jws::MAX_JWS_LEN))?;
        list("statusLists", &self.status_lists, MAX_STATUS_LISTS)?;
        self.status_lists.iter().try_for_each(|l| {
            token(
                "statusLists item",
                l,
                credential_core::trust::MAX_STATUS_LIST_JWS_LEN,
            )
        })
    }
}

impl Bounded for CreateGrant {
    fn bound(&mut self) -> Result<(), AppError> {
        token("grantee", &self.grantee, MAX_DID)
    }
}

impl Bounded for StatusUpdate {
    fn bound(&mut self) -> Result<(), AppError> {
        token(
            "statusList",
            &self.status_list,
            credential_core::trust::MAX_STATUS_LIST_JWS_LEN,
        )
    }
}

impl Bounded for RegisterAuthority {
    fn bound(&mut self) -> Result<(), AppError> {
        token("id", &self.id, MAX_DID)?;
        text("name", &mut self.name, 1, MAX_NAME)?;
        token("country", &self.country, MAX_COUNTRY)?;
        text("jurisdiction", &mut self.jurisdiction, 0, MAX_TEXT)
    }
}

impl Bounded for SignedDecisionBody {
    fn bound(&mut self) -> Result<(), AppError> {
        token("jws", &self.jws, MAX_DECISION_JWS_LEN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Result<String, String> {
        let mut v = s.to_owned();
        text("name", &mut v, 1, MAX_NAME)
            .map(|()| v)
            .map_err(|e| e.code().to_owned())
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
            assert_eq!(name(bad).unwrap_err(), "invalid_field", "{bad:?}");
        }
    }

    #[test]
    fn a_name_of_201_characters_is_refused_and_one_of_200_accepted() {
        assert!(name(&"é".repeat(200)).is_ok());
        assert!(name(&"é".repeat(201)).is_err());
    }
}
