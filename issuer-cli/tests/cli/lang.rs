//! The reader's language (issue 12): `--lang` on every command, `SKILLPASS_LANG`, the
//! locale; words in that language, JSON with the same codes plus the words beside them; and
//! the `en-XA` pseudo-locale proving that what `verify`, `equivalence` and `issue` print
//! comes from the catalogs.

use serde_json::Value;

use crate::harness::{code, stderr, stdout, Scratch};

/// Operator and college keys, a bundle accrediting the college, and the nurse's credential
/// at `nurse.jwt`; answers the operator's DID.
fn nurse(d: &Scratch) -> String {
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    d.bundle(&college, &[]);
    d.issue_nurse(&[], "nurse.jwt");
    operator
}

fn verify(d: &Scratch, anchor: &str, extra: &[&str], env: &[(&str, &str)]) -> String {
    let mut args = vec![
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        anchor,
    ];
    args.extend_from_slice(extra);
    let out = d.run_with(&args, env);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn verify_lang_de_prints_the_verdict_every_check_and_the_equivalence_in_german() {
    let d = Scratch::new();
    let anchor = nurse(&d);
    let out = verify(&d, &anchor, &["--lang", "de", "--country", "DE"], &[]);
    assert!(out.starts_with("GÜLTIG: Qualifikationsnachweis"), "{out}");
    for line in [
        "[bestanden] Vertrauensliste     Vertrauensliste 1, signiert vom hinterlegten Vertrauensanker did:key:",
        "] Format              ",
        "] Signatur            Ed25519-Signatur ist gültig",
        "] Schema              entspricht dem Schema für Qualifikationsnachweise",
        "] Status              der Nachweis enthält keinen Statuseintrag",
        "Was diese Qualifikation in DE bedeutet (Stand ",
        "Anerkennungsbescheide (verbindlich):",
        "- Kein Anerkennungsbescheid in DE passt zu dieser Qualifikation.",
        "Vergleichbare Niveaus (informativ, kein Anerkennungsbescheid):",
    ] {
        assert!(out.contains(line), "{line:?} missing from\n{out}");
    }
    let english = verify(&d, &anchor, &["--country", "DE"], &[]);
    assert!(
        english.starts_with("VALID: QualificationCredential"),
        "{english}"
    );
    for word in ["[pass", "signature verifies", "Recognition decisions"] {
        assert!(!out.contains(word), "{word:?} left in English:\n{out}");
    }
}

#[test]
fn verify_lang_ar_prints_arabic_and_its_json_is_marked_right_to_left() {
    let d = Scratch::new();
    let anchor = nurse(&d);
    let out = verify(&d, &anchor, &["--lang", "ar"], &[]);
    assert!(out.starts_with("صالحة: وثيقة مؤهل"), "{out}");
    assert!(out.contains("[ناجح] التوقيع"), "{out}");
    assert!(out.contains("توقيع Ed25519 سليم"), "{out}");
    let json: Value =
        serde_json::from_str(&verify(&d, &anchor, &["--lang", "ar", "--json"], &[])).unwrap();
    assert_eq!(json["lang"], "ar");
    assert_eq!(json["dir"], "rtl");
    assert_eq!(json["verdict"], "valid");
    assert_eq!(json["verdictText"], "صالحة");
}

/// The JSON without what `--lang` adds: `lang`, `dir`, `verdictText`, the checks' `text`
/// and the equivalence answer's `text`.
fn without_words(mut json: Value) -> Value {
    let obj = json.as_object_mut().unwrap();
    for added in ["lang", "dir", "verdictText"] {
        assert!(obj.remove(added).is_some(), "{added} missing");
    }
    for check in obj["checks"].as_array_mut().unwrap() {
        assert!(check.as_object_mut().unwrap().remove("text").is_some());
    }
    if let Some(eq) = obj.get_mut("equivalence") {
        let eq = eq.as_object_mut().unwrap();
        assert!(eq.remove("text").is_some());
        // The instant of the question: each run asks at its own.
        eq.remove("at");
    }
    json
}

#[test]
fn json_lang_de_has_the_same_codes_fields_and_english_details_as_json() {
    let d = Scratch::new();
    let anchor = nurse(&d);
    let at = ["--country", "DE", "--json"];
    let plain: Value = serde_json::from_str(&verify(&d, &anchor, &at, &[])).unwrap();
    let mut args = at.to_vec();
    args.extend(["--lang", "de"]);
    let german: Value = serde_json::from_str(&verify(&d, &anchor, &args, &[])).unwrap();
    assert_eq!(german["lang"], "de");
    assert_eq!(german["dir"], "ltr");
    assert_eq!(german["checks"][5]["name"], "signature");
    assert_eq!(german["checks"][5]["detail"], "Ed25519 signature verifies");
    assert_eq!(german["checks"][5]["text"], "Ed25519-Signatur ist gültig");
    assert_eq!(plain["lang"], "en");
    assert_eq!(without_words(german), without_words(plain));
}

#[test]
fn skillpass_lang_then_the_locale_choose_the_language_and_the_flag_wins() {
    let d = Scratch::new();
    let anchor = nurse(&d);
    let out = verify(&d, &anchor, &[], &[("SKILLPASS_LANG", "fr")]);
    assert!(
        out.starts_with("VALIDE: attestation de qualification"),
        "{out}"
    );
    let out = verify(&d, &anchor, &[], &[("LANG", "es_ES.UTF-8")]);
    assert!(
        out.starts_with("VÁLIDA: credencial de cualificación"),
        "{out}"
    );
    let out = verify(
        &d,
        &anchor,
        &[],
        &[("LC_ALL", "fil_PH.UTF-8"), ("LANG", "de_DE.UTF-8")],
    );
    assert!(out.starts_with("WASTO: qualification credential"), "{out}");
    let out = verify(
        &d,
        &anchor,
        &["--lang", "de-AT"],
        &[("SKILLPASS_LANG", "fr")],
    );
    assert!(out.starts_with("GÜLTIG"), "{out}");
}

#[test]
fn a_language_that_is_not_spoken_is_english_with_a_note_on_stderr() {
    let d = Scratch::new();
    let anchor = nurse(&d);
    let out = d.run_with(
        &[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &anchor,
            "--lang",
            "ja",
        ],
        &[],
    );
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).starts_with("VALID"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("no messages in \"ja\"; showing English"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn equivalence_show_lang_fr_answers_in_french() {
    let d = Scratch::new();
    let out = stdout(&d.run(&[
        "equivalence",
        "show",
        "PQF-PH-6",
        "--to",
        "DE",
        "--lang",
        "fr",
    ]));
    assert!(
        out.starts_with("Ce que vaut cette qualification en DE (au "),
        "{out}"
    );
    assert!(out.contains("Inconnu :"), "{out}");
    assert!(
        out.contains("il n'existe aucun référencement entre AQRF et EQF"),
        "{out}"
    );
}

/// The words of `text` that are neither catalog text (every letter of which the pseudo-locale
/// accents) nor data: the pseudo-locale's `‹…›` arguments (identifiers, dates, names from
/// the credential and the trust data, the shipped tables' own English), and `data`, what
/// a report shows outside any sentence (the credential's title).
fn untranslated(text: &str, data: &[&str]) -> Vec<String> {
    let mut text = strip_arguments(text);
    for d in data {
        text = text.replace(d, " ");
    }
    text.split(|c: char| c.is_whitespace() || "()[],;\"⟦⟧→—.'`".contains(c))
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit() || c == ':'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .map(str::to_owned)
        .collect()
}

/// `text` without its `‹…›` spans.
fn strip_arguments(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '‹' => depth += 1,
            '›' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn under_the_pseudo_locale_nothing_verify_equivalence_or_issue_print_bypasses_the_catalog() {
    let d = Scratch::new();
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    d.bundle(&college, &[]);
    let pseudo = [("SKILLPASS_LANG", "en-XA")];
    let claims = crate::harness::nurse_claims();
    let out = d.run_with(
        &[
            "issue",
            "--key",
            "college.key",
            "--claims",
            claims.to_str().unwrap(),
            "--out",
            "nurse.jwt",
        ],
        &pseudo,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Shown outside sentences: the title, levels and country in the headline, file names.
    let data = [
        "Bachelor of Science in Nursing",
        "(PH)",
        "nurse.jwt",
        "again.jwt",
    ];
    let mut outputs = vec![("issue", stderr(&out))];
    for extra in [&["--country", "DE"][..], &["--json"][..]] {
        let mut args = vec![
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
        ];
        args.extend_from_slice(extra);
        let out = d.run_with(&args, &pseudo);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        if extra == ["--json"] {
            let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
            outputs.push(("verify --json verdictText", json["verdictText"].to_string()));
            for check in json["checks"].as_array().unwrap() {
                outputs.push(("verify --json text", check["text"].to_string()));
            }
        } else {
            outputs.push(("verify", stdout(&out)));
        }
    }
    // Several files: one line each and the summary.
    std::fs::copy(d.path("nurse.jwt"), d.path("again.jwt")).unwrap();
    let out = d.run_with(
        &[
            "verify",
            "nurse.jwt",
            "again.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
        ],
        &pseudo,
    );
    outputs.push(("verify several", stdout(&out)));
    for args in [
        &["equivalence", "show", "PQF-PH-6", "--to", "DE"][..],
        &["equivalence", "show", "RQF-GB-ENG-3", "--to", "DE"][..],
        &["equivalence", "show", "DQR-DE-6", "--to", "EQF"][..],
    ] {
        outputs.push(("equivalence show", stdout(&d.run_with(args, &pseudo))));
    }
    for (what, text) in outputs {
        assert!(
            text.contains('⟦'),
            "{what}: no catalog text at all:\n{text}"
        );
        let left = untranslated(&text, &data);
        assert!(
            left.is_empty(),
            "{what}: {left:?} bypassed the catalog:\n{text}"
        );
    }
}

/// The payload of a compact JWS file.
fn payload(path: &std::path::Path) -> Value {
    use base64::Engine as _;
    let text = std::fs::read_to_string(path).unwrap();
    let part = text.trim().split('.').nth(1).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[test]
fn a_csv_with_title_at_de_and_title_at_fil_columns_issues_language_maps_that_verify_shows() {
    let d = Scratch::new();
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    d.bundle(&college, &[]);
    std::fs::write(
        d.path("batch.csv"),
        "name,title,title@de,title@fil,awarding_body,country,level,field,awarded\n\
         Maria Garcia,Bachelor of Science in Nursing,Bachelor of Science in Pflege,\
         Batsilyer ng Agham sa Nars,Manila College of Nursing,PH,PQF-6,0913,2024-04-17\n",
    )
    .unwrap();
    let out = d.run(&[
        "issue",
        "--key",
        "college.key",
        "--csv",
        "batch.csv",
        "--out-dir",
        "out",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let issued: Vec<_> = std::fs::read_dir(d.path("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jwt"))
        .collect();
    assert_eq!(issued.len(), 1, "{issued:?}");
    let claims = payload(&issued[0]);
    assert_eq!(
        claims["credentialSubject"]["qualification"]["title"],
        serde_json::json!({
            "en": "Bachelor of Science in Nursing",
            "de": "Bachelor of Science in Pflege",
            "fil": "Batsilyer ng Agham sa Nars",
        })
    );
    std::fs::copy(&issued[0], d.path("nurse.jwt")).unwrap();
    let german = verify(&d, &operator, &["--lang", "de"], &[]);
    assert!(
        german.starts_with(
            "GÜLTIG: Qualifikationsnachweis \"Bachelor of Science in Pflege\" (PQF-6)"
        ),
        "{german}"
    );
    let filipino = verify(&d, &operator, &["--lang", "fil"], &[]);
    assert!(
        filipino.contains("\"Batsilyer ng Agham sa Nars\""),
        "{filipino}"
    );
    // No Spanish title: the English one, and the report says so.
    let spanish = verify(&d, &operator, &["--lang", "es"], &[]);
    assert!(
        spanish.contains(
            "\"Bachelor of Science in Nursing\" (sin título en español; se muestra en en)"
        ),
        "{spanish}"
    );
    // English is unchanged, and JSON keeps the English title and adds the map.
    let english = verify(&d, &operator, &[], &[]);
    assert!(
        english.contains("\"Bachelor of Science in Nursing\" (PQF-6) from"),
        "{english}"
    );
    let json: Value =
        serde_json::from_str(&verify(&d, &operator, &["--json", "--lang", "de"], &[])).unwrap();
    assert_eq!(
        json["credential"]["title"],
        "Bachelor of Science in Nursing"
    );
    assert_eq!(
        json["credential"]["titles"]["fil"],
        "Batsilyer ng Agham sa Nars"
    );
}

#[test]
fn a_command_that_cannot_run_says_so_in_the_readers_language() {
    let d = Scratch::new();
    let out = d.run(&[
        "equivalence",
        "show",
        "PQF-12",
        "--to",
        "DE",
        "--lang",
        "de",
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).starts_with("skillpass: Fehler: "),
        "{}",
        stderr(&out)
    );
    let out = d.run(&["equivalence", "show", "PQF-12", "--to", "DE"]);
    assert!(
        stderr(&out).starts_with("skillpass: error: "),
        "{}",
        stderr(&out)
    );
}
