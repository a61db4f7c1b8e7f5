//! Anonymous speakers named by a mapping line (pure): a 腾讯会议/飞书 transcript labels its turns
//! `说话人1 00:00:07` and the writer adds `说话人对应：说话人1=杭某 说话人2=房某`. Each numbered
//! label below that line is written as its member's name, so the usual turn and owner rules read it.

use crate::domain::ids::Person;

/// The words a transcript numbers its speakers with.
const LABELS: &[&str] = &["说话人", "发言人", "Speaker ", "Speaker", "speaker "];

/// The pairs of `line`: (`说话人1`, `杭某`) for each `说话人1=杭某` whose name is a member.
fn pairs(line: &str, members: &[Person]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for label in LABELS {
        for (at, _) in line.match_indices(label) {
            let rest = &line[at + label.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.is_empty() {
                continue;
            }
            let Some(after) = rest[digits.len()..].trim_start().strip_prefix(['=', '＝']) else {
                continue;
            };
            let after = after.trim_start();
            if let Some(p) = members
                .iter()
                .filter(|p| !p.name.is_empty() && after.starts_with(p.name.as_str()))
                .max_by_key(|p| p.name.len())
            {
                out.push((format!("{label}{digits}"), p.name.clone()));
            }
        }
    }
    out
}

/// `line` with each numbered label of `pairs` (not followed by another digit) written as its name.
fn rename(line: &str, pairs: &[(String, String)]) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    'scan: while !rest.is_empty() {
        for (label, name) in pairs {
            if let Some(tail) = rest.strip_prefix(label.as_str())
                && !tail.starts_with(|c: char| c.is_ascii_digit())
            {
                out.push_str(name);
                rest = tail;
                continue 'scan;
            }
        }
        let Some(c) = rest.chars().next() else { break };
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Writes the numbered speakers of `lines` as their names, below the first line mapping two or more.
pub(super) fn name_numbered_speakers(lines: &mut [String], members: &[Person]) {
    let Some((at, pairs)) = lines.iter().enumerate().find_map(|(i, l)| {
        let pairs = pairs(l, members);
        (pairs.len() >= 2).then_some((i, pairs))
    }) else {
        return;
    };
    for line in lines.iter_mut().skip(at + 1) {
        *line = rename(line, &pairs);
    }
}
