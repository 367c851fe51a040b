//! What a verifier remembers of the trust bundles it accepted, per anchor: the newest
//! sequence (to refuse a rollback) and the digest of each recent sequence (to refuse a
//! second, different bundle carrying a sequence already seen).
//!
//! A sequence names exactly one bundle. An operator that signs two different bundles with
//! one sequence can show each verifier a different past — for example an older status list
//! in which a revoked credential is still good — so two such bundles are evidence against
//! the operator, and the second one is refused whatever it holds.
//!
//! The memory is plain data (serde) so that each front end keeps it where it can: the
//! command line in a JSON file, the browser in local storage.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::trust::{BundleError, TrustAnchor, VerifiedBundle};

/// Digests remembered per anchor; older sequences are refused as rollbacks anyway.
const DIGESTS_KEPT: usize = 256;
/// Anchors remembered; a verifier pins a handful, a hostile file must not grow forever.
const ANCHORS_KEPT: usize = 1024;

/// The bundles a verifier has accepted, per anchor DID.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeenBundles {
    /// Format version (2; version 1 was a bare `{anchor: sequence}` map).
    version: u32,
    /// Per anchor DID.
    anchors: BTreeMap<String, SeenAnchor>,
}

/// What is remembered of one anchor's bundles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeenAnchor {
    /// The newest sequence accepted.
    pub newest: u64,
    /// `sha256:` digest of the bundle accepted for each recent sequence.
    #[serde(default)]
    pub digests: BTreeMap<u64, String>,
}

/// Why a remembered state could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SeenError {
    /// Not JSON in either known format.
    #[error("not a record of seen trust bundles ({0})")]
    Format(String),
}

impl SeenBundles {
    /// An empty memory.
    pub fn new() -> Self {
        Self {
            version: 2,
            anchors: BTreeMap::new(),
        }
    }

    /// Reads a memory written by [`SeenBundles::to_json`], or the older
    /// `{"did:key:…": sequence}` form (which has no digests).
    pub fn from_json(text: &str) -> Result<Self, SeenError> {
        let value = crate::json::parse_strict(text.as_bytes())
            .map_err(|e| SeenError::Format(e.to_string()))?;
        let is_v1 = value
            .as_object()
            .is_some_and(|o| !o.contains_key("version") && o.values().all(|v| v.is_u64()));
        let seen = if is_v1 {
            let old: BTreeMap<String, u64> =
                serde_json::from_value(value).map_err(|e| SeenError::Format(e.to_string()))?;
            Self {
                version: 2,
                anchors: old
                    .into_iter()
                    .map(|(did, newest)| {
                        (
                            did,
                            SeenAnchor {
                                newest,
                                digests: BTreeMap::new(),
                            },
                        )
                    })
                    .collect(),
            }
        } else {
            let seen: Self =
                serde_json::from_value(value).map_err(|e| SeenError::Format(e.to_string()))?;
            if seen.version != 2 {
                return Err(SeenError::Format(format!(
                    "unknown version {}",
                    seen.version
                )));
            }
            seen
        };
        if seen.anchors.len() > ANCHORS_KEPT
            || seen
                .anchors
                .values()
                .any(|a| a.digests.len() > DIGESTS_KEPT)
        {
            return Err(SeenError::Format(
                "more entries than a verifier keeps".into(),
            ));
        }
        Ok(seen)
    }

    /// The memory as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// What is remembered of one anchor.
    pub fn anchor(&self, anchor_did: &str) -> Option<&SeenAnchor> {
        self.anchors.get(anchor_did)
    }

    /// Refuses `bundle` if it is older than one already seen from its anchor, or if a
    /// different bundle with its sequence was seen (equivocation).
    pub fn check(&self, bundle: &VerifiedBundle) -> Result<(), BundleError> {
        let b = bundle.bundle();
        let Some(seen) = self.anchors.get(&b.anchor) else {
            return Ok(());
        };
        if let Some(earlier) = seen.digests.get(&b.sequence) {
            if earlier != bundle.digest() {
                return Err(BundleError::Equivocation {
                    sequence: b.sequence,
                    seen: earlier.clone(),
                    got: bundle.digest().to_owned(),
                });
            }
        }
        if b.sequence < seen.newest {
            return Err(BundleError::Rollback {
                got: b.sequence,
                seen: seen.newest,
            });
        }
        Ok(())
    }

    /// Remembers an accepted bundle; returns whether anything changed (so the caller knows
    /// whether to save). Call after [`SeenBundles::check`] passed.
    pub fn remember(&mut self, bundle: &VerifiedBundle) -> bool {
        let b = bundle.bundle();
        if !self.anchors.contains_key(&b.anchor) && self.anchors.len() >= ANCHORS_KEPT {
            return false;
        }
        let seen = self.anchors.entry(b.anchor.clone()).or_default();
        let mut changed = false;
        if seen.digests.get(&b.sequence).map(String::as_str) != Some(bundle.digest()) {
            seen.digests.insert(b.sequence, bundle.digest().to_owned());
            changed = true;
        }
        if b.sequence > seen.newest {
            seen.newest = b.sequence;
            changed = true;
        }
        while seen.digests.len() > DIGESTS_KEPT {
            seen.digests.pop_first();
        }
        changed
    }
}

