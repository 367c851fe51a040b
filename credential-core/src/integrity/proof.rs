//! Reading, making and checking one `eddsa-rdfc-2022` Data Integrity proof.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256};

use crate::credential::format_time;
use crate::jsonld::{canonical_nquads, JsonLdError};
use crate::keys::{PublicKey, SecretKey};

/// The proof `type`.
pub const PROOF_TYPE: &str = "DataIntegrityProof";
/// The one cryptosuite Skillpass makes and accepts.
pub const CRYPTOSUITE: &str = "eddsa-rdfc-2022";
/// The one proof purpose a credential's proof may have.
pub const PROOF_PURPOSE: &str = "assertionMethod";
/// Largest Data Integrity credential accepted, in bytes of JSON (the VC-JOSE limit).
pub const MAX_DI_CREDENTIAL_LEN: usize = crate::jws::MAX_JWS_LEN;

/// How the proof is written into the document: as one object (VC Data Integrity's usual
/// form), or as an array holding it (which Open Badges 3.0's schema requires).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProofForm {
    /// `"proof": {…}`.
    Object,
    /// `"proof": [{…}]`.
    Array,
}

/// What is wrong with a Data Integrity proof or the document it secures. Messages name
/// members, never document values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IntegrityError {
    /// The document is not a JSON object.
    #[error("the document is not a JSON object")]
    NotAnObject,
    /// No `proof` member.
    #[error("the document has no `proof`")]
    NoProof,
    /// More than one proof (a proof set or chain), which Skillpass does not accept.
    #[error("the document has more than one proof; Skillpass accepts exactly one")]
    ManyProofs,
    /// A proof member is missing or not a string.
    #[error("proof `{0}` is missing or not a string")]
    ProofMember(&'static str),
    /// The proof `type` is not `DataIntegrityProof`.
    #[error("proof type {0:?} is not {PROOF_TYPE}")]
    ProofType(String),
    /// A cryptosuite other than `eddsa-rdfc-2022`.
    #[error("cryptosuite {0:?} is not accepted (only {CRYPTOSUITE})")]
    Cryptosuite(String),
    /// A proof purpose other than the one expected (`assertionMethod` for a credential,
    /// `authentication` for a presentation).
    #[error("proof purpose {0:?} is not {1}")]
    Purpose(String, &'static str),
    /// `proofValue` is not a multibase base58btc Ed25519 signature.
    #[error("proofValue is not a multibase base58btc (z…) Ed25519 signature of 64 bytes")]
    ProofValue,
    /// `created` is not an RFC 3339 date-time.
    #[error("proof `created` is not an RFC 3339 date-time")]
    Created,
    /// The proof carries its own `@context` that is not the document's.
    #[error("the proof's `@context` differs from the document's")]
    ProofContext,
    /// The document or its proof configuration cannot be canonicalized.
    #[error(transparent)]
    JsonLd(#[from] JsonLdError),
    /// The signature does not verify.
    #[error("the Data Integrity signature does not verify: the document was altered or not signed by this key")]
    Signature,
}

/// A proof, read from a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof {
    /// `type`.
    pub proof_type: String,
    /// `cryptosuite`.
    pub cryptosuite: String,
    /// `verificationMethod`: the DID URL of the key that signed.
    pub verification_method: String,
    /// `proofPurpose`.
    pub purpose: String,
    /// `created`, when present.
    pub created: Option<DateTime<Utc>>,
    /// The proof's members other than `proofValue`: the proof options.
    options: Map<String, Value>,
    /// The decoded `proofValue`.
    signature: [u8; 64],
}

/// A document with a Data Integrity proof, split into the document it secures and the
/// proof. Reading checks structure only; nothing is trusted yet.
#[derive(Debug, Clone)]
pub struct SecuredDocument {
    /// The document without `proof`.
    pub unsecured: Value,
    /// The one proof.
    pub proof: Proof,
}

impl SecuredDocument {
    /// Splits `document` into the unsecured document and its one proof.
    pub fn read(document: &Value) -> Result<Self, IntegrityError> {
        let mut unsecured = document
            .as_object()
            .ok_or(IntegrityError::NotAnObject)?
            .clone();
        let proof = match unsecured.remove("proof").ok_or(IntegrityError::NoProof)? {
            Value::Object(proof) => proof,
            Value::Array(mut list) if list.len() == 1 => match list.pop() {
                Some(Value::Object(proof)) => proof,
                _ => return Err(IntegrityError::ProofMember("proof")),
            },
            Value::Array(list) if list.len() > 1 => return Err(IntegrityError::ManyProofs),
            _ => return Err(IntegrityError::ProofMember("proof")),
        };
        let text = |name: &'static str| -> Result<String, IntegrityError> {
            proof
                .get(name)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or(IntegrityError::ProofMember(name))
        };
        let proof_type = text("type")?;
        let cryptosuite = text("cryptosuite")?;
        let verification_method = text("verificationMethod")?;
        let purpose = text("proofPurpose")?;
        let created = match proof.get("created") {
            None => None,
            Some(Value::String(s)) => {
                Some(crate::credential::parse_time(s).ok_or(IntegrityError::Created)?)
            }
            Some(_) => return Err(IntegrityError::Created),
        };
        let signature = decode_proof_value(&text("proofValue")?)?;
        if let Some(own) = proof.get("@context") {
            if Some(own) != unsecured.get("@context") {
                return Err(IntegrityError::ProofContext);
            }
        }
        let mut options = proof;
        options.remove("proofValue");
        Ok(Self {
            unsecured: Value::Object(unsecured),
            proof: Proof {
                proof_type,
                cryptosuite,
                verification_method,
                purpose,
                created,
                options,
                signature,
            },
        })
    }

    /// The proof is a `DataIntegrityProof` with the `eddsa-rdfc-2022` cryptosuite and
    /// the `assertionMethod` purpose.
    pub fn check_suite(&self) -> Result<(), IntegrityError> {
        self.check_suite_for(PROOF_PURPOSE)
    }

    /// The proof is a `DataIntegrityProof` with the `eddsa-rdfc-2022` cryptosuite and
    /// the purpose `purpose` (`authentication` for a holder's presentation).
    pub fn check_suite_for(&self, purpose: &'static str) -> Result<(), IntegrityError> {
        let p = &self.proof;
        if p.proof_type != PROOF_TYPE {
            return Err(IntegrityError::ProofType(p.proof_type.clone()));
        }
        if p.cryptosuite != CRYPTOSUITE {
            return Err(IntegrityError::Cryptosuite(p.cryptosuite.clone()));
        }
        if p.purpose != purpose {
            return Err(IntegrityError::Purpose(p.purpose.clone(), purpose));
        }
        Ok(())
    }

    /// A proof option other than the members read into [`Proof`] (`challenge`, `domain`,
    /// `expires`), as the proof states it.
    pub fn option(&self, name: &str) -> Option<&Value> {
        self.proof.options.get(name)
    }

    /// The 64 bytes the signature covers: SHA-256 of the canonical proof configuration,
    /// then SHA-256 of the canonical document.
    pub fn hash_data(&self) -> Result<[u8; 64], IntegrityError> {
        hash_data(&self.unsecured, &self.proof.options)
    }

    /// Whether the proof's signature verifies over `hash_data` with `key`.
    pub fn signature_verifies(&self, hash_data: &[u8; 64], key: &PublicKey) -> bool {
        key.verify(hash_data, &self.proof.signature)
    }
}

