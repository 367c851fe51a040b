//! `skillpass issue`: sign one credential from a claims file, or one per row of a CSV file
//! (see [`batch`]).

pub(crate) mod batch;
pub(crate) mod sign;

use std::path::PathBuf;

use anyhow::Result;
use chrono::{DateTime, Utc};
use clap::Args;
use credential_core::i18n::Msg;
use credential_core::IssueOptions;

use crate::common::args::{parse_time_arg, SecuringArg};
use crate::common::{files, lang};
use crate::issuer::status::StatusFile;
use sign::Securing;

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("input").required(true).args(["claims", "csv", "vc"])))]
#[command(group(clap::ArgGroup::new("selective").args(["sd_jwt", "dc_sd_jwt"])))]
pub(crate) struct IssueArgs {
    /// The issuer's private key file.
    #[arg(long)]
    key: PathBuf,
    /// A claims file: {"type": "QualificationCredential", "credentialSubject": {...}}.
    #[arg(long, requires = "out")]
    claims: Option<PathBuf>,
    /// Where to write the credential (a compact JWS; JSON with --securing data-integrity).
    #[arg(long)]
    out: Option<PathBuf>,
    /// A whole credential document to issue as it is (the W3C conformance profile): any
    /// credential that follows the W3C Verifiable Credentials Data Model 2.0, judged by its
    /// rules rather than Skillpass's schemas; `issuer` is filled in when absent.
    #[arg(long, requires = "out", value_name = "FILE",
          conflicts_with_all = ["holder", "valid_from", "valid_until", "issuer", "selective"])]
    vc: Option<PathBuf>,
    /// With --vc: the key id to sign under, when the issuer is not the key's DID but a URL
    /// whose controller document lists this key (`https://college.example/issuer#key-1`;
    /// the issuer is then that URL before `#`). Default: the key's DID URL.
    #[arg(long, requires = "vc", value_name = "URL")]
    kid: Option<String>,
    /// A CSV file, one migrant per row, as saved by a spreadsheet (comma, semicolon or tab
    /// separated; UTF-8). Columns: name, birth_date, holder_did, title_en, title_original,
    /// title_lang, awarding_body, country, level, field, isco08, esco_occupation,
    /// learning_outcomes, awarded, valid_until (see examples/README.md).
    #[arg(long, requires = "out_dir")]
    csv: Option<PathBuf>,
    /// Directory for the credentials of a CSV batch (row-NNNNNN.jwt per row, or
    /// row-NNNNNN.json with --securing data-integrity, plus summary.json). Running again into the same directory issues only the rows not
    /// issued yet.
    #[arg(long)]
    out_dir: Option<PathBuf>,
    /// The holder's DID, bound as credentialSubject.id.
    #[arg(long, conflicts_with = "csv")]
    holder: Option<String>,
    /// Allocate revocation/suspension entries from this status list file
    /// (create it with `skillpass status init`). With --vc, a credential that states its
    /// own credentialStatus keeps it and gets none.
    #[arg(long)]
    status: Option<PathBuf>,
    /// Start of validity (default: the claims file's validFrom, else now).
    #[arg(long, value_parser = parse_time_arg)]
    valid_from: Option<DateTime<Utc>>,
    /// End of validity.
    #[arg(long, value_parser = parse_time_arg)]
    valid_until: Option<DateTime<Utc>>,
    /// The issuer DID when it differs from the key's (after a key rotation).
    #[arg(long)]
    issuer: Option<String>,
    /// Issue as an SD-JWT (vc+sd-jwt) whose personal claims (birthDate, nationality,
    /// grade) the holder discloses selectively; needs --holder.
    #[arg(long, requires = "holder", conflicts_with = "csv")]
    sd_jwt: bool,
    /// Issue as an IETF SD-JWT VC (dc+sd-jwt), the format OpenID4VC wallets such as the
    /// EU Digital Identity Wallet accept: personal claims selectively disclosable as with
    /// --sd-jwt, the type named by a `vct` URL under --vct-base; needs --holder. With
    /// --status, the credential carries the revocation entry only.
    #[arg(long, requires_all = ["holder", "vct_base"], conflicts_with = "csv")]
    dc_sd_jwt: bool,
    /// The registry URL under which the credential type's Type Metadata is served
    /// (`vct` = URL/types/QualificationCredential; see `skillpass type-metadata`).
    #[arg(long, requires = "dc_sd_jwt", value_name = "URL")]
    vct_base: Option<String>,
    /// How the credential is secured: `jose` (the default) signs it as a compact JWS
    /// (`vc+jwt`, VC-JOSE-COSE); `data-integrity` embeds a W3C Data Integrity proof
    /// (`eddsa-rdfc-2022`) in the JSON credential, as the Digital Credentials Consortium's
    /// verifier and the Learner Credential Wallet expect. `skillpass verify` and the
    /// registry accept both.
    #[arg(long, value_enum, default_value_t = SecuringArg::Jose, conflicts_with = "selective")]
    securing: SecuringArg,
    /// Also make this claim selectively disclosable (e.g. name, title, awardingBody,
    /// learningOutcomes, qualification.awarded); repeatable.
    #[arg(long = "sd", requires = "selective", value_name = "CLAIM")]
    sd: Vec<String>,
}

