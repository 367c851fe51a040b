//! `skillpass export`: views of one of the issuer's credentials for the platforms people
//! already use — an Open Badges 3.0 badge (`ob3`, signed by the issuer with a Data
//! Integrity proof) and a European Learning Model credential (`elm`, an unsigned mapping
//! for Europass). Both are made from a credential (a `vc+jwt` or a Data Integrity JSON
//! credential) whose signature by its own issuer is checked first.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use chrono::Utc;
use clap::{Args, Subcommand};
use credential_core::export::{self, eqf_level, read_own, OwnCredential};
use credential_core::jws::MAX_JWS_LEN;

use crate::common::files;

#[derive(Debug, Subcommand)]
pub(crate) enum ExportCommand {
    /// An Open Badges 3.0 OpenBadgeCredential, signed by the issuer with a Data Integrity
    /// proof (eddsa-rdfc-2022), for badge platforms and the Learner Credential Wallet.
    Ob3(Ob3Args),
    /// The same qualification in the European Learning Model (Europass): a mapping to
    /// import, not a sealed European Digital Credential.
    Elm(ElmArgs),
}

/// The credential to export and where the view goes.
#[derive(Debug, Args)]
pub(crate) struct ViewArgs {
    /// The credential: a vc+jwt file, or a Data Integrity JSON credential (`-` reads
    /// standard input).
    credential: PathBuf,
    /// Where to write the view (JSON).
    #[arg(long)]
    out: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct Ob3Args {
    #[command(flatten)]
    view: ViewArgs,
    /// The issuer's private key file: the badge is the issuer's statement, signed by it.
    #[arg(long)]
    key: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct ElmArgs {
    #[command(flatten)]
    view: ViewArgs,
}

pub(crate) fn run(command: ExportCommand) -> Result<u8> {
    match command {
        ExportCommand::Ob3(a) => {
            let own = open(&a.view)?;
            let key = files::read_key(&a.key)?;
            let badge = export::sign_open_badge(&own, &key, Utc::now())?;
            write(&a.view, &badge)?;
            eprintln!(
                "exported {} as an Open Badges 3.0 credential -> {}",
                own.envelope.id,
                a.view.out.display()
            );
        }
        ExportCommand::Elm(a) => {
            let own = open(&a.view)?;
            let view = export::learning_model(&own)?;
            write(&a.view, &view)?;
            eprintln!(
                "exported {} in the European Learning Model -> {} (a mapping to import into \
                 Europass, not a sealed European Digital Credential)",
                own.envelope.id,
                a.view.out.display()
            );
            if eqf_level(&own.envelope.levels).is_none() {
                eprintln!(
                    "note: no EQF level: {} has no official referencing to the EQF in the \
                     shipped framework data, and none is inferred",
                    own.envelope.levels.join(", ")
                );
            }
        }
    }
    Ok(0)
}

fn open(a: &ViewArgs) -> Result<OwnCredential> {
    let text = files::read_input(&a.credential, MAX_JWS_LEN)?;
    read_own(&text).with_context(|| format!("cannot export {}", a.credential.display()))
}

fn write(a: &ViewArgs, view: &serde_json::Value) -> Result<()> {
    let text = serde_json::to_string_pretty(view)?;
    files::write_atomic(&a.out, format!("{text}\n").as_bytes(), false)
}
