//! OpenID for Verifiable Presentations 1.0 as both sides speak it: the employer's
//! request (`verifier request`, `verifier collect`) and the wallet's answer (`wallet
//! respond`). What they share lives here so neither borrows from the other:
//!
//! - the request by value in an `openid4vp://?…` link: `response_type=vp_token`,
//!   `response_mode=direct_post.jwt`, a `redirect_uri:` client identifier (the response
//!   URI itself: such requests are unsigned and the client is who the response URI says),
//!   `nonce`, `state`, a DCQL query and `client_metadata` with the employer's ephemeral
//!   P-256 key in `jwks`;
//! - DCQL, the subset this wallet and verifier speak: credential queries of format
//!   `dc+sd-jwt` with `meta.vct_values` and claims by path of member names, with or
//!   without `values`; `credential_sets`, `claim_sets` and array paths are refused by name;
//! - the answer `{"vp_token": {id: [presentation]}, "state"}`, encrypted with ECDH-ES
//!   (A128GCM or A256GCM) to the employer's key, so a relay passes on only ciphertext.

use std::io::Read as _;

use anyhow::{anyhow, bail, Context as _, Result};
use josekit::jwe::{self, JweHeader, ECDH_ES};
use josekit::jwk::Jwk;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// The link scheme wallets register for OpenID4VP.
pub(crate) const SCHEME: &str = "openid4vp://";
/// The only response mode spoken: the answer encrypted to the requester.
pub(crate) const RESPONSE_MODE: &str = "direct_post.jwt";
/// The client identifier prefix of an unsigned request whose client is its response URI.
pub(crate) const REDIRECT_URI_PREFIX: &str = "redirect_uri:";
/// The credential format asked for and presented (IETF SD-JWT VC).
pub(crate) const FORMAT: &str = "dc+sd-jwt";
/// Longest request link taken.
pub(crate) const MAX_LINK: usize = 16 * 1024;
/// Longest encrypted answer made or read, in bytes (the registry relay's bound).
pub(crate) const MAX_RESPONSE: usize = 256 * 1024;
/// Longest answer read from a server (a relay's collection holds a few answers).
pub(crate) const MAX_ANSWER: u64 = 2 * 1024 * 1024;
/// Content encryption algorithms spoken, preferred first.
pub(crate) const ENC_VALUES: [&str; 2] = ["A128GCM", "A256GCM"];

/// A DCQL query.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct DcqlQuery {
    pub(crate) credentials: Vec<CredentialQuery>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) credential_sets: Option<Value>,
}

/// One credential query of a DCQL query.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CredentialQuery {
    pub(crate) id: String,
    pub(crate) format: String,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub(crate) meta: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) claims: Option<Vec<ClaimQuery>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) claim_sets: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) multiple: Option<bool>,
}

/// One claim of a credential query: a path, and the values it must have if any.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ClaimQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) id: Option<String>,
    pub(crate) path: Vec<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) values: Option<Vec<Value>>,
}

impl ClaimQuery {
    /// The path as member names, or why it is not spoken here.
    pub(crate) fn names(&self) -> Result<Vec<&str>> {
        if self.path.is_empty() {
            bail!("a claim of the request has an empty path");
        }
        self.path
            .iter()
            .map(|p| {
                p.as_str().ok_or_else(|| {
                    anyhow!("the request asks for a claim by array position or for every element ({}); this wallet takes claim paths of member names only", Value::Array(self.path.clone()))
                })
            })
            .collect()
    }

    /// The claim's name as people and `sdjwt::present` read it: `qualification.title`.
    pub(crate) fn dotted(&self) -> Result<String> {
        Ok(self.names()?.join("."))
    }

    /// The claim's value in `claims` (a credential's claims, disclosures put back), if
    /// present and allowed by `values`.
    pub(crate) fn find<'a>(&self, claims: &'a Value) -> Result<Option<&'a Value>> {
        let mut at = claims;
        for name in self.names()? {
            match at.get(name) {
                Some(v) => at = v,
                None => return Ok(None),
            }
        }
        Ok(match &self.values {
            Some(values) if !values.iter().any(|v| v == at) => None,
            _ => Some(at),
        })
    }
}

impl CredentialQuery {
    /// The `vct` values the query accepts (empty: any).
    pub(crate) fn vct_values(&self) -> Vec<&str> {
        self.meta
            .get("vct_values")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect()
    }

