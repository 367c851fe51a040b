//! Every kind of signed document Skillpass exchanges, each declared once: its `typ`, its
//! size limit, where its key comes from, and what its payload decodes into.
//!
//! | kind | `typ` | limit | key |
//! |---|---|---|---|
//! | [`CredentialJwt`] | `vc+jwt` | 64 KiB | the issuer's, from the bundle |
//! | [`SdJwtIssuerJwt`] | `vc+sd-jwt` | 64 KiB | the issuer's, from the bundle |
//! | [`DcSdJwtIssuerJwt`] | `dc+sd-jwt` | 64 KiB | the issuer's, from the bundle |
//! | [`StatusListJwt`] | `vc+jwt` (not required) | 8 MiB | the issuer's, from the bundle |
//! | [`UploadedStatusListJwt`] | `vc+jwt` (not required) | 8 MiB | the issuer's current key, given |
//! | [`DecisionJwt`] | `skillpass-decision+jwt` | 64 KiB | the authority's did:key |
//! | [`BundleJwt`] | `skillpass-bundle+jwt` | 64 MiB | the pinned anchor |
//! | [`PresentationJwt`] | `vp+jwt` | ~1.4 MiB | the holder's did:key |
//! | [`KeyBindingJwt`] | `kb+jwt` | 4 KiB | the `cnf` key the credential binds |
//! | [`RequestJwt`] | `skillpass-request+jwt` | 4 KiB | the signer's did:key |
//! | [`KeyProofJwt`] | `skillpass-key-proof+jwt` | 4 KiB | the new key being proved |

use std::convert::Infallible;

use serde_json::Value;

use super::kind::{KeyRule, Kind};
use crate::credential::{CheckedCredential, CredentialError, TYP_VC};
use crate::equivalence::RecognitionDecision;
use crate::jws::MAX_JWS_LEN;
use crate::presentation::shape::MAX_CREDENTIALS;
use crate::request::claims::{
    KeyProofClaims, RequestClaims, MAX_KEY_PROOF_LEN, MAX_REQUEST_JWS_LEN, TYP_KEY_PROOF,
    TYP_REQUEST,
};
use crate::status::{parse_status_list_credential, ParsedStatusList, StatusError};
use crate::trust::model::{
    TrustBundle, MAX_BUNDLE_LEN, MAX_DECISION_JWS_LEN, MAX_STATUS_LIST_JWS_LEN, TYP_BUNDLE,
    TYP_DECISION, TYP_STATUS_LIST,
};

/// A credential secured as a compact JWS (VC-JOSE-COSE). Its payload decodes into the
/// envelope; the credential verifier reads it step by step to report every check.
#[derive(Debug, Clone, Copy)]
pub struct CredentialJwt;

impl Kind for CredentialJwt {
    const TYP: &'static str = TYP_VC;
    const MAX_LEN: usize = MAX_JWS_LEN;
    const KEY: KeyRule = KeyRule::Bundle;
    type Payload = CheckedCredential;
    type DecodeError = CredentialError;
    fn decode(value: Value) -> Result<CheckedCredential, CredentialError> {
        CheckedCredential::from_value(&value)
    }
}

/// The issuer-signed JWS of an SD-JWT credential: the payload holds digests in place of
/// the selectively disclosable claims, so it stays JSON until disclosures are put back.
#[derive(Debug, Clone, Copy)]
pub struct SdJwtIssuerJwt;

impl Kind for SdJwtIssuerJwt {
    const TYP: &'static str = "vc+sd-jwt";
    const MAX_LEN: usize = MAX_JWS_LEN;
    const KEY: KeyRule = KeyRule::Bundle;
    type Payload = Value;
    type DecodeError = Infallible;
    fn decode(value: Value) -> Result<Value, Infallible> {
        Ok(value)
    }
}

/// The issuer-signed JWS of an IETF SD-JWT VC (`dc+sd-jwt`): JSON until disclosures are
/// put back and the payload is mapped to the VC 2.0 document it stands for.
#[derive(Debug, Clone, Copy)]
pub struct DcSdJwtIssuerJwt;

impl Kind for DcSdJwtIssuerJwt {
    const TYP: &'static str = "dc+sd-jwt";
    const MAX_LEN: usize = MAX_JWS_LEN;
    const KEY: KeyRule = KeyRule::Bundle;
    type Payload = Value;
    type DecodeError = Infallible;
    fn decode(value: Value) -> Result<Value, Infallible> {
        Ok(value)
    }
}

/// An issuer-signed Bitstring Status List credential, carried in a bundle.
#[derive(Debug, Clone, Copy)]
pub struct StatusListJwt;

