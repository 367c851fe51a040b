//! The holder's wallet: one portable file holding the holder's Ed25519 key and their
//! credentials, encrypted at rest with a passphrase.
//!
//! The file is a compact JWE (RFC 7516) made by josekit, a stock JOSE implementation:
//! `alg` `PBES2-HS512+A256KW` (RFC 7518 §4.8: PBKDF2-HMAC-SHA-512 with a random 16-byte
//! salt and [`PBES2_ITERATIONS`] iterations wraps a random content key with AES-256 key
//! wrap) and `enc` `A256GCM`. Nothing here is home-made cryptography; this module only
//! checks the file's shape before handing it to josekit, so that a damaged file is reported
//! as damaged rather than tripping over it, and tells a wrong passphrase (the key unwrap
//! fails its integrity check) from a corrupted file (anything else).
//!
//! Any JOSE library can open the file with the passphrase, e.g. jwcrypto's
//! `JWE.deserialize(text, JWK(kty="oct", k=b64url(passphrase)))`.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use josekit::jwe::{self, JweHeader, PBES2_HS512_A256KW};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use zeroize::{Zeroize as _, Zeroizing};

use crate::credential::CheckedCredential;
use crate::keys::SecretKey;
use crate::signed::{peek_unverified, CredentialJwt};

/// The `type` of the decrypted wallet document.
pub const WALLET_TYPE: &str = "SkillpassWallet";
/// The JWE `cty` of a wallet file.
pub const WALLET_CTY: &str = "skillpass-wallet+json";
/// The key-wrapping algorithm.
pub const WALLET_ALG: &str = "PBES2-HS512+A256KW";
/// The content encryption.
pub const WALLET_ENC: &str = "A256GCM";
/// PBKDF2-HMAC-SHA-512 iterations for new wallets (OWASP's 2023 floor is 210,000).
pub const PBES2_ITERATIONS: usize = 400_000;
/// Fewest iterations accepted when opening a wallet (a weakened file is refused).
const MIN_ITERATIONS: u64 = 100_000;
/// Most iterations accepted when opening (josekit's own denial-of-service bound).
const MAX_ITERATIONS: u64 = 1_000_000;
/// Largest wallet file accepted.
pub const MAX_WALLET_LEN: usize = 32 * 1024 * 1024;
/// Most credentials one wallet holds.
pub const MAX_WALLET_CREDENTIALS: usize = 1000;
/// Longest passphrase accepted.
const MAX_PASSPHRASE_LEN: usize = 1024;

/// What can go wrong with a wallet.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum WalletError {
    /// The passphrase does not open the wallet.
    #[error("wrong passphrase: this passphrase does not open the wallet")]
    WrongPassphrase,
    /// The file is not an intact wallet (truncated, altered, or not a wallet at all).
    #[error("the wallet file is corrupted: {0}")]
    Corrupted(String),
    /// An empty or absurdly long passphrase.
    #[error("the passphrase must be 1 to {MAX_PASSPHRASE_LEN} bytes")]
    BadPassphrase,
    /// The credential is not a readable credential.
    #[error("not a readable credential: {0}")]
    BadCredential(String),
    /// The credential's subject is not this wallet's holder.
    #[error("this credential is issued to {subject}, not to this wallet's holder {holder}")]
    NotTheHolders {
        /// The credential's `credentialSubject.id`, or "(none)".
        subject: String,
        /// The wallet's DID.
        holder: String,
    },
    /// The credential is already in the wallet.
    #[error("credential {0} is already in the wallet")]
    Duplicate(String),
    /// The wallet holds [`MAX_WALLET_CREDENTIALS`] already.
    #[error("the wallet is full ({MAX_WALLET_CREDENTIALS} credentials)")]
    Full,
    /// Encryption failed (a library error, not the caller's).
    #[error("cannot encrypt the wallet: {0}")]
    Encrypt(String),
}

/// How a credential is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CredentialFormat {
    /// A compact JWS, `typ` `vc+jwt`.
    #[serde(rename = "vc+jwt")]
    VcJwt,
    /// An SD-JWT (`<issuer-signed JWT>~<disclosure>~…~`), `typ` `vc+sd-jwt`.
    #[serde(rename = "vc+sd-jwt")]
    SdJwt,
    /// An IETF SD-JWT VC, `typ` `dc+sd-jwt` (see [`crate::sdjwt_vc`]).
    #[serde(rename = "dc+sd-jwt")]
    DcSdJwt,
}

