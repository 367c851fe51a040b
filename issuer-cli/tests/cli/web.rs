//! `skillpass web build`: the verifier page the registry serves, written as a static folder
//! byte for byte, with its configuration and a policy that lets it reach the bundle's
//! origin and nowhere else; refusals name what to give.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use crate::harness::{code, stderr, Scratch};

#[test]
fn the_static_page_is_the_registrys_page_with_its_anchor_and_bundle() {
    let s = Scratch::new();
    let anchor = s.key("operator.key");
    let said = s.ok(&[
        "web",
        "build",
        "--out",
        "site",
        "--anchor",
        &anchor,
        "--bundle-url",
        "https://registry.example.org/bundle",
    ]);
    assert!(said.contains("verifier page written to site"), "{said}");
    for file in verifier_site::FILES {
        let written = std::fs::read(s.path("site").join(file.path)).unwrap();
        if file.path == "index.html" {
            let html = String::from_utf8(written).unwrap();
            assert!(
                html.contains("connect-src 'self' https://registry.example.org;"),
                "{html}"
            );
        } else {
            assert_eq!(written, file.bytes, "{}", file.path);
        }
    }
    let config: serde_json::Value =
        serde_json::from_slice(&std::fs::read(s.path("site/verifier-config.json")).unwrap())
            .unwrap();
    assert_eq!(config["anchor"], anchor.as_str());
    assert_eq!(config["bundleUrl"], "https://registry.example.org/bundle");
    // For the page opened from disk: the module as a script.
    let script = std::fs::read_to_string(s.path("site/web/verifier_web_bg.wasm.js")).unwrap();
    let b64 = script.split('"').nth(1).unwrap();
    assert_eq!(STANDARD.decode(b64).unwrap(), verifier_site::wasm());
}

#[test]
fn without_an_anchor_the_page_asks_for_one_and_an_old_configuration_is_removed() {
    let s = Scratch::new();
    let anchor = s.key("operator.key");
    s.ok(&["web", "build", "--out", "site", "--anchor", &anchor]);
    let config = std::fs::read_to_string(s.path("site/verifier-config.json")).unwrap();
    assert!(config.contains("\"bundleUrl\": \"bundle\""), "{config}");
    let said = s.ok(&["web", "build", "--out", "site"]);
    assert!(said.contains("asks for a bundle file"), "{said}");
    assert!(!s.path("site/verifier-config.json").exists());
    let html = std::fs::read(s.path("site/index.html")).unwrap();
    assert_eq!(html, verifier_site::get("index.html").unwrap().bytes);
}

#[test]
fn a_wrong_anchor_or_bundle_url_is_refused_with_what_to_give() {
    let s = Scratch::new();
    let anchor = s.key("operator.key");
    for (args, words) in [
        (vec!["--anchor", "did:web:example.org"], "did:key"),
        (
            vec![
                "--anchor",
                anchor.as_str(),
                "--bundle-url",
                "ftp://x/bundle",
            ],
            "https://",
        ),
        (
            vec![
                "--anchor",
                anchor.as_str(),
                "--bundle-url",
                "https://x/a\"b",
            ],
            "without spaces",
        ),
        (vec!["--bundle-url", "https://x/bundle"], "--anchor"),
    ] {
        let mut all = vec!["web", "build", "--out", "site"];
        all.extend(&args);
        let out = s.run(&all);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
    }
    assert!(!s.path("site/index.html").exists());
}
