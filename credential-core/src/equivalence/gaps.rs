//! What an answer says is missing: a referencing record's own statement of a gap, and
//! notes kept without repeats.

use super::framework::FrameworkReferencing;
use crate::i18n::{Lang, Msg};

/// Whether `level_id` belongs to one of the frameworks named in `frameworks` (`EQF/AQRF`).
pub(super) fn level_in(level_id: &str, frameworks: &str) -> bool {
    frameworks.split('/').any(|f| {
        level_id
            .strip_prefix(f.trim())
            .is_some_and(|rest| rest.starts_with('-'))
    })
}

/// A plain statement of what a referencing record says is missing, if it says anything is.
/// The data's own note (English, from the shipped tables) is kept beside the sentence.
pub(super) fn referencing_gap(r: &FrameworkReferencing) -> Option<Msg> {
    let pair = |id| Msg::new(id).arg("from", &r.from).arg("to", &r.to);
    let gap = if r.is_none_status() {
        pair("eq-gap-none")
    } else if r.is_comparison_only() {
        pair("eq-gap-comparison-only")
    } else if r.is_unconfirmed() {
        // "not confirmed: <what the data says>" keeps the data's own words when it has some.
        let detail = r
            .status
            .split_once(':')
            .map(|(_, d)| d.trim().trim_end_matches('.'))
            .filter(|d| !d.is_empty());
        match detail {
            Some(d) => Msg::new("eq-gap-unconfirmed-said").arg("detail", d),
            None => pair("eq-gap-unconfirmed"),
        }
    } else if r.level_mapping.is_none() {
        pair("eq-gap-no-level-table").arg("status", &r.status)
    } else {
        return None;
    };
    Some(match r.note.as_deref() {
        Some(n) => Msg::new("eq-with-data-note")
            .arg("text", gap)
            .arg("note", n.trim().trim_end_matches('.')),
        None => gap,
    })
}

/// Notes without repeats: several origin levels can hit the same gap. Each is kept as a
/// message (for the reader's language) and its English text (for JSON).
#[derive(Default)]
pub(super) struct Notes {
    pub(super) english: Vec<String>,
    pub(super) messages: Vec<Msg>,
}

impl Notes {
    pub(super) fn push(&mut self, note: Msg) {
        let english = note.text(Lang::En);
        if !self.english.contains(&english) {
            self.english.push(english);
            self.messages.push(note);
        }
    }
}
