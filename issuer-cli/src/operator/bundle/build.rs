//! `skillpass bundle build`: the operator signs a trust bundle from issuers, status lists,
//! authorities and decisions. Rebuilt at the path of an earlier bundle by the same anchor,
//! it carries over everything this command does not change (issuers not named, their
//! status lists, authorities, decisions) and says what it kept; `--drop-issuer` and
//! `--fresh` leave things out, and the sequence goes up by one.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, Duration, SubsecRound as _, Utc};
use clap::Args;
use credential_core::signed::{peek_json, DecisionJwt, Kind, StatusListJwt};
use credential_core::trust::{AuthorityEntry, MAX_BUNDLE_LEN};
use credential_core::{
    did_key_issuer, BundleBuilder, IssuerEntry, ScopeItem, TrustAnchor, TrustBundle,
};
use serde::Deserialize;

use crate::common::args::parse_time_arg;
use crate::common::files;

#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    /// The operator's (trust anchor's) private key file.
    #[arg(long)]
    anchor: PathBuf,
    /// An issuer's did:key (one issuer on the command line; use --issuers for many).
    #[arg(long, requires_all = ["name", "country", "accredit"])]
    issuer: Option<String>,
    /// The issuer's name.
    #[arg(long, requires = "issuer")]
    name: Option<String>,
    /// The issuer's country (ISO 3166-1 alpha-2, e.g. PH).
    #[arg(long, requires = "issuer")]
    country: Option<String>,
    /// Scope: TYPE or TYPE:MAX-LEVEL, e.g. QualificationCredential:PQF-6 (repeatable).
    #[arg(long, requires = "issuer")]
    accredit: Vec<ScopeItem>,
    /// Start of the command-line issuer's accreditation (default: now).
    #[arg(long, value_parser = parse_time_arg)]
    accredited_from: Option<DateTime<Utc>>,
    /// A JSON file of issuers: [{"id", "name", "country", "accredit": ["TYPE:LEVEL"], "accreditedFrom"?}]
    /// or full bundle issuer entries (with keys, accreditation and statusHistory).
    #[arg(long)]
    issuers: Option<PathBuf>,
    /// An issuer's status list file (from `skillpass status init`) or a file of signed
    /// status list credentials, one per line (repeatable).
    #[arg(long)]
    status_list: Vec<PathBuf>,
    /// A JSON file of recognition authorities: [{"id", "name", "country", "jurisdiction"}].
    #[arg(long)]
    authorities: Option<PathBuf>,
    /// A file of authority-signed recognition decisions, one compact JWS per line.
    #[arg(long)]
    decisions: Vec<PathBuf>,
    /// Days until verifiers must fetch a newer bundle.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
    valid_days: u32,
    /// Sequence number (default: one more than the bundle already at --out, else 1).
    #[arg(long)]
    sequence: Option<u64>,
    /// Drop this issuer that the bundle already at --out carries (repeatable). Prefer
    /// suspending or withdrawing an issuer: dropped, its credentials fail as unknown.
    #[arg(long, value_name = "DID")]
    drop_issuer: Vec<String>,
    /// Start afresh: carry nothing over from the bundle already at --out (its sequence
    /// still goes up by one).
    #[arg(long)]
    fresh: bool,
    /// Where to write the bundle.
    #[arg(long)]
    out: PathBuf,
}

/// The simple form of an issuer in an --issuers file.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SimpleIssuer {
    id: String,
    name: String,
    country: String,
    accredit: Vec<String>,
    #[serde(default)]
    accredited_from: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum IssuerSpec {
    Simple(SimpleIssuer),
    Full(Box<IssuerEntry>),
}

pub(super) fn run(a: BuildArgs) -> Result<u8> {
    let anchor = files::read_key(&a.anchor)?;
    // Whole seconds, like the times in credentials, so that a credential issued in the
    // same second as its issuer's accreditation is not "before" it.
    let now = Utc::now().trunc_subsecs(0);
    let previous = previous_bundle(&a.out, &anchor.public().did());
    let carried = if a.fresh { None } else { previous.as_ref() };
    let given = given_issuers(&a)?;
    for did in &a.drop_issuer {
        if !carried.is_some_and(|b| b.issuers.iter().any(|i| &i.id == did)) {
            bail!(
                "--drop-issuer {did}: the bundle at {} does not carry it",
                a.out.display()
            );
        }
    }
    let mut kept = Kept::default();
    let issuers = issuers(given, carried, &a.drop_issuer, now, &mut kept)?;
    let sequence = match a.sequence {
        Some(s) => s,
        None => previous.as_ref().map_or(1, |b| b.sequence + 1),
    };
    let included: Vec<&str> = issuers.iter().map(|i| i.id.as_str()).collect();
    let lists = status_lists(&a.status_list, carried, &included, &mut kept)?;
    let authorities = authorities(a.authorities.as_deref(), carried, &mut kept)?;
    let decisions = decisions(&a.decisions, carried, &mut kept)?;
    let mut builder = BundleBuilder::new(
        &anchor.public(),
        sequence,
        now,
        now + Duration::days(i64::from(a.valid_days)),
    );
    for issuer in issuers {
        builder = builder.issuer(issuer);
    }
    for jws in lists {
        builder = builder.status_list(jws);
    }
    for authority in authorities {
        builder = builder.authority(authority);
    }
    for jws in decisions {
        builder = builder.decision(jws);
    }
    let bundle = builder.sign(&anchor)?;
    files::write_atomic(&a.out, format!("{bundle}\n").as_bytes(), false)?;
    println!(
        "bundle {sequence} written to {} (anchor {})",
        a.out.display(),
        anchor.public().did()
    );
    if let Some(previous) = carried {
        println!("{}", kept.words(previous.sequence));
    }
    Ok(0)
}