/// The proof configuration (the proof options with the document's `@context`) and the
/// document, canonicalized and hashed: `SHA-256(config) || SHA-256(document)`.
fn hash_data(unsecured: &Value, options: &Map<String, Value>) -> Result<[u8; 64], IntegrityError> {
    let mut config = options.clone();
    if let Some(context) = unsecured.get("@context") {
        config.insert("@context".into(), context.clone());
    }
    let config = canonical_nquads(&Value::Object(config))?;
    let document = canonical_nquads(unsecured)?;
    let mut out = [0u8; 64];
    let (first, second) = out.split_at_mut(32);
    first.copy_from_slice(&Sha256::digest(config.as_bytes()));
    second.copy_from_slice(&Sha256::digest(document.as_bytes()));
    Ok(out)
}

fn decode_proof_value(value: &str) -> Result<[u8; 64], IntegrityError> {
    let b58 = value.strip_prefix('z').ok_or(IntegrityError::ProofValue)?;
    if b58.len() > 100 {
        return Err(IntegrityError::ProofValue);
    }
    let bytes = bs58::decode(b58)
        .into_vec()
        .map_err(|_| IntegrityError::ProofValue)?;
    bytes.try_into().map_err(|_| IntegrityError::ProofValue)
}

/// Secures `document` with an `eddsa-rdfc-2022` proof by `key`, whose DID URL is
/// `verification_method`, created at `created`. The document must not already have a
/// proof, and must expand in safe mode with the shipped contexts.
pub fn sign(
    document: &Value,
    key: &SecretKey,
    verification_method: &str,
    created: DateTime<Utc>,
    form: ProofForm,
) -> Result<Value, IntegrityError> {
    sign_for(
        document,
        key,
        verification_method,
        created,
        form,
        (PROOF_PURPOSE, Map::new()),
    )
}

