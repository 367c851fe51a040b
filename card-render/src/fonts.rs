//! The fonts the card ships, compiled into the binary (Noto, SIL Open Font License 1.1;
//! `fonts/README.md` names the source, versions and licence), and which of them draws a
//! character.
//!
//! One family per script group, each in a regular and a bold weight. The order is the
//! fallback order: a character is drawn by the first family that has a glyph for it, and a
//! space, digit or mark goes on in the family of the text around it, so a name in Arabic
//! keeps one face for its spaces and a Latin name with one Greek letter changes face for that
//! letter only.

use std::sync::OnceLock;

use rustybuzz::Face;

/// A weight of a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    /// Body text.
    Regular,
    /// The heading and the holder's name.
    Bold,
}

/// One shipped family: what it covers, and its two weights.
struct Family {
    scripts: &'static str,
    regular: &'static [u8],
    bold: &'static [u8],
}

macro_rules! family {
    ($scripts:literal, $file:literal) => {
        Family {
            scripts: $scripts,
            regular: include_bytes!(concat!("../fonts/", $file, "-Regular.ttf")),
            bold: include_bytes!(concat!("../fonts/", $file, "-Bold.ttf")),
        }
    };
}

/// In fallback order. Noto Sans first: labels, Latin names (Vietnamese and every accented
/// Latin alphabet), Greek and Cyrillic.
const FAMILIES: [Family; 7] = [
    family!("Latin, Greek, Cyrillic", "NotoSans"),
    family!("Arabic", "NotoNaskhArabic"),
    family!("Devanagari", "NotoSansDevanagari"),
    family!("Bengali", "NotoSansBengali"),
    family!("Tamil", "NotoSansTamil"),
    family!("Sinhala", "NotoSansSinhala"),
    family!("Thai", "NotoSansThai"),
];

/// The scripts the shipped fonts draw, for error messages.
pub fn scripts() -> String {
    FAMILIES
        .iter()
        .map(|f| f.scripts)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A face: a family in a weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FaceId {
    pub(crate) family: usize,
    pub(crate) weight: Weight,
}

impl FaceId {
    /// The font file's bytes.
    pub(crate) fn data(self) -> &'static [u8] {
        match (FAMILIES.get(self.family), self.weight) {
            (Some(f), Weight::Regular) => f.regular,
            (Some(f), Weight::Bold) => f.bold,
            (None, _) => &[],
        }
    }
}

/// Every shipped face, parsed once.
pub(crate) struct Faces {
    /// `regular[i]` and `bold[i]` are family `i`.
    regular: Vec<Face<'static>>,
    bold: Vec<Face<'static>>,
}

/// A shipped font that does not parse is a broken build, not bad input; it is still an
/// error, never a panic.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("a font compiled into skillpass is damaged (family {0}); rebuild from a clean checkout")]
pub struct DamagedFont(usize);

impl DamagedFont {
    pub(crate) fn of(face: FaceId) -> Self {
        Self(face.family)
    }
}

impl Faces {
    /// The faces, parsed on first use.
    pub(crate) fn get() -> Result<&'static Faces, DamagedFont> {
        static FACES: OnceLock<Result<Faces, DamagedFont>> = OnceLock::new();
        FACES.get_or_init(Faces::parse).as_ref().map_err(|e| *e)
    }

    fn parse() -> Result<Faces, DamagedFont> {
        let parse = |i: usize, data: &'static [u8]| Face::from_slice(data, 0).ok_or(DamagedFont(i));
        let mut regular = Vec::with_capacity(FAMILIES.len());
        let mut bold = Vec::with_capacity(FAMILIES.len());
        for (i, f) in FAMILIES.iter().enumerate() {
            regular.push(parse(i, f.regular)?);
            bold.push(parse(i, f.bold)?);
        }
        Ok(Faces { regular, bold })
    }

    /// The parsed face of `id`.
    pub(crate) fn face(&self, id: FaceId) -> Option<&Face<'static>> {
        match id.weight {
            Weight::Regular => self.regular.get(id.family),
            Weight::Bold => self.bold.get(id.family),
        }
    }

    /// The first family (in fallback order) that draws `c`.
    pub(crate) fn family_for(&self, c: char) -> Option<usize> {
        self.regular
            .iter()
            .position(|face| face.glyph_index(c).is_some())
    }

    /// Whether family `family` draws `c`.
    pub(crate) fn covers(&self, family: usize, c: char) -> bool {
        self.regular
            .get(family)
            .is_some_and(|face| face.glyph_index(c).is_some())
    }
}
