//! Shapes of a line read against its neighbours (pure): a dated task under a bracketed name, a
//! reply two lines on, a short topic over its own sub-list.

use crate::minutes::evidence::{self, LineFacts};
use crate::minutes::layout::{Marker, Section, is_meta};
use crate::minutes::scan::{Ctx, OwnerHow};
use crate::minutes::speaker::speaker_line;
use crate::minutes::weights::Signal;

/// `【田甜】月底把投诉台账更新完。`: a dated task naming no one else (no other name, no 我 or 你),
/// so the bracketed name owns it even among `【名字】` transcript lines.
pub(super) fn bracket_task(ctx: &Ctx<'_>, section: Section, rest: &str) -> bool {
    let sc = ctx.scan(rest);
    if sc.deadline.is_none() || sc.how != OwnerHow::None || rest.contains(['我', '你']) {
        return false;
    }
    let sig = evidence::signals(&LineFacts {
        section,
        marker: Marker::None,
        todo_label: false,
        scan: &sc,
        raw: rest,
    });
    sig.iter().any(|(s, _)| *s == Signal::TaskVerb) && evidence::score(&sig) >= 0
}

/// Whether only speaker labels and meeting details stand between line `from` and line `n`
/// (`赵敏 00:03:31` between the request and the reply).
pub(super) fn only_labels_between(lines: &[String], from: usize, n: usize) -> bool {
    lines.get(from + 1..n).is_some_and(|between| {
        between.iter().all(|l| {
            let l = l.trim();
            l.is_empty() || speaker_line(l).is_some() || is_meta(l)
        })
    })
}

/// `1. 年度客户回访` over `(1) 陈静负责…`: a short list item heading its own numbered sub-list.
pub(super) fn topic_over_sublist(marker: Marker, body: &str, next_line: Option<&str>) -> bool {
    marker == Marker::List
        && body.chars().count() <= 12
        && !body.contains(['，', ',', '：', ':'])
        && next_line.is_some_and(|l| {
            ["(1)", "（1）", "①", "1)", "1）"]
                .iter()
                .any(|m| l.starts_with(m))
        })
}

/// `（一）合规自查` over `1. …`: a sub-heading numbered `（一）` naming the topic of the numbered
/// list below it (the section around it still counts), not a task.
pub(super) fn paren_topic_over_list(line: &str, body: &str, next_line: Option<&str>) -> bool {
    let numbered = line
        .trim_start()
        .strip_prefix(['（', '('])
        .and_then(|r| r.split_once(['）', ')']))
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)));
    // `（一）2027年财富管理业务规划`: a topic with its year is still a topic.
    numbered
        && (1..=16).contains(&body.chars().count())
        && !body.contains(['，', ',', '：', ':', '。', '；', '（', '('])
        && next_line.is_some_and(|l| ["1.", "1、", "1．"].iter().any(|m| l.starts_with(m)))
}

/// Questions that only ask who does the work, longest first (the asked work is cut before them).
pub(super) const ASKS_WHO: &[&str] = &[
    "谁来负责",
    "谁来做",
    "谁来弄",
    "谁来",
    "谁负责",
    "谁跟",
    "谁牵头",
    "谁去",
    "谁弄",
    "谁写",
    "谁做",
    "哪位来",
];

/// What a question just asked is about: its last sentence before the mark (`…风险揭示书要不要更新？`
/// → `风险揭示书要不要更新`). A question asking only who (`…deck 要更新一版，数据截到11月底。谁来？`)
/// is about the sentence before it, unless that only points back (`对，这个要补。谁做？`): then
/// nothing.
pub(super) fn asked_about(q: &str) -> String {
    let end = q.rfind(['？', '?']).unwrap_or(q.len());
    let head = q.get(..end).unwrap_or_default();
    let start = head.rfind(['。', '！', '!']).map_or(0, |i| i + '。'.len_utf8());
    let asked = head.get(start..).unwrap_or_default();
    // `谁有空？` too asks only who, as a whole question.
    let who_only = ASKS_WHO.iter().chain(&["谁有空"]).any(|w| {
        asked
            .trim()
            .trim_start_matches(['那', '，', ' '])
            .trim_end_matches(['呢', '吧', '啊'])
            .eq(*w)
    });
    if !who_only {
        return asked.to_owned();
    }
    let before = head
        .get(..start)
        .unwrap_or_default()
        .trim_end_matches(['。', '！', '!']);
    let before = before.rsplit(['。', '！', '!']).next().unwrap_or_default();
    let own: usize = before
        .chars()
        .filter(|c| crate::minutes::scan::is_cjk(*c) || c.is_ascii_alphabetic())
        .count();
    let points = ["这个", "这事", "这块", "那个"]
        .iter()
        .any(|w| before.contains(w));
    if points && own < 8 {
        String::new()
    } else {
        before.to_owned()
    }
}
