//! The holder's commands (the migrant): the encrypted `wallet`, `present` to one verifier,
//! paper (`qr`, `card`), and the registry's copy of a credential (`grant` a verifier access,
//! `fetch` it — as holder, issuer or grantee). The wallet speaks the wallet protocols:
//! `wallet receive` (OpenID4VCI) and `wallet respond` (OpenID4VP).

pub(crate) mod card;
mod check;
pub(crate) mod fetch;
pub(crate) mod grant;
pub(crate) mod paper;
pub(crate) mod present;
pub(crate) mod qr;
pub(crate) mod receive;
pub(crate) mod respond;
pub(crate) mod wallet;
mod wallet_file;
