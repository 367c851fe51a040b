//! Recognition practice from the shipped data (`data/recognition-outcomes.json`): how a
//! destination handles an occupation (procedure, licence, typical outcome) and documented
//! bilateral arrangements. Background for an answer, never a recognition decision: it is what
//! lets an answer point somewhere useful instead of saying "nothing is known".

use std::sync::OnceLock;

use serde::Serialize;
use serde_json::Value;

use super::catalog::RECOGNITION_OUTCOMES_JSON;
use super::EquivalenceQuery;

/// ISCO-08 unit groups of nursing: 2221 nursing professionals, 3221 nursing associate
/// professionals. The shipped practice data is about nursing only.
const NURSING_ISCO: [&str; 2] = ["2221", "3221"];
/// ISCED-F 2013 detailed field 0913, nursing and midwifery.
const NURSING_FIELD: &str = "0913";

/// One piece of recognition practice that applies to a query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecognitionPractice {
    /// Stable id of the piece (`de-nursing`, `triple-win-ph-de`).
    pub id: String,
    /// Destination country (ISO 3166-1 alpha-2).
    pub country: String,
    /// What it is.
    pub title: String,
    /// What the data says, in one paragraph.
    pub summary: String,
    /// The first source the data names for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn data() -> Option<&'static Value> {
    static DATA: OnceLock<Option<Value>> = OnceLock::new();
    DATA.get_or_init(|| serde_json::from_str(RECOGNITION_OUTCOMES_JSON).ok())
        .as_ref()
}

fn is_nursing(q: &EquivalenceQuery) -> bool {
    let isco = q
        .isco08
        .as_deref()
        .is_some_and(|c| NURSING_ISCO.iter().any(|n| c.starts_with(n)));
    let field = q
        .field
        .as_deref()
        .is_some_and(|f| f.starts_with(NURSING_FIELD));
    isco || field
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn first_source(v: &Value) -> Option<String> {
    let s = v.get("sources")?.as_array()?.first()?;
    text(s, "url").or_else(|| s.as_str().map(str::to_owned))
}

/// The practice the shipped data holds for this destination, origin and occupation.
pub(crate) fn for_query(
    destination: &str,
    origins: &[&str],
    q: &EquivalenceQuery,
) -> Vec<RecognitionPractice> {
    let Some(data) = data() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    if destination != "DE" || !is_nursing(q) {
        return found;
    }
    if let Some(nursing) = data.pointer("/germany/nursing") {
        let titles: Vec<&str> = nursing
            .get("titles")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let summary = format!(
            "Nursing is regulated in Germany ({}). {} {} Recognition compares training \
             content: a partial result names compensation measures (knowledge test or \
             adaptation period).",
            titles.join("; "),
            text(nursing, "licence").unwrap_or_default(),
            text(nursing, "languageRequirement").unwrap_or_default()
        );
        found.push(RecognitionPractice {
            id: "de-nursing".into(),
            country: "DE".into(),
            title: "Recognition of nursing qualifications in Germany".into(),
            summary,
            source: first_source(nursing),
        });
    }
    let arrangements = data
        .get("bilateralArrangements")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for a in arrangements {
        // The only documented arrangement is Philippines -> Germany nursing (Triple Win).
        if text(a, "id").as_deref() == Some("triple-win-ph-de") && origins.contains(&"PH") {
            found.push(RecognitionPractice {
                id: "triple-win-ph-de".into(),
                country: "DE".into(),
                title: text(a, "name").unwrap_or_default(),
                summary: format!(
                    "{} Typical outcome: {}.",
                    text(a, "basis").unwrap_or_default(),
                    text(a, "recognitionOutcomeTypical").unwrap_or_default()
                ),
                source: first_source(a),
            });
        }
    }
    found
}
