//! The European Learning Model view (ELM 3, the model of Europass digital credentials):
//! the holder as a `Person` who has a claim, a `LearningAchievement` awarded by an
//! `AwardingProcess` of the awarding body and specified by a `Qualification` with its EQF
//! level and ISCED-F field as the EU's concept URIs and its learning outcomes; a skill
//! credential gives one achievement per skill, its learning outcome related to the ESCO
//! skill when the credential names one.
//!
//! This is a mapping for importing into Europass and other ELM tools, not a sealed
//! European Digital Credential: it is unsigned (an EDC is sealed by the issuer with an
//! eIDAS seal), and its trust still comes from the Skillpass credential it was made from.

use serde_json::{json, Map, Value};

use super::read::{ExportError, OwnCredential};
use super::text::{eqf_level, esco_isco_uri, language_map, outcomes, pick, EQF_URI, ISCED_F_URI};
use crate::credential::{format_time, CredentialKind};

/// The ELM 3 JSON-LD context of European Digital Credentials.
pub const ELM_CONTEXT: &str = "http://data.europa.eu/snb/model/context/edc-ap";

/// The ELM view of `own` (unsigned).
pub fn learning_model(own: &OwnCredential) -> Result<Value, ExportError> {
    let doc = &own.document;
    let env = &own.envelope;
    let subject = doc
        .get("credentialSubject")
        .and_then(Value::as_object)
        .ok_or_else(|| ExportError::Unmappable("no credentialSubject".into()))?;
    let base = env.id.clone();
    let mut person = Map::new();
    person.insert(
        "id".into(),
        Value::String(
            env.subject_id
                .clone()
                .unwrap_or_else(|| format!("{base}#person")),
        ),
    );
    person.insert("type".into(), Value::String("Person".into()));
    if let Some(name) = language_map(subject.get("name")) {
        person.insert("fullName".into(), name);
    }
    if let Some(birth) = subject.get("birthDate").and_then(Value::as_str) {
        person.insert(
            "dateOfBirth".into(),
            Value::String(format!("{birth}T00:00:00Z")),
        );
    }
    let claims = match env.kind {
        CredentialKind::Qualification => vec![qualification(&base, env, subject)?],
        CredentialKind::Skill => skills(&base, env, subject)?,
    };
    person.insert("hasClaim".into(), Value::Array(claims));
    let mut out = Map::new();
    out.insert(
        "@context".into(),
        json!([crate::jsonld::VC_CONTEXT.url, ELM_CONTEXT]),
    );
    out.insert("id".into(), Value::String(format!("{base}#elm")));
    out.insert(
        "type".into(),
        json!(["VerifiableCredential", "EuropeanDigitalCredential"]),
    );
    out.insert(
        "issuer".into(),
        json!({"id": env.issuer, "type": "Organisation"}),
    );
    out.insert(
        "validFrom".into(),
        Value::String(format_time(env.valid_from)),
    );
    if let Some(until) = env.valid_until {
        out.insert("validUntil".into(), Value::String(format_time(until)));
    }
    out.insert("credentialSubject".into(), Value::Object(person));
    Ok(Value::Object(out))
}

fn concept(id: String, scheme: &str, label: Option<String>) -> Value {
    let mut c = json!({
        "id": id,
        "type": "Concept",
        "inScheme": {"id": scheme, "type": "ConceptScheme"},
    });
    if let Some(label) = label {
        set(&mut c, "prefLabel", json!({ "en": label }));
    }
    c
}

