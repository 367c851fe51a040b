//! `skillpass wallet receive 'openid-credential-offer://…'`: Skillpass's own wallet as an
//! OpenID4VCI 1.0 client — the pre-authorized code flow with the PIN the institution sent
//! apart from the offer, a `jwt` key proof by the wallet's holder key, and the credential
//! filed in the wallet. Any conformant issuer works, not only `skillpass issuer serve`.

use std::time::Duration;

use anyhow::{anyhow, bail, Context as _, Result};
use chrono::Utc;
use clap::Args;
use credential_core::jws;
use serde_json::{json, Value};
use zeroize::Zeroizing;

use super::wallet_file::{open, save, WalletFile};

/// The pre-authorized code grant type.
const PRE_AUTHORIZED: &str = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
/// The offer scheme.
const OFFER_SCHEME: &str = "openid-credential-offer://";
/// Largest answer read from an issuer (a credential with its disclosures).
const MAX_ANSWER: u64 = 4 * 1024 * 1024;
/// Largest offer link taken.
const MAX_LINK: usize = 16 * 1024;

#[derive(Debug, Args)]
pub(crate) struct ReceiveArgs {
    #[command(flatten)]
    file: WalletFile,
    /// The credential offer: an openid-credential-offer:// link (from the institution's QR
    /// code), with the offer by value or by reference (credential_offer_uri).
    offer: String,
    /// The PIN (transaction code) the institution sent apart from the offer; asked for on
    /// the terminal when absent.
    #[arg(long, env = "SKILLPASS_OFFER_PIN", hide_env_values = true)]
    pin: Option<String>,
    /// Which of the offered credential configurations to take (default: the first).
    #[arg(long, value_name = "ID")]
    configuration: Option<String>,
}

/// An issuer's answer: JSON, or its OAuth error as one line (see
/// [`read_answer`](crate::common::openid4vp::read_answer)).
fn call(request: ureq::Request, body: Option<Body<'_>>) -> Result<Value> {
    let url = request.url().to_owned();
    let response = match body {
        None => request.call(),
        Some(Body::Form(form)) => request.send_form(form),
        Some(Body::Json(v)) => request.send_json(v.clone()),
    };
    crate::common::openid4vp::read_answer(response, &url, MAX_ANSWER)
}

enum Body<'a> {
    Form(&'a [(&'a str, &'a str)]),
    Json(&'a Value),
}

/// The issuer URL must be https, or http on this machine (a test or a local service).
fn check_issuer_url(url: &str) -> Result<()> {
    let local = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|p| {
            url.strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
        });
    if !(url.starts_with("https://") || local) {
        bail!("the offer names an issuer that is not an https URL ({url}); refusing to send it your key proof");
    }
    Ok(())
}

/// The credential offer in `link`.
fn read_offer(agent: &ureq::Agent, link: &str) -> Result<Value> {
    if link.len() > MAX_LINK {
        bail!("the offer link is longer than {MAX_LINK} characters");
    }
    let query = link
        .trim()
        .strip_prefix(OFFER_SCHEME)
        .and_then(|rest| rest.split_once('?').map(|(_, q)| q))
        .ok_or_else(|| {
            anyhow!("not a credential offer: expected {OFFER_SCHEME}?credential_offer=…")
        })?;
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_encoding::percent_decode_str(&value.replace('+', " "))
            .decode_utf8()
            .context("the offer link is not UTF-8")?
            .into_owned();
        match name {
            "credential_offer" => {
                return serde_json::from_str(&value).context("the offer in the link is not JSON")
            }
            "credential_offer_uri" => {
                check_issuer_url(&value)?;
                return call(agent.get(&value), None);
            }
            _ => {}
        }
    }
    bail!("the link carries neither credential_offer nor credential_offer_uri")
}

fn member<'a>(value: &'a Value, name: &str, what: &str) -> Result<&'a str> {
    value
        .get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| anyhow!("{what} has no {name}"))
}

