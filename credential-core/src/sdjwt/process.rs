//! Putting the presented disclosures back into the issuer-signed payload (RFC 9901 §7.1):
//! a step that returns the document it reveals, where each disclosure went, what stayed
//! hidden, and every problem found on the way.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::{Map, Value};

use super::claims::ClaimPath;
use super::disclosure::Disclosure;

/// The one digest algorithm used and accepted.
pub const SD_ALG: &str = "sha-256";

/// Something wrong with the disclosures of an SD-JWT; any one fails the `disclosures`
/// check. The messages are report details.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DisclosureProblem {
    /// The same disclosure twice.
    #[error("disclosure {0} is presented twice")]
    PresentedTwice(usize),
    /// `_sd_alg` names another algorithm than sha-256.
    #[error("_sd_alg must be {SD_ALG}")]
    Algorithm,
    /// A disclosure matching no digest of the signed payload: not issued, or altered.
    #[error("disclosure {0} was not issued in this credential (no matching digest)")]
    NotIssued(usize),
    /// The signed payload repeats a digest.
    #[error("a digest appears more than once in the credential")]
    RepeatedDigest,
    /// A `[salt, name, value]` disclosure in an array.
    #[error("an object-property disclosure is used for an array element")]
    PropertyInArray,
    /// A `[salt, value]` disclosure in an object.
    #[error("an array-element disclosure is used for an object property")]
    ElementInObject,
    /// `_sd` is not an array.
    #[error("`_sd` at {0} is not an array")]
    SdNotArray(String),
    /// An `_sd` entry is not a string.
    #[error("an `_sd` digest is not a string")]
    DigestNotString,
    /// A disclosure naming `_sd`, `...` or a claim the object already has.
    #[error("a disclosure would overwrite or forge the claim {0:?}")]
    Overwrite(String),
}

/// The problems as one report detail.
pub(super) struct Problems<'p>(pub(super) &'p [DisclosureProblem]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// The signed payload with the given disclosures put back (RFC 9901 §7.1).
#[derive(Debug, Clone, Default)]
pub(super) struct Processed {
    /// The payload with the disclosed claims in place of their digests.
    pub(super) document: Value,
    /// Pointers of objects holding digests no disclosure matched (undisclosed or decoys).
    pub(super) hidden: Vec<String>,
    /// Each disclosure put back: its index among the presented ones, and where it went.
    pub(super) disclosed: Vec<(usize, ClaimPath)>,
    /// How many digests no disclosure matched (undisclosed claims and decoys).
    pub(super) undisclosed: usize,
    pub(super) problems: Vec<DisclosureProblem>,
    /// The `cnf` claim: the holder key the credential is bound to.
    pub(super) cnf: Option<Value>,
    sd_alg_ok: bool,
}

pub(super) fn process(payload: Value, disclosures: &[Disclosure]) -> Processed {
    let mut by_digest: HashMap<String, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (i, d) in disclosures.iter().enumerate() {
        if by_digest.insert(d.digest(), i).is_some() {
            problems.push(DisclosureProblem::PresentedTwice(i + 1));
        }
    }
    let mut p = Processed::default();
    let mut payload = payload;
    if let Some(top) = payload.as_object_mut() {
        p.sd_alg_ok = match top.remove("_sd_alg") {
            None => true, // RFC 9901: sha-256 when absent
            Some(Value::String(a)) => a == SD_ALG,
            Some(_) => false,
        };
        p.cnf = top.get("cnf").cloned();
    }
    if !p.sd_alg_ok {
        problems.push(DisclosureProblem::Algorithm);
    }
    let mut used = vec![false; disclosures.len()];
    let mut seen = HashSet::new();
    let mut walk = Walk {
        disclosures,
        by_digest: &by_digest,
        used: &mut used,
        seen: &mut seen,
        problems: &mut problems,
        hidden: &mut p.hidden,
        disclosed: &mut p.disclosed,
        undisclosed: 0,
    };
    walk.value(&mut payload, String::new(), 0);
    p.undisclosed = walk.undisclosed;
    for (i, used) in used.iter().enumerate() {
        if !used {
            problems.push(DisclosureProblem::NotIssued(i + 1));
        }
    }
    p.document = payload;
    p.problems = problems;
    p
}

struct Walk<'w> {
    disclosures: &'w [Disclosure],
    by_digest: &'w HashMap<String, usize>,
    used: &'w mut [bool],
    seen: &'w mut HashSet<String>,
    problems: &'w mut Vec<DisclosureProblem>,
    hidden: &'w mut Vec<String>,
    disclosed: &'w mut Vec<(usize, ClaimPath)>,
    undisclosed: usize,
}

impl Walk<'_> {
    fn claim(&mut self, digest: &str) -> Option<(usize, Disclosure)> {
        if !self.seen.insert(digest.to_owned()) {
            self.problems.push(DisclosureProblem::RepeatedDigest);
            return None;
        }
        let i = *self.by_digest.get(digest)?;
        if let Some(u) = self.used.get_mut(i) {
            *u = true;
        }
        self.disclosures.get(i).cloned().map(|d| (i, d))
    }

    fn value(&mut self, v: &mut Value, pointer: String, depth: usize) {
        if depth > crate::json::MAX_DEPTH {
            return;
        }
        match v {
            Value::Object(object) => self.object(object, pointer, depth),
            Value::Array(items) => {
                let mut kept = Vec::with_capacity(items.len());
                for item in items.drain(..) {
                    let digest = match &item {
                        Value::Object(o) if o.len() == 1 => {
                            o.get("...").and_then(Value::as_str).map(str::to_owned)
                        }
                        _ => None,
                    };
                    match digest {
                        None => kept.push(item),
                        Some(d) => match self.claim(&d) {
                            Some((
                                _,
                                Disclosure {
                                    name: None, value, ..
                                },
                            )) => kept.push(value),
                            Some(_) => self.problems.push(DisclosureProblem::PropertyInArray),
                            None => self.undisclosed += 1,
                        },
                    }
                }
                for (i, item) in kept.iter_mut().enumerate() {
                    self.value(item, format!("{pointer}/{i}"), depth + 1);
                }
                *items = kept;
            }
            _ => {}
        }
    }

    fn object(&mut self, object: &mut Map<String, Value>, pointer: String, depth: usize) {
        let digests = match object.remove("_sd") {
            None => Vec::new(),
            Some(Value::Array(list)) => list,
            Some(_) => {
                self.problems
                    .push(DisclosureProblem::SdNotArray(pointer.clone()));
                Vec::new()
            }
        };
        let mut missing = 0usize;
        for d in digests {
            let Value::String(d) = d else {
                self.problems.push(DisclosureProblem::DigestNotString);
                continue;
            };
            match self.claim(&d) {
                None => missing += 1,
                Some((
                    i,
                    Disclosure {
                        name: Some(name),
                        value,
                        ..
                    },
                )) => {
                    if name == "_sd" || name == "..." || object.contains_key(&name) {
                        self.problems.push(DisclosureProblem::Overwrite(name));
                        continue;
                    }
                    self.disclosed.push((
                        i,
                        ClaimPath {
                            object: pointer.clone(),
                            name: name.clone(),
                        },
                    ));
                    object.insert(name, value);
                }
                Some(_) => self.problems.push(DisclosureProblem::ElementInObject),
            }
        }
        if missing > 0 {
            self.undisclosed += missing;
            self.hidden.push(pointer.clone());
        }
        for (key, value) in object.iter_mut() {
            let escaped = key.replace('~', "~0").replace('/', "~1");
            self.value(value, format!("{pointer}/{escaped}"), depth + 1);
        }
    }
}
