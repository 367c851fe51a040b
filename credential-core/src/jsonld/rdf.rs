//! Expanding a Skillpass document to RDF with only the shipped contexts, in safe mode,
//! and canonicalizing the result with RDFC-1.0.
//!
//! The JSON-LD processor is the `json-ld` crate (a full JSON-LD 1.1 implementation that
//! passes the W3C expansion and toRdf suites); RDFC-1.0 is the `rdf-canon` crate, checked
//! here against the W3C test vectors (`credential-core/tests/rdfc_vectors.rs`). Safe mode
//! means what jsonld.js calls it: a key no context defines, a value that is not a valid
//! IRI where one is required, or a malformed language tag is an error. The JSON-LD
//! algorithms would otherwise drop such data silently — and data dropped before
//! canonicalization is data a Data Integrity signature does not cover.

use std::collections::HashMap;
use std::future::Future;
use std::pin::pin;
use std::sync::OnceLock;
use std::task::{Context, Poll, Waker};

use json_ld::rdf::RdfQuads as _;
use json_ld::syntax::Parse as _;
use json_ld::{IriBuf, JsonLdProcessor as _, RemoteDocument};
use serde_json::Value;

use super::contexts::KNOWN_CONTEXTS;

/// Most Hash N-Degree Quads calls RDFC-1.0 may make for one document before giving up: a
/// credential needs a handful; a crafted dataset of interlinked blank nodes ("poison
/// graph") would otherwise take exponential time.
pub const MAX_HNDQ_CALLS: usize = 4000;

/// Why a document could not be turned into canonical RDF. Messages name terms and rules
/// from the document's structure; values are never repeated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonLdError {
    /// A shipped context file failed to parse (a build defect, not bad input).
    #[error("the shipped context {0} does not parse")]
    ShippedContext(&'static str),
    /// Expansion failed: a term no context defines, a context that is not known, an
    /// invalid keyword use.
    #[error("JSON-LD expansion failed: {0}")]
    Expansion(String),
    /// Expansion would have dropped data (safe mode).
    #[error("JSON-LD safe mode: {0} (such data would be silently dropped, and not signed)")]
    Dropped(String),
    /// RDF Dataset Canonicalization gave up or failed.
    #[error("RDF canonicalization failed: {0}")]
    Canonicalization(String),
}

