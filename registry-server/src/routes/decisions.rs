//! Recognition decisions: an authority publishes a decision it signed, revises it (a new
//! decision whose `supersedes` names the old one, kept and shown superseded) and withdraws
//! it (the same decision re-signed with `withdrawn` set). Reading them is public: a
//! decision is about qualifications, not people.
//!
//! A decision arrives as the authority signed it and is checked as an offline verifier
//! will check it in a bundle (`documents::open_decision`), then against the decisions
//! already stored (`add_decision`: new id, known predecessor). The signed JWS is what is
//! stored and what the bundle carries, so the registry cannot alter a decision; a
//! withdrawal's replaced version is kept in the record and pinned in the log by its digest.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use credential_core::equivalence::{DecisionState, EquivalenceTable, RecognitionDecision};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Signed;
use crate::bounds::{self, Bounded, MAX_DECISION_JWS};
use crate::documents::open_decision;
use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::ledger::Change;
use crate::records::{DecisionRecord, PriorVersion};
use crate::state::AppState;
use credential_core::i18n::Msg;

/// Decisions in a page of `GET /decisions` when `limit` is not given.
const DEFAULT_LIMIT: usize = 100;
/// Most decisions in a page.
const MAX_LIMIT: usize = 1000;

/// `POST /decisions` and `POST /decisions/{id}/withdraw` body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignedDecisionBody {
    /// Compact JWS by the authority's key, `typ` `skillpass-decision+jwt`, payload a
    /// recognition decision (`schemas/equivalence-decision.schema.json`).
    pub jws: String,
}

impl Bounded for SignedDecisionBody {
    fn bound(&mut self) -> Result<(), AppError> {
        bounds::token("jws", &self.jws, MAX_DECISION_JWS)
    }
}

/// A stored decision as the public sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DecisionView {
    /// The decision id.
    pub id: String,
    /// The deciding authority's DID.
    pub authority: String,
    /// Now: `applies`, `expired`, `not-yet-valid`, `superseded` or `withdrawn`.
    #[schema(value_type = String)]
    pub state: DecisionState,
    /// The revision that superseded it, when superseded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
    /// The decision as signed (`schemas/equivalence-decision.schema.json`).
    #[schema(value_type = Object)]
    pub decision: RecognitionDecision,
    /// The authority-signed compact JWS (what the trust bundle carries).
    pub jws: String,
    /// When it was first published.
    pub published_at: DateTime<Utc>,
    /// Earlier signed versions (before a withdrawal), oldest first; only in
    /// `GET /decisions/{id}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PriorVersion>,
}

/// `GET /decisions` paging.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DecisionPageParams {
    /// Return decisions whose id sorts after this one (default: from the first).
    pub after: Option<String>,
    /// How many decisions (default 100, at most 1000).
    pub limit: Option<usize>,
}

/// A page of decisions.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DecisionPage {
    /// Decisions in id order, in every state.
    pub decisions: Vec<DecisionView>,
    /// The `after` for the next page, when there is one.
    pub next: Option<String>,
}

/// The digest that pins a signed version in the log.
fn digest(jws: &str) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(jws.as_bytes())))
}

fn view(
    table: &EquivalenceTable,
    record: DecisionRecord,
    now: DateTime<Utc>,
    with_history: bool,
) -> DecisionView {
    let (state, superseded_by) = table.state_of(&record.decision, now);
    DecisionView {
        id: record.decision.id.clone(),
        authority: record.decision.authority.clone(),
        state,
        superseded_by,
        decision: record.decision,
        jws: record.jws,
        published_at: record.published_at,
        history: if with_history {
            record.history
        } else {
            Vec::new()
        },
    }
}

/// The view of one stored decision, its state judged against all the others.
fn view_one(state: &AppState, id: &str, with_history: bool) -> Result<DecisionView, AppError> {
    let (table, records) = state.records().decisions().table()?;
    let record = records
        .into_iter()
        .find(|r| r.decision.id == id)
        .ok_or_else(unknown_decision)?;
    Ok(view(&table, record, state.now(), with_history))
}

fn unknown_decision() -> AppError {
    AppError::said(
        ErrorCode::UnknownDecision,
        credential_core::i18n::Msg::new("reg-no-decision"),
    )
}

