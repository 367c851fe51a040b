//! `skillpass verifier request`: a presentation request as an `openid4vp://` link and QR
//! code, and the request file that `collect` needs to read the answer.

use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use base64::Engine as _;
use chrono::{Duration, Utc};
use clap::{Args, ValueEnum};
use credential_core::credential::CredentialKind;
use credential_core::equivalence::FrameworkCatalog;
use credential_core::sdjwt_vc::vct_for;
use image::Luma;
use josekit::jwk::alg::ec::{EcCurve, EcKeyPair};
use qrcode::QrCode;
use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};

use super::{Relay, RequestFile, FILE_TYPE};
use crate::common::files;
use crate::common::openid4vp::{
    check_url, AuthorizationRequest, ClaimQuery, CredentialQuery, DcqlQuery, ENC_VALUES, FORMAT,
    REDIRECT_URI_PREFIX,
};
use crate::holder::paper::png;

/// The kinds of credential a request can ask for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Kind {
    /// A QualificationCredential (a diploma, a licence).
    Qualification,
    /// A SkillCredential (skills assessed).
    Skill,
}

impl Kind {
    fn credential_kind(self) -> CredentialKind {
        match self {
            Self::Qualification => CredentialKind::Qualification,
            Self::Skill => CredentialKind::Skill,
        }
    }

    /// What is asked for when no --claim is given.
    fn default_claims(self) -> &'static [&'static str] {
        match self {
            Self::Qualification => &["title", "level", "awardingBody"],
            Self::Skill => &["skills"],
        }
    }
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("to").required(true).args(["relay", "response_uri"]))]
pub(crate) struct RequestArgs {
    /// The registry whose relay takes the wallet's encrypted answer for you (for employers
    /// who run no server), e.g. https://registry.example.
    #[arg(long, value_name = "URL")]
    relay: Option<String>,
    /// Your own server's address that takes the answer (`response=<JWE>` posted as a form);
    /// give what it receives to `collect --response`.
    #[arg(long, value_name = "URL")]
    response_uri: Option<String>,
    /// The request file to write (owner-only: it holds the key that opens the answer).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Also write the request's QR code (PNG) for a wallet on another device to scan.
    #[arg(long, value_name = "PNG")]
    qr: Option<PathBuf>,
    /// The kind of credential asked for.
    #[arg(long = "type", value_enum, default_value = "qualification")]
    kind: Kind,
    /// A claim asked for: title, level, awardingBody, field, occupation, name, birthDate,
    /// skills, or a dotted path such as qualification.awarded (repeat; default: title,
    /// level and awardingBody of a qualification, skills of a skill credential). Nothing
    /// else is disclosed.
    #[arg(long = "claim", value_name = "NAME")]
    claims: Vec<String>,
    /// The lowest level accepted, e.g. EQF-6: a credential at a level of another framework
    /// is compared through the referencing of the frameworks when collecting.
    #[arg(long, value_name = "LEVEL")]
    min_level: Option<String>,
    /// The base URL of the credential types (`vct` = BASE/types/QualificationCredential)
    /// (default: the --relay registry).
    #[arg(long, value_name = "URL")]
    vct_base: Option<String>,
    /// Your name as the wallet shows it to the holder (wallets cannot check it).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// How long the request may be answered, in minutes.
    #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(u32).range(1..=1440))]
    valid_minutes: u32,
    /// Print JSON (link, same-device link, files) instead of the link alone.
    #[arg(long)]
    json: bool,
}

fn random() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>())
}

/// The DCQL claim path of a claim name of `kind`.
fn claim_path(kind: Kind, name: &str) -> Result<Vec<Value>> {
    let name = name.trim();
    if name.is_empty() {
        bail!("--claim takes a claim name");
    }
    let name = match name {
        "level" | "levels" => "frameworkLevels",
        "issuer" => "awardingBody",
        "dateOfBirth" | "birthdate" | "dob" => "birthDate",
        "outcomes" => "learningOutcomes",
        other => other,
    };
    let top = ["name", "birthDate", "nationality"];
    let path: Vec<&str> = if name.contains('.') {
        name.split('.').collect()
    } else if top.contains(&name) || matches!(kind, Kind::Skill) {
        vec![name]
    } else {
        vec!["qualification", name]
    };
    if path.iter().any(|p| p.is_empty()) {
        bail!("--claim {name}: a dotted path has an empty part");
    }
    Ok(path.into_iter().map(|p| json!(p)).collect())
}