/// The issuers this command names: `--issuer` with its `--name`, `--country` and
/// `--accredit`, then those of the `--issuers` file.
fn given_issuers(a: &BuildArgs) -> Result<Vec<Given>> {
    let mut given = Vec::new();
    if let Some(did) = &a.issuer {
        let (Some(name), Some(country)) = (&a.name, &a.country) else {
            bail!("--issuer needs --name and --country");
        };
        given.push(Given::Simple {
            id: did.clone(),
            name: name.clone(),
            country: country.to_uppercase(),
            scope: a.accredit.clone(),
            from: a.accredited_from,
        });
    }
    if let Some(path) = &a.issuers {
        let specs: Vec<IssuerSpec> = serde_json::from_value(files::read_json(path)?)
            .with_context(|| format!("{} is not a list of issuers", path.display()))?;
        for spec in specs {
            given.push(match spec {
                IssuerSpec::Full(entry) => Given::Full(entry),
                IssuerSpec::Simple(s) => {
                    let scope = s
                        .accredit
                        .iter()
                        .map(|x| x.parse::<ScopeItem>().map_err(anyhow::Error::msg))
                        .collect::<Result<Vec<_>>>()
                        .with_context(|| format!("issuer {}", s.id))?;
                    Given::Simple {
                        id: s.id,
                        name: s.name,
                        country: s.country.to_uppercase(),
                        scope,
                        from: s.accredited_from,
                    }
                }
            });
        }
    }
    Ok(given)
}

/// The bundle's issuers: those given (continuing what the previous bundle says of them),
/// then the previous bundle's others but the dropped ones — leaving one out by accident
/// would make its credentials fail as unknown.
fn issuers(
    given: Vec<Given>,
    carried: Option<&TrustBundle>,
    dropped: &[String],
    now: DateTime<Utc>,
    kept: &mut Kept,
) -> Result<Vec<IssuerEntry>> {
    let mut issuers: Vec<IssuerEntry> = Vec::new();
    for g in given {
        let before = carried.and_then(|b| b.issuers.iter().find(|i| i.id == g.id()));
        issuers.push(g.into_entry(before, now)?);
    }
    for old in carried.map(|b| b.issuers.as_slice()).unwrap_or_default() {
        if !issuers.iter().any(|i| i.id == old.id) && !dropped.contains(&old.id) {
            kept.issuers.push(old.name.clone());
            issuers.push(old.clone());
        }
    }
    if issuers.is_empty() {
        bail!("a bundle needs at least one issuer: give --issuer/--name/--country/--accredit or --issuers FILE");
    }
    Ok(issuers)
}

/// The status lists given, then the previous bundle's lists of the `included` issuers
/// that were not given anew (by list id).
fn status_lists(
    paths: &[PathBuf],
    carried: Option<&TrustBundle>,
    included: &[&str],
    kept: &mut Kept,
) -> Result<Vec<String>> {
    let mut lists = Vec::new();
    for path in paths {
        lists.extend(signed_lines(path)?);
    }
    let given_ids: Vec<Option<String>> = lists.iter().map(|l| status_list_id(l)).collect();
    for old in carried
        .map(|b| b.status_lists.as_slice())
        .unwrap_or_default()
    {
        let Some(id) = status_list_id(old) else {
            continue;
        };
        let owner = status_list_issuer(old);
        if given_ids.iter().any(|g| g.as_deref() == Some(id.as_str())) {
            continue;
        }
        if owner.as_deref().is_some_and(|o| included.contains(&o)) {
            kept.status_lists += 1;
            lists.push(old.clone());
        }
    }
    Ok(lists)
}

/// The authorities of the file given, then the previous bundle's others.
fn authorities(
    path: Option<&Path>,
    carried: Option<&TrustBundle>,
    kept: &mut Kept,
) -> Result<Vec<AuthorityEntry>> {
    let mut authorities: Vec<AuthorityEntry> = match path {
        Some(path) => serde_json::from_value(files::read_json(path)?)
            .with_context(|| format!("{} is not a list of authorities", path.display()))?,
        None => Vec::new(),
    };
    for old in carried
        .map(|b| b.authorities.as_slice())
        .unwrap_or_default()
    {
        if !authorities.iter().any(|x| x.id == old.id) {
            kept.authorities += 1;
            authorities.push(old.clone());
        }
    }
    Ok(authorities)
}

