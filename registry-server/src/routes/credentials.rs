//! Stored credentials: an accredited issuer publishes (one or a batch), verified before
//! storing; only the issuer, the holder or a grantee of the holder reads one. Nothing here
//! lists or searches credentials.

use std::collections::{HashMap, HashSet};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use credential_core::audit::credential_subject;
use credential_core::jws::{UnverifiedJws, MAX_JWS_LEN};
use credential_core::status::{check_published_list, parse_status_list_credential};
use credential_core::trust::MAX_STATUS_LIST_JWS_LEN;
use credential_core::{
    BundleBuilder, CheckId, CheckedCredential, Outcome, PublicKey, TrustAnchor, Verifier,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::signing_issuer;
use crate::auth::{Signed, SignedEmpty};
use crate::error::{AppError, ErrorBody};
use crate::ledger::{get_json, Change};
use crate::model::{CredentialRecord, Grant, IssuerRecord, StatusListRecord};
use crate::store::Tree;
use crate::AppState;

/// Most credentials in one publish request.
pub const MAX_BATCH: usize = 1000;
/// Longest grant.
const MAX_GRANT_DAYS: i64 = 366;

/// `POST /credentials` body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Publish {
    /// Compact JWS credentials (one or many).
    #[serde(default)]
    pub credentials: Vec<String>,
    /// Issuer-signed status list credentials the credentials' entries name, uploaded the
    /// first time (a list already stored must be changed through the status endpoint).
    #[serde(default)]
    pub status_lists: Vec<String>,
}

/// `POST /credentials` answer.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Published {
    /// Ids of the credentials now stored (including ones already stored identically).
    pub published: Vec<String>,
    /// Ids of status lists stored for the first time.
    pub status_lists: Vec<String>,
}

/// A stored credential, for its issuer, holder or grantee.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StoredCredential {
    /// Credential id.
    pub id: String,
    /// Issuer DID.
    pub issuer: String,
    /// The compact JWS.
    pub jws: String,
    /// When it was published.
    pub published_at: DateTime<Utc>,
}

/// `POST /credentials/{id}/grants` body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateGrant {
    /// The verifier's `did:key`.
    pub grantee: String,
    /// Until when it may read the credential.
    pub expires_at: DateTime<Utc>,
}

/// The status-list record key: issuer DID, 0x00, purpose.
pub(crate) fn list_key(issuer: &str, purpose: &str) -> Vec<u8> {
    let mut k = issuer.as_bytes().to_vec();
    k.push(0);
    k.extend_from_slice(purpose.as_bytes());
    k
}

/// Checks a status list JWS is signed by `issuer`'s current key and names `issuer`;
/// returns the record to store.
pub(crate) fn check_status_list(
    issuer: &IssuerRecord,
    jws: &str,
    now: DateTime<Utc>,
) -> Result<(StatusListRecord, serde_json::Value), AppError> {
    let bad = |why: String| AppError::unprocessable("invalid_status_list", why);
    let parsed =
        UnverifiedJws::parse(jws, MAX_STATUS_LIST_JWS_LEN).map_err(|e| bad(e.to_string()))?;
    let key = issuer
        .current_key()
        .ok_or_else(|| AppError::internal("issuer without a current key"))?;
    if parsed.header().kid.as_deref() != Some(key.id.as_str()) {
        return Err(bad(
            "the status list must be signed by the issuer's current key".into(),
        ));
    }
    let public = PublicKey::from_did(&key.id).map_err(AppError::internal)?;
    if !parsed.verify_with(&public) {
        return Err(bad("the status list signature does not verify".into()));
    }
    let value =
        credential_core::json::parse_strict(parsed.payload()).map_err(|e| bad(e.to_string()))?;
    // Only the claims a status list needs: anything else would be published to everyone.
    let list = check_published_list(&value, now).map_err(|e| bad(e.to_string()))?;
    if list.issuer != issuer.id {
        return Err(bad("the status list names another issuer".into()));
    }
    Ok((
        StatusListRecord {
            issuer: issuer.id.clone(),
            purpose: list.purpose.as_str().to_owned(),
            id: list.id.clone(),
            jws: jws.to_owned(),
            updated_at: now,
        },
        value,
    ))
}

