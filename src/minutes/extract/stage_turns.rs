//! The turns stage of the walk (pure): the line as a turn of talk — the question it answers, the
//! one its label names as 我, the group it is under — and the hand-offs that complete the item
//! just found instead of making a new one (`赵敏：好的，明天下班前收齐。`, `这个我来弄。`).

use crate::minutes::explain::Verdict;
use crate::minutes::scan::{OwnerHow, Scan};

use super::refines;
use super::turns::{self, only_labels_between};
use super::walk::{Here, Walk};
use super::writer::takes_over;

impl Walk<'_, '_> {
    /// Scans the line's `body` with who is speaking; `None` when it completed the item before
    /// it, else the scan and the question another speaker just asked.
    pub(super) fn turns(&mut self, here: &Here<'_>, body: &str) -> Option<(Scan, Option<String>)> {
        let &Here {
            n,
            prev_line,
            trimmed,
            ..
        } = here;
        // In a transcript, the question another speaker just asked (`风险揭示书要不要更新？`):
        // the answer `我先起草一个` is about it.
        let question = self
            .last_said
            .replace((body.to_owned(), self.ctx.speaker.clone()))
            .filter(|(q, who)| {
                self.ctx.speaker.is_some() && *who != self.ctx.speaker && q.contains(['？', '?'])
            })
            // `那应急演练的方案谁来写？下周要报给公司。`: the question is what comes before its mark.
            .map(|(q, _)| turns::asked_about(&q))
            .filter(|q| !q.trim().is_empty());
        if self.ctx.speaker.is_none()
            && let Some((who, said)) = body.split_once(['：', ':'])
            // `夏总：…发了吗？伍佳：我明天发。`: the label's own sentence says 我.
            && said.split(['？', '?', '。', '！']).next().is_some_and(|own| own.contains('我'))
            && self.ctx.members.iter().any(|p| p.name == who.trim())
        {
            self.label_speaker = Some(self.ctx.speaker.replace(self.ctx.resolve(who.trim())));
        }
        let mut scan = self.ctx.scan(body);
        if scan.how == OwnerHow::None
            && let Some((_, people, _)) = &self.group
        {
            scan.owners.clone_from(people);
            scan.how = OwnerHow::Named;
        } else if scan.how == OwnerHow::Named
            && let Some((_, people, _)) = &self.group
            && super::name_heading::helpers_only(body, &scan.owners)
        {
            let helpers = std::mem::replace(&mut scan.owners, people.clone());
            scan.owners
                .extend(helpers.into_iter().filter(|h| !people.contains(h)));
            // Roles given (a lead over the list, a helper on the line): as plain as `负责`.
            scan.how = OwnerHow::Strong;
        } else if scan.how != OwnerHow::None
            && let Some((_, people, _)) = &self.group
            && super::name_heading::companions_only(body, &scan.owners)
        {
            // `【项某】` over `下周：和关某一起把…算出来`: the heading's person leads, the company second.
            let company = std::mem::replace(&mut scan.owners, people.clone());
            scan.owners
                .extend(company.into_iter().filter(|h| !people.contains(h)));
            scan.how = OwnerHow::Strong;
        }
        // `柏杨：端午节前要把路演材料准备好。` then `费翔：这个我来弄。`: the next speaker takes
        // the item just proposed.
        // The one speaking: the transcript's speaker, or a `费翔：` label.
        let said_by = self.ctx.speaker.clone().or_else(|| {
            body.split_once(['：', ':'])
                .map(|(who, _)| who.trim())
                .filter(|who| self.ctx.is_name(who))
                .map(|who| self.ctx.resolve(who))
        });
        // `王立新：赵敏你跟一下，把值守名单收齐。` then `赵敏：好的，明天下班前收齐。`: the
        // one given the work names its date.
        if let Some(sp) = &said_by
            && let Some((from, _)) = &self.item_from
            && only_labels_between(self.lines, *from, n)
            && scan.deadline.is_some()
            && matches!(scan.how, OwnerHow::None)
            && let Some(item) = self.ex.items.last_mut()
            // `…请邵华明天演示一下？` then `邵华：可以，明天下午3点。`: the hour, that day.
            // Not a limit (`春节前`) that `明天上班就发` only promises to beat.
            && (item.deadline.is_none()
                || (refines(item.deadline, scan.deadline)
                    && !item.deadline_text.as_deref().is_some_and(|t| t.ends_with(['前', '内']))))
            && item.owners.first() == Some(sp)
        {
            item.deadline = scan.deadline;
            item.deadline_text = scan.deadline_text.clone();
            self.item_from = None;
            self.tr.note(n, trimmed, Verdict::Detail, Vec::new(), Some(item));
            return None;
        }
        if let Some(sp) = said_by
            && let Some((from, who)) = &self.item_from
            && prev_line == Some(*from)
            && who.as_ref() != Some(&sp)
            && takes_over(body)
            && let Some(item) = self.ex.items.last_mut()
        {
            item.owners = vec![sp.clone()];
            if scan.deadline.is_some() {
                item.deadline = scan.deadline;
                item.deadline_text = scan.deadline_text.clone();
            }
            self.item_from = Some((n, Some(sp)));
            self.tr.note(n, trimmed, Verdict::Detail, Vec::new(), Some(item));
            return None;
        }
        Some((scan, question))
    }
}
