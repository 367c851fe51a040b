//! `skillpass card --out card.pdf`: the typeset card, read back the way its readers read it
//! — text with Debian's `pdftotext`, the page through `pdftoppm` and the CLI's own QR reader,
//! the attachment with `pdfdetach` (poppler-utils; `bash .ci/run` installs it, and these
//! tests fail, not skip, without it).

use std::path::Path;
use std::process::Command;

use super::World;
use crate::harness::nurse_claims;

/// Runs a poppler-utils tool in the world's directory; answers its standard output.
fn poppler(w: &World, tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .current_dir(w.d())
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {tool} ({e}): install Debian's poppler-utils, as bash .ci/run does")
        });
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The card PDF's text as `pdftotext` extracts it, line by line.
fn pdf_lines(w: &World, pdf: &str) -> Vec<String> {
    poppler(w, "pdftotext", &["-enc", "UTF-8", pdf, "-"])
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Issues the nurse's qualification with the holder named `name` into `out`, changing the
/// claims further with `change`.
fn issue_named(w: &World, name: &str, out: &str, change: impl Fn(&mut serde_json::Value)) {
    let mut claims: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(nurse_claims()).unwrap()).unwrap();
    claims["credentialSubject"]["name"] = name.into();
    change(&mut claims);
    let file = format!("{out}.claims.json");
    std::fs::write(w.path(&file), claims.to_string()).unwrap();
    w.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        &file,
        "--out",
        out,
    ]);
}

