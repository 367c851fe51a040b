//! The equivalence table over HTTP: the shipped frameworks and the question "what does this
//! level mean in DE?" (public), recognition authorities registered by the operator, and the
//! decisions authorities publish, revise and withdraw.
//!
//! A decision arrives as the authority signed it (`credential_core::trust::sign_decision`)
//! and is checked exactly as an offline verifier will check it in a bundle
//! (`check_decision`), then against the decisions already stored (`add_decision`: new id,
//! known predecessor). The signed JWS is what is stored and what the bundle carries, so the
//! registry cannot alter a decision; a withdrawal is the same decision re-signed with
//! `withdrawn` set, and the version it replaces is kept in the record and pinned in the log
//! by its digest.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use credential_core::equivalence::{
    is_country_code, DecisionState, Destination, EquivalenceAnswer, EquivalenceError,
    EquivalenceQuery, EquivalenceTable, FrameworkCatalog, RecognitionDecision,
};
use credential_core::jws::UnverifiedJws;
use credential_core::trust::{check_decision, TYP_DECISION};
use credential_core::PublicKey;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use utoipa::{IntoParams, ToSchema};

use super::issuers::check_text;
use super::require_operator;
use crate::auth::{Signed, Signer};
use crate::error::{AppError, ErrorBody};
use crate::ledger::{all_json, get_json, Change};
use crate::model::{AuthorityRecord, DecisionRecord, PriorVersion};
use crate::store::Tree;
use crate::AppState;

/// Longest signed decision accepted (the same bound the bundle verifier applies).
pub const MAX_DECISION_JWS_LEN: usize = 64 * 1024;
/// Longest decision id (it is a storage key and appears in paths and the log).
const MAX_ID: usize = 200;
/// Longest query parameter value.
const MAX_PARAM: usize = 64;
/// Default and largest page sizes of `GET /decisions`.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 1000;

/// One framework of the shipped catalog.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkSummary {
    /// Framework id, e.g. `PQF`, `EQF`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// `national`, `regional reference`...
    pub kind: String,
    /// The country of a national framework.
    pub country: Option<String>,
    /// Its level ids, lowest first.
    pub levels: Vec<String>,
    /// Its referencings to reference frameworks, as the data states them (including
    /// "none" and "not confirmed").
    pub referencings: Vec<ReferencingSummary>,
}

/// A framework's referencing to a reference framework.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReferencingSummary {
    /// The reference framework(s), e.g. `EQF`.
    pub to: String,
    /// `official`, `none`, `not confirmed`...
    pub status: String,
    /// How levels map, when the data says.
    pub level_mapping: Option<String>,
    /// A note from the data.
    pub note: Option<String>,
}

/// `GET /equivalence` parameters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EquivalenceParams {
    /// A framework level id, e.g. `PQF-6`, `RQF-3`, `NCQF-BW-7`.
    pub level: String,
    /// Destination: a country (`DE`) or a framework (`EQF`).
    pub to: String,
    /// ISCED-F field code of the qualification, e.g. `0913`.
    pub field: Option<String>,
    /// ISCO-08 occupation code, e.g. `2221`.
    pub isco: Option<String>,
    /// Country of award (default: the level's framework's country).
    pub from: Option<String>,
    /// Answer as of this time: RFC 3339 or a date (default: now).
    pub at: Option<String>,
}

/// `POST /authorities` body (the shape of an entry of `bundle build --authorities`).
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisterAuthority {
    /// The authority's `did:key` (its decisions and requests are signed with that key).
    pub id: String,
    /// Its name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country whose recognition it decides.
    pub country: String,
    /// Its jurisdiction in words, e.g. "nursing, Land Berlin".
    #[serde(default)]
    pub jurisdiction: String,
}

/// `POST /decisions` and `POST /decisions/{id}/withdraw` body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignedDecisionBody {
    /// Compact JWS by the authority's key, `typ` `skillpass-decision+jwt`, payload a
    /// recognition decision (`schemas/equivalence-decision.schema.json`).
    pub jws: String,
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

