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
        "] Signatur            die Signatur ist mit dem Schlüssel der ausstellenden Stelle gültig",
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
    assert!(out.contains("التوقيع سليم بمفتاح الجهة المُصدِرة"), "{out}");
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
    assert_eq!(
        german["checks"][5]["detail"],
        "the signature verifies under the issuer's key"
    );
    assert_eq!(
        german["checks"][5]["text"],
        "die Signatur ist mit dem Schlüssel der ausstellenden Stelle gültig"
    );
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

/// Issue 12: `awarding_body@de` and `learning_outcomes@de` columns make language maps
/// (outcomes as a map of lists, the form the JSON-LD context expands); `verify`, `wallet
/// list` and the card show them in the reader's language and say when they fall back.
#[test]
fn csv_columns_for_the_awarding_body_and_outcomes_in_other_languages_reach_verify_wallet_and_card()
{
    let d = Scratch::new();
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    d.bundle(&college, &[]);
    let holder = d.ok(&["wallet", "init", "--wallet", "w.jwe"]);
    std::fs::write(
        d.path("batch.csv"),
        format!(
            "name,holder_did,title,title@de,awarding_body,awarding_body@de,awarding_body@fil,\
             country,level,field,learning_outcomes,learning_outcomes@de,awarded\n\
             Maria Garcia,{},Bachelor of Science in Nursing,Bachelor of Science in Pflege,\
             Davao College of Nursing,Pflegehochschule Davao,Kolehiyo ng Narsing ng Davao,PH,\
             PQF-6,0913,Plans nursing care|Administers medications,\
             Plant die Pflege|Verabreicht Medikamente,2024-04-17\n",
            holder.trim()
        ),
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
    let claims = payload(&d.path("out").join("row-000002.jwt"));
    let q = &claims["credentialSubject"]["qualification"];
    assert_eq!(
        q["awardingBody"]["name"],
        serde_json::json!({
            "en": "Davao College of Nursing",
            "de": "Pflegehochschule Davao",
            "fil": "Kolehiyo ng Narsing ng Davao",
        })
    );
    assert_eq!(
        q["learningOutcomes"],
        serde_json::json!({
            "en": ["Plans nursing care", "Administers medications"],
            "de": ["Plant die Pflege", "Verabreicht Medikamente"],
        })
    );
    std::fs::copy(d.path("out").join("row-000002.jwt"), d.path("nurse.jwt")).unwrap();

    let german = verify(&d, &operator, &["--lang", "de"], &[]);
    assert!(
        german.contains("  Im Nachweis genannte verleihende Stelle: Pflegehochschule Davao\n"),
        "{german}"
    );
    assert!(
        german
            .contains("  Lernergebnisse:\n    - Plant die Pflege\n    - Verabreicht Medikamente\n"),
        "{german}"
    );
    let filipino = verify(&d, &operator, &["--lang", "fil"], &[]);
    assert!(
        filipino.contains("Kolehiyo ng Narsing ng Davao\n"),
        "{filipino}"
    );
    assert!(
        filipino.contains(
            "Mga bunga ng pagkatuto: (walang bersiyon sa Filipino; ipinapakita sa en)\n    - Plans nursing care\n"
        ),
        "{filipino}"
    );
    let arabic = verify(&d, &operator, &["--lang", "ar"], &[]);
    assert!(
        arabic.contains(
            "الجهة المانحة المذكورة في الوثيقة: Davao College of Nursing (غير متوفر بالعربية؛ معروض بلغة en)"
        ),
        "{arabic}"
    );

    // The wallet list, in German and in French (no French: the English name and its tag).
    d.ok(&["wallet", "add", "--wallet", "w.jwe", "nurse.jwt"]);
    let list = d.ok(&["wallet", "list", "--wallet", "w.jwe", "--lang", "de"]);
    assert!(list.starts_with("Brieftasche von did:key:"), "{list}");
    assert!(list.contains("(1 Nachweis)"), "{list}");
    for expected in [
        "Titel",
        "verleihende Stelle",
        "Pflegehochschule Davao",
        "Bachelor of Science in Pflege",
    ] {
        assert!(list.contains(expected), "{expected} missing from\n{list}");
    }
    let french = d.ok(&["wallet", "list", "--wallet", "w.jwe", "--lang", "fr"]);
    assert!(french.contains("organisme certificateur"), "{french}");
    assert!(french.contains("Davao College of Nursing (en)"), "{french}");

    // The card's text, in its first label language.
    let out = d.run(&[
        "card",
        "nurse.jwt",
        "--out",
        "card.png",
        "--lang",
        "de",
        "--lang",
        "fil",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let terminal = stdout(&out) + &stderr(&out);
    assert!(
        terminal.contains("Bachelor of Science in Pflege"),
        "{terminal}"
    );
    assert!(terminal.contains("Pflegehochschule Davao"), "{terminal}");
}

#[test]
fn a_csv_row_whose_outcomes_differ_in_number_between_languages_is_refused_by_name() {
    let d = Scratch::new();
    d.key("college.key");
    std::fs::write(
        d.path("batch.csv"),
        "name,title,awarding_body,country,level,field,learning_outcomes,learning_outcomes@fr,awarded\n\
         Maria Garcia,BSc Nursing,Davao College,PH,PQF-6,0913,Plans care|Gives medication,\
         Planifie les soins,2024-04-17\n",
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
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "line 2: learning_outcomes@fr: 1 outcome, but learning_outcomes has 2; give every outcome in each language, in the same order, separated by |"
        ),
        "{}",
        stderr(&out)
    );
}

/// Issue 12, what moved into the catalogs: a batch's row errors and summaries, the wallet's
/// list and what adding to it says, and the reasons of errors a user meets (a file that is
/// not there, a key file that is not one) print nothing that bypasses the catalog under the
/// pseudo-locale; English stays as it was.
#[test]
fn under_the_pseudo_locale_batches_wallets_and_error_reasons_come_from_the_catalog() {
    let d = Scratch::new();
    d.key("college.key");
    let pseudo = [
        ("SKILLPASS_LANG", "en-XA"),
        ("SKILLPASS_PASSPHRASE", "correct horse battery staple"),
    ];
    let holder = d.ok(&["wallet", "init", "--wallet", "w.jwe"]);
    std::fs::write(
        d.path("batch.csv"),
        format!(
            "name,holder_did,title,awarding_body,awarding_body@de,country,level,field,\
             learning_outcomes,awarded\n\
             Maria Garcia,{},BSc Nursing,Davao College,Pflegehochschule Davao,PH,PQF-6,0913,\
             Plans care|Gives medication,2024-04-17\n\
             Ben Reyes,,BSc Nursing,,,PH,PQF-6,0913,,2024-04-17\n",
            holder.trim()
        ),
    )
    .unwrap();
    let csv = [
        "issue",
        "--key",
        "college.key",
        "--csv",
        "batch.csv",
        "--out-dir",
        "out",
    ];
    let first = d.run_with(&csv, &pseudo);
    assert_eq!(code(&first), 1, "{}", stderr(&first));
    let again = d.run_with(&csv, &pseudo);
    let wallet_add = d.run_with(
        &[
            "wallet",
            "add",
            "--wallet",
            "w.jwe",
            "out/row-000002.jwt",
            "out/row-000002.jwt",
        ],
        &pseudo,
    );
    let wallet_list = d.run_with(&["wallet", "list", "--wallet", "w.jwe"], &pseudo);
    let missing = d.run_with(
        &["wallet", "add", "--wallet", "w.jwe", "nowhere.jwt"],
        &pseudo,
    );
    // A row whose country and award date are not in the form the schema asks.
    std::fs::write(
        d.path("forms.csv"),
        "name,holder_did,title,awarding_body,country,level,field,learning_outcomes,awarded\n\
         Ana Cruz,,BSc Nursing,Davao College,Philippines,PQF-6,0913,Plans care,2024-04-17\n",
    )
    .unwrap();
    let forms = d.run_with(
        &[
            "issue",
            "--key",
            "college.key",
            "--csv",
            "forms.csv",
            "--out-dir",
            "forms",
        ],
        &pseudo,
    );
    // The commands' own refusals.
    let usage = d.run_with(
        &["revoke", "--key", "college.key", "out/row-000002.jwt"],
        &pseudo,
    );
    let wallet_exists = d.run_with(&["wallet", "init", "--wallet", "w.jwe"], &pseudo);
    let no_wallet = d.run_with(&["wallet", "list", "--wallet", "nowhere.jwe"], &pseudo);
    let no_credential = d.run_with(&["wallet", "show", "--wallet", "w.jwe", "99"], &pseudo);
    std::fs::write(d.path("not-a-key.json"), "{}").unwrap();
    let bad_key = d.run_with(
        &[
            "issue",
            "--key",
            "not-a-key.json",
            "--csv",
            "batch.csv",
            "--out-dir",
            "x",
        ],
        &pseudo,
    );
    for (what, text) in [
        (
            "batch: row error and summary",
            stderr(&first) + &stdout(&first),
        ),
        ("batch run again", stderr(&again) + &stdout(&again)),
        ("wallet add", stderr(&wallet_add)),
        ("wallet list", stdout(&wallet_list)),
        ("a file that is not there", stderr(&missing)),
        ("a key file that is not one", stderr(&bad_key)),
        ("a row with values not in their form", stderr(&forms)),
        ("revoke with nowhere to revoke", stderr(&usage)),
        ("a wallet that exists", stderr(&wallet_exists)),
        ("no wallet", stderr(&no_wallet)),
        ("no such credential", stderr(&no_credential)),
    ] {
        assert!(
            text.contains('⟦'),
            "{what}: no catalog text at all:\n{text}"
        );
        // Data: the credential's texts and the wallet's country code (its stored status is
        // said in the reader's words).
        let left = untranslated(&text, &["BSc Nursing", "Davao College", "PH"]);
        assert!(
            left.is_empty(),
            "{what}: {left:?} bypassed the catalog:\n{text}"
        );
    }
    assert!(
        stderr(&missing).contains("⟦ñó šúçĥ ƒíĺé óŕ ďíŕéçťóŕý⟧"),
        "{}",
        stderr(&missing)
    );

    assert!(
        stderr(&forms).contains("⟦ñóť ⟦á ťŵó-ĺéťťéŕ çóúñťŕý çóďé (šúçĥ áš ƤĤ)⟧⟧"),
        "{}",
        stderr(&forms)
    );
    assert!(
        stdout(&wallet_list).contains("⟦úñçĥéçķéď⟧"),
        "{}",
        stdout(&wallet_list)
    );

    // English: what it always printed, word for word.
    let forms = d.run(&[
        "issue",
        "--key",
        "college.key",
        "--csv",
        "forms.csv",
        "--out-dir",
        "forms",
    ]);
    assert!(
        stderr(&forms).contains(
            "line 2: country: \"Philippines\" is not a two-letter country code (such as PH)"
        ) || stderr(&forms).contains("line 2: country: not a two-letter country code (such as PH)"),
        "{}",
        stderr(&forms)
    );
    assert_eq!(
        stderr(&d.run(&["revoke", "--key", "college.key", "out/row-000002.jwt"])),
        "skillpass: error: give --status FILE (offline), or --registry URL (or set SKILLPASS_REGISTRY) to change the status in the registry\n"
    );
    let forms_de = d.run(&[
        "issue",
        "--key",
        "college.key",
        "--csv",
        "forms.csv",
        "--out-dir",
        "forms",
        "--lang",
        "de",
    ]);
    assert!(
        stderr(&forms_de).contains("erwartet wird ein zweibuchstabiger Ländercode (etwa PH)"),
        "{}",
        stderr(&forms_de)
    );
    let missing = d.run(&["wallet", "add", "--wallet", "w.jwe", "nowhere.jwt"]);
    assert_eq!(
        stderr(&missing),
        "skillpass: error: cannot open nowhere.jwt: No such file or directory (os error 2)\n"
    );
    let out = d.run(&csv);
    assert!(
        stdout(&out).starts_with(
            "0 issued, 1 failed, 1 already issued, 0 changed since issued; summary in "
        ),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("line 3: awarding_body: empty, but required"),
        "{}",
        stderr(&out)
    );
    // German: the reasons in German.
    let missing = d.run_with(
        &[
            "wallet",
            "add",
            "--wallet",
            "w.jwe",
            "nowhere.jwt",
            "--lang",
            "de",
        ],
        &[("SKILLPASS_PASSPHRASE", "correct horse battery staple")],
    );
    assert_eq!(
        stderr(&missing),
        "skillpass: Fehler: nowhere.jwt kann nicht geöffnet werden: Datei oder Ordner nicht gefunden\n"
    );
    let out = d.run_with(&[&csv[..], &["--lang", "fr"]].concat(), &[]);
    assert!(
        stderr(&out).contains("ligne 3 : awarding_body : vide, mais obligatoire"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).starts_with("0 délivrées, 1 en échec, 1 déjà délivrées, 0 modifiées depuis leur délivrance ; résumé dans "),
        "{}",
        stdout(&out)
    );
}
