//! Stored credentials in a compact form (issue 15): the issuer's signed bytes, decoded where
//! that loses nothing, plus the few fields the registry indexes, deflated together.
//!
//! A compact JWS spends a third of its length on base64url, and a JSON record around it
//! (`{"id":…,"jws":"…"}`) adds its field names; a credential's payload repeats the same
//! contexts, types and framework names from one credential to the next, which deflate
//! finds even within one record. The record keeps exactly the bytes the issuer signed:
//! the JWS is rebuilt from its decoded parts and must equal the original, else the text is
//! kept as it is (a Data Integrity credential is JSON text and is always kept as text).
//!
//! Layout: the tag byte [`TAG`], then raw deflate of: the id, the issuer, a holder flag
//! byte and the holder, `publishedAt` as RFC 3339, a form byte (`0` JWS in three decoded
//! parts, `1` text), then the parts; every string is a 4-byte big-endian length and bytes.
//! Records written before this form (JSON, first byte `{`) are still read.

use std::io::{Read as _, Write as _};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, SecondsFormat, Utc};
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;

use super::model::CredentialRecord;

/// The first byte of a compact record (a JSON record starts with `{`).
pub const TAG: u8 = 0x01;
/// The most a compact record inflates to: above any credential the registry accepts
/// (`bounds::MAX_CREDENTIAL_JWS`) with its fields, so a damaged or hostile value cannot
/// make a reader allocate without bound.
const MAX_INFLATED: u64 = 2 * 1024 * 1024;

const FORM_JWS: u8 = 0;
const FORM_TEXT: u8 = 1;

/// The stored bytes of `record`.
pub fn encode(record: &CredentialRecord) -> Vec<u8> {
    let mut body = Vec::with_capacity(record.jws.len() + 256);
    field(&mut body, record.id.as_bytes());
    field(&mut body, record.issuer.as_bytes());
    match &record.holder {
        Some(holder) => {
            body.push(1);
            field(&mut body, holder.as_bytes());
        }
        None => body.push(0),
    }
    let at = record
        .published_at
        .to_rfc3339_opts(SecondsFormat::AutoSi, true);
    field(&mut body, at.as_bytes());
    match decoded_jws(&record.jws) {
        Some(parts) => {
            body.push(FORM_JWS);
            for part in &parts {
                field(&mut body, part);
            }
        }
        None => {
            body.push(FORM_TEXT);
            field(&mut body, record.jws.as_bytes());
        }
    }
    let mut out = vec![TAG];
    let mut encoder = DeflateEncoder::new(&mut out, Compression::default());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(&body);
    let _ = encoder.finish();
    out
}

/// The record stored as `bytes`: the compact form, or the JSON form of older records.
pub fn decode(bytes: &[u8]) -> Result<CredentialRecord, String> {
    match bytes.split_first() {
        Some((&TAG, deflated)) => decode_compact(deflated),
        Some((b'{', _)) => serde_json::from_slice(bytes).map_err(|e| e.to_string()),
        Some(_) => Err("neither a compact nor a JSON credential record".into()),
        None => Err("an empty value".into()),
    }
}

/// The three parts of a compact JWS, decoded, if re-encoding them gives back exactly
/// `jws` (canonical unpadded base64url, no whitespace).
fn decoded_jws(jws: &str) -> Option<[Vec<u8>; 3]> {
    let mut segments = jws.split('.');
    let (h, p, s) = (segments.next()?, segments.next()?, segments.next()?);
    if segments.next().is_some() {
        return None;
    }
    let parts = [
        URL_SAFE_NO_PAD.decode(h).ok()?,
        URL_SAFE_NO_PAD.decode(p).ok()?,
        URL_SAFE_NO_PAD.decode(s).ok()?,
    ];
    (rebuild(&parts) == jws).then_some(parts)
}

