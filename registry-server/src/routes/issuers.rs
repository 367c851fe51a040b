//! Issuers: self-registration, the operator's accreditation decisions, key rotation, and
//! the public list, records and JWKS.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use credential_core::trust::{Accreditation, IssuerKey, IssuerStatus, StatusChange};
use credential_core::{PublicJwk, ScopeItem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::{require_operator, signing_issuer, Signed};
use crate::bounds::{
    self, check_text, Bounded, MAX_COUNTRY, MAX_DID, MAX_NAME, MAX_PROOF, MAX_TEXT,
};
use crate::documents::open_rotation;
use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::ledger::Change;
use crate::records::{IssuerRecord, IssuerState, IssuerView};
use crate::state::AppState;
use credential_core::i18n::Msg;

/// `POST /issuers` body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisterIssuer {
    /// The institution's name as it should be shown (1 to 200 characters).
    pub name: String,
    /// ISO 3166-1 alpha-2 country code, e.g. `PH`.
    pub country: String,
    /// How the operator reaches the institution; may name a person, so never served.
    #[serde(default)]
    pub contact: Option<String>,
    /// Scope asked for, `TYPE[:MAX-LEVEL]` items (at most 16).
    #[serde(default)]
    pub requested_scope: Vec<String>,
}

impl Bounded for RegisterIssuer {
    fn bound(&mut self) -> Result<(), AppError> {
        bounds::text("name", &mut self.name, 1, MAX_NAME)?;
        bounds::token("country", &self.country, MAX_COUNTRY)?;
        bounds::optional_text("contact", &mut self.contact, MAX_TEXT)?;
        bounds::scope("requestedScope", &self.requested_scope)
    }
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
    /// End of accreditation (default: none).
    #[serde(default)]
    pub valid_until: Option<DateTime<Utc>>,
}

impl Bounded for Accredit {
    fn bound(&mut self) -> Result<(), AppError> {
        bounds::scope("scope", &self.scope)
    }
}

/// `POST /issuers/{did}/suspend` and `/withdraw` body.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StandingChange {
    /// Effective date (default: now).
    #[serde(default)]
    pub effective: Option<DateTime<Utc>>,
    /// Why, shown publicly (no personal data).
    #[serde(default)]
    pub reason: Option<String>,
}

impl Bounded for StandingChange {
    fn bound(&mut self) -> Result<(), AppError> {
        bounds::optional_text("reason", &mut self.reason, MAX_TEXT)
    }
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

impl Bounded for RotateKey {
    fn bound(&mut self) -> Result<(), AppError> {
        bounds::token("newKey", &self.new_key, MAX_DID)?;
        bounds::token("proof", &self.proof, MAX_PROOF)
    }
}

/// A JWKS document.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Jwks {
    /// Keys, each with `kid`.
    #[schema(value_type = Vec<Object>)]
    pub keys: Vec<PublicJwk>,
}

