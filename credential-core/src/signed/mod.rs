//! One way to open a signed document of any kind Skillpass exchanges.
//!
//! Each kind (`kinds.rs`) declares its `typ`, size limit, key rule and payload decoder in
//! one place. Opening runs the same steps for all: parse within the size limit (allowed algorithms only,
//! no `crit`) → `typ` → the key for the `kid` from where the kind's rule says → signature →
//! strict JSON → decode, and returns [`Opened`]: header, typed payload and the key that
//! verified. Verifiers that report every check by name (credentials, presentations) use
//! [`parse`] with the kind's limit and run the steps themselves.
//!
//! ```
//! use credential_core::request::sign_request;
//! use credential_core::signed::{open, KidDidKey, RequestJwt};
//! use credential_core::SecretKey;
//!
//! let key = SecretKey::generate();
//! let header = sign_request(&key, "GET", "/issuers", b"");
//! let jws = header.strip_prefix("Skillpass ").unwrap();
//! let opened = open::<RequestJwt>(jws, &KidDidKey).unwrap();
//! assert_eq!(opened.key, key.public());
//! assert_eq!(opened.payload.path, "/issuers");
//! ```

mod kind;
mod kinds;
mod open;

#[cfg(test)]
mod tests;

pub use kind::{KeyRule, Kind};
pub use kinds::{
    BundleJwt, CredentialJwt, DcSdJwtIssuerJwt, DecisionJwt, KeyBindingJwt, KeyProofJwt,
    PresentationJwt, RequestJwt, SdJwtIssuerJwt, StatusListJwt, UploadedStatusListJwt,
};
pub use open::{
    open, parse, peek_json, peek_unverified, KeyRefusal, KeySource, KidDidKey, OpenError, Opened,
    PeekError, Unopened,
};
