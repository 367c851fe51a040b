//! Errors a person reads, in their language. A [`Said`] error carries a catalog message
//! (its `Display` is the English sentence, so logs, tests and `--lang en` read exactly what
//! they always did) and the error that caused it; [`render`] prints an error's whole chain
//! in the reader's language: each `Said` from the catalog, each I/O error by its kind, and
//! anything else (a parser's position, a library's words) as it is.

use std::fmt;

use credential_core::i18n::{Lang, Msg};
use credential_core::WalletError;

/// An error whose words come from the catalogs.
#[derive(Debug)]
pub(crate) struct Said {
    msg: Msg,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg.text(Lang::En))
    }
}

impl std::error::Error for Said {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The error saying `msg`, caused by nothing further.
pub(crate) fn said(msg: Msg) -> anyhow::Error {
    anyhow::Error::new(Said { msg, source: None })
}

/// `.say(|| Msg…)` on a result: its error becomes the cause of a [`Said`] error, as
/// `anyhow`'s `with_context` does with a string.
pub(crate) trait Say<T> {
    fn say(self, msg: impl FnOnce() -> Msg) -> anyhow::Result<T>;
}

impl<T, E> Say<T> for Result<T, E>
where
    E: Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
{
    fn say(self, msg: impl FnOnce() -> Msg) -> anyhow::Result<T> {
        self.map_err(|e| {
            anyhow::Error::new(Said {
                msg: msg(),
                source: Some(e.into()),
            })
        })
    }
}

/// The error's chain in `lang`, joined by `: ` as `{:#}` joins it. In English it is exactly
/// `{:#}`.
pub(crate) fn render(error: &anyhow::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return format!("{error:#}");
    }
    error
        .chain()
        .map(|e| link(e, lang))
        .collect::<Vec<_>>()
        .join(": ")
}

/// [`render`] for an error that is not an `anyhow` one: the error and its sources. In
/// English it is the error's own words.
pub(crate) fn render_std(error: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    // A wallet error's words already say what its cause is.
    if error.downcast_ref::<WalletError>().is_some() {
        return link(error, lang);
    }
    std::iter::successors(Some(error), |e| e.source())
        .map(|e| link(e, lang))
        .collect::<Vec<_>>()
        .join(": ")
}

/// One link of a chain in `lang`.
fn link(e: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    if let Some(s) = e.downcast_ref::<Said>() {
        s.msg.text(lang)
    } else if let Some(io) = e.downcast_ref::<std::io::Error>() {
        io_reason(io).map_or_else(|| data(io, lang), |id| Msg::new(id).text(lang))
    } else if let Some(w) = e.downcast_ref::<WalletError>() {
        wallet_reason(w).map_or_else(|| data(w, lang), |m| m.text(lang))
    } else {
        data(e, lang)
    }
}

/// Words no catalog has (a library's, a parser's): as they are, marked as data under the
/// pseudo-locale as message arguments are.
fn data(e: &dyn std::fmt::Display, lang: Lang) -> String {
    if lang == Lang::Pseudo {
        format!("‹{e}›")
    } else {
        e.to_string()
    }
}

/// The catalog's words for the wallet's errors a holder meets.
fn wallet_reason(e: &WalletError) -> Option<Msg> {
    Some(match e {
        WalletError::WrongPassphrase => Msg::new("wallet-wrong-passphrase"),
        WalletError::Corrupted(why) => Msg::new("wallet-corrupted").arg("reason", why),
        WalletError::BadCredential(why) => Msg::new("wallet-bad-credential").arg("reason", why),
        WalletError::NotTheHolders { subject, holder } => Msg::new("wallet-not-holders")
            .arg("subject", subject)
            .arg("holder", holder),
        WalletError::Duplicate(id) => Msg::new("wallet-duplicate").arg("id", id),
        WalletError::Full => Msg::new("wallet-full").arg(
            "max",
            credential_core::wallet::MAX_WALLET_CREDENTIALS.to_string(),
        ),
        _ => return None,
    })
}

/// The catalog message for the I/O errors a person meets with files: not there, not
/// allowed, a folder where a file was expected.
fn io_reason(e: &std::io::Error) -> Option<&'static str> {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => Some("io-not-found"),
        ErrorKind::PermissionDenied => Some("io-permission-denied"),
        ErrorKind::IsADirectory => Some("io-is-a-directory"),
        ErrorKind::InvalidData => Some("io-not-utf8"),
        ErrorKind::AlreadyExists => Some("io-already-exists"),
        ErrorKind::StorageFull => Some("io-storage-full"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn missing() -> anyhow::Result<()> {
        std::fs::File::open("/nonexistent/skillpass-test")
            .say(|| Msg::new("err-cannot-open").arg("path", "/nonexistent/skillpass-test"))?;
        Ok(())
    }

    #[test]
    fn in_english_an_error_reads_exactly_as_anyhow_prints_it() {
        let e = missing().unwrap_err();
        assert_eq!(render(&e, Lang::En), format!("{e:#}"));
        assert!(
            render(&e, Lang::En)
                .starts_with("cannot open /nonexistent/skillpass-test: No such file or directory"),
            "{e:#}"
        );
    }

    #[test]
    fn in_another_language_each_link_of_the_chain_is_from_the_catalog() {
        let e = missing().unwrap_err();
        assert_eq!(
            render(&e, Lang::De),
            "/nonexistent/skillpass-test kann nicht geöffnet werden: Datei oder Ordner nicht gefunden"
        );
        let e = anyhow::Error::from(std::fmt::Error).context("outer words");
        // What no catalog says stays as it is.
        assert_eq!(
            render(&e, Lang::Fr),
            "outer words: an error occurred when formatting an argument"
        );
    }
}
