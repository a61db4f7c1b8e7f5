//! An answer that gives the work asked another date (pure): `严博文能否下周一给出选题清单？
//! ——严博文：下周一来不及，下周三前给。` — the one asked agrees to the work by the date they name,
//! so the item keeps the question's work and takes the answer's date; the answer is no item.

use crate::minutes::item::clean_title;
use crate::minutes::scan::{OwnerHow, Scan};

use super::sentence::is_thin;
use super::walk::Walk;

/// An answer saying the date asked is too soon (`下周一来不及`); a reply that only offers a date
/// (`可以，后天下午4点也行`) leaves the one asked.
const TOO_SOON: &[&str] = &[
    "来不及",
    "赶不上",
    "不行",
    "做不完",
    "弄不完",
    "太紧",
    "够呛",
    "改到",
    "推到",
    "延到",
];

impl Walk<'_, '_> {
    /// When sentence `sc` of line `n` answers the question just asked on that line by the owner
    /// of the item it made, saying that date is too soon and naming another with no work of its own
    /// (`下周一来不及，下周三前给`), moves that
    /// item's deadline to it; whether it did.
    pub(super) fn counter_date(&mut self, n: usize, sc: &Scan) -> bool {
        let from_line = self.item_from.as_ref().is_some_and(|(at, _)| *at == n);
        if !from_line
            || !matches!(sc.how, OwnerHow::Label | OwnerHow::Named)
            || sc.deadline.is_none()
            || !TOO_SOON.iter().any(|w| sc.text.contains(w))
            || !is_thin(&clean_title(&sc.text, sc.deadline_text.as_deref()))
        {
            return false;
        }
        let Some(prev) = self.ex.items.last_mut() else {
            return false;
        };
        if prev.owners.is_empty()
            || prev.owners.first() != sc.owners.first()
            || prev.deadline.is_none()
            || prev.deadline == sc.deadline
        {
            return false;
        }
        prev.deadline = sc.deadline;
        prev.deadline_text.clone_from(&sc.deadline_text);
        true
    }
}
