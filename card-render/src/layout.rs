//! The card's layout: where every line of text, rule, QR module and cut mark goes, in
//! points (1/72 inch) from the page's top-left corner, shared by the PDF and the raster.
//!
//! The card is A6 portrait (105 × 148 mm): the text above and below, the QR code between
//! them as large as the room left allows, in whole 1/300-inch dots per module so that the
//! 300-dpi PNG has crisp modules and the PDF the same geometry. On A4 the same card sits in
//! the middle of the sheet with cut marks at its corners.

use crate::fonts::{Faces, Weight};
use crate::text::{Line, Paragraph, Style};
use crate::{CardContent, CardError, QrModules, Span, Tone};

/// Points per 1/300-inch dot.
pub(crate) const DOT: f32 = 72.0 / 300.0;
/// The card, in dots: A6 at 300 dpi.
const CARD_W: u32 = 1240;
const CARD_H: u32 = 1748;
/// A4 at 300 dpi.
const A4_W: u32 = 2480;
const A4_H: u32 = 3508;
/// White around the text, in dots (5 mm).
const MARGIN: u32 = 60;
/// The quiet zone the QR specification asks for, in modules on each side.
const QUIET: u32 = 4;
/// The smallest module printed, in dots (0.34 mm): below that phone cameras struggle.
const MIN_MODULE: u32 = 4;
/// Grey of labels and the second language.
const QUIET_GRAY: u8 = 0x55;

/// The sheet a card is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// The card alone, 105 × 148 mm.
    A6,
    /// The card in the middle of an A4 sheet, with cut marks.
    A4,
}

impl Paper {
    fn dots(self) -> (u32, u32) {
        match self {
            Paper::A6 => (CARD_W, CARD_H),
            Paper::A4 => (A4_W, A4_H),
        }
    }
}

/// A line placed on the page.
#[derive(Debug, Clone)]
pub(crate) struct PlacedLine {
    pub(crate) line: Line,
    /// The line's left edge and baseline, in points.
    pub(crate) x: f32,
    pub(crate) baseline: f32,
}

/// A filled rectangle, in points: rules and cut marks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block {
    pub(crate) x: f32,
    pub(crate) y: f32,
    pub(crate) w: f32,
    pub(crate) h: f32,
}

/// The QR code on the page: its top-left corner (inside the quiet zone) and module size in
/// dots.
#[derive(Debug, Clone)]
pub(crate) struct PlacedCode {
    pub(crate) x: u32,
    pub(crate) y: u32,
    pub(crate) module: u32,
    pub(crate) modules: QrModules,
}

/// A laid-out card, ready to draw as a PDF ([`Card::pdf`]) or a raster ([`Card::raster`]).
#[derive(Debug, Clone)]
pub struct Card {
    pub(crate) paper: Paper,
    pub(crate) lines: Vec<PlacedLine>,
    pub(crate) blocks: Vec<Block>,
    pub(crate) code: PlacedCode,
    /// The card's edges on the page, in dots (the whole page on A6).
    pub(crate) trim: (u32, u32, u32, u32),
}

impl Card {
    /// The page's size in dots (1/300 inch).
    pub fn page_dots(&self) -> (u32, u32) {
        self.paper.dots()
    }

    /// The page's size in points.
    pub(crate) fn page_points(&self) -> (f32, f32) {
        let (w, h) = self.page_dots();
        (w as f32 * DOT, h as f32 * DOT)
    }

    /// The printed width of the QR code without its quiet zone, in whole millimetres.
    pub fn code_mm(&self) -> u32 {
        let dots = self.code.module * self.code.modules.width() as u32;
        (dots * 254 + 1500) / 3000
    }

    /// The side of one QR module, in dots.
    pub fn module_dots(&self) -> u32 {
        self.code.module
    }

    /// The card's text, line by line in reading order, as a reader should extract it.
    pub fn text_lines(&self) -> Vec<&str> {
        self.lines.iter().map(|l| l.line.text.as_str()).collect()
    }

