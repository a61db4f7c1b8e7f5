//! A helper said apart from the work they help with (pure): `小沙你负责，下周五前完成预审。文静
//! 配合一下资料收集。` — the second sentence adds 文静 to the work just given, not work of its own.

use super::turns::{Turn, origin};
use crate::minutes::item::{ActionItem, Extraction};

/// What follows the helping verb when the item is one person opening with it (`文静配合一下…`),
/// undated.
fn helps_only(item: &ActionItem) -> Option<&str> {
    if item.owners.len() != 1 || item.deadline.is_some() {
        return None;
    }
    // `子涵也一起看一下…`, `小周帮忙核一下…`: joining the work as helpers do.
    ["配合", "协助", "协同", "也一起", "一起", "帮忙", "也参与"]
        .iter()
        .find_map(|h| {
            item.text.split_once(h).and_then(|(who, rest)| {
                let n = who.chars().count();
                ((1..=4).contains(&n) && who.chars().all(char::is_alphanumeric)).then_some(rest)
            })
        })
}

/// Adds the helper of `item` (settled in turn `turn`) to the item given in that turn or the two
/// before, unless it names whom it helps (work of its own); true when added.
pub(super) fn join_helper(turns: &[Turn], turn: usize, item: &ActionItem, ex: &mut Extraction) -> bool {
    let Some(rest) = helps_only(item) else {
        return false;
    };
    let Some(found) = ex.items.iter_mut().rev().find(|i| {
        origin(turns, &i.text).is_some_and(|f| (turn.saturating_sub(2)..=turn).contains(&f))
            && !i.owners.is_empty()
    }) else {
        return false;
    };
    // `贾瑞你配合罗琦做一下风险揭示书的更新`: helping someone named, with work of its own.
    if found.owners.iter().any(|o| rest.starts_with(o.name())) {
        return false;
    }
    for o in &item.owners {
        if !found.owners.contains(o) {
            found.owners.push(o.clone());
        }
    }
    true
}
