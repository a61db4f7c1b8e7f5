//! Members who take a second hand in the lead's work anywhere in the line (pure): who checks it
//! (`…由某甲起草、某乙审核`, `经某乙审定后下发`), guides it (`某乙指导`) or feeds it
//! data (`某乙、某丙分别提供产品和运营数据`). They own the item after the lead; whom it is
//! sent to for sign-off (`报某乙审定`, `交某乙复核`) does not.

use super::words::{ADVERBS, extend, is_second_hand};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::Ctx;

impl Ctx<'_> {
    /// The members of `text` who take a second hand, besides `lead`, in order of appearance.
    pub(super) fn second_hands(&self, text: &str, lead: &[OwnerRef]) -> Vec<OwnerRef> {
        let mut hits: Vec<(usize, Vec<OwnerRef>)> = Vec::new();
        for p in self.members.iter().filter(|p| p.name.chars().count() >= 2) {
            // `某某起草，贺总审定`: a member called by surname and title, the one with that surname.
            let titled = p
                .name
                .chars()
                .next()
                .map(|c| format!("{c}总"))
                .filter(|t| self.resolve(t) == OwnerRef::Person(p.clone()));
            for called in std::iter::once(p.name.as_str()).chain(titled.as_deref()) {
                for (at, name) in text.match_indices(called) {
                    // `报某乙审定`, `交某乙复核`, `发某乙审核`: whom it is sent to signs it off.
                    let before = text.get(..at).unwrap_or_default();
                    if ["报", "交", "发", "给", "送", "呈", "请"]
                        .iter()
                        .any(|w| before.ends_with(w))
                    {
                        continue;
                    }
                    let mut after = text.get(at + name.len()..).unwrap_or_default();
                    while let Some(r) = ADVERBS
                        .iter()
                        .chain(&["分别", "负责"])
                        .find_map(|a| after.strip_prefix(a))
                    {
                        after = r;
                    }
                    if !(is_second_hand(after) || after.starts_with("指导")) {
                        continue;
                    }
                    // `某乙、某丙分别提供…`: the members listed before this one too.
                    let mut found = self.members_listed_before(before);
                    found.push(OwnerRef::Person(p.clone()));
                    hits.push((at, found));
                }
            }
        }
        hits.sort_by_key(|(at, _)| *at);
        let mut out = Vec::new();
        for (_, found) in hits {
            extend(
                &mut out,
                found.into_iter().filter(|o| !lead.contains(o)).collect(),
            );
        }
        out
    }
}
