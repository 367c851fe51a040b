//! One card, laid out and written: as a PDF (shaping, subsetting the fonts, attaching the
//! credential) and as a 300-dpi raster, for an Arabic and a Latin name, with a QR code of
//! the size the example credential makes (version 27, 125 modules).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use card_render::{
    layout, Attachment, CardContent, DocumentInfo, Paper, PdfDate, QrModules, Span, Tone,
};
use criterion::{criterion_group, criterion_main, Criterion};

/// A code of 1,600 alphanumeric characters at level M, as `skillpass card` draws.
fn code() -> QrModules {
    let text = "SP1:".to_owned() + &"6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5EH%E".repeat(42);
    let code =
        qrcode::QrCode::with_error_correction_level(&text[..1600], qrcode::EcLevel::M).unwrap();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    QrModules::new(code.width(), dark).unwrap()
}

fn content(name: &str) -> CardContent {
    let field = |label: &str, value: &str| {
        vec![
            Span::new(format!("{label}  "), Tone::Quiet),
            Span::new(value, Tone::Normal),
        ]
    };
    CardContent {
        heading: vec![
            Span::new("SKILLPASS", Tone::Strong),
            Span::new(" · Verifiable qualification", Tone::Normal),
            Span::new(" / Überprüfbare Qualifikation", Tone::Quiet),
        ],
        name: name.into(),
        title: "Bachelor of Science in Nursing".into(),
        details: vec![
            field(
                "Issued by (registered issuer) / Ausgestellt von (registrierte Stelle)",
                "Manila College of Nursing, PH",
            ),
            field("Level / Niveau", "PQF-6"),
        ],
        notice: vec![Span::new(
            "This code holds the whole credential, including date of birth.",
            Tone::Normal,
        )],
        footer: vec![
            Span::new("Verify offline / Offline prüfen: ", Tone::Quiet),
            Span::new("skillpass verify --qr-image", Tone::Normal),
            Span::new(
                " · urn:uuid:0b6c2a4e-1f3d-4e5a-8b7c-000000000003",
                Tone::Quiet,
            ),
        ],
        qr: code(),
        right_to_left: false,
    }
}

fn card(c: &mut Criterion) {
    let date = PdfDate {
        year: 2026,
        month: 11,
        day: 30,
        ..PdfDate::default()
    };
    let attachment = Attachment {
        name: "credential.jwt".into(),
        mime: "application/vc+jwt".into(),
        description: "The credential".into(),
        data: vec![b'e'; 2488],
        modified: date,
    };
    let info = DocumentInfo {
        title: "Skillpass card".into(),
        language: "en".into(),
        creator: "bench".into(),
        created: date,
    };
    let mut group = c.benchmark_group("card");
    for (label, name) in [("latin", "Nguyễn Thị Ánh"), ("arabic", "فاطمة الزهراء")]
    {
        let content = content(name);
        group.bench_function(format!("layout_{label}"), |b| {
            b.iter(|| layout(&content, Paper::A6).unwrap())
        });
        group.bench_function(format!("pdf_{label}"), |b| {
            b.iter(|| {
                layout(&content, Paper::A6)
                    .unwrap()
                    .pdf(Some(&attachment), &info)
                    .unwrap()
            })
        });
        group.bench_function(format!("png_{label}"), |b| {
            b.iter(|| layout(&content, Paper::A6).unwrap().raster().unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, card);
criterion_main!(benches);
