//! The layout's own tests: faces, direction, line breaking, sizes and the two backends.
//! Extraction by a real PDF reader (`pdftotext`) and decoding of the printed code are tested
//! end to end with the `skillpass card` command (issuer-cli's `holder::card` tests).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use crate::fonts::{Faces, Weight};
use crate::layout::DOT;
use crate::text::{Paragraph, Style};
use crate::*;

const PLAIN: Style = Style {
    weight: Weight::Regular,
    gray: 0,
};

fn lines(text: &str, size: f32, width: f32) -> (Vec<crate::text::Line>, bool) {
    Paragraph::new(Faces::get().unwrap(), &[(text, PLAIN)], size, false)
        .unwrap()
        .lines(width)
        .unwrap()
}

/// The families of a one-line paragraph's runs, in visual order (0 Noto Sans, 1 Naskh, …).
fn families(text: &str) -> Vec<usize> {
    let (lines, _) = lines(text, 10.0, 10_000.0);
    lines[0].runs.iter().map(|r| r.face.family).collect()
}

/// A QR code of `n` modules, every other one dark.
fn qr(n: usize) -> QrModules {
    QrModules::new(n, (0..n * n).map(|i| i % 2 == 0).collect()).unwrap()
}

fn content(name: &str, qr_width: usize) -> CardContent {
    CardContent {
        heading: vec![
            Span::new("SKILLPASS", Tone::Strong),
            Span::new(" · Verifiable qualification", Tone::Normal),
        ],
        name: name.into(),
        title: "Bachelor of Science in Nursing".into(),
        details: vec![vec![
            Span::new("Issued by (registered issuer)  ", Tone::Quiet),
            Span::new("Manila College of Nursing, PH", Tone::Normal),
        ]],
        notice: vec![Span::new(
            "This code holds the whole credential.",
            Tone::Normal,
        )],
        footer: vec![Span::new(
            "Verify offline: skillpass verify --qr-image",
            Tone::Quiet,
        )],
        qr: qr(qr_width),
        right_to_left: false,
    }
}

fn info() -> DocumentInfo {
    DocumentInfo {
        title: "Skillpass card".into(),
        language: "en".into(),
        creator: "test".into(),
        created: PdfDate {
            year: 2026,
            month: 11,
            day: 30,
            ..PdfDate::default()
        },
    }
}

#[test]
fn each_script_is_drawn_by_its_own_face_and_spaces_stay_with_their_words() {
    assert_eq!(families("Nguyễn Thị Ánh"), [0]);
    assert_eq!(families("فاطمة الزهراء"), [1]);
    assert_eq!(families("प्रियंका क्षत्रिय"), [2]);
    assert_eq!(families("রবীন্দ্রনাথ"), [3]);
    assert_eq!(families("தமிழ்செல்வி"), [4]);
    // The zero-width joiner of the Sinhala conjunct stays in the Sinhala run.
    assert_eq!(families("සුනේත්\u{200D}රා පෙරේරා"), [5]);
    assert_eq!(families("สมชาย ใจดี"), [6]);
    assert_eq!(families("Ελένη Παπαδοπούλου"), [0]);
    assert_eq!(families("Олена Коваленко"), [0]);
}

#[test]
fn an_arabic_name_in_a_latin_line_is_one_right_to_left_run_whose_text_stays_in_reading_order() {
    let (lines, _) = lines("Holder: فاطمة الزهراء (PH)", 10.0, 10_000.0);
    let runs = &lines[0].runs;
    let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts.concat(), "Holder: فاطمة الزهراء (PH)");
    assert_eq!(texts[..2], ["Holder: ", "فاطمة الزهراء"]);
    // Shaped right to left: the glyphs run left to right on the page, so the first glyph
    // stands for the end of the text.
    let arabic = &runs[1];
    assert!(arabic.glyphs.first().unwrap().text.start > arabic.glyphs.last().unwrap().text.start);
    // Runs follow each other without gaps or overlaps.
    for pair in runs.windows(2) {
        assert!((pair[0].x + pair[0].width() - pair[1].x).abs() < 0.01);
    }
}

#[test]
fn arabic_letters_take_their_joining_forms() {
    // Isolated letters and the joined word use different glyphs for the same characters.
    let (joined, _) = lines("فاطمة", 10.0, 10_000.0);
    let (apart, _) = lines("ف ا ط م ة", 10.0, 10_000.0);
    let ids = |l: &[crate::text::Line]| -> Vec<u16> {
        let mut ids: Vec<u16> = l[0].runs[0].glyphs.iter().map(|g| g.id).collect();
        ids.retain(|&id| id != 3);
        ids
    };
    assert_ne!(ids(&joined), ids(&apart));
}

