//! Reading a batch CSV as a spreadsheet saved it: comma, semicolon or tab separated (told
//! apart by the header), a byte order mark dropped, CRLF or LF; one error for a wrong
//! header; every row named by the row number the spreadsheet shows.

use std::path::Path;

use anyhow::{bail, Result};
use credential_core::equivalence::FrameworkCatalog;
use sha2::{Digest as _, Sha256};

use super::columns::{column, column_list, header_key, language_of, Cells, Column, COLUMNS};
use super::row::RowError;
use crate::common::files;

/// One data row of the sheet.
pub(super) struct SheetRow {
    /// Row number as the spreadsheet shows it (the header is 1).
    pub(super) line: u64,
    /// The cells, or why the row could not be read as cells.
    pub(super) cells: Result<Cells, RowError>,
    /// `sha256:` of the cells, to know the row again in a later run.
    pub(super) digest: String,
}

/// The separators a spreadsheet may have saved with.
const SEPARATORS: [(u8, &str); 3] = [(b',', "comma"), (b';', "semicolon"), (b'\t', "tab")];

/// Reads the CSV file: its separator, its header and every row. Refuses (an `Err`, exit 2)
/// a file that is not UTF-8, is empty, has a wrong header or no rows.
pub(super) fn read_sheet(path: &Path) -> Result<Vec<SheetRow>> {
    let bytes = files::read_bytes(path, usize::try_from(files::MAX_FILE).unwrap_or(usize::MAX))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "{} is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\"",
            path.display()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        bail!("nothing to issue: {} is empty", path.display());
    }
    let header_of = |sep: u8| -> Vec<String> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sep)
            .from_reader(text.as_bytes())
            .records()
            .next()
            .and_then(|r| r.ok())
            .map(|r| r.iter().map(header_key).collect())
            .unwrap_or_default()
    };
    // The separator is the one under which the header names the most known columns.
    let (separator, header) = SEPARATORS
        .iter()
        .map(|&(sep, _)| (sep, header_of(sep)))
        .max_by_key(|(_, h)| {
            (
                h.iter().filter(|c| column(c).is_some()).count(),
                h.len() > 1,
            )
        })
        .unwrap_or((b',', Vec::new()));
    let indexes = check_header(path, text, &header)?;
    if let Some((_, name)) = SEPARATORS
        .iter()
        .find(|(sep, _)| *sep == separator && *sep != b',')
    {
        eprintln!("reading {} as {name}-separated", path.display());
    }

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text);
    if let Ok(h) = reader.headers() {
        lines.embedded += newlines(h.iter());
    }
    let catalog = FrameworkCatalog::shipped()?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let (line, cells, digest) = match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
                lines.embedded += newlines(record.iter());
                // Spreadsheets save trailing empty rows as bare separators: blank lines.
                if record.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                let cells = cells_of(&record, &indexes, header.len(), catalog);
                let digest = match &cells {
                    Ok(cells) => digest_cells(cells),
                    Err(_) => digest(record.iter()),
                };
                (line, cells, digest)
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                (
                    line,
                    Err(RowError::plain(format!("cannot read the row: {e}"))),
                    String::new(),
                )
            }
        };
        rows.push(SheetRow {
            line,
            cells,
            digest,
        });
    }
    if rows.is_empty() {
        bail!(
            "nothing to issue: {} has a header but no rows",
            path.display()
        );
    }
    Ok(rows)
}

/// Checks the header once: every required column present, none unknown or twice. Returns
/// the column of each position (`None` for a column with an empty header cell).
fn check_header(
    path: &Path,
    text: &str,
    header: &[String],
) -> Result<Vec<Option<&'static Column>>> {
    let known = header.iter().filter(|c| column(c).is_some()).count();
    if known == 0 {
        let start = text.trim_start();
        let hint = if start.starts_with('{') || start.starts_with('[') {
            " It looks like JSON: a claims file is issued with --claims FILE --out FILE."
        } else {
            ""
        };
        bail!(
            "{} does not start with the header of a batch CSV: none of its columns is known. \
             The first line names the columns: {}.{hint}",
            path.display(),
            column_list(false)
        );
    }
    let mut problems = Vec::new();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .filter(|c| c.required && !header.iter().any(|h| h == c.name))
        .map(|c| c.name)
        .collect();
    if !missing.is_empty() {
        problems.push(format!("missing columns: {}", missing.join(", ")));
    }
    let unknown: Vec<String> = header
        .iter()
        .filter(|h| !h.is_empty() && column(h).is_none())
        .map(|h| {
            let near = COLUMNS
                .iter()
                .map(|c| (strsim::osa_distance(c.name, h), c.name))
                .filter(|(d, _)| *d <= 2)
                .min();
            match near {
                Some((_, name)) => format!("{h:?} (did you mean {name}?)"),
                None => format!("{h:?}"),
            }
        })
        .collect();
    if !unknown.is_empty() {
        problems.push(format!("unknown columns: {}", unknown.join(", ")));
    }
    let mut seen = std::collections::HashSet::new();
    let twice: Vec<&str> = header
        .iter()
        .filter(|h| !h.is_empty() && !seen.insert(h.as_str()))
        .map(String::as_str)
        .collect();
    if !twice.is_empty() {
        problems.push(format!("columns named twice: {}", twice.join(", ")));
    }
    if !problems.is_empty() {
        bail!(
            "the header of {} does not fit, so no row was issued: {}. The columns are {} \
             (required: {}).",
            path.display(),
            problems.join("; "),
            column_list(false),
            column_list(true)
        );
    }
    Ok(header.iter().map(|h| column(h)).collect())
}

