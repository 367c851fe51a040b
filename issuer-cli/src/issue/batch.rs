//! `skillpass issue --csv`: one credential per row of a spreadsheet's CSV export.
//!
//! - **Read as saved.** Comma, semicolon (the default of many European spreadsheets) or tab
//!   separated, told apart by the header; a UTF-8 byte order mark is dropped; CRLF or LF.
//!   A wrong header is one error naming the missing and unknown columns, not one per row.
//! - **Lines as the spreadsheet shows them.** A row is named by its row number in the
//!   spreadsheet (the header is 1): blank lines count, a cell with line breaks in it does
//!   not push the following rows down. The csv crate's record positions point before the
//!   line ending that closes the previous record, so lines are counted here from its byte
//!   offsets.
//! - **Errors a clerk can act on.** A row error names the column and the expected form
//!   (`awarded: "2023-13-01" is not a date (YYYY-MM-DD)`). The cell is repeated on the
//!   terminal only for codes and dates the clerk typed, never a name, birth date or holder
//!   DID, and never in `summary.json`, which may be passed on.
//! - **Re-runs issue nobody twice.** `summary.json` records each issued row with a digest
//!   of its cells; running again into the same directory skips rows already issued,
//!   issues the rest, reports a row that changed since it was issued instead of issuing
//!   it again, and never overwrites a row file.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, NaiveDate, Utc};
use credential_core::equivalence::FrameworkCatalog;
use credential_core::{CredentialError, IssueOptions, SecretKey};
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use sha2::{Digest as _, Sha256};

use crate::{files, status};

/// A column of the batch CSV.
struct Column {
    name: &'static str,
    required: bool,
    /// Where in the credential the column goes (a JSON pointer, matched as a prefix), so
    /// that a schema violation there is reported under the column.
    pointer: &'static str,
    /// Whether a row error may repeat the cell on the terminal: yes for codes and dates the
    /// clerk typed, never for what identifies or describes the person.
    echo: bool,
}

const fn col(name: &'static str, required: bool, pointer: &'static str, echo: bool) -> Column {
    Column {
        name,
        required,
        pointer,
        echo,
    }
}

/// A place in the qualification of the credential.
macro_rules! q {
    ($path:literal) => {
        concat!("/credentialSubject/qualification/", $path)
    };
}

/// The columns, in the order of `examples/batch.csv`.
static COLUMNS: [Column; 14] = [
    col("name", true, "/credentialSubject/name", false),
    col("birth_date", false, "/credentialSubject/birthDate", false),
    col("holder_did", false, "/credentialSubject/id", false),
    col("title_en", true, q!("title/en"), true),
    col("title_original", false, q!("title/original"), true),
    col("title_lang", false, q!("title/lang"), true),
    col("awarding_body", true, q!("awardingBody"), true),
    col("country", true, q!("country"), true),
    col("level", true, q!("frameworkLevels"), true),
    col("field", true, q!("field"), true),
    col("isco08", false, q!("occupation"), true),
    col("learning_outcomes", false, q!("learningOutcomes"), false),
    col("awarded", true, q!("awarded"), true),
    col("valid_until", false, "/validUntil", true),
];

fn column(name: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.name == name)
}

