//! Posts and teams written as owners (`财富管理岗`, `综合岗`, `投顾团队`): like a department,
//! they say where the work sits; beside a named person they are not another owner (pure).

/// How a post or team ends: a post (`…岗`) or a team (`…团队`, `…小组`).
const POST_ENDS: &[&str] = &["岗", "团队", "小组"];

/// Whether a written owner is a post or team rather than a person (`运营岗`, `顾团队`).
pub(crate) fn is_post_or_team(w: &str) -> bool {
    let w = w.trim();
    (3..=10).contains(&w.chars().count())
        && w.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && POST_ENDS.iter().any(|e| w.ends_with(e))
}
