//! Issuing any credential that follows the W3C VC Data Model 2.0 (the conformance
//! profile), not only Skillpass's two types: `skillpass issue --vc FILE`, and the same
//! steps for the VC-API issuer. The document is judged by the W3C rules
//! (`credential_core::conformance`) instead of Skillpass's schemas; a document that claims
//! one of Skillpass's types must also pass Skillpass's own checks for it.
//!
//! The issuer is the key's DID, or, with a `kid` that is an absolute URL of a verification
//! method in a controller document (`https://college.example/issuer#key-1`), the
//! controller that URL names (VC-JOSE-COSE: a `kid` that is an absolute URL to a
//! verification method listed in the issuer's controller document).

use chrono::{DateTime, Utc};
use credential_core::conformance::{self, Violation};
use credential_core::integrity::{self, ProofForm};
use credential_core::jws::{self, Header, MAX_JWS_LEN};
use credential_core::{Algorithm, CheckedCredential, CredentialKind, SecretKey};
use serde_json::{json, Map, Value};

use super::status::{is_http_url, StatusFile};
use crate::common::args::SecuringArg;

/// A credential issued under the conformance profile.
#[derive(Debug)]
pub(crate) enum Issued {
    /// A compact JWS (`vc+jwt`).
    Jose(String),
    /// The credential with an embedded `eddsa-rdfc-2022` proof.
    DataIntegrity(Value),
}

impl Issued {
    /// As the VC-API returns it: an `EnvelopedVerifiableCredential` for a JWS.
    pub(crate) fn to_vc_api(&self) -> Value {
        match self {
            Issued::Jose(jws) => json!({
                "@context": credential_core::jsonld::VC_CONTEXT.url,
                "type": "EnvelopedVerifiableCredential",
                "id": format!("data:application/vc+jwt,{jws}"),
            }),
            Issued::DataIntegrity(document) => document.clone(),
        }
    }

    /// As a file holds it: the JWS, or the JSON document.
    pub(crate) fn to_text(&self) -> Result<String, serde_json::Error> {
        match self {
            Issued::Jose(jws) => Ok(jws.clone()),
            Issued::DataIntegrity(document) => serde_json::to_string_pretty(document),
        }
    }
}

/// Why a document was not issued: a stable code and a sentence that never repeats the
/// document's values.
#[derive(Debug)]
pub(crate) struct Refusal {
    pub(crate) code: &'static str,
    pub(crate) detail: String,
    /// The W3C rules the document breaks, when that is the reason.
    pub(crate) violations: Vec<Violation>,
}

