//! Views of a Skillpass credential for the platforms people already use, made from the
//! same validated claims: an Open Badges 3.0 `OpenBadgeCredential` ([`open_badge`]) and a
//! European Learning Model credential ([`learning_model`]).
//!
//! Both start from [`read_own`]: the credential (a `vc+jwt` or a Data Integrity JSON
//! credential) must be signed by the key of the issuer DID it names, and pass its schema
//! and framework-level checks. Whether that issuer is accredited is a verifier's question
//! (the trust bundle), not the exporter's: the issuer exports its own credentials.
//!
//! What each view carries and leaves out is listed in `contexts/VOCABULARY.md` and the
//! README. Codes become the official concept URIs: EQF levels
//! `http://data.europa.eu/snb/eqf/<n>`, ISCED-F fields
//! `http://data.europa.eu/snb/isced-f/<code>`, ISCO-08 groups as ESCO publishes them
//! `http://data.europa.eu/esco/isco/C<code>`. An EQF level is stated only where the
//! credential states one or the shipped framework data holds an official referencing of
//! its level; nothing is inferred through other frameworks.
//!
//! Layout: `read` opens the credential; `text` picks and maps texts and concepts;
//! `ob3` and `elm` build the two views.

mod elm;
mod ob3;
mod read;
mod text;

#[cfg(test)]
mod tests;

pub use elm::{learning_model, ELM_CONTEXT};
pub use ob3::{open_badge, sign_open_badge};
pub use read::{read_own, ExportError, OwnCredential};
pub use text::{eqf_level, esco_isco_uri, EQF_URI, ISCED_F_URI};