    /// The claims asked for (empty when the query names none).
    pub(crate) fn claims(&self) -> &[ClaimQuery] {
        self.claims.as_deref().unwrap_or_default()
    }

    /// Refuses what this wallet and verifier do not speak, by name.
    pub(crate) fn check_supported(&self) -> Result<()> {
        if self.format != FORMAT {
            bail!(
                "the request asks for a credential of format {:?}; Skillpass presents IETF SD-JWT VC ({FORMAT}) only",
                self.format
            );
        }
        if self.claim_sets.is_some() {
            bail!("the request offers alternative claim sets (claim_sets), which this wallet does not choose between");
        }
        if self.multiple == Some(true) {
            bail!("the request asks for several credentials for one query (multiple), which this wallet does not send");
        }
        for c in self.claims() {
            c.names()?;
        }
        Ok(())
    }
}

impl DcqlQuery {
    /// Refuses a query that asks for nothing or for what is not spoken.
    pub(crate) fn check_supported(&self) -> Result<()> {
        if self.credentials.is_empty() {
            bail!("the request asks for no credential (its DCQL query lists none)");
        }
        if self.credential_sets.is_some() {
            bail!("the request offers alternative credential sets (credential_sets), which this wallet does not choose between");
        }
        let mut ids = std::collections::BTreeSet::new();
        for q in &self.credentials {
            if !ids.insert(q.id.as_str()) {
                bail!(
                    "the request's DCQL query repeats the credential query id {:?}",
                    q.id
                );
            }
            q.check_supported()?;
        }
        Ok(())
    }
}

/// The request parameters by value, as an `openid4vp://` link carries them.
#[derive(Debug, Clone)]
pub(crate) struct AuthorizationRequest {
    pub(crate) client_id: String,
    pub(crate) response_uri: String,
    pub(crate) nonce: String,
    pub(crate) state: Option<String>,
    pub(crate) dcql_query: DcqlQuery,
    pub(crate) client_metadata: Value,
}

impl AuthorizationRequest {
    /// The request as a link (cross-device in a QR code, same-device as a link).
    pub(crate) fn to_link(&self) -> Result<String> {
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("client_id", &self.client_id)
            .append_pair("response_type", "vp_token")
            .append_pair("response_mode", RESPONSE_MODE)
            .append_pair("response_uri", &self.response_uri)
            .append_pair("nonce", &self.nonce);
        if let Some(state) = &self.state {
            form.append_pair("state", state);
        }
        form.append_pair("dcql_query", &serde_json::to_string(&self.dcql_query)?)
            .append_pair("client_metadata", &self.client_metadata.to_string());
        Ok(format!("{SCHEME}?{}", form.finish()))
    }

