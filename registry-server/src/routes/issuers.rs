//! Issuers: self-registration, the operator's accreditation decisions, key rotation, and
//! the public list, records and JWKS.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use credential_core::jws::UnverifiedJws;
use credential_core::request::TYP_KEY_PROOF;
use credential_core::trust::{Accreditation, IssuerKey, IssuerStatus, StatusChange};
use credential_core::{PublicJwk, PublicKey, ScopeItem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{load_issuer, require_operator, signing_issuer};
use crate::auth::Signed;
use crate::error::{AppError, ErrorBody};
use crate::ledger::Change;
use crate::model::{IssuerRecord, IssuerState, IssuerView};
use crate::store::Tree;
use crate::AppState;

const MAX_TEXT: usize = 200;

/// `POST /issuers` body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisterIssuer {
    /// Institution name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
    /// Contact (kept private).
    #[serde(default)]
    pub contact: Option<String>,
    /// Scope asked for, `TYPE[:MAX-LEVEL]` items.
    #[serde(default)]
    pub requested_scope: Vec<String>,
}

/// `POST /issuers/{did}/accredit` body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Accredit {
    /// `TYPE[:MAX-LEVEL]` items, e.g. `QualificationCredential:PQF-6`.
    pub scope: Vec<String>,
    /// Effective date (default: now).
    #[serde(default)]
    pub valid_from: Option<DateTime<Utc>>,
    /// End of accreditation.
    #[serde(default)]
    pub valid_until: Option<DateTime<Utc>>,
}

