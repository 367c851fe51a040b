//! The public hash-chained audit log.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::state::AppState;

/// Entries in a page when `limit` is not given.
const DEFAULT_LIMIT: i64 = 100;
/// Most entries in a page.
const MAX_LIMIT: usize = 1000;

/// `GET /log` paging.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// Return entries after this sequence number (default 0: from the start).
    ///
    /// Read as the `int64` the description says (minimum 0), so a value the description
    /// does not allow (2^63 and above, or below 0) is refused rather than taken.
    #[param(minimum = 0)]
    pub after: Option<i64>,
    /// How many entries (default 100, at most 1000; 0 is read as 1).
    #[param(minimum = 0)]
    pub limit: Option<i64>,
}

/// A page of the log.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LogPage {
    /// Entries as stored: `{seq, time, kind, actor, subject, prevHash, hash}`; a stored
    /// entry that is not JSON any more is shown as `{seq, unreadable}`.
    #[schema(value_type = Vec<Object>)]
    pub entries: Vec<serde_json::Value>,
    /// The `after` for the next page, when there is one.
    pub next: Option<u64>,
}

/// GET /log — the audit log, oldest first, paginated with `after` and `limit`.
#[utoipa::path(get, path = "/log", tag = "log", params(Page),
    responses((status = 200, body = LogPage), (status = 400, body = ErrorBody), (status = 500, body = ErrorBody)))]
pub async fn get_log(
    State(state): State<AppState>,
    page: Result<Query<Page>, QueryRejection>,
) -> Result<Json<LogPage>, AppError> {
    let Query(page) = page.map_err(|e| {
        AppError::said_detail(ErrorCode::InvalidQuery, "reg-invalid-query", e.body_text())
    })?;
    let negative = |name: &str| {
        AppError::said_detail(
            ErrorCode::InvalidQuery,
            "reg-invalid-query",
            format!("{name}: a count, 0 or more"),
        )
    };
    let after = u64::try_from(page.after.unwrap_or(0)).map_err(|_| negative("after"))?;
    let limit = usize::try_from(page.limit.unwrap_or(DEFAULT_LIMIT))
        .map_err(|_| negative("limit"))?
        .clamp(1, MAX_LIMIT);
    let rows = state.records().log().page(after, limit)?;
    let mut more = rows.more;
    let mut entries = Vec::with_capacity(limit);
    let mut last = None;
    // Entries a flush has not covered yet are not shown: a reader never sees an entry that
    // a crash could still take back (group commit).
    let horizon = state.log_horizon().unwrap_or(u64::MAX);
    for stored in rows.items {
        let (seq, v) = (stored.seq.unwrap_or(0), stored.bytes);
        if seq > horizon {
            more = false;
            break;
        }
        last = Some(seq);
        entries.push(serde_json::from_slice(&v).unwrap_or_else(
            |_| serde_json::json!({"seq": seq, "unreadable": String::from_utf8_lossy(&v)}),
        ));
    }
    if let Some(last) = last {
        state.log_durable_up_to(last).await?;
    }
    Ok(Json(LogPage {
        entries,
        next: if more { last } else { None },
    }))
}