/// The cells of a record, trimmed, with the country in upper case and the level in the
/// case of the shipped framework data (`pqf-6` is `PQF-6`).
fn cells_of(
    record: &csv::StringRecord,
    indexes: &[Option<&'static Column>],
    width: usize,
    catalog: &FrameworkCatalog,
) -> Result<Cells, RowError> {
    if record.len() != width {
        return Err(RowError::plain(format!(
            "{} cells where the header has {width} columns (a missing or extra separator?)",
            record.len()
        )));
    }
    let mut cells = Cells::new();
    for (i, (cell, column)) in record.iter().zip(indexes).enumerate() {
        let cell = cell.trim();
        match column {
            Some(c) => {
                let value = match c.name {
                    // Only what then has the form of a code, so an error repeats the cell as typed.
                    "country"
                        if cell.len() == 2 && cell.chars().all(|c| c.is_ascii_alphabetic()) =>
                    {
                        cell.to_ascii_uppercase()
                    }
                    "level" => catalog
                        .spell_level_id(cell)
                        .map_or_else(|| cell.to_owned(), str::to_owned),
                    _ => cell.to_owned(),
                };
                cells.insert(c.name, value);
            }
            None if !cell.is_empty() => {
                return Err(RowError::plain(format!(
                    "column {} has a value but no name in the header",
                    i + 1
                )))
            }
            None => {}
        }
    }
    Ok(cells)
}

fn newlines<'a>(fields: impl Iterator<Item = &'a str>) -> u64 {
    fields.map(|f| f.matches('\n').count() as u64).sum()
}

fn digest<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let mut h = Sha256::new();
    for f in fields {
        h.update((f.len() as u64).to_be_bytes());
        h.update(f.as_bytes());
    }
    format!("sha256:{}", hex::encode(h.finalize()))
}

/// The digest of a row's cells in column order, an absent column as empty: the same row
/// saved with another separator, other quoting or line endings, or with an empty optional
/// column added, has the same digest.
/// The other languages' columns (`title@de`, `awarding_body@fil`, …) count only when given
/// (named, so that a German and a French title differ), so rows from before they existed
/// keep their digest.
fn digest_cells(cells: &Cells) -> String {
    let mut fields: Vec<&str> = Vec::new();
    for c in &COLUMNS {
        let value = cells.get(c.name).map_or("", String::as_str);
        if language_of(c.name).is_some() {
            if !value.is_empty() {
                fields.extend([c.name, value]);
            }
        } else {
            fields.push(value);
        }
    }
    digest(fields.into_iter())
}

/// Turns the byte offsets of records into spreadsheet row numbers.
struct LineCounter<'t> {
    text: &'t [u8],
    /// Newlines counted in `text[..upto]`.
    counted: u64,
    upto: usize,
    /// Newlines inside the cells of the records read so far.
    embedded: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text: text.as_bytes(),
            counted: 0,
            upto: 0,
            embedded: 0,
        }
    }

    /// The row number of the record starting at `byte`: its line in the file, less the
    /// line breaks inside earlier cells. The offset may point at the end of the previous
    /// line (`\r\n`) or at blank lines before the record; those are skipped first.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.upto {
            let slice = self.text.get(self.upto..start).unwrap_or_default();
            self.counted += slice.iter().filter(|&&b| b == b'\n').count() as u64;
            self.upto = start;
        }
        (1 + self.counted).saturating_sub(self.embedded)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn line_numbers_follow_the_spreadsheet_with_crlf_blank_lines_and_multi_line_cells() {
        let text = "h1,h2\r\n1,2\r\n\r\n3,\"x\r\ny\"\r\n5,6\r\n";
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut lines = LineCounter::new(text);
        lines.embedded += newlines(reader.headers().unwrap().iter());
        let mut got = Vec::new();
        for record in reader.records() {
            let record = record.unwrap();
            got.push(lines.line_at(record.position().unwrap().byte()));
            lines.embedded += newlines(record.iter());
        }
        // Row 3 is blank; the cell with a line break is one row, so "5,6" is row 5.
        assert_eq!(got, vec![2, 4, 5]);
    }
}
