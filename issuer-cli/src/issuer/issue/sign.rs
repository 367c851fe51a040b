//! Signing one credential, for `issue --claims` and for each row of a batch: the document
//! built from the claims and checked against its schema, status entries taken from the
//! issuer's status list file, then signed as `vc+jwt` or as an SD-JWT.

use anyhow::Result;
use credential_core::{build_document, sign_document, IssueOptions, SecretKey};
use serde_json::Value;

use crate::issuer::status::StatusFile;

/// Signs one credential from `claims` (as `vc+jwt`, or as an SD-JWT with the claims of
/// `sd_jwt` also selectively disclosable), taking its status entries from `lists`; answers
/// the compact credential and its id.
pub(super) fn issue_one(
    key: &SecretKey,
    claims: &Value,
    options: &mut IssueOptions,
    lists: Option<&mut StatusFile>,
    sd_jwt: Option<&[String]>,
) -> Result<(String, String)> {
    let public = key.public();
    options.status = match lists {
        // After a key rotation the issuer is named with --issuer, not the key's DID.
        Some(lists) => lists.allocate(options.issuer.as_deref().unwrap_or(&public.did()))?,
        None => Vec::new(),
    };
    let doc = build_document(claims, &public.did(), options)?;
    let jws = match sd_jwt {
        None => sign_document(key, &public.did_url(), &doc)?,
        Some(sd) => credential_core::sdjwt::issue(key, &public.did_url(), &doc, sd)?,
    };
    let id = doc
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    Ok((jws, id))
}
