//! From a paragraph of styled spans to lines of positioned glyphs: whitespace folded and
//! direction overrides removed, each character given the first shipped face that draws it,
//! the Unicode bidirectional algorithm run (`unicode-bidi`), lines broken at spaces by their
//! shaped width, and each piece of a line shaped with its script's rules (`rustybuzz`).
//!
//! A line is a list of glyph runs in visual order, left to right; each run keeps the text it
//! draws in logical order and, for every glyph, the bytes of that text it stands for. Both
//! backends draw these same runs: the PDF maps every glyph back to its text (so a reader
//! extracts `فاطمة الزهراء` in reading order), the raster draws the glyphs' outlines.

use std::ops::Range;

use rustybuzz::ttf_parser::gdef::GlyphClass;
use rustybuzz::ttf_parser::GlyphId;
use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::{Level, ParagraphBidiInfo};

use crate::fonts::{FaceId, Faces, Weight};
use crate::CardError;

/// The longest paragraph the card accepts, in characters; a card holds far less, and this
/// bounds the work of breaking lines before the layout says the text does not fit.
pub(crate) const MAX_PARAGRAPH_CHARS: usize = 600;

/// How a span of text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Style {
    pub(crate) weight: Weight,
    /// 0 is black, 255 white.
    pub(crate) gray: u8,
}

/// A glyph, its offsets and advance in ems (divide by nothing, multiply by the size).
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    pub(crate) id: u16,
    /// The bytes of the run's text this glyph's cluster stands for.
    pub(crate) text: Range<usize>,
    pub(crate) x_advance: f32,
    pub(crate) x_offset: f32,
    pub(crate) y_offset: f32,
}

/// Glyphs of one face, style and direction, left to right.
#[derive(Debug, Clone)]
pub(crate) struct GlyphRun {
    pub(crate) face: FaceId,
    pub(crate) size: f32,
    pub(crate) gray: u8,
    /// From the line's left edge, in points.
    pub(crate) x: f32,
    /// The text the glyphs draw, in logical (reading) order.
    pub(crate) text: String,
    /// Where `text` starts in its paragraph, in bytes.
    pub(crate) start: usize,
    pub(crate) glyphs: Vec<Glyph>,
    /// Shaped right to left (glyphs still listed left to right).
    pub(crate) rtl: bool,
}

impl GlyphRun {
    pub(crate) fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.x_advance).sum::<f32>() * self.size
    }
}

/// One line: its runs in visual order and its extent, in points.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub(crate) runs: Vec<GlyphRun>,
    pub(crate) width: f32,
    /// Above and below the baseline, from the faces' own metrics.
    pub(crate) ascent: f32,
    pub(crate) descent: f32,
    /// The line's text in logical order.
    pub(crate) text: String,
}

/// A paragraph prepared for breaking: folded text, where each style applies, which family
/// draws each character, and its bidi levels.
pub(crate) struct Paragraph<'f> {
    faces: &'f Faces,
    text: String,
    size: f32,
    /// The paragraph's base direction: the card's.
    rtl: bool,
    /// Style runs, in order, covering the text.
    styles: Vec<(Range<usize>, Style)>,
    /// Family runs, in order, covering the text.
    families: Vec<(Range<usize>, usize)>,
}

/// Characters the card never draws: controls, and the explicit direction embeddings,
/// overrides and isolates, which let a name be shown reversed (a spoofing trick); the
/// bidirectional algorithm alone orders every honest name.
fn dropped(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters with no glyph of their own that stay with the face around them: zero-width
/// joiners and spaces, direction marks, the isolates the card adds, variation selectors, the
/// soft hyphen.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | FSI
            | PDI
            | '\u{FE00}'..='\u{FE0F}'
    )
}

/// First strong isolate and pop directional isolate (Unicode bidi algorithm, X5c and X6a).
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Each span of a paragraph of several set apart as an isolate, taking its direction from its
/// own first letter: on an Arabic card an English sentence keeps its full stop at its end
/// and a label its parentheses, whatever surrounds them. The isolates are the card's own
/// (any in the input were dropped) and are never drawn or extracted.
fn isolate(
    text: String,
    styles: Vec<(Range<usize>, Style)>,
) -> (String, Vec<(Range<usize>, Style)>) {
    if styles.len() < 2 {
        return (text, styles);
    }
    let mut out = String::with_capacity(text.len() + styles.len() * 6);
    let mut ranges = Vec::with_capacity(styles.len());
    for (range, style) in styles {
        let start = out.len();
        let span = text.get(range).unwrap_or_default();
        let core = span.trim_matches(' ');
        // Spaces at a span's edges separate it from its neighbours: they stay outside, in
        // the paragraph's direction.
        if span.starts_with(' ') {
            out.push(' ');
        }
        if !core.is_empty() {
            out.push(FSI);
            out.push_str(core);
            out.push(PDI);
        }
        if span.ends_with(' ') && !core.is_empty() {
            out.push(' ');
        }
        ranges.push((start..out.len(), style));
    }
    (out, ranges)
}

