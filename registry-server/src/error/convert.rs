//! The core and storage errors whose variant alone decides the answer. Errors whose code
//! depends on the document they were met in (a JWS error in a status list is
//! `invalid_status_list`, in a decision `invalid_decision`) are mapped by the refusal types
//! of `documents/`, which know the document.

use credential_core::equivalence::EquivalenceError;
use credential_core::request::RequestError;
use credential_core::trust::ScopeError;
use credential_core::BundleError;

use super::{AppError, ErrorCode};
use crate::store::StoreError;

/// A store that cannot be reached (a database whose connections are cut) is 503
/// `store_unavailable`, which a client may retry; any other storage failure is a 500. The
/// details go to the log either way.
impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        if e.is_unavailable() {
            Self::store_unavailable(e)
        } else {
            Self::internal(e)
        }
    }
}

/// A `TYPE[:MAX-LEVEL]` scope item that names no credential type or no known level.
impl From<ScopeError> for AppError {
    fn from(e: ScopeError) -> Self {
        Self::said_detail(ErrorCode::InvalidScope, "reg-scope-refused", e.to_string())
    }
}

/// A signed request refused before the handler: who sent it is not established.
impl From<RequestError> for AppError {
    fn from(e: RequestError) -> Self {
        let code = match e {
            RequestError::Unsigned(_) => ErrorCode::Unauthenticated,
            RequestError::Stale { .. } => ErrorCode::StaleRequest,
            _ => ErrorCode::BadSignature,
        };
        Self::said_detail(code, "reg-request-refused", e.to_string())
    }
}

/// The equivalence table refusing a query's destination or a decision; a broken shipped
/// catalog is the registry's failure.
impl From<EquivalenceError> for AppError {
    fn from(e: EquivalenceError) -> Self {
        let code = match e {
            EquivalenceError::CatalogJson { .. } | EquivalenceError::CatalogInconsistent { .. } => {
                return Self::internal(e)
            }
            EquivalenceError::InvalidDestination { .. } => ErrorCode::InvalidDestination,
            EquivalenceError::DuplicateDecision { .. } => ErrorCode::DecisionExists,
            EquivalenceError::UnknownSupersededDecision { .. } => {
                ErrorCode::UnknownSupersededDecision
            }
            _ => ErrorCode::InvalidDecision,
        };
        Self::said_detail(code, "reg-equivalence-refused", e.to_string())
    }
}

/// The registry failed to sign a bundle with its own key.
impl From<BundleError> for AppError {
    fn from(e: BundleError) -> Self {
        Self::internal(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_errors_keep_their_codes() {
        let cases = [
            (
                RequestError::Unsigned("no header".into()),
                "unauthenticated",
            ),
            (
                RequestError::Stale {
                    iat: 0,
                    now: 1000,
                    window: 300,
                },
                "stale_request",
            ),
            (RequestError::BadSignature, "bad_signature"),
            (RequestError::Mismatch("path"), "bad_signature"),
        ];
        for (e, code) in cases {
            let message = e.to_string();
            let app = AppError::from(e);
            assert_eq!((app.code().as_str(), app.status().as_u16()), (code, 401));
            assert_eq!(app.message, message);
        }
    }

    #[test]
    fn equivalence_errors_keep_their_codes() {
        let cases = [
            (
                EquivalenceError::InvalidDestination { value: "de".into() },
                "invalid_destination",
                400,
            ),
            (
                EquivalenceError::DuplicateDecision { id: "x".into() },
                "decision_exists",
                409,
            ),
            (
                EquivalenceError::UnknownSupersededDecision {
                    id: "x".into(),
                    supersedes: "y".into(),
                },
                "unknown_superseded_decision",
                422,
            ),
            (
                EquivalenceError::InvalidDecision {
                    id: "x".into(),
                    reason: "no levels".into(),
                },
                "invalid_decision",
                422,
            ),
            (
                EquivalenceError::CatalogJson {
                    message: "eof".into(),
                },
                "internal_error",
                500,
            ),
        ];
        for (e, code, status) in cases {
            let app = AppError::from(e);
            assert_eq!((app.code().as_str(), app.status().as_u16()), (code, status));
        }
    }
}
