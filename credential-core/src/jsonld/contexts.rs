//! The JSON-LD contexts Skillpass ships and accepts, each known by its URL and the exact
//! bytes it stands for; and the check of a document's `@context` against them.
//!
//! A verifier never dereferences a context URL: a context is data that changes what a
//! signed document means, so the one a verifier uses must be the one the issuer used.
//! Skillpass pins each accepted context's content (its SHA-384 digest, in the VC 2.0
//! `digestSRI` form) and refuses a document that names any other context, carries an
//! inline context object (which could redefine any term), or states a `digestSRI` for one
//! of its contexts that is not the digest of the content Skillpass knows.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256, Sha384, Sha512};

/// A context Skillpass ships: where documents name it, and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownContext {
    /// The URL documents name in `@context`.
    pub url: &'static str,
    /// The file's exact text, as served and as expanded.
    pub text: &'static str,
    /// The SHA-384 digest of `text`, as VC 2.0 `digestSRI` writes it.
    pub digest_sri: &'static str,
    /// The file name under `contexts/` in the repository, and under `/contexts/` on the
    /// registry.
    pub file: &'static str,
}

/// The W3C Verifiable Credentials 2.0 base context.
pub const VC_CONTEXT: KnownContext = KnownContext {
    url: "https://www.w3.org/ns/credentials/v2",
    text: include_str!("../../../contexts/credentials-v2.jsonld"),
    digest_sri: "sha384-e2AY0FBy6KUAgZ3rMaz7Uj/Gp0bkIIIB/bjgmVQS2PPSOr+Ufx9P5mVrVU+jxFXR",
    file: "credentials-v2.jsonld",
};

/// The Skillpass vocabulary context, version 1: every term a Skillpass credential,
/// SD-JWT payload or presentation uses that the VC 2.0 context does not define.
pub const SKILLPASS_CONTEXT: KnownContext = KnownContext {
    url: "https://skillpass.dev/contexts/skillpass-v1.jsonld",
    text: include_str!("../../../contexts/skillpass-v1.jsonld"),
    digest_sri: "sha384-Ykv2F4RcHyoSxz06ycllusdOzzjj1KIAMq2NGGDTF8CHUDScx2+0uhEq0UOjEBEO",
    file: "skillpass-v1.jsonld",
};

/// The 1EdTech Open Badges 3.0 context (3.0.3), for the badges `skillpass export ob3`
/// signs.
pub const OB3_CONTEXT: KnownContext = KnownContext {
    url: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    text: include_str!("../../../contexts/ob-v3p0-context-3.0.3.json"),
    digest_sri: "sha384-yFn2wAoeABPuecHlzHVmtt+mwolxxGzhqzIhzfuitsbYbmMOVn0DwMeAvC+a1Rek",
    file: "ob-v3p0-context-3.0.3.json",
};

/// The W3C examples context (`@vocab` only), which the VC 2.0 specification's examples
/// and the W3C test suites use. Known so that the conformance profile
/// ([`crate::conformance`]) can process such credentials without fetching anything; a
/// Skillpass credential may still not name it ([`CREDENTIAL_CONTEXTS`]).
pub const EXAMPLES_CONTEXT: KnownContext = KnownContext {
    url: "https://www.w3.org/ns/credentials/examples/v2",
    text: include_str!("../../../contexts/credentials-examples-v2.jsonld"),
    digest_sri: "sha384-zNNbQTWCSUSi0bbz7dbua+RcENv7C6FvlmYJ1Y+I727HsPOHdzwELMYO9Mz68M26",
    file: "credentials-examples-v2.jsonld",
};

/// Every context Skillpass knows; no other URL is ever loaded.
pub const KNOWN_CONTEXTS: &[KnownContext] =
    &[VC_CONTEXT, SKILLPASS_CONTEXT, OB3_CONTEXT, EXAMPLES_CONTEXT];

/// The contexts a Skillpass credential, SD-JWT payload or presentation may name: the
/// VC 2.0 context first, then the Skillpass context.
pub const CREDENTIAL_CONTEXTS: &[KnownContext] = &[VC_CONTEXT, SKILLPASS_CONTEXT];

/// The known context at `url`.
pub fn context_document(url: &str) -> Option<&'static KnownContext> {
    KNOWN_CONTEXTS.iter().find(|c| c.url == url)
}

