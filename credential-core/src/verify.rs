//! The offline verifier: one fixed list of numbered checks, each reported by name with an
//! outcome and a plain-words detail, and a verdict.
//!
//! 0. `trust-bundle` — the bundle is signed by the pinned anchor and not older than one
//!    already seen (checked once per bundle, reported on every credential);
//! 1. `well-formed` — size limit, three base64url segments, strict JSON (no duplicate keys),
//!    `typ` `vc+jwt`, the VC 2.0 envelope;
//! 2. `algorithm` — `EdDSA` only (never `none`, never HMAC);
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

use std::fmt::{self, Write as _};

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::credential::{format_time, CheckedCredential, CredentialKind, TYP_VC};
use crate::equivalence::{
    Destination, EquivalenceAnswer, EquivalenceQuery, EquivalenceTable, FrameworkCatalog,
};
use crate::jws::{JwsError, UnverifiedJws, MAX_JWS_LEN};
use crate::keys::PublicKey;
use crate::status::StatusPurpose;
use crate::trust::{IssuerEntry, IssuerStatus, VerifiedBundle};

/// Clock skew tolerated between a bundle's issue time and the verifier's clock.
const CLOCK_SKEW_SECS: i64 = 300;
/// Signatures verified together in one batch; a failed batch is retried one by one.
const BATCH_SIZE: usize = 256;

/// The checks, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    /// The bundle is signed by the pinned anchor and is not a rollback.
    TrustBundle,
    /// Size, segments, encoding, strict JSON, VC envelope.
    WellFormed,
    /// EdDSA only.
    Algorithm,
    /// Issuer known, active and accredited for the type and level at issuance.
    IssuerAccredited,
    /// `kid` is the issuer's key, valid at issuance.
    KeyValid,
    /// The Ed25519 signature.
    Signature,
    /// JSON Schema and framework levels.
    Schema,
    /// `validFrom` / `validUntil`.
    ValidityPeriod,
    /// Revocation and suspension.
    Status,
    /// Bundle before its next-update time.
    BundleFresh,
}

impl CheckId {
    /// The stable name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::TrustBundle => "trust-bundle",
            Self::WellFormed => "well-formed",
            Self::Algorithm => "algorithm",
            Self::IssuerAccredited => "issuer-accredited",
            Self::KeyValid => "key-valid",
            Self::Signature => "signature",
            Self::Schema => "schema",
            Self::ValidityPeriod => "validity-period",
            Self::Status => "status",
            Self::BundleFresh => "bundle-fresh",
        }
    }

    const ALL: [CheckId; 10] = [
        Self::TrustBundle,
        Self::WellFormed,
        Self::Algorithm,
        Self::IssuerAccredited,
        Self::KeyValid,
        Self::Signature,
        Self::Schema,
        Self::ValidityPeriod,
        Self::Status,
        Self::BundleFresh,
    ];
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How one check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Passed.
    Pass,
    /// Failed: the credential is invalid.
    Fail,
    /// Could not be decided with what the verifier has.
    Indeterminate,
    /// Not run because an earlier check failed.
    Skipped,
}

impl Outcome {
    /// The label people read in front of a check: a word, never a symbol.
    pub fn mark(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "FAIL",
            Self::Indeterminate => "undecided",
            Self::Skipped => "skipped",
        }
    }
}

/// One check's result.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// Which check.
    #[serde(rename = "name")]
    pub id: CheckId,
    /// Its outcome.
    pub outcome: Outcome,
    /// Plain words.
    pub detail: String,
}

/// The overall answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every check passed.
    Valid,
    /// At least one check failed.
    Invalid,
    /// Nothing failed, but something could not be decided.
    Indeterminate,
}

impl Verdict {
    /// The process exit code the CLI uses: 0 valid, 1 invalid, 3 indeterminate.
    pub fn exit_code(self) -> i32 {
        match self {
            Self::Valid => 0,
            Self::Invalid => 1,
            Self::Indeterminate => 3,
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Valid => "valid",
            Self::Invalid => "invalid",
            Self::Indeterminate => "indeterminate",
        })
    }
}

