//! Compact JWS (RFC 7515) with the algorithms of [the allow-list](crate::alg): EdDSA
//! (RFC 8037) and ES256 (RFC 7518), nothing else.
//!
//! `none`, HMAC, RSA and every other algorithm are refused before any key is looked at; a
//! signature verifies only under a key of the algorithm its header names (an ES256 header
//! never meets an Ed25519 key), and the key always comes from the caller's trust data,
//! never from the message (`jwk`, `jku`, `x5c` headers are ignored). `crit` is refused
//! because no extension is understood.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::alg::Algorithm;
use crate::keys::{PublicKey, SecretKey};

/// The native signature algorithm.
pub const ALG_EDDSA: &str = "EdDSA";
/// Largest compact JWS accepted for a credential or presentation (64 KiB).
pub const MAX_JWS_LEN: usize = 64 * 1024;
/// Largest protected header (decoded) accepted.
const MAX_HEADER_LEN: usize = 2048;

/// Why a compact JWS could not be parsed or its header is not acceptable.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum JwsError {
    /// Longer than the limit for this kind of document.
    #[error("{len} bytes is over the {max}-byte limit")]
    TooLarge {
        /// The input's length, bytes.
        len: usize,
        /// The limit for this kind of document, bytes.
        max: usize,
    },
    /// Not three dot-separated segments.
    #[error("a compact JWS has 3 segments separated by '.', this has {0}")]
    Segments(usize),
    /// A segment is not unpadded base64url.
    #[error("the {0} segment is not valid base64url")]
    Base64(&'static str),
    /// The protected header is not a JSON object we can read.
    #[error("the protected header is not valid JSON: {0}")]
    Header(String),
    /// `alg` is not on the allow-list (EdDSA, ES256, ES384, ES512).
    #[error("algorithm {0:?} is not allowed (only EdDSA, ES256, ES384 and ES512)")]
    Algorithm(String),
    /// A `crit` header asks for an extension we do not implement.
    #[error("critical header extensions are not supported")]
    Crit,
    /// The signature is not as long as its algorithm's (64 bytes, 96 for ES384, 132 for ES512).
    #[error(
        "the signature is {0} bytes, not the length of its algorithm's (64 bytes for EdDSA \
         and ES256, 96 for ES384, 132 for ES512)"
    )]
    SignatureLength(usize),
}

/// The protected header members Skillpass reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// An allowed algorithm once parsed (`EdDSA` or `ES256`).
    pub alg: String,
    /// Media type, e.g. `vc+jwt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typ: Option<String>,
    /// Content type; read, never acted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cty: Option<String>,
    /// Key id: a DID URL resolved against trust data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// Present only to be refused.
    #[serde(default, skip_serializing)]
    crit: Option<serde_json::Value>,
}

impl Header {
    /// A header with the given `typ` and `kid` (`alg` is set by [`sign`] from the key).
    pub fn new(typ: &str, kid: &str) -> Self {
        Self {
            alg: ALG_EDDSA.into(),
            typ: Some(typ.into()),
            cty: None,
            kid: Some(kid.into()),
            crit: None,
        }
    }
}

/// A parsed compact JWS whose signature has not been checked yet.
#[derive(Debug, Clone)]
pub struct UnverifiedJws<'a> {
    signing_input: &'a str,
    header: Header,
    alg: Algorithm,
    payload: Vec<u8>,
    signature: Vec<u8>,
}

