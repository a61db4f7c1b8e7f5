//! A member named after their office or post at the start of a clause (pure):
//! `营业部综合岗郝某今天下班前清理`, `信息技术部某某明天开通` — the office says where the person
//! sits; the person does the work.

use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, DEPARTMENT_ENDS};

/// How an office or post ends (`…部`, `…综合岗`, `…专员`).
const POST_ENDS: &[&str] = &["岗", "专员", "代表", "经理", "主管"];

impl Ctx<'_> {
    /// The member named right after a short office or post that opens `s`, and the length in
    /// bytes of the office and the name.
    pub(super) fn office_member(&self, s: &str) -> Option<(Vec<OwnerRef>, usize)> {
        self.members
            .iter()
            .filter(|p| p.name.chars().count() >= 2)
            .filter_map(|p| s.find(p.name.as_str()).map(|at| (p, at)))
            .filter(|(_, at)| *at > 0)
            .min_by_key(|(_, at)| *at)
            .and_then(|(p, at)| {
                let office = s.get(..at)?;
                let n = office.chars().count();
                ((2..=8).contains(&n)
                    && office.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
                    && (office.ends_with(DEPARTMENT_ENDS) || POST_ENDS.iter().any(|w| office.ends_with(w))))
                .then(|| (vec![OwnerRef::Person(p.clone())], at + p.name.len()))
            })
    }
}
