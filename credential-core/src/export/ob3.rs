//! The Open Badges 3.0 view: an `OpenBadgeCredential` whose `AchievementSubject` holds one
//! `Achievement` — the qualification (title, description, criteria from its learning
//! outcomes, alignments to its framework levels, ISCED-F field and ISCO-08 / ESCO
//! occupation, the grade as a result), or the skills of a skill credential (one
//! achievement naming them, aligned to each ESCO skill) — signed by the same issuer with
//! a Data Integrity proof, in the array form the 1EdTech schema requires.

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use super::read::{ExportError, OwnCredential};
use super::text::{eqf_level, esco_isco_uri, outcomes, pick, EQF_URI, ISCED_F_URI};
use crate::credential::{format_time, CredentialKind};
use crate::equivalence::FrameworkCatalog;
use crate::integrity::{self, ProofForm};
use crate::jsonld::{OB3_CONTEXT, VC_CONTEXT};
use crate::keys::SecretKey;

/// The unsigned Open Badges 3.0 credential for `own`, issued at `issued_at`.
pub fn open_badge(own: &OwnCredential, issued_at: DateTime<Utc>) -> Result<Value, ExportError> {
    let doc = &own.document;
    let env = &own.envelope;
    let subject = doc
        .get("credentialSubject")
        .and_then(Value::as_object)
        .ok_or_else(|| ExportError::Unmappable("no credentialSubject".into()))?;
    let achievement_id = format!("{}#achievement", env.id);
    let (mut achievement, result) = match env.kind {
        CredentialKind::Qualification => qualification(subject, &achievement_id)?,
        CredentialKind::Skill => skills(doc, subject, &achievement_id)?,
    };
    let mut alignment: Vec<Value> = env
        .levels
        .iter()
        .filter_map(|l| level_alignment(l))
        .collect();
    if let Some(eqf) =
        eqf_level(&env.levels).filter(|_| !env.levels.iter().any(|l| l.starts_with("EQF-")))
    {
        alignment.push(align(
            &format!("EQF level {eqf}"),
            &format!("{EQF_URI}{eqf}"),
            "European Qualifications Framework",
            &format!("EQF-{eqf}"),
        ));
    }
    let occupation = match env.kind {
        CredentialKind::Qualification => subject
            .get("qualification")
            .and_then(|q| q.get("occupation")),
        CredentialKind::Skill => subject.get("occupation"),
    };
    if let Some(occupation) = occupation {
        alignment.extend(occupation_alignments(occupation));
    }
    if let Some(extra) = achievement
        .get_mut("alignment")
        .and_then(Value::as_array_mut)
    {
        alignment.append(extra);
    }
    if !alignment.is_empty() {
        achievement.insert("alignment".into(), Value::Array(alignment));
    }
    let mut credential_subject = Map::new();
    if let Some(id) = &env.subject_id {
        credential_subject.insert("id".into(), Value::String(id.clone()));
    }
    credential_subject.insert("type".into(), json!(["AchievementSubject"]));
    credential_subject.insert("achievement".into(), Value::Object(achievement.clone()));
    if let Some(result) = result {
        credential_subject.insert("result".into(), result);
    }
    let mut badge = Map::new();
    badge.insert("@context".into(), json!([VC_CONTEXT.url, OB3_CONTEXT.url]));
    badge.insert(
        "id".into(),
        Value::String(format!("urn:uuid:{}", uuid::Uuid::new_v4())),
    );
    badge.insert(
        "type".into(),
        json!(["VerifiableCredential", "OpenBadgeCredential"]),
    );
    badge.insert(
        "name".into(),
        achievement.get("name").cloned().unwrap_or(Value::Null),
    );
    badge.insert(
        "issuer".into(),
        json!({"id": env.issuer, "type": ["Profile"]}),
    );
    badge.insert(
        "validFrom".into(),
        Value::String(format_time(env.valid_from)),
    );
    if let Some(until) = env.valid_until {
        badge.insert("validUntil".into(), Value::String(format_time(until)));
    }
    let awarded = subject
        .get("qualification")
        .and_then(|q| q.get("awarded"))
        .and_then(Value::as_str)
        .map(|d| format!("{d}T00:00:00Z"))
        .unwrap_or_else(|| format_time(issued_at));
    badge.insert("awardedDate".into(), Value::String(awarded));
    badge.insert(
        "credentialSubject".into(),
        Value::Object(credential_subject),
    );
    if let Some(status) = doc.get("credentialStatus") {
        badge.insert("credentialStatus".into(), status.clone());
    }
    Ok(Value::Object(badge))
}

