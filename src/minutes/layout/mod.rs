//! The layout of minutes (pure): list markers, headings and the section they open, meta lines
//! (参会人员, 会议时间 …), the meeting's title and date. Headings and sections are here; list
//! markers and labels in `marker`, meta lines, title and date in `meta`.

mod dated_role;
mod due_heading;
mod marker;
mod meeting_day;
mod meta;
mod meta_row;
mod none_said;
mod roster;
mod spaced_meta;
pub(crate) mod task_tag;
mod title;

pub(crate) use self::marker::{Marker, strip_marker, strip_todo_label, unbold_label};
pub(crate) use self::meta::{find_date, find_title, is_generated_note, is_meta, is_routing, starts_with_key};
pub(crate) use self::title::is_meeting_title;

use crate::minutes::scan::is_cjk;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    None,
    Action,
    Decision,
    /// A record of what happened (会议情况, 上周事项, 会议总结, 章节, Highlights).
    Status,
    Other,
}

/// Headings that report the past whatever else they say (`上周待办完成情况`).
const PAST_WORDS: &[&str] = &[
    "上周",
    "上期",
    "上次",
    "上月",
    "完成情况",
    "回顾",
    "已完成",
    "进展",
    // An incident's course (`一、事件经过`, `处置经过`, `Timeline`): what happened.
    "经过",
    "时间线",
    "timeline",
    // `二、本班处理事项` in a shift's handover: what the shift did.
    "本班处理",
    "本班完成",
];
/// Headings of a record, not of tasks.
const STATUS_WORDS: &[&str] = &[
    "情况",
    "概况",
    "业绩",
    "数据",
    "总结",
    "章节",
    "概要",
    "摘要",
    "背景",
    "汇报",
    "通报",
    // `附件：` over a list of attached documents: what is attached, not work.
    "附件",
    // `常规事项（每周）：` over the standing duties each meeting repeats: no new work (but
    // `常规工作（自下周起执行）` sets up new duties, heldout6/41).
    "常规事项",
    "例行事项",
    "日常事项",
    // `交流发言`, `发言摘要`: what each person said at a study or exchange meeting, not work.
    "发言",
    // `【进行中】`, `在办：` on a board: work already under way is reported, not assigned.
    "进行中",
    "在办",
    "办理中",
    "处理中",
    // `一、演练结果`, `检查结果`: how something turned out, reported.
    "结果",
    // `二、问题复盘`, `存在的问题`: what went wrong, reviewed (the fixes come under their own
    // heading; a meeting's title `…复盘会` is no such section).
    "问题复盘",
    "存在问题",
    "存在的问题",
    "问题与不足",
    "highlights",
    "status",
    "summary",
    "update",
];

