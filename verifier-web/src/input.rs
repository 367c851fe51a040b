//! What the page was given, told apart exactly as `skillpass verify` tells its inputs apart:
//! a link's fragment is read first (`…/v#SP1:…`, `…/v#<JWS>`); `SP1:` paper text is decoded
//! back to the issuer's JWS (as `verify --qr-text`); then a holder-signed presentation
//! (`typ` `vp+jwt`), an SD-JWT (`<JWS>~<disclosure>~…`), or else a credential. Text is
//! bounded and trimmed the way the command line reads a file, so both give the verifier
//! the same bytes.

use credential_core::jws::{UnverifiedJws, MAX_JWS_LEN};
use credential_core::paper;
use credential_core::presentation::{MAX_PRESENTATION_LEN, TYP_VP};
use credential_core::sdjwt::MAX_SD_JWT_LEN;

use crate::problem::Problem;

/// What a piece of input holds, ready for its verifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// A compact `vc+jwt` credential (or anything else, which its checks will refuse).
    Credential {
        /// The JWS text.
        jws: String,
        /// Whether it came from paper text (`SP1:`), directly or through a link.
        paper: bool,
    },
    /// An SD-JWT, issued or presented.
    SdJwt(String),
    /// A holder-signed presentation.
    Presentation(String),
}

/// How the input arrived, as the page names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// Text pasted, typed or scanned from a QR code.
    Text,
    /// The bytes of a file.
    File,
}

/// Reads `bytes` as the command line reads an input file: each mode looks at no more than
/// its own limit (plus the same 1 KiB of slack), invalid UTF-8 becomes replacement
/// characters, and surrounding white space is dropped. A link or paper text is read first.
pub fn read(bytes: &[u8], arrival: Arrival) -> Result<Given, Problem> {
    let whole = lossy(bytes, usize::MAX);
    if whole.is_empty() {
        return Err(match arrival {
            Arrival::File => Problem::EmptyFile,
            Arrival::Text => Problem::NothingGiven,
        });
    }
    let (text, from_link) = match paper::link_fragment(&whole) {
        Ok(Some(fragment)) => (fragment.trim().to_owned(), true),
        Ok(None) => (whole, false),
        Err(e) => return Err(Problem::Link(e.to_string())),
    };
    if text.is_empty() {
        return Err(Problem::EmptyLink);
    }
    if text.starts_with(paper::QR_PREFIX) {
        return paper::decode(&text)
            .map(|jws| Given::Credential { jws, paper: true })
            .map_err(|e| Problem::Paper(e.to_string()));
    }
    // Read the way `skillpass verify FILE` reads a file: presentation first, then SD-JWT,
    // then a credential, each within its own limit.
    let bytes = text.as_bytes();
    let as_presentation = if from_link {
        text.clone()
    } else {
        lossy(bytes, MAX_PRESENTATION_LEN)
    };
    if looks_like_presentation(&as_presentation) {
        return Ok(Given::Presentation(as_presentation));
    }
    let as_sd_jwt = if from_link {
        text.clone()
    } else {
        lossy(bytes, MAX_SD_JWT_LEN)
    };
    if looks_like_sd_jwt(&as_sd_jwt) {
        return Ok(Given::SdJwt(as_sd_jwt));
    }
    let jws = if from_link {
        text
    } else {
        lossy(bytes, MAX_JWS_LEN)
    };
    Ok(Given::Credential { jws, paper: false })
}

/// At most `max` + 1 KiB of `bytes`, as lossy UTF-8, trimmed (`files::read_input` of the
/// command line).
fn lossy(bytes: &[u8], max: usize) -> String {
    let limit = max.saturating_add(1024).min(bytes.len());
    let head = bytes.get(..limit).unwrap_or(bytes);
    String::from_utf8_lossy(head).trim().to_owned()
}

/// A JWS whose header says `vp+jwt` (the command line's test, on the same text).
fn looks_like_presentation(text: &str) -> bool {
    UnverifiedJws::parse(text, MAX_PRESENTATION_LEN)
        .is_ok_and(|jws| jws.header().typ.as_deref() == Some(TYP_VP))
}

/// `<JWS>~<disclosure>~…~[<KB-JWT>]` with every piece base64url (the command line's test).
fn looks_like_sd_jwt(text: &str) -> bool {
    let b64url = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
    };
    let mut pieces = text.split('~');
    let jws = pieces.next().unwrap_or_default();
    text.contains('~') && jws.matches('.').count() == 2 && b64url(jws) && pieces.all(b64url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_is_a_problem_not_a_verdict() {
        assert_eq!(read(b"  \n", Arrival::File), Err(Problem::EmptyFile));
        assert_eq!(read(b"", Arrival::Text), Err(Problem::NothingGiven));
        assert_eq!(
            read(b"https://r.example/v#  ", Arrival::Text),
            Err(Problem::EmptyLink)
        );
    }

    #[test]
    fn a_link_is_read_by_its_fragment() {
        let given = read(b"https://r.example/v#a.b.c", Arrival::Text).unwrap();
        assert_eq!(
            given,
            Given::Credential {
                jws: "a.b.c".into(),
                paper: false
            }
        );
        assert!(matches!(
            read(b"https://r.example/v#%zz", Arrival::Text),
            Err(Problem::Link(_))
        ));
    }

    #[test]
    fn paper_text_that_does_not_decode_is_a_problem_with_the_reason() {
        assert!(matches!(
            read(b"SP1:abc", Arrival::Text),
            Err(Problem::Paper(m)) if m.contains("base45")
        ));
        assert!(matches!(
            read(b"https://r.example/v#SP1:%20", Arrival::Text),
            Err(Problem::Paper(_))
        ));
    }

    #[test]
    fn an_sd_jwt_is_told_from_a_credential_by_its_tildes() {
        assert_eq!(
            read(b"a.b.c~d~", Arrival::Text).unwrap(),
            Given::SdJwt("a.b.c~d~".into())
        );
        // Garbage with a ~ goes to the credential checks, as on the command line.
        assert!(matches!(
            read(b"not a jws ~ at all", Arrival::Text).unwrap(),
            Given::Credential { .. }
        ));
    }

    #[test]
    fn a_file_is_cut_where_the_command_line_stops_reading() {
        let big = vec![b'A'; 10 * 1024 * 1024];
        let Given::Credential { jws, .. } = read(&big, Arrival::File).unwrap() else {
            panic!("a credential");
        };
        assert_eq!(jws.len(), MAX_JWS_LEN + 1024);
    }
}