/// [`open_badge`], signed by `key` — which must be the credential's issuer — with an
/// `eddsa-rdfc-2022` Data Integrity proof created at `now`.
pub fn sign_open_badge(
    own: &OwnCredential,
    key: &SecretKey,
    now: DateTime<Utc>,
) -> Result<Value, ExportError> {
    if key.public() != own.key {
        return Err(ExportError::WrongKey {
            key: key.public().did(),
            issuer: own.envelope.issuer.clone(),
        });
    }
    let badge = open_badge(own, now)?;
    Ok(integrity::sign(
        &badge,
        key,
        &key.public().did_url(),
        now,
        ProofForm::Array,
    )?)
}

type Built = (Map<String, Value>, Option<Value>);

fn qualification(subject: &Map<String, Value>, id: &str) -> Result<Built, ExportError> {
    let q = subject
        .get("qualification")
        .and_then(Value::as_object)
        .ok_or_else(|| ExportError::Unmappable("no qualification".into()))?;
    let title = pick(q.get("title"))
        .ok_or_else(|| ExportError::Unmappable("the qualification has no title".into()))?;
    let body = q
        .get("awardingBody")
        .and_then(|b| pick(b.get("name")))
        .unwrap_or_default();
    let country = q.get("country").and_then(Value::as_str).unwrap_or_default();
    let awarded = q.get("awarded").and_then(Value::as_str).unwrap_or_default();
    let field = q
        .get("field")
        .and_then(|f| f.get("title"))
        .and_then(Value::as_str);
    let mut description = format!("{title}, awarded by {body} ({country}) on {awarded}");
    if let Some(field) = field {
        description.push_str(&format!("; field: {field}"));
    }
    description.push('.');
    let outcomes = outcomes(q.get("learningOutcomes"));
    let narrative = if outcomes.is_empty() {
        format!("Awarded by {body} on {awarded}.")
    } else {
        let mut text = String::from("The holder has shown these learning outcomes:\n");
        for outcome in &outcomes {
            text.push_str(&format!("\n- {outcome}"));
        }
        text
    };
    let mut achievement = Map::new();
    achievement.insert("id".into(), Value::String(id.to_owned()));
    achievement.insert("type".into(), json!(["Achievement"]));
    achievement.insert("name".into(), Value::String(title));
    achievement.insert("description".into(), Value::String(description));
    achievement.insert("criteria".into(), json!({ "narrative": narrative }));
    if let Some(field) = q.get("field") {
        if let Some(code) = field.get("iscedF").and_then(Value::as_str) {
            achievement.insert(
                "fieldOfStudy".into(),
                Value::String(
                    field
                        .get("title")
                        .and_then(Value::as_str)
                        .unwrap_or(code)
                        .to_owned(),
                ),
            );
            achievement.insert(
                "alignment".into(),
                json!([align(
                    &format!("ISCED-F {code}"),
                    &format!("{ISCED_F_URI}{code}"),
                    "ISCED-F 2013",
                    code
                )]),
            );
        }
    }
    if let Some(credits) = q.get("credits").filter(|c| c.is_number()) {
        achievement.insert("creditsAvailable".into(), credits.clone());
    }
    if let Some(body) = q.get("awardingBody") {
        let mut creator = Map::new();
        if let Some(id) = body.get("id").and_then(Value::as_str) {
            creator.insert("id".into(), Value::String(id.to_owned()));
        }
        creator.insert("type".into(), json!(["Profile"]));
        if let Some(name) = pick(body.get("name")) {
            creator.insert("name".into(), Value::String(name));
        }
        if creator.contains_key("id") {
            achievement.insert("creator".into(), Value::Object(creator));
        }
    }
    let result = q.get("grade").and_then(Value::as_str).map(|grade| {
        let description_id = format!("{id}-grade");
        achievement.insert(
            "resultDescription".into(),
            json!([{
                "id": description_id,
                "type": ["ResultDescription"],
                "name": "Grade",
                "resultType": "Result",
            }]),
        );
        json!([{ "type": ["Result"], "resultDescription": description_id, "value": grade }])
    });
    Ok((achievement, result))
}

