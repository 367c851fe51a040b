//! Recognition decisions in a bundle: signing one as its authority, and checking one
//! against the bundle's registered authorities.

use super::error::{BundleError, DecisionError};
use super::model::{AuthorityEntry, TYP_DECISION};
use crate::equivalence::{FrameworkCatalog, RecognitionDecision};
use crate::jws::{self, Header};
use crate::keys::SecretKey;
use crate::signed::{DecisionJwt, KeyRefusal, KidDidKey, OpenError, Opened, Unopened};

/// Signs a recognition decision as its authority (the key's DID must be `decision.authority`).
pub fn sign_decision(
    key: &SecretKey,
    decision: &RecognitionDecision,
) -> Result<String, BundleError> {
    let public = key.public();
    if decision.authority != public.did() {
        return Err(BundleError::DecisionAuthority);
    }
    let payload = serde_json::to_vec(decision).map_err(BundleError::Serialize)?;
    Ok(jws::sign(
        key,
        &Header::new(TYP_DECISION, &public.did_url()),
        &payload,
    ))
}

/// Opens a signed decision: `typ`, the key of the `kid`'s did:key, its signature, and a
/// payload that is a recognition decision. Whether that key is an authority allowed to
/// decide is [`check_opened_decision`]'s question.
pub fn open_decision(compact: &str) -> Result<Opened<DecisionJwt>, DecisionError> {
    let unopened = Unopened::<DecisionJwt>::parse(compact).map_err(|e| match e {
        OpenError::Jws(e) => DecisionError::Jws(e),
        _ => DecisionError::Typ,
    })?;
    unopened.open(&KidDidKey).map_err(|e| match e {
        OpenError::Key(KeyRefusal::NotDidKey(e)) => DecisionError::Kid(e),
        OpenError::Key(_) => DecisionError::NoKid,
        OpenError::Json(e) => DecisionError::Json(e),
        OpenError::Decode(e) => DecisionError::Model(e),
        OpenError::Jws(e) => DecisionError::Jws(e),
        // Name the decision by the id it claims, for the person reading; nothing of the
        // unverified payload is used otherwise.
        _ => DecisionError::Signature {
            id: serde_json::from_slice::<serde_json::Value>(unopened.jws().payload())
                .ok()
                .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_owned)),
        },
    })
}

/// Checks an opened decision against the registered `authorities`: consistent with the
/// shipped framework data, signed by a listed authority that the decision names, for that
/// authority's own country. Returns the decision under the authority's registered name.
pub fn check_opened_decision(
    authorities: &[AuthorityEntry],
    opened: Opened<DecisionJwt>,
) -> Result<RecognitionDecision, DecisionError> {
    let mut decision = opened.payload;
    let id = decision.id.clone();
    if let Ok(catalog) = FrameworkCatalog::shipped() {
        decision
            .check(catalog)
            .map_err(|error| DecisionError::Invalid {
                id: id.clone(),
                error,
            })?;
    }
    let did = opened.key.did();
    let Some(authority) = authorities.iter().find(|a| a.id == did) else {
        return Err(DecisionError::NotAnAuthority { id, did });
    };
    if decision.authority != did {
        return Err(DecisionError::OtherAuthority {
            id,
            named: decision.authority,
            did,
        });
    }
    if decision.destination.country != authority.country {
        return Err(DecisionError::OutsideJurisdiction {
            id,
            authority: authority.name.clone(),
            country: authority.country.clone(),
            destination: decision.destination.country,
        });
    }
    // Verifiers are shown the name the operator registered, not one the signer chose.
    decision.authority_name = authority.name.clone();
    Ok(decision)
}

/// [`open_decision`] then [`check_opened_decision`]: what a verifier does with each
/// decision in a bundle.
pub fn check_decision(
    authorities: &[AuthorityEntry],
    compact: &str,
) -> Result<RecognitionDecision, DecisionError> {
    check_opened_decision(authorities, open_decision(compact)?)
}
