//! The rules that need the document read as linked data: `@context` (its form, then JSON-LD
//! processing of it with only the shipped contexts, in safe mode), and the digests of
//! `relatedResource` entries for the resources Skillpass holds.

use std::collections::HashSet;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256, Sha384, Sha512};

use super::values::is_url;
use super::violation::{child, item, Rule, Violation};
use crate::jsonld::{context_document, to_dataset, JsonLdError, VC_CONTEXT};

/// Checks the form of `@context` (§4.3): present; the VC 2.0 context first; every later
/// item a URL or an object; every URL one of the shipped contexts (none is fetched).
/// Returns whether the contexts can be processed (so that expansion may run).
pub(crate) fn check_context_form(doc: &Map<String, Value>, out: &mut Vec<Violation>) -> bool {
    const AT: &str = "/@context";
    let items: Vec<&Value> = match doc.get("@context") {
        None => {
            out.push(Violation::new(Rule::ContextMissing, ""));
            return false;
        }
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::String(_)) => vec![one],
        Some(_) => {
            out.push(Violation::new(Rule::ContextFirst, AT));
            return false;
        }
    };
    let mut usable = true;
    if items.first().and_then(|v| v.as_str()) != Some(VC_CONTEXT.url) {
        out.push(Violation::new(Rule::ContextFirst, item(AT, 0)));
        usable = false;
    }
    for (i, entry) in items.iter().enumerate().skip(1) {
        match entry {
            Value::String(url) if !is_url(url) => {
                out.push(Violation::new(Rule::ContextItem, item(AT, i)));
                usable = false;
            }
            Value::String(url) if context_document(url).is_none() => {
                out.push(Violation::new(Rule::ContextUnknown, item(AT, i)));
                usable = false;
            }
            Value::String(_) | Value::Object(_) => {}
            _ => {
                out.push(Violation::new(Rule::ContextItem, item(AT, i)));
                usable = false;
            }
        }
    }
    usable
}

/// Processes `doc` as JSON-LD with only the shipped contexts, in safe mode (§5.2): a
/// protected term redefined, a context that does not process, a property or type no
/// context defines, a type or id that does not expand to an IRI are each a violation.
/// `skip` names members left out (a `proof`, checked by its own cryptosuite; a
/// presentation's credentials, each checked on its own).
pub(crate) fn check_expansion(doc: &Map<String, Value>, skip: &[&str], out: &mut Vec<Violation>) {
    let mut trimmed = doc.clone();
    for key in skip {
        trimmed.remove(*key);
    }
    let Err(e) = to_dataset(&Value::Object(trimmed)) else {
        return;
    };
    let (rule, path) = match &e {
        JsonLdError::Expansion(msg) if msg.contains("Protected term redefinition") => {
            (Rule::ContextRedefinesProtectedTerm, "/@context")
        }
        JsonLdError::Expansion(msg) if msg.contains("Context processing failed") => {
            (Rule::ContextInvalid, "/@context")
        }
        JsonLdError::Expansion(msg) if msg.contains("Expansion failed") => {
            (Rule::TermUndefined, "")
        }
        JsonLdError::Dropped(msg) if msg.contains("IRI") => (Rule::NotAnIri, ""),
        JsonLdError::Dropped(_) => (Rule::TermUndefined, ""),
        _ => (Rule::ContextInvalid, "/@context"),
    };
    out.push(Violation::new(rule, path));
}

/// The digests (SHA-256, SHA-384, SHA-512) of one published revision of a resource.
struct Digests {
    sha256: Vec<u8>,
    sha384: Vec<u8>,
    sha512: Vec<u8>,
}

impl Digests {
    fn of(content: &[u8]) -> Self {
        Self {
            sha256: Sha256::digest(content).to_vec(),
            sha384: Sha384::digest(content).to_vec(),
            sha512: Sha512::digest(content).to_vec(),
        }
    }

    fn by_len(&self, len: usize) -> Option<&[u8]> {
        match len {
            32 => Some(&self.sha256),
            48 => Some(&self.sha384),
            64 => Some(&self.sha512),
            _ => None,
        }
    }
}

/// The revision of the VC 2.0 base context whose SHA-256 digest the Recommendation states
/// (§B.1, "the following value is the hexadecimal encoded SHA2-256 digest value of the base
/// context file: 24a18c90…43b9"): `contexts/credentials/v2` at commit 8d0ee107 of
/// github.com/w3c/vc-data-model (10,139 bytes). The file Skillpass ships is the revision
/// served since (the same terms, `statusSize` typed `integer`, reordered); a digest of
/// either names the base context.
const BASE_CONTEXT_RECOMMENDATION_REVISION: [&str; 3] = [
    "JKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k=",
    "NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg",
    "yxM236hnDYDQM0SzsMwl+vTUUgGCPDXzm7Gv5an5EfYV/07IDsXy+J4z0U6Wvsi+eOON81uRjJzV87NEm9bIjw==",
];

