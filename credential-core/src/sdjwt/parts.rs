//! The `~` structure of an SD-JWT: `<JWS>~<d1>~…~<dn>~[<KB-JWT>]`.

use crate::jws::MAX_JWS_LEN;

/// Largest SD-JWT (with disclosures and key binding) accepted, bytes.
pub const MAX_SD_JWT_LEN: usize = 2 * MAX_JWS_LEN;
/// Most disclosures accepted in one SD-JWT.
pub const MAX_DISCLOSURES: usize = 64;

/// Why a text is not an SD-JWT. The messages are report details.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SplitError {
    /// Longer than [`MAX_SD_JWT_LEN`].
    #[error("{0} bytes is over the {MAX_SD_JWT_LEN}-byte limit")]
    TooLarge(usize),
    /// No `~` at all: a plain JWS, not an SD-JWT.
    #[error("an SD-JWT has `~` separators")]
    NoSeparator,
    /// Two `~` in a row.
    #[error("an empty disclosure between `~~`")]
    EmptyDisclosure,
    /// More than [`MAX_DISCLOSURES`].
    #[error("{0} disclosures: at most {MAX_DISCLOSURES} are accepted")]
    TooManyDisclosures(usize),
}

/// An SD-JWT split into its parts (not verified).
#[derive(Debug, Clone)]
pub struct SdJwtParts<'a> {
    /// The issuer-signed JWS.
    pub jws: &'a str,
    /// The disclosures as they travel.
    pub disclosures: Vec<&'a str>,
    /// The key-binding JWT, when present.
    pub key_binding: Option<&'a str>,
    /// Everything the `sd_hash` covers: the JWS and disclosures, each followed by `~`.
    pub hashed: &'a str,
}

/// Splits `<JWS>~<d1>~…~<dn>~[<KB-JWT>]`.
pub fn split(text: &str) -> Result<SdJwtParts<'_>, SplitError> {
    if text.len() > MAX_SD_JWT_LEN {
        return Err(SplitError::TooLarge(text.len()));
    }
    let last = text.rfind('~').ok_or(SplitError::NoSeparator)?;
    let hashed = text.get(..=last).unwrap_or_default();
    let kb = text.get(last + 1..).unwrap_or_default();
    // `hashed` ends with `~`, so the last piece is always empty.
    let mut pieces: Vec<&str> = hashed.split('~').collect();
    pieces.pop();
    let (jws, disclosures) = match pieces.split_first() {
        Some((jws, rest)) => (*jws, rest.to_vec()),
        None => ("", Vec::new()),
    };
    if disclosures.iter().any(|d| d.is_empty()) {
        return Err(SplitError::EmptyDisclosure);
    }
    if disclosures.len() > MAX_DISCLOSURES {
        return Err(SplitError::TooManyDisclosures(disclosures.len()));
    }
    Ok(SdJwtParts {
        jws,
        disclosures,
        key_binding: (!kb.is_empty()).then_some(kb),
        hashed,
    })
}
