//! Opening a credential to export: signed by the key of the issuer it names, and valid
//! against its schema.

use serde_json::Value;

use crate::credential::{CheckedCredential, CredentialError};
use crate::integrity::{self, IntegrityError, SecuredDocument};
use crate::keys::PublicKey;
use crate::signed::{self, CredentialJwt, KidDidKey, OpenError, Unopened};

/// Why a credential cannot be exported. Messages name members, never values.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The JWS does not open (malformed, another `typ`, bad signature).
    #[error("the credential does not open: {0}")]
    Jws(#[from] OpenError<CredentialError>),
    /// The Data Integrity credential does not verify.
    #[error("the credential does not verify: {0}")]
    Integrity(#[from] IntegrityError),
    /// The credential is not JSON.
    #[error("the credential is not strict JSON: {0}")]
    Json(#[from] crate::json::JsonError),
    /// The envelope, schema or framework levels are wrong.
    #[error(transparent)]
    Credential(#[from] CredentialError),
    /// The signing key is not the key of the issuer the credential names.
    #[error("the credential is signed by {signer}, not by its issuer {issuer}")]
    NotTheIssuersKey {
        /// The key's DID URL.
        signer: String,
        /// The credential's issuer.
        issuer: String,
    },
    /// The issuer's key given to sign the export is not the credential's issuer.
    #[error("the key given is {key}, but the credential's issuer is {issuer}: only its issuer can sign a view of it")]
    WrongKey {
        /// The DID of the key given.
        key: String,
        /// The credential's issuer.
        issuer: String,
    },
    /// The credential has nothing this view can carry (say which).
    #[error("{0}")]
    Unmappable(String),
    /// The signed view could not be made.
    #[error(transparent)]
    Signing(#[from] crate::Error),
}

/// A credential read for export: the document without any proof, its envelope, and the
/// key that signed it (its issuer's).
#[derive(Debug, Clone)]
pub struct OwnCredential {
    /// The credential document, without `proof`.
    pub document: Value,
    /// Its envelope.
    pub envelope: CheckedCredential,
    /// The issuer's key that signed it.
    pub key: PublicKey,
}

/// Opens `text` (a compact JWS, or JSON with a Data Integrity proof) whose signature is by
/// the `did:key` of its own issuer, and checks its schema and framework levels.
pub fn read_own(text: &str) -> Result<OwnCredential, ExportError> {
    let text = text.trim();
    let (document, signer, key) = if crate::verify::is_data_integrity(text) {
        let value = crate::json::parse_strict(text.as_bytes())?;
        let secured = SecuredDocument::read(&value)?;
        let vm = secured.proof.verification_method.clone();
        let key = PublicKey::from_did(&vm).map_err(|_| ExportError::NotTheIssuersKey {
            signer: vm.clone(),
            issuer: issuer_of(&secured.unsecured),
        })?;
        let secured = integrity::verify(&value, &key)?;
        (secured.unsecured, vm, key)
    } else {
        let opened = Unopened::<CredentialJwt>::parse(text)?.open(&KidDidKey)?;
        let value = signed::peek_json::<CredentialJwt>(text).map_err(|e| match e {
            signed::PeekError::Json(j) => ExportError::Json(j),
            other => ExportError::Unmappable(other.to_string()),
        })?;
        (value, opened.header.kid.unwrap_or_default(), opened.key)
    };
    let envelope = CheckedCredential::from_value(&document)?;
    if PublicKey::from_did(&envelope.issuer).ok() != Some(key) {
        return Err(ExportError::NotTheIssuersKey {
            signer,
            issuer: envelope.issuer,
        });
    }
    envelope.check_content(&document)?;
    Ok(OwnCredential {
        document,
        envelope,
        key,
    })
}

fn issuer_of(doc: &Value) -> String {
    match doc.get("issuer") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(o)) => o
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        _ => String::new(),
    }
}
