//! The names every Skillpass credential carries: its VC 2.0 context and its JWS `typ`.

/// The VC 2.0 base context, which must come first in `@context`.
pub const VC_CONTEXT_V2: &str = "https://www.w3.org/ns/credentials/v2";
/// The JWS `typ` of a credential (VC-JOSE-COSE).
pub const TYP_VC: &str = "vc+jwt";
