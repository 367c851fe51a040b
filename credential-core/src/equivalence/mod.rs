//! Equivalence table: what a qualification from one country means in another.
//!
//! Two kinds of statement are kept apart everywhere, in types and in words:
//!
//! - **Recognition decisions** ([`RecognitionDecision`]) are authoritative: an authority states
//!   that a qualification is recognised as a named qualification or occupation, fully, partly
//!   (with compensation measures) or not at all, on a legal basis, for a validity period.
//!   Revisions supersede, they never overwrite.
//! - **Comparable levels** ([`ComparableLevel`]) are informational: national frameworks are
//!   referenced to regional ones (EQF, AQRF), and a path such as `NFQ-IE-6 → EQF-5 → DQR-DE-5` says
//!   how levels compare. Where the data says no referencing exists, or that a mapping was not
//!   retrieved, the answer says so instead of guessing.
//!
//! ```
//! use credential_core::equivalence::{EquivalenceQuery, EquivalenceTable};
//!
//! let table = EquivalenceTable::shipped()?;
//! let query = EquivalenceQuery { levels: vec!["RQF-GB-ENG-3".into()], ..Default::default() };
//! let answer = table.query(&query, &"DE".parse()?, chrono::Utc::now());
//! assert_eq!(answer.comparable[0].level, "DQR-DE-4");
//! // The UK left the EQF process: the path is shown, marked historical.
//! assert_eq!(answer.comparable[0].status, "historical");
//! # Ok::<(), credential_core::equivalence::EquivalenceError>(())
//! ```

mod answer;
mod catalog;
mod decision;
mod error;
mod framework;
mod gaps;
mod practice;
mod table;

pub use answer::{
    ComparableLevel, DecisionMatch, DecisionState, Destination, Direction, EquivalenceAnswer,
    EquivalenceQuery, Step,
};
pub use catalog::{
    is_country_code, FrameworkCatalog, LevelRef, FRAMEWORKS_JSON, ISCO08_JSON,
    RECOGNITION_OUTCOMES_JSON, SOURCES_MD,
};
pub use decision::{
    CefrLevel, CompensationMeasure, DecisionDestination, DecisionOrigin, Outcome,
    RecognitionDecision,
};
pub use error::EquivalenceError;
pub use framework::{
    FieldClassification, FieldCode, Framework, FrameworkReferencing, Level, LevelNumber, Link,
    SourceEntry,
};
pub use practice::RecognitionPractice;
pub use table::EquivalenceTable;

#[cfg(test)]
mod corridors;
#[cfg(test)]
mod tests;