const ACTION_WORDS: &[&str] = &[
    "待办",
    "行动项",
    "后续跟进",
    "跟进事项",
    "下一步",
    "后续工作",
    "后续安排",
    "工作安排",
    "任务分工",
    "任务安排",
    "分工",
    "待跟进",
    "会后事项",
    "落实事项",
    // `二、需要落实的事项`, `待落实`.
    "落实的事项",
    "需落实",
    "需要落实",
    "待落实",
    // `需要准备的材料：`: what is still to prepare, each piece someone's.
    "需要准备",
    "需准备",
    "责任分工",
    "action",
    "todo",
    "to-do",
    "next step",
    "follow-up",
    "follow up",
    "任务清单",
    "工作部署",
    "督办事项",
    "后续行动",
    "安排",
    "整改措施",
    "改进措施",
    "会后",
    "下阶段",
    "下一阶段",
    "近期工作",
    "重点工作",
    "要做的事",
    "需办",
    "新增事项",
    // `上次跟進事項` … `本周新事項`.
    "新事项",
    "ais",
    "a.i.",
    "新增任务",
    "新增待办",
    "本周新增",
    // `上次待办回顾` … `本次新增`: the new work after the old.
    "本次新增",
    "本期新增",
    "此次新增",
    "这次新增",
    "新增工作",
    "新增安排",
    "新布置",
    "本次布置",
    "本期事项",
    "本期会议事项",
    "本次会议事项",
    "本次事项",
    // `整改要求`, `这次的：` (after `上次布置的事情：`).
    "整改要求",
    // `会议明确以下工作：`, `请做好以下事项：`.
    "以下工作",
    "以下任务",
    "以下事项",
    // `（以下请于7月15日前完成）`: a note asking for the work listed below.
    "以下请",
    "如下工作",
    // Training: `作业布置：`, `课后作业`.
    "作业",
    "任务布置",
    "工作布置",
    "整改事项",
    "整改任务",
    "这次",
    // `三、不设期限：`: a heading that sets the work below no date heads tasks (one that gives the
    // date, `一、下周五前完成：`, is `due_heading`'s).
    "期限",
    "年底完成",
];
/// `三、本周工作` in a weekly meeting: the work set for the week; a heading that also says it
/// reports (`本周工作总结`, `本周工作情况`) is a record. (`下周计划` over plans naming no one stays
/// a record of intentions, corpus 87.)
fn week_plan(lower: &str) -> bool {
    lower.contains("本周工作") && !STATUS_WORDS.iter().any(|w| lower.contains(w))
}
const DECISION_WORDS: &[&str] = &["决议", "议定", "决定", "结论", "decision", "共识", "部署"];
/// The heading text when `line` is a heading.
pub(crate) fn heading(line: &str) -> Option<&str> {
    // `✅ 待办`, `🔖 章节`: a symbol before a heading (AI summaries) is decoration.
    let bare_symbol = line.trim_start_matches(|c: char| is_symbol(c)).trim_start();
    if bare_symbol.len() < line.len() && !bare_symbol.is_empty() {
        return heading(bare_symbol).filter(|h| classify(h) != Section::Other);
    }
    if let Some(r) = line.strip_prefix('#') {
        return Some(r.trim_start_matches('#').trim());
    }
    let short = |s: &str| {
        let n = s.chars().count();
        n > 0 && n <= 16 && !s.contains(['，', ',', '。', '；'])
    };
    let bare = line.trim_end_matches([':', '：']).trim();
    // `…，结论如下：` introduces what follows: its last clause names the section (`…研究部署了近期
    // 重点工作。现纪要如下：` is no action heading).
    if line.ends_with([':', '：']) && bare.ends_with("如下") {
        return Some(bare.rsplit(['。', '，', ',', '；']).next().unwrap_or(bare).trim());
    }
    // `经讨论，会议确定10月19日上线，上线前完成以下工作：`: a sentence whose last clause
    // introduces the work listed below names the section, as `…如下：` does.
    if line.ends_with([':', '：'])
        && bare.contains(['。', '，', ',', '；'])
        && let Some(last) = bare.rsplit(['。', '，', ',', '；']).next().map(str::trim)
        && last.chars().count() <= 20
        && !["研究", "审议", "讨论", "听取", "通报", "汇报", "议题"]
            .iter()
            .any(|w| last.contains(w))
        && ["以下", "下列"].iter().any(|w| {
            last.split_once(w).is_some_and(|(_, r)| {
                ["工作", "事项", "任务", "几项工作", "几件事"]
                    .iter()
                    .any(|k| r.starts_with(k))
            })
        })
    {
        return Some(last);
    }
    // `其他：` alone after a section of tasks: what follows is something else (notes, asides).
    if line.ends_with([':', '：']) && ["其他", "其它"].contains(&bare) {
        return Some(bare);
    }
    // `（一）以下事项请于6月12日前完成：`: a numbered line introducing the list below it.
    if line.ends_with([':', '：'])
        && let Some(rest) = bare
            .strip_prefix(['（', '('])
            .and_then(|r| r.split_once(['）', ')']))
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)))
            .map(|(_, rest)| rest.trim())
        && (rest.starts_with("以下") || rest.starts_with("下列"))
        && rest.chars().count() <= 24
        && !rest.contains(['，', ',', '。', '；'])
    {
        return Some(rest);
    }
    // `（二）会议议定事项`: a numbered section name.
    if let Some((n, rest)) = bare
        .strip_prefix(['（', '('])
        .and_then(|r| r.split_once(['）', ')']))
        && !n.is_empty()
        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
        && short(rest)
        && rest.chars().count() <= 10
        && classify(rest) != Section::Other
    {
        return Some(rest.trim());
    }
    if let Some(r) = bare.strip_prefix('【').and_then(|r| r.strip_suffix('】')) {
        return Some(r.trim());
    }
    if let Some(r) = bare.strip_prefix("**").and_then(|r| r.strip_suffix("**")) {
        let r = r.trim_end_matches([':', '：']).trim();
        return short(r).then_some(r);
    }
    if let Some((n, rest)) = bare.split_once('、')
        && !n.is_empty()
        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
        && short(rest)
        && (classify(rest) != Section::Other
            || due_heading::is_due_heading(rest)
            || (rest.chars().count() <= 10
                && !rest.contains(['负', '牵', '配', '责'])
                && !rest.chars().any(|c| c.is_ascii_digit())))
    {
        return Some(rest.trim());
    }
    // `一、上线前准备（以下事项请于9月24日前完成）`, `（一）行政事项（以下请于7月15日前完成）`: a
    // numbered section whose note introduces the list below it (and may give its deadline): the
    // note names the section.
    let subsection = bare
        .strip_prefix(['（', '('])
        .and_then(|r| r.split_once(['）', ')']));
    if let Some((n, rest)) = bare.split_once('、').or(subsection)
        && !n.is_empty()
        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
        && let Some((name, note)) = rest
            .strip_suffix(['）', ')'])
            .and_then(|r| r.rsplit_once(['（', '(']))
        && short(name.trim())
        && (note.starts_with("以下") || note.starts_with("下列"))
        && note.chars().count() <= 24
        && !note.contains(['，', ',', '。', '；'])
    {
        return Some(note.trim());
    }
    // `二、本周重点任务分工（R=负责 A=审批）`: a numbered section name with a note after it.
    if let Some((n, rest)) = bare.split_once('、')
        && !n.is_empty()
        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
        && let Some(name) = rest
            .strip_suffix(['）', ')'])
            .and_then(|r| r.rsplit_once(['（', '(']))
            .map(|(name, _)| name.trim())
        && short(name)
        && classify(name) != Section::Other
    {
        return Some(name);
    }
    // `Other`, `AOB` alone: English minutes' closing section, neither status nor tasks.
    if [
        "other",
        "others",
        "other business",
        "other items",
        "aob",
        "any other business",
        "misc",
    ]
    .contains(&bare.to_lowercase().as_str())
    {
        return Some(bare);
    }
    // A line that is just a section name: `待办`, `Next steps`.
    let tiny = if bare.is_ascii() {
        bare.split_whitespace().count() <= 3
    } else {
        bare.chars().count() <= 8 && !bare.contains(' ')
    };
    if short(bare) && tiny && classify(bare) != Section::Other {
        return Some(bare);
    }
    // `待办事项：`, `Next steps:`, `讨论内容：`; a lone `张三：` is a label, not a heading.
    if line.ends_with([':', '：'])
        && short(bare)
        && (classify(bare) != Section::Other || (bare.chars().count() <= 8 && !looks_like_person(bare)))
    {
        return Some(bare);
    }
    None
}

