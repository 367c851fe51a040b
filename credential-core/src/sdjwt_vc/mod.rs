//! IETF SD-JWT VC (`typ` `dc+sd-jwt`), the format the EU Digital Identity Wallet and other
//! OpenID4VC wallets accept, beside the W3C `vc+jwt` and `vc+sd-jwt`.
//!
//! A Skillpass `dc+sd-jwt` is the same credential in the IETF layout, made from the same
//! VC 2.0 document (so it goes through the same schema, framework-level and status
//! allocation path): `iss` (the issuer's DID), `jti` (the credential id), `iat`/`nbf`
//! (`validFrom`), `exp` (`validUntil`), `vct` (the credential type's URL, whose [Type
//! Metadata](type_metadata) is served there) with `vct#integrity`, `sub` (the holder's DID),
//! `cnf.jwk` (the holder key), `status.status_list` (an IETF Token Status List entry) and
//! the subject's claims at the top level (`name`, `birthDate`, `qualification`, …), the
//! personal ones selectively disclosable as in `vc+sd-jwt`.
//!
//! **Status.** The `status_list` `uri` is the id of the issuer's revocation list — the same
//! list, the same bit, that a Bitstring Status List entry would name. The registry serves
//! that list in both forms by content negotiation (`Accept: application/statuslist+jwt`
//! gets the [Token Status List](token_status) JWT, which the issuer signs over the same
//! bits, LSB first, as the draft wants), so revoking is one operation and the Skillpass
//! verifier reads the status offline from the bundle as for every other credential. A
//! `dc+sd-jwt` carries the revocation entry only: a 1-bit token list has no "suspended".
//!
//! **Verifying.** [`crate::sdjwt::verify_dc`] puts the disclosures back, maps the payload
//! to the VC 2.0 document it was made from ([`layout::to_vc`]) and runs the ordinary checks
//! on it, plus `vct#integrity` against the Type Metadata Skillpass publishes for that
//! `vct`.

pub mod layout;
pub mod token_status;
pub mod type_metadata;

pub use layout::{LayoutError, TYP_DC_SD_JWT};
pub use token_status::{OpenedToken, TokenStatusError, TokenStatusList, TYP_STATUS_LIST};
pub use type_metadata::{integrity, kind_of_vct, type_metadata, type_metadata_bytes, vct_for};

#[cfg(test)]
mod tests;
