//! Bitstring status lists.
