//! The W3C Verifiable Credentials Data Model 2.0 rules, as a pure function over JSON: the
//! conformance profile's judge of any credential or presentation, not only Skillpass's
//! two types (which their JSON Schemas judge as well).
//!
//! [`check_credential`] applies the data model's MUSTs for a credential (§4.3–§4.11, §5.3–
//! §5.6, §11.1), [`check_presentation`] those for a presentation (§4.13) and, for each
//! credential it embeds, the credential's; [`check_envelope`] those for an
//! `EnvelopedVerifiableCredential` / `EnvelopedVerifiablePresentation` (§4.13.2). Every
//! broken rule is reported (not only the first), each as a [`Violation`]: a stable
//! [`Rule`] code and a JSON pointer, never a value of the document.
//!
//! The rules that need linked data run with only the contexts Skillpass ships
//! ([`crate::jsonld::KNOWN_CONTEXTS`], which include the W3C examples context): a context
//! URL outside them is refused, never fetched; inline context objects are processed in
//! JSON-LD safe mode, so a redefined protected term, an undefined term and a type that
//! is not an IRI are each refused. A `proof` is left out of that processing: its
//! cryptosuite reads it.
//!
//! ```
//! use credential_core::conformance::{check_credential, Rule};
//! use serde_json::json;
//!
//! let vc = json!({
//!     "@context": ["https://www.w3.org/ns/credentials/v2"],
//!     "type": ["VerifiableCredential"],
//!     "issuer": "did:example:college",
//!     "credentialSubject": {"id": "did:example:subject"}
//! });
//! assert!(check_credential(&vc).is_ok());
//!
//! let no_subject = json!({
//!     "@context": ["https://www.w3.org/ns/credentials/v2"],
//!     "type": ["VerifiableCredential"],
//!     "issuer": "did:example:college"
//! });
//! let violations = check_credential(&no_subject).unwrap_err();
//! assert_eq!(violations[0].rule, Rule::SubjectMissing);
//! assert_eq!(violations[0].rule.code(), "credentialSubject.missing");
//! ```

mod linked;
mod values;
mod violation;

#[cfg(test)]
mod tests;

use serde_json::{Map, Value};

pub use values::parse_date_time_stamp;
pub use violation::{Rule, Violation};

use linked::{check_context_form, check_expansion, check_related_resources};
use values::{is_language_value, is_type_value, is_url, is_url_value, type_names};
use violation::{child, item};

/// The members whose objects must each have a `type` (and whose `id`, when present, must
/// be a URL): §4.10, §4.11, §5.4, §5.5, §5.6, §4.12.
const TYPED_ENTRIES: &[&str] = &[
    "credentialStatus",
    "credentialSchema",
    "evidence",
    "refreshService",
    "termsOfUse",
    "proof",
];

/// Checks `doc` against the data model's rules for a verifiable credential.
pub fn check_credential(doc: &Value) -> Result<(), Vec<Violation>> {
    let mut out = Vec::new();
    credential_rules(doc, "", &mut out);
    finish(out)
}

/// Checks `doc` against the data model's rules for a verifiable presentation (§4.13), and
/// each credential it carries against the credential's rules (enveloped ones against
/// §4.13.2).
pub fn check_presentation(doc: &Value) -> Result<(), Vec<Violation>> {
    let mut out = Vec::new();
    let Some(obj) = doc.as_object() else {
        return Err(vec![Violation::new(Rule::NotAnObject, "")]);
    };
    let contexts_usable = check_context_form(obj, &mut out);
    match obj.get("type") {
        None => out.push(Violation::new(Rule::TypeMissing, "")),
        Some(t) if !is_type_value(t) => out.push(Violation::new(Rule::TypeNotTerms, "/type")),
        Some(t) if !type_names(Some(t)).contains(&"VerifiablePresentation") => {
            out.push(Violation::new(Rule::TypeNotPresentation, "/type"));
        }
        Some(_) => {}
    }
    if obj.get("id").is_some_and(|id| !is_url_value(id)) {
        out.push(Violation::new(Rule::IdNotUrl, "/id"));
    }
    if let Some(holder) = obj.get("holder") {
        check_party(holder, "/holder", Rule::HolderNotUrl, &mut out);
    }
    if let Some(vcs) = obj.get("verifiableCredential") {
        const AT: &str = "/verifiableCredential";
        let list: Vec<(String, &Value)> = match vcs {
            Value::Array(list) => list
                .iter()
                .enumerate()
                .map(|(i, v)| (item(AT, i), v))
                .collect(),
            one => vec![(AT.to_owned(), one)],
        };
        for (path, vc) in list {
            if !vc.is_object() {
                out.push(Violation::new(Rule::PresentationCredentialNotObject, path));
            } else if is_envelope(vc) {
                envelope_rules(vc, &path, "EnvelopedVerifiableCredential", &mut out);
            } else {
                credential_rules(vc, &path, &mut out);
            }
        }
    }
    check_typed_entries(obj, &["termsOfUse", "proof"], "", &mut out);
    if contexts_usable {
        check_expansion(obj, &["proof", "verifiableCredential"], &mut out);
    }
    finish(out)
}

