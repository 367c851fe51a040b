//! Every error code the registry answers, once, with the HTTP status it is answered with.
//! Clients match on these strings, so a code is never renamed; `/openapi.json` lists them
//! as the `ErrorCode` schema of every error body.

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Declares the codes: the variant, its wire string and its status, in one line each.
macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident => $code:literal, $status:ident;)*) => {
        /// A stable snake_case error code, as sent in `{"error": {"code": …}}`.
        // The wire string is the variant's name in snake_case (serde's and utoipa's
        // renaming agree); the tests check it is the `$code` written next to it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($(#[$doc])* $variant,)*
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code on the wire.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }

            /// The status the registry answers this code with (the exceptions are named on
            /// the variants that have them).
            pub fn status(self) -> StatusCode {
                match self {
                    $(ErrorCode::$variant => StatusCode::$status,)*
                }
            }
        }
    };
}

error_codes! {
    // 400: the request cannot be read.
    /// The request line, a header, a path segment or the query is malformed (axum or hyper
    /// refused it before a handler ran).
    BadRequest => "bad_request", BAD_REQUEST;
    /// The body is not JSON, has a duplicate key, or does not fit the request.
    MalformedJson => "malformed_json", BAD_REQUEST;
    /// The body could not be read (the connection failed while sending it).
    UnreadableBody => "unreadable_body", BAD_REQUEST;
    /// The query string does not parse (a page size that is not a number…).
    InvalidQuery => "invalid_query", BAD_REQUEST;
    /// A query parameter has a value the route does not accept.
    InvalidParameter => "invalid_parameter", BAD_REQUEST;
    /// `to` of `GET /equivalence` is neither a country code nor a framework.
    InvalidDestination => "invalid_destination", BAD_REQUEST;

    // 401: who sent the request is not established.
    /// No `Authorization: Skillpass <JWS>` header, or one that is not a usable JWS.
    Unauthenticated => "unauthenticated", UNAUTHORIZED;
    /// The signature does not verify, or covers another method, path or body.
    BadSignature => "bad_signature", UNAUTHORIZED;
    /// The request's `iat` is outside the accepted window.
    StaleRequest => "stale_request", UNAUTHORIZED;
    /// The nonce was already used by this key.
    ReplayedRequest => "replayed_request", UNAUTHORIZED;
    /// The signing key belongs to no registered issuer.
    UnknownKey => "unknown_key", UNAUTHORIZED;

    // 403: the signer may not do this.
    /// The signer's role does not allow the request.
    Forbidden => "forbidden", FORBIDDEN;
    /// A credential is outside its issuer's accredited scope at its issuance date.
    OutOfScope => "out_of_scope", FORBIDDEN;
    /// The issuer is not accredited now (pending, suspended, withdrawn or expired).
    IssuerNotAccredited => "issuer_not_accredited", FORBIDDEN;
    /// The holder's grant to this reader has expired.
    GrantExpired => "grant_expired", FORBIDDEN;
    /// The holder revoked the grant to this reader.
    GrantRevoked => "grant_revoked", FORBIDDEN;
    /// A decision is signed by a key that is no registered recognition authority.
    NotAnAuthority => "not_an_authority", FORBIDDEN;
    /// An authority decided for another country than its own.
    OutsideJurisdiction => "outside_jurisdiction", FORBIDDEN;

    // 404: nothing is stored under the name.
    /// No such route.
    NotFound => "not_found", NOT_FOUND;
    /// No issuer with this DID.
    UnknownIssuer => "unknown_issuer", NOT_FOUND;
    /// No credential with this id.
    UnknownCredential => "unknown_credential", NOT_FOUND;
    /// No such grant for this credential.
    UnknownGrant => "unknown_grant", NOT_FOUND;
    /// No decision with this id.
    UnknownDecision => "unknown_decision", NOT_FOUND;
    /// No such status list. 404 from `GET /status/{did}/{purpose}`; 422 when a publish or
    /// a status change names a list the registry does not hold (the request is then
    /// refused for what it carries, not for its path).
    UnknownStatusList => "unknown_status_list", UNPROCESSABLE_ENTITY;

    /// The route does not accept that method.
    MethodNotAllowed => "method_not_allowed", METHOD_NOT_ALLOWED;
    /// The request (its body included) did not arrive within the deadline.
    RequestTimeout => "request_timeout", REQUEST_TIMEOUT;

    // 409: the request contradicts what is stored.
    /// The signing key is already an issuer's.
    IssuerExists => "issuer_exists", CONFLICT;
    /// The issuer was withdrawn; withdrawal is final.
    IssuerWithdrawn => "issuer_withdrawn", CONFLICT;
    /// The issuer was never accredited.
    NotAccredited => "not_accredited", CONFLICT;
    /// A reinstatement of an issuer that is not suspended at that date.
    NotSuspended => "not_suspended", CONFLICT;
    /// A rotation to a key that is already registered.
    KeyInUse => "key_in_use", CONFLICT;
    /// Another credential with this id is stored.
    CredentialExists => "credential_exists", CONFLICT;
    /// A first upload of a list of a purpose the issuer already has.
    StatusListExists => "status_list_exists", CONFLICT;
    /// The authority is already registered.
    AuthorityExists => "authority_exists", CONFLICT;
    /// Another decision with this id is stored.
    DecisionExists => "decision_exists", CONFLICT;
    /// The decision a revision supersedes already has a revision.
    AlreadySuperseded => "already_superseded", CONFLICT;
    /// The decision is already withdrawn.
    DecisionWithdrawn => "decision_withdrawn", CONFLICT;

    /// The body is over the configured limit.
    BodyTooLarge => "body_too_large", PAYLOAD_TOO_LARGE;
    /// The URI is too long (hyper refused it).
    UriTooLong => "uri_too_long", URI_TOO_LONG;
    /// The body is not declared as JSON.
    UnsupportedMediaType => "unsupported_media_type", UNSUPPORTED_MEDIA_TYPE;

    // 422: the request is readable but what it carries is not acceptable.
    /// A 422 that axum answered by itself.
    Unprocessable => "unprocessable", UNPROCESSABLE_ENTITY;
    /// A field is over its bound, holds forbidden characters, or is not of its form.
    InvalidField => "invalid_field", UNPROCESSABLE_ENTITY;
    /// A scope item is not `TYPE[:MAX-LEVEL]`, or an accreditation has none.
    InvalidScope => "invalid_scope", UNPROCESSABLE_ENTITY;
    /// `validUntil` is not after `validFrom`.
    InvalidPeriod => "invalid_period", UNPROCESSABLE_ENTITY;
    /// A rotation's new key is not a `did:key`.
    InvalidKey => "invalid_key", UNPROCESSABLE_ENTITY;
    /// A rotation's proof of possession is not the new key's, for this issuer.
    InvalidKeyProof => "invalid_key_proof", UNPROCESSABLE_ENTITY;
    /// A credential fails a check an offline verifier makes.
    InvalidCredential => "invalid_credential", UNPROCESSABLE_ENTITY;
    /// A status list is not the issuer's, not well-formed, or carries claims it must not.
    InvalidStatusList => "invalid_status_list", UNPROCESSABLE_ENTITY;
    /// A status list update changes more than the one credential's bit.
    StatusListMismatch => "status_list_mismatch", UNPROCESSABLE_ENTITY;
    /// The credential has no status entry of the purpose asked for.
    NoStatusEntry => "no_status_entry", UNPROCESSABLE_ENTITY;
    /// A request to undo a revocation.
    RevocationIsPermanent => "revocation_is_permanent", UNPROCESSABLE_ENTITY;
    /// A publish with neither credentials nor status lists.
    NothingToPublish => "nothing_to_publish", UNPROCESSABLE_ENTITY;
    /// A publish of more credentials than one request may carry.
    BatchTooLarge => "batch_too_large", UNPROCESSABLE_ENTITY;
    /// A publish that repeats a credential id.
    DuplicateCredential => "duplicate_credential", UNPROCESSABLE_ENTITY;
    /// A grant to something that is not a `did:key`.
    InvalidGrantee => "invalid_grantee", UNPROCESSABLE_ENTITY;
    /// A grant's expiry is past or too far ahead.
    InvalidExpiry => "invalid_expiry", UNPROCESSABLE_ENTITY;
    /// A decision is not one a verifier would trust.
    InvalidDecision => "invalid_decision", UNPROCESSABLE_ENTITY;
    /// A revision supersedes a decision that is not stored.
    UnknownSupersededDecision => "unknown_superseded_decision", UNPROCESSABLE_ENTITY;
    /// A withdrawal that is not the stored decision with only `withdrawn` added.
    DecisionMismatch => "decision_mismatch", UNPROCESSABLE_ENTITY;
    /// A withdrawal that does not set `withdrawn`.
    NotWithdrawn => "not_withdrawn", UNPROCESSABLE_ENTITY;
    /// A withdrawal dated in the future.
    InvalidWithdrawal => "invalid_withdrawal", UNPROCESSABLE_ENTITY;
    /// `level` of `GET /equivalence` is no level of a shipped framework.
    UnknownLevel => "unknown_level", UNPROCESSABLE_ENTITY;

    /// Too many headers, or headers too large (hyper refused them).
    HeadersTooLarge => "headers_too_large", REQUEST_HEADER_FIELDS_TOO_LARGE;
    /// Any other 4xx that axum or hyper answered by itself (with its own status).
    ClientError => "client_error", BAD_REQUEST;

    // 5xx: the registry failed; details are in its log, never in the answer.
    /// The registry failed to handle the request (any 5xx not named below).
    InternalError => "internal_error", INTERNAL_SERVER_ERROR;
    /// A backup was refused because the store fails its check.
    StoreDamaged => "store_damaged", INTERNAL_SERVER_ERROR;
    /// `GET /healthz`: the store cannot be read.
    StoreUnavailable => "store_unavailable", SERVICE_UNAVAILABLE;
    /// `POST /relay/{id}`: the mailbox, or the whole relay, holds as much as it may until
    /// answers are collected or expire.
    RelayFull => "relay_full", SERVICE_UNAVAILABLE;
}