/// Runs `card` on `credential` with `extra`; answers the exit code and what it printed.
fn card(w: &World, credential: &str, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["card", credential];
    args.extend(extra);
    let out = w.run(&args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `pdftotext` marks a right-to-left line on a left-to-right page with the invisible
/// directional formatting characters RLE (U+202B) … PDF (U+202C); the characters between
/// them are the text in reading order.
fn without_direction_marks(line: &str) -> String {
    line.chars()
        .filter(|c| !('\u{202A}'..='\u{202E}').contains(c))
        .collect()
}

#[test]
fn a_card_pdf_gives_back_exactly_the_holder_s_name_in_every_shipped_script() {
    let w = World::new();
    let names = [
        ("arabic", "فاطمة الزهراء"),
        ("vietnamese", "Nguyễn Thị Ánh"),
        ("devanagari", "प्रियंका क्षत्रिय"),
        // A vowel sign set under its letter, inside a word: read with it, no space.
        ("devanagari vowel sign", "कृष्णा शर्मा"),
        ("sinhala", "සුනේත්\u{200D}රා පෙරේරා"),
        ("tamil", "தமிழ்செல்வி முருகன்"),
        ("bengali", "রবীন্দ্রনাথ ঠাকুর"),
        ("thai", "สมชาย ใจดี"),
        ("accented latin", "Zoë Łukasiewicz-Ørsted"),
        ("cyrillic", "Олена Коваленко"),
    ];
    for (script, name) in names {
        let jwt = format!("{}.jwt", script.replace(' ', "-"));
        issue_named(&w, name, &jwt, |_| {});
        let (code, said) = card(&w, &jwt, &["--out", "card.pdf"]);
        assert_eq!(code, Some(0), "{script}: {said}");
        let lines = pdf_lines(&w, "card.pdf");
        assert!(
            lines.iter().any(|l| without_direction_marks(l) == name),
            "{script}: {name} is not a line of {lines:#?}"
        );
    }
}

#[test]
fn an_arabic_name_is_extracted_in_reading_order_between_poppler_s_direction_marks() {
    let w = World::new();
    issue_named(&w, "فاطمة الزهراء", "fatima.jwt", |_| {});
    let (code, said) = card(&w, "fatima.jwt", &["--out", "card.pdf"]);
    assert_eq!(code, Some(0), "{said}");
    let lines = pdf_lines(&w, "card.pdf");
    // Exactly the name, logical order: ف first, ء last.
    assert!(
        lines.contains(&"\u{202B}فاطمة الزهراء\u{202C}".to_owned()),
        "{lines:#?}"
    );
    // The terminal shows the same name.
    assert!(said.contains("\n  فاطمة الزهراء\n"), "{said}");
}

#[test]
fn the_card_pdf_carries_the_credential_as_an_attached_file() {
    let w = World::new();
    w.issue_nurse(&[], "nurse.jwt");
    w.ok(&["card", "nurse.jwt", "--out", "card.pdf"]);
    let list = poppler(&w, "pdfdetach", &["-list", "card.pdf"]);
    assert_eq!(list, "1 embedded files\n1: credential.jwt\n");
    poppler(
        &w,
        "pdfdetach",
        &["-save", "1", "-o", "attached.jwt", "card.pdf"],
    );
    let attached = std::fs::read_to_string(w.path("attached.jwt")).unwrap();
    let credential = std::fs::read_to_string(w.path("nurse.jwt")).unwrap();
    assert_eq!(attached, credential.trim());
    // Its media type, and its relation to the card (PDF/A-3 associated file).
    let pdf = std::fs::read(w.path("card.pdf")).unwrap();
    let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/Subtype /application#2Fvc+jwt"));
    assert!(has(b"/AFRelationship /Source"));
    assert!(has(
        b"<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
    ));
    // The attached credential verifies like the original.
    let (code, report) = w.verify_json(&["attached.jwt"]);
    assert_eq!((code, report["verdict"].as_str()), (0, Some("valid")));
}

#[test]
fn the_qr_code_of_a_card_pdf_is_vector_and_decodes_from_the_rendered_page() {
    let w = World::new();
    w.issue_nurse(&[], "nurse.jwt");
    let (code, said) = card(&w, "nurse.jwt", &["--out", "card.pdf"]);
    assert_eq!(code, Some(0), "{said}");
    // No raster image in the PDF: the code is paths.
    let images = poppler(&w, "pdfimages", &["-list", "card.pdf"]);
    assert_eq!(images.lines().count(), 2, "{images}");
    // At 300 dpi a module is 8 pixels, at 150 dpi 4, on whole pixels both. (At 200 dpi, 5.3
    // pixels a module, the CLI's reader, rqrr, misses some codes (2 runs in 6 here): a limit of
    // its sampling, not of the card, which prints every module on the 300-dpi grid.)
    for dpi in ["300", "150"] {
        poppler(
            &w,
            "pdftoppm",
            &["-r", dpi, "-png", "-singlefile", "card.pdf", "page"],
        );
        let mut args = vec!["verify", "--json", "--qr-image", "page.png"];
        let trust = w.trust_args();
        args.extend(trust.iter().map(String::as_str));
        let out = w.run(&args);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{dpi} dpi ({e}): {}\ncard: {said}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        assert_eq!(
            (out.status.code(), report["verdict"].as_str()),
            (Some(0), Some("valid")),
            "{dpi} dpi: {report:#}"
        );
    }
}

#[test]
fn the_png_card_is_the_same_layout_as_the_pdf_and_decodes() {
    let w = World::new();
    issue_named(&w, "فاطمة الزهراء", "fatima.jwt", |_| {});
    let (_, pdf_said) = card(&w, "fatima.jwt", &["--out", "card.pdf"]);
    let (code, png_said) = card(&w, "fatima.jwt", &["--out", "card.png"]);
    assert_eq!(code, Some(0), "{png_said}");
    assert!(
        png_said.contains("A6 card (1240×1748 px at 300 dpi), QR code "),
        "{png_said}"
    );
    assert!(pdf_said.contains("A6 card PDF (105 × 148 mm"), "{pdf_said}");
    // Same code size on both. The width follows the QR version, which depends on how well
    // this credential's random ids compress (version 27 or 28: 85 or 87 mm).
    let width = |said: &str| -> u32 {
        let after = said.split("QR code ").nth(1).unwrap_or_default();
        after
            .split(" mm wide")
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no QR width in {said}"))
    };
    let mm = width(&png_said);
    assert!((80..=95).contains(&mm), "{png_said}");
    assert_eq!(width(&pdf_said), mm, "{pdf_said}");
    let (code, report) = w.verify_json(&["--qr-image", "card.png"]);
    assert_eq!((code, report["verdict"].as_str()), (0, Some("valid")));
    // The raster of the PDF and the PNG agree pixel for pixel on the code's modules: the
    // dark share of the image differs by text anti-aliasing only.
    poppler(
        &w,
        "pdftoppm",
        &[
            "-r",
            "300",
            "-gray",
            "-png",
            "-singlefile",
            "card.pdf",
            "page",
        ],
    );
    let dark = |file: &str| {
        let img = image_gray(&w.path(file));
        img.iter().filter(|&&v| v < 128).count() as f64 / img.len() as f64
    };
    let (png, pdf) = (dark("card.png"), dark("page.png"));
    assert!((png - pdf).abs() < 0.01, "dark share: png {png}, pdf {pdf}");
}

/// A PNG's pixels as grey bytes (the CLI's own image crate decodes the card and
/// poppler's page alike).
fn image_gray(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    image::load_from_memory(&bytes)
        .unwrap()
        .to_luma8()
        .into_raw()
}

#[test]
fn a4_puts_the_card_in_the_middle_of_the_sheet_with_cut_marks() {
    let w = World::new();
    w.issue_nurse(&[], "nurse.jwt");
    let (code, said) = card(&w, "nurse.jwt", &["--out", "sheet.pdf", "--paper", "a4"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("A6 card on A4 with cut marks, PDF"), "{said}");
    let info = poppler(&w, "pdfinfo", &["-box", "sheet.pdf"]);
    let info = info.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        info.contains("Page size: 595.2 x 841.92 pts (A4)"),
        "{info}"
    );
    // The trim box is the card: 620 and 880 dots in, 1240 × 1748 dots (at 0.24 pt a dot).
    assert!(
        info.contains("TrimBox: 148.80 211.20 446.40 630.72"),
        "{info}"
    );
    let (code, said) = card(&w, "nurse.jwt", &["--out", "sheet.png", "--paper", "a4"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("(2480×3508 px at 300 dpi)"), "{said}");
    let (code, report) = w.verify_json(&["--qr-image", "sheet.png"]);
    assert_eq!((code, report["verdict"].as_str()), (0, Some("valid")));
}

#[test]
fn labels_come_in_the_holder_s_and_the_destination_s_language() {
    let w = World::new();
    w.issue_nurse(&[], "nurse.jwt");
    let trust = w.trust_args();
    let mut args: Vec<&str> = vec!["--out", "card.pdf", "--lang", "fil", "--lang", "de"];
    args.extend(trust.iter().map(String::as_str));
    let (code, said) = card(&w, "nurse.jwt", &args);
    assert_eq!(code, Some(0), "{said}");
    let text = pdf_lines(&w, "card.pdf").join(" ");
    for expected in [
        "SKILLPASS · Napapatunayang kwalipikasyon / Überprüfbare Qualifikation",
        "Inisyu ng (rehistradong institusyon) / Ausgestellt von (registrierte Stelle)",
        "Manila College of Nursing, PH",
        "Antas / Niveau PQF-6 · Iginawad noong / Verliehen am 2023-06-15",
        "I-verify offline / Offline prüfen: skillpass verify --qr-image",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    assert!(!text.contains("Issued by"), "{text}");

    // Arabic first: the card's lines align right and its labels are Arabic.
    let (code, said) = card(
        &w,
        "nurse.jwt",
        &["--out", "ar.pdf", "--lang", "ar", "--lang", "en"],
    );
    assert_eq!(code, Some(0), "{said}");
    let text = pdf_lines(&w, "ar.pdf").join("\n");
    assert!(text.contains("مؤهل قابل للتحقق"), "{text}");
    assert!(text.contains("Verifiable qualification"), "{text}");
    let pdf = std::fs::read(w.path("ar.pdf")).unwrap();
    assert!(pdf.windows(10).any(|w| w == b"/Lang (ar)"));
}

#[test]
fn a_language_the_card_does_not_speak_falls_back_and_three_languages_are_refused() {
    let w = World::new();
    w.issue_nurse(&[], "nurse.jwt");
    let (code, said) = card(&w, "nurse.jwt", &["--out", "card.pdf", "--lang", "de-AT"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(!said.contains("no labels"), "{said}");
    assert!(pdf_lines(&w, "card.pdf")
        .join("\n")
        .contains("Überprüfbare Qualifikation"));

    let (code, said) = card(&w, "nurse.jwt", &["--out", "card.pdf", "--lang", "pt-BR"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("skillpass: the card has no labels in \"pt-BR\"; using en"),
        "{said}"
    );
    assert!(pdf_lines(&w, "card.pdf")
        .join("\n")
        .contains("Verifiable qualification"));

    std::fs::remove_file(w.path("card.pdf")).unwrap();
    let (code, said) = card(
        &w,
        "nurse.jwt",
        &[
            "--out", "card.pdf", "--lang", "fil", "--lang", "de", "--lang", "en",
        ],
    );
    assert_eq!(code, Some(2), "{said}");
    assert!(
        said.contains("a card carries two languages at most"),
        "{said}"
    );
    assert!(!w.path("card.pdf").exists());
}

#[test]
fn the_card_says_which_personal_data_its_code_holds() {
    let w = World::new();
    issue_named(&w, "Maria Clara Santos", "nurse.jwt", |c| {
        c["credentialSubject"]["nationality"] = "PH".into();
    });
    let (code, said) = card(&w, "nurse.jwt", &["--out", "card.pdf"]);
    assert_eq!(code, Some(0), "{said}");
    let text = pdf_lines(&w, "card.pdf").join(" ");
    assert!(
        text.contains(
            "This code holds the whole credential, including date of birth and nationality."
        ),
        "{text}"
    );
    assert!(
        said.contains("This code holds the whole credential, including date of birth and nationality. Print the card only if you are willing to show all of it"),
        "{said}"
    );

    issue_named(&w, "Maria Clara Santos", "plain.jwt", |c| {
        c["credentialSubject"]
            .as_object_mut()
            .unwrap()
            .remove("birthDate");
    });
    w.ok(&["card", "plain.jwt", "--out", "plain.pdf"]);
    let text = pdf_lines(&w, "plain.pdf").join(" ");
    assert!(
        text.contains("This code holds the whole credential."),
        "{text}"
    );
    assert!(!text.contains("including"), "{text}");
}

#[test]
fn a_name_no_shipped_font_can_print_is_refused_with_the_character_named() {
    let w = World::new();
    issue_named(&w, "王秀英", "wang.jwt", |_| {});
    let (code, said) = card(&w, "wang.jwt", &["--out", "card.pdf"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(
        said.contains("the card cannot print '王' (U+738B): none of its fonts has it"),
        "{said}"
    );
    assert!(!w.path("card.pdf").exists());
}

#[test]
fn an_out_file_of_another_kind_is_refused_before_anything_is_done() {
    let w = World::new();
    w.issue_nurse(&[], "nurse.jwt");
    for out in ["card.jpg", "card"] {
        let (code, said) = card(&w, "nurse.jwt", &["--out", out]);
        assert_eq!(code, Some(2), "{said}");
        assert!(
            said.contains("name the card `.pdf` (to print) or `.png` (an image)"),
            "{said}"
        );
        assert!(!w.path(out).exists());
    }
    // Upper-case extensions are the same formats.
    let (code, said) = card(&w, "nurse.jwt", &["--out", "CARD.PDF"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(std::fs::read(w.path("CARD.PDF"))
        .unwrap()
        .starts_with(b"%PDF"));
}

#[test]
fn the_pdf_text_is_real_text_in_embedded_subset_fonts() {
    let w = World::new();
    issue_named(&w, "فاطمة الزهراء", "fatima.jwt", |_| {});
    w.ok(&["card", "fatima.jwt", "--out", "card.pdf"]);
    let fonts = poppler(&w, "pdffonts", &["card.pdf"]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(
        rows.iter().any(|r| r.contains("+NotoNaskhArabic-Bold")),
        "{fonts}"
    );
    assert!(
        rows.iter().any(|r| r.contains("+NotoSans-Regular")),
        "{fonts}"
    );
    for row in rows {
        // Embedded, subset, with a Unicode map.
        assert!(row.contains(" yes yes yes "), "{fonts}");
    }
    let size = std::fs::metadata(w.path("card.pdf")).unwrap().len();
    assert!(size < 250 * 1024, "{size} bytes");
}

#[test]
fn a_card_pdf_stays_under_250_kb_with_its_fonts_subset_in_every_script_and_on_a4() {
    // The largest faces (Sinhala, Devanagari: 300 KB and 230 KB whole), Arabic labels beside
    // German ones, an A4 sheet: each card carries only the glyphs it uses.
    let w = World::new();
    let cases = [
        (
            "sinhala",
            "සුනේත්\u{200D}රා පෙරේරා",
            ["--lang", "ar", "--lang", "de"],
            "a6",
        ),
        (
            "devanagari",
            "प्रियंका क्षत्रिय",
            ["--lang", "fil", "--lang", "de"],
            "a4",
        ),
        (
            "arabic",
            "فاطمة الزهراء",
            ["--lang", "ar", "--lang", "fr"],
            "a4",
        ),
    ];
    for (script, name, langs, paper) in cases {
        let jwt = format!("{script}.jwt");
        issue_named(&w, name, &jwt, |_| {});
        let mut args = vec!["--out", "card.pdf", "--paper", paper];
        args.extend(langs);
        let (code, said) = card(&w, &jwt, &args);
        assert_eq!(code, Some(0), "{script}: {said}");
        let size = std::fs::metadata(w.path("card.pdf")).unwrap().len();
        println!("{script} {langs:?} {paper}: {size} bytes");
        assert!(size < 250 * 1024, "{script}: {size} bytes");
        // What the terminal says is the file's size.
        assert!(
            said.contains(&format!("{} KB, fonts subset", size.div_ceil(1024))),
            "{script}: {said}"
        );
    }
}