fn bad_query(rejection: &QueryRejection) -> AppError {
    AppError::bad_request("invalid_query", rejection.body_text())
}

fn digest(jws: &str) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(jws.as_bytes())))
}

fn shipped_catalog() -> Result<&'static FrameworkCatalog, AppError> {
    FrameworkCatalog::shipped().map_err(AppError::internal)
}

/// Every stored decision, and the table of the shipped frameworks holding them all.
fn load_table(state: &AppState) -> Result<(EquivalenceTable, Vec<DecisionRecord>), AppError> {
    let records: Vec<DecisionRecord> = all_json(state, Tree::DecisionidDecision)?;
    let table = EquivalenceTable::with_decisions(
        shipped_catalog()?.clone(),
        records.iter().map(|r| r.decision.clone()).collect(),
    )
    .map_err(|e| AppError::internal(format!("stored decisions are inconsistent: {e}")))?;
    Ok((table, records))
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
    let (table, records) = load_table(state)?;
    let record = records
        .into_iter()
        .find(|r| r.decision.id == id)
        .ok_or_else(unknown_decision)?;
    Ok(view(&table, record, state.now(), with_history))
}

fn unknown_decision() -> AppError {
    AppError::not_found("unknown_decision", "no decision with this id is stored")
}

fn invalid(why: impl Into<String>) -> AppError {
    AppError::unprocessable("invalid_decision", why)
}

/// `add_decision`'s refusals as stable codes.
fn table_error(e: EquivalenceError) -> AppError {
    match e {
        EquivalenceError::DuplicateDecision { .. } => {
            AppError::conflict("decision_exists", e.to_string())
        }
        EquivalenceError::UnknownSupersededDecision { .. } => {
            AppError::unprocessable("unknown_superseded_decision", e.to_string())
        }
        other => invalid(other.to_string()),
    }
}

/// Checks a signed decision sent by `signer`: signed by a registered authority (403
/// `not_an_authority`), that authority being the request's signer (403 `forbidden`), for
/// its own country (403 `outside_jurisdiction`), and otherwise valid exactly as a verifier
/// reading it from a bundle will require (422 `invalid_decision`).
fn check_signed(
    state: &AppState,
    signer: &Signer,
    jws: &str,
) -> Result<(AuthorityRecord, RecognitionDecision), AppError> {
    let jws = jws.trim();
    let parsed = UnverifiedJws::parse(jws, MAX_DECISION_JWS_LEN)
        .map_err(|e| invalid(format!("the decision is not a compact JWS: {e}")))?;
    if parsed.header().typ.as_deref() != Some(TYP_DECISION) {
        return Err(invalid(format!(
            "the decision's typ must be {TYP_DECISION}"
        )));
    }
    let key = parsed
        .header()
        .kid
        .as_deref()
        .and_then(|kid| PublicKey::from_did(kid).ok())
        .ok_or_else(|| invalid("the decision's kid must be its authority's did:key URL"))?;
    let did = key.did();
    let authority: AuthorityRecord = get_json(state, Tree::AuthoritydidAuthority, did.as_bytes())?
        .ok_or_else(|| {
            AppError::forbidden(
                "not_an_authority",
                "the decision is signed by a key that is not a registered recognition authority",
            )
        })?;
    if did != signer.did {
        return Err(AppError::forbidden(
            "forbidden",
            "a decision must be sent by its own authority: sign the request with the key that signed the decision",
        ));
    }
    if !parsed.verify_with(&key) {
        return Err(invalid("the decision's signature does not verify"));
    }
    let value = credential_core::json::parse_strict(parsed.payload())
        .map_err(|e| invalid(format!("the decision is not JSON: {e}")))?;
    let decision: RecognitionDecision = serde_json::from_value(value)
        .map_err(|e| invalid(format!("the payload is not a recognition decision: {e}")))?;
    if decision.id.chars().count() > MAX_ID {
        return Err(invalid(format!(
            "a decision id is at most {MAX_ID} characters"
        )));
    }
    if decision.authority != did {
        return Err(invalid(format!(
            "the decision names authority {} but is signed by {did}",
            decision.authority
        )));
    }
    if decision.destination.country != authority.country {
        return Err(AppError::forbidden(
            "outside_jurisdiction",
            format!(
                "{} decides recognition in {}, not in {}",
                authority.name, authority.country, decision.destination.country
            ),
        ));
    }
    // The bundle verifier's own check, so a decision the registry accepts is one every
    // verifier trusts.
    check_decision(&[authority.entry()], jws).map_err(invalid)?;
    Ok((authority, decision))
}

