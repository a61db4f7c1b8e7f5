//! Blocks whose fields list several people's work (pure): `后续安排：秦峰整理…；唐宁评估…`, and
//! `责任人：段宏出具合规意见；龚正排期开发` with `完成时限：合规意见下周五前；开发时间待定` — one item each.

use super::Block;
use crate::minutes::item::{ActionItem, clean_title};
use crate::minutes::scan::{Ctx, OwnerHow, has_task_verb};

impl Block {
    /// The work listed after the decision (`后续安排：…`), one item per part naming its owner,
    /// when the block has no owner field.
    pub(super) fn listed_items(&self, ctx: &Ctx<'_>) -> Option<Vec<ActionItem>> {
        let listed: Vec<ActionItem> = self
            .next
            .iter()
            .flat_map(|n| n.split(['；', ';', '。']))
            .map(|part| ctx.scan(part.trim()))
            .filter(|sc| sc.how != OwnerHow::None && !sc.text.trim().is_empty())
            .map(|sc| ActionItem {
                text: clean_title(&sc.text, sc.deadline_text.as_deref()),
                owners: sc.owners,
                deadline: sc.deadline,
                deadline_text: sc.deadline_text,
                priority: sc.priority,
            })
            .collect();
        (!listed.is_empty() && self.lead.is_empty()).then_some(listed)
    }

    /// An owner field naming each person's task, apart by `；`: one item per person, each with
    /// the deadline in the same place of the deadline field.
    pub(super) fn lead_items(&self, ctx: &Ctx<'_>) -> Option<Vec<ActionItem>> {
        let parts: Vec<&str> = self
            .lead
            .split(['；', ';'])
            .map(|p| p.trim().trim_end_matches('、'))
            .filter(|p| !p.is_empty())
            .collect();
        let dues: Vec<&str> = self.due.split(['；', ';']).map(str::trim).collect();
        if parts.len() < 2 {
            return None;
        }
        let items: Vec<ActionItem> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| (ctx.scan(p), dues.get(i).filter(|_| dues.len() == parts.len())))
            .filter(|(sc, _)| sc.how != OwnerHow::None && has_task_verb(&sc.text))
            .map(|(sc, due)| {
                let d = due.map(|d| ctx.field_deadline(d));
                let (deadline, deadline_text) = match d {
                    Some(d) if d.deadline.is_some() => (d.deadline, d.deadline_text),
                    Some(_) => (None, None),
                    None => (sc.deadline, sc.deadline_text.clone()),
                };
                ActionItem {
                    text: clean_title(&format!("{}：{}", self.title, sc.text), None),
                    owners: sc.owners,
                    deadline,
                    deadline_text,
                    priority: sc.priority,
                }
            })
            .collect();
        (items.len() == parts.len()).then_some(items)
    }
}
