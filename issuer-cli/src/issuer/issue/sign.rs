//! Signing one credential, for `issue --claims` and for each row of a batch: the document
//! built from the claims and checked against its schema, status entries taken from the
//! issuer's status list file, then signed as `vc+jwt`, as an SD-JWT, or with an embedded
//! Data Integrity proof.

use anyhow::{Context as _, Result};
use credential_core::sdjwt_vc::vct_for;
use credential_core::status::StatusPurpose;
use credential_core::{
    build_document, integrity, sign_document, CheckedCredential, IssueOptions, SecretKey,
};
use serde_json::Value;

use crate::issuer::status::StatusFile;

/// How one credential is secured.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Securing<'a> {
    /// A compact JWS, `vc+jwt`.
    Jose,
    /// A W3C `vc+sd-jwt` with these claims also selectively disclosable.
    SdJwt(&'a [String]),
    /// An IETF SD-JWT VC `dc+sd-jwt`, its type's `vct` under `vct_base`.
    IetfSd {
        /// Claims also selectively disclosable.
        sd: &'a [String],
        /// The registry URL the `vct` is under.
        vct_base: &'a str,
    },
    /// JSON with an `eddsa-rdfc-2022` Data Integrity proof.
    DataIntegrity,
}

impl Securing<'_> {
    /// The file name extension of a credential secured this way.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Self::Jose | Self::SdJwt(_) | Self::IetfSd { .. } => "jwt",
            Self::DataIntegrity => "json",
        }
    }
}

/// Signs one credential from `claims` as `securing` says, taking its status entries from
/// `lists`; answers the credential as text (a compact JWS or SD-JWT, or pretty JSON) and
/// its id.
pub(crate) fn issue_one(
    key: &SecretKey,
    claims: &Value,
    options: &mut IssueOptions,
    lists: Option<&mut StatusFile>,
    securing: Securing<'_>,
) -> Result<(String, String)> {
    let public = key.public();
    options.status = match lists {
        // After a key rotation the issuer is named with --issuer, not the key's DID.
        Some(lists) => lists.allocate(options.issuer.as_deref().unwrap_or(&public.did()))?,
        None => Vec::new(),
    };
    if matches!(securing, Securing::IetfSd { .. }) {
        // A 1-bit Token Status List says revoked or not: the suspension entry stays unused.
        options
            .status
            .retain(|e| e.status_purpose == StatusPurpose::Revocation);
    }
    let doc = build_document(claims, &public.did(), options)?;
    let credential = match securing {
        Securing::Jose => sign_document(key, &public.did_url(), &doc)?,
        Securing::SdJwt(sd) => credential_core::sdjwt::issue(key, &public.did_url(), &doc, sd)?,
        Securing::IetfSd { sd, vct_base } => {
            let kind = CheckedCredential::from_value(&doc)?.kind;
            let vct = vct_for(vct_base, kind);
            credential_core::sdjwt::issue_dc(key, &public.did_url(), &doc, sd, &vct)
                .context("cannot issue the SD-JWT VC")?
        }
        Securing::DataIntegrity => {
            let secured =
                integrity::sign_credential(key, &public.did_url(), &doc, options.issued_at)?;
            serde_json::to_string_pretty(&secured)?
        }
    };
    let id = doc
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    Ok((credential, id))
}