/// GET /equivalence/frameworks — the shipped qualification frameworks: levels and the
/// referencings the data states (official, none, not confirmed).
#[utoipa::path(get, path = "/equivalence/frameworks", tag = "equivalence",
    responses((status = 200, body = Vec<FrameworkSummary>)))]
pub async fn frameworks() -> Result<Json<Vec<FrameworkSummary>>, AppError> {
    let catalog = shipped_catalog()?;
    let list = catalog
        .frameworks()
        .map(|f| FrameworkSummary {
            id: f.id.clone(),
            name: f.name.clone(),
            kind: f.kind.clone(),
            country: f.country.clone(),
            levels: f.levels.iter().map(|l| l.id.clone()).collect(),
            referencings: catalog
                .referencings()
                .iter()
                .filter(|r| r.from == f.id)
                .map(|r| ReferencingSummary {
                    to: r.to.clone(),
                    status: r.status.clone(),
                    level_mapping: r.level_mapping.clone(),
                    note: r.note.clone(),
                })
                .collect(),
        })
        .collect();
    Ok(Json(list))
}

fn param(name: &str, value: Option<&str>, ok: impl Fn(&str) -> bool) -> Result<(), AppError> {
    match value {
        Some(v) if v.len() > MAX_PARAM || !ok(v) => Err(AppError::bad_request(
            "invalid_parameter",
            format!("{name} {v:?} is not valid here"),
        )),
        _ => Ok(()),
    }
}

fn digits(code: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}

fn parse_at(s: &str) -> Option<DateTime<Utc>> {
    credential_core::parse_time(s).or_else(|| {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc())
    })
}

/// GET /equivalence — what a framework level (with field and occupation) means in a
/// destination: the trusted recognition decisions that match, applying ones first, then the
/// comparable levels through reference frameworks with their path, then what is not known.
#[utoipa::path(get, path = "/equivalence", tag = "equivalence", params(EquivalenceParams),
    responses((status = 200, description = "An EquivalenceAnswer: {destination, at, decisions, comparable, notes, nothingKnown}", body = Object),
        (status = 400, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn query(
    State(state): State<AppState>,
    params: Result<Query<EquivalenceParams>, QueryRejection>,
) -> Result<Json<EquivalenceAnswer>, AppError> {
    let Query(p) = params.map_err(|e| bad_query(&e))?;
    let catalog = shipped_catalog()?;
    if p.level.len() > MAX_PARAM || catalog.level(&p.level).is_none() {
        return Err(AppError::unprocessable(
            "unknown_level",
            "level is not a level of any shipped framework; GET /equivalence/frameworks lists them",
        ));
    }
    let to: Destination = p.to.parse().map_err(|e: EquivalenceError| {
        AppError::bad_request("invalid_destination", e.to_string())
    })?;
    param("from", p.from.as_deref(), is_country_code)?;
    param("field", p.field.as_deref(), |f| digits(f, 2, 4))?;
    param("isco", p.isco.as_deref(), |c| digits(c, 1, 4))?;
    let at = match p.at.as_deref() {
        None => state.now(),
        Some(s) => parse_at(s).ok_or_else(|| {
            AppError::bad_request(
                "invalid_parameter",
                "at must be an RFC 3339 time (2026-11-26T10:00:00Z) or a date (2026-11-26)",
            )
        })?,
    };
    let query = EquivalenceQuery {
        origin_country: p.from,
        levels: vec![p.level],
        field: p.field,
        isco08: p.isco,
        title: None,
        issuer: None,
    };
    let (table, _) = load_table(&state)?;
    Ok(Json(table.query(&query, &to, at)))
}

/// GET /authorities — the registered recognition authorities (public).
#[utoipa::path(get, path = "/authorities", tag = "equivalence",
    responses((status = 200, body = Vec<AuthorityRecord>)))]