    /// The QR code's dark modules as rectangles in points, one per horizontal run.
    pub(crate) fn code_blocks(&self) -> Vec<Block> {
        let c = &self.code;
        let n = c.modules.width();
        let m = c.module as f32 * DOT;
        let (x0, y0) = (c.x as f32 * DOT, c.y as f32 * DOT);
        let mut out = Vec::new();
        for row in 0..n {
            let mut col = 0;
            while col < n {
                if !c.modules.is_dark(col, row) {
                    col += 1;
                    continue;
                }
                let start = col;
                while col < n && c.modules.is_dark(col, row) {
                    col += 1;
                }
                out.push(Block {
                    x: x0 + start as f32 * m,
                    y: y0 + row as f32 * m,
                    w: (col - start) as f32 * m,
                    h: m,
                });
            }
        }
        out
    }
}

/// One paragraph's role: its size, the smallest it may shrink to, and how many lines it
/// may take.
struct Role {
    size: f32,
    min: f32,
    lines: usize,
}

impl Role {
    const fn new(size: f32, min: f32, lines: usize) -> Self {
        Self { size, min, lines }
    }
}

const HEADING: Role = Role::new(6.5, 5.0, 2);
const NAME: Role = Role::new(15.0, 8.0, 2);
const TITLE: Role = Role::new(10.0, 6.5, 3);
const DETAIL: Role = Role::new(7.0, 5.5, 3);
const NOTICE: Role = Role::new(6.0, 5.0, 3);
const FOOTER: Role = Role::new(5.5, 4.5, 3);

fn style(tone: Tone) -> Style {
    match tone {
        Tone::Strong => Style {
            weight: Weight::Bold,
            gray: 0,
        },
        Tone::Normal => Style {
            weight: Weight::Regular,
            gray: 0,
        },
        Tone::Quiet => Style {
            weight: Weight::Regular,
            gray: QUIET_GRAY,
        },
    }
}

/// Lays out `spans` in `role` within `width`: the largest size from the role's down to its
/// minimum, in half points, at which the text takes no more than the role's lines and no
/// word has to be cut; at the minimum, whatever it takes.
fn fit(
    faces: &Faces,
    spans: &[Span],
    role: &Role,
    width: f32,
    rtl: bool,
) -> Result<Vec<Line>, CardError> {
    let spans: Vec<(&str, Style)> = spans
        .iter()
        .map(|s| (s.text.as_str(), style(s.tone)))
        .collect();
    let mut size = role.size;
    loop {
        let paragraph = Paragraph::new(faces, &spans, size, rtl)?;
        if paragraph.is_empty() {
            return Ok(Vec::new());
        }
        let (lines, cut) = paragraph.lines(width)?;
        if (lines.len() <= role.lines && !cut) || size - 0.5 < role.min {
            return Ok(lines);
        }
        size -= 0.5;
    }
}

/// The height of `lines` set one under the other.
fn height(lines: &[Line]) -> f32 {
    lines.iter().map(|l| l.ascent + l.descent).sum()
}

