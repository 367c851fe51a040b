//! README.md followed as a new user follows it: its shell blocks are run as written (with
//! the placeholders a user fills in replaced), and the figures it quotes are checked
//! against what the commands print (issue 9, point 19).

use std::path::Path;

use crate::harness::{examples, Scratch, BIN};

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md")).unwrap()
}

/// The first ```sh block after `marker` in README.md.
fn block_after(marker: &str) -> String {
    let text = readme();
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("README.md no longer says {marker:?}"));
    let rest = &text[at..];
    let start = rest.find("```sh\n").unwrap() + "```sh\n".len();
    let end = rest[start..].find("```").unwrap();
    rest[start..start + end].to_owned()
}

/// A scratch directory like a new user's: `examples/` at hand, and keys made with
/// `skillpass key new` (whose did:keys a user copies into the placeholders).
struct NewUser {
    s: Scratch,
    placeholders: Vec<(String, String)>,
}

impl NewUser {
    fn new(keys: &[(&str, &str)]) -> Self {
        let s = Scratch::new();
        std::os::unix::fs::symlink(examples(), s.path("examples")).unwrap();
        let placeholders = keys
            .iter()
            .map(|(file, placeholder)| ((*placeholder).to_owned(), s.key(file)))
            .collect();
        Self { s, placeholders }
    }

    /// Runs every command of a README block with `sh`, as pasted, placeholders filled in;
    /// `key new` lines are skipped (the keys exist). Returns each command's standard
    /// output, in order.
    fn run_block(&self, block: &str, skip: &[&str]) -> Vec<String> {
        self.run_block_with(block, skip, &[])
    }

    /// [`NewUser::run_block`] with `env` set for every command.
    fn run_block_with(&self, block: &str, skip: &[&str], env: &[(&str, &str)]) -> Vec<String> {
        let joined = block.replace("\\\n", " ");
        let mut outputs = Vec::new();
        for command in joined.lines().map(str::trim) {
            if command.is_empty()
                || command.starts_with('#')
                || command.starts_with("skillpass key new")
                || skip.iter().any(|s| command.contains(s))
            {
                continue;
            }
            let mut command = command.to_owned();
            for (placeholder, value) in &self.placeholders {
                command = command.replace(placeholder, value);
            }
            assert!(
                !command.contains('<'),
                "an unfilled placeholder in {command}"
            );
            let command = command.replacen("skillpass ", &format!("{BIN} "), 1);
            let out = self
                .s
                .command("sh")
                .arg("-c")
                .arg(&command)
                .envs(env.iter().copied())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{command}:\n{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            outputs.push(String::from_utf8_lossy(&out.stdout).into_owned());
        }
        outputs
    }
}

const KEYS: [(&str, &str); 2] = [
    ("operator.key", "<operator did:key>"),
    ("college.key", "<college did:key>"),
];

#[test]
fn the_readme_assessment_centre_tip_makes_all_1000_batch_credentials_verify_valid() {
    let s = NewUser::new(&[KEYS[0], KEYS[1], ("centre.key", "<centre did:key>")]);
    s.run_block(&block_after("## Quickstart (offline)"), &["--csv"]);
    let outputs = s.run_block(&block_after("To see all 1,000 verify `valid`"), &[]);
    let last = outputs.last().unwrap();
    assert!(
        last.ends_with("1000 valid, 0 invalid, 0 indeterminate\n"),
        "{last}"
    );
    // The college's nurse credential still verifies in the rebuilt bundle.
    let operator = &s.placeholders[0].1;
    let words = s.s.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        operator,
    ]);
    assert!(words.starts_with("VALID"), "{words}");
}

