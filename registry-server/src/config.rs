//! The registry's one configuration, from flags and environment, checked once at start-up,
//! and the offline commands (`check`, `restore`, `migrate`) that work on a stopped
//! registry's store.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::store::DatabaseUrl;

/// `skillpass-registry`: the Skillpass registry server. With no arguments it serves on
/// 127.0.0.1:8080 from an embedded store in ./skillpass-data, creating the operator key on
/// first start; with --store postgres://… (or SKILLPASS_DATABASE_URL) it serves from a
/// PostgreSQL database instead. `check` and `restore` work on a stopped registry's data
/// directory; `migrate` copies one into PostgreSQL.
///
/// Exit codes: 0 ok; 1 another failure (named in the message, e.g. the database cannot be
/// reached); 2 a wrong setting or key (or a database migrated by a newer registry, or a
/// migration target that is not empty); 3 the listen address is in use; 4 the data
/// directory is in use by another skillpass-registry; 5 the data directory can be read by
/// other users; 6 the store or a backup is damaged.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "skillpass-registry",
    version,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Serving settings (when no command is given).
    #[command(flatten)]
    pub serve: Config,
    /// An offline command; none serves.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The offline commands.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Check a stopped registry's data directory (every record of every tree readable and
    /// of its type, the audit log's hash chain intact), a PostgreSQL database, or a backup
    /// file; exit 0 when intact, 6 when damaged.
    Check(CheckArgs),
    /// Restore a backup (from `skillpass operator backup`) into a new data directory, after
    /// verifying its signature, every record and the audit log chain.
    Restore(RestoreArgs),
    /// Copy a stopped registry's embedded store into an empty PostgreSQL database in one
    /// transaction (every tree, the audit log chain intact), check the copy end to end, and
    /// say what was copied.
    Migrate(MigrateArgs),
}

/// `check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The data directory to check (the registry using it must be stopped).
    #[arg(
        long,
        env = "SKILLPASS_DATA",
        required_unless_present_any = ["backup", "store"],
        conflicts_with_all = ["backup", "store"]
    )]
    pub data: Option<PathBuf>,
    /// A backup file to verify instead.
    #[arg(long, conflicts_with = "store")]
    pub backup: Option<PathBuf>,
    /// A PostgreSQL database to check instead (postgres://USER@HOST:PORT/DB; it may stay in
    /// use: the check reads it page by page).
    #[arg(long, value_name = "URL")]
    pub store: Option<DatabaseUrl>,
}

/// `migrate`.
#[derive(Debug, Clone, Args)]
pub struct MigrateArgs {
    /// The registry to copy: `sled:DIR`, its data directory (the registry must be stopped).
    #[arg(long, value_name = "sled:DIR", value_parser = sled_source)]
    pub from: PathBuf,
    /// The empty PostgreSQL database to copy into (postgres://USER:PASSWORD@HOST:PORT/DB);
    /// the registry creates its tables there.
    #[arg(
        long,
        value_name = "URL",
        env = "SKILLPASS_DATABASE_URL",
        hide_env_values = true
    )]
    pub to: DatabaseUrl,
}

/// A `migrate --from` that is not `sled:DIR`.
#[derive(Debug, thiserror::Error)]
#[error("give the source as sled:DIR, the data directory of a stopped registry (for example sled:./skillpass-data), not {0:?}")]
pub struct SledSourceError(String);

/// `sled:DIR` → DIR.
fn sled_source(s: &str) -> Result<PathBuf, SledSourceError> {
    match s.strip_prefix("sled:") {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => Err(SledSourceError(s.to_owned())),
    }
}

/// `restore`.
#[derive(Debug, Clone, Args)]
pub struct RestoreArgs {
    /// The backup file.
    #[arg(long)]
    pub from: PathBuf,
    /// The new data directory (must not exist, or be empty); created with mode 0700.
    #[arg(long)]
    pub data: PathBuf,
    /// The highest trust bundle sequence the old registry may have signed: the restored
    /// registry signs its first bundle above it, so no verifier ever sees two different
    /// bundles with one sequence. Take it from the newest bundle anyone holds, with a margin.
    #[arg(long)]
    pub min_sequence: Option<u64>,
    /// The newest trust bundle the old registry served (a `bundle.jws` from
    /// `skillpass bundle fetch` or from a verifier); its sequence is used as --min-sequence.
    #[arg(long)]
    pub bundle: Option<PathBuf>,
    /// The operator's private key to copy into the new data directory as operator.key
    /// (it must be the backup's anchor); without it, copy the key there yourself or start
    /// with --operator-key.
    #[arg(long)]
    pub operator_key: Option<PathBuf>,
}

