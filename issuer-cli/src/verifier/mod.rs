//! The verifier's commands (an employer, a licensing office, a border or labour official):
//! `verify`, offline, of credentials, presentations, SD-JWT presentations and scanned
//! paper codes; `equivalence`, what a qualification from one country means in another; and
//! `web build`, the same verifier as a web page to host or open from disk.
//! `context`, the JSON-LD contexts the verifier knows.

pub(crate) mod context;
pub(crate) mod equivalence;
pub(crate) mod verify;
pub(crate) mod web;
