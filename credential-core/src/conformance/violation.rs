//! One broken rule of the W3C data model: which rule (a stable code) and where (a JSON
//! pointer), never the value.

use std::fmt;

/// A rule of the W3C Verifiable Credentials Data Model 2.0 that a document can break.
///
/// Each has a stable [`code`](Rule::code) (what programs match on, what the VC-API error
/// body carries) and a sentence stating the rule ([`Rule::text`]). The codes are
/// `<property>.<what>`; they never change once published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// The document is not a JSON object.
    NotAnObject,
    /// `@context` is missing (§4.3).
    ContextMissing,
    /// The first `@context` item is not `https://www.w3.org/ns/credentials/v2` (§4.3).
    ContextFirst,
    /// A later `@context` item is neither a URL nor an object (§4.3).
    ContextItem,
    /// A `@context` URL that is not one of the contexts this processor ships: contexts are
    /// never fetched.
    ContextUnknown,
    /// A `@context` redefines a protected term (§5.2.1).
    ContextRedefinesProtectedTerm,
    /// A `@context` cannot be processed as a JSON-LD context (§4.3).
    ContextInvalid,
    /// A property or type no context defines: JSON-LD would drop it (§5.2).
    TermUndefined,
    /// A value that must be an IRI (a type, an id) is not one after expansion (§4.5).
    NotAnIri,
    /// `type` is missing (§4.5).
    TypeMissing,
    /// `type` is not one or more terms or URLs (§4.5).
    TypeNotTerms,
    /// `type` does not include `VerifiableCredential` (§4.5).
    TypeNotCredential,
    /// `type` does not include `VerifiablePresentation` (§4.13).
    TypeNotPresentation,
    /// `id` is not a single URL (§4.4).
    IdNotUrl,
    /// `issuer` is missing (§4.7).
    IssuerMissing,
    /// `issuer` is neither a URL nor an object whose `id` is a URL (§4.7).
    IssuerNotUrl,
    /// `credentialSubject` is missing (§4.8).
    SubjectMissing,
    /// `credentialSubject` is not an object or a non-empty array of objects (§4.8).
    SubjectNotObject,
    /// A `credentialSubject` object makes no claim (§4.8).
    SubjectNoClaims,
    /// `credentialSubject.id` is not a single URL (§4.4).
    SubjectIdNotUrl,
    /// `validFrom` is not an XML Schema `dateTimeStamp` (§4.9).
    ValidFromNotDateTimeStamp,
    /// `validUntil` is not an XML Schema `dateTimeStamp` (§4.9).
    ValidUntilNotDateTimeStamp,
    /// `validUntil` is earlier than `validFrom` (§4.9).
    ValidUntilBeforeValidFrom,
    /// A `name` or `description` is neither a string nor a language value object (§4.6,
    /// §11.1).
    NotLanguageValue,
    /// A `credentialStatus`, `credentialSchema`, `evidence`, `refreshService`,
    /// `termsOfUse` or `proof` value is not an object (or a non-empty array of objects).
    EntryNotObject,
    /// Such an object has no `type` (§4.5, §4.10, §4.11, §5.4, §5.5, §5.6).
    EntryTypeMissing,
    /// Such an object's `type` is not a term or URL string (or a list of them).
    EntryTypeNotTerms,
    /// Such an object's `id` is not a single URL (§4.4).
    EntryIdNotUrl,
    /// A `credentialSchema` has no `id` (§4.11).
    SchemaIdMissing,
    /// A `relatedResource` is not an object (§5.3).
    RelatedResourceNotObject,
    /// A `relatedResource` has no `id` or its `id` is not a URL (§5.3).
    RelatedResourceIdNotUrl,
    /// Two `relatedResource` objects name the same `id` (§5.3).
    RelatedResourceIdDuplicate,
    /// A `relatedResource` has neither `digestSRI` nor `digestMultibase` (§5.3).
    RelatedResourceDigestMissing,
    /// A `digestSRI` or `digestMultibase` is not in its form (§5.3).
    RelatedResourceDigestForm,
    /// A digest of a resource this processor holds is not the digest of its content (§5.3).
    RelatedResourceDigestMismatch,
    /// `holder` is neither a URL nor an object whose `id` is a URL (§4.13).
    HolderNotUrl,
    /// A `verifiableCredential` of a presentation is not an object (§4.13).
    PresentationCredentialNotObject,
    /// An enveloped credential or presentation lacks the base context (§4.13.2).
    EnvelopeContext,
    /// An enveloped credential or presentation's `id` is not a `data:` URL (§4.13.2).
    EnvelopeIdNotDataUrl,
    /// An enveloped object's `type` is not `EnvelopedVerifiableCredential` /
    /// `EnvelopedVerifiablePresentation` (§4.13.2).
    EnvelopeType,
}

