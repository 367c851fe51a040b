//! `skillpass verifier collect`: the wallet's answer to a request, from the relay (or a
//! file), decrypted with the request's key and checked.
//!
//! The checks, in order, beside each presentation's own report (the SD-JWT checks and
//! the ten credential checks of `skillpass verify`, bound to this request's client id and
//! nonce):
//!
//! 1. `state` — the answer carries this request's state;
//! 2. `answers-query` — each credential query has exactly one presentation, of the type
//!    asked for, disclosing every claim asked for (with an allowed value);
//! 3. `only-requested` — no selectively disclosable claim beyond those asked for was
//!    disclosed: the employer receives no personal data it did not ask for;
//! 4. `level` — with `--min-level` in the request, one of the credential's levels, or a
//!    level comparable to one through the frameworks' referencing, is at least it.

use std::path::PathBuf;
use std::time::{Duration as StdDuration, Instant};

use anyhow::{anyhow, bail, Context as _, Result};
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use clap::builder::Resettable;
use clap::Args;
use credential_core::equivalence::FrameworkCatalog;
use credential_core::sdjwt::{self, SdJwtReport, MAX_SD_JWT_LEN};
use credential_core::{Verdict, Verifier};
use serde_json::{json, Value};

use super::RequestFile;
use crate::common::args::{change_arg, parse_destination, parse_time_arg};
use crate::common::openid4vp::{self, agent, read_answer, CredentialQuery, MAX_RESPONSE};
use crate::common::trust::TrustArgs;
use crate::common::{files, lang};

/// `--bundle` and `--anchor` are required here, as for `verify`.
#[derive(Debug, Args)]
#[command(
    mut_args(change_arg("bundle", |a| a.required(true).requires(Resettable::Reset))),
    mut_args(change_arg("anchor", |a| a.required(true).requires(Resettable::Reset))),
)]
pub(crate) struct CollectArgs {
    /// The request file `skillpass verifier request` wrote.
    #[arg(long, value_name = "FILE")]
    request: PathBuf,
    /// The encrypted answer (`response` as your server received it) in a file, or `-`
    /// for standard input, instead of collecting it from the relay.
    #[arg(long, value_name = "FILE")]
    response: Option<PathBuf>,
    /// Wait this many seconds for the answer to reach the relay (0: look once).
    #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u32).range(0..=3600))]
    wait: u32,
    #[command(flatten)]
    trust: TrustArgs,
    /// Verify as of this time instead of now (RFC 3339 or YYYY-MM-DD).
    #[arg(long, value_parser = parse_time_arg)]
    at: Option<DateTime<Utc>>,
    /// Print JSON for programs instead of words.
    #[arg(long)]
    json: bool,
}

/// The request checks of an answer and the report of each query's presentation.
type Checked = (Vec<Check>, Vec<(String, SdJwtReport)>);

/// One request check's result.
struct Check {
    id: &'static str,
    /// `None`: could not be decided.
    ok: Option<bool>,
    detail: String,
}

/// The encrypted answers: from the file given, or collected from the relay.
fn answers(a: &CollectArgs, file: &RequestFile) -> Result<Vec<String>> {
    if let Some(path) = &a.response {
        let text = files::read_input(path, MAX_RESPONSE + 16)?;
        let text = text.trim();
        // What a server received: the form body, or the JWE alone.
        let jwe = form_urlencoded::parse(text.as_bytes())
            .find(|(k, _)| k == "response")
            .map(|(_, v)| v.into_owned())
            .unwrap_or_else(|| text.to_owned());
        return Ok(vec![jwe]);
    }
    let relay = file.relay.as_ref().ok_or_else(|| {
        anyhow!("this request's answers go to your own server ({}): give what it received with --response FILE", file.response_uri)
    })?;
    let agent = agent();
    let deadline = Instant::now() + StdDuration::from_secs(u64::from(a.wait));
    loop {
        let got = read_answer(
            agent
                .get(&relay.mailbox)
                .set("Authorization", &format!("Bearer {}", relay.secret))
                .call(),
            &relay.mailbox,
            openid4vp::MAX_ANSWER,
        )?;
        let list: Vec<String> = got
            .get("responses")
            .and_then(Value::as_array)
            .ok_or_else(|| anyhow!("the relay's answer has no responses list"))?
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
        if !list.is_empty() {
            return Ok(list);
        }
        if Instant::now() >= deadline {
            bail!("no answer reached the relay yet (waited {} s); try again with --wait, or ask the holder to scan the code again", a.wait);
        }
        std::thread::sleep(StdDuration::from_secs(1));
    }
}