/// Secures a presentation with an `eddsa-rdfc-2022` proof of purpose `authentication`
/// by the holder's `key` (DID URL `verification_method`), bound to the verifier's
/// `challenge` and `domain` (proof options, signed with the rest).
pub fn sign_presentation(
    presentation: &Value,
    key: &SecretKey,
    verification_method: &str,
    created: DateTime<Utc>,
    challenge: &str,
    domain: &str,
) -> Result<Value, IntegrityError> {
    let mut binding = Map::new();
    binding.insert("challenge".into(), challenge.into());
    binding.insert("domain".into(), domain.into());
    sign_for(
        presentation,
        key,
        verification_method,
        created,
        ProofForm::Object,
        ("authentication", binding),
    )
}

fn sign_for(
    document: &Value,
    key: &SecretKey,
    verification_method: &str,
    created: DateTime<Utc>,
    form: ProofForm,
    (purpose, extra): (&str, Map<String, Value>),
) -> Result<Value, IntegrityError> {
    let mut unsecured = document
        .as_object()
        .ok_or(IntegrityError::NotAnObject)?
        .clone();
    if unsecured.contains_key("proof") {
        return Err(IntegrityError::ManyProofs);
    }
    let mut options = Map::new();
    options.insert("type".into(), PROOF_TYPE.into());
    options.insert("cryptosuite".into(), CRYPTOSUITE.into());
    options.insert("created".into(), format_time(created).into());
    options.insert("verificationMethod".into(), verification_method.into());
    options.insert("proofPurpose".into(), purpose.into());
    options.extend(extra);
    let unsecured_value = Value::Object(unsecured.clone());
    let hash = hash_data(&unsecured_value, &options)?;
    let signature = key.sign(&hash);
    options.insert(
        "proofValue".into(),
        format!("z{}", bs58::encode(signature).into_string()).into(),
    );
    let proof = Value::Object(options);
    unsecured.insert(
        "proof".into(),
        match form {
            ProofForm::Object => proof,
            ProofForm::Array => Value::Array(vec![proof]),
        },
    );
    Ok(Value::Object(unsecured))
}

/// Checks `document` as [`crate::sign_document`] does (its envelope, its schema, known
/// framework levels) and secures it with an `eddsa-rdfc-2022` proof by `key` (whose DID
/// URL is `verification_method`) created at `created`: a Data Integrity credential,
/// which the verifier checks with the same ten checks as a `vc+jwt` one.
pub fn sign_credential(
    key: &SecretKey,
    verification_method: &str,
    document: &Value,
    created: DateTime<Utc>,
) -> Result<Value, crate::Error> {
    let checked = crate::credential::CheckedCredential::from_value(document)?;
    checked.check_content(document)?;
    let secured = sign(
        document,
        key,
        verification_method,
        created,
        ProofForm::Object,
    )?;
    let len = serde_json::to_vec(&secured)
        .map(|b| b.len())
        .unwrap_or(usize::MAX);
    if len > MAX_DI_CREDENTIAL_LEN {
        return Err(crate::credential::CredentialError::from(
            crate::credential::Structure::TooLarge(len),
        )
        .into());
    }
    Ok(secured)
}

/// Checks the one proof of `document` against `key`: its suite, then its signature.
pub fn verify(document: &Value, key: &PublicKey) -> Result<SecuredDocument, IntegrityError> {
    let secured = SecuredDocument::read(document)?;
    secured.check_suite()?;
    let hash = secured.hash_data()?;
    if !secured.signature_verifies(&hash, key) {
        return Err(IntegrityError::Signature);
    }
    Ok(secured)
}
