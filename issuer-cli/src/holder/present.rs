//! `skillpass present`: the holder shows chosen credentials to one verifier, bound to the
//! verifier's identifier (audience) and the nonce it supplied.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use chrono::Utc;
use clap::Args;
use credential_core::jws::MAX_JWS_LEN;
use credential_core::sdjwt::{self, MAX_SD_JWT_LEN};
use credential_core::{present, CredentialFormat};

use super::{wallet, wallet_file};
use crate::common::files;
use crate::common::said::said;
use credential_core::i18n::Msg;

#[derive(Debug, Args)]
pub(crate) struct PresentArgs {
    /// The holder's private key file (the key of the DID the credentials were issued to).
    #[arg(long, required_unless_present = "wallet", conflicts_with = "wallet")]
    key: Option<PathBuf>,
    /// Take the holder key and the credentials from this wallet.
    #[arg(long)]
    wallet: Option<PathBuf>,
    /// A wallet credential to present: position, id, or end of id (repeatable; not needed
    /// when the wallet holds one credential).
    #[arg(long = "credential", requires = "wallet")]
    from_wallet: Vec<String>,
    /// The verifier's identifier (e.g. its did:key), given by the verifier.
    #[arg(long, required_unless_present = "vp", requires = "nonce")]
    audience: Option<String>,
    /// The nonce the verifier gave for this presentation.
    #[arg(long, required_unless_present = "vp", requires = "audience")]
    nonce: Option<String>,
    /// Credential files (compact vc+jwt or SD-JWT). With --wallet and neither files nor
    /// --credential, the wallet's only credential.
    #[arg(required_unless_present_any = ["wallet", "vp"])]
    credentials: Vec<PathBuf>,
    /// A whole presentation document to sign as it is (the W3C conformance profile): a
    /// presentation that follows the W3C Verifiable Credentials Data Model 2.0, whose
    /// credentials are each an EnvelopedVerifiableCredential (VC-JOSE-COSE), signed as a
    /// vp+jwt; `holder` is filled in when absent. With --audience and --nonce, bound to them.
    #[arg(long, value_name = "FILE", requires = "key",
          conflicts_with_all = ["wallet", "credentials", "disclose"])]
    vp: Option<PathBuf>,
    /// With --vp: the key id to sign under, when the holder is not the key's DID but a URL
    /// whose controller document lists this key (the holder is then that URL before `#`).
    #[arg(long, requires = "vp", value_name = "URL")]
    kid: Option<String>,
    /// For an SD-JWT credential: the claims to disclose, e.g. `title,level` (the others
    /// stay hidden; the level is always shown). Comma-separated or repeated.
    #[arg(long, value_delimiter = ',')]
    disclose: Vec<String>,
    /// Where to write the presentation (vp+jwt, or SD-JWT with key binding); standard
    /// output when absent.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub(crate) fn run(a: PresentArgs) -> Result<u8> {
    if let (Some(vp), Some(key)) = (&a.vp, &a.key) {
        return present_document(&a, vp, key);
    }
    let (Some(audience), Some(nonce)) = (a.audience.as_deref(), a.nonce.as_deref()) else {
        anyhow::bail!("give --audience and --nonce (the verifier gives both)");
    };
    let (key, mut credentials) = match (&a.key, &a.wallet) {
        (Some(key), _) => (files::read_key(key)?, Vec::new()),
        (None, Some(path)) => {
            let (wallet, _) = wallet_file::open(path)?;
            // Files given with --wallet are presented with the wallet's key, as they are.
            let chosen = if a.from_wallet.is_empty() && !a.credentials.is_empty() {
                Vec::new()
            } else {
                wallet::credentials_for_presentation(&wallet, path, &a.from_wallet)?
            };
            (wallet.into_key(), chosen)
        }
        (None, None) => return Err(said(Msg::new("cli-present-key-or-wallet"))),
    };
    for p in &a.credentials {
        credentials.push(files::read_input(p, MAX_SD_JWT_LEN)?);
    }
    let sd: Vec<&String> = credentials
        .iter()
        .filter(|c| CredentialFormat::detect(c).is_sd_jwt())
        .collect();
    let vp = match (sd.as_slice(), credentials.len()) {
        ([one], 1) => sdjwt::present(&key, one, &a.disclose, audience, nonce, Utc::now())
            .context("cannot make the SD-JWT presentation")?,
        ([], _) => {
            if !a.disclose.is_empty() {
                return Err(said(Msg::new("cli-disclose-sd-only")));
            }
            if let Some(big) = credentials.iter().position(|c| c.len() > MAX_JWS_LEN) {
                return Err(said(
                    Msg::new("cli-credential-too-large")
                        .arg("n", (big + 1).to_string())
                        .arg("max", MAX_JWS_LEN.to_string()),
                ));
            }
            present(&key, &credentials, audience, nonce, Utc::now())
                .context("cannot make the presentation")?
        }
        _ => return Err(said(Msg::new("cli-sd-jwt-alone"))),
    };
    match &a.out {
        Some(out) => {
            files::write_atomic(out, format!("{vp}\n").as_bytes(), false)?;
            eprintln!(
                "presented {} credential(s) to {} -> {}",
                credentials.len(),
                audience,
                out.display()
            );
        }
        None => println!("{vp}"),
    }
    Ok(0)
}