/// The one presentation answering `query` in the decrypted answer's `vp_token`.
fn presentation_for<'a>(vp_token: &'a Value, query: &CredentialQuery) -> Result<&'a str, String> {
    match vp_token.get(&query.id) {
        None => Err(format!(
            "no presentation for the credential query {:?}",
            query.id
        )),
        Some(Value::Array(list)) => match list.as_slice() {
            [Value::String(one)] => Ok(one),
            _ => Err(format!(
                "{} presentations for the credential query {:?}, where one was asked",
                list.len(),
                query.id
            )),
        },
        Some(Value::String(one)) => Ok(one),
        Some(_) => Err(format!("the presentation for {:?} is not text", query.id)),
    }
}

/// The `vct` of a presentation's issuer-signed JWS (read after its signature was checked).
fn vct_of(presentation: &str) -> Option<String> {
    let jws = presentation.split('~').next()?;
    let payload = jws.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    let v: Value = serde_json::from_slice(&bytes).ok()?;
    v.get("vct").and_then(Value::as_str).map(str::to_owned)
}

/// Whether the credential's levels (or those comparable to them through the frameworks'
/// referencing) reach `min`: `Some(true)` or `Some(false)` with why, `None` (undecided) when
/// no level of the credential can be compared with `min`.
fn meets_level(report: &SdJwtReport, min: &str) -> Result<(Option<bool>, String)> {
    let catalog = FrameworkCatalog::shipped()?;
    let own: Vec<String> = report
        .subject
        .as_ref()
        .and_then(|s| s.pointer("/qualification/frameworkLevels"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    let comparable: Vec<(String, String)> = report
        .credential
        .equivalence
        .iter()
        .flat_map(|e| e.comparable.iter())
        .map(|c| (c.origin_level.clone(), c.level.clone()))
        .collect();
    let candidates = own.iter().map(|l| (l.clone(), l.clone())).chain(comparable);
    let mut below = Vec::new();
    for (origin, level) in candidates {
        let how = if origin == level {
            level.clone()
        } else {
            format!("{origin}, comparable to {level}")
        };
        match catalog.is_at_most(min, &level) {
            Some(true) => return Ok((Some(true), format!("{how}: at least {min}"))),
            Some(false) => below.push(how),
            None => {}
        }
    }
    Ok(if below.is_empty() {
        (
            None,
            format!(
                "no level of the credential ({}) can be compared with {min} from the shipped frameworks; ask the competent authority",
                if own.is_empty() { "none disclosed".to_owned() } else { own.join(", ") }
            ),
        )
    } else {
        (Some(false), format!("{} is below {min}", below.join("; ")))
    })
}

/// The request checks of one decrypted answer, and each query's presentation report.
fn check_answer(
    file: &RequestFile,
    answer: &Value,
    verifier: &Verifier<'_>,
    max_age: Duration,
) -> Result<Checked> {
    let mut checks = Vec::new();
    let state_ok = answer.get("state").and_then(Value::as_str) == Some(file.state.as_str());
    checks.push(Check {
        id: "state",
        ok: Some(state_ok),
        detail: if state_ok {
            "the answer carries this request's state".into()
        } else {
            "the answer does not carry this request's state (it answers another request)".into()
        },
    });
    let vp_token = answer
        .get("vp_token")
        .filter(|v| v.is_object())
        .ok_or_else(|| {
            anyhow!("the answer holds no vp_token object (the wallet sent an error or nothing)")
        })?;
    let mut reports = Vec::new();
    let mut answered: Vec<String> = vp_token
        .as_object()
        .into_iter()
        .flat_map(|m| m.keys())
        .filter(|k| !file.dcql_query.credentials.iter().any(|q| &q.id == *k))
        .map(|k| format!("a presentation for {k:?}, which the request did not ask for"))
        .collect();
    let mut unasked = Vec::new();
    for query in &file.dcql_query.credentials {
        let presentation = match presentation_for(vp_token, query) {
            Ok(p) => p,
            Err(why) => {
                answered.push(why);
                continue;
            }
        };
        if presentation.len() > MAX_SD_JWT_LEN {
            answered.push(format!("the presentation for {:?} is too large", query.id));
            continue;
        }
        let report = sdjwt::verify(
            verifier,
            presentation,
            &file.client_id,
            &file.nonce,
            max_age,
        );
        let vcts = query.vct_values();
        match vct_of(presentation) {
            Some(v) if vcts.is_empty() || vcts.contains(&v.as_str()) => {}
            other => answered.push(format!(
                "the credential for {:?} is of type {}, not {}",
                query.id,
                other.unwrap_or_else(|| "(none)".into()),
                vcts.join(" or ")
            )),
        }
        let subject = report.subject.clone().unwrap_or(Value::Null);
        let mut asked = Vec::new();
        for claim in query.claims() {
            let name = claim.dotted()?;
            if report.subject.is_some() && claim.find(&subject)?.is_none() {
                answered.push(format!(
                    "{name} was asked for and not disclosed (or not with an allowed value)"
                ));
            }
            asked.push(name);
        }
        for shown in &report.disclosed {
            let covered = asked
                .iter()
                .any(|a| shown == a || shown.starts_with(&format!("{a}.")));
            if !covered {
                unasked.push(shown.clone());
            }
        }
        if let Some(min) = &file.min_level {
            if report.verdict != Verdict::Invalid {
                let (ok, detail) = meets_level(&report, min)?;
                checks.push(Check {
                    id: "level",
                    ok,
                    detail,
                });
            }
        }
        reports.push((query.id.clone(), report));
    }
    checks.insert(
        1,
        Check {
            id: "answers-query",
            ok: Some(answered.is_empty()),
            detail: if answered.is_empty() {
                "every credential asked for, with every claim asked for".into()
            } else {
                answered.join("; ")
            },
        },
    );
    checks.insert(
        2,
        Check {
            id: "only-requested",
            ok: Some(unasked.is_empty()),
            detail: if unasked.is_empty() {
                "nothing disclosed beyond the request".into()
            } else {
                format!("disclosed without being asked: {}", unasked.join(", "))
            },
        },
    );
    Ok((checks, reports))
}

fn outcome(ok: Option<bool>) -> &'static str {
    match ok {
        Some(true) => "pass",
        Some(false) => "fail",
        None => "indeterminate",
    }
}

pub(super) fn run(a: CollectArgs) -> Result<u8> {
    let file = RequestFile::read(&a.request)?;
    let now = a.at.unwrap_or_else(Utc::now);
    if Utc::now() > file.expires + Duration::minutes(5) && a.response.is_none() && a.at.is_none() {
        bail!(
            "this request expired at {}; make a new one with `skillpass verifier request`",
            file.expires.format("%Y-%m-%d %H:%M UTC")
        );
    }
    let bundle = a.trust.open().map_err(|e| e.stops_command())?;
    let key = file.private_key()?;
    let mut verifier = Verifier::new(&bundle, now);
    if let Some(min) = &file.min_level {
        let framework = FrameworkCatalog::shipped()?
            .level(min)
            .map(|l| l.framework.id.clone())
            .ok_or_else(|| anyhow!("the request's lowest level {min} is no known level"))?;
        verifier = verifier.with_destination(parse_destination(&framework)?)?;
    }
    // A presentation is made after the request, and within its lifetime.
    let max_age = (now - file.created).max(Duration::minutes(1)) + Duration::minutes(5);

    let mut refused = Vec::new();
    let mut result = None;
    for jwe in answers(&a, &file)? {
        match openid4vp::decrypt(&jwe, &key) {
            Ok(answer) => {
                result = Some(check_answer(&file, &answer, &verifier, max_age)?);
                break;
            }
            Err(e) => refused.push(e.to_string()),
        }
    }
    for why in &refused {
        eprintln!("an answer was set aside: {why}");
    }
    let (checks, reports) =
        result.context("no answer decrypts with this request's key: none answers this request")?;

    let failed = checks.iter().any(|c| c.ok == Some(false));
    let undecided = checks.iter().any(|c| c.ok.is_none());
    let verdict = if failed || reports.iter().any(|(_, r)| r.verdict == Verdict::Invalid) {
        Verdict::Invalid
    } else if undecided
        || reports
            .iter()
            .any(|(_, r)| r.verdict == Verdict::Indeterminate)
    {
        Verdict::Indeterminate
    } else {
        Verdict::Valid
    };
    let language = lang::current();
    if a.json {
        let out = json!({
            "verdict": verdict,
            "request": {
                "clientId": file.client_id,
                "checks": checks.iter().map(|c| json!({
                    "id": c.id,
                    "outcome": outcome(c.ok),
                    "detail": c.detail,
                })).collect::<Vec<_>>(),
            },
            "presentations": reports.iter().map(|(id, r)| (id.clone(), r.to_json_in(language))).collect::<serde_json::Map<_, _>>(),
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("Answer to the request of {}", file.client_id);
        for c in &checks {
            println!(
                "  [{}] {}: {}",
                outcome(c.ok).to_uppercase(),
                c.id,
                c.detail
            );
        }
        for (id, r) in &reports {
            println!("\nPresentation for {id}:");
            print!("{}", r.to_words_in(language));
        }
        println!(
            "\nVerdict: {}",
            serde_json::to_value(verdict)?.as_str().unwrap_or("invalid")
        );
    }
    Ok(u8::try_from(verdict.exit_code()).unwrap_or(2))
}
