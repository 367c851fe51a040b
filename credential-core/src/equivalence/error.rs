//! Errors of the equivalence table: bad framework data, bad decisions, bad destinations.

/// Why framework data, a recognition decision or a destination was refused.
///
/// Messages are owned strings (not wrapped library errors) so that the error is `Clone`: the
/// shipped catalog is parsed once and a parse failure has to be handed to every caller.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EquivalenceError {
    /// The framework data is not JSON of the expected shape.
    #[error("framework data could not be read: {message}")]
    CatalogJson {
        /// What the JSON parser reported.
        message: String,
    },
    /// The framework data parses but contradicts itself (duplicate ids, links to unknown levels...).
    #[error("framework data is inconsistent: {message}")]
    CatalogInconsistent {
        /// Which record is wrong and how.
        message: String,
    },
    /// A country code is not an ISO 3166-1 alpha-2 code (two uppercase ASCII letters).
    #[error("{field} must be an ISO 3166-1 alpha-2 code such as \"DE\", got {value:?}")]
    MalformedCountry {
        /// Where the code was found, e.g. `origin.country`.
        field: &'static str,
        /// The refused value.
        value: String,
    },
    /// A decision with this id is already in the table; a revision needs a new id and `supersedes`.
    #[error("a decision with id {id:?} is already in the table (a revision needs a new id and `supersedes`)")]
    DuplicateDecision {
        /// The repeated id.
        id: String,
    },
    /// A decision supersedes a decision that is not in the table.
    #[error("decision {id:?} supersedes {supersedes:?}, which is not in the table")]
    UnknownSupersededDecision {
        /// The revising decision.
        id: String,
        /// The id it names as revised.
        supersedes: String,
    },
    /// The outcome and the compensation measures disagree: `partial` needs at least one measure,
    /// `full` and `none` take none.
    #[error("decision {id:?}: {reason}")]
    CompensationMismatch {
        /// The decision.
        id: String,
        /// Which way round the mismatch is.
        reason: String,
    },
    /// Any other structural fault in a decision (empty id, unknown framework level, bad dates...).
    #[error("decision {id:?} is invalid: {reason}")]
    InvalidDecision {
        /// The decision (may be empty when the id itself is the problem).
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// A destination is neither a country code nor a framework id.
    #[error(
        "destination {value:?} is neither a country code (two uppercase letters, e.g. \"DE\") \
         nor a framework id (e.g. \"EQF\")"
    )]
    InvalidDestination {
        /// The refused value.
        value: String,
    },
}