#[test]
fn the_readme_authorities_block_keeps_the_signed_decision_beside_the_imported_ones() {
    let s = NewUser::new(&[KEYS[0], KEYS[1], ("authority.key", "<authority did:key>")]);
    s.run_block(&block_after("## Quickstart (offline)"), &["--csv"]);
    let block = block_after("A recognition authority signs its decisions");
    let outputs = s.run_block(&block, &[]);
    // `authority import --out` after `authority sign --out` into the same file.
    let expected =
        "3 decisions signed, 0 failed -> decisions.jws (1 kept, 3 added; 4 decisions in the file)";
    assert!(block.contains(&format!("# {expected}")), "{block}");
    assert!(outputs.iter().any(|o| o.trim() == expected), "{outputs:?}");
    let report = outputs
        .iter()
        .find(|o| o.contains("Recognition decisions (authoritative):"))
        .unwrap();
    for applies in [
        "- Recognised in DE as Pflegefachfrau/Pflegefachmann — partial: knowledge test; German B2 required",
        "- Recognised in DE as Pflegefachfrau/Pflegefachmann — partial: adaptation period of 6 months or knowledge test; German B2 required",
        "- SUPERSEDED by urn:uuid:0b6c2a4e-1f3d-4e5a-8b7c-000000000003: Recognised in DE as",
    ] {
        assert!(report.contains(applies), "{applies} missing from:\n{report}");
    }
}