/// GET /decisions — every stored recognition decision in id order, in every state
/// (applying, expired, superseded, withdrawn), paginated with `after` and `limit`.
#[utoipa::path(get, path = "/decisions", tag = "equivalence", params(DecisionPageParams),
    responses((status = 200, body = DecisionPage), (status = 400, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    params: Result<Query<DecisionPageParams>, QueryRejection>,
) -> Result<Json<DecisionPage>, AppError> {
    let Query(p) = params.map_err(|e| {
        AppError::said_detail(ErrorCode::InvalidQuery, "reg-invalid-query", e.body_text())
    })?;
    let limit = p.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let (table, records) = state.records().decisions().table()?;
    let now = state.now();
    // Records come in key order, which is id order.
    let mut rest = records
        .into_iter()
        .filter(|r| {
            p.after
                .as_deref()
                .is_none_or(|a| r.decision.id.as_str() > a)
        })
        .peekable();
    let mut decisions = Vec::new();
    while decisions.len() < limit {
        let Some(record) = rest.next() else { break };
        decisions.push(view(&table, record, now, false));
    }
    let next = match rest.peek() {
        Some(_) => decisions.last().map(|d| d.id.clone()),
        None => None,
    };
    Ok(Json(DecisionPage { decisions, next }))
}

/// GET /decisions/{id} — one decision with its state now (a superseded one names its
/// revision) and its earlier signed versions.
#[utoipa::path(get, path = "/decisions/{id}", tag = "equivalence",
    params(("id" = String, Path, description = "The decision id")),
    responses((status = 200, body = DecisionView), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DecisionView>, AppError> {
    Ok(Json(view_one(&state, &id, true)?))
}

/// POST /decisions — an authority publishes a decision it signed; a revision is a new
/// decision whose `supersedes` names the old one (kept, shown superseded). The request must
/// be signed by the decision's authority. Publishing the same signed decision again answers
/// 200 and changes nothing.
#[utoipa::path(post, path = "/decisions", tag = "equivalence", request_body = SignedDecisionBody,
    responses((status = 201, body = DecisionView), (status = 200, description = "Already published", body = DecisionView),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn publish(
    State(state): State<AppState>,
    req: Signed<SignedDecisionBody>,
) -> Result<(StatusCode, Json<DecisionView>), AppError> {
    let jws = req.body.jws.trim().to_owned();
    let guard = state.write_lock().await?;
    let decision = open_decision(state.records(), &req.signer, &jws)?;
    if decision.withdrawn.is_some() {
        return Err(AppError::said(
            ErrorCode::InvalidDecision,
            Msg::new("reg-decision-born-withdrawn"),
        ));
    }
    let id = decision.id.clone();
    if let Some(old) = state.records().decisions().get(&id)? {
        if old.jws == jws || old.history.iter().any(|v| v.jws == jws) {
            let mut change = Change::new();
            change.nonce(req.signer.nonce_key);
            state.commit(&guard, change).await?;
            return Ok((StatusCode::OK, Json(view_one(&state, &id, false)?)));
        }
    }
    let (mut table, records) = state.records().decisions().table()?;
    if let Some(old_id) = &decision.supersedes {
        if let Some(old) = records.iter().find(|r| &r.decision.id == old_id) {
            if old.decision.authority != req.signer.did {
                return Err(AppError::said(
                    ErrorCode::Forbidden,
                    Msg::new("reg-revise-own"),
                ));
            }
        }
        if let Some(other) = records
            .iter()
            .find(|r| r.decision.supersedes.as_deref() == Some(old_id.as_str()))
        {
            return Err(AppError::said(
                ErrorCode::AlreadySuperseded,
                Msg::new("reg-superseded")
                    .arg("old", old_id.as_str())
                    .arg("new", other.decision.id.as_str()),
            ));
        }
    }
    table.add_decision(decision.clone())?;
    let now = state.now();
    let record = DecisionRecord {
        jws,
        decision,
        published_at: now,
        history: Vec::new(),
    };
    let (kind, subject) = match &record.decision.supersedes {
        Some(old) => (
            "decision_revised",
            format!("{id} supersedes {old} {}", digest(&record.jws)),
        ),
        None => (
            "decision_published",
            format!("{id} {}", digest(&record.jws)),
        ),
    };
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_decision(&record)?;
    change.log(kind, &req.signer.did, &subject);
    change.rebuild_bundle();
    state.commit(&guard, change).await?;
    Ok((StatusCode::CREATED, Json(view(&table, record, now, false))))
}

/// POST /decisions/{id}/withdraw — the authority withdraws its decision by sending it
/// re-signed with `withdrawn` set (and nothing else changed). The stored version is
/// replaced; the one before stays in the record's history and its digest in the log.
#[utoipa::path(post, path = "/decisions/{id}/withdraw", tag = "equivalence", request_body = SignedDecisionBody,
    params(("id" = String, Path, description = "The decision id")),
    responses((status = 200, body = DecisionView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn withdraw(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Signed<SignedDecisionBody>,
) -> Result<Json<DecisionView>, AppError> {
    let jws = req.body.jws.trim().to_owned();
    let guard = state.write_lock().await?;
    let decision = open_decision(state.records(), &req.signer, &jws)?;
    let mismatch = |id: &'static str| AppError::said(ErrorCode::DecisionMismatch, Msg::new(id));
    if decision.id != id {
        return Err(mismatch("reg-decision-other-id"));
    }
    let mut record = state
        .records()
        .decisions()
        .get(&id)?
        .ok_or_else(unknown_decision)?;
    if record.decision.authority != req.signer.did {
        return Err(AppError::said(
            ErrorCode::Forbidden,
            Msg::new("reg-withdraw-own"),
        ));
    }
    if record.decision.withdrawn.is_some() {
        return Err(AppError::said(
            ErrorCode::DecisionWithdrawn,
            Msg::new("reg-decision-withdrawn"),
        ));
    }
    let Some(when) = decision.withdrawn else {
        return Err(AppError::said(
            ErrorCode::NotWithdrawn,
            Msg::new("reg-withdrawn-missing"),
        ));
    };
    let now = state.now();
    if when > now + Duration::seconds(state.settings().request_window_secs) {
        return Err(AppError::said(
            ErrorCode::InvalidWithdrawal,
            Msg::new("reg-withdrawn-future"),
        ));
    }
    let mut unchanged = decision.clone();
    unchanged.withdrawn = None;
    if unchanged != record.decision {
        return Err(mismatch("reg-withdrawal-changed"));
    }
    let subject = format!("{id} {} replaces {}", digest(&jws), digest(&record.jws));
    let old = std::mem::replace(&mut record.jws, jws);
    record.history.push(PriorVersion {
        jws: old,
        replaced_at: now,
    });
    record.decision = decision;
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_decision(&record)?;
    change.log("decision_withdrawn", &req.signer.did, &subject);
    change.rebuild_bundle();
    state.commit(&guard, change).await?;
    Ok(Json(view_one(&state, &id, true)?))
}
