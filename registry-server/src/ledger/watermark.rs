//! The watermark file: the commit count last acknowledged, kept outside the store in the
//! data directory, so a store that rolled back (and lost acknowledged writes) is noticed
//! at start. Written after every batch; read by the start-up check.

use std::path::Path;

/// The watermark file's name in the data directory.
pub const WATERMARK_FILE: &str = "store.watermark";

/// Records `commits` as acknowledged (write to a temporary file, then rename).
pub fn write(dir: &Path, commits: u64) -> std::io::Result<()> {
    let tmp = dir.join(format!("{WATERMARK_FILE}.tmp"));
    std::fs::write(&tmp, format!("{commits}\n"))?;
    std::fs::rename(&tmp, dir.join(WATERMARK_FILE))
}

/// What the watermark file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watermark {
    /// There is no watermark file (a store that never served, or an older registry's).
    Absent,
    /// The commit count last acknowledged.
    Acknowledged(u64),
    /// The file is there but does not hold a number.
    Unreadable,
}

/// Reads the watermark file of `dir`.
pub fn read(dir: &Path) -> Watermark {
    match std::fs::read_to_string(dir.join(WATERMARK_FILE)) {
        Err(_) => Watermark::Absent,
        Ok(text) => text
            .trim()
            .parse()
            .map_or(Watermark::Unreadable, Watermark::Acknowledged),
    }
}