impl Rule {
    /// Every rule, in the order of the specification's sections.
    pub const ALL: &'static [Rule] = &[
        Rule::NotAnObject,
        Rule::ContextMissing,
        Rule::ContextFirst,
        Rule::ContextItem,
        Rule::ContextUnknown,
        Rule::ContextRedefinesProtectedTerm,
        Rule::ContextInvalid,
        Rule::TermUndefined,
        Rule::NotAnIri,
        Rule::TypeMissing,
        Rule::TypeNotTerms,
        Rule::TypeNotCredential,
        Rule::TypeNotPresentation,
        Rule::IdNotUrl,
        Rule::IssuerMissing,
        Rule::IssuerNotUrl,
        Rule::SubjectMissing,
        Rule::SubjectNotObject,
        Rule::SubjectNoClaims,
        Rule::SubjectIdNotUrl,
        Rule::ValidFromNotDateTimeStamp,
        Rule::ValidUntilNotDateTimeStamp,
        Rule::ValidUntilBeforeValidFrom,
        Rule::NotLanguageValue,
        Rule::EntryNotObject,
        Rule::EntryTypeMissing,
        Rule::EntryTypeNotTerms,
        Rule::EntryIdNotUrl,
        Rule::SchemaIdMissing,
        Rule::RelatedResourceNotObject,
        Rule::RelatedResourceIdNotUrl,
        Rule::RelatedResourceIdDuplicate,
        Rule::RelatedResourceDigestMissing,
        Rule::RelatedResourceDigestForm,
        Rule::RelatedResourceDigestMismatch,
        Rule::HolderNotUrl,
        Rule::PresentationCredentialNotObject,
        Rule::EnvelopeContext,
        Rule::EnvelopeIdNotDataUrl,
        Rule::EnvelopeType,
    ];

    /// The stable code: what programs match on.
    pub fn code(self) -> &'static str {
        match self {
            Rule::NotAnObject => "document.not-object",
            Rule::ContextMissing => "context.missing",
            Rule::ContextFirst => "context.first-not-vc2",
            Rule::ContextItem => "context.item-not-url-or-object",
            Rule::ContextUnknown => "context.unknown-url",
            Rule::ContextRedefinesProtectedTerm => "context.redefines-protected-term",
            Rule::ContextInvalid => "context.invalid",
            Rule::TermUndefined => "jsonld.term-undefined",
            Rule::NotAnIri => "jsonld.not-an-iri",
            Rule::TypeMissing => "type.missing",
            Rule::TypeNotTerms => "type.not-terms",
            Rule::TypeNotCredential => "type.not-verifiable-credential",
            Rule::TypeNotPresentation => "type.not-verifiable-presentation",
            Rule::IdNotUrl => "id.not-url",
            Rule::IssuerMissing => "issuer.missing",
            Rule::IssuerNotUrl => "issuer.not-url",
            Rule::SubjectMissing => "credentialSubject.missing",
            Rule::SubjectNotObject => "credentialSubject.not-object",
            Rule::SubjectNoClaims => "credentialSubject.no-claims",
            Rule::SubjectIdNotUrl => "credentialSubject.id-not-url",
            Rule::ValidFromNotDateTimeStamp => "validFrom.not-datetimestamp",
            Rule::ValidUntilNotDateTimeStamp => "validUntil.not-datetimestamp",
            Rule::ValidUntilBeforeValidFrom => "validUntil.before-validFrom",
            Rule::NotLanguageValue => "language-value.invalid",
            Rule::EntryNotObject => "entry.not-object",
            Rule::EntryTypeMissing => "entry.type-missing",
            Rule::EntryTypeNotTerms => "entry.type-not-terms",
            Rule::EntryIdNotUrl => "entry.id-not-url",
            Rule::SchemaIdMissing => "credentialSchema.id-missing",
            Rule::RelatedResourceNotObject => "relatedResource.not-object",
            Rule::RelatedResourceIdNotUrl => "relatedResource.id-not-url",
            Rule::RelatedResourceIdDuplicate => "relatedResource.id-duplicate",
            Rule::RelatedResourceDigestMissing => "relatedResource.digest-missing",
            Rule::RelatedResourceDigestForm => "relatedResource.digest-form",
            Rule::RelatedResourceDigestMismatch => "relatedResource.digest-mismatch",
            Rule::HolderNotUrl => "holder.not-url",
            Rule::PresentationCredentialNotObject => "verifiableCredential.not-object",
            Rule::EnvelopeContext => "envelope.context",
            Rule::EnvelopeIdNotDataUrl => "envelope.id-not-data-url",
            Rule::EnvelopeType => "envelope.type",
        }
    }

    /// The rule, as a sentence (English; the code is what programs read).
    pub fn text(self) -> &'static str {
        match self {
            Rule::NotAnObject => "the document must be a JSON object",
            Rule::ContextMissing => "@context must be present",
            Rule::ContextFirst => {
                "the first @context item must be https://www.w3.org/ns/credentials/v2"
            }
            Rule::ContextItem => "each later @context item must be a URL or an object",
            Rule::ContextUnknown => {
                "this @context URL is not one of the contexts Skillpass ships (contexts are never fetched)"
            }
            Rule::ContextRedefinesProtectedTerm => "a @context must not redefine a protected term",
            Rule::ContextInvalid => "each @context item must be processable as a JSON-LD context",
            Rule::TermUndefined => {
                "every property and type must be defined by a context (it would be dropped)"
            }
            Rule::NotAnIri => "a type or identifier must expand to an absolute IRI",
            Rule::TypeMissing => "type must be present",
            Rule::TypeNotTerms => "type must be one or more terms or absolute URL strings",
            Rule::TypeNotCredential => "type must include VerifiableCredential",
            Rule::TypeNotPresentation => "type must include VerifiablePresentation",
            Rule::IdNotUrl => "id must be a single URL",
            Rule::IssuerMissing => "issuer must be present",
            Rule::IssuerNotUrl => "issuer must be a URL or an object whose id is a URL",
            Rule::SubjectMissing => "credentialSubject must be present",
            Rule::SubjectNotObject => {
                "credentialSubject must be an object or a non-empty array of objects"
            }
            Rule::SubjectNoClaims => "each credentialSubject must make at least one claim",
            Rule::SubjectIdNotUrl => "credentialSubject.id must be a single URL",
            Rule::ValidFromNotDateTimeStamp => {
                "validFrom must be an XML Schema dateTimeStamp (date, time and time zone)"
            }
            Rule::ValidUntilNotDateTimeStamp => {
                "validUntil must be an XML Schema dateTimeStamp (date, time and time zone)"
            }
            Rule::ValidUntilBeforeValidFrom => "validUntil must not be earlier than validFrom",
            Rule::NotLanguageValue => {
                "must be a string or a language value object (@value, @language, @direction only)"
            }
            Rule::EntryNotObject => "must be an object or a non-empty array of objects",
            Rule::EntryTypeMissing => "each object must have a type",
            Rule::EntryTypeNotTerms => "type must be one or more terms or absolute URL strings",
            Rule::EntryIdNotUrl => "id must be a single URL",
            Rule::SchemaIdMissing => "each credentialSchema must have an id",
            Rule::RelatedResourceNotObject => "each relatedResource must be an object",
            Rule::RelatedResourceIdNotUrl => "each relatedResource must have an id that is a URL",
            Rule::RelatedResourceIdDuplicate => "relatedResource ids must be unique",
            Rule::RelatedResourceDigestMissing => {
                "each relatedResource must have a digestSRI or a digestMultibase"
            }
            Rule::RelatedResourceDigestForm => {
                "digestSRI must be sha256-/sha384-/sha512- and base64; digestMultibase a multibase digest"
            }
            Rule::RelatedResourceDigestMismatch => {
                "the digest is not the digest of the resource's published content"
            }
            Rule::HolderNotUrl => "holder must be a URL or an object whose id is a URL",
            Rule::PresentationCredentialNotObject => {
                "each verifiableCredential must be an object (a credential or an enveloped credential)"
            }
            Rule::EnvelopeContext => {
                "an enveloped object's @context must include https://www.w3.org/ns/credentials/v2"
            }
            Rule::EnvelopeIdNotDataUrl => "an enveloped object's id must be a data: URL",
            Rule::EnvelopeType => {
                "an enveloped object's type must be EnvelopedVerifiableCredential or EnvelopedVerifiablePresentation"
            }
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One broken rule: which, and where. Never the value, which may be personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The rule broken.
    pub rule: Rule,
    /// JSON pointer (RFC 6901) of the offending place (`/issuer/id`,
    /// `/credentialSubject/1`); `` (empty) for the document itself.
    pub path: String,
}

impl Violation {
    pub(crate) fn new(rule: Rule, path: impl Into<String>) -> Self {
        Self {
            rule,
            path: path.into(),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{at}: {} ({})", self.rule.text(), self.rule.code())
    }
}

/// The pointer of `key` below `parent` (RFC 6901 escaping).
pub(crate) fn child(parent: &str, key: &str) -> String {
    format!("{parent}/{}", key.replace('~', "~0").replace('/', "~1"))
}

/// The pointer of item `index` below `parent`.
pub(crate) fn item(parent: &str, index: usize) -> String {
    format!("{parent}/{index}")
}