    /// Reads a request link, by value, checking every parameter a wallet relies on.
    pub(crate) fn from_link(link: &str) -> Result<Self> {
        let link = link.trim();
        if link.len() > MAX_LINK {
            bail!("the request link is longer than {MAX_LINK} characters");
        }
        let query = link
            .split_once('?')
            .filter(|(scheme, _)| {
                scheme.ends_with("://") || scheme.starts_with("https://") || scheme.contains(':')
            })
            .map(|(_, q)| q)
            .ok_or_else(|| anyhow!("not a presentation request: expected {SCHEME}?client_id=…"))?;
        let mut params = Map::new();
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            if params
                .insert(name.clone().into_owned(), json!(value.into_owned()))
                .is_some()
            {
                bail!("the request repeats the parameter {name}");
            }
        }
        Self::from_params(&params)
    }

    /// A request from its parameters (from a link, or a request object's claims).
    pub(crate) fn from_params(params: &Map<String, Value>) -> Result<Self> {
        let text = |name: &str| -> Result<Option<String>> {
            match params.get(name) {
                None => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => bail!("the request's {name} is not text"),
            }
        };
        let need = |name: &str| -> Result<String> {
            text(name)?.ok_or_else(|| anyhow!("the request has no {name}"))
        };
        let json_param = |name: &str| -> Result<Option<Value>> {
            match params.get(name) {
                None => Ok(None),
                Some(Value::String(s)) => {
                    Ok(Some(serde_json::from_str(s).with_context(|| {
                        format!("the request's {name} is not JSON")
                    })?))
                }
                Some(v) => Ok(Some(v.clone())),
            }
        };
        if params.contains_key("request_uri") || params.contains_key("request") {
            bail!("the request is a request object (request or request_uri); this wallet takes requests by value with the {REDIRECT_URI_PREFIX} client identifier");
        }
        if params.contains_key("presentation_definition")
            || params.contains_key("presentation_definition_uri")
        {
            bail!("the request uses Presentation Exchange (presentation_definition), which OpenID4VP 1.0 replaced by DCQL; ask the verifier for a DCQL request");
        }
        let response_type = need("response_type")?;
        if response_type != "vp_token" {
            bail!("the request's response_type is {response_type:?}; this wallet answers vp_token requests only");
        }
        let mode = text("response_mode")?.unwrap_or_else(|| "fragment".into());
        if mode != RESPONSE_MODE {
            bail!("the request's response mode is {mode:?}; this wallet answers only {RESPONSE_MODE}, encrypted to the verifier, so no one between reads it");
        }
        let client_id = need("client_id")?;
        let response_uri = need("response_uri")?;
        match client_id.strip_prefix(REDIRECT_URI_PREFIX) {
            Some(uri) if uri == response_uri => {}
            Some(_) => bail!("the request's client_id names another address than its response_uri"),
            None => bail!("the request's client_id {client_id:?} has a client identifier prefix this wallet cannot check (only {REDIRECT_URI_PREFIX}, whose client is its response URI)"),
        }
        check_url(&response_uri, "the request's response_uri")?;
        let nonce = need("nonce")?;
        if nonce.is_empty() || nonce.len() > 256 {
            bail!("the request's nonce is empty or longer than 256 characters");
        }
        let dcql: Value = json_param("dcql_query")?.ok_or_else(|| {
            anyhow!("the request has no DCQL query (dcql_query): it asks for nothing")
        })?;
        let dcql_query: DcqlQuery =
            serde_json::from_value(dcql).context("the request's DCQL query is malformed")?;
        dcql_query.check_supported()?;
        let client_metadata = json_param("client_metadata")?.unwrap_or(Value::Null);
        Ok(Self {
            client_id,
            response_uri,
            nonce,
            state: text("state")?,
            dcql_query,
            client_metadata,
        })
    }

    /// The verifier's self-declared name (`client_metadata.client_name`), if any.
    pub(crate) fn client_name(&self) -> Option<&str> {
        self.client_metadata
            .get("client_name")
            .and_then(Value::as_str)
    }

    /// The verifier's encryption key from `client_metadata.jwks`: the first P-256 EC key
    /// for encryption with ECDH-ES (or no `use`/`alg`), and the content encryption to use.
    pub(crate) fn encryption_key(&self) -> Result<(Jwk, &'static str)> {
        let keys = self
            .client_metadata
            .get("jwks")
            .and_then(|j| j.get("keys"))
            .and_then(Value::as_array)
            .ok_or_else(|| {
                anyhow!("the request gives no key to encrypt the answer to (client_metadata.jwks)")
            })?;
        let key = keys
            .iter()
            .find(|k| {
                k.get("kty") == Some(&json!("EC"))
                    && k.get("crv") == Some(&json!("P-256"))
                    && k.get("d").is_none()
                    && k.get("use").is_none_or(|u| u == "enc")
                    && k.get("alg").is_none_or(|a| a == "ECDH-ES")
            })
            .and_then(Value::as_object)
            .ok_or_else(|| anyhow!("the request's keys hold no P-256 key for ECDH-ES: this wallet cannot encrypt its answer"))?;
        let jwk =
            Jwk::from_map(key.clone()).context("the request's encryption key is malformed")?;
        let enc = match self
            .client_metadata
            .get("encrypted_response_enc_values_supported")
            .and_then(Value::as_array)
        {
            None => ENC_VALUES[0],
            Some(offered) => ENC_VALUES
                .into_iter()
                .find(|e| offered.iter().any(|o| o == e))
                .ok_or_else(|| anyhow!("the request accepts answers encrypted only with {offered:?}; this wallet encrypts with A128GCM or A256GCM"))?,
        };
        Ok((jwk, enc))
    }
}

/// Refuses a URL that is neither https nor http on this machine (a test or a local service).
pub(crate) fn check_url(url: &str, what: &str) -> Result<()> {
    let local = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|p| {
            url.strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
        });
    if !(url.starts_with("https://") || local) {
        bail!("{what} is not an https URL ({url})");
    }
    Ok(())
}

