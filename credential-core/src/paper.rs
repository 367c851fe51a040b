//! The paper encoding of a credential: the text a QR code on a printed card carries.
//!
//! `SP1:` + base45 (RFC 9285) of zlib (RFC 1950, deflate at the best level) of a small
//! binary container of the JWS's *decoded* parts:
//!
//! ```text
//! u16 big-endian header length | header JSON | signature (64 bytes; 96 for ES384, 132 for ES512) | payload JSON
//! ```
//!
//! Why this shape:
//! - The JSON is compressed, not its base64url text: base64url carries 6 bits per
//!   character, which deflate cannot squeeze much, while credential JSON (repeated keys,
//!   English text) shrinks to about half.
//! - The exact signed bytes are kept, and base64url without padding is canonical, so the
//!   decoder rebuilds the issuer's compact JWS byte for byte and the ordinary verifier
//!   checks it: nothing about trust changes on paper.
//! - base45's alphabet (`0-9 A-Z space $%*+-./:`) is exactly the QR alphanumeric set,
//!   which packs 11 bits per 2 characters: 2 bytes take 3 characters = 16.5 bits, a 3 %
//!   overhead, against 33 % for base64 in byte mode or 11 % for the numeric-mode scheme of
//!   SMART Health Cards. The EU Digital COVID Certificate made the same choice (`HC1:` +
//!   base45 + zlib), so scanners and libraries for it exist everywhere.
//! - `SP1:` names the scheme and its version; `:` is itself in the alphanumeric set.
//!
//! **The link form** ([`to_link`], [`link_fragment`]): `https://REGISTRY/v#SP1:…`, so that a
//! phone camera opens the registry's verifier page, which reads the credential from the
//! URL *fragment* (a browser never sends a fragment to a server). Two characters of the
//! paper alphabet cannot stand as they are in a URL: a space ends a URL for QR scanners
//! (ZXing-based ones refuse a URI with a space) and is sent as `%20` by browsers, and `%`
//! starts an escape. So exactly those two are percent-encoded (`%20`, `%25`); every other
//! character of the alphabet is allowed in a fragment, and the text stays in the QR
//! alphanumeric set (the URL prefix goes in a byte-mode segment before it).

use std::io::{Read as _, Write as _};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;

use crate::alg::Algorithm;
use crate::jws::MAX_JWS_LEN;
use crate::signed::{self, CredentialJwt};

/// The scheme and version prefix of the paper encoding.
pub const QR_PREFIX: &str = "SP1:";
/// The most characters a QR code holds in alphanumeric mode (version 40, level L).
pub const MAX_QR_TEXT: usize = 4296;

/// Why a credential could not be put on paper or read back.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum PaperError {
    /// Not a compact JWS credential (SD-JWTs are presented, not printed).
    #[error("only a compact vc+jwt credential can be printed: {0}")]
    NotAJws(String),
    /// The text does not start with `SP1:`.
    #[error("not a Skillpass paper code (it should start with {QR_PREFIX})")]
    Prefix,
    /// Longer than any QR code holds.
    #[error("{0} characters is more than a QR code holds")]
    TooLong(usize),
    /// Not valid base45.
    #[error("the code is not valid base45")]
    Base45,
    /// The compressed data is damaged or too large.
    #[error("the compressed credential is damaged or too large")]
    Compression,
    /// The container inside is malformed.
    #[error("the credential container is malformed")]
    Container,
}

/// Encodes a compact JWS credential as paper text (`SP1:…`).
pub fn encode(jws: &str) -> Result<String, PaperError> {
    let jws = jws.trim();
    if jws.contains('~') {
        return Err(PaperError::NotAJws(
            "an SD-JWT; print the plain credential".into(),
        ));
    }
    let parsed =
        signed::parse::<CredentialJwt>(jws).map_err(|e| PaperError::NotAJws(e.to_string()))?;
    let header_b64 = jws.split('.').next().unwrap_or_default();
    let header = URL_SAFE_NO_PAD
        .decode(header_b64)
        .map_err(|_| PaperError::NotAJws("header".into()))?;
    let header_len =
        u16::try_from(header.len()).map_err(|_| PaperError::NotAJws("header too long".into()))?;
    let mut container =
        Vec::with_capacity(2 + header.len() + parsed.signature().len() + parsed.payload().len());
    container.extend_from_slice(&header_len.to_be_bytes());
    container.extend_from_slice(&header);
    container.extend_from_slice(parsed.signature());
    container.extend_from_slice(parsed.payload());
    let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
    z.write_all(&container)
        .map_err(|_| PaperError::Compression)?;
    let compressed = z.finish().map_err(|_| PaperError::Compression)?;
    let text = format!("{QR_PREFIX}{}", base45::encode(compressed));
    if text.len() > MAX_QR_TEXT {
        return Err(PaperError::TooLong(text.len()));
    }
    Ok(text)
}