pub(crate) fn run(a: ReceiveArgs) -> Result<u8> {
    let path = a.file.path()?;
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(30))
        .redirects(0)
        .build();
    let offer = read_offer(&agent, &a.offer)?;
    let issuer = member(&offer, "credential_issuer", "the offer")?
        .trim_end_matches('/')
        .to_owned();
    check_issuer_url(&issuer)?;
    let grant = offer
        .get("grants")
        .and_then(|g| g.get(PRE_AUTHORIZED))
        .ok_or_else(|| anyhow!("the offer has no pre-authorized code (this wallet takes only pre-authorized offers)"))?;
    let code = member(grant, "pre-authorized_code", "the offer's grant")?;
    let offered: Vec<&str> = offer
        .get("credential_configuration_ids")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let configuration = match &a.configuration {
        Some(c) if offered.contains(&c.as_str()) => c.clone(),
        Some(c) => bail!("the offer is for {}, not {c}", offered.join(", ")),
        None => offered
            .first()
            .map(|c| (*c).to_owned())
            .ok_or_else(|| anyhow!("the offer names no credential configuration"))?,
    };

    let metadata = call(
        agent.get(&format!("{issuer}/.well-known/openid-credential-issuer")),
        None,
    )?;
    if metadata
        .get("credential_issuer")
        .and_then(Value::as_str)
        .map(|s| s.trim_end_matches('/'))
        != Some(issuer.as_str())
    {
        bail!("the issuer's metadata names another credential issuer than the offer");
    }
    let name = metadata
        .get("display")
        .and_then(Value::as_array)
        .and_then(|d| d.first())
        .and_then(|d| d.get("name"))
        .and_then(Value::as_str)
        .unwrap_or(&issuer)
        .to_owned();
    let credential_endpoint =
        member(&metadata, "credential_endpoint", "the issuer's metadata")?.to_owned();
    let nonce_endpoint = metadata
        .get("nonce_endpoint")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let auth_server = metadata
        .get("authorization_servers")
        .and_then(Value::as_array)
        .and_then(|s| s.first())
        .and_then(Value::as_str)
        .unwrap_or(&issuer)
        .trim_end_matches('/')
        .to_owned();
    check_issuer_url(&auth_server)?;
    let as_metadata = call(
        agent.get(&format!(
            "{auth_server}/.well-known/oauth-authorization-server"
        )),
        None,
    )?;
    let token_endpoint = member(
        &as_metadata,
        "token_endpoint",
        "the authorization server's metadata",
    )?
    .to_owned();
    for url in [&credential_endpoint, &token_endpoint] {
        check_issuer_url(url)?;
    }
    eprintln!("{name} offers {configuration}");

    let pin: Zeroizing<String> = match (&a.pin, grant.get("tx_code")) {
        (_, None) => Zeroizing::new(String::new()),
        (Some(p), Some(_)) => Zeroizing::new(p.trim().to_owned()),
        (None, Some(tx)) => {
            let hint = tx
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("the PIN the institution sent you");
            Zeroizing::new(
                rpassword::prompt_password(format!("{hint}: "))
                    .context("cannot read the PIN (give --pin, or use a terminal)")?
                    .trim()
                    .to_owned(),
            )
        }
    };
    let mut form = vec![
        ("grant_type", PRE_AUTHORIZED),
        ("pre-authorized_code", code),
    ];
    if grant.get("tx_code").is_some() {
        form.push(("tx_code", pin.as_str()));
    }
    let token = call(agent.post(&token_endpoint), Some(Body::Form(&form)))?;
    let access_token = member(&token, "access_token", "the token answer")?.to_owned();

    let (mut wallet, phrase) = open(&path)?;
    let nonce = match &nonce_endpoint {
        Some(url) => {
            check_issuer_url(url)?;
            Some(member(&call(agent.post(url), None)?, "c_nonce", "the nonce answer")?.to_owned())
        }
        None => token
            .get("c_nonce")
            .and_then(Value::as_str)
            .map(str::to_owned),
    };
    let holder = wallet.key();
    let header = json!({"alg": holder.algorithm().name(), "typ": "openid4vci-proof+jwt", "jwk": holder.public().to_jwk()});
    let mut claims = json!({"aud": issuer, "iat": Utc::now().timestamp()});
    if let (Some(n), Some(object)) = (&nonce, claims.as_object_mut()) {
        object.insert("nonce".into(), json!(n));
    }
    let proof = jws::sign_raw(
        holder,
        header.to_string().as_bytes(),
        claims.to_string().as_bytes(),
    );
    let request = json!({"credential_configuration_id": configuration, "proofs": {"jwt": [proof]}});
    let answer = call(
        agent
            .post(&credential_endpoint)
            .set("Authorization", &format!("Bearer {access_token}")),
        Some(Body::Json(&request)),
    )?;
    let credential = answer
        .get("credentials")
        .and_then(Value::as_array)
        .and_then(|c| c.first())
        .and_then(|c| c.get("credential"))
        .and_then(Value::as_str)
        .ok_or_else(|| {
            anyhow!("the issuer's answer holds no credential (deferred issuance is not supported)")
        })?;
    let entry = wallet
        .add(credential, None, Utc::now())
        .context("the issuer's credential cannot go into this wallet")?;
    let (id, title) = (entry.id.clone(), entry.last_known.title.clone());
    save(&path, &wallet, &phrase)?;
    eprintln!(
        "received {id} ({}) from {name} into {}",
        title.as_deref().unwrap_or("untitled"),
        path.display()
    );
    println!("{id}");
    Ok(0)
}
