//! The registry's accept loop (HTTP/1.1 over hyper), in place of `axum::serve`, for what
//! that does not offer:
//!
//! - a deadline for a request's headers (`--header-timeout-secs`, hyper's
//!   `header_read_timeout`): the request deadline of the router starts only once headers
//!   are in, so without it a client sending nothing, or one header line every few seconds,
//!   holds a connection for ever;
//! - a cap on open connections (`--max-connections`): over it, new clients wait in the
//!   listen backlog until one closes, and the registry keeps answering the ones it has;
//! - errors in the API's one JSON shape even when hyper answers by itself, before the
//!   router sees a request: a request line or header it cannot parse (400), a URI too long
//!   (414), too many or too large headers (431). hyper writes those as a bare head with
//!   `content-length: 0`; [`Wire`] recognises exactly that head (the router never answers a
//!   4xx without a JSON body, see `routes::json_errors`) and sends the JSON answer instead.
//!   When the header deadline passes with part of a request received, the client gets a
//!   JSON 408; an idle connection is just closed (a 408 there could be read by a client as
//!   the answer to the request it is about to send).

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt as _, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{oneshot, Semaphore};

use crate::config::Settings;
use crate::error::{ErrorBody, ErrorCode, ErrorDetail};

/// Serves `app` on `listener` until `shutdown` completes, then lets open connections finish
/// (at most the request deadline).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    settings: &Settings,
    shutdown: impl Future<Output = ()>,
) {
    let max = settings.max_connections.max(1);
    let permits = Arc::new(Semaphore::new(max));
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(settings.header_timeout);
    let builder = Arc::new(builder);
    let header_secs = settings.header_timeout.as_secs();
    let (closing_tx, closing_rx) = tokio::sync::watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            () = &mut shutdown => break,
            permit = permits.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
        };
        let stream = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait, then go on serving.
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let (handoff_tx, handoff_rx) = oneshot::channel();
        let wire = Wire {
            stream: Some(stream),
            partial_request: false,
            replacement: None,
            handoff: Some(handoff_tx),
        };
        let service = TowerToHyperService::new(app.clone());
        let builder = builder.clone();
        let mut closing = closing_rx.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let mut conn = Box::pin(builder.serve_connection(TokioIo::new(wire), service));
            let result = tokio::select! {
                r = conn.as_mut() => r,
                _ = closing.changed() => {
                    conn.as_mut().graceful_shutdown();
                    conn.as_mut().await
                }
            };
            // Dropping the connection hands the socket back (see `Wire`'s Drop).
            drop(conn);
            if let Err(e) = result {
                if e.is_timeout() {
                    if let Ok((stream, true)) = handoff_rx.await {
                        let message =
                            format!("the request's headers did not arrive within {header_secs} s");
                        send_and_close(stream, ErrorCode::RequestTimeout, &message).await;
                    }
                }
            }
        });
    }
    let _ = closing_tx.send(true);
    // Every connection holds a permit: having them all back means all have closed.
    let wait = settings.request_timeout + settings.header_timeout;
    let all = u32::try_from(max).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(wait, permits.acquire_many(all)).await;
}

/// The bytes of a JSON error answer with `code`'s status that closes the connection.
fn json_answer(code: ErrorCode, message: &str) -> Vec<u8> {
    let body = serde_json::to_vec(&ErrorBody {
        error: ErrorDetail {
            code,
            message: message.to_owned(),
            text: None,
            lang: None,
            dir: None,
        },
    })
    .unwrap_or_default();
    let status = code.status().as_u16();
    let reason = code.status().canonical_reason().unwrap_or("Error");
    let mut out = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(&body);
    out
}

async fn send_and_close(mut stream: TcpStream, code: ErrorCode, message: &str) {
    let bytes = json_answer(code, message);
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        let _ = stream.write_all(&bytes).await;
        let _ = stream.shutdown().await;
    })
    .await;
}

/// The answer to send in place of hyper's bare error head, if `head` is one.
fn replace_hyper_error(head: &[u8]) -> Option<Vec<u8>> {
    let (code, message) = if head.starts_with(b"HTTP/1.1 400 ") {
        (
            ErrorCode::BadRequest,
            "the request is not HTTP/1.1 the registry can read (its request line or a header is malformed)",
        )
    } else if head.starts_with(b"HTTP/1.1 414 ") {
        (ErrorCode::UriTooLong, "the request's URI is too long")
    } else if head.starts_with(b"HTTP/1.1 431 ") {
        (
            ErrorCode::HeadersTooLarge,
            "the request has too many headers, or headers too large",
        )
    } else {
        return None;
    };
    let end = head.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(head.get(..end + 2)?).to_ascii_lowercase();
    if !head.contains("\r\ncontent-length: 0\r\n") {
        return None;
    }
    Some(json_answer(code, message))
}