/// `present --vp`: a whole presentation document, checked by the W3C rules and signed as a
/// `vp+jwt` (VC-JOSE-COSE: the claims set is the presentation).
fn present_document(a: &PresentArgs, vp: &std::path::Path, key: &std::path::Path) -> Result<u8> {
    use anyhow::bail;
    use credential_core::conformance;
    use credential_core::jws::{self, Header};
    use serde_json::{json, Value};

    let key = files::read_key(key)?;
    let identity = match &a.kid {
        Some(kid) => crate::issuer::any::Identity::with_kid(&key, kid)?,
        None => crate::issuer::any::Identity::of_key(&key),
    };
    let Value::Object(mut document) = files::read_json(vp)? else {
        bail!(
            "{} is not a JSON object (a presentation document)",
            vp.display()
        );
    };
    match document.get("holder") {
        None => {
            document.insert("holder".into(), json!(identity.issuer));
        }
        Some(holder) => {
            let named = holder
                .as_str()
                .or_else(|| holder.get("id").and_then(Value::as_str));
            if named != Some(identity.issuer.as_str()) {
                bail!(
                    "the presentation names another holder; this key presents as {} only \
                     (leave holder out to have it filled in)",
                    identity.issuer
                );
            }
        }
    }
    if document.contains_key("vc") || document.contains_key("vp") {
        bail!("a presentation must not carry `vc` or `vp` members (VC-JOSE-COSE)");
    }
    if document.contains_key("proof") {
        bail!("the presentation already has a proof; give it without one");
    }
    let credentials: Vec<&Value> = match document.get("verifiableCredential") {
        None => Vec::new(),
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
    };
    let count = credentials.len();
    for (n, credential) in credentials.iter().enumerate() {
        if !enveloped_jws(credential) {
            bail!(
                "credential {} of the presentation is not an EnvelopedVerifiableCredential \
                 holding a compact vc+jwt, a vc+sd-jwt or a COSE_Sign1 vc+cose \
                 (data:application/vc+jwt,…): a credential in a vp+jwt must be secured and \
                 enveloped (VC-JOSE-COSE)",
                n + 1
            );
        }
    }
    let mut document = Value::Object(document);
    if let Err(violations) = conformance::check_presentation(&document) {
        let mut text = String::from(
            "the presentation does not follow the W3C Verifiable Credentials Data Model 2.0:",
        );
        for v in violations {
            text.push_str(&format!("\n  - {v}"));
        }
        bail!(text);
    }
    // JWT claims binding it to one verifier (RFC 7519), beside the presentation's members.
    if let (Some(audience), Some(nonce), Value::Object(map)) =
        (&a.audience, &a.nonce, &mut document)
    {
        map.insert("aud".into(), json!(audience));
        map.insert("nonce".into(), json!(nonce));
        map.insert("iat".into(), json!(Utc::now().timestamp()));
    }
    let payload = serde_json::to_vec(&document)?;
    if payload.len() > MAX_JWS_LEN / 4 * 3 - 512 {
        bail!("the presentation is too large to sign (a JWS is at most {MAX_JWS_LEN} bytes)");
    }
    let jws = jws::sign(
        &key,
        &Header::new(credential_core::presentation::TYP_VP, &identity.kid),
        &payload,
    );
    match &a.out {
        Some(out) => {
            files::write_atomic(out, format!("{jws}\n").as_bytes(), false)?;
            eprintln!(
                "presented {count} credential(s) as {} -> {}",
                identity.issuer,
                out.display()
            );
        }
        None => println!("{jws}"),
    }
    Ok(0)
}

