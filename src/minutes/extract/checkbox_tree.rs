//! A checkbox with checkboxes under it (pure): `- [ ] @某甲 估值模块联调` then, indented,
//! `- [ ] 盯市估值结果对数，10月23日前` and `- [x] 行情接口接入`. The parent groups the work; its
//! open children are the items, each its owner's (the parent's mentions) unless it names its own.
//! The parent is read as a heading (`估值模块联调：`).

use crate::minutes::layout::{Marker, strip_marker};

/// A checkbox line (the marks [`strip_marker`] knows): its indentation, whether it is open, and
/// its text after the box.
fn checkbox(line: &str) -> Option<(usize, bool, &str)> {
    let t = line.trim_start();
    let pad = line.len() - t.len();
    match strip_marker(t) {
        (Marker::Open, rest) => Some((pad, true, rest.trim_start())),
        (Marker::Done, rest) => Some((pad, false, rest.trim_start())),
        _ => None,
    }
}

/// The `@name` mentions of `text` (up to a space, a bracket or a stop).
fn mentions(text: &str) -> Vec<&str> {
    text.match_indices(['@', '＠'])
        .filter_map(|(i, m)| {
            let rest = &text[i + m.len()..];
            let end = rest
                .find(|c: char| c.is_whitespace() || "，,。；;（）()：:@＠—".contains(c))
                .unwrap_or(rest.len());
            let name = &rest[..end];
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

/// Rewrites each open checkbox that has indented checkboxes under it as a heading, and gives
/// its mentions to each open child that names no one.
pub(super) fn read_checkbox_trees(lines: &mut [String]) {
    for i in 0..lines.len() {
        let Some((pad, true, text)) = checkbox(&lines[i]) else {
            continue;
        };
        let owners: Vec<String> = mentions(text).into_iter().map(str::to_owned).collect();
        let children: Vec<usize> = (i + 1..lines.len())
            .take_while(|&j| checkbox(&lines[j]).is_some_and(|(p, _, _)| p > pad))
            .collect();
        if children.is_empty() || owners.is_empty() {
            continue;
        }
        let mut title = text.to_owned();
        for o in &owners {
            title = title.replace(&format!("@{o}"), "").replace(&format!("＠{o}"), "");
        }
        for &j in &children {
            if let Some((_, true, child)) = checkbox(&lines[j])
                && mentions(child).is_empty()
            {
                let tags: Vec<String> = owners.iter().map(|o| format!("@{o}")).collect();
                lines[j] = format!("{} {}", lines[j].trim_end(), tags.join(" "));
            }
        }
        lines[i] = format!("{}：", title.trim().trim_end_matches(['：', ':']));
    }
}
