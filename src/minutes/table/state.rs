//! What a table cell says of its row's state (pure): nothing to do (`—`, `无`), finished
//! (`已完成`, `Done`, done on a date), closed, or put off (`暂缓`, `取消`).

use crate::minutes::scan::{Ctx, Scan};

/// A task cell that says there is nothing to do (`—`, `无`, `/`).
pub(super) fn is_empty_task(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "" | "—" | "-" | "--" | "——" | "无" | "/" | "／" | "N/A" | "n/a" | "暂无"
    )
}

/// A yes/no column of whether the row is finished (`是否办结`, `是否完成`, `是否关闭`).
pub(super) fn settled_column(cs: &[String]) -> Option<usize> {
    cs.iter().position(|c| {
        let c = c.trim();
        c.starts_with("是否")
            && ["完成", "办结", "关闭", "结案", "销号", "完结", "解决", "落实"]
                .iter()
                .any(|w| c.contains(w))
    })
}

/// A yes in a yes/no column (`是`, `√`, `Y`).
pub(super) fn says_yes(cell: &str) -> bool {
    ["是", "√", "✓", "y", "yes"].contains(&cell.trim().to_lowercase().as_str())
}

/// A cell saying the row is finished (`已完成`, `已关闭`, `Done`).
pub(super) fn is_done(cell: &str) -> bool {
    // `已提供（9月28日）`: done, and the day it was done in brackets.
    if let Some((head, aside)) = cell
        .trim()
        .strip_suffix(['）', ')'])
        .and_then(|r| r.rsplit_once(['（', '(']))
        && head.trim().starts_with('已')
        && aside.chars().any(|c| c.is_ascii_digit())
        && aside
            .chars()
            .all(|c| c.is_ascii_digit() || "年月日号/.-: 周一二三四五六七天".contains(c))
    {
        return is_done(head);
    }
    const DONE: &[&str] = &[
        "已完成",
        "已关闭",
        "已办结",
        "已上线",
        "已解决",
        "已执行",
        "已落实",
        "已整改",
        "done",
        "closed",
        "completed",
    ];
    // `✅ 已完成（提前）`: a mark before the word.
    let c = cell
        .trim()
        .trim_start_matches(|ch: char| !ch.is_alphanumeric())
        .to_lowercase();
    // `IT已修复，待客户确认`: done by a team written in letters, only a reply awaited.
    let c = c
        .trim_start_matches(|ch: char| ch.is_ascii_alphabetic())
        .strip_prefix('已')
        .filter(|_| c.starts_with(|ch: char| ch.is_ascii_alphabetic()))
        .map_or(c.clone(), |r| format!("已{r}"));
    // `| ✅ |` alone in a state column (`| ⬜ |` is still to do).
    ["✅", "☑", "☑️", "✔", "✔️", "[x]", "[X]"].contains(&cell.trim())
    // `已于4月10日完成`: done on a date.
    || c.strip_prefix("已于").is_some_and(|r| {
        let r = r.trim_end_matches(['。', '.']);
        ["完成", "办结", "关闭", "上线", "举办", "结束"].iter().any(|w| r.ends_with(w))
            // `已于12月3日报批`, `已于周一发出`: any verb done on a date, not work only begun.
            || done_on_a_date(r)
    })
    // `已完成1个`: part of it, so the rest is still to do (not `已完成，下架7只`).
    || DONE.iter().any(|d| {
        c.strip_prefix(d)
            .is_some_and(|r| !r.trim_start().starts_with(|ch: char| ch.is_ascii_digit()))
    })
    // `| 8月13日办结 |`, `| 14项全部关闭 |`: closed on a day, or every part of it closed (a
    // date before `完成` may be a plan, so only the words that close a case).
    || ["办结", "关闭", "销号", "结案"].iter().any(|w| {
        c.trim_end_matches(['。', '.']).strip_suffix(w).is_some_and(|r| {
            let r = r.trim_end_matches("全部").trim_end_matches('已');
            !r.contains(['未', '待', '拟', '计', '预', '前', '，', ','])
                && (done_on_a_date(&format!("{r}{w}")) || r.ends_with('项') && r.starts_with(|ch: char| ch.is_ascii_digit()))
        })
    })
    // `| 验收通过，本期销号 |`: the last clause closes the case.
    || c.trim_end_matches(['。', '.']).rsplit(['，', ',', '；', ';']).next().is_some_and(|last| {
        c.contains(['，', ',', '；', ';']) && ["销号", "本期销号", "予以销号", "同意销号", "已销号"].contains(&last.trim())
    })
    // `| 已确认：3年 |`: a question answered, the answer after the colon.
    || c.strip_prefix('已').and_then(|r| r.split_once(['：', ':'])).is_some_and(|(verb, _)| {
        (1..=3).contains(&verb.chars().count())
            && ["确认", "答复", "回复", "明确", "定"].iter().any(|w| verb.starts_with(w))
    })
    // `已举办，反馈良好`, `已提交`: any 已 that is not work only begun (`已启动`, `已部分完成`,
    // `已有初稿`, `已完成1个`).
    || c.strip_prefix('已').is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('有')
            && !r.contains(|ch: char| ch.is_ascii_digit())
            && ![
                "启动", "开始", "安排", "立项", "部分", "排期", "分配", "接收", "受理", "延期", "逾期",
                "推迟", "暂停", "取消", "知悉", "提出", "沟通", "对接",
                // `| 已违约 |` in a risk column: the case's state, not the work's.
                "违约", "到期", "触发", "出现", "发生", "跌破", "被", "冻结",
            ]
            .iter()
            .any(|w| r.starts_with(w))
    })
}

