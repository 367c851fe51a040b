//! Who sent a request, and what they may do.
//!
//! `request.rs` authenticates signed requests (`Authorization: Skillpass <JWS>`, see
//! [`credential_core::request`]) in the extractors handlers take: [`Signed`] for a signed
//! JSON body, [`SignedEmpty`] for a signed request without one. They check the signature,
//! the method/path/body binding, the time window and that the nonce is unseen, and bound
//! the body; the handler commits the nonce with its change, so a request is used once.
//!
//! `rules.rs` holds the access rules handlers apply to the [`Signer`]: the operator, the
//! issuer whose current key signed, a credential's readers (issuer, holder, grantee) and
//! its holder.

mod request;
mod rules;

pub use request::{Signed, SignedEmpty, Signer};
pub use rules::{
    may_read_credential, require_holder, require_issuer_of, require_operator,
    signed_with_current_key, signing_issuer,
};
