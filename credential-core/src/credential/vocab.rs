//! The names every Skillpass credential carries: its contexts and its JWS `typ`.

/// The VC 2.0 base context, which must come first in `@context`.
pub const VC_CONTEXT_V2: &str = crate::jsonld::VC_CONTEXT.url;
/// The Skillpass context, which defines every other term a Skillpass document uses.
pub const SKILLPASS_CONTEXT_V1: &str = crate::jsonld::SKILLPASS_CONTEXT.url;
/// The JWS `typ` of a credential (VC-JOSE-COSE).
pub const TYP_VC: &str = "vc+jwt";