/// `12月3日报批` (after `已于`): a date, then a verb that is not work only begun or put off.
fn done_on_a_date(r: &str) -> bool {
    let verb = r
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || c.is_whitespace() || "年月日号周一二三四五六七天上下午".contains(c)
        })
        .trim_end_matches(['。', '.']);
    let dated = verb.len() < r.len();
    dated
        && (1..=6).contains(&verb.chars().count())
        && !verb.contains(|ch: char| ch.is_ascii_digit() || matches!(ch, '，' | ','))
        && ![
            "启动", "开始", "安排", "立项", "部分", "排期", "延期", "推迟", "暂停", "取消", "提出", "约",
        ]
        .iter()
        .any(|w| verb.starts_with(w))
}

/// A state cell whose last clause closes the row (`观察一周无再发，关闭`, `复测通过，已解决`).
pub(super) fn ends_closed(cell: &str) -> bool {
    let last = cell
        .trim()
        .trim_end_matches(['。', '.'])
        .rsplit(['，', ',', '；', ';'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    [
        "关闭",
        "已关闭",
        "完成",
        "已完成",
        "解决",
        "已解决",
        "办结",
        "已办结",
        "结案",
        "销号",
        "closed",
        "done",
    ]
    .contains(&last.as_str())
}

/// `| 下一步 | 客户选择银行理财，关闭 |`, `| 已签约，首笔划款1月8日到账 | — |`, `| 等客户内部评估，
/// 暂无动作 | — |`, `| 厂商新证书未到，到位后再上会 |`: a next-step cell that closes the row,
/// reports it done or waits (on the client, for the next meeting) with no day of its own — no
/// step to take.
pub(super) fn no_step(task: &str, due: &str) -> bool {
    let t = task.trim();
    let undated = ["", "—", "——", "-", "/", "待定", "无"].contains(&due.trim());
    ends_closed(t)
        || (undated
            && (t.starts_with('已')
                || [
                    "暂无动作",
                    "无动作",
                    "再谈",
                    "等客户",
                    "客户说",
                    "已到账",
                    "再上会",
                ]
                .iter()
                .any(|w| t.contains(w))))
}

/// `| 2.5万户 |`, `| 80亿元 |`, `| 95% |` in the deadline column: a target to reach, the row a
/// measure of the plan, not work with a day.
pub(super) fn is_figure(cell: &str) -> bool {
    const UNITS: &[&str] = &[
        "万户", "户", "亿元", "万元", "元", "亿", "万", "%", "％", "家", "人", "笔", "只", "个", "场", "次",
    ];
    let c = cell.trim();
    let number = c.trim_end_matches(|ch: char| !ch.is_ascii_digit());
    let unit = &c[number.len()..];
    !number.is_empty()
        && number
            .chars()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ','))
        && UNITS.contains(&unit.trim())
}

/// A cell saying the row is a standing duty now (`| 常态 |`, `| 转常态推进 |`): nothing new to do.
pub(super) const STANDING: &[&str] = &[
    "常态",
    "常态化",
    "常态化执行",
    "常态推进",
    "常态化推进",
    "转常态",
    "转常态推进",
];

