//! Shared test fixtures: an operator, an accredited college, a holder and a bundle, at a
//! fixed instant.

use chrono::{DateTime, Duration, SubsecRound as _, Utc};
use serde_json::Value;

use crate::{
    build_document, did_key_issuer, sign_document, BundleBuilder, IssueOptions, SecretKey,
    TrustAnchor, VerifiedBundle, Verifier,
};

/// The nurse's claims file from `examples/`.
pub const NURSE: &str = include_str!("../../examples/nurse-qualification.json");

pub struct Fixture {
    pub operator: SecretKey,
    pub college: SecretKey,
    pub holder: SecretKey,
    pub now: DateTime<Utc>,
    bundle: String,
}

impl Fixture {
    pub fn new() -> Self {
        let operator = SecretKey::generate();
        let college = SecretKey::generate();
        let holder = SecretKey::generate();
        let now = Utc::now().trunc_subsecs(0);
        let issuer = did_key_issuer(
            &college.public().did(),
            "Manila College of Nursing",
            "PH",
            vec!["QualificationCredential:PQF-6".parse().unwrap()],
            now - Duration::days(1),
        )
        .unwrap();
        let bundle = BundleBuilder::new(
            &operator.public(),
            1,
            now - Duration::hours(1),
            now + Duration::days(7),
        )
        .issuer(issuer)
        .sign(&operator)
        .unwrap();
        Self {
            operator,
            college,
            holder,
            now,
            bundle,
        }
    }

    pub fn bundle(&self) -> VerifiedBundle {
        TrustAnchor::from_did(&self.operator.public().did())
            .unwrap()
            .verify_bundle(&self.bundle, None)
            .unwrap()
    }

    pub fn verifier<'b>(&self, bundle: &'b VerifiedBundle) -> Verifier<'b> {
        Verifier::new(bundle, self.now)
    }

    /// The nurse's claims as an unsigned document issued to `holder`.
    pub fn document_for(&self, holder: &str) -> Value {
        let claims: Value = serde_json::from_str(NURSE).unwrap();
        let mut options = IssueOptions::new(self.now - Duration::hours(1));
        options.holder = Some(holder.to_owned());
        build_document(&claims, &self.college.public().did(), &options).unwrap()
    }

    /// The nurse's qualification, signed by the college, issued to `holder`.
    pub fn issue_to(&self, holder: &str) -> String {
        let doc = self.document_for(holder);
        sign_document(&self.college, &self.college.public().did_url(), &doc).unwrap()
    }
}