/// How the registry serves.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "SKILLPASS_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Data directory (the embedded store and, by default, the operator key; with --store,
    /// only the operator key).
    #[arg(long, env = "SKILLPASS_DATA", default_value = "./skillpass-data")]
    pub data: PathBuf,
    /// Serve from this PostgreSQL database instead of the embedded store
    /// (postgres://USER:PASSWORD@HOST:PORT/DB; the registry creates and migrates its tables).
    /// Prefer the environment variable, or PGPASSWORD for the password, to keep the password
    /// out of the process list.
    #[arg(
        long,
        value_name = "URL",
        env = "SKILLPASS_DATABASE_URL",
        hide_env_values = true
    )]
    pub store: Option<DatabaseUrl>,
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
    /// Longest a client may take to send a request's headers (counted from the connection's
    /// start, or from the previous answer on a kept-alive connection); then the connection
    /// is closed (with 408 `request_timeout` if part of a request had arrived).
    #[arg(long, env = "SKILLPASS_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u32,
    /// Most connections open at once; further clients wait to be accepted until one closes.
    #[arg(long, env = "SKILLPASS_MAX_CONNECTIONS", default_value_t = 512)]
    pub max_connections: u32,
    /// Serve from a data directory that other users can read (it holds credentials with
    /// personal data; by default the registry refuses and says `chmod 700 DIR`).
    #[arg(long, env = "SKILLPASS_ALLOW_SHARED_DATA_DIR")]
    pub allow_shared_data_dir: bool,
    /// The registry's public base URL (https://registry.example.org): IETF SD-JWT VC
    /// credentials name their type as `{URL}/types/{Type}` (`skillpass issue --dc-sd-jwt
    /// --vct-base URL`), and the registry serves that type's metadata only when it knows the
    /// URL it is reached at.
    #[arg(long, env = "SKILLPASS_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
}

/// The settings handlers need, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long a signed bundle stays current; it is re-signed after half of it.
    pub bundle_validity: chrono::Duration,
    /// Largest request body, in bytes (413 above it).
    pub max_body_bytes: usize,
    /// How far a signed request's `iat` may be from the clock, in seconds either way.
    pub request_window_secs: i64,
    /// Longest a request may take, body included (408 after it).
    pub request_timeout: std::time::Duration,
    /// Longest a client may take to send a request's headers.
    pub header_timeout: std::time::Duration,
    /// Most connections open at once.
    pub max_connections: usize,
    /// The data directory: a backup is spooled there (in an unnamed 0600 file) before it is
    /// sent, and the commit watermark is kept there (see `ledger/watermark.rs`). Unset in tests: the
    /// system's temporary directory, and no watermark.
    pub data_dir: Option<PathBuf>,
    /// The public base URL, without a trailing `/` (`--public-url`): the `vct` base of the
    /// Type Metadata served at `/types/{Type}`. None: no Type Metadata is served.
    pub public_url: Option<String>,
}

/// A setting the registry does not accept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    /// A number outside its range.
    #[error("{flag} must be between {min} and {max}")]
    Range {
        /// The flag, e.g. `--max-body-bytes`.
        flag: &'static str,
        /// The smallest accepted value, in words.
        min: &'static str,
        /// The largest accepted value, in words.
        max: &'static str,
    },
    /// A `--public-url` that is not a plain http(s) base URL.
    #[error("--public-url must be an http(s) URL with a host and no query, fragment or user name, such as https://registry.example.org")]
    PublicUrl,
}

/// `value` must lie in `range`, or `flag` is refused naming the bounds in words.
fn within<T: PartialOrd>(
    flag: &'static str,
    value: T,
    range: std::ops::RangeInclusive<T>,
    (min, max): (&'static str, &'static str),
) -> Result<(), SettingError> {
    if range.contains(&value) {
        Ok(())
    } else {
        Err(SettingError::Range { flag, min, max })
    }
}

/// A `--public-url`: http(s), a host, no query, fragment, user name or white space; kept
/// without its trailing `/`.
fn public_base_url(s: &str) -> Result<String, SettingError> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or(SettingError::PublicUrl)?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty()
        || s.len() > 512
        || s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '@' | '\\'))
    {
        return Err(SettingError::PublicUrl);
    }
    Ok(s.trim_end_matches('/').to_owned())
}