/// Whether `text` is only the card's isolates (a glyph standing for them is not drawn).
fn only_isolates(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c == FSI || c == PDI)
}

impl<'f> Paragraph<'f> {
    /// Folds whitespace to single spaces across `spans`, drops controls and direction
    /// overrides, and assigns each character a family.
    pub(crate) fn new(
        faces: &'f Faces,
        spans: &[(&str, Style)],
        size: f32,
        rtl: bool,
    ) -> Result<Self, CardError> {
        let mut text = String::new();
        let mut styles: Vec<(Range<usize>, Style)> = Vec::new();
        for &(span, style) in spans {
            let start = text.len();
            for c in span.chars() {
                if c.is_whitespace() {
                    if !text.is_empty() && !text.ends_with(' ') {
                        text.push(' ');
                    }
                } else if !dropped(c) {
                    text.push(c);
                }
            }
            if text.len() > start {
                styles.push((start..text.len(), style));
            }
        }
        if text.ends_with(' ') {
            text.pop();
            if let Some((last, _)) = styles.last_mut() {
                last.end = last.end.min(text.len());
            }
            styles.retain(|(r, _)| !r.is_empty());
        }
        if text.chars().count() > MAX_PARAGRAPH_CHARS {
            return Err(CardError::TooMuchText);
        }
        let (text, styles) = isolate(text, styles);
        let families = itemize(faces, &text)?;
        Ok(Self {
            faces,
            text,
            size,
            rtl,
            styles,
            families,
        })
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Breaks the paragraph into lines no wider than `width`; answers the lines and whether
    /// a word had to be broken inside because it alone was too wide.
    pub(crate) fn lines(&self, width: f32) -> Result<(Vec<Line>, bool), CardError> {
        // The card's direction, not the first letter's, orders a line: on an Arabic card a
        // line reads from the right even when it starts with "SKILLPASS".
        let base = if self.rtl { Level::rtl() } else { Level::ltr() };
        let bidi = ParagraphBidiInfo::new(&self.text, Some(base));
        let len = self.text.len();
        let spaces: Vec<usize> = self.text.match_indices(' ').map(|(i, _)| i).collect();
        let mut lines = Vec::new();
        let mut broke_word = false;
        let mut start = 0;
        while start < len {
            let mut best: Option<(usize, Line)> = None;
            let ends = spaces
                .iter()
                .copied()
                .filter(|&e| e > start)
                .chain(std::iter::once(len));
            for end in ends {
                let line = self.shape(&bidi, start..end)?;
                if line.width <= width {
                    best = Some((end, line));
                } else {
                    break;
                }
            }
            let (end, line) = match best {
                Some(found) => found,
                None => {
                    broke_word = true;
                    self.break_word(&bidi, start, width)?
                }
            };
            lines.push(line);
            start = if self.text.as_bytes().get(end) == Some(&b' ') {
                end + 1
            } else {
                end
            };
        }
        Ok((lines, broke_word))
    }

    /// The longest run of whole clusters from `start` that fits `width` (at least one
    /// cluster, so breaking always moves on).
    fn break_word(
        &self,
        bidi: &ParagraphBidiInfo<'_>,
        start: usize,
        width: f32,
    ) -> Result<(usize, Line), CardError> {
        let word_end = self.text[start..]
            .find(' ')
            .map_or(self.text.len(), |i| start + i);
        let word = self.shape(bidi, start..word_end)?;
        // Cluster starts, except before a mark, are the places a word can be cut without
        // splitting a letter from its marks or a conjunct from its parts.
        let mut cuts: Vec<usize> = word
            .runs
            .iter()
            .flat_map(|r| {
                let face = self.faces.face(r.face);
                r.glyphs
                    .iter()
                    .filter(move |g| {
                        face.and_then(|f| f.tables().gdef?.glyph_class(GlyphId(g.id)))
                            != Some(GlyphClass::Mark)
                    })
                    .map(move |g| r.start + g.text.start)
            })
            .filter(|&c| c > start)
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        cuts.push(word_end);
        let mut chosen: Option<(usize, Line)> = None;
        for cut in cuts {
            let line = self.shape(bidi, start..cut)?;
            if chosen.is_some() && line.width > width {
                break;
            }
            chosen = Some((cut, line));
        }
        chosen.ok_or(CardError::TooMuchText)
    }

    /// Shapes the bytes `line` of the paragraph as one line.
    fn shape(&self, bidi: &ParagraphBidiInfo<'_>, line: Range<usize>) -> Result<Line, CardError> {
        let (levels, runs) = bidi.visual_runs(line.clone());
        let mut out = Line {
            runs: Vec::new(),
            width: 0.0,
            ascent: 0.0,
            descent: 0.0,
            text: self
                .text
                .get(line.clone())
                .unwrap_or_default()
                .chars()
                .filter(|&c| c != FSI && c != PDI)
                .collect(),
        };
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
            let mut pieces = self.pieces(run);
            if rtl {
                pieces.reverse();
            }
            for (range, family, style) in pieces {
                let shaped = self.shape_piece(range, family, style, rtl, out.width)?;
                out.width += shaped.0.width();
                out.ascent = out.ascent.max(shaped.1);
                out.descent = out.descent.max(shaped.2);
                // Pieces that were only the card's isolates draw nothing.
                if !shaped.0.glyphs.is_empty() {
                    out.runs.push(shaped.0);
                }
            }
        }
        Ok(out)
    }

