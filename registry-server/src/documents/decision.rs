//! A recognition decision an authority sends, checked exactly as an offline verifier will
//! check it in a bundle (`check_decision`), and besides: sent by its own authority, which
//! the operator registered, for that authority's own country.

use credential_core::equivalence::RecognitionDecision;
use credential_core::json::JsonError;
use credential_core::jws::JwsError;
use credential_core::signed::{DecisionJwt, OpenError, Unopened};
use credential_core::trust::{check_opened_decision, DecisionError, TYP_DECISION};
use credential_core::PublicKey;

use crate::auth::Signer;
use crate::error::{AppError, ErrorCode};
use crate::records::Records;

/// Longest decision id, in characters (it is a storage key and appears in paths and the log).
const MAX_ID: usize = 200;

/// Why a signed decision was refused.
#[derive(Debug, thiserror::Error)]
enum Refusal {
    #[error("the decision is not a compact JWS: {0}")]
    Jws(#[from] JwsError),
    #[error("the decision's typ must be {TYP_DECISION}")]
    Typ,
    #[error("the decision's kid must be its authority's did:key URL")]
    Kid,
    /// 403 `not_an_authority`.
    #[error("the decision is signed by a key that is not a registered recognition authority")]
    NotAnAuthority,
    /// 403 `forbidden`.
    #[error("a decision must be sent by its own authority: sign the request with the key that signed the decision")]
    NotSender,
    #[error("the decision's signature does not verify")]
    Signature,
    #[error("the decision is not JSON: {0}")]
    Json(#[from] JsonError),
    #[error("the payload is not a recognition decision: {0}")]
    Payload(#[from] serde_json::Error),
    #[error("a decision id is at most {MAX_ID} characters")]
    LongId,
    #[error("the decision names authority {named} but is signed by {signer}")]
    OtherAuthority { named: String, signer: String },
    /// 403 `outside_jurisdiction`.
    #[error("{name} decides recognition in {country}, not in {asked}")]
    OutsideJurisdiction {
        name: String,
        country: String,
        asked: String,
    },
    /// The bundle verifier's own refusal, in its words.
    #[error("{0}")]
    Verifier(#[from] DecisionError),
}

impl From<OpenError<serde_json::Error>> for Refusal {
    fn from(e: OpenError<serde_json::Error>) -> Self {
        match e {
            OpenError::Jws(e) => Self::Jws(e),
            OpenError::Typ { .. } => Self::Typ,
            OpenError::Key(_) => Self::Kid,
            OpenError::Signature => Self::Signature,
            OpenError::Json(e) => Self::Json(e),
            OpenError::Decode(e) => Self::Payload(e),
            // OpenError is non-exhaustive: a new refusal is still a refusal.
            _ => Self::Signature,
        }
    }
}

impl From<Refusal> for AppError {
    fn from(e: Refusal) -> Self {
        let code = match e {
            Refusal::NotAnAuthority => ErrorCode::NotAnAuthority,
            Refusal::NotSender => ErrorCode::Forbidden,
            Refusal::OutsideJurisdiction { .. } => ErrorCode::OutsideJurisdiction,
            _ => ErrorCode::InvalidDecision,
        };
        AppError::said_detail(code, "reg-decision-refused", e.to_string())
    }
}

/// Opens a signed decision sent by `signer`: signed by a registered authority (403
/// `not_an_authority`), that authority being the request's signer (403 `forbidden`), for
/// its own country (403 `outside_jurisdiction`), and otherwise valid exactly as a verifier
/// reading it from a bundle will require (422 `invalid_decision`).
pub(crate) fn open_decision(
    records: &Records,
    signer: &Signer,
    jws: &str,
) -> Result<RecognitionDecision, AppError> {
    // Who must have signed it is read before the signature, so that a stranger's decision
    // is refused as such (403) whatever else is wrong with it; the document is then opened
    // (signature, strict JSON, decoding) once, and checked as a verifier will check it.
    let unopened = Unopened::<DecisionJwt>::parse(jws.trim()).map_err(Refusal::from)?;
    let key = unopened
        .jws()
        .header()
        .kid
        .as_deref()
        .and_then(|kid| PublicKey::from_did(kid).ok())
        .ok_or(Refusal::Kid)?;
    let did = key.did();
    let authority = records
        .authorities()
        .get(&did)?
        .ok_or(Refusal::NotAnAuthority)?;
    if did != signer.did {
        return Err(Refusal::NotSender.into());
    }
    let opened = unopened.open(&key).map_err(Refusal::from)?;
    let decision = &opened.payload;
    if decision.id.chars().count() > MAX_ID {
        return Err(Refusal::LongId.into());
    }
    if decision.authority != did {
        return Err(Refusal::OtherAuthority {
            named: decision.authority.clone(),
            signer: did,
        }
        .into());
    }
    if decision.destination.country != authority.country {
        return Err(Refusal::OutsideJurisdiction {
            name: authority.name,
            country: authority.country,
            asked: decision.destination.country.clone(),
        }
        .into());
    }
    // The bundle verifier's own check (consistency with the shipped frameworks), so a
    // decision the registry accepts is one every verifier trusts.
    Ok(check_opened_decision(&[authority.entry()], opened).map_err(Refusal::from)?)
}
