//! Verifiable presentations: the holder wraps chosen credentials in a W3C VC 2.0
//! `VerifiablePresentation`, signs it as a compact JWS (`typ` `vp+jwt`) with the key of the
//! holder's `did:key`, and binds it to one verifier (`aud`) and one moment (`nonce` the
//! verifier supplied, `iat`, a short `exp`), so that a recording of it cannot be replayed to
//! another verifier or in another session.
//!
//! Each credential travels as an `EnvelopedVerifiableCredential` whose `id` is a
//! `data:application/vc+jwt,<jws>` URL (VC-JOSE-COSE), so the credential is byte for byte
//! the one its issuer signed.
//!
//! The verifier runs its own numbered checks, then the ordinary credential checks of
//! [`Verifier::verify`](crate::Verifier::verify) on every enclosed credential:
//!
//! 1. `well-formed` — size limit, compact JWS, strict JSON, `typ` `vp+jwt`, the VP envelope;
//! 2. `algorithm` — `EdDSA` or `ES256` only (the allow-list in [`crate::alg`]);
//! 3. `holder-signature` — the `kid` is the `did:key` DID URL of the `holder`, and the
//!    signature verifies with that key (the key comes from the DID, never from the message);
//! 4. `audience` — `aud` is the verifier's own identifier;
//! 5. `nonce` — `nonce` is the one the verifier handed out;
//! 6. `freshness` — `iat` is recent (within the verifier's maximum age, not in the future)
//!    and `exp`, when present, has not passed;
//! 7. `holder-binding` — the holder is the `credentialSubject.id` of every credential.
//!
//! A W3C presentation whose holder's key is given directly (the conformance profile:
//! Data Integrity or `vp+jwt`, bound by `challenge` and `domain`) is checked by `direct`.
//!
//! Layout: `present` makes one; `shape` reads the payload; `check`, `verify` and `report`
//! are the checks, their steps and what comes back.

mod check;
mod direct;
mod present;
mod report;
pub(crate) mod shape;
mod subject;
mod verify;

#[cfg(test)]
mod tests;

use crate::i18n::Msg;
use crate::jws::{JwsError, UnverifiedJws};
use crate::report::{CheckId, Checks, Outcome};
use crate::signed::{self, PresentationJwt};

/// The first step of both presentation verifiers: a compact `vp+jwt` within its size limit.
/// An `alg` outside the allow-list (or a `crit` header) leaves the document readable, so
/// `well_formed` passes and `algorithm` fails; anything else fails `well_formed`.
fn parse_vp_jwt<'a, K: CheckId>(
    compact: &'a str,
    checks: &mut Checks<K>,
    well_formed: K,
    algorithm: K,
) -> Option<UnverifiedJws<'a>> {
    match signed::parse::<PresentationJwt>(compact) {
        Ok(jws) => Some(jws),
        Err(e @ (JwsError::Algorithm(_) | JwsError::Crit)) => {
            checks.push(well_formed, Outcome::Pass, Msg::new("well-formed-readable"));
            checks.push(algorithm, Outcome::Fail, Msg::raw(e.to_string()));
            None
        }
        Err(e) => {
            checks.push(well_formed, Outcome::Fail, Msg::raw(e.to_string()));
            None
        }
    }
}

pub use check::{PresentationCheck, PresentationCheckId};
pub use direct::{
    verify_presentation_direct, verify_presentation_direct_with, Binding, DirectPresentation,
    DirectPresentationCheck, DirectPresentationCheckId, AUTHENTICATION, ENVELOPED_VP_PREFIX,
    ENVELOPED_VP_TYPE,
};
pub use present::{present, PresentationError, PRESENTATION_LIFETIME_SECS, TYP_VP};
pub use report::{bundle_rejected, PresentationReport};
pub use shape::{
    peek_credentials_unchecked, EnvelopeError, ShapeError, ENVELOPED_VC_PREFIX, MAX_CREDENTIALS,
};
pub use subject::CredentialReadError;
pub use verify::{verify_presentation, MAX_PRESENTATION_LEN};
