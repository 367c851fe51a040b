//! The offline verifier: one fixed list of numbered checks, each reported by name with an
//! outcome and a plain-words detail, and a verdict.
//!
//! 0. `trust-bundle` — the bundle is signed by the pinned anchor and not older than one
//!    already seen (checked once per bundle, reported on every credential);
//! 1. `well-formed` — size limit, three base64url segments, strict JSON (no duplicate keys),
//!    `typ` `vc+jwt`, the VC 2.0 envelope with only known, unaltered contexts;
//! 2. `algorithm` — `EdDSA` or `ES256` only, the allow-list in [`crate::alg`] (never `none`, HMAC or RSA);
//! 3. `issuer-accredited` — the issuer is in the bundle, active and accredited for this
//!    type and level at the issuance date (`validFrom`);
//! 4. `key-valid` — the `kid` is a key of that issuer, valid at the issuance date;
//! 5. `signature` — Ed25519 (strict; batched when verifying many);
//! 6. `schema` — the JSON Schema of the type and known framework levels;
//! 7. `validity-period` — `validFrom`/`validUntil` against the injected clock;
//! 8. `status` — not revoked, not suspended, per the issuer-signed lists in the bundle;
//! 9. `bundle-fresh` — the bundle is not past its next-update time.
//!
//! A failed check makes the verdict `invalid`; otherwise an indeterminate one (a stale
//! bundle, a status list the bundle lacks) makes it `indeterminate`. Checks that cannot run
//! because an earlier one failed are `skipped`.
//!
//! A credential secured with a Data Integrity proof instead (JSON text starting with `{`)
//! runs the same checks: `integrity` reads it (steps 1–5, the proof's cryptosuite at
//! step 2, safe-mode JSON-LD at step 1), then steps 6–9 are shared.
//!
//! A credential whose issuer's key is given directly (`did:key`, `did:jwk`) rather than by
//! a trust bundle is checked by [`direct`]: the same ten checks, the three only a bundle
//! decides reported as "not checked against a trust bundle", and the schema check judged
//! by the W3C data model rules.
//!
//! Layout: `check` names the checks; `steps` runs them in order (`pending` carries a
//! credential between steps, `rules` holds what steps 3, 7, 8 and 9 judge by); `verifier`
//! is the public entry and the batch path; `report` is what comes back; `policy` is what a
//! registry requires of a report before publishing.

mod batch;
mod check;
pub mod direct;
mod integrity;
mod pending;
pub(crate) use pending::Reading;
mod policy;
mod report;
mod rules;
mod steps;
mod verifier;

pub use crate::report::{Outcome, Verdict};
pub use check::{Check, CheckId};
pub use direct::{DirectReport, DirectVerifier, KeyVerifiedCredential};
pub use policy::{PublishPolicy, PublishRefusal};
pub use report::{bundle_rejected, CredentialSummary, Report, VerifiedCredential};
pub use verifier::{is_data_integrity, Verifier};

#[cfg(test)]
mod tests;
