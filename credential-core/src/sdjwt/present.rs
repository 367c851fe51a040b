//! The holder's side: choosing which disclosures to show and binding them to one verifier
//! and one moment with a key-binding JWT, and reading the holder's own copy.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::claims::candidates;
use super::disclosure::{digest, Disclosure};
use super::issue::{Malformed, SdJwtError};
use super::parts::{split, SdJwtParts};
use super::process::process;
use crate::jws;
use crate::keys::{PublicKey, SecretKey};
use crate::signed::{peek_json, DcSdJwtIssuerJwt, Kind as _, SdJwtIssuerJwt};

/// The holder's copy as read without verification: its parts, the signed payload and the
/// disclosures, decoded.
struct HolderCopy<'a> {
    parts: SdJwtParts<'a>,
    payload: Value,
    disclosures: Vec<Disclosure>,
    /// An IETF SD-JWT VC (`dc+sd-jwt`), whose subject claims sit at the top level.
    dc: bool,
}

fn read_holder_copy(issued: &str) -> Result<HolderCopy<'_>, SdJwtError> {
    let parts = split(issued.trim())?;
    let payload = peek_json::<SdJwtIssuerJwt>(parts.jws)?;
    let dc = jws::UnverifiedJws::parse(parts.jws, jws::MAX_JWS_LEN)?
        .header()
        .typ
        .as_deref()
        == Some(DcSdJwtIssuerJwt::TYP);
    let disclosures = parts
        .disclosures
        .iter()
        .map(|d| Disclosure::parse(d))
        .collect::<Result<_, _>>()?;
    Ok(HolderCopy {
        parts,
        payload,
        disclosures,
        dc,
    })
}

/// Makes an SD-JWT presentation from the holder's copy `issued` (`<JWS>~<all>~`),
/// keeping only the disclosures of the claims named in `disclose` (names as in
/// [`SdJwtReport::disclosed`](super::SdJwtReport::disclosed), or short ones like `title`,
/// `grade`, `birthDate`; a claim that is always visible, like `level`, may be named and is
/// simply shown), and appending a key-binding JWT for `audience` and `nonce` signed by
/// `holder`.
pub fn present(
    holder: &SecretKey,
    issued: &str,
    disclose: &[String],
    audience: &str,
    nonce: &str,
    now: DateTime<Utc>,
) -> Result<String, SdJwtError> {
    let HolderCopy {
        parts,
        payload,
        disclosures,
        dc,
    } = read_holder_copy(issued)?;
    let cnf = payload
        .pointer("/cnf/jwk")
        .and_then(|j| serde_json::from_value(j.clone()).ok())
        .and_then(|j| PublicKey::from_jwk(&j).ok())
        .ok_or(SdJwtError::Malformed(Malformed::NoHolderKey))?;
    if cnf != holder.public() {
        return Err(SdJwtError::WrongHolderKey);
    }
    // Where each disclosure belongs, found by processing the holder's full copy.
    let full = process(payload.clone(), &disclosures);
    if !full.problems.is_empty() {
        return Err(SdJwtError::Malformed(Malformed::Disclosures(full.problems)));
    }
    let mut keep = vec![false; disclosures.len()];
    for name in disclose {
        let mut wanted = candidates(name);
        if dc {
            for c in &mut wanted {
                c.object = c
                    .object
                    .strip_prefix("/credentialSubject")
                    .unwrap_or(&c.object)
                    .to_owned();
            }
        }
        let hit = full.disclosed.iter().find(|(_, c)| wanted.contains(c));
        match hit {
            Some((i, _)) => {
                if let Some(k) = keep.get_mut(*i) {
                    *k = true;
                }
            }
            None => {
                let visible = wanted.iter().any(|c| {
                    payload
                        .pointer(&format!("{}/{}", c.object, c.name))
                        .is_some()
                });
                if !visible {
                    return Err(SdJwtError::NoSuchClaim(name.clone()));
                }
            }
        }
    }
    let mut out = String::with_capacity(issued.len() + 512);
    out.push_str(parts.jws);
    out.push('~');
    for (d, keep) in disclosures.iter().zip(&keep) {
        if *keep {
            out.push_str(&d.encoded);
            out.push('~');
        }
    }
    let kb = json!({
        "iat": now.timestamp(),
        "aud": audience,
        "nonce": nonce,
        "sd_hash": digest(&out),
    });
    let header = format!(
        r#"{{"alg":"{}","typ":"kb+jwt"}}"#,
        holder.algorithm().name()
    );
    out.push_str(&jws::sign_raw(
        holder,
        header.as_bytes(),
        kb.to_string().as_bytes(),
    ));
    Ok(out)
}

/// The holder's own copy with every disclosure put back, for display (not verified); an
/// IETF SD-JWT VC comes back as the VC 2.0 document it stands for.
pub fn reveal_all_unchecked(issued: &str) -> Result<Value, SdJwtError> {
    let copy = read_holder_copy(issued)?;
    let document = process(copy.payload, &copy.disclosures).document;
    if copy.dc {
        return crate::sdjwt_vc::layout::to_vc(&document).map_err(SdJwtError::Layout);
    }
    Ok(document)
}
