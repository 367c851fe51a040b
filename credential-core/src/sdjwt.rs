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
//! ([`Verifier`]: trust bundle, accreditation, key, signature, schema, validity, status,
//! freshness of the bundle) on the document with the presented disclosures put back, and
//! then these:
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

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Write as _};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore as _;
use serde::Serialize;
use serde_json::{json, Map, Value};
use sha2::{Digest as _, Sha256};

use crate::credential::{CheckedCredential, CredentialError, CredentialKind};
use crate::jws::{self, Header, UnverifiedJws, MAX_JWS_LEN};
use crate::keys::{PublicKey, SecretKey};
use crate::presentation::{combine, freshness, mark};
use crate::verify::{Envelope, Outcome, Report, Verdict, Verifier};

/// The JWS `typ` of an SD-JWT-secured credential (VC-JOSE-COSE).
pub const TYP_SD_JWT: &str = "vc+sd-jwt";
/// The JWS `typ` of a key-binding JWT (RFC 9901).
pub const TYP_KB: &str = "kb+jwt";
/// The one digest algorithm used and accepted.
pub const SD_ALG: &str = "sha-256";
/// Claims that are always selectively disclosable when present (personal data).
pub const PERSONAL_CLAIMS: [&str; 3] = ["birthDate", "nationality", "grade"];
/// Claims that are never selectively disclosable: a verifier needs them to decide trust.
pub const ALWAYS_VISIBLE: [&str; 2] = ["id", "frameworkLevels"];
/// Largest SD-JWT (with disclosures and key binding) accepted.
pub const MAX_SD_JWT_LEN: usize = 2 * MAX_JWS_LEN;
/// Most disclosures accepted in one SD-JWT.
pub const MAX_DISCLOSURES: usize = 64;
/// Largest single disclosure accepted.
const MAX_DISCLOSURE_LEN: usize = 16 * 1024;
/// Largest key-binding JWT accepted.
const MAX_KB_LEN: usize = 4096;

/// Why an SD-JWT could not be issued or presented.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SdJwtError {
    /// The credential document is not acceptable.
    #[error(transparent)]
    Credential(#[from] CredentialError),
    /// A claim named for selective disclosure or for disclosing cannot be.
    #[error("{0}")]
    Claim(String),
    /// The SD-JWT text is malformed.
    #[error("not a readable SD-JWT: {0}")]
    Malformed(String),
    /// The presenting key is not the one the credential is bound to.
    #[error("this key is not the holder key the credential is bound to (cnf)")]
    WrongHolderKey,
}

/// One disclosure: `[salt, name, value]` for an object property, `[salt, value]` for an
/// array element, with the exact base64url text its digest is computed over.
#[derive(Debug, Clone, PartialEq)]
pub struct Disclosure {
    /// The base64url text as it travels (the digest is over these ASCII bytes).
    pub encoded: String,
    /// The salt.
    pub salt: String,
    /// The claim name (`None` for an array element).
    pub name: Option<String>,
    /// The claim value.
    pub value: Value,
}

impl Disclosure {
    /// A new object-property disclosure with a random 128-bit salt.
    pub fn new(name: &str, value: Value) -> Self {
        let mut salt = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        let salt = URL_SAFE_NO_PAD.encode(salt);
        let json = json!([salt, name, value]).to_string();
        Self {
            encoded: URL_SAFE_NO_PAD.encode(json),
            salt,
            name: Some(name.to_owned()),
            value,
        }
    }

    /// Decodes a disclosure.
    pub fn parse(encoded: &str) -> Result<Self, String> {
        if encoded.len() > MAX_DISCLOSURE_LEN {
            return Err("a disclosure is over the size limit".into());
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(encoded)
            .map_err(|_| "a disclosure is not base64url".to_owned())?;
        let value = crate::json::parse_strict(&bytes)
            .map_err(|e| format!("a disclosure is not strict JSON: {e}"))?;
        let (salt, name, value) = match value {
            Value::Array(mut items) if items.len() == 3 => {
                let value = items.pop().unwrap_or_default();
                let name = items.pop().unwrap_or_default();
                let salt = items.pop().unwrap_or_default();
                let Value::String(name) = name else {
                    return Err("a disclosure's claim name is not a string".into());
                };
                (salt, Some(name), value)
            }
            Value::Array(mut items) if items.len() == 2 => {
                let value = items.pop().unwrap_or_default();
                let salt = items.pop().unwrap_or_default();
                (salt, None, value)
            }
            _ => return Err("a disclosure is not a JSON array of 2 or 3 items".into()),
        };
        let Value::String(salt) = salt else {
            return Err("a disclosure's salt is not a string".into());
        };
        Ok(Self {
            encoded: encoded.to_owned(),
            salt,
            name,
            value,
        })
    }

    /// The digest that stands for this disclosure in the signed payload.
    pub fn digest(&self) -> String {
        digest(&self.encoded)
    }
}

/// base64url(SHA-256(ASCII text)): the digest of a disclosure, and the `sd_hash`.
pub fn digest(text: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(text.as_bytes()))
}

fn random_digest() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(Sha256::digest(bytes))
}

/// Where a claim lives: the JSON pointer of its object and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ClaimPath {
    object: String,
    name: String,
}