/// Whether `credential` is an EnvelopedVerifiableCredential whose `data:` URL holds a
/// well-formed compact `vc+jwt`, the issuer-signed JWT of a `vc+sd-jwt` (three base64url
/// parts, a JSON header of that type and a JSON payload), or a `vc+cose` credential that is
/// a tagged COSE_Sign1 (see [`cose_sign1`]). Its signature is the issuer's, checked by the
/// verifier: a holder presents credentials, it does not verify them.
fn enveloped_jws(credential: &serde_json::Value) -> bool {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    if credential_core::conformance::check_envelope(credential).is_err() {
        return false;
    }
    let Some(id) = credential.get("id").and_then(serde_json::Value::as_str) else {
        return false;
    };
    if let Some(cose) = id.strip_prefix("data:application/vc+cose;base64,") {
        return id.len() <= MAX_SD_JWT_LEN && cose_sign1(cose);
    }
    let (typ, jws) = if let Some(jws) = id.strip_prefix("data:application/vc+jwt,") {
        ("vc+jwt", jws)
    } else if let Some(sd) = id.strip_prefix("data:application/vc+sd-jwt,") {
        ("vc+sd-jwt", sd.split('~').next().unwrap_or_default())
    } else {
        return false;
    };
    let json = |part: &str| -> Option<serde_json::Value> {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).ok()?).ok()
    };
    let [header, payload, signature] = jws.split('.').collect::<Vec<_>>()[..] else {
        return false;
    };
    id.len() <= MAX_SD_JWT_LEN
        && json(header).is_some_and(|h| h.get("typ").and_then(|t| t.as_str()) == Some(typ))
        && json(payload).is_some_and(|p| p.is_object())
        && URL_SAFE_NO_PAD
            .decode(signature)
            .is_ok_and(|s| !s.is_empty())
}

/// Whether `base64` (standard alphabet, as a `;base64` data: URL carries it, read as the
/// WHATWG data: URL processor's forgiving-base64 does: ASCII whitespace skipped, `=`
/// padding optional) holds a COSE_Sign1 as VC-JOSE-COSE secures
/// a `vc+cose` credential: CBOR tag 18 around an array of four members whose first, the
/// protected header, is a byte string (RFC 9052 §4.2). Only that shape is looked at:
/// Skillpass does not verify COSE, the verifier does.
fn cose_sign1(base64: &str) -> bool {
    use base64::engine::{general_purpose, DecodePaddingMode, GeneralPurpose};
    use base64::{alphabet, Engine as _};
    const TAG_18: u8 = 0xd2;
    const ARRAY_OF_4: u8 = 0x84;
    const STANDARD_ANY_PADDING: GeneralPurpose = GeneralPurpose::new(
        &alphabet::STANDARD,
        general_purpose::PAD.with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let compact: String = base64
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let Ok(bytes) = STANDARD_ANY_PADDING.decode(compact) else {
        return false;
    };
    matches!(
        bytes.as_slice(),
        [TAG_18, ARRAY_OF_4, header, ..] if (0x40..=0x5b).contains(header)
    )
}
