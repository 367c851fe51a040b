//! Equivalence table.
