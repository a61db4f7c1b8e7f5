//! One owner said for the numbered items above (pure): `1. 补充A；` `2. 定稿B。` then
//! `以上两项由某某负责，下周五前完成。` — the owner (and the deadline with them) belongs to each of
//! the items counted, and the line saying so is no item of its own. The shared words are written
//! into each item (`1. 补充A（由某某负责，下周五前完成）`, in brackets so the items
//! stay apart: a second item ending in the same owner's words is no echo of the first) and their own line left blank.

use crate::minutes::layout::{Marker, strip_marker};

/// `以上两项由某某负责，下周五前完成` → (2, `由某某负责，下周五前完成`); `以上各项…` → (0, …):
/// every item just above.
fn shared_owner(line: &str) -> Option<(usize, String)> {
    let s = line.trim().trim_end_matches(['。', '.', '；', ';']);
    let s = ["以上", "上述", "上面"].iter().find_map(|w| s.strip_prefix(w))?;
    let counts: [(&str, usize); 12] = [
        ("两项", 2),
        ("二项", 2),
        ("2项", 2),
        ("三项", 3),
        ("3项", 3),
        ("四项", 4),
        ("4项", 4),
        ("五项", 5),
        ("5项", 5),
        ("各项", 0),
        ("几项", 0),
        ("事项", 0),
    ];
    let (mut rest, n) = counts
        .iter()
        .find_map(|(w, n)| s.strip_prefix(w).map(|r| (r, *n)))?;
    for w in ["工作", "任务", "事项"] {
        rest = rest.strip_prefix(w).unwrap_or(rest);
    }
    let rest = rest.trim_start_matches(['，', ',', ' ', '均', '都', '统', '一']);
    let owner_said = ["负责", "牵头", "跟进", "落实", "承办"]
        .iter()
        .any(|w| rest.contains(w));
    let len = rest.chars().count();
    (owner_said && (3..=40).contains(&len)).then(|| (n, rest.to_owned()))
}

/// Whether a line is a numbered or bulleted item (`1. …`, `2、…`, `（3）…`, `①…`, `- …`): a
/// list marker as the layout reads it, not a Chinese-numbered heading (`一、…`).
fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(['-', '*', '•', '·']) {
        return true;
    }
    let heading = t.starts_with(|c: char| "一二三四五六七八九十".contains(c));
    let (marker, rest) = strip_marker(t);
    marker != Marker::None && !heading && rest.chars().count() > 1
}

/// Writes each shared owner line into the items it counts above it and blanks it.
pub(super) fn spread_shared_owners(lines: &mut [String]) {
    for i in 1..lines.len() {
        let Some((n, tail)) = shared_owner(&lines[i]) else {
            continue;
        };
        let above = lines[..i].iter().rev().take_while(|l| is_list_item(l)).count();
        let take = if n == 0 { above } else { n };
        if take < 2 || above < take {
            continue;
        }
        for l in &mut lines[i - take..i] {
            let body = l.trim_end().trim_end_matches(['。', '.', '；', ';', '，', ',']);
            *l = format!("{body}（{tail}）");
        }
        lines[i].clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_count_and_the_owner() {
        assert_eq!(
            shared_owner("以上两项由严冬负责，下周五前完成。"),
            Some((2, "由严冬负责，下周五前完成".to_owned()))
        );
        assert_eq!(shared_owner("以上均于下周一前完成。"), None);
        assert_eq!(
            shared_owner("以上三项请柳青牵头落实"),
            Some((3, "请柳青牵头落实".to_owned()))
        );
    }
}