impl ClaimPath {
    /// The name a report uses: relative to `credentialSubject`.
    fn display(&self) -> String {
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
fn candidates(name: &str) -> Vec<ClaimPath> {
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

/// Issues `document` (an unsigned credential, e.g. from
/// [`crate::credential::build_document`]) as an SD-JWT signed by `key` with `kid`, making
/// the personal claims and those named in `selectively_disclosable` disclosable.
/// Returns `<JWS>~<disclosure>~…~`.
pub fn issue(
    key: &SecretKey,
    kid: &str,
    document: &Value,
    selectively_disclosable: &[String],
) -> Result<String, SdJwtError> {
    let checked = CheckedCredential::from_value(document)?;
    checked.check_content(document)?;
    let holder = checked.subject_id.as_deref().ok_or_else(|| {
        SdJwtError::Claim("an SD-JWT is bound to its holder: give the holder's DID".into())
    })?;
    let holder = PublicKey::from_did(holder)
        .map_err(|e| SdJwtError::Claim(format!("the holder DID: {e}")))?;

    let mut chosen: Vec<ClaimPath> = Vec::new();
    for name in selectively_disclosable {
        let found = candidates(name)
            .into_iter()
            .find(|c| {
                document
                    .pointer(&format!("{}/{}", c.object, c.name))
                    .is_some()
            })
            .ok_or_else(|| {
                SdJwtError::Claim(format!("there is no claim {name:?} in this credential"))
            })?;
        if ALWAYS_VISIBLE.contains(&found.name.as_str()) {
            return Err(SdJwtError::Claim(format!(
                "{name:?} cannot be selectively disclosable: verifiers need it to check the issuer's accreditation and the holder"
            )));
        }
        if !chosen.contains(&found) {
            chosen.push(found);
        }
    }
    for personal in PERSONAL_CLAIMS {
        for c in candidates(personal) {
            if document
                .pointer(&format!("{}/{}", c.object, c.name))
                .is_some()
                && !chosen.contains(&c)
            {
                chosen.push(c);
            }
        }
    }

    let mut payload = document.clone();
    let mut disclosures = Vec::new();
    let mut digests: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for claim in &chosen {
        let object = payload
            .pointer_mut(&claim.object)
            .and_then(Value::as_object_mut)
            .ok_or_else(|| {
                SdJwtError::Claim(format!("{} is not inside an object", claim.display()))
            })?;
        let Some(value) = object.remove(&claim.name) else {
            continue;
        };
        let disclosure = Disclosure::new(&claim.name, value);
        digests
            .entry(claim.object.clone())
            .or_default()
            .push(disclosure.digest());
        disclosures.push(disclosure);
    }
    for (pointer, mut list) in digests {
        // Decoys hide how many claims were made disclosable; sorting hides their order.
        let decoys = 1 + (rand::rngs::OsRng.next_u32() % 3) as usize;
        list.extend((0..decoys).map(|_| random_digest()));
        list.sort();
        if let Some(object) = payload.pointer_mut(&pointer).and_then(Value::as_object_mut) {
            object.insert("_sd".into(), json!(list));
        }
    }
    if let Some(top) = payload.as_object_mut() {
        top.insert("_sd_alg".into(), json!(SD_ALG));
        top.insert("cnf".into(), json!({ "jwk": holder.to_jwk() }));
    }
    let bytes = serde_json::to_vec(&payload).map_err(|e| SdJwtError::Malformed(e.to_string()))?;
    let jws = jws::sign(key, &Header::new(TYP_SD_JWT, kid), &bytes);
    if jws.len() > MAX_JWS_LEN {
        return Err(SdJwtError::Claim(
            "the credential is over the size limit".into(),
        ));
    }
    let mut out = jws;
    out.push('~');
    for d in &disclosures {
        out.push_str(&d.encoded);
        out.push('~');
    }
    Ok(out)
}

/// An SD-JWT split into its parts (not verified).
#[derive(Debug, Clone)]
pub struct SdJwtParts<'a> {
    /// The issuer-signed JWS.
    pub jws: &'a str,
    /// The disclosures as they travel.
    pub disclosures: Vec<&'a str>,
    /// The key-binding JWT, when present.
    pub key_binding: Option<&'a str>,
    /// Everything the `sd_hash` covers: the JWS and disclosures, each followed by `~`.
    pub hashed: &'a str,
}

/// Splits `<JWS>~<d1>~…~<dn>~[<KB-JWT>]`.
pub fn split(text: &str) -> Result<SdJwtParts<'_>, String> {
    if text.len() > MAX_SD_JWT_LEN {
        return Err(format!(
            "{} bytes is over the {MAX_SD_JWT_LEN}-byte limit",
            text.len()
        ));
    }
    let last = text.rfind('~').ok_or("an SD-JWT has `~` separators")?;
    let hashed = text.get(..=last).unwrap_or_default();
    let kb = text.get(last + 1..).unwrap_or_default();
    // `hashed` ends with `~`, so the last piece is always empty.
    let mut pieces: Vec<&str> = hashed.split('~').collect();
    pieces.pop();
    let (jws, disclosures) = match pieces.split_first() {
        Some((jws, rest)) => (*jws, rest.to_vec()),
        None => ("", Vec::new()),
    };
    if disclosures.iter().any(|d| d.is_empty()) {
        return Err("an empty disclosure between `~~`".into());
    }
    if disclosures.len() > MAX_DISCLOSURES {
        return Err(format!(
            "{} disclosures: at most {MAX_DISCLOSURES} are accepted",
            disclosures.len()
        ));
    }
    Ok(SdJwtParts {
        jws,
        disclosures,
        key_binding: (!kb.is_empty()).then_some(kb),
        hashed,
    })
}

/// The signed payload with the given disclosures put back (RFC 9901 §7.1).
#[derive(Debug, Clone, Default)]
struct Processed {
    document: Value,
    /// Pointers of objects holding digests no disclosure matched (undisclosed or decoys).
    hidden: Vec<String>,
    /// Each disclosure put back: its index among the presented ones, and where it went.
    disclosed: Vec<(usize, ClaimPath)>,
    undisclosed: usize,
    problems: Vec<String>,
    cnf: Option<Value>,
    sd_alg_ok: bool,
}

fn process(payload: Value, disclosures: &[Disclosure]) -> Processed {
    let mut by_digest: HashMap<String, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (i, d) in disclosures.iter().enumerate() {
        if by_digest.insert(d.digest(), i).is_some() {
            problems.push(format!("disclosure {} is presented twice", i + 1));
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
        problems.push(format!("_sd_alg must be {SD_ALG}"));
    }
    let mut used = vec![false; disclosures.len()];
    let mut seen = std::collections::HashSet::new();
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
            problems.push(format!(
                "disclosure {} was not issued in this credential (no matching digest)",
                i + 1
            ));
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
    seen: &'w mut std::collections::HashSet<String>,
    problems: &'w mut Vec<String>,
    hidden: &'w mut Vec<String>,
    disclosed: &'w mut Vec<(usize, ClaimPath)>,
    undisclosed: usize,
}

impl Walk<'_> {
    fn claim(&mut self, digest: &str) -> Option<(usize, Disclosure)> {
        if !self.seen.insert(digest.to_owned()) {
            self.problems
                .push("a digest appears more than once in the credential".into());
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
                            Some(_) => self.problems.push(
                                "an object-property disclosure is used for an array element".into(),
                            ),
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
                    .push(format!("`_sd` at {pointer} is not an array"));
                Vec::new()
            }
        };
        let mut missing = 0usize;
        for d in digests {
            let Value::String(d) = d else {
                self.problems.push("an `_sd` digest is not a string".into());
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
                        self.problems.push(format!(
                            "a disclosure would overwrite or forge the claim {name:?}"
                        ));
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
                Some(_) => self
                    .problems
                    .push("an array-element disclosure is used for an object property".into()),
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

/// The claims a verifier of each kind of credential expects, to say which were not
/// disclosed.
fn known_claims(kind: CredentialKind) -> Vec<ClaimPath> {
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

/// The SD-JWT checks, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SdCheckId {
    /// Size, structure, disclosure encoding.
    WellFormed,
    /// Every disclosure was issued, unaltered; `_sd_alg` is sha-256.
    Disclosures,
    /// A `kb+jwt` by the `cnf` key over exactly what was presented.
    KeyBinding,
    /// The key binding's `aud` is this verifier.
    Audience,
    /// The key binding's `nonce` is the one supplied.
    Nonce,
    /// The key binding is recent.
    Freshness,
    /// The `cnf` key is the subject's did:key.
    HolderBinding,
}

impl SdCheckId {
    /// The stable name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::WellFormed => "well-formed",
            Self::Disclosures => "disclosures",
            Self::KeyBinding => "key-binding",
            Self::Audience => "audience",
            Self::Nonce => "nonce",
            Self::Freshness => "freshness",
            Self::HolderBinding => "holder-binding",
        }
    }

    /// Every check, in order.
    pub const ALL: [SdCheckId; 7] = [
        Self::WellFormed,
        Self::Disclosures,
        Self::KeyBinding,
        Self::Audience,
        Self::Nonce,
        Self::Freshness,
        Self::HolderBinding,
    ];
}

impl fmt::Display for SdCheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One SD-JWT check's result.
#[derive(Debug, Clone, Serialize)]
pub struct SdCheck {
    /// Which check.
    #[serde(rename = "name")]
    pub id: SdCheckId,
    /// Its outcome.
    pub outcome: Outcome,
    /// Plain words.
    pub detail: String,
}

/// The verification report of an SD-JWT presentation.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SdJwtReport {
    /// Over the SD-JWT checks and the credential report.
    pub verdict: Verdict,
    /// The SD-JWT checks, all seven, in order.
    pub checks: Vec<SdCheck>,
    /// The ordinary credential checks, on the document as disclosed.
    pub credential: Report,
    /// The selectively disclosable claims that were disclosed (names relative to
    /// `credentialSubject`, e.g. `birthDate`, `qualification.title`).
    pub disclosed: Vec<String>,
    /// Well-known claims absent from an object that holds undisclosed digests: not
    /// disclosed (a verifier cannot tell whether they were issued at all).
    pub not_disclosed: Vec<String>,
    /// How many digests stayed undisclosed (including decoys).
    pub undisclosed_digests: usize,
    /// The credential subject as disclosed (what the holder chose to show).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Value>,
}

impl SdJwtReport {
    /// The result of one SD-JWT check.
    pub fn check(&self, id: SdCheckId) -> Option<&SdCheck> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The failing SD-JWT checks, then the failing credential checks as `credential:NAME`.
    pub fn failed(&self) -> Vec<String> {
        let mut failed: Vec<String> = self
            .checks
            .iter()
            .filter(|c| c.outcome == Outcome::Fail)
            .map(|c| c.id.name().to_owned())
            .collect();
        failed.extend(
            self.credential
                .failed()
                .into_iter()
                .map(|n| format!("credential:{n}")),
        );
        failed
    }

