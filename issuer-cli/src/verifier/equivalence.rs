//! `skillpass equivalence`: what a qualification from one country means in another —
//! recognition decisions (authoritative) first, comparable levels (informational) second.

use std::io::Write as _;

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use credential_core::equivalence::{
    Destination, EquivalenceQuery, EquivalenceTable, FrameworkCatalog,
};
use credential_core::i18n::Msg;

use crate::common::args::{arg_help, parse_destination, parse_time_arg};
use crate::common::lang;
use crate::common::trust::TrustArgs;

#[derive(Debug, Subcommand)]
pub(crate) enum EquivalenceCommand {
    /// Show what a framework level (and field/occupation) corresponds to in a destination.
    Show(Box<ShowArgs>),
    /// List the shipped qualification frameworks and their referencings (official,
    /// historical, comparison only, none, not confirmed).
    Frameworks(FrameworksArgs),
}

#[derive(Debug, Args)]
#[command(
    mut_args(arg_help(
        "bundle",
        "A trust bundle whose recognition decisions to include (needs --anchor)"
    )),
    mut_args(arg_help("anchor", "The pinned anchor did:key for --bundle"))
)]
pub(crate) struct ShowArgs {
    /// A framework level id, e.g. PQF-PH-6, NFQ-IE-6, RQF-GB-ENG-3 (older ids such as PQF-6
    /// still work and are reported as deprecated).
    level: String,
    /// Destination: a country (DE) or a framework (EQF).
    #[arg(long, value_parser = parse_destination)]
    to: Destination,
    /// ISCED-F field code of the qualification, e.g. 0913.
    #[arg(long)]
    field: Option<String>,
    /// ISCO-08 occupation code, e.g. 2221.
    #[arg(long)]
    isco: Option<String>,
    /// Country of award (default: the level's framework's country).
    #[arg(long)]
    from: Option<String>,
    #[command(flatten)]
    trust: TrustArgs,
    /// Answer as of this time (default now).
    #[arg(long, value_parser = parse_time_arg)]
    at: Option<DateTime<Utc>>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct FrameworksArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(command: EquivalenceCommand) -> Result<u8> {
    match command {
        EquivalenceCommand::Show(a) => show(*a),
        EquivalenceCommand::Frameworks(a) => frameworks(&a),
    }
}

fn show(a: ShowArgs) -> Result<u8> {
    let catalog = FrameworkCatalog::shipped()?;
    if catalog.level(&a.level).is_none() {
        bail!(
            "unknown framework level {:?}; `skillpass equivalence frameworks` lists them",
            a.level
        );
    }
    let mut table = EquivalenceTable::shipped()?;
    let mut untrusted = Vec::new();
    // Decisions come only from a bundle this verifier trusts, held against its memory of
    // bundles like any other read of one.
    if let Some(bundle) = a.trust.open_if_given()? {
        for (decision, e) in table.add_decisions_any_order(bundle.decisions().iter().cloned()) {
            untrusted.push(format!("{}: {e}", decision.id));
        }
        untrusted.extend(bundle.untrusted_decisions().iter().cloned());
    }
    let query = EquivalenceQuery {
        origin_country: a.from.clone(),
        levels: vec![a.level.clone()],
        field: a.field.clone(),
        isco08: a.isco.clone(),
        title: None,
        issuer: None,
    };
    let answer = table.query(&query, &a.to, a.at.unwrap_or_else(Utc::now));
    if a.json {
        let mut value = serde_json::to_value(&answer)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("untrustedDecisions".into(), serde_json::json!(untrusted));
            let lang = lang::current();
            obj.insert("lang".into(), lang.tag().into());
            obj.insert("dir".into(), lang.dir().into());
            obj.insert("text".into(), answer.to_words_in(lang).into());
        }
        out(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
    } else {
        let mut text = answer.to_words_in(lang::current());
        for why in &untrusted {
            let line = Msg::new("untrusted-decision").arg("reason", why);
            text.push_str(&format!("{}\n", line.text(lang::current())));
        }
        out(&text)?;
    }
    Ok(0)
}

fn frameworks(a: &FrameworksArgs) -> Result<u8> {
    let catalog = FrameworkCatalog::shipped()?;
    if a.json {
        let list: Vec<_> = catalog
            .frameworks()
            .map(|f| {
                serde_json::json!({
                    "id": f.id,
                    "deprecatedIds": f.aliases,
                    "name": f.name,
                    "country": f.country,
                    "kind": f.kind,
                    "levels": f.levels.iter().map(|l| l.id.clone()).collect::<Vec<_>>(),
                })
            })
            .collect();
        out(&format!("{}\n", serde_json::to_string_pretty(&list)?))?;
        return Ok(0);
    }
    let mut text = String::new();
    for f in catalog.frameworks() {
        let first = f.levels.first().map(|l| l.id.as_str()).unwrap_or("-");
        let last = f.levels.last().map(|l| l.id.as_str()).unwrap_or("-");
        let formerly = if f.aliases.is_empty() {
            String::new()
        } else {
            format!(" (formerly {})", f.aliases.join(", "))
        };
        text.push_str(&format!(
            "{:<14} {:<3} {:>2} levels ({first} … {last})  {}{formerly}\n",
            f.id,
            f.country.as_deref().unwrap_or("-"),
            f.levels.len(),
            f.name
        ));
        for r in catalog.referencings().iter().filter(|r| r.from == f.id) {
            let mapping = r
                .level_mapping
                .as_deref()
                .map(|m| format!(" [{m}]"))
                .unwrap_or_default();
            text.push_str(&format!(
                "                 referencing to {}: {}{mapping}\n",
                r.to, r.status
            ));
        }
    }
    out(&text)?;
    Ok(0)
}

/// Writes to standard output; a reader that closed the pipe early (`| head`) is not an error.
fn out(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("could not write to standard output")
        }
        _ => Ok(()),
    }
}