#[test]
fn lines_break_at_spaces_within_the_width_and_a_lone_long_word_is_cut_between_clusters() {
    let text = "Bachelor of Science in Nursing with a long title that wraps";
    let (set, cut) = lines(text, 10.0, 100.0);
    assert!(set.len() > 2 && !cut);
    for line in &set {
        assert!(line.width <= 100.0, "{} is {} wide", line.text, line.width);
    }
    let rejoined: Vec<&str> = set.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(rejoined.join(" "), text);

    let (set, cut) = lines("Pflegefachfrauausbildungsabschlussprüfung", 10.0, 60.0);
    assert!(cut && set.len() > 1);
    assert_eq!(
        set.iter().map(|l| l.text.as_str()).collect::<String>(),
        "Pflegefachfrauausbildungsabschlussprüfung"
    );
}

#[test]
fn whitespace_is_folded_and_direction_overrides_are_dropped() {
    // U+202E would show the rest of the name reversed: a spoofing trick, never printed.
    let (set, _) = lines("  Maria \t Clara\u{202E}Santos \n", 10.0, 10_000.0);
    assert_eq!(set[0].text, "Maria ClaraSantos");
}

#[test]
fn a_character_no_shipped_font_draws_is_refused_by_name() {
    let err = layout(&content("王秀英", 125), Paper::A6).unwrap_err();
    assert!(matches!(err, CardError::Unprintable('王')), "{err:?}");
    let said = err.to_string();
    assert!(said.contains("'王' (U+738B)"), "{said}");
    assert!(said.contains("Latin, Greek, Cyrillic, Arabic"), "{said}");
}

#[test]
fn a_long_name_shrinks_to_fit_two_lines() {
    let name = "Maria Clara Concepción Dela Cruz Santos y Villanueva de los Reyes Bautista Mendoza";
    let card = layout(&content(name, 125), Paper::A6).unwrap();
    let name_lines: Vec<_> = card
        .lines
        .iter()
        .filter(|l| name.contains(l.line.text.as_str()))
        .collect();
    assert!(name_lines.len() <= 2, "{name_lines:?}");
    assert!(name_lines[0].line.runs[0].size < 15.0);
}

#[test]
fn too_much_text_is_an_error_not_an_overflowing_card() {
    let mut c = content("Maria", 125);
    c.title = "Nursing ".repeat(100);
    assert!(matches!(layout(&c, Paper::A6), Err(CardError::TooMuchText)));
    let mut c = content("Maria", 125);
    c.details = vec![
        vec![Span::new(
            "Bachelor of Science in Nursing ".repeat(4),
            Tone::Normal
        )];
        30
    ];
    assert!(matches!(layout(&c, Paper::A6), Err(CardError::TooMuchText)));
}