/// Decodes paper text back to the issuer's compact JWS, byte for byte (not verified: hand
/// the result to [`crate::Verifier::verify`]).
pub fn decode(text: &str) -> Result<String, PaperError> {
    let text = text.trim();
    if text.len() > MAX_QR_TEXT {
        return Err(PaperError::TooLong(text.len()));
    }
    let body = text.strip_prefix(QR_PREFIX).ok_or(PaperError::Prefix)?;
    let compressed = base45::decode(body).map_err(|_| PaperError::Base45)?;
    // Bound the output: a small code must not inflate into gigabytes.
    let mut container = Vec::new();
    ZlibDecoder::new(compressed.as_slice())
        .take(MAX_JWS_LEN as u64 + 1)
        .read_to_end(&mut container)
        .map_err(|_| PaperError::Compression)?;
    if container.len() > MAX_JWS_LEN {
        return Err(PaperError::Compression);
    }
    let (len, rest) = container
        .split_first_chunk::<2>()
        .ok_or(PaperError::Container)?;
    let header_len = usize::from(u16::from_be_bytes(*len));
    if rest.len() < header_len {
        return Err(PaperError::Container);
    }
    let (header, rest) = rest.split_at(header_len);
    // The signature's length is its algorithm's (64 bytes, 96 for ES384, 132 for ES512), named in the
    // header; an algorithm off the allow-list is no credential to decode.
    let signature_len = serde_json::from_slice::<serde_json::Value>(header)
        .ok()
        .and_then(|h| h.get("alg")?.as_str().and_then(Algorithm::from_name))
        .ok_or(PaperError::Container)?
        .signature_len();
    if rest.len() < signature_len {
        return Err(PaperError::Container);
    }
    let (signature, payload) = rest.split_at(signature_len);
    let mut jws = URL_SAFE_NO_PAD.encode(header);
    jws.push('.');
    URL_SAFE_NO_PAD.encode_string(payload, &mut jws);
    jws.push('.');
    URL_SAFE_NO_PAD.encode_string(signature, &mut jws);
    Ok(jws)
}

/// Longest verifier page URL accepted in front of a link's fragment.
pub const MAX_VERIFY_URL: usize = 200;

/// Why a verifier page URL cannot carry a paper code.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinkError {
    /// Not an `http://` or `https://` URL of at most [`MAX_VERIFY_URL`] printable
    /// characters without spaces.
    #[error(
        "the verifier page URL must start with https:// (or http://), hold no spaces and be \
         at most {MAX_VERIFY_URL} characters, e.g. https://registry.example.org/v"
    )]
    Url,
    /// The URL already has a fragment (`#…`): the credential goes there.
    #[error("the verifier page URL must not contain '#': the credential is put after it")]
    Fragment,
    /// A `%` not followed by two hexadecimal digits, or an escape that is not UTF-8.
    #[error("the link is damaged: a % in it is not followed by two hexadecimal digits")]
    Escape,
    /// The link is longer than any QR code holds.
    #[error("{0} characters is more than a QR code holds")]
    TooLong(usize),
}

/// The link that opens the verifier page at `verify_url` on the credential in paper text
/// `text` (`SP1:…`): `verify_url#SP1:…` with spaces and `%` percent-encoded.
pub fn to_link(verify_url: &str, text: &str) -> Result<String, LinkError> {
    let url = verify_url.trim();
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    if !scheme_ok
        || url.len() > MAX_VERIFY_URL
        || url.len() <= "https://".len()
        || !url.chars().all(|c| c.is_ascii_graphic())
    {
        return Err(LinkError::Url);
    }
    if url.contains('#') {
        return Err(LinkError::Fragment);
    }
    let mut link = String::with_capacity(url.len() + 1 + text.len() * 11 / 10);
    link.push_str(url);
    link.push('#');
    for c in text.chars() {
        match c {
            ' ' => link.push_str("%20"),
            '%' => link.push_str("%25"),
            c => link.push(c),
        }
    }
    if link.len() > MAX_QR_TEXT {
        return Err(LinkError::TooLong(link.len()));
    }
    Ok(link)
}

