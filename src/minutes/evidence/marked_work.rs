//! Lines marked as work though no to-do label says so (pure): work whose owner is still to name
//! (`（暂未明确责任人）`, `（待认领）`, `摄影师人选——待定`, `负责人和时间待定`), and follow-ups after an
//! arrow or in a countdown plan given to someone named, or to a unit by a date.

use super::facts::LineFacts;
use super::{arrow, arrow_dated, arrow_unit, countdown, owner_to_name};
use crate::minutes::scan::OwnerHow;

/// Whether `f` is work by its marks: an owner still to name, or a follow-up given to someone.
pub(super) fn marked_as_work(f: &LineFacts<'_>) -> bool {
    // `续签的法务审核要尽快推动（暂未明确责任人）`: marked as work whose owner is still to name.
    let owner_pending = [
        "未明确责任人",
        "责任人待定",
        "负责人待定",
        "责任人未定",
        "负责人未定",
        // `数据资产目录二期需求调研（待认领）`: work no one has taken yet.
        "待认领",
        "待分配",
        "待指派",
        "无人认领",
        "owner tbd",
        "no owner yet",
    ]
    .iter()
    .any(|w| f.raw.to_lowercase().contains(w))
        // Not the note alone (`（责任人待定）` under a block).
        && f.scan.text.chars().filter(|c| c.is_alphanumeric()).count() >= 8;
    // `摄影师人选——待定`: the owner's place after a dash, written as still to name.
    // `stock pool 复核 — TBD, 待报名后确定`: the slot after the dash is still to name, a clause after it.
    let slot_pending = f
        .raw
        .rsplit_once(['—', '–'])
        .and_then(|(_, slot)| slot.split([',', '，']).next())
        .is_some_and(|w| ["tbd", "tba", "待定"].contains(&w.trim().to_lowercase().as_str()));
    let owner_dash_pending = (["——待定", "— 待定", "—待定", " - 待定"]
        .iter()
        .any(|w| f.raw.trim_end_matches(['。', ' ']).ends_with(w))
        || slot_pending)
        && f.scan.text.chars().filter(|c| c.is_alphanumeric()).count() >= 4;
    let owner_pending = owner_pending
        || owner_dash_pending
        || (owner_to_name::owner_still_to_name(f.raw)
            && f.scan.text.chars().filter(|c| c.is_alphanumeric()).count() >= 8);
    // `→ 原因未查明，某某尽快协调…`: a follow-up after an arrow, given to someone named.
    // `T-7　课件初审 —— 某某`: a slot in a plan counted back from an event, likewise.
    let arrow_work = ((arrow::opens_with_arrow(f.raw) || countdown::opens_with_countdown(f.raw))
        && matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named))
        // `→ 旧服务器下线申请，IT部负责，月底前。`: a follow-up given to a unit, by a date.
        || (arrow::opens_with_arrow(f.raw) && f.scan.deadline.is_some() && arrow_unit::given_to_a_unit(f.raw))
        || arrow_dated::dated_follow_up(f);
    owner_pending || arrow_work
}
