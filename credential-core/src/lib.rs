//! Skillpass credential core: the library behind the `skillpass` command line and the
//! `skillpass-registry` server.
//!
//! Training institutions sign W3C Verifiable Credentials 2.0 (`QualificationCredential`,
//! `SkillCredential`) as compact JWS with Ed25519; an operator signs a trust bundle naming
//! the accredited issuers, their status lists and recognition decisions; a verifier checks
//! a credential offline with the bundle and the operator's pinned key.
//!
//! The modules, from the bottom up: `keys`, `json` and `jws` (Ed25519, strict JSON,
//! compact JWS); `signed` (opening any signed document by its kind); `credential`,
//! `status`, `equivalence` (the documents); `trust` and `seen` (bundles and what a
//! verifier remembers of them); `report` (outcomes, verdicts, the check list every
//! verifier reports through); `verify`, `presentation`, `sdjwt` (the three verifiers);
//! `request`, `wallet`, `paper`, `audit` (the registry's requests, the holder's wallet and
//! card, the registry's log). [`Error`] joins every module's error.
//!
//! The default feature `wallet` brings the holder's wallet (a JWE made by josekit, which
//! links OpenSSL). Without it (`default-features = false`) the crate is the verifier and
//! the issuer's tools in pure Rust, which is how `verifier-web` builds it for
//! WebAssembly. Nothing here reads the clock on the verifying path: every verifier takes
//! `now` from its caller.
//!
//! ```
//! use chrono::{Duration, Utc};
//! use credential_core::{
//!     build_document, did_key_issuer, sign_document, BundleBuilder, IssueOptions, SecretKey,
//!     TrustAnchor, Verdict, Verifier,
//! };
//!
//! let operator = SecretKey::generate();
//! let college = SecretKey::generate();
//! let now = Utc::now();
//! let issuer = did_key_issuer(
//!     &college.public().did(), "Manila College of Nursing", "PH",
//!     vec!["QualificationCredential:PQF-6".parse().unwrap()], now - Duration::days(1),
//! ).unwrap();
//! let bundle = BundleBuilder::new(&operator.public(), 1, now, now + Duration::days(7))
//!     .issuer(issuer)
//!     .sign(&operator)
//!     .unwrap();
//!
//! let claims = serde_json::from_str(include_str!("../../examples/nurse-qualification.json")).unwrap();
//! let doc = build_document(&claims, &college.public().did(), &IssueOptions::new(now)).unwrap();
//! let jws = sign_document(&college, &college.public().did_url(), &doc).unwrap();
//!
//! let anchor = TrustAnchor::from_did(&operator.public().did()).unwrap();
//! let bundle = anchor.verify_bundle(&bundle, None).unwrap();
//! let report = Verifier::new(&bundle, now).verify(&jws);
//! assert_eq!(report.verdict, Verdict::Valid);
//! ```
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod alg;
pub mod audit;
mod binding;
pub mod conformance;
pub mod credential;
pub mod equivalence;
mod error;
pub mod export;
pub mod i18n;
pub mod integrity;
pub mod json;
pub mod jsonld;
pub mod jws;
pub mod keys;
pub mod paper;
pub mod presentation;
pub mod report;
pub mod request;
pub mod sdjwt;
pub mod sdjwt_vc;
pub mod seen;
pub mod signed;
pub mod status;
pub mod trust;
pub mod verify;
#[cfg(feature = "wallet")]
pub mod wallet;

#[cfg(test)]
mod testutil;

pub use credential::schema;

pub use alg::Algorithm;
pub use credential::{
    build_document, format_time, parse_time, sign_document, CheckedCredential, CredentialError,
    CredentialKind, IssueOptions,
};
pub use error::Error;
pub use keys::{KeyError, PublicJwk, PublicKey, SecretKey};
pub use presentation::{
    present, verify_presentation, PresentationCheckId, PresentationError, PresentationReport,
};
pub use seen::{SeenBundles, SeenError};
pub use trust::{
    did_key_issuer, BundleBuilder, BundleError, IssuerEntry, ScopeItem, TrustAnchor, TrustBundle,
    VerifiedBundle,
};
pub use verify::{
    bundle_rejected, Check, CheckId, DirectReport, DirectVerifier, KeyVerifiedCredential, Outcome,
    PublishPolicy, PublishRefusal, Report, Verdict, VerifiedCredential, Verifier,
};
#[cfg(feature = "wallet")]
pub use wallet::{CredentialFormat, LastKnown, Wallet, WalletEntry, WalletError};
