//! The equivalence table over HTTP, public: the shipped frameworks with their referencings,
//! and the question "what does this level mean in DE?", answered with the recognition
//! decisions that apply first, then the comparable levels through reference frameworks.
//! (Authorities and their decisions are `authorities.rs` and `decisions.rs`.)

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use chrono::{DateTime, Utc};
use credential_core::equivalence::{
    is_country_code, Destination, EquivalenceAnswer, EquivalenceQuery, FrameworkCatalog,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::state::AppState;

/// Longest query parameter value.
const MAX_PARAM: usize = 64;

/// One framework of the shipped catalog.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkSummary {
    /// Framework id, e.g. `PQF`, `EQF`.
    pub id: String,
    /// Its name in English, as the source data gives it.
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

/// GET /equivalence/frameworks — the shipped qualification frameworks: levels and the
/// referencings the data states (official, none, not confirmed).
#[utoipa::path(get, path = "/equivalence/frameworks", tag = "equivalence",
    responses((status = 200, body = Vec<FrameworkSummary>)))]
pub async fn frameworks() -> Result<Json<Vec<FrameworkSummary>>, AppError> {
    let catalog = FrameworkCatalog::shipped()?;
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
        Some(v) if v.len() > MAX_PARAM || !ok(v) => Err(AppError::said(
            ErrorCode::InvalidParameter,
            credential_core::i18n::Msg::new("reg-param-invalid")
                .arg("name", name)
                .arg("value", format!("{v:?}")),
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
    let Query(p) = params.map_err(|e| {
        AppError::said_detail(ErrorCode::InvalidQuery, "reg-invalid-query", e.body_text())
    })?;
    let catalog = FrameworkCatalog::shipped()?;
    if p.level.len() > MAX_PARAM || catalog.level(&p.level).is_none() {
        return Err(AppError::said(
            ErrorCode::UnknownLevel,
            credential_core::i18n::Msg::new("reg-unknown-level"),
        ));
    }
    let to: Destination = p.to.parse()?;
    param("from", p.from.as_deref(), is_country_code)?;
    param("field", p.field.as_deref(), |f| digits(f, 2, 4))?;
    param("isco", p.isco.as_deref(), |c| digits(c, 1, 4))?;
    let at = match p.at.as_deref() {
        None => state.now(),
        Some(s) => parse_at(s).ok_or_else(|| {
            AppError::said(
                ErrorCode::InvalidParameter,
                credential_core::i18n::Msg::new("reg-at"),
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
    let (table, _) = state.records().decisions().table()?;
    Ok(Json(table.query(&query, &to, at)))
}
