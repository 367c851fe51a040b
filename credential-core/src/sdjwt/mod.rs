//! Selective disclosure: credentials issued as SD-JWTs (RFC 9901), so that a holder shows
//! a verifier only the claims it needs.
//!
//! **Issuing.** The payload is the ordinary VC 2.0 document (VC-JOSE-COSE "securing with
//! SD-JWT", `typ` `vc+sd-jwt`) in which each selectively disclosable claim is replaced by
//! the SHA-256 digest of its *disclosure* — `base64url(JSON [salt, name, value])` with a
//! random 128-bit salt — listed in that object's `_sd` array (sorted, with a few decoy
//! digests so their number says nothing). `_sd_alg` is `sha-256` and `cnf.jwk` is the
//! holder's key, taken from the holder's did:key in `credentialSubject.id`. Personal claims
//! (`birthDate`, `nationality`, `grade`) are always selectively disclosable; the issuer can
//! add any other subject or qualification claim except the ones a verifier needs to check
//! trust (`id`, `frameworkLevels`). The issued SD-JWT is `<JWS>~<disclosure>~…~`.
//!
//! **Presenting.** The holder keeps the chosen disclosures and appends a key-binding JWT
//! (`typ` `kb+jwt`, signed with the `cnf` key) with `aud`, `nonce`, `iat` and `sd_hash`, the
//! base64url SHA-256 of everything before it: `<JWS>~<chosen>~…~<KB-JWT>`.
//!
//! **Verifying.** The issuer-signed JWS goes through the ordinary credential checks
//! ([`Verifier`](crate::Verifier): trust bundle, accreditation, key, signature, schema,
//! validity, status, freshness of the bundle) on the document with the presented
//! disclosures put back, and then these:
//!
//! 1. `well-formed` — size and count limits, the `~` structure, each disclosure a
//!    base64url JSON array `[salt, name, value]`;
//! 2. `disclosures` — every disclosure's digest is in the signed payload exactly once
//!    (a disclosure that was not issued, or was altered, is refused), `_sd_alg` is sha-256;
//! 3. `key-binding` — a `kb+jwt` signed by the `cnf.jwk` key whose `sd_hash` covers exactly
//!    the issuer JWS and the disclosures presented;
//! 4. `audience`, 5. `nonce`, 6. `freshness` — of the key-binding JWT, as for presentations;
//! 7. `holder-binding` — the `cnf` key is the key of `credentialSubject.id`.
//!
//! The report lists the claims disclosed and, for the objects that hold undisclosed
//! digests, which of the well-known claims were not disclosed.
//!
//! Layout, by stage: `parts` and `disclosure` read the text; `claims` names claims;
//! `issue` and `present` are the issuer's and holder's sides; `process` puts disclosures
//! back; `check`, `verify` and `report` are the verifier's.

mod check;
mod claims;
mod disclosure;
mod issue;
mod parts;
mod present;
mod process;
mod report;
mod verify;

#[cfg(test)]
mod tests;

pub use check::{SdCheck, SdCheckId};
pub use claims::{ALWAYS_VISIBLE, PERSONAL_CLAIMS};
pub use disclosure::{digest, Disclosure, DisclosureError};
pub use issue::{issue, issue_dc, Malformed, SdJwtError, TYP_SD_JWT};
pub use parts::{split, SdJwtParts, SplitError, MAX_DISCLOSURES, MAX_SD_JWT_LEN};
pub use present::{present, reveal_all_unchecked};
pub use process::{DisclosureProblem, SD_ALG};
pub use report::SdJwtReport;
pub(crate) use verify::reveal_disclosed;
pub use verify::{verify, verify_dc, verify_issued, verify_issued_dc, TYP_KB};