impl CredentialFormat {
    /// The format of a credential text: SD-JWTs carry `~` separators, which base64url
    /// never contains; an IETF SD-JWT VC says `dc+sd-jwt` in its issuer JWS header.
    pub fn detect(credential: &str) -> Self {
        let Some((jws, _)) = credential.trim().split_once('~') else {
            return Self::VcJwt;
        };
        match crate::jws::UnverifiedJws::parse(jws, crate::jws::MAX_JWS_LEN) {
            Ok(j) if j.header().typ.as_deref() == Some(crate::sdjwt_vc::TYP_DC_SD_JWT) => {
                Self::DcSdJwt
            }
            _ => Self::SdJwt,
        }
    }

    /// Whether the credential is an SD-JWT of either layout.
    pub fn is_sd_jwt(self) -> bool {
        matches!(self, Self::SdJwt | Self::DcSdJwt)
    }
}

impl fmt::Display for CredentialFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::VcJwt => "vc+jwt",
            Self::SdJwt => "vc+sd-jwt",
            Self::DcSdJwt => "dc+sd-jwt",
        })
    }
}

/// What the holder last learned about a credential (from its own content, and from a
/// verification when one was run).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LastKnown {
    /// Title of the qualification, or the skills' names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A qualification's title in every language the credential gives it (a language map;
    /// absent from wallets written before language maps).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub titles: crate::i18n::LanguageMap,
    /// The issuer's DID.
    pub issuer: String,
    /// The issuer's name, from a trust bundle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// Country of award, or the issuer's country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Framework levels.
    #[serde(default)]
    pub levels: Vec<String>,
    /// `valid`, `invalid (…)`, `indeterminate (…)`, or `unchecked`.
    pub status: String,
    /// When that status was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_at: Option<DateTime<Utc>>,
}

/// One credential in the wallet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WalletEntry {
    /// The credential's `id`.
    pub id: String,
    /// How it is secured.
    pub format: CredentialFormat,
    /// The credential exactly as issued (compact JWS, or SD-JWT with every disclosure).
    pub credential: String,
    /// When it was added.
    pub added: DateTime<Utc>,
    /// What is known about it.
    pub last_known: LastKnown,
}

/// The decrypted wallet document.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct WalletDoc {
    #[serde(rename = "type")]
    kind: String,
    version: u32,
    holder: String,
    /// The holder's private JWK (JSON text).
    holder_key: String,
    created: DateTime<Utc>,
    credentials: Vec<WalletEntry>,
}

impl Drop for WalletDoc {
    fn drop(&mut self) {
        self.holder_key.zeroize();
    }
}

/// An open wallet. `Debug` shows the holder's DID and the number of credentials only.
pub struct Wallet {
    key: SecretKey,
    created: DateTime<Utc>,
    credentials: Vec<WalletEntry>,
}

impl fmt::Debug for Wallet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Wallet")
            .field("holder", &self.did())
            .field("credentials", &self.credentials.len())
            .finish()
    }
}

/// The envelope of a credential read without checking its signature: enough to file it or
/// describe it, never to trust it.
pub fn read_unchecked(
    credential: &str,
) -> Result<(CredentialFormat, CheckedCredential), WalletError> {
    let format = CredentialFormat::detect(credential);
    let checked = match format {
        CredentialFormat::VcJwt => peek_unverified::<CredentialJwt>(credential)
            .map_err(|e| WalletError::BadCredential(e.to_string()))?,
        // The holder's copy carries every disclosure: file it by its full content.
        CredentialFormat::SdJwt | CredentialFormat::DcSdJwt => {
            let document = crate::sdjwt::reveal_all_unchecked(credential)
                .map_err(|e| WalletError::BadCredential(e.to_string()))?;
            CheckedCredential::from_value(&document)
                .map_err(|e| WalletError::BadCredential(e.to_string()))?
        }
    };
    Ok((format, checked))
}

impl LastKnown {
    /// What a credential says about itself, not yet checked.
    pub fn unchecked(c: &CheckedCredential) -> Self {
        Self {
            title: c.title.clone(),
            titles: c.titles.clone(),
            issuer: c.issuer.clone(),
            issuer_name: None,
            country: c.country.clone(),
            levels: c.levels.clone(),
            status: "unchecked".into(),
            checked_at: None,
        }
    }
}

impl Wallet {
    /// A new, empty wallet for `key`.
    pub fn new(key: SecretKey, created: DateTime<Utc>) -> Self {
        Self {
            key,
            created,
            credentials: Vec::new(),
        }
    }

    /// The holder's DID: what a migrant gives the college to issue to.
    pub fn did(&self) -> String {
        self.key.public().did()
    }