/// The shipped contexts, parsed once, as the JSON-LD processor's only document loader.
fn loader() -> Result<&'static HashMap<IriBuf, RemoteDocument>, JsonLdError> {
    static LOADER: OnceLock<Result<HashMap<IriBuf, RemoteDocument>, JsonLdError>> = OnceLock::new();
    LOADER
        .get_or_init(|| {
            let mut map = HashMap::new();
            for context in KNOWN_CONTEXTS {
                let bad = || JsonLdError::ShippedContext(context.url);
                let url = IriBuf::new(context.url.to_owned()).map_err(|_| bad())?;
                let (json, _) =
                    json_ld::syntax::Value::parse_str(context.text).map_err(|_| bad())?;
                let mime = "application/ld+json".parse().map_err(|_| bad())?;
                map.insert(
                    url.clone(),
                    RemoteDocument::new(Some(url), Some(mime), json),
                );
            }
            Ok(map)
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Runs a future that never waits: the loader answers from memory, so the JSON-LD
/// processor's futures complete on their first poll.
fn run_ready<F: Future>(future: F) -> Option<F::Output> {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(out) => Some(out),
        Poll::Pending => None,
    }
}

/// Collects what the JSON-LD processor warns about that would drop data. (A value that
/// is not a valid IRI where one is required is found in the expanded document instead:
/// the processor also warns about every term as it defines it, which is not data lost.)
#[derive(Default)]
struct Warnings(Vec<String>);

impl<N> json_ld::warning::Handler<N, json_ld::context_processing::Warning> for Warnings {
    fn handle(&mut self, _: &N, _warning: json_ld::context_processing::Warning) {}
}

impl<N, B: std::fmt::Display> json_ld::warning::Handler<N, json_ld::expansion::Warning<B>>
    for Warnings
{
    fn handle(&mut self, _: &N, warning: json_ld::expansion::Warning<B>) {
        use json_ld::expansion::Warning;
        match warning {
            Warning::MalformedIri(_) => {}
            w @ (Warning::EmptyTerm
            | Warning::BlankNodeIdProperty(_)
            | Warning::MalformedLanguageTag(..)) => self.0.push(w.to_string()),
        }
    }
}

/// Expands `document` (with only the shipped contexts) and converts it to an RDF dataset,
/// in safe mode.
pub fn to_dataset(document: &Value) -> Result<oxrdf::Dataset, JsonLdError> {
    expand_to_dataset(document, loader()?)
}

/// [`to_dataset`] with more contexts than the shipped ones, each a URL and its content:
/// for test vectors written with the W3C examples context, or a caller that ships a
/// context of its own. Still never fetches anything.
pub fn to_dataset_with(
    document: &Value,
    extra: &[(&str, &str)],
) -> Result<oxrdf::Dataset, JsonLdError> {
    let mut map = loader()?.clone();
    for (url, text) in extra {
        let bad = || JsonLdError::Expansion(format!("the extra context {url} does not parse"));
        let url = IriBuf::new((*url).to_owned()).map_err(|_| bad())?;
        let (json, _) = json_ld::syntax::Value::parse_str(text).map_err(|_| bad())?;
        map.insert(url.clone(), RemoteDocument::new(Some(url), None, json));
    }
    expand_to_dataset(document, &map)
}

fn expand_to_dataset(
    document: &Value,
    loader: &HashMap<IriBuf, RemoteDocument>,
) -> Result<oxrdf::Dataset, JsonLdError> {
    let (json, _) = json_ld::syntax::Value::parse_str(&document.to_string())
        .map_err(|e| JsonLdError::Expansion(e.to_string()))?;
    let input = RemoteDocument::new(None, None, json);
    let options = json_ld::Options {
        expansion_policy: json_ld::expansion::Policy {
            invalid: json_ld::expansion::Action::Reject,
            vocab: json_ld::expansion::Action::Keep,
            allow_undefined: false,
        },
        ..Default::default()
    };
    let mut warnings = Warnings::default();
    let mut vocabulary = json_ld::rdf_types::vocabulary::no_vocabulary_mut();
    let mut expanded =
        run_ready(input.expand_full(&mut vocabulary, loader, options, &mut warnings))
            .ok_or_else(|| {
                JsonLdError::Expansion("the document loader did not answer at once".into())
            })?
            .map_err(|e| JsonLdError::Expansion(e.to_string()))?;
    if let Some(first) = warnings.0.first() {
        return Err(JsonLdError::Dropped(first.clone()));
    }
    if expanded
        .traverse()
        .any(|f| matches!(f.as_id(), Some(json_ld::Id::Invalid(_))))
    {
        return Err(JsonLdError::Dropped(
            "a value that must be an absolute IRI (an id, an issuer, a type) is not one".into(),
        ));
    }
    let mut generator = json_ld::rdf_types::generator::Blank::new();
    expanded.relabel_and_canonicalize_with(&mut vocabulary, &mut generator);
    let mut dataset = oxrdf::Dataset::new();
    for quad in expanded
        .rdf_quads_full(&mut vocabulary, &mut generator, None, false)
        .cloned()
    {
        dataset.insert(&convert(quad)?);
    }
    Ok(dataset)
}

type JsonLdQuad = json_ld::rdf_types::Quad<
    json_ld::rdf_types::Id,
    json_ld::rdf_types::Id,
    json_ld::rdf_types::Term<json_ld::rdf_types::Id, json_ld::rdf_types::Literal>,
    json_ld::rdf_types::Id,
>;

fn node(id: json_ld::rdf_types::Id) -> Result<oxrdf::NamedOrBlankNode, JsonLdError> {
    let bad = |what: &str| JsonLdError::Dropped(format!("{what} is not a valid RDF node"));
    Ok(match id {
        json_ld::rdf_types::Id::Iri(iri) => oxrdf::NamedNode::new(iri.as_str())
            .map_err(|_| bad("an IRI"))?
            .into(),
        json_ld::rdf_types::Id::Blank(b) => {
            let label = b.as_str().trim_start_matches("_:");
            oxrdf::BlankNode::new(label)
                .map_err(|_| bad("a blank node"))?
                .into()
        }
    })
}

fn convert(quad: JsonLdQuad) -> Result<oxrdf::Quad, JsonLdError> {
    use json_ld::rdf_types::{Id, LiteralType, Term};
    let json_ld::rdf_types::Quad(subject, predicate, object, graph) = quad;
    let subject: oxrdf::Subject = match node(subject)? {
        oxrdf::NamedOrBlankNode::NamedNode(n) => n.into(),
        oxrdf::NamedOrBlankNode::BlankNode(b) => b.into(),
    };
    let predicate = match predicate {
        Id::Iri(iri) => oxrdf::NamedNode::new(iri.as_str())
            .map_err(|_| JsonLdError::Dropped("a property is not a valid IRI".into()))?,
        Id::Blank(_) => {
            return Err(JsonLdError::Dropped(
                "a blank node is used as a property".into(),
            ))
        }
    };
    let object: oxrdf::Term = match object {
        Term::Id(id) => match node(id)? {
            oxrdf::NamedOrBlankNode::NamedNode(n) => n.into(),
            oxrdf::NamedOrBlankNode::BlankNode(b) => b.into(),
        },
        Term::Literal(literal) => match literal.type_ {
            LiteralType::Any(datatype) => oxrdf::Literal::new_typed_literal(
                literal.value,
                oxrdf::NamedNode::new(datatype.as_str())
                    .map_err(|_| JsonLdError::Dropped("a datatype is not a valid IRI".into()))?,
            )
            .into(),
            LiteralType::LangString(tag) => {
                oxrdf::Literal::new_language_tagged_literal(literal.value, tag.as_str())
                    .map_err(|_| JsonLdError::Dropped("a language tag is not well formed".into()))?
                    .into()
            }
        },
    };
    let graph = match graph {
        None => oxrdf::GraphName::DefaultGraph,
        Some(id) => match node(id)? {
            oxrdf::NamedOrBlankNode::NamedNode(n) => n.into(),
            oxrdf::NamedOrBlankNode::BlankNode(b) => b.into(),
        },
    };
    Ok(oxrdf::Quad::new(subject, predicate, object, graph))
}

/// The canonical N-Quads of `dataset` (RDFC-1.0, SHA-256), within [`MAX_HNDQ_CALLS`].
pub fn canonicalize(dataset: &oxrdf::Dataset) -> Result<String, JsonLdError> {
    let options = rdf_canon::CanonicalizationOptions {
        hndq_call_limit: Some(MAX_HNDQ_CALLS),
    };
    rdf_canon::canonicalize_with::<sha2::Sha256>(dataset, &options)
        .map_err(|e| JsonLdError::Canonicalization(e.to_string()))
}

/// [`to_dataset`] then [`canonicalize`]: the canonical N-Quads a Data Integrity proof
/// hashes.
pub fn canonical_nquads(document: &Value) -> Result<String, JsonLdError> {
    canonicalize(&to_dataset(document)?)
}
