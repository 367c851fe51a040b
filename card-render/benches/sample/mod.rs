//! The card the bench and the `one_card` example draw: the example nurse's card, with a QR
//! code of the size the example credential makes (version 27, 125 modules), an attachment of
//! its length, and labels in two languages.

use card_render::{Attachment, CardContent, DocumentInfo, PdfDate, QrModules, Span, Tone};

/// A code of 1,600 alphanumeric characters at level M, as `skillpass card` draws.
pub fn code() -> QrModules {
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

pub fn content(name: &str) -> CardContent {
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

/// The credential attached to the card (the example credential's length) and the PDF's
/// document information.
pub fn attachment_and_info() -> (Attachment, DocumentInfo) {
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
    (attachment, info)
}