fn parse_scope(items: &[String]) -> Result<Vec<ScopeItem>, AppError> {
    items
        .iter()
        .map(|s| s.parse::<ScopeItem>().map_err(AppError::from))
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
        return Err(AppError::said(
            ErrorCode::InvalidField,
            credential_core::i18n::Msg::new("reg-country").arg("example", "PH"),
        ));
    }
    parse_scope(&body.requested_scope)?;
    let guard = state.write_lock().await?;
    let did = req.signer.did.clone();
    if state.records().issuers().key_taken(&did)? {
        return Err(AppError::said(
            ErrorCode::IssuerExists,
            credential_core::i18n::Msg::new("reg-key-registered"),
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
    change.put_issuer(&record)?;
    change.add_issuer_key(&did, &did);
    change.log("issuer_registered", &did, &did);
    state.commit(&guard, change).await?;
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

/// Issuers in a page of `GET /issuers` when `limit` is not given.
const DEFAULT_LIMIT: usize = 100;
/// Most issuers in a page.
const MAX_LIMIT: usize = 1000;

/// GET /issuers — the registered issuers in DID order (public: no contact details),
/// paginated with `after` and `limit` like `GET /decisions`.
#[utoipa::path(get, path = "/issuers", tag = "issuers", operation_id = "list_issuers", params(IssuerPageParams),
    responses((status = 200, body = IssuerPage), (status = 400, body = ErrorBody), (status = 500, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    params: Result<Query<IssuerPageParams>, QueryRejection>,
) -> Result<Json<IssuerPage>, AppError> {
    let Query(p) = params.map_err(|e| {
        AppError::said_detail(ErrorCode::InvalidQuery, "reg-invalid-query", e.body_text())
    })?;
    let limit = p.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let page = state.records().issuers().page(p.after.as_deref(), limit)?;
    let more = page.more;
    let now = state.now();
    let issuers: Vec<IssuerView> = page.items.iter().map(|r| r.view(now)).collect();
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
    Ok(Json(
        state.records().issuers().require(&did)?.view(state.now()),
    ))
}

/// GET /issuers/{did}/jwks — the issuer's keys, current and past, as a JWKS.
#[utoipa::path(get, path = "/issuers/{did}/jwks", tag = "issuers", params(("did" = String, Path, description = "The issuer's DID")),
    responses((status = 200, body = Jwks), (status = 404, body = ErrorBody)))]
pub async fn jwks(
    State(state): State<AppState>,
    Path(did): Path<String>,
) -> Result<Json<Jwks>, AppError> {
    let issuer = state.records().issuers().require(&did)?;
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
        return Err(AppError::said(
            ErrorCode::InvalidScope,
            Msg::new("reg-scope-needed"),
        ));
    }
    let guard = state.write_lock().await?;
    let mut issuer = state.records().issuers().require(&did)?;
    if issuer.withdrawn() {
        return Err(withdrawn());
    }
    let now = state.now();
    let from = req.body.valid_from.unwrap_or(now);
    if req.body.valid_until.is_some_and(|u| u <= from) {
        return Err(AppError::said(
            ErrorCode::InvalidPeriod,
            credential_core::i18n::Msg::new("reg-valid-until"),
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
    change.put_issuer(&issuer)?;
    change.log(
        "issuer_accredited",
        &req.signer.did,
        &format!("{did} {}", words.join(",")),
    );
    change.rebuild_bundle();
    state.commit(&guard, change).await?;
    Ok(Json(issuer.view(now)))
}

/// 409 `issuer_withdrawn`.
fn withdrawn() -> AppError {
    AppError::said(
        ErrorCode::IssuerWithdrawn,
        credential_core::i18n::Msg::new("reg-withdrawn-final"),
    )
}

/// Suspends, withdraws or reinstates (`status` `Active`) an issuer from an effective date.
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
    let guard = state.write_lock().await?;
    let mut issuer = state.records().issuers().require(&did)?;
    if issuer.accreditation.is_none() {
        return Err(AppError::said(
            ErrorCode::NotAccredited,
            Msg::new("reg-never-accredited"),
        ));
    }
    if issuer.withdrawn() {
        return Err(withdrawn());
    }
    let now = state.now();
    let effective = req.body.effective.unwrap_or(now);
    if status == IssuerStatus::Active && issuer.status_at(effective) != IssuerStatus::Suspended {
        return Err(AppError::said(
            ErrorCode::NotSuspended,
            Msg::new("reg-not-suspended"),
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
    change.put_issuer(&issuer)?;
    change.log(
        kind,
        &req.signer.did,
        &format!(
            "{did} effective {}",
            credential_core::format_time(effective)
        ),
    );
    change.rebuild_bundle();
    state.commit(&guard, change).await?;
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
    let new_key = open_rotation(&req.body.new_key, &req.body.proof, &did)?;
    let guard = state.write_lock().await?;
    let mut issuer = signing_issuer(&state, &req.signer)?;
    if issuer.id != did {
        return Err(AppError::said(
            ErrorCode::Forbidden,
            Msg::new("reg-rotate-own"),
        ));
    }
    if state.records().issuers().key_taken(&new_key.did())? {
        return Err(AppError::said(
            ErrorCode::KeyInUse,
            Msg::new("reg-new-key-registered"),
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
    change.put_issuer(&issuer)?;
    change.add_issuer_key(&new_key.did(), &did);
    change.log(
        "key_rotated",
        &req.signer.did,
        &format!("{did} {}", new_key.did()),
    );
    if issuer.accreditation.is_some() {
        change.rebuild_bundle();
    }
    state.commit(&guard, change).await?;
    Ok(Json(issuer.view(now)))
}
