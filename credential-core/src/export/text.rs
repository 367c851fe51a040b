//! Texts and concepts shared by the views: picking a text from a plain string or a
//! language map, and the official concept URIs of EQF levels, ISCED-F fields and ISCO-08
//! groups.

use serde_json::{Map, Value};

use crate::equivalence::FrameworkCatalog;

/// The EQF levels as the EU publishes them: `<EQF_URI><n>`.
pub const EQF_URI: &str = "http://data.europa.eu/snb/eqf/";
/// The ISCED-F 2013 fields as the EU publishes them: `<ISCED_F_URI><code>`.
pub const ISCED_F_URI: &str = "http://data.europa.eu/snb/isced-f/";
/// ISCO-08 groups as concepts of ESCO: `<ESCO_ISCO_URI><code>`. Every ESCO occupation
/// names its ISCO-08 unit group this way (`broaderIscoGroup`).
const ESCO_ISCO_URI: &str = "http://data.europa.eu/esco/isco/C";

/// The ESCO concept URI of an ISCO-08 group code.
pub fn esco_isco_uri(code: &str) -> String {
    format!("{ESCO_ISCO_URI}{code}")
}

/// The EQF level (1–8) of a credential's framework levels: an `EQF-n` the credential
/// states, else the first level with an official referencing to an EQF level in the
/// shipped framework data. `None` when neither exists (no EQF level is inferred through
/// another reference framework).
pub fn eqf_level(levels: &[String]) -> Option<u8> {
    let parse = |id: &str| id.strip_prefix("EQF-").and_then(|n| n.parse::<u8>().ok());
    if let Some(n) = levels.iter().find_map(|l| parse(l)) {
        return Some(n);
    }
    let catalog = FrameworkCatalog::shipped().ok()?;
    levels.iter().find_map(|level| {
        let id = catalog.canonical_level_id(level).unwrap_or(level);
        catalog
            .links_from(id)
            .find(|link| link.status == "official" && link.to.starts_with("EQF-"))
            .and_then(|link| parse(&link.to))
    })
}

/// A text people read, from a plain string or a language map: English when there is
/// English, else the first language given.
pub(super) fn pick(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => map
            .get("en")
            .and_then(Value::as_str)
            .or_else(|| {
                map.iter()
                    .filter(|(k, _)| is_language_tag(k))
                    .find_map(|(_, v)| v.as_str())
            })
            .map(str::to_owned),
        _ => None,
    }
}

/// A text as a language map: a plain string is English; a language map keeps its
/// languages; the older `{en, original, lang}` form becomes `{en, <lang>: original}`.
pub(super) fn language_map(value: Option<&Value>) -> Option<Value> {
    match value? {
        Value::String(s) => Some(Value::Object(Map::from_iter([(
            "en".to_owned(),
            Value::String(s.clone()),
        )]))),
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                if is_language_tag(k) && v.is_string() {
                    out.insert(k.clone(), v.clone());
                }
            }
            if let (Some(Value::String(original)), Some(Value::String(lang))) =
                (map.get("original"), map.get("lang"))
            {
                out.insert(lang.clone(), Value::String(original.clone()));
            }
            (!out.is_empty()).then_some(Value::Object(out))
        }
        _ => None,
    }
}

/// The learning outcomes as texts: an array of strings (or of language maps), or a
/// language map of arrays; English first.
pub(super) fn outcomes(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(|v| pick(Some(v))).collect(),
        Some(Value::Object(map)) => map
            .get("en")
            .or_else(|| map.iter().find(|(k, _)| is_language_tag(k)).map(|(_, v)| v))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Whether `key` is a BCP 47 language tag in form (`en`, `fil`, `pt-BR`), not one of the
/// older title form's `original` / `lang` members.
fn is_language_tag(key: &str) -> bool {
    let mut parts = key.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
