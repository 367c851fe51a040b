//! Data Integrity: the second way Skillpass secures a credential, beside VC-JOSE. The
//! proof is embedded in the document (`proof`, type `DataIntegrityProof`) and made with
//! the `eddsa-rdfc-2022` cryptosuite (W3C VC Data Integrity EdDSA Cryptosuites v1.0):
//!
//! 1. the document without its proof, and the proof's options with the document's
//!    `@context` (the *proof configuration*), are each expanded with the shipped contexts
//!    in safe mode and canonicalized with RDFC-1.0 ([`crate::jsonld`]);
//! 2. each canonical form is hashed with SHA-256, and the proof configuration's hash is
//!    followed by the document's (64 bytes);
//! 3. Ed25519 signs those 64 bytes; `proofValue` is the signature in multibase base58btc
//!    (`z…`).
//!
//! The verification method is the issuer's `did:key` URL (`did:key:z6Mk…#z6Mk…`), the
//! same string a VC-JOSE credential carries as `kid`, so the trust bundle finds the key
//! the same way for both. Checked against the W3C test vectors in
//! `credential-core/tests/di_eddsa_vectors.rs`.
//!
//! Layout: `proof` reads, makes and checks a proof; `peek` reads a credential in either
//! securing without verifying it.

mod peek;
mod proof;

#[cfg(test)]
mod tests;

pub use peek::{peek_credential, peek_credential_json};
pub use proof::{
    sign, sign_credential, sign_presentation, verify, IntegrityError, Proof, ProofForm,
    SecuredDocument, CRYPTOSUITE, MAX_DI_CREDENTIAL_LEN, PROOF_PURPOSE, PROOF_TYPE,
};