    /// The holder's key, to sign presentations.
    pub fn key(&self) -> &SecretKey {
        &self.key
    }

    /// The holder's key, taking the wallet apart.
    pub fn into_key(self) -> SecretKey {
        self.key
    }

    /// When the wallet was made.
    pub fn created(&self) -> DateTime<Utc> {
        self.created
    }

    /// The credentials, in the order they were added.
    pub fn credentials(&self) -> &[WalletEntry] {
        &self.credentials
    }

    /// Adds a credential after checking that it is readable, issued to this wallet's
    /// holder, and not already there. `last_known` is what a verification found, or
    /// [`LastKnown::unchecked`] when none was run (then it is derived here).
    pub fn add(
        &mut self,
        credential: &str,
        last_known: Option<LastKnown>,
        now: DateTime<Utc>,
    ) -> Result<&WalletEntry, WalletError> {
        let credential = credential.trim();
        let (format, checked) = read_unchecked(credential)?;
        let holder = self.did();
        if checked.subject_id.as_deref() != Some(holder.as_str()) {
            return Err(WalletError::NotTheHolders {
                subject: checked.subject_id.unwrap_or_else(|| "(none)".into()),
                holder,
            });
        }
        if self.credentials.iter().any(|e| e.id == checked.id) {
            return Err(WalletError::Duplicate(checked.id));
        }
        if self.credentials.len() >= MAX_WALLET_CREDENTIALS {
            return Err(WalletError::Full);
        }
        let last_known = last_known.unwrap_or_else(|| LastKnown::unchecked(&checked));
        self.credentials.push(WalletEntry {
            id: checked.id,
            format,
            credential: credential.to_owned(),
            added: now,
            last_known,
        });
        self.credentials
            .last()
            .ok_or_else(|| WalletError::BadCredential("not added".into()))
    }

    /// Records a newer status for the credential `id`.
    pub fn record(&mut self, id: &str, last_known: LastKnown) -> bool {
        match self.credentials.iter_mut().find(|e| e.id == id) {
            Some(entry) => {
                entry.last_known = last_known;
                true
            }
            None => false,
        }
    }