/// The published revisions of `url` whose content (or digests) Skillpass holds; empty for
/// any other resource, whose digests can only be checked for form.
fn known_revisions(url: &str) -> Vec<Digests> {
    let Some(known) = context_document(url) else {
        return Vec::new();
    };
    let mut revisions = vec![Digests::of(known.text.as_bytes())];
    if known.url == VC_CONTEXT.url {
        let [a, b, c] =
            BASE_CONTEXT_RECOMMENDATION_REVISION.map(|d| STANDARD.decode(d).unwrap_or_default());
        revisions.push(Digests {
            sha256: a,
            sha384: b,
            sha512: c,
        });
    }
    revisions
}

/// Decodes one SRI hash expression (`sha384-<base64>`) to its digest bytes.
fn decode_sri(expr: &str) -> Option<Vec<u8>> {
    let (alg, b64) = expr.split_once('-')?;
    // Options (`?…`) may follow the digest in SRI; none are defined.
    let b64 = b64.split('?').next()?;
    let bytes = STANDARD.decode(b64).ok()?;
    let want = match alg {
        "sha256" => 32,
        "sha384" => 48,
        "sha512" => 64,
        _ => return None,
    };
    (bytes.len() == want).then_some(bytes)
}

/// Decodes a `digestMultibase` (`u` base64url or `z` base58btc) to digest bytes: a bare
/// SHA-2 digest or a multihash of one (sha2-256, sha2-384, sha2-512).
fn decode_multibase(s: &str) -> Option<Vec<u8>> {
    let bytes = if let Some(rest) = s.strip_prefix('u') {
        URL_SAFE_NO_PAD.decode(rest).ok()?
    } else if let Some(rest) = s.strip_prefix('z') {
        bs58::decode(rest).into_vec().ok()?
    } else {
        return None;
    };
    let digest = match bytes.as_slice() {
        [0x12, 0x20, rest @ ..] if rest.len() == 32 => rest.to_vec(),
        [0x20, 0x30, rest @ ..] if rest.len() == 48 => rest.to_vec(),
        [0x13, 0x40, rest @ ..] if rest.len() == 64 => rest.to_vec(),
        bare if matches!(bare.len(), 32 | 48 | 64) => bare.to_vec(),
        _ => return None,
    };
    Some(digest)
}

/// Checks `relatedResource` (§5.3): one or more objects, each with an `id` that is a URL
/// and unique among them, and a `digestSRI` or `digestMultibase` in its form; for a
/// resource Skillpass holds (a shipped context), the digest must be that of its content.
pub(crate) fn check_related_resources(value: Option<&Value>, out: &mut Vec<Violation>) {
    const AT: &str = "/relatedResource";
    let entries: Vec<(String, &Value)> = match value {
        None => return,
        Some(Value::Array(list)) if list.is_empty() => {
            out.push(Violation::new(Rule::RelatedResourceNotObject, AT));
            return;
        }
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(i, v)| (item(AT, i), v))
            .collect(),
        Some(one) => vec![(AT.to_owned(), one)],
    };
    let mut seen: HashSet<&str> = HashSet::new();
    for (path, entry) in entries {
        let Some(obj) = entry.as_object() else {
            out.push(Violation::new(Rule::RelatedResourceNotObject, path));
            continue;
        };
        let id = obj.get("id").and_then(Value::as_str).filter(|s| is_url(s));
        match id {
            None => out.push(Violation::new(
                Rule::RelatedResourceIdNotUrl,
                child(&path, "id"),
            )),
            Some(id) if !seen.insert(id) => {
                out.push(Violation::new(
                    Rule::RelatedResourceIdDuplicate,
                    child(&path, "id"),
                ));
            }
            Some(_) => {}
        }
        let sri = obj.get("digestSRI");
        let multibase = obj.get("digestMultibase");
        if sri.is_none() && multibase.is_none() {
            out.push(Violation::new(Rule::RelatedResourceDigestMissing, path));
            continue;
        }
        let revisions = id.map(known_revisions).unwrap_or_default();
        let matches = |digest: &[u8]| {
            revisions.is_empty()
                || revisions
                    .iter()
                    .any(|r| r.by_len(digest.len()).is_some_and(|d| d == digest))
        };
        if let Some(sri) = sri {
            let p = child(&path, "digestSRI");
            let decoded: Option<Vec<Vec<u8>>> = sri
                .as_str()
                .map(|s| {
                    s.split_whitespace()
                        .map(decode_sri)
                        .collect::<Option<Vec<_>>>()
                })
                .unwrap_or(None)
                .filter(|list| !list.is_empty());
            match decoded {
                None => out.push(Violation::new(Rule::RelatedResourceDigestForm, p)),
                Some(list) if !list.iter().all(|d| matches(d)) => {
                    out.push(Violation::new(Rule::RelatedResourceDigestMismatch, p));
                }
                Some(_) => {}
            }
        }
        if let Some(mb) = multibase {
            let p = child(&path, "digestMultibase");
            match mb.as_str().and_then(decode_multibase) {
                None => out.push(Violation::new(Rule::RelatedResourceDigestForm, p)),
                Some(d) if !matches(&d) => {
                    out.push(Violation::new(Rule::RelatedResourceDigestMismatch, p));
                }
                Some(_) => {}
            }
        }
    }
}
