//! The employer's verifier page (`verifier-web`), served from the bytes embedded in the
//! binary (`verifier_site`): `/` and `/v` (the same page; `/v#<credential>` links carry the
//! credential in the fragment, which browsers never send), its service worker and assets,
//! and `/verifier-config.json`, which tells the page the anchor to pin and where the
//! bundle is.
//!
//! Every answer carries the page's strict Content-Security-Policy, `nosniff`, no referrer
//! and no framing. The WebAssembly and scripts are sent gzip-compressed to clients that
//! accept it (compressed once, on first request), with a strong `ETag` so a reload costs
//! a 304. Nothing here reads the store; the page verifies in the browser.

use std::collections::HashMap;
use std::io::Write as _;
use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sha2::{Digest as _, Sha256};
use utoipa::ToSchema;

use crate::conditional::if_none_match;
use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::state::AppState;

/// `GET /verifier-config.json` answer.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VerifierConfig {
    /// The operator's did:key: the anchor the page pins on first use.
    pub anchor: String,
    /// Where the page downloads the trust bundle, relative to the page.
    pub bundle_url: String,
}

/// GET / — the verifier page.
#[utoipa::path(get, path = "/", tag = "verifier page",
    responses((status = 200, description = "The verifier page (HTML)", content_type = "text/html"),
        (status = 304, description = "Not modified")))]
pub async fn page(headers: HeaderMap) -> Response {
    serve("index.html", &headers)
}

/// GET /v — the verifier page, for links `/v#<credential>` printed on cards (`skillpass
/// card --verify-url https://REGISTRY/v`); the credential stays in the fragment.
#[utoipa::path(get, path = "/v", tag = "verifier page",
    responses((status = 200, description = "The verifier page (HTML)", content_type = "text/html"),
        (status = 304, description = "Not modified")))]
pub async fn page_v(headers: HeaderMap) -> Response {
    serve("index.html", &headers)
}

/// GET /sw.js — the page's service worker, which keeps the page for use offline.
#[utoipa::path(get, path = "/sw.js", tag = "verifier page",
    responses((status = 200, description = "JavaScript", content_type = "text/javascript"),
        (status = 304, description = "Not modified")))]
pub async fn service_worker(headers: HeaderMap) -> Response {
    serve("sw.js", &headers)
}

/// GET /web/{file} — the page's scripts, style, icon and WebAssembly module. 404 for any
/// other name.
#[utoipa::path(get, path = "/web/{file}", tag = "verifier page",
    params(("file" = String, Path, description = "app.js, verifier_web_bg.wasm, …")),
    responses((status = 200, description = "The file"), (status = 304, description = "Not modified"),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn asset(Path(file): Path<String>, headers: HeaderMap) -> Response {
    if file.contains('/') || verifier_site::get(&format!("web/{file}")).is_none() {
        return AppError::said(
            ErrorCode::NotFound,
            credential_core::i18n::Msg::new("reg-no-web-file"),
        )
        .into_response();
    }
    serve(&format!("web/{file}"), &headers)
}

/// GET /verifier-config.json — the anchor the page pins and where it gets the bundle.
#[utoipa::path(get, path = "/verifier-config.json", tag = "verifier page",
    responses((status = 200, body = VerifierConfig)))]
pub async fn config(State(state): State<AppState>) -> Response {
    let body = VerifierConfig {
        anchor: state.operator_did().to_owned(),
        bundle_url: "bundle".to_owned(),
    };
    let mut response = axum::Json(body).into_response();
    secure(response.headers_mut());
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// One file as sent: its bytes, gzip-compressed bytes when that is smaller, and its ETag.
struct Prepared {
    file: &'static verifier_site::File,
    gzip: Option<Vec<u8>>,
    etag: String,
}

fn prepared(path: &str) -> Option<&'static Prepared> {
    static ALL: OnceLock<HashMap<&'static str, Prepared>> = OnceLock::new();
    ALL.get_or_init(|| {
        verifier_site::FILES
            .iter()
            .map(|file| {
                let digest = hex::encode(Sha256::digest(file.bytes));
                let prepared = Prepared {
                    file,
                    gzip: gzip(file.bytes).filter(|z| z.len() < file.bytes.len()),
                    etag: format!("\"{}\"", digest.get(..32).unwrap_or(&digest)),
                };
                (file.path, prepared)
            })
            .collect()
    })
    .get(path)
}

fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(bytes).ok()?;
    z.finish().ok()
}

fn serve(path: &str, headers: &HeaderMap) -> Response {
    let Some(p) = prepared(path) else {
        return AppError::said(
            ErrorCode::NotFound,
            credential_core::i18n::Msg::new("reg-no-web-file"),
        )
        .into_response();
    };
    let not_modified = if_none_match(headers, &p.etag);
    let accepts_gzip = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|e| e.split(';').next().is_some_and(|e| e.trim() == "gzip"));
    let mut response = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        match (&p.gzip, accepts_gzip) {
            (Some(z), true) => {
                let mut r = z.clone().into_response();
                r.headers_mut()
                    .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                r
            }
            _ => p.file.bytes.into_response(),
        }
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(p.file.content_type),
    );
    if let Ok(etag) = HeaderValue::from_str(&p.etag) {
        h.insert(header::ETAG, etag);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    secure(h);
    response
}

/// The headers every answer of the page carries.
fn secure(h: &mut HeaderMap) {
    if let Ok(csp) = HeaderValue::from_str(&verifier_site::csp_header()) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(self), microphone=(), geolocation=()"),
    );
}