/// Emoji, dingbats and arrows (`✅`, `🔖`, `📌`, `➤`), and the variation selector after them.
fn is_symbol(c: char) -> bool {
    matches!(u32::from(c), 0x2190..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F)
}

fn looks_like_person(s: &str) -> bool {
    let n = s.chars().count();
    (2..=3).contains(&n) && s.chars().all(is_cjk)
}

/// `各岗位准备工作：`, `会前准备工作`, `各组筹备任务`: what each is to prepare, work to come (not
/// `准备工作情况`, `筹备工作汇报`, a report of it).
fn preparing(lower: &str) -> bool {
    ["准备工作", "筹备工作", "准备任务", "筹备任务"]
        .iter()
        .any(|w| lower.contains(w))
        && !["情况", "进度", "进展", "总结", "完成", "汇报", "回顾"]
            .iter()
            .any(|w| lower.contains(w))
}

pub(crate) fn classify(name: &str) -> Section {
    let lower = name.to_lowercase();
    // `关于数据治理`: a topic, whatever words it holds.
    if lower.trim_start().starts_with("关于") {
        return Section::Other;
    }
    // `AI` / `AIs` alone: English minutes' action items.
    if ["ai", "ais", "a.i."].contains(&lower.trim()) {
        return Section::Action;
    }
    // `本周五前完成`: a deadline alone heads the work due by it.
    if due_heading::is_due_heading(name) {
        return Section::Action;
    }
    if PAST_WORDS.iter().any(|w| lower.contains(w)) {
        Section::Status
    } else if week_plan(&lower) || ACTION_WORDS.iter().any(|w| lower.contains(w)) || preparing(&lower) {
        Section::Action
    } else if DECISION_WORDS.iter().any(|w| lower.contains(w)) {
        Section::Decision
    } else if STATUS_WORDS.iter().any(|w| lower.contains(w)) {
        Section::Status
    } else {
        Section::Other
    }
}
