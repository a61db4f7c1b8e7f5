//! A deadline the last of several tasks on one line gives them all (pure):
//! `甲负责…；乙负责…，均本周内完成`, `…；…，都在10月23日前完成`.

use crate::minutes::item::ActionItem;
use crate::minutes::scan::Scan;

/// The deadline the last sentence of a line shares with those before it (`均本周内完成`): the
/// date words right after `均`/`都` (`均在`, `均于`).
pub(super) fn shared(last: &Scan, sentence: &str) -> Option<Scan> {
    let words = last.deadline_text.as_deref()?;
    last.deadline?;
    ["均", "都", "均在", "均于", "都在", "都于"]
        .iter()
        .any(|w| sentence.contains(&format!("{w}{words}")))
        .then(|| last.clone())
}

/// An item with no date of its own takes the shared one.
pub(super) fn give(item: &mut ActionItem, due: Option<&Scan>) {
    if let Some(d) = due.filter(|_| item.deadline.is_none() && item.deadline_text.is_none()) {
        item.deadline = d.deadline;
        item.deadline_text.clone_from(&d.deadline_text);
    }
}
