//! `skillpass authority withdraw`: an authority withdraws one of its published decisions:
//! the decision is read back from the registry, checked to be signed by this key, and
//! re-signed with `withdrawn` set.

use anyhow::{bail, Context as _, Result};
use chrono::{SubsecRound as _, Utc};
use clap::Args;
use credential_core::equivalence::RecognitionDecision;
use credential_core::signed::{open, DecisionJwt, OpenError};
use credential_core::trust::sign_decision;
use serde_json::json;

use crate::common::args::arg_help;
use crate::common::client::{segment, text, SignerArgs};

#[derive(Debug, Args)]
#[command(mut_args(arg_help("key", "The authority's private key file")))]
pub(crate) struct WithdrawArgs {
    #[command(flatten)]
    signer: SignerArgs,
    /// The id of the published decision to withdraw.
    #[arg(long)]
    decision_id: String,
}

pub(super) fn run(a: &WithdrawArgs) -> Result<u8> {
    let (client, key) = a.signer.open()?;
    let path = format!("/decisions/{}", segment(&a.decision_id));
    let stored = client.get(&path, None)?.json()?;
    // Re-sign what this authority signed, read from its own signature, not from the
    // registry's rendering of it.
    let opened = match open::<DecisionJwt>(text(&stored, "jws"), &key.public()) {
        Ok(opened) => opened,
        Err(OpenError::Signature) => bail!(
            "decision {} was not signed by this key ({}); only its authority can withdraw it",
            a.decision_id,
            key.public().did()
        ),
        Err(e) => {
            return Err(e).context("the registry's copy of the decision is not a signed decision")
        }
    };
    let mut decision: RecognitionDecision = opened.payload;
    if decision.withdrawn.is_some() {
        bail!("decision {} is already withdrawn", a.decision_id);
    }
    decision.withdrawn = Some(Utc::now().trunc_subsecs(0));
    let jws = sign_decision(&key, &decision)?;
    let v = client
        .signed(
            "POST",
            &format!("{path}/withdraw"),
            Some(&json!({ "jws": jws })),
            &key,
        )?
        .json()?;
    println!(
        "withdrew decision {} (now {})",
        a.decision_id,
        text(&v, "state")
    );
    Ok(0)
}
