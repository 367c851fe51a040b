//! JSON-LD for Skillpass documents: the contexts a verifier knows (by URL and content
//! digest; none is ever fetched), the context check every credential passes at
//! `well-formed`, and expansion to RDF in safe mode — a term no context defines is an
//! error, never silently dropped — with RDF Dataset Canonicalization (RDFC-1.0), which
//! Data Integrity proofs sign.
//!
//! Layout: `contexts` holds the shipped context files and judges a document's
//! `@context` (and any `relatedResource` digest of it); `rdf` expands a document with
//! only those contexts and canonicalizes the result.

mod contexts;
mod rdf;

#[cfg(test)]
mod tests;

pub use contexts::{
    check_contexts, context_document, ContextError, KnownContext, CREDENTIAL_CONTEXTS,
    EXAMPLES_CONTEXT, KNOWN_CONTEXTS, OB3_CONTEXT, SKILLPASS_CONTEXT, VC_CONTEXT,
};
pub use rdf::{
    canonical_nquads, canonicalize, to_dataset, to_dataset_with, JsonLdError, MAX_HNDQ_CALLS,
};
