//! Owners named apart in one line (pure): `华东片区由沈嘉木、华南片区由麦振邦分别督促…` (each
//! after its own 由), and in a one-to-one talk `韦志远：那两个客户，你和贺俊…一起上门` (你, the
//! other of the pair, does what the one labelled gives).

use super::addressed::you_do;
use super::ctx::{Ctx, push_unique};
use crate::minutes::owner::OwnerRef;

impl Ctx<'_> {
    /// `A片区由某甲、B片区由某乙分别…`: with the first of them the owner, the others join.
    pub(super) fn each_named_by(&self, line: &str, owners: &mut Vec<OwnerRef>) {
        let Some(cut) = line.find("分别") else {
            return;
        };
        let head = line.get(..cut).unwrap_or_default();
        let mut by: Vec<(usize, OwnerRef)> = self
            .members
            .iter()
            .filter_map(|p| {
                head.find(&format!("由{}", p.name))
                    .map(|at| (at, self.resolve(&p.name)))
            })
            .collect();
        if by.len() < 2 || !owners.first().is_some_and(|o| by.iter().any(|(_, b)| b == o)) {
            return;
        }
        by.sort_by_key(|(at, _)| *at);
        for (_, o) in by {
            push_unique(owners, o);
        }
    }

    /// In a one-to-one talk, a line labelled by one of the pair that gives 你 work: the other
    /// of the pair leads it.
    pub(super) fn told_in_a_pair(&self, line: &str, owners: &mut Vec<OwnerRef>) {
        let Some((a, b)) = &self.pair else {
            return;
        };
        let Some(first) = owners.first() else {
            return;
        };
        let labelled = [format!("{}：", first.name()), format!("{}:", first.name())]
            .iter()
            .any(|l| line.trim_start().starts_with(l.as_str()));
        let said = line.split_once(['：', ':']).map(|(_, r)| r).unwrap_or_default();
        if (first == a || first == b) && labelled && you_do(said) {
            let other = if first == a { b.clone() } else { a.clone() };
            owners.retain(|o| *o != other);
            if let Some(lead) = owners.first_mut() {
                *lead = other;
            }
            // `你和贺俊…一起上门`: the one named beside 你 shares it.
            for p in self.members {
                if ["你和", "你跟", "你与"]
                    .iter()
                    .any(|w| said.contains(&format!("{w}{}", p.name)))
                {
                    push_unique(owners, self.resolve(&p.name));
                }
            }
        }
    }
}
