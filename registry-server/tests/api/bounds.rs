//! Request bodies are bounded and names normalised before any handler sees them
//! (issue 9, point 10).

use serde_json::{json, Value};

use credential_core::SecretKey;

use crate::harness::Harness;

async fn register(r: &Harness, body: Value) -> (u16, Value) {
    r.call_json("POST", "/issuers", &body, Some(&SecretKey::generate()))
        .await
        .pair()
}

#[tokio::test]
async fn a_registration_with_a_ten_thousand_item_scope_is_refused() {
    let r = Harness::new();
    let scope: Vec<String> = (0..10_000)
        .map(|_| "QualificationCredential:PQF-6".to_owned())
        .collect();
    let (status, v) = register(
        &r,
        json!({"name": "Big", "country": "PH", "requestedScope": scope}),
    )
    .await;
    assert_eq!(
        (status, v["error"]["code"].as_str()),
        (422, Some("invalid_field")),
        "{v}"
    );
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("at most 16"),
        "{v}"
    );
    let (status, _) = register(&r, json!({"name": "Fine", "country": "PH", "requestedScope": ["QualificationCredential:PQF-6"]})).await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn names_with_control_or_bidirectional_override_characters_are_refused_everywhere() {
    let r = Harness::new();
    for name in [
        "College\u{202E}gpj.exe",
        "Nul\u{0}College",
        "Bell\u{7}",
        "Iso\u{2067}late",
    ] {
        let (status, v) = register(&r, json!({"name": name, "country": "PH"})).await;
        assert_eq!(
            (status, v["error"]["code"].as_str()),
            (422, Some("invalid_field")),
            "{name:?}: {v}"
        );
    }
    let (status, v) = register(
        &r,
        json!({"name": "College", "country": "PH", "contact": "a\u{1b}[31mb"}),
    )
    .await;
    assert_eq!(status, 422, "{v}");
    let authority = |jurisdiction: &str| json!({"id": SecretKey::generate().public().did(), "name": "Amt", "country": "DE", "jurisdiction": jurisdiction});
    let (status, v) = r
        .call_json(
            "POST",
            "/authorities",
            &authority("nursing\u{202D}"),
            Some(&r.operator),
        )
        .await
        .pair();
    assert_eq!(status, 422, "{v}");
    let unknown = SecretKey::generate().public().did();
    let reason = json!({"reason": "x".repeat(501)});
    let (status, v) = r
        .call_json(
            "POST",
            &format!("/issuers/{unknown}/suspend"),
            &reason,
            Some(&r.operator),
        )
        .await
        .pair();
    assert_eq!(status, 422, "{v}");
    let scope: Vec<String> = (0..17)
        .map(|i| format!("QualificationCredential:PQF-{}", i % 8 + 1))
        .collect();
    let (status, v) = r
        .call_json(
            "POST",
            &format!("/issuers/{unknown}/accredit"),
            &json!({"scope": scope}),
            Some(&r.operator),
        )
        .await
        .pair();
    assert_eq!(status, 422, "{v}");
}

#[tokio::test]
async fn a_registered_name_is_stored_trimmed_and_in_nfc() {
    let r = Harness::new();
    let key = SecretKey::generate();
    let (status, v) = r
        .call_json(
            "POST",
            "/issuers",
            &json!({"name": "  Cole\u{301}gio San Jose\u{301} ", "country": "PH"}),
            Some(&key),
        )
        .await
        .pair();
    assert_eq!(status, 201, "{v}");
    let (_, one) = r
        .call_json(
            "GET",
            &format!("/issuers/{}", key.public().did()),
            &Value::Null,
            None,
        )
        .await
        .pair();
    assert_eq!(one["name"], "Col\u{e9}gio San Jos\u{e9}");
}