/// `answer` encrypted with ECDH-ES and `enc` to `key` (its `kid` in the header, if any).
pub(crate) fn encrypt(answer: &Value, key: &Jwk, enc: &str) -> Result<String> {
    let mut header = JweHeader::new();
    header.set_content_encryption(enc);
    if let Some(kid) = key.key_id() {
        header.set_key_id(kid);
    }
    let encrypter = ECDH_ES
        .encrypter_from_jwk(key)
        .context("the request's encryption key is not a usable P-256 key")?;
    let jwe = jwe::serialize_compact(answer.to_string().as_bytes(), &header, &encrypter)
        .context("cannot encrypt the answer")?;
    if jwe.len() > MAX_RESPONSE {
        bail!("the answer is larger than {MAX_RESPONSE} bytes once encrypted");
    }
    Ok(jwe)
}

/// The answer in `jwe`, decrypted with the employer's private `key`: only ECDH-ES with
/// A128GCM or A256GCM.
pub(crate) fn decrypt(jwe: &str, key: &Jwk) -> Result<Value> {
    if jwe.len() > MAX_RESPONSE {
        bail!("the answer is larger than {MAX_RESPONSE} bytes");
    }
    let decrypter = ECDH_ES
        .decrypter_from_jwk(key)
        .context("the request's private key is not a usable P-256 key")?;
    let (plain, header) = jwe::deserialize_compact(jwe.trim(), &decrypter)
        .map_err(|_| anyhow!("the answer does not decrypt with this request's key (it was encrypted to another request, or altered)"))?;
    if header.algorithm() != Some("ECDH-ES") {
        bail!("the answer is not encrypted with ECDH-ES");
    }
    if !header
        .content_encryption()
        .is_some_and(|e| ENC_VALUES.contains(&e))
    {
        bail!("the answer is encrypted with another content encryption than A128GCM or A256GCM");
    }
    credential_core::json::parse_strict(&plain).context("the decrypted answer is not JSON")
}

/// A server's answer as JSON (at most `limit` bytes), its error (the registry's
/// `{error: {code, message}}` or OAuth's `{error, error_description}`) as one line.
/// OpenID4VCI's wallet (`wallet receive`) reads its issuer's answers with it too.
pub(crate) fn read_answer(
    response: Result<ureq::Response, ureq::Error>,
    url: &str,
    limit: u64,
) -> Result<Value> {
    let (ok, response) = match response {
        Ok(r) => (true, r),
        Err(ureq::Error::Status(_, r)) => (false, r),
        Err(e) => return Err(anyhow!("cannot reach {url}: {e}")),
    };
    let status = response.status();
    let mut text = String::new();
    response
        .into_reader()
        .take(limit)
        .read_to_string(&mut text)
        .with_context(|| format!("cannot read the answer of {url}"))?;
    let value: Value = if text.trim().is_empty() {
        json!({})
    } else {
        serde_json::from_str(&text)
            .map_err(|_| anyhow!("{url} answered {status} with a body that is not JSON"))?
    };
    if !ok {
        let code = value
            .pointer("/error/code")
            .or_else(|| value.get("error"))
            .and_then(Value::as_str)
            .unwrap_or("error");
        let why = value
            .pointer("/error/message")
            .or_else(|| value.get("error_description"))
            .and_then(Value::as_str)
            .unwrap_or("");
        bail!("{url} refused ({status}): {code}: {why}");
    }
    Ok(value)
}

