//! What several fuzz targets share: a verifier's world with one accredited college,
//! built once from trusted entries in memory (no throwaway signed bundle).

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use credential_core::{did_key_issuer, BundleBuilder, SecretKey, VerifiedBundle};

/// A bundle accrediting the college whose key seed is `[2; 32]` for qualifications, and
/// the instant to verify at; `None` only if the fixture itself is broken.
pub fn world() -> Option<&'static (VerifiedBundle, DateTime<Utc>)> {
    static WORLD: OnceLock<Option<(VerifiedBundle, DateTime<Utc>)>> = OnceLock::new();
    WORLD
        .get_or_init(|| {
            let operator = SecretKey::from_bytes(&[1; 32]);
            let college = SecretKey::from_bytes(&[2; 32]);
            let from = credential_core::parse_time("2026-01-01T00:00:00Z")?;
            let until = credential_core::parse_time("2027-01-01T00:00:00Z")?;
            let scope = vec!["QualificationCredential".parse().ok()?];
            let issuer = did_key_issuer(&college.public().did(), "C", "PH", scope, from).ok()?;
            let bundle = BundleBuilder::new(&operator.public(), 1, from, until)
                .issuer(issuer)
                .into_bundle();
            let verified = VerifiedBundle::from_trusted_unchecked(bundle).ok()?;
            Some((verified, credential_core::parse_time("2026-06-01T00:00:00Z")?))
        })
        .as_ref()
}
