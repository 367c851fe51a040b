//! Stored credentials: an accredited issuer publishes (one or a batch), verified before
//! storing; only the issuer, the holder or a grantee of the holder reads one, and the
//! holder grants and revokes access. Nothing here lists or searches credentials.

use std::collections::{HashMap, HashSet};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use credential_core::audit::credential_subject;
use credential_core::i18n::Msg;
use credential_core::{CheckedCredential, PublicKey};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::{
    may_read_credential, require_holder, signed_with_current_key, signing_issuer, Signed,
    SignedEmpty,
};
use crate::bounds::{
    self, Bounded, MAX_BATCH, MAX_CREDENTIAL_JWS, MAX_DID, MAX_STATUS_LISTS, MAX_STATUS_LIST_JWS,
};
use crate::documents::{
    attach_token, envelope, open_status_list, same_bits, token_list_uri, PublishCheck,
};
use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::ledger::Change;
use crate::records::{CredentialRecord, Grant, Standing, StatusListRecord};
use crate::state::AppState;

/// Longest grant, in days.
const MAX_GRANT_DAYS: i64 = 366;
/// The purposes an issuer keeps a status list for.
const PURPOSES: [&str; 2] = ["revocation", "suspension"];

fn batch_too_large() -> AppError {
    AppError::said(
        ErrorCode::BatchTooLarge,
        Msg::new("reg-batch-max").arg("max", MAX_BATCH.to_string()),
    )
}

/// `POST /credentials` body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Publish {
    /// Credentials (one or many): compact JWS (`vc+jwt`), or JSON credentials with an
    /// embedded Data Integrity proof (`eddsa-rdfc-2022`), each as a string.
    #[serde(default)]
    pub credentials: Vec<String>,
    /// Issuer-signed status list credentials the credentials' entries name, uploaded the
    /// first time (a list already stored must be changed through the status endpoint).
    #[serde(default)]
    pub status_lists: Vec<String>,
    /// Issuer-signed IETF Token Status Lists (`statuslist+jwt`) over the same bits as the
    /// issuer's revocation list (stored or sent here), for `dc+sd-jwt` credentials; one sent
    /// again with a later expiry replaces the stored one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub token_status_lists: Vec<String>,
}

