//! The signed documents clients send, opened and checked before anything is stored:
//! credentials (`credential.rs`, with the publish policy), issuers' status lists
//! (`status_list.rs`), authorities' recognition decisions (`decision.rs`) and a new key's
//! proof of possession (`key_proof.rs`).
//!
//! Each kind has its own refusal type holding the core errors it met, typed, and one
//! `From` impl that gives the refusal its code: a JWS error is `invalid_status_list` in a
//! status list and `invalid_decision` in a decision, so the kind decides, not the error.
//! The registry stores what clients signed byte for byte and never re-signs it.

mod credential;
mod decision;
mod key_proof;
mod status_list;

pub(crate) use credential::{envelope, PublishCheck};
pub(crate) use decision::open_decision;
pub(crate) use key_proof::open_rotation;
pub(crate) use status_list::{
    attach_token, check_update, open_status_list, same_bits, token_list_uri,
};
