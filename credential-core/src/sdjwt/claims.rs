//! Claims by name: where a claim a person names (`title`, `birthDate`, `level`) lives in a
//! credential, which claims are always or never selectively disclosable, and which a
//! verifier of each kind of credential expects to see.

use crate::credential::CredentialKind;

/// Claims that are always selectively disclosable when present (personal data).
pub const PERSONAL_CLAIMS: [&str; 3] = ["birthDate", "nationality", "grade"];
/// Claims that are never selectively disclosable: a verifier needs them to decide trust.
pub const ALWAYS_VISIBLE: [&str; 2] = ["id", "frameworkLevels"];

/// Where a claim lives: the JSON pointer of its object and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ClaimPath {
    /// JSON pointer of the object holding the claim.
    pub(super) object: String,
    /// The claim's member name.
    pub(super) name: String,
}

impl ClaimPath {
    /// The name a report uses: relative to `credentialSubject`.
    pub(super) fn display(&self) -> String {
        let within = self
            .object
            .strip_prefix("/credentialSubject")
            .unwrap_or(&self.object)
            .trim_start_matches('/')
            .replace('/', ".");
        if within.is_empty() {
            self.name.clone()
        } else {
            format!("{within}.{}", self.name)
        }
    }
}

/// Turns a name a person types (`title`, `birthDate`, `qualification.grade`, `level`) into
/// candidate claim paths, most likely first.
pub(super) fn candidates(name: &str) -> Vec<ClaimPath> {
    let name = match name.trim() {
        "level" | "levels" => "frameworkLevels",
        "grades" => "grade",
        "dateOfBirth" | "birthdate" | "dob" => "birthDate",
        "outcomes" => "learningOutcomes",
        other => other,
    };
    let subject = "/credentialSubject".to_owned();
    if let Some((parent, leaf)) = name.rsplit_once('.') {
        return vec![ClaimPath {
            object: format!("{subject}/{}", parent.replace('.', "/")),
            name: leaf.to_owned(),
        }];
    }
    vec![
        ClaimPath {
            object: subject.clone(),
            name: name.to_owned(),
        },
        ClaimPath {
            object: format!("{subject}/qualification"),
            name: name.to_owned(),
        },
    ]
}

/// The claims a verifier of each kind of credential expects, to say which were not
/// disclosed.
pub(super) fn known_claims(kind: CredentialKind) -> Vec<ClaimPath> {
    let s = "/credentialSubject";
    let q = "/credentialSubject/qualification";
    let mut v: Vec<ClaimPath> = ["name", "birthDate", "nationality"]
        .iter()
        .map(|n| ClaimPath {
            object: s.into(),
            name: (*n).into(),
        })
        .collect();
    let rest: &[(&str, &str)] = match kind {
        CredentialKind::Qualification => &[
            (q, "title"),
            (q, "awardingBody"),
            (q, "country"),
            (q, "field"),
            (q, "occupation"),
            (q, "learningOutcomes"),
            (q, "awarded"),
            (q, "credits"),
            (q, "grade"),
        ],
        CredentialKind::Skill => &[(s, "skills"), (s, "occupation")],
    };
    v.extend(rest.iter().map(|(o, n)| ClaimPath {
        object: (*o).into(),
        name: (*n).into(),
    }));
    v
}
