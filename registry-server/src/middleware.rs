//! The layers around every route: the request deadline, one JSON shape for every error
//! (with the one place where 5xx details are logged), and one log line per request.

use std::time::Instant;

use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::header::{
    ACCEPT_LANGUAGE, ALLOW, CONNECTION, CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE,
};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse as _, Response};
use credential_core::i18n::{self, Lang};

use crate::error::{AppError, ErrorCode, SaidMessage, ServerErrorDetail, INTERNAL_MESSAGE};

/// Longest error text read from an answer axum gave by itself.
const MAX_ERROR_TEXT: usize = 4096;

/// Longest JSON error body read back to add the reader's language to it.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Answers 408 when a request (reading its body included) outlasts the deadline.
pub(crate) async fn deadline(timeout: std::time::Duration, req: Request, next: Next) -> Response {
    match tokio::time::timeout(timeout, next.run(req)).await {
        Ok(response) => response,
        Err(_) => AppError::request_timeout().into_response(),
    }
}

/// Every error leaves in the API's one JSON shape, also those that axum's extractors and
/// layers answer by themselves (a path segment that is not UTF-8, a query that does not
/// parse, a body over the limit...), as plain text or with no body: they get the code their
/// status stands for, and their text as the message (5xx texts are replaced).
///
/// Every 5xx is logged here, and only here: with the detail the [`AppError`] carried, or
/// the text axum answered.
///
/// A request that sends `Accept-Language` gets, beside the stable `code` and the English
/// `message`, what this kind of refusal means in its language (`text`, `lang`, `dir`) and
/// a `Content-Language` header.
pub(crate) async fn json_errors(req: Request, next: Next) -> Response {
    let lang = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .map(|v| Lang::from_accept_language(v.to_str().ok()));
    let response = json_error_shape(next.run(req).await).await;
    match lang {
        Some(lang)
            if response.status().is_client_error() || response.status().is_server_error() =>
        {
            in_language(response, lang).await
        }
        _ => response,
    }
}

/// The catalog message saying what an error of `status` means.
fn meaning(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "registry-400",
        401 => "registry-401",
        403 => "registry-403",
        404 => "registry-404",
        405 => "registry-405",
        408 => "registry-408",
        409 => "registry-409",
        413 => "registry-413",
        414 => "registry-414",
        415 => "registry-415",
        422 => "registry-422",
        431 => "registry-431",
        503 => "registry-503",
        500..=599 => "registry-500",
        _ => "registry-error",
    }
}

/// Adds `text`, `lang` and `dir` in `lang` to a JSON error answer.
async fn in_language(response: Response, lang: Lang) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BODY).await else {
        return AppError::internal("an error answer too large to add its language to")
            .into_response();
    };
    let mut json: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    if let Some(error) = json
        .get_mut("error")
        .and_then(serde_json::Value::as_object_mut)
    {
        // This very refusal in the reader's language where its call site says it through
        // the catalog; else what this kind of refusal means.
        let text = match parts.extensions.get::<SaidMessage>() {
            Some(SaidMessage(msg)) => msg.text(lang),
            None => i18n::text(lang, meaning(parts.status)),
        };
        error.insert("text".into(), text.into());
        error.insert("lang".into(), lang.tag().into());
        error.insert("dir".into(), lang.dir().into());
    }
    parts.headers.remove(CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
    let body = serde_json::to_vec(&json).unwrap_or_else(|_| bytes.to_vec());
    Response::from_parts(parts, Body::from(body))
}

/// [`json_errors`] without the language: every error answer in the one JSON shape.
async fn json_error_shape(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        if status.is_server_error() {
            let detail = response
                .extensions()
                .get::<ServerErrorDetail>()
                .map_or("(no detail)", |d| d.0.as_str());
            tracing::error!(status = status.as_u16(), error = %detail, "internal error");
        }
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, MAX_ERROR_TEXT)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .unwrap_or_default();
    let message = if status.is_server_error() {
        tracing::error!(status = status.as_u16(), error = %text, "internal error");
        INTERNAL_MESSAGE.to_owned()
    } else if text.is_empty() {
        status
            .canonical_reason()
            .unwrap_or("the request was refused")
            .to_lowercase()
    } else {
        text
    };
    let mut out =
        AppError::with_status(status, ErrorCode::for_status(status), message).into_response();
    // Keep what the original answer said about the connection and allowed methods.
    for name in [ALLOW, CONNECTION] {
        if let Some(v) = parts.headers.get(&name) {
            out.headers_mut().insert(name, v.clone());
        }
    }
    out
}

/// One log line per request: method, route template (never the concrete path, which may
/// hold a credential id), status and time. No bodies, no headers.
pub(crate) async fn trace(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(unmatched)".to_owned(), |p| p.as_str().to_owned());
    let start = Instant::now();
    let response = next.run(req).await;
    tracing::info!(
        %method,
        route,
        status = response.status().as_u16(),
        ms = start.elapsed().as_millis() as u64,
        "request"
    );
    response
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt as _;

    use super::*;

    /// Log lines written while a test runs.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// The answer to `GET /` of `router` under the error middleware, and the log it wrote.
    async fn answer(router: Router) -> (StatusCode, String, String) {
        let log = Captured::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let _default = tracing::subscriber::set_default(subscriber);
        let app = router.layer(axum::middleware::from_fn(json_errors));
        let res = app
            .oneshot(Request::get("/").body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = res.status();
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        let log = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
        (status, String::from_utf8_lossy(&body).into_owned(), log)
    }

    #[tokio::test]
    async fn a_server_error_s_detail_is_logged_once_and_never_sent() {
        let internal =
            format!(r#"{{"error":{{"code":"internal_error","message":"{INTERNAL_MESSAGE}"}}}}"#);
        let cases = [
            (
                "an AppError",
                Router::new().route(
                    "/",
                    get(|| async { AppError::internal("tree issuerdid_issuer is corrupt") }),
                ),
                StatusCode::INTERNAL_SERVER_ERROR,
                "tree issuerdid_issuer is corrupt",
            ),
            (
                "a plain-text answer",
                Router::new().route(
                    "/",
                    get(|| async { (StatusCode::BAD_GATEWAY, "upstream said no at 10.0.0.7") }),
                ),
                StatusCode::BAD_GATEWAY,
                "upstream said no at 10.0.0.7",
            ),
        ];
        for (what, router, expected, detail) in cases {
            let (status, body, log) = answer(router).await;
            assert_eq!(status, expected, "{what}");
            assert_eq!(body, internal, "{what}");
            assert_eq!(log.matches(detail).count(), 1, "{what}: {log}");
        }
    }

    #[tokio::test]
    async fn a_plain_text_client_error_gets_the_api_shape_and_is_not_logged() {
        let refused = Router::new().route(
            "/",
            get(|| async { (StatusCode::LENGTH_REQUIRED, "send a length") }),
        );
        let (status, body, log) = answer(refused).await;
        assert_eq!(status, StatusCode::LENGTH_REQUIRED);
        assert_eq!(
            body,
            r#"{"error":{"code":"client_error","message":"send a length"}}"#
        );
        assert!(log.is_empty(), "{log}");
    }
}
