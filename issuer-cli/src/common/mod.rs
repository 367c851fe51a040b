//! What the commands of every role share: bounded reads and atomic writes of files, the
//! parsers of values several commands take, the registry client, and trust — the
//! `--bundle/--anchor/--state` arguments with the verifier's memory of bundles behind them.
//! Nothing here knows a command; every command may use anything here.

pub(crate) mod args;
pub(crate) mod client;
pub(crate) mod files;
pub(crate) mod http;
pub(crate) mod lang;
pub(crate) mod openid4vp;
pub(crate) mod said;
pub(crate) mod seen_file;
pub(crate) mod trust;
