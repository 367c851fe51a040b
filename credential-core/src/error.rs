//! One error for callers that handle every stage alike (a command line printing what went
//! wrong, a service mapping failures to codes): each stage's own error, joined with
//! `From`, so `?` carries any of them and a `match` still tells them apart.

use crate::credential::CredentialError;
use crate::equivalence::EquivalenceError;
use crate::integrity::IntegrityError;
use crate::json::JsonError;
use crate::jws::JwsError;
use crate::keys::KeyError;
use crate::paper::{LinkError, PaperError};
use crate::presentation::PresentationError;
use crate::request::{KeyProofError, RequestError};
use crate::sdjwt::SdJwtError;
use crate::seen::SeenError;
use crate::status::{ListPolicyError, StatusError};
use crate::trust::{BundleError, DecisionError, ScopeError};
use crate::verify::PublishRefusal;
#[cfg(feature = "wallet")]
use crate::wallet::WalletError;

/// Any error of this crate. The message is the stage's own, unchanged.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A compact JWS that cannot be parsed, or a refused algorithm.
    #[error(transparent)]
    Jws(#[from] JwsError),
    /// A document that is not strict JSON.
    #[error(transparent)]
    Json(#[from] JsonError),
    /// A key, DID or JWK that cannot be read.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// A credential that cannot be built, signed or read.
    #[error(transparent)]
    Credential(#[from] CredentialError),
    /// A status list or status entry.
    #[error(transparent)]
    Status(#[from] StatusError),
    /// A status list update the registry's policy refuses.
    #[error(transparent)]
    ListPolicy(#[from] ListPolicyError),
    /// A trust bundle that was refused or cannot be built.
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// A recognition decision that is not trusted.
    #[error(transparent)]
    Decision(#[from] DecisionError),
    /// An accreditation scope.
    #[error(transparent)]
    Scope(#[from] ScopeError),
    /// Framework data, a decision table or a destination.
    #[error(transparent)]
    Equivalence(#[from] EquivalenceError),
    /// A credential the registry's publish policy refuses.
    #[error(transparent)]
    Publish(#[from] PublishRefusal),
    /// A presentation that cannot be made.
    #[error(transparent)]
    Presentation(#[from] PresentationError),
    /// An SD-JWT that cannot be issued, presented or read.
    #[error(transparent)]
    SdJwt(#[from] SdJwtError),
    /// A signed request that is refused.
    #[error(transparent)]
    Request(#[from] RequestError),
    /// A key proof that is refused.
    #[error(transparent)]
    KeyProof(#[from] KeyProofError),
    /// A verifier's memory of bundles that cannot be read.
    #[error(transparent)]
    Seen(#[from] SeenError),
    /// A wallet that cannot be opened, sealed or added to.
    #[cfg(feature = "wallet")]
    #[error(transparent)]
    Wallet(#[from] WalletError),
    /// A paper code that cannot be made or read.
    #[error(transparent)]
    Paper(#[from] PaperError),
    /// A link to the verifier page that cannot be made or read.
    #[error(transparent)]
    Link(#[from] LinkError),
    /// A Data Integrity proof could not be made or does not hold.
    #[error(transparent)]
    Integrity(#[from] IntegrityError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_stage_error_converts_and_keeps_its_own_words() {
        fn refuse() -> Result<(), Error> {
            Err(BundleError::Dates)?
        }
        let err = refuse().unwrap_err();
        assert!(matches!(err, Error::Bundle(BundleError::Dates)));
        assert_eq!(err.to_string(), BundleError::Dates.to_string());
        let err: Error = "x".parse::<crate::trust::ScopeItem>().unwrap_err().into();
        assert!(matches!(err, Error::Scope(_)));
    }
}
