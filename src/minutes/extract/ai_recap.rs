//! An AI summary's recap (pure): `总结` / `章节` then `待办` — the chapters retell the meeting, and
//! the work said there is listed again under 待办. An item read from a chapter or the summary is
//! dropped when the to-do list gives its owner work of their own; the list's line is the item.

use crate::minutes::item::ActionItem;

/// Headings of an AI summary's retelling.
const RECAP: &[&str] = &[
    "章节",
    "会议章节",
    "智能章节",
    "总结",
    "会议总结",
    "摘要",
    "会议摘要",
    "Chapters",
    "Summary",
];
/// Headings of its to-do list.
const TODO: &[&str] = &[
    "待办",
    "待办事项",
    "会议待办",
    "行动项",
    "Action items",
    "Action Items",
    "To-dos",
];

/// A heading line's word, without decoration (`🔖 章节`, `## 待办`, `【待办】`, `待办：`).
fn heading_word(line: &str) -> &str {
    line.trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !crate::minutes::scan::is_cjk(c))
        .trim_start_matches('#')
        .trim()
        .trim_start_matches('【')
        .trim_end_matches(['】', '：', ':'])
        .trim()
}

/// Which part each line is in: `Some(true)` under a to-do heading, `Some(false)` under a recap
/// heading, `None` elsewhere; `None` for all when the minutes have not both.
fn parts(lines: &[String]) -> Option<Vec<Option<bool>>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut now = None;
    let (mut todo, mut recap) = (false, false);
    for l in lines {
        let w = heading_word(l);
        if TODO.contains(&w) {
            now = Some(true);
            todo = true;
        } else if RECAP.contains(&w) {
            now = Some(false);
            recap = true;
        }
        out.push(now);
    }
    (todo && recap).then_some(out)
}

/// The lines an item may have been read from: those holding the longest start of its text (a
/// summary line may name the same work in fewer words).
fn sources(lines: &[String], item: &ActionItem) -> Vec<usize> {
    let chars: Vec<char> = item.text.chars().collect();
    (4..=chars.len().min(16))
        .rev()
        .map(|n| {
            let head: String = chars.iter().take(n).collect();
            lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.contains(head.as_str()))
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// Drops the recap's items whose first owner has work of their own in the to-do list.
pub(super) fn drop_recap_repeats(lines: &[String], items: &mut Vec<ActionItem>) {
    let Some(parts) = parts(lines) else {
        return;
    };
    // A to-do line among its possible sources makes it the list's.
    let part_of = |it: &ActionItem| {
        let found: Vec<Option<bool>> = sources(lines, it)
            .into_iter()
            .map(|i| parts.get(i).copied().flatten())
            .collect();
        if found.contains(&Some(true)) {
            Some(true)
        } else {
            found.first().copied().flatten()
        }
    };
    // Everyone the to-do list gives work to, helpers too (`数据部分` of the one who helps with the
    // report is that report's).
    let listed: Vec<String> = items
        .iter()
        .filter(|it| part_of(it) == Some(true))
        .flat_map(|it| it.owners.iter().map(|o| o.name().to_owned()))
        .collect();
    // `风险管理报告` (景雅楠) beside the list's `2025年度风险管理报告（议案一）定稿` (景雅楠、左思琪):
    // the chapter's shorter words for the same work.
    let in_recap = |it: &ActionItem| {
        sources(lines, it)
            .into_iter()
            .any(|i| parts.get(i).copied().flatten() == Some(false))
    };
    let repeated = |it: &ActionItem| {
        in_recap(it)
            && items.iter().any(|other| {
                other.text.len() > it.text.len()
                    && other.text.contains(it.text.as_str())
                    && part_of(other) == Some(true)
                    && it.owners.first().is_some_and(|o| other.owners.contains(o))
            })
    };
    let keep: Vec<bool> = items
        .iter()
        .map(|it| {
            !((part_of(it) == Some(false)
                && it
                    .owners
                    .first()
                    .is_some_and(|o| listed.iter().any(|n| n == o.name())))
                || repeated(it))
        })
        .collect();
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::minutes::extract::testkit::{owners, run, texts};

    #[test]
    fn the_chapters_work_listed_again_under_the_to_dos_is_one_item() {
        let m = ["唐若溪", "蒋一鸣", "乐雅文"];
        let text = "智能纪要：周例会\n\n总结\n本周上线了新报表。\n\n章节\n00:02 报送口径\n唐若溪让蒋一鸣先出一份影响评估，5月20日前。\n\n\
                    待办\n- [ ] 蒋一鸣：客户资产口径影响评估（5月20日前）\n- [ ] 乐雅文：发出回归测试计划（本周内）\n";
        let ex = run(text, &m);
        assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
        assert!(texts(&ex)[0].contains("客户资产口径影响评估"));
        assert_eq!(owners(&ex)[0], vec!["蒋一鸣".to_owned()]);
        // Work the summary names in fewer words stays the list's.
        let text = "AI 纪要\n## 总结\n- 重点项目：投顾持证辅导、合规轮训。\n## 待办\n- [ ] 投顾持证辅导班报名通知 @蒋一鸣 明天下午\n## 章节\n00:00 预算说明\n";
        assert_eq!(run(text, &m).items.len(), 1);
    }
}