/// The previous bundle's decisions first (a revision must follow what it supersedes); a
/// new version of one (withdrawn, say) takes its place, other new ones follow.
fn decisions(
    paths: &[PathBuf],
    carried: Option<&TrustBundle>,
    kept: &mut Kept,
) -> Result<Vec<String>> {
    let mut decisions: Vec<String> = carried
        .map(|b| b.decisions.iter().map(|d| d.jws.clone()).collect())
        .unwrap_or_default();
    let carried_count = decisions.len();
    kept.decisions = carried_count;
    for path in paths {
        for jws in signed_lines(path)? {
            let id = signed_member::<DecisionJwt>(&jws, "id");
            let same = decisions.iter().position(|d| {
                *d == jws || (id.is_some() && signed_member::<DecisionJwt>(d, "id") == id)
            });
            match same {
                Some(i) => {
                    if let Some(slot) = decisions.get_mut(i) {
                        // Only a carried decision replaced is one fewer kept; a new one
                        // given twice (say, corrected) replaces its first version.
                        if *slot != jws && i < carried_count {
                            kept.decisions -= 1;
                        }
                        *slot = jws;
                    }
                }
                None => decisions.push(jws),
            }
        }
    }
    Ok(decisions)
}

/// An issuer as given on this command line or in --issuers.
enum Given {
    Simple {
        id: String,
        name: String,
        country: String,
        scope: Vec<ScopeItem>,
        from: Option<DateTime<Utc>>,
    },
    Full(Box<IssuerEntry>),
}

impl Given {
    fn id(&self) -> &str {
        match self {
            Self::Simple { id, .. } => id,
            Self::Full(e) => &e.id,
        }
    }

    /// The bundle entry. A simple entry for an issuer the previous bundle carried keeps
    /// its keys, standing history and accreditation periods: the same scope continues the
    /// running period (its start is never moved to today, or everything issued since would
    /// predate it), another scope opens a new period and keeps the old one.
    fn into_entry(self, before: Option<&IssuerEntry>, now: DateTime<Utc>) -> Result<IssuerEntry> {
        let (id, name, country, scope, from) = match self {
            Self::Full(entry) => return Ok(*entry),
            Self::Simple {
                id,
                name,
                country,
                scope,
                from,
            } => (id, name, country, scope, from),
        };
        match before {
            None => Ok(
                did_key_issuer(&id, &name, &country, scope, from.unwrap_or(now))
                    .with_context(|| format!("issuer {id}"))?,
            ),
            Some(old) => {
                let mut entry = old.clone();
                entry.name = name;
                entry.country = country;
                match from {
                    // An explicit start replaces the current period's start.
                    Some(from) => {
                        entry.accreditation.renew(scope, from, None);
                        entry.accreditation.valid_from = from;
                    }
                    None => entry.accreditation.renew(scope, now, None),
                }
                Ok(entry)
            }
        }
    }
}

/// What a rebuild carried over from the bundle it replaces.
#[derive(Default)]
struct Kept {
    issuers: Vec<String>,
    status_lists: usize,
    authorities: usize,
    decisions: usize,
}

impl Kept {
    fn words(&self, sequence: u64) -> String {
        let issuers = if self.issuers.is_empty() {
            "no other issuer".to_owned()
        } else {
            format!("issuers not named here ({})", self.issuers.join(", "))
        };
        format!(
            "kept from bundle {sequence}: {issuers}, {} status list(s), {} authorit{}, {} decision(s) \
             (--drop-issuer DID or --fresh to leave things out)",
            self.status_lists,
            self.authorities,
            if self.authorities == 1 { "y" } else { "ies" },
            self.decisions
        )
    }
}

/// The `id` of a signed status list credential.
fn status_list_id(jws: &str) -> Option<String> {
    signed_member::<StatusListJwt>(jws, "id")
}

fn status_list_issuer(jws: &str) -> Option<String> {
    signed_member::<StatusListJwt>(jws, "issuer")
}

/// A string member of a signed document's payload, read without verifying: only to match
/// documents up; signing the bundle verifies every one of them.
fn signed_member<K: Kind>(jws: &str, member: &str) -> Option<String> {
    let value = peek_json::<K>(jws).ok()?;
    value.get(member)?.as_str().map(str::to_owned)
}

/// The bundle already at `path`, when it is one by the same anchor (verified: its
/// accreditation dates are carried over).
fn previous_bundle(path: &Path, anchor: &str) -> Option<TrustBundle> {
    let text = files::read_text(path, MAX_BUNDLE_LEN as u64).ok()?;
    let anchor = TrustAnchor::from_did(anchor).ok()?;
    anchor
        .verify_bundle(text.trim(), None)
        .ok()
        .map(|b| b.bundle().clone())
}

/// Signed documents from a status list file (its `signed` member) or one JWS per line.
fn signed_lines(path: &Path) -> Result<Vec<String>> {
    let text = files::read_text(path, MAX_BUNDLE_LEN as u64)?;
    if text.trim_start().starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not valid JSON", path.display()))?;
        let signed = value
            .get("signed")
            .and_then(|s| s.as_array())
            .with_context(|| format!("{} has no `signed` lists", path.display()))?;
        return Ok(signed
            .iter()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect());
    }
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}