/// `POST /issuers/{did}/suspend` and `/withdraw` body.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StandingChange {
    /// Effective date (default: now).
    #[serde(default)]
    pub effective: Option<DateTime<Utc>>,
    /// Why (no personal data).
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /issuers/{did}/keys` body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RotateKey {
    /// The new key's `did:key`.
    pub new_key: String,
    /// Compact JWS by the new key, typ `skillpass-key-proof+jwt`, payload `{"issuer": DID}`.
    pub proof: String,
}

/// A JWKS document.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Jwks {
    /// Keys, each with `kid`.
    #[schema(value_type = Vec<Object>)]
    pub keys: Vec<PublicJwk>,
}

/// A required free-text field: 1 to 200 characters, not only spaces.
pub(crate) fn check_text(name: &str, value: &str) -> Result<(), AppError> {
    if value.trim().is_empty() || value.chars().count() > MAX_TEXT {
        return Err(AppError::unprocessable(
            "invalid_field",
            format!("{name} must be 1 to {MAX_TEXT} characters"),
        ));
    }
    Ok(())
}

fn parse_scope(items: &[String]) -> Result<Vec<ScopeItem>, AppError> {
    items
        .iter()
        .map(|s| {
            s.parse::<ScopeItem>()
                .map_err(|e| AppError::unprocessable("invalid_scope", e))
        })
        .collect()
}

/// POST /issuers — an institution registers itself, signing with its key; it is `pending`
/// until the operator accredits it. Its DID is the signing key's `did:key`.
#[utoipa::path(post, path = "/issuers", tag = "issuers", request_body = RegisterIssuer,
    responses((status = 201, body = IssuerView), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn register(
    State(state): State<AppState>,
    req: Signed<RegisterIssuer>,
) -> Result<(StatusCode, Json<IssuerView>), AppError> {
    let body = req.body;
    check_text("name", &body.name)?;
    if let Some(contact) = &body.contact {
        check_text("contact", contact)?;
    }
    if !credential_core::equivalence::is_country_code(&body.country) {
        return Err(AppError::unprocessable(
            "invalid_field",
            "country must be an ISO 3166-1 alpha-2 code such as PH",
        ));
    }
    parse_scope(&body.requested_scope)?;
    let _guard = state.write_lock().await;
    let did = req.signer.did.clone();
    if state
        .store()
        .get(Tree::KeydidIssuerdid, did.as_bytes())?
        .is_some()
    {
        return Err(AppError::conflict(
            "issuer_exists",
            "this key is already registered to an issuer",
        ));
    }
    let now = state.now();
    let record = IssuerRecord {
        id: did.clone(),
        name: body.name.trim().to_owned(),
        country: body.country.clone(),
        contact: body.contact,
        requested_scope: body.requested_scope,
        state: IssuerState::Pending,
        registered_at: now,
        keys: vec![IssuerKey {
            id: req.signer.key.did_url(),
            public_key_jwk: req.signer.key.to_jwk(),
            valid_from: now,
            valid_until: None,
        }],
        accreditation: None,
        status_history: Vec::new(),
    };
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_json(Tree::IssuerdidIssuer, did.as_bytes(), &record)?;
    change.put(Tree::KeydidIssuerdid, did.as_bytes(), did.as_bytes());
    change.log("issuer_registered", &did, &did);
    state.commit(change).await?;
    Ok((StatusCode::CREATED, Json(record.view(now))))
}

/// `GET /issuers` paging.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IssuerPageParams {
    /// Return issuers whose DID sorts after this one (default: from the first).
    pub after: Option<String>,
    /// How many issuers (default 100, at most 1000).
    pub limit: Option<usize>,
}

/// A page of issuers.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssuerPage {
    /// Issuers in DID order, pending and accredited.
    pub issuers: Vec<IssuerView>,
    /// The `after` for the next page, when there is one.
    pub next: Option<String>,
}

/// Default and largest page sizes of `GET /issuers`.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 1000;

/// GET /issuers — the registered issuers in DID order (public: no contact details),
/// paginated with `after` and `limit` like `GET /decisions`.
#[utoipa::path(get, path = "/issuers", tag = "issuers", operation_id = "list_issuers", params(IssuerPageParams),
    responses((status = 200, body = IssuerPage), (status = 400, body = ErrorBody), (status = 500, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    params: Result<Query<IssuerPageParams>, QueryRejection>,
) -> Result<Json<IssuerPage>, AppError> {
    let Query(p) = params.map_err(|e| AppError::bad_request("invalid_query", e.body_text()))?;
    let limit = p.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let start = match &p.after {
        Some(after) => {
            let mut k = after.as_bytes().to_vec();
            k.push(0);
            k
        }
        None => Vec::new(),
    };
    let rows = state
        .store()
        .scan(Tree::IssuerdidIssuer, b"", &start, limit + 1)?;
    let more = rows.len() > limit;
    let now = state.now();
    let mut issuers = Vec::with_capacity(limit);
    for (_, v) in rows.iter().take(limit) {
        let record: IssuerRecord = serde_json::from_slice(v).map_err(|e| {
            AppError::internal(format!(
                "corrupt record in {}: {e}",
                Tree::IssuerdidIssuer.name()
            ))
        })?;
        issuers.push(record.view(now));
    }
    let next = if more {
        issuers.last().map(|i| i.id.clone())
    } else {
        None
    };
    Ok(Json(IssuerPage { issuers, next }))
}

/// GET /issuers/{did} — one issuer: keys, accreditation, standing.
#[utoipa::path(get, path = "/issuers/{did}", tag = "issuers", params(("did" = String, Path, description = "The issuer's DID")),
    responses((status = 200, body = IssuerView), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    Path(did): Path<String>,
) -> Result<Json<IssuerView>, AppError> {
    Ok(Json(load_issuer(&state, &did)?.view(state.now())))
}

/// GET /issuers/{did}/jwks — the issuer's keys, current and past, as a JWKS.
#[utoipa::path(get, path = "/issuers/{did}/jwks", tag = "issuers", params(("did" = String, Path, description = "The issuer's DID")),
    responses((status = 200, body = Jwks), (status = 404, body = ErrorBody)))]
pub async fn jwks(
    State(state): State<AppState>,
    Path(did): Path<String>,
) -> Result<Json<Jwks>, AppError> {
    let issuer = load_issuer(&state, &did)?;
    let keys = issuer
        .keys
        .iter()
        .map(|k| PublicJwk {
            kid: Some(k.id.clone()),
            ..k.public_key_jwk.clone()
        })
        .collect();
    Ok(Json(Jwks { keys }))
}

/// POST /issuers/{did}/accredit — the operator accredits an issuer for a scope and period
/// (or re-accredits a suspended one).
#[utoipa::path(post, path = "/issuers/{did}/accredit", tag = "issuers", request_body = Accredit,
    params(("did" = String, Path, description = "The issuer's DID")),
    responses((status = 200, body = IssuerView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn accredit(
    State(state): State<AppState>,
    Path(did): Path<String>,
    req: Signed<Accredit>,
) -> Result<Json<IssuerView>, AppError> {
    require_operator(&state, &req.signer)?;
    let scope = parse_scope(&req.body.scope)?;
    if scope.is_empty() {
        return Err(AppError::unprocessable(
            "invalid_scope",
            "an accreditation needs at least one TYPE[:MAX-LEVEL] scope item",
        ));
    }
    let _guard = state.write_lock().await;
    let mut issuer = load_issuer(&state, &did)?;
    if issuer.withdrawn() {
        return Err(AppError::conflict(
            "issuer_withdrawn",
            "this issuer was withdrawn; withdrawal is final",
        ));
    }
    let now = state.now();
    let from = req.body.valid_from.unwrap_or(now);
    if req.body.valid_until.is_some_and(|u| u <= from) {
        return Err(AppError::unprocessable(
            "invalid_period",
            "validUntil must be after validFrom",
        ));
    }
    // An issuer with one key since registration may have issued before it registered;
    // its key is valid from the accreditation's start so those credentials verify.
    if let [only] = issuer.keys.as_mut_slice() {
        if only.valid_from > from {
            only.valid_from = from;
        }
    }
    issuer.state = IssuerState::Accredited;
    // A re-accreditation opens a new period and keeps the earlier ones: what the issuer
    // issued under them is still judged by them.
    match &mut issuer.accreditation {
        Some(accreditation) => accreditation.renew(scope.clone(), from, req.body.valid_until),
        None => {
            issuer.accreditation = Some(Accreditation::new(
                scope.clone(),
                from,
                req.body.valid_until,
            ))
        }
    }
    issuer.status_history.push(StatusChange {
        status: IssuerStatus::Active,
        effective: from,
        reason: None,
    });
    let words: Vec<String> = scope.iter().map(ToString::to_string).collect();
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_json(Tree::IssuerdidIssuer, did.as_bytes(), &issuer)?;
    change.log(
        "issuer_accredited",
        &req.signer.did,
        &format!("{did} {}", words.join(",")),
    );
    change.rebuild_bundle();
    state.commit(change).await?;
    Ok(Json(issuer.view(now)))
}

async fn change_standing(
    state: AppState,
    did: String,
    req: Signed<StandingChange>,
    status: IssuerStatus,
) -> Result<Json<IssuerView>, AppError> {
    require_operator(&state, &req.signer)?;
    if let Some(reason) = &req.body.reason {
        check_text("reason", reason)?;
    }
    let _guard = state.write_lock().await;
    let mut issuer = load_issuer(&state, &did)?;
    if issuer.accreditation.is_none() {
        return Err(AppError::conflict(
            "not_accredited",
            "this issuer was never accredited",
        ));
    }
    if issuer.withdrawn() {
        return Err(AppError::conflict(
            "issuer_withdrawn",
            "this issuer was withdrawn; withdrawal is final",
        ));
    }
    let now = state.now();
    let effective = req.body.effective.unwrap_or(now);
    if status == IssuerStatus::Active && issuer.status_at(effective) != IssuerStatus::Suspended {
        return Err(AppError::conflict(
            "not_suspended",
            "this issuer is not suspended at that date; only a suspension can be lifted",
        ));
    }
    issuer.status_history.push(StatusChange {
        status,
        effective,
        reason: req.body.reason.clone(),
    });
    issuer.status_history.sort_by_key(|c| c.effective);
    let kind = match status {
        IssuerStatus::Suspended => "issuer_suspended",
        IssuerStatus::Withdrawn => "issuer_withdrawn",
        IssuerStatus::Active => "issuer_reinstated",
    };
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_json(Tree::IssuerdidIssuer, did.as_bytes(), &issuer)?;
    change.log(
        kind,
        &req.signer.did,
        &format!(
            "{did} effective {}",
            credential_core::format_time(effective)
        ),
    );
    change.rebuild_bundle();
    state.commit(change).await?;
    Ok(Json(issuer.view(now)))
}

/// POST /issuers/{did}/suspend — the operator suspends an issuer from an effective date.
#[utoipa::path(post, path = "/issuers/{did}/suspend", tag = "issuers", request_body = StandingChange,
    params(("did" = String, Path, description = "The issuer's DID")),
    responses((status = 200, body = IssuerView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn suspend(
    State(state): State<AppState>,
    Path(did): Path<String>,
    req: Signed<StandingChange>,
) -> Result<Json<IssuerView>, AppError> {
    change_standing(state, did, req, IssuerStatus::Suspended).await
}

/// POST /issuers/{did}/reinstate — the operator lifts a suspension from an effective date;
/// the accreditation periods are untouched, so everything issued before the suspension
/// keeps verifying and the issuer may issue again within its scope.
#[utoipa::path(post, path = "/issuers/{did}/reinstate", tag = "issuers", request_body = StandingChange,
    params(("did" = String, Path, description = "The issuer's DID")),
    responses((status = 200, body = IssuerView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn reinstate(
    State(state): State<AppState>,
    Path(did): Path<String>,
    req: Signed<StandingChange>,
) -> Result<Json<IssuerView>, AppError> {
    change_standing(state, did, req, IssuerStatus::Active).await
}

/// POST /issuers/{did}/withdraw — the operator withdraws an issuer's accreditation (final).
#[utoipa::path(post, path = "/issuers/{did}/withdraw", tag = "issuers", request_body = StandingChange,
    params(("did" = String, Path, description = "The issuer's DID")),
    responses((status = 200, body = IssuerView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn withdraw(
    State(state): State<AppState>,
    Path(did): Path<String>,
    req: Signed<StandingChange>,
) -> Result<Json<IssuerView>, AppError> {
    change_standing(state, did, req, IssuerStatus::Withdrawn).await
}

/// POST /issuers/{did}/keys — the issuer rotates its key, signing with the current key and
/// proving possession of the new one; the old key stays with its `validUntil`.
#[utoipa::path(post, path = "/issuers/{did}/keys", tag = "issuers", request_body = RotateKey,
    params(("did" = String, Path, description = "The issuer's DID")),
    responses((status = 200, body = IssuerView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn rotate_key(
    State(state): State<AppState>,
    Path(did): Path<String>,
    req: Signed<RotateKey>,
) -> Result<Json<IssuerView>, AppError> {
    let new_key = PublicKey::from_did(&req.body.new_key)
        .map_err(|e| AppError::unprocessable("invalid_key", e.to_string()))?;
    check_key_proof(&req.body.proof, &new_key, &did)?;
    let _guard = state.write_lock().await;
    let mut issuer = signing_issuer(&state, &req.signer)?;
    if issuer.id != did {
        return Err(AppError::forbidden(
            "forbidden",
            "an issuer may rotate only its own keys",
        ));
    }
    if state
        .store()
        .get(Tree::KeydidIssuerdid, new_key.did().as_bytes())?
        .is_some()
    {
        return Err(AppError::conflict(
            "key_in_use",
            "the new key is already registered",
        ));
    }
    let now = state.now();
    for key in issuer.keys.iter_mut().filter(|k| k.valid_until.is_none()) {
        key.valid_until = Some(now);
    }
    issuer.keys.push(IssuerKey {
        id: new_key.did_url(),
        public_key_jwk: new_key.to_jwk(),
        valid_from: now,
        valid_until: None,
    });
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_json(Tree::IssuerdidIssuer, did.as_bytes(), &issuer)?;
    change.put(
        Tree::KeydidIssuerdid,
        new_key.did().as_bytes(),
        did.as_bytes(),
    );
    change.log(
        "key_rotated",
        &req.signer.did,
        &format!("{did} {}", new_key.did()),
    );
    if issuer.accreditation.is_some() {
        change.rebuild_bundle();
    }
    state.commit(change).await?;
    Ok(Json(issuer.view(now)))
}

fn check_key_proof(proof: &str, key: &PublicKey, issuer: &str) -> Result<(), AppError> {
    let bad = |why: &str| AppError::unprocessable("invalid_key_proof", why.to_owned());
    let parsed = UnverifiedJws::parse(proof, 4096).map_err(|e| bad(&e.to_string()))?;
    if parsed.header().typ.as_deref() != Some(TYP_KEY_PROOF) {
        return Err(bad("the proof's typ must be skillpass-key-proof+jwt"));
    }
    if !parsed.verify_with(key) {
        return Err(bad("the proof is not signed by the new key"));
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Proof {
        issuer: String,
    }
    let payload: Proof = serde_json::from_slice(parsed.payload())
        .map_err(|_| bad("the proof's payload must be {\"issuer\": DID}"))?;
    if payload.issuer != issuer {
        return Err(bad("the proof names another issuer"));
    }
    Ok(())
}
