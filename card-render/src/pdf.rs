//! The card as a PDF (`krilla`): PDF/A-3b, one page, every glyph of the layout as real text
//! (each glyph mapped to the characters it stands for, so a reader selects, searches and
//! extracts the names in reading order), the fonts subset to the glyphs used, the QR code
//! and rules as filled vector paths, and the credential attached as an associated file —
//! the paper card carries its own machine-readable original, as a baked badge does.

use std::collections::HashMap;

use krilla::color::luma;
use krilla::configure::{Configuration, Validator};
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use crate::fonts::FaceId;
use crate::layout::{Block, Card, DOT};
use crate::CardError;

/// A moment in UTC, for the document's and the attachment's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PdfDate {
    /// e.g. 2026.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
    /// 0–23.
    pub hour: u8,
    /// 0–59.
    pub minute: u8,
    /// 0–59.
    pub second: u8,
}

impl PdfDate {
    fn krilla(self) -> DateTime {
        DateTime::new(self.year.max(1))
            .month(self.month)
            .day(self.day)
            .hour(self.hour)
            .minute(self.minute)
            .second(self.second)
            .utc_offset_hour(0)
            .utc_offset_minute(0)
    }
}

/// The document's information dictionary and XMP metadata. Nothing personal: a card file
/// is copied and indexed, and its metadata shows in file managers.
#[derive(Debug, Clone, Default)]
pub struct DocumentInfo {
    /// The document title, e.g. "Skillpass card".
    pub title: String,
    /// The BCP 47 tag of the card's first language.
    pub language: String,
    /// The program that made it, e.g. "skillpass 0.1.0".
    pub creator: String,
    /// When it was made.
    pub created: PdfDate,
}

/// A file attached to the card.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Its file name, e.g. `credential.jwt`.
    pub name: String,
    /// Its media type, e.g. `application/vc+jwt`.
    pub mime: String,
    /// What it is, in a sentence.
    pub description: String,
    /// Its bytes.
    pub data: Vec<u8>,
    /// When it was made (the credential's issuance).
    pub modified: PdfDate,
}

impl Card {
    /// The card as PDF bytes, with `attachment` attached when given.
    pub fn pdf(
        &self,
        attachment: Option<&Attachment>,
        info: &DocumentInfo,
    ) -> Result<Vec<u8>, CardError> {
        let settings = SerializeSettings {
            configuration: Configuration::new_with_validator(Validator::A3_B),
            ..SerializeSettings::default()
        };
        let mut document = Document::new_with(settings);
        let mut metadata = Metadata::new()
            .title(info.title.clone())
            .creator(info.creator.clone())
            .creation_date(info.created.krilla());
        if !info.language.is_empty() {
            metadata = metadata.language(info.language.clone());
        }
        document.set_metadata(metadata);
        if let Some(a) = attachment {
            document.embed_file(EmbeddedFile {
                path: a.name.clone(),
                mime_type: MimeType::new(&a.mime),
                description: Some(a.description.clone()),
                association_kind: AssociationKind::Source,
                data: a.data.clone().into(),
                modification_date: Some(a.modified.krilla()),
                compress: Some(true),
                location: None,
            });
        }

        let (w, h) = self.page_points();
        // The page sizes are positive constants; the default never applies.
        let mut settings = PageSettings::from_wh(w, h).unwrap_or_default();
        if self.trim != (0, 0, self.page_dots().0, self.page_dots().1) {
            let (x, y, tw, th) = self.trim;
            settings = settings.with_trim_box(Rect::from_xywh(
                x as f32 * DOT,
                y as f32 * DOT,
                tw as f32 * DOT,
                th as f32 * DOT,
            ));
        }
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        self.draw(&mut surface)?;
        surface.finish();
        page.finish();
        document.finish().map_err(|e| CardError::Pdf(Box::new(e)))
    }

    fn draw(&self, surface: &mut Surface<'_>) -> Result<(), CardError> {
        let mut fonts: HashMap<FaceId, Font> = HashMap::new();
        for placed in &self.lines {
            for run in &placed.line.runs {
                let font = match fonts.get(&run.face) {
                    Some(f) => f.clone(),
                    None => {
                        let f = Font::new(run.face.data().into(), 0)
                            .ok_or(CardError::DamagedFont(crate::DamagedFont::of(run.face)))?;
                        fonts.insert(run.face, f.clone());
                        f
                    }
                };
                let glyphs: Vec<KrillaGlyph> = run
                    .glyphs
                    .iter()
                    .map(|g| {
                        KrillaGlyph::new(
                            GlyphId::new(u32::from(g.id)),
                            g.x_advance,
                            g.x_offset,
                            g.y_offset,
                            0.0,
                            g.text.clone(),
                            None,
                        )
                    })
                    .collect();
                surface.set_fill(Some(fill(run.gray)));
                surface.draw_glyphs(
                    Point::from_xy(placed.x + run.x, placed.baseline),
                    &glyphs,
                    font,
                    &run.text,
                    run.size,
                    false,
                );
            }
        }
        surface.set_fill(Some(fill(0)));
        for blocks in [&self.blocks, &self.code_blocks()] {
            if let Some(path) = rects(blocks) {
                surface.draw_path(&path);
            }
        }
        Ok(())
    }
}

fn fill(gray: u8) -> Fill {
    Fill {
        paint: luma::Color::new(gray).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// One path of rectangles: a QR code is a single fill, so no reader draws hairline seams
/// between its modules.
fn rects(blocks: &[Block]) -> Option<krilla::geom::Path> {
    let mut builder = PathBuilder::new();
    for b in blocks {
        if let Some(r) = Rect::from_xywh(b.x, b.y, b.w, b.h) {
            builder.push_rect(r);
        }
    }
    builder.finish()
}