impl Kind for StatusListJwt {
    const TYP: &'static str = TYP_STATUS_LIST;
    const MAX_LEN: usize = MAX_STATUS_LIST_JWS_LEN;
    const KEY: KeyRule = KeyRule::Bundle;
    type Payload = ParsedStatusList;
    type DecodeError = StatusError;
    fn decode(value: Value) -> Result<ParsedStatusList, StatusError> {
        parse_status_list_credential(&value)
    }
    /// Status lists are known by their content (`BitstringStatusListCredential`); bundles
    /// have always accepted them whatever their header `typ`, and still do.
    fn typ_ok(_typ: Option<&str>) -> bool {
        true
    }
}

/// An issuer-signed status list as an issuer uploads it to a registry: checked with the
/// issuer's current key, its payload kept as JSON for the registry's publish rules
/// ([`check_published_list`](crate::status::check_published_list) and
/// [`check_list_update`](crate::status::check_list_update)), which read every member.
#[derive(Debug, Clone, Copy)]
pub struct UploadedStatusListJwt;

impl Kind for UploadedStatusListJwt {
    const TYP: &'static str = TYP_STATUS_LIST;
    const MAX_LEN: usize = MAX_STATUS_LIST_JWS_LEN;
    const KEY: KeyRule = KeyRule::Given;
    type Payload = Value;
    type DecodeError = Infallible;
    fn decode(value: Value) -> Result<Value, Infallible> {
        Ok(value)
    }
    fn typ_ok(typ: Option<&str>) -> bool {
        StatusListJwt::typ_ok(typ)
    }
}

/// A recognition decision as its authority signed it.
#[derive(Debug, Clone, Copy)]
pub struct DecisionJwt;

impl Kind for DecisionJwt {
    const TYP: &'static str = TYP_DECISION;
    const MAX_LEN: usize = MAX_DECISION_JWS_LEN;
    const KEY: KeyRule = KeyRule::KidDidKey;
    type Payload = RecognitionDecision;
    type DecodeError = serde_json::Error;
    fn decode(value: Value) -> Result<RecognitionDecision, serde_json::Error> {
        serde_json::from_value(value)
    }
}

/// A trust bundle as the operator signed it.
#[derive(Debug, Clone, Copy)]
pub struct BundleJwt;

impl Kind for BundleJwt {
    const TYP: &'static str = TYP_BUNDLE;
    const MAX_LEN: usize = MAX_BUNDLE_LEN;
    const KEY: KeyRule = KeyRule::Anchor;
    type Payload = TrustBundle;
    type DecodeError = serde_json::Error;
    fn decode(value: Value) -> Result<TrustBundle, serde_json::Error> {
        serde_json::from_value(value)
    }
}

/// A holder's presentation (VC-JOSE-COSE `vp+jwt`); the presentation verifier reads its
/// payload step by step.
#[derive(Debug, Clone, Copy)]
pub struct PresentationJwt;

impl Kind for PresentationJwt {
    const TYP: &'static str = "vp+jwt";
    /// Room for `MAX_CREDENTIALS` (16) full-size credentials, each base64url-encoded once
    /// more inside the presentation's payload, and the presentation's own members.
    const MAX_LEN: usize = (MAX_CREDENTIALS * MAX_JWS_LEN) * 4 / 3 + 16 * 1024;
    const KEY: KeyRule = KeyRule::KidDidKey;
    type Payload = Value;
    type DecodeError = Infallible;
    fn decode(value: Value) -> Result<Value, Infallible> {
        Ok(value)
    }
}

/// The key-binding JWT that ends an SD-JWT presentation (RFC 9901).
#[derive(Debug, Clone, Copy)]
pub struct KeyBindingJwt;

impl Kind for KeyBindingJwt {
    const TYP: &'static str = "kb+jwt";
    const MAX_LEN: usize = 4096;
    const KEY: KeyRule = KeyRule::Given;
    type Payload = Value;
    type DecodeError = Infallible;
    fn decode(value: Value) -> Result<Value, Infallible> {
        Ok(value)
    }
}

/// A signed HTTP request to the registry (`Authorization: Skillpass …`).
#[derive(Debug, Clone, Copy)]
pub struct RequestJwt;

impl Kind for RequestJwt {
    const TYP: &'static str = TYP_REQUEST;
    const MAX_LEN: usize = MAX_REQUEST_JWS_LEN;
    const KEY: KeyRule = KeyRule::KidDidKey;
    type Payload = RequestClaims;
    type DecodeError = serde_json::Error;
    fn decode(value: Value) -> Result<RequestClaims, serde_json::Error> {
        serde_json::from_value(value)
    }
}

/// A new issuer key's proof of possession when the issuer rotates to it.
#[derive(Debug, Clone, Copy)]
pub struct KeyProofJwt;

impl Kind for KeyProofJwt {
    const TYP: &'static str = TYP_KEY_PROOF;
    const MAX_LEN: usize = MAX_KEY_PROOF_LEN;
    const KEY: KeyRule = KeyRule::Given;
    type Payload = KeyProofClaims;
    type DecodeError = serde_json::Error;
    fn decode(value: Value) -> Result<KeyProofClaims, serde_json::Error> {
        serde_json::from_value(value)
    }
}
