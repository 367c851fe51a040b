//! Making a presentation: the holder wraps chosen credentials, each enveloped byte for
//! byte as its issuer signed it, and signs them for one verifier and one moment.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::shape::{ENVELOPED_VC_PREFIX, MAX_CREDENTIALS};
use super::subject::subject_of;
use crate::credential::{SKILLPASS_CONTEXT_V1, VC_CONTEXT_V2};
use crate::jws::{self, Header};
use crate::keys::SecretKey;
use crate::signed::{Kind as _, PresentationJwt};

/// The JWS `typ` of a presentation (VC-JOSE-COSE).
pub const TYP_VP: &str = PresentationJwt::TYP;
/// How long a presentation stays acceptable after it was made (`exp` = `iat` + this), seconds.
pub const PRESENTATION_LIFETIME_SECS: i64 = 600;
/// Largest `aud` or `nonce` accepted, bytes.
pub(crate) const MAX_BINDING_LEN: usize = 512;

/// Why a presentation could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum PresentationError {
    /// No credential was given.
    #[error("a presentation needs at least one credential")]
    NoCredentials,
    /// More than [`MAX_CREDENTIALS`].
    #[error("{0} credentials: at most {MAX_CREDENTIALS} fit in one presentation")]
    TooManyCredentials(usize),
    /// The audience or nonce is empty or too long.
    #[error("the {0} must be 1 to {MAX_BINDING_LEN} characters")]
    Binding(&'static str),
    /// A credential is not a readable `vc+jwt`.
    #[error("credential {index}: {reason}")]
    BadCredential {
        /// Position in the list, from 1.
        index: usize,
        /// What is wrong.
        reason: String,
    },
    /// A credential is bound to someone else (or to no one), so a verifier would refuse it.
    #[error(
        "credential {index} is not issued to this holder ({holder}): its subject is {subject}"
    )]
    NotTheHolders {
        /// Position in the list, from 1.
        index: usize,
        /// The presenting holder's DID.
        holder: String,
        /// The credential's `credentialSubject.id`, or "(none)".
        subject: String,
    },
}

/// Makes a presentation of `credentials` (compact `vc+jwt` each) signed by `holder`, bound
/// to `audience` and `nonce`, issued at `now` and expiring [`PRESENTATION_LIFETIME_SECS`]
/// later.
///
/// Every credential must name the holder as its `credentialSubject.id`; one that does not
/// would only be refused by the verifier, so it is refused here with a clearer reason.
pub fn present(
    holder: &SecretKey,
    credentials: &[String],
    audience: &str,
    nonce: &str,
    now: DateTime<Utc>,
) -> Result<String, PresentationError> {
    if credentials.is_empty() {
        return Err(PresentationError::NoCredentials);
    }
    if credentials.len() > MAX_CREDENTIALS {
        return Err(PresentationError::TooManyCredentials(credentials.len()));
    }
    check_binding(audience, "audience")?;
    check_binding(nonce, "nonce")?;
    let public = holder.public();
    let did = public.did();
    let mut envelopes = Vec::with_capacity(credentials.len());
    for (i, credential) in credentials.iter().enumerate() {
        let credential = credential.trim();
        let index = i + 1;
        let subject = subject_of(credential).map_err(|e| PresentationError::BadCredential {
            index,
            reason: e.to_string(),
        })?;
        if subject.as_deref() != Some(did.as_str()) {
            return Err(PresentationError::NotTheHolders {
                index,
                holder: did,
                subject: subject.unwrap_or_else(|| "(none)".into()),
            });
        }
        envelopes.push(json!({
            "@context": VC_CONTEXT_V2,
            "type": "EnvelopedVerifiableCredential",
            "id": format!("{ENVELOPED_VC_PREFIX}{credential}"),
        }));
    }
    let iat = now.timestamp();
    let payload = json!({
        "@context": [VC_CONTEXT_V2, SKILLPASS_CONTEXT_V1],
        "id": format!("urn:uuid:{}", uuid::Uuid::new_v4()),
        "type": ["VerifiablePresentation"],
        "holder": did,
        "verifiableCredential": envelopes,
        "aud": audience,
        "nonce": nonce,
        "iat": iat,
        "exp": iat + PRESENTATION_LIFETIME_SECS,
    });
    // A Value of strings and numbers always serializes.
    let bytes = serde_json::to_vec(&payload).unwrap_or_default();
    Ok(jws::sign(
        holder,
        &Header::new(TYP_VP, &public.did_url()),
        &bytes,
    ))
}

fn check_binding(value: &str, what: &'static str) -> Result<(), PresentationError> {
    if value.is_empty() || value.len() > MAX_BINDING_LEN {
        return Err(PresentationError::Binding(what));
    }
    Ok(())
}
