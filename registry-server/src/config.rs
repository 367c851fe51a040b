//! The registry's one configuration, from flags and environment, checked once at start-up.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

/// `skillpass-registry`: the Skillpass registry server. With no arguments it serves on
/// 127.0.0.1:8080 from an embedded store in ./skillpass-data, creating the operator key on
/// first start.
#[derive(Debug, Clone, Parser)]
#[command(name = "skillpass-registry", version)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "SKILLPASS_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Data directory (the embedded store and, by default, the operator key).
    #[arg(long, env = "SKILLPASS_DATA", default_value = "./skillpass-data")]
    pub data: PathBuf,
    /// The operator's (trust anchor's) private key file; default DATA/operator.key,
    /// created with mode 0600 on first start.
    #[arg(long, env = "SKILLPASS_OPERATOR_KEY")]
    pub operator_key: Option<PathBuf>,
    /// Hours a trust bundle stays current (its next-update time); the registry re-signs
    /// it when half of that has passed.
    #[arg(long, env = "SKILLPASS_BUNDLE_VALIDITY_HOURS", default_value_t = 24)]
    pub bundle_validity_hours: u32,
    /// Largest request body accepted, in bytes.
    #[arg(long, env = "SKILLPASS_MAX_BODY_BYTES", default_value_t = 1024 * 1024)]
    pub max_body_bytes: usize,
    /// Seconds a signed request's timestamp may differ from the server's clock.
    #[arg(long, env = "SKILLPASS_REQUEST_WINDOW_SECS", default_value_t = 300)]
    pub request_window_secs: u32,
    /// Longest a request may take, body upload included, before it is answered 408 (a
    /// client trickling its body cannot hold a connection and its memory forever).
    #[arg(long, env = "SKILLPASS_REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u32,
}

/// The settings handlers need, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Trust bundle validity.
    pub bundle_validity: chrono::Duration,
    /// Body limit in bytes.
    pub max_body_bytes: usize,
    /// Signed-request window in seconds.
    pub request_window_secs: i64,
    /// Longest a request may take.
    pub request_timeout: std::time::Duration,
}

impl Config {
    /// Checks the values once; the message says which setting is wrong.
    pub fn check(&self) -> Result<Settings, String> {
        if !(1..=24 * 366).contains(&self.bundle_validity_hours) {
            return Err("--bundle-validity-hours must be between 1 and 8784".into());
        }
        if !(1024..=64 * 1024 * 1024).contains(&self.max_body_bytes) {
            return Err("--max-body-bytes must be between 1 KiB and 64 MiB".into());
        }
        if !(10..=3600).contains(&self.request_window_secs) {
            return Err("--request-window-secs must be between 10 and 3600".into());
        }
        if !(1..=3600).contains(&self.request_timeout_secs) {
            return Err("--request-timeout-secs must be between 1 and 3600".into());
        }
        Ok(Settings {
            bundle_validity: chrono::Duration::hours(i64::from(self.bundle_validity_hours)),
            max_body_bytes: self.max_body_bytes,
            request_window_secs: i64::from(self.request_window_secs),
            request_timeout: std::time::Duration::from_secs(u64::from(self.request_timeout_secs)),
        })
    }

    /// Where the operator key lives.
    pub fn operator_key_path(&self) -> PathBuf {
        self.operator_key
            .clone()
            .unwrap_or_else(|| self.data.join("operator.key"))
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            bundle_validity: chrono::Duration::hours(24),
            max_body_bytes: 1024 * 1024,
            request_window_secs: 300,
            request_timeout: std::time::Duration::from_secs(30),
        }
    }
}
