//! The public hash-chained audit log.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{AppError, ErrorBody};
use crate::store::Tree;
use crate::AppState;

/// Default and largest page sizes.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 1000;

/// Paging.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// Return entries after this sequence number (default 0: from the start).
    pub after: Option<u64>,
    /// How many entries (default 100, at most 1000).
    pub limit: Option<usize>,
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
    let Query(page) = page.map_err(|e| AppError::bad_request("invalid_query", e.body_text()))?;
    let limit = page.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let start = page.after.unwrap_or(0).saturating_add(1).to_be_bytes();
    let rows = state
        .store()
        .scan(Tree::LogseqEntry, b"", &start, limit + 1)?;
    let more = rows.len() > limit;
    let mut entries = Vec::with_capacity(limit);
    let mut last = None;
    for (k, v) in rows.into_iter().take(limit) {
        let seq = <[u8; 8]>::try_from(k.as_slice())
            .map(u64::from_be_bytes)
            .unwrap_or(0);
        last = Some(seq);
        entries.push(serde_json::from_slice(&v).unwrap_or_else(
            |_| serde_json::json!({"seq": seq, "unreadable": String::from_utf8_lossy(&v)}),
        ));
    }
    Ok(Json(LogPage {
        entries,
        next: if more { last } else { None },
    }))
}
