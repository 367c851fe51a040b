//! Reading the envelope of an untrusted credential document: structure only, no
//! cryptography. The verifier builds on it; wallets and registries file by it.

use chrono::{DateTime, Utc};
use serde::Deserialize as _;
use serde_json::{Map, Value};

use super::error::{CredentialError, Structure};
use super::kind::{parse_time, CredentialKind};
use super::schema;
use crate::equivalence::FrameworkCatalog;
use crate::jsonld::{check_contexts, CREDENTIAL_CONTEXTS};
use crate::status::StatusEntry;

/// The envelope of a credential, read from untrusted JSON without any cryptography.
#[derive(Debug, Clone)]
pub struct CheckedCredential {
    /// `id` (a `urn:uuid`).
    pub id: String,
    /// Which of the two credential types.
    pub kind: CredentialKind,
    /// The issuer DID (`issuer` or `issuer.id`).
    pub issuer: String,
    /// `validFrom`.
    pub valid_from: DateTime<Utc>,
    /// `validUntil`.
    pub valid_until: Option<DateTime<Utc>>,
    /// `credentialSubject.id`, the holder's DID when bound to one.
    pub subject_id: Option<String>,
    /// Framework level ids the credential claims.
    pub levels: Vec<String>,
    /// Country of award (qualifications).
    pub country: Option<String>,
    /// ISCED-F field code.
    pub field: Option<String>,
    /// ISCO-08 occupation code.
    pub isco08: Option<String>,
    /// The headline: the English title of a qualification; for skills, the credential's
    /// `name` when it has one, else the first skill's short name and how many more
    /// ([`skill_headline`]). Wallet lists, cards and verification reports all show this.
    pub title: Option<String>,
    /// A qualification's title in every language the credential gives it (a language map;
    /// empty for skills).
    pub titles: crate::i18n::LanguageMap,
    /// A qualification's awarding body's name in every language the credential gives it
    /// (empty for skills and when not stated).
    pub awarding_body: crate::i18n::LanguageMap,
    /// A qualification's learning outcomes, in every language the credential gives them.
    pub outcomes: crate::i18n::LanguageLists,
    /// A skill credential's skills' names, each in every language the credential gives it.
    pub skill_names: Vec<crate::i18n::LanguageMap>,
    /// The `credentialStatus` entries.
    pub status: Vec<StatusEntry>,
}

