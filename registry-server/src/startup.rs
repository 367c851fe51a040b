//! Why the registry (or one of its offline commands) could not do its job, with a sentence
//! for the operator and a documented exit code per kind, and a guard that turns a panic
//! inside the storage engine into such a sentence instead of a crash.

use std::sync::Mutex;

/// A failure to start, check or restore.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// A wrong setting, or an operator key that does not fit the store (exit 2).
    #[error("{0}")]
    Config(String),
    /// The listen address is taken (exit 3).
    #[error("{0}")]
    Listen(String),
    /// Another registry holds the data directory (exit 4).
    #[error("{0}")]
    InUse(String),
    /// The data directory (or the operator key) can be read by other users (exit 5).
    #[error("{0}")]
    SharedDataDir(String),
    /// The store or a backup is damaged (exit 6).
    #[error("{0}")]
    Damaged(String),
    /// Anything else, named in the message (exit 1).
    #[error("{0}")]
    Other(String),
}

impl Failure {
    /// The documented exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Other(_) => 1,
            Failure::Config(_) => 2,
            Failure::Listen(_) => 3,
            Failure::InUse(_) => 4,
            Failure::SharedDataDir(_) => 5,
            Failure::Damaged(_) => 6,
        }
    }
}

/// The message of the last panic, kept by the hook [`quiet_panics`] installs.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Installs a panic hook that logs one line (no stack trace on the operator's terminal) and
/// keeps the message for [`guard`].
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        tracing::error!(panic = %message, "internal failure");
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(message);
        }
    }));
}

/// Runs `f`, turning a panic inside it (sled panics on some kinds of damaged files) into
/// [`Failure::Damaged`] naming `what`.
pub fn guard<T>(what: &str, f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let message = LAST_PANIC
                .lock()
                .ok()
                .and_then(|mut m| m.take())
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown failure".to_owned());
            Err(Failure::Damaged(format!(
                "the storage engine failed while {what} ({message}): the store is damaged"
            )))
        }
    }
}