fn skills(doc: &Value, subject: &Map<String, Value>, id: &str) -> Result<Built, ExportError> {
    let skills = subject
        .get("skills")
        .and_then(Value::as_array)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| ExportError::Unmappable("the credential lists no skills".into()))?;
    let names: Vec<String> = skills.iter().filter_map(|s| pick(s.get("name"))).collect();
    let name = crate::credential::skill_headline(doc.get("name"), subject.get("skills"))
        .unwrap_or_else(|| "Skills".to_owned());
    let mut narrative = String::from("Assessed skills:\n");
    for skill in skills {
        let skill_name = pick(skill.get("name")).unwrap_or_default();
        let a = skill.get("assessment");
        let method = a
            .and_then(|a| a.get("method"))
            .and_then(Value::as_str)
            .unwrap_or("assessment");
        let date = a
            .and_then(|a| a.get("date"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let result = a
            .and_then(|a| a.get("result"))
            .and_then(Value::as_str)
            .map(|r| format!(", result: {r}"))
            .unwrap_or_default();
        narrative.push_str(&format!("\n- {skill_name} ({method}, {date}{result})"));
    }
    let mut achievement = Map::new();
    achievement.insert("id".into(), Value::String(id.to_owned()));
    achievement.insert("type".into(), json!(["Achievement"]));
    if names.len() == 1 {
        achievement.insert("achievementType".into(), Value::String("Competency".into()));
    }
    achievement.insert("name".into(), Value::String(name));
    let description = doc
        .get("description")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| names.join("; "));
    achievement.insert("description".into(), Value::String(description));
    achievement.insert("criteria".into(), json!({ "narrative": narrative }));
    let aligned: Vec<Value> = skills
        .iter()
        .filter_map(|s| {
            let uri = s.get("esco").and_then(Value::as_str)?;
            let name = pick(s.get("name")).unwrap_or_else(|| uri.to_owned());
            Some(align(&name, uri, "ESCO", uri))
        })
        .collect();
    if !aligned.is_empty() {
        achievement.insert("alignment".into(), Value::Array(aligned));
    }
    let tags: Vec<Value> = skills
        .iter()
        .filter_map(|s| s.get("kind").and_then(Value::as_str))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|k| Value::String(format!("{k} skill")))
        .collect();
    if !tags.is_empty() {
        achievement.insert("tag".into(), Value::Array(tags));
    }
    Ok((achievement, None))
}

/// An `Alignment` object.
fn align(name: &str, url: &str, framework: &str, code: &str) -> Value {
    json!({
        "type": ["Alignment"],
        "targetName": name,
        "targetUrl": url,
        "targetFramework": framework,
        "targetCode": code,
    })
}

/// The alignment of a framework level: the EQF concept for `EQF-n`; for a national level,
/// the official description of its framework from the shipped sources (none when the
/// data holds no URL for it).
fn level_alignment(level: &str) -> Option<Value> {
    if let Some(n) = level.strip_prefix("EQF-") {
        return Some(align(
            &format!("EQF level {n}"),
            &format!("{EQF_URI}{n}"),
            "European Qualifications Framework",
            level,
        ));
    }
    let catalog = FrameworkCatalog::shipped().ok()?;
    let found = catalog.level(level)?;
    let url = found
        .framework
        .sources
        .iter()
        .find_map(|key| catalog.source(key).and_then(|s| s.url.clone()))
        .filter(|u| u.starts_with("http"))?;
    Some(align(
        &format!("{} level {}", found.framework.id, found.level.level),
        &url,
        &found.framework.name,
        level,
    ))
}

/// ISCO-08 (as its ESCO concept) and, when given, the ESCO occupation.
fn occupation_alignments(occupation: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(code) = occupation.get("isco08").and_then(Value::as_str) {
        let name = occupation
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("ISCO-08 {code}"));
        out.push(align(&name, &esco_isco_uri(code), "ISCO-08", code));
    }
    if let Some(uri) = occupation.get("esco").and_then(Value::as_str) {
        let name = occupation
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or(uri);
        out.push(align(name, uri, "ESCO", uri));
    }
    out
}