impl Bounded for Publish {
    fn bound(&mut self) -> Result<(), AppError> {
        if self.credentials.len() > MAX_BATCH {
            return Err(batch_too_large());
        }
        self.credentials
            .iter()
            .try_for_each(|c| bounds::token("credentials item", c, MAX_CREDENTIAL_JWS))?;
        bounds::list("statusLists", &self.status_lists, MAX_STATUS_LISTS)?;
        self.status_lists
            .iter()
            .try_for_each(|l| bounds::token("statusLists item", l, MAX_STATUS_LIST_JWS))?;
        bounds::list(
            "tokenStatusLists",
            &self.token_status_lists,
            MAX_STATUS_LISTS,
        )?;
        self.token_status_lists
            .iter()
            .try_for_each(|l| bounds::token("tokenStatusLists item", l, MAX_STATUS_LIST_JWS))
    }
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
    /// The credential's id.
    pub id: String,
    /// The DID of the issuer that published it.
    pub issuer: String,
    /// The credential exactly as the issuer published it: a compact JWS, or the JSON text
    /// of a Data Integrity credential (the member keeps its first name).
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

impl Bounded for CreateGrant {
    fn bound(&mut self) -> Result<(), AppError> {
        bounds::token("grantee", &self.grantee, MAX_DID)
    }
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
    if body.credentials.is_empty()
        && body.status_lists.is_empty()
        && body.token_status_lists.is_empty()
    {
        return Err(AppError::said(
            ErrorCode::NothingToPublish,
            Msg::new("reg-nothing-given"),
        ));
    }
    if body.credentials.len() > MAX_BATCH {
        return Err(batch_too_large());
    }
    let now = state.now();
    let texts: Vec<&str> = body.credentials.iter().map(|c| c.trim()).collect();
    // The expensive part, each credential's signature and schema, is checked before the
    // writer lock, so concurrent publishes verify on every core; under the lock the plan
    // is made again from the records as they are then (cheap reads), and the reports are
    // reused only when the issuer and its status lists are still exactly as checked.
    let early = Plan::make(&state, &req.signer, &body, now)?;
    let early_check = early.check(&state, now)?;
    let early_reports = early_check.verify_many(&texts);
    // Each credential's id (its refusal, if any, is reported in order below).
    let envelopes: Vec<Result<CheckedCredential, AppError>> =
        texts.iter().map(|jws| envelope(jws)).collect();
    let ids: Vec<String> = envelopes
        .iter()
        .filter_map(|e| e.as_ref().ok().map(|c| c.id.clone()))
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let guard = state.write_lock().await?;
    // All the plan and the checks below read, in one store request: the issuer (its key
    // is filed under it for ever, so it is still the early plan's), its status lists and
    // the credentials stored under these ids.
    let read = state
        .records()
        .for_publish(&early.issuer.id, &PURPOSES, &ids)?;
    let issuer = read
        .issuer
        .ok_or_else(|| AppError::internal("key index names a missing issuer"))?;
    let Plan {
        issuer,
        mut change,
        new_lists,
        lists,
        inputs,
    } = Plan::from_records(
        signed_with_current_key(issuer, &req.signer)?,
        read.lists,
        &req.signer,
        &body,
        now,
    )?;
    let stored: HashMap<&str, Option<CredentialRecord>> =
        ids.iter().copied().zip(read.credentials).collect();
    let (check, reports) = if inputs == early.inputs {
        (early_check, early_reports)
    } else {
        let check = PublishCheck::new(&state.operator().public(), &issuer, &lists, now)?;
        let reports = check.verify_many(&texts);
        (check, reports)
    };
    change.nonce(req.signer.nonce_key);
    let mut seen = HashSet::new();
    let mut published = Vec::new();
    for (n, ((jws, report), checked)) in texts.iter().zip(&reports).zip(envelopes).enumerate() {
        let which = format!("credential {}", n + 1);
        check.admit(&which, report)?;
        let checked = checked?;
        if !seen.insert(checked.id.clone()) {
            return Err(AppError::said(
                ErrorCode::DuplicateCredential,
                Msg::new("reg-duplicate-in-batch").arg("which", which),
            ));
        }
        match stored.get(checked.id.as_str()).and_then(Option::as_ref) {
            Some(old) if old.jws == *jws => {}
            Some(_) => {
                return Err(AppError::said(
                    ErrorCode::CredentialExists,
                    Msg::new("reg-credential-exists").arg("which", which),
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
                change.add_credential(&record)?;
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
    state.commit_and_release(guard, change).await?;
    tracing::info!(count = published.len(), "credentials published");
    Ok((
        StatusCode::CREATED,
        Json(Published {
            published,
            status_lists: new_lists,
        }),
    ))
}

/// What a publish will write, made from the records as they are when it is made.
struct Plan {
    issuer: crate::records::IssuerRecord,
    change: Change,
    /// Ids of status lists stored for the first time.
    new_lists: Vec<String>,
    /// The issuer's status lists, stored and uploaded, by purpose.
    lists: Vec<StatusListRecord>,
    /// The issuer record and its status lists, serialised: two plans with the same inputs
    /// verify every credential alike.
    inputs: Vec<u8>,
}

impl Plan {
    /// Checks the signer may publish now and merges the uploaded status lists with the
    /// stored ones (the change stores and logs the new ones; the nonce is not in it).
    fn make(
        state: &AppState,
        signer: &crate::auth::Signer,
        body: &Publish,
        now: DateTime<Utc>,
    ) -> Result<Self, AppError> {
        let issuer = signing_issuer(state, signer)?;
        let stored = state
            .records()
            .status_lists()
            .of_each(&issuer.id, &PURPOSES)?;
        Self::from_records(issuer, stored, signer, body, now)
    }

    /// As [`Plan::make`], from the signing issuer's record and its stored status lists (for
    /// [`PURPOSES`], in order) as already read.
    fn from_records(
        issuer: crate::records::IssuerRecord,
        stored: Vec<Option<StatusListRecord>>,
        signer: &crate::auth::Signer,
        body: &Publish,
        now: DateTime<Utc>,
    ) -> Result<Self, AppError> {
        let standing = issuer.standing(now);
        if standing != Standing::Active {
            return Err(AppError::said(
                ErrorCode::IssuerNotAccredited,
                Msg::new("reg-issuer-not-active").arg("standing", standing.to_string()),
            ));
        }
        let mut change = Change::new();

        // Status lists by purpose: stored ones, plus first uploads.
        let mut lists: HashMap<String, StatusListRecord> = HashMap::new();
        for (purpose, stored) in PURPOSES.iter().zip(stored) {
            if let Some(r) = stored {
                lists.insert((*purpose).to_owned(), r);
            }
        }
        let mut new_lists = Vec::new();
        for jws in &body.status_lists {
            let (record, _) = open_status_list(&issuer, jws.trim(), now)?;
            match lists.get(&record.purpose) {
                Some(old) if old.jws == record.jws => {}
                Some(old) if old.id == record.id && same_bits(old, &record) => {}
                Some(_) => {
                    return Err(AppError::said(
                        ErrorCode::StatusListExists,
                        Msg::new("reg-status-list-exists").arg("purpose", record.purpose.as_str()),
                    ))
                }
                None => {
                    change.log("status_list_published", &signer.did, &record.id);
                    new_lists.push(record.id.clone());
                    lists.insert(record.purpose.clone(), record);
                }
            }
        }

        // Token Status Lists beside the revocation list they mirror.
        let mut new_tokens: Vec<String> = Vec::new();
        for token in &body.token_status_lists {
            let uri = token_list_uri(&issuer, token.trim())?;
            let Some(list) = lists.values_mut().find(|l| l.id == uri) else {
                return Err(AppError::said(
                    ErrorCode::UnknownStatusList,
                    Msg::new("reg-token-list-unheld"),
                ));
            };
            if list.token.as_deref() == Some(token.trim()) {
                continue;
            }
            attach_token(&issuer, list, token.trim(), now)?;
            change.log("token_status_list_published", &signer.did, &list.id);
            if !new_lists.contains(&list.id) {
                new_tokens.push(list.id.clone());
            }
        }
        // Each list stored once, with its token if one came.
        for list in lists.values() {
            if new_lists.contains(&list.id) || new_tokens.contains(&list.id) {
                change.put_status_list(list)?;
            }
        }
        let mut lists: Vec<StatusListRecord> = lists.into_values().collect();
        lists.sort_by(|a, b| a.purpose.cmp(&b.purpose));
        let inputs = serde_json::to_vec(&(&issuer, &lists)).map_err(AppError::internal)?;
        Ok(Self {
            issuer,
            change,
            new_lists,
            lists,
            inputs,
        })
    }

    /// The verifier of this issuer's credentials with these lists, at `now`.
    fn check(&self, state: &AppState, now: DateTime<Utc>) -> Result<PublishCheck, AppError> {
        PublishCheck::new(&state.operator().public(), &self.issuer, &self.lists, now)
    }
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
    let record = state.records().credentials().require(&id)?;
    may_read_credential(&state, &req.signer, &record)?;
    // The read spends the request's nonce, like a write (answered once the nonce is
    // applied where the read horizon allows, see `ledger/reads.rs`).
    let guard = state.write_lock().await?;
    state.spend_read_nonce(guard, &req.signer).await?;
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
    let record = state.records().credentials().require(&id)?;
    require_holder(
        &record,
        &req.signer,
        "only the credential's holder may grant access to it",
    )?;
    PublicKey::from_did(&req.body.grantee)
        .map_err(|_| AppError::said(ErrorCode::InvalidGrantee, Msg::new("reg-grantee")))?;
    let now = state.now();
    if req.body.expires_at <= now || req.body.expires_at > now + Duration::days(MAX_GRANT_DAYS) {
        return Err(AppError::said(
            ErrorCode::InvalidExpiry,
            Msg::new("reg-grant-expiry").arg("days", MAX_GRANT_DAYS.to_string()),
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
    let guard = state.write_lock().await?;
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.add_grant(&grant)?;
    state.commit_and_release(guard, change).await?;
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
    let record = state.records().credentials().require(&id)?;
    require_holder(
        &record,
        &req.signer,
        "only the credential's holder may revoke its grants",
    )?;
    let guard = state.write_lock().await?;
    let mut grant = state
        .records()
        .grants()
        .get(&grant_id)?
        .filter(|g| g.credential == id)
        .ok_or_else(|| AppError::said(ErrorCode::UnknownGrant, Msg::new("reg-no-grant")))?;
    if grant.revoked_at.is_none() {
        grant.revoked_at = Some(state.now());
    }
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_grant(&grant)?;
    state.commit_and_release(guard, change).await?;
    Ok(Json(grant))
}