/// A client connection as hyper sees it: the socket, with hyper's own error heads replaced
/// by JSON answers, and handed back to the accept loop when hyper is done with it.
struct Wire {
    stream: Option<TcpStream>,
    /// Bytes arrived since the last answer was written: a request is half in.
    partial_request: bool,
    /// A JSON answer being written in place of hyper's, and how much of it is out.
    replacement: Option<(Vec<u8>, usize)>,
    handoff: Option<oneshot::Sender<(TcpStream, bool)>>,
}

impl Wire {
    fn stream(&mut self) -> io::Result<Pin<&mut TcpStream>> {
        self.stream
            .as_mut()
            .map(Pin::new)
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotConnected))
    }

    /// Writes out the pending replacement, if any.
    fn drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some((bytes, done)) = self.replacement.take() {
            let rest = bytes.get(done..).unwrap_or_default();
            if rest.is_empty() {
                break;
            }
            let stream = match self.stream.as_mut() {
                Some(s) => Pin::new(s),
                None => return Poll::Ready(Err(io::ErrorKind::NotConnected.into())),
            };
            match stream.poll_write(cx, rest) {
                Poll::Ready(Ok(n)) => {
                    if n == 0 {
                        return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
                    }
                    self.replacement = Some((bytes, done + n));
                }
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => {
                    self.replacement = Some((bytes, done));
                    return Poll::Pending;
                }
            }
        }
        Poll::Ready(Ok(()))
    }

    fn intercept(&mut self, first: &[u8]) -> bool {
        match replace_hyper_error(first) {
            Some(answer) => {
                self.replacement = Some((answer, 0));
                self.partial_request = false;
                true
            }
            None => false,
        }
    }
}

impl AsyncRead for Wire {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        ready!(self.stream()?.poll_read(cx, buf))?;
        if buf.filled().len() > before {
            self.partial_request = true;
        }
        Poll::Ready(Ok(()))
    }
}

impl AsyncWrite for Wire {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        ready!(self.drain(cx))?;
        if self.intercept(buf) {
            // hyper's bytes count as written; ours go out now or on flush.
            let _ = self.drain(cx)?;
            return Poll::Ready(Ok(buf.len()));
        }
        let n = ready!(self.stream()?.poll_write(cx, buf))?;
        self.partial_request = false;
        Poll::Ready(Ok(n))
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        ready!(self.drain(cx))?;
        let first = bufs.iter().find(|b| !b.is_empty());
        if first.is_some_and(|b| self.intercept(b)) {
            let _ = self.drain(cx)?;
            return Poll::Ready(Ok(bufs.iter().map(|b| b.len()).sum()));
        }
        let n = ready!(self.stream()?.poll_write_vectored(cx, bufs))?;
        self.partial_request = false;
        Poll::Ready(Ok(n))
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.as_ref().is_some_and(|s| s.is_write_vectored())
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.drain(cx))?;
        self.stream()?.poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.drain(cx))?;
        self.stream()?.poll_shutdown(cx)
    }
}

impl Drop for Wire {
    fn drop(&mut self) {
        if let (Some(stream), Some(handoff)) = (self.stream.take(), self.handoff.take()) {
            let _ = handoff.send((stream, self.partial_request));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hyper_s_bare_error_heads_are_replaced() {
        let hyper_400 = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\ndate: Thu, 01 Jan 2026 00:00:00 GMT\r\n\r\n";
        let answer = replace_hyper_error(hyper_400).unwrap();
        let text = String::from_utf8(answer).unwrap();
        assert!(text.starts_with("HTTP/1.1 400 Bad Request\r\n"));
        assert!(text.contains("content-type: application/json"));
        assert!(text.ends_with(r#"{"error":{"code":"bad_request","message":"the request is not HTTP/1.1 the registry can read (its request line or a header is malformed)"}}"#));
        let ours = b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 61\r\n\r\n{}";
        assert!(replace_hyper_error(ours).is_none());
        assert!(replace_hyper_error(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n").is_none());
        assert!(replace_hyper_error(b"HTTP/1.1 431 Request").is_none());
    }
}