fn qualification(
    base: &str,
    env: &crate::credential::CheckedCredential,
    subject: &Map<String, Value>,
) -> Result<Value, ExportError> {
    let q = subject
        .get("qualification")
        .and_then(Value::as_object)
        .ok_or_else(|| ExportError::Unmappable("no qualification".into()))?;
    let title = language_map(q.get("title"))
        .ok_or_else(|| ExportError::Unmappable("the qualification has no title".into()))?;
    let mut spec = Map::new();
    spec.insert("id".into(), Value::String(format!("{base}#qualification")));
    spec.insert("type".into(), Value::String("Qualification".into()));
    spec.insert("title".into(), title.clone());
    if let Some(n) = eqf_level(&env.levels) {
        spec.insert(
            "eqfLevel".into(),
            concept(
                format!("{EQF_URI}{n}"),
                "http://data.europa.eu/snb/eqf/25831c2",
                Some(format!("Level {n}")),
            ),
        );
    }
    if let Some(field) = q.get("field") {
        if let Some(code) = field.get("iscedF").and_then(Value::as_str) {
            spec.insert(
                "ISCEDFCode".into(),
                json!([concept(
                    format!("{ISCED_F_URI}{code}"),
                    "http://data.europa.eu/snb/isced-f/25831c2",
                    field
                        .get("title")
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                )]),
            );
        }
    }
    let outcomes: Vec<Value> = outcomes(q.get("learningOutcomes"))
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            json!({
                "id": format!("{base}#outcome-{}", i + 1),
                "type": "LearningOutcome",
                "title": { "en": text },
            })
        })
        .collect();
    if !outcomes.is_empty() {
        spec.insert("learningOutcome".into(), Value::Array(outcomes));
    }
    if let Some(credits) = q.get("credits").filter(|c| c.is_number()) {
        spec.insert(
            "creditPoint".into(),
            json!([{ "id": format!("{base}#credits"), "type": "CreditPoint", "point": credits.to_string() }]),
        );
    }
    if let Some(occupation) = q.get("occupation") {
        if let Some(code) = occupation.get("isco08").and_then(Value::as_str) {
            spec.insert(
                "occupation".into(),
                json!([concept(
                    esco_isco_uri(code),
                    "http://data.europa.eu/esco/concept-scheme/isco",
                    occupation
                        .get("title")
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                )]),
            );
        }
    }
    let mut body = Map::new();
    body.insert(
        "id".into(),
        Value::String(
            q.get("awardingBody")
                .and_then(|b| b.get("id"))
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{base}#awarding-body")),
        ),
    );
    body.insert("type".into(), Value::String("Organisation".into()));
    if let Some(name) = q
        .get("awardingBody")
        .and_then(|b| language_map(b.get("name")))
    {
        body.insert("legalName".into(), name);
    }
    if let Some(country) = q.get("country").and_then(Value::as_str) {
        body.insert(
            "location".into(),
            json!({
                "id": format!("{base}#location"),
                "type": "Location",
                "address": {"id": format!("{base}#address"), "type": "Address", "countryCode": {"id": format!("http://publications.europa.eu/resource/authority/country/{}", iso3(country)), "type": "Concept"}},
            }),
        );
    }
    let mut awarding = json!({
        "id": format!("{base}#awarding"),
        "type": "AwardingProcess",
        "awardingBody": [Value::Object(body)],
    });
    if let Some(date) = q.get("awarded").and_then(Value::as_str) {
        set(
            &mut awarding,
            "awardingDate",
            Value::String(format!("{date}T00:00:00Z")),
        );
    }
    let mut achievement = json!({
        "id": format!("{base}#achievement"),
        "type": "LearningAchievement",
        "title": title,
        "awardedBy": awarding,
        "specifiedBy": Value::Object(spec),
    });
    if let Some(grade) = q.get("grade").and_then(Value::as_str) {
        set(
            &mut achievement,
            "additionalNote",
            json!([{
                "id": format!("{base}#grade"),
                "type": "Note",
                "noteLiteral": { "en": format!("Grade: {grade}") },
            }]),
        );
    }
    Ok(achievement)
}