/// Checks an enveloped credential or presentation (§4.13.2): `@context` includes the base
/// context, `type` is `EnvelopedVerifiableCredential` or `EnvelopedVerifiablePresentation`,
/// `id` is a `data:` URL. The secured document inside is the securing mechanism's to open.
pub fn check_envelope(doc: &Value) -> Result<(), Vec<Violation>> {
    let mut out = Vec::new();
    if !doc.is_object() {
        return Err(vec![Violation::new(Rule::NotAnObject, "")]);
    }
    let expected = if type_names(doc.get("type")).contains(&"EnvelopedVerifiablePresentation") {
        "EnvelopedVerifiablePresentation"
    } else {
        "EnvelopedVerifiableCredential"
    };
    envelope_rules(doc, "", expected, &mut out);
    finish(out)
}

/// Whether a presentation's credential is meant as an enveloped one: it says so, or it
/// carries a `data:` URL and does not claim to be a credential itself.
fn is_envelope(vc: &Value) -> bool {
    let types = type_names(vc.get("type"));
    types.contains(&"EnvelopedVerifiableCredential")
        || (!types.contains(&"VerifiableCredential")
            && vc
                .get("id")
                .and_then(Value::as_str)
                .is_some_and(|id| id.starts_with("data:")))
}

fn finish(out: Vec<Violation>) -> Result<(), Vec<Violation>> {
    if out.is_empty() {
        Ok(())
    } else {
        Err(out)
    }
}

fn envelope_rules(doc: &Value, at: &str, expected: &str, out: &mut Vec<Violation>) {
    let base = crate::jsonld::VC_CONTEXT.url;
    let has_base = match doc.get("@context") {
        Some(Value::String(s)) => s == base,
        Some(Value::Array(list)) => list.first().and_then(Value::as_str) == Some(base),
        _ => false,
    };
    if !has_base {
        out.push(Violation::new(Rule::EnvelopeContext, child(at, "@context")));
    }
    let type_ok = match doc.get("type") {
        Some(Value::String(t)) => t == expected,
        Some(Value::Array(list)) => {
            list.len() == 1 && list.first().and_then(Value::as_str) == Some(expected)
        }
        _ => false,
    };
    if !type_ok {
        out.push(Violation::new(Rule::EnvelopeType, child(at, "type")));
    }
    let data_url = doc
        .get("id")
        .and_then(Value::as_str)
        .and_then(|id| id.strip_prefix("data:"))
        .is_some_and(|rest| rest.contains(','));
    if !data_url {
        out.push(Violation::new(Rule::EnvelopeIdNotDataUrl, child(at, "id")));
    }
}

fn credential_rules(doc: &Value, at: &str, out: &mut Vec<Violation>) {
    let Some(obj) = doc.as_object() else {
        out.push(Violation::new(Rule::NotAnObject, at));
        return;
    };
    // Violations found here carry paths relative to the credential; `at` prefixes them
    // when the credential sits inside a presentation.
    let mut own = Vec::new();
    let contexts_usable = check_context_form(obj, &mut own);
    check_type(obj, &mut own);
    if obj.get("id").is_some_and(|id| !is_url_value(id)) {
        own.push(Violation::new(Rule::IdNotUrl, "/id"));
    }
    match obj.get("issuer") {
        None => own.push(Violation::new(Rule::IssuerMissing, "")),
        Some(issuer) => {
            check_party(issuer, "/issuer", Rule::IssuerNotUrl, &mut own);
            if let Some(issuer) = issuer.as_object() {
                check_names(issuer, "/issuer", &mut own);
            }
        }
    }
    check_subject(obj.get("credentialSubject"), &mut own);
    check_validity(obj, &mut own);
    check_names(obj, "", &mut own);
    check_typed_entries(obj, TYPED_ENTRIES, "", &mut own);
    check_related_resources(obj.get("relatedResource"), &mut own);
    if contexts_usable {
        check_expansion(obj, &["proof"], &mut own);
    }
    out.extend(
        own.into_iter()
            .map(|v| Violation::new(v.rule, format!("{at}{}", v.path))),
    );
}

