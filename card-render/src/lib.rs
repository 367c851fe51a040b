//! The printed Skillpass card: one layout, drawn as a PDF or as a PNG.
//!
//! `skillpass card` decides what a card says (names, labels in the holder's and the
//! destination's languages, the QR code's modules); this crate decides how it looks and
//! draws it, with no I/O and no knowledge of credentials:
//!
//! 1. [`layout`] folds each paragraph's text, gives every character a shipped Noto face
//!    (`fonts/`: Latin, Greek, Cyrillic, Arabic, Devanagari, Bengali, Tamil, Sinhala, Thai),
//!    runs the Unicode bidirectional algorithm, breaks lines by shaped width and shapes them
//!    (`rustybuzz`), and places text, rules, the QR code's modules and, on A4, cut marks.
//! 2. [`Card::pdf`] writes that layout as a PDF/A-3b file (`krilla`): real text a reader can
//!    select and search, each glyph mapped back to its characters, the fonts subset to the
//!    glyphs used, the QR code as vector paths, and the credential attached as an associated
//!    file.
//! 3. [`Card::raster`] draws the same glyph outlines and rectangles at 300 dpi
//!    (`tiny-skia`) for a PNG.
//!
//! A character no shipped face draws is an error naming it ([`CardError::Unprintable`]),
//! never a box or a question mark on the card.
//!
//! ```
//! use card_render::{layout, CardContent, Paper, QrModules, Span, Tone};
//!
//! let qr = QrModules::new(21, vec![true; 21 * 21]).unwrap();
//! let content = CardContent {
//!     heading: vec![Span::new("SKILLPASS", Tone::Strong)],
//!     name: "Nguyễn Thị Ánh".into(),
//!     title: "Bachelor of Science in Nursing".into(),
//!     details: vec![],
//!     notice: vec![],
//!     footer: vec![],
//!     qr,
//!     right_to_left: false,
//! };
//! let card = layout(&content, Paper::A6).unwrap();
//! assert!(card.pdf(None, &Default::default()).unwrap().starts_with(b"%PDF"));
//! ```

#![forbid(unsafe_code)]

mod fonts;
mod layout;
mod pdf;
mod raster;
mod text;

#[cfg(test)]
mod tests;

pub use fonts::{scripts, DamagedFont};
pub use layout::{layout, Card, Paper};
pub use pdf::{Attachment, DocumentInfo, PdfDate};
pub use raster::GrayPixels;

/// How a span of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Bold, black: the heading's brand, the holder's name.
    Strong,
    /// Regular, black: values.
    Normal,
    /// Regular, grey: labels and the second language.
    Quiet,
}

/// A piece of a paragraph in one tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text; whitespace is folded to single spaces when laid out.
    pub text: String,
    /// How it is set.
    pub tone: Tone,
}

impl Span {
    /// A span of `text` in `tone`.
    pub fn new(text: impl Into<String>, tone: Tone) -> Self {
        Self {
            text: text.into(),
            tone,
        }
    }
}

/// What the card shows, top to bottom: the heading, the holder's name, the title, detail
/// paragraphs (issuer, level, dates), the QR code, then the notice of what the code holds
/// and a footer (how to verify, the credential's id).
#[derive(Debug, Clone)]
pub struct CardContent {
    /// Above a rule across the card.
    pub heading: Vec<Span>,
    /// Set large and bold; shrunk to fit at most two lines.
    pub name: String,
    /// Set below the name; shrunk to fit at most three lines.
    pub title: String,
    /// One paragraph each, typically a quiet label and a normal value.
    pub details: Vec<Vec<Span>>,
    /// Below the code: what it holds.
    pub notice: Vec<Span>,
    /// At the bottom, small.
    pub footer: Vec<Span>,
    /// The QR code.
    pub qr: QrModules,
    /// Whether the card's first language is written right to left: then every line is
    /// aligned to the right edge. Each paragraph's own direction comes from its text.
    pub right_to_left: bool,
}

/// A QR code's modules, row by row, `true` for dark; the card adds the quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrModules {
    width: usize,
    dark: Vec<bool>,
}

impl QrModules {
    /// A square of `width` × `width` modules; `None` unless `dark` has exactly that many.
    pub fn new(width: usize, dark: Vec<bool>) -> Option<Self> {
        (width > 0 && width.checked_mul(width) == Some(dark.len())).then_some(Self { width, dark })
    }

    /// Modules per side.
    pub fn width(&self) -> usize {
        self.width
    }

    fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

/// Why no card could be drawn.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CardError {
    /// A character of the card's text has no glyph in any shipped font.
    #[error(
        "the card cannot print {} (U+{:04X}): none of its fonts has it; the card prints {}",
        quoted(*.0), u32::from(*.0), fonts::scripts()
    )]
    Unprintable(char),
    /// The text does not fit the card even at the smallest sizes.
    #[error("the card's text does not fit on the card, even set small: shorten the title or the details")]
    TooMuchText,
    /// The QR code would be printed with modules too small for a phone camera.
    #[error(
        "the QR code ({modules}×{modules} modules) is too large to print readably on the card \
         (at least {min_mm} mm per module is needed)"
    )]
    CodeTooLarge {
        /// Modules per side of the code.
        modules: usize,
        /// The smallest module the card prints, in millimetres.
        min_mm: f32,
    },
    /// A shipped font does not parse.
    #[error(transparent)]
    DamagedFont(#[from] DamagedFont),
    /// The page's image could not be allocated.
    #[error("cannot allocate a {0}×{1}-pixel image for the card")]
    Image(u32, u32),
    /// The PDF writer refused the document (a bug here, not bad input).
    #[error("cannot write the card's PDF: {0:?}")]
    Pdf(Box<krilla::error::KrillaError>),
}

/// A character as the error shows it: itself when visible, else only its code point.
fn quoted(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        "a control character".to_owned()
    } else {
        format!("'{c}'")
    }
}