/// What a report says about the credential (no personal data about the holder).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialSummary {
    /// The credential id.
    pub id: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: CredentialKind,
    /// The issuer DID.
    pub issuer: String,
    /// The issuer's name, from the bundle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// The issuer's country, from the bundle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_country: Option<String>,
    /// English title (qualification) or skill names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Framework levels.
    pub levels: Vec<String>,
    /// Start of validity.
    pub valid_from: String,
    /// End of validity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
}

/// A credential that passed every check. Only the verifier builds one.
#[derive(Debug, Clone)]
pub struct VerifiedCredential {
    document: Value,
    checked: CheckedCredential,
}

impl VerifiedCredential {
    /// The full credential document, now authenticated.
    pub fn document(&self) -> &Value {
        &self.document
    }
    /// Its envelope.
    pub fn envelope(&self) -> &CheckedCredential {
        &self.checked
    }
}

/// The verification report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The verdict.
    pub verdict: Verdict,
    /// Every check in order.
    pub checks: Vec<Check>,
    /// What the credential is, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<CredentialSummary>,
    /// What the credential means in the requested destination.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equivalence: Option<EquivalenceAnswer>,
    /// Recognition decisions in the bundle that were not trusted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub untrusted_decisions: Vec<String>,
    #[serde(skip)]
    verified: Option<VerifiedCredential>,
}

impl Report {
    /// The verified credential, present only when the verdict is `valid`.
    pub fn verified(&self) -> Option<&VerifiedCredential> {
        self.verified.as_ref()
    }

    /// The result of one check.
    pub fn check(&self, id: CheckId) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The names of the failing checks.
    pub fn failed(&self) -> Vec<&'static str> {
        self.checks
            .iter()
            .filter(|c| c.outcome == Outcome::Fail)
            .map(|c| c.id.name())
            .collect()
    }

    /// A report for people.
    pub fn to_words(&self) -> String {
        let mut out = String::new();
        let _ = write!(out, "{}", self.verdict.to_string().to_uppercase());
        if let Some(c) = &self.credential {
            let _ = write!(out, ": {}", c.kind);
            if let Some(t) = &c.title {
                let _ = write!(out, " \"{t}\"");
            }
            if !c.levels.is_empty() {
                let _ = write!(out, " ({})", c.levels.join(", "));
            }
            let name = c.issuer_name.as_deref().unwrap_or(&c.issuer);
            let _ = write!(out, " from {name}");
            if let Some(country) = &c.issuer_country {
                let _ = write!(out, " ({country})");
            }
        }
        out.push('\n');
        for (n, check) in self.checks.iter().enumerate() {
            let mark = check.outcome.mark();
            let _ = writeln!(
                out,
                "  {:>2}. [{mark:<9}] {:<17} {}",
                n + 1,
                check.id.name(),
                check.detail
            );
        }
        if let Some(eq) = &self.equivalence {
            out.push('\n');
            out.push_str(&eq.to_words());
            if !out.ends_with('\n') {
                out.push('\n');
            }
        }
        for why in &self.untrusted_decisions {
            let _ = writeln!(out, "  untrusted decision ignored: {why}");
        }
        out
    }
}

/// The report for a credential that could not be checked because the bundle was refused
/// (not signed by the pinned anchor, malformed, or older than one already seen).
pub fn bundle_rejected(reason: &str) -> Report {
    let checks = CheckId::ALL
        .iter()
        .map(|&id| match id {
            CheckId::TrustBundle => Check {
                id,
                outcome: Outcome::Fail,
                detail: reason.to_owned(),
            },
            _ => Check {
                id,
                outcome: Outcome::Skipped,
                detail: "not run: the trust bundle was refused".into(),
            },
        })
        .collect();
    Report {
        verdict: Verdict::Invalid,
        checks,
        credential: None,
        equivalence: None,
        untrusted_decisions: Vec::new(),
        verified: None,
    }
}

/// Verifies credentials against one verified bundle at one instant.
pub struct Verifier<'b> {
    bundle: &'b VerifiedBundle,
    now: DateTime<Utc>,
    equivalence: Option<(Destination, EquivalenceTable)>,
    // The bundle-level results are the same for every credential: worked out once.
    trust_detail: String,
    freshness: (Outcome, String),
    as_of: String,
    inconsistent_decisions: Vec<String>,
}

