//! A credential between the verifier's steps: read but not examined ([`Read`]), or taken
//! as far as the signature check ([`Pending`]).

use serde_json::Value;

use super::check::CheckId;
use crate::credential::CheckedCredential;
use crate::jws::UnverifiedJws;
use crate::keys::PublicKey;
use crate::report::Checks;

/// How a credential is secured: the report words its `algorithm` and `signature` checks
/// by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Securing {
    /// A compact JWS (VC-JOSE-COSE, `vc+jwt`), or an SD-JWT's issuer-signed JWS.
    Jose,
    /// An embedded Data Integrity proof (`eddsa-rdfc-2022`).
    DataIntegrity,
}

/// A credential taken as far as the signature check.
pub(crate) struct Pending<'a> {
    pub(super) checks: Checks<CheckId>,
    /// The document and its envelope, once step 1 read them.
    pub(super) credential: Option<(Value, CheckedCredential)>,
    /// The signature and the trusted key to check it with, once step 4 found the key.
    pub(super) signature: Option<(UnverifiedJws<'a>, PublicKey)>,
    /// A signature already checked (a Data Integrity proof is checked as soon as its key
    /// is known: its canonical form was computed at step 1, and it has no batch path).
    pub(super) checked_signature: Option<bool>,
    /// How the credential is secured.
    pub(super) securing: Securing,
    /// `validFrom` formatted once: three details and the summary show it.
    pub(super) valid_from: String,
}

impl Pending<'_> {
    pub(super) fn stopped(checks: Checks<CheckId>) -> Self {
        Self {
            checks,
            credential: None,
            signature: None,
            checked_signature: None,
            securing: Securing::Jose,
            valid_from: String::new(),
        }
    }
}

/// A credential whose signed payload was read (steps 0 and 1a–1c) and not yet examined.
pub(crate) struct Read<'a> {
    pub(super) checks: Checks<CheckId>,
    pub(super) jws: UnverifiedJws<'a>,
    /// The length of the token as given, for the well-formed detail.
    pub(super) len: usize,
    /// The signed payload. The SD-JWT verifier replaces it with the document its
    /// disclosures reveal before the envelope is read.
    pub(crate) document: Value,
}

/// What [`Verifier::read`](super::Verifier) hands back: a token read as far as its
/// envelope, or the checks that refused it.
// Moved once per credential on the hot path; boxing `Read` would add an allocation to
// every verification for no gain.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Reading<'a> {
    /// Read: the steps after it may run.
    Read(Read<'a>),
    /// Refused at step 1 or 2; only the report remains to be made.
    Stopped(Checks<CheckId>),
}