/// Why a document's `@context` is refused. Messages name URLs, never document values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ContextError {
    /// `@context` is not an array starting with the VC 2.0 context.
    #[error("`@context` must be an array starting with {}", VC_CONTEXT.url)]
    NotVc2,
    /// An item is an inline context object, which could redefine any term.
    #[error(
        "`@context` item {0} is an inline context; only the published context URLs are accepted"
    )]
    Inline(usize),
    /// A context URL this verifier does not know (and will not fetch).
    #[error("unknown context {url:?}: the accepted contexts are {}", accepted_list(.accepted))]
    Unknown {
        /// The URL as the document gives it (cut if very long).
        url: String,
        /// The contexts this kind of document may name.
        accepted: &'static [KnownContext],
    },
    /// The same context named twice.
    #[error("context {0} is named twice")]
    Duplicate(String),
    /// A `relatedResource` states a digest for a context that is not the digest of the
    /// content this verifier knows: the issuer used an altered context.
    #[error("context {0} was altered: its relatedResource digest is not the digest of the published context")]
    Altered(String),
    /// A `relatedResource` digest in a form this verifier cannot check.
    #[error("relatedResource for context {0}: digestSRI must be sha256-, sha384- or sha512- with base64")]
    DigestForm(String),
}

fn accepted_list(list: &[KnownContext]) -> String {
    list.iter().map(|c| c.url).collect::<Vec<_>>().join(", ")
}

/// Checks `@context` of a document against `allowed`: an array of URLs, the VC 2.0
/// context first, every one of them in `allowed`, none twice; and any `relatedResource`
/// entry naming one of them must state the digest of the known content.
pub fn check_contexts(
    doc: &Map<String, Value>,
    allowed: &'static [KnownContext],
) -> Result<(), ContextError> {
    let items = doc
        .get("@context")
        .and_then(Value::as_array)
        .ok_or(ContextError::NotVc2)?;
    match items.first() {
        Some(Value::String(first)) if first == VC_CONTEXT.url => {}
        _ => return Err(ContextError::NotVc2),
    }
    let mut named: Vec<&KnownContext> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Value::String(url) = item else {
            return Err(ContextError::Inline(i));
        };
        let known = allowed
            .iter()
            .find(|c| c.url == url)
            .ok_or_else(|| ContextError::Unknown {
                url: clip(url),
                accepted: allowed,
            })?;
        if named.iter().any(|c| c.url == known.url) {
            return Err(ContextError::Duplicate(known.url.to_owned()));
        }
        named.push(known);
    }
    let related: Vec<&Value> = match doc.get("relatedResource") {
        None => Vec::new(),
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
    };
    for entry in related {
        let Some(id) = entry.get("id").and_then(Value::as_str) else {
            continue;
        };
        let Some(known) = named.iter().find(|c| c.url == id) else {
            continue;
        };
        if let Some(sri) = entry.get("digestSRI") {
            let sri = sri
                .as_str()
                .ok_or_else(|| ContextError::DigestForm(known.url.to_owned()))?;
            if !sri_matches(sri, known.text.as_bytes())
                .ok_or_else(|| ContextError::DigestForm(known.url.to_owned()))?
            {
                return Err(ContextError::Altered(known.url.to_owned()));
            }
        }
    }
    Ok(())
}

/// Whether `sri` (`sha384-<base64>`, or sha256/sha512) is the digest of `content`;
/// `None` when `sri` is not in that form.
fn sri_matches(sri: &str, content: &[u8]) -> Option<bool> {
    let (alg, b64) = sri.split_once('-')?;
    let expected = STANDARD.decode(b64.trim()).ok()?;
    let actual = match alg {
        "sha256" => Sha256::digest(content).to_vec(),
        "sha384" => Sha384::digest(content).to_vec(),
        "sha512" => Sha512::digest(content).to_vec(),
        _ => return None,
    };
    Some(expected == actual)
}

/// The `digestSRI` of `content` (SHA-384).
#[cfg(test)]
pub(crate) fn digest_sri(content: &[u8]) -> String {
    format!("sha384-{}", STANDARD.encode(Sha384::digest(content)))
}

/// A URL cut for an error message (a document may name a very long one).
fn clip(url: &str) -> String {
    const MAX: usize = 120;
    if url.chars().count() <= MAX {
        return url.to_owned();
    }
    let cut: String = url.chars().take(MAX).collect();
    format!("{cut}…")
}
