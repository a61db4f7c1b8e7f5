//! The words the owner rules share (pure): lead and helper verbs, and adding owners once.

use crate::minutes::owner::OwnerRef;

/// Words after which the words before them name the lead (`曹丕负责`, `小乔你…`).
pub(super) const LEAD_VERBS: &[&str] = &[
    "共同",
    "来",
    "去",
    "负责",
    "牵头",
    "主责",
    "主导",
    "来做",
    "来负责",
    "来跟",
    "跟进",
    "汇总",
    "组织",
    "一起",
    "统筹",
    "你",
    "我自己",
];
/// Words after which the words before them name a helper (`常遇春配合`).
pub(super) const HELP_VERBS: &[&str] = &["配合", "协助", "协同", "帮忙", "参与"];

/// Adverbs between a name and its verb (`宫雪继续跟进`, `李四尽快牵头`).
pub(super) const ADVERBS: &[&str] = &[
    "继续", "尽快", "抓紧", "马上", "立即", "统一", "重新", "具体", "亲自", "再", "先", "也", "还", "都",
];

/// Appends the owners not yet in `out`.
pub(super) fn extend(out: &mut Vec<OwnerRef>, found: Vec<OwnerRef>) {
    for o in found {
        if !out.contains(&o) {
            out.push(o);
        }
    }
}