/// How a secured credential's signed payload becomes the document the checks read: a
/// `vc+jwt` payload is the document; an SD-JWT's (see `sdjwt.rs`) has the presented
/// disclosures put back, and names the objects whose undisclosed claims may be missing.
pub(crate) struct Envelope<'e> {
    /// The `typ` the header must carry.
    pub(crate) typ: &'static str,
    /// Signed payload -> (document, JSON pointers of objects with undisclosed claims).
    pub(crate) reveal: Option<&'e RevealFn<'e>>,
}

/// See [`Envelope::reveal`].
pub(crate) type RevealFn<'a> = dyn Fn(Value) -> Result<(Value, Vec<String>), String> + 'a;

/// A credential taken as far as the signature check.
struct Pending<'a> {
    checks: Vec<Check>,
    credential: Option<(Value, CheckedCredential)>,
    signature: Option<(UnverifiedJws<'a>, PublicKey)>,
    /// `validFrom` formatted once: three details and the summary show it.
    valid_from: String,
}

impl<'b> Verifier<'b> {
    /// A verifier using `bundle`, with `now` as the clock (inject a fixed time in tests, or
    /// `--at` on the command line).
    pub fn new(bundle: &'b VerifiedBundle, now: DateTime<Utc>) -> Self {
        let b = bundle.bundle();
        Self {
            bundle,
            now,
            equivalence: None,
            trust_detail: format!(
                "bundle {} signed by the pinned anchor {}",
                b.sequence, b.anchor
            ),
            freshness: freshness(b, now),
            as_of: format!("as of the bundle of {}", format_time(b.issued_at)),
            inconsistent_decisions: Vec::new(),
        }
    }

    /// The instant this verifier checks against.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// Also answer what each credential means in `destination`, from the shipped framework
    /// data and the bundle's trusted recognition decisions.
    pub fn with_destination(
        mut self,
        destination: Destination,
    ) -> Result<Self, crate::equivalence::EquivalenceError> {
        let mut table = EquivalenceTable::shipped()?;
        // A decision that conflicts with the others (duplicate id, unknown predecessor) is
        // reported as untrusted rather than failing the verification of a credential.
        let rejected = table.add_decisions_any_order(self.bundle.decisions().iter().cloned());
        self.inconsistent_decisions = rejected
            .into_iter()
            .map(|(d, e)| format!("decision {}: {e}", d.id))
            .collect();
        self.equivalence = Some((destination, table));
        Ok(self)
    }

    /// Verifies one compact JWS credential.
    pub fn verify(&self, compact: &str) -> Report {
        let mut pending = self.prepare(compact);
        let ok = pending
            .signature
            .as_ref()
            .map(|(jws, key)| jws.verify_with(key));
        self.finish(&mut pending, ok)
    }

    /// Verifies many credentials, checking signatures in Ed25519 batches (a failing batch
    /// is retried one signature at a time so each credential gets its own answer).
    pub fn verify_many<S: AsRef<str>>(&self, credentials: &[S]) -> Vec<Report> {
        let mut reports = Vec::with_capacity(credentials.len());
        for chunk in credentials.chunks(BATCH_SIZE) {
            let mut pendings: Vec<Pending<'_>> =
                chunk.iter().map(|c| self.prepare(c.as_ref())).collect();
            let results = batch_signatures(&pendings);
            for (pending, ok) in pendings.iter_mut().zip(results) {
                reports.push(self.finish(pending, ok));
            }
        }
        reports
    }

    /// Verifies a credential secured as `envelope` says (the SD-JWT verifier uses this).
    pub(crate) fn verify_as(&self, compact: &str, envelope: &Envelope<'_>) -> Report {
        let mut hidden = Vec::new();
        let mut pending = self.prepare_as(compact, envelope, &mut hidden);
        let ok = pending
            .signature
            .as_ref()
            .map(|(jws, key)| jws.verify_with(key));
        self.finish_as(&mut pending, ok, &hidden)
    }