impl<'a> UnverifiedJws<'a> {
    /// Splits and decodes `compact`, refusing anything over `max_len` bytes and any `alg`
    /// not on the allow-list.
    pub fn parse(compact: &'a str, max_len: usize) -> Result<Self, JwsError> {
        if compact.len() > max_len {
            return Err(JwsError::TooLarge {
                len: compact.len(),
                max: max_len,
            });
        }
        let mut parts = compact.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(JwsError::Segments(compact.split('.').count()));
        };
        let signing_input = compact
            .get(..h.len() + 1 + p.len())
            .ok_or(JwsError::Segments(0))?;
        if h.len() > MAX_HEADER_LEN * 4 / 3 + 4 {
            return Err(JwsError::Header("too long".into()));
        }
        let header_bytes = URL_SAFE_NO_PAD
            .decode(h)
            .map_err(|_| JwsError::Base64("header"))?;
        // Derived struct deserialization already refuses a repeated member, which is all
        // the duplicate checking a header needs: unknown members are never read.
        let header: Header =
            serde_json::from_slice(&header_bytes).map_err(|e| JwsError::Header(e.to_string()))?;
        let Some(alg) = Algorithm::from_name(&header.alg) else {
            return Err(JwsError::Algorithm(header.alg));
        };
        if header.crit.is_some() {
            return Err(JwsError::Crit);
        }
        let payload = base64_simd::URL_SAFE_NO_PAD
            .decode_to_vec(p)
            .map_err(|_| JwsError::Base64("payload"))?;
        let sig = URL_SAFE_NO_PAD
            .decode(s)
            .map_err(|_| JwsError::Base64("signature"))?;
        // Exactly the algorithm's length: 64 bytes (EdDSA, ES256's r || s), 96 (ES384) or 132 (ES512);
        // a DER-encoded ECDSA signature, as some libraries give, is not JOSE and is refused.
        if sig.len() != alg.signature_len() {
            return Err(JwsError::SignatureLength(sig.len()));
        }
        Ok(Self {
            signing_input,
            header,
            alg,
            payload,
            signature: sig,
        })
    }

    /// The protected header, as parsed (`alg` already known to be allowed).
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The header's algorithm.
    pub fn algorithm(&self) -> Algorithm {
        self.alg
    }

    /// The decoded payload bytes (not yet authenticated).
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// The bytes the signature covers: `BASE64URL(header) '.' BASE64URL(payload)`.
    pub fn signing_input(&self) -> &'a str {
        self.signing_input
    }

    /// The signature bytes ([`Algorithm::signature_len`] of them), for batch verification
    /// and paper codes.
    pub fn signature(&self) -> &[u8] {
        &self.signature
    }

    /// Whether `key` signed this JWS: the key must be of the header's algorithm (no
    /// algorithm confusion), then strict Ed25519 or ES256.
    pub fn verify_with(&self, key: &PublicKey) -> bool {
        key.algorithm() == self.alg && key.verify(self.signing_input.as_bytes(), &self.signature)
    }
}

