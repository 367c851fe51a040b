//! IETF Token Status List (`application/statuslist+jwt`): the issuer's revocation bits as
//! an independent SD-JWT VC verifier reads them.
//!
//! One bit per credential (`bits` 1, 0 valid, 1 invalid), the byte array compressed with
//! DEFLATE in the ZLIB format and base64url-encoded as `lst`; the status of index `i` is
//! bit `i % 8` of byte `i / 8`, **least significant bit first** — the reverse of the
//! Bitstring Status List, whose bits this list mirrors. The JWT's `sub` is the list's URI
//! (the `uri` credentials name), signed by the issuer like every other status list.

use std::io::{Read as _, Write as _};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use serde_json::{json, Value};

use crate::jws::{self, Header, JwsError, UnverifiedJws};
use crate::keys::{PublicKey, SecretKey};
use crate::status::Bitstring;

/// The JWS `typ` of a Status List Token.
pub const TYP_STATUS_LIST: &str = "statuslist+jwt";
/// Largest decompressed list accepted: 16 Mi entries of one bit (2 MiB).
pub const MAX_LIST_BYTES: usize = 2 * 1024 * 1024;
/// Largest Status List Token accepted (8 MiB, as for Bitstring list credentials).
pub const MAX_TOKEN_LEN: usize = 8 * 1024 * 1024;

/// What is wrong with a Status List Token or a status reference.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenStatusError {
    /// The JWS itself.
    #[error(transparent)]
    Jws(#[from] JwsError),
    /// `typ` is not `statuslist+jwt`.
    #[error("header typ must be {TYP_STATUS_LIST}")]
    Typ,
    /// Not signed by the key given.
    #[error("the status list token is not signed by the issuer's key")]
    Signature,
    /// The payload lacks or garbles a member.
    #[error("status list token payload: {0}")]
    Payload(String),
    /// `bits` other than 1.
    #[error("only 1-bit status lists are supported, this one has {0} bits")]
    Bits(u64),
    /// `lst` is not base64url ZLIB data within the size limit.
    #[error("lst is not a base64url ZLIB-compressed list of at most {MAX_LIST_BYTES} bytes")]
    Lst,
    /// An index past the end of the list.
    #[error("index {index} is outside the list of {len} entries")]
    Index {
        /// The index asked for.
        index: usize,
        /// Entries in the list.
        len: usize,
    },
}

/// A 1-bit Token Status List.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenStatusList {
    bytes: Vec<u8>,
}

impl TokenStatusList {
    /// The list whose bytes (LSB first) are `bytes`.
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        Self { bytes }
    }

    /// The same statuses as a Bitstring Status List (whose bits run MSB first).
    pub fn from_bitstring(bits: &Bitstring) -> Self {
        Self {
            bytes: bits.as_bytes().iter().map(|b| b.reverse_bits()).collect(),
        }
    }

    /// Entries in the list.
    pub fn len(&self) -> usize {
        self.bytes.len() * 8
    }

    /// Whether the list has no entries.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The raw bytes, LSB first.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether the credential at `index` is invalid (revoked).
    pub fn get(&self, index: usize) -> Result<bool, TokenStatusError> {
        let byte = self.bytes.get(index / 8).ok_or(TokenStatusError::Index {
            index,
            len: self.len(),
        })?;
        Ok(byte >> (index % 8) & 1 == 1)
    }

    /// `lst`: the bytes ZLIB-compressed (best compression) and base64url-encoded.
    pub fn encode_lst(&self) -> String {
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
        let compressed = encoder
            .write_all(&self.bytes)
            .and_then(|()| encoder.finish())
            .unwrap_or_default();
        URL_SAFE_NO_PAD.encode(compressed)
    }

    /// Reads `lst`; decompression stops one byte past [`MAX_LIST_BYTES`].
    pub fn decode_lst(lst: &str) -> Result<Self, TokenStatusError> {
        let compressed = URL_SAFE_NO_PAD
            .decode(lst)
            .map_err(|_| TokenStatusError::Lst)?;
        let mut bytes = Vec::new();
        ZlibDecoder::new(compressed.as_slice())
            .take(MAX_LIST_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| TokenStatusError::Lst)?;
        if bytes.len() > MAX_LIST_BYTES {
            return Err(TokenStatusError::Lst);
        }
        Ok(Self { bytes })
    }

    /// The Status List Token for the list at `uri`, signed by `key` with `kid`, issued at
    /// `iat` and expiring at `exp` (Unix seconds), to be fetched again after `ttl` seconds.
    pub fn sign(
        &self,
        key: &SecretKey,
        kid: &str,
        uri: &str,
        iat: i64,
        exp: i64,
        ttl: u64,
    ) -> String {
        let payload = json!({
            "sub": uri,
            "iat": iat,
            "exp": exp,
            "ttl": ttl,
            "status_list": {"bits": 1, "lst": self.encode_lst()},
        });
        jws::sign(
            key,
            &Header::new(TYP_STATUS_LIST, kid),
            payload.to_string().as_bytes(),
        )
    }

    /// Opens a Status List Token signed by `key`: returns its `sub` and list.
    pub fn open(compact: &str, key: &PublicKey) -> Result<(String, Self), TokenStatusError> {
        let token = Self::open_token(compact, key)?;
        Ok((token.sub, token.list))
    }

    /// Opens a Status List Token signed by `key`, with its expiry (what a registry that
    /// publishes it must look at).
    pub fn open_token(compact: &str, key: &PublicKey) -> Result<OpenedToken, TokenStatusError> {
        let jws = UnverifiedJws::parse(compact.trim(), MAX_TOKEN_LEN)?;
        if jws.header().typ.as_deref() != Some(TYP_STATUS_LIST) {
            return Err(TokenStatusError::Typ);
        }
        if !jws.verify_with(key) {
            return Err(TokenStatusError::Signature);
        }
        let payload = crate::json::parse_strict(jws.payload())
            .map_err(|e| TokenStatusError::Payload(e.to_string()))?;
        let sub = payload
            .get("sub")
            .and_then(Value::as_str)
            .ok_or_else(|| TokenStatusError::Payload("no sub".into()))?
            .to_owned();
        let list = payload
            .get("status_list")
            .ok_or_else(|| TokenStatusError::Payload("no status_list".into()))?;
        match list.get("bits").and_then(Value::as_u64) {
            Some(1) => {}
            Some(other) => return Err(TokenStatusError::Bits(other)),
            None => return Err(TokenStatusError::Payload("no status_list.bits".into())),
        }
        let lst = list
            .get("lst")
            .and_then(Value::as_str)
            .ok_or_else(|| TokenStatusError::Payload("no status_list.lst".into()))?;
        let exp = match payload.get("exp") {
            None => None,
            Some(v) => Some(
                v.as_i64()
                    .ok_or_else(|| TokenStatusError::Payload("exp is not a number".into()))?,
            ),
        };
        Ok(OpenedToken {
            sub,
            exp,
            list: Self::decode_lst(lst)?,
        })
    }
}