    /// A report for people.
    pub fn to_words(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: selectively disclosed credential (SD-JWT)",
            self.verdict.to_string().to_uppercase()
        );
        for (n, check) in self.checks.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {:>2}. [{:<9}] {:<17} {}",
                n + 1,
                mark(check.outcome),
                check.id.name(),
                check.detail
            );
        }
        let list = |v: &[String]| {
            if v.is_empty() {
                "(none)".to_owned()
            } else {
                v.join(", ")
            }
        };
        let _ = writeln!(out, "  disclosed:     {}", list(&self.disclosed));
        let _ = writeln!(out, "  not disclosed: {}", list(&self.not_disclosed));
        out.push_str("\ncredential: ");
        out.push_str(&self.credential.to_words());
        out
    }
}

/// The key binding expected of a presentation.
struct Expect<'e> {
    audience: &'e str,
    nonce: &'e str,
    max_age: Duration,
}

/// Verifies an SD-JWT presentation (with its key-binding JWT) for a verifier whose
/// identifier is `expected_audience` and who supplied `expected_nonce`.
pub fn verify(
    verifier: &Verifier<'_>,
    text: &str,
    expected_audience: &str,
    expected_nonce: &str,
    max_age: Duration,
) -> SdJwtReport {
    run(
        verifier,
        text,
        Some(Expect {
            audience: expected_audience,
            nonce: expected_nonce,
            max_age,
        }),
    )
}