pub(super) fn run(a: RequestArgs) -> Result<u8> {
    if let Some(min) = &a.min_level {
        let catalog = FrameworkCatalog::shipped()?;
        if catalog.level(min).is_none() {
            let hint = catalog
                .suggest_level(min)
                .map(|s| format!(" (did you mean {s}?)"))
                .unwrap_or_default();
            bail!("--min-level {min} is no level of a known framework{hint}");
        }
    }
    let (response_uri, relay) = match (&a.relay, &a.response_uri) {
        (Some(registry), _) => {
            let registry = registry.trim_end_matches('/');
            check_url(registry, "--relay")?;
            let secret = random();
            let id = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(Sha256::digest(secret.as_bytes()));
            let mailbox = format!("{registry}/relay/{id}");
            (mailbox.clone(), Some(Relay { mailbox, secret }))
        }
        (None, Some(uri)) => {
            check_url(uri, "--response-uri")?;
            (uri.clone(), None)
        }
        (None, None) => bail!("give --relay REGISTRY or --response-uri URL"),
    };
    let vct_base = a
        .vct_base
        .as_deref()
        .or(a.relay.as_deref())
        .context("give --vct-base URL: the base URL of the credential types the issuers use")?
        .trim_end_matches('/');
    let names: Vec<String> = if a.claims.is_empty() {
        a.kind
            .default_claims()
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    } else {
        a.claims.clone()
    };
    let mut claims = Vec::new();
    for name in &names {
        let path = claim_path(a.kind, name)?;
        if claims.iter().any(|c: &ClaimQuery| c.path == path) {
            continue;
        }
        claims.push(ClaimQuery {
            id: None,
            path,
            values: None,
        });
    }
    let query = DcqlQuery {
        credentials: vec![CredentialQuery {
            id: "credential".into(),
            format: FORMAT.into(),
            meta: json!({"vct_values": [vct_for(vct_base, a.kind.credential_kind())]}),
            claims: Some(claims),
            claim_sets: None,
            multiple: None,
        }],
        credential_sets: None,
    };

    let key = EcKeyPair::generate(EcCurve::P256).context("cannot make the request's key")?;
    let kid = random();
    let mut public = key.to_jwk_public_key();
    public.set_key_id(&kid);
    public.set_key_use("enc");
    public.set_algorithm("ECDH-ES");
    let mut private = key.to_jwk_key_pair();
    private.set_key_id(&kid);
    let mut metadata = json!({
        "jwks": {"keys": [Value::Object(public.as_ref().clone())]},
        "encrypted_response_enc_values_supported": ENC_VALUES,
        "vp_formats_supported": {FORMAT: {
            "sd-jwt_alg_values": ["ES256", "EdDSA", "ES384", "ES512"],
            "kb-jwt_alg_values": ["ES256", "EdDSA", "ES384", "ES512"]
        }},
    });
    if let (Some(name), Some(m)) = (&a.name, metadata.as_object_mut()) {
        m.insert("client_name".into(), json!(name));
    }
    let now = Utc::now();
    let request = AuthorizationRequest {
        client_id: format!("{REDIRECT_URI_PREFIX}{response_uri}"),
        response_uri: response_uri.clone(),
        nonce: random(),
        state: Some(random()),
        dcql_query: query,
        client_metadata: metadata,
    };
    let link = request.to_link()?;
    let file = RequestFile {
        kind: FILE_TYPE.into(),
        client_id: request.client_id.clone(),
        response_uri,
        nonce: request.nonce.clone(),
        state: request.state.clone().unwrap_or_default(),
        dcql_query: request.dcql_query.clone(),
        min_level: a.min_level.clone(),
        relay,
        created: now,
        expires: now + Duration::minutes(i64::from(a.valid_minutes)),
        key: Value::Object(private.as_ref().clone()),
    };
    file.write(&a.out)?;
    if let Some(qr) = &a.qr {
        let code = QrCode::new(link.as_bytes()).context("the request does not fit in a QR code")?;
        let image = code
            .render::<Luma<u8>>()
            .quiet_zone(true)
            .module_dimensions(4, 4)
            .build();
        files::write_atomic(qr, &png(&image)?, false)?;
    }
    let asked: Vec<String> = request
        .dcql_query
        .credentials
        .iter()
        .flat_map(|q| q.claims().iter().filter_map(|c| c.dotted().ok()))
        .collect();
    eprintln!(
        "request for a {} ({}){}, answerable until {}; request file {}{}",
        a.kind.credential_kind(),
        asked.join(", "),
        a.min_level
            .as_deref()
            .map(|m| format!(" at {m} or higher"))
            .unwrap_or_default(),
        file.expires.format("%Y-%m-%d %H:%M UTC"),
        a.out.display(),
        a.qr.as_deref()
            .map(|q| format!("; QR code {}", q.display()))
            .unwrap_or_default(),
    );
    eprintln!(
        "the same link opens the wallet on this device; then: skillpass verifier collect --request {}",
        a.out.display()
    );
    if a.json {
        let out = json!({
            "link": link,
            "sameDeviceLink": link,
            "qr": a.qr.as_ref().map(|p| p.display().to_string()),
            "request": a.out.display().to_string(),
            "clientId": request.client_id,
            "expires": file.expires,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("{link}");
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn claim_names_become_dcql_paths_of_the_sd_jwt_vc_payload() {
        let q = Kind::Qualification;
        assert_eq!(
            claim_path(q, "title").unwrap(),
            vec![json!("qualification"), json!("title")]
        );
        assert_eq!(
            claim_path(q, "level").unwrap(),
            vec![json!("qualification"), json!("frameworkLevels")]
        );
        assert_eq!(
            claim_path(q, "birthDate").unwrap(),
            vec![json!("birthDate")]
        );
        assert_eq!(
            claim_path(q, "qualification.awarded").unwrap(),
            vec![json!("qualification"), json!("awarded")]
        );
        assert_eq!(
            claim_path(Kind::Skill, "skills").unwrap(),
            vec![json!("skills")]
        );
        assert!(claim_path(q, "a..b").is_err());
        assert!(claim_path(q, " ").is_err());
    }
}
