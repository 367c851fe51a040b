//! The verifier's commands (an employer, a licensing office, a border or labour official):
//! `verify`, offline, of credentials, presentations, SD-JWT presentations and scanned
//! paper codes; and `equivalence`, what a qualification from one country means in another.

pub(crate) mod equivalence;
pub(crate) mod verify;
