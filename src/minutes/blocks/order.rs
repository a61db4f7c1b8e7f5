//! The order of a block's owners (pure): `评审意见：通过。` with a remark after `；` naming someone
//! (`；阎某准备测试数据`) and an action field naming the lead (`实施：饶某负责开发，6月12日前提交`) —
//! the action field's person leads, the remark's helps.

use crate::minutes::owner::OwnerRef;

/// Moves `tail` (owners named only in a remark after the conclusion's `；`) behind the others,
/// keeping each group's order.
pub(super) fn remark_owners_last(owners: &mut Vec<OwnerRef>, tail: &[OwnerRef]) {
    let (back, front): (Vec<OwnerRef>, Vec<OwnerRef>) = owners.drain(..).partition(|o| tail.contains(o));
    owners.extend(front);
    owners.extend(back);
}
