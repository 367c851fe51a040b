use std::fmt;
use std::io::{Read, Write};

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::StatusError;

/// The fewest entries a list may have: Bitstring Status List §2.1 requires 16 KiB
/// (131,072 bits) so that fetching a list says little about which credential is checked.
pub const MIN_ENTRIES: usize = 131_072;

/// The most entries a decoded list may have: 2^25 bits, a 4 MiB bitstring.
///
/// Lists come from the network, and a few kilobytes of gzip can expand to gigabytes;
/// decompression stops one byte past this size. 4 MiB is 256 times the minimum list,
/// far more than one issuer's list needs.
pub const MAX_ENTRIES: usize = 1 << 25;

const MAX_BYTES: usize = MAX_ENTRIES / 8;

/// The longest `encodedList` string accepted, checked before any decoding.
///
/// It fits the largest list even when stored uncompressed: [`MAX_ENTRIES`] / 8 bytes
/// plus 64 KiB for gzip headers and deflate block overhead, in base64url, plus the
/// multibase prefix (5,679,789 characters, about 5.4 MiB).
pub const MAX_ENCODED_LEN: usize = 1 + (MAX_BYTES + 65_536).div_ceil(3) * 4;

/// Padding is optional on input because some encoders emit it; the spec's form (no
/// padding) is what [`Bitstring::encode`] writes.
const DECODER: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A Bitstring Status List: one status bit per entry, index 0 being the most
/// significant bit of the first byte.
///
/// Its length is always between [`MIN_ENTRIES`] and [`MAX_ENTRIES`] and a multiple of
/// 8. It serializes as its `encodedList` string.
#[derive(Clone, PartialEq, Eq)]
pub struct Bitstring {
    bytes: Vec<u8>,
}

impl Bitstring {
    /// An all-zero list of `entries` bits.
    ///
    /// # Errors
    /// [`StatusError::ListTooShort`] below [`MIN_ENTRIES`], [`StatusError::ListTooLong`]
    /// above [`MAX_ENTRIES`], [`StatusError::LengthNotByteAligned`] unless a multiple of 8.
    pub fn new(entries: usize) -> Result<Self, StatusError> {
        if entries < MIN_ENTRIES {
            return Err(StatusError::ListTooShort { entries });
        }
        if entries > MAX_ENTRIES {
            return Err(StatusError::ListTooLong);
        }
        if !entries.is_multiple_of(8) {
            return Err(StatusError::LengthNotByteAligned { entries });
        }
        Ok(Self {
            bytes: vec![0; entries / 8],
        })
    }

    /// An all-zero list of [`MIN_ENTRIES`] bits; infallible, unlike `new`.
    pub fn minimum() -> Self {
        Self {
            bytes: vec![0; MIN_ENTRIES / 8],
        }
    }

    /// A list made of the given uncompressed bytes.
    ///
    /// # Errors
    /// [`StatusError::ListTooShort`] or [`StatusError::ListTooLong`] as for [`Bitstring::new`].
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, StatusError> {
        if bytes.len() > MAX_BYTES {
            return Err(StatusError::ListTooLong);
        }
        let entries = bytes.len() * 8;
        if entries < MIN_ENTRIES {
            return Err(StatusError::ListTooShort { entries });
        }
        Ok(Self { bytes })
    }

    /// The uncompressed bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The number of entries (bits).
    pub fn len(&self) -> usize {
        self.bytes.len() * 8
    }

    /// Always `false`, since a list has at least [`MIN_ENTRIES`] entries; present because
    /// a `len` without it surprises readers and linters.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The bit at `index`.
    ///
    /// # Errors
    /// [`StatusError::IndexOutOfRange`] if `index >= len()`.
    pub fn get(&self, index: usize) -> Result<bool, StatusError> {
        let byte = self
            .bytes
            .get(index / 8)
            .ok_or(StatusError::IndexOutOfRange {
                index,
                len: self.len(),
            })?;
        Ok(byte & mask(index) != 0)
    }