    fn prepare<'a>(&self, compact: &'a str) -> Pending<'a> {
        let plain = Envelope {
            typ: TYP_VC,
            reveal: None,
        };
        self.prepare_as(compact, &plain, &mut Vec::new())
    }

    fn prepare_as<'a>(
        &self,
        compact: &'a str,
        envelope: &Envelope<'_>,
        hidden: &mut Vec<String>,
    ) -> Pending<'a> {
        let mut checks: Vec<Check> = Vec::with_capacity(CheckId::ALL.len());
        checks.push(Check {
            id: CheckId::TrustBundle,
            outcome: Outcome::Pass,
            detail: self.trust_detail.clone(),
        });
        let mut push = |id, outcome, detail: String| {
            checks.push(Check {
                id,
                outcome,
                detail,
            })
        };
        let parsed = match UnverifiedJws::parse(compact.trim(), MAX_JWS_LEN) {
            Ok(p) => p,
            Err(e @ (JwsError::Algorithm(_) | JwsError::Crit)) => {
                push(
                    CheckId::WellFormed,
                    Outcome::Pass,
                    "compact JWS with a readable header".into(),
                );
                push(CheckId::Algorithm, Outcome::Fail, e.to_string());
                return Pending {
                    checks,
                    credential: None,
                    signature: None,
                    valid_from: String::new(),
                };
            }
            Err(e) => {
                push(CheckId::WellFormed, Outcome::Fail, damaged(compact, &e));
                return Pending {
                    checks,
                    credential: None,
                    signature: None,
                    valid_from: String::new(),
                };
            }
        };
        let document = match crate::json::parse_strict(parsed.payload()) {
            Ok(v) => v,
            Err(e) => {
                push(
                    CheckId::WellFormed,
                    Outcome::Fail,
                    format!("payload is not strict JSON: {e}"),
                );
                return Pending {
                    checks,
                    credential: None,
                    signature: None,
                    valid_from: String::new(),
                };
            }
        };
        if parsed.header().typ.as_deref() != Some(envelope.typ) {
            push(
                CheckId::WellFormed,
                Outcome::Fail,
                format!("header typ must be {}", envelope.typ),
            );
            return Pending {
                checks,
                credential: None,
                signature: None,
                valid_from: String::new(),
            };
        }
        let document = match envelope.reveal {
            None => document,
            Some(reveal) => match reveal(document) {
                Ok((document, undisclosed)) => {
                    *hidden = undisclosed;
                    document
                }
                Err(e) => {
                    push(CheckId::WellFormed, Outcome::Fail, e);
                    return Pending {
                        checks,
                        credential: None,
                        signature: None,
                        valid_from: String::new(),
                    };
                }
            },
        };
        let credential = match CheckedCredential::from_value(&document) {
            Ok(c) => c,
            Err(e) => {
                push(CheckId::WellFormed, Outcome::Fail, e.to_string());
                return Pending {
                    checks,
                    credential: None,
                    signature: None,
                    valid_from: String::new(),
                };
            }
        };
        push(
            CheckId::WellFormed,
            Outcome::Pass,
            format!("{} bytes, VC 2.0 {}", compact.len(), credential.kind),
        );
        push(CheckId::Algorithm, Outcome::Pass, "EdDSA (Ed25519)".into());

        let valid_from = format_time(credential.valid_from);
        let issuer = self.bundle.issuer(&credential.issuer);
        let (outcome, detail) = match issuer {
            None => (
                Outcome::Fail,
                format!("issuer {} is not in the trust bundle", credential.issuer),
            ),
            Some(issuer) => accreditation(issuer, &credential, self.now, &valid_from),
        };
        push(CheckId::IssuerAccredited, outcome, detail);

        let kid = parsed.header().kid.clone();
        let mut signature = None;
        let (outcome, detail) = match kid.as_deref().map(|k| (k, self.bundle.key(k))) {
            None => (Outcome::Fail, "the header has no kid".into()),
            Some((kid, None)) => (
                Outcome::Fail,
                format!("key {kid} is not in the trust bundle"),
            ),
            Some((kid, Some(key))) if key.issuer.id != credential.issuer => (
                Outcome::Fail,
                format!(
                    "key {kid} belongs to {}, not to the credential's issuer",
                    key.issuer.name
                ),
            ),
            Some((kid, Some(key))) => {
                let at = credential.valid_from;
                if at < key.entry.valid_from || key.entry.valid_until.is_some_and(|u| at >= u) {
                    (
                        Outcome::Fail,
                        format!("key {kid} was not valid at the issuance date {valid_from}"),
                    )
                } else {
                    signature = Some((parsed, *key.key));
                    (Outcome::Pass, format!("{kid}, valid at issuance"))
                }
            }
        };
        push(CheckId::KeyValid, outcome, detail);
        Pending {
            checks,
            credential: Some((document, credential)),
            signature,
            valid_from,
        }
    }

    fn finish(&self, pending: &mut Pending<'_>, signature_ok: Option<bool>) -> Report {
        self.finish_as(pending, signature_ok, &[])
    }

    fn finish_as(
        &self,
        pending: &mut Pending<'_>,
        signature_ok: Option<bool>,
        hidden: &[String],
    ) -> Report {
        let mut checks = std::mem::take(&mut pending.checks);
        let credential = pending.credential.take();
        let mut push = |id, outcome, detail: String| {
            checks.push(Check {
                id,
                outcome,
                detail,
            })
        };
        match signature_ok {
            Some(true) => push(CheckId::Signature, Outcome::Pass, "Ed25519 signature verifies".into()),
            Some(false) => push(CheckId::Signature, Outcome::Fail, "the signature does not verify: the credential was altered or not signed by this key".into()),
            None => push(CheckId::Signature, Outcome::Skipped, "no trusted key to check it with".into()),
        }
        if let Some((document, checked)) = &credential {
            match checked.check_content_disclosed(document, hidden) {
                Ok(()) => push(
                    CheckId::Schema,
                    Outcome::Pass,
                    format!("conforms to the {} schema", checked.kind),
                ),
                Err(e) => push(CheckId::Schema, Outcome::Fail, e.to_string()),
            }
            let (outcome, detail) = validity(checked, self.now, &pending.valid_from);
            push(CheckId::ValidityPeriod, outcome, detail);
            let (outcome, detail) = self.status(checked);
            push(CheckId::Status, outcome, detail);
        }
        let (outcome, detail) = self.freshness.clone();
        push(CheckId::BundleFresh, outcome, detail);
        // Fill in the checks that never ran, so every report lists all ten in order (a
        // credential that went through every check already has them in order).
        let complete = checks.len() == CheckId::ALL.len()
            && checks.iter().zip(CheckId::ALL).all(|(c, id)| c.id == id);
        if !complete {
            for id in CheckId::ALL {
                if !checks.iter().any(|c| c.id == id) {
                    checks.push(Check {
                        id,
                        outcome: Outcome::Skipped,
                        detail: "not run: an earlier check failed".into(),
                    });
                }
            }
            checks.sort_by_key(|c| CheckId::ALL.iter().position(|&i| i == c.id));
        }
        let verdict = if checks.iter().any(|c| c.outcome == Outcome::Fail) {
            Verdict::Invalid
        } else if checks.iter().any(|c| c.outcome != Outcome::Pass) {
            Verdict::Indeterminate
        } else {
            Verdict::Valid
        };
        let summary = credential.as_ref().map(|(_, c)| {
            let issuer = self.bundle.issuer(&c.issuer);
            CredentialSummary {
                id: c.id.clone(),
                kind: c.kind,
                issuer: c.issuer.clone(),
                issuer_name: issuer.map(|i| i.name.clone()),
                issuer_country: issuer.map(|i| i.country.clone()),
                title: c.title.clone(),
                levels: c.levels.clone(),
                valid_from: std::mem::take(&mut pending.valid_from),
                valid_until: c.valid_until.map(format_time),
            }
        });
        let equivalence = match (&self.equivalence, &credential) {
            (Some((destination, table)), Some((_, c))) if verdict != Verdict::Invalid => {
                let query = EquivalenceQuery {
                    origin_country: c
                        .country
                        .clone()
                        .or_else(|| self.bundle.issuer(&c.issuer).map(|i| i.country.clone())),
                    levels: c.levels.clone(),
                    field: c.field.clone(),
                    isco08: c.isco08.clone(),
                    title: c.title.clone(),
                    issuer: Some(c.issuer.clone()),
                };
                Some(table.query(&query, destination, self.now))
            }
            _ => None,
        };
        let untrusted_decisions = if self.equivalence.is_some() {
            let mut all = self.bundle.untrusted_decisions().to_vec();
            all.extend(self.inconsistent_decisions.iter().cloned());
            all
        } else {
            Vec::new()
        };
        let verified = match (verdict, credential) {
            (Verdict::Valid, Some((document, checked))) => {
                Some(VerifiedCredential { document, checked })
            }
            _ => None,
        };
        Report {
            verdict,
            checks,
            credential: summary,
            equivalence,
            untrusted_decisions,
            verified,
        }
    }

    fn status(&self, c: &CheckedCredential) -> (Outcome, String) {
        if c.status.is_empty() {
            return (
                Outcome::Pass,
                "the credential carries no status entry".into(),
            );
        }
        let (mut revocation, mut suspension) = (false, false);
        for entry in &c.status {
            let Some(list) = self.bundle.status_list(&entry.status_list_credential) else {
                return (
                    Outcome::Indeterminate,
                    format!(
                        "status list {} is not in the trust bundle",
                        entry.status_list_credential
                    ),
                );
            };
            if list.issuer != c.issuer {
                return (
                    Outcome::Fail,
                    format!("status list {} belongs to another issuer", list.id),
                );
            }
            // A list outside its own validity period says nothing about now.
            if let Some(until) = list.valid_until.filter(|&u| self.now >= u) {
                return (
                    Outcome::Indeterminate,
                    format!(
                        "status list {} expired on {}: fetch a newer bundle",
                        list.id,
                        format_time(until)
                    ),
                );
            }
            if let Some(from) = list
                .valid_from
                .filter(|&f| self.now + Duration::seconds(CLOCK_SKEW_SECS) < f)
            {
                return (
                    Outcome::Indeterminate,
                    format!(
                        "status list {} is not valid before {}: check the clock",
                        list.id,
                        format_time(from)
                    ),
                );
            }
            if list.purpose != entry.status_purpose {
                return (
                    Outcome::Fail,
                    format!(
                        "status list {} is a {} list, the entry says {}",
                        list.id, list.purpose, entry.status_purpose
                    ),
                );
            }
            let set = match entry.index().and_then(|i| list.bits.get(i)) {
                Ok(set) => set,
                Err(e) => return (Outcome::Fail, format!("status entry: {e}")),
            };
            if set {
                let word = match entry.status_purpose {
                    StatusPurpose::Revocation => "revoked",
                    StatusPurpose::Suspension => "suspended",
                };
                return (
                    Outcome::Fail,
                    format!("the credential is {word} (status list {})", list.id),
                );
            }
            match entry.status_purpose {
                StatusPurpose::Revocation => revocation = true,
                StatusPurpose::Suspension => suspension = true,
            }
        }
        let checked = match (revocation, suspension) {
            (true, true) => "not revoked, not suspended",
            (true, false) => "not revoked",
            _ => "not suspended",
        };
        (Outcome::Pass, format!("{checked} ({})", self.as_of))
    }
}

