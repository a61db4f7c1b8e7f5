//! `邝美玲：确认合作框架，春节前完成；C平台费用条款重新谈判，3月13日前给出结论。` (pure): the
//! person labelled before the colon owns every clause of the line that names no one else.

use crate::minutes::owner::OwnerRef;

/// The label before the first colon of `first` (the line's first clause) when it is short and
/// plain enough to be a name or a list of names (`鲍文轩`, `柏振华、冼慧琳`), not a clause.
pub(super) fn head(first: &str) -> Option<&str> {
    let (h, rest) = first.trim_start().split_once(['：', ':'])?;
    let h = h.trim();
    let n = h.chars().count();
    ((2..=16).contains(&n)
        && !rest.trim().is_empty()
        && !h.contains(['，', ',', '。', '；', ';', '（', '(', ' ']))
    .then_some(h)
}

/// The owners a later clause takes from the line's label: those of the line's first item, when
/// every one of them is written in the label.
pub(super) fn inherited(head: Option<&str>, first_owners: Option<&[OwnerRef]>) -> Option<Vec<OwnerRef>> {
    let (h, o) = (head?, first_owners?);
    (!o.is_empty() && o.iter().all(|x| h.contains(x.name()))).then(|| o.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_label_is_a_head_and_a_clause_is_not() {
        assert_eq!(head("鲍文轩：搭建看板，2月27日前上线"), Some("鲍文轩"));
        assert_eq!(head("会议要求，各部门：周五前报送"), None);
        let o = vec![OwnerRef::Unresolved("鲍文轩".to_owned())];
        assert_eq!(inherited(Some("鲍文轩"), Some(&o)), Some(o.clone()));
        assert_eq!(inherited(Some("综合部"), Some(&o)), None);
    }
}
