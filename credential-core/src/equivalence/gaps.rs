//! What an answer says is missing: a referencing record's own statement of a gap, and
//! notes kept without repeats.

use super::framework::FrameworkReferencing;

/// Whether `level_id` belongs to one of the frameworks named in `frameworks` (`EQF/AQRF`).
pub(super) fn level_in(level_id: &str, frameworks: &str) -> bool {
    frameworks.split('/').any(|f| {
        level_id
            .strip_prefix(f.trim())
            .is_some_and(|rest| rest.starts_with('-'))
    })
}

/// A plain statement of what a referencing record says is missing, if it says anything is.
pub(super) fn referencing_gap(r: &FrameworkReferencing) -> Option<String> {
    let note = r
        .note
        .as_deref()
        .map(|n| format!(" ({})", n.trim().trim_end_matches('.')))
        .unwrap_or_default();
    if r.is_none_status() {
        Some(format!(
            "no official referencing: {} is not referenced to {}{note}",
            r.from, r.to
        ))
    } else if r.is_comparison_only() {
        Some(format!(
            "{} and {} are only compared in a table, which is not a referencing, and that table is not in the data{note}",
            r.from, r.to
        ))
    } else if r.is_unconfirmed() {
        // "not confirmed: <what the data says>" keeps the data's own words when it has some.
        let detail = r
            .status
            .split_once(':')
            .map(|(_, d)| d.trim().trim_end_matches('.'))
            .filter(|d| !d.is_empty());
        Some(match detail {
            Some(d) => format!("not confirmed: {d}{note}"),
            None => format!(
                "not confirmed: whether {} is referenced to {} is not confirmed{note}",
                r.from, r.to
            ),
        })
    } else if r.level_mapping.is_none() {
        Some(format!(
            "{} is referenced to {} ({}), but the per-level table of that referencing is not in \
             the data, so no comparable level can be given through it{note}",
            r.from, r.to, r.status
        ))
    } else {
        None
    }
}

/// Notes without repeats: several origin levels can hit the same gap.
#[derive(Default)]
pub(super) struct Notes(pub(super) Vec<String>);

impl Notes {
    pub(super) fn push(&mut self, note: String) {
        if !self.0.contains(&note) {
            self.0.push(note);
        }
    }
}
