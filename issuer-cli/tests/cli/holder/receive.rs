//! OpenID4VCI between Skillpass's two sides over a real socket: `issuer offer` makes one
//! offer per CSV row, `issuer serve` redeems them, `wallet receive` takes one with its PIN,
//! and the credential verifies; a spent offer and a wrong PIN are refused with the codes.

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::World;
use crate::harness::{stderr, BIN, EMPLOYER};

pub(super) const CSV: &str = "name,birth_date,holder_did,title_en,title_original,title_lang,awarding_body,country,level,field,isco08,learning_outcomes,awarded,valid_until
Maria Santos,1995-03-14,,Bachelor of Science in Nursing,,,Manila College of Nursing,PH,PQF-6,0913,2221,Provides safe patient care|Administers medication,2021-06-30,
Jose Reyes,1996-01-02,,Bachelor of Science in Nursing,,,Manila College of Nursing,PH,PQF-6,0913,2221,Provides safe patient care,2022-06-30,
";

/// A running `skillpass issuer serve`, stopped when dropped.
pub(super) struct Service(Child);

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(super) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub(super) fn serve(w: &World, url: &str, port: u16) -> Service {
    let child = w
        .command(BIN)
        .args([
            "issuer",
            "serve",
            "--key",
            "college.key",
            "--state",
            "issuance",
            "--url",
            url,
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--vct-base",
            "https://registry.example",
            "--name",
            "en=Manila College of Nursing",
            "--name",
            "fil=Kolehiyo ng Nars ng Maynila",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let service = Service(child);
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the service did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    service
}

pub(super) fn pin_of(w: &World, line: u64) -> String {
    let pins = std::fs::read_to_string(w.path("offers/pins.csv")).unwrap();
    pins.lines()
        .find_map(|l| l.strip_prefix(&format!("{line},")))
        .unwrap()
        .to_owned()
}

pub(super) fn link_of(w: &World, line: u64) -> String {
    std::fs::read_to_string(w.path(&format!("offers/row-{line:06}.txt")))
        .unwrap()
        .trim()
        .to_owned()
}

#[test]
fn a_wallet_receives_an_offer_with_its_pin_and_the_dc_sd_jwt_verifies_valid() {
    let w = World::new();
    w.ok(&["wallet", "init", "--wallet", "w.jwe", "--alg", "ES256"]);
    std::fs::write(w.path("graduates.csv"), CSV).unwrap();
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    w.ok(&[
        "issuer",
        "offer",
        "--csv",
        "graduates.csv",
        "--state",
        "issuance",
        "--url",
        &url,
        "--out-dir",
        "offers",
    ]);
    // One offer per row: the link, its QR code, and the PINs apart.
    for line in [2, 3] {
        let link = link_of(&w, line);
        assert!(
            link.starts_with("openid-credential-offer://?credential_offer="),
            "{link}"
        );
        let png = std::fs::read(w.path(&format!("offers/row-{line:06}.png"))).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let pin = pin_of(&w, line);
        assert_eq!(pin.len(), 6);
    }
    let _service = serve(&w, &url, port);
    let receive = |line: u64, pin: &str| {
        w.run(&[
            "wallet",
            "receive",
            "--wallet",
            "w.jwe",
            &link_of(&w, line),
            "--pin",
            pin,
        ])
    };
    let out = receive(2, &pin_of(&w, 2));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Manila College of Nursing"),
        "{}",
        stderr(&out)
    );
    let listed: Value =
        serde_json::from_str(&w.ok(&["wallet", "list", "--wallet", "w.jwe", "--json"])).unwrap();
    assert_eq!(listed["credentials"][0]["format"], "dc+sd-jwt");
    assert_eq!(
        listed["credentials"][0]["lastKnown"]["title"],
        "Bachelor of Science in Nursing"
    );

    // The graduate presents title and level; the verifier says valid.
    w.ok(&[
        "present",
        "--wallet",
        "w.jwe",
        "--credential",
        "1",
        "--disclose",
        "title,level",
        "--audience",
        EMPLOYER,
        "--nonce",
        "n-1",
        "--out",
        "p.txt",
    ]);
    let (code, report) = w.verify_json(&["--audience", EMPLOYER, "--nonce", "n-1", "p.txt"]);
    assert_eq!(
        (code, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );
    assert!(report["subject"].get("birthDate").is_none());

    // The offer is spent; another row's offer with a wrong PIN is refused.
    let again = receive(2, &pin_of(&w, 2));
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("invalid_grant"),
        "{}",
        stderr(&again)
    );
    let right = pin_of(&w, 3);
    let wrong = if right == "111111" {
        "222222"
    } else {
        "111111"
    };
    let out = receive(3, wrong);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("invalid_grant: wrong transaction code"),
        "{}",
        stderr(&out)
    );
    // Still one credential in the wallet; the right PIN then works.
    let out = receive(3, &right);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed: Value =
        serde_json::from_str(&w.ok(&["wallet", "list", "--wallet", "w.jwe", "--json"])).unwrap();
    assert_eq!(listed["credentials"].as_array().unwrap().len(), 2);
}

#[test]
fn wallet_receive_refuses_an_offer_from_a_plain_http_issuer_or_a_link_that_is_no_offer() {
    let w = World::new();
    w.ok(&["wallet", "init", "--wallet", "w.jwe"]);
    let offer = r#"{"credential_issuer":"http://issuer.example","credential_configuration_ids":["QualificationCredential_dc+sd-jwt"],"grants":{"urn:ietf:params:oauth:grant-type:pre-authorized_code":{"pre-authorized_code":"abc"}}}"#;
    let encoded: String = offer
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let link = format!("openid-credential-offer://?credential_offer={encoded}");
    let out = w.run(&[
        "wallet", "receive", "--wallet", "w.jwe", &link, "--pin", "123456",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not an https URL"),
        "{}",
        stderr(&out)
    );
    let out = w.run(&[
        "wallet",
        "receive",
        "--wallet",
        "w.jwe",
        "https://example.org/?x=1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a credential offer"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn issuer_offer_skips_a_row_it_cannot_issue_and_serve_refuses_bad_settings_with_the_fix() {
    let w = World::new();
    let bad = CSV.replacen("PQF-6", "PQF6", 1);
    std::fs::write(w.path("graduates.csv"), bad).unwrap();
    let out = w.run(&[
        "issuer",
        "offer",
        "--csv",
        "graduates.csv",
        "--state",
        "issuance",
        "--url",
        "https://college.example",
        "--out-dir",
        "offers",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("line 2: no offer: level"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("did you mean PQF-6"),
        "{}",
        stderr(&out)
    );
    let pins = std::fs::read_to_string(w.path("offers/pins.csv")).unwrap();
    assert_eq!(pins.lines().count(), 2, "{pins}");
    assert!(pins.lines().nth(1).unwrap().starts_with("3,"), "{pins}");
    assert!(!w.path("offers/row-000002.txt").exists());
    // The PINs and the offers are readable by their owner only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(w.path("offers/pins.csv"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    for (args, said) in [
        (
            &[
                "--name",
                "Manila College",
                "--url",
                "https://college.example",
            ][..],
            "give --name as LANG=NAME",
        ),
        (
            &[
                "--name",
                "en=Manila College",
                "--url",
                "ftp://college.example",
            ][..],
            "https://issuer.example.org",
        ),
    ] {
        let mut all = vec![
            "issuer",
            "serve",
            "--key",
            "college.key",
            "--state",
            "issuance",
            "--vct-base",
            "https://registry.example",
        ];
        all.extend_from_slice(args);
        let out = w.run(&all);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(said), "{}", stderr(&out));
    }
}
