//! Running one of the command's HTTP services (`issuer serve`, `issuer serve-vc-api`,
//! `verifier serve`) until Ctrl-C: its own runtime, the listener, one line on standard error
//! saying where it answers, and a graceful stop.

use std::net::SocketAddr;

use anyhow::{Context as _, Result};

/// Serves `app` on `listen` until Ctrl-C. `announce` gets the address actually bound (the
/// port chosen when `listen` asks for 0) and returns the line printed on standard error;
/// `what` names the service in errors.
pub(crate) fn serve_until_ctrl_c(
    listen: SocketAddr,
    app: axum::Router,
    what: &str,
    announce: impl FnOnce(SocketAddr) -> String + Send + 'static,
) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the service's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        eprintln!("{}", announce(listener.local_addr().unwrap_or(listen)));
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .with_context(|| format!("the {what} stopped"))
    })
}