/// The well-formed detail for a token that does not parse. Most such tokens reached the
/// verifier by email or chat and were cut short or broken into lines on the way: the
/// detail says so, and what to ask the sender for. (The token is still refused: a damaged
/// credential is never repaired by guessing.)
fn damaged(compact: &str, e: &JwsError) -> String {
    const ASK: &str = "ask the sender for the credential file itself, sent as an attachment";
    let text = compact.trim();
    match e {
        JwsError::Segments(_) | JwsError::Base64(_) | JwsError::SignatureLength(_)
            if text.contains(char::is_whitespace) =>
        {
            format!("{e}: the credential is broken over several lines, as an email program may do; {ASK}")
        }
        JwsError::Segments(_) | JwsError::Base64(_) | JwsError::SignatureLength(_) => {
            format!("{e}: the file looks damaged or cut short; {ASK}")
        }
        _ => e.to_string(),
    }
}

fn freshness(b: &crate::trust::TrustBundle, now: DateTime<Utc>) -> (Outcome, String) {
    if now >= b.next_update {
        (
            Outcome::Indeterminate,
            format!(
                "bundle {} passed its next-update time {}: fetch a newer one",
                b.sequence,
                format_time(b.next_update)
            ),
        )
    } else if now + Duration::seconds(CLOCK_SKEW_SECS) < b.issued_at {
        (
            Outcome::Indeterminate,
            format!(
                "bundle {} is dated {} in the future: check the clock",
                b.sequence,
                format_time(b.issued_at)
            ),
        )
    } else {
        (
            Outcome::Pass,
            format!(
                "bundle {} current until {}",
                b.sequence,
                format_time(b.next_update)
            ),
        )
    }
}