impl Refusal {
    pub(crate) fn new(code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            code,
            detail: detail.into(),
            violations: Vec::new(),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.violations.is_empty() {
            return f.write_str(&self.detail);
        }
        write!(f, "{}:", self.detail)?;
        for v in &self.violations {
            write!(f, "\n  - {v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Refusal {}

/// Who issues and under which key id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Identity {
    /// The issuer's id: the key's DID, or the controller of an absolute-URL `kid`.
    pub(crate) issuer: String,
    /// The `kid` of the JWS and the `verificationMethod` of a Data Integrity proof.
    pub(crate) kid: String,
}

impl Identity {
    /// The key's own: its DID and DID URL.
    pub(crate) fn of_key(key: &SecretKey) -> Self {
        let public = key.public();
        Self {
            issuer: public.did(),
            kid: public.did_url(),
        }
    }

    /// With `kid` given: this key's DID URL, or an absolute http(s) URL with a fragment whose
    /// part before `#` is the issuer (its controller document).
    pub(crate) fn with_kid(key: &SecretKey, kid: &str) -> Result<Self, Refusal> {
        const MAX_KID: usize = 512;
        let own = Self::of_key(key);
        if kid == own.kid {
            return Ok(own);
        }
        if kid.starts_with("did:") {
            return Err(Refusal::new(
                "kid.not-this-key",
                "a DID URL given as --kid must be this key's own (see `skillpass key show`)",
            ));
        }
        let (controller, fragment) = kid.split_once('#').unwrap_or((kid, ""));
        if kid.len() > MAX_KID
            || !is_http_url(controller)
            || fragment.is_empty()
            || fragment
                .chars()
                .any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(Refusal::new(
                "kid.not-a-verification-method",
                format!(
                    "--kid must be this key's DID URL or an absolute https URL of a verification \
                     method in the issuer's controller document (https://college.example/issuer#key-1), \
                     at most {MAX_KID} characters"
                ),
            ));
        }
        Ok(Self {
            issuer: controller.to_owned(),
            kid: kid.to_owned(),
        })
    }
}

/// The Skillpass credential type a document claims, if any.
pub(crate) fn skillpass_kind(document: &Value) -> Option<CredentialKind> {
    let types: Vec<&str> = match document.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    types.iter().find_map(|t| t.parse::<CredentialKind>().ok())
}

/// Issues `document` as `identity` with `key`: the issuer filled in when absent, the W3C
/// rules checked (and Skillpass's own for its types), the issuer refused when it names
/// someone else, `allowed` asked (the VC-API issuer checks the institution's accreditation
/// there), status entries allocated from `status` when given and the document states no
/// `credentialStatus` of its own, then secured.
pub(crate) fn issue<E: From<Refusal>>(
    mut document: Map<String, Value>,
    key: &SecretKey,
    identity: &Identity,
    status: Option<&mut StatusFile>,
    securing: SecuringArg,
    now: DateTime<Utc>,
    allowed: impl FnOnce(&Value, Option<CredentialKind>) -> Result<(), E>,
) -> Result<Issued, E> {
    match document.get_mut("issuer") {
        None => {
            document.insert("issuer".into(), json!(identity.issuer));
        }
        Some(Value::Object(issuer)) if !issuer.contains_key("id") => {
            issuer.insert("id".into(), json!(identity.issuer));
        }
        Some(_) => {}
    }
    // A credential that states its own status keeps it: entries are allocated only for one
    // that has none.
    let status = status.filter(|_| !document.contains_key("credentialStatus"));
    let mut document = Value::Object(document);
    // The W3C rules, then Skillpass's own for its types.
    conformance::check_credential(&document).map_err(|violations| Refusal {
        code: "conformance",
        detail: "the credential does not follow the W3C Verifiable Credentials Data Model 2.0"
            .into(),
        violations,
    })?;
    let kind = skillpass_kind(&document);
    if kind.is_some() {
        let checked = CheckedCredential::from_value(&document).map_err(|e| {
            Refusal::new(
                "skillpass.envelope",
                format!("a Skillpass credential type: {e}"),
            )
        })?;
        checked.check_content(&document).map_err(|e| {
            Refusal::new(
                "skillpass.schema",
                format!("a Skillpass credential type: {e}"),
            )
        })?;
    }
    // VC-JOSE-COSE: the claims set is the credential; `vc` and `vp` are not allowed in it,
    // and an `iss`, when present, names the issuer.
    if document.get("vc").is_some() || document.get("vp").is_some() {
        return Err(Refusal::new(
            "jose.vc-vp-claim",
            "a credential must not carry `vc` or `vp` members (VC-JOSE-COSE)",
        )
        .into());
    }
    if document
        .get("iss")
        .is_some_and(|iss| iss.as_str() != Some(identity.issuer.as_str()))
    {
        return Err(Refusal::new(
            "jose.iss-mismatch",
            "`iss`, when present, must be the issuer's id (VC-JOSE-COSE)",
        )
        .into());
    }
    let named = match document.get("issuer") {
        Some(Value::String(s)) => Some(s.as_str()),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str),
        _ => None,
    };
    if named != Some(identity.issuer.as_str()) {
        return Err(Refusal::new(
            "issuer.not-this-service",
            format!(
                "the credential names another issuer; this key issues as {} only (leave issuer \
                 out to have it filled in)",
                identity.issuer
            ),
        )
        .into());
    }
    allowed(&document, kind)?;
    // Entries are allocated only for a document that will be issued (each one is an index
    // used up), and are well-formed by construction.
    if let Some(status) = status {
        let entries = status
            .allocate(&identity.issuer)
            .map_err(|e| Refusal::new("status.allocation", format!("{e:#}")))?;
        let entries = serde_json::to_value(entries)
            .map_err(|_| Refusal::new("status.allocation", "cannot write the status entries"))?;
        if let Value::Object(map) = &mut document {
            map.insert("credentialStatus".into(), entries);
        }
    }
    match securing {
        SecuringArg::Jose => {
            let payload = serde_json::to_vec(&document)
                .map_err(|_| Refusal::new("credential.encoding", "cannot encode the credential"))?;
            if payload.len() > MAX_JWS_LEN / 4 * 3 - 512 {
                return Err(Refusal::new(
                    "credential.too-large",
                    format!(
                        "the credential is too large to sign (a JWS is at most {MAX_JWS_LEN} bytes)"
                    ),
                )
                .into());
            }
            Ok(Issued::Jose(jws::sign(
                key,
                &Header::new(credential_core::credential::TYP_VC, &identity.kid),
                &payload,
            )))
        }
        SecuringArg::DataIntegrity => {
            if key.algorithm() != Algorithm::EdDSA {
                return Err(Refusal::new(
                    "options.cryptosuite-key",
                    format!(
                        "{} needs an Ed25519 key; this key is {}",
                        integrity::CRYPTOSUITE,
                        key.algorithm().describe()
                    ),
                )
                .into());
            }
            if document.get("proof").is_some() {
                return Err(Refusal::new(
                    "proof.present",
                    "the credential already has a proof; give it without one",
                )
                .into());
            }
            integrity::sign(&document, key, &identity.kid, now, ProofForm::Object)
                .map(Issued::DataIntegrity)
                .map_err(|e| {
                    Refusal::new(
                        "integrity.refused",
                        format!("cannot secure with {}: {e}", integrity::CRYPTOSUITE),
                    )
                    .into()
                })
        }
    }
}