/// A Status List Token whose signature verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedToken {
    /// The list's URI (`sub`).
    pub sub: String,
    /// Its expiry, Unix seconds, if it has one.
    pub exp: Option<i64>,
    /// The statuses.
    pub list: TokenStatusList,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alg::Algorithm;

    // draft-ietf-oauth-status-list, the 1-bit example: statuses
    // 1,0,0,1,1,1,0,1, 1,1,0,0,0,1,0,1 are bytes b9 a3 and lst "eNrbuRgAAhcBXQ".
    const EXAMPLE_LST: &str = "eNrbuRgAAhcBXQ";
    const EXAMPLE_STATUSES: [u8; 16] = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1];

    #[test]
    fn the_drafts_one_bit_example_decodes_lsb_first_and_encodes_back() {
        let list = TokenStatusList::decode_lst(EXAMPLE_LST).unwrap();
        assert_eq!(list.as_bytes(), &[0xb9, 0xa3]);
        for (i, s) in EXAMPLE_STATUSES.iter().enumerate() {
            assert_eq!(list.get(i).unwrap(), *s == 1, "index {i}");
        }
        // zlib at best compression reproduces the draft's string.
        assert_eq!(list.encode_lst(), EXAMPLE_LST);
        assert!(matches!(list.get(16), Err(TokenStatusError::Index { .. })));
    }

    #[test]
    fn a_bitstring_list_and_its_token_list_agree_on_every_index() {
        let mut bits = Bitstring::minimum();
        for i in [0, 3, 9, 4242, 131_071] {
            bits.set(i, true).unwrap();
        }
        let token = TokenStatusList::from_bitstring(&bits);
        assert_eq!(token.len(), bits.len());
        for i in [0, 1, 3, 8, 9, 4241, 4242, 131_070, 131_071] {
            assert_eq!(token.get(i).unwrap(), bits.get(i).unwrap(), "index {i}");
        }
        let again = TokenStatusList::decode_lst(&token.encode_lst()).unwrap();
        assert_eq!(again, token);
    }

    #[test]
    fn a_signed_token_opens_under_the_issuers_key_only_and_garbage_is_refused() {
        let key = SecretKey::generate_for(Algorithm::Es256);
        let list = TokenStatusList::decode_lst(EXAMPLE_LST).unwrap();
        let uri = "https://registry.example/status/1";
        let token = list.sign(
            &key,
            &key.public().did_url(),
            uri,
            1_700_000_000,
            1_700_086_400,
            3600,
        );
        let (sub, opened) = TokenStatusList::open(&token, &key.public()).unwrap();
        let full = TokenStatusList::open_token(&token, &key.public()).unwrap();
        assert_eq!(full.exp, Some(1_700_086_400));
        assert_eq!((full.sub.as_str(), &full.list), (sub.as_str(), &opened));
        assert_eq!(sub, uri);
        assert_eq!(opened, list);
        let other = SecretKey::generate().public();
        assert_eq!(
            TokenStatusList::open(&token, &other),
            Err(TokenStatusError::Signature)
        );
        let wrong_typ = jws::sign(&key, &Header::new("vc+jwt", "k"), b"{}");
        assert_eq!(
            TokenStatusList::open(&wrong_typ, &key.public()),
            Err(TokenStatusError::Typ)
        );
        assert_eq!(
            TokenStatusList::decode_lst("!!"),
            Err(TokenStatusError::Lst)
        );
        assert_eq!(
            TokenStatusList::decode_lst("AAAA"),
            Err(TokenStatusError::Lst)
        );
        // A ZLIB bomb: 3 MiB of zeros compress to a few KiB but are refused.
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&vec![0u8; 3 * 1024 * 1024]).unwrap();
        let bomb = URL_SAFE_NO_PAD.encode(encoder.finish().unwrap());
        assert_eq!(
            TokenStatusList::decode_lst(&bomb),
            Err(TokenStatusError::Lst)
        );
        let two_bits = jws::sign(
            &key,
            &Header::new(TYP_STATUS_LIST, "k"),
            json!({"sub": uri, "status_list": {"bits": 2, "lst": EXAMPLE_LST}})
                .to_string()
                .as_bytes(),
        );
        assert_eq!(
            TokenStatusList::open(&two_bits, &key.public()),
            Err(TokenStatusError::Bits(2))
        );
    }
}