fn check_type(obj: &Map<String, Value>, out: &mut Vec<Violation>) {
    match obj.get("type") {
        None => out.push(Violation::new(Rule::TypeMissing, "")),
        Some(t) if !is_type_value(t) => out.push(Violation::new(Rule::TypeNotTerms, "/type")),
        Some(t) if !type_names(Some(t)).contains(&"VerifiableCredential") => {
            out.push(Violation::new(Rule::TypeNotCredential, "/type"));
        }
        Some(_) => {}
    }
}

/// An `issuer` or `holder`: a URL, or an object whose `id` is a URL.
fn check_party(value: &Value, at: &str, rule: Rule, out: &mut Vec<Violation>) {
    match value {
        Value::String(s) if is_url(s) => {}
        Value::Object(o) => {
            if !o.get("id").is_some_and(is_url_value) {
                out.push(Violation::new(rule, child(at, "id")));
            }
        }
        _ => out.push(Violation::new(rule, at)),
    }
}

fn check_subject(value: Option<&Value>, out: &mut Vec<Violation>) {
    const AT: &str = "/credentialSubject";
    let subjects: Vec<(String, &Value)> = match value {
        None => {
            out.push(Violation::new(Rule::SubjectMissing, ""));
            return;
        }
        Some(Value::Array(list)) if list.is_empty() => {
            out.push(Violation::new(Rule::SubjectNotObject, AT));
            return;
        }
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, v)| (item(AT, i), v))
            .collect(),
        Some(one) => vec![(AT.to_owned(), one)],
    };
    for (path, subject) in subjects {
        let Some(s) = subject.as_object() else {
            out.push(Violation::new(Rule::SubjectNotObject, path));
            continue;
        };
        if s.is_empty() {
            out.push(Violation::new(Rule::SubjectNoClaims, path));
            continue;
        }
        if s.get("id").is_some_and(|id| !is_url_value(id)) {
            out.push(Violation::new(Rule::SubjectIdNotUrl, child(&path, "id")));
        }
    }
}

fn check_validity(obj: &Map<String, Value>, out: &mut Vec<Violation>) {
    let read = |key: &str, rule: Rule, out: &mut Vec<Violation>| {
        let v = obj.get(key)?;
        let parsed = v.as_str().and_then(parse_date_time_stamp);
        if parsed.is_none() {
            out.push(Violation::new(rule, child("", key)));
        }
        parsed
    };
    let from = read("validFrom", Rule::ValidFromNotDateTimeStamp, out);
    let until = read("validUntil", Rule::ValidUntilNotDateTimeStamp, out);
    if let (Some(from), Some(until)) = (from, until) {
        if until < from {
            out.push(Violation::new(
                Rule::ValidUntilBeforeValidFrom,
                "/validUntil",
            ));
        }
    }
}

fn check_names(obj: &Map<String, Value>, at: &str, out: &mut Vec<Violation>) {
    for key in ["name", "description"] {
        if obj.get(key).is_some_and(|v| !is_language_value(v)) {
            out.push(Violation::new(Rule::NotLanguageValue, child(at, key)));
        }
    }
}

/// Each of `keys` present: one object or a non-empty array of objects, each with a `type`
/// of terms or URLs and, when it has an `id`, a URL; a `credentialSchema` must have an `id`.
fn check_typed_entries(
    obj: &Map<String, Value>,
    keys: &[&str],
    at: &str,
    out: &mut Vec<Violation>,
) {
    for key in keys {
        let Some(value) = obj.get(*key) else {
            continue;
        };
        let base = child(at, key);
        let entries: Vec<(String, &Value)> = match value {
            Value::Array(list) if list.is_empty() => {
                out.push(Violation::new(Rule::EntryNotObject, base));
                continue;
            }
            Value::Array(list) => list
                .iter()
                .enumerate()
                .map(|(i, v)| (item(&base, i), v))
                .collect(),
            one => vec![(base.clone(), one)],
        };
        for (path, entry) in entries {
            let Some(e) = entry.as_object() else {
                out.push(Violation::new(Rule::EntryNotObject, path));
                continue;
            };
            match e.get("type") {
                None => out.push(Violation::new(Rule::EntryTypeMissing, path.clone())),
                Some(t) if !is_type_value(t) => {
                    out.push(Violation::new(
                        Rule::EntryTypeNotTerms,
                        child(&path, "type"),
                    ));
                }
                Some(_) => {}
            }
            match e.get("id") {
                None if *key == "credentialSchema" => {
                    out.push(Violation::new(Rule::SchemaIdMissing, path.clone()));
                }
                Some(id) if !is_url_value(id) => {
                    out.push(Violation::new(Rule::EntryIdNotUrl, child(&path, "id")));
                }
                _ => {}
            }
        }
    }
}