    /// Sets the bit at `index`.
    ///
    /// # Errors
    /// [`StatusError::IndexOutOfRange`] if `index >= len()`.
    pub fn set(&mut self, index: usize, value: bool) -> Result<(), StatusError> {
        let len = self.len();
        let byte = self
            .bytes
            .get_mut(index / 8)
            .ok_or(StatusError::IndexOutOfRange { index, len })?;
        if value {
            *byte |= mask(index);
        } else {
            *byte &= !mask(index);
        }
        Ok(())
    }

    /// How many bits are set.
    pub fn count_set(&self) -> usize {
        self.bytes.iter().map(|b| b.count_ones() as usize).sum()
    }

    /// The `encodedList` form: `u` (multibase base64url) + base64url without padding of
    /// the gzip-compressed bytes.
    ///
    /// Gzip output differs between compressors, so compare decoded lists, never encoded
    /// strings.
    pub fn encode(&self) -> String {
        let gz = gzip(&self.bytes);
        let mut out = String::with_capacity(1 + gz.len().div_ceil(3) * 4);
        out.push('u');
        URL_SAFE_NO_PAD.encode_string(&gz, &mut out);
        out
    }

    /// Parses an `encodedList` string.
    ///
    /// Decompression stops one byte past [`MAX_ENTRIES`] / 8, so a gzip bomb is
    /// rejected having allocated at most that much.
    ///
    /// # Errors
    /// [`StatusError::MissingMultibasePrefix`], [`StatusError::EncodedListTooLong`],
    /// [`StatusError::InvalidBase64`], [`StatusError::InvalidGzip`] for malformed input;
    /// [`StatusError::ListTooShort`] or [`StatusError::ListTooLong`] for a list of the
    /// wrong size.
    pub fn decode(encoded: &str) -> Result<Self, StatusError> {
        let b64 = encoded
            .strip_prefix('u')
            .ok_or(StatusError::MissingMultibasePrefix)?;
        if encoded.len() > MAX_ENCODED_LEN {
            return Err(StatusError::EncodedListTooLong { len: encoded.len() });
        }
        let gz = DECODER
            .decode(b64)
            .map_err(|_| StatusError::InvalidBase64)?;
        // RFC 1952 allows several concatenated members; anything after the last one that
        // is not a member is an error rather than silently ignored.
        let limit = u64::try_from(MAX_BYTES + 1).unwrap_or(u64::MAX);
        let mut bytes = Vec::new();
        MultiGzDecoder::new(gz.as_slice())
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| StatusError::InvalidGzip(e.to_string()))?;
        Self::from_bytes(bytes)
    }
}

fn mask(index: usize) -> u8 {
    0x80 >> (index % 8)
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    let compressed = encoder.write_all(data).and_then(|()| encoder.finish());
    // Writing into a Vec cannot fail, but the io::Write signature says it might; falling
    // back to a valid uncompressed gzip keeps `encode` infallible without a panic path.
    compressed.unwrap_or_else(|_| gzip_stored(data))
}

/// Gzip with deflate "stored" blocks (RFC 1951 §3.2.4): valid, just not compressed.
pub(super) fn gzip_stored(data: &[u8]) -> Vec<u8> {
    const BLOCK: usize = u16::MAX as usize;
    let mut out = Vec::with_capacity(data.len() + data.len() / BLOCK * 5 + 23);
    // ID1 ID2, CM = deflate, no flags, MTIME 0, no XFL, OS unknown.
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
    if data.is_empty() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    let mut blocks = data.chunks(BLOCK).peekable();
    while let Some(block) = blocks.next() {
        out.push(u8::from(blocks.peek().is_none()));
        let len = u16::try_from(block.len()).unwrap_or(u16::MAX);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    let mut crc = flate2::Crc::new();
    crc.update(data);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    // ISIZE is the length modulo 2^32, which is exactly what the truncating cast gives.
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

impl fmt::Debug for Bitstring {
    // 16 KiB or more of bytes would drown any log or assertion message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Bitstring")
            .field("len", &self.len())
            .field("set", &self.count_set())
            .finish()
    }
}

impl Serialize for Bitstring {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.encode())
    }
}

impl<'de> Deserialize<'de> for Bitstring {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let encoded = String::deserialize(deserializer)?;
        Self::decode(&encoded).map_err(serde::de::Error::custom)
    }
}