fn accreditation(
    issuer: &IssuerEntry,
    c: &CheckedCredential,
    now: DateTime<Utc>,
    valid_from: &str,
) -> (Outcome, String) {
    let at = c.valid_from;
    let when = valid_from;
    match issuer.status_at(at) {
        IssuerStatus::Active => {}
        IssuerStatus::Suspended => {
            return (
                Outcome::Fail,
                format!("{} was suspended at the issuance date {when}", issuer.name),
            )
        }
        IssuerStatus::Withdrawn => {
            return (
                Outcome::Fail,
                format!("{} was withdrawn at the issuance date {when}", issuer.name),
            )
        }
    }
    // Judged by the accreditation period that covers the issuance date, not by the
    // current one: re-accreditation must not undo what was issued before it.
    let Some(period) = issuer.accreditation.period_at(at) else {
        return (
            Outcome::Fail,
            format!(
                "{} was not accredited at the issuance date {when}",
                issuer.name
            ),
        );
    };
    let catalog = FrameworkCatalog::shipped().ok();
    let in_scope = period
        .scope
        .iter()
        .filter(|s| s.kind == c.kind)
        .any(|s| match &s.max_level {
            None => true,
            Some(max) => {
                !c.levels.is_empty()
                    && c.levels
                        .iter()
                        .all(|l| catalog.and_then(|cat| cat.is_at_most(l, max)) == Some(true))
            }
        });
    if !in_scope {
        let scope: Vec<String> = period.scope.iter().map(ToString::to_string).collect();
        let levels = if c.levels.is_empty() {
            "no level".to_owned()
        } else {
            c.levels.join(", ")
        };
        return (
            Outcome::Fail,
            format!(
                "{} is accredited for {} only; this is a {} at {levels}",
                issuer.name,
                scope.join(", "),
                c.kind
            ),
        );
    }
    let mut detail = format!(
        "{} ({}), accredited for {} at {when}",
        issuer.name, issuer.country, c.kind
    );
    let current = issuer.status_at(now.max(at));
    if current != IssuerStatus::Active {
        let _ = write!(
            detail,
            "; note: now {current:?}, after this credential was issued"
        );
    }
    (Outcome::Pass, detail)
}

