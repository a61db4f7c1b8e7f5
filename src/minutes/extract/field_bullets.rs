//! Field lines written as sub-bullets (pure): under a bullet that names the work,
//!
//! ```text
//! - 转正审批材料报送
//!   - 负责人：某某
//!   - 时间：本月内
//! ```
//!
//! the nested `- 负责人：…`/`- 时间：…` are the work's fields, read as if written without their
//! marker (`  负责人：…`), as the same fields indented under a numbered line already are.

/// Labels that hold who does the work or by when (a field, not a piece of work).
const FIELD_KEYS: [&str; 16] = [
    "负责人",
    "责任人",
    "主办",
    "主责",
    "牵头",
    "配合",
    "协助",
    "协办",
    "时间",
    "时限",
    "截止",
    "期限",
    "完成时间",
    "节点",
    "owner",
    "due",
];

/// The bullet marker and what follows it: `- 负责人：X` → `负责人：X`.
fn after_bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let rest = t
        .strip_prefix(['-', '*', '•', '·', '◦', '▪'])
        .or_else(|| t.strip_prefix('+'))?;
    rest.starts_with([' ', '\t']).then(|| rest.trim_start())
}

fn indent(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).count()
}

/// Whether `body` is a short field (`负责人：…`, `时间：…`).
fn is_field(body: &str) -> bool {
    body.split_once(['：', ':']).is_some_and(|(key, value)| {
        let key = key.trim().to_lowercase();
        key.chars().count() <= 6 && !value.trim().is_empty() && FIELD_KEYS.iter().any(|k| key.contains(k))
    })
}

/// Drops the marker of every field sub-bullet indented under a bullet that is not a field.
pub(super) fn flatten_field_bullets(lines: &mut [String]) {
    let mut parent: Option<usize> = None;
    for line in lines.iter_mut() {
        if line.trim().is_empty() {
            parent = None;
            continue;
        }
        let Some(body) = after_bullet(line) else {
            parent = None;
            continue;
        };
        let depth = indent(line);
        match parent {
            Some(p) if depth > p && is_field(body) => {
                *line = format!("{}{}", " ".repeat(depth + 2), body);
            }
            _ if !is_field(body) => parent = Some(depth),
            _ => parent = None,
        }
    }
}