/// Verifies an SD-JWT as issued (the holder's own copy, every disclosure, no key binding),
/// for a wallet: the key-binding checks are skipped, so the verdict is at best
/// `indeterminate`; read [`SdJwtReport::credential`] for the issuer-side verdict.
pub fn verify_issued(verifier: &Verifier<'_>, text: &str) -> SdJwtReport {
    run(verifier, text, None)
}

fn run(verifier: &Verifier<'_>, text: &str, expect: Option<Expect<'_>>) -> SdJwtReport {
    let text = text.trim();
    let mut checks: Vec<SdCheck> = Vec::new();
    let mut push = |id, outcome, detail: String| {
        checks.push(SdCheck {
            id,
            outcome,
            detail,
        })
    };
    let parts = match split(text) {
        Ok(p) => p,
        Err(e) => {
            push(SdCheckId::WellFormed, Outcome::Fail, e);
            return finish(
                checks,
                issuer_side_only(verifier, text),
                Processed::default(),
                None,
            );
        }
    };
    let disclosures: Result<Vec<Disclosure>, String> = parts
        .disclosures
        .iter()
        .enumerate()
        .map(|(i, d)| Disclosure::parse(d).map_err(|e| format!("disclosure {}: {e}", i + 1)))
        .collect();
    let disclosures = match disclosures {
        Ok(d) => d,
        Err(e) => {
            push(SdCheckId::WellFormed, Outcome::Fail, e);
            return finish(
                checks,
                issuer_side_only(verifier, text),
                Processed::default(),
                None,
            );
        }
    };
    push(
        SdCheckId::WellFormed,
        Outcome::Pass,
        format!(
            "{} bytes: issuer JWS, {} disclosure(s), {}",
            text.len(),
            disclosures.len(),
            if parts.key_binding.is_some() {
                "key-binding JWT"
            } else {
                "no key-binding JWT"
            }
        ),
    );

    let stash: RefCell<Option<Processed>> = RefCell::new(None);
    let reveal = |payload: Value| -> Result<(Value, Vec<String>), String> {
        let processed = process(payload, &disclosures);
        let out = (processed.document.clone(), processed.hidden.clone());
        *stash.borrow_mut() = Some(processed);
        Ok(out)
    };
    let envelope = Envelope {
        typ: TYP_SD_JWT,
        reveal: Some(&reveal),
    };
    let report = verifier.verify_as(parts.jws, &envelope);
    let processed = stash.borrow_mut().take();

    let Some(processed) = processed else {
        // The issuer JWS was unreadable: the credential report says why.
        push(
            SdCheckId::Disclosures,
            Outcome::Fail,
            "the issuer-signed JWT could not be read".into(),
        );
        return finish(checks, report, Processed::default(), None);
    };
    if processed.problems.is_empty() {
        push(
            SdCheckId::Disclosures,
            Outcome::Pass,
            format!(
                "{} disclosure(s), each issued in this credential and unaltered",
                disclosures.len()
            ),
        );
    } else {
        push(
            SdCheckId::Disclosures,
            Outcome::Fail,
            processed.problems.join("; "),
        );
    }

    let cnf = processed
        .cnf
        .as_ref()
        .and_then(|c| c.get("jwk"))
        .and_then(|j| serde_json::from_value(j.clone()).ok())
        .and_then(|j| PublicKey::from_jwk(&j).ok());
    let subject_id = processed
        .document
        .pointer("/credentialSubject/id")
        .and_then(Value::as_str)
        .map(str::to_owned);

    match expect {
        None => {
            for id in [
                SdCheckId::KeyBinding,
                SdCheckId::Audience,
                SdCheckId::Nonce,
                SdCheckId::Freshness,
            ] {
                push(
                    id,
                    Outcome::Skipped,
                    "not run: the holder's own copy, not a presentation".into(),
                );
            }
        }
        Some(expect) => key_binding(&parts, cnf.as_ref(), &expect, verifier.now(), &mut push),
    }

    match (&cnf, &subject_id) {
        (Some(key), Some(subject)) if key.did() == *subject => push(
            SdCheckId::HolderBinding,
            Outcome::Pass,
            "the key-binding key (cnf) is the subject's did:key".into(),
        ),
        (None, _) => push(
            SdCheckId::HolderBinding,
            Outcome::Fail,
            "the credential has no usable cnf.jwk holder key".into(),
        ),
        (Some(_), None) => push(
            SdCheckId::HolderBinding,
            Outcome::Fail,
            "the credential names no subject id".into(),
        ),
        (Some(_), Some(_)) => push(
            SdCheckId::HolderBinding,
            Outcome::Fail,
            "the cnf key is not the key of credentialSubject.id".into(),
        ),
    }
    let subject = processed.document.get("credentialSubject").cloned();
    finish(checks, report, processed, subject)
}

/// The issuer-side report of the JWS before the first `~`, when the SD-JWT around it is
/// malformed.
fn issuer_side_only(verifier: &Verifier<'_>, text: &str) -> Report {
    let jws = text.split('~').next().unwrap_or_default();
    verifier.verify_as(
        jws,
        &Envelope {
            typ: TYP_SD_JWT,
            reveal: None,
        },
    )
}