impl ErrorCode {
    /// The code for an answer that axum or hyper gave by itself, with `status` and no
    /// body in the API's shape.
    pub fn for_status(status: StatusCode) -> Self {
        match status.as_u16() {
            400 => Self::BadRequest,
            404 => Self::NotFound,
            405 => Self::MethodNotAllowed,
            408 => Self::RequestTimeout,
            413 => Self::BodyTooLarge,
            414 => Self::UriTooLong,
            415 => Self::UnsupportedMediaType,
            422 => Self::Unprocessable,
            431 => Self::HeadersTooLarge,
            _ if status.is_server_error() => Self::InternalError,
            _ => Self::ClientError,
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_snake_case_unique_and_serialised_as_itself() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "{s} is declared twice");
            assert!(
                s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{s}"
            );
            assert_eq!(serde_json::to_value(code).unwrap(), s);
        }
    }

    #[test]
    fn an_answer_axum_gave_by_itself_gets_the_code_of_its_status() {
        for (status, code) in [
            (400, "bad_request"),
            (404, "not_found"),
            (405, "method_not_allowed"),
            (408, "request_timeout"),
            (413, "body_too_large"),
            (414, "uri_too_long"),
            (415, "unsupported_media_type"),
            (422, "unprocessable"),
            (431, "headers_too_large"),
            (411, "client_error"),
            (502, "internal_error"),
        ] {
            let status = StatusCode::from_u16(status).unwrap();
            assert_eq!(ErrorCode::for_status(status).as_str(), code, "{status}");
        }
    }
}
