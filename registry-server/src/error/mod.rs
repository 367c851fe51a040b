//! The one HTTP error type. Every error leaves as
//! `{"error": {"code": "stable_snake_case_code", "message": "..."}}`; 4xx messages say what
//! the client got wrong; a 5xx carries its detail only as far as the error middleware,
//! which logs it, and the client sees a generic message.
//!
//! The codes are the [`ErrorCode`] enum; the core errors the registry meets are turned
//! into codes by their variant in `convert.rs`, and the registry's own error types
//! (records, ledger, documents) by a `From` impl next to each.

mod code;
mod convert;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use credential_core::i18n::{Lang, Msg};
use serde::Serialize;
use utoipa::ToSchema;

pub use code::ErrorCode;

/// The `WWW-Authenticate` challenge of a 401 (RFC 9110 §11.6.1): sign the request with the
/// `Skillpass` scheme (`Authorization: Skillpass <JWS>`, see `auth/`).
pub const SKILLPASS_CHALLENGE: &str = "Skillpass";

/// The challenge of the relay's 401: the mailbox secret as a bearer token (RFC 6750).
pub const BEARER_CHALLENGE: &str = "Bearer";

/// What a client is told when the registry failed: the detail is in the operator's log.
pub(crate) const INTERNAL_MESSAGE: &str =
    "the registry failed to handle the request; the operator can find details in its log";

/// An API error: a status, a stable code and a message for the client, and for a 5xx the
/// detail the error middleware logs.
#[derive(Debug)]
pub struct AppError {
    status: StatusCode,
    code: ErrorCode,
    message: String,
    detail: Option<String>,
    said: Option<Msg>,
    challenge: &'static str,
}

/// The JSON error body.
#[derive(Debug, Serialize, serde::Deserialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong: a code for programs, a message for people.
    pub error: ErrorDetail,
}

/// The `error` member of [`ErrorBody`].
#[derive(Debug, Serialize, serde::Deserialize, ToSchema)]
pub struct ErrorDetail {
    /// For programs: one of the codes listed here, never renamed.
    pub code: ErrorCode,
    /// For people: what went wrong and, for a 4xx, what to change (English).
    pub message: String,
    /// Only when the request sent `Accept-Language`: what this kind of refusal means, in
    /// the language chosen from it (exact tag → base language → English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The BCP 47 tag of `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// `rtl` or `ltr`: the writing direction of `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir: Option<String>,
}

/// The catalog message an error's `message` is the English of, handed from
/// [`AppError::into_response`] to the language middleware in the response's extensions, so
/// that a request with `Accept-Language` reads this very refusal in its language.
#[derive(Debug, Clone)]
pub(crate) struct SaidMessage(pub(crate) Msg);

/// A 5xx's detail, handed from [`AppError::into_response`] to the error middleware in the
/// response's extensions (never serialised).
#[derive(Debug, Clone)]
pub(crate) struct ServerErrorDetail(pub(crate) String);

impl AppError {
    /// An error with `code`'s own status.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::with_status(code.status(), code, message)
    }

    /// An error with another status than `code`'s own; only for the exceptions that
    /// [`ErrorCode`] names.
    pub fn with_status(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            detail: None,
            said: None,
            challenge: SKILLPASS_CHALLENGE,
        }
    }

    /// An error with `code`'s own status whose message is the catalog message `msg`: its
    /// English words in `message`, and, for a request with `Accept-Language`, its words in
    /// that language in `text`.
    pub fn said(code: ErrorCode, msg: Msg) -> Self {
        let mut error = Self::new(code, msg.text(Lang::En));
        error.said = Some(msg);
        error
    }

    /// [`AppError::said`] with another status than `code`'s own; only for the exceptions
    /// that [`ErrorCode`] names.
    pub fn said_with_status(status: StatusCode, code: ErrorCode, msg: Msg) -> Self {
        let mut error = Self::with_status(status, code, msg.text(Lang::En));
        error.said = Some(msg);
        error
    }

    /// The refusal `id` whose English is exactly what a lower layer said (`detail`: a body
    /// or query parser's, a core check's): English readers get those words as they always
    /// did; a reader of another language gets the catalog's sentence for this refusal with
    /// the lower layer's words after it.
    pub fn said_detail(code: ErrorCode, id: &'static str, detail: impl Into<String>) -> Self {
        Self::said(code, Msg::new(id).arg("detail", detail.into()))
    }

    /// 500 `internal_error`: `detail` goes to the log, the client sees only that
    /// something failed.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        Self::new(ErrorCode::InternalError, INTERNAL_MESSAGE).with_detail(detail)
    }

    /// 503 `store_unavailable`: the store could not be reached; `detail` goes to the log.
    pub fn store_unavailable(detail: impl std::fmt::Display) -> Self {
        Self::said(
            ErrorCode::StoreUnavailable,
            Msg::new("reg-store-unreachable"),
        )
        .with_detail(detail)
    }

    /// A 401 that asks for another authentication scheme than `Skillpass` in its
    /// `WWW-Authenticate` (the relay's mailbox secret is a bearer token).
    pub fn with_challenge(mut self, challenge: &'static str) -> Self {
        self.challenge = challenge;
        self
    }

    /// Adds what the operator's log should say of this error (shown to no client).
    pub fn with_detail(mut self, detail: impl std::fmt::Display) -> Self {
        self.detail = Some(detail.to_string());
        self
    }

    /// 408: the request (its body included) took longer than the configured deadline.
    pub fn request_timeout() -> Self {
        Self::said(ErrorCode::RequestTimeout, Msg::new("reg-timeout"))
    }

    /// The HTTP status the client gets.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The code the client gets.
    pub fn code(&self) -> ErrorCode {
        self.code
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.detail {
            Some(detail) => write!(f, "{}: {detail}", self.code),
            None => write!(f, "{}: {}", self.code, self.message),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: self.message,
                text: None,
                lang: None,
                dir: None,
            },
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        // Every 401 says how to authenticate (RFC 9110 §15.5.2 requires the header).
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static(self.challenge),
            );
        }
        if let Some(detail) = self.detail {
            response.extensions_mut().insert(ServerErrorDetail(detail));
        }
        if let Some(msg) = self.said {
            response.extensions_mut().insert(SaidMessage(msg));
        }
        response
    }
}

/// The fallback for unknown routes: 404 in the API's error shape.
pub async fn not_found() -> AppError {
    AppError::said(ErrorCode::NotFound, Msg::new("reg-no-route"))
}

/// The fallback for a known route with another method.
pub async fn method_not_allowed() -> AppError {
    AppError::said(ErrorCode::MethodNotAllowed, Msg::new("reg-method"))
}