    /// `range` cut where the family or the style changes, in logical order.
    fn pieces(&self, range: Range<usize>) -> Vec<(Range<usize>, usize, Style)> {
        let mut cuts: Vec<usize> = self
            .families
            .iter()
            .map(|(r, _)| r.start)
            .chain(self.styles.iter().map(|(r, _)| r.start))
            .filter(|&c| c > range.start && c < range.end)
            .collect();
        cuts.push(range.start);
        cuts.push(range.end);
        cuts.sort_unstable();
        cuts.dedup();
        cuts.windows(2)
            .filter_map(|w| match w {
                [a, b] => {
                    let family = self
                        .families
                        .iter()
                        .find(|(r, _)| r.contains(a))
                        .map_or(0, |(_, f)| *f);
                    let style = self
                        .styles
                        .iter()
                        .find(|(r, _)| r.contains(a))
                        .map(|(_, s)| *s)?;
                    Some((*a..*b, family, style))
                }
                _ => None,
            })
            .collect()
    }

    /// Shapes one piece; answers the run and its face's ascent and descent in points.
    fn shape_piece(
        &self,
        range: Range<usize>,
        family: usize,
        style: Style,
        rtl: bool,
        x: f32,
    ) -> Result<(GlyphRun, f32, f32), CardError> {
        let id = FaceId {
            family,
            weight: style.weight,
        };
        let face = self.faces.face(id).ok_or(CardError::TooMuchText)?;
        let start = range.start;
        let text = self.text.get(range).unwrap_or_default();
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        });
        buffer.guess_segment_properties();
        // A mark stays a cluster of its own (only ligatures and reordered vowel signs merge
        // characters), so a PDF maps most glyphs to their own characters and needs a span
        // of actual text only where the glyphs cannot be matched to characters one by one.
        buffer.set_cluster_level(rustybuzz::BufferClusterLevel::MonotoneCharacters);
        let shaped = rustybuzz::shape(face, &[], buffer);
        let em = face.units_per_em().max(1) as f32;
        let mut starts: Vec<usize> = shaped
            .glyph_infos()
            .iter()
            .map(|g| g.cluster as usize)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |start: usize| {
            starts
                .iter()
                .copied()
                .find(|&s| s > start)
                .unwrap_or(text.len())
        };
        let glyphs = shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .filter(|(info, _)| {
                let start = info.cluster as usize;
                !only_isolates(text.get(start..end_of(start)).unwrap_or_default())
            })
            .map(|(info, pos)| {
                let start = info.cluster as usize;
                Glyph {
                    id: u16::try_from(info.glyph_id).unwrap_or(0),
                    text: start..end_of(start),
                    x_advance: pos.x_advance as f32 / em,
                    x_offset: pos.x_offset as f32 / em,
                    y_offset: pos.y_offset as f32 / em,
                }
            })
            .collect();
        let run = GlyphRun {
            face: id,
            size: self.size,
            gray: style.gray,
            x,
            text: text.to_owned(),
            start,
            glyphs,
            rtl,
        };
        let ascent = f32::from(face.ascender()) / em * self.size;
        let descent = -f32::from(face.descender()) / em * self.size;
        Ok((run, ascent, descent))
    }
}

/// Gives every character the family that draws it: the family of the text before it when
/// that one has a glyph (spaces, digits and marks stay with their word), else the first
/// family that has one.
fn itemize(faces: &Faces, text: &str) -> Result<Vec<(Range<usize>, usize)>, CardError> {
    let mut items: Vec<(Range<usize>, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if let Some((range, family)) = items.last_mut() {
            if invisible(c) || faces.covers(*family, c) {
                range.end = end;
                continue;
            }
        }
        let family = match faces.family_for(c) {
            Some(f) => f,
            None if invisible(c) => 0,
            None => return Err(CardError::Unprintable(c)),
        };
        match items.last_mut() {
            Some((range, f)) if *f == family => range.end = end,
            _ => items.push((i..end, family)),
        }
    }
    Ok(items)
}
