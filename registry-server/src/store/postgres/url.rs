//! A checked PostgreSQL connection URL whose password never shows in messages or logs.

use std::str::FromStr;

use super::{OpenError, POOL_TIMEOUT};
/// A checked PostgreSQL connection URL (`postgres://` or `postgresql://`). Its `Debug` and
/// [`DatabaseUrl::redacted`] never show the password.
#[derive(Clone)]
pub struct DatabaseUrl {
    url: String,
    config: tokio_postgres::Config,
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("DatabaseUrl")
            .field(&self.redacted())
            .finish()
    }
}

/// Why a database URL was refused. The messages never repeat the URL: it may hold a password.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DatabaseUrlError {
    /// Not a `postgres://` or `postgresql://` URL.
    #[error("a database URL starts with postgres:// (for example postgres://skillpass@127.0.0.1:5432/skillpass)")]
    Scheme,
    /// Over 4 KiB.
    #[error("the database URL is longer than 4096 bytes")]
    TooLong,
    /// The driver could not read it (its message names the option at fault, not a value).
    #[error("the database URL is not valid: {0}")]
    Invalid(tokio_postgres::Error),
    /// `sslmode=require`, which this registry cannot honour.
    #[error(
        "sslmode=require: this registry connects to PostgreSQL without TLS; reach the \
         database over a local socket, a private network or a tunnel, and leave sslmode out"
    )]
    Tls,
}

impl FromStr for DatabaseUrl {
    type Err = DatabaseUrlError;

    fn from_str(url: &str) -> Result<Self, DatabaseUrlError> {
        let url = url.trim();
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(DatabaseUrlError::Scheme);
        }
        if url.len() > 4096 {
            return Err(DatabaseUrlError::TooLong);
        }
        let config = tokio_postgres::Config::from_str(url).map_err(DatabaseUrlError::Invalid)?;
        if config.get_ssl_mode() == tokio_postgres::config::SslMode::Require {
            return Err(DatabaseUrlError::Tls);
        }
        Ok(Self {
            url: url.to_owned(),
            config,
        })
    }
}

impl DatabaseUrl {
    /// The URL as given (with its password, if any): for handing to another process only.
    pub fn as_secret_str(&self) -> &str {
        &self.url
    }

    /// `postgres://user@host:port/dbname`, without password or options: for messages.
    pub fn redacted(&self) -> String {
        let c = &self.config;
        let user = c.get_user().map(|u| format!("{u}@")).unwrap_or_default();
        let hosts: Vec<String> = c
            .get_hosts()
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let host = match h {
                    tokio_postgres::config::Host::Tcp(name) => name.clone(),
                    #[cfg(unix)]
                    tokio_postgres::config::Host::Unix(path) => path.display().to_string(),
                };
                match c.get_ports().get(i).or(c.get_ports().first()) {
                    Some(port) => format!("{host}:{port}"),
                    None => host,
                }
            })
            .collect();
        let db = c.get_dbname().unwrap_or_default();
        format!("postgres://{user}{}/{db}", hosts.join(","))
    }

    /// The connection settings the store uses: the URL's, plus durable commits, a name in
    /// `pg_stat_activity`, a connection deadline, and libpq's defaults for a missing host
    /// (the local socket), user (the login name) and password (`PGPASSWORD`).
    pub(super) fn store_config(&self) -> Result<tokio_postgres::Config, OpenError> {
        let mut config = self.config.clone();
        if config.get_password().is_none() {
            if let Some(password) = std::env::var_os("PGPASSWORD") {
                config.password(password.as_encoded_bytes());
            }
        }
        // An acknowledged write survives a crash: whatever the server's default, commits
        // wait for the WAL flush.
        let options = match config.get_options() {
            Some(o) if !o.trim().is_empty() => format!("{o} -c synchronous_commit=on"),
            _ => "-c synchronous_commit=on".to_owned(),
        };
        config.options(&options);
        if config.get_application_name().is_none() {
            config.application_name("skillpass-registry");
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(POOL_TIMEOUT);
        }
        if config.get_hosts().is_empty() {
            #[cfg(unix)]
            config.host_path("/var/run/postgresql");
            #[cfg(not(unix))]
            config.host("localhost");
        }
        if config.get_user().is_none() {
            match std::env::var("USER").or_else(|_| std::env::var("LOGNAME")) {
                Ok(user) => {
                    config.user(&user);
                }
                Err(_) => {
                    return Err(OpenError::Url(
                        "the database URL names no user (postgres://USER@HOST/DB)".into(),
                    ))
                }
            }
        }
        Ok(config)
    }

    /// The same server and credentials, another database.
    pub fn with_dbname(&self, dbname: &str) -> DatabaseUrl {
        let (head, query) = match self.url.split_once('?') {
            Some((h, q)) => (h, Some(q)),
            None => (self.url.as_str(), None),
        };
        let scheme_end = head.find("://").map_or(0, |i| i + 3);
        let authority_end = head
            .get(scheme_end..)
            .and_then(|rest| rest.find('/'))
            .map_or(head.len(), |i| scheme_end + i);
        let mut url = format!("{}/{dbname}", head.get(..authority_end).unwrap_or(head));
        if let Some(q) = query {
            url.push('?');
            url.push_str(q);
        }
        let mut config = self.config.clone();
        config.dbname(dbname);
        DatabaseUrl { url, config }
    }
}