#[test]
fn the_readme_paper_figures_are_what_qr_and_card_print() {
    let text = readme().replace('\n', " ");
    for said in [
        "is 2,559 bytes as a JWS",
        "a code of 1,640 to 1,720 characters, QR version 28 at error correction M, 87 mm wide on the card",
    ] {
        assert!(text.contains(said), "README.md no longer says {said:?}");
    }
    let s = NewUser::new(&[KEYS[0], KEYS[1], ("holder.key", "<Maria's DID>")]);
    let holder = &s.placeholders[2].1;
    let claims = examples().join("nurse-qualification.json");
    s.s.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        claims.to_str().unwrap(),
        "--holder",
        holder,
        "--out",
        "nurse.jwt",
    ]);
    let out = s.s.run(&["card", "nurse.jwt", "--out", "card.png"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    let number_before = |marker: &str| -> u64 {
        let end = said
            .find(marker)
            .unwrap_or_else(|| panic!("{marker} in {said}"));
        let digits: String = said[..end]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.chars().rev().collect::<String>().parse().unwrap()
    };
    let number_after = |marker: &str| -> u64 {
        let start = said
            .find(marker)
            .unwrap_or_else(|| panic!("{marker} in {said}"))
            + marker.len();
        said[start..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    };
    assert_eq!(number_before("-byte credential"), 2559, "{said}");
    let characters = number_before(" characters");
    assert!((1640..=1720).contains(&characters), "{said}");
    let version = number_after("QR version ");
    assert_eq!(version, 28, "{said}");
    let mm = number_after("QR code ");
    assert_eq!(mm, 87, "{said}");
}

#[test]
fn the_readme_card_block_makes_every_card_it_shows_and_gives_back_the_credential() {
    let s = NewUser::new(&KEYS);
    s.run_block(&block_after("## Quickstart (offline)"), &["--csv"]);
    // Every line but the one whose code text a user copies from their own card.
    s.run_block(&block_after("**Paper.**"), &["--qr-text"]);
    for (file, magic) in [
        ("card.pdf", &b"%PDF-"[..]),
        ("sheet.pdf", b"%PDF-"),
        ("card.png", b"\x89PNG"),
    ] {
        let bytes = std::fs::read(s.s.path(file)).unwrap();
        assert!(bytes.starts_with(magic), "{file}");
    }
    let attached = std::fs::read_to_string(s.s.path("credential.jwt")).unwrap();
    let issued = std::fs::read_to_string(s.s.path("nurse.jwt")).unwrap();
    assert_eq!(attached, issued.trim());
    for image in ["card-arabic.png", "card-latin.png"] {
        let linked = format!("<img src=\"card-render/samples/{image}\"");
        assert!(
            readme().contains(&linked),
            "README.md no longer shows {image}"
        );
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../card-render/samples")
            .join(image);
        assert!(
            std::fs::read(&path).unwrap().starts_with(b"\x89PNG"),
            "{image}"
        );
    }
}

#[test]
fn authority_sign_replaces_a_decision_of_the_same_id_and_refuses_a_file_of_something_else() {
    let s = NewUser::new(&[("authority.key", "<authority did:key>")]);
    let decision = examples().join("decision-ph-de-nursing.json");
    let sign = |out: &str| {
        s.s.run(&[
            "authority",
            "sign",
            "--key",
            "authority.key",
            "--decision",
            decision.to_str().unwrap(),
            "--out",
            out,
        ])
    };
    assert!(sign("decisions.jws").status.success());
    let again = sign("decisions.jws");
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stdout)
            .contains("(1 replaced, 0 added; 1 decision in the file)"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(s.s.path("decisions.jws"))
            .unwrap()
            .lines()
            .count(),
        1
    );
    std::fs::write(s.s.path("notes.txt"), "my notes\n").unwrap();
    let out = sign("notes.txt");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not overwriting it"));
    assert_eq!(
        std::fs::read_to_string(s.s.path("notes.txt")).unwrap(),
        "my notes\n"
    );
}

#[test]
fn the_readme_language_blocks_print_what_they_say() {
    let s = NewUser::new(&KEYS);
    s.run_block(&block_after("## Quickstart (offline)"), &["--csv"]);
    let first = block_after("### Reading it in your language");
    let outputs = s.run_block(&first, &[]);
    assert!(outputs[0].starts_with("GÜLTIG: Qualifikationsnachweis \"Bachelor of Science in Nursing\" (kein Titel auf Deutsch; angezeigt auf en) (PQF-6) von Manila College of Nursing (PH)"), "{}", outputs[0]);
    for said in first.lines().filter_map(|l| l.strip_prefix("# ")) {
        let said = said.split('…').next().unwrap_or_default();
        assert!(outputs[0].contains(said), "{said:?} not in\n{}", outputs[0]);
    }
    assert!(outputs[1].starts_with("صالحة"), "{}", outputs[1]);
    assert!(
        outputs[2].starts_with("Ang kahulugan ng kwalipikasyong ito sa DE"),
        "{}",
        outputs[2]
    );
    assert!(
        outputs[3].contains("\"verdictText\": \"GÜLTIG\""),
        "{}",
        outputs[3]
    );
    let second = block_after("verify` shows the title in the reader's");
    let outputs = s.run_block(&second, &[]);
    for (out, said) in outputs
        .iter()
        .skip(2)
        .zip(second.lines().filter_map(|l| l.strip_prefix("# ")))
    {
        let said = said.split('…').next().unwrap_or_default();
        assert!(out.starts_with(said), "{said:?} not in\n{out}");
    }
}

#[test]
fn the_readme_formats_block_verifies_a_data_integrity_credential_and_exports_both_views() {
    let s = NewUser::new(&KEYS);
    s.run_block(&block_after("## Quickstart (offline)"), &["--csv"]);
    let outputs = s.run_block(
        &block_after("## Other formats: JSON-LD, Data Integrity"),
        &[],
    );
    assert!(outputs[1].starts_with("VALID"), "{}", outputs[1]);
    let read = |f: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(s.s.path(f)).unwrap()).unwrap()
    };
    assert_eq!(
        read("nurse.json")["proof"]["cryptosuite"],
        "eddsa-rdfc-2022"
    );
    assert_eq!(read("badge.json")["type"][1], "OpenBadgeCredential");
    let welder = read("welder-edc.json");
    let spec = &welder["credentialSubject"]["hasClaim"][0]["specifiedBy"];
    assert_eq!(spec["eqfLevel"]["id"], "http://data.europa.eu/snb/eqf/4");
    assert_eq!(
        spec["ISCEDFCode"][0]["id"],
        "http://data.europa.eu/snb/isced-f/0715"
    );
    let nurse = read("nurse-edc.json");
    assert_eq!(
        nurse["credentialSubject"]["hasClaim"][0]["specifiedBy"]["ISCEDFCode"][0]["id"],
        "http://data.europa.eu/snb/isced-f/0913"
    );
    assert!(outputs[6].contains("https://skillpass.dev/contexts/skillpass-v1.jsonld"));
    assert!(s.s.path("skillpass-v1.jsonld").exists());
}