fn key_binding(
    parts: &SdJwtParts<'_>,
    cnf: Option<&PublicKey>,
    expect: &Expect<'_>,
    now: DateTime<Utc>,
    push: &mut dyn FnMut(SdCheckId, Outcome, String),
) {
    let fail_rest = |push: &mut dyn FnMut(SdCheckId, Outcome, String)| {
        for id in [SdCheckId::Audience, SdCheckId::Nonce, SdCheckId::Freshness] {
            push(id, Outcome::Skipped, "not run: no valid key binding".into());
        }
    };
    let Some(kb) = parts.key_binding else {
        push(
            SdCheckId::KeyBinding,
            Outcome::Fail,
            "no key-binding JWT: anyone holding a copy could have sent this".into(),
        );
        return fail_rest(push);
    };
    let Some(cnf) = cnf else {
        push(
            SdCheckId::KeyBinding,
            Outcome::Fail,
            "the credential has no cnf.jwk to check the key binding with".into(),
        );
        return fail_rest(push);
    };
    let parsed = match UnverifiedJws::parse(kb, MAX_KB_LEN) {
        Ok(p) => p,
        Err(e) => {
            push(
                SdCheckId::KeyBinding,
                Outcome::Fail,
                format!("key-binding JWT: {e}"),
            );
            return fail_rest(push);
        }
    };
    if parsed.header().typ.as_deref() != Some(TYP_KB) {
        push(
            SdCheckId::KeyBinding,
            Outcome::Fail,
            format!("key-binding JWT: typ must be {TYP_KB}"),
        );
        return fail_rest(push);
    }
    if !parsed.verify_with(cnf) {
        push(
            SdCheckId::KeyBinding,
            Outcome::Fail,
            "the key-binding JWT is not signed by the holder key (cnf)".into(),
        );
        return fail_rest(push);
    }
    let Ok(claims) = crate::json::parse_strict(parsed.payload()) else {
        push(
            SdCheckId::KeyBinding,
            Outcome::Fail,
            "the key-binding JWT payload is not strict JSON".into(),
        );
        return fail_rest(push);
    };
    if claims.get("sd_hash").and_then(Value::as_str) != Some(digest(parts.hashed).as_str()) {
        push(
            SdCheckId::KeyBinding,
            Outcome::Fail,
            "sd_hash does not match: the disclosures or the credential were changed after the holder signed".into(),
        );
        return fail_rest(push);
    }
    push(
        SdCheckId::KeyBinding,
        Outcome::Pass,
        "signed by the holder key (cnf) over exactly what was presented".into(),
    );
    match claims.get("aud") {
        Some(Value::String(a)) if a == expect.audience => push(
            SdCheckId::Audience,
            Outcome::Pass,
            format!("made for {}", expect.audience),
        ),
        _ => push(
            SdCheckId::Audience,
            Outcome::Fail,
            format!("not made for {}", expect.audience),
        ),
    }
    if claims.get("nonce").and_then(Value::as_str) == Some(expect.nonce) {
        push(
            SdCheckId::Nonce,
            Outcome::Pass,
            "the nonce is the one supplied".into(),
        );
    } else {
        push(
            SdCheckId::Nonce,
            Outcome::Fail,
            "the nonce is not the one supplied: a replayed or misdirected presentation".into(),
        );
    }
    match claims.get("iat").and_then(Value::as_i64) {
        Some(iat) => {
            let exp = claims.get("exp").and_then(Value::as_i64);
            let (outcome, detail) = freshness(iat, exp, now, expect.max_age);
            push(SdCheckId::Freshness, outcome, detail);
        }
        None => push(
            SdCheckId::Freshness,
            Outcome::Fail,
            "the key-binding JWT has no iat".into(),
        ),
    }
}

fn finish(
    mut checks: Vec<SdCheck>,
    credential: Report,
    processed: Processed,
    subject: Option<Value>,
) -> SdJwtReport {
    for id in SdCheckId::ALL {
        if !checks.iter().any(|c| c.id == id) {
            checks.push(SdCheck {
                id,
                outcome: Outcome::Skipped,
                detail: "not run: an earlier check failed".into(),
            });
        }
    }
    checks.sort_by_key(|c| SdCheckId::ALL.iter().position(|&i| i == c.id));
    let verdict = combine(checks.iter().map(|c| c.outcome), [credential.verdict]);
    let disclosed: Vec<String> = processed
        .disclosed
        .iter()
        .map(|(_, c)| c.display())
        .collect();
    let not_disclosed = match credential.credential.as_ref().map(|c| c.kind) {
        Some(kind) => known_claims(kind)
            .into_iter()
            .filter(|c| processed.hidden.contains(&c.object))
            .filter(|c| {
                processed
                    .document
                    .pointer(&format!("{}/{}", c.object, c.name))
                    .is_none()
            })
            .map(|c| c.display())
            .collect(),
        None => Vec::new(),
    };
    SdJwtReport {
        verdict,
        checks,
        credential,
        disclosed,
        not_disclosed,
        undisclosed_digests: processed.undisclosed,
        subject: if verdict == Verdict::Invalid {
            None
        } else {
            subject
        },
    }
}