/// A status cell putting the row off (`暂缓`, `取消`): not a task now.
pub(super) fn is_shelved(cell: &str) -> bool {
    const SHELVED: &[&str] = &[
        "暂缓",
        "取消",
        "已取消",
        "搁置",
        "不再跟进",
        "暂停",
        "不通过",
        "否决",
        "驳回",
        // `| 不采纳（与现行考核重复） |`: a suggestion turned down leaves nothing to do.
        "不采纳",
        "不予采纳",
        // `| 选题 | 不采用（与5月重复） |`.
        "不采用",
        "未采用",
        "未采纳",
        // `| 乐观/悲观情景测算 | — | 不要求 |`: not asked for.
        "不要求",
        "不需要",
        // `| 不修复 |`, `| 转需求 |`, `| Won't Do |`, `| Backlog |`: an issue list's rows that are
        // not to be fixed now (turned down, or moved to the requirements pool).
        "不修复",
        "不予修复",
        "暂不修复",
        "暂不处理",
        "不处理",
        "转需求",
        "转入需求",
        "转需求池",
        "won't do",
        "won't fix",
        "wontfix",
        "won’t do",
        "won’t fix",
        "backlog",
        // `| 暂不调整，维持AA |`, `| 不做（合规未同意） |`, `| 本部门暂不提 |`: not done now.
        "暂不",
        "不做",
        "cancelled",
        "canceled",
        "dropped",
        "on hold",
        // `| 撤销（转入采购流程） |`: withdrawn from the list.
        "撤销",
        "已撤销",
        // `| 不同意，直播统一由总部组织 |`, `| 不予安排 |`: the request turned down.
        "不同意",
        "不予",
        // `| 不调整（低于重要性水平） |`: the change asked about is not made.
        "不调整",
        // `| 无需处理（银行正常扣费） |`: nothing to do about the row.
        "无需处理",
        "无需跟进",
        "无需整改",
    ];
    let c = cell
        .trim()
        .trim_start_matches(|ch: char| !ch.is_alphanumeric())
        .to_lowercase();
    // `IT已修复，待客户确认`: done by a team written in letters, only a reply awaited.
    let c = c
        .trim_start_matches(|ch: char| ch.is_ascii_alphabetic())
        .strip_prefix('已')
        .filter(|_| c.starts_with(|ch: char| ch.is_ascii_alphabetic()))
        .map_or(c.clone(), |r| format!("已{r}"));
    // `总部叫停，取消`: the reason first, the last clause putting the row off.
    let last = c
        .trim_end_matches(['。', '.'])
        .rsplit(['，', ',', '；', ';'])
        .next()
        .unwrap_or_default()
        .trim();
    SHELVED.iter().any(|d| c.starts_with(d))
        || ["取消", "已取消", "暂缓", "搁置", "不再跟进", "叫停"].contains(&last)
        || last.contains("暂不")
        // `| 活动已结束，不再制作 |`, `| 不属物料预算，转行政部 |`: nothing more, or another
        // department's to handle.
        || (c.contains(['，', ','])
            && (["不再制作", "不再做", "不再办理", "不再处理", "不再安排", "不再推进"]
                .iter()
                .any(|w| last.starts_with(w))
                || (last.starts_with('转') && last.ends_with(['部', '处', '室']) && last.chars().count() <= 6)))
        // `| 同意，无需补充 |`, `| 物流原因，2月27日到货，不另处理 |`: nothing left to do.
        || (c.contains(['，', ',']) && ["无需", "不另", "不必", "不用"].iter().any(|w| last.starts_with(w)))
}

/// The deadline a state or remark cell (any of `cs` but those in `skip`) moves the row to
/// (`延至10月16日，不再延期`, `延期至5月15日`), read from what is written after the word that moves it.
pub(super) fn moved_to(cs: &[String], skip: &[Option<usize>], ctx: &Ctx<'_>) -> Option<Scan> {
    const MOVED: &[&str] = &[
        "延期至",
        "延期到",
        "延至",
        "延到",
        "推迟至",
        "推迟到",
        "顺延至",
        "顺延到",
        "调整至",
        "改至",
    ];
    let date = |cell: &str| {
        MOVED.iter().find_map(|w| {
            let (_, after) = cell.split_once(w)?;
            let date = after
                .split(['，', ',', '；', ';', '。', '（', '('])
                .next()?
                .trim();
            date.starts_with(|c: char| c.is_ascii_digit())
                .then(|| date.to_owned())
        })
    };
    cs.iter()
        .enumerate()
        .filter(|(i, _)| !skip.contains(&Some(*i)))
        .find_map(|(_, c)| date(c))
        .map(|d| ctx.field_deadline(&d))
        .filter(|m| m.deadline.is_some())
}