fn column_list(required: bool) -> String {
    COLUMNS
        .iter()
        .filter(|c| c.required || !required)
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A header cell as people write it (`Birth date`, `birth-date`) in the column's form.
fn header_key(cell: &str) -> String {
    cell.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The cells of one row by column name, trimmed and with codes in their canonical case.
type Cells = BTreeMap<&'static str, String>;

/// One data row of the sheet.
struct SheetRow {
    /// Row number as the spreadsheet shows it (the header is 1).
    line: u64,
    /// The cells, or why the row could not be read as cells.
    cells: std::result::Result<Cells, String>,
    /// `sha256:` of the cells, to know the row again in a later run.
    digest: String,
}

/// The separators a spreadsheet may have saved with.
const SEPARATORS: [(u8, &str); 3] = [(b',', "comma"), (b';', "semicolon"), (b'\t', "tab")];

/// Reads the CSV file: its separator, its header and every row. Refuses (an `Err`, exit 2)
/// a file that is not UTF-8, is empty, has a wrong header or no rows.
fn read_sheet(path: &Path) -> Result<Vec<SheetRow>> {
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
                    Err(format!("cannot read the row: {e}")),
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
) -> std::result::Result<Cells, String> {
    if record.len() != width {
        return Err(format!(
            "{} cells where the header has {width} columns (a missing or extra separator?)",
            record.len()
        ));
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
                return Err(format!(
                    "column {} has a value but no name in the header",
                    i + 1
                ))
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
fn digest_cells(cells: &Cells) -> String {
    digest(
        COLUMNS
            .iter()
            .map(|c| cells.get(c.name).map_or("", String::as_str)),
    )
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

/// Why a row was not issued: for the clerk's terminal (may repeat a cell the clerk typed)
/// and for `summary.json` (never repeats a cell).
struct RowError {
    terminal: String,
    file: String,
}

impl RowError {
    fn plain(message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            terminal: message.clone(),
            file: message,
        }
    }

    /// `column: "value" is <problem>` where the column may be repeated, `column: <problem>`
    /// otherwise.
    fn cell(column: &Column, value: &str, problem: &str) -> Self {
        let file = format!("{}: {problem}", column.name);
        let terminal = if column.echo && !value.is_empty() {
            format!("{}: {value:?} is {problem}", column.name)
        } else {
            file.clone()
        };
        Self { terminal, file }
    }
}

/// `level: unknown framework level "PQF6" — did you mean PQF-6?`
fn unknown_level(level: &str, suggestion: Option<&str>) -> RowError {
    let hint = match suggestion {
        Some(s) => format!(" \u{2014} did you mean {s}?"),
        None => " (the known levels: skillpass equivalence frameworks)".to_owned(),
    };
    RowError {
        terminal: format!("level: unknown framework level {level:?}{hint}"),
        file: format!("level: unknown framework level{hint}"),
    }
}

fn column_at(pointer: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| {
        pointer == c.pointer
            || pointer
                .strip_prefix(c.pointer)
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

/// Names the columns behind an issuing error.
fn explain(error: &anyhow::Error, cells: &Cells) -> RowError {
    let value = |c: &Column| cells.get(c.name).map_or("", String::as_str);
    let Some(e) = error.downcast_ref::<CredentialError>() else {
        return RowError::plain(format!("{error:#}"));
    };
    let at = |name: &str, problem: &str| match column(name) {
        Some(c) => RowError::cell(c, value(c), problem),
        None => RowError::plain(problem),
    };
    match e {
        CredentialError::Schema(schema) => {
            let mut terminal = Vec::new();
            let mut file = Vec::new();
            let mut named = Vec::new();
            for v in &schema.violations {
                let one = match column_at(&v.pointer) {
                    Some(c) if named.contains(&c.name) => continue,
                    Some(c) => {
                        named.push(c.name);
                        match v.expected {
                            Some(form) => RowError::cell(c, value(c), &format!("not {form}")),
                            None => RowError::plain(format!("{}: {}", c.name, v.rule)),
                        }
                    }
                    None => RowError::plain(v.to_string()),
                };
                terminal.push(one.terminal);
                file.push(one.file);
            }
            RowError {
                terminal: terminal.join("; "),
                file: file.join("; "),
            }
        }
        CredentialError::UnknownLevel { level, suggestion } => {
            unknown_level(level, suggestion.as_deref())
        }
        CredentialError::Holder(why) => at("holder_did", why),
        CredentialError::EndsBeforeStart => at("valid_until", "not after the start of validity"),
        CredentialError::AlreadyExpired => at("valid_until", "already past"),
        CredentialError::DateInFuture { pointer, .. } => match column_at(pointer) {
            Some(c) => RowError::cell(c, value(c), "in the future"),
            None => RowError::plain(e.to_string()),
        },
        other => RowError::plain(other.to_string()),
    }
}

/// A row's claims, holder DID and end of validity.
type Claims = (Value, Option<String>, Option<DateTime<Utc>>);

/// The claims of a qualification credential from a row, its holder and end of validity.
fn claims(cells: &Cells, catalog: &FrameworkCatalog) -> std::result::Result<Claims, RowError> {
    let get = |name: &str| cells.get(name).map_or("", String::as_str);
    for c in COLUMNS.iter().filter(|c| c.required) {
        if get(c.name).is_empty() {
            return Err(RowError::plain(format!("{}: empty, but required", c.name)));
        }
    }
    // Before the schema, whose pattern would only say that `PQF6` is not a level id.
    let level = get("level");
    if catalog.level(level).is_none() {
        return Err(unknown_level(level, catalog.suggest_level(level)));
    }
    let mut title = Map::new();
    title.insert("en".into(), json!(get("title_en")));
    for (column, member) in [("title_original", "original"), ("title_lang", "lang")] {
        if !get(column).is_empty() {
            title.insert(member.into(), json!(get(column)));
        }
    }
    let outcomes: Vec<&str> = get("learning_outcomes")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut qualification = json!({
        "title": title,
        "awardingBody": { "name": get("awarding_body") },
        "country": get("country"),
        "frameworkLevels": [get("level")],
        "field": { "iscedF": get("field") },
        "learningOutcomes": outcomes,
        "awarded": get("awarded"),
    });
    if let (false, Some(q)) = (get("isco08").is_empty(), qualification.as_object_mut()) {
        q.insert("occupation".into(), json!({ "isco08": get("isco08") }));
    }
    let mut subject = json!({ "name": get("name"), "qualification": qualification });
    if let (false, Some(s)) = (get("birth_date").is_empty(), subject.as_object_mut()) {
        s.insert("birthDate".into(), json!(get("birth_date")));
    }
    let holder = Some(get("holder_did").to_owned()).filter(|h| !h.is_empty());
    let valid_until = match get("valid_until") {
        "" => None,
        day => {
            let until = NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(23, 59, 59))
                .map(|t| t.and_utc());
            match (until, column("valid_until")) {
                (Some(t), _) => Some(t),
                (None, Some(c)) => {
                    return Err(RowError::cell(c, day, "not a date (YYYY-MM-DD)"));
                }
                (None, None) => None,
            }
        }
    };
    Ok((
        json!({ "type": "QualificationCredential", "credentialSubject": subject }),
        holder,
        valid_until,
    ))
}

/// `summary.json`: every credential issued into the directory, and this run's outcome.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Summary {
    /// 2 since rows carry digests.
    version: u32,
    /// The CSV file of the last run.
    source: String,
    /// Rows issued by the last run.
    issued: usize,
    /// Rows the last run skipped because they were issued before.
    already_issued: usize,
    /// Rows the last run could not issue.
    failed: usize,
    /// Rows changed since they were issued, reported and not issued again.
    changed: usize,
    errors: Vec<RowFailure>,
    changed_rows: Vec<ChangedRow>,
    /// Every credential issued into this directory, by any run.
    credentials: Vec<IssuedRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct IssuedRow {
    line: u64,
    id: String,
    file: String,
    digest: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RowFailure {
    line: u64,
    error: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChangedRow {
    line: u64,
    file: String,
    id: String,
}

const SUMMARY_VERSION: u32 = 2;

/// The credentials an earlier run issued into `dir`, from its `summary.json`.
fn previous_run(dir: &Path) -> Result<Option<Vec<IssuedRow>>> {
    let path = dir.join("summary.json");
    if !path.exists() {
        return Ok(None);
    }
    let value = files::read_json(&path)?;
    let version = value.get("version").and_then(Value::as_u64);
    if version != Some(u64::from(SUMMARY_VERSION)) {
        bail!(
            "{} was written by an earlier version of skillpass, without the digests that tell \
             which rows it issued, so running again could issue someone twice: issue into a \
             new --out-dir",
            path.display()
        );
    }
    let credentials = value
        .get("credentials")
        .cloned()
        .and_then(|c| serde_json::from_value::<Vec<IssuedRow>>(c).ok())
        .with_context(|| {
            format!(
                "{} is damaged (its credentials list cannot be read); issue into a new --out-dir",
                path.display()
            )
        })?;
    Ok(Some(credentials))
}

/// What a run does with each row.
enum Plan {
    Issue,
    /// Issued before, unchanged.
    Skip,
    /// Issued before from other cells: the earlier credential.
    Changed(IssuedRow),
}

/// Matches the rows against the credentials issued before: a row whose cells were issued
/// before (by digest, on its own line first, else on any line: rows above may have been
/// added or removed) is skipped; a row on the line of an earlier credential that no row
/// matches has changed since. Also answers which earlier credentials were matched.
fn plan(rows: &[SheetRow], before: &[IssuedRow]) -> (Vec<Plan>, Vec<bool>) {
    let mut used = vec![false; before.len()];
    let mut plans: Vec<Option<Plan>> = rows.iter().map(|_| None).collect();
    let mut by_digest: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, b) in before.iter().enumerate() {
        by_digest.entry(b.digest.as_str()).or_default().push(i);
    }
    for pass in 0..2 {
        for (row, slot) in rows.iter().zip(plans.iter_mut()) {
            if slot.is_some() || row.cells.is_err() {
                continue;
            }
            let candidates = by_digest.get(row.digest.as_str()).into_iter().flatten();
            let found = candidates.copied().find(|&i| {
                !used.get(i).copied().unwrap_or(true)
                    && (pass == 1 || before.get(i).is_some_and(|b| b.line == row.line))
            });
            if let Some(slot_used) = found.and_then(|i| used.get_mut(i)) {
                *slot_used = true;
                *slot = Some(Plan::Skip);
            }
        }
    }
    let plans = rows
        .iter()
        .zip(plans)
        .map(|(row, plan)| {
            plan.unwrap_or_else(|| {
                let earlier = before
                    .iter()
                    .zip(used.iter_mut())
                    .find(|(b, used)| !**used && b.line == row.line);
                match earlier {
                    Some((b, used)) => {
                        *used = true;
                        Plan::Changed(b.clone())
                    }
                    None => Plan::Issue,
                }
            })
        })
        .collect();
    (plans, used)
}

/// `line 2`, `lines 2-4, 7`.
fn lines_named(lines: &[u64]) -> String {
    match lines {
        [one] => format!("line {one}"),
        _ => format!("lines {}", ranges(lines)),
    }
}

/// `2-4, 7, 9-12`.
fn ranges(lines: &[u64]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(&start) = lines.get(i) {
        let mut end = start;
        while lines.get(i + 1) == Some(&(end + 1)) {
            end += 1;
            i += 1;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        if end == start {
            let _ = write!(out, "{start}");
        } else {
            let _ = write!(out, "{start}-{end}");
        }
        i += 1;
    }
    out
}

/// Credentials signed before their files are written. The status list file (with the
/// indexes those credentials took) is saved first, so no credential file can exist whose
/// index a crash would let another credential take again; `summary.json` is saved after
/// the files, so it never lists a credential whose file was not written. (Writing the files
/// from several threads was measured: slower here, the `fsync`s do not overlap on this disk.)
const WRITE_BATCH: usize = 256;

struct Run<'a> {
    dir: &'a Path,
    summary: Summary,
    pending: Vec<(PathBuf, String, IssuedRow)>,
}

impl Run<'_> {
    /// Saves the status list file, writes the pending credentials, then the summary.
    fn hand_over(&mut self, status: &Option<(&mut status::StatusFile, &Path)>) -> Result<()> {
        if let Some((lists, path)) = status {
            lists.save(path)?;
        }
        for (file, text, row) in self.pending.drain(..) {
            files::write_atomic(&file, text.as_bytes(), false)?;
            self.summary.credentials.push(row);
        }
        files::write_atomic(
            &self.dir.join("summary.json"),
            serde_json::to_string_pretty(&self.summary)?.as_bytes(),
            false,
        )
    }
}

/// Issues a CSV batch into `dir`; answers the exit code (1 when a row failed or changed).
pub(super) fn issue_csv(
    key: &SecretKey,
    csv_path: &Path,
    dir: &Path,
    options: &mut IssueOptions,
    mut status: Option<(&mut status::StatusFile, &Path)>,
) -> Result<u8> {
    let rows = read_sheet(csv_path)?;
    let catalog = FrameworkCatalog::shipped()?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let before = previous_run(dir)?;
    let rerun = before.is_some();
    let before = before.unwrap_or_default();
    let (plans, used) = plan(&rows, &before);
    let to_issue = plans.iter().filter(|p| matches!(p, Plan::Issue)).count();
    // Earlier credentials that no row matches, on a line without a row either.
    let orphans: Vec<String> = before
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(b, _)| b.file.clone())
        .collect();
    let bar = ProgressBar::new(to_issue as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} issuing [{bar:40}] {pos}/{len} ({per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let default_until = options.valid_until;
    let mut run = Run {
        dir,
        summary: Summary {
            version: SUMMARY_VERSION,
            source: csv_path.display().to_string(),
            issued: 0,
            already_issued: 0,
            failed: 0,
            changed: 0,
            errors: Vec::new(),
            changed_rows: Vec::new(),
            credentials: before,
        },
        pending: Vec::with_capacity(WRITE_BATCH),
    };
    let (mut issued_lines, mut skipped_lines) = (Vec::new(), Vec::new());
    let fail = |run: &mut Run<'_>, line: u64, e: RowError| {
        bar.suspend(|| eprintln!("line {line}: {}", e.terminal));
        run.summary.errors.push(RowFailure {
            line,
            error: e.file,
        });
    };
    for (row, plan) in rows.iter().zip(plans) {
        let line = row.line;
        match plan {
            Plan::Skip => {
                skipped_lines.push(line);
                continue;
            }
            Plan::Changed(earlier) => {
                bar.suspend(|| {
                    eprintln!(
                        "line {line}: changed since it was issued as {} ({}); not issued again. \
                         If that credential is wrong, revoke it and issue the corrected row \
                         into a new --out-dir",
                        earlier.file, earlier.id
                    )
                });
                run.summary.changed_rows.push(ChangedRow {
                    line,
                    file: earlier.file,
                    id: earlier.id,
                });
                continue;
            }
            Plan::Issue => {}
        }
        bar.inc(1);
        let cells = match &row.cells {
            Ok(cells) => cells,
            Err(why) => {
                fail(&mut run, line, RowError::plain(why.clone()));
                continue;
            }
        };
        let name = format!("row-{line:06}.jwt");
        let file = dir.join(&name);
        if file.exists() {
            let message = format!(
                "not issued: {name} already holds a credential issued from another row (were \
                 rows added above this one, or this one changed?). Add new rows at the end of \
                 the batch, or issue this row into another --out-dir"
            );
            fail(&mut run, line, RowError::plain(message));
            continue;
        }
        let (claims, holder, until) = match claims(cells, catalog) {
            Ok(c) => c,
            Err(e) => {
                fail(&mut run, line, e);
                continue;
            }
        };
        options.holder = holder;
        options.valid_until = until.or(default_until);
        let lists = status.as_mut().map(|(lists, _)| &mut **lists);
        match super::issue_one(key, &claims, options, lists, None) {
            Ok((jws, id)) => {
                issued_lines.push(line);
                let entry = IssuedRow {
                    line,
                    id,
                    file: name,
                    digest: row.digest.clone(),
                };
                run.pending.push((file, format!("{jws}\n"), entry));
                if run.pending.len() >= WRITE_BATCH {
                    run.hand_over(&status)?;
                }
            }
            Err(e) => fail(&mut run, line, explain(&e, cells)),
        }
    }
    bar.finish_and_clear();
    run.summary.issued = issued_lines.len();
    run.summary.already_issued = skipped_lines.len();
    run.summary.failed = run.summary.errors.len();
    run.summary.changed = run.summary.changed_rows.len();
    run.hand_over(&status)?;
    let s = &run.summary;
    let summary_path = dir.join("summary.json");
    if rerun {
        if !skipped_lines.is_empty() {
            eprintln!("already issued, skipped: {}", lines_named(&skipped_lines));
        }
        if !issued_lines.is_empty() {
            eprintln!("issued now: {}", lines_named(&issued_lines));
        }
        if !orphans.is_empty() {
            eprintln!(
                "issued before from rows this file no longer has (changed or removed): {}",
                orphans.join(", ")
            );
        }
        println!(
            "{} issued, {} failed, {} already issued, {} changed since issued; summary in {}",
            s.issued,
            s.failed,
            s.already_issued,
            s.changed,
            summary_path.display()
        );
    } else {
        println!(
            "{} issued, {} failed; summary in {}",
            s.issued,
            s.failed,
            summary_path.display()
        );
    }
    Ok(if s.failed == 0 && s.changed == 0 {
        0
    } else {
        1
    })
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

    #[test]
    fn ranges_are_compact() {
        assert_eq!(ranges(&[2, 3, 4, 7, 9, 10]), "2-4, 7, 9-10");
        assert_eq!(ranges(&[]), "");
    }

    #[test]
    fn every_column_maps_to_a_place_in_the_credential() {
        assert_eq!(
            column_at("/credentialSubject/qualification/frameworkLevels/0").map(|c| c.name),
            Some("level")
        );
        assert_eq!(
            column_at("/credentialSubject/qualification/title/en").map(|c| c.name),
            Some("title_en")
        );
        assert!(column_at("/credentialSubject/qualification/titles").is_none());
    }
}