/// Signs `payload` as a compact JWS with `header`, whose `alg` is set to the key's.
pub fn sign(key: &SecretKey, header: &Header, payload: &[u8]) -> String {
    let mut header = header.clone();
    header.alg = key.algorithm().name().into();
    // Serializing a struct of strings cannot fail; fall back to the minimal header anyway.
    let header_json =
        serde_json::to_vec(&header).unwrap_or_else(|_| br#"{"alg":"EdDSA"}"#.to_vec());
    sign_raw(key, &header_json, payload)
}

/// Signs with the exact header bytes given (used to reproduce published vectors).
pub fn sign_raw(key: &SecretKey, header_json: &[u8], payload: &[u8]) -> String {
    let mut out = URL_SAFE_NO_PAD.encode(header_json);
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(payload, &mut out);
    let signature = key.sign(out.as_bytes());
    out.push('.');
    URL_SAFE_NO_PAD.encode_string(signature, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alg::Algorithm;

    const RFC8037_D_HEX: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    const RFC8037_JWS: &str = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    fn rfc8037_key() -> SecretKey {
        let bytes: Vec<u8> = (0..64)
            .step_by(2)
            .map(|i| u8::from_str_radix(&RFC8037_D_HEX[i..i + 2], 16).unwrap())
            .collect();
        SecretKey::from_bytes(&bytes.try_into().unwrap())
    }

    #[test]
    fn rfc8037_a4_signing_reproduces_the_published_jws() {
        let jws = sign_raw(
            &rfc8037_key(),
            br#"{"alg":"EdDSA"}"#,
            b"Example of Ed25519 signing",
        );
        assert_eq!(jws, RFC8037_JWS);
    }

    #[test]
    fn rfc8037_a5_validation_accepts_the_published_jws() {
        let parsed = UnverifiedJws::parse(RFC8037_JWS, MAX_JWS_LEN).unwrap();
        assert_eq!(parsed.payload(), b"Example of Ed25519 signing");
        assert!(parsed.verify_with(&rfc8037_key().public()));
    }

    #[test]
    fn a_flipped_payload_byte_fails_validation() {
        let mut bytes = RFC8037_JWS.as_bytes().to_vec();
        bytes[25] ^= 0x01; // inside the payload segment; still base64url
        let tampered = String::from_utf8(bytes).unwrap();
        let parsed = UnverifiedJws::parse(&tampered, MAX_JWS_LEN).unwrap();
        assert!(!parsed.verify_with(&rfc8037_key().public()));
    }

    #[test]
    fn alg_none_hmac_rsa_other_curves_and_the_draft_ed25519_name_are_refused() {
        for header in [
            r#"{"alg":"none"}"#,
            r#"{"alg":"HS256"}"#,
            r#"{"alg":"Ed25519"}"#,
            r#"{"alg":"ES256K"}"#,
            r#"{"alg":"es512"}"#,
            r#"{"alg":"es384"}"#,
            r#"{"alg":"RS256"}"#,
            r#"{"alg":"PS256"}"#,
            r#"{"alg":"es256"}"#,
        ] {
            let jws = sign_raw(&rfc8037_key(), header.as_bytes(), b"x");
            assert!(
                matches!(
                    UnverifiedJws::parse(&jws, MAX_JWS_LEN),
                    Err(JwsError::Algorithm(_))
                ),
                "{header}"
            );
        }
    }

    #[test]
    fn crit_headers_are_refused() {
        let jws = sign_raw(
            &rfc8037_key(),
            br#"{"alg":"EdDSA","crit":["b64"],"b64":false}"#,
            b"x",
        );
        assert_eq!(
            UnverifiedJws::parse(&jws, MAX_JWS_LEN).unwrap_err(),
            JwsError::Crit
        );
    }

    #[test]
    fn wrong_segment_counts_bad_base64_and_short_signatures_are_refused() {
        assert_eq!(
            UnverifiedJws::parse("a.b", MAX_JWS_LEN).unwrap_err(),
            JwsError::Segments(2)
        );
        assert_eq!(
            UnverifiedJws::parse(&format!("{RFC8037_JWS}.x"), MAX_JWS_LEN).unwrap_err(),
            JwsError::Segments(4)
        );
        let padded = RFC8037_JWS.replacen(".RXhh", ".RXhh=", 1);
        assert!(matches!(
            UnverifiedJws::parse(&padded, MAX_JWS_LEN),
            Err(JwsError::Base64(_))
        ));
        let truncated = &RFC8037_JWS[..RFC8037_JWS.len() - 4];
        assert!(matches!(
            UnverifiedJws::parse(truncated, MAX_JWS_LEN),
            Err(JwsError::SignatureLength(_) | JwsError::Base64(_))
        ));
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let big = "a".repeat(MAX_JWS_LEN + 1);
        assert!(matches!(
            UnverifiedJws::parse(&big, MAX_JWS_LEN),
            Err(JwsError::TooLarge { .. })
        ));
    }

    #[test]
    fn duplicate_header_members_are_refused() {
        let jws = sign_raw(&rfc8037_key(), br#"{"alg":"EdDSA","alg":"none"}"#, b"x");
        assert!(matches!(
            UnverifiedJws::parse(&jws, MAX_JWS_LEN),
            Err(JwsError::Header(_))
        ));
    }

    #[test]
    fn rfc7515_a3_es256_jws_verifies_under_its_key_and_our_es256_signature_round_trips() {
        let key = SecretKey::from_private_jwk(
            r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}"#,
        )
        .unwrap();
        let a3 = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
        let parsed = UnverifiedJws::parse(a3, MAX_JWS_LEN).unwrap();
        assert_eq!(parsed.algorithm(), Algorithm::Es256);
        assert!(parsed.verify_with(&key.public()));
        let ours = sign(&key, &Header::new("JWT", "k"), b"{}");
        let parsed = UnverifiedJws::parse(&ours, MAX_JWS_LEN).unwrap();
        assert_eq!(parsed.header().alg, "ES256");
        assert!(parsed.verify_with(&key.public()));
    }

    #[test]
    fn es384_jws_round_trips_with_a_96_byte_signature_and_never_passes_as_another_alg() {
        let key = SecretKey::generate_for(Algorithm::Es384);
        let jws = sign(&key, &Header::new("vc+jwt", "k"), b"{}");
        let parsed = UnverifiedJws::parse(&jws, MAX_JWS_LEN).unwrap();
        assert_eq!(parsed.header().alg, "ES384");
        assert_eq!(parsed.algorithm(), Algorithm::Es384);
        assert_eq!(parsed.signature().len(), 96);
        assert!(parsed.verify_with(&key.public()));
        // The same bytes labelled ES256 are refused for their length; an ES256 key never
        // verifies an ES384 JWS, nor an ES384 key an ES256 one.
        let relabelled = sign_raw(&key, br#"{"alg":"ES256"}"#, b"x");
        assert!(matches!(
            UnverifiedJws::parse(&relabelled, MAX_JWS_LEN),
            Err(JwsError::SignatureLength(96))
        ));
        let p256 = SecretKey::generate_for(Algorithm::Es256);
        assert!(!parsed.verify_with(&p256.public()));
        let es256 = sign(&p256, &Header::new("vc+jwt", "k"), b"{}");
        let es256 = UnverifiedJws::parse(&es256, MAX_JWS_LEN).unwrap();
        assert!(!es256.verify_with(&key.public()));
        // A 64-byte signature under an ES384 header is refused before any key is used.
        let short = format!(
            "{}.{}.{}",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"ES384"}"#),
            URL_SAFE_NO_PAD.encode(b"{}"),
            URL_SAFE_NO_PAD.encode([7u8; 64])
        );
        assert!(matches!(
            UnverifiedJws::parse(&short, MAX_JWS_LEN),
            Err(JwsError::SignatureLength(64))
        ));
    }

    #[test]
    fn none_hmac_and_rsa_stay_refused_beside_es384_and_es512() {
        for alg in [
            "none", "HS256", "HS384", "HS512", "RS384", "PS384", "RS512", "ES256K",
        ] {
            let jws = format!(
                "{}.{}.{}",
                URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"{alg}"}}"#)),
                URL_SAFE_NO_PAD.encode(b"{}"),
                URL_SAFE_NO_PAD.encode([7u8; 96])
            );
            assert!(
                matches!(
                    UnverifiedJws::parse(&jws, MAX_JWS_LEN),
                    Err(JwsError::Algorithm(a)) if a == alg
                ),
                "{alg}"
            );
        }
    }

    #[test]
    fn a_signature_never_verifies_under_a_key_of_another_algorithm_than_its_header() {
        let ed = rfc8037_key();
        let ec = SecretKey::generate_for(Algorithm::Es256);
        // An ES256 signature labelled EdDSA, and an EdDSA one labelled ES256.
        let relabelled_ec = sign_raw(&ec, br#"{"alg":"EdDSA"}"#, b"x");
        let parsed = UnverifiedJws::parse(&relabelled_ec, MAX_JWS_LEN).unwrap();
        assert!(!parsed.verify_with(&ec.public()));
        let relabelled_ed = sign_raw(&ed, br#"{"alg":"ES256"}"#, b"x");
        let parsed = UnverifiedJws::parse(&relabelled_ed, MAX_JWS_LEN).unwrap();
        assert!(!parsed.verify_with(&ed.public()));
    }
}

#[cfg(test)]
mod strict_base64 {
    use super::*;

    #[test]
    fn a_payload_with_non_canonical_trailing_bits_is_refused() {
        // "bmc" and "bmd" decode to the same bytes; only the canonical form is base64url.
        let jws = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmd.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        assert_eq!(
            UnverifiedJws::parse(jws, MAX_JWS_LEN).unwrap_err(),
            JwsError::Base64("payload")
        );
    }
}
