//! The holder's side of `skillpass`: presentations, the wallet, selective disclosure and
//! paper, in a [`World`] of an operator, an accredited college and its bundle.

mod card;
mod paper;
mod presentation;
mod receive;
mod respond;
mod sdjwt;
mod wallet;

use serde_json::Value;

use crate::harness::Scratch;

/// Keys for an operator and a college, and a bundle accrediting the college for
/// qualifications up to PQF-6 since 2020.
pub struct World {
    pub s: Scratch,
    pub anchor_did: String,
}

impl std::ops::Deref for World {
    type Target = Scratch;
    fn deref(&self) -> &Scratch {
        &self.s
    }
}

impl World {
    pub fn new() -> Self {
        let s = Scratch::new();
        let anchor_did = s.key("operator.key");
        let college_did = s.key("college.key");
        s.bundle(&college_did, &["--accredited-from", "2020-01-01"]);
        Self { s, anchor_did }
    }

    /// The college issues the nurse's qualification to `holder` into `out`.
    pub fn issue_to(&self, holder: &str, out: &str) {
        self.issue_nurse(&["--holder", holder], out);
    }

    /// The arguments every check against the world's bundle needs.
    pub fn trust_args(&self) -> Vec<String> {
        vec![
            "--bundle".into(),
            "bundle.jws".into(),
            "--anchor".into(),
            self.anchor_did.clone(),
        ]
    }

    /// Runs `verify` with `args` plus the trust arguments and `--json`; returns the exit
    /// code and the JSON report.
    pub fn verify_json(&self, args: &[&str]) -> (i32, Value) {
        let trust = self.trust_args();
        let mut all: Vec<&str> = vec!["verify", "--json"];
        all.extend(args);
        all.extend(trust.iter().map(String::as_str));
        let out = self.run(&all);
        let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "verify {args:?} printed no JSON ({e}):\n{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code().unwrap_or(-1), report)
    }
}
