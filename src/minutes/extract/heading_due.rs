//! A deadline stated in an action heading (`二、以下事项请于周五前完成：`, `## 月底前完成`) is
//! the deadline of each item under it that states none of its own (pure).

use crate::domain::deadline::Deadline;
use crate::minutes::item::ActionItem;
use crate::minutes::layout::Section;
use crate::minutes::scan::Ctx;

/// The open heading's deadline and the first item under it.
#[derive(Default)]
pub(super) struct HeadingDue {
    open: Option<(usize, String, Deadline)>,
    /// Opened by a sub-section numbered `（一）`: the next `（二）` ends it, heading or not.
    sub: bool,
}

/// Whether `line` opens with a sub-section's number (`（二）`, `(三)`).
fn sub_numbered(line: &str) -> bool {
    line.trim_start()
        .strip_prefix(['（', '('])
        .and_then(|r| r.split_once(['）', ')']))
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)))
}

impl HeadingDue {
    /// A heading: when it names an action section and a deadline the work is due by
    /// (`…前完成`, `截止…`, `…内完成`), its items from `first` on get it.
    pub(super) fn open(&mut self, heading: &str, section: Section, first: usize, ctx: &Ctx<'_>) {
        self.open = None;
        if section != Section::Action || !["前", "截止", "完成", "内"].iter().any(|w| heading.contains(w))
        {
            return;
        }
        if let Some((text, Some(due))) = ctx.deadline_in(heading) {
            self.open = Some((first, text, due));
            self.sub = sub_numbered(heading);
        }
    }

    /// A line that is no heading: `（二）系统权限` after `（一）行政事项（以下请于…前完成）` ends the
    /// first sub-section's deadline.
    pub(super) fn sibling(&mut self, line: &str, items: &mut [ActionItem]) {
        if self.open.is_some() && self.sub && sub_numbered(line) {
            self.close(items);
        }
    }

    /// The section ends: its items without a deadline (and none written, or only a refused one
    /// left in the work's own words, `中秋月饼发放`) get the heading's.
    pub(super) fn close(&mut self, items: &mut [ActionItem]) {
        let Some((first, text, due)) = self.open.take() else {
            return;
        };
        for item in items.iter_mut().skip(first) {
            let worded = item
                .deadline_text
                .as_deref()
                .is_some_and(|t| !t.is_empty() && item.text.contains(t));
            if item.deadline.is_none() && (item.deadline_text.is_none() || worded) {
                item.deadline = Some(due);
                item.deadline_text = Some(text.clone());
            }
        }
    }
}
