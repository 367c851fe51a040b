//! The layers around every route: the request deadline, one JSON shape for every error
//! (with the one place where 5xx details are logged), and one log line per request.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::header::{ALLOW, CONNECTION, CONTENT_TYPE};
use axum::middleware::Next;
use axum::response::{IntoResponse as _, Response};

use crate::error::{AppError, ErrorCode, ServerErrorDetail, INTERNAL_MESSAGE};

/// Longest error text read from an answer axum gave by itself.
const MAX_ERROR_TEXT: usize = 4096;

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
pub(crate) async fn json_errors(req: Request, next: Next) -> Response {
    let response = next.run(req).await;
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
