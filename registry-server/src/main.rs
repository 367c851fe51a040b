//! `skillpass-registry`: reads the [`Config`], opens the store and the operator key, and
//! serves [`registry_server::app`] until SIGINT or SIGTERM.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use clap::Parser as _;
use credential_core::SecretKey;
use registry_server::store::SledStore;
use registry_server::{app, AppState, Config};

fn main() -> ExitCode {
    let config = Config::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("skillpass-registry: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("skillpass-registry: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn run(config: Config) -> Result<()> {
    let settings = config.check().map_err(anyhow::Error::msg)?;
    std::fs::create_dir_all(&config.data)
        .with_context(|| format!("cannot create {}", config.data.display()))?;
    let operator = load_or_create_key(&config.operator_key_path())?;
    let store = SledStore::open(&config.data.join("store"))
        .with_context(|| format!("cannot open the store in {}", config.data.display()))?;
    let state = AppState::new(Arc::new(store), operator, settings)
        .map_err(|e| anyhow::anyhow!("cannot prepare the registry: {}", e.code()))?;
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    let addr = listener.local_addr()?;
    // Scripts and tests read these two lines.
    println!("anchor: {}", state.operator_did());
    println!("listening: http://{addr}");
    tracing::info!(%addr, anchor = state.operator_did(), "registry started");
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown())
        .await?;
    tracing::info!("registry stopped");
    Ok(())
}

/// Reads the operator key, or creates it (mode 0600) on first start.
fn load_or_create_key(path: &Path) -> Result<SecretKey> {
    if path.exists() {
        let text = zeroize_text(
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?,
        );
        return SecretKey::from_private_jwk(&text)
            .with_context(|| format!("{} is not an Ed25519 private key", path.display()));
    }
    let key = SecretKey::generate();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    use std::io::Write as _;
    file.write_all(key.to_private_jwk().as_bytes())?;
    file.sync_all()?;
    tracing::info!(path = %path.display(), "created the operator key");
    Ok(key)
}

fn zeroize_text(s: String) -> zeroize::Zeroizing<String> {
    zeroize::Zeroizing::new(s)
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
