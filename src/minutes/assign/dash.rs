//! A name after the dash that ends an item (pure): `经验材料 —— 某某整理，下周五前报办公室`,
//! `提升方案 —— 某某，十个工作日内提交` — issue 16's "names at the end after a dash", read even
//! when the person is not in the chat (shown as written), if the word starts with a family name.

use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, SURNAMES, TITLED_SURNAMES, has_task_verb};

impl Ctx<'_> {
    /// The person named first after the last dash: the name alone before `，` or the end, or
    /// the name and a short verb (`整理`, `起草`).
    pub(super) fn dash_tail_name(&self, text: &str) -> Option<Vec<OwnerRef>> {
        let tail = ["——", " — ", " – "]
            .iter()
            .filter_map(|d| text.rsplit_once(d).map(|(_, t)| t))
            .min_by_key(|t| t.len())?;
        let clause = tail.split(['，', ',', '；', ';', '。']).next()?.trim();
        let chars: Vec<char> = clause.chars().collect();
        [3usize, 2]
            .iter()
            .find_map(|&n| {
                let name: String = chars.get(..n)?.iter().collect();
                let rest: String = chars.get(n..)?.iter().collect();
                (rest.is_empty() || (rest.chars().count() <= 3 && has_task_verb(&rest))).then_some(name)
            })
            .filter(|name| {
                name.chars()
                    .next()
                    .is_some_and(|c| SURNAMES.contains(c) || TITLED_SURNAMES.contains(c))
            })
            .and_then(|name| self.loose_names(&name))
            .or_else(|| self.titled_member(clause))
    }

    /// `——董秘办阙文静`, `——证券事务代表靳宇航`: a member named after their office or title.
    fn titled_member(&self, clause: &str) -> Option<Vec<OwnerRef>> {
        let m = self
            .members
            .iter()
            .filter(|m| m.name.chars().count() >= 2)
            .find(|m| clause.ends_with(m.name.as_str()))?;
        let office = clause.strip_suffix(m.name.as_str())?;
        (!office.is_empty()
            && office.chars().count() <= 8
            && office.chars().all(|c| c.is_alphabetic() && !c.is_ascii()))
        .then(|| vec![self.resolve(&m.name)])
    }

    /// `T-5：定稿 —— 某某`, `整改要求：补做… —— 某某`: whether the names read alone (`lead`) are the
    /// name after the closing dash — the owner's place, however the item opens.
    pub(super) fn dash_tail_is(&self, text: &str, lead: &[OwnerRef]) -> bool {
        !lead.is_empty() && self.dash_tail_name(text).is_some_and(|found| found == lead)
    }
}
