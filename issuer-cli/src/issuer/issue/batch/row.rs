//! One row of a batch: the claims of its credential, and a row error a clerk can act on —
//! naming the column and the expected form, repeating the cell only where the column allows
//! it on the terminal, and never in `summary.json`.

use chrono::{DateTime, NaiveDate, Utc};
use credential_core::equivalence::FrameworkCatalog;
use credential_core::i18n::{Lang, Msg};
use credential_core::CredentialError;
use serde_json::{json, Map, Value};

use super::columns::{column, column_at, Cells, Column, COLUMNS, OTHER_LANGUAGES};

/// Why a row was not issued: for the clerk's terminal (may repeat a cell the clerk typed)
/// and for `summary.json` (never repeats a cell).
#[derive(Debug, Clone)]
pub(super) struct RowError {
    pub(super) terminal: String,
    pub(super) file: String,
    /// The terminal's words as a catalog message, for a reader of another language
    /// (`summary.json` stays English).
    said: Option<Msg>,
}

impl RowError {
    pub(super) fn plain(message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            terminal: message.clone(),
            file: message,
            said: None,
        }
    }

    /// The error saying `msg`: in English in `summary.json`, in the reader's language on
    /// the terminal.
    pub(super) fn said(msg: Msg) -> Self {
        let english = msg.text(Lang::En);
        Self {
            terminal: english.clone(),
            file: english,
            said: Some(msg),
        }
    }

    /// What the terminal shows a reader of `lang`.
    pub(super) fn terminal_in(&self, lang: Lang) -> String {
        match &self.said {
            Some(msg) if lang != Lang::En => msg.text(lang),
            _ => self.terminal.clone(),
        }
    }

    /// `column: "value" is <problem>` where the column may be repeated, `column: <problem>`
    /// otherwise; `problem` in the reader's language on the terminal.
    pub(super) fn cell(column: &Column, value: &str, problem: Msg) -> Self {
        let english = problem.text(Lang::En);
        let file = format!("{}: {english}", column.name);
        let (terminal, said) = if column.echo && !value.is_empty() {
            (
                format!("{}: {value:?} is {english}", column.name),
                Msg::new("batch-cell-value")
                    .arg("column", column.name)
                    .arg("value", format!("{value:?}"))
                    .arg("problem", problem),
            )
        } else {
            (
                file.clone(),
                Msg::new("batch-cell")
                    .arg("column", column.name)
                    .arg("problem", problem),
            )
        };
        Self {
            terminal,
            file,
            said: Some(said),
        }
    }

    /// Several errors of one row, joined by `; `.
    fn joined(errors: Vec<RowError>) -> Self {
        let terminal = errors
            .iter()
            .map(|e| e.terminal.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let file = errors
            .iter()
            .map(|e| e.file.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let said = Msg::join(
            "joined",
            errors
                .into_iter()
                .map(|e| e.said.unwrap_or_else(|| Msg::raw(e.terminal))),
        );
        Self {
            terminal,
            file,
            said,
        }
    }
}

/// The catalog's words for a form a schema asks of a value (`a date (YYYY-MM-DD)`), or the
/// form as the schema states it when the catalog has no words for it.
fn form(expected: &str) -> Msg {
    let id = match expected {
        "a date (YYYY-MM-DD)" => "form-date",
        "a date and time (YYYY-MM-DDThh:mm:ssZ)" => "form-date-time",
        "a framework level id (such as PQF-6)" => "form-level",
        "a two-letter country code (such as PH)" => "form-country",
        "an ISCED-F field code of 2 to 4 digits (such as 0913)" => "form-isced",
        "an ISCO-08 occupation code of 1 to 4 digits (such as 2221)" => "form-isco",
        "a language tag (such as fil)" => "form-lang",
        "a did:key" => "form-did-key",
        other => return Msg::raw(other),
    };
    Msg::new(id)
}

/// `not <form>`.
fn not_form(expected: &str) -> Msg {
    Msg::new("batch-not-form").arg("form", form(expected))
}

/// A schema rule as the validator words it (no catalog has these), after its column.
fn rule(column: &Column, rule: &str) -> RowError {
    RowError {
        terminal: format!("{}: {rule}", column.name),
        file: format!("{}: {rule}", column.name),
        said: Some(
            Msg::new("batch-cell")
                .arg("column", column.name)
                .arg("problem", Msg::raw(rule)),
        ),
    }
}

impl RowError {}

/// `level: unknown framework level "PQF6" — did you mean PQF-6?`
fn unknown_level(level: &str, suggestion: Option<&str>) -> RowError {
    let hint = match suggestion {
        Some(s) => format!(" \u{2014} did you mean {s}?"),
        None => " (the known levels: skillpass equivalence frameworks)".to_owned(),
    };
    RowError {
        terminal: format!("level: unknown framework level {level:?}{hint}"),
        file: format!("level: unknown framework level{hint}"),
        said: None,
    }
}

/// Names the columns behind an issuing error.
pub(super) fn explain(error: &anyhow::Error, cells: &Cells) -> RowError {
    let value = |c: &Column| cells.get(c.name).map_or("", String::as_str);
    // Signing with a Data Integrity proof reports through the crate's joined error.
    let e = match (
        error.downcast_ref::<CredentialError>(),
        error.downcast_ref::<credential_core::Error>(),
    ) {
        (Some(e), _) | (None, Some(credential_core::Error::Credential(e))) => e,
        _ => return RowError::plain(format!("{error:#}")),
    };
    let at = |name: &str, problem: Msg| match column(name) {
        Some(c) => RowError::cell(c, value(c), problem),
        None => RowError::said(problem),
    };
    match e {
        CredentialError::Schema(schema) => {
            let mut errors = Vec::new();
            let mut named = Vec::new();
            for v in &schema.violations {
                errors.push(match column_at(&v.pointer) {
                    Some(c) if named.contains(&c.name) => continue,
                    Some(c) => {
                        named.push(c.name);
                        match v.expected {
                            Some(form) => RowError::cell(c, value(c), not_form(form)),
                            None => rule(c, &v.rule),
                        }
                    }
                    None => RowError::plain(v.to_string()),
                });
            }
            RowError::joined(errors)
        }
        CredentialError::UnknownLevel { level, suggestion } => {
            unknown_level(level, suggestion.as_deref())
        }
        CredentialError::Holder(why) => at("holder_did", Msg::raw(why)),
        CredentialError::EndsBeforeStart => at("valid_until", Msg::new("batch-not-after-start")),
        CredentialError::AlreadyExpired => at("valid_until", Msg::new("batch-already-past")),
        CredentialError::DateInFuture { pointer, .. } => match column_at(pointer) {
            Some(c) => RowError::cell(c, value(c), Msg::new("batch-in-future")),
            None => RowError::plain(e.to_string()),
        },
        other => RowError::plain(other.to_string()),
    }
}

/// A row's claims, holder DID and end of validity.
type Claims = (Value, Option<String>, Option<DateTime<Utc>>);

/// The claims of a qualification credential from a row, its holder and end of validity.
pub(super) fn claims(
    cells: &Cells,
    catalog: &FrameworkCatalog,
) -> std::result::Result<Claims, RowError> {
    let get = |name: &str| cells.get(name).map_or("", String::as_str);
    for c in COLUMNS.iter().filter(|c| c.required) {
        if get(c.name).is_empty() {
            return Err(RowError::said(
                Msg::new("batch-required-empty").arg("column", c.name),
            ));
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
    // `title@de`, `title@fil`, …: the title's language map.
    let other = |column: &str, tag: &str| {
        cells
            .get(format!("{column}@{tag}").as_str())
            .map_or("", String::as_str)
    };
    for tag in OTHER_LANGUAGES {
        if !other("title", tag).is_empty() {
            title.insert(tag.into(), json!(other("title", tag)));
        }
    }
    // `awarding_body@de`, …: the name becomes a language map when another language is given
    // (a plain string otherwise, as before, so the credential is the same).
    let mut body_names = Map::new();
    for tag in OTHER_LANGUAGES {
        if !other("awarding_body", tag).is_empty() {
            body_names.insert(tag.into(), json!(other("awarding_body", tag)));
        }
    }
    let body_name = if body_names.is_empty() {
        json!(get("awarding_body"))
    } else {
        body_names.insert("en".into(), json!(get("awarding_body")));
        Value::Object(body_names)
    };
    let split = |cell: &str| -> Vec<String> {
        cell.split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let outcomes = split(get("learning_outcomes"));
    // `learning_outcomes@de`, …: the outcomes as a JSON-LD language map of lists (the form
    // the context's `@language` container expands; a list of maps would not), each
    // language giving the same outcomes in the same order.
    let mut outcome_lists = Map::new();
    for tag in OTHER_LANGUAGES {
        let name = format!("learning_outcomes@{tag}");
        let list = split(other("learning_outcomes", tag));
        if list.is_empty() {
            continue;
        }
        if list.len() != outcomes.len() {
            return Err(RowError::said(
                Msg::new("batch-outcomes-count")
                    .arg("column", name)
                    .arg("given", list.len())
                    .arg("english", outcomes.len()),
            ));
        }
        outcome_lists.insert(tag.into(), json!(list));
    }
    let outcomes = if outcome_lists.is_empty() {
        json!(outcomes)
    } else {
        outcome_lists.insert("en".into(), json!(outcomes));
        Value::Object(outcome_lists)
    };
    let mut qualification = json!({
        "title": title,
        "awardingBody": { "name": body_name },
        "country": get("country"),
        "frameworkLevels": [get("level")],
        "field": { "iscedF": get("field") },
        "learningOutcomes": outcomes,
        "awarded": get("awarded"),
    });
    if let (false, Some(q)) = (get("isco08").is_empty(), qualification.as_object_mut()) {
        let mut occupation = json!({ "isco08": get("isco08") });
        if let (false, Some(o)) = (
            get("esco_occupation").is_empty(),
            occupation.as_object_mut(),
        ) {
            o.insert("esco".into(), json!(get("esco_occupation")));
        }
        q.insert("occupation".into(), occupation);
    } else if let (false, Some(q)) = (
        get("esco_occupation").is_empty(),
        qualification.as_object_mut(),
    ) {
        // An ESCO occupation names its ISCO-08 unit group; the schema asks for both, and
        // says that isco08 is missing.
        q.insert(
            "occupation".into(),
            json!({ "esco": get("esco_occupation") }),
        );
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
                    return Err(RowError::cell(c, day, not_form("a date (YYYY-MM-DD)")));
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