pub(crate) fn run(a: IssueArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let now = Utc::now();
    let mut options = IssueOptions::new(now);
    options.valid_from = a.valid_from;
    options.issuer = a.issuer.clone();
    options.valid_until = a.valid_until;
    let mut lists = match &a.status {
        Some(path) => Some(StatusFile::load(path)?),
        None => None,
    };
    if let (Some(claims), Some(out)) = (&a.claims, &a.out) {
        let claims = files::read_json(claims)?;
        options.holder = a.holder.clone();
        let securing = match (&a.vct_base, a.sd_jwt, a.securing) {
            (Some(base), _, _) if a.dc_sd_jwt => Securing::IetfSd {
                sd: &a.sd,
                vct_base: base,
            },
            (_, true, _) => Securing::SdJwt(&a.sd),
            (_, false, SecuringArg::Jose) => Securing::Jose,
            (_, false, SecuringArg::DataIntegrity) => Securing::DataIntegrity,
        };
        let (credential, id) =
            sign::issue_one(&key, &claims, &mut options, lists.as_mut(), securing)?;
        files::write_atomic(out, format!("{credential}\n").as_bytes(), false)?;
        if let (Some(lists), Some(path)) = (&lists, &a.status) {
            lists.save(path)?;
        }
        let line = Msg::new("cli-issued")
            .arg("id", id.as_str())
            .arg("path", out.display().to_string());
        eprintln!("{}", line.text(lang::current()));
        return Ok(0);
    }
    if let (Some(vc), Some(out)) = (&a.vc, &a.out) {
        return issue_document(
            &key,
            vc,
            out,
            a.kid.as_deref(),
            lists,
            a.status.as_deref(),
            a.securing,
            now,
        );
    }
    if let (Some(csv), Some(dir)) = (&a.csv, &a.out_dir) {
        let status = lists.as_mut().zip(a.status.as_deref());
        let securing = match a.securing {
            SecuringArg::Jose => Securing::Jose,
            SecuringArg::DataIntegrity => Securing::DataIntegrity,
        };
        return batch::issue_csv(&key, csv, dir, &mut options, status, securing);
    }
    Err(crate::common::said::said(Msg::new("cli-issue-usage")))
}

/// `issue --vc`: one whole credential document, under the conformance profile.
#[allow(clippy::too_many_arguments)]
fn issue_document(
    key: &credential_core::SecretKey,
    vc: &std::path::Path,
    out: &std::path::Path,
    kid: Option<&str>,
    mut lists: Option<StatusFile>,
    status_path: Option<&std::path::Path>,
    securing: SecuringArg,
    now: DateTime<Utc>,
) -> Result<u8> {
    let document = files::read_json(vc)?;
    let serde_json::Value::Object(document) = document else {
        anyhow::bail!(
            "{} is not a JSON object (a credential document)",
            vc.display()
        );
    };
    let identity = match kid {
        Some(kid) => super::any::Identity::with_kid(key, kid)?,
        None => super::any::Identity::of_key(key),
    };
    let issued = super::any::issue(
        document,
        key,
        &identity,
        lists.as_mut(),
        securing,
        now,
        |_, _| Ok::<(), super::any::Refusal>(()),
    )?;
    files::write_atomic(out, format!("{}\n", issued.to_text()?).as_bytes(), false)?;
    if let (Some(lists), Some(path)) = (&lists, status_path) {
        lists.save(path)?;
    }
    eprintln!("issued as {} -> {}", identity.issuer, out.display());
    Ok(0)
}
