//! The columns of a batch CSV: their names, which are required, where each goes in the
//! credential (so a schema error there is named by its column), and which cells a row error
//! may repeat on the terminal.

use std::collections::BTreeMap;

/// A column of the batch CSV.
pub(super) struct Column {
    pub(super) name: &'static str,
    pub(super) required: bool,
    /// Where in the credential the column goes (a JSON pointer, matched as a prefix), so
    /// that a schema violation there is reported under the column.
    pub(super) pointer: &'static str,
    /// Whether a row error may repeat the cell on the terminal: yes for codes and dates the
    /// clerk typed, never for what identifies or describes the person.
    pub(super) echo: bool,
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

/// The columns, in the order of `examples/batch.csv` (`esco_occupation`, optional, is
/// listed before `isco08` so that a problem inside the occupation's `esco` is named by
/// its own column, and any other by `isco08`).
pub(super) static COLUMNS: [Column; 15] = [
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
    col("esco_occupation", false, q!("occupation/esco"), true),
    col("isco08", false, q!("occupation"), true),
    col("learning_outcomes", false, q!("learningOutcomes"), false),
    col("awarded", true, q!("awarded"), true),
    col("valid_until", false, "/validUntil", true),
];

pub(super) fn column(name: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.name == name)
}

pub(super) fn column_list(required: bool) -> String {
    COLUMNS
        .iter()
        .filter(|c| c.required || !required)
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A header cell as people write it (`Birth date`, `birth-date`) in the column's form.
pub(super) fn header_key(cell: &str) -> String {
    cell.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The cells of one row by column name, trimmed and with codes in their canonical case.
pub(super) type Cells = BTreeMap<&'static str, String>;

/// The column whose place in the credential `pointer` (a JSON pointer) is in.
pub(super) fn column_at(pointer: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| {
        pointer == c.pointer
            || pointer
                .strip_prefix(c.pointer)
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

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
