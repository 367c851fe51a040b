//! Issuing a credential as an SD-JWT: the personal claims, and those the issuer names,
//! replaced by digests of their disclosures, and the holder's key bound in `cnf`.

use std::collections::BTreeMap;

use rand::RngCore as _;
use serde_json::{json, Value};

use super::claims::{candidates, ClaimPath, ALWAYS_VISIBLE, PERSONAL_CLAIMS};
use super::disclosure::{random_digest, Disclosure, DisclosureError};
use super::parts::SplitError;
use super::process::{DisclosureProblem, Problems, SD_ALG};
use crate::credential::{CheckedCredential, CredentialError};
use crate::json::JsonError;
use crate::jws::{self, Header, JwsError, MAX_JWS_LEN};
use crate::keys::{KeyError, PublicKey, SecretKey};
use crate::sdjwt_vc::layout::{to_dc, LayoutError, TYP_DC_SD_JWT};
use crate::sdjwt_vc::type_metadata::{integrity, kind_of_vct, type_metadata_bytes};
use crate::signed::{Kind as _, PeekError, SdJwtIssuerJwt};

/// The JWS `typ` of an SD-JWT-secured credential (VC-JOSE-COSE).
pub const TYP_SD_JWT: &str = SdJwtIssuerJwt::TYP;

/// Why an SD-JWT could not be issued or presented.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SdJwtError {
    /// The credential document is not acceptable.
    #[error(transparent)]
    Credential(#[from] CredentialError),
    /// The credential names no holder (`credentialSubject.id`) to bind.
    #[error("an SD-JWT is bound to its holder: give the holder's DID")]
    NoHolder,
    /// The holder is not a `did:key` whose key can be bound.
    #[error("the holder DID: {0}")]
    HolderDid(KeyError),
    /// A claim named for selective disclosure or for disclosing is not in the credential.
    #[error("there is no claim {0:?} in this credential")]
    NoSuchClaim(String),
    /// A claim a verifier needs (`id`, `frameworkLevels`) named for selective disclosure.
    #[error("{0:?} cannot be selectively disclosable: verifiers need it to check the issuer's accreditation and the holder")]
    AlwaysVisible(String),
    /// A claim path whose parent is not a JSON object.
    #[error("{0} is not inside an object")]
    NotInObject(String),
    /// The issued JWS would exceed the credential size limit.
    #[error("the credential is over the size limit")]
    TooLarge,
    /// The SD-JWT text is malformed.
    #[error("not a readable SD-JWT: {0}")]
    Malformed(Malformed),
    /// The credential does not fit the IETF SD-JWT VC layout.
    #[error("SD-JWT VC: {0}")]
    Layout(LayoutError),
    /// The presenting key is not the one the credential is bound to.
    #[error("this key is not the holder key the credential is bound to (cnf)")]
    WrongHolderKey,
}

