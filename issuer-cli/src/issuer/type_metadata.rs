//! `skillpass type-metadata`: the SD-JWT VC Type Metadata of a Skillpass credential type,
//! as the registry serves it at the `vct` URL, or its `vct#integrity`.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};
use credential_core::sdjwt_vc::{integrity, type_metadata_bytes, vct_for};
use credential_core::CredentialKind;

use crate::common::files;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TypeName {
    /// A formal qualification.
    QualificationCredential,
    /// Assessed skills.
    SkillCredential,
}

#[derive(Debug, Args)]
pub(crate) struct TypeMetadataArgs {
    /// The registry URL the type is published under (`vct` = URL/types/TYPE), as given to
    /// `issue --dc-sd-jwt --vct-base`.
    #[arg(long, value_name = "URL")]
    vct_base: String,
    /// The credential type.
    #[arg(long = "type", value_enum, default_value = "qualification-credential")]
    type_name: TypeName,
    /// Print only the `vct` and its `vct#integrity` (W3C Subresource Integrity).
    #[arg(long)]
    integrity: bool,
    /// Write the exact bytes to serve at the `vct` URL to this file (standard output when
    /// absent).
    #[arg(long)]
    out: Option<PathBuf>,
}

pub(crate) fn run(a: TypeMetadataArgs) -> Result<u8> {
    let kind = match a.type_name {
        TypeName::QualificationCredential => CredentialKind::Qualification,
        TypeName::SkillCredential => CredentialKind::Skill,
    };
    let vct = vct_for(&a.vct_base, kind);
    let bytes = type_metadata_bytes(&vct, kind);
    if a.integrity {
        println!("vct:           {vct}");
        println!("vct#integrity: {}", integrity(&bytes));
        return Ok(0);
    }
    match &a.out {
        Some(out) => {
            files::write_atomic(out, &bytes, false)?;
            eprintln!(
                "{vct} -> {} (serve these exact bytes at that URL)",
                out.display()
            );
        }
        None => println!("{}", String::from_utf8_lossy(&bytes)),
    }
    Ok(0)
}