/// Reads a credential's envelope (no cryptography).
pub(crate) fn envelope(jws: &str) -> Result<CheckedCredential, AppError> {
    let bad = |why: String| AppError::unprocessable("invalid_credential", why);
    let parsed = UnverifiedJws::parse(jws.trim(), MAX_JWS_LEN).map_err(|e| bad(e.to_string()))?;
    let doc =
        credential_core::json::parse_strict(parsed.payload()).map_err(|e| bad(e.to_string()))?;
    CheckedCredential::from_value(&doc).map_err(|e| bad(e.to_string()))
}

/// POST /credentials — an accredited issuer publishes credentials (and, the first time,
/// its signed status lists). Each is verified as an offline verifier would — well-formed,
/// EdDSA, this issuer's, in its scope at issuance, key valid, signature, schema — and the
/// whole batch is refused if one fails.
#[utoipa::path(post, path = "/credentials", tag = "credentials", request_body = Publish,
    responses((status = 201, body = Published), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn publish(
    State(state): State<AppState>,
    req: Signed<Publish>,
) -> Result<(StatusCode, Json<Published>), AppError> {
    let body = req.body;
    if body.credentials.is_empty() && body.status_lists.is_empty() {
        return Err(AppError::unprocessable(
            "nothing_to_publish",
            "no credentials or status lists given",
        ));
    }
    if body.credentials.len() > MAX_BATCH {
        return Err(AppError::unprocessable(
            "batch_too_large",
            format!("at most {MAX_BATCH} credentials per request"),
        ));
    }
    let _guard = state.write_lock().await;
    let issuer = signing_issuer(&state, &req.signer)?;
    let now = state.now();
    let standing = issuer.standing(now);
    if standing != "active" {
        return Err(AppError::forbidden(
            "issuer_not_accredited",
            format!("this issuer is {standing}, not accredited now: it cannot publish"),
        ));
    }
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);

    // Status lists: stored ones, plus first uploads.
    let mut lists: HashMap<Vec<u8>, StatusListRecord> = HashMap::new();
    for purpose in ["revocation", "suspension"] {
        let key = list_key(&issuer.id, purpose);
        if let Some(r) = get_json::<StatusListRecord>(&state, Tree::IssuerpurposeStatuslist, &key)?
        {
            lists.insert(key, r);
        }
    }
    let mut new_lists = Vec::new();
    for jws in &body.status_lists {
        let (record, _) = check_status_list(&issuer, jws.trim(), now)?;
        let key = list_key(&issuer.id, &record.purpose);
        match lists.get(&key) {
            Some(old) if old.jws == record.jws => {}
            Some(old) if old.id == record.id && same_bits(old, &record)? => {}
            Some(_) => {
                return Err(AppError::conflict(
                    "status_list_exists",
                    format!(
                        "a {} list is already stored for this issuer; change a status with POST /credentials/{{id}}/status",
                        record.purpose
                    ),
                ))
            }
            None => {
                change.put_json(Tree::IssuerpurposeStatuslist, key.clone(), &record)?;
                change.log("status_list_published", &req.signer.did, &record.id);
                new_lists.push(record.id.clone());
                lists.insert(key, record);
            }
        }
    }

    // Verify the credentials against a bundle of just this issuer, as a verifier would.
    let entry = issuer
        .bundle_entry()
        .ok_or_else(|| AppError::internal("active issuer without accreditation"))?;
    let mut builder =
        BundleBuilder::new(&state.operator().public(), 0, now, now + Duration::hours(1))
            .issuer(entry);
    for list in lists.values() {
        builder = builder.status_list(list.jws.clone());
    }
    let signed = builder.sign(state.operator()).map_err(AppError::internal)?;
    let anchor = TrustAnchor::from_did(state.operator_did()).map_err(AppError::internal)?;
    let bundle = anchor
        .verify_bundle(&signed, None)
        .map_err(AppError::internal)?;
    let texts: Vec<&str> = body.credentials.iter().map(|c| c.trim()).collect();
    let reports = Verifier::new(&bundle, now).verify_many(&texts);
    let mut seen = HashSet::new();
    let mut published = Vec::new();
    for (n, (jws, report)) in texts.iter().zip(&reports).enumerate() {
        let which = format!("credential {}", n + 1);
        if let Some(c) = &report.credential {
            if c.issuer != issuer.id {
                return Err(AppError::forbidden(
                    "forbidden",
                    format!(
                        "{which} is issued by {}, not by the signer of this request",
                        c.issuer
                    ),
                ));
            }
        }
        for id in [
            CheckId::WellFormed,
            CheckId::Algorithm,
            CheckId::IssuerAccredited,
            CheckId::KeyValid,
            CheckId::Signature,
            CheckId::Schema,
        ] {
            if let Some(check) = report.check(id).filter(|c| c.outcome != Outcome::Pass) {
                return Err(if id == CheckId::IssuerAccredited {
                    AppError::forbidden("out_of_scope", format!("{which}: {}", check.detail))
                } else {
                    AppError::unprocessable(
                        "invalid_credential",
                        format!("{which}: {id} failed: {}", check.detail),
                    )
                });
            }
        }
        if report
            .check(CheckId::Status)
            .is_some_and(|c| c.outcome == Outcome::Indeterminate)
        {
            return Err(AppError::unprocessable(
                "unknown_status_list",
                format!("{which} names a status list the registry does not have; include it in statusLists"),
            ));
        }
        let checked = envelope(jws)?;
        if !seen.insert(checked.id.clone()) {
            return Err(AppError::unprocessable(
                "duplicate_credential",
                format!("{which} repeats an id in this batch"),
            ));
        }
        match get_json::<CredentialRecord>(
            &state,
            Tree::CredentialidCredential,
            checked.id.as_bytes(),
        )? {
            Some(old) if old.jws == *jws => {}
            Some(_) => {
                return Err(AppError::conflict(
                    "credential_exists",
                    format!("{which}: another credential with this id is already stored"),
                ))
            }
            None => {
                let record = CredentialRecord {
                    id: checked.id.clone(),
                    issuer: issuer.id.clone(),
                    holder: checked.subject_id.clone(),
                    jws: (*jws).to_owned(),
                    published_at: now,
                };
                change.put_json(Tree::CredentialidCredential, checked.id.as_bytes(), &record)?;
                change.log(
                    "credential_published",
                    &req.signer.did,
                    &credential_subject(&checked.id),
                );
            }
        }
        published.push(checked.id);
    }
    if !new_lists.is_empty() {
        change.rebuild_bundle();
    }
    state.commit(change).await?;
    tracing::info!(count = published.len(), "credentials published");
    Ok((
        StatusCode::CREATED,
        Json(Published {
            published,
            status_lists: new_lists,
        }),
    ))
}

