//! The Skillpass verifier page as `verifier-web/build.sh` built it into
//! `verifier-web/dist/`, embedded byte for byte: the registry serves these files at `/`,
//! `/v`, `/sw.js` and `/web/…`, and `skillpass web build` writes them as a static folder.
//! Neither needs the WebAssembly toolchain: the built page is committed, and CI rebuilds
//! it and compares.
//!
//! Also here, so that the registry's header and the page's own `<meta>` cannot drift
//! apart: the page's Content-Security-Policy ([`csp`]).

/// One file of the page.
#[derive(Debug, Clone, Copy)]
pub struct File {
    /// Path in the site, `/`-separated (`index.html`, `web/app.js`).
    pub path: &'static str,
    /// The content.
    pub bytes: &'static [u8],
    /// The `Content-Type` to serve it with.
    pub content_type: &'static str,
}

macro_rules! files {
    ($($path:literal => $type:literal),* $(,)?) => {
        /// Every file of the built page.
        pub const FILES: &[File] = &[$(File {
            path: $path,
            bytes: include_bytes!(concat!("../../dist/", $path)),
            content_type: $type,
        }),*];
    };
}

files! {
    "index.html" => "text/html; charset=utf-8",
    "sw.js" => "text/javascript; charset=utf-8",
    "web/app.js" => "text/javascript; charset=utf-8",
    "web/verifier_web.js" => "text/javascript; charset=utf-8",
    "web/verifier_web_bg.wasm" => "application/wasm",
    "web/jsQR.js" => "text/javascript; charset=utf-8",
    "web/jsQR.LICENSE" => "text/plain; charset=utf-8",
    "web/style.css" => "text/css; charset=utf-8",
    "web/favicon.svg" => "image/svg+xml",
}

/// The file at `path` (`index.html`, `web/app.js`), if the page has one.
pub fn get(path: &str) -> Option<&'static File> {
    FILES.iter().find(|f| f.path == path)
}

/// The page's WebAssembly module.
pub fn wasm() -> &'static [u8] {
    get("web/verifier_web_bg.wasm").map_or(&[], |f| f.bytes)
}

/// The Content-Security-Policy of the page: its own scripts and WebAssembly only
/// (`'wasm-unsafe-eval'` lets it compile the module, nothing else), no inline script or
/// style, no external font, script or tracker; it may connect to its own origin and, for
/// a page hosted apart from its registry, to `bundle_origin` (where it downloads the
/// bundle).
pub fn csp(bundle_origin: Option<&str>) -> String {
    let connect = match bundle_origin {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_owned(),
    };
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' blob:; media-src 'self' blob: mediastream:; connect-src {connect}; \
         worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'"
    )
}

/// [`csp`] with what only a header can say: no other site may frame the page.
pub fn csp_header() -> String {
    format!("{}; frame-ancestors 'none'", csp(None))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn dist() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../dist")
    }

    #[test]
    fn every_file_of_the_built_page_is_embedded() {
        let mut on_disk = Vec::new();
        let mut stack = vec![dist()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path.strip_prefix(dist()).unwrap();
                    on_disk.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        on_disk.sort();
        let mut embedded: Vec<String> = FILES.iter().map(|f| f.path.to_owned()).collect();
        embedded.sort();
        assert_eq!(embedded, on_disk);
    }

    #[test]
    fn the_pages_own_policy_is_the_one_the_registry_sends() {
        let html = std::str::from_utf8(get("index.html").unwrap().bytes).unwrap();
        let meta = format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            csp(None)
        );
        assert!(
            html.contains(&meta),
            "index.html's CSP <meta> differs from verifier_site::csp"
        );
        assert!(csp_header().ends_with("frame-ancestors 'none'"));
        assert!(!csp(None).contains("unsafe-inline"));
    }

    #[test]
    fn the_module_is_webassembly() {
        assert!(wasm().starts_with(b"\0asm"));
        assert!(get("nothing.js").is_none());
    }
}