#[test]
fn the_readme_openid4vci_path_takes_an_offer_into_the_wallet_and_the_presentation_verifies() {
    use std::process::Stdio;
    let s = NewUser::new(&KEYS);
    let block = block_after("From a QR code to the graduate's phone (OpenID4VCI)");
    let mut lines = block.split("\n# ");
    let institution = lines.next().unwrap();
    // The service runs in the background as the README starts it (`&`), on its port.
    let serve = institution.replace("\\\n", " ");
    let serve = serve
        .lines()
        .find(|l| l.starts_with("skillpass issuer serve"))
        .unwrap()
        .trim_end_matches('&')
        .trim();
    s.run_block(institution, &["skillpass issuer serve"]);
    let args: Vec<String> = serve
        .trim_start_matches("skillpass ")
        .split(" --")
        .enumerate()
        .flat_map(|(i, part)| {
            if i == 0 {
                return part.split(' ').map(str::to_owned).collect::<Vec<_>>();
            }
            let (flag, value) = part.split_once(' ').unwrap();
            vec![
                format!("--{flag}"),
                value.trim().trim_matches('"').to_owned(),
            ]
        })
        .collect();
    let mut service =
        s.s.command(BIN)
            .args(&args)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
    let start = std::time::Instant::now();
    while std::net::TcpStream::connect("127.0.0.1:8443").is_err() {
        assert!(start.elapsed().as_secs() < 20, "the service did not start");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let rest: String = lines.map(|l| format!("# {l}\n")).collect();
    // The registry whose relay the employer uses, started as the README starts it.
    let registry_line = rest
        .lines()
        .find(|l| l.starts_with("skillpass-registry "))
        .unwrap()
        .trim_end_matches('&')
        .trim()
        .to_owned();
    let registry_bin = registry_bin();
    let start = std::time::Instant::now();
    let mut registry =
        s.s.command(registry_bin)
            .args(registry_line.split(' ').skip(1))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
    let port: u16 = registry_line.rsplit(':').next().unwrap().parse().unwrap();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed().as_secs() < 60, "the registry did not start");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let outputs = s.run_block_with(
        &rest,
        &["skillpass-registry "],
        &[("SKILLPASS_PASSPHRASE", "correct horse battery staple")],
    );
    let _ = service.kill();
    let _ = service.wait();
    let _ = registry.kill();
    let _ = registry.wait();
    assert!(
        outputs.iter().any(|o| o.starts_with("VALID")),
        "{outputs:?}"
    );
    assert!(
        outputs
            .iter()
            .any(|o| o.contains("National Certificate in Welding")),
        "{outputs:?}"
    );
    // The employer's request, answered by the wallet through the relay: the verdict.
    let verdict = outputs.last().unwrap();
    assert!(verdict.contains("Verdict: valid"), "{verdict}");
    for check in ["state", "answers-query", "only-requested", "level"] {
        assert!(verdict.contains(&format!("[PASS] {check}:")), "{verdict}");
    }
    assert!(!verdict.contains("birthDate\": "), "{verdict}");
    assert!(s.s.path("request.png").exists());
}

/// `skillpass-registry` (the README's employer uses a registry's relay): the one the
/// workspace's tests built beside `skillpass`, else built now.
fn registry_bin() -> std::path::PathBuf {
    let bin = Path::new(BIN).with_file_name("skillpass-registry");
    if bin.exists() {
        return bin;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args([
            "build",
            "-p",
            "registry-server",
            "--bin",
            "skillpass-registry",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(status.success(), "building skillpass-registry failed");
    bin
}

#[test]
fn the_readme_keys_given_directly_block_verifies_and_says_accreditation_was_not_checked() {
    let s = NewUser::new(&KEYS);
    s.run_block(&block_after("## Quickstart (offline)"), &["--csv"]);
    let block = block_after("**Keys given directly (the conformance profile).**");
    let outputs = s.run_block(&block, &[]);
    assert!(
        outputs[0].contains(
            "Accreditation: not checked against a trust bundle (the issuer's key was given directly by its DID)"
        ),
        "{}",
        outputs[0]
    );
    assert!(outputs[0].starts_with("VALID"), "{}", outputs[0]);
    let report: serde_json::Value = serde_json::from_str(&outputs[1]).unwrap();
    assert_eq!(report["accreditation"]["checked"], false);
}