/// What is wrong with an SD-JWT that cannot be read (see [`SdJwtError::Malformed`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Malformed {
    /// The `~` structure.
    #[error(transparent)]
    Split(#[from] SplitError),
    /// The issuer-signed JWS.
    #[error(transparent)]
    Jws(#[from] JwsError),
    /// Its payload.
    #[error(transparent)]
    Json(#[from] JsonError),
    /// No usable `cnf.jwk`.
    #[error("no cnf.jwk holder key")]
    NoHolderKey,
    /// A disclosure.
    #[error(transparent)]
    Disclosure(#[from] DisclosureError),
    /// The disclosures do not fit the payload.
    #[error("{}", Problems(.0))]
    Disclosures(Vec<DisclosureProblem>),
    /// The payload could not be serialized.
    #[error("{0}")]
    Serialize(serde_json::Error),
}

macro_rules! malformed_from {
    ($($t:ty),*) => {$(
        impl From<$t> for SdJwtError {
            fn from(e: $t) -> Self {
                Self::Malformed(e.into())
            }
        }
    )*};
}
malformed_from!(SplitError, JwsError, JsonError, DisclosureError);

impl From<PeekError<std::convert::Infallible>> for SdJwtError {
    fn from(e: PeekError<std::convert::Infallible>) -> Self {
        match e {
            PeekError::Jws(e) => e.into(),
            PeekError::Json(e) => e.into(),
            PeekError::Decode(never) => match never {},
        }
    }
}

/// Issues `document` (an unsigned credential, e.g. from
/// [`crate::credential::build_document`]) as an SD-JWT signed by `key` with `kid`, making
/// the personal claims and those named in `selectively_disclosable` disclosable.
/// Returns `<JWS>~<disclosure>~…~`.
pub fn issue(
    key: &SecretKey,
    kid: &str,
    document: &Value,
    selectively_disclosable: &[String],
) -> Result<String, SdJwtError> {
    let (payload, disclosures) = disclosable(document, selectively_disclosable)?;
    finish(key, &Header::new(TYP_SD_JWT, kid), &payload, &disclosures)
}

/// Issues `document` as an IETF SD-JWT VC (`dc+sd-jwt`, see [`crate::sdjwt_vc`]) of type
/// `vct`, whose Type Metadata integrity goes in `vct#integrity`; disclosable claims as for
/// [`issue`]. Returns `<JWS>~<disclosure>~…~`.
pub fn issue_dc(
    key: &SecretKey,
    kid: &str,
    document: &Value,
    selectively_disclosable: &[String],
    vct: &str,
) -> Result<String, SdJwtError> {
    let kind = kind_of_vct(vct).ok_or_else(|| SdJwtError::Layout(LayoutError::Vct(vct.into())))?;
    let integrity = integrity(&type_metadata_bytes(vct, kind));
    let (payload, disclosures) = disclosable(document, selectively_disclosable)?;
    let payload = to_dc(payload, vct, &integrity).map_err(SdJwtError::Layout)?;
    finish(
        key,
        &Header::new(TYP_DC_SD_JWT, kid),
        &payload,
        &disclosures,
    )
}

/// The signed JWS of `payload` followed by the disclosures: `<JWS>~<disclosure>~…~`.
fn finish(
    key: &SecretKey,
    header: &Header,
    payload: &Value,
    disclosures: &[Disclosure],
) -> Result<String, SdJwtError> {
    let bytes =
        serde_json::to_vec(payload).map_err(|e| SdJwtError::Malformed(Malformed::Serialize(e)))?;
    let jws = jws::sign(key, header, &bytes);
    if jws.len() > MAX_JWS_LEN {
        return Err(SdJwtError::TooLarge);
    }
    let mut out = jws;
    out.push('~');
    for d in disclosures {
        out.push_str(&d.encoded);
        out.push('~');
    }
    Ok(out)
}

/// The checked credential with its personal claims and those named replaced by digests,
/// `_sd_alg` and the holder's `cnf` added; and the disclosures.
fn disclosable(
    document: &Value,
    selectively_disclosable: &[String],
) -> Result<(Value, Vec<Disclosure>), SdJwtError> {
    let checked = CheckedCredential::from_value(document)?;
    checked.check_content(document)?;
    let holder = checked.subject_id.as_deref().ok_or(SdJwtError::NoHolder)?;
    let holder = PublicKey::from_did(holder).map_err(SdJwtError::HolderDid)?;

    let mut chosen: Vec<ClaimPath> = Vec::new();
    for name in selectively_disclosable {
        let found = candidates(name)
            .into_iter()
            .find(|c| {
                document
                    .pointer(&format!("{}/{}", c.object, c.name))
                    .is_some()
            })
            .ok_or_else(|| SdJwtError::NoSuchClaim(name.clone()))?;
        if ALWAYS_VISIBLE.contains(&found.name.as_str()) {
            return Err(SdJwtError::AlwaysVisible(name.clone()));
        }
        if !chosen.contains(&found) {
            chosen.push(found);
        }
    }
    for personal in PERSONAL_CLAIMS {
        for c in candidates(personal) {
            if document
                .pointer(&format!("{}/{}", c.object, c.name))
                .is_some()
                && !chosen.contains(&c)
            {
                chosen.push(c);
            }
        }
    }

    let mut payload = document.clone();
    let mut disclosures = Vec::new();
    let mut digests: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for claim in &chosen {
        let object = payload
            .pointer_mut(&claim.object)
            .and_then(Value::as_object_mut)
            .ok_or_else(|| SdJwtError::NotInObject(claim.display()))?;
        let Some(value) = object.remove(&claim.name) else {
            continue;
        };
        let disclosure = Disclosure::new(&claim.name, value);
        digests
            .entry(claim.object.clone())
            .or_default()
            .push(disclosure.digest());
        disclosures.push(disclosure);
    }
    for (pointer, mut list) in digests {
        // Decoys hide how many claims were made disclosable; sorting hides their order.
        let decoys = 1 + (rand::rngs::OsRng.next_u32() % 3) as usize;
        list.extend((0..decoys).map(|_| random_digest()));
        list.sort();
        if let Some(object) = payload.pointer_mut(&pointer).and_then(Value::as_object_mut) {
            object.insert("_sd".into(), json!(list));
        }
    }
    if let Some(top) = payload.as_object_mut() {
        top.insert("_sd_alg".into(), json!(SD_ALG));
        top.insert("cnf".into(), json!({ "jwk": holder.to_jwk() }));
    }
    Ok((payload, disclosures))
}