    /// Finds a credential by its 1-based position in [`Wallet::credentials`], its full
    /// `id`, or a unique ending of its `id` (at least 4 characters).
    pub fn find(&self, selector: &str) -> Option<&WalletEntry> {
        let selector = selector.trim();
        if let Ok(n) = selector.parse::<usize>() {
            if let Some(entry) = n.checked_sub(1).and_then(|i| self.credentials.get(i)) {
                return Some(entry);
            }
        }
        if let Some(entry) = self.credentials.iter().find(|e| e.id == selector) {
            return Some(entry);
        }
        if selector.len() < 4 {
            return None;
        }
        let mut matches = self.credentials.iter().filter(|e| e.id.ends_with(selector));
        match (matches.next(), matches.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// Encrypts the wallet under `passphrase` as a compact JWE.
    pub fn seal(&self, passphrase: &[u8]) -> Result<String, WalletError> {
        check_passphrase(passphrase)?;
        let doc = WalletDoc {
            kind: WALLET_TYPE.into(),
            version: 1,
            holder: self.did(),
            holder_key: self.key.to_private_jwk().to_string(),
            created: self.created,
            credentials: self.credentials.clone(),
        };
        let plaintext = Zeroizing::new(
            serde_json::to_vec(&doc).map_err(|e| WalletError::Encrypt(e.to_string()))?,
        );
        let mut header = JweHeader::new();
        header.set_content_encryption(WALLET_ENC);
        header.set_content_type(WALLET_CTY);
        let mut encrypter = PBES2_HS512_A256KW
            .encrypter_from_bytes(passphrase)
            .map_err(|e| WalletError::Encrypt(e.to_string()))?;
        encrypter.set_salt_len(16);
        encrypter.set_iter_count(PBES2_ITERATIONS);
        jwe::serialize_compact(&plaintext, &header, &encrypter)
            .map_err(|e| WalletError::Encrypt(e.to_string()))
    }

    /// Decrypts and reads a wallet file.
    pub fn open(file: &str, passphrase: &[u8]) -> Result<Self, WalletError> {
        check_passphrase(passphrase)?;
        let file = file.trim();
        check_shape(file)?;
        let decrypter = PBES2_HS512_A256KW
            .decrypter_from_bytes(passphrase)
            .map_err(|_| WalletError::BadPassphrase)?;
        let (plaintext, _header) = jwe::deserialize_compact(file, &decrypter).map_err(|e| {
            // AES key wrap carries an integrity check: with a wrong passphrase the unwrap
            // fails. Once the content key is unwrapped, a failure can only be damage.
            if format!("{e:#}").contains("unwrap") {
                WalletError::WrongPassphrase
            } else {
                WalletError::Corrupted("the encrypted content does not authenticate".into())
            }
        })?;
        let plaintext = Zeroizing::new(plaintext);
        let value = crate::json::parse_strict(&plaintext)
            .map_err(|e| WalletError::Corrupted(format!("decrypted content: {e}")))?;
        let doc: WalletDoc = serde_json::from_value(value)
            .map_err(|e| WalletError::Corrupted(format!("decrypted content: {e}")))?;
        if doc.kind != WALLET_TYPE || doc.version != 1 {
            return Err(WalletError::Corrupted(format!(
                "not a version 1 {WALLET_TYPE}"
            )));
        }
        let key = SecretKey::from_private_jwk(&doc.holder_key)
            .map_err(|e| WalletError::Corrupted(format!("holder key: {e}")))?;
        if key.public().did() != doc.holder {
            return Err(WalletError::Corrupted(
                "the holder DID does not match the holder key".into(),
            ));
        }
        if doc.credentials.len() > MAX_WALLET_CREDENTIALS {
            return Err(WalletError::Corrupted("too many credentials".into()));
        }
        Ok(Self {
            key,
            created: doc.created,
            credentials: doc.credentials.clone(),
        })
    }
}

fn check_passphrase(passphrase: &[u8]) -> Result<(), WalletError> {
    if passphrase.is_empty() || passphrase.len() > MAX_PASSPHRASE_LEN {
        return Err(WalletError::BadPassphrase);
    }
    Ok(())
}

/// Checks that `file` is a compact JWE of the one algorithm pair a wallet uses, with
/// members of the right sizes, before any cryptography runs.
fn check_shape(file: &str) -> Result<(), WalletError> {
    let corrupted = |m: &str| WalletError::Corrupted(m.to_owned());
    if file.len() > MAX_WALLET_LEN {
        return Err(corrupted("larger than any wallet"));
    }
    let parts: Vec<&str> = file.split('.').collect();
    let [header, encrypted_key, iv, ciphertext, tag] = parts.as_slice() else {
        return Err(corrupted(
            "not a wallet file (a compact JWE has 5 parts separated by '.')",
        ));
    };
    let decode = |part: &str, what: &str| {
        URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| WalletError::Corrupted(format!("the {what} is not base64url")))
    };
    let header_bytes = decode(header, "header")?;
    let header: Value = crate::json::parse_strict(&header_bytes)
        .map_err(|_| corrupted("the header is not JSON"))?;
    if header.get("alg").and_then(Value::as_str) != Some(WALLET_ALG)
        || header.get("enc").and_then(Value::as_str) != Some(WALLET_ENC)
    {
        return Err(corrupted(&format!(
            "not a {WALLET_ALG} / {WALLET_ENC} wallet"
        )));
    }
    match header.get("p2c").and_then(Value::as_u64) {
        Some(n) if (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&n) => {}
        _ => {
            return Err(corrupted(
                "the key-derivation iteration count is out of range",
            ))
        }
    }
    let salt_ok = header
        .get("p2s")
        .and_then(Value::as_str)
        .and_then(|s| URL_SAFE_NO_PAD.decode(s).ok())
        .is_some_and(|s| (8..=64).contains(&s.len()));
    if !salt_ok {
        return Err(corrupted("the key-derivation salt is missing or malformed"));
    }
    // A256KW wraps the 32-byte content key into 40 bytes; GCM uses a 96-bit IV and a
    // 128-bit tag.
    if decode(encrypted_key, "wrapped key")?.len() != 40 {
        return Err(corrupted("the wrapped key is not 40 bytes"));
    }
    if decode(iv, "IV")?.len() != 12 {
        return Err(corrupted("the IV is not 12 bytes"));
    }
    decode(ciphertext, "ciphertext")?;
    if decode(tag, "tag")?.len() != 16 {
        return Err(corrupted("the authentication tag is not 16 bytes"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::Fixture;

    const PASS: &[u8] = b"correct horse battery staple";

    fn wallet_with_one(f: &Fixture) -> Wallet {
        let mut w = Wallet::new(SecretKey::from_bytes(&[7; 32]), f.now);
        let vc = f.issue_to(&w.did());
        w.add(&vc, None, f.now).unwrap();
        w
    }

    #[test]
    fn a_sealed_wallet_opens_with_its_passphrase_and_keeps_key_and_credentials() {
        let f = Fixture::new();
        let w = wallet_with_one(&f);
        let sealed = w.seal(PASS).unwrap();
        let opened = Wallet::open(&sealed, PASS).unwrap();
        assert_eq!(opened.did(), w.did());
        assert_eq!(opened.credentials(), w.credentials());
        assert_eq!(
            opened.credentials()[0].last_known.title.as_deref(),
            Some("Bachelor of Science in Nursing")
        );
    }

    #[test]
    fn the_wallet_file_is_a_pbes2_jwe_that_reveals_nothing_in_clear() {
        let f = Fixture::new();
        let w = wallet_with_one(&f);
        let sealed = w.seal(PASS).unwrap();
        let header: Value = serde_json::from_slice(
            &URL_SAFE_NO_PAD
                .decode(sealed.split('.').next().unwrap())
                .unwrap(),
        )
        .unwrap();
        assert_eq!(header["alg"], "PBES2-HS512+A256KW");
        assert_eq!(header["enc"], "A256GCM");
        assert_eq!(header["p2c"], PBES2_ITERATIONS);
        for part in sealed.split('.') {
            let bytes = URL_SAFE_NO_PAD.decode(part).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("Nursing") && !text.contains(&w.did()));
        }
    }

    #[test]
    fn a_wrong_passphrase_is_one_clear_error() {
        let f = Fixture::new();
        let sealed = wallet_with_one(&f).seal(PASS).unwrap();
        assert_eq!(
            Wallet::open(&sealed, b"Correct horse battery staple").unwrap_err(),
            WalletError::WrongPassphrase
        );
    }

    #[test]
    fn a_wallet_with_altered_ciphertext_is_reported_corrupted() {
        let f = Fixture::new();
        let sealed = wallet_with_one(&f).seal(PASS).unwrap();
        let mut parts: Vec<String> = sealed.split('.').map(str::to_owned).collect();
        let mut ct = URL_SAFE_NO_PAD.decode(&parts[3]).unwrap();
        ct[10] ^= 1;
        parts[3] = URL_SAFE_NO_PAD.encode(ct);
        assert!(matches!(
            Wallet::open(&parts.join("."), PASS),
            Err(WalletError::Corrupted(_))
        ));
    }

    #[test]
    fn truncated_and_garbage_wallet_files_are_reported_corrupted() {
        let f = Fixture::new();
        let sealed = wallet_with_one(&f).seal(PASS).unwrap();
        for bad in [
            &sealed[..sealed.len() / 2],
            "",
            "hello",
            "a.b.c.d.e",
            &sealed.replacen('.', ".AAAA", 1), // a too-short wrapped key
        ] {
            assert!(
                matches!(Wallet::open(bad, PASS), Err(WalletError::Corrupted(_))),
                "{bad:.40}"
            );
        }
    }

    #[test]
    fn a_wallet_refuses_a_credential_issued_to_someone_else() {
        let f = Fixture::new();
        let mut w = Wallet::new(SecretKey::generate(), f.now);
        let vc = f.issue_to(&f.holder.public().did());
        assert!(matches!(
            w.add(&vc, None, f.now),
            Err(WalletError::NotTheHolders { .. })
        ));
        assert!(w.credentials().is_empty());
    }

    #[test]
    fn adding_the_same_credential_twice_is_refused_and_keeps_one_copy() {
        let f = Fixture::new();
        let mut w = wallet_with_one(&f);
        let again = w.credentials()[0].credential.clone();
        assert!(matches!(
            w.add(&again, None, f.now),
            Err(WalletError::Duplicate(_))
        ));
        assert_eq!(w.credentials().len(), 1);
    }

    #[test]
    fn credentials_are_found_by_position_id_or_id_ending() {
        let f = Fixture::new();
        let w = wallet_with_one(&f);
        let id = w.credentials()[0].id.clone();
        assert_eq!(w.find("1").unwrap().id, id);
        assert_eq!(w.find(&id).unwrap().id, id);
        assert_eq!(w.find(&id[id.len() - 8..]).unwrap().id, id);
        assert!(w.find("2").is_none());
        assert!(w.find("abc").is_none());
    }

    #[test]
    fn debug_output_shows_no_secret() {
        let f = Fixture::new();
        let w = wallet_with_one(&f);
        let shown = format!("{w:?}");
        assert!(shown.contains(&w.did()));
        assert!(!shown.contains(&*w.key().to_private_jwk()));
    }
}