/// Makes an SD-JWT presentation from the holder's copy `issued` (`<JWS>~<all>~`),
/// keeping only the disclosures of the claims named in `disclose` (names as in
/// [`SdJwtReport::disclosed`], or short ones like `title`, `grade`, `birthDate`; a claim
/// that is always visible, like `level`, may be named and is simply shown), and appending
/// a key-binding JWT for `audience` and `nonce` signed by `holder`.
pub fn present(
    holder: &SecretKey,
    issued: &str,
    disclose: &[String],
    audience: &str,
    nonce: &str,
    now: DateTime<Utc>,
) -> Result<String, SdJwtError> {
    let parts = split(issued.trim()).map_err(SdJwtError::Malformed)?;
    let parsed = UnverifiedJws::parse(parts.jws, MAX_JWS_LEN)
        .map_err(|e| SdJwtError::Malformed(e.to_string()))?;
    let payload = crate::json::parse_strict(parsed.payload())
        .map_err(|e| SdJwtError::Malformed(e.to_string()))?;
    let cnf = payload
        .pointer("/cnf/jwk")
        .and_then(|j| serde_json::from_value(j.clone()).ok())
        .and_then(|j| PublicKey::from_jwk(&j).ok())
        .ok_or_else(|| SdJwtError::Malformed("no cnf.jwk holder key".into()))?;
    if cnf != holder.public() {
        return Err(SdJwtError::WrongHolderKey);
    }
    let disclosures: Vec<Disclosure> = parts
        .disclosures
        .iter()
        .map(|d| Disclosure::parse(d).map_err(SdJwtError::Malformed))
        .collect::<Result<_, _>>()?;
    // Where each disclosure belongs, found by processing the holder's full copy.
    let full = process(payload.clone(), &disclosures);
    if !full.problems.is_empty() {
        return Err(SdJwtError::Malformed(full.problems.join("; ")));
    }
    let mut keep = vec![false; disclosures.len()];
    for name in disclose {
        let wanted = candidates(name);
        let hit = full.disclosed.iter().find(|(_, c)| wanted.contains(c));
        match hit {
            Some((i, _)) => {
                if let Some(k) = keep.get_mut(*i) {
                    *k = true;
                }
            }
            None => {
                let visible = wanted.iter().any(|c| {
                    payload
                        .pointer(&format!("{}/{}", c.object, c.name))
                        .is_some()
                });
                if !visible {
                    return Err(SdJwtError::Claim(format!(
                        "there is no claim {name:?} in this credential"
                    )));
                }
            }
        }
    }
    let mut out = String::with_capacity(issued.len() + 512);
    out.push_str(parts.jws);
    out.push('~');
    for (d, keep) in disclosures.iter().zip(&keep) {
        if *keep {
            out.push_str(&d.encoded);
            out.push('~');
        }
    }
    let kb = json!({
        "iat": now.timestamp(),
        "aud": audience,
        "nonce": nonce,
        "sd_hash": digest(&out),
    });
    let header = br#"{"alg":"EdDSA","typ":"kb+jwt"}"#;
    out.push_str(&jws::sign_raw(holder, header, kb.to_string().as_bytes()));
    Ok(out)
}