#[test]
fn a_code_too_large_for_readable_modules_is_refused() {
    let err = layout(&content("Maria", 300), Paper::A6).unwrap_err();
    assert!(
        matches!(err, CardError::CodeTooLarge { modules: 300, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("0.34 mm"), "{err}");
}

#[test]
fn a_version_27_code_is_printed_85_mm_wide_in_8_dot_modules_within_the_card() {
    let card = layout(&content("Nguyễn Thị Ánh", 125), Paper::A6).unwrap();
    assert_eq!((card.module_dots(), card.code_mm()), (8, 85));
    let c = &card.code;
    let side = c.module * (125 + 8);
    assert!(c.x >= 4 * c.module && c.x + side - 4 * c.module <= 1240);
    // Text above ends before the quiet zone starts; text below starts after it ends.
    let quiet_top = (c.y - 4 * c.module) as f32 * DOT;
    let quiet_bottom = (c.y + (125 + 4) * c.module) as f32 * DOT;
    for l in &card.lines {
        let (top, bottom) = (l.baseline - l.line.ascent, l.baseline + l.line.descent);
        assert!(
            bottom <= quiet_top + 0.01 || top >= quiet_bottom - 0.01,
            "{:?}",
            l.line.text
        );
    }
}

#[test]
fn every_line_stays_inside_the_margins_and_right_to_left_cards_align_right() {
    for rtl in [false, true] {
        let mut c = content("فاطمة الزهراء", 125);
        c.right_to_left = rtl;
        let card = layout(&c, Paper::A6).unwrap();
        let (left, right) = (60.0 * DOT, (1240.0 - 60.0) * DOT);
        for l in &card.lines {
            assert!(l.x >= left - 0.01 && l.x + l.line.width <= right + 0.01);
            let edge = if rtl {
                l.x + l.line.width - right
            } else {
                l.x - left
            };
            assert!(edge.abs() < 0.01, "{} not aligned (rtl {rtl})", l.line.text);
        }
    }
}

#[test]
fn a4_centres_the_card_with_cut_marks_outside_it() {
    let card = layout(&content("Maria", 125), Paper::A4).unwrap();
    assert_eq!(card.page_dots(), (2480, 3508));
    let (x, y, w, h) = card.trim;
    assert_eq!((x, y, w, h), (620, 880, 1240, 1748));
    let (l, t, r, b) = (
        x as f32 * DOT,
        y as f32 * DOT,
        (x + w) as f32 * DOT,
        (y + h) as f32 * DOT,
    );
    let marks: Vec<_> = card
        .blocks
        .iter()
        .filter(|b| b.w < 0.3 || b.h < 0.3)
        .collect();
    assert_eq!(marks.len(), 8);
    for m in marks {
        let inside = m.x > l + 0.2 && m.x + m.w < r - 0.2 && m.y > t + 0.2 && m.y + m.h < b - 0.2;
        assert!(!inside, "a cut mark inside the card: {m:?}");
    }
    // The A6 card has none.
    let a6 = layout(&content("Maria", 125), Paper::A6).unwrap();
    assert!(a6.blocks.iter().all(|b| b.w > 1.0 && b.h > 0.3));
}

#[test]
fn the_raster_has_crisp_modules_where_the_layout_puts_them() {
    let card = layout(&content("Nguyễn Thị Ánh", 125), Paper::A6).unwrap();
    let px = card.raster().unwrap();
    assert_eq!((px.width, px.height), (1240, 1748));
    let c = &card.code;
    for (row, col) in [(0, 0), (0, 1), (7, 3), (124, 124), (60, 61)] {
        let dark = c.modules.is_dark(col, row);
        // Every pixel of the module is exactly black or exactly white.
        for dy in 0..c.module {
            for dx in 0..c.module {
                let x = c.x + col as u32 * c.module + dx;
                let y = c.y + row as u32 * c.module + dy;
                let v = px.data[(y * px.width + x) as usize];
                assert_eq!(v, if dark { 0 } else { 255 }, "module ({row}, {col})");
            }
        }
    }
    // The name's ink is where the layout put its line.
    let name = card
        .lines
        .iter()
        .find(|l| l.line.text == "Nguyễn Thị Ánh")
        .unwrap();
    let row = (name.baseline / DOT) as u32 - 5;
    let ink = (0..px.width)
        .filter(|&x| px.data[(row * px.width + x) as usize] < 128)
        .count();
    assert!(ink > 20, "no ink on the name's line");
}

#[test]
fn the_pdf_is_small_with_its_fonts_subset_and_carries_the_attachment() {
    let card = layout(&content("فاطمة الزهراء", 125), Paper::A6).unwrap();
    let attachment = Attachment {
        name: "credential.jwt".into(),
        mime: "application/vc+jwt".into(),
        description: "The credential".into(),
        data: b"eyJhbGciOiJFZERTQSJ9.e30.c2ln".to_vec(),
        modified: info().created,
    };
    let pdf = card.pdf(Some(&attachment), &info()).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert!(pdf.len() < 250 * 1024, "{} bytes", pdf.len());
    let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/EmbeddedFiles"));
    assert!(has(b"credential.jwt"));
    assert!(has(b"/application#2Fvc+jwt"));
    assert!(has(b"/AFRelationship /Source"));
    assert!(has(b"<pdfaid:part>3</pdfaid:part>"));
    // Three faces used (bold Latin heading, regular Latin, bold Arabic name), each a subset.
    assert_eq!(pdf.windows(10).filter(|w| *w == b"/FontFile2").count(), 3);
    // The same card twice is the same file: nothing random goes in.
    assert_eq!(pdf, card.pdf(Some(&attachment), &info()).unwrap());
}

#[test]
fn on_a_right_to_left_card_each_span_keeps_its_own_direction() {
    let faces = Faces::get().unwrap();
    let quiet = Style {
        weight: Weight::Regular,
        gray: 0x55,
    };
    let spans = [("يحتوي هذا الرمز", PLAIN), (" This code holds it.", quiet)];
    let (set, _) = Paragraph::new(faces, &spans, 8.0, true)
        .unwrap()
        .lines(10_000.0)
        .unwrap();
    let texts: Vec<&str> = set[0].runs.iter().map(|r| r.text.as_str()).collect();
    // Left to right on the page: the English sentence whole, full stop at its end, then the
    // Arabic that starts the line at the right. Without isolation the full stop would stand
    // alone at the far left.
    assert_eq!(texts.first(), Some(&"This code holds it."), "{texts:?}");
    assert!(
        texts.last().unwrap().contains("يحتوي هذا الرمز"),
        "{texts:?}"
    );
    // The isolates are the card's own: never drawn, never in the line's text.
    assert_eq!(set[0].text, "يحتوي هذا الرمز This code holds it.");
    for run in &set[0].runs {
        for g in &run.glyphs {
            assert!(
                !run.text[g.text.clone()].contains('\u{2068}'),
                "{:?}",
                run.text
            );
        }
    }
}
