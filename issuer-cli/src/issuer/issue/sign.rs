//! Signing one credential, for `issue --claims` and for each row of a batch: the document
//! built from the claims and checked against its schema, status entries taken from the
//! issuer's status list file, then signed as `vc+jwt` or as an SD-JWT.

use anyhow::{Context as _, Result};
use credential_core::sdjwt_vc::vct_for;
use credential_core::status::StatusPurpose;
use credential_core::{build_document, sign_document, CheckedCredential, IssueOptions, SecretKey};
use serde_json::Value;

use crate::issuer::status::StatusFile;

/// The format a credential is issued in.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Format<'a> {
    /// `vc+jwt`.
    Vc,
    /// W3C `vc+sd-jwt`, with these claims also selectively disclosable.
    W3cSd(&'a [String]),
    /// IETF SD-JWT VC `dc+sd-jwt`, its type's `vct` under `vct_base`.
    IetfSd {
        /// Claims also selectively disclosable.
        sd: &'a [String],
        /// The registry URL the `vct` is under.
        vct_base: &'a str,
    },
}

/// Signs one credential from `claims` in `format`, taking its status entries from
/// `lists`; answers the compact credential and its id.
pub(crate) fn issue_one(
    key: &SecretKey,
    claims: &Value,
    options: &mut IssueOptions,
    lists: Option<&mut StatusFile>,
    format: Format<'_>,
) -> Result<(String, String)> {
    let public = key.public();
    options.status = match lists {
        // After a key rotation the issuer is named with --issuer, not the key's DID.
        Some(lists) => lists.allocate(options.issuer.as_deref().unwrap_or(&public.did()))?,
        None => Vec::new(),
    };
    if matches!(format, Format::IetfSd { .. }) {
        // A 1-bit Token Status List says revoked or not: the suspension entry stays unused.
        options
            .status
            .retain(|e| e.status_purpose == StatusPurpose::Revocation);
    }
    let doc = build_document(claims, &public.did(), options)?;
    let jws = match format {
        Format::Vc => sign_document(key, &public.did_url(), &doc)?,
        Format::W3cSd(sd) => credential_core::sdjwt::issue(key, &public.did_url(), &doc, sd)?,
        Format::IetfSd { sd, vct_base } => {
            let kind = CheckedCredential::from_value(&doc)?.kind;
            let vct = vct_for(vct_base, kind);
            credential_core::sdjwt::issue_dc(key, &public.did_url(), &doc, sd, &vct)
                .context("cannot issue the SD-JWT VC")?
        }
    };
    let id = doc
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    Ok((jws, id))
}
