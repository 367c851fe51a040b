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

use crate::fonts::{FaceId, Faces};
use crate::layout::{Block, Card, DOT};
use crate::text::Glyph;
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
        let faces = Faces::get()?;
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
                let face = faces
                    .face(run.face)
                    .ok_or(CardError::DamagedFont(crate::DamagedFont::of(run.face)))?;
                let mut glyphs = extractable(&run.glyphs, face);
                if run.rtl {
                    glyphs = marks_after_bases(glyphs);
                }
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

/// The glyphs as krilla draws them, each cluster of several glyphs (a conjunct's parts, a
/// vowel sign drawn before its consonant) drawn in an order that lets a reader find its
/// text where it is.
///
/// krilla writes such a cluster as one `/ActualText` span, and a reader (poppler's
/// `pdftotext`) spreads the span's characters from where the first glyph drawn starts to
/// where the last one ends by its advance in the font. Drawn in shaping order, a span can
/// start or end inside its cluster (a mark set back over its letter ends it short) and the
/// reader sees a gap and writes a space inside the word. So the glyphs keep their places on
/// the page but are drawn leftmost first and furthest-reaching last: every glyph but the
/// last with no advance and its place as an offset, the last carrying the cluster's whole
/// advance.
fn extractable(glyphs: &[Glyph], face: &rustybuzz::Face<'_>) -> Vec<KrillaGlyph> {
    let em = face.units_per_em().max(1) as f32;
    let font_advance = |id: u16| {
        face.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id))
            .map_or(0.0, |a| f32::from(a) / em)
    };
    let glyph = |g: &Glyph, advance: f32, offset: f32| {
        KrillaGlyph::new(
            GlyphId::new(u32::from(g.id)),
            advance,
            offset,
            g.y_offset,
            0.0,
            g.text.clone(),
            None,
        )
    };
    let mut out = Vec::with_capacity(glyphs.len());
    for cluster in glyphs.chunk_by(|a, b| a.text == b.text) {
        if let [g] = cluster {
            out.push(glyph(g, g.x_advance, g.x_offset));
            continue;
        }
        let mut pen = 0.0;
        let mut placed: Vec<(&Glyph, f32)> = cluster
            .iter()
            .map(|g| {
                let place = pen + g.x_offset;
                pen += g.x_advance;
                (g, place)
            })
            .collect();
        // Leftmost first (stable: equal places keep their order), then the glyph that
        // reaches furthest moved to the end unless it is that first one.
        placed.sort_by(|a, b| a.1.total_cmp(&b.1));
        let reach = |(g, place): &(&Glyph, f32)| place + font_advance(g.id);
        if let Some(furthest) = (1..placed.len()).max_by(|&a, &b| {
            let (ra, rb) = (
                placed.get(a).map_or(0.0, reach),
                placed.get(b).map_or(0.0, reach),
            );
            ra.total_cmp(&rb)
        }) {
            let g = placed.remove(furthest);
            placed.push(g);
        }
        let last = placed.len().saturating_sub(1);
        for (i, (g, place)) in placed.into_iter().enumerate() {
            out.push(glyph(g, if i == last { pen } else { 0.0 }, place));
        }
    }
    out
}

/// Right-to-left glyphs with each letter drawn before the marks set on it.
///
/// Listed left to right, a right-to-left letter's marks (Arabic harakat) come before the
/// letter, since they follow it in reading order; a reader that meets a mark and then a
/// letter starting left of it ends the word there, and `pdftotext` writes `ُم َح` for
/// `مُحَ`. Drawn letter first, with the same places on the page, the word stays whole.
/// (poppler still reads each mark of vocalised Arabic just before its letter; unvocalised
/// names, as documents print them, come out exactly.)
fn marks_after_bases(glyphs: Vec<KrillaGlyph>) -> Vec<KrillaGlyph> {
    let mut out = Vec::with_capacity(glyphs.len());
    let mut marks: Vec<(KrillaGlyph, f32)> = Vec::new();
    let mut pen = 0.0;
    for g in glyphs {
        if g.x_advance == 0.0 {
            // Where it goes, from the pen before the letter it waits for.
            let place = pen + g.x_offset;
            marks.push((g, place));
            continue;
        }
        let advance = g.x_advance;
        out.push(g);
        for (mut mark, place) in marks.drain(..) {
            // After the letter the pen has moved on by its advance.
            mark.x_offset = place - (pen + advance);
            out.push(mark);
        }
        pen += advance;
    }
    // Marks with no letter after them on the line stay where they are.
    out.extend(marks.into_iter().map(|(mut mark, place)| {
        mark.x_offset = place - pen;
        mark
    }));
    out
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