fn rebuild(parts: &[Vec<u8>; 3]) -> String {
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(&parts[0]),
        URL_SAFE_NO_PAD.encode(&parts[1]),
        URL_SAFE_NO_PAD.encode(&parts[2])
    )
}

fn field(out: &mut Vec<u8>, bytes: &[u8]) {
    // Every field is far below 4 GiB (bounded by the request size).
    out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
    out.extend_from_slice(bytes);
}

fn decode_compact(deflated: &[u8]) -> Result<CredentialRecord, String> {
    let mut body = Vec::new();
    DeflateDecoder::new(deflated)
        .take(MAX_INFLATED + 1)
        .read_to_end(&mut body)
        .map_err(|e| format!("the compact record does not inflate: {e}"))?;
    if body.len() as u64 > MAX_INFLATED {
        return Err(format!(
            "the compact record inflates beyond {MAX_INFLATED} bytes"
        ));
    }
    let mut r = Reader(&body);
    let id = r.text("id")?;
    let issuer = r.text("issuer")?;
    let holder = match r.byte("holder flag")? {
        0 => None,
        1 => Some(r.text("holder")?),
        _ => return Err("a holder flag that is neither 0 nor 1".into()),
    };
    let at = r.text("publishedAt")?;
    let published_at = DateTime::parse_from_rfc3339(&at)
        .map_err(|e| format!("publishedAt: {e}"))?
        .with_timezone(&Utc);
    let jws = match r.byte("form")? {
        FORM_JWS => {
            let parts = [
                r.bytes("header")?,
                r.bytes("payload")?,
                r.bytes("signature")?,
            ];
            rebuild(&parts)
        }
        FORM_TEXT => r.text("credential")?,
        other => return Err(format!("unknown credential form {other}")),
    };
    if !r.0.is_empty() {
        return Err("bytes after the last field".into());
    }
    Ok(CredentialRecord {
        id,
        issuer,
        holder,
        jws,
        published_at,
    })
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self, what: &str) -> Result<u8, String> {
        let (&b, rest) = self
            .0
            .split_first()
            .ok_or_else(|| format!("cut before the {what}"))?;
        self.0 = rest;
        Ok(b)
    }

    fn bytes(&mut self, what: &str) -> Result<Vec<u8>, String> {
        let (len, rest) = self
            .0
            .split_first_chunk::<4>()
            .ok_or_else(|| format!("cut before the {what}'s length"))?;
        let len = u32::from_be_bytes(*len) as usize;
        if rest.len() < len {
            return Err(format!("the {what} is cut"));
        }
        let (value, rest) = rest.split_at(len);
        self.0 = rest;
        Ok(value.to_vec())
    }

    fn text(&mut self, what: &str) -> Result<String, String> {
        String::from_utf8(self.bytes(what)?).map_err(|_| format!("the {what} is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(jws: &str, holder: Option<&str>) -> CredentialRecord {
        CredentialRecord {
            id: "urn:uuid:2f1c7c4e-8d0b-4d8e-9d55-0d1a3c1e9a01".into(),
            issuer: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK".into(),
            holder: holder.map(str::to_owned),
            jws: jws.into(),
            published_at: DateTime::parse_from_rfc3339("2026-11-30T09:30:01.123456789Z")
                .unwrap()
                .with_timezone(&Utc),
        }
    }

    fn same(a: &CredentialRecord, b: &CredentialRecord) {
        assert_eq!(
            (&a.id, &a.issuer, &a.holder, &a.jws, a.published_at),
            (&b.id, &b.issuer, &b.holder, &b.jws, b.published_at)
        );
    }

    /// RFC 7515 appendix A.1's JWS: compact records give it back byte for byte.
    const RFC7515_A1: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    #[test]
    fn a_jws_record_round_trips_byte_for_byte_and_is_stored_decoded() {
        for holder in [
            None,
            Some("did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH"),
        ] {
            let r = record(RFC7515_A1, holder);
            let stored = encode(&r);
            assert_eq!(stored[0], TAG);
            same(&decode(&stored).unwrap(), &r);
        }
    }

    #[test]
    fn a_jws_that_does_not_re_encode_identically_is_kept_as_text() {
        // Trailing bits set in the last base64url character ("k" → "l") decode to the same
        // bytes: re-encoding would change what the issuer signed, so the text is kept.
        let odd = format!("{}l", &RFC7515_A1[..RFC7515_A1.len() - 1]);
        assert!(decoded_jws(&odd).is_none());
        for text in [
            odd.as_str(),
            "{\"@context\":[],\"proof\":{}}",
            "a.b",
            "a.b.c.d",
            "",
        ] {
            let r = record(text, None);
            same(&decode(&encode(&r)).unwrap(), &r);
        }
    }

    #[test]
    fn records_written_as_json_before_are_still_read() {
        let r = record(RFC7515_A1, Some("did:key:zHolder"));
        let json = serde_json::to_vec(&r).unwrap();
        same(&decode(&json).unwrap(), &r);
    }

    #[test]
    fn a_real_credential_shrinks_well_below_its_jws() {
        // A credential-sized payload with the repetition real ones have.
        let payload = serde_json::json!({
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://skillpass.example/ns/v1"],
            "type": ["VerifiableCredential", "QualificationCredential"],
            "issuer": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "validFrom": "2026-06-30T00:00:00Z",
            "credentialSubject": {
                "id": "did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH",
                "name": "Maria Santos",
                "qualification": {
                    "title": {"en": "Bachelor of Science in Nursing", "fil": "Batsilyer ng Agham sa Nars"},
                    "framework": "PQF-PH", "level": "PQF-PH-6", "awardingBody": {"name": "Manila College of Nursing"},
                    "learningOutcomes": ["Provides safe, appropriate and holistic nursing care to individuals, families and communities", "Applies the nursing process in the care of clients across the life span"]
                }
            },
            "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "94567", "statusListCredential": "https://registry.example/status/did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK/revocation"}
        });
        let header = br#"{"alg":"EdDSA","typ":"vc+jwt","kid":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","cty":"vc"}"#;
        let jws = rebuild(&[
            header.to_vec(),
            serde_json::to_vec(&payload).unwrap(),
            vec![7u8; 64],
        ]);
        let r = record(
            &jws,
            Some("did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH"),
        );
        let stored = encode(&r);
        let json = serde_json::to_vec(&r).unwrap();
        assert!(
            stored.len() * 10 < jws.len() * 7,
            "{} stored bytes for a {}-byte JWS (JSON record: {})",
            stored.len(),
            jws.len(),
            json.len()
        );
        same(&decode(&stored).unwrap(), &r);
    }

    #[test]
    fn damaged_or_hostile_values_are_refused_not_trusted() {
        let stored = encode(&record(RFC7515_A1, None));
        assert!(decode(&[]).is_err());
        assert!(decode(b"x").is_err());
        assert!(decode(&stored[..stored.len() / 2]).is_err());
        // A deflate bomb: a small value that inflates far beyond any credential.
        let mut bomb = vec![TAG];
        let mut e = DeflateEncoder::new(&mut bomb, Compression::best());
        e.write_all(&vec![0u8; 8 * 1024 * 1024]).unwrap();
        e.finish().unwrap();
        assert!(bomb.len() < 64 * 1024);
        let err = decode(&bomb).unwrap_err();
        assert!(err.contains("inflates beyond"), "{err}");
        // Well-formed deflate of a body with trailing bytes, or a bad flag.
        let mut body = Vec::new();
        field(&mut body, b"id");
        field(&mut body, b"iss");
        body.push(7);
        let mut bad = vec![TAG];
        let mut e = DeflateEncoder::new(&mut bad, Compression::default());
        e.write_all(&body).unwrap();
        e.finish().unwrap();
        assert!(decode(&bad).unwrap_err().contains("holder flag"));
    }
}