/// Lays out `content` on `paper`.
pub fn layout(content: &CardContent, paper: Paper) -> Result<Card, CardError> {
    let faces = Faces::get()?;
    let (page_w, page_h) = paper.dots();
    let (ox, oy) = ((page_w - CARD_W) / 2, (page_h - CARD_H) / 2);
    let left = (ox + MARGIN) as f32 * DOT;
    let right = (ox + CARD_W - MARGIN) as f32 * DOT;
    let width = right - left;
    let rtl = content.right_to_left;

    let heading = fit(faces, &content.heading, &HEADING, width, rtl)?;
    let name = fit(
        faces,
        &[Span::new(&content.name, Tone::Strong)],
        &NAME,
        width,
        rtl,
    )?;
    let title = fit(
        faces,
        &[Span::new(&content.title, Tone::Normal)],
        &TITLE,
        width,
        rtl,
    )?;
    let details = content
        .details
        .iter()
        .map(|d| fit(faces, d, &DETAIL, width, rtl))
        .collect::<Result<Vec<_>, _>>()?;
    let notice = fit(faces, &content.notice, &NOTICE, width, rtl)?;
    let footer = fit(faces, &content.footer, &FOOTER, width, rtl)?;

    let mut lines = Vec::new();
    let mut blocks = Vec::new();
    let mut place = |set: Vec<Line>, y: &mut f32| {
        for line in set {
            let x = if rtl { right - line.width } else { left };
            let baseline = *y + line.ascent;
            *y = baseline + line.descent;
            lines.push(PlacedLine { line, x, baseline });
        }
    };

    let mut y = (oy + MARGIN) as f32 * DOT;
    place(heading, &mut y);
    y += 2.5;
    blocks.push(Block {
        x: left,
        y,
        w: width,
        h: 0.6,
    });
    y += 0.6 + 4.0;
    place(name, &mut y);
    y += 1.5;
    place(title, &mut y);
    y += 3.0;
    for d in details {
        place(d, &mut y);
        y += 1.0;
    }
    let top_end = y;

    // The code with its quiet zone below the top text, centred across the card; the notice
    // of what it holds right under it; the footer at the bottom. What room is left is
    // shared between the gap above the code and the gap above the footer.
    let bottom = (oy + CARD_H - MARGIN) as f32 * DOT;
    let footer_top = bottom - height(&footer);
    let room = footer_top - 2.0 - height(&notice) - top_end;
    let modules = content.qr.width() as u32;
    let room_h = (room / DOT).floor().max(0.0) as u32;
    let room_w = CARD_W - 2 * MARGIN;
    let module = room_h.min(room_w) / (modules + 2 * QUIET);
    if module < MIN_MODULE {
        return Err(if room < 72.0 {
            CardError::TooMuchText
        } else {
            CardError::CodeTooLarge {
                modules: content.qr.width(),
                min_mm: (MIN_MODULE as f32 * 25.4 / 300.0 * 100.0).round() / 100.0,
            }
        });
    }
    let side = module * (modules + 2 * QUIET);
    let top = (top_end / DOT).ceil() as u32 + (room_h - side) / 2;
    let code = PlacedCode {
        x: ox + (CARD_W - side) / 2 + QUIET * module,
        y: top + QUIET * module,
        module,
        modules: content.qr.clone(),
    };

    let mut y = (top + side) as f32 * DOT;
    place(notice, &mut y);
    let mut y = footer_top;
    place(footer, &mut y);

    if paper == Paper::A4 {
        blocks.extend(cut_marks(ox, oy));
    }
    Ok(Card {
        paper,
        lines,
        blocks,
        code,
        trim: (ox, oy, CARD_W, CARD_H),
    })
}

/// Cut marks at the card's four corners: hairlines along its edges, outside it, starting
/// 3 mm from the corner so that a slightly wrong cut never shows one.
fn cut_marks(ox: u32, oy: u32) -> Vec<Block> {
    let mm = 72.0 / 25.4;
    let (gap, len, thick) = (3.0 * mm, 5.0 * mm, 0.25);
    let (l, t) = (ox as f32 * DOT, oy as f32 * DOT);
    let (r, b) = (l + CARD_W as f32 * DOT, t + CARD_H as f32 * DOT);
    let mut marks = Vec::new();
    for (x, y, sx, sy) in [
        (l, t, -1.0, -1.0),
        (r, t, 1.0, -1.0),
        (l, b, -1.0, 1.0),
        (r, b, 1.0, 1.0),
    ] {
        // Horizontal, on the line of the card's top or bottom edge.
        let hx = if sx < 0.0 { x - gap - len } else { x + gap };
        marks.push(Block {
            x: hx,
            y: y - thick / 2.0,
            w: len,
            h: thick,
        });
        // Vertical, on the line of its left or right edge.
        let vy = if sy < 0.0 { y - gap - len } else { y + gap };
        marks.push(Block {
            x: x - thick / 2.0,
            y: vy,
            w: thick,
            h: len,
        });
    }
    marks
}
