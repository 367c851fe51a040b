//! The holder's commands (the migrant): the encrypted `wallet`, `present` to one verifier,
//! paper (`qr`, `card`), and the registry's copy of a credential (`grant` a verifier access,
//! `fetch` it — as holder, issuer or grantee).

pub(crate) mod card;
mod check;
pub(crate) mod fetch;
pub(crate) mod grant;
pub(crate) mod paper;
pub(crate) mod present;
pub(crate) mod qr;
pub(crate) mod receive;
pub(crate) mod wallet;
mod wallet_file;