fn same_bits(a: &StatusListRecord, b: &StatusListRecord) -> Result<bool, AppError> {
    let bits = |r: &StatusListRecord| -> Option<Vec<u8>> {
        let parsed = UnverifiedJws::parse(&r.jws, MAX_STATUS_LIST_JWS_LEN).ok()?;
        let value = credential_core::json::parse_strict(parsed.payload()).ok()?;
        let list = parse_status_list_credential(&value).ok()?;
        Some(list.bits.as_bytes().to_vec())
    };
    Ok(bits(a).is_some() && bits(a) == bits(b))
}

/// The stored credential, or 404 `unknown_credential`.
pub(crate) fn load_credential(state: &AppState, id: &str) -> Result<CredentialRecord, AppError> {
    get_json(state, Tree::CredentialidCredential, id.as_bytes())?.ok_or_else(|| {
        AppError::not_found("unknown_credential", "no credential with this id is stored")
    })
}

fn grants_of(state: &AppState, credential: &str) -> Result<Vec<Grant>, AppError> {
    let mut prefix = credential.as_bytes().to_vec();
    prefix.push(0);
    let mut out = Vec::new();
    for (k, _) in state
        .store()
        .scan(Tree::CredentialidgrantidEmpty, &prefix, b"", 10_000)?
    {
        let id = k.get(prefix.len()..).unwrap_or_default();
        if let Some(g) = get_json::<Grant>(state, Tree::GrantidGrant, id)? {
            out.push(g);
        }
    }
    Ok(out)
}