pub async fn list_authorities(
    State(state): State<AppState>,
) -> Result<Json<Vec<AuthorityRecord>>, AppError> {
    Ok(Json(all_json(&state, Tree::AuthoritydidAuthority)?))
}

/// POST /authorities — the operator registers a recognition authority (its did:key, name,
/// country and jurisdiction); the next trust bundle lists it, so verifiers trust the
/// decisions it signs for its country.
#[utoipa::path(post, path = "/authorities", tag = "equivalence", request_body = RegisterAuthority,
    responses((status = 201, body = AuthorityRecord), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn register_authority(
    State(state): State<AppState>,
    req: Signed<RegisterAuthority>,
) -> Result<(StatusCode, Json<AuthorityRecord>), AppError> {
    require_operator(&state, &req.signer)?;
    let body = req.body;
    let did = PublicKey::from_did(&body.id)
        .ok()
        .map(|k| k.did())
        .filter(|did| *did == body.id)
        .ok_or_else(|| {
            AppError::unprocessable(
                "invalid_field",
                "id must be the authority's did:key (without a fragment)",
            )
        })?;
    check_text("name", &body.name)?;
    if !is_country_code(&body.country) {
        return Err(AppError::unprocessable(
            "invalid_field",
            "country must be an ISO 3166-1 alpha-2 code such as DE",
        ));
    }
    if !body.jurisdiction.is_empty() {
        check_text("jurisdiction", &body.jurisdiction)?;
    }
    let _guard = state.write_lock().await;
    if state
        .store()
        .get(Tree::AuthoritydidAuthority, did.as_bytes())?
        .is_some()
    {
        return Err(AppError::conflict(
            "authority_exists",
            "this authority is already registered",
        ));
    }
    let record = AuthorityRecord {
        id: did.clone(),
        name: body.name.trim().to_owned(),
        country: body.country,
        jurisdiction: body.jurisdiction.trim().to_owned(),
        registered_at: state.now(),
    };
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_json(Tree::AuthoritydidAuthority, did.as_bytes(), &record)?;
    change.log(
        "authority_registered",
        &req.signer.did,
        &format!("{did} {}", record.country),
    );
    change.rebuild_bundle();
    state.commit(change).await?;
    Ok((StatusCode::CREATED, Json(record)))
}

/// GET /decisions — every stored recognition decision in id order, in every state
/// (applying, expired, superseded, withdrawn), paginated with `after` and `limit`.
#[utoipa::path(get, path = "/decisions", tag = "equivalence", params(DecisionPageParams),
    responses((status = 200, body = DecisionPage), (status = 400, body = ErrorBody)))]