fn skills(
    base: &str,
    env: &crate::credential::CheckedCredential,
    subject: &Map<String, Value>,
) -> Result<Vec<Value>, ExportError> {
    let skills = subject
        .get("skills")
        .and_then(Value::as_array)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| ExportError::Unmappable("the credential lists no skills".into()))?;
    let eqf = eqf_level(&env.levels);
    Ok(skills
        .iter()
        .enumerate()
        .map(|(i, skill)| {
            let n = i + 1;
            let title = language_map(skill.get("name")).unwrap_or_else(|| json!({"en": "Skill"}));
            let mut outcome = json!({
                "id": format!("{base}#skill-{n}-outcome"),
                "type": "LearningOutcome",
                "title": title,
            });
            if let Some(uri) = skill.get("esco").and_then(Value::as_str) {
                set(
                    &mut outcome,
                    "relatedESCOSkill",
                    json!([concept(
                        uri.to_owned(),
                        "http://data.europa.eu/esco/concept-scheme/skills",
                        pick(skill.get("name")),
                    )]),
                );
            }
            let mut spec = json!({
                "id": format!("{base}#skill-{n}-specification"),
                "type": "LearningAchievementSpecification",
                "title": title,
                "learningOutcome": [outcome],
            });
            if let Some(n) = eqf {
                set(
                    &mut spec,
                    "eqfLevel",
                    concept(
                        format!("{EQF_URI}{n}"),
                        "http://data.europa.eu/snb/eqf/25831c2",
                        Some(format!("Level {n}")),
                    ),
                );
            }
            let mut awarding = json!({
                "id": format!("{base}#skill-{n}-awarding"),
                "type": "AwardingProcess",
                "awardingBody": [{"id": env.issuer, "type": "Organisation"}],
            });
            if let Some(date) = skill
                .get("assessment")
                .and_then(|a| a.get("date"))
                .and_then(Value::as_str)
            {
                set(
                    &mut awarding,
                    "awardingDate",
                    Value::String(format!("{date}T00:00:00Z")),
                );
            }
            json!({
                "id": format!("{base}#skill-{n}"),
                "type": "LearningAchievement",
                "title": title,
                "awardedBy": awarding,
                "specifiedBy": spec,
            })
        })
        .collect())
}

/// The ISO 3166-1 alpha-3 code the EU country authority table uses, for the countries
/// Skillpass corridors name; other codes are kept as given (alpha-2).
fn iso3(alpha2: &str) -> String {
    const TABLE: &[(&str, &str)] = &[
        ("PH", "PHL"),
        ("LK", "LKA"),
        ("IN", "IND"),
        ("NP", "NPL"),
        ("BD", "BGD"),
        ("PK", "PAK"),
        ("ID", "IDN"),
        ("VN", "VNM"),
        ("TH", "THA"),
        ("MM", "MMR"),
        ("KH", "KHM"),
        ("MY", "MYS"),
        ("DE", "DEU"),
        ("FR", "FRA"),
        ("ES", "ESP"),
        ("IT", "ITA"),
        ("NL", "NLD"),
        ("BE", "BEL"),
        ("AT", "AUT"),
        ("IE", "IRL"),
        ("PL", "POL"),
        ("PT", "PRT"),
        ("GB", "GBR"),
        ("TR", "TUR"),
        ("AL", "ALB"),
        ("RS", "SRB"),
        ("MA", "MAR"),
        ("TN", "TUN"),
        ("EG", "EGY"),
        ("JO", "JOR"),
        ("SA", "SAU"),
        ("AE", "ARE"),
        ("QA", "QAT"),
        ("KW", "KWT"),
        ("NG", "NGA"),
        ("GH", "GHA"),
        ("KE", "KEN"),
        ("ET", "ETH"),
        ("UG", "UGA"),
    ];
    TABLE
        .iter()
        .find(|(two, _)| *two == alpha2)
        .map_or_else(|| alpha2.to_owned(), |(_, three)| (*three).to_owned())
}

/// Sets `key` of the object `target` (every value set here is an object built above).
fn set(target: &mut Value, key: &str, value: Value) {
    if let Some(object) = target.as_object_mut() {
        object.insert(key.to_owned(), value);
    }
}