/// GET /credentials/{id} — a stored credential, for its issuer (any of its keys), its
/// holder (the DID in `credentialSubject.id`) or a grantee with a live grant. Signed.
#[utoipa::path(get, path = "/credentials/{id}", tag = "credentials",
    params(("id" = String, Path, description = "The credential id (urn:uuid:…)")),
    responses((status = 200, body = StoredCredential), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: SignedEmpty,
) -> Result<Json<StoredCredential>, AppError> {
    let record = load_credential(&state, &id)?;
    let signer = &req.signer.did;
    let issuer_of_key = state
        .store()
        .get(Tree::KeydidIssuerdid, signer.as_bytes())?
        .and_then(|v| String::from_utf8(v).ok());
    let allowed = issuer_of_key.as_deref() == Some(record.issuer.as_str())
        || record.holder.as_deref() == Some(signer.as_str());
    if !allowed {
        let now = state.now();
        let mine: Vec<Grant> = grants_of(&state, &id)?
            .into_iter()
            .filter(|g| &g.grantee == signer)
            .collect();
        if mine.is_empty() {
            return Err(AppError::forbidden(
                "forbidden",
                "only the credential's issuer, its holder or a grantee may read it",
            ));
        }
        if !mine
            .iter()
            .any(|g| g.revoked_at.is_none() && g.expires_at > now)
        {
            return Err(if mine.iter().any(|g| g.revoked_at.is_none()) {
                AppError::forbidden("grant_expired", "the holder's grant to you has expired")
            } else {
                AppError::forbidden("grant_revoked", "the holder revoked the grant to you")
            });
        }
    }
    let _guard = state.write_lock().await;
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    state.commit(change).await?;
    Ok(Json(StoredCredential {
        id: record.id,
        issuer: record.issuer,
        jws: record.jws,
        published_at: record.published_at,
    }))
}

/// POST /credentials/{id}/grants — the holder lets one verifier read this credential until
/// an expiry.
#[utoipa::path(post, path = "/credentials/{id}/grants", tag = "credentials", request_body = CreateGrant,
    params(("id" = String, Path, description = "The credential id")),
    responses((status = 201, body = Grant), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn grant(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Signed<CreateGrant>,
) -> Result<(StatusCode, Json<Grant>), AppError> {
    let record = load_credential(&state, &id)?;
    if record.holder.as_deref() != Some(req.signer.did.as_str()) {
        return Err(AppError::forbidden(
            "forbidden",
            "only the credential's holder may grant access to it",
        ));
    }
    PublicKey::from_did(&req.body.grantee)
        .map_err(|_| AppError::unprocessable("invalid_grantee", "the grantee must be a did:key"))?;
    let now = state.now();
    if req.body.expires_at <= now || req.body.expires_at > now + Duration::days(MAX_GRANT_DAYS) {
        return Err(AppError::unprocessable(
            "invalid_expiry",
            format!("expiresAt must be in the future and within {MAX_GRANT_DAYS} days"),
        ));
    }
    let grant = Grant {
        id: format!("urn:uuid:{}", uuid::Uuid::new_v4()),
        credential: id.clone(),
        grantee: req.body.grantee,
        expires_at: req.body.expires_at,
        created_at: now,
        revoked_at: None,
    };
    let mut index = id.as_bytes().to_vec();
    index.push(0);
    index.extend_from_slice(grant.id.as_bytes());
    let _guard = state.write_lock().await;
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_json(Tree::GrantidGrant, grant.id.as_bytes(), &grant)?;
    change.put(Tree::CredentialidgrantidEmpty, index, Vec::new());
    state.commit(change).await?;
    Ok((StatusCode::CREATED, Json(grant)))
}

/// DELETE /credentials/{id}/grants/{grant} — the holder revokes a grant.
#[utoipa::path(delete, path = "/credentials/{id}/grants/{grant}", tag = "credentials",
    params(("id" = String, Path, description = "The credential id"), ("grant" = String, Path, description = "The grant id")),
    responses((status = 200, body = Grant), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke_grant(
    State(state): State<AppState>,
    Path((id, grant_id)): Path<(String, String)>,
    req: SignedEmpty,
) -> Result<Json<Grant>, AppError> {
    let record = load_credential(&state, &id)?;
    if record.holder.as_deref() != Some(req.signer.did.as_str()) {
        return Err(AppError::forbidden(
            "forbidden",
            "only the credential's holder may revoke its grants",
        ));
    }
    let _guard = state.write_lock().await;
    let mut grant: Grant = get_json(&state, Tree::GrantidGrant, grant_id.as_bytes())?
        .filter(|g: &Grant| g.credential == id)
        .ok_or_else(|| AppError::not_found("unknown_grant", "no such grant for this credential"))?;
    if grant.revoked_at.is_none() {
        grant.revoked_at = Some(state.now());
    }
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_json(Tree::GrantidGrant, grant.id.as_bytes(), &grant)?;
    state.commit(change).await?;
    Ok(Json(grant))
}