fn validity(c: &CheckedCredential, now: DateTime<Utc>, valid_from: &str) -> (Outcome, String) {
    if now < c.valid_from {
        return (
            Outcome::Fail,
            format!("not yet valid: valid from {valid_from}"),
        );
    }
    match c.valid_until {
        Some(until) if now >= until => {
            (Outcome::Fail, format!("expired on {}", format_time(until)))
        }
        Some(until) => (
            Outcome::Pass,
            format!("valid from {valid_from} until {}", format_time(until)),
        ),
        None => (
            Outcome::Pass,
            format!("valid from {valid_from}, no end date"),
        ),
    }
}

/// Batch-verifies the signatures that are ready; `None` where there was nothing to check.
fn batch_signatures(pendings: &[Pending<'_>]) -> Vec<Option<bool>> {
    let ready: Vec<(usize, &UnverifiedJws<'_>, &PublicKey)> = pendings
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.signature.as_ref().map(|(jws, key)| (i, jws, key)))
        .collect();
    let mut results = vec![None; pendings.len()];
    let messages: Vec<&[u8]> = ready
        .iter()
        .map(|(_, j, _)| j.signing_input().as_bytes())
        .collect();
    let signatures: Vec<ed25519_dalek::Signature> = ready
        .iter()
        .map(|(_, j, _)| ed25519_dalek::Signature::from_bytes(j.signature()))
        .collect();
    let keys: Vec<ed25519_dalek::VerifyingKey> =
        ready.iter().map(|(_, _, k)| *k.as_dalek()).collect();
    let all_ok =
        !ready.is_empty() && ed25519_dalek::verify_batch(&messages, &signatures, &keys).is_ok();
    for (i, jws, key) in ready {
        if let Some(slot) = results.get_mut(i) {
            *slot = Some(all_ok || jws.verify_with(key));
        }
    }
    results
}