impl Config {
    /// Checks the values once; the error names the setting that is wrong.
    pub fn check(&self) -> Result<Settings, SettingError> {
        within(
            "--bundle-validity-hours",
            self.bundle_validity_hours,
            1..=24 * 366,
            ("1", "8784"),
        )?;
        within(
            "--max-body-bytes",
            self.max_body_bytes,
            1024..=64 * 1024 * 1024,
            ("1 KiB", "64 MiB"),
        )?;
        within(
            "--request-window-secs",
            self.request_window_secs,
            10..=3600,
            ("10", "3600"),
        )?;
        within(
            "--request-timeout-secs",
            self.request_timeout_secs,
            1..=3600,
            ("1", "3600"),
        )?;
        within(
            "--header-timeout-secs",
            self.header_timeout_secs,
            1..=600,
            ("1", "600"),
        )?;
        within(
            "--max-connections",
            self.max_connections,
            1..=100_000,
            ("1", "100000"),
        )?;
        let public_url = self
            .public_url
            .as_deref()
            .map(public_base_url)
            .transpose()?;
        Ok(Settings {
            public_url,
            bundle_validity: chrono::Duration::hours(i64::from(self.bundle_validity_hours)),
            max_body_bytes: self.max_body_bytes,
            request_window_secs: i64::from(self.request_window_secs),
            request_timeout: std::time::Duration::from_secs(u64::from(self.request_timeout_secs)),
            header_timeout: std::time::Duration::from_secs(u64::from(self.header_timeout_secs)),
            max_connections: self.max_connections as usize,
            // The commit watermark guards sled's files; PostgreSQL keeps its own WAL.
            data_dir: self.store.is_none().then(|| self.data.clone()),
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
            header_timeout: std::time::Duration::from_secs(10),
            max_connections: 512,
            data_dir: None,
            public_url: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory as _;
        Cli::command().debug_assert();
    }

    #[test]
    fn a_setting_out_of_range_is_refused_naming_the_flag_and_its_bounds() {
        let serve = |args: &[&str]| {
            let mut all = vec!["skillpass-registry"];
            all.extend_from_slice(args);
            Cli::try_parse_from(all).unwrap().serve.check()
        };
        assert!(serve(&[]).is_ok());
        for (args, message) in [
            (
                &["--bundle-validity-hours", "0"][..],
                "--bundle-validity-hours must be between 1 and 8784",
            ),
            (
                &["--max-body-bytes", "1023"],
                "--max-body-bytes must be between 1 KiB and 64 MiB",
            ),
            (
                &["--request-window-secs", "3601"],
                "--request-window-secs must be between 10 and 3600",
            ),
            (
                &["--request-timeout-secs", "0"],
                "--request-timeout-secs must be between 1 and 3600",
            ),
            (
                &["--header-timeout-secs", "601"],
                "--header-timeout-secs must be between 1 and 600",
            ),
            (
                &["--max-connections", "100001"],
                "--max-connections must be between 1 and 100000",
            ),
        ] {
            assert_eq!(serve(args).unwrap_err().to_string(), message);
        }
        assert!(serve(&[
            "--max-body-bytes",
            "67108864",
            "--max-connections",
            "100000"
        ])
        .is_ok());
    }

    #[test]
    fn a_public_url_is_kept_without_its_slash_and_anything_but_a_plain_base_is_refused() {
        let serve = |url: &str| {
            Cli::try_parse_from(["skillpass-registry", "--public-url", url])
                .unwrap()
                .serve
                .check()
        };
        assert_eq!(
            serve("https://registry.example.org/")
                .unwrap()
                .public_url
                .as_deref(),
            Some("https://registry.example.org")
        );
        assert_eq!(
            serve("http://127.0.0.1:8080/skillpass")
                .unwrap()
                .public_url
                .as_deref(),
            Some("http://127.0.0.1:8080/skillpass")
        );
        for bad in [
            "registry.example.org",
            "ftp://registry.example.org",
            "https://",
            "https:///types",
            "https://registry.example.org/?a=1",
            "https://registry.example.org/#x",
            "https://user@registry.example.org",
            "https://registry example.org",
        ] {
            assert_eq!(serve(bad).unwrap_err(), SettingError::PublicUrl, "{bad}");
        }
        assert!(SettingError::PublicUrl
            .to_string()
            .contains("https://registry.example.org"));
    }

    #[test]
    fn a_database_url_is_chosen_by_store_and_its_password_never_shows() {
        let cli = Cli::try_parse_from([
            "skillpass-registry",
            "--store",
            "postgres://skillpass:s3cret-pw@db.example:6543/registry",
        ])
        .unwrap();
        let url = cli.serve.store.clone().unwrap();
        assert_eq!(
            url.redacted(),
            "postgres://skillpass@db.example:6543/registry"
        );
        let shown = format!("{cli:?}");
        assert!(!shown.contains("s3cret-pw"), "{shown}");
        assert_eq!(cli.serve.check().unwrap().data_dir, None);
    }

    #[test]
    fn a_store_that_is_not_a_postgres_url_is_refused_with_an_example() {
        let err = Cli::try_parse_from(["skillpass-registry", "--store", "mysql://x@y/z"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("postgres://"), "{err}");
        let err = Cli::try_parse_from([
            "skillpass-registry",
            "--store",
            "postgres://u@h/d?nonsense=1",
        ])
        .unwrap_err()
        .to_string();
        assert!(err.contains("not valid"), "{err}");
        let err = Cli::try_parse_from([
            "skillpass-registry",
            "--store",
            "postgres://u@h/d?sslmode=require",
        ])
        .unwrap_err()
        .to_string();
        assert!(err.contains("without TLS"), "{err}");
    }

    #[test]
    fn migrate_takes_its_source_as_sled_dir() {
        let cli = Cli::try_parse_from([
            "skillpass-registry",
            "migrate",
            "--from",
            "sled:/srv/data",
            "--to",
            "postgres://u@h/d",
        ])
        .unwrap();
        match cli.command {
            Some(Command::Migrate(m)) => assert_eq!(m.from, PathBuf::from("/srv/data")),
            other => panic!("{other:?}"),
        }
        let err = Cli::try_parse_from([
            "skillpass-registry",
            "migrate",
            "--from",
            "/srv/data",
            "--to",
            "postgres://u@h/d",
        ])
        .unwrap_err()
        .to_string();
        assert!(err.contains("sled:DIR"), "{err}");
    }
}