impl TrustAnchor {
    /// Verifies a signed bundle ([`TrustAnchor::verify_bundle`]), then refuses it if it
    /// rolls back or equivocates against `seen`, and remembers it there when accepted.
    pub fn verify_bundle_remembered(
        &self,
        compact: &str,
        seen: &mut SeenBundles,
    ) -> Result<VerifiedBundle, BundleError> {
        let bundle = self.verify_bundle(compact, None)?;
        seen.check(&bundle)?;
        seen.remember(&bundle);
        Ok(bundle)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Utc};

    use super::*;
    use crate::{did_key_issuer, BundleBuilder, SecretKey};

    /// A bundle of `operator` with `sequence`, naming its issuer `name`.
    fn bundle(operator: &SecretKey, sequence: u64, name: &str) -> String {
        let now = Utc::now();
        let college = SecretKey::from_bytes(&[9; 32]);
        let issuer = did_key_issuer(
            &college.public().did(),
            name,
            "PH",
            vec!["QualificationCredential:PQF-6".parse().unwrap()],
            now - Duration::days(1),
        )
        .unwrap();
        BundleBuilder::new(&operator.public(), sequence, now, now + Duration::days(1))
            .issuer(issuer)
            .sign(operator)
            .unwrap()
    }

    fn anchor(operator: &SecretKey) -> TrustAnchor {
        TrustAnchor::from_did(&operator.public().did()).unwrap()
    }

    #[test]
    fn a_second_different_bundle_with_a_seen_sequence_is_equivocation_naming_both_digests() {
        let operator = SecretKey::generate();
        let mut seen = SeenBundles::new();
        let first = bundle(&operator, 5, "College");
        let first_digest = anchor(&operator)
            .verify_bundle_remembered(&first, &mut seen)
            .unwrap()
            .digest()
            .to_owned();
        let second = bundle(&operator, 5, "College, renamed");
        let err = anchor(&operator)
            .verify_bundle_remembered(&second, &mut seen)
            .unwrap_err();
        let BundleError::Equivocation {
            sequence,
            seen: a,
            got: b,
        } = &err
        else {
            panic!("{err}");
        };
        assert_eq!((*sequence, a.as_str()), (5, first_digest.as_str()));
        assert_eq!(b, &crate::trust::bundle_digest(&second));
        assert!(err.to_string().contains("misbehaving operator"));
        // The same bundle again is fine, and so is the next sequence.
        assert!(anchor(&operator)
            .verify_bundle_remembered(&first, &mut seen)
            .is_ok());
        assert!(anchor(&operator)
            .verify_bundle_remembered(&bundle(&operator, 6, "College"), &mut seen)
            .is_ok());
        // An older one is a rollback; a different older one that was seen is equivocation.
        assert!(matches!(
            anchor(&operator).verify_bundle_remembered(&bundle(&operator, 4, "X"), &mut seen),
            Err(BundleError::Rollback { got: 4, seen: 6 })
        ));
        assert!(matches!(
            anchor(&operator).verify_bundle_remembered(&second, &mut seen),
            Err(BundleError::Equivocation { sequence: 5, .. })
        ));
    }

    #[test]
    fn the_memory_round_trips_and_reads_the_first_format() {
        let operator = SecretKey::generate();
        let mut seen = SeenBundles::new();
        anchor(&operator)
            .verify_bundle_remembered(&bundle(&operator, 3, "College"), &mut seen)
            .unwrap();
        assert_eq!(SeenBundles::from_json(&seen.to_json()).unwrap(), seen);
        let old =
            SeenBundles::from_json(&format!("{{\"{}\": 7}}", operator.public().did())).unwrap();
        assert_eq!(old.anchor(&operator.public().did()).unwrap().newest, 7);
        assert!(matches!(
            anchor(&operator)
                .verify_bundle_remembered(&bundle(&operator, 6, "C"), &mut old.clone()),
            Err(BundleError::Rollback { got: 6, seen: 7 })
        ));
    }

    #[test]
    fn a_damaged_or_oversized_memory_is_refused() {
        for text in [
            "",
            "[]",
            "{\"version\": 3, \"anchors\": {}}",
            "{\"a\": -1}",
            "{\"a\": 1, \"a\": 2}",
        ] {
            assert!(SeenBundles::from_json(text).is_err(), "{text}");
        }
        let digests: BTreeMap<u64, String> = (0..=DIGESTS_KEPT as u64)
            .map(|i| (i, "sha256:00".to_owned()))
            .collect();
        let big = serde_json::json!({"version": 2, "anchors": {"did:key:z": {"newest": 1, "digests": digests}}});
        assert!(SeenBundles::from_json(&big.to_string()).is_err());
    }

    #[test]
    fn only_the_newest_digests_are_kept() {
        let operator = SecretKey::generate();
        let mut seen = SeenBundles::new();
        for sequence in 1..=(DIGESTS_KEPT as u64 + 3) {
            let b = anchor(&operator)
                .verify_bundle(&bundle(&operator, sequence, "C"), None)
                .unwrap();
            seen.remember(&b);
        }
        let a = seen.anchor(&operator.public().did()).unwrap();
        assert_eq!(a.digests.len(), DIGESTS_KEPT);
        assert_eq!(a.newest, DIGESTS_KEPT as u64 + 3);
    }
}
