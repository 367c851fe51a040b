//! The operator's online backup.

use std::io::{Read as _, Seek as _};

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest as _, Request, State};
use axum::http::header;
use axum::response::{IntoResponse as _, Response};

use crate::auth::{require_operator, SignedEmpty};
use crate::backup::{self, WriteError};
use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::ledger::Change;
use crate::state::AppState;

/// Bytes per chunk of the streamed file.
const CHUNK: usize = 256 * 1024;

/// GET /admin/backup — the operator downloads one consistent snapshot of the whole store
/// (gzip JSON lines, signed by the operator key; see `backup.rs`). Writes wait while the
/// snapshot is taken; it is then streamed from an unnamed 0600 file. Signed by the operator.
#[utoipa::path(get, path = "/admin/backup", tag = "admin", operation_id = "get_backup",
    responses((status = 200, description = "The backup: gzip-compressed JSON lines", content_type = "application/gzip"),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 408, body = ErrorBody), (status = 413, body = ErrorBody), (status = 500, body = ErrorBody)))]
pub async fn get_backup(State(state): State<AppState>, req: Request) -> Result<Response, AppError> {
    // The route is outside the router's request deadline (taking the snapshot may outlast
    // it), so the signed request itself gets the deadline here.
    let signed = tokio::time::timeout(
        state.settings().request_timeout,
        SignedEmpty::from_request(req, &state),
    )
    .await
    .map_err(|_| AppError::request_timeout())??;
    require_operator(&state, &signed.signer)?;
    let guard = state.write_lock().await?;
    let mut change = Change::new();
    change.nonce(signed.signer.nonce_key);
    state.commit(&guard, change).await?;
    let spool = {
        let state = state.clone();
        tokio::task::spawn_blocking(move || -> Result<std::fs::File, AppError> {
            let mut file = match &state.settings().data_dir {
                Some(dir) => tempfile::tempfile_in(dir),
                None => tempfile::tempfile(),
            }
            .map_err(AppError::internal)?;
            backup::write(state.store(), state.operator(), state.now(), &mut file).map_err(
                |e| match e {
                    WriteError::Damaged(why) => AppError::said(
                        ErrorCode::StoreDamaged,
                        credential_core::i18n::Msg::new("reg-store-damaged")
                            .arg("why", why.to_string()),
                    )
                    .with_detail(format_args!("backup refused: the store is damaged: {why}")),
                    WriteError::Io(why) => AppError::internal(why),
                },
            )?;
            file.rewind().map_err(AppError::internal)?;
            Ok(file)
        })
        .await
        .map_err(AppError::internal)??
    };
    drop(guard);
    let size = spool.metadata().map_err(AppError::internal)?.len();
    tracing::info!(bytes = size, "backup taken");
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    tokio::task::spawn_blocking(move || {
        let mut file = spool;
        loop {
            let mut buf = vec![0u8; CHUNK];
            match file.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    buf.truncate(n);
                    if tx.blocking_send(Ok(Bytes::from(buf))).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    let _ = tx.blocking_send(Err(e));
                    break;
                }
            }
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    let name = format!(
        "attachment; filename=\"skillpass-backup-{}.jsonl.gz\"",
        state.now().format("%Y%m%dT%H%M%SZ")
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/gzip".to_owned()),
            (header::CONTENT_LENGTH, size.to_string()),
            (header::CONTENT_DISPOSITION, name),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}