/// An HTTP agent for OpenID4VP: a timeout, no redirects.
pub(crate) fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(std::time::Duration::from_secs(30))
        .redirects(0)
        .build()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn request() -> AuthorizationRequest {
        AuthorizationRequest {
            client_id: "redirect_uri:https://r.example/relay/x".into(),
            response_uri: "https://r.example/relay/x".into(),
            nonce: "n".into(),
            state: Some("s".into()),
            dcql_query: serde_json::from_value(
                json!({"credentials": [{"id": "q", "format": "dc+sd-jwt",
                "meta": {"vct_values": ["https://r.example/types/QualificationCredential"]},
                "claims": [{"path": ["qualification", "title"]}]}]}),
            )
            .unwrap(),
            client_metadata: json!({"client_name": "ACME"}),
        }
    }

    #[test]
    fn a_request_link_reads_back_as_written() {
        let link = request().to_link().unwrap();
        assert!(link.starts_with("openid4vp://?client_id=redirect_uri%3Ahttps"));
        let back = AuthorizationRequest::from_link(&link).unwrap();
        assert_eq!(back.client_id, "redirect_uri:https://r.example/relay/x");
        assert_eq!(back.state.as_deref(), Some("s"));
        assert_eq!(back.client_name(), Some("ACME"));
        assert_eq!(
            back.dcql_query.credentials[0].claims()[0].dotted().unwrap(),
            "qualification.title"
        );
    }

    #[test]
    fn requests_this_wallet_cannot_answer_safely_are_refused_by_name() {
        let link = request().to_link().unwrap();
        let cases = [
            ("direct_post.jwt", "direct_post", "response mode"),
            (
                "redirect_uri%3Ahttps%3A%2F%2Fr.example",
                "redirect_uri%3Ahttps%3A%2F%2Fevil.example",
                "another address",
            ),
            (
                "redirect_uri%3Ahttps",
                "x509_san_dns%3Ahttps",
                "cannot check",
            ),
            (
                "response_type=vp_token",
                "response_type=code",
                "response_type",
            ),
            (
                "%22format%22%3A%22dc%2Bsd-jwt%22",
                "%22format%22%3A%22mso_mdoc%22",
                "format",
            ),
            (
                "%5B%22qualification%22%2C%22title%22%5D",
                "%5B%22skills%22%2Cnull%5D",
                "array position",
            ),
            (
                "%22credentials%22%3A%5B",
                "%22credential_sets%22%3A%5B%5D%2C%22credentials%22%3A%5B",
                "credential_sets",
            ),
        ];
        for (from, to, says) in cases {
            let bad = link.replacen(from, to, 1);
            assert_ne!(bad, link, "{from}");
            let e = AuthorizationRequest::from_link(&bad)
                .unwrap_err()
                .to_string();
            assert!(e.contains(says), "{from} -> {to}: {e}");
        }
        let mut nothing = request();
        nothing.dcql_query.credentials.clear();
        let e = AuthorizationRequest::from_link(&nothing.to_link().unwrap())
            .unwrap_err()
            .to_string();
        assert!(e.contains("asks for no credential"), "{e}");
        let by_reference = "openid4vp://?client_id=redirect_uri%3Ahttps%3A%2F%2Fr.example&request_uri=https%3A%2F%2Fr.example%2Fr";
        let e = AuthorizationRequest::from_link(by_reference)
            .unwrap_err()
            .to_string();
        assert!(e.contains("request object"), "{e}");
        let e = AuthorizationRequest::from_link(
            &link.replace("https%3A%2F%2Fr.example", "http%3A%2F%2Fr.example"),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("not an https URL"), "{e}");
    }

    #[test]
    fn only_the_employer_key_opens_an_answer_and_only_ecdh_es_with_gcm_is_taken() {
        use josekit::jwk::alg::ec::{EcCurve, EcKeyPair};
        let key = EcKeyPair::generate(EcCurve::P256).unwrap();
        let mut r = request();
        let mut public = key.to_jwk_public_key();
        public.set_key_id("k1");
        r.client_metadata = json!({"jwks": {"keys": [Value::Object(public.as_ref().clone())]},
            "encrypted_response_enc_values_supported": ["A256GCM"]});
        let (jwk, enc) = r.encryption_key().unwrap();
        assert_eq!(enc, "A256GCM");
        let answer = json!({"vp_token": {"q": ["x~"]}, "state": "s"});
        let jwe = encrypt(&answer, &jwk, enc).unwrap();
        assert_eq!(decrypt(&jwe, &key.to_jwk_private_key()).unwrap(), answer);
        let other = EcKeyPair::generate(EcCurve::P256).unwrap();
        assert!(decrypt(&jwe, &other.to_jwk_private_key()).is_err());
        // A CBC answer (not offered) is refused even though it decrypts.
        let mut header = JweHeader::new();
        header.set_content_encryption("A128CBC-HS256");
        let cbc =
            jwe::serialize_compact(b"{}", &header, &ECDH_ES.encrypter_from_jwk(&jwk).unwrap())
                .unwrap();
        let e = decrypt(&cbc, &key.to_jwk_private_key())
            .unwrap_err()
            .to_string();
        assert!(e.contains("A128GCM"), "{e}");
        r.client_metadata["encrypted_response_enc_values_supported"] = json!(["A128CBC-HS256"]);
        assert!(r.encryption_key().is_err());
        r.client_metadata = json!({"jwks": {"keys": [{"kty": "OKP", "crv": "X25519", "x": "AA"}]}});
        assert!(r
            .encryption_key()
            .unwrap_err()
            .to_string()
            .contains("no P-256 key"));
    }
}
