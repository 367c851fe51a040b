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

/// The other languages than English of the columns that take them (`title@de`,
/// `awarding_body@fil`, `learning_outcomes@ar`), each a member of a language map: the
/// languages Skillpass speaks.
pub(super) const OTHER_LANGUAGES: [&str; 5] = ["de", "fil", "ar", "es", "fr"];

/// The columns, in the order of `examples/batch.csv` (`esco_occupation`, optional, is
/// listed before `isco08` so that a problem inside the occupation's `esco` is named by
/// its own column, and any other by `isco08`), then the other languages of the title, the
/// awarding body's name and the learning outcomes.
pub(super) static COLUMNS: [Column; 30] = [
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
    col("title@de", false, q!("title/de"), true),
    col("title@fil", false, q!("title/fil"), true),
    col("title@ar", false, q!("title/ar"), true),
    col("title@es", false, q!("title/es"), true),
    col("title@fr", false, q!("title/fr"), true),
    col("awarding_body@de", false, q!("awardingBody/name/de"), true),
    col(
        "awarding_body@fil",
        false,
        q!("awardingBody/name/fil"),
        true,
    ),
    col("awarding_body@ar", false, q!("awardingBody/name/ar"), true),
    col("awarding_body@es", false, q!("awardingBody/name/es"), true),
    col("awarding_body@fr", false, q!("awardingBody/name/fr"), true),
    col("learning_outcomes@de", false, q!("learningOutcomes"), false),
    col(
        "learning_outcomes@fil",
        false,
        q!("learningOutcomes"),
        false,
    ),
    col("learning_outcomes@ar", false, q!("learningOutcomes"), false),
    col("learning_outcomes@es", false, q!("learningOutcomes"), false),
    col("learning_outcomes@fr", false, q!("learningOutcomes"), false),
];

/// The column's language, for a column of another language than English (`title@de` →
/// `de`).
pub(super) fn language_of(name: &str) -> Option<&str> {
    name.split_once('@').map(|(_, tag)| tag)
}

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
/// `title` and `title@en` are `title_en`; `title@tl` is `title@fil`; `awarding_body@en`
/// and `learning_outcomes@en` are the English columns.
pub(super) fn header_key(cell: &str) -> String {
    let key: String = cell
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect();
    match key.as_str() {
        "title" | "title@en" => "title_en".to_owned(),
        "awarding_body@en" => "awarding_body".to_owned(),
        "learning_outcomes@en" => "learning_outcomes".to_owned(),
        _ => match key.split_once('@') {
            Some((column, "tl")) => format!("{column}@fil"),
            _ => key,
        },
    }
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