impl CheckedCredential {
    /// Reads the envelope: `@context` first item, `type`, `id`, `issuer`, `validFrom`,
    /// optional `validUntil` and `credentialStatus`; VC-JOSE-COSE forbids `vc`/`vp` claims.
    pub fn from_value(doc: &Value) -> Result<Self, CredentialError> {
        let obj = doc.as_object().ok_or(Structure::NotAnObject)?;
        check_vc2_envelope(obj)?;
        let types = obj
            .get("type")
            .and_then(Value::as_array)
            .ok_or(Structure::TypeNotArray)?;
        if !types.iter().any(|t| t == "VerifiableCredential") {
            return Err(Structure::NotVerifiableCredential.into());
        }
        let mut kinds = types
            .iter()
            .filter_map(Value::as_str)
            .filter_map(|t| t.parse::<CredentialKind>().ok());
        let kind = kinds.next().ok_or(Structure::NoKind)?;
        if kinds.next().is_some() {
            return Err(Structure::ManyKinds.into());
        }
        let id = obj
            .get("id")
            .and_then(Value::as_str)
            .ok_or(Structure::Missing("id"))?
            .to_owned();
        let issuer = match obj.get("issuer") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Object(o)) => o
                .get("id")
                .and_then(Value::as_str)
                .ok_or(Structure::Missing("issuer.id"))?
                .to_owned(),
            _ => return Err(Structure::Missing("issuer").into()),
        };
        let time = |name: &'static str| -> Result<Option<DateTime<Utc>>, CredentialError> {
            match obj.get(name) {
                None => Ok(None),
                Some(Value::String(s)) => parse_time(s)
                    .map(Some)
                    .ok_or(Structure::NotDateTime(name).into()),
                Some(_) => Err(Structure::NotString(name).into()),
            }
        };
        let valid_from = time("validFrom")?.ok_or(Structure::Missing("validFrom"))?;
        let valid_until = time("validUntil")?;
        let subject = obj
            .get("credentialSubject")
            .and_then(Value::as_object)
            .ok_or(Structure::SubjectNotObject)?;
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
        let subject_id = text(subject.get("id"));
        let (levels, country, field, isco08, title) = match kind {
            CredentialKind::Qualification => {
                let q = subject.get("qualification");
                let levels = q
                    .and_then(|q| q.get("frameworkLevels"))
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default();
                (
                    levels,
                    text(q.and_then(|q| q.get("country"))),
                    text(q.and_then(|q| q.get("field")).and_then(|f| f.get("iscedF"))),
                    text(
                        q.and_then(|q| q.get("occupation"))
                            .and_then(|o| o.get("isco08")),
                    ),
                    q.and_then(|q| q.get("title")).and_then(|t| {
                        let titles = crate::i18n::language_map(t);
                        let english = titles.get("en").or_else(|| titles.get(""));
                        english.cloned()
                    }),
                )
            }
            CredentialKind::Skill => (
                text(subject.get("frameworkLevel")).into_iter().collect(),
                None,
                None,
                text(subject.get("occupation").and_then(|o| o.get("isco08"))),
                skill_headline(obj.get("name"), subject.get("skills")),
            ),
        };
        let status = match obj.get("credentialStatus") {
            None => Vec::new(),
            Some(v @ Value::Object(_)) => vec![status_entry(v)?],
            Some(Value::Array(items)) => {
                items.iter().map(status_entry).collect::<Result<_, _>>()?
            }
            Some(_) => return Err(Structure::StatusShape.into()),
        };
        Ok(Self {
            id,
            kind,
            issuer,
            valid_from,
            valid_until,
            subject_id,
            levels,
            country,
            field,
            isco08,
            title,
            titles: match kind {
                CredentialKind::Qualification => subject
                    .get("qualification")
                    .and_then(|q| q.get("title"))
                    .map(crate::i18n::language_map)
                    .unwrap_or_default(),
                CredentialKind::Skill => crate::i18n::LanguageMap::new(),
            },
            awarding_body: subject
                .get("qualification")
                .and_then(|q| q.get("awardingBody"))
                .and_then(|b| b.get("name"))
                .map(crate::i18n::language_map)
                .unwrap_or_default(),
            outcomes: subject
                .get("qualification")
                .and_then(|q| q.get("learningOutcomes"))
                .map(crate::i18n::language_lists)
                .unwrap_or_default(),
            skill_names: subject
                .get("skills")
                .and_then(Value::as_array)
                .map(|skills| {
                    skills
                        .iter()
                        .filter_map(|s| s.get("name"))
                        .map(crate::i18n::language_map)
                        .filter(|m| !m.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            status,
        })
    }

    /// Content rules beyond structure: the JSON Schema of the kind, and framework levels
    /// that exist in the shipped framework data.
    pub fn check_content(&self, doc: &Value) -> Result<(), CredentialError> {
        self.check_content_disclosed(doc, &[])
    }

    /// [`CheckedCredential::check_content`] for a selectively disclosed document: a
    /// required member may be missing from the objects at the JSON pointers in `hidden`,
    /// which hold claims the holder did not disclose.
    pub fn check_content_disclosed(
        &self,
        doc: &Value,
        hidden: &[String],
    ) -> Result<(), CredentialError> {
        schema::validate_disclosed(self.kind, doc, hidden)?;
        let catalog = FrameworkCatalog::shipped().map_err(Structure::Catalog)?;
        if let Some(unknown) = self.levels.iter().find(|l| catalog.level(l).is_none()) {
            return Err(CredentialError::UnknownLevel {
                level: unknown.clone(),
                suggestion: catalog.suggest_level(unknown).map(str::to_owned),
            });
        }
        Ok(())
    }
}

/// Longest headline made from a skill's name.
pub(super) const MAX_HEADLINE: usize = 60;

/// The headline of a skill credential: its top-level `name` (the VC 2.0 name of the
/// credential, which an issuer may set in the claims), else the first skill's name cut
/// at its first `:` or `;` (skill names often go on to list what the skill covers) and
/// at most 60 characters, then `and N more skills`. Joining every skill's name made
/// headlines of 600 characters.
pub fn skill_headline(name: Option<&Value>, skills: Option<&Value>) -> Option<String> {
    if let Some(name) = name.and_then(Value::as_str).map(str::trim) {
        if !name.is_empty() {
            return Some(clip_words(name, MAX_HEADLINE * 2));
        }
    }
    let names: Vec<&str> = skills?
        .as_array()?
        .iter()
        .filter_map(|s| s.get("name"))
        .filter_map(|n| match n {
            Value::Object(map) => map.get("en").or_else(|| map.values().next()),
            other => Some(other),
        })
        .filter_map(Value::as_str)
        .collect();
    let first = names.first()?;
    let short = first
        .split([':', ';'])
        .next()
        .map(str::trim)
        .filter(|s| s.chars().count() >= 3)
        .unwrap_or(first.trim());
    let short = clip_words(short, MAX_HEADLINE);
    Some(match names.len() {
        1 => short,
        2 => format!("{short} and 1 more skill"),
        n => format!("{short} and {} more skills", n - 1),
    })
}

/// A skill credential's headline in `lang`, from its skills' names (language maps): the
/// first skill's short name in the reader's language and how many more there are, worded
/// by the catalog. `None` when no skill has a name in `lang` (the English headline,
/// [`skill_headline`], is then the one to show).
pub fn skill_headline_in(
    names: &[crate::i18n::LanguageMap],
    lang: crate::i18n::Lang,
) -> Option<String> {
    use crate::i18n::{pick, Lang, Msg};
    let first = names.first()?;
    let picked = pick(first, lang).filter(|p| !p.other_language && !p.tag.is_empty())?;
    if lang == Lang::En || picked.tag == "en" {
        return None;
    }
    let text = picked.text;
    let short = text
        .split([':', ';'])
        .next()
        .map(str::trim)
        .filter(|s| s.chars().count() >= 3)
        .unwrap_or(text.trim());
    let short = clip_words(short, MAX_HEADLINE);
    Some(match names.len() {
        1 => short,
        n => Msg::new("skills-headline-more")
            .arg("first", short)
            .arg("more", n - 1)
            .text(lang),
    })
}

/// `text` cut to at most `max` characters at a word boundary, with `…` when cut.
fn clip_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > max / 2 => cut.get(..space).unwrap_or(&cut),
        _ => &cut,
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', '-']))
}

fn status_entry(v: &Value) -> Result<StatusEntry, CredentialError> {
    // Deserializing from the borrowed value saves copying the entry first.
    StatusEntry::deserialize(v).map_err(|e| Structure::StatusEntry(e).into())
}

/// What every Skillpass VC 2.0 document has, credential or presentation: `@context`
/// starting with the VC 2.0 context and naming only contexts Skillpass ships (unaltered:
/// see [`check_contexts`]), and none of the JWT-VC 1.1 `vc`/`vp` claims.
///
/// Documents issued before the Skillpass context existed name the VC 2.0 context alone;
/// they still pass, as their signed bytes say all there is to say. Only a Data Integrity
/// proof, which signs the document's RDF, needs every term defined (and that is checked
/// when its proof is).
pub(crate) fn check_vc2_envelope(obj: &Map<String, Value>) -> Result<(), Structure> {
    check_contexts(obj, CREDENTIAL_CONTEXTS)?;
    if obj.contains_key("vc") || obj.contains_key("vp") {
        return Err(Structure::JwtClaims);
    }
    Ok(())
}