pub async fn list_decisions(
    State(state): State<AppState>,
    params: Result<Query<DecisionPageParams>, QueryRejection>,
) -> Result<Json<DecisionPage>, AppError> {
    let Query(p) = params.map_err(|e| bad_query(&e))?;
    let limit = p.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let (table, records) = load_table(&state)?;
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
pub async fn get_decision(
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
pub async fn publish_decision(
    State(state): State<AppState>,
    req: Signed<SignedDecisionBody>,
) -> Result<(StatusCode, Json<DecisionView>), AppError> {
    let jws = req.body.jws.trim().to_owned();
    let _guard = state.write_lock().await;
    let (_, decision) = check_signed(&state, &req.signer, &jws)?;
    if decision.withdrawn.is_some() {
        return Err(invalid(
            "a new decision cannot be withdrawn already; withdraw a published one with POST /decisions/{id}/withdraw",
        ));
    }
    let id = decision.id.clone();
    let stored: Option<DecisionRecord> = get_json(&state, Tree::DecisionidDecision, id.as_bytes())?;
    if let Some(old) = &stored {
        if old.jws == jws || old.history.iter().any(|v| v.jws == jws) {
            let mut change = Change::new();
            change.nonce(req.signer.nonce_key);
            state.commit(change).await?;
            return Ok((StatusCode::OK, Json(view_one(&state, &id, false)?)));
        }
    }
    let (mut table, records) = load_table(&state)?;
    if let Some(old_id) = &decision.supersedes {
        if let Some(old) = records.iter().find(|r| &r.decision.id == old_id) {
            if old.decision.authority != req.signer.did {
                return Err(AppError::forbidden(
                    "forbidden",
                    "an authority may revise only its own decisions",
                ));
            }
        }
        if let Some(other) = records
            .iter()
            .find(|r| r.decision.supersedes.as_deref() == Some(old_id.as_str()))
        {
            return Err(AppError::conflict(
                "already_superseded",
                format!(
                    "{old_id} is already superseded by {}; revise that decision instead",
                    other.decision.id
                ),
            ));
        }
    }
    table.add_decision(decision.clone()).map_err(table_error)?;
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
    change.put_json(Tree::DecisionidDecision, id.as_bytes(), &record)?;
    change.log(kind, &req.signer.did, &subject);
    change.rebuild_bundle();
    state.commit(change).await?;
    Ok((StatusCode::CREATED, Json(view(&table, record, now, false))))
}

/// POST /decisions/{id}/withdraw — the authority withdraws its decision by sending it
/// re-signed with `withdrawn` set (and nothing else changed). The stored version is
/// replaced; the one before stays in the record's history and its digest in the log.
#[utoipa::path(post, path = "/decisions/{id}/withdraw", tag = "equivalence", request_body = SignedDecisionBody,
    params(("id" = String, Path, description = "The decision id")),
    responses((status = 200, body = DecisionView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn withdraw_decision(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Signed<SignedDecisionBody>,
) -> Result<Json<DecisionView>, AppError> {
    let jws = req.body.jws.trim().to_owned();
    let _guard = state.write_lock().await;
    let (_, decision) = check_signed(&state, &req.signer, &jws)?;
    let mismatch = |why: &str| AppError::unprocessable("decision_mismatch", why.to_owned());
    if decision.id != id {
        return Err(mismatch("the signed decision has another id than the path"));
    }
    let mut record: DecisionRecord =
        get_json(&state, Tree::DecisionidDecision, id.as_bytes())?.ok_or_else(unknown_decision)?;
    if record.decision.authority != req.signer.did {
        return Err(AppError::forbidden(
            "forbidden",
            "an authority may withdraw only its own decisions",
        ));
    }
    if record.decision.withdrawn.is_some() {
        return Err(AppError::conflict(
            "decision_withdrawn",
            "this decision is already withdrawn",
        ));
    }
    let Some(when) = decision.withdrawn else {
        return Err(AppError::unprocessable(
            "not_withdrawn",
            "the re-signed decision must set withdrawn to the time of withdrawal",
        ));
    };
    let now = state.now();
    if when > now + Duration::seconds(state.settings().request_window_secs) {
        return Err(AppError::unprocessable(
            "invalid_withdrawal",
            "withdrawn must not be in the future; to end a decision later, publish a revision with validUntil",
        ));
    }
    let mut unchanged = decision.clone();
    unchanged.withdrawn = None;
    if unchanged != record.decision {
        return Err(mismatch(
            "a withdrawal must be the published decision re-signed with only withdrawn added; publish a revision to change anything else",
        ));
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
    change.put_json(Tree::DecisionidDecision, id.as_bytes(), &record)?;
    change.log("decision_withdrawn", &req.signer.did, &subject);
    change.rebuild_bundle();
    state.commit(change).await?;
    Ok(Json(view_one(&state, &id, true)?))
}
