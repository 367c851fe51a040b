//! The employer's verifier page: served at `/` and `/v` from the embedded build with its
//! strict Content-Security-Policy, its assets (the WebAssembly gzip-compressed, every file
//! with an ETag), nothing else under `/web/`, and the configuration naming the anchor.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::harness::Harness;

fn get(path: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.body(Body::empty()).unwrap()
}

async fn body(res: axum::response::Response) -> Vec<u8> {
    axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec()
}

#[tokio::test]
async fn the_page_is_served_at_the_root_and_at_v_with_its_strict_policy() {
    let h = Harness::new();
    let index = verifier_site::get("index.html").unwrap().bytes;
    for path in ["/", "/v"] {
        let res = h.response(get(path, &[])).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let headers = res.headers().clone();
        assert_eq!(headers["content-type"], "text/html; charset=utf-8");
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert_eq!(csp, verifier_site::csp_header());
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{csp}"
        );
        assert!(csp.contains("connect-src 'self';") && csp.contains("frame-ancestors 'none'"));
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["referrer-policy"], "no-referrer");
        assert_eq!(body(res).await, index, "{path}");
    }
}

#[tokio::test]
async fn the_webassembly_is_sent_compressed_to_who_accepts_it_and_answers_304_to_its_etag() {
    let h = Harness::new();
    let wasm = verifier_site::wasm();
    let plain = h.response(get("/web/verifier_web_bg.wasm", &[])).await;
    assert_eq!(plain.headers()["content-type"], "application/wasm");
    assert!(plain.headers().get("content-encoding").is_none());
    let etag = plain.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(body(plain).await, wasm);
    let zipped = h
        .response(get(
            "/web/verifier_web_bg.wasm",
            &[("accept-encoding", "br, gzip;q=0.8")],
        ))
        .await;
    assert_eq!(zipped.headers()["content-encoding"], "gzip");
    assert_eq!(zipped.headers()["vary"], "Accept-Encoding");
    let zipped = body(zipped).await;
    assert!(
        zipped.len() < wasm.len() / 2,
        "{} of {}",
        zipped.len(),
        wasm.len()
    );
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&zipped[..]),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, wasm);
    let again = h
        .response(get(
            "/web/verifier_web_bg.wasm",
            &[("if-none-match", &etag)],
        ))
        .await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert!(body(again).await.is_empty());
}

#[tokio::test]
async fn only_the_pages_own_files_are_served_under_web() {
    let h = Harness::new();
    for file in [
        "app.js",
        "style.css",
        "verifier_web.js",
        "jsQR.js",
        "favicon.svg",
    ] {
        let res = h.raw(get(&format!("/web/{file}"), &[])).await;
        assert_eq!(res.status, StatusCode::OK, "{file}");
    }
    for missing in [
        "/web/nothing.js",
        "/web/..%2Findex.html",
        "/web/%2e%2e",
        "/web/",
    ] {
        let res = h.raw(get(missing, &[])).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{missing}");
        assert_eq!(res.code(), "not_found", "{missing}");
    }
    let sw = h.response(get("/sw.js", &[])).await;
    assert_eq!(
        sw.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
}

#[tokio::test]
async fn the_configuration_names_the_registrys_anchor_and_its_bundle() {
    let h = Harness::new();
    let res = h.raw(get("/verifier-config.json", &[])).await;
    assert_eq!(res.status, StatusCode::OK);
    let health = h.raw(get("/healthz", &[])).await.json();
    assert_eq!(res.json()["anchor"], health["anchor"]);
    assert_eq!(res.json()["bundleUrl"], "bundle");
}

#[tokio::test]
async fn the_bundle_may_be_read_by_a_page_hosted_elsewhere() {
    let h = Harness::new();
    let res = h.response(get("/bundle", &[])).await;
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
}
