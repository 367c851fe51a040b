//! Reading what a signed document says without verifying it, for the few places that need
//! to before (or instead of) a verification: an issuer acting on its own credential or
//! status list, an authority re-reading its own decisions. Never a trust decision: whatever
//! is read here is either verified afterwards (by the registry, a bundle build, a verifier)
//! or only shown to the person who signed it.

use anyhow::Result;
use credential_core::jws::UnverifiedJws;
use serde_json::Value;

/// The payload of the compact JWS `jws` (at most `max` bytes) as strict JSON: duplicate
/// members, excessive nesting and numbers out of range are refused as a verifier refuses
/// them.
pub(crate) fn payload_unverified(jws: &str, max: usize) -> Result<Value> {
    let parsed = UnverifiedJws::parse(jws, max)?;
    Ok(credential_core::json::parse_strict(parsed.payload())?)
}
