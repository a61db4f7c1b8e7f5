//! Work handed to several people by `@` in one line, each with their own (pure): `明天检查，请
//! @某甲 今晚10点前把档案装盒，@某乙 明早8点半前把登记簿放到前台` is two pieces of work, one line
//! each, as a notice in a chat writes them; `@某甲 负责…，@某乙 配合` stays one.

use crate::domain::ids::Person;
use crate::minutes::scan::has_task_verb;

/// Words after a mention that help with the work already given rather than give new work.
const HELPS: &[&str] = &["配合", "协助", "协办", "支持", "一起", "参与", "帮"];

/// The member a clause hands work to: `@某甲 …` or `请 @某甲 …` at its start, then work of its own.
fn handed(clause: &str, members: &[Person]) -> Option<String> {
    let c = clause.trim_start();
    let c = c.strip_prefix('请').unwrap_or(c).trim_start();
    let c = c.strip_prefix(['@', '＠'])?;
    let m = members
        .iter()
        .filter(|m| !m.name.is_empty())
        .find(|m| c.starts_with(m.name.as_str()))?;
    let rest = c[m.name.len()..].trim_start();
    (rest.chars().count() >= 4
        && !HELPS.iter().any(|h| rest.starts_with(h))
        && (has_task_verb(rest) || rest.contains('把')))
    .then(|| m.name.clone())
}

/// `line` as one line per person it hands work to by `@`, when at least two clauses each start
/// with a different member's mention and give work of their own; `[line]` otherwise.
pub(super) fn lines_of(line: String, members: &[Person]) -> Vec<String> {
    if !line.contains(['@', '＠']) {
        return vec![line];
    }
    let clauses: Vec<&str> = line.split_inclusive(['，', '；', ';']).collect();
    let mut starts: Vec<(usize, String)> = Vec::new();
    for (i, c) in clauses.iter().enumerate() {
        if let Some(name) = handed(c, members)
            && !starts.iter().any(|(_, n)| *n == name)
        {
            starts.push((i, name));
        }
    }
    if starts.len() < 2 {
        return vec![line];
    }
    let mut out: Vec<String> = Vec::new();
    for (k, (i, _)) in starts.iter().enumerate() {
        let from = if k == 0 { 0 } else { *i };
        let to = starts.get(k + 1).map_or(clauses.len(), |(j, _)| *j);
        let piece: String = clauses[from..to].concat();
        out.push(piece.trim_end_matches(['，', '；', ';']).to_owned());
    }
    out
}