/// The holder's own copy with every disclosure put back, for display (not verified).
pub fn reveal_all_unchecked(issued: &str) -> Result<Value, SdJwtError> {
    let parts = split(issued.trim()).map_err(SdJwtError::Malformed)?;
    let parsed = UnverifiedJws::parse(parts.jws, MAX_JWS_LEN)
        .map_err(|e| SdJwtError::Malformed(e.to_string()))?;
    let payload = crate::json::parse_strict(parsed.payload())
        .map_err(|e| SdJwtError::Malformed(e.to_string()))?;
    let disclosures: Vec<Disclosure> = parts
        .disclosures
        .iter()
        .map(|d| Disclosure::parse(d).map_err(SdJwtError::Malformed))
        .collect::<Result<_, _>>()?;
    Ok(process(payload, &disclosures).document)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::Fixture;

    const EMPLOYER: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    const NONCE: &str = "a1b2c3";
    const VECTORS: &str = include_str!("../testdata/sdjwt/rfc9901-disclosures.json");

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// The nurse's credential as an SD-JWT, with the name and title also made disclosable.
    fn issued(f: &Fixture) -> String {
        let doc = f.document_for(&f.holder.public().did());
        issue(
            &f.college,
            &f.college.public().did_url(),
            &doc,
            &names(&["name", "title"]),
        )
        .unwrap()
    }

    fn check(f: &Fixture, presentation: &str) -> SdJwtReport {
        let bundle = f.bundle();
        verify(
            &f.verifier(&bundle),
            presentation,
            EMPLOYER,
            NONCE,
            Duration::minutes(5),
        )
    }

    /// Signs a key binding over `hashed` (`<JWS>~<disclosures>~`) with `key`.
    fn bind(key: &SecretKey, hashed: &str, aud: &str, nonce: &str, iat: i64) -> String {
        let kb = json!({"iat": iat, "aud": aud, "nonce": nonce, "sd_hash": digest(hashed)});
        format!(
            "{hashed}{}",
            jws::sign_raw(
                key,
                br#"{"alg":"EdDSA","typ":"kb+jwt"}"#,
                kb.to_string().as_bytes()
            )
        )
    }

    #[test]
    fn rfc9901_disclosure_vectors_give_the_published_digests() {
        let vectors: Vec<Value> = serde_json::from_str(VECTORS).unwrap();
        assert_eq!(vectors.len(), 2);
        for v in vectors {
            let d = Disclosure::parse(v["disclosure"].as_str().unwrap()).unwrap();
            assert_eq!(d.digest(), v["sha256_digest"], "{}", v["id"]);
            assert_eq!(d.salt, v["salt"]);
            assert_eq!(d.value, v["claim_value"]);
            assert_eq!(d.name.as_deref(), v["claim_name"].as_str());
        }
    }

    #[test]
    fn the_digest_is_over_the_base64url_text_not_the_decoded_json() {
        // Re-serialising the RFC's disclosure without its ", " spaces changes the digest.
        let compact =
            URL_SAFE_NO_PAD.encode(r#"["_26bc4LT-ac6q2KI6cBW5es","family_name","Möbius"]"#);
        assert_ne!(
            digest(&compact),
            "X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0"
        );
    }

    #[test]
    fn an_issued_sd_jwt_hides_personal_claims_behind_digests_and_binds_the_holder_key() {
        let f = Fixture::new();
        let text = issued(&f);
        let parts = split(&text).unwrap();
        assert!(parts.key_binding.is_none());
        assert_eq!(parts.disclosures.len(), 3); // birthDate, name, title
        let parsed = UnverifiedJws::parse(parts.jws, MAX_JWS_LEN).unwrap();
        assert_eq!(parsed.header().typ.as_deref(), Some("vc+sd-jwt"));
        let payload: Value = serde_json::from_slice(parsed.payload()).unwrap();
        assert_eq!(payload["_sd_alg"], "sha-256");
        assert_eq!(payload["cnf"]["jwk"]["x"], f.holder.public().to_jwk().x);
        let subject = &payload["credentialSubject"];
        assert!(subject.get("birthDate").is_none() && subject.get("name").is_none());
        assert!(subject["qualification"].get("title").is_none());
        assert_eq!(subject["qualification"]["frameworkLevels"][0], "PQF-6");
        assert_eq!(subject["id"], f.holder.public().did());
        for d in &parts.disclosures {
            let digest = Disclosure::parse(d).unwrap().digest();
            assert!(parsed
                .payload()
                .windows(digest.len())
                .any(|w| w == digest.as_bytes()));
        }
    }

    #[test]
    fn presenting_only_title_and_level_is_valid_and_reports_birth_date_not_disclosed() {
        let f = Fixture::new();
        let vp = present(
            &f.holder,
            &issued(&f),
            &names(&["title", "level"]),
            EMPLOYER,
            NONCE,
            f.now,
        )
        .unwrap();
        let report = check(&f, &vp);
        assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
        assert_eq!(report.disclosed, vec!["qualification.title"]);
        assert!(report.not_disclosed.contains(&"birthDate".to_owned()));
        assert!(report.not_disclosed.contains(&"name".to_owned()));
        let subject = report.subject.unwrap();
        assert!(subject.get("birthDate").is_none() && subject.get("name").is_none());
        assert_eq!(
            subject["qualification"]["title"]["en"],
            "Bachelor of Science in Nursing"
        );
        assert_eq!(subject["qualification"]["frameworkLevels"][0], "PQF-6");
    }

    #[test]
    fn presenting_every_claim_is_valid_and_lists_them_all() {
        let f = Fixture::new();
        let vp = present(
            &f.holder,
            &issued(&f),
            &names(&["title", "name", "birthDate"]),
            EMPLOYER,
            NONCE,
            f.now,
        )
        .unwrap();
        let report = check(&f, &vp);
        assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
        let mut disclosed = report.disclosed.clone();
        disclosed.sort();
        assert_eq!(disclosed, vec!["birthDate", "name", "qualification.title"]);
        // Decoy digests make every object look as if it might hide more, so claims this
        // credential never had (nationality, grade) are still listed as not disclosed.
        for shown in ["birthDate", "name", "qualification.title"] {
            assert!(!report.not_disclosed.contains(&shown.to_owned()));
        }
    }

    #[test]
    fn a_disclosure_that_was_not_issued_is_rejected() {
        let f = Fixture::new();
        let vp = present(
            &f.holder,
            &issued(&f),
            &names(&["title"]),
            EMPLOYER,
            NONCE,
            f.now,
        )
        .unwrap();
        let parts = split(&vp).unwrap();
        let forged = Disclosure::new("birthDate", json!("1990-01-01"));
        let hashed = format!("{}{}~", parts.hashed, forged.encoded);
        let report = check(
            &f,
            &bind(&f.holder, &hashed, EMPLOYER, NONCE, f.now.timestamp()),
        );
        assert_eq!(report.verdict, Verdict::Invalid);
        assert_eq!(report.failed(), vec!["disclosures"]);
    }

    #[test]
    fn a_tampered_disclosure_is_rejected() {
        let f = Fixture::new();
        let full = issued(&f);
        let parts = split(&full).unwrap();
        // The holder changes the value of their real birthDate disclosure.
        let original = parts
            .disclosures
            .iter()
            .map(|d| Disclosure::parse(d).unwrap())
            .find(|d| d.name.as_deref() == Some("birthDate"))
            .unwrap();
        let changed =
            URL_SAFE_NO_PAD.encode(json!([original.salt, "birthDate", "1980-01-01"]).to_string());
        let hashed = format!("{}~{changed}~", parts.jws);
        let report = check(
            &f,
            &bind(&f.holder, &hashed, EMPLOYER, NONCE, f.now.timestamp()),
        );
        assert_eq!(report.verdict, Verdict::Invalid);
        assert_eq!(report.failed(), vec!["disclosures"]);
    }

    #[test]
    fn a_missing_key_binding_is_rejected() {
        let f = Fixture::new();
        let report = check(&f, &issued(&f));
        assert_eq!(report.verdict, Verdict::Invalid);
        assert_eq!(report.failed(), vec!["key-binding"]);
    }

    #[test]
    fn a_key_binding_signed_by_another_key_is_rejected() {
        let f = Fixture::new();
        let full = issued(&f);
        let parts = split(&full).unwrap();
        let thief = SecretKey::generate();
        let report = check(
            &f,
            &bind(&thief, parts.hashed, EMPLOYER, NONCE, f.now.timestamp()),
        );
        assert_eq!(report.failed(), vec!["key-binding"]);
    }

    #[test]
    fn dropping_a_disclosure_after_the_holder_signed_breaks_the_sd_hash() {
        let f = Fixture::new();
        let vp = present(
            &f.holder,
            &issued(&f),
            &names(&["title", "name"]),
            EMPLOYER,
            NONCE,
            f.now,
        )
        .unwrap();
        let parts = split(&vp).unwrap();
        let kept = format!(
            "{}~{}~{}",
            parts.jws,
            parts.disclosures[0],
            parts.key_binding.unwrap()
        );
        let report = check(&f, &kept);
        assert_eq!(report.failed(), vec!["key-binding"]);
    }

    #[test]
    fn a_key_binding_for_another_audience_or_nonce_is_rejected() {
        let f = Fixture::new();
        let other = "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG";
        let vp = present(
            &f.holder,
            &issued(&f),
            &names(&["title"]),
            other,
            NONCE,
            f.now,
        )
        .unwrap();
        assert_eq!(check(&f, &vp).failed(), vec!["audience"]);
        let vp = present(
            &f.holder,
            &issued(&f),
            &names(&["title"]),
            EMPLOYER,
            "old",
            f.now,
        )
        .unwrap();
        assert_eq!(check(&f, &vp).failed(), vec!["nonce"]);
    }

    #[test]
    fn a_stale_key_binding_is_rejected() {
        let f = Fixture::new();
        let vp = present(
            &f.holder,
            &issued(&f),
            &names(&["title"]),
            EMPLOYER,
            NONCE,
            f.now - Duration::hours(1),
        )
        .unwrap();
        assert_eq!(check(&f, &vp).failed(), vec!["freshness"]);
    }

    #[test]
    fn an_altered_issuer_payload_fails_the_signature() {
        let f = Fixture::new();
        let full = issued(&f);
        let parts = split(&full).unwrap();
        let parsed = UnverifiedJws::parse(parts.jws, MAX_JWS_LEN).unwrap();
        let mut payload: Value = serde_json::from_slice(parsed.payload()).unwrap();
        payload["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PQF-5"]);
        let sig = parts.jws.rsplit('.').next().unwrap();
        let header = parts.jws.split('.').next().unwrap();
        let forged = format!(
            "{header}.{}.{sig}",
            URL_SAFE_NO_PAD.encode(payload.to_string())
        );
        let hashed = format!("{forged}~");
        let report = check(
            &f,
            &bind(&f.holder, &hashed, EMPLOYER, NONCE, f.now.timestamp()),
        );
        assert_eq!(report.verdict, Verdict::Invalid);
        assert!(report.failed().contains(&"credential:signature".to_owned()));
    }

    #[test]
    fn presenting_with_someone_elses_key_is_refused() {
        let f = Fixture::new();
        assert!(matches!(
            present(
                &SecretKey::generate(),
                &issued(&f),
                &[],
                EMPLOYER,
                NONCE,
                f.now
            ),
            Err(SdJwtError::WrongHolderKey)
        ));
    }

    #[test]
    fn disclosing_an_unknown_claim_is_refused() {
        let f = Fixture::new();
        assert!(matches!(
            present(
                &f.holder,
                &issued(&f),
                &names(&["shoeSize"]),
                EMPLOYER,
                NONCE,
                f.now
            ),
            Err(SdJwtError::Claim(_))
        ));
    }

    #[test]
    fn the_level_and_the_holder_id_cannot_be_made_selectively_disclosable() {
        let f = Fixture::new();
        let doc = f.document_for(&f.holder.public().did());
        for name in ["level", "id"] {
            assert!(matches!(
                issue(
                    &f.college,
                    &f.college.public().did_url(),
                    &doc,
                    &names(&[name])
                ),
                Err(SdJwtError::Claim(_))
            ));
        }
    }

    #[test]
    fn a_grade_is_selectively_disclosable_without_being_asked() {
        let f = Fixture::new();
        let mut doc = f.document_for(&f.holder.public().did());
        doc["credentialSubject"]["qualification"]["grade"] = json!("Cum laude");
        let text = issue(&f.college, &f.college.public().did_url(), &doc, &[]).unwrap();
        let parts = split(&text).unwrap();
        let payload: Value = serde_json::from_slice(
            UnverifiedJws::parse(parts.jws, MAX_JWS_LEN)
                .unwrap()
                .payload(),
        )
        .unwrap();
        assert!(payload["credentialSubject"]["qualification"]
            .get("grade")
            .is_none());
        assert_eq!(parts.disclosures.len(), 2); // birthDate and grade
    }

    #[test]
    fn the_holders_own_copy_verifies_issuer_side_valid_with_key_binding_skipped() {
        let f = Fixture::new();
        let bundle = f.bundle();
        let report = verify_issued(&f.verifier(&bundle), &issued(&f));
        assert_eq!(
            report.credential.verdict,
            Verdict::Valid,
            "{}",
            report.to_words()
        );
        assert_eq!(report.verdict, Verdict::Indeterminate);
        assert!(report.failed().is_empty());
        assert_eq!(
            reveal_all_unchecked(&issued(&f)).unwrap()["credentialSubject"]["birthDate"],
            "1997-04-12"
        );
    }

    #[test]
    fn malformed_sd_jwts_fail_well_formed() {
        let f = Fixture::new();
        let full = issued(&f);
        let jws = split(&full).unwrap().jws.to_owned();
        for bad in [
            format!("{jws}~~x"),
            format!("{jws}~bm90IGpzb24~"),
            "a".repeat(MAX_SD_JWT_LEN + 1),
            jws.clone(),
        ] {
            let report = check(&f, &bad);
            assert_eq!(report.verdict, Verdict::Invalid, "{bad:.60}");
            assert!(
                report.failed().contains(&"well-formed".to_owned()),
                "{bad:.60}: {:?}",
                report.failed()
            );
        }
    }
}
