//! A line labelled as an action (`AI:`, `Action:`, `TODO：`) under a status heading (pure): the
//! label says it is work to do, whatever the section above it reports.

use crate::minutes::scan::OwnerHow;
use crate::minutes::weights::Signal;

/// Drops the status section's weight from a labelled line that names its owner and says
/// nothing is done.
pub(super) fn label_over_section(out: &mut Vec<(Signal, i32)>, todo_label: bool, how: OwnerHow) {
    if todo_label
        && how != OwnerHow::None
        && out.iter().any(|(s, _)| *s == Signal::StatusSection)
        && !out.iter().any(|(s, _)| *s == Signal::Done)
    {
        out.retain(|(s, _)| *s != Signal::StatusSection);
    }
}
