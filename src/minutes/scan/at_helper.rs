//! `柯南 @董青 组织系统测试，3月22日`, `柯南 @董青：制定细则`: a name written before the line's
//! first mention is the one the writer put first — it leads (主办) and whoever is mentioned
//! helps (an AI summary's to-do, a chat's `X @Y` hand-off). The order written wins over the order
//! found (mentions are read first) (pure).

use crate::minutes::owner::OwnerRef;

/// Moves to the front the owner whose name is all `line` holds before its first `@`.
pub(super) fn writer_first(line: &str, owners: &mut [OwnerRef]) {
    let Some(at) = line.find(['@', '＠']) else {
        return;
    };
    let before = line.get(..at).unwrap_or_default().trim();
    if before.is_empty() {
        return;
    }
    if let Some(i) = owners.iter().position(|o| o.name() == before)
        && i > 0
    {
        owners[..=i].rotate_right(1);
    }
}