/// The decoded fragment of a link (`…#fragment`), or `None` when `text` is no `http(s)://`
/// URL with a fragment. The fragment is what the page or the scanner verifies: `SP1:` paper
/// text, a compact JWS or an SD-JWT.
pub fn link_fragment(text: &str) -> Result<Option<String>, LinkError> {
    let text = text.trim();
    let is_url = text.starts_with("https://") || text.starts_with("http://");
    let Some((_, fragment)) = text.split_once('#').filter(|_| is_url) else {
        return Ok(None);
    };
    if fragment.len() > MAX_QR_TEXT * 3 {
        return Err(LinkError::TooLong(fragment.len()));
    }
    percent_decode(fragment).map(Some)
}

/// `%XX` escapes back to bytes; the result must be UTF-8.
fn percent_decode(s: &str) -> Result<String, LinkError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(LinkError::Escape)?;
            let hex = std::str::from_utf8(hex).map_err(|_| LinkError::Escape)?;
            if !hex.bytes().all(|h| h.is_ascii_hexdigit()) {
                return Err(LinkError::Escape);
            }
            out.push(u8::from_str_radix(hex, 16).map_err(|_| LinkError::Escape)?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| LinkError::Escape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::Fixture;
    use crate::Verdict;

    #[test]
    fn an_es384_credential_goes_on_paper_and_comes_back_byte_for_byte() {
        let f = Fixture::new();
        let key = crate::SecretKey::generate_for(Algorithm::Es384);
        let doc = f.document_for(&f.holder.public().did());
        let jws = crate::sign_document(&key, &key.public().did_url(), &doc).unwrap();
        let text = encode(&jws).unwrap();
        assert_eq!(decode(&text).unwrap(), jws);
        // And an EdDSA one still does, beside it.
        let eddsa = f.issue_to(&f.holder.public().did());
        assert_eq!(decode(&encode(&eddsa).unwrap()).unwrap(), eddsa);
    }

    #[test]
    fn a_link_carries_the_paper_text_in_its_fragment_and_gives_it_back() {
        let f = Fixture::new();
        let text = encode(&f.issue_to(&f.holder.public().did())).unwrap();
        let link = to_link("https://registry.example.org/v", &text).unwrap();
        assert!(link.starts_with("https://registry.example.org/v#SP1:"));
        let fragment = link.split_once('#').unwrap().1;
        assert!(!fragment.contains(' '), "{fragment}");
        // Every character left is in the QR alphanumeric set: the code stays compact.
        assert!(fragment
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || "$%*+-./:".contains(c)));
        assert_eq!(
            link_fragment(&link).unwrap().as_deref(),
            Some(text.as_str())
        );
    }

    #[test]
    fn only_space_and_percent_are_escaped_in_a_link() {
        let link = to_link("http://127.0.0.1:8080/v", "SP1:A B%C$*+-./:").unwrap();
        assert_eq!(link, "http://127.0.0.1:8080/v#SP1:A%20B%25C$*+-./:");
        assert_eq!(
            link_fragment(&link).unwrap().as_deref(),
            Some("SP1:A B%C$*+-./:")
        );
    }

    #[test]
    fn a_verifier_url_that_cannot_carry_a_code_is_refused_with_what_to_give() {
        for bad in [
            "registry.example.org/v",
            "ftp://registry.example.org/v",
            "https://",
            "https://registry example.org/v",
            &format!("https://{}", "a".repeat(MAX_VERIFY_URL)),
        ] {
            assert_eq!(to_link(bad, "SP1:AB"), Err(LinkError::Url), "{bad}");
        }
        assert_eq!(
            to_link("https://r.example/v#x", "SP1:AB"),
            Err(LinkError::Fragment)
        );
        assert!(matches!(
            to_link("https://r.example/v", &"A".repeat(MAX_QR_TEXT)),
            Err(LinkError::TooLong(_))
        ));
    }

    #[test]
    fn text_that_is_no_link_has_no_fragment_and_a_damaged_escape_is_refused() {
        assert_eq!(link_fragment("SP1:ABC").unwrap(), None);
        assert_eq!(link_fragment("https://r.example/v").unwrap(), None);
        assert_eq!(link_fragment("eyJ.eyJ.sig#x").unwrap(), None);
        for damaged in [
            "https://r.example/v#SP1:%2",
            "https://r.example/v#SP1:%zz",
            "https://r.example/v#%ff",
        ] {
            assert_eq!(link_fragment(damaged), Err(LinkError::Escape), "{damaged}");
        }
    }

    #[test]
    fn rfc9285_base45_examples_encode_and_decode() {
        for (bytes, text) in [
            (&b"AB"[..], "BB8"),
            (b"Hello!!", "%69 VD92EX0"),
            (b"base-45", "UJCLQE7W581"),
            (b"ietf!", "QED8WEX0"),
        ] {
            assert_eq!(base45::encode(bytes), text);
            assert_eq!(base45::decode(text).unwrap(), bytes);
        }
    }

    #[test]
    fn a_credential_survives_paper_byte_for_byte_and_still_verifies() {
        let f = Fixture::new();
        let jws = f.issue_to(&f.holder.public().did());
        let text = encode(&jws).unwrap();
        assert!(text.starts_with("SP1:"));
        assert!(text
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || " $%*+-./:".contains(c)));
        assert!(text.len() < jws.len(), "{} vs {}", text.len(), jws.len());
        let back = decode(&text).unwrap();
        assert_eq!(back, jws);
        let bundle = f.bundle();
        assert_eq!(f.verifier(&bundle).verify(&back).verdict, Verdict::Valid);
    }

    #[test]
    fn a_damaged_code_is_refused_or_fails_verification() {
        let f = Fixture::new();
        let jws = f.issue_to(&f.holder.public().did());
        let text = encode(&jws).unwrap();
        let mut damaged = text.clone().into_bytes();
        let mid = damaged.len() / 2;
        damaged[mid] = if damaged[mid] == b'A' { b'B' } else { b'A' };
        let damaged = String::from_utf8(damaged).unwrap();
        match decode(&damaged) {
            Err(_) => {}
            Ok(back) => {
                let bundle = f.bundle();
                assert_eq!(f.verifier(&bundle).verify(&back).verdict, Verdict::Invalid);
            }
        }
    }

    #[test]
    fn other_text_is_refused_with_a_reason() {
        assert_eq!(decode("HC1:NCFOXN"), Err(PaperError::Prefix));
        assert_eq!(decode("SP1:abc"), Err(PaperError::Base45));
        assert_eq!(decode("SP1:BB8"), Err(PaperError::Compression));
        assert!(matches!(
            decode(&"SP1:".repeat(2000)),
            Err(PaperError::TooLong(_))
        ));
        assert!(matches!(encode("a.b~c~"), Err(PaperError::NotAJws(_))));
    }

    #[test]
    fn a_zlib_bomb_is_refused() {
        let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
        z.write_all(&vec![0u8; 4 * MAX_JWS_LEN]).unwrap();
        let text = format!("{QR_PREFIX}{}", base45::encode(z.finish().unwrap()));
        assert_eq!(decode(&text), Err(PaperError::Compression));
    }
}

#[cfg(test)]
mod figures {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::testutil::Fixture;

    /// Prints the sizes recorded in BENCHMARKS.md (section 6) (run with `--ignored --nocapture`).
    #[test]
    #[ignore = "prints figures for BENCHMARKS.md (section 6)"]
    fn paper_size_figures_for_the_nurse_credential() {
        let f = Fixture::new();
        let jws = f.issue_to(&f.holder.public().did());
        let text = encode(&jws).unwrap();
        let compressed = base45::decode(&text[QR_PREFIX.len()..]).unwrap();
        let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
        z.write_all(jws.as_bytes()).unwrap();
        let of_text = z.finish().unwrap();
        println!("compact JWS: {} bytes", jws.len());
        println!(
            "container zlib: {} bytes -> SP1 text {} chars",
            compressed.len(),
            text.len()
        );
        println!(
            "zlib of the JWS text instead: {} bytes -> {} chars",
            of_text.len(),
            QR_PREFIX.len() + base45::encode(&of_text).len()
        );
        println!(
            "base64 of the JWS in byte mode would be the JWS itself: {} chars",
            jws.len()
        );
    }
}
