//! The card as pixels at 300 dpi (`tiny-skia`), for a PNG: the same glyphs at the same
//! places as the PDF, drawn from the fonts' outlines with anti-aliasing; the QR code's
//! modules, whole dots wide, drawn without it so that every module is crisp.

use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

use crate::fonts::Faces;
use crate::layout::{Block, Card, DOT};
use crate::CardError;

/// A grey image, one byte a pixel (0 black, 255 white), row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrayPixels {
    /// Pixels per row.
    pub width: u32,
    /// Rows.
    pub height: u32,
    /// `width × height` bytes.
    pub data: Vec<u8>,
}

/// Pixels per point at 300 dpi.
const SCALE: f32 = 1.0 / DOT;

/// Collects a glyph outline into a path, placed and scaled to pixels.
struct Pen {
    path: PathBuilder,
    x: f32,
    y: f32,
    /// Pixels per font unit.
    scale: f32,
}

impl Pen {
    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.scale, self.y - y * self.scale)
    }
}

impl OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.path.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.path.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x1, y1) = self.at(x1, y1);
        let (x, y) = self.at(x, y);
        self.path.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (x1, y1) = self.at(x1, y1);
        let (x2, y2) = self.at(x2, y2);
        let (x, y) = self.at(x, y);
        self.path.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.path.close();
    }
}

impl Card {
    /// The card at 300 dpi, grey.
    pub fn raster(&self) -> Result<GrayPixels, CardError> {
        let faces = Faces::get()?;
        let (width, height) = self.page_dots();
        let mut pixmap = Pixmap::new(width, height).ok_or(CardError::Image(width, height))?;
        pixmap.fill(tiny_skia::Color::WHITE);
        let mut paint = Paint::default();
        for placed in &self.lines {
            for run in &placed.line.runs {
                let Some(face) = faces.face(run.face) else {
                    continue;
                };
                let em = face.units_per_em().max(1) as f32;
                let mut pen = Pen {
                    path: PathBuilder::new(),
                    x: 0.0,
                    y: 0.0,
                    scale: run.size / em * SCALE,
                };
                let mut x = placed.x + run.x;
                for g in &run.glyphs {
                    pen.x = (x + g.x_offset * run.size) * SCALE;
                    pen.y = (placed.baseline - g.y_offset * run.size) * SCALE;
                    face.outline_glyph(GlyphId(g.id), &mut pen);
                    x += g.x_advance * run.size;
                }
                if let Some(path) = pen.path.finish() {
                    paint.set_color_rgba8(run.gray, run.gray, run.gray, 255);
                    paint.anti_alias = true;
                    pixmap.fill_path(
                        &path,
                        &paint,
                        FillRule::Winding,
                        Transform::identity(),
                        None,
                    );
                }
            }
        }
        paint.set_color_rgba8(0, 0, 0, 255);
        paint.anti_alias = true;
        fill_blocks(&mut pixmap, &self.blocks, &paint);
        // The code's modules lie on whole pixels: drawn without anti-aliasing they are
        // exactly black or white.
        paint.anti_alias = false;
        fill_blocks(&mut pixmap, &self.code_blocks(), &paint);
        // Grey on white, premultiplied and opaque: any channel is the grey.
        let data = pixmap.pixels().iter().map(|p| p.red()).collect();
        Ok(GrayPixels {
            width,
            height,
            data,
        })
    }
}

fn fill_blocks(pixmap: &mut Pixmap, blocks: &[Block], paint: &Paint<'_>) {
    let mut path = PathBuilder::new();
    for b in blocks {
        if let Some(r) = Rect::from_xywh(b.x * SCALE, b.y * SCALE, b.w * SCALE, b.h * SCALE) {
            path.push_rect(r);
        }
    }
    if let Some(path) = path.finish() {
        pixmap.fill_path(&path, paint, FillRule::Winding, Transform::identity(), None);
    }
}
